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
