//! The statements of two versions compared block by block (a block is known by its kind and
//! id): what was added, removed or changed in place, and each change as a [`Cause`] with its
//! line.

use std::collections::{BTreeMap, BTreeSet};

use haalbaar_grammar::{self as grammar, BlockKind, Span};

use super::{Cause, CauseKind, Side};
use crate::source::SourceMap;

/// One statement (or block) that differs between the versions.
#[derive(Debug, Clone)]
pub(super) struct Change {
    pub(super) block: BlockKind,
    /// The block's id (`None` for the plan block).
    pub(super) id: Option<String>,
    /// The statement's first word (`effort`, `after`, `people`); empty for a whole block.
    pub(super) keyword: String,
    /// The statement as written in each version (collapsed whitespace); `None` where absent.
    pub(super) old: Option<(String, Span)>,
    pub(super) new: Option<(String, Span)>,
}

/// The statements of each block (kind, id) of a text, normalised.
pub(super) type Blocks = BTreeMap<(u8, Option<String>), (Span, Vec<(String, Span)>)>;

pub(super) fn kind_key(k: BlockKind) -> u8 {
    match k {
        BlockKind::Plan => 0,
        BlockKind::Team => 1,
        BlockKind::Epic => 2,
        BlockKind::Item => 3,
        BlockKind::Scenario => 4,
        BlockKind::Milestone => 5,
    }
}

pub(super) fn blocks(text: &str) -> (Blocks, BTreeMap<u8, BlockKind>) {
    let file = grammar::parse(text);
    let mut out = Blocks::new();
    let mut kinds = BTreeMap::new();
    for b in &file.blocks {
        let id = b.id.as_ref().map(|i| i.value.clone());
        kinds.insert(kind_key(b.kind), b.kind);
        let statements = b
            .statements
            .iter()
            .map(|s| {
                let raw = text.get(s.span.start..s.span.end).unwrap_or("");
                (raw.split_whitespace().collect::<Vec<_>>().join(" "), s.span)
            })
            .collect();
        out.entry((kind_key(b.kind), id)).or_insert((b.header, statements));
    }
    (out, kinds)
}

/// Statements whose meaning cannot change a commitment's answer.
pub(super) const NO_EFFECT: &[&str] = &["owner", "note", "key", "target"];

/// Every statement added, removed or changed between two versions' [`blocks`], block by block; a
/// statement written once per block (`effort 30` → `effort 40`) is one change.
pub(super) fn statement_changes(
    (a, ak): &(Blocks, BTreeMap<u8, BlockKind>),
    (b, bk): &(Blocks, BTreeMap<u8, BlockKind>),
) -> Vec<Change> {
    let kind_of = |k: u8| ak.get(&k).or_else(|| bk.get(&k)).copied().unwrap_or(BlockKind::Item);
    let mut out = Vec::new();
    let keys: BTreeSet<&(u8, Option<String>)> = a.keys().chain(b.keys()).collect();
    for key in keys {
        let block = kind_of(key.0);
        match (a.get(key), b.get(key)) {
            (Some((header, _)), None) => out.push(Change {
                block,
                id: key.1.clone(),
                keyword: String::new(),
                old: Some((format!("{} {}", block_word(block), key.1.as_deref().unwrap_or("")), *header)),
                new: None,
            }),
            (None, Some((header, _))) => out.push(Change {
                block,
                id: key.1.clone(),
                keyword: String::new(),
                old: None,
                new: Some((format!("{} {}", block_word(block), key.1.as_deref().unwrap_or("")), *header)),
            }),
            (Some((_, xs)), Some((_, ys))) => {
                let mut gone: Vec<&(String, Span)> = xs.iter().filter(|x| !ys.iter().any(|y| y.0 == x.0)).collect();
                let mut came: Vec<&(String, Span)> = ys.iter().filter(|y| !xs.iter().any(|x| x.0 == y.0)).collect();
                // Pair a removed and an added statement of the same word when the block has
                // one of each (the statement was changed in place).
                let word = |s: &str| s.split(' ').next().unwrap_or("").to_string();
                let mut paired = Vec::new();
                for g in gone.clone() {
                    let w = word(&g.0);
                    let same_gone = gone.iter().filter(|x| word(&x.0) == w).count();
                    let same_came: Vec<&&(String, Span)> = came.iter().filter(|y| word(&y.0) == w).collect();
                    if same_gone == 1 && same_came.len() == 1 {
                        let c = (*same_came[0]).clone();
                        paired.push((g.clone(), c.clone()));
                        came.retain(|y| y.0 != c.0);
                    }
                }
                gone.retain(|g| !paired.iter().any(|(x, _)| x.0 == g.0));
                for (g, c) in paired {
                    out.push(Change { block, id: key.1.clone(), keyword: word(&c.0), old: Some(g), new: Some(c) });
                }
                for g in gone {
                    out.push(Change { block, id: key.1.clone(), keyword: word(&g.0), old: Some(g.clone()), new: None });
                }
                for c in came {
                    out.push(Change { block, id: key.1.clone(), keyword: word(&c.0), old: None, new: Some(c.clone()) });
                }
            }
            (None, None) => {}
        }
    }
    // A scenario's lines change only the scenario, never the plan's own answer.
    out.retain(|c| !NO_EFFECT.contains(&c.keyword.as_str()) && c.block != BlockKind::Scenario);
    // In the order of the new file (removed ones at their old place), for stable output.
    out.sort_by_key(|c| (c.new.as_ref().map_or(usize::MAX, |n| n.1.start), c.old.as_ref().map_or(0, |o| o.1.start)));
    out
}

pub(super) fn block_word(k: BlockKind) -> &'static str {
    match k {
        BlockKind::Plan => "plan",
        BlockKind::Team => "team",
        BlockKind::Epic => "epic",
        BlockKind::Scenario => "scenario",
        _ => "item",
    }
}

pub(super) fn cause(kind: CauseKind, ch: &Change, old: &SourceMap<'_>, new: &SourceMap<'_>) -> Cause {
    let block = match (&ch.id, ch.block) {
        (Some(id), k) => format!("{} `{id}`", block_word(k)),
        (None, _) => "the plan".to_string(),
    };
    let (text, side, span) = match (&ch.old, &ch.new) {
        _ if ch.keyword.is_empty() => match (&ch.old, &ch.new) {
            (Some((_, s)), None) => (format!("{block} removed"), Side::Old, *s),
            (_, Some((_, s))) => (format!("{block} added"), Side::New, *s),
            _ => (block.clone(), Side::New, Span::new(0, 0)),
        },
        (Some((o, _)), Some((n, s))) => (format!("{block}: `{o}` → `{n}`"), Side::New, *s),
        (None, Some((n, s))) => (format!("{block}: `{n}` added"), Side::New, *s),
        (Some((o, s)), None) => (format!("{block}: `{o}` removed"), Side::Old, *s),
        (None, None) => (block.clone(), Side::New, Span::new(0, 0)),
    };
    let map = if side == Side::Old { old } else { new };
    Cause { kind, text, side, line: Some(map.locate(span.start).line), span: Some(span) }
}
