//! `haalbaar fix`: the repairs of one commitment listed, one shown as a unified diff, one
//! written to the file; exit codes 0, 1 and 2 as documented.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{root, run, run_in};

/// A copy of an example in a fresh directory of its own.
fn copy(example: &str, dir: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("haalbaar-fix-{dir}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    std::fs::copy(root().join("examples").join(example), d.join(example)).unwrap();
    d
}

#[test]
fn the_repairs_of_a_commitment_are_listed_as_check_gives_them() {
    let (code, out) = run(&["fix", "examples/conflict.plan", "--commitment", "koppeling"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("fix-list-conflict", out);
    // The same texts as the help lines of `check`, in the same order.
    let (_, json) = run(&["check", "--format", "json", "examples/conflict.plan"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let c = v["commitments"].as_array().unwrap().iter().find(|c| c["item"] == "koppeling").unwrap();
    for (k, r) in c["repairs"].as_array().unwrap().iter().enumerate() {
        assert!(out.contains(&format!("  {}. {}\n", k + 1, r["text"].as_str().unwrap())), "{out}");
    }
}

#[test]
fn a_repair_is_shown_as_a_diff_and_changes_nothing() {
    let before = std::fs::read_to_string(root().join("examples/conflict.plan")).unwrap();
    for n in ["1", "2", "3", "4"] {
        let (code, out) = run(&["fix", "examples/conflict.plan", "--commitment", "koppeling", "--repair", n]);
        assert_eq!(code, 0);
        insta::assert_snapshot!(format!("fix-diff-conflict-{n}"), out);
    }
    let (code, out) = run(&["fix", "examples/infeasible-chain.plan", "--commitment", "portaal", "--repair", "1"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("fix-diff-chain-1", out);
    assert_eq!(std::fs::read_to_string(root().join("examples/conflict.plan")).unwrap(), before);
}

#[test]
fn write_applies_the_repair_and_the_commitment_is_then_met() {
    for n in ["1", "2", "3", "4"] {
        let dir = copy("conflict.plan", &format!("write{n}"));
        let (code, _, err) =
            run_in(&dir, &["fix", "conflict.plan", "--commitment", "koppeling", "--repair", n, "--write"]);
        assert_eq!(code, 0, "{err}");
        let (_, json, _) = run_in(&dir, &["check", "--format", "json", "conflict.plan"]);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let c = v["commitments"].as_array().unwrap().iter().find(|c| c["item"] == "koppeling").unwrap();
        assert_eq!(c["status"], "met", "repair {n}: {c}");
        // Met now: nothing left to repair (exit 1).
        let (code, out, _) = run_in(&dir, &["fix", "conflict.plan", "--commitment", "koppeling"]);
        assert_eq!(code, 1, "{out}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn unknown_commitments_files_with_errors_and_bad_numbers_exit_2() {
    let (code, _) = run(&["fix", "examples/conflict.plan", "--commitment", "nope"]);
    assert_eq!(code, 2);
    let (code, _) = run(&["fix", "examples/mistakes/mistakes.plan", "--commitment", "x"]);
    assert_eq!(code, 2);
    let (code, _) = run(&["fix", "examples/conflict.plan", "--commitment", "koppeling", "--repair", "9"]);
    assert_eq!(code, 2);
    let (code, _) = run(&["fix", "examples/conflict.plan", "--commitment", "koppeling", "--write"]);
    assert_eq!(code, 2, "--write needs --repair");
    let (code, _) = run(&["fix", "examples/conflict.plan", "--commitment", "berichtenbox"]);
    assert_eq!(code, 1, "a met commitment has nothing to repair");
}

#[test]
fn the_sure_fixes_of_a_file_are_shown_then_written() {
    let d = std::env::temp_dir().join(format!("haalbaar-fix-typos-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    let plan = "plan \"Typo's\" {\n  start 2025-01-06\n  horizon 6 months\n}\n\nteam toegang {\n  peeple 4\n}\n\n\
                iten login {\n  team toegang\n  effort 10\n}\n\nitem logout {\n  team toegng\n  effort 5\n  after logn\n}\n";
    std::fs::write(d.join("typos.plan"), plan).unwrap();
    let (code, diff, _) = run_in(&d, &["fix", "typos.plan"]);
    assert_eq!(code, 0, "{diff}");
    for line in ["-  peeple 4", "+  people 4", "-iten login {", "+item login {", "+  team toegang"] {
        assert!(diff.lines().any(|l| l == line), "{line} in:\n{diff}");
    }
    // Shown, not written.
    assert_eq!(std::fs::read_to_string(d.join("typos.plan")).unwrap(), plan);
    let (code, out, _) = run_in(&d, &["fix", "typos.plan", "--write"]);
    assert_eq!(code, 0, "{out}");
    // `logn` meant `login`, an item only once `iten` is `item`: the next run fixes it.
    let (code, diff, _) = run_in(&d, &["fix", "typos.plan"]);
    assert_eq!(code, 0, "{diff}");
    assert!(diff.lines().any(|l| l == "+  after login"), "{diff}");
    let (code, out, _) = run_in(&d, &["fix", "typos.plan", "--write"]);
    assert_eq!(code, 0, "{out}");
    let (code, out, _) = run_in(&d, &["check", "typos.plan"]);
    assert_eq!(code, 0, "{out}");
    let (code, out, _) = run_in(&d, &["fix", "typos.plan"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("no finding with a sure fix"), "{out}");
    // `--write` with a commitment needs the repair's number.
    let (code, _, _) = run_in(&d, &["fix", "typos.plan", "--commitment", "login", "--write"]);
    assert_eq!(code, 2);
}
