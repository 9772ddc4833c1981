//! `haalbaar export FILE --to taskjuggler|msproject|ical|csv`: the check's answer handed on to the tools
//! around it. Each format renders the same report (commitments, the schedule per item per
//! iteration, the calendar); nothing is decided here.

mod csv;
mod ical;
mod mspdi;
mod taskjuggler;

use haalbaar::Checked;
use haalbaar::report::CalendarRow;
use haalbaar::report::feasibility::Feasibility;

/// The formats of `haalbaar export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Target {
    /// TaskJuggler 3 (`.tjp`): the schedule as the plan, for `tj3`.
    Taskjuggler,
    /// Microsoft Project XML (MSPDI), for MS Project, ProjectLibre and most planning tools.
    Msproject,
    /// iCalendar (`.ics`): deadlines, milestones, PIs and IP iterations.
    Ical,
    /// CSV: `--table schedule` or `--table commitments`.
    Csv,
}

/// The tables of `--to csv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Table {
    /// One row per item per iteration with work.
    Schedule,
    /// One row per commitment, in rank order.
    Commitments,
}

/// What every export reads: the checked plan, its answer and its calendar.
pub struct Exported<'a> {
    /// The check (the plan as read).
    pub checked: &'a Checked,
    /// Its answer.
    pub feasibility: &'a Feasibility,
    /// Its iterations with their dates.
    pub rows: Vec<CalendarRow>,
}

impl<'a> Exported<'a> {
    /// The check's answer and calendar, or why there is none (a file with errors).
    pub fn of(checked: &'a Checked) -> Result<Exported<'a>, String> {
        let (Some(feasibility), Some(calendar)) = (checked.feasibility.as_ref(), checked.calendar.as_ref()) else {
            return Err("the plan has errors: fix them first (`haalbaar check` shows them)".into());
        };
        Ok(Exported { checked, feasibility, rows: haalbaar::report::calendar_rows(calendar) })
    }

    /// The iteration labelled `label`.
    pub fn row(&self, label: &str) -> Option<&CalendarRow> {
        self.rows.iter().find(|r| r.iteration == label)
    }
}

/// The export of a checked plan in `target`'s format.
pub fn export(checked: &Checked, target: Target, table: Table) -> Result<String, String> {
    let e = Exported::of(checked)?;
    Ok(match target {
        Target::Taskjuggler => taskjuggler::tjp(&e),
        Target::Msproject => mspdi::xml_project(&e),
        Target::Ical => ical::ics(&e),
        Target::Csv => match table {
            Table::Schedule => csv::schedule(&e),
            Table::Commitments => csv::commitments(&e),
        },
    })
}

/// A commitment's answer in one line (a task's note in TaskJuggler and MS Project).
fn note(c: &haalbaar::report::feasibility::CommitmentReport) -> String {
    let finish = match (&c.finish, c.status) {
        (_, haalbaar::Status::Unknown) => String::new(),
        (Some(f), haalbaar::Status::Met) => format!(", done by {f}"),
        (Some(f), _) => format!(", can be done by {f}"),
        (None, _) => ", not done in the horizon".into(),
    };
    let hard = if c.hard { " (hard)" } else { "" };
    format!("commitment by {} ({}){hard}: {}{finish}", c.deadline, c.deadline_date, c.status)
}
