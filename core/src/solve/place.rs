//! Placing a job as early as the capacity left allows, its predecessors first: the
//! constructive step shared by the walk's pass over uncommitted work and the forecast's runs.

use super::evidence::Schedule;
use super::problem::Problem;

/// Places job `root` (its predecessors first, depth first in their order) as early as it can
/// go in the capacity `left`; returns whether it got all its effort. A job on a cycle, or
/// after a job that did not get all its effort, gets nothing. Shared by the uncommitted pass
/// and the forecast. Iterative: a chain of any length needs no call stack.
pub fn place(p: &Problem, root: usize, s: &mut Schedule, left: &mut [Vec<i64>], done: &mut [Option<bool>]) -> bool {
    if let Some(d) = done[root] {
        return d;
    }
    done[root] = Some(false);
    // (job, its next predecessor to place, the first iteration it may work in so far)
    let mut stack: Vec<(usize, usize, usize)> = vec![(root, 0, p.jobs[root].lo)];
    // What the job just finished (or found done) got: placed in full or not.
    let mut child: Option<bool> = None;
    while let Some(&(j, k, from)) = stack.last() {
        let (mut k, mut from) = (k, from);
        if let Some(ok) = child.take() {
            if !ok {
                // `done[j]` stays `Some(false)`: after a job that failed, nothing is placed.
                stack.pop();
                child = Some(false);
                continue;
            }
            let (q, lag) = p.jobs[j].preds[k];
            from = from.max(s.finish(q).map_or(0, |f| f + 1 + lag));
            k += 1;
        }
        if let Some(top) = stack.last_mut() {
            *top = (j, k, from);
        }
        if let Some(&(q, _)) = p.jobs[j].preds.get(k) {
            match done[q] {
                Some(d) => child = Some(d),
                None => {
                    done[q] = Some(false);
                    stack.push((q, 0, p.jobs[q].lo));
                }
            }
            continue;
        }
        let ok = fill(p, j, from, s, left);
        done[j] = Some(ok);
        stack.pop();
        child = Some(ok);
    }
    child.unwrap_or(false)
}

/// Gives job `j` its effort from iteration `from` on, as early as the capacity `left` allows.
fn fill(p: &Problem, j: usize, from: usize, s: &mut Schedule, left: &mut [Vec<i64>]) -> bool {
    let team = p.jobs[j].team;
    let mut need = p.jobs[j].effort;
    let until = p.jobs[j].hi.min(p.iterations.saturating_sub(1));
    for (t, room) in left[team].iter_mut().enumerate().take(until + 1).skip(from) {
        if need <= 0 {
            break;
        }
        let give = need.min(p.jobs[j].cap_at(t)).min(*room).max(0);
        s.add(j, t, give);
        *room -= give;
        need -= give;
    }
    need <= 0
}
