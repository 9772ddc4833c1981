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
    let list: Vec<usize> = (0..n).filter(|&j| needed[j]).collect();
    for &j in &list {
        by_team[p.jobs[j].team].push(j);
    }
    // The order among ready jobs does not change over time: sort each team's jobs once and
    // keep only those with work left.
    for jobs in &mut by_team {
        jobs.sort_by_key(|&j| (urgency[j], w.hi[j], w.lo[j], j));
    }
    for t in 0..p.iterations {
        for (team, jobs) in by_team.iter_mut().enumerate() {
            let mut cap = p.team_cap[team][t];
            for &j in jobs.iter() {
                if cap <= 0 {
                    break;
                }
                let ready = w.lo[j] <= t
                    && t <= w.hi[j]
                    && p.jobs[j].preds.iter().all(|&(q, lag)| finished[q].is_some_and(|f| f + lag < t));
                if !ready {
                    continue;
                }
                let give = left[j].min(p.jobs[j].cap[t]).min(cap);
                if give > 0 {
                    s.add(j, t, give);
                    left[j] -= give;
                    cap -= give;
                }
            }
            jobs.retain(|&j| left[j] > 0);
        }
        for &j in &list {
            if left[j] == 0 && finished[j].is_none() && p.jobs[j].effort > 0 {
                finished[j] = Some(t);
            }
        }
    }
    if list.iter().all(|&j| left[j] == 0) { Ok(s) } else { Err(s) }
}
