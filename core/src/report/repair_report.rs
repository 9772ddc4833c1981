//! Repairs as the report gives them: what to change in words, as data and (once the check has
//! the file's text) as edits, made from the solver's [`Repair`] and the change it was verified
//! with.

use chrono::NaiveDate;
use serde::Serialize;

use crate::calendar::Calendar;
use crate::capacity::CapacityTable;
use crate::edits::{Edit, PlanChange};
use crate::feasibility::{CommitmentKind, ends, fx, label};
use crate::fixed::Fixed;
use crate::solve::problem::Problem;
use crate::solve::rank::Repair;

/// A repair: what to change, in words (`text`), as data, and as edits to the file's text;
/// `worse`: the other commitments it makes worse (met ones no longer met, late ones later or
/// dropped); `None` where the engine did not check (past its allowance on a large plan).
///
/// ```
/// use haalbaar::Fixed;
/// use haalbaar::report::feasibility::RepairReport;
///
/// // One person (10 days an iteration) and 60 days of work by PI1, whose four planned
/// // iterations give 40: 20 short.
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 1\n}\nitem big {\n  team api\n  effort 60\n  commit PI1\n}\n";
/// let feasibility = haalbaar::check(source).feasibility.expect("decided");
/// let repairs = &feasibility.commitments[0].repairs;
/// assert!(repairs.iter().any(|r| matches!(r, RepairReport::Deadline { iteration, .. } if iteration == "PI2.2")));
/// assert!(repairs.iter().any(|r| matches!(r, RepairReport::Capacity { amount, .. } if *amount == Fixed::from_int(20))));
/// assert!(repairs.iter().any(|r| matches!(r, RepairReport::PiCapacity { pi, amount, .. } if pi == "PI1" && *amount == Fixed::from_int(20))));
/// assert!(repairs.iter().any(|r| matches!(r, RepairReport::Scope { item, effort, .. } if item == "big" && *effort == Fixed::from_int(40))));
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum RepairReport {
    /// Commit to the end of `iteration` instead: the earliest it can be met.
    Deadline {
        /// The repair in one sentence.
        text: String,
        /// The iteration (`PI3.2`).
        iteration: String,
        /// Its last day.
        date: NaiveDate,
        /// The edits to the checked text that make it (empty for a plan built in code).
        edits: Vec<Edit>,
        /// The other commitments it makes worse; `None` where the engine did not check.
        worse: Option<Vec<String>>,
    },
    /// `capacity ITERATION +AMOUNT` for `team`: the least whole amount (in the plan's unit,
    /// before `load`) that meets it; `people`: about how many FTE that is for the iteration.
    Capacity {
        /// The repair in one sentence.
        text: String,
        /// The team.
        team: String,
        /// The iteration (`PI3.2`).
        iteration: String,
        /// The least whole amount to add, in the plan's unit, before `load`.
        amount: Fixed,
        /// About how many FTE that is.
        people: Option<Fixed>,
        /// The edits to the checked text that make it (empty for a plan built in code).
        edits: Vec<Edit>,
        /// The other commitments it makes worse; `None` where the engine did not check.
        worse: Option<Vec<String>>,
    },
    /// `capacity PI +AMOUNT` for `team`: the least whole amount spread over the PI's planned
    /// iterations (as the plan spreads `capacity PIx +N`) that meets it; `people`: about how
    /// many FTE that is through the PI.
    PiCapacity {
        /// The repair in one sentence.
        text: String,
        /// The team.
        team: String,
        /// The PI (`PI2`).
        pi: String,
        /// The least whole amount to add, in the plan's unit, before `load`.
        amount: Fixed,
        /// About how many FTE that is.
        people: Option<Fixed>,
        /// The edits to the checked text that make it (empty for a plan built in code).
        edits: Vec<Edit>,
        /// The other commitments it makes worse; `None` where the engine did not check.
        worse: Option<Vec<String>>,
    },
    /// Move the (non-hard) commitment `commitment` it competes with to the end of `to`.
    Defer {
        /// The repair in one sentence.
        text: String,
        /// The commitment to move.
        commitment: String,
        /// The iteration to move it to.
        to: String,
        /// Its last day.
        date: NaiveDate,
        /// The edits to the checked text that make it (empty for a plan built in code).
        edits: Vec<Edit>,
        /// The other commitments it makes worse; `None` where the engine did not check.
        worse: Option<Vec<String>>,
    },
    /// Lower `item`'s effort by `by` (every figure of its range), to `effort` likely.
    Scope {
        /// The repair in one sentence.
        text: String,
        /// The item.
        item: String,
        /// How much to cut.
        by: Fixed,
        /// Its likely effort after the cut.
        effort: Fixed,
        /// The edits to the checked text that make it (empty for a plan built in code).
        edits: Vec<Edit>,
        /// The other commitments it makes worse; `None` where the engine did not check.
        worse: Option<Vec<String>>,
    },
    /// Lower several items' efforts together (a chain no one item's cut shortens enough):
    /// each cut is the least that works with the others made.
    ChainScope {
        /// The repair in one sentence.
        text: String,
        /// Each item's cut.
        items: Vec<ScopeCut>,
        /// The edits to the checked text that make it (empty for a plan built in code).
        edits: Vec<Edit>,
        /// The other commitments it makes worse; `None` where the engine did not check.
        worse: Option<Vec<String>>,
    },
    /// Each link: `item` no longer waits for `after` (as few links of the chain as work).
    Dependency {
        /// The repair in one sentence.
        text: String,
        /// The `after`s to remove.
        links: Vec<Unlink>,
        /// The edits to the checked text that make it (empty for a plan built in code).
        edits: Vec<Edit>,
        /// The other commitments it makes worse; `None` where the engine did not check.
        worse: Option<Vec<String>>,
    },
}

/// The fields every kind of repair has, `(text, edits, worse)`, by reference (shared or
/// mutable, as `$repair` is): one list of the kinds for every accessor.
macro_rules! repair_parts {
    ($repair:expr) => {
        match $repair {
            RepairReport::Deadline { text, edits, worse, .. }
            | RepairReport::Capacity { text, edits, worse, .. }
            | RepairReport::PiCapacity { text, edits, worse, .. }
            | RepairReport::Defer { text, edits, worse, .. }
            | RepairReport::Scope { text, edits, worse, .. }
            | RepairReport::ChainScope { text, edits, worse, .. }
            | RepairReport::Dependency { text, edits, worse, .. } => (text, edits, worse),
        }
    };
}

impl RepairReport {
    /// The repair in one sentence.
    ///
    /// ```
    /// use haalbaar::report::feasibility::RepairReport;
    ///
    /// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 1\n}\nitem big {\n  team api\n  effort 60\n  commit PI1\n}\n";
    /// let feasibility = haalbaar::check(source).feasibility.expect("decided");
    /// let repairs = &feasibility.commitments[0].repairs;
    /// let deadline = repairs.iter().find(|r| matches!(r, RepairReport::Deadline { .. })).expect("a new deadline");
    /// // PI2.2 ends on 2025-04-13.
    /// assert!(deadline.text().starts_with("commit to PI2.2 (ends 2025-04-13)"), "{}", deadline.text());
    /// ```
    pub fn text(&self) -> &str {
        repair_parts!(self).0
    }

    /// The other commitments this repair makes worse (empty where the engine did not check:
    /// see [`RepairReport::worse_checked`]).
    ///
    /// ```
    /// use haalbaar::report::feasibility::RepairReport;
    ///
    /// // `a` and `b` do not both fit in PI1: `b`, ranked below, is in conflict.
    /// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\nitem a {\n  team api\n  effort 100\n  commit PI1\n}\nitem b {\n  team api\n  effort 100\n  commit PI1\n}\n";
    /// let feasibility = haalbaar::check(source).feasibility.expect("decided");
    /// let b = &feasibility.commitments[1];
    /// assert_eq!(b.status, haalbaar::Status::Conflict);
    /// // Moving `a` later meets `b`, and `a` itself is still met by its new deadline.
    /// let defer = b.repairs.iter().find(|r| matches!(r, RepairReport::Defer { .. })).expect("a defer repair");
    /// assert!(defer.worse_checked());
    /// assert!(defer.worse().is_empty());
    /// ```
    pub fn worse(&self) -> &[String] {
        repair_parts!(self).2.as_deref().unwrap_or(&[])
    }

    /// Whether the engine checked what this repair does to the other commitments.
    ///
    /// ```
    /// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 1\n}\nitem big {\n  team api\n  effort 60\n  commit PI1\n}\n";
    /// let feasibility = haalbaar::check(source).feasibility.expect("decided");
    /// // A small plan: every repair is checked against the other commitments (here, none).
    /// for repair in &feasibility.commitments[0].repairs {
    ///     assert!(repair.worse_checked());
    ///     assert!(repair.worse().is_empty());
    /// }
    /// ```
    pub fn worse_checked(&self) -> bool {
        repair_parts!(self).2.is_some()
    }

    /// The edits to the checked file's text that make this repair.
    ///
    /// ```
    /// use haalbaar::report::edits::apply;
    ///
    /// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 1\n}\nitem big {\n  team api\n  effort 60\n  commit PI1\n}\n";
    /// let feasibility = haalbaar::check(source).feasibility.expect("decided");
    /// for repair in &feasibility.commitments[0].repairs {
    ///     // Each repair, applied to the text, gives a plan whose commitment is met.
    ///     let repaired = apply(source, repair.edits());
    ///     assert_ne!(repaired, source);
    ///     assert_eq!(haalbaar::check(&repaired).verdict(), haalbaar::PlanVerdict::Feasible, "{}", repair.text());
    /// }
    /// ```
    pub fn edits(&self) -> &[Edit] {
        repair_parts!(self).1
    }

    /// Notes the commitments this repair makes worse (none: checked, none found), in the
    /// data and in its text.
    pub(crate) fn add_worse(&mut self, ids: Vec<String>) {
        let (text, _, worse) = repair_parts!(self);
        if !ids.is_empty() {
            let names: Vec<String> = ids.iter().map(|x| format!("`{x}`")).collect();
            text.push_str(&format!(" (but it makes {} worse)", names.join(", ")));
        }
        *worse = Some(ids);
    }

    pub(crate) fn text_mut(&mut self) -> &mut String {
        repair_parts!(self).0
    }

    pub(crate) fn edits_mut(&mut self) -> &mut Vec<Edit> {
        repair_parts!(self).1
    }
}

/// One item's cut in a chain scope repair: lower `item`'s effort by `by`, to `effort` likely.
///
/// ```
/// use haalbaar::Fixed;
/// use haalbaar::report::feasibility::RepairReport;
///
/// // `b` waits for `a`; both take two iterations of 40, and `b` is due by PI1.2. No one
/// // item's cut is enough: both must fit in one iteration.
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\nitem a {\n  team api\n  effort 60\n}\nitem b {\n  team api\n  effort 60\n  after a\n  commit PI1.2\n}\n";
/// let feasibility = haalbaar::check(source).feasibility.expect("decided");
/// let b = feasibility.commitments.iter().find(|c| c.item == "b").expect("b's commitment");
/// let cuts = b.repairs.iter().find_map(|r| match r {
///     RepairReport::ChainScope { items, .. } => Some(items),
///     _ => None,
/// });
/// let cuts = cuts.expect("a chain scope repair");
/// assert_eq!(cuts.len(), 2);
/// assert!(cuts.iter().all(|c| c.by == Fixed::from_int(20) && c.effort == Fixed::from_int(40)));
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ScopeCut {
    /// The item.
    pub item: String,
    /// How much to cut.
    pub by: Fixed,
    /// Its likely effort after the cut.
    pub effort: Fixed,
}

/// One `after` a dependency repair removes: `item` no longer waits for `after`.
///
/// ```
/// use haalbaar::report::feasibility::RepairReport;
///
/// // `b` waits for `a`, so it cannot be done in the first iteration; without the wait it can.
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\nitem a {\n  team api\n  effort 10\n}\nitem b {\n  team api\n  effort 10\n  after a\n  commit PI1.1\n}\n";
/// let feasibility = haalbaar::check(source).feasibility.expect("decided");
/// let b = feasibility.commitments.iter().find(|c| c.item == "b").expect("b's commitment");
/// let links = b.repairs.iter().find_map(|r| match r {
///     RepairReport::Dependency { links, .. } => Some(links),
///     _ => None,
/// });
/// let links = links.expect("a dependency repair");
/// assert_eq!((links[0].item.as_str(), links[0].after.as_str()), ("b", "a"));
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Unlink {
    /// The item that waits.
    pub item: String,
    /// The item it no longer waits for.
    pub after: String,
}

/// About how many people `amount` of capacity is for team `team` in iteration `t`, to a
/// tenth: the amount over what one person gives there (`None` without people).
fn people_for(cap: &CapacityTable, team: usize, t: usize, amount: i64) -> Option<Fixed> {
    let cell = cap.teams.get(team)?.iterations.get(t)?;
    let fte = cell.fte?.millis();
    let capacity = (cell.capacity - cell.adjustment).millis();
    if fte <= 0 || capacity <= 0 {
        return None;
    }
    let people = i128::from(amount) * i128::from(fte) / i128::from(capacity);
    let tenths = (people + 50) / 100 * 100;
    Some(Fixed::from_millis(i64::try_from(tenths.max(100)).ok()?))
}

/// About how many people `amount` of capacity is for team `team` through the iterations
/// `over` (a PI's), to a tenth: the amount over what one person gives in all of them.
fn people_through(cap: &CapacityTable, team: usize, over: &[usize], amount: i64) -> Option<Fixed> {
    let mut per_person: i128 = 0;
    for &t in over {
        let Some(cell) = cap.teams.get(team)?.iterations.get(t) else { continue };
        let fte = cell.fte?.millis();
        let capacity = (cell.capacity - cell.adjustment).millis();
        if fte > 0 && capacity > 0 {
            // Thousandths of the unit per person, to a millionth of a unit.
            per_person += i128::from(capacity) * 1000 / i128::from(fte);
        }
    }
    if per_person <= 0 {
        return None;
    }
    let people = i128::from(amount) * 1000 / per_person;
    let tenths = (people + 50) / 100 * 100;
    Some(Fixed::from_millis(i64::try_from(tenths.max(100)).ok()?))
}

/// The report of repair `rep` of commitment `owner` (its index in `p.commitments`), with the
/// plan changes it makes (from which the edits are made).
pub(crate) fn of(
    p: &Problem,
    cal: &Calendar,
    cap: Option<&CapacityTable>,
    unit: &str,
    owner: usize,
    rep: &Repair,
) -> (RepairReport, Vec<PlanChange>) {
    let commit_at = |owner: usize, t: usize| PlanChange::Commit {
        owner: p.commitments[owner].label.clone(),
        kind: CommitmentKind::of(p.commitments[owner].kind),
        pi: cal.iterations.get(t).map_or(0, |i| i.pi),
        iteration: cal.iterations.get(t).map_or(0, |i| i.number),
        hard: p.commitments[owner].hard,
    };
    match *rep {
        Repair::Deadline { iteration } => (
            RepairReport::Deadline {
                text: format!(
                    "commit to {} (ends {}): the earliest it can be met",
                    label(cal, iteration),
                    ends(cal, iteration)
                ),
                iteration: label(cal, iteration),
                date: ends(cal, iteration),
                edits: Vec::new(),
                worse: None,
            },
            vec![commit_at(owner, iteration)],
        ),
        Repair::Capacity { team, iteration, amount } => {
            let at = label(cal, iteration);
            let people = cap.and_then(|cap| people_for(cap, team, iteration, amount));
            let about = people.map_or(String::new(), |n| format!(": about {n} FTE for that iteration"));
            (
                RepairReport::Capacity {
                    text: format!(
                        "add {} {unit} to team `{}` in {at} (`capacity {at} +{}`){about}",
                        fx(amount),
                        p.teams[team],
                        fx(amount)
                    ),
                    team: p.teams[team].clone(),
                    iteration: at,
                    amount: fx(amount),
                    people,
                    edits: Vec::new(),
                    worse: None,
                },
                vec![PlanChange::Capacity {
                    team: p.teams[team].clone(),
                    pi: cal.iterations.get(iteration).map_or(0, |i| i.pi),
                    iteration: cal.iterations.get(iteration).map_or(0, |i| i.number),
                    delta: amount,
                }],
            )
        }
        Repair::PiCapacity { team, pi, amount } => {
            let over: Vec<usize> = p
                .spread
                .get(team)
                .and_then(|s| s.get(pi))
                .map_or_else(Vec::new, |v| v.iter().copied().filter(|&t| t < cal.len()).collect());
            let people = cap.and_then(|cap| people_through(cap, team, &over, amount));
            let at = format!("PI{}", pi + 1);
            let about = people.map_or(String::new(), |n| format!(": about {n} FTE through {at}"));
            (
                RepairReport::PiCapacity {
                    text: format!(
                        "add {} {unit} to team `{}` over {at} (`capacity {at} +{}`){about}",
                        fx(amount),
                        p.teams[team],
                        fx(amount)
                    ),
                    team: p.teams[team].clone(),
                    pi: at,
                    amount: fx(amount),
                    people,
                    edits: Vec::new(),
                    worse: None,
                },
                vec![PlanChange::PiCapacity { team: p.teams[team].clone(), pi: pi as u32 + 1, delta: amount }],
            )
        }
        Repair::Defer { commitment, to } => (
            RepairReport::Defer {
                text: format!(
                    "defer `{}` from {} to {} (ends {})",
                    p.commitments[commitment].label,
                    label(cal, p.commitments[commitment].deadline),
                    label(cal, to),
                    ends(cal, to)
                ),
                commitment: p.commitments[commitment].label.clone(),
                to: label(cal, to),
                date: ends(cal, to),
                edits: Vec::new(),
                worse: None,
            },
            vec![commit_at(commitment, to)],
        ),
        Repair::Scope { job, by } => (
            RepairReport::Scope {
                text: format!(
                    "cut the effort of `{}` by {} {unit} (to {})",
                    p.id(job),
                    fx(by),
                    fx(p.jobs[job].effort - by)
                ),
                item: p.id(job).to_string(),
                by: fx(by),
                effort: fx(p.jobs[job].effort - by),
                edits: Vec::new(),
                worse: None,
            },
            vec![PlanChange::Effort { item: p.id(job).to_string(), by }],
        ),
        Repair::ChainScope { ref cuts } => (
            RepairReport::ChainScope {
                text: format!(
                    "cut these efforts together: {}",
                    cuts.iter()
                        .map(|&(job, by)| format!(
                            "`{}` by {} {unit} (to {})",
                            p.id(job),
                            fx(by),
                            fx(p.jobs[job].effort - by)
                        ))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                items: cuts
                    .iter()
                    .map(|&(job, by)| ScopeCut {
                        item: p.id(job).to_string(),
                        by: fx(by),
                        effort: fx(p.jobs[job].effort - by),
                    })
                    .collect(),
                edits: Vec::new(),
                worse: None,
            },
            cuts.iter().map(|&(job, by)| PlanChange::Effort { item: p.id(job).to_string(), by }).collect(),
        ),
        Repair::Dependency { ref links } => (
            RepairReport::Dependency {
                text: {
                    // One clause per item, naming everything it stops waiting for.
                    let mut clauses: Vec<(usize, Vec<String>)> = Vec::new();
                    for &(job, after) in links {
                        let waits = format!("`{}`", p.id(after));
                        match clauses.iter_mut().find(|(j, _)| *j == job) {
                            Some((_, list)) => list.push(waits),
                            None => clauses.push((job, vec![waits])),
                        }
                    }
                    clauses
                        .iter()
                        .map(|(job, list)| {
                            format!("let `{}` start without waiting for {}", p.id(*job), list.join(" and "))
                        })
                        .collect::<Vec<_>>()
                        .join(", and ")
                },
                links: links
                    .iter()
                    .map(|&(job, after)| Unlink { item: p.id(job).to_string(), after: p.id(after).to_string() })
                    .collect(),
                edits: Vec::new(),
                worse: None,
            },
            links
                .iter()
                .map(|&(job, after)| PlanChange::RemoveAfter {
                    item: p.id(job).to_string(),
                    after: p.id(after).to_string(),
                })
                .collect(),
        ),
    }
}
