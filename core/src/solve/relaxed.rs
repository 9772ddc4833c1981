//! Each job's earliest finish with nothing else planned: its team's whole capacity, its own
//! cap and window start, its predecessors' earliest finishes and the lags. A lower bound on
//! every schedule, worked out once per plan in one pass in topological order, so that a
//! commitment whose chain cannot finish inside the horizon at all is proved infeasible without
//! visiting its chain again (a long committed chain would otherwise cost the walk a pass over
//! every earlier link per commitment: quadratic in the chain).

use super::evidence::{Evidence, chain_along};
use super::problem::Problem;
use super::windows::earliest_finish;

/// The lower bound of every job, and the predecessor that sets each job's start.
#[derive(Debug, Clone)]
pub struct Relaxed {
    /// Earliest finish, `None` past the horizon.
    finish: Vec<Option<usize>>,
    /// The predecessor whose finish (plus lag) sets the earliest start, when one does.
    from_pred: Vec<Option<usize>>,
}

impl Relaxed {
    pub fn new(p: &Problem) -> Relaxed {
        let n = p.jobs.len();
        let last = p.iterations.saturating_sub(1);
        let mut finish = vec![None; n];
        let mut from_pred = vec![None; n];
        for &j in p.topo.iter() {
            let mut lo = p.jobs[j].lo;
            let mut blocked = false;
            for &(q, lag) in &p.jobs[j].preds {
                match finish[q] {
                    None => {
                        blocked = true;
                        from_pred[j] = Some(q);
                        break;
                    }
                    Some(f) if f + 1 + lag > lo => {
                        lo = f + 1 + lag;
                        from_pred[j] = Some(q);
                    }
                    Some(_) => {}
                }
            }
            finish[j] = if blocked || lo > last { None } else { earliest_finish(p, j, lo) };
        }
        Relaxed { finish, from_pred }
    }

    /// For a commitment one of whose jobs cannot finish inside the horizon even alone, because
    /// of what it waits for: the chain that shows it (at most one link more than there are iterations; each link needs
    /// an iteration of its own, so that many already prove it). `None` when every job can.
    pub fn beyond_horizon(&self, p: &Problem, c: usize) -> Option<Evidence> {
        let commitment = &p.commitments[c];
        let &first = commitment.jobs.iter().find(|&&j| self.finish[j].is_none())?;
        // The first job on its chain that cannot finish: the chain up to it is the proof.
        let mut j = first;
        while let Some(q) = self.from_pred[j].filter(|&q| self.finish[q].is_none()) {
            j = q;
        }
        // Only a job it waits for is settled here: one of its own that cannot finish (a
        // placement too small, a start too late) is left to the decision, whose argument
        // says more than "not within the horizon".
        if j == first {
            return None;
        }
        let mut back = vec![j];
        let mut cur = j;
        while let Some(q) = self.from_pred[cur].filter(|_| back.len() <= p.iterations) {
            back.push(q);
            cur = q;
        }
        back.reverse();
        // The proof is "cannot be done by the deadline" for the commitment's own job, "within
        // the horizon" for a job it waits for (as the windows of a decision say it).
        let last = p.iterations.saturating_sub(1);
        let limit = p.jobs[j].hi.min(if commitment.jobs.contains(&j) { commitment.deadline } else { last });
        let ev = chain_along(p, &back, limit);
        // Only a chain that proves it is returned; the walk decides anything else as before.
        let proves = matches!(&ev, Evidence::Chain { links, limit }
            if links.last().is_some_and(|l| l.earliest_finish.is_none_or(|f| f > *limit)));
        proves.then_some(ev)
    }
}
