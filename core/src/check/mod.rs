//! The check as a pipeline: text (or a built plan) → model → calendar and capacity → the
//! validation → the solver → the feasibility report with repairs, and the diagnostics of it all.

pub mod left_out;
mod options;
mod subjects;

pub use options::{Cancel, Options, Threads};

use crate::calendar::Calendar;
use crate::capacity::{self, CapacityTable};
use crate::diagnostic::{self, Diagnostic};
use crate::model::{self, Plan};
use crate::{codes, edits, feasibility, grammar, lower, solve, source, validate, values};

/// The outcome of reading and checking one plan.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The plan as far as it could be read (also when it has errors).
    pub plan: Plan,
    /// The calendar, when the plan block describes a valid one.
    pub calendar: Option<Calendar>,
    /// Capacity per team per iteration, when the calendar is valid.
    pub capacity: Option<CapacityTable>,
    /// Every finding, in reading order.
    pub diagnostics: Vec<Diagnostic>,
    /// Whether the commitments fit, with the evidence; `None` when the file has errors (or the
    /// check was cancelled).
    pub feasibility: Option<feasibility::Feasibility>,
    /// The check was stopped by [`Options::cancel`] before it decided the commitments.
    pub cancelled: bool,
}

impl Checked {
    /// Whether any diagnostic is an error (an unmet commitment is one).
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
    /// The plan's verdict: `invalid` when the file has errors other than unmet commitments.
    pub fn verdict(&self) -> feasibility::PlanVerdict {
        self.feasibility.as_ref().map_or(feasibility::PlanVerdict::Invalid, |f| f.verdict)
    }
}

/// Reads and checks a plan file's text: syntax, names, calendar, capacity, and whether the
/// commitments fit (with the schedule or the reason, and repairs).
pub fn check(source: &str) -> Checked {
    check_with(source, &Options::default())
}

/// [`check`] with options.
pub fn check_with(source: &str, options: &Options) -> Checked {
    let file = grammar::parse(source);
    let mut diagnostics = lower::syntax_diagnostics(&file);
    let (lowered, more) = lower::lower(&file);
    diagnostics.extend(more);
    let item_blocks: Vec<grammar::Span> =
        file.blocks.iter().filter(|b| b.kind == grammar::BlockKind::Item).map(|b| b.span).collect();
    let mut checked = finish(lowered.plan, lowered.calendar, &lowered.incomplete, &item_blocks, diagnostics, options);
    let map = source::SourceMap::new(source);
    subjects::of_blocks(&file.blocks, &mut checked.diagnostics);
    for d in &mut checked.diagnostics {
        d.position = d.span.map(|s| map.locate(s.start));
    }
    // Each repair as edits to this text, made from the change it was verified with.
    if let Some(f) = &mut checked.feasibility {
        for c in &mut f.commitments {
            for (repair, change) in c.repairs.iter_mut().zip(&c.changes) {
                *repair.edits_mut() =
                    change.iter().flat_map(|ch| edits::edits_with(&checked.plan, source, &map, ch)).collect();
            }
        }
    }
    checked
}

/// Checks a plan built in code (see [`crate::PlanBuilder`]) with the checks a file gets, and
/// the same codes. Its diagnostics have no span (there is no text) but name the team, epic or
/// item they are about ([`Diagnostic::subject`]).
///
/// ```
/// use haalbaar::model::{Item, Team};
/// use haalbaar::{Code, Fixed, NaiveDate, PlanBuilder, Subject};
///
/// let plan = PlanBuilder::new("Demo", NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date"))
///     .team(Team::new("api").people(Fixed::from_int(4)))
///     .item(Item::new("login").team("apj").effort(Fixed::from_int(20)))
///     .plan();
/// let checked = haalbaar::check_plan(plan);
/// let d = &checked.diagnostics[0];
/// assert_eq!(d.code, Code::E0201); // unknown team
/// assert_eq!(d.subject, Some(Subject::Item("login".into())));
/// assert_eq!(d.span, None);
/// ```
pub fn check_plan(plan: Plan) -> Checked {
    check_plan_with(plan, &Options::default())
}

/// [`check_plan`] with options.
pub fn check_plan_with(plan: Plan, options: &Options) -> Checked {
    let mut marked = plan.clone();
    let items = subjects::mark(&mut marked);
    // The checks lowering makes on the values of a file, made here on the model: a value the
    // language would reject gets the file's diagnostic, and the plan is not checked further.
    let mut diagnostics = values::check(&marked);
    let calendar = match Calendar::new(&marked.settings) {
        _ if !diagnostics.is_empty() => None,
        Ok(c) => Some(c),
        Err(e) => {
            diagnostics.push(lower::calendar_error(e, &marked.settings, |_| subjects::plan_block()));
            None
        }
    };
    let mut checked = finish(marked, calendar, &Default::default(), &items, diagnostics, options);
    subjects::resolve(&checked.plan, &mut checked.diagnostics);
    checked.plan = plan;
    checked
}

fn finish(
    plan: Plan,
    calendar: Option<Calendar>,
    incomplete: &std::collections::BTreeSet<String>,
    item_blocks: &[grammar::Span],
    mut diagnostics: Vec<Diagnostic>,
    options: &Options,
) -> Checked {
    // A plan too large to report on is refused before any per-team, per-iteration work.
    let calendar = match calendar {
        Some(cal) if plan.teams.len().saturating_mul(cal.len()) > MAX_TEAM_ITERATIONS => {
            diagnostics.push(
                Diagnostic::new(
                    codes::Code::E0411,
                    format!(
                        "the plan has {} teams over {} iterations ({} team-iterations); at most {} can be planned",
                        plan.teams.len(),
                        cal.len(),
                        plan.teams.len() * cal.len(),
                        MAX_TEAM_ITERATIONS
                    ),
                    // At the first team past the limit.
                    plan.teams.get(MAX_TEAM_ITERATIONS / cal.len().max(1)).and_then(|t| t.loc.0),
                )
                .with_label("the plan is too large from this team on")
                .with_help("split the portfolio into several plans, shorten the horizon, or use longer iterations"),
            );
            None
        }
        cal => cal,
    };
    let capacity = calendar.as_ref().map(|cal| capacity::capacity(&plan, cal));
    diagnostics.extend(validate::validate(&plan, calendar.as_ref(), capacity.as_ref(), incomplete));
    let mut feasibility = None;
    let mut left_out_notes = Vec::new();
    // Errors confined to items leave the rest to check: see `left_out`.
    let bad = left_out::items_with_errors(&plan, item_blocks, &diagnostics);
    let mut cancelled = options.cancelled();
    if options.solve
        && !cancelled
        && let Some(bad) = bad
        && let (Some(cal), Some(cap)) = (&calendar, &capacity)
    {
        let (reduced, notes) = if bad.is_empty() {
            (std::borrow::Cow::Borrowed(&plan), Vec::new())
        } else {
            let (reduced, notes) = left_out::leave_out(&plan, &bad);
            (std::borrow::Cow::Owned(reduced), notes)
        };
        let checked_plan: &Plan = &reduced;
        // With items left out and no commitment left to check, there is nothing to report.
        if let Some(problem) = solve::problem::Problem::new(checked_plan, cal, cap)
            && (bad.is_empty() || !problem.commitments.is_empty())
            && let solution = solve::rank::solve_with_options(&problem, options)
            && !options.cancelled()
        {
            let unit = match plan.settings.unit {
                model::Unit::Days => "days",
                model::Unit::Points => "points",
            };
            let (mut report, more) = feasibility::report(&problem, cal, Some(cap), &solution, unit);
            for c in &mut report.commitments {
                c.title = match c.kind {
                    feasibility::CommitmentKind::Epic => checked_plan.epic(&c.item).and_then(|e| e.title.clone()),
                    _ => checked_plan.item(&c.item).and_then(|i| i.title.clone()),
                };
            }
            let mut found = more;
            found.extend(feasibility::missed_targets(checked_plan, cal, &solution));
            found.extend(feasibility::overloaded_placements(checked_plan, cal, &problem, &solution));
            found.extend(costly_loans(checked_plan, cal, &problem, &solution, options));
            if !bad.is_empty() {
                report.verdict = feasibility::PlanVerdict::Invalid;
                left_out_notes = notes;
            }
            // A check cancelled while it decided the commitments has no verdict on them.
            cancelled = options.cancelled();
            if !cancelled {
                diagnostics.extend(found);
                feasibility = Some(report);
            }
        }
        cancelled |= options.cancelled();
    }
    if cancelled {
        left_out_notes.clear();
    }
    diagnostic::sort(&mut diagnostics);
    diagnostics.dedup();
    // What was left out of the check follows the errors that made it so, in file order.
    diagnostics.extend(left_out_notes);
    Checked { plan, calendar, capacity, diagnostics, feasibility, cancelled }
}

/// The most loans [`costly_loans`] tries taking out (each is a whole check).
pub const MAX_LOANS_TRIED: usize = 32;

/// The most team-iterations (teams × iterations of the horizon) a plan may have: every report
/// holds a figure per team per iteration, so this bounds what a check computes and writes.
pub const MAX_TEAM_ITERATIONS: usize = 200_000;

/// Loans that make the lending team miss a commitment it meets without them: each loan is
/// taken out in turn and the plan solved again.
fn costly_loans(
    plan: &Plan,
    cal: &Calendar,
    problem: &solve::problem::Problem,
    solution: &solve::rank::Solution,
    options: &Options,
) -> Vec<Diagnostic> {
    use solve::rank::Status;
    let mut out = Vec::new();
    // Only a plan that misses something can miss it because of a loan; each loan tried costs a
    // whole check, so at most `MAX_LOANS_TRIED` loans are (the first in plan order).
    if solution.results.iter().all(|r| r.status == Status::Met) {
        return out;
    }
    let loans = plan
        .teams
        .iter()
        .enumerate()
        .flat_map(|(t, team)| team.lends.iter().enumerate().map(move |(k, l)| (t, team, k, l)));
    for (t, team, k, lend) in loans.take(MAX_LOANS_TRIED) {
        if options.cancelled() {
            break;
        }
        {
            let mut without = plan.clone();
            without.teams[t].lends.remove(k);
            let cap = capacity::capacity(&without, cal);
            let Some(p) = solve::problem::Problem::new(&without, cal, &cap) else { continue };
            let again = solve::rank::solve_with_options(&p, options);
            for (r, r0) in again.results.iter().zip(&solution.results) {
                if r.status != Status::Met || r0.status == Status::Met {
                    continue;
                }
                let c = &problem.commitments[r0.commitment];
                let (needed, _) = solve::needs(
                    problem,
                    &[solve::Requirement { jobs: c.jobs.iter().copied().collect(), deadline: c.deadline }],
                );
                let lender_works = (0..problem.jobs.len()).any(|j| needed[j] && problem.jobs[j].team == t);
                if lender_works {
                    out.push(
                        Diagnostic::new(
                            codes::Code::W0508,
                            format!(
                                "lending {} people to `{}` makes team `{}` miss `{}`, which it meets without the loan",
                                lend.count, lend.to.id, team.id, c.label
                            ),
                            lend.loc.0,
                        )
                        .with_secondary(c.span, "missed because of the loan")
                        .with_help("lend fewer people or in other PIs, or move the commitment knowingly"),
                    );
                }
            }
        }
    }
    out
}
