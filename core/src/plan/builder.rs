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
    /// `horizon N months`.
    pub fn horizon_months(mut self, months: u32) -> Self {
        self.plan.settings.horizon = Horizon::Length(Length::Months(months));
        self
    }
    /// `end DATE`: the horizon's last day, instead of a length.
    pub fn end(mut self, last_day: NaiveDate) -> Self {
        self.plan.settings.horizon = Horizon::End(last_day);
        self
    }
    /// `increment LENGTH`: the PI length (default 10 weeks).
    pub fn increment(mut self, len: Length) -> Self {
        self.plan.settings.increment = len;
        self
    }
    /// `iteration LENGTH`: the iteration length (default 2 weeks).
    pub fn iteration(mut self, len: Length) -> Self {
        self.plan.settings.iteration = len;
        self
    }
    /// `innovation N`: IP iterations at the end of every PI (default 1).
    pub fn innovation(mut self, iterations: u32) -> Self {
        self.plan.settings.innovation = iterations;
        self
    }
    /// `unit days` or `unit points`.
    pub fn unit(mut self, unit: Unit) -> Self {
        self.plan.settings.unit = unit;
        self
    }
    /// `workweek N days` (default 5).
    pub fn workweek(mut self, days: u32) -> Self {
        self.plan.settings.workweek = days;
        self
    }
    /// `holiday "name" FROM..TO` (`from == to` for one day).
    pub fn holiday(mut self, name: impl Into<String>, from: NaiveDate, to: NaiveDate) -> Self {
        self.plan.settings.holidays.push(Holiday { name: name.into(), from, to, loc: Loc(None) });
        self
    }
    /// `load P%`.
    pub fn load(mut self, percent: Fixed) -> Self {
        self.plan.settings.load = percent;
        self
    }
    /// `uncertainty grows P% per PI` (forecast: estimates widen with distance from `start`).
    pub fn uncertainty(mut self, percent_per_pi: Fixed) -> Self {
        self.plan.settings.uncertainty = Some(percent_per_pi);
        self
    }
    /// `firm N PIs` (forecast: commitments further ahead are forecasts, not promises).
    pub fn firm(mut self, pis: u32) -> Self {
        self.plan.settings.firm_pis = Some(pis);
        self
    }
    /// Removes the item with this id (and nothing else: dependencies on it then name an
    /// unknown item, as they would in a file). Returns whether there was one.
    ///
    /// ```
    /// use haalbaar::model::Item;
    /// use haalbaar::{NaiveDate, PlanBuilder};
    ///
    /// let mut b = PlanBuilder::new("Demo", NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date"))
    ///     .item(Item::new("a"))
    ///     .item(Item::new("b"));
    /// assert!(b.remove_item("a"));
    /// assert!(!b.remove_item("a"));
    /// assert_eq!(b.plan().items.len(), 1);
    /// ```
    pub fn remove_item(&mut self, id: &str) -> bool {
        let before = self.plan.items.len();
        self.plan.items.retain(|i| i.id != id);
        self.plan.items.len() != before
    }
    /// Removes the team with this id; returns whether there was one.
    pub fn remove_team(&mut self, id: &str) -> bool {
        let before = self.plan.teams.len();
        self.plan.teams.retain(|t| t.id != id);
        self.plan.teams.len() != before
    }
    /// Removes the epic with this id; returns whether there was one.
    pub fn remove_epic(&mut self, id: &str) -> bool {
        let before = self.plan.epics.len();
        self.plan.epics.retain(|e| e.id != id);
        self.plan.epics.len() != before
    }
    /// The item with this id, to change it in place.
    pub fn item_mut(&mut self, id: &str) -> Option<&mut Item> {
        self.plan.items.iter_mut().find(|i| i.id == id)
    }
    /// The team with this id, to change it in place.
    pub fn team_mut(&mut self, id: &str) -> Option<&mut Team> {
        self.plan.teams.iter_mut().find(|t| t.id == id)
    }
    /// Adds a team block.
    pub fn team(mut self, team: Team) -> Self {
        self.plan.teams.push(team);
        self
    }
    /// Adds an epic block.
    pub fn epic(mut self, epic: Epic) -> Self {
        self.plan.epics.push(epic);
        self
    }
    /// Adds an item block.
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
    /// The block's title.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }
    /// `people N`: headcount at start, in FTE.
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
    /// `hire N on DATE ramp R days` (`ramp_days` 0: productive at once).
    pub fn hire(mut self, count: Fixed, date: NaiveDate, ramp_days: u32) -> Self {
        self.hires.push(Change { count, date, ramp_days, loc: Loc(None) });
        self
    }
    /// `reserve P% "reason"`.
    pub fn reserve_for(mut self, percent: Fixed, reason: impl Into<String>) -> Self {
        self.reserve = percent;
        self.reserve_reason = Some(reason.into());
        self
    }
    /// `vacancy N on DATE chance P%`: not counted by `check`, drawn by `forecast`.
    pub fn vacancy(mut self, count: Fixed, date: NaiveDate, chance_percent: Fixed) -> Self {
        self.vacancies.push(Vacancy { count, date, chance: chance_percent, loc: Loc(None) });
        self
    }
    /// `leave N on DATE`.
    pub fn leave(mut self, count: Fixed, date: NaiveDate) -> Self {
        self.leaves.push(Change { count, date, ramp_days: 0, loc: Loc(None) });
        self
    }
    /// `lend N to TEAM FROM..UNTIL`.
    pub fn lend(mut self, count: Fixed, to: &str, from: Period, until: Period) -> Self {
        self.lends.push(Lend { count, to: Ref::new(to), from, until, loc: Loc(None) });
        self
    }
    /// `capacity N per iteration`: a fixed figure instead of people.
    pub fn fixed_capacity(mut self, per_iteration: Fixed) -> Self {
        self.fixed = Some(per_iteration);
        self
    }
    /// `velocity N per iteration` (plans in points).
    pub fn velocity(mut self, per_iteration: Fixed) -> Self {
        self.velocity = Some(per_iteration);
        self
    }
    /// `capacity PIpi[.iteration] AMOUNT`: a figure instead of what people give.
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
    /// The block's title.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }
    /// `team ID`.
    pub fn team(mut self, team: &str) -> Self {
        self.team = Some(Ref::new(team));
        self
    }
    /// `epic ID`.
    pub fn epic(mut self, epic: &str) -> Self {
        self.epic = Some(Ref::new(epic));
        self
    }
    /// `effort N`: one figure.
    pub fn effort(mut self, likely: Fixed) -> Self {
        self.effort = Some(At::new(Effort::exact(likely)));
        self
    }
    /// `effort LOW..HIGH` (`mode` `None`) or `effort LOW..MODE..HIGH`.
    pub fn effort_range(mut self, low: Fixed, mode: Option<Fixed>, high: Fixed) -> Self {
        self.effort = Some(At::new(Effort { low, mode, high }));
        self
    }
    /// `after ID [+ LAG]`.
    pub fn after(mut self, item: &str, lag: Option<Length>) -> Self {
        self.after.push(Dependency { item: Ref::new(item), lag, loc: Loc(None) });
        self
    }
    /// `commit PERIOD [hard]`.
    pub fn commit(mut self, period: Period, hard: bool) -> Self {
        self.commit = Some(Commit { period, hard, loc: Loc(None) });
        self
    }
    /// `not before PERIOD`.
    pub fn not_before(mut self, period: Period) -> Self {
        self.not_before = Some(At::new(period));
        self
    }
    /// `max N people` or `max N per iteration`.
    pub fn max(mut self, max: Max) -> Self {
        self.max = Some(At::new(max));
        self
    }
    /// `priority N` (1 first).
    pub fn priority(mut self, rank: u32) -> Self {
        self.priority = Some(rank);
        self
    }
    /// `in FROM..TO` (or one period, with `from == to`): placed there on the program board.
    pub fn placed_in(mut self, from: Period, to: Period) -> Self {
        self.placed = Some(At::new((from, to)));
        self
    }
    /// `target PERIOD`: an uncommitted objective (missing it is a warning).
    pub fn target(mut self, period: Period) -> Self {
        self.target = Some(At::new(period));
        self
    }
    /// `wsjf value V urgency U risk R [size S]` (size: the likely effort when `None`).
    pub fn wsjf(mut self, value: Fixed, urgency: Fixed, risk: Fixed, size: Option<Fixed>) -> Self {
        self.wsjf = Some(Wsjf { value, urgency, risk, size });
        self
    }
    /// `owner "…"`.
    pub fn owner(mut self, owner: impl Into<String>) -> Self {
        self.owner = Some(owner.into());
        self
    }
    /// `note "…"`.
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }
}

impl Epic {
    /// The block's title.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }
    /// `commit PERIOD [hard]`: every item of the epic done by then.
    pub fn commit(mut self, period: Period, hard: bool) -> Self {
        self.commit = Some(Commit { period, hard, loc: Loc(None) });
        self
    }
    /// `owner "…"`.
    pub fn owner(mut self, owner: impl Into<String>) -> Self {
        self.owner = Some(owner.into());
        self
    }
    /// `priority N` (1 first).
    pub fn priority(mut self, rank: u32) -> Self {
        self.priority = Some(rank);
        self
    }
    /// `note "…"`.
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }
}
