//! Independent parts of a problem: groups of teams that share no item, no dependency and no
//! commitment with any team outside the group. Nothing one part does changes what another
//! can do, so each is decided on its own (`super::rank`), and a check of a changed plan
//! takes over the answer of every part the change does not reach (a scenario that changes
//! one team re-decides only that team's part).

use std::sync::Arc;

use super::evidence::{Evidence, Schedule};
use super::problem::{Commitment, Problem, Slip};
use super::rank::{CommitmentResult, Landing, Repair, Solution};

/// One independent part, in the whole problem's numbers (each list ascending).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub jobs: Vec<usize>,
    pub teams: Vec<usize>,
    /// Its commitments, in rank order.
    pub commitments: Vec<usize>,
}

/// A part as it was decided: its own problem (its jobs, teams and commitments numbered
/// from 0 in their original order) and the answer there, kept so a later check of a changed
/// plan can take it over (see [`super::rank::solve_reusing`]).
#[derive(Debug, Clone)]
pub struct Solved {
    pub problem: Problem,
    pub solution: Solution,
    /// The allowances it was decided with: the budget, the size of the whole plan the
    /// allowances are counted in, and whether repairs were looked for.
    pub budget: u64,
    pub scale: usize,
    pub explained: bool,
}

/// The independent parts of `p`, in order of their first team. Teams are joined by an item
/// of one waiting for an item of the other, and by a commitment over items of both; a team
/// without items is in no part.
pub fn parts(p: &Problem) -> Vec<Part> {
    let mut joined = petgraph::unionfind::UnionFind::<usize>::new(p.teams.len());
    for job in p.jobs.iter() {
        for &(q, _) in &job.preds {
            joined.union(job.team, p.jobs[q].team);
        }
    }
    for c in p.commitments.iter() {
        if let Some((&first, rest)) = c.jobs.split_first() {
            for &j in rest {
                joined.union(p.jobs[first].team, p.jobs[j].team);
            }
        }
    }
    // Part number of each team's root, in order of first team.
    let mut number: Vec<Option<usize>> = vec![None; p.teams.len()];
    let mut out: Vec<Part> = Vec::new();
    let mut part_of_team: Vec<Option<usize>> = vec![None; p.teams.len()];
    for job in p.jobs.iter() {
        let root = joined.find(job.team);
        if number[root].is_none() {
            number[root] = Some(out.len());
            out.push(Part { jobs: Vec::new(), teams: Vec::new(), commitments: Vec::new() });
        }
        part_of_team[job.team] = number[root];
    }
    for (t, part) in part_of_team.iter().enumerate() {
        if let Some(k) = part {
            out[*k].teams.push(t);
        }
    }
    for (j, job) in p.jobs.iter().enumerate() {
        if let Some(k) = part_of_team[job.team] {
            out[k].jobs.push(j);
        }
    }
    for (c, commitment) in p.commitments.iter().enumerate() {
        if let Some(k) = commitment.jobs.first().and_then(|&j| part_of_team[p.jobs[j].team]) {
            out[k].commitments.push(c);
        }
    }
    // Parts in order of their first team, so the order does not follow the items' order.
    out.sort_by_key(|part| part.teams.first().copied());
    out
}

impl Part {
    /// Whether the part is the whole problem (every job and every team).
    pub fn is_whole(&self, p: &Problem) -> bool {
        self.jobs.len() == p.jobs.len() && self.teams.len() == p.teams.len()
    }

    /// The part's problem: `p` itself when the part is the whole problem, else
    /// [`Part::problem`].
    pub fn problem_in(&self, p: &Problem) -> Problem {
        if self.is_whole(p) { p.clone() } else { self.problem(p) }
    }

    /// The part's own problem: its jobs, teams and commitments numbered from 0 in their
    /// original order (so every tie breaks as in the whole problem), item names its own, and
    /// no source positions (which decide nothing once the commitments are ranked).
    pub fn problem(&self, p: &Problem) -> Problem {
        let (mut q, old, _) = p.restrict(&self.jobs);
        let local = |j: usize| old.binary_search(&j).unwrap_or(0);
        q.ids = Arc::new(old.iter().map(|&j| p.id(j).to_string()).collect());
        for (k, job) in Arc::make_mut(&mut q.jobs).iter_mut().enumerate() {
            job.item = k;
        }
        q.commitments = self
            .commitments
            .iter()
            .enumerate()
            .map(|(k, &c)| {
                let c = &p.commitments[c];
                Commitment {
                    label: c.label.clone(),
                    kind: c.kind,
                    jobs: c.jobs.iter().map(|&j| local(j)).collect(),
                    deadline: c.deadline,
                    hard: c.hard,
                    priority: c.priority,
                    wsjf: c.wsjf,
                    span: None,
                    order: k,
                    slip: c.slip.as_ref().map(|s| Slip { job: local(s.job), cap: s.cap.clone() }),
                }
            })
            .collect::<Vec<_>>()
            .into();
        q
    }
}

/// The whole problem's answer from its parts' answers (`solved[k]` of `parts[k]`): every
/// number put back in the whole problem's terms; the verdict over all commitments.
pub fn merge(p: &Problem, parts: &[Part], solved: &[Arc<Solved>]) -> Solution {
    let n = p.jobs.len();
    let mut results: Vec<CommitmentResult> = Vec::with_capacity(p.commitments.len());
    let mut schedule = Schedule::empty(n, p.iterations);
    let mut committed = Schedule::empty(n, p.iterations);
    let mut landing = vec![Landing::Beyond { left: 0 }; n];
    let mut needed = vec![false; n];
    let mut slipped = Vec::new();
    let mut kept = Vec::new();
    let mut walked = p.clone();
    for (part, s) in parts.iter().zip(solved) {
        let local = &s.solution;
        let job = |j: usize| part.jobs[j];
        let commitment = |c: usize| part.commitments[c];
        for r in &local.results {
            results.push(CommitmentResult {
                commitment: commitment(r.commitment),
                status: r.status,
                finish: r.finish,
                late: r.late,
                evidence: r.evidence.clone().map(|e: Evidence| e.renumbered(&part.jobs, &part.teams)),
                conflicts_with: r.conflicts_with.iter().map(|&c| commitment(c)).collect(),
                assuming: r.assuming.iter().map(|&c| commitment(c)).collect(),
                repairs: r.repairs.iter().map(|x| renumber_repair(x, part)).collect(),
                worse: r.worse.iter().map(|w| w.as_ref().map(|w| w.iter().map(|&c| commitment(c)).collect())).collect(),
            });
        }
        for (k, row) in local.schedule.work.iter().enumerate() {
            schedule.work[job(k)] = row.clone();
        }
        for (k, row) in local.committed.work.iter().enumerate() {
            committed.work[job(k)] = row.clone();
        }
        for (k, l) in local.landing.iter().enumerate() {
            landing[job(k)] = *l;
        }
        for (k, x) in local.needed.iter().enumerate() {
            needed[job(k)] = *x;
        }
        slipped.extend(local.slipped.iter().map(|&j| job(j)));
        kept.extend(local.kept.iter().map(|&c| commitment(c)));
        // What the walk changed: late deadlines and placements let slip.
        for (k, c) in local.walked.commitments.iter().enumerate() {
            let whole = commitment(k);
            if walked.commitments[whole].deadline != c.deadline {
                Arc::make_mut(&mut walked.commitments)[whole].deadline = c.deadline;
            }
        }
        for (k, j) in local.walked.jobs.iter().enumerate() {
            let whole = job(k);
            let was = &walked.jobs[whole];
            if was.lo != j.lo || was.hi != j.hi || was.cap != j.cap {
                let to = &mut Arc::make_mut(&mut walked.jobs)[whole];
                to.lo = j.lo;
                to.hi = j.hi;
                to.cap = j.cap.clone();
            }
        }
    }
    results.sort_by_key(|r| r.commitment);
    slipped.sort_unstable();
    kept.sort_unstable();
    let verdict = super::rank::verdict_of(&results);
    Solution { verdict, results, schedule, committed, landing, needed, slipped, walked, kept, parts: solved.to_vec() }
}

/// A part's repair in the whole problem's numbers.
fn renumber_repair(r: &Repair, part: &Part) -> Repair {
    let job = |j: usize| part.jobs[j];
    match r {
        Repair::Deadline { iteration } => Repair::Deadline { iteration: *iteration },
        Repair::Capacity { team, iteration, amount } => {
            Repair::Capacity { team: part.teams[*team], iteration: *iteration, amount: *amount }
        }
        Repair::PiCapacity { team, pi, amount } => {
            Repair::PiCapacity { team: part.teams[*team], pi: *pi, amount: *amount }
        }
        Repair::Defer { commitment, to } => Repair::Defer { commitment: part.commitments[*commitment], to: *to },
        Repair::Scope { job: j, by } => Repair::Scope { job: job(*j), by: *by },
        Repair::ChainScope { cuts } => Repair::ChainScope { cuts: cuts.iter().map(|&(j, by)| (job(j), by)).collect() },
        Repair::Dependency { links } => {
            Repair::Dependency { links: links.iter().map(|&(j, a)| (job(j), job(a))).collect() }
        }
    }
}
