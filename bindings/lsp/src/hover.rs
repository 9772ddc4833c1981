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
            None => match keyword(doc, offset, w) {
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

/// The word (id, period, date, keyword) around `offset`.
pub fn word_at(text: &str, offset: usize) -> Option<(usize, usize)> {
    let is_word = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_');
    let offset = offset.min(text.len());
    let start = text[..offset].char_indices().rev().take_while(|(_, c)| is_word(*c)).last().map_or(offset, |(i, _)| i);
    let end = text[offset..].char_indices().find(|(_, c)| !is_word(*c)).map_or(text.len(), |(i, _)| offset + i);
    let (start, end) = trim_dots(text, start, end);
    (start < end).then_some((start, end))
}

fn trim_dots(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    while start < end && text[start..end].starts_with('.') {
        start += 1;
    }
    while start < end && text[start..end].ends_with('.') {
        end -= 1;
    }
    (start, end)
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
    if let Some(b) = board {
        let window = match (&b.start, &b.finish) {
            (Some(s), Some(f)) if s == f => format!("{} {} {s}", word("window", lang), word("scheduled", lang)),
            (Some(s), Some(f)) => format!("{} {} {s} – {f}", word("window", lang), word("scheduled", lang)),
            _ => format!("{} {}", word("window", lang), word("not scheduled", lang)),
        };
        let finish = b.finish.as_ref().map(|f| format!(" · {} {f}", word("finish", lang))).unwrap_or_default();
        out.push(format!("{window}{finish}"));
    }
    if let Some(f) = &item.finished {
        out.push(format!("{} {}", word("finished", lang), f.value));
    }
    out.extend(commitment(a, id, lang));
    Some(out.join("\n\n"))
}

fn commitment(a: &Analysis, id: &str, lang: Lang) -> Option<String> {
    let c = a.checked.feasibility.as_ref()?.commitments.iter().find(|c| c.item == id)?;
    let mut s = format!(
        "{} {} ({}, {}): **{}**",
        word("commitment", lang),
        c.deadline,
        word("deadline", lang),
        c.deadline_date,
        word(status_word(c.status), lang)
    );
    match (&c.finish, c.status) {
        (_, haalbaar::Status::Unknown) => {}
        (Some(f), haalbaar::Status::Met) => s.push_str(&format!(" · {f}")),
        (Some(f), _) => s.push_str(&format!(" · {} {f}", word("done by", lang))),
        (None, _) => s.push_str(&format!(" · {}", word("not done in the horizon", lang))),
    }
    if let Some(reason) = &c.reason {
        s.push_str(&format!("\n\n{}: {}", word("why", lang), reason.text()));
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
        let percent = pi.percent.map(|p| format!("{p}%")).unwrap_or_else(|| "–".into());
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
    let title = doc
        .parsed()
        .file
        .blocks
        .iter()
        .find(|b| b.id.as_ref().is_some_and(|i| i.value == id))
        .and_then(|b| b.title.as_ref().map(|t| t.value.clone()));
    let mut text = heading(word(kind.word(), lang), id, title.as_deref());
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

/// A PI (`PI3`), an iteration (`PI3.2`) or a date: its dates in the plan's calendar.
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
            "**PI{pi}**: {} – {} · {} × iteration ({}–{}) · {days} {}",
            first.start,
            last.end,
            of.len(),
            first.iteration,
            last.iteration,
            word("working days", lang)
        ));
    }
    let date = haalbaar::NaiveDate::parse_from_str(w, "%Y-%m-%d").ok()?;
    let row = rows.iter().find(|r| r.start <= date && date <= r.end)?;
    Some(format!("{w}: {}", iteration(row, lang)))
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

/// The first word of a statement: how that statement is written.
fn keyword(doc: &Document, offset: usize, w: &str) -> Option<String> {
    let start = word_at(&doc.text, offset)?.0;
    let line_start = doc.text[..start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    if !doc.text[line_start..start].trim().is_empty() {
        return None;
    }
    let block = crate::complete::enclosing_block(&doc.text, offset).unwrap_or(BlockKind::Plan);
    let examples: Vec<&str> =
        STATEMENTS.iter().filter(|(k, kw, _)| *kw == w && *k == block).map(|(_, _, e)| *e).collect();
    (!examples.is_empty()).then(|| format!("```haalbaar\n{}\n```", examples.join("\n")))
}
