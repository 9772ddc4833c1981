//! The feasibility report: the solver's answer in the plan's words, ready to serialise
//! (the `verdict`, `commitments`, `schedule` and `load` of `haalbaar check --format json`),
//! and the diagnostics that point at each commitment that is not met.

use chrono::NaiveDate;
use serde::Serialize;

use crate::calendar::Calendar;
use crate::capacity::CapacityTable;
use crate::codes::Code;
use crate::diagnostic::Diagnostic;
use crate::edits::{Edit, PlanChange};
use crate::fixed::Fixed;
use crate::solve::evidence::Evidence;
use crate::solve::problem::{CommitKind, Problem};
use crate::solve::rank::{Landing, Lateness, Repair, Solution, Status, Verdict};

/// The report's answer for the plan as a whole: `invalid` when the file has errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum PlanVerdict {
    Feasible,
    Infeasible,
    Unknown,
    Invalid,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Feasibility {
    /// Not written: the report it is flattened into has the verdict already (one key, once).
    #[serde(skip)]
    pub verdict: PlanVerdict,
    /// In rank order.
    pub commitments: Vec<CommitmentReport>,
    pub schedule: Vec<ItemSchedule>,
    pub load: Vec<TeamLoad>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct CommitmentReport {
    /// The item's id, or the epic's id for an epic commitment.
    pub item: String,
    pub kind: &'static str,
    pub rank: usize,
    pub hard: bool,
    pub status: Status,
    /// The iteration the deadline binds to (`PI4.5`) and its last day.
    pub deadline: String,
    pub deadline_date: NaiveDate,
    /// Met: the last iteration with work on it in the schedule. Not met: the earliest
    /// iteration it can be done by given every commitment ranked above it (kept late there,
    /// where the schedule finishes it); `null` when dropped or not decided.
    pub finish: Option<String>,
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
    pub reason: Option<Reason>,
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
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    /// The chain is too long for its window.
    Chain { text: String, chain: Vec<ChainStep>, limit: String },
    /// Work that must fall in a span of iterations exceeds the team's capacity there.
    Capacity {
        text: String,
        team: String,
        from: String,
        to: String,
        items: Vec<Share>,
        required: Fixed,
        capacity: Fixed,
        shortfall: Fixed,
    },
    /// Proved by exhaustive search.
    Search { text: String, steps: u64 },
    /// The engine could prove neither.
    Unknown { text: String },
}

impl Reason {
    pub fn text(&self) -> &str {
        match self {
            Reason::Chain { text, .. }
            | Reason::Capacity { text, .. }
            | Reason::Search { text, .. }
            | Reason::Unknown { text } => text,
        }
    }
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ChainStep {
    pub item: String,
    pub effort: Fixed,
    pub earliest_start: String,
    /// `None` when it cannot finish within the horizon.
    pub earliest_finish: Option<String>,
    pub lag_after: usize,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Share {
    pub item: String,
    /// Work that must fall inside the span.
    pub must: Fixed,
    pub earliest_start: String,
    pub latest_finish: String,
}

/// A repair: what to change, in words (`text`), as data, and as edits to the file's text;
/// `worse`: the other commitments it makes worse (met ones no longer met, late ones later or
/// dropped); `None` where the engine did not check (past its allowance on a large plan).
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RepairReport {
    /// Commit to the end of `iteration` instead: the earliest it can be met.
    Deadline { text: String, iteration: String, date: NaiveDate, edits: Vec<Edit>, worse: Option<Vec<String>> },
    /// `capacity ITERATION +AMOUNT` for `team`: the least whole amount (in the plan's unit,
    /// before `load`) that meets it; `people`: about how many FTE that is for the iteration.
    Capacity {
        text: String,
        team: String,
        iteration: String,
        amount: Fixed,
        people: Option<Fixed>,
        edits: Vec<Edit>,
        worse: Option<Vec<String>>,
    },
    /// `capacity PI +AMOUNT` for `team`: the least whole amount spread over the PI's planned
    /// iterations (as the plan spreads `capacity PIx +N`) that meets it; `people`: about how
    /// many FTE that is through the PI.
    PiCapacity {
        text: String,
        team: String,
        pi: String,
        amount: Fixed,
        people: Option<Fixed>,
        edits: Vec<Edit>,
        worse: Option<Vec<String>>,
    },
    /// Move the (non-hard) commitment `commitment` it competes with to the end of `to`.
    Defer {
        text: String,
        commitment: String,
        to: String,
        date: NaiveDate,
        edits: Vec<Edit>,
        worse: Option<Vec<String>>,
    },
    /// Lower `item`'s effort by `by` (every figure of its range), to `effort` likely.
    Scope { text: String, item: String, by: Fixed, effort: Fixed, edits: Vec<Edit>, worse: Option<Vec<String>> },
    /// Lower several items' efforts together (a chain no one item's cut shortens enough):
    /// each cut is the least that works with the others made.
    ChainScope { text: String, items: Vec<ScopeCut>, edits: Vec<Edit>, worse: Option<Vec<String>> },
    /// Each link: `item` no longer waits for `after` (as few links of the chain as work).
    Dependency { text: String, links: Vec<Unlink>, edits: Vec<Edit>, worse: Option<Vec<String>> },
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
    pub fn text(&self) -> &str {
        repair_parts!(self).0
    }

    /// The other commitments this repair makes worse (empty where the engine did not check:
    /// see [`RepairReport::worse_checked`]).
    pub fn worse(&self) -> &[String] {
        repair_parts!(self).2.as_deref().unwrap_or(&[])
    }

    /// Whether the engine checked what this repair does to the other commitments.
    pub fn worse_checked(&self) -> bool {
        repair_parts!(self).2.is_some()
    }

    /// The edits to the checked file's text that make this repair.
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

    pub(crate) fn edits_mut(&mut self) -> &mut Vec<Edit> {
        repair_parts!(self).1
    }
}

/// One item's cut in a chain scope repair: lower `item`'s effort by `by`, to `effort` likely.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ScopeCut {
    pub item: String,
    pub by: Fixed,
    pub effort: Fixed,
}

/// One `after` a dependency repair removes: `item` no longer waits for `after`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Unlink {
    pub item: String,
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

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ItemSchedule {
    pub item: String,
    pub team: String,
    /// Needed by a kept commitment, met or late (else scheduled with what was left).
    pub committed: bool,
    pub work: Vec<Work>,
    pub start: Option<String>,
    pub finish: Option<String>,
    /// Effort that does not fit in the horizon (0 when done).
    pub beyond_horizon: Fixed,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Work {
    pub iteration: String,
    pub amount: Fixed,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct TeamLoad {
    pub team: String,
    pub iterations: Vec<IterationLoad>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct IterationLoad {
    pub iteration: String,
    pub capacity: Fixed,
    pub planned: Fixed,
    /// `planned / capacity` in percent; `None` without capacity.
    pub percent: Option<Fixed>,
}

fn label(cal: &Calendar, t: usize) -> String {
    cal.iterations.get(t).map_or_else(|| format!("#{t}"), |i| i.label())
}

fn ends(cal: &Calendar, t: usize) -> NaiveDate {
    cal.iterations.get(t).map_or(cal.last_day, |i| i.end)
}

fn fx(m: i64) -> Fixed {
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
            let commit_at = |owner: usize, t: usize| PlanChange::Commit {
                owner: p.commitments[owner].label.clone(),
                kind: p.commitments[owner].kind,
                pi: cal.iterations.get(t).map_or(0, |i| i.pi),
                iteration: cal.iterations.get(t).map_or(0, |i| i.number),
                hard: p.commitments[owner].hard,
            };
            let (report, change) = match *rep {
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
                    vec![commit_at(r.commitment, iteration)],
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
            };
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
            kind: match c.kind {
                CommitKind::Item => "item",
                CommitKind::Epic => "epic",
            },
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
