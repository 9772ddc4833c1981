//! The lines an import owns in a block of the plan (an imported item's `effort`, a team's
//! `people`): which they are, what changed, and the block's body with the new lines where the
//! old ones of their kind stood, a trailing comment kept, every other line as it was. Both the
//! Jira merge and the capacity sheet rewrite blocks this way.

use std::collections::{HashMap, HashSet};

use haalbaar_grammar::{Block, Statement};

/// Where the line holding byte `at` ends (past its newline).
pub fn line_end(source: &str, at: usize) -> usize {
    source[at..].find('\n').map_or(source.len(), |p| at + p + 1)
}

/// A statement's keyword, from a line as the import writes it (`effort 5` → `effort`).
fn kind_of(line: &str) -> &str {
    line.split_whitespace().next().unwrap_or("")
}

/// The owned statements of one block of the plan.
pub struct Owned<'a> {
    source: &'a str,
    block: &'a Block,
    /// The keyword of the owned statement that starts on each line (by the line's first byte).
    lines: HashMap<usize, &'static str>,
    /// Each owned statement as written, and the comment at the end of its line.
    old: Vec<(String, Option<String>)>,
    /// Keywords a block may repeat (`after`, `hire`): compared as sets, never one for another.
    many: &'static [&'static str],
}

impl<'a> Owned<'a> {
    /// The statements of `block` that `owns` says are the import's.
    pub fn of(
        source: &'a str,
        block: &'a Block,
        many: &'static [&'static str],
        owns: impl Fn(&Statement) -> bool,
    ) -> Self {
        let mut lines = HashMap::new();
        let mut old = Vec::new();
        for s in block.statements.iter().filter(|s| owns(&s.value)) {
            lines.insert(source[..s.span.start].rfind('\n').map_or(0, |p| p + 1), s.value.keyword());
            let rest = source[s.span.end..line_end(source, s.span.end)].trim();
            old.push((
                source[s.span.start..s.span.end].trim().to_string(),
                rest.starts_with('#').then(|| rest.to_string()),
            ));
        }
        Owned { source, block, lines, old, many }
    }

    /// What changed from the old lines to `new`, kind by kind in the order of `kinds`: one line
    /// for another (`effort 8` → `effort 5`), or lines removed (with the comment that went) and
    /// added.
    pub fn changes(&self, new: &[String], kinds: &[&str]) -> Vec<String> {
        let mut out = Vec::new();
        for &k in kinds {
            let was: Vec<&(String, Option<String>)> = self.old.iter().filter(|(l, _)| kind_of(l) == k).collect();
            let now: Vec<&String> = new.iter().filter(|l| kind_of(l) == k).collect();
            let gone: Vec<&&(String, Option<String>)> = was.iter().filter(|(l, _)| !now.contains(&l)).collect();
            let added: Vec<&&String> = now.iter().filter(|l| !was.iter().any(|(o, _)| o == **l)).collect();
            match (gone.as_slice(), added.as_slice()) {
                ([], []) => {}
                // One line for another: its comment stays on the new line.
                ([(o, _)], [n]) if !self.many.contains(&k) => out.push(format!("`{o}` → `{n}`")),
                _ => {
                    for (o, c) in &gone {
                        let with = c.as_ref().map(|c| format!(" (and its comment `{c}`)")).unwrap_or_default();
                        out.push(format!("`{o}` removed{with}"));
                    }
                    for n in &added {
                        out.push(format!("`{n}` added"));
                    }
                }
            }
        }
        out
    }

    /// The comment a new line carries: the one of the same statement, else (for a statement a
    /// block has once) the one of the statement it replaces.
    fn comment_of(&self, line: &str) -> String {
        let k = kind_of(line);
        self.old
            .iter()
            .find(|(o, _)| o == line)
            .or_else(|| (!self.many.contains(&k)).then(|| self.old.iter().find(|(o, _)| kind_of(o) == k)).flatten())
            .and_then(|(_, c)| c.clone())
            .map(|c| format!("  {c}"))
            .unwrap_or_default()
    }

    /// The block's lines after its header, its closing line included: each owned kind's `new`
    /// lines where the old ones of that kind were; the kinds the block did not have yet after
    /// the last of them (or first); the planner's lines where they are.
    pub fn body(&self, new: &[String]) -> String {
        let (source, b) = (self.source, self.block);
        let body_start = line_end(source, b.header.end);
        let close = source[..b.span.end].rfind('}').unwrap_or(b.span.end);
        let body_end = source[..close].rfind('\n').map_or(body_start, |p| p + 1).max(body_start);
        let mut body = String::new();
        let mut written: HashSet<&str> = HashSet::new();
        let mut insert_at = 0;
        let mut pos = body_start;
        while pos < body_end {
            let end = line_end(source, pos).min(body_end);
            match self.lines.get(&pos) {
                Some(k) => {
                    if written.insert(k) {
                        for l in new.iter().filter(|l| kind_of(l) == *k) {
                            body.push_str(&format!("  {l}{}\n", self.comment_of(l)));
                        }
                    }
                    insert_at = body.len();
                }
                None => body.push_str(&source[pos..end]),
            }
            pos = end;
        }
        let rest: String = new
            .iter()
            .filter(|l| !written.contains(kind_of(l)))
            .map(|l| format!("  {l}{}\n", self.comment_of(l)))
            .collect();
        body.insert_str(insert_at, &rest);
        body.push_str(&source[body_end..b.span.end]);
        body
    }
}
