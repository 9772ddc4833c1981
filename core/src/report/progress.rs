//! The progress view of a plan with a status date (`haalbaar progress`): per commitment, the
//! effort done per iteration up to the status date and the plan from there on (a burn-up),
//! against its scope; per team, the work delivered in each past iteration against the
//! capacity it was planned with (its measured throughput). Computed from the check; renderers
//! only draw it.

use chrono::NaiveDate;
use serde::Serialize;

use crate::feasibility::CommitmentKind;
use crate::fixed::Fixed;
use crate::history::{History, history};
use crate::solve::rank::Status;
use crate::{Checked, Plan};

/// The version of the `haalbaar progress` JSON; raised when its meaning changes.
pub const PROGRESS_VERSION: u32 = 1;

/// The JSON of `haalbaar progress --format json` (`docs/progress.schema.json`): the file and
/// its [`Progress`].
///
/// ```
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n  as of 2025-02-03\n}\nteam api {\n  capacity 10 per iteration\n}\nitem login {\n  team api\n  effort 30\n  done 15\n  commit PI1.4\n}\n";
/// let progress = haalbaar::report::progress::progress(&haalbaar::check(source)).expect("a status date");
/// let report = haalbaar::report::progress::ProgressReport::new("demo.plan", progress);
/// let json = serde_json::to_value(&report).expect("JSON");
/// assert_eq!((json["file"].as_str(), json["as_of"].as_str()), (Some("demo.plan"), Some("2025-02-03")));
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ProgressReport {
    /// The version of this report's layout ([`PROGRESS_VERSION`]).
    pub version: u32,
    /// The file, as given.
    pub file: String,
    /// The progress view.
    #[serde(flatten)]
    pub progress: Progress,
}

impl ProgressReport {
    /// The report of `file`'s progress.
    ///
    /// ```
    /// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n  as of 2025-02-03\n}\nteam api {\n  capacity 10 per iteration\n}\n";
    /// let progress = haalbaar::report::progress::progress(&haalbaar::check(source)).expect("a status date");
    /// assert_eq!(haalbaar::report::progress::ProgressReport::new("a.plan", progress).version, 1);
    /// ```
    pub fn new(file: &str, progress: Progress) -> Self {
        ProgressReport { version: PROGRESS_VERSION, file: file.to_string(), progress }
    }

    /// The JSON Schema of this report (`docs/progress.schema.json`).
    ///
    /// ```
    /// let schema = haalbaar::report::progress::ProgressReport::schema();
    /// assert!(schema.contains("burn_up"));
    /// ```
    #[cfg(feature = "schema")]
    pub fn schema() -> String {
        super::schema_text(schemars::schema_for!(ProgressReport))
    }
}

/// A plan's progress as of its status date.
///
/// ```
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n  as of 2025-02-03\n}\nteam api {\n  capacity 10 per iteration\n}\n\
///               item login {\n  team api\n  effort 30\n  done 8 by 2025-01-19\n  done 15 by 2025-02-02\n  commit PI1.4\n}\n";
/// let progress = haalbaar::report::progress::progress(&haalbaar::check(source)).expect("a status date");
/// assert_eq!(progress.status_iteration, "PI1.3");
/// let login = &progress.commitments[0];
/// assert_eq!((login.scope, login.done), (haalbaar::Fixed::from_int(30), haalbaar::Fixed::from_int(15)));
/// // Done by the end of PI1.1 and PI1.2, then the plan: 10 in PI1.3, 5 in PI1.4.
/// let done: Vec<Option<i64>> = login.burn_up.iter().take(2).map(|b| b.done.map(|d| d.trunc())).collect();
/// assert_eq!(done, [Some(8), Some(15)]);
/// assert_eq!(login.burn_up[3].planned, Some(haalbaar::Fixed::from_int(30)));
/// // The team delivered 8 and 7 against 10 per iteration: 75%.
/// assert_eq!(progress.teams[0].throughput, Some(haalbaar::Fixed::from_int(75)));
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Progress {
    /// The status date.
    pub as_of: NaiveDate,
    /// The iteration that holds it.
    pub status_iteration: String,
    /// The unit of every figure: `days` or `points`.
    pub unit: String,
    /// Each commitment (rank order) with its burn-up.
    pub commitments: Vec<CommitmentProgress>,
    /// Each team's past iterations.
    pub teams: Vec<TeamProgress>,
}

/// One commitment's progress: its scope, what is done, and a burn-up per iteration.
///
/// ```
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n  as of 2025-02-03\n}\nteam api {\n  capacity 10 per iteration\n}\nitem login {\n  team api\n  effort 30\n  done 15\n  commit PI1.4\n}\n";
/// let progress = haalbaar::report::progress::progress(&haalbaar::check(source)).expect("a status date");
/// let login = &progress.commitments[0];
/// assert_eq!((login.item.as_str(), login.deadline.as_str()), ("login", "PI1.4"));
/// assert_eq!(login.remaining(), haalbaar::Fixed::from_int(15));
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct CommitmentProgress {
    /// The item's or epic's id.
    pub item: String,
    /// An item's or an epic's commitment.
    pub kind: CommitmentKind,
    /// Its title, if it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Its status in the check.
    pub status: Status,
    /// The iteration it is due by.
    pub deadline: String,
    /// Where the check finishes it (absent when dropped).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub finish: Option<String>,
    /// All its items' effort: done and still needed (a finished item's `done`, else its likely
    /// effort).
    pub scope: Fixed,
    /// Done by the status date.
    pub done: Fixed,
    /// `scope - done`: what is left.
    pub left: Fixed,
    /// `done / scope` in percent (absent when the scope is zero).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub done_percent: Option<Fixed>,
    /// One point per iteration of the horizon.
    pub burn_up: Vec<BurnUp>,
}

impl CommitmentProgress {
    /// What is left of its scope.
    ///
    /// ```
    /// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n  as of 2025-02-03\n}\nteam api {\n  capacity 10 per iteration\n}\nitem login {\n  team api\n  effort 30\n  remaining 5\n  commit PI1.4\n}\n";
    /// let progress = haalbaar::report::progress::progress(&haalbaar::check(source)).expect("a status date");
    /// assert_eq!(progress.commitments[0].remaining(), haalbaar::Fixed::from_int(5));
    /// ```
    pub fn remaining(&self) -> Fixed {
        self.scope - self.done
    }
}

/// One iteration of a burn-up: the effort done by its end (past iterations, and the status
/// iteration by the status date) and the effort planned done by its end (from the status
/// iteration on: done plus the schedule's work).
///
/// ```
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n  as of 2025-02-03\n}\nteam api {\n  capacity 10 per iteration\n}\nitem login {\n  team api\n  effort 30\n  done 15\n  commit PI1.4\n}\n";
/// let progress = haalbaar::report::progress::progress(&haalbaar::check(source)).expect("a status date");
/// let status = &progress.commitments[0].burn_up[2];
/// assert_eq!(status.iteration, "PI1.3");
/// assert_eq!((status.done, status.planned), (Some(haalbaar::Fixed::from_int(15)), Some(haalbaar::Fixed::from_int(25))));
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct BurnUp {
    /// The iteration (`PI1.3`).
    pub iteration: String,
    /// Done by its end (by the status date in the status iteration); absent after it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub done: Option<Fixed>,
    /// Planned done by its end; absent before the status iteration.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub planned: Option<Fixed>,
}

/// A team's past iterations: work delivered against the capacity it was planned with.
///
/// ```
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n  as of 2025-02-03\n}\nteam api {\n  capacity 10 per iteration\n}\nitem login {\n  team api\n  effort 30\n  done 8 by 2025-01-19\n  done 15 by 2025-02-02\n}\n";
/// let progress = haalbaar::report::progress::progress(&haalbaar::check(source)).expect("a status date");
/// let api = &progress.teams[0];
/// assert_eq!(api.iterations[1].delivered, haalbaar::Fixed::from_int(7));
/// assert_eq!(api.counted_from.as_deref(), Some("PI1.1"));
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct TeamProgress {
    /// The team.
    pub team: String,
    /// Each past iteration (before the status iteration).
    pub iterations: Vec<TeamIteration>,
    /// The first past iteration with work recorded for the team: from it on, the iterations
    /// count for its throughput (absent: no history).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counted_from: Option<String>,
    /// Work delivered against capacity over the counted iterations, in percent (absent
    /// without history).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub throughput: Option<Fixed>,
}

/// One past iteration of a team.
///
/// ```
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n  as of 2025-02-03\n}\nteam api {\n  capacity 10 per iteration\n}\nitem login {\n  team api\n  effort 30\n  done 8 by 2025-01-19\n}\n";
/// let progress = haalbaar::report::progress::progress(&haalbaar::check(source)).expect("a status date");
/// let first = &progress.teams[0].iterations[0];
/// assert_eq!((first.iteration.as_str(), first.capacity, first.delivered), ("PI1.1", haalbaar::Fixed::from_int(10), haalbaar::Fixed::from_int(8)));
/// assert_eq!(first.percent, Some(haalbaar::Fixed::from_int(80)));
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct TeamIteration {
    /// The iteration.
    pub iteration: String,
    /// The plannable capacity it was planned with.
    pub capacity: Fixed,
    /// Work recorded as done in it.
    pub delivered: Fixed,
    /// `delivered / capacity` in percent (absent without capacity).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub percent: Option<Fixed>,
}

fn percent(part: Fixed, of: Fixed) -> Option<Fixed> {
    of.is_positive().then(|| part.mul_div(crate::fixed::SCALE * 100, of.millis())).flatten()
}

/// The progress view of a check, when the plan has a status date (`as of`) inside its
/// iterations and was decided. See [`Progress`].
///
/// ```
/// let plan = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 2\n}\n";
/// // No status date: no progress to show.
/// assert!(haalbaar::report::progress::progress(&haalbaar::check(plan)).is_none());
/// let dated = plan.replace("horizon 6 months", "horizon 6 months\n  as of 2025-02-03");
/// let progress = haalbaar::report::progress::progress(&haalbaar::check(&dated)).expect("a status date");
/// assert_eq!(progress.as_of.to_string(), "2025-02-03");
/// ```
pub fn progress(checked: &Checked) -> Option<Progress> {
    let (cal, cap, f) = (checked.calendar.as_ref()?, checked.capacity.as_ref()?, checked.feasibility.as_ref()?);
    let h = history(&checked.plan, cal, cap)?;
    let plan = &checked.plan;
    let index: std::collections::HashMap<&str, usize> =
        plan.items.iter().enumerate().map(|(i, it)| (it.id.as_str(), i)).collect();
    let labels: std::collections::HashMap<String, usize> =
        cal.iterations.iter().map(|it| (it.label(), it.index)).collect();
    // Work per item per iteration in the check's schedule.
    let mut work = vec![vec![Fixed::ZERO; cal.len()]; plan.items.len()];
    for s in &f.schedule {
        let Some(&i) = index.get(s.item.as_str()) else { continue };
        for w in &s.work {
            if let Some(&t) = labels.get(&w.iteration) {
                work[i][t] += w.amount;
            }
        }
    }
    let commitments = f
        .commitments
        .iter()
        .map(|c| {
            let items: Vec<usize> = match c.kind {
                CommitmentKind::Epic => (0..plan.items.len())
                    .filter(|&i| plan.items[i].epic.as_ref().is_some_and(|e| e.id == c.item))
                    .collect(),
                _ => index.get(c.item.as_str()).map(|&i| vec![i]).unwrap_or_default(),
            };
            commitment(plan, &h, cal, &work, &items, c)
        })
        .collect();
    let teams = h
        .teams
        .iter()
        .map(|t| {
            let counted = t.from.map_or(&[][..], |from| &t.iterations[from..]);
            let delivered: Fixed = counted.iter().map(|x| x.0).sum();
            let capacity: Fixed = counted.iter().map(|x| x.1).sum();
            TeamProgress {
                team: t.team.clone(),
                iterations: t
                    .iterations
                    .iter()
                    .enumerate()
                    .map(|(k, &(delivered, capacity))| TeamIteration {
                        iteration: cal.iterations[k].label(),
                        capacity,
                        delivered,
                        percent: percent(delivered, capacity),
                    })
                    .collect(),
                counted_from: t.from.map(|k| cal.iterations[k].label()),
                throughput: t.from.and_then(|_| percent(delivered, capacity)),
            }
        })
        .collect();
    Some(Progress {
        as_of: h.as_of,
        status_iteration: cal.iterations[h.status].label(),
        unit: match plan.settings.unit {
            crate::model::Unit::Days => "days".into(),
            crate::model::Unit::Points => "points".into(),
        },
        commitments,
        teams,
    })
}

fn commitment(
    plan: &Plan,
    h: &History,
    cal: &crate::calendar::Calendar,
    work: &[Vec<Fixed>],
    items: &[usize],
    c: &crate::feasibility::CommitmentReport,
) -> CommitmentProgress {
    let past = h.status;
    let done_at = |k: usize| -> Fixed { items.iter().map(|&i| h.done[i][k]).sum() };
    let done = done_at(past);
    let scope: Fixed = items
        .iter()
        .map(|&i| {
            let item = &plan.items[i];
            let spent = h.done[i][past];
            if item.finished.is_some() { spent } else { spent + item.needed_effort().unwrap_or(Fixed::ZERO) }
        })
        .sum();
    let mut planned = done;
    let burn_up = (0..cal.len())
        .map(|t| {
            if t >= past {
                planned += items.iter().map(|&i| work[i][t]).sum::<Fixed>();
            }
            BurnUp {
                iteration: cal.iterations[t].label(),
                done: (t <= past).then(|| done_at(t)),
                planned: (t >= past).then_some(planned),
            }
        })
        .collect();
    CommitmentProgress {
        item: c.item.clone(),
        kind: c.kind,
        title: c.title.clone(),
        status: c.status,
        deadline: c.deadline.clone(),
        finish: c.finish.clone(),
        scope,
        done,
        left: scope - done,
        done_percent: percent(done, scope),
        burn_up,
    }
}
