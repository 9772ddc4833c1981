//! Conflict sets: for a commitment that fits alone but not with those kept above it, a small
//! set of them it cannot be met together with, found by counting arguments alone and
//! shrunk by a deletion filter within a fixed allowance.

use super::Requirement;
use super::allowance::{SHRINK_LEFT, pay};
use super::evidence::Evidence;
use super::problem::Problem;

/// At most this many decisions are spent making one conflict set small.
const MAX_SHRINK: usize = 40;

/// The counting bounds for `rs` on the jobs they need only (see [`super::bounds`]), paid
/// from the allowance for conflict sets; `None` when they show nothing or the allowance is
/// spent.
fn bounds_paid(p: &Problem, rs: &[Requirement], first: Option<usize>) -> Option<Evidence> {
    if SHRINK_LEFT.with(std::cell::Cell::get) == 0 {
        return None;
    }
    let r = super::restricted(p, rs);
    if !pay(&SHRINK_LEFT, r.jobs.len()) {
        return None;
    }
    let first = first.and_then(|t| r.teams.binary_search(&t).ok());
    super::bounds(&r.problem, &r.reqs, first).map(|e| e.renumbered(&r.jobs, &r.teams))
}

/// [`bounds_paid`] for commitments `set` on `base`, a restricted problem holding every job
/// they need (paid the same: by the jobs they need).
fn bounds_within(p: &Problem, base: &super::Restricted, set: &[usize], first: Option<usize>) -> Option<Evidence> {
    if SHRINK_LEFT.with(std::cell::Cell::get) == 0 {
        return None;
    }
    let rs: Vec<Requirement> = set
        .iter()
        .map(|&m| Requirement {
            jobs: p.commitments[m].jobs.iter().filter_map(|j| base.jobs.binary_search(j).ok()).collect(),
            deadline: p.commitments[m].deadline,
        })
        .collect();
    let (needed, deadline) = super::needs(&base.problem, &rs);
    if !pay(&SHRINK_LEFT, needed.iter().filter(|&&n| n).count()) {
        return None;
    }
    let first = first.and_then(|t| base.teams.binary_search(&t).ok());
    super::bounds_needed(&base.problem, &needed, &deadline, first).map(|e| e.renumbered(&base.jobs, &base.teams))
}

/// A small set of met commitments that `c` cannot be met together with: dropping any one
/// of them lets `c` fit (where the engine could show it). With the evidence for the set.
pub(super) fn conflict_set(p: &Problem, met: &[usize], c: usize, evidence: Evidence) -> (Vec<usize>, Evidence) {
    // Without an allowance (a walk that explains nothing, such as a forecast run's) every
    // trial below would be refused: the set is all of `met`, found without building anything.
    if SHRINK_LEFT.with(std::cell::Cell::get) == 0 {
        return (met.to_vec(), evidence);
    }
    // Start from the commitments that share a team or a job with `c`.
    let mine = teams_of(p, c);
    let related: Vec<usize> =
        met.iter().copied().filter(|&m| teams_of(p, m).iter().any(|t| mine.binary_search(t).is_ok())).collect();
    let mut set: Vec<usize> = met.to_vec();
    let mut evidence = evidence;
    let with_c = |s: &[usize]| {
        let mut v = s.to_vec();
        v.push(c);
        v
    };
    // The commitments the evidence rests on fail with `c` by the same argument (see
    // `resting_on`); else those sharing a team.
    for candidate in [resting_on(p, met, &evidence), Some(related)].into_iter().flatten() {
        if candidate.len() < set.len()
            && let Some(e) = bounds_paid(p, &super::reqs(p, &with_c(&candidate)), team_of(&evidence))
        {
            set = candidate;
            evidence = e;
            break;
        }
    }
    // Deletion filter, lowest rank first: drop what is not needed for the conflict (a
    // bounded number of tries; what is left is still a set it conflicts with). Each new
    // argument also drops, for free, what it does not rest on.
    // Every trial below is a subset of `set` with `c`: one restricted problem serves them all.
    let base = super::restricted(p, &super::reqs(p, &with_c(&set)));
    let order: Vec<usize> = set.iter().rev().copied().collect();
    let mut tries = 0;
    for m in order {
        if tries == MAX_SHRINK {
            break;
        }
        let Some(at) = set.iter().position(|&x| x == m) else { continue };
        tries += 1;
        let mut trial = set.clone();
        trial.remove(at);
        if SHRINK_LEFT.with(std::cell::Cell::get) == 0 {
            break;
        }
        if let Some(e) = bounds_within(p, &base, &with_c(&trial), team_of(&evidence)) {
            set = resting_on(p, &trial, &e).unwrap_or(trial);
            evidence = e;
        }
    }
    (set, evidence)
}

/// The team a capacity argument is about.
pub(super) fn team_of(evidence: &Evidence) -> Option<usize> {
    match evidence {
        Evidence::Window { team, .. } => Some(*team),
        _ => None,
    }
}

/// The met commitments a counting argument rests on: those that need one of its jobs or a
/// job after one. The argument's windows come from its jobs' predecessors and from the
/// deadlines of what needs them, so with only these commitments (and the one that failed)
/// every window is the same and the argument still holds.
pub(super) fn resting_on(p: &Problem, met: &[usize], evidence: &Evidence) -> Option<Vec<usize>> {
    let jobs: Vec<usize> = match evidence {
        Evidence::Window { shares, .. } => shares.iter().map(|s| s.job).collect(),
        Evidence::Chain { links, .. } => links.iter().map(|l| l.job).collect(),
        Evidence::Search { .. } | Evidence::Passed { .. } => return None,
    };
    let mut after = vec![false; p.jobs.len()];
    let mut stack = jobs;
    while let Some(j) = stack.pop() {
        if !after[j] {
            after[j] = true;
            stack.extend(p.jobs[j].succs.iter().map(|(s, _)| *s));
        }
    }
    Some(met.iter().copied().filter(|&m| p.commitments[m].jobs.iter().any(|&j| after[j])).collect())
}

thread_local! {
    /// The teams each commitment's jobs and their predecessors belong to, per solve (repairs
    /// change capacity and deadlines, never which jobs a commitment needs).
    pub(super) static TEAMS: std::cell::RefCell<Vec<Option<std::rc::Rc<[usize]>>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The sorted teams commitment `c` needs work from (cached for the solve).
pub(super) fn teams_of(p: &Problem, c: usize) -> std::rc::Rc<[usize]> {
    if let Some(t) = TEAMS.with(|cache| cache.borrow().get(c).cloned().flatten()) {
        return t;
    }
    // Walk the predecessors from the commitment's jobs, marking only what is visited.
    let mut seen = std::collections::HashSet::new();
    let mut stack: Vec<usize> = p.commitments[c].jobs.clone();
    let mut teams = Vec::new();
    while let Some(j) = stack.pop() {
        if !seen.insert(j) {
            continue;
        }
        teams.push(p.jobs[j].team);
        stack.extend(p.jobs[j].preds.iter().map(|(q, _)| *q));
    }
    teams.sort_unstable();
    teams.dedup();
    let teams: std::rc::Rc<[usize]> = teams.into();
    TEAMS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.len() < p.commitments.len() {
            cache.resize(p.commitments.len(), None);
        }
        cache[c] = Some(teams.clone());
    });
    teams
}
