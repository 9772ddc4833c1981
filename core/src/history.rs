//! What was done before the status date, read from the plan's progress: each item's effort
//! spent by the end of each past iteration, each team's work delivered per past iteration
//! against the capacity it was planned with, and from that the team's measured throughput
//! (what the forecast draws from).
//!
//! An item's effort spent by a day is its latest `done N by DATE` on or before that day, its
//! undated `done` from the status date on, and all of it (its `done`, else its likely effort)
//! from its `finished` day on. Work is counted in the iteration of the day it was recorded:
//! recording `done N by DATE` at the end of each iteration gives each iteration its own figure.

use chrono::NaiveDate;

use crate::calendar::Calendar;
use crate::capacity::CapacityTable;
use crate::fixed::Fixed;
use crate::model::{Item, Plan};

/// The history of a plan with a status date.
#[derive(Debug, Clone, PartialEq)]
pub struct History {
    /// The status date.
    pub as_of: NaiveDate,
    /// The status iteration (0-based): the iterations before it are past.
    pub status: usize,
    /// Per item (plan order), the effort spent by the end of each past iteration, then by the
    /// status date (one more figure than there are past iterations).
    pub done: Vec<Vec<Fixed>>,
    /// Per team (plan order), each past iteration's work delivered and plannable capacity.
    pub teams: Vec<TeamHistory>,
}

/// One team's past iterations.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamHistory {
    /// The team's id.
    pub team: String,
    /// Per past iteration: (work delivered, plannable capacity it was planned with).
    pub iterations: Vec<(Fixed, Fixed)>,
    /// The first past iteration with work recorded for the team (`None`: no history). The
    /// iterations from it up to the status iteration are the ones the throughput counts.
    pub from: Option<usize>,
}

impl TeamHistory {
    /// Delivered against capacity (`delivered / capacity`, as a ratio in thousandths) for each
    /// counted past iteration with capacity: what the forecast draws a team's throughput from.
    pub fn ratios(&self) -> Vec<i64> {
        let Some(from) = self.from else { return Vec::new() };
        // Work recorded in an iteration without capacity (an IP iteration, recorded at a PI's
        // end) counts with the iteration before it that has capacity.
        let mut merged: Vec<(Fixed, Fixed)> = Vec::new();
        for &(delivered, cap) in &self.iterations[from..] {
            match merged.last_mut() {
                Some(last) if !cap.is_positive() => last.0 += delivered,
                _ if cap.is_positive() => merged.push((delivered, cap)),
                _ => {}
            }
        }
        merged
            .iter()
            .map(|(delivered, cap)| (i128::from(delivered.millis()) * 1000 / i128::from(cap.millis())) as i64)
            .collect()
    }
}

/// The effort spent on `item` by the end of `day` (see the module's doc).
pub fn done_by(item: &Item, day: NaiveDate, as_of: NaiveDate) -> Fixed {
    let mut v = Fixed::ZERO;
    for h in item.history.iter().filter(|h| h.date <= day) {
        v = v.max(h.done);
    }
    if day >= as_of
        && let Some(d) = &item.done
    {
        v = v.max(d.value);
    }
    if let Some(f) = &item.finished
        && f.value <= day
    {
        // Finished: all of it, at least its likely effort (what history recorded may be more).
        let likely = item.effort.as_ref().map_or(Fixed::ZERO, |e| e.value.likely());
        v = v.max(item.done_now().unwrap_or(Fixed::ZERO).max(likely));
    }
    v
}

/// The plan's history, when it has a status date inside its iterations.
pub fn history(plan: &Plan, cal: &Calendar, cap: &CapacityTable) -> Option<History> {
    let status = cal.status?;
    let past = status.iteration;
    let done: Vec<Vec<Fixed>> = plan
        .items
        .iter()
        .map(|item| {
            (0..past)
                .map(|t| done_by(item, cal.iterations[t].end, status.date))
                .chain(std::iter::once(done_by(item, status.date, status.date)))
                .collect()
        })
        .collect();
    let teams = plan
        .teams
        .iter()
        .enumerate()
        .map(|(k, team)| {
            let cells = cap.team_at(k, &team.id).map(|tc| tc.iterations.as_slice()).unwrap_or(&[]);
            let mut from = None;
            let iterations: Vec<(Fixed, Fixed)> = (0..past)
                .map(|t| {
                    let delivered: Fixed = plan
                        .items
                        .iter()
                        .enumerate()
                        .filter(|(_, i)| i.team.as_ref().is_some_and(|r| r.id == team.id))
                        .map(|(i, _)| done[i][t] - if t == 0 { Fixed::ZERO } else { done[i][t - 1] })
                        .sum();
                    if delivered.is_positive() && from.is_none() {
                        from = Some(t);
                    }
                    let capacity = cells.get(t).map_or(Fixed::ZERO, |c| c.plannable + c.past);
                    (delivered, capacity)
                })
                .collect();
            TeamHistory { team: team.id.clone(), iterations, from }
        })
        .collect();
    Some(History { as_of: status.date, status: past, done, teams })
}
