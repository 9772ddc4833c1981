//! The constructive schedule: iteration by iteration, each team gives its capacity to the
//! jobs that may work (window open, predecessors finished plus lag), earliest latest-finish
//! first. Fast, and right for most plans; the exact search covers what it misses.

use super::evidence::Schedule;
use super::problem::Problem;
use super::windows::Windows;

/// Schedules the `needed` jobs within their windows; `Ok` when every one gets all its
/// effort, else the jobs that did not (with `first_miss`, only the first job found short:
/// for a last try, where which jobs missed no longer matters).
pub fn list_schedule(
    p: &Problem,
    needed: &[bool],
    w: &Windows,
    urgency: &[usize],
    first_miss: bool,
) -> Result<Schedule, Vec<usize>> {
    let n = p.jobs.len();
    let iterations = p.iterations;
    // Work as it is given (job, iteration, amount): rows are made only for a schedule that
    // fits, so a failing round allocates none.
    let mut given: Vec<(usize, usize, i64)> = Vec::new();
    let mut left: Vec<i64> = (0..n).map(|j| if needed[j] { p.jobs[j].effort } else { 0 }).collect();
    // A job becomes ready in iteration `from[j]` once none of its predecessors is `pending`:
    // each finish moves its successors' start, and a job enters its team's ready list once.
    let mut pending: Vec<usize> = vec![0; n];
    let mut from: Vec<usize> = w.lo.clone();
    let mut by_team: Vec<Vec<usize>> = vec![Vec::new(); p.teams.len()];
    let mut count = 0usize;
    for j in (0..n).filter(|&j| needed[j]) {
        by_team[p.jobs[j].team].push(j);
        pending[j] = p.jobs[j].preds.len();
        count += 1;
    }
    // The order among ready jobs does not change over time: rank each team's jobs once.
    let mut rank: Vec<usize> = vec![0; n];
    let mut keyed: Vec<((usize, usize, usize, usize), usize)> = Vec::new();
    for jobs in &mut by_team {
        // Keys read once per job, not once per comparison.
        keyed.clear();
        keyed.extend(jobs.iter().map(|&j| ((urgency[j], w.latest_start[j].unwrap_or(0), w.hi[j], w.lo[j]), j)));
        keyed.sort_unstable();
        for (k, &(_, j)) in keyed.iter().enumerate() {
            jobs[k] = j;
            rank[j] = k;
        }
    }
    let mut arrive: Vec<Vec<usize>> = vec![Vec::new(); iterations];
    for jobs in &by_team {
        for &j in jobs.iter().filter(|&&j| pending[j] == 0 && from[j] < iterations) {
            arrive[from[j]].push(j);
        }
    }
    let mut ready: Vec<Vec<usize>> = vec![Vec::new(); p.teams.len()];
    let mut finished: Vec<(usize, usize)> = Vec::new();
    for t in 0..iterations {
        for j in std::mem::take(&mut arrive[t]) {
            let list = &mut ready[p.jobs[j].team];
            let at = list.partition_point(|&k| rank[k] < rank[j]);
            list.insert(at, j);
        }
        for (team, jobs) in ready.iter_mut().enumerate() {
            if jobs.is_empty() {
                continue;
            }
            let mut cap = p.team_cap[team][t];
            for &j in jobs.iter() {
                if cap <= 0 {
                    break;
                }
                if t > w.hi[j] {
                    continue;
                }
                let give = left[j].min(p.jobs[j].cap_at(t)).min(cap);
                if give > 0 {
                    given.push((j, t, give));
                    left[j] -= give;
                    cap -= give;
                    if left[j] == 0 {
                        finished.push((j, t));
                    }
                }
            }
            // Done, or past its window (it then stays short).
            if first_miss && let Some(&j) = jobs.iter().find(|&&j| left[j] > 0 && t >= w.hi[j]) {
                return Err(vec![j]);
            }
            jobs.retain(|&j| left[j] > 0 && t < w.hi[j]);
        }
        // Successors see a finish from the next iteration on (plus the lag).
        for (j, f) in finished.drain(..) {
            count -= 1;
            for &(succ, lag) in &p.jobs[j].succs {
                if needed[succ] {
                    pending[succ] -= 1;
                    from[succ] = from[succ].max(f + 1 + lag);
                    if pending[succ] == 0 && from[succ] < iterations {
                        arrive[from[succ]].push(succ);
                    }
                }
            }
        }
    }
    if count > 0 {
        return Err((0..n).filter(|&j| needed[j] && left[j] > 0).collect());
    }
    let mut s = Schedule::empty(n, iterations);
    for (j, t, give) in given {
        s.add(j, t, give);
    }
    Ok(s)
}
