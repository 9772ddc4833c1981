//! Commitments in rank order, the answer of a whole solve: the walk (`super::walk`) gives
//! each commitment its status and, when not met, where it is kept late
//! (`super::late`); uncommitted work then gets what capacity is left
//! (`super::uncommitted`); and every commitment that is not met gets repairs
//! (`super::repairs`), each verified by solving again.

use serde::Serialize;

use super::allowance::{SHRINK_LEFT, StatusesOnly, start_walk};
use super::conflict::TEAMS;
use super::evidence::{Evidence, Schedule};
use super::parts::Solved;
use super::problem::Problem;
use super::repairs::explain;
use super::uncommitted::fill_uncommitted;
use super::walk::{Walk, walk};

pub use super::allowance::{EXTRA_DECISIONS, SEARCH_SHARE, SHRINK_DECISIONS, WALK_DECISIONS_PER_BUDGET};
pub use super::repairs::{add_capacity, add_pi_capacity};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
/// A commitment's answer.
///
/// ```
/// use haalbaar::Status;
///
/// let met = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\nitem a {\n  team api\n  effort 10\n  commit PI1\n}\n";
/// let status = |text: &str| haalbaar::check(text).feasibility.expect("decided").commitments[0].status;
/// assert_eq!(status(met), Status::Met);
/// // One person has 40 days before PI1 ends: 60 cannot be done even alone.
/// let late = met.replace("people 4", "people 1").replace("effort 10", "effort 60");
/// assert_eq!(status(&late), Status::Infeasible);
/// ```
pub enum Status {
    /// A schedule meets it, with every commitment ranked above it that is met.
    Met,
    /// It cannot be met even alone: a chain too long or a team short of capacity (the reason
    /// says which, as arithmetic).
    Infeasible,
    /// It can be met alone, but not together with the commitments ranked above it.
    Conflict,
    /// Not decided within the search budget (said, never guessed).
    Unknown,
}

/// The word the JSON report uses: `met`, `infeasible`, `conflict`, `unknown`.
///
/// ```
/// assert_eq!(haalbaar::Status::Conflict.to_string(), "conflict");
/// ```
impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(match self {
            Status::Met => "met",
            Status::Infeasible => "infeasible",
            Status::Conflict => "conflict",
            Status::Unknown => "unknown",
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Feasible,
    Infeasible,
    Unknown,
}

/// Where a commitment that is not met is kept for the ones below it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lateness {
    /// Kept late: the earliest iteration it can finish given everything ranked above it.
    At(usize),
    /// Kept late by this iteration, which it can finish by for certain; whether it could
    /// finish earlier was not decided within the budget.
    AtMost(usize),
    /// It cannot finish inside the horizon given what is above it: dropped.
    Dropped,
    /// Neither its earliest finish nor whether it fits inside the horizon was decided; it is
    /// not kept.
    Undecided,
}

/// A change that makes a commitment met, verified by solving again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Repair {
    /// Commit to the end of this iteration instead.
    Deadline { iteration: usize },
    /// `capacity PIx.y +amount` for `team` in `iteration`: the least whole amount there, in
    /// the plan's unit before `load` (thousandths).
    Capacity { team: usize, iteration: usize, amount: i64 },
    /// `capacity PIx +amount` for `team` in PI `pi` (from 0), spread over its planned
    /// iterations: the least whole amount there, before `load` (thousandths).
    PiCapacity { team: usize, pi: usize, amount: i64 },
    /// Move the (non-hard, higher-ranked) commitment `commitment` to the end of `to`.
    Defer { commitment: usize, to: usize },
    /// Lower job `job`'s effort by `by` (thousandths, whole units): the least that works.
    Scope { job: usize, by: i64 },
    /// Lower several jobs' efforts together, each `(job, by)` (thousandths, whole units): for
    /// a chain no one item's cut can shorten enough. Each cut is the least that works with
    /// the ones after it in the list made.
    ChainScope { cuts: Vec<(usize, i64)> },
    /// Each `(job, after)`: job `job` no longer waits for `after` (links of the chain too
    /// long; as few as work).
    Dependency { links: Vec<(usize, usize)> },
}

#[derive(Debug, Clone)]
pub struct CommitmentResult {
    /// Index into `Problem::commitments` (which is in rank order).
    pub commitment: usize,
    pub status: Status,
    /// For a met commitment its last iteration of work in the schedule; for a late one the
    /// earliest iteration it can finish given everything above it (where the schedule
    /// finishes it); `None` when dropped or not decided.
    pub finish: Option<usize>,
    /// For one not met (and not unknown): where it is kept.
    pub late: Option<Lateness>,
    /// Why it is not met: for `infeasible` alone, for `conflict` together with `conflicts_with`.
    pub evidence: Option<Evidence>,
    pub conflicts_with: Vec<usize>,
    /// Commitments above it whose answer is not exact, that its answer assumes.
    pub assuming: Vec<usize>,
    pub repairs: Vec<Repair>,
    /// For each repair (in order): the other commitments it makes worse (met ones no longer
    /// met, late ones later or dropped), where the engine checked (`None`: not checked, past
    /// [`MAX_SIDE_EFFECT_WALKS`] or [`SIDE_EFFECT_WORK`]).
    pub worse: Vec<Option<Vec<usize>>>,
}

/// Each repair is checked for what it does to the other commitments by walking the changed
/// plan again: at most this many walks per solve, in rank order of the repaired commitments.
pub const MAX_SIDE_EFFECT_WALKS: usize = 64;
/// And at most this much work for those walks together, counting a walk over `n` jobs as
/// `n²` (what a walk costs grows about so with the plan): every repair of a plan of up to
/// 118 jobs, 22 at 200 jobs, none at 1,000. Deterministic, so the same plan always gets the
/// same answer.
pub const SIDE_EFFECT_WORK: u64 = 900_000;

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
    /// The schedule that meets every met commitment and every late one by its finish, with
    /// uncommitted work after it.
    pub schedule: Schedule,
    /// The part of `schedule` that meets the kept commitments (the feasibility evidence).
    pub committed: Schedule,
    pub landing: Vec<Landing>,
    /// The jobs the kept commitments need (done in `committed`).
    pub needed: Vec<bool>,
    /// Jobs whose `in PI` placement was let run past its PI.
    pub slipped: Vec<usize>,
    /// The problem as the walk left it (late deadlines, slipped placements) and the kept
    /// commitments: what [`reuse`] places uncommitted work with again.
    pub walked: Problem,
    pub kept: Vec<usize>,
    /// The independent parts as each was decided (see [`super::parts`]): what a check of a
    /// changed plan takes over where a part is the same. Empty for statuses-only solves.
    pub parts: Vec<std::sync::Arc<Solved>>,
}

/// Solves the whole problem: statuses in rank order, the final schedule, and repairs.
///
/// Each independent part of the plan (see [`super::parts`]) is decided on its own. The
/// repairs of a commitment need only what the walk decided up to it, so where threads exist
/// they are found on a second one as the walk goes. Each side has its own allowances, so the
/// answer is the same, byte for byte, with or without the second thread.
pub fn solve(p: &Problem, budget: u64) -> Solution {
    solve_with(p, budget, parallel(), true, None)
}

/// [`solve`] as `options` say: its budget, its threads, its cancellation flag (a cancelled
/// solve answers `unknown` for what it had not decided; the caller discards it).
pub fn solve_with_options(p: &Problem, options: &crate::Options) -> Solution {
    solve_reusing(p, options, None)
}

/// [`solve_with_options`] taking over, from `previous` (the solution of an earlier version of
/// the plan), the answer of every independent part that is the same in `p` (or differs only
/// in work no commitment needs): only the parts a change reaches are decided again. The same
/// answer as [`solve_with_options`], byte for byte.
pub fn solve_reusing(p: &Problem, options: &crate::Options, previous: Option<&Solution>) -> Solution {
    let _cancelling = super::allowance::Cancelling::new(options.cancel.as_ref());
    let threads = parallel() && options.threads == crate::Threads::Auto;
    solve_with(p, options.budget, threads, true, previous)
}

/// [`solve`] with the repairs on this thread after the walk, as in WebAssembly: for the test
/// that both ways give the same answer.
#[doc(hidden)]
pub fn solve_on_one_thread(p: &Problem, budget: u64) -> Solution {
    solve_with(p, budget, false, true, None)
}

/// [`solve`] as one walk over the whole problem, its independent parts together: for the
/// test that deciding the parts apart gives the same answers.
#[doc(hidden)]
pub fn solve_as_one(p: &Problem, budget: u64) -> Solution {
    solve_one(p, budget, parallel(), true, p.jobs.len())
}

/// The statuses, finishes and schedule alone: no conflict sets and no repairs (the forecast's
/// runs). The statuses and finishes are those of [`solve`].
pub fn statuses(p: &Problem, budget: u64) -> Solution {
    solve_with(p, budget, false, false, None)
}

/// The statuses of the commitments up to `upto` in rank order, as [`solve`] finds them: the
/// walk alone, stopped there (what a loan taken out changes, see the check's loans). A part
/// that is the same as in `base` (a solution of a plan with the same parts) keeps its
/// statuses there.
pub fn statuses_upto(p: &Problem, upto: usize, options: &crate::Options, base: Option<&Solution>) -> Vec<Status> {
    let _cancelling = super::allowance::Cancelling::new(options.cancel.as_ref());
    // This thread's counts of how decisions were reached stay those of the check.
    let counted = super::take_stats();
    let scale = p.jobs.len();
    let mut out = vec![Status::Unknown; p.commitments.len().min(upto.saturating_add(1))];
    for part in super::parts::parts(p) {
        // The part's commitments up to `upto` (they are in rank order).
        let mine = part.commitments.iter().take_while(|&&c| c <= upto).count();
        if mine == 0 {
            continue;
        }
        let q = part.problem_in(p);
        let same = base.and_then(|b| find(b, &q, options.budget, scale, true));
        let statuses: Vec<Status> = match same {
            Some(s) if same_problem(&s.problem, &q) => s.solution.results.iter().map(|r| r.status).collect(),
            _ => {
                start_walk(options.budget, q.jobs.len(), scale, false);
                let answers = StatusesOnly::new();
                TEAMS.with(|cache| cache.borrow_mut().clear());
                let walked = walk(&q, mine - 1, options.budget, &mut |_| {});
                drop(answers);
                SHRINK_LEFT.with(|l| l.set(0));
                walked.walked.iter().map(|w| w.status).collect()
            }
        };
        for (k, &c) in part.commitments.iter().take(mine).enumerate() {
            if let Some(s) = statuses.get(k) {
                out[c] = *s;
            }
        }
    }
    super::take_stats();
    super::add_stats(counted);
    out
}

/// The part of `previous` decided with the same allowances over the same teams as `q`.
fn find<'a>(
    previous: &'a Solution,
    q: &Problem,
    budget: u64,
    scale: usize,
    explained: bool,
) -> Option<&'a std::sync::Arc<Solved>> {
    previous
        .parts
        .iter()
        .find(|s| s.budget == budget && s.scale == scale && s.explained == explained && *s.problem.teams == *q.teams)
}

/// Whether two problems ask the same, but for where their commitments are written.
fn same_problem(a: &Problem, b: &Problem) -> bool {
    same_but_jobs(a, b) && same(&a.jobs, &b.jobs)
}

/// Whether two problems ask the same but for their jobs (of which they have as many) and for
/// where their commitments are written.
fn same_but_jobs(a: &Problem, b: &Problem) -> bool {
    a.iterations == b.iterations
        && a.load == b.load
        && a.status == b.status
        && same(&a.ids, &b.ids)
        && same(&a.teams, &b.teams)
        && same(&a.team_cap, &b.team_cap)
        && (same(&a.commitments, &b.commitments) || same_but_spans(&a.commitments, &b.commitments))
        && same(&a.topo, &b.topo)
        && same(&a.topo_pos, &b.topo_pos)
        && same(&a.spread, &b.spread)
        && a.jobs.len() == b.jobs.len()
}

/// The same shared value, or an equal one.
fn same<T: PartialEq + ?Sized>(a: &std::sync::Arc<T>, b: &std::sync::Arc<T>) -> bool {
    std::sync::Arc::ptr_eq(a, b) || **a == **b
}

fn solve_with(p: &Problem, budget: u64, threads: bool, explained: bool, previous: Option<&Solution>) -> Solution {
    match solve_parts(p, budget, threads, explained, previous, true) {
        Some(s) => s,
        None => solve_one(p, budget, threads, explained, p.jobs.len()),
    }
}

/// Each independent part taken over from `previous` where it carries over, else decided
/// (`decide`; without it, `None` as soon as one part would need deciding); the parts' answers
/// merged. `None` also for a problem without jobs.
fn solve_parts(
    p: &Problem,
    budget: u64,
    threads: bool,
    explained: bool,
    previous: Option<&Solution>,
    decide: bool,
) -> Option<Solution> {
    let split = super::parts::parts(p);
    let scale = p.jobs.len();
    if split.is_empty() {
        return None;
    }
    let whole = split.len() == 1 && split[0].is_whole(p);
    let mut solved = Vec::with_capacity(split.len());
    for part in &split {
        let q = part.problem_in(p);
        let before = previous.and_then(|s| find(s, &q, budget, scale, explained));
        // The same part: its answer as it is (shared, not copied).
        if let Some(same) = before
            && same_problem(&same.problem, &q)
        {
            solved.push(same.clone());
            continue;
        }
        let again = before.and_then(|s| reuse_part(&s.problem, &s.solution, &q));
        let solution = match again {
            Some(s) => s,
            None if decide => solve_one(&q, budget, threads, explained, scale),
            None => return None,
        };
        solved.push(std::sync::Arc::new(Solved { problem: q, solution, budget, scale, explained }));
    }
    if whole {
        let mut s = solved[0].solution.clone();
        if explained {
            s.parts = solved;
        }
        return Some(s);
    }
    let mut s = super::parts::merge(p, &split, &solved);
    if !explained {
        s.parts.clear();
    }
    Some(s)
}

/// The verdict over every commitment's answer.
pub(super) fn verdict_of(results: &[CommitmentResult]) -> Verdict {
    if results.iter().any(|r| matches!(r.status, Status::Infeasible | Status::Conflict)) {
        Verdict::Infeasible
    } else if results.iter().any(|r| r.status == Status::Unknown) {
        Verdict::Unknown
    } else {
        Verdict::Feasible
    }
}

/// One part (or the whole problem) decided: the walk, the uncommitted work, the repairs and
/// their side effects; allowances counted as for a plan of `scale` jobs.
fn solve_one(p: &Problem, budget: u64, threads: bool, explained: bool, scale: usize) -> Solution {
    // The walk's search nodes, whole-plan decisions and conflict-set decisions; the repairs
    // set their own (see `explain`).
    start_walk(budget, p.jobs.len(), scale, explained);
    let _answers = (!explained).then(StatusesOnly::new);
    TEAMS.with(|cache| cache.borrow_mut().clear());
    let last = p.commitments.len().saturating_sub(1);
    // A machine that will not start a thread gets the one-thread way (the same answer).
    let threaded = (threads && explained)
        .then(|| {
            std::thread::scope(|scope| {
                let (tx, rx) = std::sync::mpsc::channel();
                let cancel = super::allowance::current_cancel();
                let repairs = std::thread::Builder::new()
                    .name("haalbaar-repairs".into())
                    .spawn_scoped(scope, move || {
                        let _cancelling = super::allowance::Cancelling::new(cancel.as_ref());
                        explain(p, rx, budget, scale)
                    })
                    .ok()?;
                let walked = walk(p, last, budget, &mut |step| {
                    // The receiver only goes away by panicking, which the join below passes on.
                    let _ = tx.send(step);
                });
                drop(tx);
                let filled = fill_uncommitted(&walked.q, &walked.kept, &walked.schedule);
                let found = repairs.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
                Some((walked, filled, found))
            })
        })
        .flatten();
    let (walked, (schedule, landing, needed), (found, stats)) = match threaded {
        Some(done) => done,
        None => {
            let mut steps = Vec::new();
            let walked = walk(p, last, budget, &mut |step| {
                if explained {
                    steps.push(step)
                }
            });
            let filled = fill_uncommitted(&walked.q, &walked.kept, &walked.schedule);
            let mine = super::take_stats();
            let found =
                if explained { explain(p, steps, budget, scale) } else { (Vec::new(), super::Stats::default()) };
            super::add_stats(mine);
            (walked, filled, found)
        }
    };
    SHRINK_LEFT.with(|l| l.set(0));
    super::add_stats(stats);
    let Walk { q, kept, walked, schedule: committed } = walked;
    let mut results: Vec<CommitmentResult> = walked
        .into_iter()
        .enumerate()
        .map(|(c, w)| CommitmentResult {
            commitment: c,
            status: w.status,
            finish: None,
            late: w.late,
            evidence: w.evidence,
            conflicts_with: w.conflicts_with,
            assuming: w.assuming,
            repairs: Vec::new(),
            worse: Vec::new(),
        })
        .collect();
    for (c, repairs) in found {
        results[c].repairs = repairs;
    }
    side_effects(p, budget, scale, &mut results);
    finishes(p, &landing, &mut results);
    let verdict = verdict_of(&results);
    let slipped = (0..p.jobs.len()).filter(|&j| q.jobs[j].hi != p.jobs[j].hi).collect();
    Solution { verdict, results, schedule, committed, landing, needed, slipped, walked: q, kept, parts: Vec::new() }
}

/// Each commitment's finish: its late finish, or where its last job lands.
fn finishes(p: &Problem, landing: &[Landing], results: &mut [CommitmentResult]) {
    for r in results {
        r.finish = match r.late {
            Some(Lateness::At(d)) => Some(d),
            Some(Lateness::Dropped | Lateness::Undecided) => None,
            Some(Lateness::AtMost(_)) | None => {
                let jobs = &p.commitments[r.commitment].jobs;
                jobs.iter()
                    .map(|&j| match landing[j] {
                        Landing::Done { finish, .. } => Some(finish),
                        Landing::Beyond { .. } => None,
                    })
                    .try_fold(0usize, |acc, f| f.map(|f| acc.max(f)))
            }
        };
    }
}

/// The same commitments in the same rank order but for where they are written (text edits
/// elsewhere move them; the file position only breaks ties when ranking, done by then).
fn same_but_spans(a: &[super::problem::Commitment], b: &[super::problem::Commitment]) -> bool {
    let unplaced = |c: &super::problem::Commitment| super::problem::Commitment { span: None, order: 0, ..c.clone() };
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| unplaced(x) == unplaced(y))
}

/// The solution of `p` made from `previous` (a solution from [`solve_reusing`] or
/// [`solve`]) when every independent part of `p` carries over from it without a decision
/// (see [`solve_reusing`]); `None` when some part must be decided again. Same answer as
/// solving `p` (tested against it).
pub fn reuse(previous: &Solution, p: &Problem) -> Option<Solution> {
    let first = previous.parts.first()?;
    solve_parts(p, first.budget, false, first.explained, Some(previous), false)
}

/// The solution of part `p` made from `previous`, the solution of `before`, when the two
/// problems differ at most in the effort of jobs that no commitment needs (nor anything a
/// commitment waits for): the walk, the repairs and their side effects look only at what
/// commitments need, so they are the same, and only the uncommitted work is placed again.
/// `None` when the problems differ in anything else.
fn reuse_part(before: &Problem, previous: &Solution, p: &Problem) -> Option<Solution> {
    if !same_but_jobs(before, p) {
        return None;
    }
    if same(&before.jobs, &p.jobs) {
        return Some(previous.clone());
    }
    let all: Vec<usize> = p.commitments.iter().flat_map(|c| c.jobs.iter().copied()).collect();
    let mut needed = vec![false; p.jobs.len()];
    for j in p.closure(&all, |_| false) {
        needed[j] = true;
    }
    let mut changed = Vec::new();
    for (j, (a, b)) in before.jobs.iter().zip(p.jobs.iter()).enumerate() {
        if a != b {
            let mut b_with_old_effort = b.clone();
            b_with_old_effort.effort = a.effort;
            if needed[j] || *a != b_with_old_effort {
                return None;
            }
            changed.push(j);
        }
    }
    let mut q = previous.walked.clone();
    let jobs = std::sync::Arc::make_mut(&mut q.jobs);
    for &j in &changed {
        jobs[j].effort = p.jobs[j].effort;
    }
    let (schedule, landing, needed) = fill_uncommitted(&q, &previous.kept, &previous.committed);
    let mut results = previous.results.clone();
    finishes(p, &landing, &mut results);
    Some(Solution { results, schedule, landing, needed, walked: q, ..previous.clone() })
}

/// How good a commitment's answer is, for comparing before and after a repair: met first,
/// then late by an earlier finish, then dropped; `None` for an answer that is not exact.
fn standing(status: Status, late: Option<Lateness>) -> Option<(u8, usize)> {
    match (status, late) {
        (Status::Met, _) => Some((0, 0)),
        (_, Some(Lateness::At(d))) => Some((1, d)),
        (_, Some(Lateness::Dropped)) => Some((2, 0)),
        _ => None,
    }
}

/// Fills `worse` of every repair: the changed plan walked again, each other commitment's
/// answer compared (within the allowances above).
fn side_effects(p: &Problem, budget: u64, scale: usize, results: &mut [CommitmentResult]) {
    // The solve's own counts of how decisions were reached, without these walks'.
    let counted = super::take_stats();
    let mut walks = 0;
    // A part's walk counts as one over the whole plan (`scale` jobs), so each part walks as
    // often as the whole plan would, each walk smaller and with its share of the search.
    let scale = scale.max(p.jobs.len()) as u64;
    let cost = scale.saturating_mul(scale);
    let mut work = 0u64;
    let last = p.commitments.len().saturating_sub(1);
    let _answers = StatusesOnly::new();
    for c in 0..results.len() {
        let mut worse = Vec::with_capacity(results[c].repairs.len());
        for repair in &results[c].repairs {
            if walks >= MAX_SIDE_EFFECT_WALKS || work.saturating_add(cost) > SIDE_EFFECT_WORK {
                worse.push(None);
                continue;
            }
            walks += 1;
            work += cost;
            let mut q = p.clone();
            super::repairs::apply(&mut q, &super::repairs::change_of(p, c, repair));
            start_walk(budget, q.jobs.len(), scale as usize, false);
            // The teams each commitment needs may differ in the changed plan (a link removed).
            TEAMS.with(|cache| cache.borrow_mut().clear());
            let after = walk(&q, last, budget, &mut |_| {});
            let hurt: Vec<usize> = (0..results.len())
                .filter(|&m| m != c)
                .filter(|&m| {
                    let before = standing(results[m].status, results[m].late);
                    let now = after.walked.get(m).and_then(|w| standing(w.status, w.late));
                    matches!((before, now), (Some(b), Some(n)) if n > b)
                })
                .collect();
            worse.push(Some(hurt));
        }
        results[c].worse = worse;
    }
    TEAMS.with(|cache| cache.borrow_mut().clear());
    super::take_stats();
    super::add_stats(counted);
}

/// Whether the repairs run on a second thread (not in WebAssembly, not on one core).
fn parallel() -> bool {
    !cfg!(target_arch = "wasm32") && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1)
}
