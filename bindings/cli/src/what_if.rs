//! What-ifs and comparing versions on the command line: `--assume`, `--load` (on `check`,
//! `compare`, `report`, `forecast`, `diff`), `haalbaar compare` and `haalbaar diff`. The
//! engine decides and compares; this reads the arguments and files and prints what
//! `haalbaar_cli::compare` and `haalbaar_cli::diff` render.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use haalbaar_cli::words::t;
use haalbaar_cli::{compare, diff};

use super::{print, read, show};

/// The built-in what-ifs: `--assume` and `--load` (`compare` takes these alone: it checks
/// every scenario).
#[derive(clap::Args, Clone, Default)]
pub(super) struct Assumed {
    /// Assume this without editing the plan (repeatable): `vacancies-filled` (every vacancy
    /// filled on its date), `no-loans` (no `lend`).
    #[arg(long, value_enum, value_name = "WHAT")]
    pub(super) assume: Vec<Assumption>,
    /// Use this load instead of the plan's (`--load 90%`).
    #[arg(long, value_name = "PERCENT", value_parser = parse_load)]
    pub(super) load: Option<haalbaar::Fixed>,
}

/// What-ifs checked without editing the plan.
#[derive(clap::Args, Clone, Default)]
pub(super) struct WhatIf {
    #[command(flatten)]
    pub(super) assumed: Assumed,
    /// Check this scenario of the file (`scenario ID { ... }`) instead of the plan itself.
    #[arg(long, value_name = "ID")]
    pub(super) scenario: Option<String>,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(super) enum Assumption {
    /// Every vacancy filled on its date (with its ramp, if it has one).
    VacanciesFilled,
    /// No team lends people.
    NoLoans,
}

impl Assumed {
    pub(super) fn assume(&self) -> haalbaar::Assume {
        let mut a = haalbaar::Assume::default()
            .vacancies_filled(self.assume.contains(&Assumption::VacanciesFilled))
            .no_loans(self.assume.contains(&Assumption::NoLoans));
        if let Some(load) = self.load {
            a = a.load(load);
        }
        a
    }

    /// Options with `budget` and these what-ifs.
    pub(super) fn options(&self, budget: u64) -> haalbaar::Options {
        haalbaar::Options::default().budget(budget).assume(self.assume())
    }

    /// `assuming every vacancy filled, no loans, load 90%`, or nothing.
    pub(super) fn said(&self) -> Option<String> {
        let mut parts = Vec::new();
        if self.assume.contains(&Assumption::VacanciesFilled) {
            parts.push(t("every vacancy filled"));
        }
        if self.assume.contains(&Assumption::NoLoans) {
            parts.push(t("no loans"));
        }
        if let Some(load) = self.load {
            parts.push(t(&format!("load {load}%")));
        }
        (!parts.is_empty()).then(|| t(&format!("assuming {}", parts.join(", "))))
    }
}

impl WhatIf {
    pub(super) fn assume(&self) -> haalbaar::Assume {
        self.assumed.assume()
    }

    /// Options with `budget`, these what-ifs and the scenario.
    pub(super) fn options(&self, budget: u64) -> haalbaar::Options {
        let options = self.assumed.options(budget);
        match &self.scenario {
            Some(id) => options.scenario(id.clone()),
            None => options,
        }
    }

    /// `scenario `x`, assuming every vacancy filled, no loans, load 90%`, or nothing.
    pub(super) fn said(&self) -> Option<String> {
        match (&self.scenario, self.assumed.said()) {
            (Some(id), Some(a)) => Some(format!("{}, {a}", t(&format!("scenario `{id}`")))),
            (Some(id), None) => Some(t(&format!("scenario `{id}`"))),
            (None, a) => a,
        }
    }
}

/// `90%` or `90`: a load more than 0 and at most 100 percent.
pub(super) fn parse_load(text: &str) -> Result<haalbaar::Fixed, String> {
    let n: haalbaar::Fixed = text.trim().trim_end_matches('%').parse().map_err(|e| format!("`{text}`: {e}"))?;
    if n <= haalbaar::Fixed::ZERO || n > haalbaar::Fixed::from_int(100) {
        return Err(format!("`{text}`: a load is more than 0% and at most 100%"));
    }
    // `0.9` is a fraction, not 0.9%: as in a plan file, a load is written in percent.
    if n < haalbaar::Fixed::from_int(1) && !text.trim().ends_with('%') {
        return Err(format!("`{text}`: write the load in percent, such as 90%"));
    }
    Ok(n)
}

/// How `haalbaar compare` shows its table.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(super) enum CompareFormat {
    /// Each commitment's status and finish in the plan and in every scenario, with what each
    /// scenario does to it (better, worse, earlier, later, added, removed).
    Text,
    /// The comparison as JSON (docs/json-report.md, "haalbaar compare").
    Json,
    /// The same table in Markdown, for a pull request or a wiki page.
    Markdown,
}

/// How `haalbaar diff` shows the two versions.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(super) enum DiffFormat {
    /// Each changed commitment before and after, with its causes and their lines.
    Text,
    /// The diff as JSON (docs/json-report.md, "haalbaar diff").
    Json,
    /// A pull-request comment: a headline, a table, the causes as bullets.
    Markdown,
}

/// `haalbaar diff`: both versions checked and compared; exit 1 when something got worse.
pub(super) fn diff_command(
    files: &[PathBuf],
    rev: Option<&str>,
    all: bool,
    format: DiffFormat,
    options: &haalbaar::Options,
    color: bool,
) -> Result<ExitCode, String> {
    let name = |p: &PathBuf| if p.as_os_str() == "-" { "<stdin>".to_string() } else { p.display().to_string() };
    let (old_name, old, new_name, new) = match (rev, files) {
        (Some(rev), [file]) => {
            let new = read(file)?;
            (format!("{rev}:{}", name(file)), git_show(rev, file)?, name(file), new)
        }
        (Some(_), _) => return Err("with `--rev`, give one file: it is compared with itself at that revision".into()),
        (None, [old, new]) if old.as_os_str() == "-" && new.as_os_str() == "-" => {
            return Err("only one of OLD and NEW can be `-` (standard input)".into());
        }
        (None, [old, new]) => (name(old), read(old)?, name(new), read(new)?),
        (None, _) => return Err("give OLD and NEW, or `--rev REV FILE`".into()),
    };
    let d = haalbaar::report::diff::diff(&old, &new, options);
    match format {
        DiffFormat::Text => show(&diff::text(&d, &old_name, &new_name, all), color)?,
        DiffFormat::Markdown => print(&diff::markdown(&d, &old_name, &new_name, all))?,
        DiffFormat::Json => {
            let kept: Vec<_> = d.commitments.iter().filter(|c| all || c.changed).cloned().collect();
            let mut report = haalbaar::report::diff::DiffReport::new(&d, &old_name, &new_name);
            report.commitments = &kept;
            let text = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
            print(&format!("{text}\n"))?;
        }
    }
    Ok(if d.worse() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// `haalbaar compare`: the plan and each scenario checked and lined up; exit 1 when a
/// version has errors (other than commitments not met).
pub(super) fn compare_command(
    file: &PathBuf,
    all: bool,
    format: CompareFormat,
    what_if: &Assumed,
    budget: u64,
    color: bool,
) -> Result<ExitCode, String> {
    let name = if file.as_os_str() == "-" { "<stdin>".to_string() } else { file.display().to_string() };
    let source = read(file)?;
    let c = haalbaar::report::compare::compare(&name, &source, &what_if.options(budget));
    match format {
        CompareFormat::Text => show(&compare::text(&c, all), color)?,
        CompareFormat::Markdown => print(&compare::markdown(&c, all))?,
        CompareFormat::Json => {
            let mut c = c.clone();
            if !all {
                c.commitments.retain(|r| r.effects.iter().any(|e| *e != haalbaar::report::compare::Effect::Same));
            }
            let text = serde_json::to_string_pretty(&c).map_err(|e| e.to_string())?;
            print(&format!("{text}\n"))?;
        }
    }
    let invalid = c.columns.iter().any(|col| !col.errors.is_empty());
    Ok(if invalid { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// The text of `file` at git revision `rev` (`git show REV:./FILE`, the path as seen from
/// the current directory).
fn git_show(rev: &str, file: &std::path::Path) -> Result<String, String> {
    if rev.starts_with('-') {
        return Err(format!("`{rev}` is not a revision"));
    }
    let dir = file.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
    let base = file.file_name().ok_or_else(|| format!("{} is not a file", file.display()))?;
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .arg("show")
        .arg(format!("{rev}:./{}", base.to_string_lossy()))
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !out.status.success() {
        let why = String::from_utf8_lossy(&out.stderr).trim().to_string();
        return Err(format!("cannot read {} at {rev}: {why}", file.display()));
    }
    String::from_utf8(out.stdout).map_err(|_| format!("{} at {rev} is not UTF-8 text", file.display()))
}
