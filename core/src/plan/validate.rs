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
        .chain(plan.items.iter().map(|i| ("item", i.id.as_str(), i.loc.0)));
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
            if !items.contains(dep.item.id.as_str()) {
                let d = Diagnostic::new(Code::E0202, format!("unknown item `{}`", dep.item.id), dep.item.loc.0)
                    .with_label("no item has this id");
                out.push(suggest(d, &dep.item.id, dep.item.loc.0, item_ids().filter(|i| *i != item.id), |d| {
                    d.with_help("name an item of this plan, or remove the line")
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

/// Iterations a `capacity ... -N` takes below zero (E0412), once per adjustment, at the first
/// such iteration.
fn below_zero(plan: &Plan, cal: &Calendar, cap: &CapacityTable, out: &mut Vec<Diagnostic>) {
    for (k, team) in plan.teams.iter().enumerate() {
        if team.adjustments.is_empty() {
            continue;
        }
        let Some(tc) = cap.team_at(k, &team.id) else { continue };
        for a in team.adjustments.iter().filter(|a| a.delta.is_negative()) {
            let hit = tc.iterations.iter().enumerate().find(|(i, cell)| {
                let it = &cal.iterations[*i];
                it.pi == a.pi && a.iteration.is_none_or(|n| it.number == n) && cell.capacity.is_negative()
            });
            if let Some((i, cell)) = hit {
                out.push(
                    Diagnostic::new(
                        Code::E0412,
                        format!(
                            "this takes team `{}` below zero in {}: {} is left",
                            team.id,
                            cal.iterations[i].label(),
                            cell.capacity
                        ),
                        a.loc.0,
                    )
                    .with_label("more than the iteration has")
                    .with_help(format!(
                        "take less, or set the iteration's figure with `capacity {} N`",
                        cal.iterations[i].label()
                    )),
                );
            }
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
        out.push(d.with_help("none of these items can ever start; remove one `after` of the cycle"));
    }
}

fn teams(
    plan: &Plan,
    cal: Option<&Calendar>,
    by_team: &ByTeam<'_>,
    incomplete: &BTreeSet<String>,
    out: &mut Vec<Diagnostic>,
) {
    for team in &plan.teams {
        if team.fixed.is_some() && (team.people.is_some() || team.velocity.is_some()) {
            out.push(
                Diagnostic::new(
                    Code::E0408,
                    format!("team `{}` gives both a fixed capacity and people or velocity", team.id),
                    team.loc.0,
                )
                .with_help("keep `capacity N per iteration`, or `people` (with `velocity` in points), not both"),
            );
        }
        if team.velocity.is_some() && plan.settings.unit == Unit::Days {
            out.push(
                Diagnostic::new(
                    Code::E0409,
                    format!("team `{}` has a velocity but the plan counts in days", team.id),
                    team.loc.0,
                )
                .with_help("add `unit points` to the plan block, or remove the velocity"),
            );
        }
        for item in by_team.get(team.id.as_str()).into_iter().flatten() {
            if let Some(max) = &item.max
                && matches!(max.value, Max::People(_))
                && !people_cap_has_meaning(plan, team)
            {
                out.push(
                    Diagnostic::new(
                        Code::E0406,
                        format!(
                            "`max N people` has no meaning for team `{}`, whose capacity is not counted in people",
                            team.id
                        ),
                        max.loc.0,
                    )
                    .with_label("a cap in people")
                    .with_help("cap the item in the plan's unit instead, such as: max 16 per iteration"),
                );
            }
        }
        // A block whose `people` line could not be read (`peeple 12`) has one finding, that
        // line's: its loans and leavers are not also weighed against no people.
        let unread_people = team.people.is_none() && team.fixed.is_none() && incomplete.contains(&team.id);
        if let Some(cal) = cal.filter(|_| !unread_people) {
            headcount_checks(cal, team, out);
        }
    }
}

/// Whole people present on `day` (hires counted whole from their first day).
fn people_on(team: &Team, day: NaiveDate) -> Fixed {
    let mut h = team.people.unwrap_or(Fixed::ZERO);
    for c in team.hires.iter().filter(|c| c.date <= day) {
        h += c.count;
    }
    for c in team.leaves.iter().filter(|c| c.date <= day) {
        h -= c.count;
    }
    h
}

fn headcount_checks(cal: &Calendar, team: &Team, out: &mut Vec<Diagnostic>) {
    // Leavers below zero.
    let mut days: Vec<NaiveDate> = team.leaves.iter().map(|l| l.date).collect();
    days.sort();
    if let Some((leave, left)) = days.iter().find_map(|d| {
        let h = people_on(team, *d);
        h.is_negative().then(|| (team.leaves.iter().find(|l| l.date == *d), h))
    }) {
        out.push(
            Diagnostic::new(
                Code::E0410,
                format!("team `{}` would have {left} people after its leavers", team.id),
                leave.and_then(|l| l.loc.0),
            )
            .with_help("check the headcount (`people`) and the number who leave"),
        );
    }
    // Loans larger than the team.
    for lend in &team.lends {
        if lend.to.id == team.id {
            continue;
        }
        let Ok(range) = cal.range(&lend.from, &lend.until) else {
            continue;
        };
        for i in range {
            let it = &cal.iterations[i];
            let lent: Fixed = team
                .lends
                .iter()
                .filter(|l| l.to.id != team.id && cal.range(&l.from, &l.until).is_ok_and(|r| r.contains(&i)))
                .map(|l| l.count)
                .sum();
            let has = people_on(team, it.start);
            if lent > has {
                let why = if team.fixed.is_some() || team.people.is_none() {
                    format!("team `{}` has no people to lend: its capacity is not counted in people", team.id)
                } else {
                    format!("team `{}` lends {lent} people in {} but has {has}", team.id, it.label())
                };
                out.push(
                    Diagnostic::new(Code::E0404, why, lend.loc.0)
                        .with_label("lent here")
                        .with_help("lend fewer people, or check the headcount, hires and leavers"),
                );
                break;
            }
        }
    }
}

/// I0301 for a deadline `PIx` the horizon cuts: it binds to the PI's last iteration inside
/// the horizon, which the note names.
fn cut_pi_note(cal: &Calendar, period: &Period, keyword: &str, span: Option<Span>) -> Option<Diagnostic> {
    let last = cal.cut_pi(period)?;
    let end = cal.iterations.last().map(|i| i.end)?;
    Some(
        Diagnostic::new(
            Code::I0301,
            format!("the horizon ends inside {period}: `{keyword} {period}` means by {last}, which ends on {end}"),
            span,
        )
        .with_help(format!("write `{keyword} {last}` to say so, or lengthen the horizon to hold all of {period}")),
    )
}

fn bind_error(e: BindError, what: &str, span: Option<Span>) -> Diagnostic {
    match e {
        BindError::Outside(m) => Diagnostic::new(Code::E0303, m, span)
            .with_label(what.to_string())
            .with_help("use a period within the horizon, or lengthen the horizon"),
        BindError::NoSuch(m) => Diagnostic::new(Code::E0303, m, span)
            .with_label(what.to_string())
            .with_help("use a period that exists in the plan's calendar"),
        BindError::Reversed(m) => Diagnostic::new(Code::E0402, m, span)
            .with_label(what.to_string())
            .with_help("write the earlier period first, as in `PI1..PI3`"),
        BindError::BeforeFirstIteration => {
            Diagnostic::new(Code::E0304, format!("this {what} is before the first iteration ends"), span)
                .with_help("a deadline binds to the last iteration ending on or before it; commit to PI1 or later")
        }
    }
}

fn periods(plan: &Plan, cal: &Calendar, out: &mut Vec<Diagnostic>) {
    let in_horizon = |d: NaiveDate| d <= cal.last_day;
    for h in &plan.settings.holidays {
        if h.from > cal.last_day || h.to < cal.start {
            out.push(
                Diagnostic::new(
                    Code::W0504,
                    format!("holiday \"{}\" falls outside the horizon ({} to {})", h.name, cal.start, cal.last_day),
                    h.loc.0,
                )
                .with_help("check the year, or remove the line"),
            );
        }
    }
    for team in &plan.teams {
        let events = team
            .hires
            .iter()
            .map(|c| ("hire", c.date, c.loc.0))
            .chain(team.leaves.iter().map(|c| ("leaver", c.date, c.loc.0)))
            .chain(team.vacancies.iter().map(|c| ("vacancy", c.date, c.loc.0)));
        for (what, date, span) in events {
            if !in_horizon(date) {
                out.push(
                    Diagnostic::new(
                        Code::W0504,
                        format!("this {what} on {date} is after the horizon, which ends on {}", cal.last_day),
                        span,
                    )
                    .with_help("check the year, or remove the line"),
                );
            } else if date < cal.start {
                out.push(
                    Diagnostic::new(
                        Code::E0303,
                        format!("this {what} on {date} is before the plan starts on {}", cal.start),
                        span,
                    )
                    .with_help("people present at the start are counted in `people`"),
                );
            }
        }
        for lend in &team.lends {
            if let Err(e) = cal.range(&lend.from, &lend.until) {
                out.push(bind_error(e, "lending period", lend.loc.0));
            }
        }
        for o in &team.overrides {
            let p = Period::Pi { pi: o.pi, iteration: o.iteration };
            if let Err(e) = cal.deadline(&p) {
                out.push(bind_error(e, "capacity override", o.loc.0));
            }
        }
        for a in &team.adjustments {
            let p = Period::Pi { pi: a.pi, iteration: a.iteration };
            if let Err(e) = cal.deadline(&p) {
                out.push(bind_error(e, "capacity adjustment", a.loc.0));
            }
        }
    }
    for epic in &plan.epics {
        if let Some(c) = &epic.commit {
            match cal.deadline(&c.period) {
                Err(e) => out.push(bind_error(e, "deadline", c.loc.0)),
                Ok(_) => out.extend(cut_pi_note(cal, &c.period, "commit", c.loc.0)),
            }
        }
    }
    // Earliest iteration each item may get work by its own constraints.
    let index: HashMap<&str, usize> = plan.items.iter().enumerate().rev().map(|(i, it)| (it.id.as_str(), i)).collect();
    let mut own_earliest = vec![0usize; plan.items.len()];
    for (n, item) in plan.items.iter().enumerate() {
        let epic_commit = item.epic.as_ref().and_then(|e| plan.epic(&e.id)).and_then(|e| e.commit.as_ref());
        let commit_dl = item.commit.as_ref().map(|c| (cal.deadline(&c.period), c.loc.0));
        if let Some((Err(e), span)) = &commit_dl {
            out.push(bind_error(e.clone(), "deadline", *span));
        }
        if let Some(c) = &item.commit {
            out.extend(cut_pi_note(cal, &c.period, "commit", c.loc.0));
        }
        if let Some(t) = &item.target {
            match cal.deadline(&t.value) {
                Err(e) => out.push(bind_error(e, "target", t.loc.0)),
                Ok(_) => out.extend(cut_pi_note(cal, &t.value, "target", t.loc.0)),
            }
        }
        let nb = item.not_before.as_ref().map(|p| (cal.earliest(&p.value), p.loc.0));
        if let Some((Err(e), span)) = &nb {
            out.push(bind_error(e.clone(), "earliest start", *span));
        }
        let placed = item.placed.as_ref().map(|p| (cal.range(&p.value.0, &p.value.1), p.loc.0));
        if let Some((Err(e), span)) = &placed {
            out.push(bind_error(e.clone(), "placement", *span));
        }
        // The deadline that binds: the earliest of the item's, its epic's and its placement's end.
        let epic_dl = epic_commit.and_then(|c| cal.deadline(&c.period).ok().map(|d| (d, c.loc.0)));
        let mut deadline: Option<(usize, Option<Span>)> = commit_dl.and_then(|(r, s)| r.ok().map(|d| (d, s)));
        if let Some(e) = epic_dl
            && deadline.is_none_or(|d| e.0 < d.0)
        {
            deadline = Some(e);
        }
        let nb_ok = nb.and_then(|(r, s)| r.ok().map(|v| (v, s)));
        let placed_ok = placed.and_then(|(r, s)| r.ok().map(|v| (v, s)));
        if let (Some((e, es)), Some((d, ds))) = (nb_ok, deadline)
            && e > d
        {
            out.push(
                Diagnostic::new(
                    Code::E0305,
                    format!(
                        "item `{}` may not start before {} but must be done by {}",
                        item.id,
                        cal.iterations[e].label(),
                        cal.iterations[d].label()
                    ),
                    es,
                )
                .with_label("earliest start")
                .with_secondary(ds, "deadline")
                .with_help("move the start earlier or the deadline later"),
            );
        }
        if let Some((range, ps)) = &placed_ok {
            if let Some((d, ds)) = deadline
                && *range.start() > d
            {
                out.push(
                    Diagnostic::new(
                        Code::E0306,
                        format!(
                            "item `{}` is placed from {} but committed by {}",
                            item.id,
                            cal.iterations[*range.start()].label(),
                            cal.iterations[d].label()
                        ),
                        *ps,
                    )
                    .with_secondary(ds, "committed here")
                    .with_help("make the placement and the commitment agree"),
                );
            }
            if let Some((e, es)) = nb_ok
                && e > *range.end()
            {
                out.push(
                    Diagnostic::new(
                        Code::E0306,
                        format!(
                            "item `{}` is placed until {} but may not start before {}",
                            item.id,
                            cal.iterations[*range.end()].label(),
                            cal.iterations[e].label()
                        ),
                        *ps,
                    )
                    .with_secondary(es, "earliest start")
                    .with_help("make the placement and `not before` agree"),
                );
            }
        }
        own_earliest[n] = nb_ok.map_or(0, |v| v.0).max(placed_ok.as_ref().map_or(0, |(r, _)| *r.start()));
    }
    for item in &plan.items {
        let Some(Ok(range)) = item.placed.as_ref().map(|p| cal.range(&p.value.0, &p.value.1)) else {
            continue;
        };
        for dep in &item.after {
            let Some(&j) = index.get(dep.item.id.as_str()) else {
                continue;
            };
            let lag = dep.lag.map_or(0, |l| lag_iterations(l, cal));
            let first_possible = own_earliest[j] + 1 + lag;
            if first_possible > *range.end() {
                let other = &plan.items[j];
                let why =
                    other.placed.as_ref().map(|p| p.loc.0).or(other.not_before.as_ref().map(|p| p.loc.0)).flatten();
                out.push(
                    Diagnostic::new(
                        Code::E0307,
                        format!(
                            "item `{}` is placed to end by {}, but it waits for `{}`, which cannot start before {}",
                            item.id,
                            cal.iterations[*range.end()].label(),
                            other.id,
                            cal.iterations[own_earliest[j]].label()
                        ),
                        dep.loc.0,
                    )
                    .with_label(format!(
                        "`{}` can start no earlier than {}",
                        other.id,
                        cal.iterations[own_earliest[j]].label()
                    ))
                    .with_secondary(why, format!("`{}` is held back here", other.id))
                    .with_secondary(item.placed.as_ref().and_then(|p| p.loc.0), "placed here")
                    .with_help(format!("place `{}` later, or `{}` earlier", item.id, other.id)),
                );
            }
        }
    }
    for item in &plan.items {
        for dep in &item.after {
            if let Some(l @ (Length::Days(_) | Length::Weeks(_))) = dep.lag {
                let days = crate::calendar::length_days(l, cal.iteration_days).unwrap_or(0);
                if !days.is_multiple_of(cal.iteration_days) {
                    out.push(
                        Diagnostic::new(
                            Code::W0505,
                            {
                                let n = lag_iterations(l, cal);
                                format!(
                                    "a lag of {days} days is rounded up to {n} iteration{}",
                                    if n == 1 { "" } else { "s" }
                                )
                            },
                            dep.loc.0,
                        )
                        .with_help("write the lag in iterations, such as: + 1 iteration"),
                    );
                }
            }
        }
    }
}

/// A lag in whole iterations (days and weeks rounded up; months from their length in days).
pub fn lag_iterations(l: Length, cal: &Calendar) -> usize {
    let days = match l {
        Length::Iterations(n) => return n as usize,
        Length::Months(m) => m.saturating_mul(30),
        other => crate::calendar::length_days(other, cal.iteration_days).unwrap_or(0),
    };
    days.div_ceil(cal.iteration_days.max(1)) as usize
}

fn capacity_warnings(
    plan: &Plan,
    cal: &Calendar,
    cap: &CapacityTable,
    incomplete: &BTreeSet<String>,
    by_team: &ByTeam<'_>,
    out: &mut Vec<Diagnostic>,
) {
    for (i, team) in plan.teams.iter().enumerate().filter(|(_, t)| !incomplete.contains(&t.id)) {
        let Some(tc) = cap.team_at(i, &team.id) else {
            continue;
        };
        if tc.total_plannable() == Fixed::ZERO {
            out.push(
                Diagnostic::new(
                    Code::W0501,
                    format!("team `{}` has no capacity in any iteration of the horizon", team.id),
                    team.loc.0,
                )
                .with_help("add `people` (with focus and reserve), or `capacity N per iteration`"),
            );
            continue;
        }
        let best_pi = (1..=cal.pi_count())
            .map(|pi| {
                let own = tc.pi_total(cal, pi).1;
                (own, pi)
            })
            .max_by_key(|(c, pi)| (*c, std::cmp::Reverse(*pi)));
        let Some((best, best_at)) = best_pi else {
            continue;
        };
        // The most an item can do in one PI, given its caps per iteration.
        let most_in_a_pi = |caps: &[Option<Fixed>]| {
            (1..=cal.pi_count())
                .map(|pi| {
                    cal.pi_iterations(pi)
                        .map(|i| {
                            let c = tc.iterations[i].plannable;
                            caps.get(i).copied().flatten().map_or(c, |m| m.min(c))
                        })
                        .sum::<Fixed>()
                })
                .max()
                .unwrap_or(Fixed::ZERO)
        };
        // Worked out once for the team's items without a cap.
        let uncapped = most_in_a_pi(&[]);
        for item in by_team.get(team.id.as_str()).into_iter().flatten() {
            let Some(effort) = &item.effort else { continue };
            let likely = effort.value.likely();
            // With a cap, an item can do no more in a PI than its caps allow.
            let capped = if item.max.is_some() { most_in_a_pi(&item_caps(plan, cal, item, team)) } else { uncapped };
            if likely > best || likely > capped {
                let why = if likely > best {
                    format!("team `{}` can do at most {best} in one PI (PI{best_at})", team.id)
                } else {
                    format!("its `max` allows at most {capped} in one PI")
                };
                out.push(
                    Diagnostic::new(
                        Code::W0502,
                        format!("item `{}` ({likely} likely) does not fit in a single PI", item.id),
                        effort.loc.0.or(item.loc.0),
                    )
                    .with_label(why)
                    .with_help("split it into smaller items linked with `after`, grouped in an epic"),
                );
            }
        }
    }
}

/// Items per team id, in file order: built once so per-team checks stay linear.
type ByTeam<'a> = HashMap<&'a str, Vec<&'a Item>>;

fn by_team(plan: &Plan) -> ByTeam<'_> {
    let mut map: ByTeam<'_> = HashMap::new();
    for item in &plan.items {
        if let Some(t) = &item.team {
            map.entry(t.id.as_str()).or_default().push(item);
        }
    }
    map
}
