//! With the `miette` feature, a diagnostic is a `miette::Diagnostic`: its code, severity,
//! help and labelled spans, the spans pointing at the text of the plan.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use miette::Diagnostic as _;

#[test]
fn a_diagnostic_reads_as_miette_expects() {
    let text = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 3\n}\nitem login {\n  team apj\n  effort 10\n}\n";
    let checked = haalbaar::check(text);
    let d = checked.diagnostics.iter().find(|d| d.code == haalbaar::Code::E0201).expect("unknown team");
    assert_eq!(d.code().unwrap().to_string(), "E0201");
    assert_eq!(d.severity(), Some(miette::Severity::Error));
    assert_eq!(d.help().unwrap().to_string(), "did you mean `api`?");
    let labels: Vec<miette::LabeledSpan> = d.labels().unwrap().collect();
    let primary = &labels[0];
    assert!(primary.primary());
    assert_eq!(&text[primary.offset()..primary.offset() + primary.len()], "apj");
    assert_eq!(d.to_string(), "error[E0201]: unknown team `apj`");
    // And as a std error.
    let e: &dyn std::error::Error = d;
    assert_eq!(e.to_string(), d.to_string());
}
