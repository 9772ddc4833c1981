//! The feasibility solver. For a set of commitments it decides whether one schedule meets
//! them all: windows and counting arguments first (which also give the evidence when it
//! cannot), then a constructive schedule, then an exact search bounded by a step budget.
//! Commitments are then taken in rank order (see [`rank`]), uncommitted work is scheduled
//! with what is left, and every commitment that is not met gets repairs, each verified by
//! solving again.

// The engine's insides: public only through the hidden `haalbaar::unstable`, for this
// workspace's CLI, WebAssembly package and benchmarks; documented where it helps the reader.
#![allow(missing_docs)]

mod allowance;
mod conflict;
pub mod evidence;
pub mod flow;
pub mod greedy;
mod late;
pub mod parts;
pub mod place;
pub mod problem;
mod progress;
pub mod rank;
pub mod relaxed;
mod repairs;
pub mod search;
mod uncommitted;
mod walk;
pub mod windows;

use evidence::{Evidence, Schedule};
use problem::Problem;

/// How much exact search one decision may do, in steps: one step is one job examined at one
/// node of the search (each node runs a maximum flow per team over the jobs it examines).
pub const DEFAULT_BUDGET: u64 = 100_000;

/// What must be done by when: these jobs by the end of `deadline`.
#[derive(Debug, Clone)]
pub struct Requirement {
    /// Most commitments are one item: kept inline, so the requirement sets that decisions
    /// build by the hundred allocate nothing for them.
    pub jobs: JobList,
    pub deadline: usize,
}

/// The jobs of a requirement.
pub type JobList = smallvec::SmallVec<[usize; 2]>;

/// The answer for one set of requirements.
#[derive(Debug, Clone)]
pub enum Outcome {
    Fits(Schedule),
    Fails(Evidence),
    Unknown,
}

impl Outcome {
    pub fn fits(&self) -> bool {
        matches!(self, Outcome::Fits(_))
    }
    pub fn fails(&self) -> bool {
        matches!(self, Outcome::Fails(_))
    }
}

/// Commitment `c` as a requirement: its jobs by its deadline.
fn req(p: &Problem, c: usize) -> Requirement {
    Requirement { jobs: p.commitments[c].jobs.iter().copied().collect(), deadline: p.commitments[c].deadline }
}

/// Commitments `set` as requirements.
fn reqs(p: &Problem, set: &[usize]) -> Vec<Requirement> {
    set.iter().map(|&c| req(p, c)).collect()
}

/// The jobs needed by the requirements (with their predecessors, transitively), and the
/// deadline of each.
pub fn needs(p: &Problem, reqs: &[Requirement]) -> (Vec<bool>, Vec<Option<usize>>) {
    let n = p.jobs.len();
    let mut needed = vec![false; n];
    let mut deadline: Vec<Option<usize>> = vec![None; n];
    let mut stack = Vec::new();
    for r in reqs {
        for &j in &r.jobs {
            deadline[j] = Some(deadline[j].map_or(r.deadline, |d| d.min(r.deadline)));
            stack.push(j);
        }
    }
    while let Some(j) = stack.pop() {
        if needed[j] {
            continue;
        }
        needed[j] = true;
        stack.extend(p.jobs[j].preds.iter().map(|(q, _)| *q));
    }
    (needed, deadline)
}

/// How the decisions of one solve were reached: by counting bounds, by the constructive
/// schedule, by the exact search, or not at all.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Stats {
    pub by_bounds: u64,
    pub by_schedule: u64,
    pub by_search: u64,
    pub undecided: u64,
}

thread_local! {
    /// Search nodes left for the whole solve on this thread (see [`allow_search`]).
    static SEARCH_LEFT: std::cell::Cell<u64> = const { std::cell::Cell::new(u64::MAX) };
    static STATS: std::cell::Cell<Stats> = const { std::cell::Cell::new(Stats { by_bounds: 0, by_schedule: 0, by_search: 0, undecided: 0 }) };
}

/// Limits the search nodes all further decisions on this thread may use together, so a whole
/// solve is bounded however many decisions it takes.
pub fn allow_search(nodes: u64) {
    SEARCH_LEFT.with(|s| s.set(nodes));
}

/// Search nodes the further decisions on this thread may still use.
pub(crate) fn search_left() -> u64 {
    SEARCH_LEFT.with(std::cell::Cell::get)
}

/// Starts counting decisions on this thread; [`take_stats`] returns the counts since.
pub fn reset_stats() {
    STATS.with(|s| s.set(Stats::default()));
}

pub fn take_stats() -> Stats {
    STATS.with(|s| s.replace(Stats::default()))
}

/// Adds counts taken on another thread (or earlier) to this thread's.
pub(crate) fn add_stats(more: Stats) {
    count(|s| {
        s.by_bounds += more.by_bounds;
        s.by_schedule += more.by_schedule;
        s.by_search += more.by_search;
        s.undecided += more.undecided;
    });
}

fn count(f: impl FnOnce(&mut Stats)) {
    STATS.with(|s| {
        let mut v = s.get();
        f(&mut v);
        s.set(v);
    });
}

/// Decides whether one schedule meets every requirement.
pub fn decide(p: &Problem, reqs: &[Requirement], budget: u64) -> Outcome {
    decide_from(p, reqs, budget, None)
}

/// The problem of the jobs `reqs` need (themselves and their predecessors) alone, with the
/// requirements in its numbering (see [`Problem::restrict`] for the maps back). Deciding
/// there is deciding in the whole problem: no other job enters any rule.
pub struct Restricted {
    pub problem: Problem,
    /// `jobs[k]` and `teams[k]`: the whole problem's numbers of job and team `k`.
    pub jobs: Vec<usize>,
    pub teams: Vec<usize>,
    pub reqs: Vec<Requirement>,
}

pub fn restricted(p: &Problem, reqs: &[Requirement]) -> Restricted {
    let from: Vec<usize> = reqs.iter().flat_map(|r| r.jobs.iter().copied()).collect();
    let (problem, jobs, teams) = p.restrict(&p.closure(&from, |_| false));
    let reqs = reqs
        .iter()
        .map(|r| Requirement {
            jobs: r.jobs.iter().filter_map(|j| jobs.binary_search(j).ok()).collect(),
            deadline: r.deadline,
        })
        .collect();
    Restricted { problem, jobs, teams, reqs }
}

/// [`decide`] for requirements that extend a set known to fit (`known`: its requirements).
/// A team whose needed jobs and windows are the same as in that set cannot fall short, so
/// its counting bound is not computed again.
pub fn decide_from(p: &Problem, reqs: &[Requirement], budget: u64, known: Option<&[Requirement]>) -> Outcome {
    let (needed, w) = match needed_windows(p, reqs) {
        Ok(found) => found,
        Err(failed) => return failed,
    };
    let changed = known.and_then(|k| {
        let (was, was_deadline) = needs(p, k);
        let before = windows::windows(p, &was, &was_deadline).ok()?;
        let mut changed = vec![false; p.teams.len()];
        for j in 0..p.jobs.len() {
            if needed[j] != was[j] || (needed[j] && (w.lo[j] != before.lo[j] || w.hi[j] != before.hi[j])) {
                changed[p.jobs[j].team] = true;
            }
        }
        Some(changed)
    });
    decide_rest(p, &needed, &w, changed.as_deref(), budget)
}

/// [`decide`] for requirements that extend a set known to fit where only the teams `changed`
/// marks can have other needed jobs or windows than in that set (the caller knows which:
/// adding a commitment changes only what it and its predecessors need).
pub fn decide_changed(p: &Problem, reqs: &[Requirement], budget: u64, changed: &[bool]) -> Outcome {
    match needed_windows(p, reqs) {
        Ok((needed, w)) => decide_rest(p, &needed, &w, Some(changed), budget),
        Err(failed) => failed,
    }
}

/// The jobs `reqs` need and their windows, or the failure the windows already show (a chain
/// too long, counted as decided by the bounds).
fn needed_windows(p: &Problem, reqs: &[Requirement]) -> Result<(Vec<bool>, windows::Windows), Outcome> {
    let (needed, deadline) = needs(p, reqs);
    match windows::windows(p, &needed, &deadline) {
        Ok(w) => Ok((needed, w)),
        Err(e) => {
            count(|s| s.by_bounds += 1);
            Err(Outcome::Fails(e))
        }
    }
}

/// The decision once the windows are known: the counting bound on the teams `changed` marks
/// (all when `None`), the constructive schedule, then the search.
fn decide_rest(p: &Problem, needed: &[bool], w: &windows::Windows, changed: Option<&[bool]>, budget: u64) -> Outcome {
    if let Some(e) = windows::capacity_shortfall_in(p, needed, w, changed) {
        count(|s| s.by_bounds += 1);
        return Outcome::Fails(e);
    }
    if let Some(s) = schedule_rounds(p, needed, w) {
        count(|st| st.by_schedule += 1);
        return Outcome::Fits(s);
    }
    let left = SEARCH_LEFT.with(std::cell::Cell::get);
    let (found, used) = search::search_counted(p, needed, w, budget.min(left));
    SEARCH_LEFT.with(|s| s.set(left.saturating_sub(used)));
    match found {
        search::Found::Schedule(s) => {
            count(|st| st.by_search += 1);
            Outcome::Fits(s)
        }
        search::Found::None(nodes) => {
            count(|st| st.by_search += 1);
            Outcome::Fails(Evidence::Search { nodes })
        }
        search::Found::Unknown => {
            count(|st| st.undecided += 1);
            Outcome::Unknown
        }
    }
}

/// The counting bounds alone (windows, then the energetic bound, on team `first` before the
/// others): the evidence when they show the requirements cannot all be met. For trials that
/// need a proof of failure and nothing else.
pub fn bounds(p: &Problem, reqs: &[Requirement], first: Option<usize>) -> Option<Evidence> {
    let (needed, deadline) = needs(p, reqs);
    bounds_needed(p, &needed, &deadline, first)
}

/// [`bounds`] for the jobs `needed` marks, due by `deadline` (see [`needs`]).
pub fn bounds_needed(
    p: &Problem,
    needed: &[bool],
    deadline: &[Option<usize>],
    first: Option<usize>,
) -> Option<Evidence> {
    let w = match windows::windows(p, needed, deadline) {
        Ok(w) => w,
        Err(e) => return Some(e),
    };
    if let Some(team) = first {
        let mut only = vec![false; p.teams.len()];
        only[team] = true;
        if let Some(e) = windows::capacity_shortfall_in(p, needed, &w, Some(&only)) {
            return Some(e);
        }
    }
    windows::capacity_shortfall_in(p, needed, &w, None)
}

/// Windows and the constructive schedule only, no bounds and no search, for every job of `p`
/// (job `k` by `deadline[k]` when it has one): a schedule, or `None` when the constructive
/// rounds find none (which proves nothing). For trial decisions whose failure is settled
/// elsewhere.
pub fn construct_every(p: &Problem, deadline: &[Option<usize>]) -> Option<Schedule> {
    let needed = vec![true; p.jobs.len()];
    let w = windows::windows(p, &needed, deadline).ok()?;
    schedule_rounds(p, &needed, &w)
}

/// The constructive schedule; when jobs miss, they and their predecessors go first and it is
/// tried again (a few rounds).
fn schedule_rounds(p: &Problem, needed: &[bool], w: &windows::Windows) -> Option<Schedule> {
    let mut urgency = vec![1usize; p.jobs.len()];
    const ROUNDS: usize = 2;
    for round in 0..ROUNDS {
        match greedy::list_schedule(p, needed, w, &urgency, round + 1 == ROUNDS) {
            Ok(s) => return Some(s),
            Err(missed) => {
                let before = urgency.clone();
                mark_chain(p, &missed, &mut urgency);
                if urgency == before {
                    break;
                }
            }
        }
    }
    None
}

/// Marks `jobs` and everything before them as urgent (0 sorts first).
fn mark_chain(p: &Problem, jobs: &[usize], urgency: &mut [usize]) {
    let mut stack = jobs.to_vec();
    while let Some(j) = stack.pop() {
        if urgency[j] == 0 {
            continue;
        }
        urgency[j] = 0;
        stack.extend(p.jobs[j].preds.iter().map(|(q, _)| *q));
    }
}
