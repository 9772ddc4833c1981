//! A [`Plan`] written as plan text, in the layout `haalbaar fmt` gives a file (the same
//! [`haalbaar_grammar::Layout`]), so a plan built in code can be saved, read, reviewed and
//! diffed like any other. Reading the text back gives the same plan.
//!
//! Settings at their default are left out; everything else is written in the order of the
//! language reference.

use haalbaar_grammar::{BlockKind, Layout, quote};

use crate::fixed::Fixed;
use crate::model::*;

/// The plan as plan text. For a plan that [`crate::check_plan`] finds no errors in, reading
/// the text gives back the same plan: `check(&print(&plan)).plan == plan`.
///
/// ```
/// use haalbaar::model::{Item, Team};
/// use haalbaar::{Fixed, NaiveDate, PlanBuilder};
///
/// let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
/// let plan = PlanBuilder::new("Demo", start)
///     .horizon_months(12)
///     .team(Team::new("api").people(Fixed::from_int(5)))
///     .item(Item::new("login").team("api").effort(Fixed::from_int(40)))
///     .plan();
/// let text = haalbaar::print(&plan);
/// assert_eq!(
///     text,
///     "plan \"Demo\" {\n  start 2025-01-06\n  horizon 12 months\n}\n\n\
///      team api {\n  people 5\n}\n\n\
///      item login {\n  team api\n  effort 40\n}\n"
/// );
/// assert_eq!(haalbaar::check(&text).plan, plan);
/// ```
pub fn print(plan: &Plan) -> String {
    let mut out = Layout::new();
    settings(&mut out, plan.title.as_deref(), &plan.settings);
    // Milestones: one line each, after the plan block.
    for m in &plan.milestones {
        let mut text = format!("milestone {}", m.id);
        if let Some(t) = &m.title {
            text.push_str(&format!(" {}", quote(t)));
        }
        text.push_str(&format!(" {}", m.date));
        if m.chance != Fixed::HUNDRED {
            text.push_str(&format!(" chance {}%", m.chance));
        }
        out.statement(&text, None);
    }
    for t in &plan.teams {
        team(&mut out, t);
    }
    for e in &plan.epics {
        epic(&mut out, e);
    }
    for i in &plan.items {
        item(&mut out, i);
    }
    out.finish()
}

fn settings(out: &mut Layout, title: Option<&str>, s: &Settings) {
    out.open(BlockKind::Plan, None, title, None);
    let mut st = |text: String| out.statement(&text, None);
    st(format!("start {}", s.start));
    st(match s.horizon {
        Horizon::Length(l) => format!("horizon {}", length(l)),
        Horizon::End(d) => format!("end {d}"),
    });
    let defaults = Settings::new(s.start);
    if s.increment != defaults.increment {
        st(format!("increment {}", length(s.increment)));
    }
    if s.iteration != defaults.iteration {
        st(format!("iteration {}", length(s.iteration)));
    }
    if s.innovation != defaults.innovation {
        st(format!("innovation {}", count(s.innovation, "iteration", "iterations")));
    }
    if s.unit == Unit::Points {
        st("unit points".into());
    }
    if s.workweek != defaults.workweek {
        st(format!("workweek {}", count(s.workweek, "day", "days")));
    }
    for h in &s.holidays {
        st(match h.to == h.from {
            true => format!("holiday {} {}", quote(&h.name), h.from),
            false => format!("holiday {} {}..{}", quote(&h.name), h.from, h.to),
        });
    }
    if s.load != defaults.load {
        st(format!("load {}%", s.load));
    }
    if let Some(u) = s.uncertainty {
        st(format!("uncertainty grows {u}% per PI"));
    }
    if let Some(u) = s.capacity_uncertainty {
        st(format!("uncertainty capacity {u}%"));
    }
    if let Some(n) = s.firm_pis {
        st(format!("firm {}", count(n, "PI", "PIs")));
    }
    if let Some(d) = &s.as_of {
        st(format!("as of {}", d.value));
    }
    out.close(None);
}

fn team(out: &mut Layout, t: &Team) {
    out.open(BlockKind::Team, Some(&t.id), t.title.as_deref(), None);
    let mut st = |text: String| out.statement(&text, None);
    if let Some(p) = t.people {
        st(format!("people {p}"));
    }
    if t.focus != Fixed::HUNDRED {
        st(format!("focus {}%", t.focus));
    }
    if t.reserve != Fixed::ZERO || t.reserve_reason.is_some() {
        st(match &t.reserve_reason {
            Some(r) => format!("reserve {}% {}", t.reserve, quote(r)),
            None => format!("reserve {}%", t.reserve),
        });
    }
    for h in &t.hires {
        st(match h.ramp_days {
            0 => format!("hire {} on {}", h.count, h.date),
            d => format!("hire {} on {} ramp {}", h.count, h.date, count(d, "day", "days")),
        });
    }
    for l in &t.leaves {
        st(format!("leave {} on {}", l.count, l.date));
    }
    for v in &t.vacancies {
        let mut text = format!("vacancy {} on {}", v.count, v.date);
        if v.chance != Fixed::HUNDRED {
            text.push_str(&format!(" chance {}%", v.chance));
        }
        if v.ramp_days > 0 {
            text.push_str(&format!(" ramp {}", count(v.ramp_days, "day", "days")));
        }
        st(text);
    }
    for a in &t.absences {
        st(match a.to == a.from {
            true => {
                format!("absent {} {} {}", a.count, if a.count == Fixed::ONE { "person" } else { "people" }, a.from)
            }
            false => format!(
                "absent {} {} {}..{}",
                a.count,
                if a.count == Fixed::ONE { "person" } else { "people" },
                a.from,
                a.to
            ),
        });
    }
    for h in &t.holidays {
        st(match h.to == h.from {
            true => format!("holiday {} {}", quote(&h.name), h.from),
            false => format!("holiday {} {}..{}", quote(&h.name), h.from, h.to),
        });
    }
    for l in &t.lends {
        st(format!("lend {} to {} {}", l.count, l.to.id, range(l.from, l.until)));
    }
    if let Some(f) = t.fixed {
        st(format!("capacity {f} per iteration"));
    }
    if let Some(v) = t.velocity {
        st(format!("velocity {v} per iteration"));
    }
    for o in &t.overrides {
        st(format!("capacity {} {}", pi(o.pi, o.iteration), o.amount));
    }
    for a in &t.adjustments {
        let sign = if a.delta.is_negative() { "" } else { "+" };
        st(format!("capacity {} {sign}{}", pi(a.pi, a.iteration), a.delta));
    }
    out.close(None);
}

fn epic(out: &mut Layout, e: &Epic) {
    out.open(BlockKind::Epic, Some(&e.id), e.title.as_deref(), None);
    let mut st = |text: String| out.statement(&text, None);
    if let Some(c) = &e.commit {
        st(commit(c));
    }
    if let Some(o) = &e.owner {
        st(format!("owner {}", quote(o)));
    }
    if let Some(p) = e.priority {
        st(format!("priority {p}"));
    }
    if let Some(n) = &e.note {
        st(format!("note {}", quote(n)));
    }
    if let Some(k) = &e.key {
        st(format!("key {}", quote(k)));
    }
    out.close(None);
}

fn item(out: &mut Layout, i: &Item) {
    out.open(BlockKind::Item, Some(&i.id), i.title.as_deref(), None);
    let mut st = |text: String| out.statement(&text, None);
    if let Some(t) = &i.team {
        st(format!("team {}", t.id));
    }
    if let Some(e) = &i.epic {
        st(format!("epic {}", e.id));
    }
    if let Some(e) = &i.effort {
        st(format!("effort {}", e.value));
    }
    if let Some(m) = &i.max {
        st(match m.value {
            Max::People(n) => format!("max {n} people"),
            Max::PerIteration(n) => format!("max {n} per iteration"),
        });
    }
    if let Some(p) = &i.not_before {
        st(format!("not before {}", p.value));
    }
    if let Some(p) = &i.placed {
        st(format!("in {}", range(p.value.0, p.value.1)));
    }
    for (k, d) in i.after.iter().enumerate() {
        // `after EPIC`, read as one dependency per item of the epic, is written back once.
        let id = match &d.via {
            Some(epic)
                if k > 0
                    && i.after[k - 1].via.as_ref() == Some(epic)
                    && i.after[k - 1].lag == d.lag
                    && i.after[k - 1].loc.0 == d.loc.0 =>
            {
                continue;
            }
            Some(epic) => epic,
            None => &d.item.id,
        };
        st(match d.lag {
            Some(l) => format!("after {id} + {}", length(l)),
            None => format!("after {id}"),
        });
    }
    for d in &i.milestones {
        st(match d.lag {
            Some(l) => format!("after {} + {}", d.item.id, length(l)),
            None => format!("after {}", d.item.id),
        });
    }
    if let Some(c) = &i.commit {
        st(commit(c));
    }
    if let Some(t) = &i.target {
        st(format!("target {}", t.value));
    }
    if let Some(w) = &i.wsjf {
        let mut text = format!("wsjf value {} urgency {} risk {}", w.value, w.urgency, w.risk);
        if let Some(s) = w.size {
            text.push_str(&format!(" size {s}"));
        }
        st(text);
    }
    if let Some(p) = i.priority {
        st(format!("priority {p}"));
    }
    if let Some(o) = &i.owner {
        st(format!("owner {}", quote(o)));
    }
    if let Some(n) = &i.note {
        st(format!("note {}", quote(n)));
    }
    if let Some(k) = &i.key {
        st(format!("key {}", quote(k)));
    }
    if let Some(d) = &i.started {
        st(format!("started {}", d.value));
    }
    for h in &i.history {
        st(format!("done {} by {}", h.done, h.date));
    }
    if let Some(d) = &i.done {
        st(format!("done {}", d.value));
    }
    if let Some(d) = &i.remaining {
        st(format!("remaining {}", d.value));
    }
    if let Some(d) = &i.finished {
        st(format!("finished {}", d.value));
    }
    out.close(None);
}

fn commit(c: &Commit) -> String {
    if c.hard { format!("commit {} hard", c.period) } else { format!("commit {}", c.period) }
}

fn range(from: Period, to: Period) -> String {
    if from == to { from.to_string() } else { format!("{from}..{to}") }
}

fn pi(pi: u32, iteration: Option<u32>) -> String {
    Period::Pi { pi, iteration }.to_string()
}

fn count(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn length(l: Length) -> String {
    match l {
        Length::Days(n) => count(n, "day", "days"),
        Length::Weeks(n) => count(n, "week", "weeks"),
        Length::Months(n) => count(n, "month", "months"),
        Length::Iterations(n) => count(n, "iteration", "iterations"),
    }
}
