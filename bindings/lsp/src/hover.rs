//! Hover: on an item its team, effort, window, finish and (committed) status with the reason;
//! on a team its capacity and load per PI; on an epic its items and status; on a period its
//! dates; on a statement's keyword how it is written.

use haalbaar::catalogue::Lang;
use haalbaar::report::CalendarRow;
use haalbaar_grammar::{BlockKind, STATEMENTS};
use lsp_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind};

use crate::analysis::Analysis;
use crate::document::Document;
use crate::outline::status_word;
use crate::server::{Failure, Server};
use crate::symbols::{self, Kind};
use crate::words::word;

/// The hover at the cursor, if there is something to say.
pub fn hover(server: &Server, p: HoverParams) -> Result<Option<Hover>, Failure> {
    let uri = p.text_document_position_params.text_document.uri;
    let doc = server.document(&uri)?;
    let offset = doc.offset(p.text_document_position_params.position);
    let analysis = server.analysis(&uri);
    let lang = server.lang;
    let (text, span) = if let Some(o) = symbols::at(&doc.parsed().occurrences, offset) {
        let text = match (o.kind, analysis.as_deref()) {
            (Kind::Item, Some(a)) => item(a, &o.name, lang),
            (Kind::Team, Some(a)) => team(a, &o.name, lang),
            (Kind::Epic, Some(a)) => epic(a, &o.name, lang),
            _ => None,
        }
        .unwrap_or_else(|| plain(doc, o.kind, &o.name, lang));
        (text, (o.span.start, o.span.end))
    } else {
        let Some((start, end)) = word_at(&doc.text, offset) else { return Ok(None) };
        let w = &doc.text[start..end];
        let text = match analysis.as_deref().and_then(|a| period(a, w, lang)) {
            Some(t) => t,
            None => match keyword(doc, offset, w, lang) {
                Some(t) => t,
                None => return Ok(None),
            },
        };
        (text, (start, end))
    };
    Ok(Some(Hover {
        contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: text }),
        range: Some(doc.range(span.0, span.1)),
    }))
}

/// The word (id, period, date, keyword) around `offset`: `.` belongs to a word only between
/// digits (`PI3.2`), so `PI2..PI3` and `2024-12-23..2025-01-03` are two words each.
pub fn word_at(text: &str, offset: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let offset = offset.min(text.len());
    let word = |i: usize| {
        let b = bytes[i];
        b.is_ascii_alphanumeric()
            || b == b'_'
            || b == b'-'
            || (b == b'.' && i > 0 && bytes[i - 1].is_ascii_digit() && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
    };
    let mut start = offset;
    while start > 0 && word(start - 1) {
        start -= 1;
    }
    let mut end = offset;
    while end < bytes.len() && word(end) {
        end += 1;
    }
    (start < end).then_some((start, end))
}

fn item(a: &Analysis, id: &str, lang: Lang) -> Option<String> {
    let item = a.checked.plan.items.iter().find(|i| i.id == id)?;
    let mut out = vec![heading(word("item", lang), id, item.title.as_deref())];
    let mut facts = Vec::new();
    if let Some(team) = &item.team {
        facts.push(format!("{} `{}`", word("team", lang), team.id));
    }
    if let Some(effort) = &item.effort {
        facts.push(format!("{} {}", word("effort", lang), effort.value));
    }
    if !facts.is_empty() {
        out.push(facts.join(" · "));
    }
    let board = a.board().and_then(|b| b.items.iter().find(|i| i.item == id));
    let mut window = Vec::new();
    if let Some(p) = &item.not_before {
        window.push(format!("not before {}", p.value));
    }
    if let Some(p) = &item.placed {
        let (from, to) = &p.value;
        window.push(if from == to { format!("in {from}") } else { format!("in {from}..{to}") });
    }
    let after: Vec<String> = item.after.iter().chain(&item.milestones).map(|d| format!("`{}`", d.item.id)).collect();
    if !after.is_empty() {
        window.push(format!("after {}", after.join(", ")));
    }
    match board.map(|b| (&b.start, &b.finish)) {
        Some((Some(s), Some(f))) if s == f => window.push(format!("{} {s}", word("scheduled", lang))),
        Some((Some(s), Some(f))) => window.push(format!("{} {s} – {f}", word("scheduled", lang))),
        Some(_) => window.push(word("not scheduled", lang).to_string()),
        None => {}
    }
    if !window.is_empty() {
        let finish = board
            .and_then(|b| b.finish.as_ref())
            .map(|f| format!(" · {} {f}", word("finish", lang)))
            .unwrap_or_default();
        out.push(format!("{}: {}{finish}", word("window", lang), window.join(" · ")));
    }
    if let Some(f) = &item.finished {
        out.push(format!("{} {}", word("finished", lang), f.value));
    }
    out.extend(commitment(a, id, lang));
    // Committed through its epic.
    if let Some(epic) = item.epic.as_ref().filter(|_| item.commit.is_none()) {
        out.extend(commitment(a, &epic.id, lang).map(|c| format!("{} `{}`: {c}", word("through epic", lang), epic.id)));
    }
    Some(out.join("\n\n"))
}

fn commitment(a: &Analysis, id: &str, lang: Lang) -> Option<String> {
    let c = a.checked.feasibility.as_ref()?.commitments.iter().find(|c| c.item == id)?;
    let item = a.checked.plan.items.iter().find(|i| i.id == id);
    // An item with `in PI..` and no `commit`: its placement counts as a commitment.
    let placement = item.is_some_and(|i| i.commit.is_none() && i.placed.is_some());
    let what = if placement {
        format!(
            "{} ({} {}, {})",
            word("placement", lang),
            word("counts as a commitment by", lang),
            c.deadline,
            c.deadline_date
        )
    } else {
        format!("{} {} ({}, {})", word("commitment", lang), c.deadline, word("deadline", lang), c.deadline_date)
    };
    let hard = if c.hard { format!(" · {}", word("hard", lang)) } else { String::new() };
    let mut s = format!("{what}{hard}: **{}**", word(status_word(c.status), lang));
    match (&c.finish, c.status) {
        (_, haalbaar::Status::Unknown) => {}
        (Some(f), haalbaar::Status::Met) => s.push_str(&format!(" · {f}")),
        (Some(f), _) => s.push_str(&format!(" · {} {f}", word("done by", lang))),
        (None, _) => s.push_str(&format!(" · {}", word("not done in the horizon", lang))),
    }
    if let Some(reason) = &c.reason {
        s.push_str(&format!("\n\n{}: {}", word("why", lang), reason.text()));
    }
    if !c.conflicts_with.is_empty() {
        let with: Vec<String> = c.conflicts_with.iter().map(|w| format!("`{w}`")).collect();
        s.push_str(&format!("\n\n{} {}", word("competes with", lang), with.join(", ")));
    }
    if !c.repairs.is_empty() {
        let repairs: Vec<String> = c.repairs.iter().map(|r| format!("- {}", r.text())).collect();
        s.push_str(&format!("\n\n{}:\n{}", word("fix", lang), repairs.join("\n")));
    }
    Some(s)
}

fn team(a: &Analysis, id: &str, lang: Lang) -> Option<String> {
    let t = a.board()?.teams.iter().find(|t| t.team == id)?;
    let mut out = vec![heading(word("team", lang), id, t.title.as_deref())];
    let mut table = format!(
        "| {} | {} | {} | {} |\n|---|---:|---:|---:|",
        word("capacity per PI", lang),
        word("plannable", lang),
        word("planned", lang),
        word("load", lang)
    );
    for pi in &t.pis {
        let percent =
            pi.percent.map(|p| format!("{}%", (p.millis() + 500).div_euclid(1000))).unwrap_or_else(|| "–".into());
        table.push_str(&format!("\n| PI{} | {} | {} | {percent} |", pi.pi, pi.plannable, pi.planned));
    }
    out.push(table);
    Some(out.join("\n\n"))
}

fn epic(a: &Analysis, id: &str, lang: Lang) -> Option<String> {
    let e = a.checked.plan.epics.iter().find(|e| e.id == id)?;
    let mut out = vec![heading(word("epic", lang), id, e.title.as_deref())];
    let items: Vec<String> = a
        .checked
        .plan
        .items
        .iter()
        .filter(|i| i.epic.as_ref().is_some_and(|r| r.id == id))
        .map(|i| format!("`{}`", i.id))
        .collect();
    if !items.is_empty() {
        out.push(items.join(", "));
    }
    out.extend(commitment(a, id, lang));
    Some(out.join("\n\n"))
}

/// What the document alone says of an id (before any check, or where the check has nothing).
fn plain(doc: &Document, kind: Kind, id: &str, lang: Lang) -> String {
    let mut text = heading(word(kind.word(), lang), id, doc.title(id));
    let milestone = doc.block(id).filter(|b| b.kind == BlockKind::Milestone);
    for s in milestone.iter().flat_map(|b| &b.statements) {
        if let haalbaar_grammar::Statement::Milestone { date, chance } = &s.value {
            let d = &date.value;
            text.push_str(&format!("\n\n{:04}-{:02}-{:02}", d.year, d.month, d.day));
            if let Some(c) = chance {
                text.push_str(&format!(" · chance {}%", c.value.0));
            }
        }
    }
    if doc.parsed().occurrences.iter().all(|o| !(o.definition && o.name == id)) {
        text.push_str(&format!("\n\n{} `{id}`", word("not defined in this file", lang)));
    }
    text
}

fn heading(kind: &str, id: &str, title: Option<&str>) -> String {
    match title {
        Some(t) => format!("**{kind}** `{id}` — {t}"),
        None => format!("**{kind}** `{id}`"),
    }
}

/// A PI (`PI3`), an iteration (`PI3.2`), a quarter (`2025-Q2`) or a date: its dates in the
/// plan's calendar, and for a quarter or a date the iteration it binds to as a deadline.
fn period(a: &Analysis, w: &str, lang: Lang) -> Option<String> {
    let rows = haalbaar::report::calendar_rows(a.checked.calendar.as_ref()?);
    if let Some(row) = rows.iter().find(|r| r.iteration == w) {
        return Some(iteration(row, lang));
    }
    if let Some(pi) = w.strip_prefix("PI").and_then(|n| n.parse::<u32>().ok()) {
        let of: Vec<&CalendarRow> = rows.iter().filter(|r| r.pi == pi).collect();
        let (first, last) = (of.first()?, of.last()?);
        let days: u32 = of.iter().map(|r| r.working_days).sum();
        return Some(format!(
            "**PI{pi}**: {} – {} · {} {} ({}–{}) · {days} {}",
            first.start,
            last.end,
            of.len(),
            word("iterations", lang),
            first.iteration,
            last.iteration,
            word("working days", lang)
        ));
    }
    let (from, to) = if let Some((year, q)) = w.split_once("-Q") {
        let (year, q) = (year.parse::<i32>().ok()?, q.parse::<u32>().ok().filter(|q| (1..=4).contains(q))?);
        let from = haalbaar::NaiveDate::from_ymd_opt(year, 3 * q - 2, 1)?;
        let next = if q == 4 {
            haalbaar::NaiveDate::from_ymd_opt(year + 1, 1, 1)
        } else {
            haalbaar::NaiveDate::from_ymd_opt(year, 3 * q + 1, 1)
        };
        (from, next?.pred_opt()?)
    } else {
        let date = haalbaar::NaiveDate::parse_from_str(w, "%Y-%m-%d").ok()?;
        (date, date)
    };
    let mut out = if from == to { format!("**{w}**") } else { format!("**{w}**: {from} – {to}") };
    if let Some(row) = rows.iter().find(|r| r.start <= to && to <= r.end).filter(|_| from == to) {
        out.push_str(&format!("\n\n{}", iteration(row, lang)));
    }
    // As a deadline: the last iteration that ends on or before the day (the reference's rule).
    if let Some(row) = rows.iter().rfind(|r| r.end <= to) {
        out.push_str(&format!(
            "\n\n{}: {} ({} {})",
            word("as a deadline", lang),
            row.iteration,
            word("ends", lang),
            row.end
        ));
    }
    Some(out)
}

fn iteration(row: &CalendarRow, lang: Lang) -> String {
    let mut s = format!(
        "**{}**: {} – {} · {} {}",
        row.iteration,
        row.start,
        row.end,
        row.working_days,
        word("working days", lang)
    );
    if row.ip {
        s.push_str(&format!(" · {}", word("innovation and planning iteration", lang)));
    }
    if !row.holidays.is_empty() {
        s.push_str(&format!(" · {}: {}", word("holidays", lang), row.holidays.join(", ")));
    }
    s
}

/// The first word of a statement: an example of how that statement is written; a block's
/// keyword: what the block is.
fn keyword(doc: &Document, offset: usize, w: &str, lang: Lang) -> Option<String> {
    let start = word_at(&doc.text, offset)?.0;
    let line_start = doc.text[..start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    if !doc.text[line_start..start].trim().is_empty() {
        return None;
    }
    let block = crate::complete::enclosing_block(&doc.text, offset);
    if block.is_none() || block == Some(BlockKind::Scenario) && w == "add" {
        let meaning = match w {
            "plan" => "the calendar and the settings",
            "team" => "a team and its capacity",
            "epic" => "a group of items, with a commitment",
            "item" => "a piece of work for one team",
            "scenario" => "changes to the plan, checked apart from it",
            "milestone" => "another party's date, one line",
            _ => return None,
        };
        return Some(format!("**{w}**: {}", word(meaning, lang)));
    }
    let block = block.unwrap_or(BlockKind::Plan);
    let examples: Vec<&str> =
        STATEMENTS.iter().filter(|(k, kw, _)| *kw == w && *k == block).map(|(_, _, e)| *e).collect();
    (!examples.is_empty()).then(|| format!("{}:\n```haalbaar\n{}\n```", word("example", lang), examples.join("\n")))
}
