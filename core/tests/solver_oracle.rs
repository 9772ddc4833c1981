//! The solver against a brute-force oracle on tiny problems: every integral schedule is
//! enumerated (with integral efforts and capacities an integral schedule exists whenever
//! any does, since the problem is a flow once finish iterations are fixed). The solver may
//! say `unknown`, never a wrong verdict; the number of unknowns is printed.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::needless_range_loop)]

use haalbaar::unstable::solve::problem::{Job, Problem, UNCAPPED};
use haalbaar::unstable::solve::{Outcome, Requirement, decide};

struct Rng(u64);
impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

const U: i64 = 1000; // one unit in thousandths

fn random_problem(r: &mut Rng) -> (Problem, Vec<Requirement>) {
    let n = 2 + r.below(3) as usize; // iterations 2..4
    let teams = 1 + r.below(2) as usize;
    let jobs_n = 1 + r.below(4) as usize;
    let team_cap: Vec<Vec<i64>> = (0..teams).map(|_| (0..n).map(|_| r.below(4) as i64 * U).collect()).collect();
    let mut jobs: Vec<Job> = Vec::new();
    for j in 0..jobs_n {
        let lo = if r.below(4) == 0 { r.below(n as u64) as usize } else { 0 };
        let hi = if r.below(4) == 0 { (lo + r.below(n as u64) as usize).min(n - 1) } else { n - 1 };
        let cap_each = if r.below(3) == 0 { 1 + r.below(2) as i64 } else { 0 };
        let cap: Vec<i64> = (0..n)
            .map(|t| {
                if t < lo || t > hi {
                    0
                } else if cap_each > 0 {
                    cap_each * U
                } else {
                    UNCAPPED
                }
            })
            .collect();
        let mut preds = Vec::new();
        for q in 0..j {
            if r.below(3) == 0 {
                preds.push((q, r.below(2) as usize));
            }
        }
        jobs.push(Job {
            item: j,
            team: r.below(teams as u64) as usize,
            effort: (1 + r.below(3) as i64) * U,
            cap: Some(cap.into()),
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
    let mut reqs = Vec::new();
    for j in 0..jobs_n {
        if r.below(2) == 0 || j == jobs_n - 1 {
            reqs.push(Requirement { jobs: [j].into_iter().collect(), deadline: r.below(n as u64) as usize });
        }
    }
    let p = Problem {
        iterations: n,
        ids: std::sync::Arc::new((0..jobs_n).map(|j| format!("j{j}")).collect()),
        teams: std::sync::Arc::new((0..teams).map(|t| format!("t{t}")).collect()),
        team_cap: team_cap.into(),
        jobs: jobs.into(),
        commitments: Vec::new().into(),
        topo: std::sync::Arc::new((0..jobs_n).collect()),
        topo_pos: std::sync::Arc::new((0..jobs_n).collect()),
        load: haalbaar::Fixed::HUNDRED,
        spread: Default::default(),
        status: None,
    };
    (p, reqs)
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

fn brute_force(p: &Problem, reqs: &[Requirement]) -> bool {
    let (needed, deadline) = haalbaar::unstable::solve::needs(p, reqs);
    let jobs: Vec<usize> = (0..p.jobs.len()).filter(|&j| needed[j]).collect();
    let options: Vec<Vec<Vec<i64>>> = jobs.iter().map(|&j| spreads(p.jobs[j].effort / U, p.iterations)).collect();
    let mut pick = vec![0usize; jobs.len()];
    loop {
        let work = |j: usize| -> &Vec<i64> {
            &options[jobs.iter().position(|&x| x == j).unwrap()][pick[jobs.iter().position(|&x| x == j).unwrap()]]
        };
        let ok = (|| {
            for &j in &jobs {
                let w = work(j);
                let last = w.iter().rposition(|x| *x > 0)?;
                let first = w.iter().position(|x| *x > 0)?;
                for t in 0..p.iterations {
                    if w[t] * U > p.jobs[j].cap_at(t) {
                        return None;
                    }
                }
                if deadline[j].is_some_and(|d| last > d) {
                    return None;
                }
                for &(q, lag) in &p.jobs[j].preds {
                    let ql = work(q).iter().rposition(|x| *x > 0)?;
                    if first <= ql + lag {
                        return None;
                    }
                }
            }
            for team in 0..p.teams.len() {
                for t in 0..p.iterations {
                    let used: i64 = jobs.iter().filter(|&&j| p.jobs[j].team == team).map(|&j| work(j)[t] * U).sum();
                    if used > p.team_cap[team][t] {
                        return None;
                    }
                }
            }
            Some(())
        })();
        if ok.is_some() {
            return true;
        }
        // next combination
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

/// Checks a schedule against the five rules directly.
fn valid(p: &Problem, reqs: &[Requirement], work: &[Vec<i64>]) -> Result<(), String> {
    let (needed, deadline) = haalbaar::unstable::solve::needs(p, reqs);
    for j in 0..p.jobs.len() {
        let w = &work[j];
        let total: i64 = w.iter().sum();
        if needed[j] && total != p.jobs[j].effort {
            return Err(format!("j{j} gets {total} of {}", p.jobs[j].effort));
        }
        if w.iter().any(|x| *x < 0) {
            return Err(format!("j{j} negative work"));
        }
        for t in 0..p.iterations {
            if w[t] > p.jobs[j].cap_at(t) {
                return Err(format!("j{j} over its cap in {t}"));
            }
        }
        let Some(first) = w.iter().position(|x| *x > 0) else { continue };
        let last = w.iter().rposition(|x| *x > 0).unwrap_or(first);
        if deadline[j].is_some_and(|d| last > d) {
            return Err(format!("j{j} late"));
        }
        for &(q, lag) in &p.jobs[j].preds {
            let ql = work[q].iter().rposition(|x| *x > 0).ok_or(format!("j{j} before its predecessor"))?;
            if first <= ql + lag {
                return Err(format!("j{j} starts before j{q} ends plus lag"));
            }
        }
    }
    for team in 0..p.teams.len() {
        for t in 0..p.iterations {
            let used: i64 = (0..p.jobs.len()).filter(|&j| p.jobs[j].team == team).map(|j| work[j][t]).sum();
            if used > p.team_cap[team][t] {
                return Err(format!("team {team} over capacity in {t}"));
            }
        }
    }
    Ok(())
}

#[test]
fn solver_agrees_with_brute_force_on_5000_tiny_problems() {
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    let (mut fits, mut fails, mut unknown) = (0, 0, 0);
    for case in 0..5000 {
        let (p, reqs) = random_problem(&mut r);
        let truth = brute_force(&p, &reqs);
        match decide(&p, &reqs, 10_000) {
            Outcome::Fits(s) => {
                assert!(truth, "case {case}: solver found a schedule the oracle says cannot exist: {s:?}");
                if let Err(why) = valid(&p, &reqs, &s.clone().into_dense()) {
                    panic!("case {case}: the solver's schedule breaks a rule: {why}");
                }
                fits += 1;
            }
            Outcome::Fails(e) => {
                assert!(!truth, "case {case}: solver says infeasible ({e:?}) but a schedule exists");
                fails += 1;
            }
            Outcome::Unknown => unknown += 1,
        }
    }
    println!("oracle: {fits} feasible, {fails} infeasible, {unknown} unknown of 5000");
    assert_eq!(unknown, 0);
    assert!(fits > 500 && fails > 500, "both outcomes must be common: {fits} / {fails}");
}

#[test]
fn exact_search_alone_agrees_with_brute_force() {
    use haalbaar::unstable::solve::{search, windows};
    let mut r = Rng(0x2545_F491_4F6C_DD1D);
    let (mut searched, mut found) = (0, 0);
    for case in 0..3000 {
        let (p, reqs) = random_problem(&mut r);
        let (needed, deadline) = haalbaar::unstable::solve::needs(&p, &reqs);
        // Windows are exact consequences; where they already fail, the search is not needed.
        let Ok(w) = windows::windows(&p, &needed, &deadline) else { continue };
        let truth = brute_force(&p, &reqs);
        searched += 1;
        match search::search(&p, &needed, &w, 1_000_000) {
            search::Found::Schedule(s) => {
                assert!(truth, "case {case}");
                valid(&p, &reqs, &s.clone().into_dense()).unwrap();
                found += 1;
            }
            search::Found::None(_) => assert!(!truth, "case {case}: search missed a schedule"),
            search::Found::Unknown => panic!("case {case}: budget too small for a tiny problem"),
        }
    }
    println!("search alone: {found} schedules found in {searched} problems");
    assert!(searched > 800 && found > 300);
}
