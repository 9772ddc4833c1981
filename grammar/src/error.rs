//! What the reader reports about text it cannot read: a [`SyntaxError`] per broken line or
//! block, of one of the [`SyntaxErrorKind`]s.

use serde::{Deserialize, Serialize};

use crate::tree::{Span, Spanned};

/// What went wrong while reading the text. The `haalbaar` crate turns these into
/// diagnostics with stable codes.
///
/// ```
/// use haalbaar_grammar::{SyntaxErrorKind, parse};
///
/// let source = "team a {\n  peple 3\n}\n";
/// let file = parse(source);
/// let error = &file.errors[0];
/// assert_eq!(error.kind, SyntaxErrorKind::UnknownStatement);
/// assert_eq!(&source[error.span.start..error.span.end], "peple");
/// assert_eq!(&source[error.line.start..error.line.end], "peple 3");
/// assert_eq!(error.message, "unknown statement `peple` in a team block");
/// assert_eq!(error.help.as_deref(), Some("did you mean `people`?"));
/// let meant = error.suggestion.as_ref().expect("a did-you-mean");
/// assert_eq!((meant.value.as_str(), meant.span), ("people", error.span));
/// ```
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SyntaxError {
    /// What kind of mistake it is.
    pub kind: SyntaxErrorKind,
    /// Where the reader stopped (for `Malformed`, the offending token).
    pub span: Span,
    /// The whole line (or block header) concerned.
    pub line: Span,
    /// What is wrong, in one sentence.
    pub message: String,
    /// How to fix it, when the reader can tell.
    pub help: Option<String>,
    /// The text meant, when the help names it (a did-you-mean, a valid id): to put at its span.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<Spanned<String>>,
}

/// The kinds of [`SyntaxError`].
///
/// ```
/// use haalbaar_grammar::{SyntaxErrorKind, parse};
///
/// let kind = |source: &str| parse(source).errors[0].kind;
/// assert_eq!(kind("team a {\n  peple 3\n}\n"), SyntaxErrorKind::UnknownStatement);
/// assert_eq!(kind("team a {\n  focus 70\n}\n"), SyntaxErrorKind::Malformed);
/// assert_eq!(kind("team a {\n  effort 3\n}\n"), SyntaxErrorKind::WrongBlock);
/// assert_eq!(kind("team a {\n  people 3\nteam b {\n}\n"), SyntaxErrorKind::Unclosed);
/// ```
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum SyntaxErrorKind {
    /// A line inside a block that is no statement of this language.
    UnknownStatement,
    /// A known statement written wrongly.
    Malformed,
    /// A statement that belongs in another kind of block.
    WrongBlock,
    /// A top-level line that does not start a block.
    NotABlock,
    /// A block whose closing `}` is missing.
    Unclosed,
    /// Text after a closing `}`.
    TrailingText,
    /// An id with capitals or other characters an id cannot hold.
    BadIdent,
    /// The input is too large to read.
    TooLarge,
}
