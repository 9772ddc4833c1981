//! Checks across the plan: names and references, duplicate ids, dependency cycles, periods
//! against the calendar, lending and headcount, and the warnings a planner wants before the
//! feasibility check (teams without capacity, features larger than a PI, empty epics).

use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::NaiveDate;
use haalbaar_grammar::{Span, did_you_mean};
use petgraph::algo::kosaraju_scc;
use petgraph::graph::{DiGraph, NodeIndex};

use crate::calendar::{BindError, Calendar};
use crate::capacity::{CapacityTable, item_caps, people_cap_has_meaning};
use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::fixed::Fixed;
use crate::model::*;

mod capacity;
mod periods;
mod progress;

use capacity::{below_zero, by_team, capacity_warnings, teams};
pub use periods::lag_iterations;
use periods::periods;

/// Runs every check on a lowered plan. `cal` is `None` when the plan block had errors; then
/// the checks that need dates are skipped (the plan block's errors say why). `incomplete`
/// holds the ids of blocks with a line that could not be read; checks that something is
/// missing or zero skip them, so one mistake gives one diagnostic.
pub fn validate(
    plan: &Plan,
    cal: Option<&Calendar>,
    capacity: Option<&CapacityTable>,
    incomplete: &BTreeSet<String>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    numbers(plan, &mut out);
    duplicate_ids(plan, &mut out);
    references(plan, incomplete, &mut out);
    cycles(plan, &mut out);
    let by_team = by_team(plan);
    teams(plan, cal, &by_team, incomplete, &mut out);
    progress::progress(plan, cal, &mut out);
    if let Some(cal) = cal {
        periods(plan, cal, &mut out);
        if let Some(cap) = capacity {
            below_zero(plan, cal, cap, &mut out);
            capacity_warnings(plan, cal, cap, incomplete, &by_team, &mut out);
        }
    }
    let used: HashSet<&str> = plan.items.iter().filter_map(|i| i.epic.as_ref().map(|e| e.id.as_str())).collect();
    for epic in &plan.epics {
        if !used.contains(epic.id.as_str()) {
            out.push(
                Diagnostic::new(Code::W0503, format!("epic `{}` has no items", epic.id), epic.loc.0)
                    .with_help(format!("add `epic {}` to the items that make it up, or remove the epic", epic.id)),
            );
        }
    }
    out
}

fn duplicate_ids(plan: &Plan, out: &mut Vec<Diagnostic>) {
    let mut first: HashMap<&str, (&str, Option<Span>)> = HashMap::new();
    let all = plan
        .teams
        .iter()
        .map(|t| ("team", t.id.as_str(), t.loc.0))
        .chain(plan.epics.iter().map(|e| ("epic", e.id.as_str(), e.loc.0)))
        .chain(plan.items.iter().map(|i| ("item", i.id.as_str(), i.loc.0)))
        .chain(plan.milestones.iter().map(|m| ("milestone", m.id.as_str(), m.loc.0)));
    let mut all: Vec<_> = all.collect();
    all.sort_by_key(|(_, _, s)| s.map_or(0, |s| s.start));
    for (kind, id, span) in all {
        match first.get(id) {
            Some((k0, s0)) => out.push(
                Diagnostic::new(Code::E0204, format!("the id `{id}` is used twice"), span)
                    .with_label(format!("{kind} `{id}` defined again here"))
                    .with_secondary(*s0, format!("{k0} `{id}` first defined here"))
                    .with_help("teams, epics and items share one namespace; rename one of them"),
            ),
            None => {
                first.insert(id, (kind, span));
            }
        }
    }
}

/// The did-you-mean of a reference that names nothing: the help, and the same as an edit of
/// the reference (at `span`) to the id meant; `otherwise` when no id is near.
fn suggest<'a>(
    d: Diagnostic,
    word: &str,
    span: Option<Span>,
    ids: impl IntoIterator<Item = &'a str>,
    otherwise: impl FnOnce(Diagnostic) -> Diagnostic,
) -> Diagnostic {
    match did_you_mean(word, ids) {
        Some(s) => {
            let d = d.with_help(format!("did you mean `{s}`?"));
            match span {
                Some(span) => d.with_edit(span, s),
                None => d,
            }
        }
        None => otherwise(d),
    }
}

fn references(plan: &Plan, incomplete: &BTreeSet<String>, out: &mut Vec<Diagnostic>) {
    let teams: HashSet<&str> = plan.teams.iter().map(|t| t.id.as_str()).collect();
    let items: HashSet<&str> = plan.items.iter().map(|t| t.id.as_str()).collect();
    let epics: HashSet<&str> = plan.epics.iter().map(|t| t.id.as_str()).collect();
    let team_ids = || plan.teams.iter().map(|t| t.id.as_str());
    let item_ids = || plan.items.iter().map(|t| t.id.as_str());
    let epic_ids = || plan.epics.iter().map(|t| t.id.as_str());
    for item in &plan.items {
        let whole = !incomplete.contains(&item.id);
        match &item.team {
            None if whole => {
                out.push(Diagnostic::new(Code::E0206, format!("item `{}` has no team", item.id), item.loc.0).with_help(
                    match plan.teams.first() {
                        Some(t) => format!("add the team that does the work, such as: team {}", t.id),
                        None => "add a team block and name it in the item: team toegang".into(),
                    },
                ))
            }
            Some(r) if !teams.contains(r.id.as_str()) => {
                let d = Diagnostic::new(Code::E0201, format!("unknown team `{}`", r.id), r.loc.0)
                    .with_label("no team has this id");
                out.push(suggest(d, &r.id, r.loc.0, team_ids(), |d| {
                    d.with_help(format!("the teams are: {}", list(team_ids())))
                }));
            }
            _ => {}
        }
        if item.effort.is_none() && whole {
            out.push(
                Diagnostic::new(Code::E0207, format!("item `{}` has no effort", item.id), item.loc.0)
                    .with_help("add an estimate in the plan's unit, such as: effort 60..90"),
            );
        }
        if let Some(r) = &item.epic
            && !epics.contains(r.id.as_str())
        {
            let d = Diagnostic::new(Code::E0203, format!("unknown epic `{}`", r.id), r.loc.0)
                .with_label("no epic has this id");
            out.push(suggest(d, &r.id, r.loc.0, epic_ids(), |d| {
                d.with_help(format!("add a block: epic {} \"...\" {{ }}", r.id))
            }));
        }
        for dep in &item.after {
            // (An id of a line that could not be read has its own error.)
            if !items.contains(dep.item.id.as_str()) && !incomplete.contains(&dep.item.id) {
                let d = Diagnostic::new(Code::E0202, format!("unknown item `{}`", dep.item.id), dep.item.loc.0)
                    .with_label("no item has this id");
                // What `after` may name: an item, an epic, a milestone.
                let names = item_ids()
                    .filter(|i| *i != item.id)
                    .chain(plan.epics.iter().map(|e| e.id.as_str()))
                    .chain(plan.milestones.iter().map(|m| m.id.as_str()));
                out.push(suggest(d, &dep.item.id, dep.item.loc.0, names, |d| {
                    d.with_help("name an item, an epic or a milestone of this plan, or remove the line")
                }));
            }
        }
    }
    for team in &plan.teams {
        for lend in &team.lends {
            if lend.to.id == team.id {
                out.push(
                    Diagnostic::new(Code::E0405, format!("team `{}` lends people to itself", team.id), lend.to.loc.0)
                        .with_help("name the team that receives the people"),
                );
            } else if !teams.contains(lend.to.id.as_str()) {
                let d = Diagnostic::new(Code::E0201, format!("unknown team `{}`", lend.to.id), lend.to.loc.0)
                    .with_label("no team has this id");
                out.push(suggest(d, &lend.to.id, lend.to.loc.0, team_ids().filter(|t| *t != team.id), |d| {
                    d.with_help(format!("the teams are: {}", list(team_ids())))
                }));
            }
        }
    }
}

/// Every figure within the plan's limits (`fixed::MAX_WHOLE`): a file cannot hold larger
/// ones, but a plan built in code can, and no sum may then wrap or saturate.
fn numbers(plan: &Plan, out: &mut Vec<Diagnostic>) {
    let limit = Fixed::from_int(crate::fixed::MAX_WHOLE);
    let mut check = |what: String, v: Fixed, span: Option<Span>| {
        if v > limit || v < -limit {
            out.push(
                Diagnostic::new(
                    Code::E0112,
                    format!("{what} is {v}, more than the largest figure a plan may hold"),
                    span,
                )
                .with_help(format!("figures in a plan are at most {limit}")),
            );
        }
    };
    for t in &plan.teams {
        let at = t.loc.0;
        for (name, v) in [("people", t.people), ("capacity", t.fixed), ("velocity", t.velocity)] {
            if let Some(v) = v {
                check(format!("the {name} of team `{}`", t.id), v, at);
            }
        }
        for c in t.hires.iter().chain(&t.leaves) {
            check(format!("a headcount change of team `{}`", t.id), c.count, c.loc.0.or(at));
        }
        for v in &t.vacancies {
            check(format!("a vacancy of team `{}`", t.id), v.count, v.loc.0.or(at));
        }
        for l in &t.lends {
            check(format!("a lending of team `{}`", t.id), l.count, l.loc.0.or(at));
        }
        for o in &t.overrides {
            check(format!("a capacity override of team `{}`", t.id), o.amount, o.loc.0.or(at));
        }
        for a in &t.adjustments {
            let size = Fixed::from_millis(a.delta.millis().saturating_abs());
            check(format!("a capacity adjustment of team `{}`", t.id), size, a.loc.0.or(at));
        }
    }
    for item in &plan.items {
        if let Some(e) = &item.effort {
            for v in [Some(e.value.low), e.value.mode, Some(e.value.high)].into_iter().flatten() {
                check(format!("the effort of item `{}`", item.id), v, e.loc.0.or(item.loc.0));
            }
        }
        if let Some(m) = &item.max {
            let (Max::People(v) | Max::PerIteration(v)) = m.value;
            check(format!("the cap of item `{}`", item.id), v, m.loc.0.or(item.loc.0));
        }
    }
}

fn list<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    let v: Vec<String> = ids.map(|i| format!("`{i}`")).collect();
    if v.is_empty() { "none yet".into() } else { v.join(", ") }
}

/// Dependency cycles, found as strongly connected components; each is shown as one
/// closed path with every edge at its `after` line.
fn cycles(plan: &Plan, out: &mut Vec<Diagnostic>) {
    let mut g: DiGraph<usize, usize> = DiGraph::new();
    let nodes: Vec<NodeIndex> = (0..plan.items.len()).map(|i| g.add_node(i)).collect();
    let index: HashMap<&str, usize> = plan.items.iter().enumerate().rev().map(|(i, it)| (it.id.as_str(), i)).collect();
    for (i, item) in plan.items.iter().enumerate() {
        for (k, dep) in item.after.iter().enumerate() {
            if let Some(&j) = index.get(dep.item.id.as_str()) {
                // Edge from the item to what it waits for.
                g.add_edge(nodes[i], nodes[j], k);
            }
        }
    }
    let mut sccs = kosaraju_scc(&g);
    sccs.sort_by_key(|c| c.iter().map(|n| g[*n]).min());
    for scc in sccs {
        let members: Vec<usize> = scc.iter().map(|n| g[*n]).collect();
        let self_loop = members.len() == 1 && g.contains_edge(scc[0], scc[0]);
        if members.len() < 2 && !self_loop {
            continue;
        }
        // Walk the cycle from the first member in file order, always to the next member.
        let start = members.iter().copied().min().unwrap_or(0);
        let mut path: Vec<(usize, usize)> = Vec::new(); // (item, index of its `after`)
        let mut cur = start;
        let mut visited = vec![false; plan.items.len()];
        loop {
            visited[cur] = true;
            let next = plan.items[cur].after.iter().enumerate().find_map(|(k, d)| {
                let j = *index.get(d.item.id.as_str())?;
                (members.contains(&j) && (j == start || !visited[j])).then_some((j, k))
            });
            let Some((j, k)) = next else { break };
            path.push((cur, k));
            if j == start {
                break;
            }
            cur = j;
        }
        if path.is_empty() {
            continue;
        }
        let mut names: Vec<String> = path.iter().map(|(i, _)| format!("`{}`", plan.items[*i].id)).collect();
        names.push(format!("`{}`", plan.items[start].id));
        let (i0, k0) = path[0];
        let mut d = Diagnostic::new(
            Code::E0205,
            if self_loop {
                format!("item `{}` depends on itself", plan.items[start].id)
            } else {
                format!("dependency cycle: {}", names.join(" → "))
            },
            plan.items[i0].after[k0].loc.0,
        )
        .with_label(format!("`{}` waits for `{}`", plan.items[i0].id, plan.items[i0].after[k0].item.id));
        for (i, k) in path.iter().skip(1) {
            d = d.with_secondary(
                plan.items[*i].after[*k].loc.0,
                format!("`{}` waits for `{}`", plan.items[*i].id, plan.items[*i].after[*k].item.id),
            );
        }
        // `after EPIC` on an item of that epic waits for the item itself.
        let d = match &plan.items[i0].after[k0].via {
            Some(epic) if self_loop => d.with_help(format!(
                "`{}` is an item of epic `{epic}`, so `after {epic}` includes it: wait for the other items one by one",
                plan.items[i0].id
            )),
            _ => d.with_help("none of these items can ever start; remove one `after` of the cycle"),
        };
        out.push(d);
    }
}
