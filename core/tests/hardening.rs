//! Regression tests built from the security probe's reproducers: exact capacity where it used
//! to saturate, no recursion whose depth the input sets, byte-order marks and every kind of
//! line end, reversed ranges, bounded forecast runs and sizes, and the size limits.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use chrono::{Datelike, NaiveDate};
use haalbaar::Code;
use num_bigint::BigInt;
use num_rational::BigRational;
use proptest::prelude::*;

fn codes(text: &str) -> Vec<Code> {
    haalbaar::check(text).diagnostics.iter().map(|d| d.code).collect()
}

fn prime_ramps(hires: usize) -> String {
    let primes = [1009, 1013, 1019, 1021, 1031, 1033, 1039, 1049, 1051, 1061, 1063, 1069];
    let mut text =
        String::from("plan \"p\" {\n  start 2024-01-08\n  horizon 18 months\n}\nteam t \"T\" {\n  people 1\n");
    for p in &primes[..hires] {
        text.push_str(&format!("  hire 1 on 2024-01-08 ramp {p} days\n"));
    }
    text + "}\nitem big \"Big\" {\n  team t\n  effort 1000000\n  commit PI1\n}\n"
}

/// Capacity of a people-based team, day by day with big rationals: the reference's definition
/// read literally, sharing no code with the engine.
#[allow(clippy::too_many_arguments)]
fn exact_capacity(
    start: NaiveDate,
    iteration_days: i64,
    iterations: usize,
    ip: impl Fn(usize) -> bool,
    people: i64,
    hires: &[(i64, i64, i64)], // (count, day, ramp days)
    leaves: &[(i64, i64)],     // (count, day)
    focus_pct: i64,
    reserve_pct: i64,
    holidays: &[(i64, i64)], // days from start, inclusive
) -> Vec<i64> {
    let q = |n: i64, d: i64| BigRational::new(BigInt::from(n), BigInt::from(d));
    let net = q(focus_pct, 100) * (q(1, 1) - q(reserve_pct, 100));
    (0..iterations)
        .map(|i| {
            if ip(i) {
                return 0;
            }
            let mut sum = q(0, 1);
            for d in (i as i64 * iteration_days)..((i as i64 + 1) * iteration_days) {
                let date = start + chrono::Duration::days(d);
                if date.weekday().num_days_from_monday() >= 5 || holidays.iter().any(|(a, b)| *a <= d && d <= *b) {
                    continue;
                }
                let mut h = q(people, 1);
                for &(c, day, ramp) in hires {
                    if d >= day {
                        h += if ramp == 0 || d - day >= ramp { q(c, 1) } else { q(c * (d - day), ramp) };
                    }
                }
                for &(c, day) in leaves {
                    if d >= day {
                        h -= q(c, 1);
                    }
                }
                if h > q(0, 1) {
                    sum += h;
                }
            }
            // Thousandths, half away from zero.
            let v = sum * net.clone() * q(1000, 1);
            i64::try_from(v.round().to_integer()).unwrap()
        })
        .collect()
}

#[test]
fn twelve_prime_ramps_stay_exact_and_the_huge_item_is_infeasible() {
    for hires in [11, 12] {
        let checked = haalbaar::check(&prime_ramps(hires));
        let table = checked.capacity.as_ref().expect("capacity");
        let start = NaiveDate::from_ymd_opt(2024, 1, 8).unwrap();
        let cal = checked.calendar.as_ref().unwrap();
        let ramps: Vec<(i64, i64, i64)> = [1009, 1013, 1019, 1021, 1031, 1033, 1039, 1049, 1051, 1061, 1063, 1069]
            [..hires]
            .iter()
            .map(|&p| (1, 0, p))
            .collect();
        let expected = exact_capacity(start, 14, cal.len(), |i| cal.iterations[i].ip, 1, &ramps, &[], 100, 0, &[]);
        let got: Vec<i64> = table.teams[0].iterations.iter().map(|c| c.capacity.millis()).collect();
        assert_eq!(got, expected, "{hires} hires");
        assert!(got.iter().all(|&m| m < 200_000), "about 10 to 16 person-days an iteration: {got:?}");
        assert!(codes(&prime_ramps(hires)).contains(&Code::E0601), "{hires} hires: the item cannot fit");
        assert_eq!(checked.verdict(), haalbaar::report::feasibility::PlanVerdict::Infeasible);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Capacity equals the day-by-day exact sum for random teams: hires with ramps (often
    /// coprime), leavers, holidays, focus and reserve.
    #[test]
    fn capacity_equals_the_day_by_day_exact_sum(
        people in 0i64..30,
        hires in prop::collection::vec((1i64..4, -30i64..300, prop_oneof![Just(0i64), 1i64..400]), 0..8),
        leaves in prop::collection::vec((1i64..3, 0i64..300), 0..3),
        holidays in prop::collection::vec((0i64..300, 0i64..20), 0..3),
        focus in 1i64..=100,
        reserve in 0i64..100,
    ) {
        let start = NaiveDate::from_ymd_opt(2024, 1, 8).unwrap();
        let date = |d: i64| start + chrono::Duration::days(d);
        let mut text = format!("plan \"p\" {{\n  start {start}\n  horizon 10 months\n");
        for (a, len) in &holidays {
            text.push_str(&format!("  holiday \"h\" {} .. {}\n", date(*a), date(a + len)));
        }
        text.push_str(&format!("}}\nteam t \"T\" {{\n  people {people}\n  focus {focus}%\n  reserve {reserve}%\n"));
        for (c, d, r) in &hires {
            text.push_str(&format!("  hire {c} on {} ramp {r} days\n", date(*d)));
        }
        for (c, d) in &leaves {
            text.push_str(&format!("  leave {c} on {}\n", date(*d)));
        }
        text.push_str("}\n");
        let checked = haalbaar::check(&text);
        // Leavers beyond the headcount are an error of their own; capacity is still computed.
        let Some(table) = checked.capacity.as_ref() else { return Ok(()) };
        let cal = checked.calendar.as_ref().unwrap();
        let holidays: Vec<(i64, i64)> = holidays.iter().map(|(a, len)| (*a, a + len)).collect();
        let expected = exact_capacity(start, 14, cal.len(), |i| cal.iterations[i].ip, people, &hires, &leaves, focus, reserve, &holidays);
        let got: Vec<i64> = table.teams[0].iterations.iter().map(|c| c.capacity.millis()).collect();
        prop_assert_eq!(got, expected, "{}", text);
    }
}

fn chain(n: usize, cycle: bool) -> String {
    let mut text =
        String::from("plan \"c\" {\n  start 2024-01-08\n  horizon 18 months\n}\nteam t \"T\" {\n  people 10\n}\n");
    for i in 0..n {
        let next = if i + 1 < n {
            Some(i + 1)
        } else if cycle {
            Some(0)
        } else {
            None
        };
        let after = next.map(|k| format!("  after i{k}\n")).unwrap_or_default();
        text.push_str(&format!("item i{i} \"I\" {{\n  team t\n  effort 1\n{after}}}\n"));
    }
    text
}

/// A chain of 100,000 items declared in reverse order, and a 100,000-item cycle, on a thread
/// with a small stack: no recursion follows the chain (this overflowed the stack before).
#[test]
fn deep_chains_and_cycles_need_no_stack() {
    let run = |text: String| {
        std::thread::Builder::new()
            .stack_size(1 << 20)
            .spawn(move || {
                let checked = haalbaar::check(&text);
                let forecast = checked.calendar.as_ref().filter(|_| !checked.has_errors()).map(|cal| {
                    haalbaar::forecast::forecast(
                        &checked.plan,
                        cal,
                        haalbaar::forecast::ForecastOptions::new(2, 1),
                        &mut |_, _| {},
                    )
                });
                (checked.diagnostics.iter().map(|d| d.code).collect::<Vec<_>>(), forecast.is_some())
            })
            .unwrap()
            .join()
            .expect("no stack overflow")
    };
    let (reverse, forecast) = run(chain(100_000, false));
    assert!(!reverse.iter().any(|c| c.as_str().starts_with('E')), "{reverse:?}");
    assert!(forecast);
    let (cycle, _) = run(chain(100_000, true));
    assert_eq!(cycle.iter().filter(|c| **c == Code::E0205).count(), 1);
}

#[test]
fn a_byte_order_mark_is_skipped_and_every_line_end_counts() {
    let mistakes = include_str!("../../examples/mistakes/mistakes.plan");
    let lines = |text: &str| -> Vec<(String, usize, usize)> {
        let checked = haalbaar::check(text);
        haalbaar::report::records("m.plan", text, &checked.diagnostics)
            .into_iter()
            .map(|r| (r.code.as_str().to_string(), r.line, r.column))
            .collect()
    };
    let lf = lines(mistakes);
    assert!(lf.iter().any(|(_, line, _)| *line > 10));
    assert_eq!(lines(&mistakes.replace('\n', "\r\n")), lf, "CRLF");
    assert_eq!(lines(&mistakes.replace('\n', "\r")), lf, "lone CR");
    assert_eq!(lines(&format!("\u{feff}{mistakes}")), lf, "byte-order mark");
    let reference = include_str!("../../examples/gdi-2024.plan");
    assert_eq!(codes(&format!("\u{feff}{reference}")), codes(reference));
}

#[test]
fn reversed_ranges_and_a_zero_job_size_are_errors_at_their_line() {
    let text = "plan \"x\" {\n  start 2024-01-08\n  horizon 18 months\n}\nteam a \"A\" {\n  people 3\n  lend 1 to b PI3..PI1\n}\nteam b \"B\" {\n  people 2\n}\nitem x \"X\" {\n  team a\n  effort 5\n  in PI3..PI1\n  wsjf value 1 size 0\n}\n";
    let checked = haalbaar::check(text);
    let records = haalbaar::report::records("x.plan", text, &checked.diagnostics);
    let at: Vec<(&str, usize)> = records.iter().map(|r| (r.code.as_str(), r.line)).collect();
    assert_eq!(at, vec![("E0402", 7), ("E0402", 15), ("E0407", 16)]);
}

#[test]
fn forecast_runs_are_bounded() {
    let checked = haalbaar::check(include_str!("../../examples/gdi-2024.plan"));
    let cal = checked.calendar.as_ref().unwrap();
    let f = |runs| {
        haalbaar::forecast::forecast(
            &checked.plan,
            cal,
            haalbaar::forecast::ForecastOptions::new(runs, 1),
            &mut |_, _| {},
        )
        .unwrap()
        .runs
    };
    assert_eq!(f(0), 1);
    assert_eq!(haalbaar::forecast::MAX_RUNS, 1_000_000);
}

#[test]
fn built_plans_with_huge_figures_are_errors_not_wrapped_numbers() {
    use haalbaar::model::Effort;
    let e = Effort::range(haalbaar::Fixed::from_millis(i64::MAX - 1), None, haalbaar::Fixed::from_millis(i64::MAX));
    assert_eq!(e.likely(), haalbaar::Fixed::from_millis(i64::MAX - 1));
    let mut text = String::from(include_str!("../../examples/gdi-2024.plan"));
    text = text.replacen("effort 120", "effort 1000000001", 1);
    assert!(codes(&text).contains(&Code::E0112));
}

#[test]
fn too_many_team_iterations_is_one_clear_error() {
    let mut text = String::from(
        "plan \"f\" {\n  start 2024-01-08\n  horizon 1000 weeks\n  increment 5 weeks\n  iteration 1 weeks\n  innovation 0 iterations\n}\n",
    );
    for i in 0..201 {
        text.push_str(&format!("team t{i} \"T\" {{\n  people 5\n}}\n"));
    }
    let checked = haalbaar::check(&text);
    assert_eq!(codes(&text), vec![Code::E0411]);
    assert!(checked.capacity.is_none());
    let records = haalbaar::report::records("f.plan", &text, &checked.diagnostics);
    assert!(records[0].line > 7, "points at a team: {:?}", records[0]);
}

/// A long committed chain: the links that fit are met, every later one is infeasible with a
/// chain no longer than the horizon has iterations, and the verifier (which shares no code
/// with the solver) accepts every argument.
#[test]
fn a_long_committed_chain_is_decided_with_short_checkable_chains() {
    let mut text =
        String::from("plan \"c\" {\n  start 2024-01-08\n  horizon 18 months\n}\nteam t \"T\" {\n  people 1000\n}\n");
    for i in 0..600 {
        let after = if i > 0 { format!("  after i{}\n", i - 1) } else { String::new() };
        text.push_str(&format!("item i{i} \"I\" {{\n  team t\n  effort 1\n{after}  commit PI7\n}}\n"));
    }
    let checked = haalbaar::check(&text);
    let f = checked.feasibility.as_ref().expect("solved");
    haalbaar::report::verify::verify(
        &checked.plan,
        checked.calendar.as_ref().unwrap(),
        checked.capacity.as_ref().unwrap(),
        f,
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    let iterations = checked.calendar.as_ref().unwrap().len();
    let met = f.commitments.iter().filter(|c| c.status == haalbaar::Status::Met).count();
    assert!((20..40).contains(&met), "{met} met");
    for c in f.commitments.iter().skip(met + 8) {
        assert_eq!(c.status, haalbaar::Status::Infeasible, "{}", c.item);
        let json = serde_json::to_value(&c.reason).unwrap();
        let links = json["chain"].as_array().map_or(0, Vec::len);
        assert!(links > 0 && links <= iterations + 1, "{}: {links} links", c.item);
    }
}

/// A load of 0% (or nearly) plans nothing: the check ends with the commitment not met and no
/// capacity repair (none could help at 0%); at a tiny load the repair is exact, not a count
/// up from one day.
#[test]
fn a_load_of_zero_or_nearly_ends_with_an_answer() {
    for load in ["0%", "0.001%", "0.5%", "5%"] {
        let text = format!(
            "plan {{\n  start 2025-01-06\n  horizon 6 months\n  load {load}\n}}\nteam api {{\n  people 4\n}}\nitem a {{\n  team api\n  effort 10\n  commit PI1\n}}\n"
        );
        let c = haalbaar::check(&text);
        let f = c.feasibility.as_ref().expect("decided");
        assert_eq!(f.commitments[0].status, haalbaar::Status::Infeasible, "{load}");
        if load == "5%" {
            // A repair is offered (it is verified like any).
            assert!(!f.commitments[0].repairs.is_empty(), "{load}");
        }
    }
}
