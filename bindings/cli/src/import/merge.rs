//! Issues into a plan's text. A block with a `key` the export has is the import's to update,
//! but only in the lines it owns (title, `key`, `team`, `epic`, `effort`, `after` on another
//! imported block, `finished`, `done`, `remaining`); every other line in it, and every block
//! without a key, stays as the planner wrote it. New issues are added at the end.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use chrono::NaiveDate;
use haalbaar_grammar::{BlockKind, Statement};

use super::ids::{Ids, slug};
use super::jira::Read;
use super::mapping::Mapping;
use super::owned::{Owned, line_end};
use super::{Issue, IssueKind, Skipped, figure, quoted};

/// What the merge was asked.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Remove blocks whose key the export no longer has.
    pub prune: bool,
}

/// The plan text and what the import did.
#[derive(Debug, Clone, Default)]
pub struct Merged {
    /// The plan, formatted.
    pub text: String,
    /// Counts and lists for the report.
    pub facts: Facts,
}

/// What the report says.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// Items imported (new and updated).
    pub items: usize,
    /// Of which finished.
    pub finished: usize,
    /// Epics imported.
    pub epics: usize,
    /// `after` lines written.
    pub dependencies: usize,
    /// Blocks already in the plan that were updated.
    pub updated: usize,
    /// Blocks added.
    pub added: usize,
    /// Teams added without a capacity: (id, the export's name).
    pub new_teams: Vec<(String, String)>,
    /// The status date used, and where it came from.
    pub as_of: Option<(NaiveDate, &'static str)>,
    /// Keys the plan has and the export does not: (key, id, removed).
    pub gone: Vec<(String, String, String)>,
    /// Issues added to a plan that had imported ones already: (key, id).
    pub added_keys: Vec<(String, String)>,
    /// `[teams]` entries of the mapping that matched no team of the export.
    pub unused_teams: Vec<String>,
    /// The newest update of the export, when it lies after the plan's own status date.
    pub newer_export: Option<(NaiveDate, NaiveDate)>,
    /// Everything left out.
    pub skipped: Vec<Skipped>,
    /// Due dates the plan's own `commit` overrides: (key, due, the plan's line).
    pub commits_kept: Vec<(String, NaiveDate, String)>,
    /// Blocks of the plan whose imported lines changed: (key, id, what changed).
    pub changed: Vec<(String, String, Vec<String>)>,
}

/// A block of the plan that carries a key.
struct Keyed {
    block: usize,
    kind: BlockKind,
    id: String,
}

/// Facts of the planner's plan.
struct Plan {
    start: Option<NaiveDate>,
    as_of: Option<NaiveDate>,
    teams: Vec<(String, Option<String>)>,
    keyed: HashMap<String, Keyed>,
}

fn day(d: &haalbaar_grammar::Date) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(d.year as i32, d.month, d.day)
}

/// Whether the plan counts in points (`unit points`), `None` without a plan.
pub fn unit_points(source: &str) -> bool {
    let file = haalbaar_grammar::parse(source);
    file.blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Plan)
        .flat_map(|b| &b.statements)
        .any(|s| matches!(&s.value, Statement::Unit(u) if u.value == haalbaar_grammar::UnitName::Points))
}

/// The line and column of byte `at` (from 1).
fn line_col(source: &str, at: usize) -> (usize, usize) {
    let before = &source[..at.min(source.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// The skeleton of a new plan: its plan block.
pub fn skeleton(start: NaiveDate, title: &str, points: bool) -> String {
    let unit = if points { "  unit points\n" } else { "" };
    format!("plan {} {{\n  start {start}\n  horizon 18 months\n{unit}}}\n", quoted(title))
}

/// An error unless the plan reads without a syntax error (an import never rewrites a line it
/// cannot read).
pub fn readable(source: &str) -> Result<(), String> {
    match haalbaar_grammar::parse(source).errors.first() {
        Some(e) => {
            let (line, col) = line_col(source, e.span.start);
            Err(format!(
                "the plan has a syntax error at line {line}, column {col} ({}): fix it first (`haalbaar check`)",
                e.message
            ))
        }
        None => Ok(()),
    }
}

/// Merges the export `read` into the plan `source`.
pub fn merge(source: &str, read: Read, mapping: &Mapping, options: &Options) -> Result<Merged, String> {
    readable(source)?;
    let file = haalbaar_grammar::parse(source);
    // What the plan says.
    let mut plan = Plan { start: None, as_of: None, teams: Vec::new(), keyed: HashMap::new() };
    let mut ids = Ids::default();
    for (n, b) in file.blocks.iter().enumerate() {
        if let Some(id) = &b.id {
            ids.take(&id.value);
        }
        match b.kind {
            BlockKind::Plan => {
                for s in &b.statements {
                    match &s.value {
                        Statement::Start(d) => plan.start = day(&d.value),
                        Statement::AsOf(d) => plan.as_of = day(&d.value),
                        _ => {}
                    }
                }
            }
            BlockKind::Team => {
                if let Some(id) = &b.id {
                    plan.teams.push((id.value.clone(), b.title.as_ref().map(|t| t.value.clone())));
                }
            }
            BlockKind::Item | BlockKind::Epic => {
                for s in &b.statements {
                    if let (Statement::Key(k), Some(id)) = (&s.value, &b.id) {
                        let here = line_col(source, s.span.start).0;
                        if let Some(other) = plan.keyed.get(&k.value) {
                            let there = line_col(source, file.blocks[other.block].span.start).0;
                            return Err(format!(
                                "two blocks of the plan carry key {}: `{}` (line {there}) and `{}` (line {here}); \
                                 keep it on one",
                                quoted(&k.value),
                                other.id,
                                id.value
                            ));
                        }
                        plan.keyed.insert(k.value.clone(), Keyed { block: n, kind: b.kind, id: id.value.clone() });
                    }
                }
            }
            _ => {}
        }
    }

    let read_newest = read.newest_update;
    let read_keys = read.keys.clone();
    let mut facts = Facts { skipped: read.skipped, ..Facts::default() };
    let mut issues = read.issues;
    // Stable order: by project, then number.
    issues.sort_by_key(|i| key_order(&i.key));

    // The status date.
    let as_of = match (plan.as_of, read.newest_update) {
        (Some(d), _) => Some((d, "the plan's `as of`")),
        (None, Some(d)) => Some((d, "the newest `Updated` day of the export")),
        (None, None) => None,
    };
    facts.as_of = as_of;
    for issue in &mut issues {
        if let Some(f) = issue.finished {
            match as_of {
                Some((d, _)) if f > d => {
                    facts.skipped.push(Skipped::link(
                        issue,
                        format!("finished on {f}, after the status date {d}: imported as not finished"),
                    ));
                    issue.finished = None;
                }
                None => {
                    facts.skipped.push(Skipped::link(
                        issue,
                        "finished, but there is no status date (no `as of`, no `Updated` column): imported as not finished"
                            .into(),
                    ));
                    issue.finished = None;
                }
                _ => {}
            }
        }
    }

    // Issues whose key is on a block of another kind stay as the plan has them.
    issues.retain(|i| match plan.keyed.get(&i.key) {
        Some(k) if (k.kind == BlockKind::Epic) != (i.kind == IssueKind::Epic) => {
            let (is, was) = (i.kind.word(), if k.kind == BlockKind::Epic { "epic" } else { "item" });
            facts.skipped.push(Skipped::link(
                i,
                format!("an {is} in the export and an {was} in the plan (`{}`): left as the plan has it", k.id),
            ));
            false
        }
        _ => true,
    });

    // Ids: the plan's for the keys it has, new ones for the rest.
    let mut id_of: HashMap<String, String> = HashMap::new();
    for i in &issues {
        let id = match plan.keyed.get(&i.key) {
            Some(k) => k.id.clone(),
            None => ids.new_id(&i.summary, &i.key, i.kind.word()),
        };
        id_of.insert(i.key.clone(), id);
    }

    // Teams: the mapping's, the plan's by title or id, else a new one.
    let mut team_of: HashMap<String, String> = HashMap::new();
    for name in issues.iter().filter_map(|i| i.team.clone()).collect::<BTreeSet<String>>() {
        let lower = name.to_lowercase();
        let known = mapping.teams.get(&name).cloned().or_else(|| {
            plan.teams
                .iter()
                .find(|(id, title)| {
                    title.as_deref().is_some_and(|t| t.to_lowercase() == lower)
                        || id.to_lowercase() == lower
                        || slug(&name).as_deref() == Some(id.as_str())
                })
                .map(|(id, _)| id.clone())
        });
        let id = match known {
            Some(id) if plan.teams.iter().any(|(t, _)| *t == id) || facts.new_teams.iter().any(|(t, _)| *t == id) => id,
            Some(id) => {
                // The mapping's team the plan lacks: made, like any new team.
                ids.take(&id);
                facts.new_teams.push((id.clone(), name.clone()));
                id
            }
            None => {
                let id = ids.new_id(&name, &name, "team");
                facts.new_teams.push((id.clone(), name.clone()));
                id
            }
        };
        team_of.insert(name, id);
    }

    // [teams] entries of the mapping that no issue names.
    let named_teams: HashSet<&str> = issues.iter().filter_map(|i| i.team.as_deref()).collect();
    facts.unused_teams = mapping.teams.keys().filter(|k| !named_teams.contains(k.as_str())).cloned().collect();

    // Dependencies that the plan could not hold.
    let by_key: HashMap<String, usize> = issues.iter().enumerate().map(|(n, i)| (i.key.clone(), n)).collect();
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); issues.len()];
    for (n, issue) in issues.iter().enumerate() {
        for before in &issue.after {
            let Some(&b) = by_key.get(before) else { continue };
            let other = &issues[b];
            if other.kind == IssueKind::Epic {
                facts.skipped.push(Skipped::link(
                    issue,
                    format!("{} after epic {before}: a link to an epic is left out (link its items)", issue.key),
                ));
                continue;
            }
            if let Some(f) = issue.finished {
                match other.finished {
                    Some(g) if g <= f => {}
                    Some(g) => {
                        facts.skipped.push(Skipped::link(
                            issue,
                            format!(
                                "{} after {before}: finished on {f}, before {before} (on {g}); link left out",
                                issue.key
                            ),
                        ));
                        continue;
                    }
                    None => {
                        facts.skipped.push(Skipped::link(
                            issue,
                            format!("{} after {before}: finished while {before} is not; link left out", issue.key),
                        ));
                        continue;
                    }
                }
            }
            if !after[n].contains(&b) {
                after[n].push(b);
            }
        }
    }
    break_cycles(&issues, &mut after, &mut facts.skipped);

    // The lines the import owns, per issue.
    let start = plan.start;
    let mut owned: HashMap<String, Vec<String>> = HashMap::new();
    let mut due_of: HashMap<String, NaiveDate> = HashMap::new();
    for (n, issue) in issues.iter().enumerate() {
        let mut lines = vec![format!("key {}", quoted(&issue.key))];
        if issue.kind == IssueKind::Item {
            facts.items += 1;
            if let Some(t) = issue.team.as_ref().and_then(|t| team_of.get(t)) {
                lines.push(format!("team {t}"));
            }
            if let Some(e) = issue.epic.as_ref().and_then(|e| id_of.get(e)) {
                lines.push(format!("epic {e}"));
            }
            if let Some(a) = &issue.effort {
                lines.push(format!("effort {}", figure(a.effort)));
                if a.raised {
                    facts.skipped.push(Skipped::link(
                        issue,
                        format!("estimate raised to {} to hold what is left (done and remaining)", figure(a.effort)),
                    ));
                }
            }
            for &b in &after[n] {
                lines.push(format!("after {}", id_of[&issues[b].key]));
                facts.dependencies += 1;
            }
            match (issue.finished, &issue.effort) {
                (Some(f), _) => {
                    lines.push(format!("finished {f}"));
                    facts.finished += 1;
                }
                (None, Some(a)) if as_of.is_some() => {
                    if let Some(d) = a.done {
                        lines.push(format!("done {}", figure(d)));
                    }
                    if let Some(r) = a.remaining {
                        lines.push(format!("remaining {}", figure(r)));
                    }
                }
                _ => {}
            }
        } else {
            facts.epics += 1;
        }
        if let Some(due) = issue.due {
            if issue.finished.is_some() {
            } else if start.is_some_and(|s| due < s) {
                facts
                    .skipped
                    .push(Skipped::link(issue, format!("due date {due} is before the plan's start: no commit")));
            } else {
                due_of.insert(issue.key.clone(), due);
            }
        }
        owned.insert(issue.key.clone(), lines);
    }

    // The text: the plan with its keyed blocks updated, then what is new.
    let imported_ids: HashSet<String> =
        id_of.values().cloned().chain(plan.keyed.values().map(|k| k.id.clone())).collect();
    let in_export: HashSet<&str> = issues.iter().map(|i| i.key.as_str()).collect();
    let projects: HashSet<&str> = read_keys.iter().map(|k| project(k)).collect();
    let skipped_keys: HashSet<String> = facts.skipped.iter().map(|s| s.key.clone()).collect();
    let mut out = String::new();
    let mut at = 0;
    let mut title_of: HashMap<&str, &str> = HashMap::new();
    for i in &issues {
        title_of.insert(i.key.as_str(), i.summary.as_str());
    }
    let keyed_blocks: BTreeMap<usize, &String> = plan.keyed.iter().map(|(k, b)| (b.block, k)).collect();
    let as_of_missing = plan.as_of.is_none() && as_of.is_some();
    if let (Some(mine), Some(newest)) = (plan.as_of, read_newest)
        && newest > mine
    {
        facts.newer_export = Some((mine, newest));
    }
    // Ids your own lines name (in blocks without a key): `--prune` does not take those away.
    let mut named_by: HashMap<&str, String> = HashMap::new();
    for (n, b) in file.blocks.iter().enumerate() {
        if keyed_blocks.contains_key(&n) {
            continue;
        }
        for s in &b.statements {
            let id = match &s.value {
                Statement::After { item, .. } => &item.value,
                Statement::Epic(e) => &e.value,
                _ => continue,
            };
            let by = b.id.as_ref().map_or("the plan".to_string(), |i| format!("`{}`", i.value));
            let what = source[s.span.start..s.span.end].trim().to_string();
            named_by.entry(id.as_str()).or_insert_with(|| format!("{by} has `{what}`"));
        }
    }
    // New teams, epics and items: before the first scenario (a scenario changes the blocks
    // above it), else at the end.
    let mut new = String::new();
    for (id, name) in &facts.new_teams {
        new.push_str(&format!(
            "\n# A team the export names and the plan did not have: give it its people (or a capacity).\nteam {id} {} {{\n  capacity 0 per iteration\n}}\n",
            quoted(name)
        ));
    }
    for kind in [IssueKind::Epic, IssueKind::Item] {
        for issue in issues.iter().filter(|i| i.kind == kind && !plan.keyed.contains_key(&i.key)) {
            let mut lines = owned[&issue.key].clone();
            if let Some(due) = due_of.remove(&issue.key) {
                lines.push(format!("commit {due}"));
            }
            new.push_str(&format!("\n{} {} {} {{\n", kind.word(), id_of[&issue.key], quoted(&issue.summary)));
            for l in lines {
                new.push_str(&format!("  {l}\n"));
            }
            new.push_str("}\n");
            facts.added += 1;
            if !plan.keyed.is_empty() {
                facts.added_keys.push((issue.key.clone(), id_of[&issue.key].clone()));
            }
        }
    }
    let mut placed_new = new.is_empty();
    for (n, b) in file.blocks.iter().enumerate() {
        if b.kind == BlockKind::Scenario && !placed_new {
            // Above the comment lines that head the scenario.
            let mut here = source[..b.span.start].rfind('\n').map_or(0, |p| p + 1).max(at);
            while here > at {
                let prev = source[..here - 1].rfind('\n').map_or(0, |p| p + 1).max(at);
                if !source[prev..here].trim_start().starts_with('#') {
                    break;
                }
                here = prev;
            }
            out.push_str(&source[at..here]);
            out.push_str(new.trim_start_matches('\n'));
            out.push('\n');
            at = here;
            placed_new = true;
        }
        if b.kind == BlockKind::Plan && as_of_missing {
            // Before the block's closing brace.
            let close = source[..b.span.end].rfind('}').unwrap_or(b.span.end);
            let insert = source[..close].rfind('\n').map_or(close, |p| p + 1).max(b.header.end);
            let Some((d, _)) = as_of else { continue };
            out.push_str(&source[at..insert]);
            out.push_str(&format!("  as of {d}\n"));
            at = insert;
            continue;
        }
        let Some(key) = keyed_blocks.get(&n) else { continue };
        if !in_export.contains(key.as_str()) {
            // Keys of projects the export does not hold are not this export's to judge.
            if !skipped_keys.contains(key.as_str()) && projects.contains(project(key)) {
                let id = plan.keyed[*key].id.clone();
                let named = named_by.get(id.as_str());
                let what = match (options.prune, named) {
                    (false, _) => "kept (--prune removes it)".to_string(),
                    (true, Some(by)) => format!("kept: {by}"),
                    (true, None) => "removed (--prune)".to_string(),
                };
                facts.gone.push(((*key).clone(), id, what));
                if options.prune && named.is_none() {
                    out.push_str(&source[at..b.span.start]);
                    at = if source[..b.span.end].ends_with('\n') { b.span.end } else { line_end(source, b.span.end) };
                }
            }
            continue;
        }
        out.push_str(&source[at..b.span.start]);
        out.push_str(&rebuild(
            source,
            b,
            &owned[*key],
            title_of[key.as_str()],
            &imported_ids,
            key,
            &mut due_of,
            &mut facts,
        ));
        at = b.span.end;
        facts.updated += 1;
    }
    out.push_str(&source[at..]);

    if !new.is_empty() && !placed_new {
        if !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(&new);
    }
    let text = strip_report(&out);
    let text = haalbaar_grammar::format(&text).unwrap_or(text);
    Ok(Merged { text, facts })
}

/// The project of a key: `GDI` of `GDI-12`.
fn project(key: &str) -> &str {
    key.rsplit_once('-').map_or(key, |(p, _)| p)
}

/// `GDI-12` before `GDI-100`: the project, then the number.
fn key_order(key: &str) -> (String, u64, String) {
    match key.rsplit_once('-') {
        Some((p, n)) if n.parse::<u64>().is_ok() => (p.to_string(), n.parse().unwrap_or(0), String::new()),
        _ => (key.to_string(), 0, key.to_string()),
    }
}

/// Leaves out the links that close a cycle (Jira allows them, the plan does not), the first
/// found walking the issues in key order; each is reported.
fn break_cycles(issues: &[Issue], after: &mut [Vec<usize>], skipped: &mut Vec<Skipped>) {
    // 0 new, 1 on the walk, 2 done.
    let mut state = vec![0u8; issues.len()];
    for root in 0..issues.len() {
        if state[root] != 0 {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        state[root] = 1;
        while let Some(&mut (n, ref mut next)) = stack.last_mut() {
            if *next < after[n].len() {
                let b = after[n][*next];
                match state[b] {
                    0 => {
                        *next += 1;
                        state[b] = 1;
                        stack.push((b, 0));
                    }
                    1 => {
                        after[n].remove(*next);
                        skipped.push(Skipped::link(
                            &issues[n],
                            format!("{} after {}: the link closes a cycle; left out", issues[n].key, issues[b].key),
                        ));
                    }
                    _ => *next += 1,
                }
            } else {
                state[n] = 2;
                stack.pop();
            }
        }
    }
}

/// A keyed block of the plan with the import's lines new and the planner's kept. A comment at
/// the end of a line the import replaces stays on the new line of the same statement; what
/// changed (and any comment that went with a line the export no longer has) goes into
/// `facts.changed`.
#[allow(clippy::too_many_arguments)]
fn rebuild(
    source: &str,
    b: &haalbaar_grammar::Block,
    owned: &[String],
    title: &str,
    imported: &HashSet<String>,
    key: &str,
    due_of: &mut HashMap<String, NaiveDate>,
    facts: &mut Facts,
) -> String {
    let id = b.id.as_ref().map_or("", |i| i.value.as_str());
    let kind = if b.kind == BlockKind::Epic { "epic" } else { "item" };
    let header_rest = &source[b.header.end..line_end(source, b.header.end)];
    let mut text = format!("{kind} {id} {} {{{header_rest}", quoted(title));
    if !text.ends_with('\n') {
        text.push('\n');
    }
    let mut changes: Vec<String> = Vec::new();
    let old_title = b.title.as_ref().map_or("", |t| t.value.as_str());
    if quoted(old_title) != quoted(title) {
        changes.push(format!("title {} → {}", quoted(old_title), quoted(title)));
    }
    // The statements the import owns here.
    let owned_here = Owned::of(source, b, &["after"], |st| match st {
        Statement::Key(_)
        | Statement::Team(_)
        | Statement::Epic(_)
        | Statement::Effort(_)
        | Statement::Finished(_)
        | Statement::Remaining(_)
        | Statement::Done { by: None, .. } => true,
        Statement::After { item, .. } => imported.contains(&item.value),
        _ => false,
    });
    let commit = b.statements.iter().find_map(|s| match s.value {
        Statement::Commit { .. } => Some(source[s.span.start..s.span.end].to_string()),
        _ => None,
    });
    let mut owned: Vec<String> = owned.to_vec();
    if let Some(due) = due_of.remove(key) {
        match commit {
            None => owned.push(format!("commit {due}")),
            Some(c) if c.trim() != format!("commit {due}") => facts.commits_kept.push((key.to_string(), due, c)),
            Some(_) => {}
        }
    }
    changes.extend(
        owned_here
            .changes(&owned, &["key", "team", "epic", "effort", "after", "finished", "done", "remaining", "commit"]),
    );
    if !changes.is_empty() {
        facts.changed.push((key.to_string(), id.to_string(), changes));
    }
    text.push_str(&owned_here.body(&owned));
    text
}

/// The text without an earlier import's report (the comment lines at the top from
/// `# haalbaar import` to `# end of the import report`).
pub fn strip_report(text: &str) -> String {
    let first = text.trim_start_matches(['\n', ' ']);
    if !first.starts_with(super::report::FIRST) {
        return text.to_string();
    }
    match first.find(super::report::LAST) {
        Some(p) => {
            let rest = &first[p + super::report::LAST.len()..];
            rest.trim_start_matches([' ']).trim_start_matches('\n').trim_start_matches('\n').to_string()
        }
        None => text.to_string(),
    }
}
