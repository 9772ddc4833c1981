//! What a check found, as data: whether each commitment is met ([`feasibility`]), repairs as
//! edits to the text ([`edits`]), the program board ([`board`]), the verifier of the evidence
//! ([`verify`]), and the JSON records of diagnostics, calendar and capacity, resolved to file,
//! line and column. Renderers (CLI, browser) only format these.

pub mod board;
pub mod compare;
pub mod diff;
pub mod edits;
pub mod feasibility;
pub mod progress;
mod reason;
pub(crate) mod repair_report;
pub mod verify;

use haalbaar_grammar::Span;
use serde::Serialize;

use crate::calendar::Calendar;
use crate::capacity::CapacityTable;
use crate::codes::Code;
use crate::diagnostic::{Diagnostic, Severity, Subject};
use crate::fixed::Fixed;
use crate::source::SourceMap;

/// Version of the JSON report format. Raised only when a field changes meaning or goes.
pub const REPORT_VERSION: u32 = 2;

/// A secondary place of a diagnostic, resolved to line and column.
///
/// ```
/// // `api` is both a team and an item: the second is reported, the first is its label.
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\nitem api {\n  team api\n  effort 5\n}\n";
/// let checked = haalbaar::check(source);
/// let records = haalbaar::report::records("x.plan", source, &checked.diagnostics);
/// let twice = records.iter().find(|r| r.code == haalbaar::Code::E0204).expect("a duplicate id");
/// assert_eq!(twice.line, 8);
/// let first = &twice.labels[0];
/// assert_eq!((first.line, first.column), (5, 6));
/// assert_eq!(first.message, "team `api` first defined here");
/// ```
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LabelRecord {
    /// What to say there.
    pub message: String,
    /// The line it starts on (from 1).
    pub line: usize,
    /// Its column in characters (from 1).
    pub column: usize,
    /// Byte offsets.
    pub span: Span,
}

/// One diagnostic as the JSON report shows it.
///
/// ```
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\nitem x {\n  team apj\n  effort 5\n}\n";
/// let checked = haalbaar::check(source);
/// let records = haalbaar::report::records("x.plan", source, &checked.diagnostics);
/// let unknown = records.iter().find(|r| r.code == haalbaar::Code::E0201).expect("an unknown team");
/// assert_eq!(unknown.severity, haalbaar::Severity::Error);
/// assert_eq!(unknown.file, "x.plan");
/// // `  team apj` is line 9; `apj` takes columns 8 to 10.
/// assert_eq!((unknown.line, unknown.column, unknown.end_column), (9, 8, 11));
/// assert_eq!(&source[unknown.span.start..unknown.span.end], "apj");
/// assert_eq!(unknown.help.as_deref(), Some("did you mean `api`?"));
/// ```
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DiagnosticRecord {
    /// The stable code.
    pub code: Code,
    /// Error, warning or note.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// The file, as given.
    pub file: String,
    /// 1-based line of the primary span's start (1 for the file as a whole).
    pub line: usize,
    /// 1-based column in characters.
    pub column: usize,
    /// 1-based column in UTF-16 code units, as browsers count.
    pub column_utf16: usize,
    /// The line the primary span ends on.
    pub end_line: usize,
    /// The column just past its end.
    pub end_column: usize,
    /// Byte offsets of the primary span.
    pub span: Span,
    /// What is said under the primary span.
    pub label: Option<String>,
    /// Secondary places.
    pub labels: Vec<LabelRecord>,
    /// How to fix it; several lines are alternatives.
    pub help: Option<String>,
    /// The team, epic or item (or the plan block) the finding is about, when it is about one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<Subject>,
    /// The fix the help names (a did-you-mean), as edits in the form of a repair's `edits`;
    /// left out when there is none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub edits: Vec<crate::report::edits::Edit>,
}

/// Resolves diagnostics of one file to lines and columns.
///
/// ```
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\nitem x {\n  team apj\n  effort 5\n}\n";
/// let checked = haalbaar::check(source);
/// let records = haalbaar::report::records("x.plan", source, &checked.diagnostics);
/// assert_eq!(records.len(), checked.diagnostics.len());
/// let unknown = records.iter().find(|r| r.code == haalbaar::Code::E0201).expect("an unknown team");
/// assert_eq!((unknown.line, unknown.column), (9, 8));
/// ```
pub fn records(file: &str, source: &str, diagnostics: &[Diagnostic]) -> Vec<DiagnosticRecord> {
    let map = SourceMap::new(source);
    diagnostics
        .iter()
        .map(|d| {
            let span = d.span.unwrap_or_default();
            let start = map.locate(span.start);
            let end = map.locate(span.end);
            DiagnosticRecord {
                code: d.code,
                severity: d.severity,
                message: d.message.clone(),
                file: file.to_string(),
                line: start.line,
                column: start.column,
                column_utf16: start.column_utf16,
                end_line: end.line,
                end_column: end.column,
                span,
                label: d.label.clone(),
                subject: d.subject.clone(),
                labels: d
                    .labels
                    .iter()
                    .map(|l| {
                        let at = map.locate(l.span.start);
                        LabelRecord { message: l.message.clone(), line: at.line, column: at.column, span: l.span }
                    })
                    .collect(),
                help: d.help.clone(),
                edits: d
                    .edits
                    .iter()
                    .map(|e| {
                        let mut e = e.clone();
                        e.locate(&map);
                        e
                    })
                    .collect(),
            }
        })
        .collect()
}

/// Counts per severity.
///
/// ```
/// use haalbaar::Severity;
/// use haalbaar::report::Summary;
///
/// let summary = Summary::of(&[Severity::Warning, Severity::Error, Severity::Warning]);
/// assert_eq!(summary, Summary { errors: 1, warnings: 2, notes: 0 });
/// ```
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Summary {
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Notes.
    pub notes: usize,
}

impl Summary {
    /// Counts these severities.
    ///
    /// ```
    /// use haalbaar::Severity;
    ///
    /// let summary = haalbaar::report::Summary::of(&[Severity::Note, Severity::Error, Severity::Note]);
    /// assert_eq!((summary.errors, summary.warnings, summary.notes), (1, 0, 2));
    /// ```
    pub fn of<'a>(severities: impl IntoIterator<Item = &'a Severity>) -> Summary {
        let mut s = Summary::default();
        for sev in severities {
            match sev {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Note => s.notes += 1,
            }
        }
        s
    }
}

/// One row of the calendar report.
///
/// ```
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n  holiday \"Bevrijdingsdag\" 2025-05-05\n}\n";
/// let checked = haalbaar::check(source);
/// let rows = haalbaar::report::calendar_rows(checked.calendar.as_ref().expect("a calendar"));
/// let row = &rows[8];
/// assert_eq!((row.iteration.as_str(), row.index, row.pi), ("PI2.4", 8, 2));
/// assert_eq!(row.start, haalbaar::NaiveDate::from_ymd_opt(2025, 4, 28).expect("a date"));
/// assert_eq!(row.working_days, 9);
/// assert_eq!(row.holidays, ["Bevrijdingsdag (1 day)"]);
/// assert!(!row.ip && rows[9].ip);
/// ```
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CalendarRow {
    /// `PI3.2`.
    pub iteration: String,
    /// Its position in the horizon, from 0.
    pub index: usize,
    /// Its PI.
    pub pi: u32,
    /// Its first day.
    pub start: chrono::NaiveDate,
    /// Its last day.
    pub end: chrono::NaiveDate,
    /// An innovation and planning iteration: no planned work.
    pub ip: bool,
    /// Working days (workweek, less holidays).
    pub working_days: u32,
    /// Holidays that fall in it, with the days they take.
    pub holidays: Vec<String>,
}

/// The calendar as rows, one per iteration.
///
/// ```
/// let checked = haalbaar::check("plan {\n  start 2025-01-06\n  horizon 6 months\n}\n");
/// let rows = haalbaar::report::calendar_rows(checked.calendar.as_ref().expect("a calendar"));
/// // Six months hold 12 whole iterations of two weeks; PI1.5 is the IP iteration.
/// assert_eq!(rows.len(), 12);
/// assert_eq!(rows[0].iteration, "PI1.1");
/// assert_eq!(rows[0].end, haalbaar::NaiveDate::from_ymd_opt(2025, 1, 19).expect("a date"));
/// assert!(rows[4].ip);
/// ```
pub fn calendar_rows(cal: &Calendar) -> Vec<CalendarRow> {
    cal.iterations
        .iter()
        .map(|it| CalendarRow {
            iteration: it.label(),
            index: it.index,
            pi: it.pi,
            start: it.start,
            end: it.end,
            ip: it.ip,
            working_days: it.working_days,
            holidays: it
                .holidays
                .iter()
                .map(|(n, d)| format!("{n} ({d} {})", if *d == 1 { "day" } else { "days" }))
                .collect(),
        })
        .collect()
}

/// Capacity of one team in one iteration, for the capacity report.
///
/// ```
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  commit PI2\n}\n";
/// use haalbaar::Fixed;
///
/// let checked = haalbaar::check(source);
/// let (cal, table) = (checked.calendar.as_ref().expect("a calendar"), checked.capacity.as_ref().expect("capacity"));
/// let report = haalbaar::report::capacity_report(&checked.plan, cal, table);
/// let row = &report.iterations[0];
/// assert_eq!((row.team.as_str(), row.iteration.as_str(), row.working_days), ("api", "PI1.1", 10));
/// // 4 people × 10 days × 75%.
/// assert_eq!((row.fte, row.capacity, row.plannable), (Some(Fixed::from_int(4)), Fixed::from_int(30), Fixed::from_int(30)));
/// assert_eq!(row.source, haalbaar::capacity::Source::People);
/// assert!(report.iterations[4].ip && report.iterations[4].capacity.is_zero());
/// ```
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CapacityRow {
    /// The team.
    pub team: String,
    /// `PI3.2`.
    pub iteration: String,
    /// Its PI.
    pub pi: u32,
    /// Its first day.
    pub start: chrono::NaiveDate,
    /// Working days in it.
    pub working_days: u32,
    /// An IP iteration.
    pub ip: bool,
    /// People (FTE) that iteration, when capacity comes from people.
    pub fte: Option<Fixed>,
    /// Capacity before `load`.
    pub capacity: Fixed,
    /// Capacity after `load`: what the check plans with.
    pub plannable: Fixed,
    /// Where the figure comes from.
    pub source: crate::capacity::Source,
    /// What `capacity PIx.y +N` / `-N` add (included in `capacity`).
    #[serde(default, skip_serializing_if = "Fixed::is_zero")]
    pub adjustment: Fixed,
}

/// Capacity of one team in one PI.
///
/// ```
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  commit PI2\n}\n";
/// let checked = haalbaar::check(source);
/// let (cal, table) = (checked.calendar.as_ref().expect("a calendar"), checked.capacity.as_ref().expect("capacity"));
/// let report = haalbaar::report::capacity_report(&checked.plan, cal, table);
/// let pi1 = &report.increments[0];
/// // Four planned iterations of 30 and the IP iteration.
/// assert_eq!((pi1.team.as_str(), pi1.pi, pi1.iterations), ("api", 1, 5));
/// assert_eq!(pi1.capacity, haalbaar::Fixed::from_int(120));
/// // The horizon cuts PI3 after two iterations.
/// assert_eq!(report.increments[2].iterations, 2);
/// ```
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PiCapacityRow {
    /// The team.
    pub team: String,
    /// The PI.
    pub pi: u32,
    /// Iterations of this PI within the horizon.
    pub iterations: usize,
    /// Capacity before `load`.
    pub capacity: Fixed,
    /// Capacity after `load`.
    pub plannable: Fixed,
}

/// The capacity report: flat rows (for spreadsheets) and the same figures per team.
///
/// ```
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  commit PI2\n}\n";
/// let checked = haalbaar::check(source);
/// let (cal, table) = (checked.calendar.as_ref().expect("a calendar"), checked.capacity.as_ref().expect("capacity"));
/// let report = haalbaar::report::capacity_report(&checked.plan, cal, table);
/// assert_eq!(report.unit, haalbaar::model::Unit::Days);
/// assert_eq!(report.load, haalbaar::Fixed::HUNDRED);
/// // One team: a row per iteration and per PI.
/// assert_eq!((report.iterations.len(), report.increments.len(), report.teams.len()), (12, 3, 1));
/// ```
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CapacityReport {
    /// The plan's unit.
    pub unit: crate::model::Unit,
    /// `load` in percent.
    pub load: Fixed,
    /// One row per team per iteration.
    pub iterations: Vec<CapacityRow>,
    /// One row per team per PI.
    pub increments: Vec<PiCapacityRow>,
    /// The same figures per team.
    pub teams: Vec<TeamCapacityReport>,
}

/// One team's capacity per iteration and per PI, with totals over the horizon.
///
/// ```
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n  load 50%\n}\nteam api \"API\" {\n  people 4\n  focus 75%\n}\n";
/// let checked = haalbaar::check(source);
/// let (cal, table) = (checked.calendar.as_ref().expect("a calendar"), checked.capacity.as_ref().expect("capacity"));
/// let report = haalbaar::report::capacity_report(&checked.plan, cal, table);
/// let team = &report.teams[0];
/// assert_eq!((team.team.as_str(), team.title.as_deref()), ("api", Some("API")));
/// // Ten planned iterations of 30 (PI1 and PI2 four each, PI3 two); half of it at `load 50%`.
/// assert_eq!(team.capacity, haalbaar::Fixed::from_int(300));
/// assert_eq!(team.plannable, haalbaar::Fixed::from_int(150));
/// assert_eq!((team.iterations.len(), team.increments.len()), (12, 3));
/// ```
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TeamCapacityReport {
    /// The team.
    pub team: String,
    /// Its title.
    pub title: Option<String>,
    /// Capacity over the horizon, before `load`.
    pub capacity: Fixed,
    /// The same after `load`.
    pub plannable: Fixed,
    /// Per iteration.
    pub iterations: Vec<TeamIterationCapacity>,
    /// Per PI.
    pub increments: Vec<TeamPiCapacity>,
}

/// A team's capacity in one iteration.
///
/// ```
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n  load 50%\n}\nteam api {\n  people 4\n  focus 75%\n}\n";
/// let checked = haalbaar::check(source);
/// let (cal, table) = (checked.calendar.as_ref().expect("a calendar"), checked.capacity.as_ref().expect("capacity"));
/// let report = haalbaar::report::capacity_report(&checked.plan, cal, table);
/// let first = &report.teams[0].iterations[0];
/// assert_eq!(first.iteration, "PI1.1");
/// assert_eq!((first.capacity, first.plannable), (haalbaar::Fixed::from_int(30), haalbaar::Fixed::from_int(15)));
/// ```
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TeamIterationCapacity {
    /// `PI3.2`.
    pub iteration: String,
    /// Before `load`.
    pub capacity: Fixed,
    /// After `load`.
    pub plannable: Fixed,
}

/// A team's capacity in one PI.
///
/// ```
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n  load 50%\n}\nteam api {\n  people 4\n  focus 75%\n}\n";
/// let checked = haalbaar::check(source);
/// let (cal, table) = (checked.calendar.as_ref().expect("a calendar"), checked.capacity.as_ref().expect("capacity"));
/// let report = haalbaar::report::capacity_report(&checked.plan, cal, table);
/// let pi2 = &report.teams[0].increments[1];
/// assert_eq!(pi2.pi, 2);
/// assert_eq!((pi2.capacity, pi2.plannable), (haalbaar::Fixed::from_int(120), haalbaar::Fixed::from_int(60)));
/// ```
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TeamPiCapacity {
    /// The PI.
    pub pi: u32,
    /// Before `load`.
    pub capacity: Fixed,
    /// After `load`.
    pub plannable: Fixed,
}

/// The capacity of every team, per iteration and per PI, as rows and per team.
///
/// ```
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  commit PI2\n}\n";
/// let checked = haalbaar::check(source);
/// let (cal, table) = (checked.calendar.as_ref().expect("a calendar"), checked.capacity.as_ref().expect("capacity"));
/// let report = haalbaar::report::capacity_report(&checked.plan, cal, table);
/// assert_eq!(report.iterations[0].capacity, haalbaar::Fixed::from_int(30));
/// // PI1 and PI2 have four planned iterations of 30 each, PI3 two inside the horizon.
/// assert_eq!(report.teams[0].plannable, haalbaar::Fixed::from_int(300));
/// ```
pub fn capacity_report(plan: &crate::Plan, cal: &Calendar, table: &CapacityTable) -> CapacityReport {
    let mut iterations = Vec::new();
    let mut increments = Vec::new();
    let mut teams = Vec::new();
    for tc in &table.teams {
        let mut team = TeamCapacityReport {
            team: tc.team.clone(),
            title: plan.team(&tc.team).and_then(|t| t.title.clone()),
            capacity: tc.iterations.iter().map(|c| c.capacity).sum(),
            plannable: tc.total_plannable(),
            iterations: Vec::new(),
            increments: Vec::new(),
        };
        for (it, cell) in cal.iterations.iter().zip(&tc.iterations) {
            iterations.push(CapacityRow {
                team: tc.team.clone(),
                iteration: it.label(),
                pi: it.pi,
                start: it.start,
                working_days: it.working_days,
                ip: it.ip,
                fte: cell.fte,
                capacity: cell.capacity,
                plannable: cell.plannable,
                source: cell.source,
                adjustment: cell.adjustment,
            });
            team.iterations.push(TeamIterationCapacity {
                iteration: it.label(),
                capacity: cell.capacity,
                plannable: cell.plannable,
            });
        }
        for pi in 1..=cal.pi_count() {
            let (capacity, plannable) = tc.pi_total(cal, pi);
            increments.push(PiCapacityRow {
                team: tc.team.clone(),
                pi,
                iterations: cal.pi_iterations(pi).len(),
                capacity,
                plannable,
            });
            team.increments.push(TeamPiCapacity { pi, capacity, plannable });
        }
        teams.push(team);
    }
    CapacityReport { unit: plan.settings.unit, load: plan.settings.load, iterations, increments, teams }
}

/// The report of `haalbaar check --format json`: a stable contract (see
/// `docs/json-report.md` and `docs/report.schema.json`).
///
/// ```
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  commit PI2\n}\n";
/// use haalbaar::report::{CheckReport, REPORT_VERSION};
///
/// let report = CheckReport::single("demo.plan", source, haalbaar::check(source));
/// assert_eq!(report.version, REPORT_VERSION);
/// assert_eq!(report.verdict, haalbaar::PlanVerdict::Feasible);
/// assert_eq!(report.summary.errors, 0);
/// assert_eq!(report.files[0].file, "demo.plan");
/// // One file: its commitments are at the top level.
/// assert_eq!(report.single.expect("one file").commitments[0].item, "login");
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CheckReport {
    /// Raised only when a field changes meaning or goes.
    pub version: u32,
    /// The worst verdict over the files: invalid, infeasible, unknown, feasible.
    pub verdict: crate::feasibility::PlanVerdict,
    /// Counts over every file.
    pub summary: Summary,
    /// Each file's verdict and counts.
    pub files: Vec<FileReport>,
    /// Every file's findings, in file order and then reading order.
    pub diagnostics: Vec<DiagnosticRecord>,
    /// With one file: its verdict's commitments, schedule and load, also at the top level.
    #[serde(flatten)]
    pub single: Option<crate::feasibility::Feasibility>,
    /// The what-ifs the check assumed without the plan saying so (`--assume`, `--load`);
    /// absent when none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assumed: Option<crate::Assume>,
}

/// One file of a check.
///
/// ```
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  commit PI2\n}\n";
/// let (file, records) = haalbaar::report::FileReport::of("demo.plan", source, haalbaar::check(source));
/// assert_eq!(file.file, "demo.plan");
/// assert_eq!(file.verdict, haalbaar::PlanVerdict::Feasible);
/// assert_eq!(file.summary.errors, 0);
/// assert!(records.iter().all(|r| r.severity != haalbaar::Severity::Error));
/// assert_eq!(file.feasibility.expect("decided").commitments.len(), 1);
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FileReport {
    /// The file, as given.
    pub file: String,
    /// Its verdict.
    pub verdict: crate::feasibility::PlanVerdict,
    /// Its counts.
    pub summary: Summary,
    /// The scenario checked (`--scenario`), absent for the plan itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scenario: Option<String>,
    /// The file's scenarios (`haalbaar compare` checks each), absent when it has none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub scenarios: Vec<crate::Scenario>,
    /// With several files: this file's commitments, schedule and load.
    #[serde(flatten)]
    pub feasibility: Option<crate::feasibility::Feasibility>,
}

impl FileReport {
    /// The report of one checked file and its findings (as records), ready for
    /// [`CheckReport::new`]. Takes the check apart rather than copying its schedule.
    ///
    /// ```
    /// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\nitem x {\n  team apj\n  effort 5\n}\n";
    /// let (file, records) = haalbaar::report::FileReport::of("x.plan", source, haalbaar::check(source));
    /// assert_eq!(file.verdict, haalbaar::PlanVerdict::Invalid);
    /// assert!(file.summary.errors >= 1);
    /// assert!(records.iter().any(|r| r.code == haalbaar::Code::E0201 && r.file == "x.plan"));
    /// ```
    pub fn of(file: &str, source: &str, checked: crate::Checked) -> (FileReport, Vec<DiagnosticRecord>) {
        let records = records(file, source, &checked.diagnostics);
        let report = FileReport {
            file: file.to_string(),
            verdict: checked.verdict(),
            summary: Summary::of(records.iter().map(|r| &r.severity)),
            scenario: checked.scenario,
            scenarios: checked.scenarios,
            feasibility: checked.feasibility,
        };
        (report, records)
    }
}

impl CheckReport {
    /// The report of a check of one file, as `haalbaar check --format json FILE` writes it.
    ///
    /// ```
    /// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  commit PI2\n}\n";
    /// let report = haalbaar::report::CheckReport::single("demo.plan", source, haalbaar::check(source));
    /// assert_eq!(report.files.len(), 1);
    /// assert_eq!(report.verdict, haalbaar::PlanVerdict::Feasible);
    /// let single = report.single.expect("one file");
    /// assert_eq!(single.commitments[0].status, haalbaar::Status::Met);
    /// ```
    pub fn single(file: &str, source: &str, checked: crate::Checked) -> CheckReport {
        let (report, records) = FileReport::of(file, source, checked);
        CheckReport::new(vec![report], records)
    }

    /// Assembles the report from each file's name, findings and feasibility.
    ///
    /// ```
    /// use haalbaar::report::{CheckReport, FileReport};
    ///
    /// let good = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\nitem a {\n  team api\n  effort 10\n  commit PI1\n}\n";
    /// let late = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 1\n}\nitem big {\n  team api\n  effort 60\n  commit PI1\n}\n";
    /// let (a, mut records) = FileReport::of("good.plan", good, haalbaar::check(good));
    /// let (b, more) = FileReport::of("late.plan", late, haalbaar::check(late));
    /// records.extend(more);
    /// let report = CheckReport::new(vec![a, b], records);
    /// // The worst verdict over the files; with two files nothing is flattened to the top.
    /// assert_eq!(report.verdict, haalbaar::PlanVerdict::Infeasible);
    /// assert_eq!(report.files[0].verdict, haalbaar::PlanVerdict::Feasible);
    /// assert!(report.single.is_none());
    /// assert!(report.summary.errors >= 1);
    /// ```
    pub fn new(files: Vec<FileReport>, diagnostics: Vec<DiagnosticRecord>) -> CheckReport {
        use crate::feasibility::PlanVerdict;
        let rank = |v: PlanVerdict| match v {
            PlanVerdict::Feasible => 0,
            PlanVerdict::Unknown => 1,
            PlanVerdict::Infeasible => 2,
            PlanVerdict::Invalid => 3,
            PlanVerdict::Cancelled => 4,
        };
        let verdict = files.iter().map(|f| f.verdict).max_by_key(|v| rank(*v)).unwrap_or(PlanVerdict::Feasible);
        let summary = Summary::of(diagnostics.iter().map(|d| &d.severity));
        let mut files = files;
        let single = if files.len() == 1 { files.first_mut().and_then(|f| f.feasibility.take()) } else { None };
        CheckReport { version: REPORT_VERSION, verdict, summary, files, diagnostics, single, assumed: None }
    }

    /// The JSON Schema of this report.
    ///
    /// ```
    /// let schema = haalbaar::report::CheckReport::schema();
    /// assert!(schema.contains("\"verdict\""));
    /// assert!(schema.contains("\"diagnostics\""));
    /// ```
    #[cfg(feature = "schema")]
    pub fn schema() -> String {
        schema_text(schemars::schema_for!(CheckReport))
    }
}

/// A JSON Schema as text, its descriptions without the doc comments' code examples (they are
/// for Rust readers; the schema's readers get the prose).
#[cfg(feature = "schema")]
pub(crate) fn schema_text(schema: schemars::Schema) -> String {
    fn object(map: &mut serde_json::Map<String, serde_json::Value>) {
        for (k, x) in map.iter_mut() {
            if k == "description"
                && let serde_json::Value::String(text) = x
                && let Some(at) = text.find("```")
            {
                *text = text[..at].trim_end().to_string();
            } else {
                prose(x);
            }
        }
    }
    fn prose(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => object(map),
            serde_json::Value::Array(items) => items.iter_mut().for_each(prose),
            _ => {}
        }
    }
    let mut schema = schema;
    if let Some(map) = schema.as_object_mut() {
        object(map);
    }
    // The schema's own order of keys (`$schema`, `title`, ... `$defs` last).
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}
