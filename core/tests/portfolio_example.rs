//! `examples/portfolio-2026.plan`, the planner's case: a hard, legal commitment that cannot be
//! met is kept late at its earliest finish, the commitment below it on the same team is then
//! in conflict with it, every commitment is decided (also after any one of its repairs), and
//! check and forecast agree.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use haalbaar::Status;
use haalbaar::report::feasibility::Feasibility;

fn text() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/portfolio-2026.plan")).unwrap()
}

fn checked(text: &str) -> (haalbaar::Checked, Feasibility) {
    let c = haalbaar::check(text);
    let f = c.feasibility.clone().unwrap_or_else(|| panic!("{:#?}", c.diagnostics));
    haalbaar::report::verify::verify(&c.plan, c.calendar.as_ref().unwrap(), c.capacity.as_ref().unwrap(), &f)
        .unwrap_or_else(|e| panic!("{e:#?}"));
    (c, f)
}

#[test]
fn the_legal_commitment_is_kept_late_and_every_status_is_as_expected() {
    let (_, f) = checked(&text());
    let got: Vec<(&str, Status, Option<&str>)> =
        f.commitments.iter().map(|c| (c.item.as_str(), c.status, c.finish.as_deref())).collect();
    let not_met: Vec<_> = got.iter().filter(|(_, s, _)| *s != Status::Met).cloned().collect();
    assert_eq!(
        not_met,
        [
            ("mach-migratie", Status::Infeasible, Some("PI4.2")),
            ("wallet-hoog", Status::Conflict, Some("PI5.1")),
            ("platform-backup", Status::Conflict, Some("PI5.2")),
            ("platform-migratie", Status::Conflict, Some("PI7.3")),
        ]
    );
    assert_eq!(got.len(), 26);
    let mach = &f.commitments[0];
    assert!(mach.hard && mach.finish_exact && !mach.dropped);
    // Kept late, and never moved by a repair: it is hard.
    assert!(mach.late.as_deref().unwrap().contains("PI4.2 at the earliest"));
    assert!(!mach.repairs.is_empty());
    assert!(mach.repairs.iter().all(|r| !matches!(
        r,
        haalbaar::report::feasibility::RepairReport::Deadline { .. }
            | haalbaar::report::feasibility::RepairReport::Defer { .. }
    )));
    // `wallet-hoog` competes with the late legal commitment above it.
    let wallet = f.commitments.iter().find(|c| c.item == "wallet-hoog").unwrap();
    assert_eq!(wallet.conflicts_with, ["mach-migratie"]);
    // The schedule finishes `mach-migratie` at its late finish.
    let s = f.schedule.iter().find(|s| s.item == "mach-migratie").unwrap();
    assert_eq!(s.finish.as_deref(), Some("PI4.2"));
}

#[test]
fn every_commitment_is_decided_also_after_any_one_repair() {
    let text = text();
    let (_, f) = checked(&text);
    let mut applied = 0;
    for c in f.commitments.iter().filter(|c| c.status != Status::Met) {
        assert!(!c.repairs.is_empty(), "`{}` has no repair", c.item);
        for r in &c.repairs {
            let (_, after) = checked(&haalbaar::report::edits::apply(&text, r.edits()));
            assert!(after.commitments.iter().all(|x| x.status != Status::Unknown), "after {r:?}");
            assert_eq!(after.commitments.iter().find(|x| x.item == c.item).unwrap().status, Status::Met, "{r:?}");
            applied += 1;
        }
    }
    assert!(applied >= 8, "{applied}");
}

#[test]
fn check_and_forecast_agree() {
    let text = text();
    let (c, f) = checked(&text);
    let cal = c.calendar.as_ref().unwrap();
    // With its ranges: every met commitment has a chance above 0%.
    let options = haalbaar::forecast::ForecastOptions::new(200, 11);
    let fc = haalbaar::forecast::forecast(&c.plan, cal, options, &mut |_, _| {}).unwrap();
    for (a, b) in f.commitments.iter().zip(&fc.commitments) {
        assert_eq!(a.item, b.item);
        if a.status == Status::Met {
            assert!(b.probability > 0.0, "`{}` is met but has 0%", a.item);
        }
    }
    // At the likely values (every effort its likely figure): the forecast is the check.
    let mut likely = c.plan.clone();
    for item in &mut likely.items {
        if let Some(e) = &mut item.effort {
            e.value = haalbaar::model::Effort::exact(e.value.likely());
        }
    }
    let options = haalbaar::forecast::ForecastOptions::new(5, 1);
    let fc = haalbaar::forecast::forecast(&likely, cal, options, &mut |_, _| {}).unwrap();
    for (a, b) in f.commitments.iter().zip(&fc.commitments) {
        assert_eq!(b.probability, if a.status == Status::Met { 1.0 } else { 0.0 }, "`{}`", a.item);
        assert_eq!(b.p50, a.finish, "`{}`", a.item);
    }
}
