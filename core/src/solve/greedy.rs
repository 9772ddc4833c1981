//! The constructive schedule: iteration by iteration, each team gives its capacity to the
//! jobs that may work (window open, predecessors finished plus lag), earliest latest-finish
//! first. Fast, and right for most plans; the exact search covers what it misses.

use super::evidence::Schedule;
use super::problem::Problem;
use super::windows::Windows;

/// Schedules the `needed` jobs within their windows; `Ok` when every one gets all its
/// effort, else the schedule as far as it got.
pub fn list_schedule(p: &Problem, needed: &[bool], w: &Windows, urgency: &[usize]) -> Result<Schedule, Schedule> {
    let n = p.jobs.len();
    let mut s = Schedule::empty(n, p.iterations);
    let mut left: Vec<i64> = (0..n).map(|j| if needed[j] { p.jobs[j].effort } else { 0 }).collect();
    let mut finished: Vec<Option<usize>> = vec![None; n];
    let mut by_team: Vec<Vec<usize>> = vec![Vec::new(); p.teams.len()];
    for j in 0..n {
        if needed[j] {
            by_team[p.jobs[j].team].push(j);
        }
    }
    let list: Vec<usize> = (0..n).filter(|&j| needed[j]).collect();
    for t in 0..p.iterations {
        for (team, jobs) in by_team.iter().enumerate() {
            let mut ready: Vec<usize> = jobs
                .iter()
                .copied()
                .filter(|&j| {
                    left[j] > 0
                        && w.lo[j] <= t
                        && t <= w.hi[j]
                        && p.jobs[j].preds.iter().all(|&(q, lag)| finished[q].is_some_and(|f| f + lag < t))
                })
                .collect();
            ready.sort_by_key(|&j| (urgency[j], w.hi[j], w.lo[j], j));
            let mut cap = p.team_cap[team][t];
            for j in ready {
                if cap <= 0 {
                    break;
                }
                let give = left[j].min(p.jobs[j].cap[t]).min(cap);
                if give > 0 {
                    s.add(j, t, give);
                    left[j] -= give;
                    cap -= give;
                }
            }
        }
        for &j in &list {
            if left[j] == 0 && finished[j].is_none() && p.jobs[j].effort > 0 {
                finished[j] = Some(t);
            }
        }
    }
    if list.iter().all(|&j| left[j] == 0) { Ok(s) } else { Err(s) }
}
