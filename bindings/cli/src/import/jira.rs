//! Jira's CSV export (Cloud and Data Center headers) read into issues: the columns found by
//! the mapping or by Jira's usual names, estimates in the plan's unit, links as `after`, and
//! every row left out with its reason.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{NaiveDate, NaiveDateTime};

use super::mapping::{Mapping, Unit};
use super::table::{Row, Table};
use super::{Amount, Issue, IssueKind, Skipped};

/// The issues of one export, and what the reader found out on the way.
#[derive(Debug, Default)]
pub struct Read {
    /// The issues to import, in the export's order.
    pub issues: Vec<Issue>,
    /// Rows, links and values left out, each with its reason.
    pub skipped: Vec<Skipped>,
    /// Which header style the file has (`Jira Cloud`, `Jira Data Center`).
    pub style: &'static str,
    /// Where the estimates came from, in words (`story points (Custom field (Story Points))`).
    pub estimates: String,
    /// The estimates' unit.
    pub unit: Unit,
    /// The newest `Updated` day of the export (the status date without a plan).
    pub newest_update: Option<NaiveDate>,
    /// Every key of the export, read or left out.
    pub keys: Vec<String>,
    /// Rows left out for their issue type, counted per type.
    pub types_left_out: BTreeMap<String, usize>,
    /// Links of types that do not mean `after`, counted per type.
    pub other_links: BTreeMap<String, usize>,
}

/// The columns the reader uses, found once.
struct Cols {
    key: usize,
    id: Option<usize>,
    summary: Option<usize>,
    kind: Option<usize>,
    status: Option<usize>,
    status_category: Option<usize>,
    team: Option<usize>,
    estimate: Option<usize>,
    spent: Option<usize>,
    remaining: Option<usize>,
    epic: Vec<usize>,
    resolved: Option<usize>,
    updated: Option<usize>,
    due: Option<usize>,
}

const STORY_POINTS: &[&str] =
    &["Custom field (Story Points)", "Custom field (Story point estimate)", "Story Points", "Story point estimate"];
const TIME_ESTIMATE: &[&str] = &["Original Estimate", "Σ Original Estimate"];

/// Column `name` from the mapping (which must exist), else the first of `usual` the header has.
fn find(table: &Table, named: &Option<String>, usual: &[&str], what: &str) -> Result<Option<usize>, String> {
    match named {
        Some(n) => table
            .column(n)
            .map(Some)
            .ok_or_else(|| format!("the mapping names column `{n}` for {what}, and the export has no such column")),
        None => Ok(table.first_of(usual).map(|(c, _)| c)),
    }
}

/// A day in one of the formats Jira writes (`12/Mar/24 10:15 AM`, `2024-03-12 10:15`, ISO), or
/// the mapping's format.
pub fn date(text: &str, format: Option<&str>) -> Option<NaiveDate> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    if let Some(f) = format {
        return NaiveDateTime::parse_from_str(t, f).map(|d| d.date()).or_else(|_| NaiveDate::parse_from_str(t, f)).ok();
    }
    const WITH_TIME: &[&str] = &[
        "%d/%b/%y %I:%M %p",
        "%d/%b/%y %H:%M",
        "%d/%b/%Y %I:%M %p",
        "%d/%b/%Y %H:%M",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
        "%d-%m-%Y %H:%M",
        "%d.%m.%Y %H:%M",
        "%d/%m/%Y %H:%M",
        "%Y/%m/%d %H:%M",
    ];
    const DAY: &[&str] = &["%d/%b/%y", "%d/%b/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y", "%Y/%m/%d"];
    if let Ok(d) = chrono::DateTime::parse_from_rfc3339(t) {
        return Some(d.date_naive());
    }
    if let Ok(d) = chrono::DateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S%.f%z") {
        return Some(d.date_naive());
    }
    WITH_TIME
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(t, f).ok().map(|d| d.date()))
        .or_else(|| DAY.iter().find_map(|f| NaiveDate::parse_from_str(t, f).ok()))
}

/// A decimal figure (`3`, `2.5`, `0,5`) in hundredths, rounded up; `None` when it is not one.
pub fn hundredths(text: &str) -> Option<i64> {
    let t = text.trim().replace(',', ".");
    if t.is_empty() || t.starts_with('-') {
        return None;
    }
    let (whole, frac) = t.split_once('.').unwrap_or((&t, ""));
    if whole.is_empty() && frac.is_empty()
        || !whole.chars().all(|c| c.is_ascii_digit())
        || !frac.chars().all(|c| c.is_ascii_digit())
        || whole.len() > 9
    {
        return None;
    }
    let w: i64 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
    let digits: Vec<i64> = frac.bytes().map(|b| i64::from(b - b'0')).collect();
    let mut h = w * 100 + digits.first().copied().unwrap_or(0) * 10 + digits.get(1).copied().unwrap_or(0);
    if digits.iter().skip(2).any(|&d| d != 0) {
        h += 1;
    }
    Some(h)
}

/// `a / b` rounded up (both positive).
fn div_up(a: i64, b: i64) -> i64 {
    (a + b - 1) / b
}

/// The estimate cell `text` in hundredths of the plan's unit.
fn in_plan_unit(text: &str, unit: Unit, m: &Mapping, plan_in_days: bool) -> Option<i64> {
    let h = hundredths(text)?;
    let minutes_per_day = (m.estimate.hours_per_day * 60.0).round() as i64;
    Some(match unit {
        Unit::Points if plan_in_days => {
            let per = (m.estimate.days_per_point.unwrap_or(1.0) * 100.0).round() as i64;
            div_up(h * per, 100)
        }
        Unit::Points | Unit::Days => h,
        // Seconds: `h` is seconds × 100; a day has minutes_per_day × 60 seconds.
        Unit::Seconds => div_up(h, minutes_per_day * 60),
        Unit::Hours => div_up(h * 60, minutes_per_day),
    })
}

/// Reads the export. `plan_unit_points`: the plan counts in points (`None`: no plan yet, the
/// estimates decide).
pub fn read(table: &Table, m: &Mapping, plan_unit_points: Option<bool>) -> Result<Read, String> {
    let c = &m.columns;
    let key = find(table, &c.key, &["Issue key", "Key"], "the issue key")?
        .ok_or("the export has no `Issue key` column (name it in the mapping: [columns] key = \"…\")")?;
    let story_points = STORY_POINTS.iter().find_map(|n| table.column(n).map(|col| (col, *n)));
    let points_used = story_points.is_some_and(|(col, _)| table.rows.iter().any(|r| hundredths(r.cell(col)).is_some()));
    let named = |n: &str, names: &[&str]| names.iter().any(|x| x.eq_ignore_ascii_case(n.trim()));
    let unit = match (m.estimate.unit, &c.estimate) {
        (Some(u), _) => u,
        (None, Some(n)) if named(n, STORY_POINTS) => Unit::Points,
        (None, Some(n)) if named(n, TIME_ESTIMATE) => Unit::Seconds,
        (None, Some(n)) => {
            return Err(format!(
                "say the unit of the estimate column `{n}` in the mapping: [estimate] unit = \"points\", \
                 \"seconds\", \"hours\" or \"days\""
            ));
        }
        (None, None) if points_used => Unit::Points,
        (None, None) => Unit::Seconds,
    };
    let (estimate, estimate_name) = match (&c.estimate, unit) {
        (Some(n), _) => (find(table, &c.estimate, &[], "the estimate")?, n.clone()),
        (None, Unit::Points) => match story_points {
            Some((col, name)) => (Some(col), name.to_string()),
            None => (None, String::new()),
        },
        (None, _) => match table.first_of(TIME_ESTIMATE) {
            Some((col, name)) => (Some(col), name.to_string()),
            None => (None, String::new()),
        },
    };
    if estimate.is_none() {
        return Err(match m.estimate.unit {
            Some(u) => format!(
                "the export has no estimate column for {} (name it in the mapping: [columns] estimate = \"…\")",
                u.word()
            ),
            None => "the export has no estimate: no story points in `Custom field (Story Points)` or \
                     `Custom field (Story point estimate)`, no `Original Estimate`; name the column in the \
                     mapping ([columns] estimate = \"…\", [estimate] unit = \"…\")"
                .into(),
        });
    }
    let timed = unit != Unit::Points;
    let cols = Cols {
        key,
        id: find(table, &c.id, &["Issue id"], "the issue id")?,
        summary: find(table, &c.summary, &["Summary"], "the summary")?,
        kind: find(table, &c.kind, &["Issue Type"], "the issue type")?,
        status: find(table, &c.status, &["Status"], "the status")?,
        status_category: table.column("Status Category"),
        team: find(table, &c.team, &["Team", "Custom field (Team)", "Team Name"], "the team")?,
        estimate,
        spent: if timed { find(table, &c.spent, &["Time Spent"], "the time spent")? } else { None },
        remaining: if timed {
            find(table, &c.remaining, &["Remaining Estimate"], "the remaining estimate")?
        } else {
            None
        },
        epic: match &c.epic {
            Some(_) => find(table, &c.epic, &[], "the epic")?.into_iter().collect(),
            None => ["Custom field (Epic Link)", "Epic Link", "Parent", "Parent id", "Parent key", "Epic"]
                .iter()
                .filter_map(|n| table.column(n))
                .collect(),
        },
        resolved: find(table, &c.resolved, &["Resolved"], "the day it was finished")?,
        updated: find(table, &c.updated, &["Updated"], "the day it last changed")?,
        due: find(table, &c.due, &["Due date", "Due Date"], "the due date")?,
    };
    let style = if table.column("Custom field (Epic Link)").is_some() || table.column("Parent id").is_some() {
        "Jira Data Center"
    } else if table.column("Parent").is_some()
        || table.column("Status Category").is_some()
        || table.column("Custom field (Story point estimate)").is_some()
    {
        "Jira Cloud"
    } else {
        "Jira"
    };
    let plan_in_days = plan_unit_points.map(|p| !p).unwrap_or(false);
    if unit == Unit::Points && plan_in_days && m.estimate.days_per_point.is_none() {
        return Err("the estimates are story points and the plan counts in days: give `unit points` in the \
                    plan, or say how many days a point is in the mapping ([estimate] days_per_point = …)"
            .into());
    }
    if unit != Unit::Points && plan_unit_points == Some(true) {
        return Err(format!(
            "the estimates are {} and the plan counts in points: import into a plan in days, or map a \
             story-point column ([columns] estimate = \"…\", [estimate] unit = \"points\")",
            unit.word()
        ));
    }
    let mut read = Read {
        style,
        unit,
        estimates: match unit {
            Unit::Points if plan_in_days => {
                format!("story points (`{estimate_name}`), {} days each", m.estimate.days_per_point.unwrap_or(1.0))
            }
            Unit::Points => format!("story points (`{estimate_name}`)"),
            Unit::Seconds => {
                format!("time in seconds (`{estimate_name}`), days of {} hours", m.estimate.hours_per_day)
            }
            Unit::Hours => format!("hours (`{estimate_name}`), days of {} hours", m.estimate.hours_per_day),
            Unit::Days => format!("days (`{estimate_name}`)"),
        },
        ..Read::default()
    };

    let lower = |v: Vec<String>| -> HashSet<String> { v.into_iter().map(|s| s.to_lowercase()).collect() };
    let epic_types = lower(m.epic_types());
    let item_types = m.types.items.clone().map(lower);
    let skipped_types = lower(m.skipped_types());
    let finished = lower(m.finished_statuses());
    let after_links = lower(m.after_links());
    let fmt = m.date_format.as_deref();

    // Link columns: `Inward issue link (Blocks)` and `Outward issue link (Blocks)`, repeated;
    // a sheet's `After` column holds what the issue waits for, like an inward link.
    let mut inward: Vec<usize> =
        find(table, &c.after, &["After", "Depends on", "Blocked by"], "what an issue waits for")?.into_iter().collect();
    let mut outward: Vec<usize> = Vec::new();
    for (i, h) in table.headers.iter().enumerate() {
        let h = h.trim();
        let (side, rest) = if let Some(r) = h.strip_prefix("Inward issue link (") {
            (&mut inward, r)
        } else if let Some(r) = h.strip_prefix("Outward issue link (") {
            (&mut outward, r)
        } else {
            continue;
        };
        let kind = rest.trim_end_matches(')').to_string();
        if after_links.contains(&kind.to_lowercase()) {
            side.push(i);
        } else {
            let n = table.rows.iter().filter(|r| !r.cell(i).is_empty()).count();
            if n > 0 {
                *read.other_links.entry(kind).or_default() += n;
            }
        }
    }

    // The numeric ids, for Cloud's `Parent` column.
    let by_id: HashMap<&str, &str> = match cols.id {
        Some(id) => table.rows.iter().map(|r| (r.cell(id), r.cell(cols.key))).filter(|(i, _)| !i.is_empty()).collect(),
        None => HashMap::new(),
    };
    let kind_of = |r: &Row| cols.kind.map_or("", |k| r.cell(k)).to_string();
    let mut seen: HashSet<String> = HashSet::new();
    let mut parents: Vec<(usize, String)> = Vec::new();
    let mut links: Vec<(String, String, usize)> = Vec::new(); // (before, after, line)
    for row in &table.rows {
        if row.is_blank() {
            continue;
        }
        let key = row.cell(cols.key).to_string();
        let summary = cols.summary.map_or("", |s| row.cell(s)).to_string();
        let skip = |reason: String| Skipped { line: row.line, key: key.clone(), summary: summary.clone(), reason };
        if key.is_empty() {
            read.skipped.push(skip("no issue key".into()));
            continue;
        }
        read.keys.push(key.clone());
        if !seen.insert(key.clone()) {
            read.skipped.push(skip("the same key as a row above".into()));
            continue;
        }
        if let Some(u) = cols.updated.and_then(|u| date(row.cell(u), fmt)) {
            read.newest_update = read.newest_update.max(Some(u));
        }
        let kind = kind_of(row);
        let kl = kind.to_lowercase();
        let is_epic = epic_types.contains(&kl);
        if skipped_types.contains(&kl) || (!is_epic && item_types.as_ref().is_some_and(|t| !t.contains(&kl))) {
            *read.types_left_out.entry(kind.clone()).or_default() += 1;
        }
        if skipped_types.contains(&kl) {
            read.skipped.push(skip(format!("a {kind}: its work is part of its parent's estimate")));
            continue;
        }
        if !is_epic && item_types.as_ref().is_some_and(|t| !t.contains(&kl)) {
            read.skipped.push(skip(format!("issue type `{kind}` is not mapped to items or epics")));
            continue;
        }
        let status = cols.status.map_or("", |s| row.cell(s));
        let category_done = cols.status_category.is_some_and(|s| row.cell(s).eq_ignore_ascii_case("done"))
            && m.status.finished.is_none();
        let is_finished = finished.contains(&status.to_lowercase()) || category_done;
        let unreadable = |c: Option<usize>| c.map(|c| row.cell(c)).filter(|v| !v.is_empty() && date(v, fmt).is_none());
        let finished_on = if is_finished {
            let on = cols
                .resolved
                .and_then(|r| date(row.cell(r), fmt))
                .or_else(|| cols.updated.and_then(|u| date(row.cell(u), fmt)));
            if on.is_none() {
                let why = match unreadable(cols.resolved).or(unreadable(cols.updated)) {
                    Some(v) => format!("`{v}` is not a date the import reads (set date_format in the mapping)"),
                    None => "without a `Resolved` or `Updated` day".to_string(),
                };
                read.skipped.push(skip(format!("status `{status}`, {why}: imported as not finished")));
            }
            on
        } else {
            None
        };
        if let Some(v) = unreadable(cols.due) {
            read.skipped.push(skip(format!(
                "due date `{v}` is not a date the import reads (set date_format in the mapping): no commit"
            )));
        }
        let team =
            cols.team.map(|t| row.cell(t).to_string()).filter(|t| !t.is_empty()).or_else(|| m.default_team.clone());
        let due = cols.due.and_then(|d| date(row.cell(d), fmt));
        let mut issue = Issue {
            line: row.line,
            key: key.clone(),
            summary: summary.clone(),
            kind: if is_epic { IssueKind::Epic } else { IssueKind::Item },
            team: None,
            effort: None,
            finished: finished_on,
            epic: None,
            after: Vec::new(),
            due,
        };
        if !is_epic {
            let Some(team) = team else {
                read.skipped.push(skip("no team (give one in Jira, or default_team in the mapping)".into()));
                continue;
            };
            issue.team = Some(team);
            let est = cols.estimate.map(|e| row.cell(e)).unwrap_or("");
            let mut effort = in_plan_unit(est, unit, m, plan_in_days).unwrap_or(0);
            let spent = cols.spent.and_then(|s| in_plan_unit(row.cell(s), unit, m, plan_in_days)).unwrap_or(0);
            let remaining = cols.remaining.and_then(|s| in_plan_unit(row.cell(s), unit, m, plan_in_days));
            if effort == 0 && timed {
                // No original estimate: what was spent and what is left.
                effort = spent + remaining.unwrap_or(0);
            }
            if effort == 0 {
                let what = match hundredths(est) {
                    _ if est.is_empty() => "no estimate".to_string(),
                    Some(_) => format!("estimate `{est}` is zero"),
                    None => format!("estimate `{est}` is not a figure"),
                };
                read.skipped.push(skip(format!("{what} (`{estimate_name}`)")));
                continue;
            }
            let mut amount = Amount { effort, done: None, remaining: None, raised: false };
            if timed && finished_on.is_none() {
                if spent > 0 {
                    amount.done = Some(spent);
                }
                if let Some(r) = remaining.filter(|&r| r != (effort - spent).max(0) || spent > 0) {
                    if r > effort {
                        amount.effort = r.max(spent + r);
                        amount.raised = true;
                    }
                    amount.remaining = Some(r);
                }
            }
            issue.effort = Some(amount);
        }
        // The epic: a key (Epic Link, Parent key) or a numeric id (Cloud's Parent).
        if let Some(parent) = cols.epic.iter().map(|&c| row.cell(c)).find(|v| !v.is_empty()) {
            let parent = by_id.get(parent).map_or(parent.to_string(), |k| k.to_string());
            parents.push((read.issues.len(), parent));
        }
        for p in row.cells_of(&inward) {
            for k in p.split([',', ';']).map(str::trim).filter(|k| !k.is_empty()) {
                links.push((k.to_string(), key.clone(), row.line));
            }
        }
        for p in row.cells_of(&outward) {
            for k in p.split([',', ';']).map(str::trim).filter(|k| !k.is_empty()) {
                links.push((key.clone(), k.to_string(), row.line));
            }
        }
        read.issues.push(issue);
    }

    // Epics and links between the issues imported.
    let index: HashMap<String, usize> = read.issues.iter().enumerate().map(|(i, s)| (s.key.clone(), i)).collect();
    let all_keys: HashSet<&str> = table.rows.iter().map(|r| r.cell(cols.key)).collect();
    for (n, parent) in parents {
        let issue = &read.issues[n];
        match index.get(&parent).map(|&p| &read.issues[p]) {
            Some(p) if p.kind == IssueKind::Epic && issue.kind == IssueKind::Item => {
                read.issues[n].epic = Some(parent);
            }
            Some(_) if issue.kind == IssueKind::Epic => {}
            Some(_) => read.skipped.push(Skipped::link(issue, format!("parent {parent} is not an epic: left out"))),
            None if all_keys.contains(parent.as_str()) => {
                read.skipped.push(Skipped::link(issue, format!("epic {parent} is not imported: left out")))
            }
            None => read.skipped.push(Skipped::link(issue, format!("epic {parent} is not in the export: left out"))),
        }
    }
    let mut pairs: HashSet<(String, String)> = HashSet::new();
    for (before, after, line) in links {
        if !pairs.insert((before.clone(), after.clone())) {
            continue;
        }
        let (Some(_), Some(&a)) = (index.get(&before), index.get(&after)) else {
            let missing = if index.contains_key(&before) { &after } else { &before };
            let why = if all_keys.contains(missing.as_str()) { "is not imported" } else { "is not in the export" };
            // Reported on the end that is imported.
            let on = if index.contains_key(&after) { &after } else { &before };
            if index.contains_key(on) {
                read.skipped.push(Skipped {
                    line,
                    key: on.clone(),
                    summary: String::new(),
                    reason: format!("{after} after {before}: {missing} {why}; link left out"),
                });
            }
            continue;
        };
        if read.issues[a].kind == IssueKind::Epic {
            read.skipped.push(Skipped {
                line,
                key: after.clone(),
                summary: String::new(),
                reason: format!("{after} after {before}: {after} is an epic, and an epic does not wait; link left out"),
            });
            continue;
        }
        if before == after {
            continue;
        }
        read.issues[a].after.push(before);
    }
    Ok(read)
}
