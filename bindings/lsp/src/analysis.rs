//! One checked version of a document: what the check said, kept for the requests that need
//! it (hover, inlay hints, quick fixes) until the next version's check is done.

use std::sync::{Arc, OnceLock};

use haalbaar::Checked;
use haalbaar::catalogue::{Lang, Localize};
use haalbaar::report::DiagnosticRecord;
use haalbaar::report::board::Board;
use lsp_types::{Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Uri};

use crate::lines::Lines;

/// A version of a document and its check.
#[derive(Debug)]
pub struct Analysis {
    /// The document's version the check is of.
    pub version: i32,
    /// That version's text.
    pub text: String,
    /// Its line starts.
    pub lines: Lines,
    /// The check, its texts in the user's language.
    pub checked: Arc<Checked>,
    /// The diagnostics exactly as `haalbaar check --format json` gives them.
    pub records: Vec<DiagnosticRecord>,
    /// The program board, made on the first request that needs it (`None` when the file has
    /// errors): diagnostics do not wait for it.
    board: OnceLock<Option<Board>>,
    lang: Lang,
}

impl Analysis {
    /// The analysis of `text` from its check `checked` (in English; translated here, into a
    /// copy, where the language is not English).
    pub fn new(file: &str, version: i32, text: String, checked: Arc<Checked>, lang: Lang) -> Analysis {
        let shown = if lang == Lang::En {
            checked
        } else {
            let mut shown = Checked::clone(&checked);
            shown.localize(lang);
            Arc::new(shown)
        };
        let records = haalbaar::report::records(file, &text, &shown.diagnostics);
        let lines = Lines::new(&text);
        Analysis { version, text, lines, checked: shown, records, board: OnceLock::new(), lang }
    }

    /// The program board of this check (`None` when the file has errors).
    pub fn board(&self) -> Option<&Board> {
        self.board
            .get_or_init(|| {
                let mut board = Board::of(&self.checked, &self.text);
                if let Some(board) = board.as_mut() {
                    board.localize(self.lang);
                }
                board
            })
            .as_ref()
    }

    /// The diagnostics for the protocol: one per record, its range in UTF-16 columns.
    pub fn diagnostics(&self, uri: &Uri) -> Vec<Diagnostic> {
        self.records.iter().map(|r| self.diagnostic(uri, r)).collect()
    }

    fn diagnostic(&self, uri: &Uri, record: &DiagnosticRecord) -> Diagnostic {
        let severity = match record.severity {
            haalbaar::Severity::Error => DiagnosticSeverity::ERROR,
            haalbaar::Severity::Warning => DiagnosticSeverity::WARNING,
            _ => DiagnosticSeverity::INFORMATION,
        };
        let mut message = record.message.clone();
        if let Some(label) = record.label.as_deref().filter(|l| !l.is_empty() && *l != record.message) {
            message.push_str(&format!(" ({label})"));
        }
        if let Some(help) = &record.help {
            message.push_str(&format!("\nhelp: {help}"));
        }
        let related: Vec<DiagnosticRelatedInformation> = record
            .labels
            .iter()
            .map(|l| DiagnosticRelatedInformation {
                location: Location::new(uri.clone(), self.lines.range(&self.text, l.span.start, l.span.end)),
                message: l.message.clone(),
            })
            .collect();
        Diagnostic {
            range: self.lines.range(&self.text, record.span.start, record.span.end),
            severity: Some(severity),
            code: Some(NumberOrString::String(record.code.to_string())),
            code_description: None,
            source: Some("haalbaar".into()),
            message,
            related_information: (!related.is_empty()).then_some(related),
            tags: None,
            data: None,
        }
    }
}
