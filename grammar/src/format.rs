//! The formatter: a plan file's text in canonical layout ([`crate::layout`]), its meaning,
//! its comments and every form its author chose kept.
//!
//! Canonical means whitespace only: indentation, one space between words, none around `..`,
//! blank lines, and the column of trailing comments. No statement is reordered or rewritten
//! (`horizon` stays `horizon`, `1 week` stays `1 week`, `12.50` stays `12.50`).
//!
//! ```
//! let text = "team api   {\n people 4    # at start\n\n\n    focus 75%\n}\nitem login{\n team api\n effort 30 .. 50\n}\n";
//! let formatted = haalbaar_grammar::format(text).expect("no syntax errors");
//! assert_eq!(
//!     formatted,
//!     "team api {\n  people 4  # at start\n\n  focus 75%\n}\n\nitem login {\n  team api\n  effort 30..50\n}\n"
//! );
//! ```

use crate::layout::Layout;
use crate::tree::{Block, SourceFile, Statement, SyntaxError};

/// Why a text could not be formatted.
///
/// ```
/// use haalbaar_grammar::{FormatError, format};
///
/// let refused = format("team a {\n  peple 3\n}\n");
/// let Err(FormatError::Syntax(errors)) = &refused else { panic!("not refused: {refused:?}") };
/// assert_eq!(errors.len(), 1);
/// assert_eq!(
///     refused.expect_err("refused").to_string(),
///     "the plan has 1 syntax error(s); it is formatted once they are fixed"
/// );
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum FormatError {
    /// The text has syntax errors: nothing is formatted until they are fixed.
    Syntax(Vec<SyntaxError>),
    /// The canonical text would read differently from the original: a bug in the formatter,
    /// reported instead of writing a changed plan.
    Changed,
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FormatError::Syntax(errors) => {
                write!(f, "the plan has {} syntax error(s); it is formatted once they are fixed", errors.len())
            }
            FormatError::Changed => write!(f, "formatting would change what the plan says (a bug; please report it)"),
        }
    }
}

impl std::error::Error for FormatError {}

/// The text in canonical layout. A text with syntax errors is refused, never half formatted.
///
/// ```
/// use haalbaar_grammar::format;
///
/// let text = "team api   {\npeople 4   # at start\n\n\n  focus    75%\n}\n";
/// assert_eq!(format(text), Ok("team api {\n  people 4  # at start\n\n  focus 75%\n}\n".to_string()));
/// assert!(format("team api {\n  people four\n}\n").is_err());
/// ```
pub fn format(source: &str) -> Result<String, FormatError> {
    let file = crate::parse(source);
    if !file.errors.is_empty() {
        return Err(FormatError::Syntax(file.errors));
    }
    let out = format_parsed(source, &file);
    // The safety net: the canonical text must say exactly what the original says.
    let again = crate::parse(&out);
    if !again.errors.is_empty() || !same_blocks(&file, &again) {
        return Err(FormatError::Changed);
    }
    Ok(out)
}

/// Whether two files hold the same blocks (spans apart).
fn same_blocks(a: &SourceFile, b: &SourceFile) -> bool {
    let key = |x: &Block| (x.kind, x.id.clone(), x.title.clone(), x.statements.clone());
    a.blocks.len() == b.blocks.len() && a.blocks.iter().zip(&b.blocks).all(|(x, y)| key(x) == key(y))
}

enum Role<'a> {
    Header,
    Statement(&'a Statement),
}

fn format_parsed(source: &str, file: &SourceFile) -> String {
    let (bom, text) = match source.strip_prefix('\u{FEFF}') {
        Some(rest) => ("\u{FEFF}", rest),
        None => ("", source),
    };
    let lines = lines(text);
    // The file's own line end: the first one it uses.
    let newline = lines.iter().map(|l| l.2).find(|e| !e.is_empty()).unwrap_or("\n");
    // What each line (by number, from 0) is.
    let mut starts: Vec<usize> = lines.iter().map(|l| l.0 + bom.len()).collect();
    starts[0] = 0;
    let line_of = |at: usize| starts.partition_point(|&s| s <= at).saturating_sub(1);
    let mut roles = std::collections::HashMap::new();
    for b in &file.blocks {
        roles.insert(line_of(b.header.start), Role::Header);
        for st in &b.statements {
            roles.insert(line_of(st.span.start), Role::Statement(&st.value));
        }
    }
    let mut out = Layout::new();
    let mut depth = 0usize;
    for (number, (_, line, _)) in lines.iter().enumerate() {
        let (code, comment) = split_comment(line);
        let code = code.trim();
        match roles.get(&number) {
            Some(Role::Header) => {
                out.open_line(join(&tokens(code, false)), comment);
                depth += 1;
            }
            Some(Role::Statement(st)) => {
                let after = match st {
                    Statement::After { .. } => true,
                    Statement::Change(c) => {
                        matches!(&c.kind, crate::tree::ChangeKind::Set { statement } if matches!(statement.value, Statement::After { .. }))
                    }
                    _ => false,
                };
                out.statement(&join(&tokens(code, after)), comment);
            }
            None if code.is_empty() && comment.is_none() => out.blank(),
            None if code.is_empty() => out.comment(comment.unwrap_or_default()),
            None if depth > 0 && code.starts_with('}') => {
                out.close(comment);
                depth -= 1;
            }
            // Unreachable for a file without syntax errors; kept as written.
            None => out.statement(code, comment),
        }
    }
    let mut formatted = String::from(bom);
    formatted.push_str(&out.finish_with(newline));
    formatted
}

/// The lines of a text with their ends (`\n`, `\r\n`, a lone `\r`, or none for the last),
/// as the parser counts them, each with its byte offset. Always at least one.
fn lines(text: &str) -> Vec<(usize, &str, &'static str)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        let end = match bytes[i] {
            b'\n' => "\n",
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => "\r\n",
            b'\r' => "\r",
            _ => {
                i += 1;
                continue;
            }
        };
        out.push((start, &text[start..i], end));
        i += end.len();
        start = i;
    }
    if start < text.len() || out.is_empty() {
        out.push((start, &text[start..], ""));
    }
    out
}

/// A line's code and its comment (from `#` outside a string to the end).
fn split_comment(line: &str) -> (&str, Option<&str>) {
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' => in_string = !in_string,
            '#' if !in_string => return (&line[..i], Some(line[i..].trim_end())),
            _ => {}
        }
    }
    (line, None)
}

/// The words of a line: strings whole, `..` and `{` on their own, and (in `after`) `+`.
fn tokens(code: &str, split_plus: bool) -> Vec<&str> {
    let bytes = code.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c == b' ' || c == b'\t' {
            i += 1;
        } else if c == b'"' {
            let mut j = i + 1;
            while j < bytes.len() && bytes[j] != b'"' {
                j += if bytes[j] == b'\\' { 2 } else { 1 };
            }
            let end = (j + 1).min(bytes.len());
            out.push(&code[i..end]);
            i = end;
        } else if code[i..].starts_with("..") {
            out.push("..");
            i += 2;
        } else if c == b'{' || (split_plus && c == b'+') {
            out.push(&code[i..i + 1]);
            i += 1;
        } else {
            let mut j = i;
            let ends = |j: usize| {
                matches!(bytes[j], b' ' | b'\t' | b'"' | b'{')
                    || code[j..].starts_with("..")
                    || (split_plus && bytes[j] == b'+')
            };
            while j < bytes.len() && !ends(j) {
                j += 1;
            }
            out.push(&code[i..j]);
            i = j;
        }
    }
    out
}

/// Words joined by one space, none around `..`.
fn join(tokens: &[&str]) -> String {
    let mut out = String::new();
    for (k, t) in tokens.iter().enumerate() {
        if k > 0 && *t != ".." && tokens[k - 1] != ".." {
            out.push(' ');
        }
        out.push_str(t);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_stay_where_they_were() {
        let text = "# portfolio\n\nplan \"P\" { # the calendar\n  # when\n start 2025-01-06\n horizon 6 months # short\n}\n# teams\nteam a {\n people 3\n} # end of a\n";
        let out = format(text).expect("formats");
        assert_eq!(
            out,
            "# portfolio\n\nplan \"P\" {  # the calendar\n  # when\n  start 2025-01-06\n  horizon 6 months  # short\n}\n\n# teams\nteam a {\n  people 3\n}  # end of a\n"
        );
        assert_eq!(format(&out).expect("formats"), out);
    }

    #[test]
    fn strings_and_operators() {
        let text = "item a \"x  #  y\" {\n  note \"a \\\" # b\"   # real\n  after b+1 week\n  in PI1 ..  PI2\n}\n";
        let out = format(text).expect("formats");
        assert_eq!(out, "item a \"x  #  y\" {\n  note \"a \\\" # b\"  # real\n  after b + 1 week\n  in PI1..PI2\n}\n");
    }

    #[test]
    fn crlf_and_bom_kept() {
        let text = "\u{FEFF}team a {\r\n    people 3\r\n}\r\n";
        assert_eq!(format(text).expect("formats"), "\u{FEFF}team a {\r\n  people 3\r\n}\r\n");
    }

    #[test]
    fn lone_carriage_returns_are_line_ends() {
        assert_eq!(format("team a {\r people 3 # x\r}\r").expect("formats"), "team a {\r  people 3  # x\r}\r");
        assert_eq!(format("team a {\n  people 3\n}").expect("formats"), "team a {\n  people 3\n}\n");
        assert_eq!(format("").expect("formats"), "");
    }

    #[test]
    fn syntax_errors_refused() {
        assert!(matches!(format("team a {\n  peple 3\n}\n"), Err(FormatError::Syntax(_))));
    }
}
