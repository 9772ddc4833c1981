//! Windows and counting arguments. For the jobs a set of commitments needs, the earliest
//! iteration each can get work (releases, predecessors' earliest finish and lags) and the
//! latest it can finish (deadlines, successors' latest start and lags). An empty window is
//! a dependency chain that is too long (with the chain as evidence); work that must fall
//! inside a span of iterations beyond a team's capacity there is a capacity shortfall.

use super::evidence::{Evidence, WindowShare};
use super::problem::Problem;

/// The iteration by which job `j`, starting no earlier than `from`, can have all its effort
/// (each iteration at most its ceiling), if any.
pub fn earliest_finish(p: &Problem, j: usize, from: usize) -> Option<usize> {
    let mut left = p.jobs[j].effort;
    for t in from..p.iterations {
        left -= p.ceiling(j, t);
        if left <= 0 {
            return Some(t);
        }
    }
    None
}

/// The latest iteration job `j` can start and still get all its effort by `to`.
pub fn latest_start(p: &Problem, j: usize, to: usize) -> Option<usize> {
    let mut left = p.jobs[j].effort;
    for t in (0..=to.min(p.iterations.saturating_sub(1))).rev() {
        left -= p.ceiling(j, t);
        if left <= 0 {
            return Some(t);
        }
    }
    None
}

/// The needed jobs' windows, or the chain that cannot fit.
#[derive(Debug, Clone)]
pub struct Windows {
    pub lo: Vec<usize>,
    pub hi: Vec<usize>,
    /// The latest iteration each needed job can start and still finish by `hi` (`None` when it
    /// cannot), as the constructive schedule orders by it.
    pub latest_start: Vec<Option<usize>>,
    /// The predecessor that set `lo` (for chains), and the successor that set `hi`.
    from_pred: Vec<Option<usize>>,
    from_succ: Vec<Option<usize>>,
}

/// Computes windows for the `needed` jobs with the given deadlines.
pub fn windows(p: &Problem, needed: &[bool], deadline: &[Option<usize>]) -> Result<Windows, Evidence> {
    let n = p.jobs.len();
    let last = p.iterations.saturating_sub(1);
    let mut w = Windows {
        lo: vec![0; n],
        hi: vec![last; n],
        latest_start: vec![None; n],
        from_pred: vec![None; n],
        from_succ: vec![None; n],
    };
    let mut ef = vec![None; n];
    for &j in p.topo.iter() {
        if !needed[j] {
            continue;
        }
        let mut lo = p.jobs[j].lo;
        for &(q, lag) in &p.jobs[j].preds {
            // A predecessor that cannot finish within the horizon blocks the chain.
            let Some(f) = ef[q] else { return Err(chain(p, &w, q, None, deadline)) };
            if f + 1 + lag > lo {
                lo = f + 1 + lag;
                w.from_pred[j] = Some(q);
            }
        }
        w.lo[j] = lo;
        ef[j] = if lo <= last { earliest_finish(p, j, lo) } else { None };
    }
    // Each job's latest start, worked out once its window is final (successors come first).
    for &j in p.topo.iter().rev() {
        if !needed[j] {
            continue;
        }
        let mut hi = p.jobs[j].hi.min(deadline[j].unwrap_or(last));
        w.from_succ[j] = None;
        for &(s, lag) in &p.jobs[j].succs {
            if !needed[s] {
                continue;
            }
            let limit = w.latest_start[s].and_then(|ls| ls.checked_sub(1 + lag));
            match limit {
                Some(l) if l >= hi => {}
                Some(l) => {
                    hi = l;
                    w.from_succ[j] = Some(s);
                }
                None => {
                    w.from_succ[j] = Some(s);
                    return Err(chain(p, &w, j, Some(s), deadline));
                }
            }
        }
        w.hi[j] = hi;
        w.latest_start[j] = latest_start(p, j, hi);
        if ef[j].is_none_or(|f| f > hi) {
            // One item alone, more than its team can do in its window: say it as capacity.
            let (lo, team) = (w.lo[j], p.jobs[j].team);
            if w.from_pred[j].is_none() && w.from_succ[j].is_none() && lo <= hi {
                let capacity: i64 = (lo..=hi).map(|t| p.team_cap[team][t]).sum();
                if p.jobs[j].effort > capacity {
                    let share = WindowShare { job: j, must: p.jobs[j].effort, earliest_start: lo, latest_finish: hi };
                    return Err(Evidence::Window {
                        team,
                        from: lo,
                        to: hi,
                        shares: vec![share],
                        required: p.jobs[j].effort,
                        capacity,
                    });
                }
            }
            return Err(chain(p, &w, j, w.from_succ[j], deadline));
        }
    }
    Ok(w)
}

/// The chain through `j`: its predecessors back to a release, then forward along the
/// successors that bound it, down to a deadline.
fn chain(p: &Problem, w: &Windows, j: usize, succ: Option<usize>, deadline: &[Option<usize>]) -> Evidence {
    let mut back = vec![j];
    let mut cur = j;
    // A link needs an iteration of its own after its predecessor's, so more links than there
    // are iterations prove the chain too long from any start: the evidence stops there rather
    // than repeating a whole long chain for every commitment on it.
    while let Some(q) = w.from_pred[cur].filter(|_| back.len() <= p.iterations) {
        back.push(q);
        cur = q;
    }
    back.reverse();
    let mut on_path: std::collections::HashSet<usize> = back.iter().copied().collect();
    let mut path = back;
    let mut next = succ;
    while let Some(s) = next {
        if !on_path.insert(s) {
            break;
        }
        path.push(s);
        next = w.from_succ[s];
    }
    let last = *path.last().unwrap_or(&j);
    let limit = p.jobs[last].hi.min(deadline[last].unwrap_or(p.iterations.saturating_sub(1)));
    super::evidence::chain_along(p, &path, limit)
}

/// The energetic counting argument per team: for every span of iterations `[a, b]`, the
/// work that must fall inside it (what each job cannot do outside it, within its window)
/// against the team's capacity there. Returns the span with the largest shortfall.
pub fn capacity_shortfall(p: &Problem, needed: &[bool], w: &Windows) -> Option<Evidence> {
    capacity_shortfall_in(p, needed, w, None)
}

/// [`capacity_shortfall`] over the teams `only` marks (all when `None`).
pub fn capacity_shortfall_in(p: &Problem, needed: &[bool], w: &Windows, only: Option<&[bool]>) -> Option<Evidence> {
    let mut best: Option<(i64, Evidence)> = None;
    let any = super::allowance::ANY_ARGUMENT.with(std::cell::Cell::get);
    let mut by_team: Vec<Vec<usize>> = vec![Vec::new(); p.teams.len()];
    for j in 0..p.jobs.len() {
        if needed[j] && only.is_none_or(|o| o[p.jobs[j].team]) {
            by_team[p.jobs[j].team].push(j);
        }
    }
    let n = p.iterations;
    // Prefix sums of each job's ceilings (one flat table, reused team to team) and of the
    // team's capacity: every sum is O(1).
    let mut sums: Vec<i64> = Vec::new();
    let mut team_sum = vec![0i64; n + 1];
    for (team, jobs) in by_team.iter().enumerate() {
        if jobs.is_empty() {
            continue;
        }
        for t in 0..n {
            team_sum[t + 1] = team_sum[t] + p.team_cap[team][t];
        }
        let growing = p.team_cap[team].iter().all(|&c| c >= 0);
        // Grown, never cleared: each row is written from its job's start on, and only that
        // part is read.
        if sums.len() < jobs.len() * (n + 1) {
            sums.resize(jobs.len() * (n + 1), 0);
        }
        // A job must work inside [a, b] only if it cannot finish before a (a <= its earliest
        // finish) nor start after b (b >= its latest start): the others are skipped.
        let mut span: Vec<(usize, usize, usize, usize)> = Vec::with_capacity(jobs.len());
        for (k, &j) in jobs.iter().enumerate() {
            let row = &mut sums[k * (n + 1)..(k + 1) * (n + 1)];
            let (lo, hi, effort) = (w.lo[j], w.hi[j], p.jobs[j].effort);
            if lo > hi {
                span.push((1, 0, 0, 0));
                continue;
            }
            // Only differences inside its window are read: the sums start at its start.
            row[lo] = 0;
            for t in lo..=hi {
                row[t + 1] = row[t] + p.ceiling(j, t);
            }
            let ef = (lo..=hi).find(|&t| row[t + 1] - row[lo] >= effort).unwrap_or(hi);
            let ls = (lo..=hi).rev().find(|&t| row[hi + 1] - row[t] >= effort).unwrap_or(lo);
            span.push((lo, hi, ef, ls));
        }
        // The work job `k` must do inside [a, b].
        let must = |k: usize, a: usize, b: usize| -> i64 {
            let (lo, hi, _, _) = span[k];
            let row = &sums[k * (n + 1)..(k + 1) * (n + 1)];
            let all = row[hi + 1] - row[lo];
            let (ia, ib) = (a.max(lo), b.min(hi));
            let inside = if ia <= ib { row[ib + 1] - row[ia] } else { 0 };
            (p.jobs[jobs[k]].effort - (all - inside)).max(0)
        };
        // Candidate spans: window starts and ends of the team's jobs.
        let mut starts: Vec<usize> = jobs.iter().map(|&j| w.lo[j]).collect();
        let mut ends: Vec<usize> = jobs.iter().map(|&j| w.hi[j]).collect();
        starts.sort_unstable();
        starts.dedup();
        ends.sort_unstable();
        ends.dedup();
        // The team's jobs in the order they start to count as `b` grows (see below), once.
        let mut counting: Vec<usize> = (0..jobs.len()).collect();
        counting.sort_unstable_by_key(|&k| (span[k].3.max(span[k].0), k));
        let mut from_a: Vec<usize> = Vec::with_capacity(jobs.len());
        let mut active: Vec<usize> = Vec::with_capacity(jobs.len());
        for &a in &starts {
            from_a.clear();
            from_a.extend(counting.iter().copied().filter(|&k| {
                let (lo, hi, ef, _) = span[k];
                lo <= hi && a <= ef && a <= hi
            }));
            if from_a.is_empty() {
                continue;
            }
            // No span from `a` can need more of a job than the work it cannot do before `a`;
            // capacity only grows with `b`, so once it covers all of that less the largest
            // shortfall found, no later `b` can give a larger one.
            let most: i64 = from_a.iter().map(|&k| must(k, a, n.saturating_sub(1))).sum();
            // As `b` grows, a job counts once `b` reaches its latest start (and its start);
            // once `b` is past its window too, what it must do in [a, b] no longer changes.
            // So the jobs are taken in the order they start to count, and those whose
            // window has closed are summed once.
            let (mut next, mut closed) = (0usize, 0i64);
            active.clear();
            for &b in ends.iter().filter(|&&b| b >= a) {
                let capacity = team_sum[b + 1] - team_sum[a];
                if growing && most - capacity <= best.as_ref().map_or(0, |(s, _)| *s) {
                    break;
                }
                while let Some(&k) = from_a.get(next).filter(|&&k| span[k].3.max(span[k].0) <= b) {
                    active.push(k);
                    next += 1;
                }
                active.retain(|&k| {
                    let open = span[k].1 > b;
                    if !open {
                        closed += must(k, a, b);
                    }
                    open
                });
                let required = closed + active.iter().map(|&k| must(k, a, b)).sum::<i64>();
                let shortfall = required - capacity;
                if shortfall > 0 && best.as_ref().is_none_or(|(s, _)| shortfall > *s) {
                    let mut shares: Vec<WindowShare> = from_a
                        .iter()
                        .filter(|&&k| b >= span[k].3 && b >= span[k].0)
                        .filter_map(|&k| {
                            let m = must(k, a, b);
                            let j = jobs[k];
                            (m > 0).then_some(WindowShare {
                                job: j,
                                must: m,
                                earliest_start: w.lo[j],
                                latest_finish: w.hi[j],
                            })
                        })
                        .collect();
                    // In the order of the team's jobs, whatever order they were counted in.
                    shares.sort_unstable_by_key(|s| s.job);
                    best = Some((shortfall, Evidence::Window { team, from: a, to: b, shares, required, capacity }));
                    if any {
                        return best.map(|(_, e)| e);
                    }
                }
            }
        }
    }
    best.map(|(_, e)| e)
}
