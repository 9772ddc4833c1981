//! Comparing a plan with its scenarios (`haalbaar compare FILE`): the plan and every scenario
//! checked, and each commitment's status and finish side by side, with whether a scenario
//! makes it better or worse than the plan itself.

use serde::Serialize;

use super::diff::{Standing, later, worse};
use crate::feasibility::{CommitmentKind, PlanVerdict};
use crate::{Checked, Options, Scenario};

/// Raised only when a field of [`Comparison`] changes meaning or goes.
pub const COMPARE_VERSION: u32 = 1;

/// The plan and each of its scenarios, checked, commitment by commitment.
///
/// ```
/// use haalbaar::report::compare::{Effect, compare};
///
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\n\
///               item login {\n  team api\n  effort 40\n  commit PI1\n}\n\
///               scenario groot \"Ten times the work\" {\n  item login effort 400\n}\n";
/// let c = compare("demo.plan", source, &haalbaar::Options::default());
/// assert_eq!(c.columns.len(), 2); // the plan, then `groot`
/// assert_eq!(c.columns[1].scenario.as_deref(), Some("groot"));
/// let login = &c.commitments[0];
/// assert_eq!(login.item, "login");
/// assert_eq!(login.standings[0].as_ref().map(|s| s.to_string()).as_deref(), Some("met by PI1.1"));
/// assert_eq!(login.effects[1], Effect::Worse);
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Comparison {
    /// [`COMPARE_VERSION`].
    pub version: u32,
    /// The file, as given.
    pub file: String,
    /// The plan itself first, then each scenario in file order.
    pub columns: Vec<Column>,
    /// Every commitment of the plan in its rank order, then those only a scenario has.
    pub commitments: Vec<Row>,
    /// What-ifs assumed of every column (`--assume`, `--load`); absent when none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assumed: Option<crate::Assume>,
}

/// One checked version: the plan itself or a scenario.
///
/// ```
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\n\
///               item login {\n  team api\n  effort 40\n  commit PI1\n}\n\
///               scenario groot {\n  item login effort 400\n}\n";
/// let c = haalbaar::report::compare::compare("demo.plan", source, &haalbaar::Options::default());
/// let groot = &c.columns[1];
/// assert_eq!((groot.scenario.as_deref(), groot.met, groot.commitments), (Some("groot"), 0, 1));
/// assert!(groot.errors.is_empty());
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Column {
    /// The scenario's id; `None` for the plan itself.
    pub scenario: Option<String>,
    /// The scenario's title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Its verdict.
    pub verdict: PlanVerdict,
    /// How many of its commitments are met.
    pub met: usize,
    /// How many commitments it checked.
    pub commitments: usize,
    /// Its errors other than commitments not met (a scenario line naming something unknown,
    /// a value out of range), each with its line.
    pub errors: Vec<ColumnError>,
}

/// An error of one column.
///
/// ```
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\n\
///               scenario kapot {\n  team apj people 2\n}\n";
/// let c = haalbaar::report::compare::compare("demo.plan", source, &haalbaar::Options::default());
/// let e = &c.columns[1].errors[0];
/// assert_eq!((e.code.as_str(), e.line), ("E0701", Some(9)));
/// // The plan's own column leaves the scenario's mistake to the scenario.
/// assert!(c.columns[0].errors.is_empty());
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ColumnError {
    /// Its stable code (`E0701`).
    pub code: String,
    /// What is wrong.
    pub message: String,
    /// How to fix it, when the check can say (`did you mean ...?`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// Its line (from 1), when it has one.
    pub line: Option<usize>,
}

/// One commitment across the columns.
///
/// ```
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\n\
///               item login {\n  team api\n  effort 40\n  commit PI1\n}\n\
///               scenario groot {\n  item login effort 400\n}\n";
/// let c = haalbaar::report::compare::compare("demo.plan", source, &haalbaar::Options::default());
/// let login = &c.commitments[0];
/// assert_eq!(login.standings.len(), 2);
/// assert_eq!(login.standings[1].as_ref().map(|s| s.status), Some(haalbaar::Status::Infeasible));
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Row {
    /// The item or epic committed to.
    pub item: String,
    /// An item's or an epic's commitment, or an item placed in a PI.
    pub kind: CommitmentKind,
    /// Its title, from the first column that has it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Its standing in each column (same order as [`Comparison::columns`]); `None` where
    /// that version does not commit to it (or could not be checked).
    pub standings: Vec<Option<Standing>>,
    /// What each column does to it compared with the plan itself (the first is always
    /// `same`).
    pub effects: Vec<Effect>,
}

/// What a scenario does to a commitment, compared with the plan itself.
///
/// ```
/// use haalbaar::report::compare::Effect;
///
/// assert_eq!(Effect::Worse.to_string(), "worse");
/// assert_eq!(serde_json::to_value(Effect::Added).unwrap(), "added");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Effect {
    /// Same status, finish and deadline.
    Same,
    /// Met where the plan misses it, or not met but finishing earlier.
    Better,
    /// Missed where the plan meets it, or finishing later.
    Worse,
    /// Met in both, finishing earlier.
    Earlier,
    /// Met in both, finishing later (less slack, still in time).
    Later,
    /// Changed otherwise (another deadline, or the same finish with another status).
    Changed,
    /// A commitment the plan does not have.
    Added,
    /// A commitment of the plan the scenario does not have.
    Removed,
    /// Neither has it, or a version could not be checked.
    None,
}

impl std::fmt::Display for Effect {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(match self {
            Effect::Same => "same",
            Effect::Better => "better",
            Effect::Worse => "worse",
            Effect::Earlier => "earlier",
            Effect::Later => "later",
            Effect::Changed => "changed",
            Effect::Added => "added",
            Effect::Removed => "removed",
            Effect::None => "none",
        })
    }
}

/// Checks the plan in `source` and each of its scenarios (with `options`, whose own
/// [`Options::scenario`] is ignored) and lines the answers up. The scenarios reuse the
/// plan's check where they leave its problem as it was, and run side by side where the
/// options allow threads.
///
/// ```
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\n\
///               item login {\n  team api\n  effort 40\n  commit PI1\n}\n";
/// // A plan without scenarios: one column.
/// let c = haalbaar::report::compare::compare("demo.plan", source, &haalbaar::Options::default());
/// assert_eq!((c.columns.len(), c.commitments.len()), (1, 1));
/// ```
pub fn compare(file: &str, source: &str, options: &Options) -> Comparison {
    let base_options = Options { scenario: None, ..options.clone() };
    let base = crate::check::check_with(source, &base_options);
    let ids: Vec<String> = base.scenarios.iter().map(|s| s.id.clone()).collect();
    let one =
        |id: &String| crate::check::recheck(&base, source, &Options { scenario: Some(id.clone()), ..options.clone() });
    let threads = if options.threads == crate::Threads::Auto && !cfg!(target_arch = "wasm32") {
        std::thread::available_parallelism().map_or(1, |n| n.get()).min(ids.len())
    } else {
        1
    };
    let checks: Vec<Checked> = if threads <= 1 {
        ids.iter().map(one).collect()
    } else {
        // Scenario i on thread i % threads; the answers put back in file order.
        let mut done: Vec<(usize, Checked)> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|lane| {
                    let (ids, one) = (&ids, &one);
                    scope.spawn(move || {
                        ids.iter()
                            .enumerate()
                            .filter(|(i, _)| i % threads == lane)
                            .map(|(i, id)| (i, one(id)))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles.into_iter().flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
        });
        done.sort_by_key(|(i, _)| *i);
        done.into_iter().map(|(_, c)| c).collect()
    };
    let scenarios = base.scenarios.clone();
    compare_checked(file, source, &base, &scenarios, &checks, options)
}

/// [`compare`] of checks already made: `base` of the plan and `checks[i]` of `scenarios[i]`.
#[doc(hidden)]
pub fn compare_checked(
    file: &str,
    source: &str,
    base: &Checked,
    scenarios: &[Scenario],
    checks: &[Checked],
    options: &Options,
) -> Comparison {
    let map = crate::source::SourceMap::new(source);
    let all: Vec<&Checked> = std::iter::once(base).chain(checks).collect();
    let columns = all
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let reports = c.feasibility.as_ref().map(|f| &f.commitments[..]).unwrap_or_default();
            Column {
                scenario: (k > 0).then(|| scenarios[k - 1].id.clone()),
                title: (k > 0).then(|| scenarios[k - 1].title.clone()).flatten(),
                verdict: c.verdict(),
                met: reports.iter().filter(|r| r.status == crate::Status::Met).count(),
                commitments: reports.len(),
                errors: c
                    .diagnostics
                    .iter()
                    .filter(|d| d.is_error() && !d.code.as_str().starts_with("E06"))
                    // The plan's own column leaves a scenario's mistakes to the scenario's.
                    .filter(|d| {
                        k > 0
                            || !d.span.is_some_and(|s| {
                                scenarios.iter().any(|x| x.span.start <= s.start && s.start <= x.span.end)
                            })
                    })
                    .map(|d| ColumnError {
                        code: d.code.to_string(),
                        message: d.message.clone(),
                        help: d.help.clone(),
                        line: d.span.map(|s| map.locate(s.start).line),
                    })
                    .collect(),
            }
        })
        .collect();
    // Rows: the plan's commitments in rank order, then each scenario's new ones.
    let mut commitments: Vec<Row> = Vec::new();
    for (k, c) in all.iter().enumerate() {
        let Some(f) = &c.feasibility else { continue };
        for r in &f.commitments {
            let at = match commitments.iter().position(|row| row.kind == r.kind && row.item == r.item) {
                Some(at) => at,
                None => {
                    commitments.push(Row {
                        item: r.item.clone(),
                        kind: r.kind,
                        title: r.title.clone(),
                        standings: vec![None; all.len()],
                        effects: Vec::new(),
                    });
                    commitments.len() - 1
                }
            };
            commitments[at].standings[k] = Some(Standing::of(r));
        }
    }
    let decided: Vec<bool> = all.iter().map(|c| c.feasibility.is_some()).collect();
    for row in &mut commitments {
        row.effects =
            (0..all.len()).map(|k| effect(&row.standings[0], &row.standings[k], decided[0] && decided[k])).collect();
    }
    let assumed = options.assume.any().then(|| options.assume.clone());
    Comparison { version: COMPARE_VERSION, file: file.to_string(), columns, commitments, assumed }
}

impl Comparison {
    /// The JSON Schema of this report (`docs/compare.schema.json`).
    ///
    /// ```
    /// let schema = haalbaar::report::compare::Comparison::schema();
    /// assert!(schema.contains("\"standings\""));
    /// ```
    #[cfg(feature = "schema")]
    pub fn schema() -> String {
        super::schema_text(schemars::schema_for!(Comparison))
    }

    /// Whether any scenario makes a commitment worse than the plan itself, or has errors.
    ///
    /// ```
    /// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\n\
    ///               item login {\n  team api\n  effort 40\n  commit PI1\n}\n\
    ///               scenario klein {\n  item login effort 20\n}\n";
    /// let c = haalbaar::report::compare::compare("demo.plan", source, &haalbaar::Options::default());
    /// assert!(!c.any_worse());
    /// ```
    pub fn any_worse(&self) -> bool {
        self.commitments.iter().any(|r| r.effects.iter().any(|e| matches!(e, Effect::Worse | Effect::Removed)))
    }
}

fn effect(base: &Option<Standing>, other: &Option<Standing>, decided: bool) -> Effect {
    match (base, other) {
        (Some(b), Some(o)) if b.status == o.status && b.finish == o.finish && b.deadline == o.deadline => Effect::Same,
        (Some(b), Some(o)) if worse(b, o) => Effect::Worse,
        (Some(b), Some(o)) if worse(o, b) => Effect::Better,
        (Some(b), Some(o)) if b.status == crate::Status::Met && o.status == crate::Status::Met => {
            match (&b.finish, &o.finish) {
                (Some(x), Some(y)) if later(y, x) => Effect::Later,
                (Some(x), Some(y)) if later(x, y) => Effect::Earlier,
                _ => Effect::Changed,
            }
        }
        (Some(_), Some(_)) => Effect::Changed,
        (Some(_), None) if decided => Effect::Removed,
        (None, Some(_)) if decided => Effect::Added,
        _ => Effect::None,
    }
}
