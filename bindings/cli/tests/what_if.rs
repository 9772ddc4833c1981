//! `--assume vacancies-filled`, `--assume no-loans` and `--load P%` on `check`: the plan is
//! decided as if written so, the output says what was assumed, and a load out of range is a
//! usage error.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::run_in;

const PLAN: &str = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\n\nteam api {\n  people 2\n  vacancy 2 on 2025-01-06 chance 50%\n}\n\nteam web {\n  people 4\n  lend 3 to api PI1\n}\n\nitem a {\n  team api\n  effort 250\n  commit PI1\n}\n\nitem b {\n  team web\n  effort 80\n  commit PI1\n}\n";

fn dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("haalbaar-what-if-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    std::fs::write(d.join("p.plan"), PLAN).unwrap();
    d
}

fn statuses(d: &std::path::Path, args: &[&str]) -> (Vec<String>, serde_json::Value) {
    let mut all = vec!["check", "--format", "json", "p.plan"];
    all.extend(args);
    let (_, out, err) = run_in(d, &all);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"));
    let s = v["commitments"].as_array().unwrap().iter().map(|c| c["status"].as_str().unwrap().to_string()).collect();
    (s, v)
}

#[test]
fn assumptions_change_the_answer_as_the_edit_would() {
    let d = dir("answers");
    // As written: `a` gets 2 people and 3 lent (200 days in PI1 for 250), `b` keeps 1 of 4.
    let (plain, v) = statuses(&d, &[]);
    assert_eq!(plain, ["infeasible", "infeasible"]);
    assert!(v.get("assumed").is_none());
    // Vacancies filled: `a` has 4 + 3 (280 days).
    let (filled, v) = statuses(&d, &["--assume", "vacancies-filled"]);
    assert_eq!(filled, ["met", "infeasible"]);
    assert_eq!(v["assumed"]["vacancies_filled"], true);
    // The same as writing the vacancy as a hire.
    let hired = PLAN.replace("  vacancy 2 on 2025-01-06 chance 50%", "  hire 2 on 2025-01-06");
    std::fs::write(d.join("hired.plan"), hired).unwrap();
    let (_, out, _) = run_in(&d, &["check", "--format", "json", "hired.plan"]);
    let by_hand: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(by_hand["commitments"], v["commitments"]);
    // No loans: `b` keeps its 4 people.
    let (no_loans, _) = statuses(&d, &["--assume", "no-loans"]);
    assert_eq!(no_loans[1], "met");
    // A lower load takes capacity away.
    let (low, v) = statuses(&d, &["--assume", "vacancies-filled", "--load", "40%"]);
    assert_eq!(low[0], "infeasible");
    assert_eq!(v["assumed"]["load"], 40);
    // The human output says what was assumed.
    let (_, out, _) = run_in(&d, &["check", "--assume", "no-loans", "--load", "90", "p.plan"]);
    assert!(out.starts_with("assuming no loans, load 90%\n"), "{out}");
}

#[test]
fn a_load_out_of_range_is_a_usage_error() {
    let d = dir("load");
    for load in ["0%", "101%", "abc", "0.9"] {
        let (code, _, err) = run_in(&d, &["check", "--load", load, "p.plan"]);
        assert_eq!(code, 2, "{load}: {err}");
    }
}

#[test]
fn the_report_says_what_was_assumed() {
    let d = dir("report");
    let (code, _, err) = run_in(&d, &["report", "--runs", "0", "--assume", "no-loans", "-o", "r.html", "p.plan"]);
    assert_eq!(code, 0, "{err}");
    let html = std::fs::read_to_string(d.join("r.html")).unwrap();
    assert!(html.contains("<strong class=\"assumed\">assuming no loans</strong>"), "no assumption in the report");
}
