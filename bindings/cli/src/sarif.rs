//! `check --format sarif`: SARIF 2.1.0, the format code-scanning services upload.
//! One run; every code of the registry is a rule (stable `ruleIndex`); columns are counted in
//! characters (`columnKind: unicodeCodePoints`), as the other outputs count them.

use haalbaar::report::DiagnosticRecord;
use haalbaar::{Code, Severity};
use serde_json::{Value, json};

const SCHEMA: &str = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
        _ => "note",
    }
}

/// A file name as a relative URI reference: `/`-separated, other reserved bytes escaped.
pub fn uri(file: &str) -> String {
    if file == "<stdin>" {
        return "stdin".into();
    }
    let mut out = String::new();
    for b in file.replace('\\', "/").bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn region(line: usize, column: usize, end_line: usize, end_column: usize) -> Value {
    json!({ "startLine": line, "startColumn": column, "endLine": end_line.max(line),
            "endColumn": if end_line > line { end_column } else { end_column.max(column) } })
}

/// The SARIF log of a check's findings (`files`: every file checked, findings or not).
pub fn sarif(files: &[String], diagnostics: &[DiagnosticRecord]) -> Value {
    let rules: Vec<Value> = haalbaar::codes::ALL
        .iter()
        .map(|c| {
            json!({
                "id": c.as_str(),
                "name": rule_name(*c),
                "shortDescription": { "text": c.title() },
                "fullDescription": { "text": c.explanation() },
                "help": { "text": format!("{}\n\nRun `haalbaar explain {}` for this text in a terminal.", c.explanation(), c.as_str()) },
                "defaultConfiguration": { "level": level(c.severity()) },
            })
        })
        .collect();
    let index = |code: Code| haalbaar::codes::ALL.iter().position(|c| *c == code).unwrap_or(0);
    let results: Vec<Value> = diagnostics
        .iter()
        .map(|d| {
            let mut text = d.message.clone();
            if let Some(label) = d.label.as_deref().filter(|l| !l.is_empty()) {
                text.push_str(&format!(": {label}"));
            }
            if let Some(help) = d.help.as_deref().filter(|h| !h.is_empty()) {
                text.push_str(&format!("\nhelp: {help}"));
            }
            let related: Vec<Value> = d
                .labels
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    json!({
                        "id": i + 1,
                        "message": { "text": l.message },
                        "physicalLocation": {
                            "artifactLocation": { "uri": uri(&d.file), "uriBaseId": "%SRCROOT%" },
                            "region": { "startLine": l.line, "startColumn": l.column },
                        },
                    })
                })
                .collect();
            let mut result = json!({
                "ruleId": d.code.as_str(),
                "ruleIndex": index(d.code),
                "level": level(d.severity),
                "message": { "text": text },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(&d.file), "uriBaseId": "%SRCROOT%" },
                        "region": region(d.line, d.column, d.end_line, d.end_column),
                    },
                }],
            });
            if !related.is_empty() {
                result["relatedLocations"] = Value::Array(related);
            }
            // The sure fix (a did-you-mean) as a SARIF fix: code scanning offers it.
            if !d.edits.is_empty() {
                let replacements: Vec<Value> = d
                    .edits
                    .iter()
                    .map(|e| {
                        json!({
                            "deletedRegion": region(e.line, e.column, e.end_line, e.end_column),
                            "insertedContent": { "text": e.new_text },
                        })
                    })
                    .collect();
                result["fixes"] = json!([{
                    "description": { "text": d.help.clone().unwrap_or_default() },
                    "artifactChanges": [{
                        "artifactLocation": { "uri": uri(&d.file), "uriBaseId": "%SRCROOT%" },
                        "replacements": replacements,
                    }],
                }]);
            }
            result
        })
        .collect();
    let artifacts: Vec<Value> = files
        .iter()
        .map(|f| json!({ "location": { "uri": uri(f), "uriBaseId": "%SRCROOT%" }, "mimeType": "text/plain" }))
        .collect();
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "haalbaar",
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://example.invalid/haalbaar",
                "rules": rules,
            } },
            "columnKind": "unicodeCodePoints",
            "artifacts": artifacts,
            "results": results,
        }],
    })
}

/// `E0201` → `UnknownTeam`-like PascalCase from the title, as SARIF rule names go.
fn rule_name(c: Code) -> String {
    c.title()
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut cs = w.chars();
            cs.next().map(|f| f.to_uppercase().chain(cs).collect::<String>()).unwrap_or_default()
        })
        .collect()
}
