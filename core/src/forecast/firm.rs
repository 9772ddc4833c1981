//! W0510: commitments due beyond the PIs the plan holds firm, one warning per kind.

use haalbaar_grammar::Span;

/// A commitment due beyond the firm horizon: `` `id` (PIx, chance likely) `` and where.
pub(super) type Beyond = (String, Option<Span>);

/// One W0510 for the commitments of one kind due beyond the firm horizon (`what`: each one's
/// `id` (PIx, chance likely), at its commitment's span), or none. A soft one is a forecast, not
/// a commitment; a hard one (law, contract) stays a commitment, and its chance is what to watch.
pub(super) fn beyond_firm_warning(beyond: &[Beyond], firm: u32, hard: bool) -> Option<crate::Diagnostic> {
    let ((first, span), rest) = beyond.split_first()?;
    // The first few by name; every one is marked at its line and has its row in the table.
    const NAMED: usize = 5;
    let mut names: Vec<String> = beyond.iter().map(|(w, _)| w.clone()).collect();
    if names.len() > NAMED + 1 {
        let more = names.len() - NAMED;
        names.truncate(NAMED);
        names.push(format!("{more} more"));
    }
    let names = match names.split_last() {
        Some((last, init)) if !init.is_empty() => format!("{} and {last}", init.join(", ")),
        _ => names.join(", "),
    };
    let (message, help) = match (hard, rest.is_empty()) {
        (false, true) => (
            format!("{first} is due beyond the {firm} PIs the plan holds firm: it is a forecast, not a commitment"),
            "name it a target until it is within the firm horizon, or change `firm N PIs` in the plan block",
        ),
        (false, false) => (
            format!(
                "{} commitments are due beyond the {firm} PIs the plan holds firm: they are forecasts, not commitments: {names}",
                beyond.len()
            ),
            "name them targets until they are within the firm horizon, or change `firm N PIs` in the plan block",
        ),
        (true, true) => (
            format!(
                "{first} is hard and due beyond the {firm} PIs the plan holds firm: it stays a commitment, and its chance is a forecast"
            ),
            "keep it hard; review its chance every PI and act (capacity, scope) while it is low",
        ),
        (true, false) => (
            format!(
                "{} hard commitments are due beyond the {firm} PIs the plan holds firm: they stay commitments, and their chances are forecasts: {names}",
                beyond.len()
            ),
            "keep them hard; review their chances every PI and act (capacity, scope) while one is low",
        ),
    };
    let mut d = crate::Diagnostic::new(crate::Code::W0510, message, *span).with_help(help);
    for (what, at) in rest {
        d = d.with_secondary(*at, format!("also {}", what));
    }
    Some(d)
}
