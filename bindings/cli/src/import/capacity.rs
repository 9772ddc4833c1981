//! A capacity sheet into the plan's teams: one row per team (people, focus, reserve) and a row
//! per hire or leaver. For a team the sheet names, the sheet owns the `people`, `focus`,
//! `reserve`, `hire` and `leave` lines it gives figures for; every other line of the team
//! (`lend`, `vacancy`, `capacity`, `absent`, comments) stays. A team the plan lacks is added.

use chrono::NaiveDate;
use haalbaar_grammar::{BlockKind, Statement};

use super::ids::{Ids, slug};
use super::jira::{date, hundredths};
use super::owned::{Owned, line_end};
use super::table::Table;
use super::{Skipped, figure, quoted};

/// One team's figures from the sheet.
#[derive(Debug, Clone, Default)]
pub struct TeamRow {
    /// The sheet's `Team` value (an id or a title).
    pub team: String,
    /// Its title, if the sheet gives one.
    pub title: Option<String>,
    /// People, in hundredths.
    pub people: Option<i64>,
    /// Focus, in hundredths of a percent.
    pub focus: Option<i64>,
    /// Reserve, in hundredths of a percent.
    pub reserve: Option<i64>,
    /// Hires: (people in hundredths, the day).
    pub hires: Vec<(i64, NaiveDate)>,
    /// Leavers: (people in hundredths, the day).
    pub leaves: Vec<(i64, NaiveDate)>,
}

/// What the teams merge did.
#[derive(Debug, Clone, Default)]
pub struct TeamFacts {
    /// Teams of the plan updated.
    pub updated: usize,
    /// Teams added.
    pub added: usize,
    /// Rows left out.
    pub skipped: Vec<Skipped>,
    /// Teams whose lines changed: (the sheet's name, id, what changed).
    pub changed: Vec<(String, String, Vec<String>)>,
}

/// `0.8`, `80`, `80%` as hundredths of a percent (8000).
fn percent(text: &str) -> Option<i64> {
    let t = text.trim();
    if let Some(p) = t.strip_suffix('%') {
        return hundredths(p);
    }
    let h = hundredths(t)?;
    // A spreadsheet's percent cell holds a fraction (0.8); a plain figure above 1 is percent.
    Some(if h <= 100 { h * 100 } else { h })
}

/// The sheet's rows grouped per team, in the sheet's order.
pub fn rows(table: &Table) -> (Vec<TeamRow>, Vec<Skipped>) {
    let col = |names: &[&str]| names.iter().find_map(|n| table.column(n));
    let team = col(&["Team"]);
    let title = col(&["Title", "Name", "Naam"]);
    let people = col(&["People", "Mensen", "FTE"]);
    let focus = col(&["Focus"]);
    let reserve = col(&["Reserve"]);
    let hire = col(&["Hire", "Hires", "Instroom"]);
    let hire_on = col(&["Hire on", "Hire date", "Instroom per"]);
    let leave = col(&["Leave", "Leavers", "Uitstroom"]);
    let leave_on = col(&["Leave on", "Leave date", "Uitstroom per"]);
    let mut out: Vec<TeamRow> = Vec::new();
    let mut skipped = Vec::new();
    for row in &table.rows {
        if row.is_blank() {
            continue;
        }
        let get = |c: Option<usize>| c.map_or("", |c| row.cell(c));
        let name = get(team).to_string();
        let skip = |reason: String| Skipped { line: row.line, key: name.clone(), summary: String::new(), reason };
        if name.is_empty() {
            skipped.push(skip("no team".into()));
            continue;
        }
        let at = match out.iter().position(|t| t.team == name) {
            Some(i) => i,
            None => {
                out.push(TeamRow { team: name.clone(), ..TeamRow::default() });
                out.len() - 1
            }
        };
        let t = &mut out[at];
        if !get(title).is_empty() && t.title.is_none() {
            t.title = Some(get(title).to_string());
        }
        for (cell, slot, what, parse) in [
            (get(people), &mut t.people, "people", hundredths as fn(&str) -> Option<i64>),
            (get(focus), &mut t.focus, "focus", percent),
            (get(reserve), &mut t.reserve, "reserve", percent),
        ] {
            if cell.is_empty() {
                continue;
            }
            match parse(cell) {
                Some(v) if what != "people" && v > 10000 => skipped.push(skip(format!("{what} `{cell}` is over 100%"))),
                Some(v) if slot.is_some_and(|s| s != v) => {
                    skipped.push(skip(format!("{what} `{cell}`: the team's {what} is given above")))
                }
                Some(v) => *slot = Some(v),
                None => skipped.push(skip(format!("{what} `{cell}` is not a figure"))),
            }
        }
        for (n, on, list, what) in
            [(get(hire), get(hire_on), &mut t.hires, "hire"), (get(leave), get(leave_on), &mut t.leaves, "leave")]
        {
            if n.is_empty() && on.is_empty() {
                continue;
            }
            match (hundredths(n).filter(|&h| h > 0), date(on, None)) {
                (Some(h), Some(d)) => list.push((h, d)),
                (None, _) => skipped.push(skip(format!("{what} `{n}` is not a number of people"))),
                (_, None) => skipped.push(skip(format!("{what} of {n} without a day (`{on}`)"))),
            }
        }
    }
    (out, skipped)
}

/// The statements the sheet gives a team.
fn lines(t: &TeamRow) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(p) = t.people {
        out.push(format!("people {}", figure(p)));
    }
    if let Some(f) = t.focus {
        out.push(format!("focus {}%", figure(f)));
    }
    if let Some(r) = t.reserve {
        out.push(format!("reserve {}%", figure(r)));
    }
    for (n, d) in &t.hires {
        out.push(format!("hire {} on {d}", figure(*n)));
    }
    for (n, d) in &t.leaves {
        out.push(format!("leave {} on {d}", figure(*n)));
    }
    out
}

/// The plan `source` with the sheet's teams in it.
pub fn merge(source: &str, teams: &[TeamRow]) -> (String, TeamFacts) {
    let file = haalbaar_grammar::parse(source);
    let mut facts = TeamFacts::default();
    let mut ids = Ids::default();
    for b in &file.blocks {
        if let Some(id) = &b.id {
            ids.take(&id.value);
        }
    }
    let blocks: Vec<&haalbaar_grammar::Block> = file.blocks.iter().filter(|b| b.kind == BlockKind::Team).collect();
    let find = |t: &TeamRow| {
        let lower = t.team.to_lowercase();
        blocks.iter().position(|b| {
            b.id.as_ref().is_some_and(|i| i.value == t.team || Some(i.value.clone()) == slug(&t.team))
                || b.title.as_ref().is_some_and(|x| x.value.to_lowercase() == lower)
        })
    };
    let mut replaced: Vec<(usize, usize, String)> = Vec::new();
    let mut added = String::new();
    for t in teams {
        match find(t) {
            Some(k) => {
                let b = blocks[k];
                let (text, changes) = rebuild(source, b, t);
                if !changes.is_empty() {
                    let id = b.id.as_ref().map_or(String::new(), |i| i.value.clone());
                    facts.changed.push((t.team.clone(), id, changes));
                }
                replaced.push((b.span.start, b.span.end, text));
                facts.updated += 1;
            }
            None => {
                let id = if slug(&t.team).as_deref() == Some(t.team.as_str()) {
                    ids.take(&t.team);
                    t.team.clone()
                } else {
                    ids.new_id(&t.team, &t.team, "team")
                };
                let title = t.title.as_deref().or((id != t.team).then_some(t.team.as_str()));
                let title = title.map(|x| format!(" {}", quoted(x))).unwrap_or_default();
                added.push_str(&format!("\nteam {id}{title} {{\n"));
                for l in lines(t) {
                    added.push_str(&format!("  {l}\n"));
                }
                added.push_str("}\n");
                facts.added += 1;
            }
        }
    }
    replaced.sort_by_key(|r| r.0);
    let mut out = String::new();
    let mut at = 0;
    for (start, end, text) in replaced {
        out.push_str(&source[at..start]);
        out.push_str(&text);
        at = end;
    }
    out.push_str(&source[at..]);
    if !added.is_empty() {
        if !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(&added);
    }
    (out, facts)
}

/// A team block with the sheet's lines where the old ones of their kind stood (their trailing
/// comments kept) and the planner's other lines kept; what changed is returned.
fn rebuild(source: &str, b: &haalbaar_grammar::Block, t: &TeamRow) -> (String, Vec<String>) {
    let mut text = source[b.span.start..line_end(source, b.header.end)].to_string();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    // A reserve's reason (`reserve 15% "beheer"`) is the planner's: kept when the figure changes.
    let reason = b.statements.iter().find_map(|s| match &s.value {
        Statement::Reserve { reason: Some(r), .. } => Some(r.value.clone()),
        _ => None,
    });
    let owned: Vec<String> = lines(t)
        .into_iter()
        .map(|l| match (&reason, l.starts_with("reserve ")) {
            (Some(r), true) => format!("{l} {}", quoted(r)),
            _ => l,
        })
        .collect();
    // The sheet owns the statements it gives a figure for.
    let owned_here = Owned::of(source, b, &["hire", "leave"], |st| match st {
        Statement::People(_) => t.people.is_some(),
        Statement::Focus(_) => t.focus.is_some(),
        Statement::Reserve { .. } => t.reserve.is_some(),
        Statement::Hire { .. } => !t.hires.is_empty(),
        Statement::Leave { .. } => !t.leaves.is_empty(),
        _ => false,
    });
    let changes = owned_here.changes(&owned, &["people", "focus", "reserve", "hire", "leave"]);
    text.push_str(&owned_here.body(&owned));
    (text, changes)
}
