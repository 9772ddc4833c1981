//! Feasibility on the examples: the verdicts, the evidence (always re-checked by `verify`),
//! and the repairs (each applied to the plan, which is checked again).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use haalbaar::Status;
use haalbaar::report::feasibility::{Feasibility, PlanVerdict, Reason, RepairReport};

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{}/../examples/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// Checks `text`, verifies its evidence, and returns the report.
fn checked(text: &str) -> (haalbaar::Checked, Feasibility) {
    let c = haalbaar::check(text);
    let f = c.feasibility.clone().expect("a plan without errors gets a feasibility report");
    haalbaar::report::verify::verify(&c.plan, c.calendar.as_ref().unwrap(), c.capacity.as_ref().unwrap(), &f)
        .unwrap_or_else(|e| panic!("verify: {e:#?}"));
    (c, f)
}

fn status(f: &Feasibility, item: &str) -> Status {
    f.commitments.iter().find(|c| c.item == item).unwrap().status
}

/// Applies every repair's edits to the text and checks the commitment is met; returns how
/// many were applied.
fn repairs_hold(text: &str) -> usize {
    let (_, f) = checked(text);
    let mut applied = 0;
    for r in f.commitments.iter().filter(|r| r.status != Status::Met) {
        assert!(!r.repairs.is_empty(), "`{}` has no repair", r.item);
        for repair in &r.repairs {
            if let RepairReport::Defer { commitment, .. } = repair {
                assert!(!f.commitments.iter().find(|x| &x.item == commitment).unwrap().hard, "a hard one moved");
            }
            assert!(!repair.edits().is_empty(), "{repair:?} has no edits");
            let fixed = haalbaar::report::edits::apply(text, repair.edits());
            let (_, after) = checked(&fixed);
            assert_eq!(status(&after, &r.item), Status::Met, "repair {repair:?} of `{}`", r.item);
            applied += 1;
        }
    }
    applied
}

#[test]
fn the_reference_plan_is_feasible_with_its_schedule() {
    let (_, f) = checked(&read("gdi-2024.plan"));
    assert_eq!(f.verdict, PlanVerdict::Feasible);
    let order: Vec<(&str, String)> = f.commitments.iter().map(|c| (c.item.as_str(), c.kind.to_string())).collect();
    // hard first, then file order (no priorities or WSJF among the rest)
    assert_eq!(order, [("eherkenning", "item".to_string()), ("stelsel", "epic".into()), ("fbs-core", "item".into())]);
    assert!(f.commitments.iter().all(|c| c.status == Status::Met && c.reason.is_none()));
    let eh = f.schedule.iter().find(|s| s.item == "eherkenning").unwrap();
    // fbs-core ends in PI2.4; one iteration of lag, and PI2.5 is IP: PI3.1.
    assert_eq!(eh.start.as_deref(), Some("PI3.1"));
    let digid = f.schedule.iter().find(|s| s.item == "digid-api").unwrap();
    // max 3 people: 3 × 10 days × 70% = 21 per iteration.
    assert!(digid.work.iter().all(|w| w.amount <= haalbaar::Fixed::from_int(21)));
}

#[test]
fn a_chain_too_long() {
    let text = read("infeasible-chain.plan");
    let (_, f) = checked(&text);
    assert_eq!(f.verdict, PlanVerdict::Infeasible);
    let c = &f.commitments[0];
    assert_eq!(c.status, Status::Infeasible);
    let Some(Reason::Chain { chain, limit, .. }) = &c.reason else { panic!("{:?}", c.reason) };
    let items: Vec<&str> = chain.iter().map(|s| s.item.as_str()).collect();
    assert_eq!(items, ["schema", "api", "portaal"]);
    assert_eq!(limit, "PI2.5");
    assert_eq!(chain[2].earliest_finish.as_deref(), Some("PI3.1"));
    assert!(repairs_hold(&text) >= 2);
}

#[test]
fn a_capacity_window_too_small() {
    let text = read("infeasible-capacity.plan");
    let (_, f) = checked(&text);
    let c = &f.commitments[0];
    assert_eq!(c.status, Status::Infeasible);
    let Some(Reason::Capacity { team, required, capacity, shortfall, .. }) = &c.reason else { panic!() };
    // 5 people × 10 days × 70% × 80% × load 85% = 23.8 per iteration; 8 planned iterations.
    assert_eq!((team.as_str(), required.to_string(), capacity.to_string()), ("toegang", "275".into(), "190.4".into()));
    assert_eq!(shortfall.to_string(), "84.6");
    assert!(
        c.repairs.iter().any(|r| matches!(r, RepairReport::Capacity { amount, .. } if amount.to_string() == "100"))
    );
    assert!(repairs_hold(&text) >= 2);
}

#[test]
fn a_conflict_names_what_it_competes_with() {
    let text = read("conflict.plan");
    let (_, f) = checked(&text);
    assert_eq!(f.verdict, PlanVerdict::Infeasible);
    assert_eq!(status(&f, "berichtenbox"), Status::Met);
    assert_eq!(status(&f, "notificaties"), Status::Met);
    assert_eq!(status(&f, "statistiek"), Status::Met);
    let k = f.commitments.iter().find(|c| c.item == "koppeling").unwrap();
    assert_eq!(k.status, Status::Conflict);
    assert_eq!(k.conflicts_with, ["berichtenbox", "notificaties"]);
    // Never a repair that moves the hard commitment.
    assert!(
        !k.repairs.iter().any(|r| matches!(r, RepairReport::Defer { commitment, .. } if commitment == "berichtenbox"))
    );
    assert!(
        k.repairs.iter().any(|r| matches!(r, RepairReport::Defer { commitment, .. } if commitment == "notificaties"))
    );
    assert!(repairs_hold(&text) >= 2);
}

#[test]
fn the_same_plan_gives_the_same_report() {
    for name in ["gdi-2024.plan", "conflict.plan", "infeasible-chain.plan"] {
        let a = serde_json::to_string(&checked(&read(name)).1).unwrap();
        let b = serde_json::to_string(&checked(&read(name)).1).unwrap();
        assert_eq!(a, b);
    }
}

#[test]
fn a_hard_commitment_is_never_moved() {
    // Two hard commitments of one team that do not both fit: the second is in conflict, and
    // no repair moves it or the other.
    let text = "plan \"p\" {\n  start 2025-01-06\n  horizon 12 months\n}\nteam api {\n  people 5\n  focus 80%\n}\n\
                item a {\n  team api\n  effort 100\n  commit PI1 hard\n}\n\
                item b {\n  team api\n  effort 100\n  commit PI1 hard\n}\n";
    let (_, f) = checked(text);
    let b = f.commitments.iter().find(|c| c.item == "b").unwrap();
    assert_eq!(b.status, Status::Conflict);
    assert!(
        b.repairs.iter().all(|r| match r {
            RepairReport::Capacity { .. } | RepairReport::PiCapacity { .. } => true,
            RepairReport::Scope { item, .. } => item == "b",
            _ => false,
        }),
        "{:?}",
        b.repairs
    );
    assert!(!b.repairs.is_empty());
}

#[test]
fn the_points_example_is_feasible_and_verified() {
    let (_, f) = checked(&read("release-train.plan"));
    assert_eq!(f.verdict, PlanVerdict::Feasible);
    // The uncommitted `verlenging` (priority 1, target PI4) lands in the schedule.
    let v = f.schedule.iter().find(|s| s.item == "verlenging").unwrap();
    assert!(!v.committed && v.finish.is_some());
}

#[test]
fn a_capacity_repair_over_a_pi_spreads_like_the_plan_does() {
    // PI2.2 has an override of its own and PI2.5 is the IP iteration: `capacity PI2 +N`
    // spreads N over PI2.1, PI2.3 and PI2.4 only.
    let text = read("infeasible-capacity.plan")
        .replace("  reserve 20% \"beheer\"\n", "  reserve 20% \"beheer\"\n  capacity PI2.2 20\n");
    let (c, f) = checked(&text);
    let digid = f.commitments.iter().find(|x| x.item == "digid-v5").unwrap();
    assert_eq!(digid.status, Status::Infeasible);
    let Some((pi, amount, people)) = digid.repairs.iter().find_map(|r| match r {
        RepairReport::PiCapacity { pi, amount, people, .. } => Some((pi.clone(), *amount, *people)),
        _ => None,
    }) else {
        panic!("no repair over a PI: {:?}", digid.repairs)
    };
    assert!(people.is_some());
    let repaired = haalbaar::check(&haalbaar::report::edits::apply(
        &text,
        &haalbaar::report::edits::edits(
            &c.plan,
            &text,
            &haalbaar::report::edits::PlanChange::PiCapacity {
                team: "toegang".into(),
                pi: pi.trim_start_matches("PI").parse().unwrap(),
                delta: amount.millis(),
            },
        ),
    ));
    let before = &c.capacity.as_ref().unwrap().teams[0].iterations;
    let after = &repaired.capacity.as_ref().unwrap().teams[0].iterations;
    let cal = c.calendar.as_ref().unwrap();
    let added: Vec<(String, String)> = (0..cal.len())
        .filter(|&t| after[t].capacity != before[t].capacity)
        .map(|t| (cal.iterations[t].label(), (after[t].capacity - before[t].capacity).to_string()))
        .collect();
    let planned: Vec<&str> = added.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(planned.len(), 3, "{added:?}");
    assert!(planned.iter().all(|l| l.starts_with(&format!("{pi}.")) && !l.ends_with(".2") && !l.ends_with(".5")));
    assert_eq!(status(&repaired.feasibility.unwrap(), "digid-v5"), Status::Met);
    assert!(repairs_hold(&text) >= 3);
}
