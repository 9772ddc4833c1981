//! The renderers of the `haalbaar` command, as a library: the binary calls them, and so do the
//! tests and the fuzz target (`every_output`), so every format is reachable from one input.
//! Formatting only; every figure comes from the `haalbaar` crate.

pub mod annotations;
pub mod board;
pub mod compare;
pub mod diff;
pub mod export;
pub mod html;
pub mod import;
pub mod progress;
pub mod render;
pub mod safe;
pub mod sarif;
pub mod tables;
pub mod words;

use clap::ValueEnum;
use haalbaar::report;

/// The language of everything a command writes for people (`--lang`).
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq, Debug)]
pub enum Lang {
    En,
    Nl,
}

impl From<Lang> for haalbaar::catalogue::Lang {
    fn from(l: Lang) -> Self {
        match l {
            Lang::En => haalbaar::catalogue::Lang::En,
            Lang::Nl => haalbaar::catalogue::Lang::Nl,
        }
    }
}

/// How `calendar` and `capacity` print.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq, Debug)]
pub enum TableFormat {
    Table,
    Json,
    Csv,
}

fn json<T: serde::Serialize>(v: &T) -> Result<String, String> {
    Ok(format!("{}\n", serde_json::to_string_pretty(v).map_err(|e| e.to_string())?))
}

/// `haalbaar calendar`: the PIs and iterations (`None` without a calendar).
pub fn calendar_text(checked: &haalbaar::Checked, format: TableFormat) -> Result<Option<String>, String> {
    let Some(cal) = &checked.calendar else { return Ok(None) };
    let mut rows = report::calendar_rows(cal);
    if format == TableFormat::Table {
        // The table is for people; JSON and CSV keep the data as the engine gives it.
        use haalbaar::catalogue::Localize;
        rows.localize(words::lang());
    }
    Ok(Some(match format {
        TableFormat::Json => json(&rows)?,
        TableFormat::Csv => tables::calendar_csv(&rows),
        TableFormat::Table => {
            let title = checked.plan.title.clone().unwrap_or_default();
            format!(
                "{}\n{}\n\n{}",
                safe::line(&title),
                words::t(&format!(
                    "{} to {}: {} iterations of {} days, {} PIs, {} IP iteration(s) per PI",
                    cal.start,
                    cal.last_day,
                    cal.len(),
                    cal.iteration_days,
                    cal.pi_count(),
                    cal.innovation
                )),
                tables::calendar(&rows)
            )
        }
    }))
}

/// `haalbaar capacity`: capacity per team per iteration and PI (`None` without a table).
pub fn capacity_text(checked: &haalbaar::Checked, format: TableFormat) -> Result<Option<String>, String> {
    let (Some(cal), Some(table)) = (&checked.calendar, &checked.capacity) else { return Ok(None) };
    let r = report::capacity_report(&checked.plan, cal, table);
    Ok(Some(match format {
        TableFormat::Json => json(&r)?,
        TableFormat::Csv => tables::capacity_csv(&r),
        TableFormat::Table => {
            let unit = match r.unit {
                haalbaar::model::Unit::Days => "person-days",
                haalbaar::model::Unit::Points => "points",
                _ => "the plan's unit",
            };
            format!(
                "{}\n\n{}\n{}\n\n{}",
                words::t(&format!("capacity in {unit}, per iteration")),
                tables::capacity_iterations(&r),
                words::t("per PI"),
                tables::capacity_pis(&r)
            )
        }
    }))
}

/// `haalbaar progress`: each commitment's burn-up and each team's past iterations (`None`
/// when the plan has no status date or could not be decided).
pub fn progress_text(file: &str, checked: &haalbaar::Checked, format: TableFormat) -> Result<Option<String>, String> {
    let Some(p) = haalbaar::report::progress::progress(checked) else { return Ok(None) };
    Ok(Some(match format {
        TableFormat::Json => json(&haalbaar::report::progress::ProgressReport::new(file, p))?,
        TableFormat::Csv => progress::csv(&p),
        TableFormat::Table => progress::text(file, &p),
    }))
}

/// The JSON report of `forecast`.
#[derive(serde::Serialize)]
struct ForecastReport<'a> {
    #[serde(flatten)]
    forecast: &'a haalbaar::forecast::Forecast,
    diagnostics: Vec<report::DiagnosticRecord>,
}

/// `haalbaar forecast`, as JSON or for people.
pub fn forecast_text(
    name: &str,
    source: &str,
    f: &haalbaar::forecast::Forecast,
    as_json: bool,
    color: bool,
) -> Result<String, String> {
    if as_json {
        return json(&ForecastReport { forecast: f, diagnostics: report::records(name, source, &f.warnings) });
    }
    let mut text = render::forecast(f, color);
    text.push_str(&render::human(name, source, &f.warnings, color));
    Ok(text)
}

/// What the HTML report shows besides the check and its forecast.
#[derive(Default)]
pub struct ReportExtras<'a> {
    /// Every dependency arrow drawn from the start, not only the missed chains'.
    pub all_deps: bool,
    /// The what-ifs assumed, in words (`assuming no loans`).
    pub assumed: Option<&'a str>,
    /// The plan and its scenarios side by side (`haalbaar::report::compare`).
    pub comparison: Option<&'a haalbaar::report::compare::Comparison>,
}

/// `haalbaar report`: the self-contained HTML report.
pub fn report_html(
    name: &str,
    source: &str,
    checked: &haalbaar::Checked,
    forecast: Option<&haalbaar::forecast::Forecast>,
    lang: Lang,
    extras: &ReportExtras<'_>,
) -> String {
    // Every text of the engine in the report's language, not only the labels.
    use haalbaar::catalogue::Localize;
    let mut checked = checked.clone();
    checked.localize(lang.into());
    let checked = &checked;
    let forecast = forecast.cloned().map(|mut f| {
        f.localize(lang.into());
        f
    });
    let forecast = forecast.as_ref();
    let mut board = haalbaar::report::board::Board::of(checked, source);
    board.localize(lang.into());
    let findings = report::records(name, source, &checked.diagnostics);
    let commitments = checked.feasibility.as_ref().map(|f| f.commitments.as_slice()).unwrap_or_default();
    let progress = haalbaar::report::progress::progress(checked);
    let input = html::Input {
        file: name,
        verdict: checked.verdict(),
        board: board.as_ref(),
        commitments,
        forecast,
        findings: &findings,
        all_deps: extras.all_deps,
        assumed: extras.assumed,
        comparison: extras.comparison,
        progress: progress.as_ref(),
    };
    html::report(&input, if lang == Lang::Nl { &html::NL } else { &html::EN })
}

/// Every output the command can make of one text, in order: check (human, JSON, SARIF,
/// GitHub), the terminal board, calendar and capacity (table, JSON, CSV), the forecast of
/// `runs` runs (human, JSON) and the HTML report. For the fuzz target and the robustness
/// tests: none of them may panic, whatever the text.
pub fn every_output(source: &str, runs: u32) -> Result<Vec<String>, String> {
    let name = "fuzz.plan";
    let checked = haalbaar::check(source);
    let mut out = vec![render::human(name, source, &checked.diagnostics, false)];
    if let (Some(f), Some(cal)) = (&checked.feasibility, &checked.calendar) {
        out.push(render::board(name, cal, f, true));
    }
    let records = report::records(name, source, &checked.diagnostics);
    out.push(sarif::sarif(&[name.to_string()], &records).to_string());
    out.push(annotations::annotations(&records));
    if let Some(b) = haalbaar::report::board::Board::of(&checked, source) {
        out.push(board::board(name, &b, 80, true));
    }
    for format in [TableFormat::Table, TableFormat::Json, TableFormat::Csv] {
        out.extend(calendar_text(&checked, format)?);
        out.extend(capacity_text(&checked, format)?);
    }
    let forecast = match &checked.calendar {
        Some(cal) if !checked.has_errors() && runs > 0 => haalbaar::forecast::forecast(
            &checked.plan,
            cal,
            haalbaar::forecast::ForecastOptions::new(runs, haalbaar::forecast::DEFAULT_SEED),
            &mut |_, _| {},
        ),
        _ => None,
    };
    if let Some(f) = &forecast {
        out.push(forecast_text(name, source, f, false, true)?);
        out.push(forecast_text(name, source, f, true, false)?);
    }
    let extras = ReportExtras { all_deps: true, assumed: Some("assuming no loans"), comparison: None };
    out.push(report_html(name, source, &checked, forecast.as_ref(), Lang::Nl, &extras));
    let (entry, records) = report::FileReport::of(name, source, checked);
    out.push(json(&report::CheckReport::new(vec![entry], records))?);
    Ok(out)
}
