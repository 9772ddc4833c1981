//! `haalbaar fmt`: files rewritten in place, `--check` with a diff and exit 1, standard input
//! to standard output, and a file with syntax errors left alone with its diagnostics.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use common::{root, run, run_in};

const MESSY: &str = "# the portfolio\nplan \"P\"{\n start 2025-01-06   # first day\n    horizon 6 months\n\n\n}\nteam api {\n\tpeople 4\n  focus   75%  # after the reorganisation\n}\nitem login \"Inloggen\" {\n team api\n effort 30 .. 50\n after x+1 week\n}\n";
const TIDY: &str = "# the portfolio\nplan \"P\" {\n  start 2025-01-06  # first day\n  horizon 6 months\n}\n\nteam api {\n  people 4\n  focus 75%  # after the reorganisation\n}\n\nitem login \"Inloggen\" {\n  team api\n  effort 30..50\n  after x + 1 week\n}\n";

fn dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("haalbaar-fmt-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn the_examples_are_formatted() {
    let examples: Vec<String> = std::fs::read_dir(root().join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "plan"))
        .map(|p| format!("examples/{}", p.file_name().unwrap().to_string_lossy()))
        .collect();
    assert!(examples.len() >= 6);
    let mut args = vec!["fmt", "--check"];
    args.extend(examples.iter().map(String::as_str));
    let (code, out) = run(&args);
    assert_eq!((code, out.as_str()), (0, ""));
}

#[test]
fn files_are_rewritten_in_place() {
    let d = dir("write");
    std::fs::write(d.join("a.plan"), MESSY).unwrap();
    std::fs::write(d.join("b.plan"), TIDY).unwrap();
    let (code, out, err) = run_in(&d, &["fmt", "a.plan", "b.plan"]);
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
    assert_eq!(std::fs::read_to_string(d.join("a.plan")).unwrap(), TIDY);
    assert_eq!(std::fs::read_to_string(d.join("b.plan")).unwrap(), TIDY);
    // Now formatted: the check passes.
    assert_eq!(run_in(&d, &["fmt", "--check", "a.plan"]).0, 0);
}

#[test]
fn check_shows_a_diff_and_changes_nothing() {
    let d = dir("check");
    std::fs::write(d.join("a.plan"), MESSY).unwrap();
    let (code, out, _) = run_in(&d, &["fmt", "--check", "a.plan"]);
    assert_eq!(code, 1);
    assert_eq!(std::fs::read_to_string(d.join("a.plan")).unwrap(), MESSY);
    insta::assert_snapshot!("fmt-check-diff", out);
}

#[test]
fn standard_input_goes_to_standard_output() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_haalbaar"))
        .args(["fmt", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(MESSY.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), TIDY);
}

#[test]
fn syntax_errors_leave_the_file_alone() {
    let d = dir("broken");
    let broken = MESSY.replace("people 4", "peple 4");
    std::fs::write(d.join("a.plan"), &broken).unwrap();
    let (code, out, err) = run_in(&d, &["fmt", "a.plan"]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(std::fs::read_to_string(d.join("a.plan")).unwrap(), broken);
    insta::assert_snapshot!("fmt-syntax-error", err);
    // From standard input: nothing on standard output either.
    let mut child = Command::new(env!("CARGO_BIN_EXE_haalbaar"))
        .args(["fmt", "-"])
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(broken.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!((out.status.code(), out.stdout.len()), (Some(1), 0));
}
