//! `haalbaar import`: plans from where the work already is. An export is read into a table
//! (`table.rs`: CSV; `xlsx.rs`: a workbook), the table into issues (`jira.rs`, by the mapping
//! of `mapping.rs`), and the issues merged into a plan (`merge.rs`): a new one, or the
//! planner's, where only the lines the import owns change. `report.rs` writes the comment at
//! the top that says what was mapped and what was left out.

pub mod capacity;
pub mod ids;
pub mod jira;
pub mod mapping;
pub mod merge;
pub mod owned;
pub mod report;
pub mod table;
pub mod xlsx;

use chrono::NaiveDate;

/// An issue to import.
#[derive(Debug, Clone)]
pub struct Issue {
    /// Where its row starts in the export.
    pub line: usize,
    /// The tracker's key (`GDI-123`).
    pub key: String,
    /// The summary: the block's title.
    pub summary: String,
    /// Item or epic.
    pub kind: IssueKind,
    /// The team, as the export names it (items only).
    pub team: Option<String>,
    /// The estimate in hundredths of the plan's unit (items only).
    pub effort: Option<Amount>,
    /// The day it was finished.
    pub finished: Option<NaiveDate>,
    /// The key of its epic.
    pub epic: Option<String>,
    /// The keys of the issues it waits for.
    pub after: Vec<String>,
    /// The due date: a `commit`.
    pub due: Option<NaiveDate>,
}

/// What an issue becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IssueKind {
    /// An `item` block.
    Item,
    /// An `epic` block.
    Epic,
}

impl IssueKind {
    /// The block's keyword.
    pub fn word(self) -> &'static str {
        match self {
            IssueKind::Item => "item",
            IssueKind::Epic => "epic",
        }
    }
}

/// An item's figures, in hundredths of the plan's unit.
#[derive(Debug, Clone, Copy)]
pub struct Amount {
    /// `effort`.
    pub effort: i64,
    /// `done` (time spent), for an item not finished.
    pub done: Option<i64>,
    /// `remaining`, when the export says what is left.
    pub remaining: Option<i64>,
    /// The estimate was raised to hold what is left.
    pub raised: bool,
}

/// A row, link or value left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The line of the export.
    pub line: usize,
    /// The issue's key (may be empty).
    pub key: String,
    /// Its summary (may be empty).
    pub summary: String,
    /// Why, in words.
    pub reason: String,
}

impl Skipped {
    /// Something of `issue` left out (a link, its epic).
    pub fn link(issue: &Issue, reason: String) -> Skipped {
        Skipped { line: issue.line, key: issue.key.clone(), summary: String::new(), reason }
    }
}

/// Hundredths as the plan writes a figure: `12`, `12.5`, `12.25`.
pub fn figure(h: i64) -> String {
    let (w, f) = (h / 100, h % 100);
    match f {
        0 => w.to_string(),
        f if f % 10 == 0 => format!("{w}.{}", f / 10),
        f => format!("{w}.{f:02}"),
    }
}

/// A string as the plan language writes it: quotes and backslashes escaped, no line breaks.
pub fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// What `haalbaar import jira` is given.
#[derive(Debug, Clone)]
pub struct Request {
    /// The export's name, for the report.
    pub export_name: String,
    /// The export's bytes.
    pub export: Vec<u8>,
    /// The mapping (its defaults: Jira's usual names).
    pub mapping: mapping::Mapping,
    /// The planner's plan to import into.
    pub into: Option<String>,
    /// The first day of a new plan (without `into`).
    pub start: Option<NaiveDate>,
    /// Remove blocks whose key the export no longer has.
    pub prune: bool,
    /// A workbook: read its capacity sheet only.
    pub capacity_only: bool,
}

/// The plan text an import gives, and what it did.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The plan: the report comment, then the plan, formatted.
    pub text: String,
    /// What was mapped and left out.
    pub facts: merge::Facts,
}

/// A Jira CSV export into a plan: a new one from `start`, or `into` with its keyed blocks
/// updated and the planner's lines kept.
pub fn jira(request: &Request) -> Result<Outcome, String> {
    if let Some(plan) = &request.into {
        merge::readable(plan).map_err(|e| format!("--into: {e}"))?;
    }
    let table = table::Table::from_csv(&request.export)?;
    let (base, points) = match (&request.into, request.start) {
        (Some(plan), _) => (plan.clone(), Some(merge::unit_points(plan))),
        (None, Some(_)) => (String::new(), None),
        (None, None) => return Err("give --start DATE (the first day of a new plan) or --into PLAN".into()),
    };
    let read = jira::read(&table, &request.mapping, points)?;
    let base = match (request.into.is_some(), request.start) {
        (false, Some(start)) => merge::skeleton(start, "Imported from Jira", read.unit == mapping::Unit::Points),
        _ => base,
    };
    let source = report::Source {
        what: "jira",
        row_word: "line",
        teams: None,
        file: request.export_name.clone(),
        style: format!(
            "{} columns{}{}",
            read.style,
            match table.separator {
                ',' => String::new(),
                '\t' => ", separated by tabs".to_string(),
                c => format!(", separated by `{c}`"),
            },
            table.encoding.map(|e| format!(", read as {e} (not UTF-8)")).unwrap_or_default()
        ),
        rows: table.rows.iter().filter(|r| !r.is_blank()).count(),
        estimates: read.estimates.clone(),
        other_links: read.other_links.clone(),
        types_left_out: read.types_left_out.clone(),
    };
    let options = merge::Options { prune: request.prune };
    let merged = merge::merge(&base, read, &request.mapping, &options)?;
    let text = format!("{}\n{}", report::comment(&source, &merged.facts), merged.text);
    Ok(Outcome { text, facts: merged.facts })
}

/// A workbook into a plan: its capacity sheet into the teams, its item sheet (the columns of a
/// Jira export) into items and epics, as [`jira`] does.
pub fn xlsx(request: &Request) -> Result<Outcome, String> {
    if let Some(plan) = &request.into {
        merge::readable(plan).map_err(|e| format!("--into: {e}"))?;
    }
    let book = xlsx::read(&request.export, request.mapping.columns.key.as_deref())?;
    let points = request.into.as_deref().map(merge::unit_points);
    if request.into.is_none() && request.start.is_none() {
        return Err("give --start DATE (the first day of a new plan) or --into PLAN".into());
    }
    let items = if request.capacity_only { None } else { book.items.as_ref() };
    if request.capacity_only && book.capacity.is_none() {
        return Err("--capacity-only: the workbook has no capacity sheet (a header with Team and People)".into());
    }
    let read = match items {
        Some((name, table)) => {
            Some(jira::read(table, &request.mapping, points).map_err(|e| format!("sheet `{name}`: {e}"))?)
        }
        None => None,
    };
    let mut base = match (&request.into, request.start) {
        (Some(plan), _) => merge::strip_report(plan),
        (None, Some(start)) => merge::skeleton(
            start,
            "Imported from a workbook",
            read.as_ref().is_some_and(|r| r.unit == mapping::Unit::Points),
        ),
        (None, None) => String::new(),
    };
    let mut skipped = Vec::new();
    let mut teams = None;
    let mut team_changes = Vec::new();
    let mut sheets = Vec::new();
    if let Some((name, table)) = &book.capacity {
        let (rows, left) = capacity::rows(table);
        skipped.extend(left.into_iter().map(|mut s| {
            s.reason = format!("sheet `{name}`: {}", s.reason);
            s
        }));
        let (text, team_facts) = capacity::merge(&base, &rows);
        base = text;
        teams = Some((team_facts.updated, team_facts.added));
        team_changes = team_facts.changed;
        sheets.push(format!("`{name}` (capacity)"));
    }
    let (text, mut facts, rows, estimates, other_links, types_left_out) = match (read, items) {
        (Some(read), Some((name, table))) => {
            sheets.push(format!("`{name}` (items)"));
            let estimates = read.estimates.clone();
            let other = read.other_links.clone();
            let types = read.types_left_out.clone();
            let merged = merge::merge(&base, read, &request.mapping, &merge::Options { prune: request.prune })?;
            (merged.text, merged.facts, table.rows.iter().filter(|r| !r.is_blank()).count(), estimates, other, types)
        }
        _ => {
            let text = haalbaar_grammar::format(&base).unwrap_or(base);
            (text, merge::Facts::default(), 0, String::new(), Default::default(), Default::default())
        }
    };
    facts.skipped.extend(skipped);
    facts.changed.splice(0..0, team_changes.into_iter().map(|(name, id, c)| (format!("team {name}"), id, c)));
    let source = report::Source {
        what: "xlsx",
        row_word: "row",
        teams,
        file: request.export_name.clone(),
        style: format!("sheets {}", sheets.join(", ")),
        rows,
        estimates,
        other_links,
        types_left_out,
    };
    let text = format!("{}\n{}", report::comment(&source, &facts), text);
    Ok(Outcome { text, facts })
}
