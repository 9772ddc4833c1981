//! Building a plan in code, without the language: for tools that hold their portfolio in a
//! database or a spreadsheet and want the same checks.
//!
//! ```
//! use haalbaar::model::{Item, Team};
//! use haalbaar::{Fixed, PlanBuilder};
//! use haalbaar::NaiveDate;
//!
//! let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
//! let checked = PlanBuilder::new("Demo", start)
//!     .horizon_months(12)
//!     .team(Team::new("api").people(Fixed::from_int(5)).focus(Fixed::from_int(80)))
//!     .item(Item::new("login").team("api").effort(Fixed::from_int(40)))
//!     .check();
//! assert!(!checked.has_errors());
//! ```

use chrono::NaiveDate;

use crate::fixed::Fixed;
use crate::model::*;
use crate::{Checked, check_plan};

/// Collects a plan's settings, teams, epics and items, then checks them.
#[derive(Debug, Clone)]
pub struct PlanBuilder {
    plan: Plan,
}

impl PlanBuilder {
    /// A plan starting on `start` with the language's defaults (18 months, 10-week PIs,
    /// 2-week iterations, 1 IP iteration, days, 5-day weeks, load 100%).
    pub fn new(title: impl Into<String>, start: NaiveDate) -> Self {
        PlanBuilder {
            plan: Plan {
                title: Some(title.into()),
                settings: Settings::new(start),
                teams: Vec::new(),
                epics: Vec::new(),
                items: Vec::new(),
            },
        }
    }
    pub fn horizon_months(mut self, months: u32) -> Self {
        self.plan.settings.horizon = Horizon::Length(Length::Months(months));
        self
    }
    pub fn end(mut self, last_day: NaiveDate) -> Self {
        self.plan.settings.horizon = Horizon::End(last_day);
        self
    }
    pub fn increment(mut self, len: Length) -> Self {
        self.plan.settings.increment = len;
        self
    }
    pub fn iteration(mut self, len: Length) -> Self {
        self.plan.settings.iteration = len;
        self
    }
    pub fn innovation(mut self, iterations: u32) -> Self {
        self.plan.settings.innovation = iterations;
        self
    }
    pub fn unit(mut self, unit: Unit) -> Self {
        self.plan.settings.unit = unit;
        self
    }
    pub fn workweek(mut self, days: u32) -> Self {
        self.plan.settings.workweek = days;
        self
    }
    pub fn holiday(mut self, name: impl Into<String>, from: NaiveDate, to: NaiveDate) -> Self {
        self.plan.settings.holidays.push(Holiday { name: name.into(), from, to, loc: Loc(None) });
        self
    }
    /// `load P%`.
    pub fn load(mut self, percent: Fixed) -> Self {
        self.plan.settings.load = percent;
        self
    }
    pub fn team(mut self, team: Team) -> Self {
        self.plan.teams.push(team);
        self
    }
    pub fn epic(mut self, epic: Epic) -> Self {
        self.plan.epics.push(epic);
        self
    }
    pub fn item(mut self, item: Item) -> Self {
        self.plan.items.push(item);
        self
    }
    /// The plan as built, unchecked.
    pub fn plan(self) -> Plan {
        self.plan
    }
    /// Checks the plan as [`crate::check`] checks a file.
    pub fn check(self) -> Checked {
        check_plan(self.plan)
    }
}

impl Team {
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }
    pub fn people(mut self, fte: Fixed) -> Self {
        self.people = Some(fte);
        self
    }
    /// Focus in percent.
    pub fn focus(mut self, percent: Fixed) -> Self {
        self.focus = percent;
        self
    }
    /// Reserve in percent.
    pub fn reserve(mut self, percent: Fixed) -> Self {
        self.reserve = percent;
        self
    }
    pub fn hire(mut self, count: Fixed, date: NaiveDate, ramp_days: u32) -> Self {
        self.hires.push(Change { count, date, ramp_days, loc: Loc(None) });
        self
    }
    pub fn leave(mut self, count: Fixed, date: NaiveDate) -> Self {
        self.leaves.push(Change { count, date, ramp_days: 0, loc: Loc(None) });
        self
    }
    pub fn lend(mut self, count: Fixed, to: &str, from: Period, until: Period) -> Self {
        self.lends.push(Lend { count, to: Ref::new(to), from, until, loc: Loc(None) });
        self
    }
    pub fn fixed_capacity(mut self, per_iteration: Fixed) -> Self {
        self.fixed = Some(per_iteration);
        self
    }
    pub fn velocity(mut self, per_iteration: Fixed) -> Self {
        self.velocity = Some(per_iteration);
        self
    }
    pub fn capacity_override(mut self, pi: u32, iteration: Option<u32>, amount: Fixed) -> Self {
        self.overrides.push(Override { pi, iteration, amount, loc: Loc(None) });
        self
    }

    /// `capacity PIpi.iteration +delta` (or a whole PI with `iteration` `None`; `delta` may be
    /// negative).
    pub fn capacity_adjust(mut self, pi: u32, iteration: Option<u32>, delta: Fixed) -> Self {
        self.adjustments.push(crate::model::Adjustment { pi, iteration, delta, loc: Loc(None) });
        self
    }
}

impl Item {
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }
    pub fn team(mut self, team: &str) -> Self {
        self.team = Some(Ref::new(team));
        self
    }
    pub fn epic(mut self, epic: &str) -> Self {
        self.epic = Some(Ref::new(epic));
        self
    }
    pub fn effort(mut self, likely: Fixed) -> Self {
        self.effort = Some(At::new(Effort::exact(likely)));
        self
    }
    pub fn effort_range(mut self, low: Fixed, mode: Option<Fixed>, high: Fixed) -> Self {
        self.effort = Some(At::new(Effort { low, mode, high }));
        self
    }
    pub fn after(mut self, item: &str, lag: Option<Length>) -> Self {
        self.after.push(Dependency { item: Ref::new(item), lag, loc: Loc(None) });
        self
    }
    pub fn commit(mut self, period: Period, hard: bool) -> Self {
        self.commit = Some(Commit { period, hard, loc: Loc(None) });
        self
    }
    pub fn not_before(mut self, period: Period) -> Self {
        self.not_before = Some(At::new(period));
        self
    }
    pub fn max(mut self, max: Max) -> Self {
        self.max = Some(At::new(max));
        self
    }
    pub fn priority(mut self, rank: u32) -> Self {
        self.priority = Some(rank);
        self
    }
}
