//! `--to msproject`: Microsoft Project's XML (MSPDI), which MS Project, ProjectLibre and most
//! planning tools open: the check's schedule as tasks with fixed dates (each item from the
//! first working day of its first iteration with work to the last of its last), epics as
//! summary tasks, teams as resources assigned to their items, `after` as finish-to-start
//! links, milestones as milestones, a commitment's deadline as the task's deadline.

use std::collections::HashMap;
use std::fmt::Write as _;

use haalbaar::NaiveDate;
use haalbaar::report::feasibility::CommitmentReport;

use super::{Exported, note};

/// XML text: `&`, `<`, `>`, quotes escaped; control characters dropped.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() && c != '\n' => {}
            c => out.push(c),
        }
    }
    out
}

/// The last working day (Monday to Friday) on or before `d`: where an iteration's work ends.
fn last_weekday(d: NaiveDate) -> NaiveDate {
    use chrono::Datelike;
    let mut d = d;
    while d.weekday().number_from_monday() > 5 {
        d = d.pred_opt().unwrap_or(d);
    }
    d
}

/// Working days (Monday to Friday) from `from` to `to`, both included.
fn weekdays(from: NaiveDate, to: NaiveDate) -> i64 {
    use chrono::Datelike;
    from.iter_days().take_while(|d| *d <= to).filter(|d| d.weekday().number_from_monday() <= 5).count() as i64
}

struct Task {
    name: String,
    wbs: String,
    level: u32,
    summary: bool,
    milestone: bool,
    span: Option<(NaiveDate, NaiveDate)>,
    /// Finished before the status date: 100% complete.
    done: bool,
    deadline: Option<NaiveDate>,
    notes: Option<String>,
    after: Vec<String>,
    team: Option<String>,
}

/// The project as MSPDI XML.
pub fn xml_project(e: &Exported) -> String {
    let plan = &e.checked.plan;
    let (Some(first), Some(last)) = (e.rows.first(), e.rows.last()) else { return String::new() };
    let commitments: HashMap<&str, &CommitmentReport> =
        e.feasibility.commitments.iter().map(|c| (c.item.as_str(), c)).collect();
    let finished =
        |item: &str| plan.items.iter().find(|i| i.id == item).and_then(|i| i.finished.as_ref()).map(|f| f.value);
    let span_of = |item: &str| -> Option<(NaiveDate, NaiveDate)> {
        let s = e.feasibility.schedule.iter().find(|s| s.item == item);
        let Some(from) = s.and_then(|s| s.start.as_deref()).and_then(|i| e.row(i)).map(|r| r.start) else {
            // Finished before the status date: a one-day task on that day.
            return finished(item).map(|f| (f, f));
        };
        // Work that goes on past the horizon ends with it here.
        let to = match s.and_then(|s| s.finish.as_deref()) {
            Some(f) => e.row(f)?.end,
            None => last.end,
        };
        Some((from, last_weekday(to).max(from)))
    };
    let mut tasks: Vec<Task> = Vec::new();
    let item_task = |i: &haalbaar::model::Item, level: u32| Task {
        name: i.title.clone().unwrap_or_else(|| i.id.clone()),
        wbs: i.id.clone(),
        level,
        summary: false,
        milestone: false,
        span: span_of(&i.id),
        done: finished(&i.id).is_some(),
        deadline: commitments.get(i.id.as_str()).map(|c| c.deadline_date),
        notes: commitments.get(i.id.as_str()).map(|c| note(c)),
        after: i.after.iter().chain(&i.milestones).map(|d| d.item.id.clone()).collect(),
        team: i.team.as_ref().map(|t| t.id.clone()),
    };
    for m in &plan.milestones {
        tasks.push(Task {
            name: m.title.clone().unwrap_or_else(|| m.id.clone()),
            wbs: m.id.clone(),
            level: 1,
            summary: false,
            milestone: true,
            span: Some((m.date, m.date)),
            done: false,
            deadline: None,
            notes: None,
            after: Vec::new(),
            team: None,
        });
    }
    for epic in &plan.epics {
        let items: Vec<&haalbaar::model::Item> = plan
            .items
            .iter()
            .filter(|i| i.epic.as_ref().is_some_and(|r| r.id == epic.id) && span_of(&i.id).is_some())
            .collect();
        if items.is_empty() {
            continue;
        }
        let spans: Vec<(NaiveDate, NaiveDate)> = items.iter().filter_map(|i| span_of(&i.id)).collect();
        let from = spans.iter().map(|s| s.0).min();
        let to = spans.iter().map(|s| s.1).max();
        tasks.push(Task {
            name: epic.title.clone().unwrap_or_else(|| epic.id.clone()),
            wbs: epic.id.clone(),
            level: 1,
            summary: true,
            milestone: false,
            span: from.zip(to),
            done: false,
            deadline: commitments.get(epic.id.as_str()).map(|c| c.deadline_date),
            notes: commitments.get(epic.id.as_str()).map(|c| note(c)),
            after: Vec::new(),
            team: None,
        });
        tasks.extend(items.into_iter().map(|i| item_task(i, 2)));
    }
    for i in plan.items.iter().filter(|i| i.epic.is_none() && span_of(&i.id).is_some()) {
        tasks.push(item_task(i, 1));
    }
    // UIDs: the project's summary task is 0; tasks from 1 in the order written.
    let uid: HashMap<&str, usize> = tasks.iter().enumerate().map(|(n, t)| (t.wbs.as_str(), n + 1)).collect();
    let team_uid: HashMap<&str, usize> = plan.teams.iter().enumerate().map(|(n, t)| (t.id.as_str(), n + 1)).collect();

    let at = |d: NaiveDate, hour: u32| format!("{}T{hour:02}:00:00", d.format("%Y-%m-%d"));
    // The project starts with PI1, or earlier with the first item finished before it.
    let project_start =
        plan.items.iter().filter_map(|i| i.finished.as_ref().map(|f| f.value)).fold(first.start, |a, b| a.min(b));
    // Items with no work inside the horizon and not finished: named in the project's notes.
    let left: Vec<&str> = plan.items.iter().filter(|i| span_of(&i.id).is_none()).map(|i| i.id.as_str()).collect();
    let left_out = if left.is_empty() {
        String::new()
    } else {
        format!(
            "      <Notes>{}</Notes>\n",
            xml(&format!("Not in the schedule (no work inside the horizon): {}", left.join(", ")))
        )
    };
    let title = plan.title.clone().unwrap_or_else(|| "haalbaar plan".into());
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
    out.push_str("<Project xmlns=\"http://schemas.microsoft.com/project\">\n");
    let _ = writeln!(
        out,
        "  <SaveVersion>14</SaveVersion>\n  <Name>{}</Name>\n  <Title>{}</Title>",
        xml(&title),
        xml(&title)
    );
    let _ = writeln!(
        out,
        "  <ScheduleFromStart>1</ScheduleFromStart>\n  <StartDate>{}</StartDate>\n  <FinishDate>{}</FinishDate>",
        at(project_start, 8),
        at(last_weekday(last.end), 17)
    );
    if let Some(now) = e.feasibility.as_of {
        let _ = writeln!(out, "  <StatusDate>{}</StatusDate>", at(now, 8));
    }
    out.push_str("  <CalendarUID>1</CalendarUID>\n  <Calendars>\n    <Calendar>\n      <UID>1</UID>\n      <Name>Standard</Name>\n      <IsBaseCalendar>1</IsBaseCalendar>\n    </Calendar>\n  </Calendars>\n");
    out.push_str("  <Tasks>\n");
    let _ = writeln!(
        out,
        "    <Task>\n      <UID>0</UID>\n      <ID>0</ID>\n      <Name>{}</Name>\n      <OutlineNumber>0</OutlineNumber>\n      <OutlineLevel>0</OutlineLevel>\n      <Start>{}</Start>\n      <Finish>{}</Finish>\n      <Summary>1</Summary>\n{}    </Task>",
        xml(&title),
        at(project_start, 8),
        at(last_weekday(last.end), 17),
        left_out
    );
    let mut outline = [0u32; 3];
    for (n, t) in tasks.iter().enumerate() {
        let level = t.level as usize;
        outline[level] += 1;
        if level == 1 {
            outline[2] = 0;
        }
        let number = if level == 1 { outline[1].to_string() } else { format!("{}.{}", outline[1], outline[2]) };
        let _ = write!(
            out,
            "    <Task>\n      <UID>{0}</UID>\n      <ID>{0}</ID>\n      <Name>{1}</Name>\n",
            n + 1,
            xml(&t.name)
        );
        let _ = write!(
            out,
            "      <WBS>{}</WBS>\n      <OutlineNumber>{number}</OutlineNumber>\n      <OutlineLevel>{}</OutlineLevel>\n",
            xml(&t.wbs),
            t.level
        );
        if let Some((from, to)) = t.span {
            let hours = if t.milestone { 0 } else { 8 * weekdays(from, to).max(1) };
            let finish = if t.milestone { at(to, 8) } else { at(to, 17) };
            let _ = write!(
                out,
                "      <Start>{}</Start>\n      <Finish>{finish}</Finish>\n      <Duration>PT{hours}H0M0S</Duration>\n      <DurationFormat>7</DurationFormat>\n",
                at(from, 8)
            );
        }
        let _ = write!(
            out,
            "      <Milestone>{}</Milestone>\n      <Summary>{}</Summary>\n",
            u8::from(t.milestone),
            u8::from(t.summary)
        );
        if let (Some((from, _)), false) = (t.span, t.summary) {
            // Must start on: the check's schedule, not a new one.
            let _ = write!(
                out,
                "      <ConstraintType>2</ConstraintType>\n      <ConstraintDate>{}</ConstraintDate>\n",
                at(from, 8)
            );
        }
        if let Some(d) = t.deadline {
            let _ = writeln!(out, "      <Deadline>{}</Deadline>", at(last_weekday(d), 17));
        }
        if t.done {
            out.push_str("      <PercentComplete>100</PercentComplete>\n");
        }
        if let Some(notes) = &t.notes {
            let _ = writeln!(out, "      <Notes>{}</Notes>", xml(notes));
        }
        for a in &t.after {
            if let Some(p) = uid.get(a.as_str()) {
                let _ = write!(
                    out,
                    "      <PredecessorLink>\n        <PredecessorUID>{p}</PredecessorUID>\n        <Type>1</Type>\n      </PredecessorLink>\n"
                );
            }
        }
        out.push_str("    </Task>\n");
    }
    out.push_str("  </Tasks>\n  <Resources>\n");
    for (n, team) in plan.teams.iter().enumerate() {
        let name = team.title.clone().unwrap_or_else(|| team.id.clone());
        let _ = write!(
            out,
            "    <Resource>\n      <UID>{0}</UID>\n      <ID>{0}</ID>\n      <Name>{1}</Name>\n      <Type>1</Type>\n    </Resource>\n",
            n + 1,
            xml(&name)
        );
    }
    out.push_str("  </Resources>\n  <Assignments>\n");
    let mut k = 0;
    for (n, t) in tasks.iter().enumerate() {
        if let Some(r) = t.team.as_deref().and_then(|team| team_uid.get(team)) {
            k += 1;
            let _ = write!(
                out,
                "    <Assignment>\n      <UID>{k}</UID>\n      <TaskUID>{}</TaskUID>\n      <ResourceUID>{r}</ResourceUID>\n    </Assignment>\n",
                n + 1
            );
        }
    }
    out.push_str("  </Assignments>\n</Project>\n");
    out
}
