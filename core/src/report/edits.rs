//! Repairs as changes to the plan and as edits to its text. A repair is verified on the
//! changed model; the same change gives the text edit a planner applies (`haalbaar fix`, the
//! widget's "apply"), so applying the edit and checking again gives the model that was
//! verified.

use serde::Serialize;

use crate::feasibility::CommitmentKind;
use crate::model::Plan;
use crate::source::SourceMap;

/// One change to a plan, as a repair makes it.
///
/// ```
/// use haalbaar::report::edits::{PlanChange, apply, edits};
///
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  commit PI2\n}\n";
/// let checked = haalbaar::check(source);
/// // Ten days more for team `api` in PI1.2, in thousandths.
/// let change = PlanChange::Capacity { team: "api".into(), pi: 1, iteration: 2, delta: 10_000 };
/// let changed = apply(source, &edits(&checked.plan, source, &change));
/// assert!(changed.contains("  focus 75%\n  capacity PI1.2 +10\n}"), "{changed}");
/// let capacity = haalbaar::check(&changed).capacity.expect("capacity");
/// assert_eq!(capacity.teams[0].iterations[1].capacity, haalbaar::Fixed::from_int(40));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanChange {
    /// The commitment of item or epic `owner` now ends with iteration `iteration` of PI `pi`.
    Commit {
        /// The item or epic.
        owner: String,
        /// Whether it is an item's or an epic's.
        kind: CommitmentKind,
        /// The PI.
        pi: u32,
        /// The iteration within it.
        iteration: u32,
        /// Whether the commitment is hard.
        hard: bool,
    },
    /// `capacity PIpi.iteration +delta` added to team `team` (thousandths; whole units).
    Capacity {
        /// The team.
        team: String,
        /// The PI.
        pi: u32,
        /// The iteration within it.
        iteration: u32,
        /// Thousandths of the plan's unit added.
        delta: i64,
    },
    /// `capacity PIpi +delta` added to team `team` (thousandths; whole units), spread over the
    /// PI's planned iterations.
    PiCapacity {
        /// The team.
        team: String,
        /// The PI.
        pi: u32,
        /// Thousandths of the plan's unit added.
        delta: i64,
    },
    /// Item `item`'s effort lowered by `by` (thousandths): every figure of its range.
    Effort {
        /// The item.
        item: String,
        /// Thousandths of the plan's unit taken off.
        by: i64,
    },
    /// Item `item` no longer comes after `after`.
    RemoveAfter {
        /// The item that waited.
        item: String,
        /// The item it waited for.
        after: String,
    },
}

/// A text edit: replace the text from (`line`, `column`) up to (`end_line`, `end_column`),
/// end exclusive, with `new_text`. Lines and columns are 1-based, columns count Unicode code
/// points of the line (a byte-order mark is not counted); an insertion has end = start.
///
/// ```
/// use haalbaar::report::feasibility::RepairReport;
///
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 1\n}\nitem big {\n  team api\n  effort 60\n  commit PI1\n}\n";
/// let feasibility = haalbaar::check(source).feasibility.expect("decided");
/// let repairs = &feasibility.commitments[0].repairs;
/// let deadline = repairs.iter().find(|r| matches!(r, RepairReport::Deadline { .. })).expect("a new deadline");
/// // `  commit PI1` on line 11 becomes `  commit PI2.2`.
/// let edit = &deadline.edits()[0];
/// assert_eq!((edit.line, edit.column, edit.end_line, edit.end_column), (11, 3, 11, 13));
/// assert_eq!(edit.new_text, "commit PI2.2");
/// assert_eq!(&source[edit.span.0..edit.span.1], "commit PI1");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Edit {
    /// The line the replaced text starts on.
    pub line: usize,
    /// Its column.
    pub column: usize,
    /// The line it ends on.
    pub end_line: usize,
    /// The column just past its end.
    pub end_column: usize,
    /// What replaces it.
    pub new_text: String,
    /// Byte offsets of the replaced text.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub span: (usize, usize),
}

impl Edit {
    /// `span` replaced by `new_text`, not yet placed (line and column 0 until [`Edit::locate`]).
    pub(crate) fn new(span: haalbaar_grammar::Span, new_text: impl Into<String>) -> Self {
        Edit { line: 0, column: 0, end_line: 0, end_column: 0, new_text: new_text.into(), span: (span.start, span.end) }
    }
    /// Its line and column in the text `map` is of.
    pub(crate) fn locate(&mut self, map: &SourceMap) {
        let (a, b) = (map.locate(self.span.0), map.locate(self.span.1));
        (self.line, self.column, self.end_line, self.end_column) = (a.line, a.column, b.line, b.column);
    }
}

/// A figure in thousandths as the plan writes it (`30`, `2.5`).
///
/// ```
/// use haalbaar::report::edits::figure;
///
/// assert_eq!(figure(30_000), "30");
/// assert_eq!(figure(2_500), "2.5");
/// assert_eq!(figure(1), "0.001");
/// ```
pub fn figure(millis: i64) -> String {
    crate::fixed::Fixed::from_millis(millis).to_string()
}

/// The text edits that make `change` in the file `source` (whose model is `plan`); empty when
/// the change has no place in the text (a plan built in code).
///
/// ```
/// use haalbaar::report::edits::{PlanChange, apply, edits};
///
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  commit PI2\n}\n";
/// let checked = haalbaar::check(source);
/// // The likely figure of `30..50` is 40; ten less keeps the spread.
/// let change = PlanChange::Effort { item: "login".into(), by: 10_000 };
/// let found = edits(&checked.plan, source, &change);
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].new_text, "effort 20..40");
/// assert!(apply(source, &found).contains("  effort 20..40\n"));
/// // A change about something the plan does not have has no edit.
/// let nothing = PlanChange::Effort { item: "logout".into(), by: 10_000 };
/// assert!(edits(&checked.plan, source, &nothing).is_empty());
/// ```
pub fn edits(plan: &Plan, source: &str, change: &PlanChange) -> Vec<Edit> {
    edits_with(plan, source, &SourceMap::new(source), change)
}

/// [`edits`] with the file's line map made once for many changes.
pub(crate) fn edits_with(plan: &Plan, source: &str, map: &SourceMap, change: &PlanChange) -> Vec<Edit> {
    let edit = |start: usize, end: usize, new_text: String| {
        let (a, b) = (map.locate(start), map.locate(end));
        let (line, column, end_line, end_column) = (a.line, a.column, b.line, b.column);
        Edit { line, column, end_line, end_column, new_text, span: (start, end) }
    };
    match change {
        PlanChange::Commit { owner, kind, pi, iteration, hard } => {
            let loc = match kind {
                CommitmentKind::Item => plan.item(owner).and_then(|i| i.commit.as_ref()).and_then(|c| c.loc.0),
                CommitmentKind::Epic => plan.epic(owner).and_then(|e| e.commit.as_ref()).and_then(|c| c.loc.0),
            };
            let Some(span) = loc else { return Vec::new() };
            let hard = if *hard { " hard" } else { "" };
            vec![edit(span.start, span.end, format!("commit PI{pi}.{iteration}{hard}"))]
        }
        PlanChange::Capacity { team, pi, iteration, delta } => {
            let Some(at) = plan.team(team).and_then(|t| t.loc.0) else { return Vec::new() };
            let Some((insert, indent)) = block_end(source, at.start) else { return Vec::new() };
            let sign = if *delta < 0 { "-" } else { "+" };
            vec![edit(insert, insert, format!("{indent}capacity PI{pi}.{iteration} {sign}{}\n", figure(delta.abs())))]
        }
        PlanChange::PiCapacity { team, pi, delta } => {
            let Some(at) = plan.team(team).and_then(|t| t.loc.0) else { return Vec::new() };
            let Some((insert, indent)) = block_end(source, at.start) else { return Vec::new() };
            let sign = if *delta < 0 { "-" } else { "+" };
            vec![edit(insert, insert, format!("{indent}capacity PI{pi} {sign}{}\n", figure(delta.abs())))]
        }
        PlanChange::Effort { item, by } => {
            let Some(it) = plan.item(item) else { return Vec::new() };
            let Some(effort) = &it.effort else { return Vec::new() };
            let Some(span) = effort.loc.0 else { return Vec::new() };
            let Some(text) = lower_effort(&effort.value, *by) else { return Vec::new() };
            vec![edit(span.start, span.end, text)]
        }
        PlanChange::RemoveAfter { item, after } => {
            let Some(it) = plan.item(item) else { return Vec::new() };
            // Not one written `after EPIC`: that line also waits for the epic's other items
            // (the repair is then said in words only).
            let Some(span) = it.after.iter().find(|a| a.item.id == *after && a.via.is_none()).and_then(|a| a.loc.0)
            else {
                return Vec::new();
            };
            // The whole line, its line break included.
            let start = source[..span.start].rfind(['\n', '\r']).map_or(0, |k| k + 1);
            let end = source[span.end..].find('\n').map_or(source.len(), |k| span.end + k + 1);
            vec![edit(start, end, String::new())]
        }
    }
}

/// `effort …` with the likely figure lowered by `by` thousandths, exactly (the figure the check
/// plans with). The range keeps its spread when its low end stays above zero; otherwise it
/// shrinks in proportion, so every figure stays above zero. `None` when nothing would be left.
fn lower_effort(e: &crate::model::Effort, by: i64) -> Option<String> {
    let likely = e.likely().millis();
    let target = likely.checked_sub(by).filter(|&t| t > 0)?;
    // A figure of the range scaled by target / likely, at least a thousandth.
    let scaled = |f: i64| -> i64 {
        let v = i128::from(f) * i128::from(target) / i128::from(likely.max(1));
        i64::try_from(v).unwrap_or(target).max(1)
    };
    Some(match (e.low == e.high, e.mode) {
        (true, _) => format!("effort {}", figure(target)),
        (false, Some(m)) if e.low.millis() - by > 0 => {
            format!(
                "effort {}..{}..{}",
                figure(e.low.millis() - by),
                figure(m.millis() - by),
                figure(e.high.millis() - by)
            )
        }
        (false, Some(_)) => {
            let (low, high) = (scaled(e.low.millis()).min(target), scaled(e.high.millis()).max(target));
            format!("effort {}..{}..{}", figure(low), figure(target), figure(high))
        }
        (false, None) if e.low.millis() - by > 0 => {
            format!("effort {}..{}", figure(e.low.millis() - by), figure(e.high.millis() - by))
        }
        (false, None) => {
            // The midpoint is what the check plans with: low + high = 2 × target exactly.
            let low = scaled(e.low.millis()).min(target);
            format!("effort {}..{}", figure(low), figure(2 * target - low))
        }
    })
}

/// Where a new statement goes in the block whose header holds byte `at`: the start of the
/// line of its closing brace, and the indentation of its statements (two spaces by default).
fn block_end(source: &str, at: usize) -> Option<(usize, String)> {
    let from = source[..at].rfind('\n').map_or(0, |k| k + 1);
    let mut indent = None;
    let mut pos = from;
    let mut first = true;
    for line in source[from..].split_inclusive('\n') {
        let text = line.trim_end_matches(['\n', '\r']);
        if !first && text.trim() == "}" {
            return Some((pos, indent.unwrap_or_else(|| "  ".to_string())));
        }
        if !first && indent.is_none() && !text.trim().is_empty() && !text.trim_start().starts_with('#') {
            indent = Some(text[..text.len() - text.trim_start().len()].to_string());
        }
        first = false;
        pos += line.len();
    }
    None
}

/// `source` with `edits` applied (they must not overlap).
///
/// ```
/// use haalbaar::report::edits::{Edit, apply};
///
/// let source = "  effort 30\n  commit PI1\n";
/// let edits = [
///     Edit { line: 1, column: 10, end_line: 1, end_column: 12, new_text: "40".into(), span: (9, 11) },
///     Edit { line: 2, column: 10, end_line: 2, end_column: 13, new_text: "PI2.2".into(), span: (21, 24) },
/// ];
/// assert_eq!(apply(source, &edits), "  effort 40\n  commit PI2.2\n");
/// ```
pub fn apply(source: &str, edits: &[Edit]) -> String {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| std::cmp::Reverse(e.span));
    let mut out = source.to_string();
    for e in sorted {
        out.replace_range(e.span.0..e.span.1, &e.new_text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::lower_effort;
    use crate::fixed::Fixed;
    use crate::model::Effort;

    fn range(text: &str) -> Effort {
        let v: Vec<Fixed> = text.split("..").map(|f| Fixed::parse(f).unwrap_or(Fixed::ZERO)).collect();
        match v.as_slice() {
            [x] => Effort::exact(*x),
            [l, h] => Effort { low: *l, mode: None, high: *h },
            [l, m, h] => Effort { low: *l, mode: Some(*m), high: *h },
            _ => Effort::exact(Fixed::ZERO),
        }
    }

    #[test]
    fn a_cut_lowers_the_likely_figure_exactly_and_keeps_every_figure_above_zero() {
        for (effort, by, want) in [
            ("40", 10_000, Some("effort 30")),
            ("20..40", 10_000, Some("effort 10..30")),
            ("10..20..40", 5_000, Some("effort 5..15..35")),
            // Below the low end: the range shrinks in proportion (likely 250 to 24).
            ("200..300", 226_000, Some("effort 19.2..28.8")),
            ("100..120..200", 96_000, Some("effort 4..24..104")),
            ("100..120..200", 110_000, Some("effort 8.333..10..16.666")),
            ("50", 50_000, None),
        ] {
            assert_eq!(lower_effort(&range(effort), by).as_deref(), want, "{effort} by {by}");
        }
        // Whatever the figures, the result reads back with its likely figure lowered by `by`.
        for (effort, by) in [("1..1000", 499_000), ("0.001..7", 3_000), ("3..5..900", 4_999)] {
            let e = range(effort);
            let text = lower_effort(&e, by).unwrap();
            let back = range(text.trim_start_matches("effort "));
            assert_eq!(back.likely().millis(), e.likely().millis() - by, "{effort} by {by}: {text}");
            assert!(back.low.is_positive() && back.low <= back.likely() && back.likely() <= back.high, "{text}");
        }
    }
}
