//! An open document as the editor has it: its text, version, and (read on demand) its syntax
//! tree and the ids in it.

use std::sync::OnceLock;

use haalbaar_grammar::SourceFile;
use lsp_types::TextDocumentContentChangeEvent;

use crate::lines::Lines;
use crate::symbols::{self, Occurrence};

/// The syntax tree of a text and every id in it.
#[derive(Debug)]
pub struct Parsed {
    /// The tree.
    pub file: SourceFile,
    /// The ids, in file order.
    pub occurrences: Vec<Occurrence>,
}

/// An open document.
#[derive(Debug)]
pub struct Document {
    /// Its text now.
    pub text: String,
    /// The editor's version of it.
    pub version: i32,
    /// Its line starts.
    pub lines: Lines,
    parsed: OnceLock<Parsed>,
}

impl Document {
    /// A document with `text` at `version`.
    pub fn new(text: String, version: i32) -> Document {
        let lines = Lines::new(&text);
        Document { text, version, lines, parsed: OnceLock::new() }
    }

    /// Applies the editor's changes, in order (a change without a range replaces the text).
    pub fn change(&mut self, version: i32, changes: Vec<TextDocumentContentChangeEvent>) {
        for change in changes {
            match change.range {
                Some(range) => {
                    let lines = Lines::new(&self.text);
                    let start = lines.offset(&self.text, range.start);
                    let end = lines.offset(&self.text, range.end).max(start);
                    self.text.replace_range(start..end, &change.text);
                }
                None => self.text = change.text,
            }
        }
        self.version = version;
        self.lines = Lines::new(&self.text);
        self.parsed = OnceLock::new();
    }

    /// The syntax tree and ids of the text now.
    pub fn parsed(&self) -> &Parsed {
        self.parsed.get_or_init(|| {
            let file = haalbaar_grammar::parse(&self.text);
            let occurrences = symbols::occurrences(&file);
            Parsed { file, occurrences }
        })
    }

    /// The block whose id is `id` (the first, if the file has it twice).
    pub fn block(&self, id: &str) -> Option<&haalbaar_grammar::Block> {
        self.parsed().file.blocks.iter().find(|b| b.id.as_ref().is_some_and(|i| i.value == id))
    }

    /// The title of the block whose id is `id`.
    pub fn title(&self, id: &str) -> Option<&str> {
        self.block(id)?.title.as_ref().map(|t| t.value.as_str())
    }

    /// The byte offset of a position.
    pub fn offset(&self, position: lsp_types::Position) -> usize {
        self.lines.offset(&self.text, position)
    }

    /// The range of bytes `start..end`.
    pub fn range(&self, start: usize, end: usize) -> lsp_types::Range {
        self.lines.range(&self.text, start, end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::{Position, Range};

    #[test]
    fn incremental_changes_apply_in_utf16_columns() {
        let mut doc = Document::new("item a \"😀é\" {\n  effort 5\n}\n".into(), 1);
        // Replace `5` (line 1, column 9) by `50`, then insert after the emoji (column 10 on line 0).
        let at = |l, c| Position::new(l, c);
        doc.change(
            2,
            vec![
                TextDocumentContentChangeEvent {
                    range: Some(Range::new(at(1, 9), at(1, 10))),
                    range_length: None,
                    text: "50".into(),
                },
                TextDocumentContentChangeEvent {
                    range: Some(Range::new(at(0, 10), at(0, 10))),
                    range_length: None,
                    text: "!".into(),
                },
            ],
        );
        assert_eq!(doc.text, "item a \"😀!é\" {\n  effort 50\n}\n");
        assert_eq!(doc.version, 2);
    }
}
