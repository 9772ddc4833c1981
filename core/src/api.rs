//! One call per question, for bindings that hand results across a boundary (the WASM
//! package, an editor server): each takes the plan text and returns one serialisable value,
//! the same value the CLI writes with `--format json`.

use serde::Serialize;

use crate::board::Board;
use crate::forecast::{Forecast, ForecastOptions};
use crate::report::{CalendarRow, CapacityReport, CheckReport, DiagnosticRecord, records};
use crate::{Code, Options};

/// The report of `haalbaar check --format json FILE`.
pub fn check(file: &str, source: &str, options: &Options) -> CheckReport {
    CheckReport::single(file, source, crate::check_with(source, options))
}

/// A check's report and its program board, from one check.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Inspection {
    /// Exactly what [`check`] returns.
    pub report: CheckReport,
    /// `None` when the file has errors (there is no schedule to show).
    pub board: Option<Board>,
}

/// [`check`] and the [`Board`] of the same check.
pub fn inspect(file: &str, source: &str, options: &Options) -> Inspection {
    let checked = crate::check_with(source, options);
    let board = Board::of(&checked, source);
    Inspection { report: CheckReport::single(file, source, checked), board }
}

/// The calendar of a plan, or why there is none.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CalendarResult {
    /// The rows of `haalbaar calendar --format json`; `None` when the file has errors.
    pub calendar: Option<Vec<CalendarRow>>,
    /// The file's findings.
    pub diagnostics: Vec<DiagnosticRecord>,
}

/// The rows of `haalbaar calendar --format json`, with the file's findings.
pub fn calendar(file: &str, source: &str) -> CalendarResult {
    let checked = crate::check_with(source, &Options { solve: false, ..Options::default() });
    let calendar = match (&checked.calendar, checked.has_errors()) {
        (Some(cal), false) => Some(crate::report::calendar_rows(cal)),
        _ => None,
    };
    CalendarResult { calendar, diagnostics: records(file, source, &checked.diagnostics) }
}

/// The capacity of a plan, or why there is none.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CapacityResult {
    /// The report of `haalbaar capacity --format json`; `None` when the file has errors.
    pub capacity: Option<CapacityReport>,
    /// The file's findings.
    pub diagnostics: Vec<DiagnosticRecord>,
}

/// The report of `haalbaar capacity --format json`, with the file's findings.
pub fn capacity(file: &str, source: &str) -> CapacityResult {
    let checked = crate::check_with(source, &Options { solve: false, ..Options::default() });
    let capacity = match (&checked.calendar, &checked.capacity, checked.has_errors()) {
        (Some(cal), Some(table), false) => Some(crate::report::capacity_report(&checked.plan, cal, table)),
        _ => None,
    };
    CapacityResult { capacity, diagnostics: records(file, source, &checked.diagnostics) }
}

/// The forecast of a plan, or why there is none.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ForecastResult {
    /// `None` when the file has errors.
    pub forecast: Option<Forecast>,
    /// The file's errors, or the forecast's own warnings.
    pub diagnostics: Vec<DiagnosticRecord>,
}

/// `haalbaar forecast --format json`: `runs` seeded runs.
pub fn forecast(file: &str, source: &str, options: ForecastOptions) -> ForecastResult {
    let checked = crate::check_with(source, &Options { solve: false, ..Options::default() });
    let Some(cal) = checked.calendar.as_ref().filter(|_| !checked.has_errors()) else {
        return ForecastResult { forecast: None, diagnostics: records(file, source, &checked.diagnostics) };
    };
    let forecast = crate::forecast::forecast(&checked.plan, cal, options, &mut |_, _| {});
    let diagnostics = forecast.as_ref().map(|f| records(file, source, &f.warnings)).unwrap_or_default();
    ForecastResult { forecast, diagnostics }
}

/// The long explanation of a diagnostic code.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Explanation {
    /// The code.
    pub code: Code,
    /// Its severity.
    pub severity: crate::Severity,
    /// Its title in a few words.
    pub title: String,
    /// What, why, an example and the fix, in plain text.
    pub explanation: String,
}

/// What `haalbaar explain CODE` says; `None` for an unknown code.
pub fn explain(code: &str) -> Option<Explanation> {
    Code::parse(code).map(|c| Explanation {
        code: c,
        severity: c.severity(),
        title: c.title().to_string(),
        explanation: c.explanation().to_string(),
    })
}

/// Every code, for a list to explain from.
pub fn codes() -> Vec<Explanation> {
    crate::codes::ALL.iter().filter_map(|c| explain(c.as_str())).collect()
}

/// What each call returns, in one schema (`docs/api.schema.json`): the source of the
/// TypeScript types of the WASM package.
#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Api {
    /// What `check` returns.
    pub check: CheckReport,
    /// What `inspect` returns.
    pub inspect: Inspection,
    /// What `calendar` returns.
    pub calendar: CalendarResult,
    /// What `capacity` returns.
    pub capacity: CapacityResult,
    /// What `forecast` returns.
    pub forecast: ForecastResult,
    /// What `explain` returns.
    pub explain: Option<Explanation>,
    /// What `codes` returns.
    pub codes: Vec<Explanation>,
    /// What `version` returns.
    pub version: String,
}

impl Api {
    /// The JSON Schema of every call's result.
    #[cfg(feature = "schema")]
    pub fn schema() -> String {
        serde_json::to_string_pretty(&schemars::schema_for!(Api)).unwrap_or_default() + "\n"
    }
}
