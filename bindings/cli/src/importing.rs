//! `haalbaar import`: an export into a plan, printed or written back (see `haalbaar_cli::import`).

use std::path::PathBuf;
use std::process::ExitCode;

use haalbaar::catalogue::Localize;
use haalbaar::report::Summary;
use haalbaar_cli::import::{self, mapping::Mapping};
use haalbaar_cli::{render, safe, words};

use super::{print, read, show};

/// Where an export comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(super) enum ImportFrom {
    /// Jira's CSV export (Cloud or Data Center), from the issue search's "Export → CSV".
    Jira,
    /// A workbook (`.xlsx`): a capacity sheet (teams, people, focus, reserve, hires, leavers)
    /// and an item sheet with the columns of a Jira export.
    Xlsx,
}

/// The options of `haalbaar import`.
pub(super) struct ImportArgs {
    pub into: Option<PathBuf>,
    pub mapping: Option<PathBuf>,
    pub write: bool,
    pub prune: bool,
    pub start: Option<String>,
    pub capacity_only: bool,
}

/// Reads the export (and plan and mapping), imports, checks the result; prints it, or writes it
/// into the plan. Exit 0, or 1 when the result has errors (then nothing is written).
pub(super) fn import_command(
    from: ImportFrom,
    path: &PathBuf,
    args: ImportArgs,
    color: bool,
) -> Result<ExitCode, String> {
    if args.write && args.into.is_none() {
        return Err("`--write` writes into the plan given with `--into PLAN`".into());
    }
    if args.capacity_only && from != ImportFrom::Xlsx {
        return Err("`--capacity-only` is for a workbook (`haalbaar import xlsx`)".into());
    }
    if args.start.is_some() && args.into.is_some() {
        return Err("`--start` is for a new plan; the plan given with `--into` has its own start".into());
    }
    let export = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        buf
    } else {
        std::fs::read(path).map_err(|e| format!("cannot read {}: {}", path.display(), e.to_string().to_lowercase()))?
    };
    let mapping = match &args.mapping {
        Some(m) => Mapping::parse(&read(m)?).map_err(|e| format!("{}: {e}", m.display()))?,
        None => Mapping::default(),
    };
    if let Some(plan) = args.into.as_ref().filter(|p| !p.exists()) {
        return Err(format!(
            "{}: no such file; to make a new plan, give --start DATE and send the output to the file",
            plan.display()
        ));
    }
    let into = args.into.as_ref().map(read).transpose()?;
    if let (Some(plan), Some(text)) = (&args.into, &into) {
        import::merge::readable(text).map_err(|e| format!("{}: {e}", plan.display()))?;
    }
    let start = match &args.start {
        Some(s) => Some(
            haalbaar::NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map_err(|_| format!("--start {s}: not a date (write it as 2026-01-05)"))?,
        ),
        None => None,
    };
    let export_name = path.file_name().map_or("<stdin>".into(), |n| n.to_string_lossy().to_string());
    let request = import::Request {
        export_name: if path.as_os_str() == "-" { "<stdin>".into() } else { export_name },
        export,
        mapping,
        into,
        start,
        prune: args.prune,
        capacity_only: args.capacity_only,
    };
    let outcome = match from {
        ImportFrom::Jira => import::jira(&request),
        ImportFrom::Xlsx => import::xlsx(&request),
    }
    .map_err(|e| format!("{}: {e}", path.display()))?;
    let name = args.into.as_ref().map_or("<import>".to_string(), |p| p.display().to_string());
    // The result must be a plan the check accepts; else nothing is written.
    let mut checked = haalbaar::check_with(&outcome.text, &haalbaar::Options::default().solve(false));
    checked.localize(words::lang());
    let s = Summary::of(checked.diagnostics.iter().map(|d| &d.severity));
    for (id, team) in &outcome.facts.new_teams {
        eprintln!(
            "{}",
            safe::text(
                &format!("warning: team `{id}` (\"{team}\") is new: it has no capacity yet; give it its people"),
                color
            )
        );
    }
    // Teams that still have no capacity (made by an earlier import, say).
    let new: Vec<&str> = outcome.facts.new_teams.iter().map(|(id, _)| id.as_str()).collect();
    for d in checked.diagnostics.iter().filter(|d| d.code == haalbaar::Code::W0501) {
        if !new.iter().any(|id| d.message.contains(&format!("`{id}`"))) {
            eprintln!("{}", safe::text(&format!("warning: {}", d.message), color));
        }
    }
    if s.errors > 0 {
        let errors: Vec<_> =
            checked.diagnostics.iter().filter(|d| d.severity == haalbaar::Severity::Error).cloned().collect();
        let mut text = render::human(&name, &outcome.text, &errors, color);
        text.push_str(if args.write {
            "the imported plan has errors: nothing was written (the lines above are the result's: \
             run without --write to see it)"
        } else {
            "the imported plan has errors (the lines above are the result's, printed below)"
        });
        eprintln!("{}", safe::text(&text, color));
        if !args.write {
            print(&outcome.text)?;
        }
        return Ok(ExitCode::from(1));
    }
    match (&args.into, args.write) {
        (Some(plan), true) => {
            std::fs::write(plan, &outcome.text).map_err(|e| format!("cannot write {}: {e}", plan.display()))?;
            let f = &outcome.facts;
            show(
                &format!(
                    "{}: {} updated, {} added, {} left out or changed (the report at its top lists them)\n",
                    plan.display(),
                    f.updated,
                    f.added,
                    f.skipped.len()
                ),
                color,
            )?;
        }
        _ => print(&outcome.text)?,
    }
    Ok(ExitCode::SUCCESS)
}
