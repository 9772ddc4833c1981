//! `check --format github`: GitHub Actions workflow commands, one line per finding
//! (`::error file=…,line=…,col=…::message`), so findings show on the changed lines of a PR.

use haalbaar::Severity;
use haalbaar::report::DiagnosticRecord;

/// Escapes a message (`%`, CR, LF) as the runner expects.
fn data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a property value (also `:` and `,`).
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn annotations(diagnostics: &[DiagnosticRecord]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
            _ => "notice",
        };
        let mut message = d.message.clone();
        if let Some(label) = d.label.as_deref().filter(|l| !l.is_empty()) {
            message.push_str(&format!(": {label}"));
        }
        if let Some(help) = d.help.as_deref().filter(|h| !h.is_empty()) {
            message.push_str(&format!("\nhelp: {help}"));
        }
        let mut props = format!("file={},line={},col={}", property(&d.file), d.line, d.column);
        if d.end_line == d.line && d.end_column > d.column {
            props.push_str(&format!(",endColumn={}", d.end_column));
        } else if d.end_line > d.line {
            props.push_str(&format!(",endLine={}", d.end_line));
        }
        props.push_str(&format!(",title={}", property(&format!("{} {}", d.code.as_str(), d.code.title()))));
        out.push_str(&format!("::{command} {props}::{}\n", data(&message)));
    }
    out
}
