//! The bundled examples: the valid ones check clean, and `mistakes.plan` gives exactly the
//! output recorded in `examples/mistakes/mistakes.expected` (set UPDATE_EXPECTED=1 to rewrite it).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{root, run};

#[test]
fn valid_examples_check_clean() {
    for file in ["examples/gdi-2024.plan", "examples/release-train.plan"] {
        let (status, out) = run(&["check", "--no-board", file]);
        assert_eq!(status, 0, "{out}");
        // Without the board the verdict keeps its line.
        assert!(out.starts_with(&format!("{file}: feasible, ")), "{out}");
        assert!(out.ends_with("\n0 errors, 0 warnings in 1 file\n"), "{out}");
        assert!(out.lines().next().is_some_and(|l| l.ends_with(" commitments met")), "{out}");
    }
}

#[test]
fn feasibility_output_of_each_kind() {
    for name in ["gdi-2024", "release-train", "infeasible-chain", "infeasible-capacity", "conflict"] {
        let file = format!("examples/{name}.plan");
        let (status, human) = run(&["check", &file]);
        let (json_status, json) = run(&["check", "--format", "json", &file]);
        assert_eq!(status, json_status);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let verdict = v["verdict"].as_str().unwrap();
        assert_eq!(status, if verdict == "feasible" { 0 } else { 1 }, "{name}: {verdict}");
        for c in v["commitments"].as_array().unwrap() {
            for field in ["item", "status", "deadline", "finish", "reason", "conflicts_with", "repairs"] {
                assert!(c.get(field).is_some(), "{name}: `{field}` missing");
            }
        }
        assert!(v["schedule"].is_array() && v["load"].is_array());
        // The evidence behind what the CLI shows holds against the model.
        let c = haalbaar::check(&std::fs::read_to_string(root().join(&file)).unwrap());
        let f = c.feasibility.as_ref().unwrap();
        haalbaar::report::verify::verify(&c.plan, c.calendar.as_ref().unwrap(), c.capacity.as_ref().unwrap(), f)
            .unwrap();
        insta::assert_snapshot!(format!("check-{name}-human"), human);
        insta::assert_snapshot!(format!("check-{name}-json"), json);
    }
}

#[test]
fn mistakes_example_gives_its_expected_output() {
    let (status, out) = run(&["check", "examples/mistakes/mistakes.plan"]);
    assert_eq!(status, 1);
    let expected = root().join("examples/mistakes/mistakes.expected");
    if std::env::var_os("UPDATE_EXPECTED").is_some() {
        std::fs::write(&expected, &out).unwrap();
    }
    let want = std::fs::read_to_string(&expected).unwrap();
    assert_eq!(out, want, "examples/mistakes/mistakes.expected is out of date");
}

/// The reference plan as it stands at the start of PI3, progress recorded: `check` and
/// `progress` give exactly what `examples/gdi-2024-pi3.expected` records (UPDATE_EXPECTED=1
/// rewrites it), and its evidence holds against the model.
#[test]
fn pi3_example_gives_its_expected_output() {
    let file = "examples/gdi-2024-pi3.plan";
    let (status, check) = run(&["check", file]);
    assert_eq!(status, 1, "a commitment whose deadline has passed: {check}");
    let (status, progress) = run(&["progress", file]);
    assert_eq!(status, 0, "{progress}");
    let out = format!("$ haalbaar check {file}\n{check}\n$ haalbaar progress {file}\n{progress}");
    let expected = root().join("examples/gdi-2024-pi3.expected");
    if std::env::var_os("UPDATE_EXPECTED").is_some() {
        std::fs::write(&expected, &out).unwrap();
    }
    let want = std::fs::read_to_string(&expected).unwrap();
    assert_eq!(out, want, "examples/gdi-2024-pi3.expected is out of date");
    assert!(check.contains("(as of 2024-05-27)") && check.contains("its deadline has passed"), "{check}");
    let c = haalbaar::check(&std::fs::read_to_string(root().join(file)).unwrap());
    let f = c.feasibility.as_ref().unwrap();
    haalbaar::report::verify::verify(&c.plan, c.calendar.as_ref().unwrap(), c.capacity.as_ref().unwrap(), f).unwrap();
    // The JSON of `progress` has what its schema requires.
    let (_, json) = run(&["progress", "--format", "json", file]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["as_of"], "2024-05-27");
    assert_eq!(v["commitments"].as_array().unwrap().len(), 4);
    assert!(v["teams"].as_array().unwrap().iter().all(|t| t["throughput"].is_number()));
}

#[test]
fn calendar_and_capacity_tables() {
    let (status, cal) = run(&["calendar", "examples/gdi-2024.plan"]);
    assert_eq!(status, 0);
    insta::assert_snapshot!("calendar-gdi-2024", cal);
    let (status, cap) = run(&["capacity", "examples/release-train.plan"]);
    assert_eq!(status, 0);
    insta::assert_snapshot!("capacity-release-train", cap);
    let (_, csv) = run(&["capacity", "--format", "csv", "examples/gdi-2024.plan"]);
    insta::assert_snapshot!("capacity-gdi-2024-csv", csv);
    let (_, json) = run(&["capacity", "--format", "json", "examples/gdi-2024.plan"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    // toegang, PI2.2: 12 people plus 2 hires on their ramp's first 55/56 person-days.
    let row = v["iterations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["team"] == "toegang" && r["iteration"] == "PI2.2")
        .unwrap();
    assert_eq!(row["capacity"].as_f64(), Some(68.3));
    let (status, _) = run(&["capacity", "examples/mistakes/mistakes.plan"]);
    assert_eq!(status, 1);
}

#[test]
fn forecast_output() {
    for name in ["gdi-2024", "conflict", "infeasible-capacity"] {
        let file = format!("examples/{name}.plan");
        let (status, human) = run(&["forecast", "--runs", "200", &file]);
        assert_eq!(status, 0);
        let (_, json) = run(&["forecast", "--runs", "200", "--format", "json", &file]);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!((v["runs"].as_u64(), v["seed"].as_u64()), (Some(200), Some(haalbaar::forecast::DEFAULT_SEED)));
        for c in v["commitments"].as_array().unwrap() {
            for field in ["item", "probability", "p50", "p85", "rag"] {
                assert!(c.get(field).is_some(), "{name}: `{field}` missing");
            }
        }
        insta::assert_snapshot!(format!("forecast-{name}-human"), human);
        insta::assert_snapshot!(format!("forecast-{name}-json"), json);
    }
    // A plan with errors is not forecast.
    let (status, _) = run(&["forecast", "examples/mistakes/mistakes.plan"]);
    assert_eq!(status, 1);
}

#[test]
fn the_tables_print_whatever_the_commitments_do() {
    // Infeasible and conflicting commitments: the calendar and capacity are exactly what a
    // planner needs then, so they print, exit 0.
    for name in ["infeasible-chain", "infeasible-capacity", "conflict"] {
        let file = format!("examples/{name}.plan");
        for (command, head) in [("calendar", "PI1.1"), ("capacity", "capacity in")] {
            let (status, out, err) = common::run_in(&root(), &[command, &file]);
            assert_eq!((status, err.as_str()), (0, ""), "{command} {name}");
            assert!(out.contains(head), "{command} {name}: {out}");
        }
        let (status, csv, _) = common::run_in(&root(), &["capacity", "--format", "csv", &file]);
        assert_eq!(status, 0);
        assert!(csv.lines().count() > 2, "{csv}");
    }
    // A file with errors whose calendar can still be worked out: the table and the errors.
    let (status, out, err) = common::run_in(&root(), &["capacity", "examples/mistakes/mistakes.plan"]);
    assert_eq!(status, 1);
    assert!(out.starts_with("capacity in"), "{out}");
    assert!(err.contains("error["), "{err}");
}

#[test]
fn a_file_that_cannot_be_read_is_one_message_not_a_summary_of_nothing() {
    let (status, out, err) = common::run_in(&root(), &["check", "examples/no-such.plan"]);
    assert_eq!(status, 2);
    assert_eq!(out, "");
    assert_eq!(err, "haalbaar: cannot read examples/no-such.plan: no such file\n");
    // With another file read, its summary stays and the read error follows.
    let (status, out, err) = common::run_in(&root(), &["check", "examples/gdi-2024.plan", "examples/no-such.plan"]);
    assert_eq!(status, 2);
    assert!(out.ends_with("0 errors, 0 warnings in 1 file\n"), "{out}");
    assert!(err.contains("no such file"), "{err}");
}

#[test]
fn a_misspelt_people_line_is_one_finding() {
    // `peeple 12` in a team that lends people: the unknown statement, not also "no people to
    // lend" (which the typo caused).
    let source = std::fs::read_to_string(root().join("examples/gdi-2024.plan")).unwrap();
    let typo = source.replacen("  people 12", "  peeple 12", 1);
    assert_ne!(typo, source);
    let dir = std::env::temp_dir().join(format!("haalbaar-typo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("typo.plan"), typo).unwrap();
    let (status, out, _) = common::run_in(&dir, &["check", "--no-board", "typo.plan"]);
    assert_eq!(status, 1);
    assert!(out.contains("error[E0101]: unknown statement `peeple` in a team block"), "{out}");
    assert!(out.ends_with("1 error, 0 warnings in 1 file\n"), "{out}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn many_warnings_of_one_code_say_how_to_leave_them_out() {
    let file = "examples/portfolio-2026.plan";
    let (_, out, _) = common::run_in(&root(), &["check", "--no-board", file]);
    let w0502 = out.matches("warning[W0502]").count();
    assert!(w0502 >= 5, "{out}");
    assert!(
        out.contains(&format!(
            "note: {w0502} warnings W0502 (feature larger than a PI); `--allow W0502` leaves them out"
        )),
        "{out}"
    );
    // Left out: gone from every format, the errors and the other warnings stay.
    let (status, out, _) = common::run_in(&root(), &["check", "--no-board", "--allow", "w0502", file]);
    assert_eq!(status, 1);
    assert!(!out.contains("W0502"), "{out}");
    assert!(out.contains("error[E0602]") && out.contains("warning[W0507]"), "{out}");
    assert!(out.contains(&format!("in 1 file ({w0502} left out by `--allow`)")), "{out}");
    let (_, json, _) = common::run_in(&root(), &["check", "--format", "json", "--allow", "W0502", file]);
    assert!(!json.contains("W0502") && json.contains("W0507"));
    // An error cannot be left out; an unknown code is a usage error too.
    for code in ["E0602", "X9999"] {
        let (status, _, err) = common::run_in(&root(), &["check", "--allow", code, file]);
        assert_eq!(status, 2, "{err}");
        assert!(err.contains(code), "{err}");
    }
}
