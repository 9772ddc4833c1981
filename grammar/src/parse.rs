//! From text to [`SourceFile`]: runs the pest grammar and walks its pairs into the typed tree.
//! The grammar's catch-all rules turn broken lines into [`SyntaxError`]s; this module then
//! re-reads each broken line alone to say precisely what was expected and where.

use pest::Parser;
use pest::iterators::Pair;
use pest_derive::Parser;

use crate::explain::{explain_bad_block, explain_bad_line};
use crate::tree::*;

#[derive(Parser)]
#[grammar = "plan.pest"]
pub(crate) struct PlanParser;

/// Files larger than this are refused with one error instead of being read.
pub const MAX_SOURCE_BYTES: usize = 64 * 1024 * 1024;

/// Reads a plan file. Never fails as a whole: the tree holds every block that could be
/// read and `errors` one entry per line that could not.
///
/// ```
/// use haalbaar_grammar::{BlockKind, parse};
///
/// let file = parse("plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\n");
/// assert!(file.errors.is_empty());
/// assert_eq!(file.blocks.len(), 2);
/// assert_eq!(file.blocks[1].kind, BlockKind::Team);
/// assert_eq!(file.blocks[0].statements[1].value.keyword(), "horizon");
/// // A broken line is an error; the rest is still read.
/// let broken = parse("team api {\n  people 4\n  focus lots\n}\n");
/// assert_eq!((broken.errors.len(), broken.blocks[0].statements.len()), (1, 1));
/// ```
pub fn parse(source: &str) -> SourceFile {
    if source.len() > MAX_SOURCE_BYTES {
        return SourceFile {
            blocks: Vec::new(),
            errors: vec![SyntaxError {
                kind: SyntaxErrorKind::TooLarge,
                span: Span::new(0, 0),
                line: Span::new(0, 0),
                message: format!(
                    "the file is larger than {} MB, the most a plan file may be",
                    MAX_SOURCE_BYTES / (1024 * 1024)
                ),
                help: Some("split the portfolio into several plan files".into()),
                suggestion: None,
            }],
        };
    }
    // Well-formed files, the common case, are read by hand; the grammar reads the rest.
    if let Some(file) = crate::fast::parse(source) {
        return file;
    }
    parse_with_grammar(source)
}

/// The hand-written reader alone: the tree of a well-formed file, `None` for any other (for
/// tests that compare it with the grammar).
#[doc(hidden)]
pub fn parse_fast(source: &str) -> Option<SourceFile> {
    crate::fast::parse(source)
}

/// [`parse`] by the pest grammar alone, without the hand-written reader in front (for tests
/// that compare the two).
#[doc(hidden)]
pub fn parse_with_grammar(source: &str) -> SourceFile {
    let mut out = SourceFile::default();
    let pairs = match PlanParser::parse(Rule::file, source) {
        Ok(pairs) => pairs,
        Err(err) => {
            // The grammar has catch-alls everywhere; reaching this is a grammar bug, but the
            // user still gets a located error instead of a crash.
            let pos = error_pos(&err);
            out.errors.push(SyntaxError {
                kind: SyntaxErrorKind::Malformed,
                span: Span::new(pos, pos),
                line: line_around(source, pos),
                message: "this file cannot be read from here on".into(),
                help: None,
                suggestion: None,
            });
            return out;
        }
    };
    for pair in pairs.flatten().take(1) {
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::plan_block => block(source, child, BlockKind::Plan, &mut out),
                Rule::team_block => block(source, child, BlockKind::Team, &mut out),
                Rule::epic_block => block(source, child, BlockKind::Epic, &mut out),
                Rule::item_block => block(source, child, BlockKind::Item, &mut out),
                Rule::scenario_block => block(source, child, BlockKind::Scenario, &mut out),
                Rule::milestone_line => block(source, child, BlockKind::Milestone, &mut out),
                Rule::bad_block => out.errors.push(explain_bad_block(source, &child)),
                _ => {}
            }
        }
    }
    out
}

pub(crate) fn span_of(pair: &Pair<'_, Rule>) -> Span {
    let s = pair.as_span();
    Span::new(s.start(), s.end())
}

fn block(source: &str, pair: Pair<'_, Rule>, kind: BlockKind, out: &mut SourceFile) {
    let span = span_of(&pair);
    let mut b = Block { kind, id: None, title: None, statements: Vec::new(), span, header: span };
    let mut header_end = None;
    for child in pair.into_inner() {
        let cspan = span_of(&child);
        match child.as_rule() {
            Rule::ident => b.id = Some(Spanned::new(child.as_str().to_string(), cspan)),
            Rule::string => b.title = Some(Spanned::new(unescape(&child), cspan)),
            Rule::bad_line => {
                header_end.get_or_insert(cspan.start);
                out.errors.push(explain_bad_line(source, &child, kind));
            }
            Rule::close => {
                header_end.get_or_insert(cspan.start);
                close(source, child, &b, out);
            }
            _ => {
                header_end.get_or_insert(cspan.start);
                if let Some(stmt) = statement(child) {
                    b.statements.push(Spanned::new(stmt, cspan));
                }
            }
        }
    }
    // The header runs to the end of its first line.
    let first_line_end = source[span.start..].find('\n').map_or(span.end, |i| span.start + i);
    b.header = Span::new(
        span.start + leading_ws(&source[span.start..]),
        header_end.unwrap_or(first_line_end).min(first_line_end),
    );
    b.header.end = trim_end(source, b.header);
    b.span.start = b.header.start;
    b.span.end = trim_end(source, b.span);
    out.blocks.push(b);
}

fn close(source: &str, pair: Pair<'_, Rule>, b: &Block, out: &mut SourceFile) {
    for child in pair.into_inner() {
        let cspan = span_of(&child);
        match child.as_rule() {
            Rule::trailing => out.errors.push(SyntaxError {
                kind: SyntaxErrorKind::TrailingText,
                span: cspan,
                line: line_around(source, cspan.start),
                message: "unexpected text after `}`".into(),
                help: Some("a closing brace stands on a line of its own".into()),
                suggestion: None,
            }),
            Rule::missing_close => {
                let name = match &b.id {
                    Some(id) => format!("{} `{}`", b.kind.keyword(), id.value),
                    None => b.kind.keyword().to_string(),
                };
                let header = line_around(source, b.span.start + leading_ws(&source[b.span.start..]));
                out.errors.push(SyntaxError {
                    kind: SyntaxErrorKind::Unclosed,
                    span: header,
                    line: header,
                    message: format!("block {name} is not closed"),
                    help: Some("add a line with `}` after its last statement".into()),
                    suggestion: None,
                });
            }
            _ => {}
        }
    }
}

pub(crate) fn leading_ws(s: &str) -> usize {
    s.len() - s.trim_start_matches([' ', '\t']).len()
}

pub(crate) fn trim_end(source: &str, span: Span) -> usize {
    let text = &source[span.start..span.end];
    span.start + text.trim_end().len()
}

/// The line holding `pos`, without its line break.
pub(crate) fn line_around(source: &str, pos: usize) -> Span {
    let pos = pos.min(source.len());
    let start = source[..pos].rfind('\n').map_or(0, |i| i + 1);
    let end = source[pos..].find('\n').map_or(source.len(), |i| pos + i);
    let end = if end > start && source.as_bytes().get(end - 1) == Some(&b'\r') { end - 1 } else { end };
    Span::new(start, end.max(start))
}

pub(crate) fn error_pos(err: &pest::error::Error<Rule>) -> usize {
    if let Some(attempts) = err.parse_attempts() {
        return attempts.max_position;
    }
    match err.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((s, _)) => s,
    }
}

fn unescape(pair: &Pair<'_, Rule>) -> String {
    let raw = pair.as_str();
    let inner = raw.strip_prefix('"').and_then(|s| s.strip_suffix('"')).unwrap_or(raw);
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(n) = chars.next() {
                out.push(n);
            }
        } else {
            out.push(c);
        }
    }
    out
}

// ---- statements ------------------------------------------------------------------------

fn sp<T>(pair: &Pair<'_, Rule>, value: T) -> Spanned<T> {
    Spanned::new(value, span_of(pair))
}

fn number(pair: &Pair<'_, Rule>) -> Spanned<Number> {
    sp(pair, Number(pair.as_str().to_string()))
}

fn int(s: &str) -> u32 {
    s.parse().unwrap_or(u32::MAX)
}

fn date(pair: &Pair<'_, Rule>) -> Spanned<Date> {
    let mut parts = pair.clone().into_inner().map(|p| int(p.as_str()));
    let d = Date { year: parts.next().unwrap_or(0), month: parts.next().unwrap_or(0), day: parts.next().unwrap_or(0) };
    sp(pair, d)
}

fn period(pair: &Pair<'_, Rule>) -> Spanned<Period> {
    let span = span_of(pair);
    let inner = pair.clone().into_inner().next();
    let value = match inner {
        Some(p) if p.as_rule() == Rule::quarter => {
            let mut parts = p.into_inner().map(|x| int(x.as_str()));
            Period::Quarter { year: parts.next().unwrap_or(0), quarter: parts.next().unwrap_or(0) }
        }
        Some(p) if p.as_rule() == Rule::date => Period::Date { date: date(&p).value },
        Some(p) if p.as_rule() == Rule::pi_ref => pi_ref(&p),
        _ => Period::Pi { pi: 0, iteration: None },
    };
    Spanned::new(value, span)
}

fn pi_ref(pair: &Pair<'_, Rule>) -> Period {
    let mut parts = pair.clone().into_inner().map(|x| int(x.as_str()));
    Period::Pi { pi: parts.next().unwrap_or(0), iteration: parts.next() }
}

fn period_range(pair: &Pair<'_, Rule>) -> Spanned<PeriodRange> {
    let mut periods = pair.clone().into_inner().map(|p| period(&p));
    let from = periods.next().unwrap_or_else(|| Spanned::new(Period::Pi { pi: 0, iteration: None }, span_of(pair)));
    sp(pair, PeriodRange { from, to: periods.next() })
}

fn duration(pair: &Pair<'_, Rule>) -> Spanned<Duration> {
    let mut amount = Spanned::new(Number("0".into()), span_of(pair));
    let mut unit = DurationUnit::Days;
    for p in pair.clone().into_inner() {
        match p.as_rule() {
            Rule::number => amount = number(&p),
            Rule::unit_days => unit = DurationUnit::Days,
            Rule::unit_weeks => unit = DurationUnit::Weeks,
            Rule::unit_months => unit = DurationUnit::Months,
            Rule::unit_iterations => unit = DurationUnit::Iterations,
            _ => {}
        }
    }
    sp(pair, Duration { amount, unit })
}

fn percent(pair: &Pair<'_, Rule>) -> Spanned<Number> {
    let n = pair.clone().into_inner().next().map_or_else(|| "0".to_string(), |p| p.as_str().to_string());
    sp(pair, Number(n))
}

/// Converts a scenario line (`change`).
fn change(pair: Pair<'_, Rule>) -> Option<Change> {
    let inner = pair.into_inner().next()?;
    let rule = inner.as_rule();
    let mut kids = inner.into_inner();
    if rule == Rule::change_add {
        let kind = kids.next()?;
        let target = match kind.as_str() {
            "team" => BlockKind::Team,
            "epic" => BlockKind::Epic,
            _ => BlockKind::Item,
        };
        let id = kids.next().map(|p| sp(&p, p.as_str().to_string()));
        let title = kids.next().map(|p| sp(&p, unescape(&p)));
        return Some(Change { target, id, kind: ChangeKind::Add { title } });
    }
    let target = match rule {
        Rule::change_plan => BlockKind::Plan,
        Rule::change_team => BlockKind::Team,
        Rule::change_epic => BlockKind::Epic,
        _ => BlockKind::Item,
    };
    let id = if target == BlockKind::Plan { None } else { kids.next().map(|p| sp(&p, p.as_str().to_string())) };
    let what = kids.next()?;
    let kind = match what.as_rule() {
        Rule::vacancies_filled => ChangeKind::VacanciesFilled,
        Rule::without_team | Rule::without_epic | Rule::without_item => {
            let span = span_of(&what);
            let w = what.into_inner().next()?;
            let value = w.clone().into_inner().next();
            let date_of = || value.as_ref().map(date);
            let ident_of = || value.as_ref().map(|p| sp(p, p.as_str().to_string()));
            let without = match w.as_rule() {
                Rule::w_hire => Without::Hire(date_of()),
                Rule::w_leave => Without::Leave(date_of()),
                Rule::w_vacancy => Without::Vacancy(date_of()),
                Rule::w_lend => Without::Lend(ident_of()),
                Rule::w_reserve => Without::Reserve,
                Rule::w_capacity => Without::Capacity(value.as_ref().map(|p| sp(p, pi_ref(p)))),
                Rule::w_velocity => Without::Velocity,
                Rule::w_after => Without::After(ident_of()),
                Rule::w_commit => Without::Commit,
                Rule::w_in => Without::In,
                Rule::w_not_before => Without::NotBefore,
                Rule::w_target => Without::Target,
                Rule::w_max => Without::Max,
                Rule::w_done => Without::Done,
                Rule::w_remaining => Without::Remaining,
                Rule::w_finished => Without::Finished,
                Rule::w_started => Without::Started,
                _ => Without::Epic,
            };
            ChangeKind::Without(Spanned::new(without, span))
        }
        _ => {
            let span = span_of(&what);
            ChangeKind::Set { statement: Spanned::new(statement(what)?, span) }
        }
    };
    Some(Change { target, id, kind })
}

/// Converts one statement pair. Returns `None` only for pairs that are not statements.
fn statement(pair: Pair<'_, Rule>) -> Option<Statement> {
    let rule = pair.as_rule();
    if rule == Rule::change {
        return change(pair).map(|c| Statement::Change(Box::new(c)));
    }
    let kids: Vec<Pair<'_, Rule>> = pair.clone().into_inner().collect();
    let first = |r: Rule| kids.iter().find(|p| p.as_rule() == r);
    let nth = |r: Rule, n: usize| kids.iter().filter(|p| p.as_rule() == r).nth(n);
    let num = |n: usize| nth(Rule::number, n).map(number);
    let zero = || Spanned::new(Number("0".into()), span_of(&pair));
    let string = |n: usize| nth(Rule::string, n).map(|p| sp(p, unescape(p)));
    let ident = || first(Rule::ident).map(|p| sp(p, p.as_str().to_string()));
    let no_ident = || Spanned::new(String::new(), span_of(&pair));
    let the_date = |n: usize| nth(Rule::date, n).map(date);
    let no_date = || Spanned::new(Date { year: 0, month: 0, day: 0 }, span_of(&pair));
    let the_percent = || first(Rule::percent).map(percent).unwrap_or_else(zero);
    let the_duration = || first(Rule::duration).map(duration);
    let the_period = || first(Rule::period).map(period);
    let the_range = || first(Rule::period_range).map(period_range);
    Some(match rule {
        Rule::start => Statement::Start(the_date(0).unwrap_or_else(no_date)),
        Rule::end => Statement::End(the_date(0).unwrap_or_else(no_date)),
        Rule::horizon => Statement::Horizon(the_duration()?),
        Rule::increment => Statement::Increment(the_duration()?),
        Rule::iteration => Statement::Iteration(the_duration()?),
        Rule::innovation => Statement::Innovation(num(0).unwrap_or_else(zero)),
        Rule::unit => Statement::Unit(sp(
            kids.first()?,
            if first(Rule::unit_points).is_some() { UnitName::Points } else { UnitName::Days },
        )),
        Rule::workweek => Statement::Workweek(num(0).unwrap_or_else(zero)),
        Rule::holiday => Statement::Holiday {
            name: string(0).unwrap_or_else(no_ident),
            from: the_date(0).unwrap_or_else(no_date),
            to: the_date(1),
        },
        Rule::load => Statement::Load(the_percent()),
        Rule::uncertainty => Statement::Uncertainty(the_percent()),
        Rule::firm => Statement::Firm(num(0).unwrap_or_else(zero)),
        Rule::uncertainty_capacity => Statement::UncertaintyCapacity(the_percent()),
        Rule::milestone_when => Statement::Milestone {
            date: the_date(0).unwrap_or_else(no_date),
            chance: first(Rule::percent).map(percent),
        },
        Rule::as_of => Statement::AsOf(the_date(0).unwrap_or_else(no_date)),
        Rule::done => Statement::Done { amount: num(0).unwrap_or_else(zero), by: the_date(0) },
        Rule::remaining => Statement::Remaining(num(0).unwrap_or_else(zero)),
        Rule::finished => Statement::Finished(the_date(0).unwrap_or_else(no_date)),
        Rule::started => Statement::Started(the_date(0).unwrap_or_else(no_date)),
        Rule::people => Statement::People(num(0).unwrap_or_else(zero)),
        Rule::focus => Statement::Focus(the_percent()),
        Rule::reserve => Statement::Reserve { percent: the_percent(), reason: string(0) },
        Rule::hire => Statement::Hire {
            count: num(0).unwrap_or_else(zero),
            date: the_date(0).unwrap_or_else(no_date),
            ramp: the_duration(),
        },
        Rule::leave => {
            Statement::Leave { count: num(0).unwrap_or_else(zero), date: the_date(0).unwrap_or_else(no_date) }
        }
        Rule::vacancy => Statement::Vacancy {
            count: num(0).unwrap_or_else(zero),
            date: the_date(0).unwrap_or_else(no_date),
            chance: first(Rule::percent).map(percent),
            ramp: the_duration(),
        },
        Rule::lend => Statement::Lend {
            count: num(0).unwrap_or_else(zero),
            to: ident().unwrap_or_else(no_ident),
            periods: the_range()?,
        },
        Rule::capacity_fixed => Statement::CapacityPerIteration(num(0).unwrap_or_else(zero)),
        Rule::capacity_adjust => {
            let p = first(Rule::pi_ref)?;
            let d = first(Rule::adjustment)?;
            Statement::CapacityAdjust { period: sp(p, pi_ref(p)), delta: sp(d, Number(d.as_str().to_string())) }
        }
        Rule::capacity_override => {
            let p = first(Rule::pi_ref)?;
            Statement::CapacityOverride { period: sp(p, pi_ref(p)), amount: num(0).unwrap_or_else(zero) }
        }
        Rule::velocity => Statement::Velocity(num(0).unwrap_or_else(zero)),
        Rule::absent => Statement::Absent {
            count: num(0).unwrap_or_else(zero),
            from: the_date(0).unwrap_or_else(no_date),
            to: the_date(1),
        },
        Rule::commit => Statement::Commit { period: the_period()?, hard: first(Rule::hard).is_some() },
        Rule::owner => Statement::Owner(string(0).unwrap_or_else(no_ident)),
        Rule::note => Statement::Note(string(0).unwrap_or_else(no_ident)),
        Rule::key => Statement::Key(string(0).unwrap_or_else(no_ident)),
        Rule::priority => Statement::Priority(num(0).unwrap_or_else(zero)),
        Rule::team_ref => Statement::Team(ident().unwrap_or_else(no_ident)),
        Rule::epic_ref => Statement::Epic(ident().unwrap_or_else(no_ident)),
        Rule::effort => Statement::Effort(kids.iter().filter(|p| p.as_rule() == Rule::number).map(number).collect()),
        Rule::max_people => Statement::MaxPeople(num(0).unwrap_or_else(zero)),
        Rule::max_per_iteration => Statement::MaxPerIteration(num(0).unwrap_or_else(zero)),
        Rule::not_before => Statement::NotBefore(the_period()?),
        Rule::placed_in => Statement::In(the_range()?),
        Rule::after => Statement::After { item: ident().unwrap_or_else(no_ident), lag: the_duration() },
        Rule::target => Statement::Target(the_period()?),
        Rule::wsjf => Statement::Wsjf(
            kids.iter()
                .filter(|p| p.as_rule() == Rule::wsjf_part)
                .filter_map(|part| {
                    let mut it = part.clone().into_inner();
                    let key = it.next()?;
                    let value = it.next()?;
                    let k = match key.as_str() {
                        "value" => WsjfKey::Value,
                        "urgency" => WsjfKey::Urgency,
                        "risk" => WsjfKey::Risk,
                        _ => WsjfKey::Size,
                    };
                    Some((sp(&key, k), number(&value)))
                })
                .collect(),
        ),
        _ => return None,
    })
}
