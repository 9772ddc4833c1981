//! `Options` and `ForecastOptions`: one thread gives the same answer as several; a raised
//! cancel flag stops a check or forecast and says so, and never leaves half an answer.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use haalbaar::forecast::{ForecastOptions, forecast};
use haalbaar::{Cancel, Options, Threads};

fn report(text: &str, options: &Options) -> String {
    let c = haalbaar::check_with(text, options);
    serde_json::to_string(&(c.feasibility, c.diagnostics, c.cancelled)).unwrap()
}

#[test]
fn one_thread_gives_the_same_answer() {
    for seed in [3, 7] {
        let text = haalbaar_benches::medium(seed, 1.1);
        let auto = report(&text, &Options::default());
        assert_eq!(report(&text, &Options::default().threads(Threads::One)), auto, "seed {seed}");
        let c = haalbaar::check(&text);
        let (plan, cal) = (&c.plan, c.calendar.as_ref().unwrap());
        let f = |o: ForecastOptions| serde_json::to_string(&forecast(plan, cal, o, &mut |_, _| {})).unwrap();
        assert_eq!(f(ForecastOptions::new(130, 1).threads(Threads::One)), f(ForecastOptions::new(130, 1)));
    }
}

#[test]
fn a_raised_flag_stops_before_deciding() {
    let text = haalbaar_benches::generate(300, 7);
    let cancel = Cancel::new();
    cancel.cancel();
    let c = haalbaar::check_with(&text, &Options::default().cancel(cancel.clone()));
    assert!(c.cancelled);
    assert!(c.feasibility.is_none());
    assert!(!c.diagnostics.iter().any(|d| d.code.as_str().starts_with("E06")));
    // What does not need the solver is still there.
    assert!(c.capacity.is_some());
    let full = haalbaar::check(&text);
    let (plan, cal) = (&full.plan, full.calendar.as_ref().unwrap());
    assert!(forecast(plan, cal, ForecastOptions::new(100, 1).cancel(cancel), &mut |_, _| {}).is_none());
    assert!(!full.cancelled);
}

#[test]
fn a_flag_raised_during_a_check_leaves_a_whole_answer_or_none() {
    let text = haalbaar_benches::generate(1000, 7);
    let whole = report(&text, &Options::default());
    for wait_ms in [0, 5, 20, 80, 400] {
        let cancel = Cancel::new();
        let options = Options::default().cancel(cancel.clone());
        let c = std::thread::scope(|s| {
            s.spawn(|| {
                std::thread::sleep(std::time::Duration::from_millis(wait_ms));
                cancel.cancel();
            });
            haalbaar::check_with(&text, &options)
        });
        if c.cancelled {
            assert!(c.feasibility.is_none(), "{wait_ms} ms");
            assert!(!c.diagnostics.iter().any(|d| d.code.as_str().starts_with("E06")), "{wait_ms} ms");
        } else {
            // Finished before the flag: the same answer as without one.
            assert_eq!(serde_json::to_string(&(c.feasibility, c.diagnostics, false)).unwrap(), whole);
        }
    }
}
