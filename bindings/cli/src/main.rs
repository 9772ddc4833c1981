//! `haalbaar`: lint SAFe portfolio plan files, locally and in CI.
//!
//! Exit codes: 0 no errors, 1 a file has errors, 2 usage or I/O failure.

/// mimalloc rather than the system allocator: a check makes many small, short-lived vectors
/// (the solver's restricted problems and trial schedules), and mimalloc serves them about a
/// fifth faster on the generated benchmark plans (see benches/README.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use haalbaar::catalogue::Localize;
use haalbaar_cli::words::t;
use haalbaar_cli::{Lang, TableFormat, annotations, board, render, safe, sarif, words};

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use haalbaar::report::{self, Summary};

mod fix;
mod fmt;
mod html_report;
mod importing;
mod what_if;
use fix::{fix_command, fix_findings};
use fmt::fmt_command;
use html_report::{ReportOptions, report_command};
use importing::{ImportArgs, ImportFrom, import_command};
use what_if::{Assumed, CompareFormat, DiffFormat, WhatIf, compare_command, diff_command};

#[derive(Parser)]
#[command(
    name = "haalbaar",
    version,
    about = "Is this portfolio plan feasible? Checks plan files and explains every finding."
)]
struct Cli {
    /// When to use colour: auto (a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, value_enum, default_value_t = Color::Auto, global = true)]
    color: Color,
    /// Language of every text for people (messages, tables, board, report): en or nl.
    #[arg(long, value_enum, default_value_t = Lang::En, global = true)]
    lang: Lang,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum CheckFormat {
    /// rustc-style diagnostics and the load board.
    Human,
    /// The JSON report (docs/json-report.md).
    Json,
    /// SARIF 2.1.0, for code-scanning upload.
    Sarif,
    /// GitHub Actions annotations (`::error file=…,line=…::…`).
    Github,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum ForecastFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Deny {
    Unknown,
}

#[derive(Subcommand)]
enum Command {
    /// Check plan files and report every mistake with its place and a fix.
    Check {
        /// Plan files (`*.plan`); `-` reads standard input.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        /// Treat these findings as errors (exit 1): `unknown` (undecided commitments).
        #[arg(long, value_enum)]
        deny: Vec<Deny>,
        /// Leave out the warnings and notes of this code (`--allow W0502`; repeatable).
        /// Errors cannot be left out.
        #[arg(long, value_name = "CODE", value_parser = parse_allow)]
        allow: Vec<haalbaar::Code>,
        /// Leave out the program board in human output.
        #[arg(long)]
        no_board: bool,
        /// Steps of exact search per decision before a commitment is called unknown.
        #[arg(long, default_value_t = haalbaar::DEFAULT_BUDGET)]
        budget: u64,
        #[command(flatten)]
        what_if: WhatIf,
    },
    /// How likely each commitment is met when efforts vary and vacancies may stay open.
    Forecast {
        file: PathBuf,
        /// Number of runs (1 to 1,000,000).
        #[arg(long, default_value_t = haalbaar::forecast::DEFAULT_RUNS,
              value_parser = clap::value_parser!(u32).range(1..=i64::from(haalbaar::forecast::MAX_RUNS)))]
        runs: u32,
        /// Seed of the draws: the same seed gives the same forecast.
        #[arg(long, default_value_t = haalbaar::forecast::DEFAULT_SEED)]
        seed: u64,
        #[arg(long, value_enum, default_value_t = ForecastFormat::Human)]
        format: ForecastFormat,
        #[command(flatten)]
        what_if: WhatIf,
    },
    /// Show the program board: teams × PIs, the items in each, and each team's load.
    Board {
        file: PathBuf,
        /// Width to fit, in columns (PIs that do not fit go to a next band); default: the
        /// COLUMNS environment variable, else 120.
        #[arg(long)]
        width: Option<usize>,
        #[arg(long, default_value_t = haalbaar::DEFAULT_BUDGET)]
        budget: u64,
    },
    /// Write a self-contained HTML report: board, capacity charts, commitments, forecast.
    Report {
        file: PathBuf,
        /// Where to write it (`-`: standard output).
        #[arg(short, long, default_value = "report.html")]
        output: PathBuf,
        /// Forecast runs to include (0: no forecast; at most 1,000,000).
        #[arg(long, default_value_t = haalbaar::forecast::DEFAULT_RUNS,
              value_parser = clap::value_parser!(u32).range(0..=i64::from(haalbaar::forecast::MAX_RUNS)))]
        runs: u32,
        /// Write the report even where `--output` is a symbolic link (onto the file it
        /// points at). The plan file itself is never overwritten.
        #[arg(long)]
        force: bool,
        #[arg(long, default_value_t = haalbaar::forecast::DEFAULT_SEED)]
        seed: u64,
        #[arg(long, default_value_t = haalbaar::DEFAULT_BUDGET)]
        budget: u64,
        /// Draw every dependency on the board from the start (by default only the missed
        /// chains'; the report has a box to show them all either way).
        #[arg(long)]
        all_deps: bool,
        #[command(flatten)]
        what_if: WhatIf,
    },
    /// Repairs of one commitment: list them, show one as a diff, or apply it to the file.
    /// Without `--commitment`: the sure fixes of the file's findings (an id or a statement word
    /// mistyped, where the help says "did you mean"), as a diff or applied.
    Fix {
        file: PathBuf,
        /// The commitment: its item's id, or its epic's id.
        #[arg(long)]
        commitment: Option<String>,
        /// The repair to show as a unified diff, numbered from 1 as listed.
        #[arg(long, requires = "commitment")]
        repair: Option<usize>,
        /// Apply the repair (with `--commitment` and `--repair`), or the sure fixes, to the file.
        #[arg(long)]
        write: bool,
        #[arg(long, default_value_t = haalbaar::DEFAULT_BUDGET)]
        budget: u64,
    },
    /// What a change to a plan does to its commitments: each one's status and finish before
    /// and after, and the changed lines that cause it. Exit 1 when something got worse.
    Diff {
        /// OLD and NEW (`-` reads one of them from standard input); with `--rev`, only the
        /// file, compared with itself at that git revision.
        #[arg(required = true, num_args = 1..=2, value_name = "OLD NEW")]
        files: Vec<PathBuf>,
        /// Read OLD as the given file at this git revision (`git show REV:FILE`).
        #[arg(long, value_name = "REV")]
        rev: Option<String>,
        /// Show every commitment, not only those that changed.
        #[arg(long)]
        all: bool,
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
        #[arg(long, default_value_t = haalbaar::DEFAULT_BUDGET)]
        budget: u64,
        /// What-ifs assumed of both versions.
        #[command(flatten)]
        what_if: WhatIf,
    },
    /// Check the plan and each of its scenarios, and show every commitment side by side.
    Compare {
        /// The plan file (`-` for standard input).
        file: PathBuf,
        /// Show every commitment, not only those a scenario changes.
        #[arg(long)]
        all: bool,
        #[arg(long, value_enum, default_value_t = CompareFormat::Text)]
        format: CompareFormat,
        #[arg(long, default_value_t = haalbaar::DEFAULT_BUDGET)]
        budget: u64,
        /// What-ifs assumed of the plan and every scenario.
        #[command(flatten)]
        what_if: Assumed,
    },
    /// Explain a diagnostic code (`haalbaar explain E0201`), or list them all.
    Explain {
        /// The code, such as E0201; omit to list every code.
        code: Option<String>,
    },
    /// Show the PIs and iterations with their dates, IP iterations and holidays.
    Calendar {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
    },
    /// Show progress as of the plan's status date (`as of`): each commitment's scope, done
    /// and left with its burn-up (done up to the status date, planned after), and each
    /// team's work delivered per past iteration against its capacity.
    Progress {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
    },
    /// Show the capacity of every team per iteration and per PI.
    Capacity {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
    },
    /// Rewrite plan files in the canonical layout: indentation, spacing, blank lines and the
    /// column of trailing comments. Comments and every form you wrote are kept.
    Fmt {
        /// Plan files (`*.plan`); `-` reads standard input and writes standard output.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Change nothing: print a diff for each file not in canonical layout and exit 1.
        #[arg(long)]
        check: bool,
    },
    /// Hand the check's answer on: a TaskJuggler 3 project (the schedule as the plan), an
    /// iCalendar file (deadlines, milestones, PIs), or CSV (the schedule or the commitments).
    Export {
        file: PathBuf,
        /// The format.
        #[arg(long, value_enum)]
        to: haalbaar_cli::export::Target,
        /// With `--to csv`: which table (default: schedule).
        #[arg(long, value_enum)]
        table: Option<haalbaar_cli::export::Table>,
    },
    /// Make a plan from a Jira CSV export, or bring a plan up to date with a new export: items
    /// and epics keyed by their issue, the planner's own lines kept (see docs/import.md).
    Import {
        /// Where the export comes from.
        #[arg(value_enum)]
        from: ImportFrom,
        /// The export (`-` reads standard input).
        file: PathBuf,
        /// The plan to import into: its plan block, teams, commitments and every line not
        /// imported stay; blocks with a `key` the export has are updated.
        #[arg(long, value_name = "PLAN")]
        into: Option<PathBuf>,
        /// A mapping file (TOML): which column holds what (docs/import.md).
        #[arg(long, value_name = "FILE")]
        mapping: Option<PathBuf>,
        /// Write the result back into the plan given with `--into` (else it is printed).
        #[arg(long)]
        write: bool,
        /// Remove imported blocks whose issue the export no longer has (else they are kept and
        /// listed in the report).
        #[arg(long)]
        prune: bool,
        /// The first day of a new plan (without `--into`).
        #[arg(long, value_name = "DATE")]
        start: Option<String>,
        /// With `xlsx`: read the capacity sheet only (the teams), not the backlog.
        #[arg(long)]
        capacity_only: bool,
    },
    /// Serve the Language Server Protocol on standard input and output, for an editor: the
    /// check as you type, hover, go to definition, rename, completion, repairs as quick fixes,
    /// formatting (see "In your editor" in the README).
    Lsp {
        /// Accepted for editors that pass it; standard input and output is the only transport.
        #[arg(long, hide = true)]
        stdio: bool,
    },
    /// Print the message catalogue as JSON: every English text a planner may read (the
    /// engine's, the command's and the HTML report's) with its Dutch form.
    #[command(hide = true)]
    Catalogue,
}

/// The stack the command runs on: the engine is iterative wherever the input sets the depth,
/// and this leaves room for what a library below it may still do recursively.
const STACK: usize = 256 * 1024 * 1024;

fn main() -> ExitCode {
    // The exit code is always 0, 1 or 2: an internal failure is reported and ends with 2.
    let run = std::thread::Builder::new().stack_size(STACK).spawn(run);
    match run.map(std::thread::JoinHandle::join) {
        Ok(Ok(code)) => code,
        Ok(Err(_)) => {
            eprintln!("haalbaar: internal error (see the message above); please report it with the plan file");
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("haalbaar: cannot start: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            // Help and version are not failures; every usage error is exit 2.
            return if e.use_stderr() { ExitCode::from(2) } else { ExitCode::SUCCESS };
        }
    };
    let color = match cli.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal(),
    };
    let lang = cli.lang;
    words::set_lang(lang.into());
    let result = match cli.command {
        Command::Check { files, format, deny, allow, no_board, budget, what_if } => {
            if format == CheckFormat::Human
                && let Some(said) = what_if.said()
            {
                println!("{said}");
            }
            check(&files, format, Filters { deny: &deny, allow: &allow }, !no_board, &what_if.options(budget), color)
        }
        Command::Compare { file, all, format, budget, what_if } => {
            if format == CompareFormat::Text
                && let Some(said) = what_if.said()
            {
                println!("{said}");
            }
            compare_command(&file, all, format, &what_if, budget, color)
        }
        Command::Explain { code } => explain(code.as_deref()),
        Command::Lsp { stdio: _ } => match haalbaar_lsp::run_stdio(lang.into()) {
            Ok(()) => Ok(ExitCode::SUCCESS),
            Err(e) => {
                eprintln!("haalbaar lsp: {e}");
                Ok(ExitCode::from(2))
            }
        },
        Command::Diff { files, rev, all, format, budget, what_if } => {
            if format == DiffFormat::Text
                && let Some(said) = what_if.said()
            {
                println!("{said}");
            }
            diff_command(&files, rev.as_deref(), all, format, &what_if.options(budget), color)
        }
        Command::Forecast { file, runs, seed, format, what_if } => forecast(&file, runs, seed, format, &what_if, color),
        Command::Board { file, width, budget } => board_command(&file, width, budget, color),
        Command::Report { file, output, runs, seed, budget, force, all_deps, what_if } => {
            report_command(&file, &output, lang, ReportOptions { runs, seed, budget, force, all_deps, what_if })
        }
        Command::Fix { commitment: Some(_), repair: None, write: true, .. } => {
            Err("`--write` with `--commitment` applies one repair: give `--repair N` too".into())
        }
        Command::Fix { file, commitment: Some(commitment), repair, write, budget } => {
            fix_command(&file, &commitment, repair, write, budget, color)
        }
        Command::Fix { file, commitment: None, write, budget, .. } => fix_findings(&file, write, budget, color),
        Command::Calendar { file, format } => calendar(&file, format, color),
        Command::Capacity { file, format } => capacity(&file, format, color),
        Command::Progress { file, format } => progress(&file, format, color),
        Command::Export { file, to, table } => match (to, table) {
            (haalbaar_cli::export::Target::Csv, _) | (_, None) => {
                export(&file, to, table.unwrap_or(haalbaar_cli::export::Table::Schedule), color)
            }
            (_, Some(_)) => Err("`--table` goes with `--to csv` only".into()),
        },
        Command::Import { from, file, into, mapping, write, prune, start, capacity_only } => {
            import_command(from, &file, ImportArgs { into, mapping, write, prune, start, capacity_only }, color)
        }
        Command::Catalogue => catalogue(),
        Command::Fmt { files, check } => fmt_command(&files, check, color),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            let _ = std::io::stdout().flush();
            eprintln!("haalbaar: {}", safe::text(&t(&message), false));
            ExitCode::from(2)
        }
    }
}

/// `haalbaar catalogue`: `[["English", "Dutch"], …]`.
fn catalogue() -> Result<ExitCode, String> {
    let mut pairs: Vec<(&str, &str)> = haalbaar::catalogue::entries().iter().chain(words::ENTRIES).copied().collect();
    pairs.extend(haalbaar_cli::html::EN.texts().into_iter().zip(haalbaar_cli::html::NL.texts()));
    let text = serde_json::to_string_pretty(&pairs).map_err(|e| e.to_string())?;
    print(&format!("{text}\n"))?;
    Ok(ExitCode::SUCCESS)
}

/// Reads a plan file (or standard input for `-`) as UTF-8, with a one-line message on failure.
fn read(path: &PathBuf) -> Result<String, String> {
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        Ok(buf)
    } else {
        std::fs::read(path)
    };
    let bytes = bytes.map_err(|e| {
        let why = match e.kind() {
            std::io::ErrorKind::NotFound => "no such file".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            _ if path.is_dir() => "it is a directory".to_string(),
            _ => e.to_string().to_lowercase(),
        };
        format!("cannot read {}: {why}", path.display())
    })?;
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(format!(
            "{} is a workbook (.xlsx), not a plan file: `haalbaar import xlsx` makes a plan from one",
            path.display()
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{} is not UTF-8 text (invalid byte at offset {}); save it as UTF-8",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

/// Writes text meant for people: every control character the user's text could carry is
/// shown as an escape (`safe::text`), only this command's own colours pass.
fn show(text: &str, color: bool) -> Result<(), String> {
    print(&safe::text(text, color))
}

/// Writes a machine format (JSON, SARIF, HTML) as it is: each escapes text by its own rules.
fn print(text: &str) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        // A closed pipe (`| head`) is not a failure of the check.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(format!("cannot write output: {e}")),
        _ => Ok(()),
    }
}

/// A code for `--allow`: a warning or a note, never an error.
fn parse_allow(name: &str) -> Result<haalbaar::Code, String> {
    let code = haalbaar::Code::parse(name)
        .ok_or_else(|| format!("unknown code `{name}`; `haalbaar explain` lists every code"))?;
    if code.severity() == haalbaar::Severity::Error {
        return Err(format!("{code} is an error; only warnings and notes can be left out"));
    }
    Ok(code)
}

/// What `check` fails on besides errors, and what it leaves out.
struct Filters<'a> {
    deny: &'a [Deny],
    allow: &'a [haalbaar::Code],
}

/// At least this many warnings of one code in a file get a closing note on how to leave
/// them out.
const MANY: usize = 5;

fn check(
    files: &[PathBuf],
    format: CheckFormat,
    Filters { deny, allow }: Filters,
    board: bool,
    options: &haalbaar::Options,
    color: bool,
) -> Result<ExitCode, String> {
    let mut all = Vec::new();
    let mut entries = Vec::new();
    let mut names = Vec::new();
    let mut human = String::new();
    let mut io_error = None;
    // Findings left out by `--allow`, for the summary.
    let mut left_out = 0;
    for path in files {
        let name = if path.as_os_str() == "-" { "<stdin>".to_string() } else { path.display().to_string() };
        let source = match read(path) {
            Ok(s) => s,
            Err(e) => {
                io_error.get_or_insert(e);
                continue;
            }
        };
        let mut checked = haalbaar::check_with(&source, options);
        let before = checked.diagnostics.len();
        checked.diagnostics.retain(|d| !allow.contains(&d.code));
        left_out += before - checked.diagnostics.len();
        checked.localize(words::lang());
        names.push(name.clone());
        if format == CheckFormat::Human {
            human.push_str(&render::human(&name, &source, &checked.diagnostics, color));
            human.push_str(&render::many(&checked.diagnostics, MANY));
            // The verdict line names the scenario checked, so it cannot pass for the plan's.
            let titled = match &checked.scenario {
                Some(id) => t(&format!("{name} (scenario `{id}`)")),
                None => name.clone(),
            };
            match (&checked.feasibility, &checked.calendar) {
                (Some(f), Some(cal)) if board => human.push_str(&render::board(&titled, cal, f, color)),
                // Without the board the verdict still has its line.
                (Some(f), _) => human.push_str(&render::verdict(&titled, f, color)),
                _ => {}
            }
            // A plan with scenarios says so, and how to see them.
            if checked.scenario.is_none() && !checked.scenarios.is_empty() {
                let ids: Vec<String> = checked.scenarios.iter().map(|x| format!("`{}`", x.id)).collect();
                human.push_str(&t(&format!("scenarios: {} (haalbaar compare {name})", ids.join(", "))));
                human.push('\n');
            }
        }
        let (entry, records) = report::FileReport::of(&name, &source, checked);
        entries.push(entry);
        all.extend(records);
    }
    let summary = Summary::of(all.iter().map(|r| &r.severity));
    // `--deny unknown`: an undecided commitment fails the check too.
    let denied = deny.contains(&Deny::Unknown) && all.iter().any(|d| d.code == haalbaar::Code::W0601);
    match format {
        CheckFormat::Json => {
            let mut report = report::CheckReport::new(entries, all);
            report.assumed = options.assume.any().then(|| options.assume.clone());
            print(&format!("{}\n", serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?))?;
        }
        CheckFormat::Sarif => {
            let log = sarif::sarif(&names, &all);
            print(&format!("{}\n", serde_json::to_string_pretty(&log).map_err(|e| e.to_string())?))?;
        }
        CheckFormat::Github => show(&annotations::annotations(&all), false)?,
        CheckFormat::Human => {
            // With no file read there is nothing to sum up: the read error says it all.
            if !entries.is_empty() {
                human.push_str(&render::summary(summary.errors, summary.warnings, entries.len(), color));
                if left_out > 0 {
                    human.push_str(&t(&format!(" ({left_out} left out by `--allow`)")));
                }
                human.push('\n');
            }
            show(&human, color)?;
        }
    }
    if let Some(e) = io_error {
        return Err(e);
    }
    Ok(if summary.errors > 0 || denied { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn explain(code: Option<&str>) -> Result<ExitCode, String> {
    let Some(code) = code else {
        let mut out = String::new();
        for c in haalbaar::codes::ALL {
            out.push_str(&format!("{}  {:<12}  {}\n", c.as_str(), t(c.severity().as_str()), t(c.title())));
        }
        show(&out, false)?;
        return Ok(ExitCode::SUCCESS);
    };
    match haalbaar::Code::parse(code) {
        Some(c) => {
            show(
                &format!(
                    "{} ({}): {}\n\n{}\n",
                    c.as_str(),
                    t(c.severity().as_str()),
                    t(c.title()),
                    haalbaar::catalogue::explanation(c, words::lang())
                ),
                false,
            )?;
            Ok(ExitCode::SUCCESS)
        }
        None => Err(format!("unknown code `{code}`; `haalbaar explain` lists every code")),
    }
}

/// Reads a file for the table commands and reads it as far as the tables need: whether its
/// commitments fit does not matter here (the capacity table is what a planner reaches for
/// when they do not). The file's errors, if any, go to standard error as `check` shows them,
/// and the second value says there were some.
fn checked(path: &PathBuf, color: bool) -> Result<(haalbaar::Checked, bool), String> {
    let source = read(path)?;
    let mut checked = haalbaar::check_with(&source, &haalbaar::Options::default().solve(false));
    checked.localize(words::lang());
    let name = path.display().to_string();
    let errors = checked.has_errors();
    if errors {
        let mut text = render::human(&name, &source, &checked.diagnostics, color);
        let s = Summary::of(checked.diagnostics.iter().map(|d| &d.severity));
        text.push_str(&render::summary(s.errors, s.warnings, 1, color));
        eprintln!("{}", safe::text(&text, color));
    }
    Ok((checked, errors))
}

/// Prints a table when it could be made (exit 1 when the file has errors all the same).
fn table(text: Option<String>, errors: bool) -> Result<ExitCode, String> {
    let Some(text) = text else { return Ok(ExitCode::from(1)) };
    show(&text, false)?;
    Ok(if errors { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn calendar(path: &PathBuf, format: TableFormat, color: bool) -> Result<ExitCode, String> {
    let (checked, errors) = checked(path, color)?;
    table(haalbaar_cli::calendar_text(&checked, format)?, errors)
}

fn progress(path: &PathBuf, format: TableFormat, color: bool) -> Result<ExitCode, String> {
    let source = read(path)?;
    let mut checked = haalbaar::check(&source);
    checked.localize(words::lang());
    let name = path.display().to_string();
    // Only the file's own mistakes stop it; the verdict's findings are the view's subject.
    let errors = checked
        .diagnostics
        .iter()
        .any(|d| d.severity == haalbaar::Severity::Error && !d.code.as_str().starts_with("E06"));
    if errors {
        let mut text = render::human(&name, &source, &checked.diagnostics, color);
        let s = Summary::of(checked.diagnostics.iter().map(|d| &d.severity));
        text.push_str(&render::summary(s.errors, s.warnings, 1, color));
        eprintln!("{}", safe::text(&text, color));
        return Ok(ExitCode::from(1));
    }
    match haalbaar_cli::progress_text(&name, &checked, format)? {
        Some(text) => {
            show(&text, false)?;
            Ok(ExitCode::SUCCESS)
        }
        None => Err(format!("{name} has no status date: add `as of DATE` to its plan block to see progress")),
    }
}

fn export(
    path: &PathBuf,
    to: haalbaar_cli::export::Target,
    table: haalbaar_cli::export::Table,
    color: bool,
) -> Result<ExitCode, String> {
    let source = read(path)?;
    let mut checked = haalbaar::check(&source);
    checked.localize(words::lang());
    if checked.feasibility.is_none() {
        let name = path.display().to_string();
        let mut text = render::human(&name, &source, &checked.diagnostics, color);
        let s = Summary::of(checked.diagnostics.iter().map(|d| &d.severity));
        text.push_str(&render::summary(s.errors, s.warnings, 1, color));
        eprintln!("{}", safe::text(&text, color));
        return Ok(ExitCode::from(1));
    }
    // A machine format, written as it is (its own escaping; iCalendar ends lines with CRLF).
    print(&haalbaar_cli::export::export(&checked, to, table)?)?;
    Ok(ExitCode::SUCCESS)
}

fn capacity(path: &PathBuf, format: TableFormat, color: bool) -> Result<ExitCode, String> {
    let (checked, errors) = checked(path, color)?;
    table(haalbaar_cli::capacity_text(&checked, format)?, errors)
}

fn forecast(
    path: &PathBuf,
    runs: u32,
    seed: u64,
    format: ForecastFormat,
    what_if: &WhatIf,
    color: bool,
) -> Result<ExitCode, String> {
    let source = read(path)?;
    let name = path.display().to_string();
    // The forecast needs a valid plan, not the exact verdict: the solver is not run here.
    let mut checked = haalbaar::check_with(&source, &what_if.options(haalbaar::DEFAULT_BUDGET).solve(false));
    if format == ForecastFormat::Human
        && let Some(said) = what_if.said()
    {
        println!("{said}");
    }
    checked.localize(words::lang());
    if checked.has_errors() || checked.calendar.is_none() {
        let mut text = render::human(&name, &source, &checked.diagnostics, color);
        let s = Summary::of(checked.diagnostics.iter().map(|d| &d.severity));
        text.push_str(&render::summary(s.errors, s.warnings, 1, color));
        eprintln!("{}", safe::text(&text, color));
        return Ok(ExitCode::from(1));
    }
    let Some(cal) = &checked.calendar else { return Ok(ExitCode::from(1)) };
    // A progress bar on a terminal only, for runs long enough to notice.
    let bar = std::io::stderr().is_terminal() && runs >= 200;
    let mut progress = |done: u32, total: u32| {
        if bar && (done.is_multiple_of(50) || done == total) {
            let width = 30;
            let filled = (done as usize * width) / total.max(1) as usize;
            eprint!("\r[{}{}] {done}/{total} runs", "#".repeat(filled), ".".repeat(width - filled));
            if done == total {
                eprintln!();
            }
        }
    };
    let options = haalbaar::forecast::ForecastOptions::new(runs, seed);
    let Some(mut f) = haalbaar::forecast::forecast(&checked.plan, cal, options, &mut progress) else {
        return Err("this plan cannot be forecast".into());
    };
    f.assumed = what_if.assume().any().then(|| what_if.assume());
    f.localize(words::lang());
    let text = haalbaar_cli::forecast_text(&name, &source, &f, format == ForecastFormat::Json, color)?;
    if format == ForecastFormat::Json {
        print(&text)?
    } else {
        show(&text, color)?
    }
    Ok(ExitCode::SUCCESS)
}

/// `haalbaar board`: the program board in the terminal.
fn board_command(path: &PathBuf, width: Option<usize>, budget: u64, color: bool) -> Result<ExitCode, String> {
    let source = read(path)?;
    let name = path.display().to_string();
    let mut checked = haalbaar::check_with(&source, &haalbaar::Options::default().budget(budget));
    checked.localize(words::lang());
    let Some(board) = haalbaar::report::board::Board::of(&checked, &source) else {
        let mut text = render::human(&name, &source, &checked.diagnostics, color);
        let s = Summary::of(checked.diagnostics.iter().map(|d| &d.severity));
        text.push_str(&render::summary(s.errors, s.warnings, 1, color));
        eprintln!("{}", safe::text(&text, color));
        return Ok(ExitCode::from(1));
    };
    // The terminal's width as the shell tells it, unless given.
    let width = width.or_else(|| std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse().ok())).unwrap_or(120);
    let mut board = board;
    board.localize(words::lang());
    show(&board::board(&name, &board, width.max(40), color), color)?;
    Ok(if checked.has_errors() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
