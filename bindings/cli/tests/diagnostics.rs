//! Golden tests: one fixture per diagnostic code in `fixtures/diagnostics/CODE.plan`, run
//! through the real binary, its human and JSON output kept as insta snapshots.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::run_in as run;
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/diagnostics")
}

fn codes_in(json: &str) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(json).expect("valid JSON");
    v["diagnostics"]
        .as_array()
        .expect("a diagnostics array")
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn every_code_has_a_fixture_that_produces_it() {
    let dir = fixtures();
    for code in haalbaar::codes::ALL {
        if *code == haalbaar::Code::E0108 {
            continue; // a 64 MB file: see `too_large_file_is_refused_with_one_error`
        }
        let file = format!("{code}.plan");
        assert!(dir.join(&file).exists(), "no fixture for {code}");
        // A first line `# args: ...` gives extra arguments to `check`.
        let text = std::fs::read_to_string(dir.join(&file)).unwrap();
        let extra: Vec<&str> = text
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("# args:"))
            .map_or(vec![], |a| a.split_whitespace().collect());
        // A first line `# command: forecast` runs that command instead of `check`.
        let command = text.lines().next().and_then(|l| l.strip_prefix("# command:")).map_or("check", str::trim);
        let mut args = vec![command, "--format", "json"];
        args.extend(&extra);
        args.push(&file);
        let (status, json, _) = run(&dir, &args);
        let codes = codes_in(&json);
        assert!(codes.contains(&code.to_string()), "{file} gives {codes:?}, not {code}");
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let errors = v["diagnostics"].as_array().unwrap().iter().filter(|d| d["severity"] == "error").count();
        if code.severity() == haalbaar::Severity::Error {
            assert!(errors > 0, "{file} gives no error");
        }
        assert_eq!(status, if errors > 0 { 1 } else { 0 }, "exit code of {file}");
        let mut args = vec![command];
        args.extend(&extra);
        args.push(&file);
        let (_, human, _) = run(&dir, &args);
        insta::assert_snapshot!(format!("{code}-human"), human);
        insta::assert_snapshot!(format!("{code}-json"), json);
    }
}

#[test]
fn json_records_carry_the_contract_fields() {
    let (_, json, _) = run(&fixtures(), &["check", "--format", "json", "E0201.plan"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let d = &v["diagnostics"][0];
    for field in ["code", "severity", "message", "file", "line", "column", "span", "labels", "help"] {
        assert!(d.get(field).is_some(), "missing `{field}`");
    }
    assert_eq!(d["code"], "E0201");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["file"], "E0201.plan");
    // `  team apii` on line 11: the id starts in column 8.
    assert_eq!((d["line"].as_u64(), d["column"].as_u64()), (Some(11), Some(8)));
    let source = std::fs::read_to_string(fixtures().join("E0201.plan")).unwrap();
    let (start, end) = (d["span"]["start"].as_u64().unwrap() as usize, d["span"]["end"].as_u64().unwrap() as usize);
    assert_eq!(&source[start..end], "apii");
    assert_eq!(d["help"], "did you mean `api`?");
}

#[test]
fn every_code_is_explained() {
    let dir = fixtures();
    for code in haalbaar::codes::ALL {
        let (status, text, _) = run(&dir, &["explain", code.as_str()]);
        assert_eq!(status, 0);
        assert!(text.starts_with(code.as_str()) && text.contains("What:") && text.contains("Fix"), "{text}");
    }
    let (status, list, _) = run(&dir, &["explain"]);
    assert_eq!(status, 0);
    assert_eq!(list.lines().count(), haalbaar::codes::ALL.len());
    let (status, _, err) = run(&dir, &["explain", "E9999"]);
    assert_eq!((status, err.lines().count()), (2, 1));
}

#[test]
fn io_failures_exit_2_with_one_line() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("io-failures");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("latin1.plan"), b"plan \"Caf\xe9\" {\n}\n").unwrap();
    let (status, _, err) = run(&dir, &["check", "missing.plan"]);
    assert_eq!(status, 2);
    assert_eq!(err, "haalbaar: cannot read missing.plan: no such file\n");
    let (status, _, err) = run(&dir, &["check", "latin1.plan"]);
    assert_eq!(status, 2);
    assert_eq!(err, "haalbaar: latin1.plan is not UTF-8 text (invalid byte at offset 9); save it as UTF-8\n");
    let (status, _, _) = run(&dir, &["check", "--format", "yaml", "x.plan"]);
    assert_eq!(status, 2);
}

#[test]
fn too_large_file_is_refused_with_one_error() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("too-large");
    std::fs::create_dir_all(&dir).unwrap();
    let mut text = String::with_capacity(haalbaar_grammar::MAX_SOURCE_BYTES + 100);
    while text.len() <= haalbaar_grammar::MAX_SOURCE_BYTES {
        text.push_str("# a comment line that makes the file large\n");
    }
    std::fs::write(dir.join("huge.plan"), &text).unwrap();
    let (status, json, _) = run(&dir, &["check", "--format", "json", "huge.plan"]);
    assert_eq!(status, 1);
    assert_eq!(codes_in(&json), vec!["E0108".to_string()]);
    let (_, human, _) = run(&dir, &["check", "huge.plan"]);
    insta::assert_snapshot!("E0108-human", human);
    insta::assert_snapshot!("E0108-json", json);
}

#[test]
fn colour_only_on_request_when_piped() {
    let dir = fixtures();
    let (_, plain, _) = run(&dir, &["check", "E0201.plan"]);
    assert!(!plain.contains('\u{1b}'));
    let (_, coloured, _) = run(&dir, &["--color", "always", "check", "E0201.plan"]);
    assert!(coloured.contains('\u{1b}'));
}

#[test]
fn standard_input_is_read_for_a_dash() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_haalbaar"))
        .args(["check", "--format", "json", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"team x {\n  people 2\n}\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json = String::from_utf8(out.stdout).unwrap();
    assert_eq!(codes_in(&json), ["E0110"]);
    assert!(json.contains("\"file\": \"<stdin>\""));
}

#[test]
fn unknown_is_a_warning_unless_denied() {
    let dir = fixtures().join("..");
    let (status, json, _) = run(&dir, &["check", "--budget", "0", "--format", "json", "undecided.plan"]);
    assert_eq!(status, 0);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["verdict"], "unknown");
    assert!(v["commitments"].as_array().unwrap().iter().any(|c| c["status"] == "unknown"));
    let (status, _, _) = run(&dir, &["check", "--budget", "0", "--deny", "unknown", "undecided.plan"]);
    assert_eq!(status, 1);
    // With the default budget the engine decides it.
    let (status, json, _) = run(&dir, &["check", "--format", "json", "undecided.plan"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!((status, v["verdict"].as_str()), (0, Some("feasible")));
}
