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
///
/// ```
/// use haalbaar::{Code, Severity};
///
/// assert_eq!(Code::E0201.severity(), Severity::Error);
/// assert_eq!(Code::W0503.severity(), Severity::Warning);
/// assert_eq!(Code::I0601.severity(), Severity::Note);
/// assert!(Severity::Error < Severity::Warning); // errors sort first
/// ```
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
    ///
    /// ```
    /// use haalbaar::Severity;
    ///
    /// assert_eq!(Severity::Error.as_str(), "error");
    /// assert_eq!(Severity::Warning.as_str(), "warning");
    /// assert_eq!(Severity::Note.as_str(), "note");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// A secondary place that explains the primary one ("first defined here").
///
/// ```
/// use haalbaar::{Code, Diagnostic, Span};
///
/// let d = Diagnostic::new(Code::E0204, "duplicate id `api`", Some(Span::new(40, 43)))
///     .with_secondary(Some(Span::new(20, 23)), "first defined here");
/// assert_eq!(d.labels.len(), 1);
/// assert_eq!(d.labels[0].span, Span::new(20, 23));
/// assert_eq!(d.labels[0].message, "first defined here");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    /// The place, in bytes of the text.
    pub span: Span,
    /// What to say there.
    pub message: String,
}

/// What a diagnostic is about: the plan block, or a team, an epic or an item by its id. A tool
/// that built its plan in code maps a diagnostic to its own rows through this.
///
/// ```
/// use haalbaar::Subject;
///
/// assert_eq!(Subject::Team("api".into()).to_string(), "team api");
/// assert_eq!(Subject::Plan.to_string(), "the plan block");
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\n\
///               item login {\n  team apj\n  effort 20\n}\n";
/// let checked = haalbaar::check(source);
/// // The unknown team is written in item `login`'s block.
/// assert_eq!(checked.diagnostics[0].subject, Some(Subject::Item("login".into())));
/// ```
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
        f.pad(&match self {
            Subject::Plan => "the plan block".to_string(),
            Subject::Team(id) => format!("team {id}"),
            Subject::Epic(id) => format!("epic {id}"),
            Subject::Item(id) => format!("item {id}"),
        })
    }
}

/// One finding about a plan.
///
/// ```
/// use haalbaar::{Code, Severity};
///
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\n\
///               item login {\n  team apj\n  effort 20\n}\n";
/// let checked = haalbaar::check(source);
/// let d = &checked.diagnostics[0];
/// assert_eq!((d.code, d.severity), (Code::E0201, Severity::Error));
/// assert_eq!(d.message, "unknown team `apj`");
/// let span = d.span.expect("a place in the text");
/// assert_eq!(&source[span.start..span.end], "apj");
/// assert_eq!(d.position.map(|p| (p.line, p.column)), Some((9, 8)));
/// assert_eq!(d.to_string(), "error[E0201]: unknown team `apj`");
/// ```
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
    /// The fix the help names, as edits to the text in the form repairs carry them (the id a
    /// did-you-mean means, the statement word it means): applying them all fixes this finding.
    /// Empty when there is no one sure fix, and for a plan built in code (there is no text).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub edits: Vec<crate::report::edits::Edit>,
}

impl Diagnostic {
    /// A diagnostic with the code's own severity.
    ///
    /// ```
    /// use haalbaar::{Code, Diagnostic, Severity};
    ///
    /// let d = Diagnostic::new(Code::W0503, "epic `stelsel` has no items", None);
    /// assert_eq!(d.severity, Severity::Warning);
    /// assert!(d.label.is_none() && d.labels.is_empty() && d.help.is_none());
    /// assert_eq!(d.to_string(), "warning[W0503]: epic `stelsel` has no items");
    /// ```
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
            edits: Vec::new(),
        }
    }
    /// With an edit that fixes it: `span` of the text replaced by `new_text` (its line and
    /// column are filled in when the plan is checked from text).
    ///
    /// ```
    /// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\n\
    ///               item login {\n  team apj\n  effort 20\n}\n";
    /// let d = &haalbaar::check(source).diagnostics[0];
    /// // `apj` (line 9, columns 8 to 11) is meant to be `api`.
    /// let e = &d.edits[0];
    /// assert_eq!((e.line, e.column, e.end_line, e.end_column), (9, 8, 9, 11));
    /// assert_eq!(e.new_text, "api");
    /// ```
    pub fn with_edit(mut self, span: Span, new_text: impl Into<String>) -> Self {
        self.edits.push(crate::report::edits::Edit::new(span, new_text));
        self
    }
    /// With this text under the primary span.
    ///
    /// ```
    /// use haalbaar::{Code, Diagnostic};
    ///
    /// let d = Diagnostic::new(Code::E0201, "unknown team `apj`", None).with_label("no team has this id");
    /// assert_eq!(d.label.as_deref(), Some("no team has this id"));
    /// ```
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }
    /// With a secondary place (left out when `span` is `None`).
    ///
    /// ```
    /// use haalbaar::{Code, Diagnostic, Span};
    ///
    /// let d = Diagnostic::new(Code::E0204, "duplicate id `api`", Some(Span::new(40, 43)));
    /// let kept = d.clone().with_secondary(Some(Span::new(20, 23)), "first defined here");
    /// let left_out = d.with_secondary(None, "first defined here");
    /// assert_eq!((kept.labels.len(), left_out.labels.len()), (1, 0));
    /// ```
    pub fn with_secondary(mut self, span: Option<Span>, message: impl Into<String>) -> Self {
        if let Some(span) = span {
            self.labels.push(Label { span, message: message.into() });
        }
        self
    }
    /// With this help.
    ///
    /// ```
    /// use haalbaar::{Code, Diagnostic};
    ///
    /// let d = Diagnostic::new(Code::E0201, "unknown team `apj`", None).with_help("did you mean `api`?");
    /// assert_eq!(d.help.as_deref(), Some("did you mean `api`?"));
    /// ```
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
    /// An error (not a warning or a note).
    ///
    /// ```
    /// use haalbaar::{Code, Diagnostic};
    ///
    /// assert!(Diagnostic::new(Code::E0201, "unknown team `apj`", None).is_error());
    /// assert!(!Diagnostic::new(Code::W0503, "epic `stelsel` has no items", None).is_error());
    /// ```
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
