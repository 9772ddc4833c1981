//! Lowering: from the syntax tree to the [`Plan`] model. Checks what a single statement can
//! tell on its own (numbers, dates, percentages, ranges, statements given twice); checks
//! across the plan are in [`crate::validate`].

// Public only through the hidden `haalbaar::unstable` (the CLI's syntax diagnostics).
#![allow(missing_docs)]

use chrono::NaiveDate;
use haalbaar_grammar as syn;
use haalbaar_grammar::{Span, Spanned};

pub(crate) use super::calendar_error::calendar_error;
use crate::calendar::Calendar;
use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::fixed::{Fixed, FixedError};
use crate::model::*;

/// The result of lowering: the plan as far as it could be read, and whether its calendar
/// settings are complete enough to check dates and periods against.
#[derive(Debug, Clone)]
pub struct Lowered {
    pub plan: Plan,
    /// Ids of blocks with a line that could not be read: checks that something is missing
    /// or zero skip them, so one mistake gives one diagnostic.
    pub incomplete: std::collections::BTreeSet<String>,
    /// The calendar, when the plan block describes one without errors.
    pub calendar: Option<Calendar>,
}

/// Converts syntax errors into diagnostics with their stable codes.
pub fn syntax_diagnostics(file: &syn::SourceFile) -> Vec<Diagnostic> {
    file.errors
        .iter()
        .map(|e| {
            let code = match e.kind {
                syn::SyntaxErrorKind::UnknownStatement => Code::E0101,
                syn::SyntaxErrorKind::Malformed => Code::E0102,
                syn::SyntaxErrorKind::WrongBlock => Code::E0103,
                syn::SyntaxErrorKind::NotABlock => Code::E0104,
                syn::SyntaxErrorKind::Unclosed => Code::E0105,
                syn::SyntaxErrorKind::TrailingText => Code::E0106,
                syn::SyntaxErrorKind::BadIdent => Code::E0107,
                syn::SyntaxErrorKind::TooLarge => Code::E0108,
            };
            let mut d = Diagnostic::new(code, e.message.clone(), Some(e.span));
            if let Some(h) = &e.help {
                d = d.with_help(h.clone());
            }
            if let Some(s) = &e.suggestion {
                d = d.with_edit(s.span, s.value.clone());
            }
            d
        })
        .collect()
}

struct Lower {
    diags: Vec<Diagnostic>,
    /// Iteration length in days, for lengths given in iterations (default 14).
    iteration_days: u32,
}

/// Lowers a parsed file. Diagnostics for the file's syntax errors are not included (see
/// [`syntax_diagnostics`]).
pub fn lower(file: &syn::SourceFile) -> (Lowered, Vec<Diagnostic>) {
    // A plan block with broken lines may hold the statement that seems to be missing:
    // then "missing" is not said, so one mistake gives one diagnostic.
    let mut l = Lower { diags: Vec::new(), iteration_days: 14 };
    let plans: Vec<&syn::Block> = file.blocks.iter().filter(|b| b.kind == syn::BlockKind::Plan).collect();
    let placeholder = NaiveDate::from_ymd_opt(2000, 1, 3).unwrap_or_default();
    let mut settings = Settings::new(placeholder);
    let mut title = None;
    let mut calendar = None;
    let unread = file.errors.iter().any(|e| e.kind == syn::SyntaxErrorKind::TooLarge);
    match plans.as_slice() {
        // A file too large to read has no blocks; that is said once already.
        [] if unread => {}
        [] => l.diags.push(
            Diagnostic::new(Code::E0110, "this file has no `plan` block", None)
                .with_help("add a block such as: plan \"Portfolio 2025\" { start 2025-01-06  horizon 18 months }, one statement per line"),
        ),
        [first, rest @ ..] => {
            for other in rest {
                l.diags.push(
                    Diagnostic::new(Code::E0110, "a file holds one `plan` block", Some(other.header))
                        .with_label("second plan block")
                        .with_secondary(Some(first.header), "first plan block here")
                        .with_help("merge the two plan blocks into one"),
                );
            }
            title = first.title.as_ref().map(|t| t.value.clone());
            let broken = file.errors.iter().any(|e| first.span.start <= e.span.start && e.span.start <= first.span.end);
            calendar = l.settings(first, &mut settings, broken);
        }
    }
    let mut plan = Plan::new(title, settings);
    for b in &file.blocks {
        let Some(id) = &b.id else { continue };
        match b.kind {
            syn::BlockKind::Plan => {}
            syn::BlockKind::Team => plan.teams.push(l.team(b, id)),
            syn::BlockKind::Epic => plan.epics.push(l.epic(b, id)),
            syn::BlockKind::Item => plan.items.push(l.item(b, id)),
            // Checked apart (see `scenario`).
            syn::BlockKind::Scenario => {}
            syn::BlockKind::Milestone => plan.milestones.extend(l.milestone(b, id)),
        }
    }
    // Blocks holding the start of a syntax error or a lowering diagnostic.
    let mut problems: Vec<usize> = file
        .errors
        .iter()
        .map(|e| e.span.start)
        .chain(l.diags.iter().filter_map(|d| d.span.map(|s| s.start)))
        .collect();
    problems.sort_unstable();
    let incomplete = file
        .blocks
        .iter()
        .filter(|b| b.kind != syn::BlockKind::Scenario)
        .filter(|b| {
            let i = problems.partition_point(|&p| p < b.span.start);
            problems.get(i).is_some_and(|&p| p <= b.span.end)
        })
        .filter_map(|b| b.id.as_ref().map(|i| i.value.clone()))
        .collect();
    (Lowered { plan, incomplete, calendar }, l.diags)
}

/// Remembers which single-valued statements a block has seen.
#[derive(Default)]
struct Seen(Vec<(&'static str, Span)>);

impl Lower {
    fn err(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    fn once(&mut self, seen: &mut Seen, what: &'static str, span: Span) -> bool {
        if let Some((_, first)) = seen.0.iter().find(|(w, _)| *w == what) {
            let first = *first;
            self.err(
                Diagnostic::new(Code::E0109, format!("`{what}` is given twice"), Some(span))
                    .with_label("given again here")
                    .with_secondary(Some(first), "first given here")
                    .with_help("keep one of them"),
            );
            return false;
        }
        seen.0.push((what, span));
        true
    }

    fn number(&mut self, n: &Spanned<syn::Number>) -> Option<Fixed> {
        match Fixed::parse(&n.value.0) {
            Ok(f) => Some(f),
            Err(e) => {
                let help = match e {
                    FixedError::TooPrecise => "round it to at most three decimals".to_string(),
                    _ => format!("a figure in a plan is at most {}", crate::fixed::MAX_WHOLE),
                };
                self.err(
                    Diagnostic::new(Code::E0112, format!("the number `{}` is {e}", n.value.0), Some(n.span))
                        .with_help(help),
                );
                None
            }
        }
    }

    /// A number that must be zero or more (positive when `strict`).
    fn amount(&mut self, n: &Spanned<syn::Number>, what: &str, strict: bool) -> Option<Fixed> {
        let v = self.number(n)?;
        if v.is_negative() || (strict && !v.is_positive()) {
            let need = if strict { "more than zero" } else { "zero or more" };
            self.err(
                Diagnostic::new(Code::E0407, format!("{what} must be {need}, not {v}"), Some(n.span))
                    .with_help(format!("give {what} as a figure {need}")),
            );
            return None;
        }
        Some(v)
    }

    fn percent(&mut self, n: &Spanned<syn::Number>, what: &str) -> Option<Fixed> {
        let v = self.number(n)?;
        if v.is_negative() || v > Fixed::HUNDRED {
            self.err(
                Diagnostic::new(Code::E0403, format!("{what} {v}% is outside 0% to 100%"), Some(n.span))
                    .with_label("a share of a whole")
                    .with_help("a percentage lies between 0% and 100%"),
            );
            return None;
        }
        Some(v)
    }

    fn whole(&mut self, n: &Spanned<syn::Number>, what: &str) -> Option<u32> {
        let v = self.number(n)?;
        if v.is_negative() || !v.is_integer() || v.trunc() > i64::from(u32::MAX) {
            self.err(
                Diagnostic::new(Code::E0308, format!("{what} must be a whole number, not {v}"), Some(n.span))
                    .with_help("use a whole number"),
            );
            return None;
        }
        u32::try_from(v.trunc()).ok()
    }

    fn date(&mut self, d: &Spanned<syn::Date>) -> Option<NaiveDate> {
        let syn::Date { year, month, day } = d.value;
        match NaiveDate::from_ymd_opt(year as i32, month, day) {
            Some(date) => Some(date),
            None => {
                let help = if (1..=12).contains(&month) {
                    let last = last_day_of_month(year as i32, month);
                    format!("that month has {last} days")
                } else {
                    "months run from 01 to 12".to_string()
                };
                self.err(
                    Diagnostic::new(
                        Code::E0302,
                        format!("{year:04}-{month:02}-{day:02} is not a date on the calendar"),
                        Some(d.span),
                    )
                    .with_label("no such day")
                    .with_help(help),
                );
                None
            }
        }
    }

    fn period(&mut self, p: &Spanned<syn::Period>) -> Option<Period> {
        Some(match p.value {
            syn::Period::Pi { pi, iteration } => Period::Pi { pi, iteration },
            syn::Period::Quarter { year, quarter } => {
                if !(1..=4).contains(&quarter) {
                    self.err(
                        Diagnostic::new(Code::E0302, format!("{year}-Q{quarter} is not a quarter"), Some(p.span))
                            .with_help("a year has quarters Q1 to Q4"),
                    );
                    return None;
                }
                Period::Quarter { year: year as i32, quarter }
            }
            syn::Period::Date { date } => Period::Date { date: self.date(&Spanned::new(date, p.span))? },
        })
    }

    fn length(&mut self, d: &Spanned<syn::Duration>, what: &str) -> Option<Length> {
        let n = self.whole(&d.value.amount, what)?;
        Some(match d.value.unit {
            syn::DurationUnit::Days => Length::Days(n),
            syn::DurationUnit::Weeks => Length::Weeks(n),
            syn::DurationUnit::Months => Length::Months(n),
            syn::DurationUnit::Iterations => Length::Iterations(n),
        })
    }

    /// Reads the plan block; returns its calendar when it has a complete, valid one.
    fn settings(&mut self, b: &syn::Block, s: &mut Settings, broken: bool) -> Option<Calendar> {
        let mut seen = Seen::default();
        let mut start = None;
        let mut horizon = None;
        let mut end = None;
        let mut ok = true;
        for st in &b.statements {
            let span = st.span;
            if !matches!(st.value, syn::Statement::Holiday { .. }) && !self.once(&mut seen, st.value.keyword(), span) {
                continue;
            }
            match &st.value {
                syn::Statement::Start(d) => {
                    start = self.date(d);
                    ok &= start.is_some();
                }
                syn::Statement::Horizon(d) => {
                    horizon = self.length(d, "the horizon");
                    ok &= horizon.is_some();
                }
                syn::Statement::End(d) => {
                    end = self.date(d).map(|e| (e, span));
                    ok &= end.is_some();
                }
                syn::Statement::Increment(d) => match self.length(d, "the PI length") {
                    Some(l) => s.increment = l,
                    None => ok = false,
                },
                syn::Statement::Iteration(d) => match self.length(d, "the iteration length") {
                    Some(l) => {
                        s.iteration = l;
                        if let Some(days) = crate::calendar::length_days(l, 14).filter(|d| *d > 0) {
                            self.iteration_days = days;
                        }
                    }
                    None => ok = false,
                },
                syn::Statement::Innovation(n) => match self.whole(n, "the number of IP iterations") {
                    Some(v) => s.innovation = v,
                    None => ok = false,
                },
                syn::Statement::Unit(u) => {
                    s.unit = match u.value {
                        syn::UnitName::Days => Unit::Days,
                        syn::UnitName::Points => Unit::Points,
                    }
                }
                syn::Statement::Workweek(n) => match self.whole(n, "the workweek") {
                    Some(v) => s.workweek = v,
                    None => ok = false,
                },
                syn::Statement::Holiday { name, from, to } => {
                    let f = self.date(from);
                    let t = match to {
                        Some(t) => self.date(t),
                        None => f,
                    };
                    if let (Some(f), Some(t)) = (f, t) {
                        if t < f {
                            self.err(
                                Diagnostic::new(
                                    Code::E0310,
                                    format!("holiday \"{}\" ends on {t}, before it starts on {f}", name.value),
                                    Some(span),
                                )
                                .with_help("write the first day, then `..`, then the last day"),
                            );
                        } else {
                            s.holidays.push(Holiday { name: name.value.clone(), from: f, to: t, loc: span.into() });
                        }
                    }
                }
                syn::Statement::Load(n) => {
                    if let Some(v) = self.percent(n, "load") {
                        s.load = v;
                    }
                }
                syn::Statement::Uncertainty(n) => {
                    if let Some(v) = self.amount(n, "the uncertainty growth", false) {
                        s.uncertainty = Some(v);
                    }
                }
                syn::Statement::Firm(n) => {
                    if let Some(v) = self.whole(n, "the number of firm PIs") {
                        s.firm_pis = Some(v);
                    }
                }
                syn::Statement::UncertaintyCapacity(n) => {
                    if let Some(v) = self.percent(n, "the capacity uncertainty") {
                        s.capacity_uncertainty = Some(v);
                    }
                }
                syn::Statement::AsOf(d) => s.as_of = self.date(d).map(|v| At { value: v, loc: span.into() }),
                _ => {}
            }
        }
        match start {
            Some(d) => s.start = d,
            None => {
                if !broken && !seen.0.iter().any(|(w, _)| *w == "start") {
                    self.err(
                        Diagnostic::new(Code::E0111, "the plan has no `start`", Some(b.header))
                            .with_label("in this plan block")
                            .with_help("add the first day of PI1, such as: start 2024-01-08"),
                    );
                }
                ok = false;
            }
        }
        match (horizon, end) {
            (Some(h), None) => s.horizon = Horizon::Length(h),
            (None, Some((e, _))) => s.horizon = Horizon::End(e),
            (Some(_), Some((_, span))) => {
                self.err(
                    Diagnostic::new(Code::E0111, "the plan gives both `horizon` and `end`", Some(span))
                        .with_help("keep one: `horizon 18 months` or `end 2025-07-06`"),
                );
                ok = false;
            }
            (None, None) => {
                if !broken && !seen.0.iter().any(|(w, _)| *w == "horizon" || *w == "end") {
                    self.err(
                        Diagnostic::new(Code::E0111, "the plan has no `horizon` or `end`", Some(b.header))
                            .with_label("in this plan block")
                            .with_help("add how far the plan looks ahead, such as: horizon 18 months"),
                    );
                }
                ok = false;
            }
        }
        if !ok {
            return None;
        }
        let at = |what: &str| seen.0.iter().find(|(w, _)| *w == what).map(|(_, s)| *s);
        match Calendar::new(s) {
            Ok(cal) => Some(cal),
            Err(e) => {
                self.err(calendar_error(e, s, at));
                None
            }
        }
    }

    fn team(&mut self, b: &syn::Block, id: &Spanned<String>) -> Team {
        let mut t = Team::new(id.value.clone());
        t.title = b.title.as_ref().map(|x| x.value.clone());
        t.loc = id.span.into();
        let mut seen = Seen::default();
        for st in &b.statements {
            let span = st.span;
            let single = matches!(
                st.value,
                syn::Statement::People(_)
                    | syn::Statement::Focus(_)
                    | syn::Statement::Reserve { .. }
                    | syn::Statement::CapacityPerIteration(_)
                    | syn::Statement::Velocity(_)
            );
            if single && !self.once(&mut seen, st.value.keyword(), span) {
                continue;
            }
            match &st.value {
                syn::Statement::People(n) => t.people = self.amount(n, "the headcount", false),
                syn::Statement::Focus(n) => t.focus = self.percent(n, "focus").unwrap_or(Fixed::HUNDRED),
                syn::Statement::Reserve { percent, reason } => {
                    t.reserve = self.percent(percent, "reserve").unwrap_or(Fixed::ZERO);
                    t.reserve_reason = reason.as_ref().map(|r| r.value.clone());
                }
                syn::Statement::Hire { count, date, ramp } => {
                    let c = self.amount(count, "the number of hires", true);
                    let d = self.date(date);
                    let r = self.ramp_days(ramp.as_ref(), d);
                    if let (Some(count), Some(date), Some(ramp_days)) = (c, d, r) {
                        t.hires.push(Change { count, date, ramp_days, loc: span.into() });
                    }
                }
                syn::Statement::Leave { count, date } => {
                    if let (Some(count), Some(date)) =
                        (self.amount(count, "the number of leavers", true), self.date(date))
                    {
                        t.leaves.push(Change { count, date, ramp_days: 0, loc: span.into() });
                    }
                }
                syn::Statement::Vacancy { count, date, chance, ramp } => {
                    let c = self.amount(count, "the number of vacancies", true);
                    let d = self.date(date);
                    let r = self.ramp_days(ramp.as_ref(), d);
                    let p = match chance {
                        Some(p) => self.percent(p, "the chance"),
                        None => Some(Fixed::HUNDRED),
                    };
                    if let (Some(count), Some(date), Some(chance), Some(ramp_days)) = (c, d, p, r) {
                        t.vacancies.push(Vacancy { count, date, chance, ramp_days, loc: span.into() });
                    }
                }
                syn::Statement::Lend { count, to, periods } => {
                    let c = self.amount(count, "the number of people lent", true);
                    let from = self.period(&periods.value.from);
                    let until = match &periods.value.to {
                        Some(p) => self.period(p),
                        None => from,
                    };
                    if let (Some(count), Some(from), Some(until)) = (c, from, until) {
                        t.lends.push(Lend {
                            count,
                            to: Ref { id: to.value.clone(), loc: to.span.into() },
                            from,
                            until,
                            loc: span.into(),
                        });
                    }
                }
                syn::Statement::CapacityPerIteration(n) => t.fixed = self.amount(n, "the capacity", false),
                syn::Statement::CapacityOverride { period, amount } => {
                    if let (syn::Period::Pi { pi, iteration }, Some(amount)) =
                        (period.value, self.amount(amount, "the capacity", false))
                    {
                        if let Some(prev) = t.overrides.iter().find(|o| o.pi == pi && o.iteration == iteration) {
                            let first = prev.loc.0;
                            self.err(
                                Diagnostic::new(Code::E0109, "this capacity override is given twice", Some(span))
                                    .with_label("given again here")
                                    .with_secondary(first, "first given here")
                                    .with_help("keep one of them"),
                            );
                        } else {
                            t.overrides.push(Override { pi, iteration, amount, loc: span.into() });
                        }
                    }
                }
                syn::Statement::CapacityAdjust { period, delta } => {
                    let unsigned =
                        Spanned::new(syn::Number(delta.value.0.trim_start_matches('+').to_string()), delta.span);
                    if let (syn::Period::Pi { pi, iteration }, Some(delta)) = (period.value, self.number(&unsigned)) {
                        t.adjustments.push(Adjustment { pi, iteration, delta, loc: span.into() });
                    }
                }
                syn::Statement::Velocity(n) => t.velocity = self.amount(n, "the velocity", false),
                syn::Statement::Absent { count, from, to } => {
                    let c = self.amount(count, "the number of people away", true);
                    let f = self.date(from);
                    let l = match to {
                        Some(t) => self.date(t),
                        None => f,
                    };
                    if let (Some(count), Some(from), Some(to)) = (c, f, l) {
                        if to < from {
                            self.err(
                                Diagnostic::new(
                                    Code::E0310,
                                    format!("the absence ends on {to}, before it starts on {from}"),
                                    Some(span),
                                )
                                .with_help("write the first day, then `..`, then the last day"),
                            );
                        } else {
                            t.absences.push(Absence { count, from, to, loc: span.into() });
                        }
                    }
                }
                syn::Statement::Holiday { name, from, to } => {
                    let f = self.date(from);
                    let l = match to {
                        Some(t) => self.date(t),
                        None => f,
                    };
                    if let (Some(f), Some(l)) = (f, l) {
                        if l < f {
                            self.err(
                                Diagnostic::new(
                                    Code::E0310,
                                    format!("holiday \"{}\" ends on {l}, before it starts on {f}", name.value),
                                    Some(span),
                                )
                                .with_help("write the first day, then `..`, then the last day"),
                            );
                        } else {
                            t.holidays.push(Holiday { name: name.value.clone(), from: f, to: l, loc: span.into() });
                        }
                    }
                }
                _ => {}
            }
        }
        t
    }

    fn commit(&mut self, period: &Spanned<syn::Period>, hard: bool, span: Span) -> Option<Commit> {
        Some(Commit { period: self.period(period)?, hard, loc: span.into() })
    }

    fn epic(&mut self, b: &syn::Block, id: &Spanned<String>) -> Epic {
        let mut e = Epic {
            id: id.value.clone(),
            title: b.title.as_ref().map(|x| x.value.clone()),
            commit: None,
            owner: None,
            priority: None,
            note: None,
            key: None,
            loc: id.span.into(),
        };
        let mut seen = Seen::default();
        for st in &b.statements {
            if !self.once(&mut seen, st.value.keyword(), st.span) {
                continue;
            }
            match &st.value {
                syn::Statement::Commit { period, hard } => e.commit = self.commit(period, *hard, st.span),
                syn::Statement::Owner(s) => e.owner = Some(s.value.clone()),
                syn::Statement::Note(s) => e.note = Some(s.value.clone()),
                syn::Statement::Key(s) => e.key = Some(s.value.clone()),
                syn::Statement::Priority(n) => e.priority = self.priority(n),
                _ => {}
            }
        }
        e
    }

    fn priority(&mut self, n: &Spanned<syn::Number>) -> Option<u32> {
        let v = self.whole(n, "a priority")?;
        if v == 0 {
            self.err(
                Diagnostic::new(Code::E0407, "priorities are counted from 1", Some(n.span))
                    .with_help("use priority 1 for the first"),
            );
            return None;
        }
        Some(v)
    }

    /// A `milestone` line: its date and chance.
    fn milestone(&mut self, b: &syn::Block, id: &Spanned<String>) -> Option<Milestone> {
        let Some(syn::Statement::Milestone { date, chance }) = b.statements.first().map(|s| &s.value) else {
            return None;
        };
        let date = self.date(date)?;
        let chance = match chance {
            Some(p) => self.percent(p, "the chance")?,
            None => Fixed::HUNDRED,
        };
        Some(Milestone {
            id: id.value.clone(),
            title: b.title.as_ref().map(|t| t.value.clone()),
            date,
            chance,
            loc: id.span.into(),
        })
    }

    /// A ramp in days from its start `from` (months counted on the calendar); 0 without one.
    fn ramp_days(&mut self, ramp: Option<&Spanned<syn::Duration>>, from: Option<NaiveDate>) -> Option<u32> {
        let Some(r) = ramp else { return Some(0) };
        match (self.length(r, "the ramp"), from) {
            (Some(Length::Months(m)), Some(d)) => {
                d.checked_add_months(chrono::Months::new(m)).and_then(|e| u32::try_from((e - d).num_days()).ok())
            }
            (Some(l), _) => crate::calendar::length_days(l, self.iteration_days),
            _ => None,
        }
    }

    fn item(&mut self, b: &syn::Block, id: &Spanned<String>) -> Item {
        let mut it = Item::new(id.value.clone());
        it.title = b.title.as_ref().map(|x| x.value.clone());
        it.loc = id.span.into();
        let mut seen = Seen::default();
        for st in &b.statements {
            let span = st.span;
            let repeatable =
                matches!(st.value, syn::Statement::After { .. } | syn::Statement::Done { by: Some(_), .. });
            if !repeatable && !self.once(&mut seen, st.value.keyword(), span) {
                continue;
            }
            match &st.value {
                syn::Statement::Team(r) if r.value.is_empty() => {}
                syn::Statement::Team(r) => it.team = Some(Ref { id: r.value.clone(), loc: r.span.into() }),
                syn::Statement::Epic(r) => it.epic = Some(Ref { id: r.value.clone(), loc: r.span.into() }),
                syn::Statement::Effort(points) => {
                    // A broken estimate is reported once; the item keeps an empty one so it
                    // does not also read as "no effort".
                    it.effort = Some(
                        self.effort(points, span).unwrap_or(At { value: Effort::exact(Fixed::ZERO), loc: span.into() }),
                    )
                }
                syn::Statement::MaxPeople(n) => {
                    it.max = self.amount(n, "the cap", true).map(|v| At { value: Max::People(v), loc: span.into() })
                }
                syn::Statement::MaxPerIteration(n) => {
                    it.max =
                        self.amount(n, "the cap", true).map(|v| At { value: Max::PerIteration(v), loc: span.into() })
                }
                syn::Statement::NotBefore(p) => {
                    it.not_before = self.period(p).map(|v| At { value: v, loc: span.into() })
                }
                syn::Statement::In(r) => {
                    let from = self.period(&r.value.from);
                    let to = match &r.value.to {
                        Some(p) => self.period(p),
                        None => from,
                    };
                    if let (Some(a), Some(z)) = (from, to) {
                        it.placed = Some(At { value: (a, z), loc: span.into() });
                    }
                }
                syn::Statement::After { item, lag } => {
                    let lag = match lag {
                        Some(l) => match self.length(l, "the lag") {
                            Some(v) => Some(v),
                            None => continue,
                        },
                        None => None,
                    };
                    it.after.push(Dependency {
                        item: Ref { id: item.value.clone(), loc: item.span.into() },
                        lag,
                        loc: span.into(),
                        via: None,
                    });
                }
                syn::Statement::Commit { period, hard } => it.commit = self.commit(period, *hard, span),
                syn::Statement::Target(p) => it.target = self.period(p).map(|v| At { value: v, loc: span.into() }),
                syn::Statement::Wsjf(parts) => {
                    let mut w = Wsjf { value: Fixed::ZERO, urgency: Fixed::ZERO, risk: Fixed::ZERO, size: None };
                    for (k, n) in parts {
                        // A job size divides the cost of delay: it must be more than zero.
                        let strict = k.value == syn::WsjfKey::Size;
                        let what = if strict { "a WSJF job size" } else { "a WSJF figure" };
                        let Some(v) = self.amount(n, what, strict) else {
                            continue;
                        };
                        match k.value {
                            syn::WsjfKey::Value => w.value = v,
                            syn::WsjfKey::Urgency => w.urgency = v,
                            syn::WsjfKey::Risk => w.risk = v,
                            syn::WsjfKey::Size => w.size = Some(v),
                        }
                    }
                    it.wsjf = Some(w);
                }
                syn::Statement::Priority(n) => it.priority = self.priority(n),
                syn::Statement::Owner(s) => it.owner = Some(s.value.clone()),
                syn::Statement::Note(s) => it.note = Some(s.value.clone()),
                syn::Statement::Key(s) => it.key = Some(s.value.clone()),
                syn::Statement::Done { amount, by: None } => {
                    it.done = self.amount(amount, "the effort done", false).map(|v| At { value: v, loc: span.into() })
                }
                syn::Statement::Done { amount, by: Some(by) } => {
                    if let (Some(done), Some(date)) = (self.amount(amount, "the effort done", false), self.date(by)) {
                        it.history.push(DoneBy { done, date, loc: span.into() });
                    }
                }
                syn::Statement::Remaining(n) => {
                    it.remaining =
                        self.amount(n, "the effort remaining", false).map(|v| At { value: v, loc: span.into() })
                }
                syn::Statement::Finished(d) => it.finished = self.date(d).map(|v| At { value: v, loc: span.into() }),
                syn::Statement::Started(d) => it.started = self.date(d).map(|v| At { value: v, loc: span.into() }),
                _ => {}
            }
        }
        it
    }

    fn effort(&mut self, points: &[Spanned<syn::Number>], span: Span) -> Option<At<Effort>> {
        let values: Vec<Fixed> = points.iter().map(|p| self.number(p)).collect::<Option<_>>()?;
        let first = points.first()?;
        if let Some(low) = values.first().filter(|v| !v.is_positive()) {
            self.err(
                Diagnostic::new(Code::E0401, format!("effort must be more than zero, not {low}"), Some(first.span))
                    .with_label("no work to plan")
                    .with_help("give the estimate in the plan's unit, or remove the item"),
            );
            return None;
        }
        if values.windows(2).any(|w| w[0] > w[1]) {
            let shown: Vec<String> = values.iter().map(ToString::to_string).collect();
            let mut sorted = values.clone();
            sorted.sort();
            let fixed: Vec<String> = sorted.iter().map(ToString::to_string).collect();
            self.err(
                Diagnostic::new(Code::E0402, format!("effort range {} is out of order", shown.join("..")), Some(span))
                    .with_label("expected low..high or low..likely..high")
                    .with_help(format!("write it as: effort {}", fixed.join(".."))),
            );
            return None;
        }
        let e = match values.as_slice() {
            [v] => Effort::exact(*v),
            [l, h] => Effort { low: *l, mode: None, high: *h },
            [l, m, h, ..] => Effort { low: *l, mode: Some(*m), high: *h },
            [] => return None,
        };
        Some(At { value: e, loc: span.into() })
    }
}

fn last_day_of_month(year: i32, month: u32) -> u32 {
    (28..=31).rev().find(|d| NaiveDate::from_ymd_opt(year, month, *d).is_some()).unwrap_or(28)
}
