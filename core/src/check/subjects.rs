//! What each diagnostic is about. A plan from text has blocks, and a diagnostic is about the
//! block its span lies in. A plan built in code has no text: before its check, every element
//! gets a stand-in span that says which team, epic or item it belongs to, so every check that
//! points at a place (the same code for both) points at an element; after it, the stand-ins
//! are read back as subjects and dropped.

use haalbaar_grammar::{Block, BlockKind, Span};

use crate::diagnostic::{Diagnostic, Subject};
use crate::model::{Loc, Plan};

/// Bits of a stand-in span's offset that hold the element's index (the rest: its kind).
const INDEX_BITS: u32 = 28;

fn stand_in(kind: usize, index: usize) -> Loc {
    let start = ((kind + 1) << INDEX_BITS) | (index & ((1 << INDEX_BITS) - 1));
    Loc(Some(Span::new(start, start + 1)))
}

/// The stand-in span of the plan block.
pub(crate) fn plan_block() -> Option<Span> {
    stand_in(0, 0).0
}

/// Gives every element of `plan` a stand-in span naming it; returns the stand-in spans of the
/// items (as the blocks of a file would be).
pub(crate) fn mark(plan: &mut Plan) -> Vec<Span> {
    let at = stand_in(0, 0);
    for h in &mut plan.settings.holidays {
        h.loc = at;
    }
    if let Some(d) = &mut plan.settings.as_of {
        d.loc = at;
    }
    // A milestone line stands in the plan's top level: named by the plan.
    plan.milestones.iter_mut().for_each(|m| m.loc = at);
    for (k, t) in plan.teams.iter_mut().enumerate() {
        let at = stand_in(1, k);
        t.loc = at;
        t.hires.iter_mut().for_each(|c| c.loc = at);
        t.leaves.iter_mut().for_each(|c| c.loc = at);
        t.vacancies.iter_mut().for_each(|v| v.loc = at);
        t.overrides.iter_mut().for_each(|o| o.loc = at);
        t.adjustments.iter_mut().for_each(|a| a.loc = at);
        t.absences.iter_mut().for_each(|a| a.loc = at);
        t.holidays.iter_mut().for_each(|h| h.loc = at);
        for l in &mut t.lends {
            l.loc = at;
            l.to.loc = at;
        }
    }
    for (k, e) in plan.epics.iter_mut().enumerate() {
        let at = stand_in(2, k);
        e.loc = at;
        if let Some(c) = &mut e.commit {
            c.loc = at;
        }
    }
    let mut items = Vec::with_capacity(plan.items.len());
    for (k, it) in plan.items.iter_mut().enumerate() {
        let at = stand_in(3, k);
        items.extend(at.0);
        it.loc = at;
        for r in [&mut it.team, &mut it.epic].into_iter().flatten() {
            r.loc = at;
        }
        if let Some(x) = &mut it.effort {
            x.loc = at;
        }
        if let Some(x) = &mut it.max {
            x.loc = at;
        }
        if let Some(x) = &mut it.not_before {
            x.loc = at;
        }
        if let Some(x) = &mut it.placed {
            x.loc = at;
        }
        if let Some(x) = &mut it.target {
            x.loc = at;
        }
        if let Some(c) = &mut it.commit {
            c.loc = at;
        }
        for d in it.after.iter_mut().chain(it.milestones.iter_mut()) {
            d.loc = at;
            d.item.loc = at;
        }
        for x in [&mut it.done, &mut it.remaining].into_iter().flatten() {
            x.loc = at;
        }
        for x in [&mut it.finished, &mut it.started].into_iter().flatten() {
            x.loc = at;
        }
        it.history.iter_mut().for_each(|h| h.loc = at);
    }
    items
}

/// The element a stand-in span names.
fn named(plan: &Plan, span: Span) -> Option<Subject> {
    let kind = span.start >> INDEX_BITS;
    let index = span.start & ((1 << INDEX_BITS) - 1);
    Some(match kind {
        1 => Subject::Plan,
        2 => Subject::Team(plan.teams.get(index)?.id.clone()),
        3 => Subject::Epic(plan.epics.get(index)?.id.clone()),
        4 => Subject::Item(plan.items.get(index)?.id.clone()),
        _ => return None,
    })
}

/// Reads the stand-in spans of a built plan's diagnostics back as subjects, and drops them
/// (and the secondary labels, which have no text to point at).
pub(crate) fn resolve(plan: &Plan, diagnostics: &mut [Diagnostic]) {
    for d in diagnostics {
        d.subject = d.span.take().and_then(|s| named(plan, s));
        d.labels.clear();
    }
}

/// The subject of each diagnostic of a text: the block its span lies in.
pub(crate) fn of_blocks(blocks: &[Block], diagnostics: &mut [Diagnostic]) {
    for d in diagnostics {
        let Some(span) = d.span else { continue };
        let Some(b) =
            blocks.iter().find(|b| b.span.start <= span.start && span.start < b.span.end.max(b.span.start + 1))
        else {
            continue;
        };
        let id = b.id.as_ref().map(|i| i.value.clone());
        d.subject = match (b.kind, id) {
            (BlockKind::Plan, _) => Some(Subject::Plan),
            (BlockKind::Team, Some(id)) => Some(Subject::Team(id)),
            (BlockKind::Epic, Some(id)) => Some(Subject::Epic(id)),
            (BlockKind::Item, Some(id)) => Some(Subject::Item(id)),
            _ => None,
        };
    }
}
