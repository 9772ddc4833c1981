//! Uncommitted work: everything the kept commitments do not need is scheduled with the
//! capacity they leave, in priority order (priority, then WSJF, then file order), as early as
//! it can go; then every job's work is pulled as early as the schedule allows (see
//! [`compact`]), so the one schedule every output shows starts work as early as it can.

use super::evidence::Schedule;
use super::problem::Problem;
use super::rank::Landing;

/// Schedules everything the kept commitments do not need, with the capacity they leave, in
/// priority order (priority, then WSJF, then file order), as early as it can go, then pulls
/// all work as early as it goes ([`compact`]). Returns the schedule, where each job lands, and
/// the jobs the kept commitments need.
pub(super) fn fill_uncommitted(
    p: &Problem,
    kept: &[usize],
    committed: &Schedule,
) -> (Schedule, Vec<Landing>, Vec<bool>) {
    let (needed, _) = super::needs(p, &super::reqs(p, kept));
    let mut schedule = committed.clone();
    let mut left: Vec<Vec<i64>> = (*p.team_cap).clone();
    for (j, row) in committed.work.iter().enumerate() {
        for (t, w) in row.iter().enumerate() {
            left[p.jobs[j].team][t] -= w;
        }
    }
    // Done: what the committed schedule holds in full (an unknown commitment is kept without
    // a schedule: its jobs are placed here like the rest, needed ones first).
    let mut done: Vec<Option<bool>> =
        (0..p.jobs.len()).map(|j| (needed[j] && schedule.done(j) >= p.jobs[j].effort).then_some(true)).collect();
    let mut order: Vec<usize> = (0..p.jobs.len()).filter(|&j| done[j].is_none()).collect();
    order.sort_by_key(|&j| {
        let job = &p.jobs[j];
        (!needed[j], job.priority.unwrap_or(u32::MAX), job.wsjf.is_none(), std::cmp::Reverse(job.wsjf), j)
    });
    for j in order {
        super::place::place(p, j, &mut schedule, &mut left, &mut done);
    }
    compact(p, kept, &needed, &mut schedule, &mut left);
    let landing = (0..p.jobs.len())
        .map(|j| {
            let got = schedule.done(j);
            if let Some(at) = p.jobs[j].finished {
                // Finished before the status date: it lands where it was finished.
                return Landing::Done { start: at, finish: at };
            }
            match (schedule.start(j), schedule.finish(j)) {
                (Some(start), Some(finish)) if got >= p.jobs[j].effort => Landing::Done { start, finish },
                _ => Landing::Beyond { left: p.jobs[j].effort - got },
            }
        })
        .collect();
    (schedule, landing, needed)
}

/// Passes over the schedule at most this many times (each pass is one sweep over the work).
const COMPACT_PASSES: usize = 4;

/// Pulls every job's work as early as the schedule allows: from its last iteration into
/// earlier ones where its team has capacity left, its own cap allows, and its predecessors
/// are done (plus lag). Jobs go in rank order (the jobs of the highest-ranked kept
/// commitment first, predecessors before successors), then uncommitted work in topological
/// order. Moving work earlier makes no finish later, so every deadline still holds, and a
/// job only takes capacity nobody uses. Repeated while anything moves (at most
/// `COMPACT_PASSES` times): afterwards no job can start earlier without taking another's
/// capacity.
pub(super) fn compact(p: &Problem, kept: &[usize], needed: &[bool], s: &mut Schedule, left: &mut [Vec<i64>]) {
    let mut rank = vec![usize::MAX; p.jobs.len()];
    for (k, &c) in kept.iter().enumerate() {
        for j in p.closure(&p.commitments[c].jobs, |j| rank[j] != usize::MAX) {
            rank[j] = k;
        }
    }
    let mut order: Vec<usize> = (0..p.jobs.len()).filter(|&j| !s.work[j].is_empty()).collect();
    order.sort_by_key(|&j| (!needed[j], rank[j], p.topo_pos[j]));
    for _ in 0..COMPACT_PASSES {
        let mut moved = false;
        for &j in &order {
            moved |= pull(p, j, s, left);
        }
        if !moved {
            break;
        }
    }
}

/// Pulls job `j`'s work earlier (see [`compact`]); whether any moved.
fn pull(p: &Problem, j: usize, s: &mut Schedule, left: &mut [Vec<i64>]) -> bool {
    let job = &p.jobs[j];
    let Some(mut finish) = s.finish(j) else { return false };
    let mut from = job.lo;
    for &(q, lag) in &job.preds {
        if let Some(f) = s.finish(q) {
            from = from.max(f + 1 + lag);
        }
    }
    let mut moved = false;
    let mut t = from;
    while t < finish {
        let room = left[job.team][t].min(job.cap_at(t) - s.get(j, t));
        if room <= 0 {
            t += 1;
            continue;
        }
        let amount = room.min(s.get(j, finish));
        s.add(j, t, amount);
        s.add(j, finish, -amount);
        left[job.team][t] -= amount;
        left[job.team][finish] += amount;
        moved = true;
        if s.get(j, finish) == 0 {
            match s.finish(j) {
                Some(f) => finish = f,
                None => break,
            }
        }
    }
    moved
}
