//! The feasibility report: the solver's answer in the plan's words, ready to serialise
//! (the `verdict`, `commitments`, `schedule` and `load` of `haalbaar check --format json`),
//! and the diagnostics that point at each commitment that is not met.

use chrono::NaiveDate;
use serde::Serialize;

use crate::calendar::Calendar;
use crate::capacity::CapacityTable;
use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::edits::PlanChange;
use crate::fixed::Fixed;
use crate::solve::evidence::Evidence;
use crate::solve::problem::{CommitKind, Problem};
use crate::solve::rank::{Landing, Lateness, Solution, Status, Verdict};

pub(crate) use super::reason::{ends, fx, label, reason, ticks};

/// The report's answer for the plan as a whole: `invalid` when the file has errors.
///
/// ```
/// use haalbaar::PlanVerdict;
///
/// let ok = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\nitem a {\n  team api\n  effort 10\n  commit PI1\n}\n";
/// assert_eq!(haalbaar::check(ok).verdict(), PlanVerdict::Feasible);
/// // 60 days of work for one person before PI1 ends (40 working days): not met.
/// let late = ok.replace("people 4", "people 1").replace("effort 10", "effort 60");
/// assert_eq!(haalbaar::check(&late).verdict(), PlanVerdict::Infeasible);
/// // A file with errors has no verdict on its commitments.
/// assert_eq!(haalbaar::check(&ok.replace("team api\n  effort", "team apj\n  effort")).verdict(), PlanVerdict::Invalid);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum PlanVerdict {
    /// Every commitment is met.
    Feasible,
    /// At least one commitment is infeasible or in conflict.
    Infeasible,
    /// None fails, but at least one is not decided.
    Unknown,
    /// The plan has errors other than unmet commitments.
    Invalid,
    /// The check was stopped by its cancel flag ([`crate::Options::cancel`]) before it
    /// decided the commitments: no verdict, and the findings may be incomplete.
    Cancelled,
}

/// The word the JSON report uses: `feasible`, `infeasible`, `unknown`, `invalid`.
///
/// ```
/// assert_eq!(haalbaar::PlanVerdict::Invalid.to_string(), "invalid");
/// // Width and fill apply, for tables.
/// assert_eq!(format!("[{:<9}]", haalbaar::PlanVerdict::Feasible), "[feasible ]");
/// assert_eq!(format!("[{:>4}]", haalbaar::Fixed::from_int(30)), "[  30]");
/// ```
impl std::fmt::Display for PlanVerdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(match self {
            PlanVerdict::Feasible => "feasible",
            PlanVerdict::Infeasible => "infeasible",
            PlanVerdict::Unknown => "unknown",
            PlanVerdict::Invalid => "invalid",
            PlanVerdict::Cancelled => "cancelled",
        })
    }
}

/// Whether the commitments fit, with the evidence: each commitment's status and reason, the schedule, and each team's load.
///
/// ```
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  commit PI2\n}\n";
/// let checked = haalbaar::check(source);
/// let feasibility = checked.feasibility.expect("a plan without errors is decided");
/// assert_eq!(feasibility.verdict, haalbaar::PlanVerdict::Feasible);
/// assert_eq!(feasibility.commitments[0].item, "login");
/// assert_eq!(feasibility.schedule[0].item, "login");
/// // One team, one row of load per iteration.
/// assert_eq!((feasibility.load.len(), feasibility.load[0].iterations.len()), (1, 12));
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Feasibility {
    /// Not written: the report it is flattened into has the verdict already (one key, once).
    #[serde(skip)]
    pub verdict: PlanVerdict,
    /// The plan's status date (`as of`) when it has one: the check plans from that day on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<chrono::NaiveDate>,
    /// In rank order.
    pub commitments: Vec<CommitmentReport>,
    /// Every item's work per iteration in the schedule that meets what is met.
    pub schedule: Vec<ItemSchedule>,
    /// Each team's capacity and planned work per iteration.
    pub load: Vec<TeamLoad>,
}

/// Whose commitment it is: an item's (`commit` or `in` on an item) or an epic's (every item
/// of the epic).
///
/// ```
/// use haalbaar::report::feasibility::CommitmentKind;
///
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\nepic e {\n  commit PI2\n}\nitem a {\n  team api\n  epic e\n  effort 10\n}\n";
/// let feasibility = haalbaar::check(source).feasibility.expect("decided");
/// let commitment = &feasibility.commitments[0];
/// assert_eq!((commitment.item.as_str(), commitment.kind), ("e", CommitmentKind::Epic));
/// assert_eq!(commitment.kind.to_string(), "epic");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum CommitmentKind {
    /// An item's.
    Item,
    /// An epic's.
    Epic,
}

impl CommitmentKind {
    /// The public kind of the solver's commitment kind.
    pub(crate) fn of(kind: CommitKind) -> Self {
        match kind {
            CommitKind::Item => CommitmentKind::Item,
            CommitKind::Epic => CommitmentKind::Epic,
        }
    }
}

impl std::fmt::Display for CommitmentKind {
    /// `item` or `epic`, as in the JSON report.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(match self {
            CommitmentKind::Item => "item",
            CommitmentKind::Epic => "epic",
        })
    }
}

/// One commitment's answer.
///
/// ```
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  commit PI2\n}\n";
/// let feasibility = haalbaar::check(source).feasibility.expect("decided");
/// let login = &feasibility.commitments[0];
/// assert_eq!((login.item.as_str(), login.rank, login.hard), ("login", 1, false));
/// assert_eq!(login.status, haalbaar::Status::Met);
/// // `commit PI2` binds to PI2's last iteration (its IP iteration), ending on a Sunday.
/// assert_eq!(login.deadline, "PI2.5");
/// assert_eq!(login.deadline_date, haalbaar::NaiveDate::from_ymd_opt(2025, 5, 25).expect("a date"));
/// assert!(login.finish.is_some() && login.reason.is_none() && login.repairs.is_empty());
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CommitmentReport {
    /// The item's id, or the epic's id for an epic commitment.
    pub item: String,
    /// The item's or epic's title, to show beside its id.
    pub title: Option<String>,
    /// Whether the commitment is an item's or an epic's.
    pub kind: CommitmentKind,
    /// Its place in the rank order (1 first): hard first, then priority, WSJF, file order.
    pub rank: usize,
    /// Fixed by law or contract: repairs never move it.
    pub hard: bool,
    /// Met, infeasible, conflict or unknown.
    pub status: Status,
    /// The iteration the deadline binds to (`PI4.5`) and its last day.
    pub deadline: String,
    /// The last day of the deadline's iteration.
    pub deadline_date: NaiveDate,
    /// Met: the last iteration with work on it in the schedule. Not met: the earliest
    /// iteration it can be done by given every commitment ranked above it (kept late there,
    /// where the schedule finishes it); `null` when dropped or not decided.
    pub finish: Option<String>,
    /// The last day of `finish`.
    pub finish_date: Option<NaiveDate>,
    /// `false` when `finish` of a late commitment is only where it can be done for certain:
    /// whether it could be done earlier was not decided within the budget.
    pub finish_exact: bool,
    /// Not met and cannot be done inside the horizon given the commitments above it: it
    /// imposes nothing on the ones below.
    pub dropped: bool,
    /// For a commitment that is not met: where it is kept, in words.
    pub late: Option<String>,
    /// An `in PI` placement that did not hold: the item runs past its PI in the schedule.
    pub slipped: bool,
    /// Commitments above it whose answer is not exact (unknown, or a late finish not
    /// decided), that this answer assumes: met by their deadline, or done by their finish.
    pub assuming: Vec<String>,
    /// Why it is not met, as checkable arithmetic.
    pub reason: Option<Reason>,
    /// For a conflict: the commitments above it that it competes with.
    pub conflicts_with: Vec<String>,
    /// Each an alternative; applying one (its `edits`) and checking again meets the
    /// commitment.
    pub repairs: Vec<RepairReport>,
    /// The change each repair makes to the plan, in the order of `repairs` (its `edits` are
    /// made from it).
    #[serde(skip)]
    pub changes: Vec<Vec<PlanChange>>,
}

/// Why a commitment is not met, as checkable arithmetic.
///
/// ```
/// use haalbaar::Fixed;
/// use haalbaar::report::feasibility::Reason;
///
/// // One person (10 days an iteration) and 60 days of work by PI1, whose four planned
/// // iterations give 40.
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 1\n}\nitem big {\n  team api\n  effort 60\n  commit PI1\n}\n";
/// let feasibility = haalbaar::check(source).feasibility.expect("decided");
/// match &feasibility.commitments[0].reason {
///     Some(Reason::Capacity { team, required, capacity, shortfall, .. }) => {
///         assert_eq!(team, "api");
///         assert_eq!((*required, *capacity, *shortfall), (Fixed::from_int(60), Fixed::from_int(40), Fixed::from_int(20)));
///     }
///     other => panic!("not a capacity argument: {other:?}"),
/// }
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Reason {
    /// The chain is too long for its window.
    Chain {
        /// The reason in one sentence.
        text: String,
        /// The items of the chain, first to last, with their earliest start and finish.
        chain: Vec<ChainStep>,
        /// The iteration the chain must be done by.
        limit: String,
    },
    /// Work that must fall in a span of iterations exceeds the team's capacity there.
    Capacity {
        /// The reason in one sentence.
        text: String,
        /// The team short of capacity.
        team: String,
        /// The first iteration of the span.
        from: String,
        /// The last iteration of the span.
        to: String,
        /// The work that must fall inside the span, item by item.
        items: Vec<Share>,
        /// Their sum.
        required: Fixed,
        /// The team's plannable capacity in the span.
        capacity: Fixed,
        /// `required - capacity`.
        shortfall: Fixed,
    },
    /// Proved by exhaustive search.
    Search {
        /// The reason in one sentence.
        text: String,
        /// Search steps taken.
        steps: u64,
    },
    /// The engine could prove neither.
    Unknown {
        /// The reason in one sentence.
        text: String,
    },
    /// Its deadline lies before the status date (`as of`) and it was not met by then.
    Passed {
        /// The reason in one sentence.
        text: String,
        /// The iteration it was due by.
        deadline: String,
        /// The plan's status date.
        as_of: chrono::NaiveDate,
        /// When every item of it is finished (after the deadline): the iteration of the last.
        #[serde(skip_serializing_if = "Option::is_none")]
        finished: Option<String>,
    },
}

impl Reason {
    /// The reason in one sentence.
    ///
    /// ```
    /// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 1\n}\nitem big {\n  team api\n  effort 60\n  commit PI1\n}\n";
    /// let feasibility = haalbaar::check(source).feasibility.expect("decided");
    /// let reason = feasibility.commitments[0].reason.as_ref().expect("not met");
    /// assert!(reason.text().starts_with("team `api` is 20 days short"), "{}", reason.text());
    /// ```
    pub fn text(&self) -> &str {
        match self {
            Reason::Chain { text, .. }
            | Reason::Capacity { text, .. }
            | Reason::Search { text, .. }
            | Reason::Passed { text, .. }
            | Reason::Unknown { text } => text,
        }
    }
}

/// One item of a chain too long: when it can start and finish at the earliest.
///
/// ```
/// use haalbaar::report::feasibility::Reason;
///
/// // `b` waits for `a`, so it cannot be done in the first iteration.
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\nitem a {\n  team api\n  effort 10\n}\nitem b {\n  team api\n  effort 10\n  after a\n  commit PI1.1\n}\n";
/// let feasibility = haalbaar::check(source).feasibility.expect("decided");
/// let b = feasibility.commitments.iter().find(|c| c.item == "b").expect("b's commitment");
/// let Some(Reason::Chain { chain, limit, .. }) = &b.reason else { panic!("{:?}", b.reason) };
/// assert_eq!(limit, "PI1.1");
/// assert_eq!((chain[0].item.as_str(), chain[1].item.as_str()), ("a", "b"));
/// assert_eq!(chain[0].effort, haalbaar::Fixed::from_int(10));
/// assert_eq!((chain[0].earliest_start.as_str(), chain[0].lag_after), ("PI1.1", 0));
/// assert_eq!(chain[1].earliest_finish.as_deref(), Some("PI1.2"));
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChainStep {
    /// The item.
    pub item: String,
    /// Its likely effort.
    pub effort: Fixed,
    /// The earliest iteration it can start in.
    pub earliest_start: String,
    /// `None` when it cannot finish within the horizon.
    pub earliest_finish: Option<String>,
    /// Iterations of lag before the next item of the chain.
    pub lag_after: usize,
}

/// One item's part in a capacity argument.
///
/// ```
/// use haalbaar::report::feasibility::Reason;
///
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 1\n}\nitem big {\n  team api\n  effort 60\n  commit PI1\n}\n";
/// let feasibility = haalbaar::check(source).feasibility.expect("decided");
/// let Some(Reason::Capacity { items, .. }) = &feasibility.commitments[0].reason else { panic!("not capacity") };
/// // All of `big` must be done in the span: it may not start before PI1.1.
/// assert_eq!(items[0].item, "big");
/// assert_eq!(items[0].must, haalbaar::Fixed::from_int(60));
/// assert_eq!(items[0].earliest_start, "PI1.1");
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Share {
    /// The item.
    pub item: String,
    /// Work that must fall inside the span.
    pub must: Fixed,
    /// The earliest iteration it can start in.
    pub earliest_start: String,
    /// The latest iteration it can finish in for the commitment to be met.
    pub latest_finish: String,
}

pub use crate::repair_report::{RepairReport, ScopeCut, Unlink};

/// One item in the schedule.
///
/// ```
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  commit PI2\n}\n";
/// let feasibility = haalbaar::check(source).feasibility.expect("decided");
/// let login = &feasibility.schedule[0];
/// assert_eq!((login.item.as_str(), login.team.as_str(), login.committed), ("login", "api", true));
/// // Work is pulled as early as it goes: from the first iteration.
/// assert_eq!(login.start.as_deref(), Some("PI1.1"));
/// assert!(login.finish.is_some());
/// assert!(login.beyond_horizon.is_zero());
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ItemSchedule {
    /// The item.
    pub item: String,
    /// Its team.
    pub team: String,
    /// Needed by a kept commitment, met or late (else scheduled with what was left).
    pub committed: bool,
    /// Work per iteration, in calendar order (iterations without work left out).
    pub work: Vec<Work>,
    /// The first iteration with work.
    pub start: Option<String>,
    /// The last iteration with work.
    pub finish: Option<String>,
    /// Effort that does not fit in the horizon (0 when done).
    pub beyond_horizon: Fixed,
    /// Finished before the status date (`finished`, or nothing left): `finish` is the
    /// iteration it was finished in, and it has no work in the schedule.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub finished: bool,
}

/// Work on one item in one iteration.
///
/// ```
/// use haalbaar::Fixed;
///
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  commit PI2\n}\n";
/// let feasibility = haalbaar::check(source).feasibility.expect("decided");
/// let work = &feasibility.schedule[0].work;
/// assert_eq!(work[0].iteration, "PI1.1");
/// // The likely effort of `30..50` is 40, all of it scheduled.
/// assert_eq!(work.iter().map(|w| w.amount).sum::<Fixed>(), Fixed::from_int(40));
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Work {
    /// The iteration (`PI3.2`).
    pub iteration: String,
    /// In the plan's unit.
    pub amount: Fixed,
}

/// One team's load per iteration.
///
/// ```
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  commit PI2\n}\n";
/// let feasibility = haalbaar::check(source).feasibility.expect("decided");
/// let api = &feasibility.load[0];
/// assert_eq!(api.team, "api");
/// assert_eq!(api.iterations.len(), 12);
/// assert_eq!(api.iterations[0].iteration, "PI1.1");
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TeamLoad {
    /// The team.
    pub team: String,
    /// One per iteration, in calendar order.
    pub iterations: Vec<IterationLoad>,
}

/// A team's capacity and planned work in one iteration.
///
/// ```
/// use haalbaar::Fixed;
///
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  commit PI2\n}\n";
/// let feasibility = haalbaar::check(source).feasibility.expect("decided");
/// let iterations = &feasibility.load[0].iterations;
/// assert_eq!(iterations[0].capacity, Fixed::from_int(30));
/// assert!(iterations.iter().all(|i| i.planned <= i.capacity));
/// assert_eq!(iterations.iter().map(|i| i.planned).sum::<Fixed>(), Fixed::from_int(40));
/// // PI1.5 is the IP iteration: no capacity, so no percentage.
/// assert_eq!(iterations[4].percent, None);
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IterationLoad {
    /// The iteration (`PI3.2`).
    pub iteration: String,
    /// Plannable capacity (after `load`).
    pub capacity: Fixed,
    /// Work planned in the schedule.
    pub planned: Fixed,
    /// `planned / capacity` in percent; `None` without capacity.
    pub percent: Option<Fixed>,
}

/// Turns the solver's answer into the report and its diagnostics.
///
/// The solver's answer is internal to the crate; the check calls this function, and its
/// result is `Checked::feasibility` and the errors of the commitments that are not met:
///
/// ```
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 1\n}\nitem big {\n  team api\n  effort 60\n  commit PI1\n}\n";
/// let checked = haalbaar::check(source);
/// let report = checked.feasibility.as_ref().expect("decided");
/// assert_eq!(report.commitments[0].status, haalbaar::Status::Infeasible);
/// let e0601 = checked.diagnostics.iter().find(|d| d.code == haalbaar::Code::E0601).expect("an error");
/// assert!(e0601.message.starts_with("item `big` cannot be done by PI1.5"), "{}", e0601.message);
/// ```
pub fn report(
    p: &Problem,
    cal: &Calendar,
    cap: Option<&CapacityTable>,
    s: &Solution,
    unit: &str,
) -> (Feasibility, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut commitments = Vec::new();
    for (rank, r) in s.results.iter().enumerate() {
        let c = &p.commitments[r.commitment];
        let reason = match (&r.evidence, r.status) {
            (Some(e), _) => Some(reason(p, cal, e, unit)),
            (None, Status::Unknown) => Some(Reason::Unknown {
                text: "the engine could neither find a schedule nor prove that none exists within its step budget \
                       (`--budget` raises it)"
                    .into(),
            }),
            _ => None,
        };
        let conflicts_with: Vec<String> = r.conflicts_with.iter().map(|&m| p.commitments[m].label.clone()).collect();
        let mut changes: Vec<Vec<PlanChange>> = Vec::new();
        let mut repairs: Vec<RepairReport> = Vec::new();
        for (k, rep) in r.repairs.iter().enumerate() {
            let (report, change) = crate::repair_report::of(p, cal, cap, unit, r.commitment, rep);
            let mut report = report;
            if let Some(Some(hurt)) = r.worse.get(k) {
                report.add_worse(hurt.iter().map(|&m| p.commitments[m].label.clone()).collect());
            }
            repairs.push(report);
            changes.push(change);
        }
        let what = match c.kind {
            CommitKind::Item => format!("item `{}`", c.label),
            CommitKind::Epic => format!("epic `{}`", c.label),
        };
        let finished_late = matches!(r.evidence, Some(Evidence::Passed { finished: Some(_), .. }));
        let late = r.late.map(|l| match l {
            Lateness::At(d) if finished_late => format!("it was finished in {}", label(cal, d)),
            Lateness::At(d) => {
                format!("it can be done by {} at the earliest, given the commitments above it", label(cal, d))
            }
            Lateness::AtMost(d) => format!(
                "it can be done by {} given the commitments above it; whether earlier was not decided",
                label(cal, d)
            ),
            Lateness::Dropped => {
                "it cannot be done inside the horizon given the commitments above it, so it is dropped".to_string()
            }
            Lateness::Undecided => {
                "where it can be done given the commitments above it was not decided, so it is dropped".to_string()
            }
        });
        let assuming: Vec<String> = r.assuming.iter().map(|&m| p.commitments[m].label.clone()).collect();
        let assumed = r
            .assuming
            .iter()
            .map(|&m| match s.results.get(m).map(|x| (x.late, x.finish)) {
                Some((Some(Lateness::AtMost(d)), _) | (None, Some(d))) => {
                    format!("`{}` is done by {}", p.commitments[m].label, label(cal, d))
                }
                _ => format!("`{}` is dropped", p.commitments[m].label),
            })
            .collect::<Vec<_>>()
            .join(" and ");
        let slipped = c.slip.as_ref().is_some_and(|sl| s.slipped.contains(&sl.job)) && r.status != Status::Met;
        let late = late.map(|l| match l.strip_prefix("it can ") {
            Some(rest) if slipped => format!("it slips out of its PI and can {rest}"),
            _ => l,
        });
        let suffix = match (&late, assuming.is_empty()) {
            (Some(l), true) => format!("; {l}"),
            (Some(l), false) => format!("; {l} (assuming {assumed})"),
            (None, false) => format!(" (assuming {assumed})"),
            (None, true) => String::new(),
        };
        let d = match r.status {
            Status::Met => None,
            Status::Infeasible => Some(Diagnostic::new(
                Code::E0601,
                format!("{what} cannot be done by {}{suffix}", label(cal, c.deadline)),
                c.span,
            )),
            Status::Conflict => Some(Diagnostic::new(
                Code::E0602,
                format!(
                    "{what} cannot be done by {} together with {}{suffix}",
                    label(cal, c.deadline),
                    ticks(&conflicts_with)
                ),
                c.span,
            )),
            Status::Unknown => Some(Diagnostic::new(
                Code::W0601,
                format!("whether {what} can be done by {} is undecided{suffix}", label(cal, c.deadline)),
                c.span,
            )),
        };
        if let Some(mut d) = d {
            if let Some(reason) = &reason {
                d = d.with_label(reason.text().to_string());
            }
            let help: Vec<&str> = repairs.iter().map(RepairReport::text).collect();
            if !help.is_empty() {
                // One repair per line: each is an alternative.
                d = d.with_help(help.join("\nor "));
            }
            diags.push(d);
        }
        commitments.push(CommitmentReport {
            item: c.label.clone(),
            title: None,
            kind: CommitmentKind::of(c.kind),
            rank: rank + 1,
            hard: c.hard,
            status: r.status,
            deadline: label(cal, c.deadline),
            deadline_date: ends(cal, c.deadline),
            finish: r.finish.map(|f| label(cal, f)),
            finish_date: r.finish.map(|f| ends(cal, f)),
            finish_exact: !matches!(r.late, Some(Lateness::AtMost(_) | Lateness::Undecided)),
            dropped: matches!(r.late, Some(Lateness::Dropped | Lateness::Undecided)),
            late,
            slipped,
            assuming,
            reason,
            conflicts_with,
            repairs,
            changes,
        });
    }
    let needed = &s.needed;
    let schedule = p
        .jobs
        .iter()
        .enumerate()
        .map(|(j, job)| ItemSchedule {
            item: p.id(j).to_string(),
            team: p.teams[job.team].clone(),
            committed: needed[j],
            work: s.schedule.work[j]
                .iter()
                .enumerate()
                .filter(|(_, w)| **w > 0)
                .map(|(t, w)| Work { iteration: label(cal, t), amount: fx(*w) })
                .collect(),
            start: s.schedule.start(j).map(|t| label(cal, t)),
            finish: match s.landing[j] {
                Landing::Done { finish, .. } => Some(label(cal, finish)),
                Landing::Beyond { .. } => None,
            },
            beyond_horizon: match s.landing[j] {
                Landing::Done { .. } => Fixed::ZERO,
                Landing::Beyond { left } => fx(left),
            },
            finished: job.finished.is_some(),
        })
        .collect();
    // Planned work per team and iteration, in one pass over the schedule.
    let mut planned_by = vec![vec![0i64; p.iterations]; p.teams.len()];
    for (j, row) in s.schedule.work.iter().enumerate() {
        for (t, w) in row.iter().enumerate() {
            planned_by[p.jobs[j].team][t] += w;
        }
    }
    let load = p
        .teams
        .iter()
        .enumerate()
        .map(|(team, id)| TeamLoad {
            team: id.clone(),
            iterations: (0..p.iterations)
                .map(|t| {
                    let planned = planned_by[team][t];
                    let capacity = p.team_cap[team][t];
                    IterationLoad {
                        iteration: label(cal, t),
                        capacity: fx(capacity),
                        planned: fx(planned),
                        percent: (capacity > 0)
                            .then(|| fx(planned).mul_div(100 * crate::fixed::SCALE, capacity).unwrap_or_default()),
                    }
                })
                .collect(),
        })
        .collect();
    let verdict = match s.verdict {
        Verdict::Feasible => PlanVerdict::Feasible,
        Verdict::Infeasible => PlanVerdict::Infeasible,
        Verdict::Unknown => PlanVerdict::Unknown,
    };
    let as_of = cal.status.map(|s| s.date);
    (Feasibility { verdict, as_of, commitments, schedule, load }, diags)
}

/// Warnings for uncommitted items that miss their `target` in the schedule.
///
/// The check calls it with the solver's answer (internal to the crate); its warnings are in
/// `Checked::diagnostics`:
///
/// ```
/// // 60 days of work for one person cannot be done by PI1 (40 working days).
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 1\n}\nitem big {\n  team api\n  effort 60\n  target PI1\n}\n";
/// let checked = haalbaar::check(source);
/// let w = checked.diagnostics.iter().find(|d| d.code == haalbaar::Code::W0507).expect("a missed target");
/// assert!(w.message.starts_with("item `big` misses its target PI1.5"), "{}", w.message);
/// // A target is not a commitment: the plan stays feasible.
/// assert_eq!(checked.verdict(), haalbaar::PlanVerdict::Feasible);
/// ```
pub fn missed_targets(plan: &crate::Plan, cal: &Calendar, s: &Solution) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (j, item) in plan.items.iter().enumerate() {
        let Some(target) = &item.target else { continue };
        let Ok(by) = cal.deadline(&target.value) else { continue };
        let message = match s.landing.get(j) {
            Some(Landing::Done { finish, .. }) if *finish <= by => continue,
            Some(Landing::Done { finish, .. }) => format!(
                "item `{}` misses its target {}: it finishes in {}",
                item.id,
                label(cal, by),
                label(cal, *finish)
            ),
            _ => format!(
                "item `{}` misses its target {}: it does not finish within the horizon",
                item.id,
                label(cal, by)
            ),
        };
        out.push(
            Diagnostic::new(Code::W0507, message, target.loc.0)
                .with_help("give it a higher `priority`, commit to it, or move the target"),
        );
    }
    out
}

/// Warnings for `in PIx` placements that do not fit: how loaded the team's placement would
/// be if the board kept the whole item there.
///
/// The check calls it with the solver's answer (internal to the crate); its warnings are in
/// `Checked::diagnostics`:
///
/// ```
/// // 60 days of work for one person placed in PI1, whose planned iterations give 40.
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 1\n}\nitem big {\n  team api\n  effort 60\n  in PI1\n}\n";
/// let checked = haalbaar::check(source);
/// let w = checked.diagnostics.iter().find(|d| d.code == haalbaar::Code::W0509).expect("an overloaded placement");
/// assert!(w.message.starts_with("`big` does not fit in its placement"), "{}", w.message);
/// ```
pub fn overloaded_placements(plan: &crate::Plan, cal: &Calendar, p: &Problem, s: &Solution) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (j, item) in plan.items.iter().enumerate() {
        let Some(placed) = &item.placed else { continue };
        let Ok(range) = cal.range(&placed.value.0, &placed.value.1) else { continue };
        // A placement that ended before the status date has W0513 instead.
        if cal.status.is_some_and(|st| *range.end() < st.iteration) {
            continue;
        }
        let Some(job) = p.jobs.get(j) else { continue };
        let inside: i64 = range.clone().map(|t| s.schedule.get(j, t)).sum();
        let left = job.effort - inside;
        if left <= 0 {
            continue;
        }
        let team = job.team;
        let capacity: i64 = range.clone().map(|t| p.team_cap[team][t]).sum();
        let planned: i64 = (0..p.jobs.len())
            .filter(|&k| p.jobs[k].team == team)
            .map(|k| range.clone().map(|t| s.schedule.get(k, t)).sum::<i64>())
            .sum();
        let span = if range.start() == range.end() {
            label(cal, *range.start())
        } else {
            format!("{}–{}", label(cal, *range.start()), label(cal, *range.end()))
        };
        let load = match fx(planned + left).mul_div(100 * crate::fixed::SCALE, capacity.max(1)) {
            Some(pct) if capacity > 0 => format!("{}%", pct.trunc()),
            _ => "more than it has".into(),
        };
        out.push(
            Diagnostic::new(
                Code::W0509,
                format!(
                    "`{}` does not fit in its placement: it would load team `{}` to {load} of its plannable capacity in {span}",
                    item.id, p.teams[team]
                ),
                placed.loc.0,
            )
            .with_label(format!("{} of its {} cannot be done here", fx(left), fx(job.effort)))
            .with_help("split the item over PIs, place it later, or move other work out of this PI"),
        );
    }
    out
}
