//! The CI formats (SARIF, GitHub annotations), the terminal board and the HTML report:
//! snapshots, the SARIF log validated against the vendored SARIF 2.1.0 schema, and the
//! annotations' files and lines checked against the JSON report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{root, run};
use std::path::Path;
use std::process::Command;

fn sarif_validator() -> jsonschema::Validator {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schemas/sarif-schema-2.1.0.json"))
            .unwrap();
    let mut schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    // The published schema has one pattern that is not a valid regex (a stray `]`, in each
    // `language` property), which the validator refuses to compile. We read it as meant (two
    // letters, optionally `-` and two more); our logs do not set `language` at all.
    fn fix(v: &mut serde_json::Value) -> usize {
        match v {
            serde_json::Value::Object(map) => {
                let mut n = 0;
                for (key, value) in map.iter_mut() {
                    if key == "pattern" && value == "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$" {
                        *value = serde_json::json!("^[a-zA-Z]{2}(-[a-zA-Z]{2})?$");
                        n += 1;
                    } else {
                        n += fix(value);
                    }
                }
                n
            }
            serde_json::Value::Array(items) => items.iter_mut().map(fix).sum(),
            _ => 0,
        }
    }
    assert!(fix(&mut schema) >= 1);
    jsonschema::options().with_draft(jsonschema::Draft::Draft7).should_validate_formats(true).build(&schema).unwrap()
}

#[test]
fn sarif_of_the_mistakes_example_validates_against_the_schema() {
    let validator = sarif_validator();
    let (status, out) = run(&["check", "--format", "sarif", "examples/mistakes/mistakes.plan"]);
    assert_eq!(status, 1);
    let log: serde_json::Value = serde_json::from_str(&out).unwrap();
    let errors: Vec<String> = validator.iter_errors(&log).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // Every finding of the JSON report is a result, at the same place.
    let (_, json) = run(&["check", "--format", "json", "examples/mistakes/mistakes.plan"]);
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let results = log["runs"][0]["results"].as_array().unwrap();
    let diagnostics = report["diagnostics"].as_array().unwrap();
    assert_eq!(results.len(), diagnostics.len());
    assert!(results.len() >= 10);
    for (r, d) in results.iter().zip(diagnostics) {
        assert_eq!(r["ruleId"], d["code"]);
        let rule = &log["runs"][0]["tool"]["driver"]["rules"][r["ruleIndex"].as_u64().unwrap() as usize];
        assert_eq!(rule["id"], d["code"]);
        let at = &r["locations"][0]["physicalLocation"];
        assert_eq!(at["artifactLocation"]["uri"], "examples/mistakes/mistakes.plan");
        assert_eq!(at["region"]["startLine"], d["line"]);
        assert_eq!(at["region"]["startColumn"], d["column"]);
        // A did-you-mean is a SARIF fix with the JSON report's edits.
        let edits = d["edits"].as_array().cloned().unwrap_or_default();
        assert_eq!(r["fixes"].is_array(), !edits.is_empty(), "{r}");
        for (k, e) in edits.iter().enumerate() {
            let change = &r["fixes"][0]["artifactChanges"][0]["replacements"][k];
            assert_eq!(change["insertedContent"]["text"], e["new_text"]);
            assert_eq!(change["deletedRegion"]["startLine"], e["line"]);
            assert_eq!(change["deletedRegion"]["startColumn"], e["column"]);
        }
    }
    assert!(results.iter().filter(|r| r["fixes"].is_array()).count() >= 2);
    // The validator does reject what the schema forbids.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = serde_json::json!("fatal");
    assert!(!validator.is_valid(&broken));
    insta::assert_snapshot!("sarif-mistakes", out);
}

#[test]
fn sarif_of_every_example_validates() {
    let validator = sarif_validator();
    for name in ["gdi-2024", "release-train", "infeasible-chain", "infeasible-capacity", "conflict"] {
        let (_, out) = run(&["check", "--format", "sarif", &format!("examples/{name}.plan")]);
        let log: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert!(validator.is_valid(&log), "{name}");
    }
    // Several files, one of them with a space in its name: one run, a URI per file.
    let dir = std::env::temp_dir().join(format!("haalbaar-sarif-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let spaced = dir.join("my plan.plan");
    std::fs::write(&spaced, "plan {\n  start 2024-01-08\n}\n").unwrap();
    let (_, out) = run(&["check", "--format", "sarif", "examples/conflict.plan", spaced.to_str().unwrap()]);
    let log: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(validator.is_valid(&log));
    let uris: Vec<&str> = log["runs"][0]["artifacts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["location"]["uri"].as_str().unwrap())
        .collect();
    assert_eq!(uris.len(), 2);
    assert!(uris[1].ends_with("my%20plan.plan"), "{uris:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn github_annotations_carry_the_right_file_and_line() {
    let (status, out) = run(&["check", "--format", "github", "examples/mistakes/mistakes.plan"]);
    assert_eq!(status, 1);
    let (_, json) = run(&["check", "--format", "json", "examples/mistakes/mistakes.plan"]);
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let diagnostics = report["diagnostics"].as_array().unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), diagnostics.len(), "one line per finding, messages on one line");
    for (line, d) in lines.iter().zip(diagnostics) {
        let kind = match d["severity"].as_str().unwrap() {
            "error" => "error",
            "warning" => "warning",
            _ => "notice",
        };
        let prefix = format!("::{kind} file=examples/mistakes/mistakes.plan,line={},col={},", d["line"], d["column"]);
        assert!(line.starts_with(&prefix), "{line}\n{prefix}");
        assert!(line.contains(&format!("title={} ", d["code"].as_str().unwrap())), "{line}");
    }
    insta::assert_snapshot!("github-mistakes", out);
}

#[test]
fn the_board_fits_120_columns() {
    for name in ["gdi-2024", "infeasible-chain", "conflict", "release-train"] {
        let (status, out) = run(&["board", &format!("examples/{name}.plan")]);
        assert!(status == 0 || status == 1, "{name}");
        for line in out.lines() {
            assert!(line.chars().count() <= 120, "{name}: {} columns: {line}", line.chars().count());
        }
        insta::assert_snapshot!(format!("board-{name}"), out);
    }
    // Colour only when asked; the missed chain is red.
    let out = Command::new(env!("CARGO_BIN_EXE_haalbaar"))
        .args(["--color", "always", "board", "examples/infeasible-chain.plan"])
        .current_dir(root())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("\u{1b}[31m!"), "{text}");
    // Work of met commitments that compete with a failed one is marked apart from the failed
    // commitment's own chain, and dates are ISO.
    let (_, conflict) = run(&["board", "examples/conflict.plan"]);
    assert!(conflict.contains("^berichtenbox") && conflict.contains("!koppeling"), "{conflict}");
    assert!(conflict.contains("PI2 2025-03-17"), "{conflict}");
    // Ids are never cut when the width allows, and a wide terminal (COLUMNS) gets more PIs
    // per band.
    let text = std::fs::read_to_string(root().join("examples/portfolio-2026.plan")).unwrap();
    let wide = Command::new(env!("CARGO_BIN_EXE_haalbaar"))
        .args(["board", "examples/portfolio-2026.plan"])
        .env("COLUMNS", "250")
        .env("NO_COLOR", "1")
        .current_dir(root())
        .output()
        .unwrap();
    let wide = String::from_utf8(wide.stdout).unwrap();
    assert!(!wide.contains('~'), "{wide}");
    let board = haalbaar::report::board::Board::of(&haalbaar::check(&text), &text).unwrap();
    let placed: Vec<&str> = board.items.iter().filter(|i| i.first.is_some()).map(|i| i.item.as_str()).collect();
    assert!(placed.len() > 30);
    for id in placed {
        assert!(wide.contains(id), "`{id}` is not on the board whole");
    }
    let (_, default) = run(&["board", "examples/portfolio-2026.plan"]);
    assert!(wide.matches("team ").count() < default.matches("team ").count());
    assert!(wide.lines().all(|l| l.chars().count() <= 250));
    // A narrow terminal gets bands of PIs.
    let (_, narrow) = run(&["board", "--width", "60", "examples/gdi-2024.plan"]);
    assert!(narrow.lines().all(|l| l.chars().count() <= 60));
    assert!(narrow.matches("team ").count() >= 3);
}

#[test]
fn the_html_report_is_self_contained() {
    for (name, lang) in [("gdi-2024", "en"), ("infeasible-chain", "nl")] {
        let (status, html) =
            run(&["report", &format!("examples/{name}.plan"), "-o", "-", "--lang", lang, "--runs", "200"]);
        assert!(status == 0 || status == 1);
        assert!(html.starts_with("<!doctype html>"));
        assert!(html.contains(&format!("<html lang=\"{lang}\">")));
        // No network: nothing is fetched from elsewhere.
        let svg_namespaces = html.matches("xmlns=\"http://www.w3.org/2000/svg\"").count();
        assert_eq!(html.matches("http://").count(), svg_namespaces, "{name}: only the SVG namespace");
        for bad in ["https://", "<script", "<link", "@import", "<img", "<iframe"] {
            assert!(!html.contains(bad), "{name}: `{bad}`");
        }
        // `url(` only for markers inside the file.
        assert_eq!(html.matches("url(").count(), html.matches("url(#").count(), "{name}");
        assert!(html.contains("@page { size: A4 landscape"));
        assert!(html.contains("<svg class=\"board\""));
        insta::assert_snapshot!(format!("report-{name}-{lang}"), html);
    }
    let (_, nl) = run(&["report", "examples/infeasible-chain.plan", "-o", "-", "--lang", "nl", "--runs", "0"]);
    assert!(nl.contains("Programmabord") && nl.contains("onhaalbaar"));
    assert!(!nl.contains("Prognose"), "--runs 0 leaves the forecast out");
}

#[test]
fn the_report_exits_0_whatever_the_verdict_and_1_for_a_plan_with_errors() {
    // The report shows an unmet commitment; `check` is the gate. A plan with errors (here a
    // misspelt statement) is still reported, and says so with exit 1.
    for (name, expect) in [("infeasible-chain", 0), ("conflict", 0), ("gdi-2024", 0), ("mistakes/mistakes", 1)] {
        let (status, html) = run(&["report", &format!("examples/{name}.plan"), "-o", "-", "--runs", "0"]);
        assert_eq!(status, expect, "{name}");
        assert!(html.starts_with("<!doctype html>"), "{name}");
    }
}
