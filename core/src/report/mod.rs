//! What a check found, as data: whether each commitment is met ([`feasibility`]), repairs as
//! edits to the text ([`edits`]), the program board ([`board`]), the verifier of the evidence
//! ([`verify`]), and the JSON records of diagnostics, calendar and capacity, resolved to file,
//! line and column. Renderers (CLI, browser) only format these.

pub mod board;
pub mod edits;
pub mod feasibility;
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
}

/// Resolves diagnostics of one file to lines and columns.
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
            }
        })
        .collect()
}

/// Counts per severity.
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
}

/// One file of a check.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FileReport {
    /// The file, as given.
    pub file: String,
    /// Its verdict.
    pub verdict: crate::feasibility::PlanVerdict,
    /// Its counts.
    pub summary: Summary,
    /// With several files: this file's commitments, schedule and load.
    #[serde(flatten)]
    pub feasibility: Option<crate::feasibility::Feasibility>,
}

impl FileReport {
    /// The report of one checked file and its findings (as records), ready for
    /// [`CheckReport::new`]. Takes the check apart rather than copying its schedule.
    pub fn of(file: &str, source: &str, checked: crate::Checked) -> (FileReport, Vec<DiagnosticRecord>) {
        let records = records(file, source, &checked.diagnostics);
        let report = FileReport {
            file: file.to_string(),
            verdict: checked.verdict(),
            summary: Summary::of(records.iter().map(|r| &r.severity)),
            feasibility: checked.feasibility,
        };
        (report, records)
    }
}

impl CheckReport {
    /// The report of a check of one file, as `haalbaar check --format json FILE` writes it.
    pub fn single(file: &str, source: &str, checked: crate::Checked) -> CheckReport {
        let (report, records) = FileReport::of(file, source, checked);
        CheckReport::new(vec![report], records)
    }

    /// Assembles the report from each file's name, findings and feasibility.
    pub fn new(files: Vec<FileReport>, diagnostics: Vec<DiagnosticRecord>) -> CheckReport {
        use crate::feasibility::PlanVerdict;
        let rank = |v: PlanVerdict| match v {
            PlanVerdict::Feasible => 0,
            PlanVerdict::Unknown => 1,
            PlanVerdict::Infeasible => 2,
            PlanVerdict::Invalid => 3,
        };
        let verdict = files.iter().map(|f| f.verdict).max_by_key(|v| rank(*v)).unwrap_or(PlanVerdict::Feasible);
        let summary = Summary::of(diagnostics.iter().map(|d| &d.severity));
        let mut files = files;
        let single = if files.len() == 1 { files.first_mut().and_then(|f| f.feasibility.take()) } else { None };
        CheckReport { version: REPORT_VERSION, verdict, summary, files, diagnostics, single }
    }

    /// The JSON Schema of this report.
    #[cfg(feature = "schema")]
    pub fn schema() -> String {
        serde_json::to_string_pretty(&schemars::schema_for!(CheckReport)).unwrap_or_default() + "\n"
    }
}
