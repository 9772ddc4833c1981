//! The layout every printed plan follows: the formatter ([`crate::format`]) and the `haalbaar`
//! crate's printer of built plans write through [`Layout`], so both give the same text.
//!
//! The rules: a block's header at the left margin, its statements indented two spaces, its
//! closing `}` on a line of its own; one blank line between top-level blocks; at most one blank
//! line in a row, none at the start or end of a block or file; no trailing whitespace; the
//! trailing comments of a block's statements in one column, two spaces after the longest
//! statement that has one (elsewhere two spaces after the code).
//!
//! ```
//! use haalbaar_grammar::{BlockKind, Layout};
//!
//! let mut out = Layout::new();
//! out.open(BlockKind::Team, Some("api"), Some("API \"core\""), None);
//! out.statement("people 4", Some("# two on leave in June"));
//! out.statement("focus 75%", None);
//! out.close(None);
//! assert_eq!(
//!     out.finish(),
//!     "team api \"API \\\"core\\\"\" {\n  people 4  # two on leave in June\n  focus 75%\n}\n"
//! );
//! ```

use crate::tree::BlockKind;

/// How far a block's statements are indented.
pub const INDENT: &str = "  ";

/// Spaces between the longest line of a run and its trailing comments.
const COMMENT_GAP: usize = 2;

#[derive(Debug, Clone, PartialEq)]
enum Line {
    Blank,
    Text { depth: usize, code: String, comment: Option<String> },
}

/// Collects a plan's lines and writes them by the layout rules.
///
/// ```
/// use haalbaar_grammar::{BlockKind, Layout};
///
/// let mut out = Layout::new();
/// out.open(BlockKind::Plan, None, Some("Demo"), None);
/// out.statement("start 2025-01-06", None);
/// out.close(None);
/// out.open(BlockKind::Team, Some("api"), None, None);
/// out.statement("people 4", None);
/// out.close(None);
/// // One blank line between blocks, statements indented two spaces.
/// assert_eq!(out.finish(), "plan \"Demo\" {\n  start 2025-01-06\n}\n\nteam api {\n  people 4\n}\n");
/// ```
#[derive(Debug, Clone, Default)]
pub struct Layout {
    lines: Vec<Line>,
    depth: usize,
    /// The last line closed a top-level block: the next line gets a blank line before it.
    after_close: bool,
}

impl Layout {
    /// An empty plan text.
    ///
    /// ```
    /// assert_eq!(haalbaar_grammar::Layout::new().finish(), "");
    /// ```
    pub fn new() -> Self {
        Layout::default()
    }

    /// A blank line the author put (kept once; dropped at the start or end of a block or file).
    ///
    /// ```
    /// use haalbaar_grammar::{BlockKind, Layout};
    ///
    /// let mut out = Layout::new();
    /// out.open(BlockKind::Team, Some("a"), None, None);
    /// out.blank(); // dropped: no blank line just inside a block
    /// out.statement("people 3", None);
    /// out.blank();
    /// out.blank(); // kept once
    /// out.statement("focus 70%", None);
    /// out.close(None);
    /// assert_eq!(out.finish(), "team a {\n  people 3\n\n  focus 70%\n}\n");
    /// ```
    pub fn blank(&mut self) {
        if matches!(self.lines.last(), Some(Line::Text { .. })) {
            self.lines.push(Line::Blank);
        }
    }

    /// A line holding only a comment (`# ...`), at the current depth.
    ///
    /// ```
    /// use haalbaar_grammar::{BlockKind, Layout};
    ///
    /// let mut out = Layout::new();
    /// out.comment("# teams");
    /// out.open(BlockKind::Team, Some("a"), None, None);
    /// out.comment("# at the start");
    /// out.statement("people 3", None);
    /// out.close(None);
    /// assert_eq!(out.finish(), "# teams\nteam a {\n  # at the start\n  people 3\n}\n");
    /// ```
    pub fn comment(&mut self, text: &str) {
        self.push(String::new(), Some(text));
    }

    /// A block's header: `kind id "title" {`, with an optional trailing comment.
    ///
    /// ```
    /// use haalbaar_grammar::{BlockKind, Layout};
    ///
    /// let mut out = Layout::new();
    /// out.open(BlockKind::Item, Some("login"), Some("Inloggen"), Some("# first"));
    /// out.close(None);
    /// assert_eq!(out.finish(), "item login \"Inloggen\" {  # first\n}\n");
    /// ```
    pub fn open(&mut self, kind: BlockKind, id: Option<&str>, title: Option<&str>, comment: Option<&str>) {
        let mut code = kind.keyword().to_string();
        if let Some(id) = id {
            code.push(' ');
            code.push_str(id);
        }
        if let Some(t) = title {
            code.push(' ');
            code.push_str(&quote(t));
        }
        code.push_str(" {");
        self.open_line(code, comment);
    }

    /// A header line already written in canonical form (ending in `{`).
    ///
    /// ```
    /// use haalbaar_grammar::Layout;
    ///
    /// let mut out = Layout::new();
    /// out.open_line("epic stelsel {".to_string(), None);
    /// out.statement("commit PI4", None);
    /// out.close(None);
    /// assert_eq!(out.finish(), "epic stelsel {\n  commit PI4\n}\n");
    /// ```
    pub fn open_line(&mut self, code: String, comment: Option<&str>) {
        self.push(code, comment);
        self.depth += 1;
    }

    /// One statement of the open block, in canonical form (`effort 30..50`).
    ///
    /// ```
    /// use haalbaar_grammar::{BlockKind, Layout};
    ///
    /// let mut out = Layout::new();
    /// out.open(BlockKind::Team, Some("api"), None, None);
    /// out.statement("people 4", Some("# at start"));
    /// out.statement("focus 75%", Some("# meetings"));
    /// out.close(None);
    /// // The trailing comments of a block's statements share one column.
    /// assert_eq!(out.finish(), "team api {\n  people 4   # at start\n  focus 75%  # meetings\n}\n");
    /// ```
    pub fn statement(&mut self, code: &str, comment: Option<&str>) {
        self.push(code.to_string(), comment);
    }

    /// The open block's closing `}`.
    ///
    /// ```
    /// use haalbaar_grammar::{BlockKind, Layout};
    ///
    /// let mut out = Layout::new();
    /// out.open(BlockKind::Team, Some("api"), None, None);
    /// out.statement("people 4", None);
    /// out.blank(); // dropped: no blank line at the end of a block
    /// out.close(Some("# end of api"));
    /// assert_eq!(out.finish(), "team api {\n  people 4\n}  # end of api\n");
    /// ```
    pub fn close(&mut self, comment: Option<&str>) {
        if matches!(self.lines.last(), Some(Line::Blank)) {
            self.lines.pop();
        }
        self.depth = self.depth.saturating_sub(1);
        self.push("}".into(), comment);
        self.after_close = self.depth == 0;
    }

    fn push(&mut self, code: String, comment: Option<&str>) {
        if std::mem::take(&mut self.after_close) && !matches!(self.lines.last(), Some(Line::Blank)) {
            self.lines.push(Line::Blank);
        }
        // No blank line just inside a block.
        if matches!(self.lines.last(), Some(Line::Blank))
            && matches!(self.lines.iter().rev().nth(1), Some(Line::Text { code, .. }) if code.ends_with('{'))
        {
            self.lines.pop();
        }
        let comment = comment.map(|c| c.trim_end().to_string());
        self.lines.push(Line::Text { depth: self.depth, code, comment });
    }

    /// The text, with `\n` line ends.
    ///
    /// ```
    /// use haalbaar_grammar::{BlockKind, Layout};
    ///
    /// let mut out = Layout::new();
    /// out.open(BlockKind::Team, Some("a"), None, None);
    /// out.statement("people 3", None);
    /// out.close(None);
    /// out.blank(); // dropped: no blank line at the end of the file
    /// assert_eq!(out.finish(), "team a {\n  people 3\n}\n");
    /// ```
    pub fn finish(self) -> String {
        self.finish_with("\n")
    }

    /// The text with the given line end (`"\n"` or `"\r\n"`).
    ///
    /// ```
    /// use haalbaar_grammar::{BlockKind, Layout};
    ///
    /// let mut out = Layout::new();
    /// out.open(BlockKind::Team, Some("a"), None, None);
    /// out.statement("people 3", None);
    /// out.close(None);
    /// assert_eq!(out.finish_with("\r\n"), "team a {\r\n  people 3\r\n}\r\n");
    /// ```
    pub fn finish_with(mut self, newline: &str) -> String {
        while matches!(self.lines.last(), Some(Line::Blank)) {
            self.lines.pop();
        }
        let width = |l: &Line| match l {
            Line::Text { depth, code, comment: Some(_) } if !code.is_empty() => {
                Some(depth * INDENT.len() + code.chars().count())
            }
            _ => None,
        };
        let inside = |l: &Line| matches!(l, Line::Blank) || matches!(l, Line::Text { depth, .. } if *depth > 0);
        // The trailing comments of a block's statements share one column; any other trailing
        // comment (a header's, a `}`'s) stands two spaces after its code.
        let mut column = vec![None; self.lines.len()];
        let mut i = 0;
        while i < self.lines.len() {
            let mut j = i;
            while j < self.lines.len() && inside(&self.lines[j]) {
                j += 1;
            }
            let widest = self.lines[i..j].iter().filter_map(width).max();
            for c in &mut column[i..j] {
                *c = widest.map(|w| w + COMMENT_GAP);
            }
            i = j + 1;
        }
        let mut out = String::new();
        for (line, column) in self.lines.iter().zip(column) {
            if let Line::Text { depth, code, comment } = line {
                let mut text = INDENT.repeat(*depth);
                text.push_str(code);
                if let Some(c) = comment {
                    if !code.is_empty() {
                        let at = column.unwrap_or(0).max(text.chars().count() + COMMENT_GAP);
                        text.push_str(&" ".repeat(at - text.chars().count()));
                    }
                    text.push_str(c);
                }
                out.push_str(&text);
            }
            out.push_str(newline);
        }
        out
    }
}

/// A string as the language writes it: in double quotes, `"` and `\` escaped.
///
/// ```
/// use haalbaar_grammar::quote;
///
/// assert_eq!(quote("Domein Toegang"), "\"Domein Toegang\"");
/// assert_eq!(quote(r#"API "core" \ v2"#), r#""API \"core\" \\ v2""#);
/// ```
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        if matches!(c, '"' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}
