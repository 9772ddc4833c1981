//! The solver on generated medium plans: every schedule and every infeasibility argument
//! passes `verify`, and the share of commitments decided is reported (see benches/README.md).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use haalbaar::Status;
use haalbaar::report::feasibility::PlanVerdict;

#[test]
fn medium_plans_are_decided_and_verified() {
    let (mut plans, mut feasible, mut infeasible, mut unknown_plans) = (0, 0, 0, 0);
    let (mut commitments, mut undecided) = (0usize, 0usize);
    for seed in 1..=300u64 {
        let tightness = [0.7, 0.9, 1.1, 1.3][(seed % 4) as usize];
        let text = haalbaar_benches::medium(seed, tightness);
        let c = haalbaar::check(&text);
        assert!(
            !c.diagnostics.iter().any(|d| d.is_error() && !d.code.as_str().starts_with("E06")),
            "seed {seed}: {:?}",
            c.diagnostics
        );
        let f = c.feasibility.clone().unwrap();
        haalbaar::report::verify::verify(&c.plan, c.calendar.as_ref().unwrap(), c.capacity.as_ref().unwrap(), &f)
            .unwrap_or_else(|e| panic!("seed {seed}: {e:#?}"));
        plans += 1;
        match f.verdict {
            PlanVerdict::Feasible => feasible += 1,
            PlanVerdict::Infeasible => infeasible += 1,
            _ => unknown_plans += 1,
        }
        commitments += f.commitments.len();
        undecided += f.commitments.iter().filter(|c| c.status == Status::Unknown).count();
    }
    println!(
        "medium: {plans} plans: {feasible} feasible, {infeasible} infeasible, {unknown_plans} unknown; \
         {undecided} of {commitments} commitments undecided"
    );
    assert!(feasible >= 30 && infeasible >= 30, "both outcomes must be common");
    assert!((commitments - undecided) * 100 >= commitments * 99, "decided share below 99%");
}

/// Plans that neither the counting bounds nor the constructive schedule decide: found by
/// `cargo run --release -p haalbaar-benches --example scan -- 1 1000 1.1` (every seed below
/// needed the exact search for at least one decision; the first 60 of 87).
const HARD: &[u64] = &[
    9, 24, 28, 41, 44, 52, 56, 67, 82, 86, 108, 109, 116, 134, 140, 157, 165, 187, 195, 220, 224, 233, 251, 253, 270,
    277, 282, 306, 320, 331, 336, 338, 340, 356, 359, 360, 366, 388, 398, 407, 428, 430, 462, 471, 474, 488, 500, 503,
    548, 554, 559, 564, 568, 570, 574, 607, 609, 634, 640, 650,
];

#[test]
fn hard_plans_are_mostly_decided_and_verified() {
    let (mut commitments, mut undecided, mut searched) = (0usize, 0usize, 0usize);
    for &seed in HARD {
        let text = haalbaar_benches::medium(seed, 1.1);
        haalbaar::unstable::solve::reset_stats();
        let c = haalbaar::check(&text);
        let stats = haalbaar::unstable::solve::take_stats();
        if stats.by_search + stats.undecided > 0 {
            searched += 1;
        }
        let f = c.feasibility.clone().unwrap();
        haalbaar::report::verify::verify(&c.plan, c.calendar.as_ref().unwrap(), c.capacity.as_ref().unwrap(), &f)
            .unwrap_or_else(|e| panic!("seed {seed}: {e:#?}"));
        commitments += f.commitments.len();
        undecided += f.commitments.iter().filter(|c| c.status == Status::Unknown).count();
    }
    let decided = commitments - undecided;
    println!(
        "hard: {} plans ({searched} needed the search): {decided} of {commitments} commitments decided ({:.1}%)",
        HARD.len(),
        decided as f64 * 100.0 / commitments as f64
    );
    // Found as plans needing the search; the engine's fast path may since decide a few
    // without it, but at least 50 must still need it.
    assert!(searched >= 50, "only {searched} plans of the hard set still need the search");
    assert!(decided * 100 >= commitments * 95, "decided share on hard plans below 95%");
}

/// The problem of a plan's text (which must have no errors).
fn problem_of(text: &str) -> (haalbaar::Checked, haalbaar::unstable::solve::problem::Problem) {
    let c = haalbaar::check_with(text, &haalbaar::Options::default().solve(false));
    assert!(!c.has_errors(), "{:?}", c.diagnostics);
    let p = haalbaar::unstable::solve::problem::Problem::new(
        &c.plan,
        c.calendar.as_ref().unwrap(),
        c.capacity.as_ref().unwrap(),
    )
    .unwrap();
    (c, p)
}

/// What a repair changes in the problem, from the report's own figures: the edited text must
/// give exactly this (capacity, efforts, links and deadlines compared).
fn expected(
    p: &haalbaar::unstable::solve::problem::Problem,
    cal: &haalbaar::calendar::Calendar,
    item: &str,
    repair: &haalbaar::report::feasibility::RepairReport,
) -> haalbaar::unstable::solve::problem::Problem {
    use haalbaar::report::feasibility::RepairReport;
    let mut q = p.clone();
    let at = |l: &str| cal.iterations.iter().position(|i| i.label() == l).unwrap();
    let job = |id: &str| (0..p.jobs.len()).find(|&j| p.id(j) == id).unwrap();
    match repair {
        RepairReport::Deadline { iteration, .. } => {
            let k = q.commitments.iter().position(|x| x.label == item).unwrap();
            std::sync::Arc::make_mut(&mut q.commitments)[k].deadline = at(iteration);
        }
        RepairReport::Defer { commitment, to, .. } => {
            let k = q.commitments.iter().position(|x| x.label == *commitment).unwrap();
            std::sync::Arc::make_mut(&mut q.commitments)[k].deadline = at(to);
        }
        RepairReport::Capacity { team, iteration, amount, .. } => {
            let t = q.teams.iter().position(|x| x == team).unwrap();
            let plannable = haalbaar::capacity::plannable_of(*amount, q.load).millis();
            haalbaar::unstable::solve::rank::add_capacity(&mut q, t, at(iteration), plannable);
        }
        RepairReport::PiCapacity { team, pi, amount, .. } => {
            let t = q.teams.iter().position(|x| x == team).unwrap();
            let k: usize = pi.trim_start_matches("PI").parse().unwrap();
            haalbaar::unstable::solve::rank::add_pi_capacity(&mut q, t, k - 1, amount.millis());
        }
        RepairReport::Scope { item, by, .. } => {
            let j = job(item);
            std::sync::Arc::make_mut(&mut q.jobs)[j].effort -= by.millis();
        }
        RepairReport::ChainScope { items, .. } => {
            for cut in items {
                let j = job(&cut.item);
                std::sync::Arc::make_mut(&mut q.jobs)[j].effort -= cut.by.millis();
            }
        }
        RepairReport::Dependency { links, .. } => {
            for l in links {
                let (j, a) = (job(&l.item), job(&l.after));
                let jobs = std::sync::Arc::make_mut(&mut q.jobs);
                jobs[j].preds.retain(|(x, _)| *x != a);
                jobs[a].succs.retain(|(x, _)| *x != j);
            }
        }
        other => panic!("a kind of repair this test does not know: {other:?}"),
    }
    q
}

/// Capacity per team and iteration, each job's effort and predecessors, each commitment's
/// deadline by label.
type Fingerprint = (Vec<Vec<i64>>, Vec<(i64, Vec<usize>)>, Vec<(String, usize)>);

/// The parts of a problem a repair may change, comparable (commitments by label).
fn fingerprint(p: &haalbaar::unstable::solve::problem::Problem) -> Fingerprint {
    let mut deadlines: Vec<(String, usize)> = p.commitments.iter().map(|c| (c.label.clone(), c.deadline)).collect();
    deadlines.sort();
    (
        (*p.team_cap).clone(),
        p.jobs.iter().map(|j| (j.effort, j.preds.iter().map(|x| x.0).collect())).collect(),
        deadlines,
    )
}

#[test]
fn every_repair_on_generated_plans_makes_its_commitment_met() {
    use haalbaar::report::feasibility::RepairReport;
    let (mut applied, mut by_kind, mut failed, mut without) = (0usize, [0usize; 7], 0usize, 0usize);
    let (mut with_side_effects, mut checked_repairs, mut chain_cuts) = (0usize, 0usize, 0usize);
    let sets = (1..=300u64).map(|s| (s, [0.7, 0.9, 1.1, 1.3][(s % 4) as usize])).chain(HARD.iter().map(|&s| (s, 1.1)));
    for (seed, tightness) in sets {
        let text = haalbaar_benches::medium(seed, tightness);
        let c = haalbaar::check(&text);
        let f = c.feasibility.clone().unwrap();
        let cal = c.calendar.as_ref().unwrap();
        let (_, p) = problem_of(&text);
        for r in f.commitments.iter().filter(|r| r.status != Status::Met) {
            failed += usize::from(r.status != Status::Unknown);
            // An unknown commitment is undecided, not failed: `--budget` is its remedy.
            if r.status != Status::Unknown {
                without += usize::from(r.repairs.is_empty());
            }
            for repair in &r.repairs {
                by_kind[match repair {
                    RepairReport::Deadline { .. } => 0,
                    RepairReport::Defer { .. } => 1,
                    RepairReport::Capacity { .. } => 2,
                    RepairReport::Scope { .. } => 3,
                    RepairReport::Dependency { .. } => 4,
                    RepairReport::ChainScope { .. } => 5,
                    RepairReport::PiCapacity { .. } => 6,
                    other => panic!("seed {seed}: a kind of repair this test does not know: {other:?}"),
                }] += 1;
                assert!(!repair.edits().is_empty(), "seed {seed}: {repair:?} has no edits");
                let edited = haalbaar::report::edits::apply(&text, repair.edits());
                // The edited text is exactly the change the repair was verified with.
                let (_, q) = problem_of(&edited);
                assert_eq!(
                    fingerprint(&q),
                    fingerprint(&expected(&p, cal, &r.item, repair)),
                    "seed {seed}: the edits of {repair:?} make another change"
                );
                assert_eq!(
                    status_after(&edited, &r.item),
                    Status::Met,
                    "seed {seed}: repair {repair:?} of `{}`",
                    r.item
                );
                // What it does to the others is what it says, where the engine checked.
                if repair.worse_checked() {
                    checked_repairs += 1;
                    let hurt = worse_after(&p, &edited, &r.item);
                    assert_eq!(hurt, repair.worse(), "seed {seed}: {repair:?}");
                    with_side_effects += usize::from(!hurt.is_empty());
                }
                // A capacity repair (in an iteration or over a PI) is the least whole amount:
                // one unit less does not meet it.
                let one_less = |amount: &haalbaar::Fixed| (*amount - haalbaar::Fixed::from_int(1)).millis();
                let smaller = match repair {
                    RepairReport::Capacity { team, iteration, amount, .. } => {
                        let it = &cal.iterations[cal.iterations.iter().position(|i| i.label() == *iteration).unwrap()];
                        let (pi, iteration) = (it.pi, it.number);
                        Some(haalbaar::report::edits::PlanChange::Capacity {
                            team: team.clone(),
                            pi,
                            iteration,
                            delta: one_less(amount),
                        })
                    }
                    RepairReport::PiCapacity { team, pi, amount, .. } => {
                        Some(haalbaar::report::edits::PlanChange::PiCapacity {
                            team: team.clone(),
                            pi: pi.trim_start_matches("PI").parse().unwrap(),
                            delta: one_less(amount),
                        })
                    }
                    _ => None,
                };
                if let Some(change) = smaller.filter(|ch| {
                    matches!(ch, haalbaar::report::edits::PlanChange::Capacity { delta, .. } | haalbaar::report::edits::PlanChange::PiCapacity { delta, .. } if *delta > 0)
                }) {
                    let edited = haalbaar::report::edits::apply(&text, &haalbaar::report::edits::edits(&c.plan, &text, &change));
                    assert_ne!(status_after(&edited, &r.item), Status::Met, "seed {seed}: {change:?} is enough for `{}`", r.item);
                }
                // A chain scope repair cuts each item by the least that works with the other
                // cuts made: one unit less off any one of them does not meet it.
                if let RepairReport::ChainScope { items, .. } = repair {
                    for (k, cut) in items.iter().enumerate() {
                        let changes: Vec<_> = items
                            .iter()
                            .enumerate()
                            .map(|(i, x)| haalbaar::report::edits::PlanChange::Effort {
                                item: x.item.clone(),
                                by: if i == k { x.by.millis() - 1000 } else { x.by.millis() },
                            })
                            .filter(|ch| !matches!(ch, haalbaar::report::edits::PlanChange::Effort { by: 0, .. }))
                            .collect();
                        let edits: Vec<_> =
                            changes.iter().flat_map(|ch| haalbaar::report::edits::edits(&c.plan, &text, ch)).collect();
                        let smaller = haalbaar::report::edits::apply(&text, &edits);
                        assert_ne!(
                            status_after(&smaller, &r.item),
                            Status::Met,
                            "seed {seed}: {repair:?} less one unit off `{}` is enough",
                            cut.item
                        );
                        chain_cuts += 1;
                    }
                }
                applied += 1;
            }
        }
    }
    println!("chain scope repairs: {chain_cuts} cuts, each one unit less shown not to do");
    println!(
        "repairs applied: {applied} (deadline {}, defer {}, capacity {}, capacity over a PI {}, scope {}, dependency {}, chain scope {}); {without} of {failed} failed commitments without one; {checked_repairs} checked for side effects, {with_side_effects} make another worse, as they say",
        by_kind[0], by_kind[1], by_kind[2], by_kind[6], by_kind[3], by_kind[4], by_kind[5]
    );
    assert!(by_kind.iter().all(|n| *n > 0));
    assert_eq!(without, 0, "{without} of {failed} failed commitments without a repair");
}

/// The commitments other than `item` that are worse in `edited` than in `p`: met ones no longer
/// met, late ones later or dropped (unknown answers are not compared).
fn worse_after(p: &haalbaar::unstable::solve::problem::Problem, edited: &str, item: &str) -> Vec<String> {
    use haalbaar::unstable::solve::rank::Lateness;
    let standing = |r: &haalbaar::unstable::solve::rank::CommitmentResult| match (r.status, r.late) {
        (Status::Met, _) => Some((0u8, 0usize)),
        (_, Some(Lateness::At(d))) => Some((1, d)),
        (_, Some(Lateness::Dropped)) => Some((2, 0)),
        _ => None,
    };
    let before = haalbaar::unstable::solve::rank::statuses(p, haalbaar::DEFAULT_BUDGET);
    let (_, q) = problem_of(edited);
    let after = haalbaar::unstable::solve::rank::statuses(&q, haalbaar::DEFAULT_BUDGET);
    let mut out = Vec::new();
    for (k, c) in p.commitments.iter().enumerate() {
        if c.label == item {
            continue;
        }
        let Some(m) = q.commitments.iter().position(|x| x.label == c.label) else { continue };
        if let (Some(b), Some(a)) = (standing(&before.results[k]), standing(&after.results[m]))
            && a > b
        {
            out.push(c.label.clone());
        }
    }
    out
}

/// The status `check` gives commitment `item` in `text` (the same walk, without conflict sets
/// and repairs, which change no status).
fn status_after(text: &str, item: &str) -> Status {
    let (_, p) = problem_of(text);
    let s = haalbaar::unstable::solve::rank::statuses(&p, haalbaar::DEFAULT_BUDGET);
    let k = p.commitments.iter().position(|x| x.label == item).unwrap();
    s.results[k].status
}

/// The repairs are found on a second thread as the walk goes, where threads exist; in
/// WebAssembly after it on the same thread. Both must give the same answer, byte for byte.
#[test]
fn repairs_on_a_second_thread_change_nothing() {
    let mut plans: Vec<String> = HARD.iter().take(8).map(|&seed| haalbaar_benches::medium(seed, 1.1)).collect();
    plans.push(haalbaar_benches::medium(884, 1.1));
    for seed in [3, 7] {
        let shape = haalbaar_benches::Shape { items: 1_000, seed, tightness: 1.0, trains: 1 };
        plans.push(haalbaar_benches::generate_with(shape));
    }
    let mut repaired = 0;
    for text in &plans {
        let file = haalbaar_grammar::parse(text);
        let (lowered, _) = haalbaar::unstable::lower::lower(&file);
        let cal = lowered.calendar.unwrap();
        let cap = haalbaar::capacity::capacity(&lowered.plan, &cal);
        let p = haalbaar::unstable::solve::problem::Problem::new(&lowered.plan, &cal, &cap).unwrap();
        let budget = haalbaar::DEFAULT_BUDGET;
        let two = haalbaar::unstable::solve::rank::solve(&p, budget);
        let one = haalbaar::unstable::solve::rank::solve_on_one_thread(&p, budget);
        assert_eq!(format!("{two:?}"), format!("{one:?}"));
        repaired += two.results.iter().filter(|r| !r.repairs.is_empty()).count();
    }
    assert!(repaired >= 20, "only {repaired} commitments got repairs: the comparison shows little");
}

/// With every effort a single figure and no vacancies, every run of the forecast is the check:
/// a met commitment has 100%, any other 0%, and the median finish is the check's finish.
#[test]
fn the_forecast_is_the_check_when_nothing_varies() {
    let (mut met, mut other, mut late) = (0usize, 0usize, 0usize);
    for seed in 1..=300u64 {
        let tightness = [0.7, 0.9, 1.1, 1.3][(seed % 4) as usize];
        let text = haalbaar_benches::medium(seed, tightness);
        let c = haalbaar::check(&text);
        let f = c.feasibility.clone().unwrap();
        let options = haalbaar::forecast::ForecastOptions::new(3, seed);
        let fc = haalbaar::forecast::forecast(&c.plan, c.calendar.as_ref().unwrap(), options, &mut |_, _| {}).unwrap();
        assert_eq!(fc.commitments.len(), f.commitments.len());
        for (a, b) in f.commitments.iter().zip(&fc.commitments) {
            assert_eq!(a.item, b.item, "seed {seed}: the same rank order");
            let want = if a.status == Status::Met { 1.0 } else { 0.0 };
            assert_eq!(b.probability, want, "seed {seed}: `{}` is {:?} in check", a.item, a.status);
            assert_eq!(b.p50, a.finish, "seed {seed}: `{}` finishes where check says", a.item);
            if a.status == Status::Met {
                met += 1;
            } else {
                other += 1;
                late += usize::from(a.finish.is_some());
            }
        }
    }
    println!("forecast = check: {met} met at 100%, {other} others at 0% ({late} of them late with the same finish)");
    assert!(met > 1000 && other > 300 && late > 100);
}

/// The generated 10,000-item plan with errors in 11 items: every commitment the errors do not
/// touch gets its status, exactly as in the plan without the items left out.
#[test]
fn item_errors_leave_every_other_commitment_decided() {
    let mut text = haalbaar_benches::generate(10_000, 7);
    for k in (0..11).map(|n| 37 + n * 900) {
        let at = text.find(&format!("item i{k} \"")).unwrap();
        let effort = at + text[at..].find("  effort ").unwrap();
        let end = effort + text[effort..].find('\n').unwrap();
        text.replace_range(effort..end, "  effort 0");
    }
    let c = haalbaar::check(&text);
    assert_eq!(c.diagnostics.iter().filter(|d| d.code == haalbaar::Code::E0401).count(), 11);
    let f = c.feasibility.as_ref().expect("the items without errors are checked");
    assert_eq!(f.verdict, PlanVerdict::Invalid);
    let left: Vec<String> = c
        .diagnostics
        .iter()
        .filter(|d| d.code == haalbaar::Code::I0601)
        .map(|d| d.message.split('`').nth(1).unwrap().to_string())
        .collect();
    assert!(left.len() >= 11 && left.len() < 2_000, "{} left out", left.len());
    // The reference: the same text without the blocks of the items left out.
    let file = haalbaar_grammar::parse(&text);
    let mut reduced = text.clone();
    let mut spans: Vec<_> = file
        .blocks
        .iter()
        .filter(|b| b.kind == haalbaar_grammar::BlockKind::Item)
        .filter(|b| b.id.as_ref().is_some_and(|id| left.contains(&id.value)))
        .map(|b| b.span)
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.start));
    for s in spans {
        reduced.replace_range(s.start..s.end, "");
    }
    let r = haalbaar::check(&reduced);
    let rf = r.feasibility.as_ref().unwrap();
    let answers = |f: &haalbaar::report::feasibility::Feasibility| {
        f.commitments.iter().map(|x| (x.item.clone(), x.status, x.finish.clone())).collect::<Vec<_>>()
    };
    assert_eq!(answers(f), answers(rf));
    let decided = f.commitments.iter().filter(|x| x.status != Status::Unknown).count();
    println!(
        "10,000 items, 11 with errors: {} left out, {} commitments checked ({decided} decided), as without them",
        left.len(),
        f.commitments.len()
    );
    assert!(f.commitments.len() > 4_000);
}
