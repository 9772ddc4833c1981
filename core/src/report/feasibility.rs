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

/// The report's answer for the plan as a whole: `invalid` when the file has errors.
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
}

/// The word the JSON report uses: `feasible`, `infeasible`, `unknown`, `invalid`.
///
/// ```
/// assert_eq!(haalbaar::PlanVerdict::Invalid.to_string(), "invalid");
/// ```
impl std::fmt::Display for PlanVerdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            PlanVerdict::Feasible => "feasible",
            PlanVerdict::Infeasible => "infeasible",
            PlanVerdict::Unknown => "unknown",
            PlanVerdict::Invalid => "invalid",
        })
    }
}

/// Whether the commitments fit, with the evidence: each commitment's status and reason, the schedule, and each team's load.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Feasibility {
    /// Not written: the report it is flattened into has the verdict already (one key, once).
    #[serde(skip)]
    pub verdict: PlanVerdict,
    /// In rank order.
    pub commitments: Vec<CommitmentReport>,
    /// Every item's work per iteration in the schedule that meets what is met.
    pub schedule: Vec<ItemSchedule>,
    /// Each team's capacity and planned work per iteration.
    pub load: Vec<TeamLoad>,
}

/// Whose commitment it is: an item's (`commit` or `in` on an item) or an epic's (every item
/// of the epic).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
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
        f.write_str(match self {
            CommitmentKind::Item => "item",
            CommitmentKind::Epic => "epic",
        })
    }
}

/// One commitment's answer.
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
}

impl Reason {
    /// The reason in one sentence.
    pub fn text(&self) -> &str {
        match self {
            Reason::Chain { text, .. }
            | Reason::Capacity { text, .. }
            | Reason::Search { text, .. }
            | Reason::Unknown { text } => text,
        }
    }
}

/// One item of a chain too long: when it can start and finish at the earliest.
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
}

/// Work on one item in one iteration.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Work {
    /// The iteration (`PI3.2`).
    pub iteration: String,
    /// In the plan's unit.
    pub amount: Fixed,
}

/// One team's load per iteration.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TeamLoad {
    /// The team.
    pub team: String,
    /// One per iteration, in calendar order.
    pub iterations: Vec<IterationLoad>,
}

/// A team's capacity and planned work in one iteration.
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

pub(crate) fn label(cal: &Calendar, t: usize) -> String {
    cal.iterations.get(t).map_or_else(|| format!("#{t}"), |i| i.label())
}

pub(crate) fn ends(cal: &Calendar, t: usize) -> NaiveDate {
    cal.iterations.get(t).map_or(cal.last_day, |i| i.end)
}

pub(crate) fn fx(m: i64) -> Fixed {
    Fixed::from_millis(m)
}

fn ticks(ids: &[String]) -> String {
    ids.iter().map(|x| format!("`{x}`")).collect::<Vec<_>>().join(", ")
}

fn names(p: &Problem, jobs: impl IntoIterator<Item = usize>) -> String {
    jobs.into_iter().map(|j| format!("`{}`", p.id(j))).collect::<Vec<_>>().join(" → ")
}

pub(crate) fn reason(p: &Problem, cal: &Calendar, e: &Evidence, unit: &str) -> Reason {
    match e {
        Evidence::Chain { links, limit } => {
            let last = links.last();
            let finish = last.and_then(|l| l.earliest_finish);
            let text = match (links.len(), finish) {
                (1, Some(f)) => format!(
                    "`{}` needs until {} at the earliest but must be done by {}",
                    p.id(links[0].job),
                    label(cal, f),
                    label(cal, *limit)
                ),
                (1, None) => format!("`{}` cannot get all its effort within the horizon", p.id(links[0].job)),
                (_, Some(f)) => format!(
                    "the chain {} needs until {} at the earliest but must be done by {}",
                    names(p, links.iter().map(|l| l.job)),
                    label(cal, f),
                    label(cal, *limit)
                ),
                (_, None) => {
                    format!("the chain {} cannot be done within the horizon", names(p, links.iter().map(|l| l.job)))
                }
            };
            Reason::Chain {
                text,
                chain: links
                    .iter()
                    .map(|l| ChainStep {
                        item: p.id(l.job).to_string(),
                        effort: fx(p.jobs[l.job].effort),
                        earliest_start: label(cal, l.earliest_start),
                        earliest_finish: l.earliest_finish.map(|f| label(cal, f)),
                        lag_after: l.lag_after,
                    })
                    .collect(),
                limit: label(cal, *limit),
            }
        }
        Evidence::Window { team, from, to, shares, required, capacity } => {
            let span =
                if from == to { label(cal, *from) } else { format!("{}–{}", label(cal, *from), label(cal, *to)) };
            Reason::Capacity {
                text: format!(
                    "team `{}` is {} {unit} short in {span}: {} must be done there, against {} capacity",
                    p.teams[*team],
                    fx(required - capacity),
                    fx(*required),
                    fx(*capacity)
                ),
                team: p.teams[*team].clone(),
                from: label(cal, *from),
                to: label(cal, *to),
                items: shares
                    .iter()
                    .map(|s| Share {
                        item: p.id(s.job).to_string(),
                        must: fx(s.must),
                        earliest_start: label(cal, s.earliest_start),
                        latest_finish: label(cal, s.latest_finish),
                    })
                    .collect(),
                required: fx(*required),
                capacity: fx(*capacity),
                shortfall: fx(required - capacity),
            }
        }
        Evidence::Search { nodes } => Reason::Search {
            text: format!("no schedule fits: proved by exhaustive search ({nodes} steps)"),
            steps: *nodes,
        },
    }
}

/// Turns the solver's answer into the report and its diagnostics.
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
        let late = r.late.map(|l| match l {
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
    (Feasibility { verdict, commitments, schedule, load }, diags)
}

/// Warnings for uncommitted items that miss their `target` in the schedule.
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
pub fn overloaded_placements(plan: &crate::Plan, cal: &Calendar, p: &Problem, s: &Solution) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (j, item) in plan.items.iter().enumerate() {
        let Some(placed) = &item.placed else { continue };
        let Ok(range) = cal.range(&placed.value.0, &placed.value.1) else { continue };
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
