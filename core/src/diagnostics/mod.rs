//! Diagnostics are data: a stable code, a severity, a message, where (a primary span and
//! secondary labels) and a help text. Renderers (terminal, JSON, browser) turn them into text.
//! [`codes`] is the registry of stable codes, [`catalogue`] their long explanations and the
//! Dutch of every message, [`source`] turns byte offsets into lines and columns.

pub mod catalogue;
pub mod codes;
pub mod source;

use haalbaar_grammar::Span;
use serde::{Deserialize, Serialize};

use crate::codes::Code;
use crate::source::LineCol;

/// How serious a finding is; each code has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Severity {
    /// The plan cannot be checked as written, or a commitment is not met.
    Error,
    /// Probably a mistake; the check goes on.
    Warning,
    /// Worth knowing.
    Note,
}

impl Severity {
    /// `error`, `warning` or `note`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// A secondary place that explains the primary one ("first defined here").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    /// The place, in bytes of the text.
    pub span: Span,
    /// What to say there.
    pub message: String,
}

/// What a diagnostic is about: the plan block, or a team, an epic or an item by its id. A tool
/// that built its plan in code maps a diagnostic to its own rows through this.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", content = "id", rename_all = "lowercase")]
#[non_exhaustive]
pub enum Subject {
    /// The `plan` block: calendar and settings.
    Plan,
    /// A team, by id.
    Team(String),
    /// An epic, by id.
    Epic(String),
    /// An item, by id.
    Item(String),
}

impl std::fmt::Display for Subject {
    /// `team api`, `item login`, `the plan block`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Subject::Plan => write!(f, "the plan block"),
            Subject::Team(id) => write!(f, "team {id}"),
            Subject::Epic(id) => write!(f, "epic {id}"),
            Subject::Item(id) => write!(f, "item {id}"),
        }
    }
}

/// One finding about a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Diagnostic {
    /// The stable code (`E0201`); `haalbaar explain CODE` says more.
    pub code: Code,
    /// Error, warning or note (each code has one).
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// The primary place in the text; `None` for a plan built in code, or for the file as a
    /// whole.
    pub span: Option<Span>,
    /// Where `span` starts, as line and column (from 1), for a plan checked from text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<LineCol>,
    /// The team, epic or item (or the plan block) the finding is about, when it is about one;
    /// set for text and for built plans alike.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<Subject>,
    /// What to say under the primary span.
    pub label: Option<String>,
    /// Secondary places that explain the primary one (for text only).
    pub labels: Vec<Label>,
    /// How to fix it; several lines are alternatives.
    pub help: Option<String>,
}

impl Diagnostic {
    /// A diagnostic with the code's own severity.
    pub fn new(code: Code, message: impl Into<String>, span: Option<Span>) -> Self {
        Diagnostic {
            code,
            severity: code.severity(),
            message: message.into(),
            span,
            position: None,
            subject: None,
            label: None,
            labels: Vec::new(),
            help: None,
        }
    }
    /// With this text under the primary span.
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }
    /// With a secondary place (left out when `span` is `None`).
    pub fn with_secondary(mut self, span: Option<Span>, message: impl Into<String>) -> Self {
        if let Some(span) = span {
            self.labels.push(Label { span, message: message.into() });
        }
        self
    }
    /// With this help.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
    /// An error (not a warning or a note).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl std::fmt::Display for Diagnostic {
    /// `error[E0201]: unknown team `toegng``: the first line the terminal shows for it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}[{}]: {}", self.severity.as_str(), self.code.as_str(), self.message)
    }
}

impl std::error::Error for Diagnostic {}

/// With the `miette` feature, miette renders a diagnostic with its code, severity, help and
/// labelled spans (give it the plan text as the source code).
#[cfg(feature = "miette")]
impl miette::Diagnostic for Diagnostic {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new(self.code.as_str()))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Note => miette::Severity::Advice,
        })
    }
    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        self.help.as_ref().map(|h| Box::new(h) as Box<dyn std::fmt::Display + 'a>)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let span = self.span?;
        let primary = miette::LabeledSpan::new_primary_with_span(
            self.label.clone(),
            (span.start, span.end.saturating_sub(span.start)),
        );
        let secondary = self.labels.iter().map(|l| {
            miette::LabeledSpan::new_with_span(
                Some(l.message.clone()),
                (l.span.start, l.span.end.saturating_sub(l.span.start)),
            )
        });
        Some(Box::new(std::iter::once(primary).chain(secondary)))
    }
}

/// Sorts diagnostics into reading order: by place in the file, then by code.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by_key(|d| (d.span.map_or(0, |s| s.start), d.code, d.span.map_or(0, |s| s.end)));
}
