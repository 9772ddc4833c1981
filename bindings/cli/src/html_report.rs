//! `haalbaar report`: the self-contained HTML report written to a file (never over the plan),
//! with the forecast and, for a plan with scenarios, the comparison of the plan and each one.

use std::path::PathBuf;
use std::process::ExitCode;

use haalbaar_cli::words::t;
use haalbaar_cli::{Lang, safe};

use super::{WhatIf, print, read};

/// Refuses an output that is the plan itself (by any name: a link, `./`, a hard link), and a
/// symbolic link unless `force`, so a report never replaces what the user wrote.
fn safe_to_write(input: &PathBuf, output: &PathBuf, force: bool) -> Result<(), String> {
    let shown = || safe::text(&output.display().to_string(), false).into_owned();
    if let (Ok(a), Ok(b)) = (std::fs::metadata(input), std::fs::metadata(output))
        && same_file(&a, &b)
    {
        return Err(format!("will not write the report over the plan file {}; give another --output", shown()));
    }
    if let (Ok(a), Ok(b)) = (std::fs::canonicalize(input), std::fs::canonicalize(output))
        && a == b
    {
        return Err(format!("will not write the report over the plan file {}; give another --output", shown()));
    }
    let link = std::fs::symlink_metadata(output).is_ok_and(|m| m.file_type().is_symlink());
    if link && !force {
        return Err(format!(
            "{} is a symbolic link; give another --output, or --force to write to the file it points at",
            shown()
        ));
    }
    // An existing file that is not an HTML page (another plan, a note) is not replaced unasked.
    if !force && let Ok(bytes) = std::fs::read(output) {
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(64)]).trim_start().to_ascii_lowercase();
        if !bytes.is_empty() && !head.starts_with("<!doctype html") && !head.starts_with("<html") {
            return Err(format!(
                "{} exists and is not an HTML report; give another --output, or --force to replace it",
                shown()
            ));
        }
    }
    Ok(())
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_: &std::fs::Metadata, _: &std::fs::Metadata) -> bool {
    false
}

/// What `haalbaar report` takes besides the file, its output and the language.
pub(super) struct ReportOptions {
    pub(super) runs: u32,
    pub(super) seed: u64,
    pub(super) budget: u64,
    pub(super) force: bool,
    pub(super) all_deps: bool,
    pub(super) what_if: WhatIf,
}

/// `haalbaar report`: the HTML report, written to a file (or standard output). Exit 0 when
/// the plan was checked, whatever its verdict (the report shows it; `check` is the gate for
/// CI); exit 1 when the plan has errors that leave it invalid (the report lists them).
pub(super) fn report_command(
    path: &PathBuf,
    output: &PathBuf,
    lang: Lang,
    o: ReportOptions,
) -> Result<ExitCode, String> {
    let ReportOptions { runs, seed, budget, force, all_deps, what_if } = o;
    if output.as_os_str() != "-" {
        safe_to_write(path, output, force)?;
    }
    let source = read(path)?;
    let name = path.display().to_string();
    let checked = haalbaar::check_with(&source, &what_if.options(budget));
    let forecast = match (&checked.calendar, runs, checked.has_errors() && checked.feasibility.is_none()) {
        (Some(cal), 1.., false) => haalbaar::forecast::forecast(
            &checked.plan,
            cal,
            haalbaar::forecast::ForecastOptions::new(runs, seed),
            &mut |_, _| {},
        ),
        _ => None,
    };
    let said = what_if.said();
    // With scenarios (and the plan itself checked): each checked on the plan's answer.
    let options = what_if.options(budget);
    let comparison = (!checked.scenarios.is_empty() && what_if.scenario.is_none()).then(|| {
        let checks: Vec<haalbaar::Checked> = checked
            .scenarios
            .iter()
            .map(|s| haalbaar::recheck(&checked, &source, &options.clone().scenario(s.id.clone())))
            .collect();
        haalbaar::report::compare::compare_checked(&name, &source, &checked, &checked.scenarios, &checks, &options)
    });
    let extras = haalbaar_cli::ReportExtras { all_deps, assumed: said.as_deref(), comparison: comparison.as_ref() };
    let text = haalbaar_cli::report_html(&name, &source, &checked, forecast.as_ref(), lang, &extras);
    if output.as_os_str() == "-" {
        print(&text)?;
    } else {
        std::fs::write(output, text).map_err(|e| format!("cannot write {}: {e}", output.display()))?;
        eprintln!("{}", safe::text(&t(&format!("wrote {}", output.display())), false));
    }
    let invalid = checked.verdict() == haalbaar::report::feasibility::PlanVerdict::Invalid;
    Ok(if invalid { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
