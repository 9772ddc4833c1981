//! Commitments in rank order: walking down, a commitment is met when it fits together with
//! every one already met; otherwise it is infeasible (it cannot be met even alone),
//! in conflict (it can alone, but not with those met: a small set of them is named), or
//! unknown. Then uncommitted work gets what capacity is left, in priority order, and every
//! commitment that is not met gets repairs, each verified by solving again.

use serde::Serialize;

use super::evidence::{Evidence, Schedule};
use super::problem::Problem;
use super::{Outcome, Requirement};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Met,
    Infeasible,
    Conflict,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Feasible,
    Infeasible,
    Unknown,
}

/// A change that makes a commitment met, verified by solving again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Repair {
    /// Commit to the end of this iteration instead.
    Deadline { iteration: usize },
    /// Add this much capacity to `team`, spread over iterations `from..=to`.
    Capacity { team: usize, from: usize, to: usize, amount: i64 },
    /// Move the (non-hard, higher-ranked) commitment `commitment` to the end of `to`.
    Defer { commitment: usize, to: usize },
}

#[derive(Debug, Clone)]
pub struct CommitmentResult {
    /// Index into `Problem::commitments` (which is in rank order).
    pub commitment: usize,
    pub status: Status,
    /// Last iteration of work on its jobs in the final schedule; `None` if not all done.
    pub finish: Option<usize>,
    /// Why it is not met: for `infeasible` alone, for `conflict` together with `conflicts_with`.
    pub evidence: Option<Evidence>,
    pub conflicts_with: Vec<usize>,
    pub repairs: Vec<Repair>,
}

/// Where a job lands in the final schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Landing {
    Done {
        start: usize,
        finish: usize,
    },
    /// Not all its effort fits in the horizon: this much is left.
    Beyond {
        left: i64,
    },
}

#[derive(Debug, Clone)]
pub struct Solution {
    pub verdict: Verdict,
    pub results: Vec<CommitmentResult>,
    /// The schedule that meets every met commitment, with uncommitted work after it.
    pub schedule: Schedule,
    /// The part of `schedule` that meets the met commitments (the feasibility evidence).
    pub committed: Schedule,
    pub landing: Vec<Landing>,
}

/// The walk may search `SEARCH_SHARE` times one decision's budget. The repairs' decisions do
/// not search: a repair holds when the check of the changed plan meets the commitment, and the
/// walk there may have no search left where the repairs would find a schedule by searching.
pub const SEARCH_SHARE: u64 = 3;

/// At most this many competitors are tried as defer repairs, and this many decisions spent
/// making a conflict set small.
const MAX_DEFERS: usize = 5;
const MAX_SHRINK: usize = 40;

/// Work that finding repairs may take in one solve, in job decisions (a decision over 40
/// items costs 40), spent in rank order; the statuses themselves are never cut short.
/// Deterministic, so the same plan always gets the same repairs.
pub const EXTRA_DECISIONS: u64 = 80_000;

/// Work that making conflict sets small may take in one solve, in job decisions, apart from
/// the repairs' so that many conflicts do not leave the last ones without repairs.
pub const SHRINK_DECISIONS: u64 = 40_000;

thread_local! {
    /// What one decision costs from the allowance in this solve: the number of jobs.
    static DECISION_COST: std::cell::Cell<u64> = const { std::cell::Cell::new(1) };
}

thread_local! {
    static EXTRA_LEFT: std::cell::Cell<u64> = const { std::cell::Cell::new(EXTRA_DECISIONS) };
    static SHRINK_LEFT: std::cell::Cell<u64> = const { std::cell::Cell::new(SHRINK_DECISIONS) };
}

/// Whole-plan decisions the rank walk may take in one solve, in job decisions, per step of
/// the search budget (so a larger `--budget` raises both; a smaller one counts as the
/// default): 1,000 decisions over a 1,000-item plan, 10 over 100,000 items. Commitments met
/// on top of the schedule so far, by a patch, or infeasible on their own, need none. (At 20 per
/// step the 10,000-item benchmark plan met the same commitments in twice the time.)
pub const WALK_DECISIONS_PER_BUDGET: u64 = 10;

thread_local! {
    static WALK_LEFT: std::cell::Cell<u64> = const { std::cell::Cell::new(u64::MAX) };
}

/// Takes `n` from an allowance; false (and nothing taken) when it has not enough.
fn take(allowance: &'static std::thread::LocalKey<std::cell::Cell<u64>>, n: u64) -> bool {
    allowance.with(|left| {
        let l = left.get();
        if l >= n {
            left.set(l - n);
            true
        } else {
            false
        }
    })
}

/// Takes `n` (at least 1) from an allowance for one decision. When it has not enough, none is
/// left for any later decision either, so a smaller later one cannot jump the rank order.
fn pay(allowance: &'static std::thread::LocalKey<std::cell::Cell<u64>>, n: usize) -> bool {
    if take(allowance, n.max(1) as u64) {
        return true;
    }
    allowance.with(|l| l.set(0));
    false
}

/// Whether anything is left of the allowance for conflict sets and repairs.
fn extra_left() -> bool {
    EXTRA_LEFT.with(std::cell::Cell::get) > 0
}

/// Takes one whole-plan decision from the walk's allowance.
fn spend_walk() -> bool {
    take(&WALK_LEFT, DECISION_COST.with(std::cell::Cell::get))
}

/// Takes `n` decisions from the allowance for conflict sets and repairs.
fn spend(n: u64) -> bool {
    take(&EXTRA_LEFT, n.saturating_mul(DECISION_COST.with(std::cell::Cell::get)))
}

fn req(p: &Problem, c: usize) -> Requirement {
    Requirement { jobs: p.commitments[c].jobs.iter().copied().collect(), deadline: p.commitments[c].deadline }
}

fn reqs(p: &Problem, set: &[usize]) -> Vec<Requirement> {
    set.iter().map(|&c| req(p, c)).collect()
}

/// One commitment as the walk left it.
struct Walked {
    status: Status,
    /// Why it is not met (see [`CommitmentResult::evidence`]) and what it conflicts with.
    evidence: Option<Evidence>,
    conflicts_with: Vec<usize>,
    /// Whether the walk could still take a whole-plan decision when it reached it (see
    /// [`Unmet::whole`]).
    whole: bool,
    /// For one not met: the iteration its jobs are all done by when placed as early as they
    /// go on top of the schedule of the commitments met before it (`None` past the horizon).
    /// That schedule proves it could be met by then together with those (see [`repairs`]).
    reach: Option<usize>,
}

/// Walks the commitments in rank order up to and including `upto`; returns the met set,
/// the status of each, and the schedule of the met ones.
fn walk(p: &Problem, upto: usize, budget: u64, sink: &mut dyn FnMut(Step)) -> (Vec<usize>, Vec<Walked>, Schedule) {
    let mut met: Vec<usize> = Vec::new();
    let mut out = Vec::new();
    let mut out = Steps { out: &mut out, sink };
    let mut progress = Progress::new(p);
    let relaxed = super::relaxed::Relaxed::new(p);
    for c in 0..=upto.min(p.commitments.len().saturating_sub(1)) {
        if p.commitments.is_empty() {
            break;
        }
        // A chain that cannot finish inside the horizon even alone: infeasible, whatever else
        // is met, and nowhere to finish (found without visiting the chain again).
        if let Some(e) = relaxed.beyond_horizon(p, c) {
            let whole = WALK_LEFT.with(std::cell::Cell::get) >= DECISION_COST.with(std::cell::Cell::get);
            out.push(Walked {
                status: Status::Infeasible,
                evidence: Some(e),
                conflicts_with: Vec::new(),
                whole,
                reach: None,
            });
            continue;
        }
        // Fast path, reusing the work so far: place what `c` still needs on top of the
        // schedule that meets the commitments already met. If that meets `c` too, the
        // extended schedule is the proof; if not, the decisions below settle it.
        if extend(p, &mut progress, c) {
            progress.meet(p, c);
            met.push(c);
            out.push(Walked::met());
            continue;
        }
        // The schedule so far, and where `c` could finish on top of it: kept for its repairs.
        let reach = reach(p, &mut progress, c);
        let whole = WALK_LEFT.with(std::cell::Cell::get) >= DECISION_COST.with(std::cell::Cell::get);
        let unmet = |status, evidence, conflicts_with| Walked { status, evidence, conflicts_with, whole, reach };
        // Can it be met at all, alone? Deciding that is cheap (only its own jobs and their
        // predecessors), and when it cannot, it is infeasible whatever else is met.
        let alone = decide_alone(p, c, budget);
        if let Alone::Fails(e) = alone {
            out.push(unmet(Status::Infeasible, Some(e), Vec::new()));
            continue;
        }
        // Second fast path: plan the teams `c` needs again, with every other team's work
        // where it is. A schedule found so is a proof for the whole plan; not finding one
        // proves nothing, and the whole-plan decision below settles it.
        let new = p.closure(&p.commitments[c].jobs, |j| progress.before[j]);
        if (0..=PATCH_ROUNDS).any(|widen| patch(p, &mut progress, c, &new, widen)) {
            progress.meet(p, c);
            met.push(c);
            out.push(Walked::met());
            continue;
        }
        // Together with everything met so far: a decision over the whole plan, drawn from the
        // walk's allowance so a very large plan stays bounded (then: unknown, said).
        if !spend_walk() {
            out.push(unmet(Status::Unknown, None, Vec::new()));
            continue;
        }
        let mut set = met.clone();
        set.push(c);
        // Adding `c` changes the needed jobs and windows only of what it needs (deadlines
        // bind predecessors only), so the counting bound is redone on those teams alone.
        let mut changed = vec![false; p.teams.len()];
        for &t in teams_of(p, c).iter() {
            changed[t] = true;
        }
        match super::decide_changed(p, &reqs(p, &set), budget, &changed) {
            Outcome::Fits(s) => {
                met.push(c);
                progress.reset(p, s, &met);
                out.push(Walked::met());
            }
            together => match (alone, together) {
                (Alone::Fits, Outcome::Fails(e)) => {
                    let (with, evidence) = conflict_set(p, &met, c, e);
                    out.push(unmet(Status::Conflict, Some(evidence), with));
                }
                _ => out.push(unmet(Status::Unknown, None, Vec::new())),
            },
        }
    }
    (met, std::mem::take(out.out), progress.schedule)
}

/// What the walk tells the repairs about each commitment as it is decided (see [`explain`]).
enum Step {
    Met(usize),
    Unmet(Unmet),
}

/// A commitment the walk did not meet, as its repairs need it.
struct Unmet {
    c: usize,
    evidence: Option<Evidence>,
    conflicts_with: Vec<usize>,
    /// Whether the walk, reaching it, could still decide on the whole plan. A check of the
    /// plan with a repair walks the same way up to it, and meets it by such a decision only
    /// if so: without one, only the walk's own schedule (`reach`) shows a repair holds.
    whole: bool,
    reach: Option<usize>,
}

/// The walk's statuses, each also told to the repairs as it is decided.
struct Steps<'a> {
    out: &'a mut Vec<Walked>,
    sink: &'a mut dyn FnMut(Step),
}

impl Steps<'_> {
    fn push(&mut self, w: Walked) {
        let c = self.out.len();
        (self.sink)(if w.status == Status::Met {
            Step::Met(c)
        } else {
            Step::Unmet(Unmet {
                c,
                evidence: w.evidence.clone(),
                conflicts_with: w.conflicts_with.clone(),
                whole: w.whole,
                reach: w.reach,
            })
        });
        self.out.push(w);
    }
}

impl Walked {
    fn met() -> Walked {
        Walked { status: Status::Met, evidence: None, conflicts_with: Vec::new(), whole: true, reach: None }
    }
}

/// The walk's schedule of the commitments met so far, and what it keeps alongside so each
/// step costs what it touches.
struct Progress {
    schedule: Schedule,
    /// Capacity each team has left per iteration.
    left: Vec<Vec<i64>>,
    /// The jobs the met commitments need (each scheduled in full), and the same by team.
    before: Vec<bool>,
    team_jobs: Vec<Vec<usize>>,
    /// The earliest deadline a met commitment puts on each job.
    due: Vec<Option<usize>>,
    /// First and last iteration of each scheduled job's work (kept so a patch reads no
    /// more of the schedule than the work itself).
    span: Vec<(usize, usize)>,
}

impl Progress {
    fn new(p: &Problem) -> Progress {
        Progress {
            schedule: Schedule::empty(p.jobs.len(), p.iterations),
            left: (*p.team_cap).clone(),
            before: vec![false; p.jobs.len()],
            team_jobs: vec![Vec::new(); p.teams.len()],
            due: vec![None; p.jobs.len()],
            span: vec![(0, 0); p.jobs.len()],
        }
    }

    /// Notes where job `j`'s work now lies.
    fn settle(&mut self, j: usize) {
        let s = &self.schedule;
        self.span[j] = (s.start(j).unwrap_or(0), s.finish(j).unwrap_or(0));
    }

    /// Records that commitment `c` is met (its jobs are in the schedule).
    fn meet(&mut self, p: &Problem, c: usize) {
        let com = &p.commitments[c];
        for &j in &com.jobs {
            self.due[j] = Some(self.due[j].map_or(com.deadline, |d| d.min(com.deadline)));
        }
    }

    /// Marks job `j` as scheduled.
    fn add(&mut self, p: &Problem, j: usize) {
        if !self.before[j] {
            self.before[j] = true;
            self.team_jobs[p.jobs[j].team].push(j);
            self.settle(j);
        }
    }

    /// Takes the schedule of a whole-plan decision that meets `met` (the last one just met).
    fn reset(&mut self, p: &Problem, schedule: Schedule, met: &[usize]) {
        self.schedule = schedule;
        self.left = (*p.team_cap).clone();
        for (j, row) in self.schedule.work.iter().enumerate() {
            for (t, w) in row.iter().enumerate() {
                self.left[p.jobs[j].team][t] -= w;
            }
        }
        let needed = super::needs(p, &reqs(p, met)).0;
        for (j, &n) in needed.iter().enumerate() {
            if n {
                // Scheduled before or not, its work may have moved.
                self.add(p, j);
                self.settle(j);
            }
        }
        if let Some(&c) = met.last() {
            self.meet(p, c);
        }
    }
}

/// How many times a patch that fails is widened and tried again; a patch frees at most
/// `PATCH_MAX_JOBS` jobs.
const PATCH_ROUNDS: usize = 2;
const PATCH_MAX_JOBS: usize = 1_000;

/// Meets commitment `c` by planning again the teams it needs work from: their jobs already
/// scheduled and what `c` adds, each within the window the fixed work leaves it (after its
/// fixed predecessors, before its fixed successors) and by its deadline. `widen` rounds also
/// free the scheduled jobs next to those (their predecessors and successors), in the capacity
/// their teams have left plus their own work. The rest stays where it is. `new`: the jobs `c`
/// needs that are not scheduled yet (the same for every round). On success the schedule is
/// updated and `true` returned; otherwise nothing changes (and nothing is proved).
fn patch(p: &Problem, progress: &mut Progress, c: usize, new: &[usize], widen: usize) -> bool {
    let com = &p.commitments[c];
    // The jobs whose teams are planned again: what `c` needs, and with each widening round
    // the scheduled jobs right before and after those.
    let mut near: Vec<usize> = new.iter().chain(&com.jobs).copied().collect();
    let team_count = |near: &[usize]| {
        let mut t: Vec<usize> = near.iter().map(|&j| p.jobs[j].team).collect();
        t.sort_unstable();
        t.dedup();
        t
    };
    let mut teams = team_count(&near);
    for _ in 0..widen {
        let more: Vec<usize> = near
            .iter()
            .flat_map(|&j| p.jobs[j].preds.iter().chain(&p.jobs[j].succs))
            .filter(|&&(k, _)| progress.before[k])
            .map(|&(k, _)| k)
            .collect();
        near.extend(more);
        near.sort_unstable();
        near.dedup();
        let wider = team_count(&near);
        if wider.len() == teams.len() {
            return false;
        }
        teams = wider;
    }
    let mut free = new.to_vec();
    for &t in &teams {
        free.extend_from_slice(&progress.team_jobs[t]);
    }
    // A patch as large as a whole-plan decision is left to that decision.
    if free.len() > PATCH_MAX_JOBS {
        return false;
    }
    let (mut q, old, team_of) = p.restrict(&free);
    // Each team's capacity for the freed jobs: what is left plus what they use now.
    let mut cap: Vec<Vec<i64>> = team_of.iter().map(|&t| progress.left[t].clone()).collect();
    for (k, &j) in old.iter().enumerate() {
        if progress.before[j] {
            let (a, b) = progress.span[j];
            let row = &progress.schedule.work[j];
            for (t, w) in row.iter().enumerate().take(b + 1).skip(a) {
                cap[q.jobs[k].team][t] += w;
            }
        }
    }
    let own: std::collections::HashSet<usize> = com.jobs.iter().copied().collect();
    let last = p.iterations.saturating_sub(1);
    let jobs = std::sync::Arc::make_mut(&mut q.jobs);
    let mut due_by = Vec::with_capacity(old.len());
    for (k, &j) in old.iter().enumerate() {
        let (mut lo, mut hi) = (p.jobs[j].lo, p.jobs[j].hi);
        for &(pred, lag) in &p.jobs[j].preds {
            if old.binary_search(&pred).is_err() {
                // Fixed, so scheduled (what a scheduled job needs is scheduled too).
                if !progress.before[pred] {
                    return false;
                }
                lo = lo.max(progress.span[pred].1 + 1 + lag);
            }
        }
        for &(succ, lag) in &p.jobs[j].succs {
            if progress.before[succ] && old.binary_search(&succ).is_err() {
                match progress.span[succ].0.checked_sub(1 + lag) {
                    Some(h) => hi = hi.min(h),
                    None => return false,
                }
            }
        }
        if lo > hi || lo > last {
            return false;
        }
        let job = &mut jobs[k];
        if (lo, hi) != (job.lo, job.hi) {
            if let Some(cap) = &job.cap {
                job.cap = Some(cap.iter().enumerate().map(|(t, &c)| if t < lo || t > hi { 0 } else { c }).collect());
            }
            job.lo = lo;
            job.hi = hi;
        }
        let mut due = progress.due[j];
        if own.contains(&j) {
            due = Some(due.map_or(com.deadline, |d| d.min(com.deadline)));
        }
        due_by.push(Some(due.unwrap_or(last)));
    }
    q.team_cap = std::sync::Arc::new(cap.clone());
    let Some(mut local) = super::construct_every(&q, &due_by) else { return false };
    for (k, &j) in old.iter().enumerate() {
        let row = std::mem::take(&mut local.work[k]);
        let team = q.jobs[k].team;
        for (t, w) in row.iter().enumerate() {
            cap[team][t] -= w;
        }
        progress.schedule.work[j] = row;
        if progress.before[j] {
            progress.settle(j);
        }
    }
    for (k, row) in cap.into_iter().enumerate() {
        progress.left[team_of[k]] = row;
    }
    for &j in new {
        progress.add(p, j);
    }
    true
}

/// Whether commitment `c` could be met if it were the only one.
enum Alone {
    Fits,
    Fails(Evidence),
    Unknown,
}

/// Decides commitment `c` alone, on the problem of its own jobs and their predecessors only:
/// the cost follows the commitment, not the plan (a 100,000-item plan has thousands of these).
fn decide_alone(p: &Problem, c: usize, budget: u64) -> Alone {
    let r = super::restricted(p, &[req(p, c)]);
    match super::decide(&r.problem, &r.reqs, budget) {
        Outcome::Fits(_) => Alone::Fits,
        Outcome::Fails(e) => Alone::Fails(e.renumbered(&r.jobs, &r.teams)),
        Outcome::Unknown => Alone::Unknown,
    }
}

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
fn conflict_set(p: &Problem, met: &[usize], c: usize, evidence: Evidence) -> (Vec<usize>, Evidence) {
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
            && let Some(e) = bounds_paid(p, &reqs(p, &with_c(&candidate)), team_of(&evidence))
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
    let base = super::restricted(p, &reqs(p, &with_c(&set)));
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
fn team_of(evidence: &Evidence) -> Option<usize> {
    match evidence {
        Evidence::Window { team, .. } => Some(*team),
        _ => None,
    }
}

/// The met commitments a counting argument rests on: those that need one of its jobs or a
/// job after one. The argument's windows come from its jobs' predecessors and from the
/// deadlines of what needs them, so with only these commitments (and the one that failed)
/// every window is the same and the argument still holds.
fn resting_on(p: &Problem, met: &[usize], evidence: &Evidence) -> Option<Vec<usize>> {
    let jobs: Vec<usize> = match evidence {
        Evidence::Window { shares, .. } => shares.iter().map(|s| s.job).collect(),
        Evidence::Chain { links, .. } => links.iter().map(|l| l.job).collect(),
        Evidence::Search { .. } => return None,
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
    static TEAMS: std::cell::RefCell<Vec<Option<std::rc::Rc<[usize]>>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The sorted teams commitment `c` needs work from (cached for the solve).
fn teams_of(p: &Problem, c: usize) -> std::rc::Rc<[usize]> {
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

/// Solves the whole problem: statuses in rank order, the final schedule, and repairs.
///
/// The repairs of a commitment need only what the walk decided up to it, so where threads
/// exist they are found on a second one as the walk goes (the walk is the longer part on
/// large plans, the repairs on small ones). Each side has its own allowances, so the answer
/// is the same, byte for byte, with or without the second thread.
pub fn solve(p: &Problem, budget: u64) -> Solution {
    solve_with(p, budget, parallel())
}

/// [`solve`] with the repairs on this thread after the walk, as in WebAssembly: for the test
/// that both ways give the same answer.
#[doc(hidden)]
pub fn solve_on_one_thread(p: &Problem, budget: u64) -> Solution {
    solve_with(p, budget, false)
}

fn solve_with(p: &Problem, budget: u64, threads: bool) -> Solution {
    // The walk's search nodes, whole-plan decisions and conflict-set decisions; the repairs
    // set their own (see `explain`).
    super::allow_search(budget.saturating_mul(SEARCH_SHARE));
    SHRINK_LEFT.with(|l| l.set(SHRINK_DECISIONS));
    TEAMS.with(|cache| cache.borrow_mut().clear());
    WALK_LEFT.with(|l| l.set(walk_allowance(budget)));
    DECISION_COST.with(|c| c.set(p.jobs.len().max(1) as u64));
    let last = p.commitments.len().saturating_sub(1);
    // A machine that will not start a thread gets the one-thread way (the same answer).
    let threaded = threads
        .then(|| {
            std::thread::scope(|scope| {
                let (tx, rx) = std::sync::mpsc::channel();
                let repairs = std::thread::Builder::new()
                    .name("haalbaar-repairs".into())
                    .spawn_scoped(scope, move || explain(p, rx, budget))
                    .ok()?;
                let walked = walk(p, last, budget, &mut |step| {
                    // The receiver only goes away by panicking, which the join below passes on.
                    let _ = tx.send(step);
                });
                drop(tx);
                let filled = fill_uncommitted(p, &walked.0, &walked.2);
                let found = repairs.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
                Some((walked, filled, found))
            })
        })
        .flatten();
    let ((_, walked, committed), (schedule, landing), (found, stats)) = match threaded {
        Some(done) => done,
        None => {
            let mut steps = Vec::new();
            let walked = walk(p, last, budget, &mut |step| steps.push(step));
            let filled = fill_uncommitted(p, &walked.0, &walked.2);
            let mine = super::take_stats();
            let found = explain(p, steps, budget);
            super::add_stats(mine);
            (walked, filled, found)
        }
    };
    super::add_stats(stats);
    let mut results: Vec<CommitmentResult> = walked
        .into_iter()
        .enumerate()
        .map(|(c, w)| CommitmentResult {
            commitment: c,
            status: w.status,
            finish: None,
            evidence: w.evidence,
            conflicts_with: w.conflicts_with,
            repairs: Vec::new(),
        })
        .collect();
    for (c, repairs) in found {
        results[c].repairs = repairs;
    }
    for r in &mut results {
        let jobs = &p.commitments[r.commitment].jobs;
        r.finish = jobs
            .iter()
            .map(|&j| match landing[j] {
                Landing::Done { finish, .. } => Some(finish),
                Landing::Beyond { .. } => None,
            })
            .try_fold(0usize, |acc, f| f.map(|f| acc.max(f)));
    }
    let verdict = if results.iter().any(|r| matches!(r.status, Status::Infeasible | Status::Conflict)) {
        Verdict::Infeasible
    } else if results.iter().any(|r| r.status == Status::Unknown) {
        Verdict::Unknown
    } else {
        Verdict::Feasible
    };
    Solution { verdict, results, schedule, committed, landing }
}

/// Whole-plan decisions the walk may take, in job decisions. `--budget 0` turns the search
/// off, not the constructive decisions.
fn walk_allowance(budget: u64) -> u64 {
    budget.max(super::DEFAULT_BUDGET).saturating_mul(WALK_DECISIONS_PER_BUDGET)
}

/// Whether the repairs run on a second thread (not in WebAssembly, not on one core).
fn parallel() -> bool {
    !cfg!(target_arch = "wasm32") && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1)
}

/// The repairs of every commitment the walk does not meet, from the walk's steps in rank
/// order, and how their decisions were reached. Its allowance is its own and set here, so it
/// finds the same on any thread.
fn explain(
    p: &Problem,
    steps: impl IntoIterator<Item = Step>,
    budget: u64,
) -> (Vec<(usize, Vec<Repair>)>, super::Stats) {
    super::allow_search(0);
    EXTRA_LEFT.with(|l| l.set(EXTRA_DECISIONS));
    SHRINK_LEFT.with(|l| l.set(0));
    DECISION_COST.with(|c| c.set(p.jobs.len().max(1) as u64));
    TEAMS.with(|cache| cache.borrow_mut().clear());
    let mut before = Vec::new();
    let mut found = Vec::new();
    // Whether an earlier commitment is unmet: only then can a change that relaxes the plan
    // make an earlier one met and so change what this one must fit with.
    let mut flips = false;
    for step in steps {
        match step {
            Step::Met(c) => before.push(c),
            Step::Unmet(u) => {
                found.push((u.c, repairs(p, &before, &u, flips, budget)));
                flips = true;
            }
        }
    }
    (found, super::take_stats())
}

/// Schedules everything the met commitments do not need, with the capacity they leave, in
/// priority order (priority, then WSJF, then file order), as early as it can go.
fn fill_uncommitted(p: &Problem, met: &[usize], committed: &Schedule) -> (Schedule, Vec<Landing>) {
    let (needed, _) = super::needs(p, &reqs(p, met));
    let mut schedule = committed.clone();
    let mut left: Vec<Vec<i64>> = (*p.team_cap).clone();
    for (j, row) in committed.work.iter().enumerate() {
        for (t, w) in row.iter().enumerate() {
            left[p.jobs[j].team][t] -= w;
        }
    }
    let mut order: Vec<usize> = (0..p.jobs.len()).filter(|&j| !needed[j]).collect();
    order.sort_by_key(|&j| {
        let job = &p.jobs[j];
        (job.priority.unwrap_or(u32::MAX), job.wsjf.is_none(), std::cmp::Reverse(job.wsjf), j)
    });
    let mut done: Vec<Option<bool>> = (0..p.jobs.len()).map(|j| needed[j].then_some(true)).collect();
    for j in order {
        super::place::place(p, j, &mut schedule, &mut left, &mut done);
    }
    let landing = (0..p.jobs.len())
        .map(|j| {
            let got = schedule.done(j);
            match (schedule.start(j), schedule.finish(j)) {
                (Some(start), Some(finish)) if got >= p.jobs[j].effort => Landing::Done { start, finish },
                _ => Landing::Beyond { left: p.jobs[j].effort - got },
            }
        })
        .collect();
    (schedule, landing)
}

/// Repairs for commitment `c`, each verified by solving again.
/// `before`: the commitments met before it.
fn repairs(p: &Problem, before: &[usize], u: &Unmet, flips: bool, budget: u64) -> Vec<Repair> {
    let (c, reach) = (u.c, u.reach);
    let mut out = Vec::new();
    // Every repair is verified by deciding again; with the allowance spent, none can be.
    if !extra_left() {
        return out;
    }
    // The commitments before `c` and `c`, restricted once for every trial below.
    let base = std::cell::RefCell::new(None::<Trial>);
    let together = |due: Option<(usize, usize)>, extra: Option<Extra>| {
        let mut base = base.borrow_mut();
        let trial = base.get_or_insert_with(|| {
            let mut rs = reqs(p, before);
            rs.push(req(p, c));
            Trial::new(p, &rs, before.len())
        });
        trial.fits(due, extra, budget)
    };
    // 1. The earliest deadline it can be met by (later deadlines only widen the choice, so
    //    a binary search is exact up to `unknown` answers). The walk up to `c` is the same
    //    with any deadline of `c`, so where it could decide on the whole plan, such a
    //    decision shows what the check of the changed plan finds; and the walk's own schedule
    //    shows it fits by `reach` with no decision at all.
    let fits_by = |d: usize| u.whole && together(Some((before.len(), d)), None);
    let last = p.iterations.saturating_sub(1);
    let deadline = p.commitments[c].deadline;
    let fits_at = reach.filter(|&d| d > deadline && d <= last);
    // A hard commitment is fixed by law or contract: never suggest moving it.
    if !p.commitments[c].hard && deadline < last && (fits_at.is_some() || fits_by(last)) {
        let upper = fits_at.unwrap_or(last);
        // It cannot be met earlier than it could be alone: search that first (decisions on its
        // own jobs only, cheap), then with the commitments before it from there.
        let mut alone = Trial::new(p, &[req(p, c)], 0);
        let mut alone_by = |d: usize| alone.fits(Some((0, d)), None, budget);
        // Without a whole-plan decision at `c`, only `reach` shows a deadline holds.
        let (mut lo, mut hi) = (if u.whole { deadline + 1 } else { upper }, upper);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if alone_by(mid) { hi = mid } else { lo = mid + 1 }
        }
        if lo < upper && !fits_by(lo) {
            (lo, hi) = (lo + 1, upper);
            while lo < hi {
                let mid = (lo + hi) / 2;
                if fits_by(mid) { hi = mid } else { lo = mid + 1 }
            }
        }
        out.push(Repair::Deadline { iteration: lo });
    }
    // 2. Capacity where the counting argument shows the shortfall.
    if let Some(Evidence::Window { team, from, to, required, capacity, .. }) = &u.evidence {
        let mut amount = required - capacity;
        for _ in 0..4 {
            if !extra_left() {
                break;
            }
            let extra = (*team, *from, *to, amount);
            if met_when_applied(
                p,
                c,
                flips,
                budget,
                |q| add_capacity(q, *team, *from, *to, amount),
                || u.whole && together(None, Some(extra)),
            ) {
                out.push(Repair::Capacity { team: *team, from: *from, to: *to, amount });
                break;
            }
            amount *= 2;
        }
    }
    // 2b. A chain too long for its window: more capacity shortens the items whose length
    //     comes from their team's capacity (not from a `max` cap). Teams on the chain are
    //     tried by their share of its effort; the first verified amount is offered.
    if let Some(Evidence::Chain { links, limit }) = &u.evidence {
        let to = (*limit).min(last);
        // Capacity helps a team's chain items only from where the chain lets them start.
        let from_of = |team: usize| {
            links.iter().filter(|l| p.jobs[l.job].team == team).map(|l| l.earliest_start.max(p.jobs[l.job].lo)).min()
        };
        let mut teams: Vec<(usize, i64)> = Vec::new();
        for l in links {
            let job = &p.jobs[l.job];
            match teams.iter_mut().find(|(t, _)| *t == job.team) {
                Some((_, e)) => *e += job.effort,
                None => teams.push((job.team, job.effort)),
            }
        }
        teams.sort_by_key(|&(t, e)| (std::cmp::Reverse(e), t));
        let works = |team: usize, amount: i64| {
            if !extra_left() {
                return false;
            }
            let from = from_of(team).unwrap_or(0).min(to);
            met_when_applied(
                p,
                c,
                flips,
                budget,
                |q| add_capacity(q, team, from, to, amount),
                || u.whole && together(None, Some((team, from, to, amount))),
            )
        };
        'teams: for &(team, effort) in teams.iter().take(3) {
            let (mut fails, mut amount) = (0, (effort / 2).max(1000));
            for _ in 0..4 {
                if works(team, amount) {
                    // Narrow to the least whole unit that still works (a few more solves).
                    let mut hi = amount;
                    for _ in 0..6 {
                        let mid = (fails + hi) / 2 / 1000 * 1000;
                        if mid <= fails || mid >= hi {
                            break;
                        }
                        if works(team, mid) { hi = mid } else { fails = mid }
                    }
                    let from = from_of(team).unwrap_or(0).min(to);
                    out.push(Repair::Capacity { team, from, to, amount: hi });
                    break 'teams;
                }
                fails = amount;
                amount *= 2;
            }
        }
    }
    // 3. Defer a commitment it competes with, never a hard one.
    for &m in u.conflicts_with.iter().take(MAX_DEFERS) {
        if p.commitments[m].hard || p.commitments[m].deadline >= last {
            continue;
        }
        let moved = |d: usize| {
            if !extra_left() {
                return false;
            }
            let at = before.iter().position(|&b| b == m);
            met_when_applied(
                p,
                c,
                flips,
                budget,
                |q| std::sync::Arc::make_mut(&mut q.commitments)[m].deadline = d,
                || u.whole && at.is_some_and(|k| together(Some((k, d)), None)),
            )
        };
        if moved(last) {
            let (mut lo, mut hi) = (p.commitments[m].deadline + 1, last);
            while lo < hi {
                let mid = (lo + hi) / 2;
                if moved(mid) { hi = mid } else { lo = mid + 1 }
            }
            out.push(Repair::Defer { commitment: m, to: lo });
        }
    }
    out
}

/// Whether commitment `c` is met in the changed problem `q` once the walk reaches it. When
/// every commitment before `c` was met (`flips` is false), the change only relaxes them, so
/// they stay met and the walk reaches `c` with exactly `before`: one decision answers it.
/// Otherwise an earlier unmet one might now be met and compete, so the walk is redone.
/// `change` makes the changed problem from `p`; `decide` is that one decision (on a
/// [`Trial`], and only where the walk could take a whole-plan decision at `c`: see
/// [`Unmet::whole`]).
fn met_when_applied(
    p: &Problem,
    c: usize,
    flips: bool,
    budget: u64,
    change: impl FnOnce(&mut Problem),
    decide: impl FnOnce() -> bool,
) -> bool {
    if !flips {
        // The commitments before `c` fit in `p`, and the change only relaxes them.
        return decide();
    }
    if !spend(c as u64 + 1) {
        return false;
    }
    let mut q = p.clone();
    change(&mut q);
    met_when_walked(&q, c, budget)
}

/// Capacity added to a team over iterations (team, from, to, amount: see [`add_capacity`]).
type Extra = (usize, usize, usize, i64);

/// Repair decisions on one set of requirements, on the jobs they need only, restricted once:
/// a trial changes deadlines or capacity, never which jobs are needed.
struct Trial {
    r: super::Restricted,
    /// How many requirements at the front are known to fit (see [`super::decide_from`]).
    known: usize,
}

impl Trial {
    fn new(p: &Problem, rs: &[Requirement], known: usize) -> Trial {
        Trial { r: super::restricted(p, rs), known }
    }

    /// Whether one schedule meets the requirements with requirement `k` due by `d` (`due`)
    /// and `extra` capacity, paid by size from the repairs' allowance; `false` when that is
    /// spent.
    fn fits(&mut self, due: Option<(usize, usize)>, extra: Option<Extra>, budget: u64) -> bool {
        if !pay(&EXTRA_LEFT, self.r.jobs.len()) {
            return false;
        }
        let was = due.map(|(k, d)| (k, std::mem::replace(&mut self.r.reqs[k].deadline, d)));
        let mut changed = None;
        if let Some((team, from, to, amount)) = extra
            && let Ok(t) = self.r.teams.binary_search(&team)
        {
            let mut q = self.r.problem.clone();
            add_capacity(&mut q, t, from, to, amount);
            changed = Some(q);
        }
        let problem = changed.as_ref().unwrap_or(&self.r.problem);
        let known = (self.known > 0).then(|| &self.r.reqs[..self.known.min(self.r.reqs.len())]);
        let fits = super::decide_from(problem, &self.r.reqs, budget, known).fits();
        if let Some((k, d)) = was {
            self.r.reqs[k].deadline = d;
        }
        fits
    }
}

/// Whether commitment `c` is met when the walk reaches it: the walk of a check of `p`, with
/// the same allowances (the repairs' own are set aside meanwhile), so the answer is the
/// check's. Conflict sets are left out: they change no status.
fn met_when_walked(p: &Problem, c: usize, budget: u64) -> bool {
    let saved = (super::search_left(), WALK_LEFT.with(std::cell::Cell::get), SHRINK_LEFT.with(std::cell::Cell::get));
    super::allow_search(budget.saturating_mul(SEARCH_SHARE));
    WALK_LEFT.with(|l| l.set(walk_allowance(budget)));
    SHRINK_LEFT.with(|l| l.set(0));
    let (_, statuses, _) = walk(p, c, budget, &mut |_| {});
    super::allow_search(saved.0);
    WALK_LEFT.with(|l| l.set(saved.1));
    SHRINK_LEFT.with(|l| l.set(saved.2));
    statuses.get(c).is_some_and(|w| w.status == Status::Met)
}

/// Adds `amount` to `team`'s capacity over `from..=to`, evenly over the iterations that
/// have capacity (all of them if none has), remainder to the first.
pub fn add_capacity(p: &mut Problem, team: usize, from: usize, to: usize, amount: i64) {
    let mut its: Vec<usize> = (from..=to).filter(|&t| p.team_cap[team][t] > 0).collect();
    if its.is_empty() {
        its = (from..=to).collect();
    }
    let n = its.len() as i64;
    if n == 0 {
        return;
    }
    let base = amount / n;
    let mut rest = amount - base * n;
    for t in its {
        let extra = if rest > 0 {
            rest -= 1;
            1
        } else {
            0
        };
        std::sync::Arc::make_mut(&mut p.team_cap)[team][t] += base + extra;
    }
}

/// Tries to meet commitment `c` by adding its jobs (and their unscheduled predecessors) to
/// `schedule`, which meets the commitments met so far and leaves `left` of each team's
/// capacity (`before`: the jobs those need), as early as capacity allows, each within its own window and by its deadline.
/// Jobs already in the schedule stay where they are. On success the three are updated in
/// place and `true` returned; otherwise they are left as they were.
fn extend(p: &Problem, progress: &mut Progress, c: usize) -> bool {
    place_new(p, progress, c, p.commitments[c].deadline, true).is_some()
}

/// Where commitment `c` would finish on top of the walk's schedule (see [`Walked::reach`]),
/// its jobs placed as [`extend`] places them but with no deadline; the schedule is left as it
/// was.
fn reach(p: &Problem, progress: &mut Progress, c: usize) -> Option<usize> {
    place_new(p, progress, c, p.iterations.saturating_sub(1), false)
}

/// [`extend`] by `deadline`: the last iteration `c`'s jobs work in, when they all fit by then;
/// `keep` leaves them in the schedule.
fn place_new(p: &Problem, progress: &mut Progress, c: usize, deadline: usize, keep: bool) -> Option<usize> {
    let Progress { schedule, left, before, .. } = progress;
    let last = p.iterations.saturating_sub(1);
    // What `c` needs beyond what is already scheduled, in topological order (visiting only
    // those jobs, not the plan).
    let new = p.closure(&p.commitments[c].jobs, |j| before[j]);
    // Jobs of `c` already scheduled must already finish by its deadline; and so must their
    // own predecessors, which the deadline binds through them only when they are new.
    for &j in &p.commitments[c].jobs {
        if before[j] && schedule.finish(j).is_none_or(|f| f > deadline) {
            return None;
        }
    }
    // Latest finish of each new job: `c`'s deadline for its own jobs, its own window, and
    // what its new successors need.
    let index: std::collections::HashMap<usize, usize> = new.iter().enumerate().map(|(k, &j)| (j, k)).collect();
    let mut latest: Vec<usize> = vec![last; new.len()];
    for &j in &p.commitments[c].jobs {
        if let Some(&k) = index.get(&j) {
            latest[k] = latest[k].min(deadline);
        }
    }
    for (k, &j) in new.iter().enumerate().rev() {
        latest[k] = latest[k].min(p.jobs[j].hi);
        for &(q, lag) in &p.jobs[j].preds {
            if let Some(&kq) = index.get(&q) {
                latest[kq] = latest[kq].min(latest[k].saturating_sub(1 + lag));
            }
        }
    }
    let mut log: Vec<(usize, usize, i64)> = Vec::new();
    let mut ok = true;
    'jobs: for (k, &j) in new.iter().enumerate() {
        let mut from = p.jobs[j].lo;
        for &(q, lag) in &p.jobs[j].preds {
            match schedule.finish(q) {
                Some(f) => from = from.max(f + 1 + lag),
                None => {
                    ok = false;
                    break 'jobs;
                }
            }
        }
        let team = p.jobs[j].team;
        let mut need = p.jobs[j].effort;
        for (t, room) in left[team].iter_mut().enumerate().take(latest[k].min(last) + 1).skip(from) {
            if need <= 0 {
                break;
            }
            let give = need.min(p.jobs[j].cap_at(t)).min(*room).max(0);
            if give > 0 {
                schedule.add(j, t, give);
                *room -= give;
                need -= give;
                log.push((j, t, give));
            }
        }
        if need > 0 {
            ok = false;
            break;
        }
    }
    let finish = if ok {
        p.commitments[c].jobs.iter().map(|&j| schedule.finish(j)).try_fold(0, |a, f| f.map(|f| a.max(f)))
    } else {
        None
    };
    if finish.is_none() || !keep {
        for (j, t, give) in log {
            schedule.add(j, t, -give);
            left[p.jobs[j].team][t] += give;
        }
        return finish;
    }
    for &j in &new {
        progress.add(p, j);
    }
    finish
}
