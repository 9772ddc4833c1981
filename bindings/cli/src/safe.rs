//! Text that is safe on a terminal and in a spreadsheet. Plan titles, holiday names, file
//! names and quoted source lines come from the user; a control character among them could
//! clear the screen, retitle the window, write the clipboard (OSC 52), plant a hyperlink
//! (OSC 8) or reorder what is shown (bidirectional overrides). Every such character is shown
//! as a visible escape (`\u{1b}`) instead; line breaks and tabs stay.

use std::borrow::Cow;

/// Whether `c` must not reach a terminal as it is: C0 controls other than line feed and tab,
/// DEL, C1 controls, and the bidirectional marks, embeddings, overrides and isolates.
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every unsafe character as a visible escape. `keep_colour` lets the colour
/// (SGR) sequences this command writes itself through: `ESC [` digits and `;` then `m`,
/// which can only set colours. Everything else an `ESC` starts is escaped.
pub fn text(text: &str, keep_colour: bool) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if keep_colour
            && c == '\u{1b}'
            && let Some(len) = sgr_len(rest)
        {
            out.push_str(&rest[..len]);
            rest = &rest[len..];
            continue;
        }
        if is_unsafe(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    Cow::Owned(out)
}

/// The length of a colour sequence at the start of `s` (`ESC [ 1 ; 31 m`), if there is one.
fn sgr_len(s: &str) -> Option<usize> {
    let body = s.strip_prefix("\u{1b}[")?;
    let n = body.bytes().take_while(|b| b.is_ascii_digit() || *b == b';').count();
    (body.as_bytes().get(n) == Some(&b'm')).then_some(2 + n + 1)
}

/// One line for a single-line field (a CSV cell, a table cell): line breaks escaped too.
pub fn line(text: &str) -> String {
    text.chars()
        .map(
            |c| {
                if c == '\n' || c == '\r' || is_unsafe(c) {
                    format!("\\u{{{:x}}}", u32::from(c))
                } else {
                    c.to_string()
                }
            },
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_a_terminal_would_obey() {
        let hostile = "a\u{1b}[2Jb\u{1b}]0;title\u{7}c\u{1b}]52;c;aGk=\u{7}\u{202e}d\u{9b}e\r";
        let shown = text(hostile, false);
        assert!(!shown.chars().any(is_unsafe), "{shown}");
        assert_eq!(shown, "a\\u{1b}[2Jb\\u{1b}]0;title\\u{7}c\\u{1b}]52;c;aGk=\\u{7}\\u{202e}d\\u{9b}e\\u{d}");
        assert_eq!(text("line\n\ttab", false), "line\n\ttab");
    }

    #[test]
    fn keeps_only_colour_sequences_when_asked() {
        assert_eq!(text("\u{1b}[1;31merror\u{1b}[0m", true), "\u{1b}[1;31merror\u{1b}[0m");
        assert_eq!(text("\u{1b}[2J", true), "\\u{1b}[2J");
        assert_eq!(text("\u{1b}[1;31m", false), "\\u{1b}[1;31m");
    }
}
