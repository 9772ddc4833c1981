//! `docs/report.schema.json` is generated from the report's Rust types; this test keeps it in
//! sync (set UPDATE_SCHEMA=1 to rewrite it) and checks that real reports have its required
//! fields.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use haalbaar::report::{CheckReport, FileReport, Summary, records};

/// `docs/NAME` equals `schema` (with UPDATE_SCHEMA=1 it is rewritten first).
fn in_sync(name: &str, schema: &str) {
    let path = format!("{}/../docs/{name}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, schema).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(on_disk, schema, "docs/{name} is out of date: run with UPDATE_SCHEMA=1");
}

#[test]
fn the_checked_in_schema_matches_the_types() {
    in_sync("report.schema.json", &CheckReport::schema());
}

#[test]
fn reports_carry_what_the_schema_requires() {
    let schema: serde_json::Value = serde_json::from_str(&CheckReport::schema()).unwrap();
    let required: Vec<&str> = schema["required"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    for name in ["gdi-2024.plan", "conflict.plan", "mistakes/mistakes.plan"] {
        let text = std::fs::read_to_string(format!("{}/../examples/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let c = haalbaar::check(&text);
        let diags = records(name, &text, &c.diagnostics);
        let file = FileReport {
            file: name.into(),
            verdict: c.verdict(),
            summary: Summary::of(diags.iter().map(|d| &d.severity)),
            scenario: None,
            scenarios: Vec::new(),
            feasibility: c.feasibility.clone(),
        };
        let json = serde_json::to_value(CheckReport::new(vec![file], diags)).unwrap();
        for key in &required {
            assert!(json.get(*key).is_some(), "{name}: `{key}` missing");
        }
        if c.feasibility.is_some() {
            for key in ["commitments", "schedule", "load"] {
                assert!(json.get(key).is_some(), "{name}: `{key}` missing");
            }
        }
    }
}

#[test]
fn the_checked_in_forecast_schema_matches_the_types() {
    in_sync("forecast.schema.json", &haalbaar::forecast::Forecast::schema());
}

#[test]
fn the_checked_in_progress_schema_matches_the_types() {
    in_sync("progress.schema.json", &haalbaar::report::progress::ProgressReport::schema());
}

#[test]
fn the_checked_in_compare_schema_matches_the_types() {
    in_sync("compare.schema.json", &haalbaar::report::compare::Comparison::schema());
}

#[test]
fn the_checked_in_diff_schema_matches_the_types() {
    in_sync("diff.schema.json", &haalbaar::report::diff::DiffReport::schema());
}

#[test]
fn the_checked_in_api_schema_matches_the_types() {
    in_sync("api.schema.json", &haalbaar::api::Api::schema());
}

#[test]
fn the_board_places_every_scheduled_item_and_marks_missed_chains() {
    let dir = format!("{}/../examples", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(format!("{dir}/gdi-2024.plan")).unwrap();
    let inspection = haalbaar::api::inspect("gdi-2024.plan", &text, &haalbaar::Options::default());
    let board = inspection.board.unwrap();
    assert_eq!(board.met, board.commitments);
    assert!(board.items.iter().all(|i| !i.missed));
    let schedule = inspection.report.single.unwrap().schedule;
    for s in &schedule {
        let item = board.items.iter().find(|i| i.item == s.item).unwrap();
        assert_eq!(item.start, s.start);
        let first = item.first.unwrap();
        assert_eq!(board.iterations[first].iteration, *s.start.as_ref().unwrap());
        let line = text.lines().nth(item.source.unwrap().line - 1).unwrap();
        assert!(line.contains(&format!("item {}", s.item)), "{line}");
    }
    // Planned work per team and iteration adds up to the schedule's work.
    let total: i64 = board.teams.iter().flat_map(|t| &t.iterations).map(|c| c.planned.millis()).sum();
    let work: i64 = schedule.iter().flat_map(|s| &s.work).map(|w| w.amount.millis()).sum();
    assert_eq!(total, work);

    let text = std::fs::read_to_string(format!("{dir}/infeasible-chain.plan")).unwrap();
    let board = haalbaar::api::inspect("x", &text, &haalbaar::Options::default()).board.unwrap();
    assert!(board.met < board.commitments);
    assert!(board.items.iter().filter(|i| i.missed).count() >= 2, "the chain is marked");
}
