//! The rank walk against a brute-force oracle of the reference's rule, on tiny problems:
//! commitments in rank order, each met when it fits with everything kept above it; one that
//! does not is infeasible (not even alone) or in conflict, and is kept late at the earliest
//! iteration it fits by (given everything above), or dropped when none inside the horizon
//! does. An `in PI` commitment that fails lets its item run past its PI. Feasibility of a
//! set is decided by enumerating every integral schedule (with integral efforts and
//! capacities an integral schedule exists whenever any does).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::needless_range_loop)]

use haalbaar::unstable::solve::Requirement;
use haalbaar::unstable::solve::problem::{CommitKind, Commitment, Job, Problem, Slip, UNCAPPED};
use haalbaar::unstable::solve::rank::{Lateness, Status, solve};

struct Rng(u64);
impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

const U: i64 = 1000;

fn cap_row(n: usize, lo: usize, hi: usize, each: i64) -> Vec<i64> {
    (0..n)
        .map(|t| {
            if t < lo || t > hi {
                0
            } else if each > 0 {
                each * U
            } else {
                UNCAPPED
            }
        })
        .collect()
}

fn random_problem(r: &mut Rng) -> Problem {
    let n = 2 + r.below(4) as usize; // iterations 2..5
    let teams = 1 + r.below(2) as usize;
    let jobs_n = 1 + r.below(4) as usize;
    let team_cap: Vec<Vec<i64>> = (0..teams).map(|_| (0..n).map(|_| r.below(4) as i64 * U).collect()).collect();
    let mut jobs: Vec<Job> = Vec::new();
    let mut slips = Vec::new();
    for j in 0..jobs_n {
        let lo = if r.below(4) == 0 { r.below(n as u64) as usize } else { 0 };
        let hi = if r.below(3) == 0 { (lo + r.below(n as u64) as usize).min(n - 1) } else { n - 1 };
        let each = if r.below(3) == 0 { 1 + r.below(2) as i64 } else { 0 };
        let mut preds = Vec::new();
        for q in 0..j {
            if r.below(3) == 0 {
                preds.push((q, r.below(2) as usize));
            }
        }
        // An item with a window ending early may be an `in PI` placement that can slip.
        slips.push(
            (hi < n - 1 && r.below(2) == 0).then(|| Slip { job: j, cap: Some(cap_row(n, lo, n - 1, each).into()) }),
        );
        jobs.push(Job {
            item: j,
            team: r.below(teams as u64) as usize,
            effort: (1 + r.below(3) as i64) * U,
            cap: Some(cap_row(n, lo, hi, each).into()),
            lo,
            hi,
            preds: preds.into_iter().collect(),
            succs: Default::default(),
            priority: None,
            wsjf: None,
            finished: None,
        });
    }
    for j in 0..jobs_n {
        for (q, lag) in jobs[j].preds.clone() {
            jobs[q].succs.push((j, lag));
        }
    }
    let mut commitments = Vec::new();
    for j in 0..jobs_n {
        if r.below(3) == 0 && j + 1 < jobs_n {
            continue;
        }
        let slip = slips[j].clone();
        let deadline = if slip.is_some() { jobs[j].hi } else { r.below(n as u64) as usize };
        let mut members = vec![j];
        if slip.is_none() && r.below(4) == 0 {
            let k = r.below(jobs_n as u64) as usize;
            if k != j {
                members.push(k);
            }
        }
        commitments.push(Commitment {
            label: format!("c{j}"),
            kind: CommitKind::Item,
            jobs: members,
            deadline,
            hard: false,
            priority: None,
            wsjf: None,
            span: None,
            order: j,
            slip,
        });
    }
    // Rank order: a shuffle.
    for k in (1..commitments.len()).rev() {
        let o = r.below(k as u64 + 1) as usize;
        commitments.swap(k, o);
    }
    Problem {
        iterations: n,
        ids: std::sync::Arc::new((0..jobs_n).map(|j| format!("j{j}")).collect()),
        teams: std::sync::Arc::new((0..teams).map(|t| format!("t{t}")).collect()),
        team_cap: team_cap.into(),
        jobs: jobs.into(),
        commitments: commitments.into(),
        topo: std::sync::Arc::new((0..jobs_n).collect()),
        topo_pos: std::sync::Arc::new((0..jobs_n).collect()),
        load: haalbaar::Fixed::HUNDRED,
        spread: Default::default(),
        status: None,
    }
}

/// Every way to spread `units` over `n` iterations.
fn spreads(units: i64, n: usize) -> Vec<Vec<i64>> {
    if n == 1 {
        return vec![vec![units]];
    }
    (0..=units)
        .flat_map(|first| {
            spreads(units - first, n - 1).into_iter().map(move |mut rest| {
                rest.insert(0, first);
                rest
            })
        })
        .collect()
}

/// Whether one schedule meets every requirement (the five rules, by enumeration).
fn fits(p: &Problem, reqs: &[Requirement]) -> bool {
    let (needed, deadline) = haalbaar::unstable::solve::needs(p, reqs);
    let jobs: Vec<usize> = (0..p.jobs.len()).filter(|&j| needed[j]).collect();
    // Each job's own options: cap, window and deadline hold.
    let options: Vec<Vec<Vec<i64>>> = jobs
        .iter()
        .map(|&j| {
            spreads(p.jobs[j].effort / U, p.iterations)
                .into_iter()
                .filter(|w| {
                    (0..p.iterations).all(|t| w[t] * U <= p.jobs[j].cap_at(t))
                        && w.iter().rposition(|x| *x > 0).is_some_and(|l| deadline[j].is_none_or(|d| l <= d))
                })
                .collect()
        })
        .collect();
    if options.iter().any(Vec::is_empty) {
        return false;
    }
    let at = |j: usize| jobs.iter().position(|&x| x == j).unwrap();
    let mut pick = vec![0usize; jobs.len()];
    loop {
        let work = |j: usize| &options[at(j)][pick[at(j)]];
        let ok = jobs.iter().all(|&j| {
            let first = work(j).iter().position(|x| *x > 0).unwrap();
            p.jobs[j].preds.iter().all(|&(q, lag)| first > work(q).iter().rposition(|x| *x > 0).unwrap() + lag)
        }) && (0..p.teams.len()).all(|team| {
            (0..p.iterations).all(|t| {
                jobs.iter().filter(|&&j| p.jobs[j].team == team).map(|&j| work(j)[t] * U).sum::<i64>()
                    <= p.team_cap[team][t]
            })
        });
        if ok {
            return true;
        }
        let mut k = 0;
        loop {
            if k == jobs.len() {
                return false;
            }
            pick[k] += 1;
            if pick[k] < options[k].len() {
                break;
            }
            pick[k] = 0;
            k += 1;
        }
    }
}

fn slip(q: &mut Problem, c: usize) {
    if let Some(s) = q.commitments[c].slip.clone() {
        let last = q.iterations - 1;
        let job = &mut std::sync::Arc::make_mut(&mut q.jobs)[s.job];
        job.hi = last;
        job.cap = s.cap;
    }
}

/// The reference's rule, by brute force: each commitment's status and late finish.
fn oracle(p: &Problem) -> Vec<(Status, Option<Lateness>)> {
    let mut q = p.clone();
    let last = p.iterations - 1;
    let mut kept: Vec<Requirement> = Vec::new();
    let mut out = Vec::new();
    for c in 0..p.commitments.len() {
        let com = &p.commitments[c];
        let req = |d: usize| Requirement { jobs: com.jobs.iter().copied().collect(), deadline: d };
        let with = |q: &Problem, d: usize| {
            let mut set = kept.clone();
            set.push(req(d));
            fits(q, &set)
        };
        if with(&q, com.deadline) {
            kept.push(req(com.deadline));
            out.push((Status::Met, None));
            continue;
        }
        let status = if fits(&q, &[req(com.deadline)]) { Status::Conflict } else { Status::Infeasible };
        slip(&mut q, c);
        match (com.deadline + 1..=last).find(|&d| with(&q, d)) {
            Some(d) => {
                kept.push(req(d));
                out.push((status, Some(Lateness::At(d))));
            }
            None => out.push((status, Some(Lateness::Dropped))),
        }
    }
    out
}

/// The schedule shown keeps every rule: capacity, caps and windows (a slipped placement's
/// widened), dependencies with lags, and every job it works on in full.
fn check_schedule(p: &Problem, s: &haalbaar::unstable::solve::rank::Solution) -> Result<(), String> {
    let mut q = p.clone();
    for c in 0..p.commitments.len() {
        if p.commitments[c].slip.as_ref().is_some_and(|sl| s.slipped.contains(&sl.job)) {
            slip(&mut q, c);
        }
    }
    for team in 0..q.teams.len() {
        for t in 0..q.iterations {
            let used: i64 = (0..q.jobs.len()).filter(|&j| q.jobs[j].team == team).map(|j| s.schedule.get(j, t)).sum();
            if used > q.team_cap[team][t] {
                return Err(format!("team {team} over capacity in {t}"));
            }
        }
    }
    for j in 0..q.jobs.len() {
        let Some(first) = s.schedule.start(j) else { continue };
        for t in 0..q.iterations {
            if s.schedule.get(j, t) > q.jobs[j].cap_at(t) || s.schedule.get(j, t) < 0 {
                return Err(format!("j{j} over its cap or outside its window in {t}"));
            }
        }
        let mut from = q.jobs[j].lo;
        for &(pr, lag) in &q.jobs[j].preds {
            match s.schedule.finish(pr) {
                Some(f) if s.schedule.done(pr) == q.jobs[pr].effort && first > f + lag => from = from.max(f + 1 + lag),
                _ => return Err(format!("j{j} starts before j{pr} is done")),
            }
        }
        // As early as it can: before its start, no iteration it may work in has room left.
        let team = q.jobs[j].team;
        for t in from..first {
            let used: i64 = (0..q.jobs.len()).filter(|&k| q.jobs[k].team == team).map(|k| s.schedule.get(k, t)).sum();
            if q.team_cap[team][t] > used && q.jobs[j].cap_at(t) > 0 {
                return Err(format!("j{j} could start in {t}, before {first}: its team has room there"));
            }
        }
    }
    Ok(())
}

#[test]
fn the_walk_agrees_with_the_rule_on_5000_tiny_plans() {
    let mut r = Rng(0x5DEE_CE66_D1A4_F87B);
    let (mut met, mut late, mut dropped, mut conflicts, mut slipped) = (0, 0, 0, 0, 0);
    for case in 0..5000 {
        let p = random_problem(&mut r);
        let truth = oracle(&p);
        let s = solve(&p, 10_000);
        if let Err(why) = check_schedule(&p, &s) {
            panic!("case {case}: the schedule breaks a rule: {why}");
        }
        for (c, (status, lateness)) in truth.iter().enumerate() {
            let got = &s.results[c];
            assert_eq!(
                (got.status, got.late),
                (*status, *lateness),
                "case {case}, commitment {c} ({}): {:?}",
                p.commitments[c].label,
                p
            );
            match lateness {
                None => {
                    met += 1;
                    let f = p.commitments[c].jobs.iter().map(|&j| s.schedule.finish(j)).max().flatten();
                    assert!(f.is_some_and(|f| f <= p.commitments[c].deadline), "case {case}: met by its deadline");
                }
                Some(Lateness::At(d)) => {
                    late += 1;
                    assert_eq!(got.finish, Some(*d), "case {case}: a late finish is reported as such");
                    // The schedule shown finishes it there: no earlier (it cannot), no later.
                    let f = p.commitments[c].jobs.iter().map(|&j| s.schedule.finish(j).unwrap()).max();
                    assert_eq!(
                        f,
                        Some(*d),
                        "case {case}: the schedule keeps `{}` late at its finish",
                        p.commitments[c].label
                    );
                }
                Some(_) => dropped += 1,
            }
            conflicts += usize::from(*status == Status::Conflict);
            slipped += usize::from(lateness.is_some() && p.commitments[c].slip.is_some());
        }
    }
    println!(
        "walk oracle: {met} met, {late} late, {dropped} dropped, {conflicts} conflicts, {slipped} slipped placements"
    );
    assert!(met > 1000 && late > 500 && dropped > 200 && conflicts > 100 && slipped > 50);
}
