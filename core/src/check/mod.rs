//! The check as a pipeline: text (or a built plan) → model → calendar and capacity → the
//! validation → the solver → the feasibility report with repairs, and the diagnostics of it all.

pub mod left_out;
mod options;
mod subjects;

pub use options::{Assume, Cancel, Options, Threads};

use crate::calendar::Calendar;
use crate::capacity::{self, CapacityTable};
use crate::diagnostic::{self, Diagnostic};
use crate::model::{self, Plan};
use crate::plan::scenario::{self, Scenario};
use crate::{codes, edits, feasibility, grammar, lower, solve, source, validate, values};

/// The outcome of reading and checking one plan.
///
/// ```
/// use haalbaar::Status;
///
/// let source = r#"plan "Demo" {
///   start 2025-01-06
///   horizon 6 months
/// }
/// team api {
///   people 4
///   focus 75%
/// }
/// item login "Inloggen" {
///   team api
///   effort 30..50
///   commit PI2
/// }
/// "#;
/// let checked = haalbaar::check(source);
/// assert!(!checked.cancelled);
/// assert_eq!(checked.plan.items[0].id, "login");
/// assert_eq!(checked.calendar.as_ref().map(|c| c.iterations.len()), Some(12));
/// // All of it as JSON, for a service to send on.
/// let json = serde_json::to_value(&checked).expect("serializable");
/// assert_eq!(json["plan"]["items"][0]["id"], "login");
/// let feasibility = checked.feasibility.expect("a plan without errors");
/// assert_eq!(feasibility.commitments[0].status, Status::Met);
/// ```
#[derive(Debug, Clone, serde::Serialize)]
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
    /// The scenario checked ([`Options::scenario`]), `None` for the plan itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scenario: Option<String>,
    /// The file's scenarios, in file order (none for a plan built in code).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub scenarios: Vec<Scenario>,
    /// What [`recheck`] can take over from this check.
    #[serde(skip)]
    reuse: Option<std::sync::Arc<Reuse>>,
    /// The commitments were not decided again: the previous check's answer held.
    #[serde(skip)]
    reused: bool,
}

/// What a check keeps for a re-check: the solver's answer (with each independent part's
/// problem), the budget it was found with, and what taking out each loan did.
#[derive(Debug)]
struct Reuse {
    solution: solve::rank::Solution,
    budget: u64,
    loans: Vec<Loan>,
}

impl Checked {
    /// Whether a [`recheck`] took the commitments' answer over from the previous check
    /// (for tests and benchmarks of the re-check).
    #[doc(hidden)]
    pub fn reused(&self) -> bool {
        self.reused
    }
    /// Whether any diagnostic is an error (an unmet commitment is one).
    ///
    /// ```
    /// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\n\
    ///               item login {\n  team apj\n  effort 20\n}\n";
    /// let checked = haalbaar::check(source);
    /// assert!(checked.has_errors()); // unknown team `apj`
    /// let fixed = haalbaar::check(&source.replace("team apj", "team api"));
    /// assert!(!fixed.has_errors());
    /// ```
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
    /// The plan's verdict: `invalid` when the file has errors other than unmet commitments,
    /// `cancelled` when the check was stopped before it decided the commitments.
    ///
    /// ```
    /// use haalbaar::{Cancel, Options, PlanVerdict};
    ///
    /// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\n\
    ///               item login {\n  team apj\n  effort 20\n}\n";
    /// assert_eq!(haalbaar::check(source).verdict(), PlanVerdict::Invalid);
    /// let fixed = source.replace("team apj", "team api");
    /// assert_eq!(haalbaar::check(&fixed).verdict(), PlanVerdict::Feasible);
    /// let cancel = Cancel::new();
    /// cancel.cancel();
    /// let stopped = haalbaar::check_with(&fixed, &Options::default().cancel(cancel));
    /// assert_eq!(stopped.verdict(), PlanVerdict::Cancelled);
    /// ```
    pub fn verdict(&self) -> feasibility::PlanVerdict {
        if self.cancelled {
            return feasibility::PlanVerdict::Cancelled;
        }
        self.feasibility.as_ref().map_or(feasibility::PlanVerdict::Invalid, |f| f.verdict)
    }
}

/// Reads and checks a plan file's text: syntax, names, calendar, capacity, and whether the
/// commitments fit (with the schedule or the reason, and repairs).
///
/// ```
/// use haalbaar::{PlanVerdict, Status};
///
/// let source = r#"plan "Demo" {
///   start 2025-01-06
///   horizon 6 months
/// }
/// team api {
///   people 4
///   focus 75%
/// }
/// item login "Inloggen" {
///   team api
///   effort 30..50
///   commit PI2
/// }
/// "#;
/// let checked = haalbaar::check(source);
/// assert_eq!(checked.verdict(), PlanVerdict::Feasible);
/// let login = &checked.feasibility.as_ref().expect("a plan without errors").commitments[0];
/// assert_eq!((login.item.as_str(), login.status), ("login", Status::Met));
/// assert_eq!(login.title.as_deref(), Some("Inloggen"));
/// ```
pub fn check(source: &str) -> Checked {
    check_with(source, &Options::default())
}

/// [`check`] with options.
///
/// ```
/// use haalbaar::Options;
///
/// # let source = r#"plan "Demo" {
/// #   start 2025-01-06
/// #   horizon 6 months
/// # }
/// # team api {
/// #   people 4
/// #   focus 75%
/// # }
/// # item login "Inloggen" {
/// #   team api
/// #   effort 30..50
/// #   commit PI2
/// # }
/// # "#;
/// // Names, calendar and capacity only: no verdict on the commitments.
/// let checked = haalbaar::check_with(source, &Options::default().solve(false));
/// assert!(checked.capacity.is_some());
/// assert!(checked.feasibility.is_none());
/// assert!(!checked.has_errors());
/// ```
pub fn check_with(source: &str, options: &Options) -> Checked {
    read_and_check(source, options, None)
}

/// Checks `source` again after an edit, reusing what it can of `previous` (the check of an
/// earlier version, with any options): the answer is the one [`check_with`] gives, often
/// much sooner. When the edit leaves the solver's problem as it was (an edit of titles,
/// notes, owners, comments or layout does; moving a block within the file does not) or changes
/// only the effort of work no commitment needs, the commitments are not decided again. For an
/// editor or a service that checks each version of a plan as its user types. A raised cancel
/// flag stops it like a check: the answer is then [`PlanVerdict::Cancelled`](crate::PlanVerdict).
///
/// ```
/// use haalbaar::Options;
///
/// let v1 = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\n\
///           item login \"Login\" {\n  team api\n  effort 20\n  commit PI1\n}\n";
/// let first = haalbaar::check(v1);
/// let v2 = v1.replace("\"Login\"", "\"Inloggen\"");
/// let again = haalbaar::recheck(&first, &v2, &Options::default());
/// let fresh = haalbaar::check(&v2);
/// assert_eq!(again.plan, fresh.plan);
/// assert_eq!(again.diagnostics, fresh.diagnostics);
/// assert_eq!(again.verdict(), fresh.verdict());
/// ```
pub fn recheck(previous: &Checked, source: &str, options: &Options) -> Checked {
    read_and_check(source, options, previous.reuse.as_deref())
}

fn read_and_check(source: &str, options: &Options, previous: Option<&Reuse>) -> Checked {
    let parsed = grammar::parse(source);
    let scenarios = scenario::list(&parsed);
    // A line of a scenario that cannot be read is the scenario's mistake: the plan itself and
    // every other scenario are read without it.
    let in_block = |x: &Scenario, at: grammar::Span| x.span.start <= at.start && at.start <= x.span.end;
    let theirs = |e: &grammar::SyntaxError, own: Option<&Scenario>| {
        scenarios.iter().any(|x| in_block(x, e.span)) && !own.is_some_and(|x| in_block(x, e.span))
    };
    // The file as its scenario says, or the plan itself (whose reading skips scenarios).
    let (file, mut diagnostics) = match &options.scenario {
        None if parsed.errors.iter().any(|e| theirs(e, None)) => {
            let mut file = parsed.clone();
            file.errors.retain(|e| !theirs(e, None));
            (std::borrow::Cow::Owned(file), Vec::new())
        }
        None => (std::borrow::Cow::Borrowed(&parsed), Vec::new()),
        Some(id) => match scenario::apply(&parsed, id) {
            Some((mut file, found)) => {
                let own = scenarios.iter().find(|x| x.id == *id);
                file.errors.retain(|e| !theirs(e, own));
                (std::borrow::Cow::Owned(file), found)
            }
            None => return unknown_scenario(&parsed, id, scenarios),
        },
    };
    diagnostics.extend(lower::syntax_diagnostics(&file));
    let (mut lowered, more) = lower::lower(&file);
    diagnostics.extend(more);
    // A `milestone` line that could not be read has its error: what names it is not told again.
    for e in &file.errors {
        let line = source.get(e.line.start..e.line.end).unwrap_or_default();
        let mut words = line.split_whitespace();
        if words.next() == Some("milestone")
            && let Some(id) = words.next()
        {
            lowered.incomplete.insert(id.to_string());
        }
    }
    let item_blocks: Vec<grammar::Span> =
        file.blocks.iter().filter(|b| b.kind == grammar::BlockKind::Item).map(|b| b.span).collect();
    let mut plan = lowered.plan;
    options.assume.apply(&mut plan);
    let mut checked = finish(plan, lowered.calendar, &lowered.incomplete, &item_blocks, diagnostics, options, previous);
    if options.scenario.is_none() && !scenarios.is_empty() {
        // What is wrong in the scenarios is wrong in the file; the plan's own answer stands.
        let unread = grammar::SourceFile {
            blocks: Vec::new(),
            errors: parsed.errors.iter().filter(|e| theirs(e, None)).cloned().collect(),
        };
        checked.diagnostics.extend(lower::syntax_diagnostics(&unread));
        checked.diagnostics.extend(scenario_diagnostics(&parsed, options));
        diagnostic::sort(&mut checked.diagnostics);
    }
    checked.scenario = options.scenario.clone();
    checked.scenarios = scenarios;
    let map = source::SourceMap::new(source);
    subjects::of_blocks(&parsed.blocks, &mut checked.diagnostics);
    for d in &mut checked.diagnostics {
        d.position = d.span.map(|s| map.locate(s.start));
        for e in &mut d.edits {
            e.locate(&map);
        }
    }
    // Each repair as edits to this text, made from the change it was verified with (for the
    // plan itself: a scenario's repairs are said, not written into its lines).
    if let Some(f) = &mut checked.feasibility
        && options.scenario.is_none()
    {
        for c in &mut f.commitments {
            for (repair, change) in c.repairs.iter_mut().zip(&c.changes) {
                *repair.edits_mut() =
                    change.iter().flat_map(|ch| edits::edits_with(&checked.plan, source, &map, ch)).collect();
            }
        }
    }
    checked
}

/// The errors of every scenario's lines: each scenario applied, read and validated (not
/// decided), keeping the errors that point into its own block, and ids given to two scenarios.
fn scenario_diagnostics(parsed: &grammar::SourceFile, options: &Options) -> Vec<Diagnostic> {
    let mut out = scenario::duplicates(parsed);
    let quick = Options { solve: false, cancel: options.cancel.clone(), ..Options::default() };
    for (block, file, found) in scenario::applied(parsed) {
        let (lowered, more) = lower::lower(&file);
        let mut diagnostics = found;
        diagnostics.extend(more);
        let item_blocks: Vec<grammar::Span> =
            file.blocks.iter().filter(|b| b.kind == grammar::BlockKind::Item).map(|b| b.span).collect();
        let mut plan = lowered.plan;
        options.assume.apply(&mut plan);
        let checked = finish(plan, lowered.calendar, &lowered.incomplete, &item_blocks, diagnostics, &quick, None);
        out.extend(
            checked
                .diagnostics
                .into_iter()
                // Its errors: its warnings belong to a check of the scenario itself.
                .filter(|d| d.is_error() && d.span.is_some_and(|s| block.start <= s.start && s.start <= block.end)),
        );
    }
    out
}

/// The answer to a check of a scenario the file does not have: the plan as read, and E0704.
fn unknown_scenario(parsed: &grammar::SourceFile, id: &str, scenarios: Vec<Scenario>) -> Checked {
    let (lowered, _) = lower::lower(parsed);
    let names: Vec<String> = scenarios.iter().map(|s| format!("`{}`", s.id)).collect();
    let mut d = Diagnostic::new(codes::Code::E0704, format!("the file has no scenario `{id}`"), None);
    d = match grammar::did_you_mean(id, scenarios.iter().map(|s| s.id.as_str())) {
        Some(m) => d.with_help(format!("did you mean `{m}`?")),
        None if names.is_empty() => {
            d.with_help("the file has no scenarios; add one such as: scenario krap { team toegang people 8 }")
        }
        None => d.with_help(format!("the file's scenarios: {}", names.join(", "))),
    };
    Checked {
        plan: lowered.plan,
        calendar: None,
        capacity: None,
        diagnostics: vec![d],
        feasibility: None,
        cancelled: false,
        scenario: Some(id.to_string()),
        scenarios,
        reuse: None,
        reused: false,
    }
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
///
/// ```
/// use haalbaar::model::{Item, Period, Team};
/// use haalbaar::{Fixed, NaiveDate, Options, PlanBuilder, PlanVerdict, Threads};
///
/// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
/// let pi2 = Period::Pi { pi: 2, iteration: None };
/// let plan = PlanBuilder::new("Demo", start)
///     .team(Team::new("api").people(Fixed::from_int(4)))
///     .item(Item::new("login").team("api").effort(Fixed::from_int(40)).commit(pi2, false))
///     .plan();
/// let checked = haalbaar::check_plan_with(plan, &Options::default().threads(Threads::One));
/// assert_eq!(checked.verdict(), PlanVerdict::Feasible);
/// ```
pub fn check_plan_with(plan: Plan, options: &Options) -> Checked {
    check_built(plan, options, None)
}

/// [`recheck`] for a plan built in code: checks `plan` reusing what it can of `previous`,
/// with the answer [`check_plan_with`] gives.
///
/// ```
/// use haalbaar::model::{Item, Team};
/// use haalbaar::{Fixed, NaiveDate, Options, PlanBuilder};
///
/// let mut builder = PlanBuilder::new("Demo", NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date"))
///     .team(Team::new("api").people(Fixed::from_int(4)))
///     .item(Item::new("login").team("api").effort(Fixed::from_int(20)));
/// let first = haalbaar::check_plan(builder.clone().plan());
/// builder.item_mut("login").expect("the item").title = Some("Inloggen".into());
/// let again = haalbaar::recheck_plan(&first, builder.clone().plan(), &Options::default());
/// assert_eq!(again.diagnostics, haalbaar::check_plan(builder.plan()).diagnostics);
/// ```
pub fn recheck_plan(previous: &Checked, plan: Plan, options: &Options) -> Checked {
    check_built(plan, options, previous.reuse.as_deref())
}

fn check_built(mut plan: Plan, options: &Options, previous: Option<&Reuse>) -> Checked {
    options.assume.apply(&mut plan);
    let mut marked = plan.clone();
    let items = subjects::mark(&mut marked);
    // The checks lowering makes on the values of a file, made here on the model: a value the
    // language would reject gets the file's diagnostic. As in a file, an item whose values are
    // rejected is incomplete (its values dropped) and left out of the check, the rest checked;
    // a rejected value anywhere else (or an id the language rejects) stops the check.
    let mut diagnostics = values::check(&marked);
    let mut incomplete = std::collections::BTreeSet::new();
    let mut stops = false;
    for d in &diagnostics {
        match d.span.and_then(|s| items.iter().position(|b| *b == s)) {
            Some(k) if d.code != codes::Code::E0107 => {
                let item = &mut marked.items[k];
                incomplete.insert(item.id.clone());
                item.effort = None;
                item.max = None;
                item.wsjf = None;
                item.priority = None;
            }
            _ => stops = true,
        }
    }
    let calendar = match Calendar::new(&marked.settings) {
        _ if stops => None,
        Ok(c) => Some(c),
        Err(e) => {
            diagnostics.push(lower::calendar_error(e, &marked.settings, |_| subjects::plan_block()));
            None
        }
    };
    let mut checked = finish(marked, calendar, &incomplete, &items, diagnostics, options, previous);
    subjects::resolve(&checked.plan, &mut checked.diagnostics);
    // Edits are to text; a built plan has none (its spans were stand-ins).
    for d in &mut checked.diagnostics {
        d.edits.clear();
    }
    checked.plan = plan;
    checked
}

fn finish(
    mut plan: Plan,
    calendar: Option<Calendar>,
    incomplete: &std::collections::BTreeSet<String>,
    item_blocks: &[grammar::Span],
    mut diagnostics: Vec<Diagnostic>,
    options: &Options,
    previous: Option<&Reuse>,
) -> Checked {
    crate::model::split_milestone_dependencies(&mut plan);
    crate::model::expand_epic_dependencies(&mut plan);
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
    let (mut reuse, mut reused) = (None, false);
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
        {
            // The previous check's answer where the problem allows (see `solve::rank::reuse`).
            let previous = previous.filter(|r| r.budget == options.budget);
            let again = previous.and_then(|r| solve::rank::reuse(&r.solution, &problem));
            reused = again.is_some();
            // Else the parts a change does not reach are still taken over.
            let solution =
                again.unwrap_or_else(|| solve::rank::solve_reusing(&problem, options, previous.map(|r| &r.solution)));
            if !options.cancelled() {
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
                // A loan's answer carries over only with the rest of the previous answer.
                let before = previous.filter(|_| reused).map(|r| &r.loans[..]);
                let loans = loans(checked_plan, cal, &problem, &solution, options, before);
                found.extend(costly_loans(checked_plan, &problem, &loans));
                if !bad.is_empty() {
                    report.verdict = feasibility::PlanVerdict::Invalid;
                    left_out_notes = notes;
                }
                // A check cancelled while it decided the commitments has no verdict on them.
                cancelled = options.cancelled();
                if !cancelled {
                    diagnostics.extend(found);
                    feasibility = Some(report);
                    reuse = Some(std::sync::Arc::new(Reuse { solution, budget: options.budget, loans }));
                }
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
    Checked {
        plan,
        calendar,
        capacity,
        diagnostics,
        feasibility,
        cancelled,
        scenario: None,
        scenarios: Vec::new(),
        reuse,
        reused,
    }
}

/// The most loans a check takes out in turn to see whether the plan meets more without them.
pub const MAX_LOANS_TRIED: usize = 32;

/// The most team-iterations (teams × iterations of the horizon) a plan may have: every report
/// holds a figure per team per iteration, so this bounds what a check computes and writes.
pub const MAX_TEAM_ITERATIONS: usize = 200_000;

/// What taking out one loan does: the commitments the plan misses with it and meets without
/// it, and the capacity of the plan without it (what decides that; a re-check with the same
/// capacity without the loan has the same answer).
#[derive(Debug)]
struct Loan {
    /// The lending team and the loan's place in its `lend` lines.
    team: usize,
    lend: usize,
    without: std::sync::Arc<Vec<Vec<i64>>>,
    /// The statuses without the loan, in rank order, as far as they were decided.
    statuses: Vec<solve::rank::Status>,
    /// The missed commitments met without the loan.
    met_without: Vec<usize>,
}

/// For each loan (at most [`MAX_LOANS_TRIED`], the first in plan order), the commitments the
/// plan misses and meets without it. Only a loan whose lending team works on a missed
/// commitment can matter, so only those are tried; each is a walk of the plan without the
/// loan (statuses only) up to the last commitment it could change, or the previous check's
/// answer when the plan without it is the same.
fn loans(
    plan: &Plan,
    cal: &Calendar,
    problem: &solve::problem::Problem,
    solution: &solve::rank::Solution,
    options: &Options,
    previous: Option<&[Loan]>,
) -> Vec<Loan> {
    use solve::rank::Status;
    let mut out = Vec::new();
    let missed: Vec<usize> =
        solution.results.iter().filter(|r| r.status != Status::Met).map(|r| r.commitment).collect();
    if missed.is_empty() {
        return out;
    }
    // The teams each missed commitment needs work of.
    let needs: Vec<(usize, Vec<bool>)> = missed
        .iter()
        .map(|&c| {
            let com = &problem.commitments[c];
            let (needed, _) = solve::needs(
                problem,
                &[solve::Requirement { jobs: com.jobs.iter().copied().collect(), deadline: com.deadline }],
            );
            let mut teams = vec![false; problem.teams.len()];
            for (j, n) in needed.iter().enumerate() {
                if *n {
                    teams[problem.jobs[j].team] = true;
                }
            }
            (c, teams)
        })
        .collect();
    // Each loan to try: the plan without it, and the last commitment it could change.
    let mut tries = Vec::new();
    let loans = plan.teams.iter().enumerate().flat_map(|(t, team)| (0..team.lends.len()).map(move |k| (t, k)));
    for (t, k) in loans.take(MAX_LOANS_TRIED) {
        let candidates: Vec<usize> = needs.iter().filter(|(_, teams)| teams[t]).map(|(c, _)| *c).collect();
        let Some(&last) = candidates.last() else { continue };
        let mut without = plan.clone();
        without.teams[t].lends.remove(k);
        let cap = capacity::capacity(&without, cal);
        let Some(p) = solve::problem::Problem::new(&without, cal, &cap) else { continue };
        // The plan without this loan is the one a previous check walked: its statuses hold.
        let same = previous.and_then(|ls| {
            ls.iter().find(|l| l.team == t && l.lend == k && l.statuses.len() > last && *l.without == *p.team_cap)
        });
        tries.push((t, k, candidates, last, p, same.map(|l| l.statuses.clone())));
    }
    // The walks are independent: on several threads where the options allow.
    let walk = |(t, k, candidates, last, p, known): (
        usize,
        usize,
        Vec<usize>,
        usize,
        solve::problem::Problem,
        Option<Vec<Status>>,
    )| {
        let statuses = known.unwrap_or_else(|| solve::rank::statuses_upto(&p, last, options, Some(solution)));
        let met_without = candidates.into_iter().filter(|&c| statuses.get(c) == Some(&Status::Met)).collect();
        Loan { team: t, lend: k, without: p.team_cap.clone(), statuses, met_without }
    };
    let threads = if options.threads == Threads::Auto && !cfg!(target_arch = "wasm32") {
        std::thread::available_parallelism().map_or(1, |n| n.get()).min(tries.len())
    } else {
        1
    };
    if threads <= 1 {
        out.extend(tries.into_iter().map(walk));
    } else {
        // Loan i on thread i % threads; the answers put back in plan order.
        let mut lanes: Vec<Vec<_>> = (0..threads).map(|_| Vec::new()).collect();
        for (i, t) in tries.into_iter().enumerate() {
            lanes[i % threads].push((i, t));
        }
        let mut done: Vec<(usize, Loan)> = std::thread::scope(|scope| {
            let handles: Vec<_> = lanes
                .into_iter()
                .map(|lane| scope.spawn(move || lane.into_iter().map(|(i, t)| (i, walk(t))).collect::<Vec<_>>()))
                .collect();
            handles.into_iter().flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
        });
        done.sort_by_key(|(i, _)| *i);
        out.extend(done.into_iter().map(|(_, l)| l));
    }
    out
}

/// Loans that make the lending team miss a commitment it meets without them (see [`loans`]).
fn costly_loans(plan: &Plan, problem: &solve::problem::Problem, loans: &[Loan]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for l in loans {
        let (team, lend) = (&plan.teams[l.team], &plan.teams[l.team].lends[l.lend]);
        for &c in &l.met_without {
            let c = &problem.commitments[c];
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
    out
}
