//! Keeping a commitment late: one that cannot be met by its deadline still has to be done,
//! as early as the commitments above it allow. Its finish is the earliest iteration by which
//! it fits together with everything kept above it (met ones by their deadlines, late ones by
//! their own finishes). Fitting only gets easier with a later deadline, so a search between a
//! proved lower bound and a proved upper bound finds it exactly:
//!
//! - below: every deadline before the first one at which it fits alone fails (decided on
//!   its own jobs only, cheap);
//! - above: placing its work on top of the walk's schedule shows where it fits for sure;
//! - between: a patch or a whole-plan decision per probe, from the walk's allowance; the
//!   first probe is the iteration just before the upper bound, which is most often the answer.
//!
//! An `in PI` placement that fails lets its item run past its PI (its start bound stays).

use super::Outcome;
use super::allowance::{StatusesOnly, spend_late};
use super::problem::Problem;
use super::progress::{place_new, push_late};
use super::rank::{Lateness, Status};
use super::relaxed::Relaxed;
use super::walk::{Alone, State, decide_alone_by};

/// Keeps commitment `c` (not met by its deadline, `status` infeasible or conflict) late; on
/// `At` or `AtMost` it is in the kept set and the schedule, due by that iteration. Returns
/// where it is kept and whether its placement slipped.
pub(super) fn keep_late(st: &mut State, c: usize, status: Status) -> (Lateness, bool) {
    // Only answers are wanted here; what proves a probe fails is never shown.
    let _answers = StatusesOnly::new();
    let last = st.q.iterations.saturating_sub(1);
    let deadline = st.q.commitments[c].deadline;
    let slipped = slip(&mut st.q, c);
    if slipped {
        st.relaxed = Relaxed::new(&st.q);
    }
    if deadline >= last {
        return (Lateness::Dropped, slipped);
    }
    // Lower bound: the first deadline at which it could fit alone (all before it fail, each
    // proved); with every one failing, it cannot finish inside the horizon at all.
    let mut lo = deadline + 1;
    if status == Status::Infeasible {
        let (mut a, mut b) = (lo, last + 1);
        while a < b {
            let mid = (a + b) / 2;
            match decide_alone_by(&st.q, c, mid, st.budget) {
                Alone::Fails(_) => a = mid + 1,
                Alone::Fits | Alone::Unknown => b = mid,
            }
        }
        if a > last {
            return (Lateness::Dropped, slipped);
        }
        lo = a;
    }
    // Upper bound: where its work lands on top of the walk's schedule, placed as early as it
    // goes (a schedule, so a proof); else whether it fits by the last iteration at all.
    // The work `c` adds to the schedule (none of it needed by a commitment kept above).
    let new = st.q.closure(&st.q.commitments[c].jobs, |j| st.progress.before[j]);
    let reach = place_new(&st.q, &mut st.progress, c, last, false);
    let mut hi = match reach {
        Some(r) => {
            let r = r.max(lo);
            set_deadline(&mut st.q, c, r);
            if place_new(&st.q, &mut st.progress, c, r, true).is_none() {
                // Cannot happen (the same placement as `reach`); decide it instead.
                match st.decide(c, spend_late) {
                    Outcome::Fits(_) => {}
                    Outcome::Fails(_) => return (Lateness::Dropped, slipped),
                    Outcome::Unknown => return (Lateness::Undecided, slipped),
                }
            }
            st.progress.meet(&st.q, c);
            r
        }
        None => {
            set_deadline(&mut st.q, c, last);
            match st.decide(c, spend_late) {
                Outcome::Fits(_) => last,
                Outcome::Fails(_) => return (Lateness::Dropped, slipped),
                Outcome::Unknown => return (Lateness::Undecided, slipped),
            }
        }
    };
    st.kept.push(c);
    // The kept set now holds `c` by `hi`; narrow down to the earliest.
    let mut exact = true;
    let mut first = true;
    while lo < hi {
        // The placement on top is most often already the earliest (about two in three late
        // commitments of the generated plans), so the first probe is just before it.
        let mid = if first { hi - 1 } else { (lo + hi) / 2 };
        first = false;
        // Without `c` (still kept by `hi` in the schedule), decide the set with `c` by `mid`.
        st.kept.pop();
        set_deadline(&mut st.q, c, mid);
        let answer = st.decide(c, spend_late);
        st.kept.push(c);
        match answer {
            Outcome::Fits(_) => {
                // The schedule that fits it by `mid` may finish it sooner: that too is proved.
                hi = finish_in(st, c).filter(|&d| d >= lo && d < mid).unwrap_or(mid);
                set_deadline(&mut st.q, c, hi);
            }
            Outcome::Fails(_) => {
                set_deadline(&mut st.q, c, hi);
                lo = mid + 1;
            }
            Outcome::Unknown => {
                set_deadline(&mut st.q, c, hi);
                exact = false;
                break;
            }
        }
    }
    st.progress.meet(&st.q, c);
    push_late(&st.q, &mut st.progress, &new, &st.q.commitments[c].jobs, hi);
    (if exact { Lateness::At(hi) } else { Lateness::AtMost(hi) }, slipped)
}

/// Where the walk's schedule finishes commitment `c` (the last iteration with work on any of
/// its items); `None` when one of them has no effort, as its finish is not in the schedule.
fn finish_in(st: &State, c: usize) -> Option<usize> {
    let jobs = &st.q.commitments[c].jobs;
    if jobs.iter().any(|&j| st.q.jobs[j].effort <= 0 || !st.progress.before[j]) {
        return None;
    }
    jobs.iter().map(|&j| st.progress.span[j].1).max()
}

/// Moves commitment `c`'s deadline in the walk's problem (its own copy of the commitments).
pub(super) fn set_deadline(q: &mut Problem, c: usize, d: usize) {
    if q.commitments[c].deadline != d {
        std::sync::Arc::make_mut(&mut q.commitments)[c].deadline = d;
    }
}

/// Lets the item of an `in PI` commitment run past its PI: its window reaches the end of
/// the horizon, its start bound stays. Whether anything changed.
pub(super) fn slip(q: &mut Problem, c: usize) -> bool {
    let Some(s) = q.commitments[c].slip.clone() else { return false };
    let last = q.iterations.saturating_sub(1);
    if q.jobs[s.job].hi == last {
        return false;
    }
    let job = &mut std::sync::Arc::make_mut(&mut q.jobs)[s.job];
    job.hi = last;
    job.cap = s.cap;
    true
}
