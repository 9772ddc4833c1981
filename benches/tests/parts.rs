//! Independent parts of a plan (release trains that share no team, dependency or commitment)
//! are decided apart: the answers equal one walk over the whole plan, every schedule and
//! argument verifies, and a re-check after a change in one train takes every other train's
//! answer over unchanged and still equals a fresh check, byte for byte.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;

use haalbaar::unstable::solve::parts::parts;
use haalbaar::unstable::solve::problem::Problem;
use haalbaar::unstable::solve::rank::{self, Solution};

fn problem_of(text: &str) -> Problem {
    let c = haalbaar::check_with(text, &haalbaar::Options::default().solve(false));
    assert!(!c.has_errors(), "{:?}", c.diagnostics);
    Problem::new(&c.plan, c.calendar.as_ref().unwrap(), c.capacity.as_ref().unwrap()).unwrap()
}

fn plan(items: usize, seed: u64, trains: usize, tightness: f64) -> String {
    haalbaar_benches::generate_with(haalbaar_benches::Shape { items, seed, tightness, trains })
}

/// Everything a check shows of a solution, in the whole problem's numbers.
fn shown(s: &Solution) -> String {
    format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
        s.verdict, s.results, s.schedule.work, s.committed.work, s.landing, s.needed, s.slipped, s.kept
    )
}

#[test]
fn the_generator_draws_independent_trains() {
    for trains in 1..=4 {
        let p = problem_of(&plan(300, 5, trains, 1.0));
        assert_eq!(parts(&p).len(), trains, "{trains} trains");
    }
    // One train is the portfolio the benchmarks always used.
    assert_eq!(plan(200, 7, 1, 1.0), haalbaar_benches::generate(200, 7));
}

#[test]
fn parts_decided_apart_answer_as_one_walk() {
    let mut compared = 0;
    let mut late = 0;
    let mut verified = 0;
    for seed in 1..=24u64 {
        let trains = 2 + (seed % 3) as usize;
        let tightness = [0.9, 1.0, 1.15][(seed % 3) as usize];
        let text = plan(80 + 3 * seed as usize, seed, trains, tightness);
        let p = problem_of(&text);
        let apart = rank::solve(&p, haalbaar::DEFAULT_BUDGET);
        let one = rank::solve_as_one(&p, haalbaar::DEFAULT_BUDGET);
        assert_eq!(apart.results.len(), one.results.len());
        for (a, o) in apart.results.iter().zip(&one.results) {
            // Answers that rest on an undecided one above are not exact on either side.
            let exact = |r: &rank::CommitmentResult| r.status != haalbaar::Status::Unknown && r.assuming.is_empty();
            if !exact(a) || !exact(o) {
                continue;
            }
            use rank::Lateness::{At, AtMost};
            match (a.late, o.late) {
                // A late finish found within the budget by one and bounded by the other.
                (Some(At(x) | AtMost(x)), Some(AtMost(y))) | (Some(AtMost(y)), Some(At(x))) => {
                    assert!(x <= y, "seed {seed}, commitment {}: {:?} vs {:?}", a.commitment, a.late, o.late);
                    continue;
                }
                _ => {}
            }
            assert_eq!(
                (a.status, a.late),
                (o.status, o.late),
                "seed {seed}, commitment {}, assuming {:?} / {:?}",
                a.commitment,
                a.assuming,
                o.assuming
            );
            compared += 1;
            late += usize::from(a.late.is_some());
        }
        // The merged answer is a checked answer: its schedule and every reason verify (where
        // every answer is exact: the verifier does not follow a reason that assumes an
        // undecided commitment above).
        let c = haalbaar::check(&text);
        let f = c.feasibility.clone().unwrap();
        if f.commitments
            .iter()
            .any(|r| !r.finish_exact || !r.assuming.is_empty() || r.status == haalbaar::Status::Unknown)
        {
            continue;
        }
        verified += 1;
        haalbaar::report::verify::verify(&c.plan, c.calendar.as_ref().unwrap(), c.capacity.as_ref().unwrap(), &f)
            .unwrap_or_else(|e| panic!("seed {seed}: {e:#?}"));
    }
    assert!(compared > 1_000, "only {compared} commitments compared");
    assert!(verified >= 15, "only {verified} plans verified");
    assert!(late > 50, "only {late} late commitments compared");
}

#[test]
fn a_change_in_one_train_re_decides_that_train_alone() {
    for seed in 1..=4u64 {
        let trains = 3;
        let text = plan(120, seed, trains, 1.0);
        let p = problem_of(&text);
        let options = haalbaar::Options::default();
        let before = rank::solve_reusing(&p, &options, None);
        assert_eq!(before.parts.len(), trains);
        // Team t0 (train 0) down to one person; then the first item of t0 three times as big.
        let people = text.find("team t0 \"Team 0\" {\n  people ").unwrap() + "team t0 \"Team 0\" {\n  people ".len();
        let end = people + text[people..].find('\n').unwrap();
        let fewer = format!("{}1{}", &text[..people], &text[end..]);
        let first = text.find("  team t0\n").unwrap();
        let effort = first + text[first..].find("  effort ").unwrap() + "  effort ".len();
        let end = effort + text[effort..].find('\n').unwrap();
        let (low, high) = text[effort..end].split_once("..").unwrap();
        let (low, high): (u64, u64) = (low.parse().unwrap(), high.parse().unwrap());
        let bigger = format!("{}{}..{}{}", &text[..effort], 3 * low, 3 * high, &text[end..]);
        let edits = [fewer, bigger];
        for (k, edited) in edits.iter().enumerate() {
            let q = problem_of(edited);
            let again = rank::solve_reusing(&q, &options, Some(&before));
            let fresh = rank::solve_reusing(&q, &options, None);
            assert_eq!(shown(&again), shown(&fresh), "seed {seed}, edit {k}: taken over differs from fresh");
            let kept = again.parts.iter().zip(&before.parts).filter(|(a, b)| Arc::ptr_eq(a, b)).count();
            assert_eq!(kept, trains - 1, "seed {seed}, edit {k}: parts taken over");
        }
    }
}

#[test]
fn a_recheck_after_a_change_in_one_train_equals_a_fresh_check() {
    let text = plan(150, 3, 3, 1.1);
    let options = haalbaar::Options::default();
    let first = haalbaar::check_with(&text, &options);
    let edited = text.replacen("  effort ", "  effort 4", 1);
    let again = haalbaar::recheck(&first, &edited, &options);
    let fresh = haalbaar::check_with(&edited, &options);
    let json = |c: &haalbaar::Checked| serde_json::to_string(&c.feasibility).unwrap();
    assert_eq!(json(&again), json(&fresh));
    assert_ne!(json(&again), json(&first), "the edit changes the answer");
}
