//! The walk's schedule of what it keeps so far (`Progress`) and the cheap ways to add one
//! more commitment to it: placing its work on top (`extend`), or planning again only the
//! teams it needs with everything else fixed (`patch`). A schedule found either way proves
//! the commitment fits with everything kept; not finding one proves nothing.

use super::evidence::Schedule;
use super::problem::Problem;

/// The walk's schedule of the commitments met so far, and what it keeps alongside so each
/// step costs what it touches.
pub(super) struct Progress {
    pub(super) schedule: Schedule,
    /// Capacity each team has left per iteration.
    pub(super) left: Vec<Vec<i64>>,
    /// The jobs the met commitments need (each scheduled in full), and the same by team.
    pub(super) before: Vec<bool>,
    pub(super) team_jobs: Vec<Vec<usize>>,
    /// The earliest deadline a met commitment puts on each job.
    pub(super) due: Vec<Option<usize>>,
    /// First and last iteration of each scheduled job's work (kept so a patch reads no
    /// more of the schedule than the work itself).
    pub(super) span: Vec<(usize, usize)>,
}

impl Progress {
    pub(super) fn new(p: &Problem) -> Progress {
        Progress {
            schedule: Schedule::empty(p.jobs.len(), p.iterations),
            left: (*p.team_cap).clone(),
            before: vec![false; p.jobs.len()],
            team_jobs: vec![Vec::new(); p.teams.len()],
            due: vec![None; p.jobs.len()],
            span: vec![(0, 0); p.jobs.len()],
        }
    }

    /// Notes where job `j`'s work now lies.
    pub(super) fn settle(&mut self, j: usize) {
        let s = &self.schedule;
        self.span[j] = (s.start(j).unwrap_or(0), s.finish(j).unwrap_or(0));
    }

    /// Records that commitment `c` is met (its jobs are in the schedule).
    pub(super) fn meet(&mut self, p: &Problem, c: usize) {
        let com = &p.commitments[c];
        for &j in &com.jobs {
            self.due[j] = Some(self.due[j].map_or(com.deadline, |d| d.min(com.deadline)));
        }
    }

    /// Marks job `j` as scheduled.
    fn add(&mut self, p: &Problem, j: usize) {
        if !self.before[j] {
            self.before[j] = true;
            self.team_jobs[p.jobs[j].team].push(j);
            self.settle(j);
        }
    }

    /// Takes the schedule of a whole-plan decision that meets `met` (the last one just met).
    pub(super) fn reset(&mut self, p: &Problem, schedule: Schedule, met: &[usize]) {
        self.schedule = schedule;
        self.left = (*p.team_cap).clone();
        for (j, row) in self.schedule.work.iter().enumerate() {
            for (t, w) in row.iter().enumerate() {
                self.left[p.jobs[j].team][t] -= w;
            }
        }
        let needed = super::needs(p, &super::reqs(p, met)).0;
        for (j, &n) in needed.iter().enumerate() {
            if n {
                // Scheduled before or not, its work may have moved.
                self.add(p, j);
                self.settle(j);
            }
        }
        if let Some(&c) = met.last() {
            self.meet(p, c);
        }
    }
}

/// How many times a patch that fails is widened and tried again; a patch frees at most
/// `PATCH_MAX_JOBS` jobs.
pub(super) const PATCH_ROUNDS: usize = 2;
const PATCH_MAX_JOBS: usize = 1_000;

/// Meets commitment `c` by planning again the teams it needs work from: their jobs already
/// scheduled and what `c` adds, each within the window the fixed work leaves it (after its
/// fixed predecessors, before its fixed successors) and by its deadline. `widen` rounds also
/// free the scheduled jobs next to those (their predecessors and successors), in the capacity
/// their teams have left plus their own work. The rest stays where it is. `new`: the jobs `c`
/// needs that are not scheduled yet (the same for every round). On success the schedule is
/// updated and `true` returned; otherwise nothing changes (and nothing is proved).
pub(super) fn patch(p: &Problem, progress: &mut Progress, c: usize, new: &[usize], widen: usize) -> bool {
    let com = &p.commitments[c];
    // The jobs whose teams are planned again: what `c` needs, and with each widening round
    // the scheduled jobs right before and after those.
    let mut near: Vec<usize> = new.iter().chain(&com.jobs).copied().collect();
    let team_count = |near: &[usize]| {
        let mut t: Vec<usize> = near.iter().map(|&j| p.jobs[j].team).collect();
        t.sort_unstable();
        t.dedup();
        t
    };
    let mut teams = team_count(&near);
    for _ in 0..widen {
        let more: Vec<usize> = near
            .iter()
            .flat_map(|&j| p.jobs[j].preds.iter().chain(&p.jobs[j].succs))
            .filter(|&&(k, _)| progress.before[k])
            .map(|&(k, _)| k)
            .collect();
        near.extend(more);
        near.sort_unstable();
        near.dedup();
        let wider = team_count(&near);
        if wider.len() == teams.len() {
            return false;
        }
        teams = wider;
    }
    let mut free = new.to_vec();
    for &t in &teams {
        free.extend_from_slice(&progress.team_jobs[t]);
    }
    // A patch as large as a whole-plan decision is left to that decision.
    if free.len() > PATCH_MAX_JOBS {
        return false;
    }
    let (mut q, old, team_of) = p.restrict(&free);
    // Each team's capacity for the freed jobs: what is left plus what they use now.
    let mut cap: Vec<Vec<i64>> = team_of.iter().map(|&t| progress.left[t].clone()).collect();
    for (k, &j) in old.iter().enumerate() {
        if progress.before[j] {
            let (a, b) = progress.span[j];
            let row = &progress.schedule.work[j];
            for (t, w) in row.iter().enumerate().take(b + 1).skip(a) {
                cap[q.jobs[k].team][t] += w;
            }
        }
    }
    let own: std::collections::HashSet<usize> = com.jobs.iter().copied().collect();
    let last = p.iterations.saturating_sub(1);
    let jobs = std::sync::Arc::make_mut(&mut q.jobs);
    let mut due_by = Vec::with_capacity(old.len());
    for (k, &j) in old.iter().enumerate() {
        let (mut lo, mut hi) = (p.jobs[j].lo, p.jobs[j].hi);
        for &(pred, lag) in &p.jobs[j].preds {
            if old.binary_search(&pred).is_err() {
                // Fixed, so scheduled (what a scheduled job needs is scheduled too).
                if !progress.before[pred] {
                    return false;
                }
                lo = lo.max(progress.span[pred].1 + 1 + lag);
            }
        }
        for &(succ, lag) in &p.jobs[j].succs {
            if progress.before[succ] && old.binary_search(&succ).is_err() {
                match progress.span[succ].0.checked_sub(1 + lag) {
                    Some(h) => hi = hi.min(h),
                    None => return false,
                }
            }
        }
        if lo > hi || lo > last {
            return false;
        }
        let job = &mut jobs[k];
        if (lo, hi) != (job.lo, job.hi) {
            if let Some(cap) = &job.cap {
                job.cap = Some(cap.iter().enumerate().map(|(t, &c)| if t < lo || t > hi { 0 } else { c }).collect());
            }
            job.lo = lo;
            job.hi = hi;
        }
        let mut due = progress.due[j];
        if own.contains(&j) {
            due = Some(due.map_or(com.deadline, |d| d.min(com.deadline)));
        }
        due_by.push(Some(due.unwrap_or(last)));
    }
    q.team_cap = std::sync::Arc::new(cap.clone());
    let Some(mut local) = super::construct_every(&q, &due_by) else { return false };
    for (k, &j) in old.iter().enumerate() {
        let row = std::mem::take(&mut local.work[k]);
        let team = q.jobs[k].team;
        for (t, w) in row.iter().enumerate() {
            cap[team][t] -= w;
        }
        progress.schedule.work[j] = row;
        if progress.before[j] {
            progress.settle(j);
        }
    }
    for (k, row) in cap.into_iter().enumerate() {
        progress.left[team_of[k]] = row;
    }
    for &j in new {
        progress.add(p, j);
    }
    true
}

/// Tries to meet commitment `c` by adding its jobs (and their unscheduled predecessors) to
/// `schedule`, which meets the commitments met so far and leaves `left` of each team's
/// capacity (`before`: the jobs those need), as early as capacity allows, each within its own window and by its deadline.
/// Jobs already in the schedule stay where they are. On success the three are updated in
/// place and `true` returned; otherwise they are left as they were.
pub(super) fn extend(p: &Problem, progress: &mut Progress, c: usize) -> bool {
    place_new(p, progress, c, p.commitments[c].deadline, true).is_some()
}

/// Pushes the work of `jobs` (in topological order; work no other kept commitment needs) as
/// late as it may go: each job by `deadline` when it is one of `own`, before its scheduled
/// successors' starts (less lags), within its window and caps, into capacity nobody uses. A
/// late commitment needs its work by its late finish only; what is ranked below it, often due
/// earlier, then finds the capacity before it free.
pub(super) fn push_late(p: &Problem, progress: &mut Progress, jobs: &[usize], own: &[usize], deadline: usize) {
    for &j in jobs.iter().rev() {
        let job = &p.jobs[j];
        let Some(first) = progress.schedule.start(j) else { continue };
        let mut latest = job.hi.min(p.iterations.saturating_sub(1));
        if own.contains(&j) {
            latest = latest.min(deadline);
        }
        for &(s, lag) in &job.succs {
            if let Some(start) = progress.schedule.start(s) {
                match start.checked_sub(1 + lag) {
                    Some(l) => latest = latest.min(l),
                    None => latest = 0,
                }
            }
        }
        let mut start = first;
        let mut t = latest;
        while t > start {
            let room = progress.left[job.team][t].min(job.cap_at(t) - progress.schedule.get(j, t));
            if room <= 0 {
                t -= 1;
                continue;
            }
            let amount = room.min(progress.schedule.get(j, start));
            progress.schedule.add(j, t, amount);
            progress.schedule.add(j, start, -amount);
            progress.left[job.team][t] -= amount;
            progress.left[job.team][start] += amount;
            if progress.schedule.get(j, start) == 0 {
                match progress.schedule.start(j) {
                    Some(s) => start = s,
                    None => break,
                }
            }
        }
        progress.settle(j);
    }
}

/// [`extend`] by `deadline`: the last iteration `c`'s jobs work in, when they all fit by then;
/// `keep` leaves them in the schedule.
pub(super) fn place_new(p: &Problem, progress: &mut Progress, c: usize, deadline: usize, keep: bool) -> Option<usize> {
    let Progress { schedule, left, before, .. } = progress;
    let last = p.iterations.saturating_sub(1);
    // What `c` needs beyond what is already scheduled, in topological order (visiting only
    // those jobs, not the plan).
    let new = p.closure(&p.commitments[c].jobs, |j| before[j]);
    // Jobs of `c` already scheduled must already finish by its deadline; and so must their
    // own predecessors, which the deadline binds through them only when they are new.
    for &j in &p.commitments[c].jobs {
        if before[j] && schedule.finish(j).is_none_or(|f| f > deadline) {
            return None;
        }
    }
    // Latest finish of each new job: `c`'s deadline for its own jobs, its own window, and
    // what its new successors need.
    let index: std::collections::HashMap<usize, usize> = new.iter().enumerate().map(|(k, &j)| (j, k)).collect();
    let mut latest: Vec<usize> = vec![last; new.len()];
    for &j in &p.commitments[c].jobs {
        if let Some(&k) = index.get(&j) {
            latest[k] = latest[k].min(deadline);
        }
    }
    for (k, &j) in new.iter().enumerate().rev() {
        latest[k] = latest[k].min(p.jobs[j].hi);
        for &(q, lag) in &p.jobs[j].preds {
            if let Some(&kq) = index.get(&q) {
                latest[kq] = latest[kq].min(latest[k].saturating_sub(1 + lag));
            }
        }
    }
    let mut log: Vec<(usize, usize, i64)> = Vec::new();
    let mut ok = true;
    'jobs: for (k, &j) in new.iter().enumerate() {
        let mut from = p.jobs[j].lo;
        for &(q, lag) in &p.jobs[j].preds {
            match schedule.finish(q) {
                Some(f) => from = from.max(f + 1 + lag),
                None => {
                    ok = false;
                    break 'jobs;
                }
            }
        }
        let team = p.jobs[j].team;
        let mut need = p.jobs[j].effort;
        for (t, room) in left[team].iter_mut().enumerate().take(latest[k].min(last) + 1).skip(from) {
            if need <= 0 {
                break;
            }
            let give = need.min(p.jobs[j].cap_at(t)).min(*room).max(0);
            if give > 0 {
                schedule.add(j, t, give);
                *room -= give;
                need -= give;
                log.push((j, t, give));
            }
        }
        if need > 0 {
            ok = false;
            break;
        }
    }
    let finish = if ok {
        p.commitments[c].jobs.iter().map(|&j| schedule.finish(j)).try_fold(0, |a, f| f.map(|f| a.max(f)))
    } else {
        None
    };
    if finish.is_none() || !keep {
        for (j, t, give) in log {
            schedule.add(j, t, -give);
            left[p.jobs[j].team][t] += give;
        }
        return finish;
    }
    for &j in &new {
        progress.add(p, j);
    }
    finish
}
