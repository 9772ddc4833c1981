//! Generated portfolios at scale: the check of a 10,000-item plan gives the same JSON report
//! byte for byte on every run (hashed, two runs on fresh threads), its evidence passes
//! `verify`, and the generator's tightness knob gives both outcomes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hash::{Hash, Hasher};

fn report_hash(text: &str) -> (u64, usize) {
    let report = haalbaar::api::check("portfolio-10000.plan", text, &haalbaar::Options::default());
    let json = serde_json::to_string(&report).unwrap();
    // SipHash with fixed keys: the same bytes give the same hash in every process.
    let mut h = std::hash::DefaultHasher::new();
    json.hash(&mut h);
    (h.finish(), json.len())
}

#[test]
fn the_10000_item_report_is_deterministic() {
    let text = haalbaar_benches::generate(10_000, 7);
    let runs: Vec<(u64, usize)> = (0..2)
        .map(|_| {
            let text = text.clone();
            std::thread::spawn(move || report_hash(&text)).join().unwrap()
        })
        .collect();
    println!("10,000 items: report of {} bytes, hash {:016x}", runs[0].1, runs[0].0);
    assert_eq!(runs[0], runs[1]);
    // And its evidence holds against the model.
    let c = haalbaar::check(&text);
    let f = c.feasibility.as_ref().unwrap();
    haalbaar::report::verify::verify(&c.plan, c.calendar.as_ref().unwrap(), c.capacity.as_ref().unwrap(), f).unwrap();
}

#[test]
fn tightness_gives_both_outcomes() {
    use haalbaar::Status;
    let statuses = |tightness: f64| {
        let text =
            haalbaar_benches::generate_with(haalbaar_benches::Shape { items: 300, seed: 3, tightness, trains: 1 });
        let c = haalbaar::check(&text);
        assert!(
            !c.diagnostics.iter().any(|d| d.is_error() && !d.code.as_str().starts_with("E06")),
            "{:?}",
            c.diagnostics.iter().find(|d| d.is_error())
        );
        let f = c.feasibility.unwrap();
        let met = f.commitments.iter().filter(|c| c.status == Status::Met).count();
        (met, f.commitments.len())
    };
    let (loose_met, loose) = statuses(0.3);
    let (tight_met, tight) = statuses(1.5);
    println!("tightness 0.3: {loose_met} of {loose} met; 1.5: {tight_met} of {tight} met");
    assert!(loose_met * 10 >= loose * 8, "a loose portfolio mostly fits");
    assert!(tight_met < tight, "a tight one does not");
    assert!(tight_met * 100 < loose_met * 100 * tight / loose.max(1), "tighter, fewer met");
}
