//! The walk down the commitments in rank order (the rule of the reference): a commitment is
//! met when it fits together with every commitment kept above it; one that does not is
//! infeasible (not even alone), in conflict (alone it fits) or unknown, and is then kept late
//! at the earliest iteration it can finish given everything above it (see `super::late`),
//! or dropped when it cannot finish inside the horizon at all. An unknown commitment is kept
//! as if met by its deadline, and the ones below it say they assume so.

use super::Outcome;
use super::allowance::{spend_walk, walk_can};
use super::conflict::{conflict_set, teams_of};
use super::evidence::{Evidence, Schedule};
use super::late::{keep_late, set_deadline};
use super::problem::Problem;
use super::progress::{PATCH_ROUNDS, Progress, extend, patch, place_new};
use super::rank::{Lateness, Status};
use super::relaxed::Relaxed;

/// One commitment as the walk left it.
pub(super) struct Walked {
    pub status: Status,
    /// Why it is not met: for `infeasible` alone, for `conflict` together with `conflicts_with`.
    pub evidence: Option<Evidence>,
    pub conflicts_with: Vec<usize>,
    /// For one not met (and not unknown): where it is kept late, or that it is dropped.
    pub late: Option<Lateness>,
    /// Whether the walk could still take a whole-plan decision when it reached it (see
    /// [`Unmet::whole`]).
    pub whole: bool,
    /// Commitments above it whose answer is not exact (unknown, or a late finish not
    /// decided): its own status assumes what the walk assumed of them.
    pub assuming: Vec<usize>,
}

/// What the walk tells the repairs about each commitment as it is decided.
pub(super) enum Step {
    /// Met by its deadline.
    Met(usize),
    Unmet(Unmet),
}

/// A commitment the walk did not meet, as its repairs need it.
pub(super) struct Unmet {
    pub c: usize,
    pub status: Status,
    pub evidence: Option<Evidence>,
    pub conflicts_with: Vec<usize>,
    /// Whether the walk, reaching it, could still decide on the whole plan. A check of the
    /// plan with a repair walks the same way up to it, and meets it by such a decision only
    /// if so.
    pub whole: bool,
    pub late: Option<Lateness>,
    /// The deadline the walk keeps it at for the ones below (`None`: not kept).
    pub kept: Option<usize>,
    /// Whether its `in PI` placement was let run past its PI.
    pub slipped: bool,
}

/// The walk's result: the problem as it left it (late commitments' deadlines moved to
/// their finishes, slipped placements widened), the kept commitments in rank order, each
/// commitment's answer, and the schedule of the kept ones.
pub(super) struct Walk {
    pub q: Problem,
    pub kept: Vec<usize>,
    pub walked: Vec<Walked>,
    pub schedule: Schedule,
}

/// What the walk keeps while it goes: the problem with late deadlines, the kept set, and a
/// schedule that meets it.
pub(super) struct State {
    pub q: Problem,
    pub kept: Vec<usize>,
    pub progress: Progress,
    pub relaxed: Relaxed,
    pub budget: u64,
}

impl State {
    /// Whether the kept set with `c` (at its deadline in `q`) fits, trying the patch first and
    /// a whole-plan decision after, paid by `pay` (the walk's allowance, or the late
    /// searches'); on `Fits` the schedule holds `c`.
    pub fn decide(&mut self, c: usize, pay: fn() -> bool) -> Outcome {
        let new = self.q.closure(&self.q.commitments[c].jobs, |j| self.progress.before[j]);
        if (0..=PATCH_ROUNDS).any(|widen| patch(&self.q, &mut self.progress, c, &new, widen)) {
            self.progress.meet(&self.q, c);
            return Outcome::Fits(Schedule::empty(0, 0));
        }
        if !pay() {
            return Outcome::Unknown;
        }
        let mut set = self.kept.clone();
        set.push(c);
        // Adding `c` changes the needed jobs and windows only of what it needs (deadlines
        // bind predecessors only), so the counting bound is redone on those teams alone.
        let mut changed = vec![false; self.q.teams.len()];
        for &t in teams_of(&self.q, c).iter() {
            changed[t] = true;
        }
        match super::decide_changed(&self.q, &super::reqs(&self.q, &set), self.budget, &changed) {
            Outcome::Fits(s) => {
                self.progress.reset(&self.q, s, &set);
                Outcome::Fits(Schedule::empty(0, 0))
            }
            other => other,
        }
    }
}

/// Walks the commitments in rank order up to and including `upto`, telling `sink` each
/// answer as it is found.
pub(super) fn walk(p: &Problem, upto: usize, budget: u64, sink: &mut dyn FnMut(Step)) -> Walk {
    let mut out: Vec<Walked> = Vec::new();
    let mut st = State { q: p.clone(), kept: Vec::new(), progress: Progress::new(p), relaxed: Relaxed::new(p), budget };
    // Commitments above whose answer is not exact.
    let mut uncertain: Vec<usize> = Vec::new();
    let count = if p.commitments.is_empty() { 0 } else { upto.min(p.commitments.len() - 1) + 1 };
    for c in 0..count {
        let assuming = assumed(&st.q, &uncertain, c);
        // Cancelled: the rest is not decided (the caller discards the answer).
        if super::allowance::cancelled() {
            let w = Walked {
                status: Status::Unknown,
                evidence: None,
                conflicts_with: Vec::new(),
                late: None,
                whole: false,
                assuming,
            };
            sink(step(c, &w, None, false));
            out.push(w);
            continue;
        }
        // A deadline before the status date that was not met: infeasible, whatever else is
        // kept. When every item is finished (late), it is kept late where the last finished.
        let passed = passed(&st.q, c);
        if let Some(Evidence::Passed { finished: Some(f), .. }) = passed {
            let w = Walked {
                status: Status::Infeasible,
                evidence: passed,
                conflicts_with: Vec::new(),
                late: Some(Lateness::At(f)),
                whole: walk_can(),
                assuming,
            };
            set_deadline(&mut st.q, c, f);
            sink(step(c, &w, Some(f), false));
            out.push(w);
            continue;
        }
        // A chain that cannot finish inside the horizon even alone: infeasible, whatever else
        // is kept, and nowhere to finish (found without visiting the chain again).
        if let Some(e) = st.relaxed.beyond_horizon(&st.q, c) {
            let w = Walked {
                status: Status::Infeasible,
                evidence: Some(passed.unwrap_or(e)),
                conflicts_with: Vec::new(),
                late: Some(Lateness::Dropped),
                whole: walk_can(),
                assuming,
            };
            sink(step(c, &w, None, false));
            out.push(w);
            continue;
        }
        // Fast path, reusing the work so far: place what `c` still needs on top of the
        // schedule that meets the commitments kept so far.
        if extend(&st.q, &mut st.progress, c) {
            st.progress.meet(&st.q, c);
            st.kept.push(c);
            sink(Step::Met(c));
            out.push(Walked::met(assuming));
            continue;
        }
        let whole = walk_can();
        // Can it be met at all, alone? Deciding that is cheap (only its own jobs and their
        // predecessors), and when it cannot, it is infeasible whatever else is kept.
        let alone = match passed {
            Some(e) => Alone::Fails(e),
            None => decide_alone(&st.q, c, budget),
        };
        let (status, evidence, conflicts_with) = match alone {
            Alone::Fails(e) => (Status::Infeasible, Some(e), Vec::new()),
            _ => match st.decide(c, spend_walk) {
                Outcome::Fits(_) => {
                    st.kept.push(c);
                    sink(Step::Met(c));
                    out.push(Walked::met(assuming));
                    continue;
                }
                Outcome::Fails(e) if matches!(alone, Alone::Fits) => {
                    let (with, evidence) = conflict_set(&st.q, &st.kept, c, e);
                    (Status::Conflict, Some(evidence), with)
                }
                _ => (Status::Unknown, None, Vec::new()),
            },
        };
        let (late, kept, slipped) = if status == Status::Unknown {
            // Kept where its work lands placed as early as it goes on top of the schedule (a
            // schedule shows it fits there; whether by its deadline is what is undecided), so
            // the ones below are decided with it there, and say so.
            uncertain.push(c);
            let last = st.q.iterations.saturating_sub(1);
            match place_new(&st.q, &mut st.progress, c, last, true) {
                Some(r) => {
                    set_deadline(&mut st.q, c, r);
                    st.progress.meet(&st.q, c);
                    st.kept.push(c);
                    (None, Some(r), false)
                }
                None => (None, None, false),
            }
        } else {
            let (late, slipped) = keep_late(&mut st, c, status);
            if matches!(late, Lateness::AtMost(_) | Lateness::Undecided) {
                uncertain.push(c);
            }
            let kept = match late {
                Lateness::At(d) | Lateness::AtMost(d) => Some(d),
                Lateness::Dropped | Lateness::Undecided => None,
            };
            (Some(late), kept, slipped)
        };
        let w = Walked { status, evidence, conflicts_with, late, whole, assuming };
        sink(step(c, &w, kept, slipped));
        out.push(w);
    }
    let State { q, kept, progress, .. } = st;
    Walk { q, kept, walked: out, schedule: progress.schedule }
}

/// Whether commitment `c`'s deadline has passed without it being met: it lies before the
/// status iteration and work is left, or every item is finished but the last after it.
pub(super) fn passed(q: &Problem, c: usize) -> Option<Evidence> {
    let s = q.status?;
    let commitment = &q.commitments[c];
    let deadline = commitment.deadline;
    let finished: Option<usize> =
        commitment.jobs.iter().map(|&j| q.jobs[j].finished).try_fold(0usize, |acc, f| f.map(|f| acc.max(f)));
    match finished {
        Some(f) if f <= deadline => None,
        Some(f) => Some(Evidence::Passed { deadline, status: s.iteration, finished: Some(f) }),
        None if deadline < s.iteration => Some(Evidence::Passed { deadline, status: s.iteration, finished: None }),
        None => None,
    }
}

/// The walk's answer for `c` as the repairs get it.
fn step(c: usize, w: &Walked, kept: Option<usize>, slipped: bool) -> Step {
    Step::Unmet(Unmet {
        c,
        status: w.status,
        evidence: w.evidence.clone(),
        conflicts_with: w.conflicts_with.clone(),
        whole: w.whole,
        late: w.late,
        kept,
        slipped,
    })
}

/// Of the uncertain commitments above `c`, those sharing a team with it (at most five, the
/// nearest first): what its answer assumes.
fn assumed(q: &Problem, uncertain: &[usize], c: usize) -> Vec<usize> {
    if uncertain.is_empty() {
        return Vec::new();
    }
    let mine = teams_of(q, c);
    uncertain
        .iter()
        .rev()
        .copied()
        .filter(|&u| teams_of(q, u).iter().any(|t| mine.binary_search(t).is_ok()))
        .take(5)
        .collect()
}

impl Walked {
    fn met(assuming: Vec<usize>) -> Walked {
        Walked { status: Status::Met, evidence: None, conflicts_with: Vec::new(), late: None, whole: true, assuming }
    }
}

/// Whether commitment `c` could be met if it were the only one.
pub(super) enum Alone {
    Fits,
    Fails(Evidence),
    Unknown,
}

/// Decides commitment `c` alone by `deadline` (its own when `None`), on the problem of its
/// own jobs and their predecessors only: the cost follows the commitment, not the plan.
pub(super) fn decide_alone_by(p: &Problem, c: usize, deadline: usize, budget: u64) -> Alone {
    let mut rs = vec![super::req(p, c)];
    rs[0].deadline = deadline;
    let r = super::restricted(p, &rs);
    match super::decide(&r.problem, &r.reqs, budget) {
        Outcome::Fits(_) => Alone::Fits,
        Outcome::Fails(e) => Alone::Fails(e.renumbered(&r.jobs, &r.teams)),
        Outcome::Unknown => Alone::Unknown,
    }
}

fn decide_alone(p: &Problem, c: usize, budget: u64) -> Alone {
    decide_alone_by(p, c, p.commitments[c].deadline, budget)
}
