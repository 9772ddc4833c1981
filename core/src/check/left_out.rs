//! A plan whose errors all sit inside item blocks is still checked: those items, and whatever
//! needs them, are left out (one note each), and every other commitment gets its status. The
//! plan's verdict stays `invalid`: it has errors.

use std::collections::{HashMap, HashSet};

use haalbaar_grammar::Span;

use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::model::Plan;

/// The items (indices into `plan.items`) that have the file's errors, when every error lies
/// inside the block of an item (`item_blocks`: each item block's span, header to closing
/// brace, in file order). `None` when one does not: an error in the plan, a team or an epic
/// block, or one without a place, leaves nothing that can be checked with confidence.
pub fn items_with_errors(plan: &Plan, item_blocks: &[Span], diagnostics: &[Diagnostic]) -> Option<Vec<usize>> {
    let mut bad = Vec::new();
    for d in diagnostics.iter().filter(|d| d.is_error()) {
        let span = d.span?;
        let block = item_blocks.iter().find(|b| b.start <= span.start && span.end <= b.end)?;
        // The item read from that block (its id lies inside it).
        let item = plan
            .items
            .iter()
            .position(|it| it.loc.0.is_some_and(|at| block.start <= at.start && at.end <= block.end))?;
        if !bad.contains(&item) {
            bad.push(item);
        }
    }
    bad.sort_unstable();
    Some(bad)
}

/// Why an item is left out.
enum Why {
    Errors,
    Waits(String),
    Epic(String, String),
}

/// `plan` without the items `bad` and what needs them: items that wait for one (through any
/// chain of `after`), and the other items of an epic with a commitment that loses one (its
/// commitment needs all of them). With one I0601 note per item left out, at its id.
pub fn leave_out(plan: &Plan, bad: &[usize]) -> (Plan, Vec<Diagnostic>) {
    let mut why: HashMap<usize, Why> = bad.iter().map(|&i| (i, Why::Errors)).collect();
    let mut by_id: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, it) in plan.items.iter().enumerate() {
        by_id.entry(it.id.as_str()).or_default().push(i);
    }
    // Who waits for whom, and who belongs to which committed epic.
    let mut waiting: HashMap<usize, Vec<usize>> = HashMap::new();
    for (j, it) in plan.items.iter().enumerate() {
        for a in &it.after {
            for &i in by_id.get(a.item.id.as_str()).map_or(&[][..], Vec::as_slice) {
                waiting.entry(i).or_default().push(j);
            }
        }
    }
    let committed_epic = |i: usize| {
        plan.items[i]
            .epic
            .as_ref()
            .filter(|e| plan.epic(&e.id).is_some_and(|e| e.commit.is_some()))
            .map(|e| e.id.as_str())
    };
    let mut queue: Vec<usize> = bad.to_vec();
    let mut epics_done: HashSet<&str> = HashSet::new();
    while let Some(i) = queue.pop() {
        let id = &plan.items[i].id;
        for &j in waiting.get(&i).map_or(&[][..], Vec::as_slice) {
            if let std::collections::hash_map::Entry::Vacant(e) = why.entry(j) {
                e.insert(Why::Waits(id.clone()));
                queue.push(j);
            }
        }
        if let Some(epic) = committed_epic(i)
            && epics_done.insert(epic)
        {
            for j in (0..plan.items.len()).filter(|&j| plan.items[j].epic.as_ref().is_some_and(|e| e.id == epic)) {
                if let std::collections::hash_map::Entry::Vacant(e) = why.entry(j) {
                    e.insert(Why::Epic(epic.to_string(), id.clone()));
                    queue.push(j);
                }
            }
        }
    }
    let mut notes = Vec::new();
    let mut left: Vec<usize> = why.keys().copied().collect();
    left.sort_unstable();
    for i in left {
        let it = &plan.items[i];
        let message = match &why[&i] {
            Why::Errors => format!("`{}` is left out of the check: it has errors", it.id),
            Why::Waits(x) => format!("`{}` is left out of the check: it waits for `{x}`, which is left out", it.id),
            Why::Epic(e, x) => {
                format!(
                    "`{}` is left out of the check: the commitment of epic `{e}` needs `{x}`, which is left out",
                    it.id
                )
            }
        };
        notes.push(
            Diagnostic::new(Code::I0601, message, it.loc.0)
                .with_help("fix the errors; the commitments that do not need this item are checked without it"),
        );
    }
    let items = plan.items.iter().enumerate().filter(|(i, _)| !why.contains_key(i)).map(|(_, it)| it.clone()).collect();
    (Plan { items, ..plan.clone() }, notes)
}
