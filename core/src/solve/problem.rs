//! The decision problem in numbers: jobs (items) with effort, team, per-iteration caps and
//! own windows, precedence with lags, team capacity per iteration, and the commitments in
//! rank order. Built once from a valid plan; everything is in thousandths (`i64`).

use std::collections::HashMap;

use haalbaar_grammar::Span;

use crate::calendar::{Calendar, StatusDay};
use crate::capacity::{CapacityTable, item_caps};
use crate::fixed::Fixed;
use crate::model::Plan;
use crate::validate::lag_iterations;

/// No cap.
pub const UNCAPPED: i64 = i64::MAX / 4;

/// A job's predecessors or successors: (job, lag in iterations).
pub type Links = smallvec::SmallVec<[(usize, usize); 2]>;

#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    /// The item's number in the whole problem: its name is [`Problem::id`] (a copy of the job
    /// in a restricted problem copies no text).
    pub item: usize,
    pub team: usize,
    /// Likely effort in thousandths.
    pub effort: i64,
    /// The item's own cap per iteration (`max`), `UNCAPPED` where it has none, 0 outside its
    /// own window (shared between copies); `None` when it has no cap at all, so that
    /// [`Job::cap_at`], the schedulers' hottest load, reads only the window. Read it with
    /// [`Job::cap_at`].
    pub cap: Option<std::sync::Arc<[i64]>>,
    /// Own window from `not before` and `in PI` (inclusive).
    pub lo: usize,
    pub hi: usize,
    /// (predecessor, lag in iterations). Most items have one or two, kept inline so the
    /// copies restricted problems make allocate nothing for them.
    pub preds: Links,
    pub succs: Links,
    /// WSJF and priority, for the order of uncommitted work.
    pub priority: Option<u32>,
    pub wsjf: Option<Fixed>,
    /// For an item finished before the status date (`finished`, or nothing left): the
    /// iteration of its finished day (the first when it lies before `start`). It then needs
    /// no work and waits for nothing; its successors carry its release in their `lo`.
    pub finished: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommitKind {
    /// `commit` on an item, or its `in PI` placement.
    Item,
    /// `commit` on an epic: every item of the epic.
    Epic,
}

/// One commitment: these jobs done by the end of iteration `deadline`.
#[derive(Debug, Clone, PartialEq)]
pub struct Commitment {
    /// The item's id, or the epic's id for an epic commitment.
    pub label: String,
    pub kind: CommitKind,
    pub jobs: Vec<usize>,
    pub deadline: usize,
    pub hard: bool,
    pub priority: Option<u32>,
    pub wsjf: Option<Fixed>,
    /// Where it was written (the `commit` or `in` statement).
    pub span: Option<Span>,
    /// Position for file order.
    pub order: usize,
    /// For an `in PI` placement: how its item runs past its PI when the placement fails and
    /// the commitment is kept late.
    pub slip: Option<Slip>,
}

/// An `in PI` item let run past its PI: its window then reaches the end of the horizon
/// (its start bound stays), with this cap row (`None`: no cap).
#[derive(Debug, Clone, PartialEq)]
pub struct Slip {
    pub job: usize,
    pub cap: Option<std::sync::Arc<[i64]>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub iterations: usize,
    /// Item names, by [`Job::item`] (shared between copies).
    pub ids: std::sync::Arc<Vec<String>>,
    pub teams: std::sync::Arc<Vec<String>>,
    /// Plannable capacity per team per iteration (shared like `jobs`).
    pub team_cap: std::sync::Arc<Vec<Vec<i64>>>,
    /// Shared between copies: repairs copy the problem to change capacity or a deadline, and
    /// the jobs stay as they are (a copy that changes them gets its own, `Arc::make_mut`).
    pub jobs: std::sync::Arc<Vec<Job>>,
    /// In rank order: hard first, then priority, then WSJF (highest first), then file order.
    /// Shared between copies like `jobs`.
    pub commitments: std::sync::Arc<Vec<Commitment>>,
    /// Jobs in an order where every predecessor comes first.
    pub topo: std::sync::Arc<Vec<usize>>,
    /// Position of each job in `topo`.
    pub topo_pos: std::sync::Arc<Vec<usize>>,
    /// The plan's `load` in percent: what capacity added by a repair is worth in plannable
    /// capacity ([`crate::capacity::plannable_of`]).
    pub load: Fixed,
    /// Per team, per PI (from PI1): the iterations `capacity PIx +N` spreads N over, in order
    /// (some may lie past the horizon: they take their share, which is then lost).
    pub spread: std::sync::Arc<Vec<Vec<Vec<usize>>>>,
    /// The status date (`as of`), if the plan has one: no work before its iteration, and
    /// capacity added to that iteration is cut like its own (see [`StatusDay::cut`]).
    pub status: Option<StatusDay>,
}

impl Job {
    /// Moves the start of its window to `lo` when that is later (its cap row too: a capped
    /// job's window is read from the row).
    pub(crate) fn raise_lo(&mut self, lo: usize) {
        if lo <= self.lo {
            return;
        }
        self.lo = lo;
        if let Some(cap) = &self.cap {
            let mut row: Vec<i64> = cap.to_vec();
            row.iter_mut().take(lo).for_each(|c| *c = 0);
            self.cap = Some(row.into());
        }
    }

    /// The job's own cap in iteration `t` (0 outside its window).
    #[inline]
    pub fn cap_at(&self, t: usize) -> i64 {
        match &self.cap {
            Some(cap) => cap[t],
            None if t < self.lo || t > self.hi => 0,
            None => UNCAPPED,
        }
    }
}

impl Problem {
    /// Job `j`'s item name.
    pub fn id(&self, j: usize) -> &str {
        &self.ids[self.jobs[j].item]
    }

    /// The jobs' work ceiling in iteration `t`: own cap and team capacity.
    pub fn ceiling(&self, j: usize, t: usize) -> i64 {
        self.jobs[j].cap_at(t).min(self.team_cap[self.jobs[j].team][t])
    }

    /// Builds the problem from a plan without errors. `None` when the plan lacks what the
    /// solver needs (it then has errors that say so).
    pub fn new(plan: &Plan, cal: &Calendar, capacity: &CapacityTable) -> Option<Problem> {
        let n = cal.len();
        let team_index: HashMap<&str, usize> = plan.teams.iter().enumerate().map(|(i, t)| (t.id.as_str(), i)).collect();
        let item_index: HashMap<&str, usize> = plan.items.iter().enumerate().map(|(i, t)| (t.id.as_str(), i)).collect();
        let team_cap: Vec<Vec<i64>> = plan
            .teams
            .iter()
            .enumerate()
            .map(|(i, t)| {
                capacity
                    .team_at(i, &t.id)
                    .map(|tc| tc.iterations.iter().map(|c| c.plannable.millis().max(0)).collect())
                    .unwrap_or_else(|| vec![0; n])
            })
            .collect();
        let mut jobs = Vec::with_capacity(plan.items.len());
        let mut slips: Vec<Option<Slip>> = Vec::with_capacity(plan.items.len());
        let status = cal.status;
        let mut finished: Vec<(usize, chrono::NaiveDate)> = Vec::new();
        for item in &plan.items {
            let team = *team_index.get(item.team.as_ref()?.id.as_str())?;
            let likely = item.effort.as_ref()?.value.likely();
            let effort = item.needed_of(likely)?.millis();
            let mut lo = status.map_or(0, |s| s.iteration);
            let mut hi = n.checked_sub(1)?;
            if let Some(nb) = &item.not_before {
                lo = lo.max(cal.earliest(&nb.value).ok()?);
            }
            for dep in &item.milestones {
                let m = plan.milestones.iter().find(|m| m.id == dep.item.id)?;
                let lag = dep.lag.map_or(0, |l| lag_iterations(l, cal));
                lo = lo.max(milestone_release(cal, m.date).saturating_add(lag));
            }
            if let Some(p) = &item.placed {
                let r = cal.range(&p.value.0, &p.value.1).ok()?;
                lo = lo.max(*r.start());
                hi = hi.min(*r.end());
            }
            let caps = item_caps(plan, cal, item, &plan.teams[team]);
            let cap: Vec<i64> = (0..n)
                .map(|t| if t < lo || t > hi { 0 } else { caps[t].map_or(UNCAPPED, |c| c.millis().max(0)) })
                .collect();
            let cap = (!(lo..=hi).all(|t| cap[t] == UNCAPPED)).then(|| cap.into());
            slips.push(item.placed.as_ref().map(|_| {
                let row: Vec<i64> =
                    (0..n).map(|t| if t < lo { 0 } else { caps[t].map_or(UNCAPPED, |c| c.millis().max(0)) }).collect();
                Slip { job: jobs.len(), cap: (!(lo..n).all(|t| row[t] == UNCAPPED)).then(|| row.into()) }
            }));
            let mut preds = Links::new();
            for dep in &item.after {
                let j = *item_index.get(dep.item.id.as_str())?;
                preds.push((j, dep.lag.map_or(0, |l| lag_iterations(l, cal))));
            }
            jobs.push(Job {
                item: jobs.len(),
                team,
                effort,
                cap,
                lo,
                hi,
                preds,
                succs: Links::new(),
                priority: item.priority,
                wsjf: item.wsjf_score(),
                finished: None,
            });
            if let Some(s) = status
                && effort <= 0
            {
                // Finished (or nothing left, then finished the day before the status date).
                let day = item.finished.as_ref().map_or(s.date.pred_opt().unwrap_or(s.date), |f| f.value);
                finished.push((jobs.len() - 1, day));
            }
        }
        for j in 0..jobs.len() {
            for (p, lag) in jobs[j].preds.clone() {
                jobs[p].succs.push((j, lag));
            }
        }
        mark_finished(&mut jobs, cal, &finished);
        // A release from a finished prerequisite also binds a placement that slips.
        for s in slips.iter_mut().flatten() {
            let lo = jobs[s.job].lo;
            if let Some(cap) = &s.cap
                && cap.iter().take(lo).any(|c| *c != 0)
            {
                let mut row: Vec<i64> = cap.to_vec();
                row.iter_mut().take(lo).for_each(|c| *c = 0);
                s.cap = Some(row.into());
            }
        }
        let topo = topological(&jobs)?;
        let mut commitments = Vec::new();
        for (i, item) in plan.items.iter().enumerate() {
            let own = match &item.commit {
                Some(c) => Some((cal.deadline(&c.period).ok()?, c.hard, c.loc.0)),
                None => None,
            };
            // A placement's deadline is its window's end (a finished item's window is opened).
            let placed = match &item.placed {
                Some(p) => Some((*cal.range(&p.value.0, &p.value.1).ok()?.end(), p.loc.0)),
                None => None,
            };
            let (deadline, hard, span) = match (own, placed) {
                (Some((d, h, s)), Some((pd, _))) => (d.min(pd), h, s),
                (Some((d, h, s)), None) => (d, h, s),
                (None, Some((pd, s))) => (pd, false, s),
                (None, None) => continue,
            };
            commitments.push(Commitment {
                label: item.id.clone(),
                kind: CommitKind::Item,
                jobs: vec![i],
                deadline,
                hard,
                priority: item.priority,
                wsjf: item.wsjf_score(),
                span,
                // File order is the order of the blocks (a scenario's `commit` line ranks where
                // its item stands in the plan).
                order: item.loc.0.or(span).map_or(usize::MAX / 2 + i, |s| s.start),
                slip: slips[i].clone(),
            });
        }
        for (e, epic) in plan.epics.iter().enumerate() {
            let Some(c) = &epic.commit else { continue };
            let members: Vec<usize> = plan
                .items
                .iter()
                .enumerate()
                .filter(|(_, it)| it.epic.as_ref().is_some_and(|r| r.id == epic.id))
                .map(|(i, _)| i)
                .collect();
            if members.is_empty() {
                continue;
            }
            commitments.push(Commitment {
                label: epic.id.clone(),
                kind: CommitKind::Epic,
                jobs: members,
                deadline: cal.deadline(&c.period).ok()?,
                hard: c.hard,
                priority: epic.priority,
                wsjf: None,
                span: c.loc.0,
                order: epic.loc.0.or(c.loc.0).map_or(usize::MAX / 2 + plan.items.len() + e, |s| s.start),
                slip: None,
            });
        }
        commitments.sort_by_key(|c| {
            (!c.hard, c.priority.unwrap_or(u32::MAX), c.wsjf.is_none(), std::cmp::Reverse(c.wsjf), c.order)
        });
        Some(Problem {
            iterations: n,
            ids: std::sync::Arc::new(plan.items.iter().map(|i| i.id.clone()).collect()),
            teams: std::sync::Arc::new(plan.teams.iter().map(|t| t.id.clone()).collect()),
            team_cap: team_cap.into(),
            jobs: jobs.into(),
            commitments: commitments.into(),
            topo_pos: positions(&topo).into(),
            topo: topo.into(),
            load: plan.settings.load,
            spread: plan
                .teams
                .iter()
                .map(|t| (1..=cal.pi_count()).map(|pi| crate::capacity::spread_over(t, cal, pi)).collect())
                .collect::<Vec<_>>()
                .into(),
            status,
        })
    }
}

/// The first iteration an item waiting for a milestone on `date` may work in: the first that
/// starts on or after it (past the horizon's end when none does).
pub(crate) fn milestone_release(cal: &Calendar, date: chrono::NaiveDate) -> usize {
    cal.iterations.iter().position(|it| it.start >= date).unwrap_or(cal.len())
}

/// Marks each `(job, day)` finished on that day (see [`finish`]) and gives its successors
/// its release instead of the link (see [`released`]). Links must be in place (`succs` too).
pub(crate) fn mark_finished(jobs: &mut [Job], cal: &Calendar, finished: &[(usize, chrono::NaiveDate)]) {
    if finished.is_empty() {
        return;
    }
    let mut releases = vec![None; jobs.len()];
    for &(j, day) in finished {
        releases[j] = Some(finish(&mut jobs[j], cal, day));
    }
    released(jobs, &releases);
}

/// Marks a job finished on `day`: no work, no window, no cap. Returns the first iteration
/// its successors may work in (before their lag): the one after its finished day's, or the
/// first when it was finished before `start`.
fn finish(job: &mut Job, cal: &Calendar, day: chrono::NaiveDate) -> usize {
    let at = cal.iterations.iter().position(|it| day <= it.end).unwrap_or(cal.len().saturating_sub(1));
    job.effort = 0;
    job.finished = Some(at);
    job.lo = 0;
    job.hi = cal.len().saturating_sub(1);
    job.cap = None;
    if day < cal.start { 0 } else { at + 1 }
}

/// Finished jobs wait for nothing and hold up nothing: each successor gets, instead of the
/// link, the release the finished day gives (`released[j]`, plus the lag).
fn released(jobs: &mut [Job], released: &[Option<usize>]) {
    for j in 0..jobs.len() {
        let Some(from) = released.get(j).copied().flatten() else { continue };
        for (s, lag) in std::mem::take(&mut jobs[j].succs) {
            if jobs[s].finished.is_none() {
                jobs[s].raise_lo(from + lag);
            }
            jobs[s].preds.retain(|(q, _)| *q != j);
        }
        jobs[j].preds.clear();
    }
    // A finished job's predecessors no longer list it as a successor.
    for j in 0..jobs.len() {
        if jobs[j].finished.is_some() {
            continue;
        }
        let keep: Links = jobs[j].succs.iter().copied().filter(|(s, _)| jobs[*s].finished.is_none()).collect();
        jobs[j].succs = keep;
    }
}

thread_local! {
    /// Marks for [`Problem::closure`]: a job is seen when its mark equals the generation, so
    /// a walk costs what it visits (no clearing, no hashing).
    static SEEN: std::cell::RefCell<(u32, Vec<u32>)> = const { std::cell::RefCell::new((0, Vec::new())) };
}

thread_local! {
    /// For [`Problem::restrict`]: a job is kept when its mark equals the generation, and then
    /// `at` is its new number (no clearing and no search per edge).
    static PLACE: std::cell::RefCell<(u32, Vec<u32>, Vec<usize>)> = const { std::cell::RefCell::new((0, Vec::new(), Vec::new())) };
}

/// Where each job stands in a topological order.
pub fn positions(topo: &[usize]) -> Vec<usize> {
    let mut pos = vec![0; topo.len()];
    for (k, &j) in topo.iter().enumerate() {
        pos[j] = k;
    }
    pos
}

impl Problem {
    /// The jobs `from` need, themselves and their predecessors (not entering `stop`), in
    /// topological order. Costs what it visits, not the size of the plan.
    pub fn closure(&self, from: &[usize], stop: impl Fn(usize) -> bool) -> Vec<usize> {
        SEEN.with(|seen| {
            let mut seen = seen.borrow_mut();
            let (generation, marks) = &mut *seen;
            if marks.len() < self.jobs.len() {
                marks.resize(self.jobs.len(), 0);
            }
            *generation = generation.wrapping_add(1);
            if *generation == 0 {
                marks.iter_mut().for_each(|m| *m = 0);
                *generation = 1;
            }
            let g = *generation;
            let mut stack: Vec<usize> = from.iter().copied().filter(|&j| !stop(j)).collect();
            let mut out = Vec::new();
            while let Some(j) = stack.pop() {
                if marks[j] == g {
                    continue;
                }
                marks[j] = g;
                out.push(j);
                stack.extend(self.jobs[j].preds.iter().map(|(q, _)| *q).filter(|&q| marks[q] != g && !stop(q)));
            }
            out.sort_unstable_by_key(|&j| self.topo_pos[j]);
            out
        })
    }

    /// The problem of `jobs` alone (a set closed under predecessors), renumbered in their
    /// original order so every tie breaks as it would in the whole problem, with only the
    /// teams they belong to (in their original order); with the maps from new job and team
    /// numbers to old. It costs what it keeps, not the size of the plan.
    pub fn restrict(&self, jobs: &[usize]) -> (Problem, Vec<usize>, Vec<usize>) {
        let mut old: Vec<usize> = jobs.to_vec();
        old.sort_unstable();
        old.dedup();
        let mut teams: Vec<usize> = old.iter().map(|&j| self.jobs[j].team).collect();
        teams.sort_unstable();
        teams.dedup();
        PLACE.with(|place| {
            let mut place = place.borrow_mut();
            let (generation, marks, at) = &mut *place;
            if marks.len() < self.jobs.len() {
                marks.resize(self.jobs.len(), 0);
                at.resize(self.jobs.len(), 0);
            }
            *generation = generation.wrapping_add(1);
            if *generation == 0 {
                marks.iter_mut().for_each(|m| *m = 0);
                *generation = 1;
            }
            let g = *generation;
            for (k, &j) in old.iter().enumerate() {
                marks[j] = g;
                at[j] = k;
            }
            let remap = |list: &[(usize, usize)]| -> Links {
                list.iter().filter(|&&(q, _)| marks[q] == g).map(|&(q, lag)| (at[q], lag)).collect()
            };
            let sub_jobs: Vec<Job> = old
                .iter()
                .map(|&j| {
                    let job = &self.jobs[j];
                    Job {
                        item: job.item,
                        team: teams.binary_search(&job.team).unwrap_or(0),
                        effort: job.effort,
                        cap: job.cap.clone(),
                        lo: job.lo,
                        hi: job.hi,
                        preds: remap(&job.preds),
                        succs: remap(&job.succs),
                        priority: job.priority,
                        wsjf: job.wsjf,
                        finished: job.finished,
                    }
                })
                .collect();
            let mut topo: Vec<usize> = (0..old.len()).collect();
            topo.sort_unstable_by_key(|&k| self.topo_pos[old[k]]);
            let problem = Problem {
                iterations: self.iterations,
                ids: self.ids.clone(),
                teams: teams.iter().map(|&t| self.teams[t].clone()).collect::<Vec<_>>().into(),
                team_cap: teams.iter().map(|&t| self.team_cap[t].clone()).collect::<Vec<_>>().into(),
                jobs: sub_jobs.into(),
                commitments: Vec::new().into(),
                topo_pos: positions(&topo).into(),
                topo: topo.into(),
                load: self.load,
                spread: teams
                    .iter()
                    .map(|&t| self.spread.get(t).cloned().unwrap_or_default())
                    .collect::<Vec<_>>()
                    .into(),
                status: self.status,
            };
            (problem, old, teams)
        })
    }
}

/// A topological order of the item graph (petgraph), `None` on a cycle (the plan then has
/// E0205). Deterministic: the graph is built in file order.
pub(crate) fn topological(jobs: &[Job]) -> Option<Vec<usize>> {
    let mut g: petgraph::graph::DiGraph<usize, usize> = petgraph::graph::DiGraph::with_capacity(jobs.len(), 0);
    let nodes: Vec<_> = (0..jobs.len()).map(|j| g.add_node(j)).collect();
    for (j, job) in jobs.iter().enumerate() {
        for &(q, lag) in &job.preds {
            g.add_edge(nodes[q], nodes[j], lag);
        }
    }
    petgraph::algo::toposort(&g, None).ok().map(|order| order.into_iter().map(|n| g[n]).collect())
}
