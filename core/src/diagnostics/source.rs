//! Byte offsets to lines and columns. One map per file, shared by every renderer, so the
//! terminal, JSON, SARIF and the browser all point at the same place.

use serde::{Deserialize, Serialize};

/// A position for people: 1-based line, 1-based column in characters, and the column in
/// UTF-16 code units as browsers count it.
///
/// ```
/// use haalbaar::LineCol;
/// use haalbaar::source::SourceMap;
///
/// let text = "plan \"Fun 😀\" {\n";
/// let at = SourceMap::new(text).locate(text.find('{').expect("a brace"));
/// // 13 characters before it, one of them (the emoji) two UTF-16 units.
/// assert_eq!(at, LineCol { line: 1, column: 14, column_utf16: 15 });
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LineCol {
    /// The line, from 1.
    pub line: usize,
    /// The column in characters, from 1.
    pub column: usize,
    /// The column in UTF-16 code units, from 1 (as browsers and editors count).
    pub column_utf16: usize,
}

/// Line starts of one source text. A line ends at `\n`, `\r\n` or a lone `\r`, as the
/// parser reads it; a byte-order mark at the start is not a column.
///
/// ```
/// use haalbaar::source::SourceMap;
///
/// let text = "plan {\n  start 2025-01-06\n}\n";
/// let map = SourceMap::new(text);
/// let at = map.locate(text.find("start").expect("a start"));
/// assert_eq!((at.line, at.column), (2, 3));
/// assert_eq!(map.line_text(at.line), "  start 2025-01-06");
/// ```
#[derive(Debug, Clone)]
pub struct SourceMap<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> SourceMap<'a> {
    /// The line starts of `text`.
    ///
    /// ```
    /// use haalbaar::source::SourceMap;
    ///
    /// // `\n`, `\r\n` and a lone `\r` each end a line.
    /// let map = SourceMap::new("a\nb\r\nc\rd");
    /// assert_eq!((map.line_text(2), map.line_text(3), map.line_text(4)), ("b", "c", "d"));
    /// ```
    pub fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        let bytes = text.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                line_starts.push(i + 1);
            }
        }
        SourceMap { text, line_starts }
    }

    /// Where byte `offset` is (clamped to the text, and to a character boundary).
    ///
    /// ```
    /// use haalbaar::source::SourceMap;
    ///
    /// let map = SourceMap::new("ab\ncd");
    /// assert_eq!(map.locate(4).line, 2);
    /// assert_eq!(map.locate(4).column, 2); // `d`
    /// assert_eq!(map.locate(99).column, 3); // clamped to the end of the text
    /// ```
    pub fn locate(&self, offset: usize) -> LineCol {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let mut start = self.line_starts[line.saturating_sub(1)];
        if start == 0 && self.text.starts_with('\u{feff}') {
            start = '\u{feff}'.len_utf8().min(offset);
        }
        let before = &self.text[start..offset];
        LineCol { line, column: before.chars().count() + 1, column_utf16: before.encode_utf16().count() + 1 }
    }

    /// The text of 1-based line `line`, without its line break.
    ///
    /// ```
    /// use haalbaar::source::SourceMap;
    ///
    /// let map = SourceMap::new("plan {\r\n  start 2025-01-06\r\n}\r\n");
    /// assert_eq!(map.line_text(1), "plan {");
    /// assert_eq!(map.line_text(2), "  start 2025-01-06");
    /// ```
    pub fn line_text(&self, line: usize) -> &'a str {
        let start = self.line_starts.get(line.saturating_sub(1)).copied().unwrap_or(self.text.len());
        let end = self.line_starts.get(line).copied().unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r']).trim_start_matches('\u{feff}')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_characters_and_utf16_units() {
        let map = SourceMap::new("ab\n\"Één 😀\" x\n");
        assert_eq!(map.locate(0), LineCol { line: 1, column: 1, column_utf16: 1 });
        let x = "ab\n\"Één 😀\" ".len();
        assert_eq!(map.locate(x), LineCol { line: 2, column: 9, column_utf16: 10 });
        assert_eq!(map.line_text(2), "\"Één 😀\" x");
    }

    #[test]
    fn every_line_end_counts_and_a_byte_order_mark_is_no_column() {
        for text in ["a\nb\nc", "a\r\nb\r\nc", "a\rb\rc", "\u{feff}a\nb\r\nc"] {
            let map = SourceMap::new(text);
            let c = text.rfind('c').unwrap_or(0);
            assert_eq!(map.locate(c), LineCol { line: 3, column: 1, column_utf16: 1 }, "{text:?}");
            assert_eq!(map.locate(text.find('a').unwrap_or(0)).column, 1, "{text:?}");
            assert_eq!(map.line_text(2), "b");
        }
    }
}
