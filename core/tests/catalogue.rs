//! The Dutch catalogue covers every text the engine writes: each message, label, help,
//! reason, repair and board note made from the examples and the diagnostic fixtures (one
//! plan per code) is a catalogue message, so `--lang nl` leaves no English sentence.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use haalbaar::api;
use haalbaar::catalogue::{Catalogue, Lang, Localize};
use haalbaar::forecast::ForecastOptions;

fn plans() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut out = Vec::new();
    for dir in ["examples", "bindings/cli/tests/fixtures/diagnostics", "bindings/cli/tests/fixtures"] {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir)).unwrap().flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths.into_iter().filter(|p| p.extension().is_some_and(|x| x == "plan")) {
            out.push((p.display().to_string(), std::fs::read_to_string(&p).unwrap()));
        }
    }
    out
}

/// Every text a planner reads in a check, its board and its forecast.
fn texts(source: &str) -> Vec<String> {
    let inspection = api::inspect("plan", source, &haalbaar::Options::default());
    let forecast = api::forecast("plan", source, ForecastOptions::new(40, 1));
    let mut out = Vec::new();
    let diagnostics = inspection.report.diagnostics.iter().chain(&forecast.diagnostics);
    for d in diagnostics {
        out.push(d.message.clone());
        out.extend(d.label.clone());
        out.extend(d.help.clone());
        out.extend(d.labels.iter().map(|l| l.message.clone()));
    }
    for c in inspection.report.single.iter().flat_map(|f| &f.commitments) {
        out.extend(c.late.clone());
        out.extend(c.reason.as_ref().map(|r| r.text().to_string()));
        out.extend(c.repairs.iter().map(|r| r.text().to_string()));
    }
    for t in inspection.board.iter().flat_map(|b| &b.teams) {
        out.extend(t.events.iter().map(|e| e.text.clone()));
    }
    if let Some(f) = &forecast.forecast {
        out.push(f.method.clone());
        out.push(f.check_assumes.clone());
        out.extend(f.commitments.iter().filter_map(|c| c.reason.as_ref().map(|r| r.text().to_string())));
    }
    out
}

#[test]
fn every_text_of_the_examples_and_fixtures_is_in_the_catalogue() {
    let catalogue = Catalogue::engine();
    let mut missing: Vec<String> = Vec::new();
    for (name, source) in plans() {
        for t in texts(&source) {
            if !catalogue.knows(&t) && !missing.contains(&t) {
                missing.push(format!("{name}: {t}"));
            }
        }
    }
    assert!(missing.is_empty(), "{} texts not in the catalogue:\n{}", missing.len(), missing.join("\n"));
}

#[test]
fn a_dutch_check_has_no_english_sentence_of_the_catalogue() {
    let sentences: Vec<String> = haalbaar::catalogue::entries()
        .iter()
        .flat_map(|(en, _)| en.split("{}"))
        .map(str::trim)
        .filter(|piece| piece.split_whitespace().count() >= 3)
        .map(String::from)
        .collect();
    for (name, source) in plans() {
        let mut inspection = api::inspect("plan", &source, &haalbaar::Options::default());
        inspection.localize(Lang::Nl);
        let json = serde_json::to_string(&inspection).unwrap();
        for s in &sentences {
            assert!(!json.contains(s.as_str()), "{name}: the Dutch report still says `{s}`");
        }
    }
}
