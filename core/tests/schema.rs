//! `docs/report.schema.json` is generated from the report's Rust types; this test keeps it in
//! sync (set UPDATE_SCHEMA=1 to rewrite it) and checks that real reports have its required
//! fields.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use haalbaar::report::{CheckReport, FileReport, Summary, records};

#[test]
fn the_checked_in_schema_matches_the_types() {
    let path = format!("{}/../docs/report.schema.json", env!("CARGO_MANIFEST_DIR"));
    let schema = CheckReport::schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &schema).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(on_disk, schema, "docs/report.schema.json is out of date: run with UPDATE_SCHEMA=1");
}

#[test]
fn reports_carry_what_the_schema_requires() {
    let schema: serde_json::Value = serde_json::from_str(&CheckReport::schema()).unwrap();
    let required: Vec<&str> = schema["required"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    for name in ["gdi-2024.plan", "conflict.plan", "mistakes.plan"] {
        let text = std::fs::read_to_string(format!("{}/../examples/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let c = haalbaar::check(&text);
        let diags = records(name, &text, &c.diagnostics);
        let file = FileReport {
            file: name.into(),
            verdict: c.verdict(),
            summary: Summary::of(diags.iter().map(|d| &d.severity)),
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
    let path = format!("{}/../docs/forecast.schema.json", env!("CARGO_MANIFEST_DIR"));
    let schema = haalbaar::forecast::Forecast::schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &schema).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(on_disk, schema, "docs/forecast.schema.json is out of date: run with UPDATE_SCHEMA=1");
}
