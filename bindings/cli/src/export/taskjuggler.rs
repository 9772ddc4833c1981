//! `--to taskjuggler`: a TaskJuggler 3 project (`.tjp`) with the check's schedule as the plan:
//! every scheduled item a task from the first day of its first iteration with work to the end
//! of its last, inside its epic's task; teams as resources (`responsible`); milestones as
//! milestones; `after` as `depends`. `tj3` reads it without errors (tested).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;

use haalbaar::NaiveDate;

use super::{Exported, note};

/// TaskJuggler ids: a prefix per kind (no clash with its keywords or between kinds), `-` as
/// `_`, a number added where two ids would become one.
struct Ids {
    given: HashMap<(char, String), String>,
    used: HashSet<String>,
}

impl Ids {
    fn of(&mut self, kind: char, id: &str) -> String {
        if let Some(done) = self.given.get(&(kind, id.to_string())) {
            return done.clone();
        }
        let base: String = std::iter::once(kind)
            .chain(std::iter::once('_'))
            .chain(id.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }))
            .collect();
        let mut name = base.clone();
        let mut n = 2;
        while !self.used.insert(name.clone()) {
            name = format!("{base}_{n}");
            n += 1;
        }
        self.given.insert((kind, id.to_string()), name.clone());
        name
    }
}

/// A string as TaskJuggler reads it: double quotes, no quote or line break inside.
fn quoted(s: &str) -> String {
    let clean: String = s
        .chars()
        .map(|c| {
            if c == '"' {
                '\''
            } else if c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect();
    format!("\"{}\"", clean.replace('\\', "/"))
}

fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The project as TaskJuggler 3 text.
pub fn tjp(e: &Exported) -> String {
    let plan = &e.checked.plan;
    let mut ids = Ids { given: HashMap::new(), used: HashSet::new() };
    let (Some(first), Some(last)) = (e.rows.first(), e.rows.last()) else { return String::new() };
    // The project starts with PI1, or earlier with the first item finished before it.
    let start =
        plan.items.iter().filter_map(|i| i.finished.as_ref().map(|f| f.value)).fold(first.start, |a, b| a.min(b));
    let end = last.end.succ_opt().unwrap_or(last.end);
    let mut out = String::new();
    let name = plan.title.clone().unwrap_or_else(|| "haalbaar plan".into());
    let _ = writeln!(out, "# Exported by haalbaar {}: the check's schedule as the plan.", env!("CARGO_PKG_VERSION"));
    let _ = writeln!(out, "project haalbaar {} {} - {} {{", quoted(&name), day(start), day(end));
    if let Some(now) = e.feasibility.as_of.filter(|d| *d >= start && *d < end) {
        let _ = writeln!(out, "  now {}", day(now));
    }
    let _ = writeln!(out, "}}\n");
    for team in &plan.teams {
        let title = team.title.clone().unwrap_or_else(|| team.id.clone());
        let _ = writeln!(out, "resource {} {}", ids.of('t', &team.id), quoted(&title));
    }
    out.push('\n');

    // Each scheduled item: its dates (first day of its first iteration with work, the day after
    // its last), or its finished day for an item done before the status date.
    let mut dates: HashMap<&str, (NaiveDate, NaiveDate)> = HashMap::new();
    for s in &e.feasibility.schedule {
        let from = s.start.as_deref().and_then(|i| e.row(i)).map(|r| r.start);
        let to = s.finish.as_deref().and_then(|i| e.row(i)).and_then(|r| r.end.succ_opt());
        let finished = plan.items.iter().find(|i| i.id == s.item).and_then(|i| i.finished.as_ref()).map(|f| f.value);
        let span = match (from, to, finished) {
            (Some(a), Some(b), _) => Some((a, b)),
            // Work that goes on past the horizon: to the project's end (a note says so).
            (Some(a), None, None) => Some((a, end)),
            (_, _, Some(f)) => Some((f, f.succ_opt().unwrap_or(f))),
            _ => None,
        };
        if let Some(span) = span {
            dates.insert(s.item.as_str(), span);
        }
    }
    // The full id of every task written, for `depends`.
    let mut full: HashMap<String, String> = HashMap::new();
    let mut by_epic: BTreeMap<Option<usize>, Vec<usize>> = BTreeMap::new();
    for (n, item) in plan.items.iter().enumerate() {
        if dates.contains_key(item.id.as_str()) {
            let epic = item.epic.as_ref().and_then(|r| plan.epics.iter().position(|e| e.id == r.id));
            by_epic.entry(epic).or_default().push(n);
        }
    }
    for m in &plan.milestones {
        full.insert(m.id.clone(), ids.of('m', &m.id));
    }
    for (epic, items) in &by_epic {
        let prefix = epic.map(|k| ids.of('e', &plan.epics[k].id));
        for &n in items {
            let id = ids.of('i', &plan.items[n].id);
            full.insert(plan.items[n].id.clone(), prefix.as_ref().map_or(id.clone(), |p| format!("{p}.{id}")));
        }
    }
    for m in &plan.milestones {
        let title = m.title.clone().unwrap_or_else(|| m.id.clone());
        let _ = writeln!(
            out,
            "task {} {} {{\n  start {}\n  milestone\n}}\n",
            ids.of('m', &m.id),
            quoted(&title),
            day(m.date.max(start))
        );
    }
    let commitments: HashMap<&str, &haalbaar::report::feasibility::CommitmentReport> =
        e.feasibility.commitments.iter().map(|c| (c.item.as_str(), c)).collect();
    for (epic, items) in &by_epic {
        let indent = if epic.is_some() { "  " } else { "" };
        if let Some(k) = epic {
            let ep = &plan.epics[*k];
            let _ = writeln!(out, "task {} {} {{", ids.of('e', &ep.id), quoted(ep.title.as_deref().unwrap_or(&ep.id)));
            if let Some(c) = commitments.get(ep.id.as_str()) {
                let _ = writeln!(out, "  note {}", quoted(&note(c)));
            }
        }
        for &n in items {
            let item = &plan.items[n];
            let (from, to) = dates[item.id.as_str()];
            let _ = writeln!(
                out,
                "{indent}task {} {} {{",
                ids.of('i', &item.id),
                quoted(item.title.as_deref().unwrap_or(&item.id))
            );
            let _ = writeln!(out, "{indent}  start {}\n{indent}  end {}", day(from), day(to));
            if let Some(team) = &item.team {
                let _ = writeln!(out, "{indent}  responsible {}", ids.of('t', &team.id));
            }
            // A finished item's dates are the record, not a schedule: it depends on nothing
            // (what it waited for may have finished the same day).
            let waits: Vec<&String> = item
                .after
                .iter()
                .chain(&item.milestones)
                .filter(|_| item.finished.is_none())
                .filter_map(|d| full.get(&d.item.id))
                .collect::<Vec<_>>();
            let mut seen = HashSet::new();
            let waits: Vec<&String> = waits.into_iter().filter(|w| seen.insert(*w)).collect();
            if !waits.is_empty() {
                let list: Vec<&str> = waits.iter().map(|w| w.as_str()).collect();
                let _ = writeln!(out, "{indent}  depends {}", list.join(", "));
            }
            let beyond = e
                .feasibility
                .schedule
                .iter()
                .find(|s| s.item == item.id)
                .map(|s| s.beyond_horizon)
                .filter(|b| !b.is_zero());
            if let Some(c) = commitments.get(item.id.as_str()) {
                let _ = writeln!(out, "{indent}  note {}", quoted(&note(c)));
            } else if let Some(days) = beyond {
                let _ = writeln!(
                    out,
                    "{indent}  note {}",
                    quoted(&format!("not finished inside the horizon: {days} days of work left after it"))
                );
            }
            let _ = writeln!(out, "{indent}}}");
        }
        if epic.is_some() {
            out.push_str("}\n");
        }
        out.push('\n');
    }
    let left: Vec<&str> =
        plan.items.iter().filter(|i| !dates.contains_key(i.id.as_str())).map(|i| i.id.as_str()).collect();
    if !left.is_empty() {
        let _ = writeln!(out, "# Not in the schedule (no work inside the horizon): {}", left.join(", "));
    }
    out
}
