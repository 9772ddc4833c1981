//! One call per question, for bindings that hand results across a boundary (the WASM
//! package, an editor server): each takes the plan text and returns one serialisable value,
//! the same value the CLI writes with `--format json`.

use serde::Serialize;

use crate::board::Board;
use crate::forecast::{Forecast, ForecastOptions};
use crate::report::{CalendarRow, CapacityReport, CheckReport, DiagnosticRecord, records};
use crate::{Code, Options};

/// The report of `haalbaar check --format json FILE`.
///
/// ```
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  commit PI2\n}\n";
/// let report = haalbaar::api::check("demo.plan", source, &haalbaar::Options::default());
/// assert_eq!(report.verdict, haalbaar::PlanVerdict::Feasible);
/// assert_eq!(report.files[0].file, "demo.plan");
/// assert_eq!(report.summary.errors, 0);
/// ```
pub fn check(file: &str, source: &str, options: &Options) -> CheckReport {
    CheckReport::single(file, source, crate::check_with(source, options))
}

/// A check's report and its program board, from one check.
///
/// ```
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  commit PI2\n}\n";
/// let inspection = haalbaar::api::inspect("demo.plan", source, &haalbaar::Options::default());
/// assert_eq!(inspection.report.verdict, haalbaar::PlanVerdict::Feasible);
/// let board = inspection.board.expect("a plan without errors has a board");
/// assert_eq!((board.met, board.commitments), (1, 1));
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Inspection {
    /// Exactly what [`check`] returns.
    pub report: CheckReport,
    /// `None` when the file has errors (there is no schedule to show).
    pub board: Option<Board>,
    /// Progress as of the plan's status date (`as of`): absent without one, or without a
    /// decided check (see [`crate::report::progress`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress: Option<crate::report::progress::Progress>,
}

/// [`check`] and the [`Board`] of the same check.
///
/// ```
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\nitem x {\n  team apj\n  effort 5\n}\n";
/// let inspection = haalbaar::api::inspect("x.plan", source, &haalbaar::Options::default());
/// // A file with errors: its findings, and no board.
/// assert_eq!(inspection.report.verdict, haalbaar::PlanVerdict::Invalid);
/// assert!(inspection.report.diagnostics.iter().any(|d| d.code == haalbaar::Code::E0201));
/// assert!(inspection.board.is_none());
/// ```
pub fn inspect(file: &str, source: &str, options: &Options) -> Inspection {
    let checked = crate::check_with(source, options);
    let board = Board::of(&checked, source);
    let progress = crate::report::progress::progress(&checked);
    Inspection { report: CheckReport::single(file, source, checked), board, progress }
}

/// [`inspect`] of a new version of a plan, reusing the check of an earlier one (see
/// [`crate::recheck`]); also returns this version's check, to pass the next time. For an
/// editor that inspects the plan as its user types.
///
/// ```
/// use haalbaar::Options;
///
/// let v1 = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\n\
///           item x {\n  team api\n  effort 5\n  commit PI1\n}\n";
/// let options = Options::default();
/// let (first, checked) = haalbaar::api::inspect_again(None, "x.plan", v1, &options);
/// let v2 = v1.replace("effort 5", "effort 6");
/// let (second, _) = haalbaar::api::inspect_again(Some(&checked), "x.plan", &v2, &options);
/// assert_eq!(first.report.verdict, haalbaar::PlanVerdict::Feasible);
/// assert_eq!(second.report.verdict, haalbaar::api::inspect("x.plan", &v2, &options).report.verdict);
/// assert!(second.board.is_some());
/// ```
pub fn inspect_again(
    previous: Option<&crate::Checked>,
    file: &str,
    source: &str,
    options: &Options,
) -> (Inspection, crate::Checked) {
    let checked = match previous {
        Some(p) => crate::recheck(p, source, options),
        None => crate::check_with(source, options),
    };
    let board = Board::of(&checked, source);
    let progress = crate::report::progress::progress(&checked);
    (Inspection { report: CheckReport::single(file, source, checked.clone()), board, progress }, checked)
}

/// The calendar of a plan, or why there is none.
///
/// ```
/// // No horizon: the plan block describes no calendar.
/// let result = haalbaar::api::calendar("x.plan", "plan {\n  start 2025-01-06\n}\n");
/// assert!(result.calendar.is_none());
/// assert!(result.diagnostics.iter().any(|d| d.code == haalbaar::Code::E0111));
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CalendarResult {
    /// The rows of `haalbaar calendar --format json`; `None` when the file has errors.
    pub calendar: Option<Vec<CalendarRow>>,
    /// The file's findings.
    pub diagnostics: Vec<DiagnosticRecord>,
}

/// The rows of `haalbaar calendar --format json`, with the file's findings.
///
/// ```
/// let result = haalbaar::api::calendar("x.plan", "plan {\n  start 2025-01-06\n  horizon 6 months\n}\n");
/// let rows = result.calendar.expect("a calendar");
/// assert_eq!(rows.len(), 12);
/// assert_eq!((rows[0].iteration.as_str(), rows[11].iteration.as_str()), ("PI1.1", "PI3.2"));
/// assert!(result.diagnostics.is_empty());
/// ```
pub fn calendar(file: &str, source: &str) -> CalendarResult {
    let checked = crate::check_with(source, &Options { solve: false, ..Options::default() });
    let calendar = match (&checked.calendar, checked.has_errors()) {
        (Some(cal), false) => Some(crate::report::calendar_rows(cal)),
        _ => None,
    };
    CalendarResult { calendar, diagnostics: records(file, source, &checked.diagnostics) }
}

/// The capacity of a plan, or why there is none.
///
/// ```
/// let result = haalbaar::api::capacity("x.plan", "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 120%\n}\n");
/// // A focus above 100% is an error: no capacity report, and the finding why.
/// assert!(result.capacity.is_none());
/// assert!(result.diagnostics.iter().any(|d| d.code == haalbaar::Code::E0403 && d.line == 7));
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CapacityResult {
    /// The report of `haalbaar capacity --format json`; `None` when the file has errors.
    pub capacity: Option<CapacityReport>,
    /// The file's findings.
    pub diagnostics: Vec<DiagnosticRecord>,
}

/// The report of `haalbaar capacity --format json`, with the file's findings.
///
/// ```
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  commit PI2\n}\n";
/// let result = haalbaar::api::capacity("demo.plan", source);
/// let report = result.capacity.expect("a capacity report");
/// assert_eq!(report.teams[0].team, "api");
/// assert_eq!(report.teams[0].iterations[0].capacity, haalbaar::Fixed::from_int(30));
/// ```
pub fn capacity(file: &str, source: &str) -> CapacityResult {
    let checked = crate::check_with(source, &Options { solve: false, ..Options::default() });
    let capacity = match (&checked.calendar, &checked.capacity, checked.has_errors()) {
        (Some(cal), Some(table), false) => Some(crate::report::capacity_report(&checked.plan, cal, table)),
        _ => None,
    };
    CapacityResult { capacity, diagnostics: records(file, source, &checked.diagnostics) }
}

/// The forecast of a plan, or why there is none.
///
/// ```
/// use haalbaar::forecast::ForecastOptions;
///
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\nitem x {\n  team apj\n  effort 5\n}\n";
/// let result = haalbaar::api::forecast("x.plan", source, ForecastOptions::new(10, 1));
/// // A file with errors has no forecast; its diagnostics say why.
/// assert!(result.forecast.is_none());
/// assert!(result.diagnostics.iter().any(|d| d.code == haalbaar::Code::E0201));
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ForecastResult {
    /// `None` when the file has errors.
    pub forecast: Option<Forecast>,
    /// The file's errors, or the forecast's own warnings.
    pub diagnostics: Vec<DiagnosticRecord>,
}

/// `haalbaar forecast --format json`: `runs` seeded runs.
///
/// ```
/// use haalbaar::forecast::ForecastOptions;
///
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  commit PI2\n}\n";
/// let options = ForecastOptions::new(100, 7).threads(haalbaar::Threads::One);
/// let result = haalbaar::api::forecast("demo.plan", source, options);
/// let forecast = result.forecast.expect("a forecast");
/// assert_eq!(forecast.runs, 100);
/// assert_eq!(forecast.commitments[0].chance(), "100%");
/// // Due in PI2, within the two PIs the plan holds firm: no warning.
/// assert!(result.diagnostics.is_empty());
/// ```
pub fn forecast(file: &str, source: &str, options: ForecastOptions) -> ForecastResult {
    forecast_with(file, source, &Options::default(), options)
}

/// [`forecast`] of the plan as `check` options say: a scenario of the file
/// ([`Options::scenario`]) or what-ifs ([`Options::assume`]).
///
/// ```
/// use haalbaar::forecast::ForecastOptions;
///
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\n\
///               item login {\n  team api\n  effort 40\n  commit PI1\n}\n\
///               scenario groot {\n  item login effort 400\n}\n";
/// let runs = ForecastOptions::new(50, 7).threads(haalbaar::Threads::One);
/// let plain = haalbaar::api::forecast("demo.plan", source, runs.clone());
/// assert_eq!(plain.forecast.expect("a forecast").commitments[0].chance(), "100%");
/// let big = haalbaar::api::forecast_with("demo.plan", source, &haalbaar::Options::default().scenario("groot"), runs);
/// assert_eq!(big.forecast.expect("a forecast").commitments[0].chance(), "0%");
/// ```
pub fn forecast_with(file: &str, source: &str, check: &Options, options: ForecastOptions) -> ForecastResult {
    let checked = crate::check_with(source, &Options { solve: false, ..check.clone() });
    let Some(cal) = checked.calendar.as_ref().filter(|_| !checked.has_errors()) else {
        return ForecastResult { forecast: None, diagnostics: records(file, source, &checked.diagnostics) };
    };
    let forecast = crate::forecast::forecast(&checked.plan, cal, options, &mut |_, _| {});
    let diagnostics = forecast.as_ref().map(|f| records(file, source, &f.warnings)).unwrap_or_default();
    ForecastResult { forecast, diagnostics }
}

/// The plan and each of its scenarios side by side: what `haalbaar compare --format json
/// --all` writes (see [`crate::report::compare`]).
///
/// ```
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\n\
///               item login {\n  team api\n  effort 40\n  commit PI1\n}\n\
///               scenario groot {\n  item login effort 400\n}\n";
/// let c = haalbaar::api::compare("demo.plan", source, &haalbaar::Options::default());
/// assert_eq!(c.columns.len(), 2);
/// assert_eq!(c.commitments[0].effects[1], haalbaar::report::compare::Effect::Worse);
/// ```
pub fn compare(file: &str, source: &str, options: &Options) -> crate::report::compare::Comparison {
    crate::report::compare::compare(file, source, options)
}

/// The long explanation of a diagnostic code.
///
/// ```
/// let e0201 = haalbaar::api::explain("E0201").expect("a known code");
/// assert_eq!(e0201.code, haalbaar::Code::E0201);
/// assert_eq!(e0201.severity, haalbaar::Severity::Error);
/// assert_eq!(e0201.title, haalbaar::Code::E0201.title());
/// assert!(!e0201.explanation.is_empty());
/// ```
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
///
/// ```
/// // Case does not matter.
/// let w0507 = haalbaar::api::explain("w0507").expect("a known code");
/// assert_eq!(w0507.code, haalbaar::Code::W0507);
/// assert_eq!(w0507.severity, haalbaar::Severity::Warning);
/// assert!(haalbaar::api::explain("E9999").is_none());
/// ```
pub fn explain(code: &str) -> Option<Explanation> {
    Code::parse(code).map(|c| Explanation {
        code: c,
        severity: c.severity(),
        title: c.title().to_string(),
        explanation: c.explanation().to_string(),
    })
}

/// Every code, for a list to explain from.
///
/// ```
/// let codes = haalbaar::api::codes();
/// assert_eq!(codes.len(), haalbaar::codes::ALL.len());
/// assert!(codes.iter().any(|e| e.code == haalbaar::Code::E0601));
/// ```
pub fn codes() -> Vec<Explanation> {
    crate::codes::ALL.iter().filter_map(|c| explain(c.as_str())).collect()
}

/// What each call returns, in one schema (`docs/api.schema.json`): the source of the
/// TypeScript types of the WASM package.
///
/// ```
/// use haalbaar::api::{self, Api};
/// use haalbaar::forecast::ForecastOptions;
///
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  commit PI2\n}\n";
/// let options = haalbaar::Options::default();
/// let all = Api {
///     check: api::check("demo.plan", source, &options),
///     inspect: api::inspect("demo.plan", source, &options),
///     calendar: api::calendar("demo.plan", source),
///     capacity: api::capacity("demo.plan", source),
///     forecast: api::forecast("demo.plan", source, ForecastOptions::new(10, 1)),
///     compare: api::compare("demo.plan", source, &options),
///     explain: api::explain("E0601"),
///     codes: api::codes(),
///     version: "0.1.0".into(),
/// };
/// let json = serde_json::to_value(&all).expect("serialisable");
/// assert_eq!(json["version"], "0.1.0");
/// assert_eq!(json["check"]["verdict"], "feasible");
/// ```
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
    /// What `compare` returns.
    pub compare: crate::report::compare::Comparison,
    /// What `explain` returns.
    pub explain: Option<Explanation>,
    /// What `codes` returns.
    pub codes: Vec<Explanation>,
    /// What `version` returns.
    pub version: String,
}

impl Api {
    /// The JSON Schema of every call's result.
    ///
    /// ```
    /// let schema = haalbaar::api::Api::schema();
    /// assert!(schema.contains("\"inspect\""));
    /// assert!(schema.contains("\"forecast\""));
    /// ```
    #[cfg(feature = "schema")]
    pub fn schema() -> String {
        crate::report::schema_text(schemars::schema_for!(Api))
    }
}
