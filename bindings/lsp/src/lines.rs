//! Byte offsets and the protocol's positions: a line and a column in UTF-16 code units.
//!
//! The engine speaks byte offsets; the protocol counts columns in UTF-16 code units (an `é`
//! is one, an emoji two). A line ends at LF, CRLF or a lone CR, as the grammar reads it.

use lsp_types::{Position, Range};

/// Where each line of a text starts, to turn offsets into positions and back.
#[derive(Debug, Clone)]
pub struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    /// The line starts of `text`.
    pub fn new(text: &str) -> Lines {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    starts.push(i + 2);
                    i += 1;
                }
                b'\r' => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        Lines { starts }
    }

    /// The position of byte `offset` (clamped to the text, moved back to a character start).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset).saturating_sub(1);
        let start = self.starts[line];
        let column: usize = text[start..offset].chars().map(char::len_utf16).sum();
        Position::new(to_u32(line), to_u32(column))
    }

    /// The range of bytes `start..end`.
    pub fn range(&self, text: &str, start: usize, end: usize) -> Range {
        Range::new(self.position(text, start), self.position(text, end.max(start)))
    }

    /// The byte offset of `position`: a column past the line's end is its end, a line past the
    /// text's end is the text's end, a column inside a surrogate pair is the character's start.
    pub fn offset(&self, text: &str, position: Position) -> usize {
        let line = position.line as usize;
        let Some(&start) = self.starts.get(line) else { return text.len() };
        let end = self.line_end(text, line);
        let mut units = 0usize;
        for (i, c) in text[start..end].char_indices() {
            if units >= position.character as usize {
                return start + i;
            }
            units += c.len_utf16();
            if units > position.character as usize {
                return start + i;
            }
        }
        end
    }

    /// The end of line `line`'s text, before its line break.
    pub fn line_end(&self, text: &str, line: usize) -> usize {
        let start = self.starts[line];
        let next = self.starts.get(line + 1).copied().unwrap_or(text.len());
        let body = &text[start..next];
        let body = body.strip_suffix('\n').unwrap_or(body);
        let body = body.strip_suffix('\r').unwrap_or(body);
        start + body.len()
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_columns_count_an_emoji_as_two() {
        let text = "item a \"é😀x\" {\r\n  team b\n}";
        let lines = Lines::new(text);
        let x = text.find('x').unwrap_or(0);
        // `item a "` is 8 units, `é` one, the emoji two.
        assert_eq!(lines.position(text, x), Position::new(0, 11));
        assert_eq!(lines.offset(text, Position::new(0, 11)), x);
        let team = text.find("team").unwrap_or(0);
        assert_eq!(lines.position(text, team), Position::new(1, 2));
        assert_eq!(lines.offset(text, Position::new(1, 2)), team);
        // Past the line's end: the end of the line, before CRLF.
        assert_eq!(lines.offset(text, Position::new(0, 99)), text.find('\r').unwrap_or(0));
        assert_eq!(lines.offset(text, Position::new(9, 0)), text.len());
    }
}
