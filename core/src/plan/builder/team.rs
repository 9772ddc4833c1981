//! The builder methods of a team (`Team::new("api").people(..)`), for [`super::PlanBuilder`].

use chrono::NaiveDate;

use crate::fixed::Fixed;
use crate::model::*;

impl Team {
    /// The block's title.
    ///
    /// ```
    /// use haalbaar::model::Team;
    ///
    /// let team = Team::new("api").title("Team API");
    /// assert_eq!(team.title.as_deref(), Some("Team API"));
    /// assert!(haalbaar::model::Team::new("api").title.is_none());
    /// ```
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }
    /// `people N`: headcount at start, in FTE.
    ///
    /// ```
    /// use haalbaar::model::Team;
    /// use haalbaar::{Fixed, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let team = Team::new("api").people(Fixed::from_int(3));
    /// let checked = PlanBuilder::new("Demo", start).team(team).check();
    /// let cells = &checked.capacity.as_ref().expect("a valid calendar").teams[0].iterations;
    /// // 3 people × 10 working days.
    /// assert_eq!(cells[0].capacity, Fixed::from_int(30));
    /// ```
    pub fn people(mut self, fte: Fixed) -> Self {
        self.people = Some(fte);
        self
    }
    /// Focus in percent.
    ///
    /// ```
    /// use haalbaar::model::Team;
    /// use haalbaar::{Fixed, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let team = Team::new("api").people(Fixed::from_int(4)).focus(Fixed::from_int(75));
    /// let checked = PlanBuilder::new("Demo", start).team(team).check();
    /// let cells = &checked.capacity.as_ref().expect("a valid calendar").teams[0].iterations;
    /// // 4 people × 10 working days × 75%.
    /// assert_eq!(cells[0].capacity, Fixed::from_int(30));
    /// ```
    pub fn focus(mut self, percent: Fixed) -> Self {
        self.focus = percent;
        self
    }
    /// Reserve in percent.
    ///
    /// ```
    /// use haalbaar::model::Team;
    /// use haalbaar::{Fixed, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let team = Team::new("api").people(Fixed::from_int(4)).reserve(Fixed::from_int(25));
    /// let checked = PlanBuilder::new("Demo", start).team(team).check();
    /// let cells = &checked.capacity.as_ref().expect("a valid calendar").teams[0].iterations;
    /// // 4 people × 10 working days, less a quarter.
    /// assert_eq!(cells[0].capacity, Fixed::from_int(30));
    /// ```
    pub fn reserve(mut self, percent: Fixed) -> Self {
        self.reserve = percent;
        self
    }
    /// `hire N on DATE ramp R days` (`ramp_days` 0: productive at once).
    ///
    /// ```
    /// use haalbaar::model::Team;
    /// use haalbaar::{Fixed, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let second = NaiveDate::from_ymd_opt(2025, 1, 20).expect("a date"); // PI1.2 starts
    /// let team = Team::new("api").people(Fixed::ONE).hire(Fixed::from_int(2), second, 0);
    /// let checked = PlanBuilder::new("Demo", start).team(team).check();
    /// let cells = &checked.capacity.as_ref().expect("a valid calendar").teams[0].iterations;
    /// assert_eq!(cells[0].capacity, Fixed::from_int(10));
    /// assert_eq!(cells[1].capacity, Fixed::from_int(30));
    /// ```
    pub fn hire(mut self, count: Fixed, date: NaiveDate, ramp_days: u32) -> Self {
        self.hires.push(Change { count, date, ramp_days, loc: Loc(None) });
        self
    }
    /// `reserve P% "reason"`.
    ///
    /// ```
    /// use haalbaar::model::Team;
    /// use haalbaar::{Fixed, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let team = Team::new("api").people(Fixed::from_int(5)).reserve_for(Fixed::from_int(20), "beheer");
    /// let checked = PlanBuilder::new("Demo", start).team(team).check();
    /// let cells = &checked.capacity.as_ref().expect("a valid calendar").teams[0].iterations;
    /// assert_eq!(checked.plan.teams[0].reserve_reason.as_deref(), Some("beheer"));
    /// // 5 people × 10 working days, less 20%.
    /// assert_eq!(cells[0].capacity, Fixed::from_int(40));
    /// ```
    pub fn reserve_for(mut self, percent: Fixed, reason: impl Into<String>) -> Self {
        self.reserve = percent;
        self.reserve_reason = Some(reason.into());
        self
    }
    /// `vacancy N on DATE chance P%`: not counted by `check`, drawn by `forecast`.
    ///
    /// ```
    /// use haalbaar::model::Team;
    /// use haalbaar::{Fixed, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let team = Team::new("api").people(Fixed::from_int(2)).vacancy(Fixed::from_int(3), start, Fixed::from_int(50));
    /// let checked = PlanBuilder::new("Demo", start).team(team).check();
    /// let cells = &checked.capacity.as_ref().expect("a valid calendar").teams[0].iterations;
    /// // The open positions add nothing to what the check plans with.
    /// assert_eq!(cells[0].capacity, Fixed::from_int(20));
    /// ```
    pub fn vacancy(mut self, count: Fixed, date: NaiveDate, chance_percent: Fixed) -> Self {
        self.vacancies.push(Vacancy { count, date, chance: chance_percent, ramp_days: 0, loc: Loc(None) });
        self
    }
    /// `leave N on DATE`.
    ///
    /// ```
    /// use haalbaar::model::Team;
    /// use haalbaar::{Fixed, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let second = NaiveDate::from_ymd_opt(2025, 1, 20).expect("a date"); // PI1.2 starts
    /// let team = Team::new("api").people(Fixed::from_int(3)).leave(Fixed::ONE, second);
    /// let checked = PlanBuilder::new("Demo", start).team(team).check();
    /// let cells = &checked.capacity.as_ref().expect("a valid calendar").teams[0].iterations;
    /// assert_eq!(cells[0].capacity, Fixed::from_int(30));
    /// assert_eq!(cells[1].capacity, Fixed::from_int(20));
    /// ```
    pub fn leave(mut self, count: Fixed, date: NaiveDate) -> Self {
        self.leaves.push(Change { count, date, ramp_days: 0, loc: Loc(None) });
        self
    }
    /// `absent COUNT people FROM .. TO`: people away for a stretch.
    ///
    /// ```
    /// use haalbaar::model::Team;
    /// use haalbaar::{Fixed, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let d = |m, day| NaiveDate::from_ymd_opt(2025, m, day).expect("a date");
    /// let team = Team::new("api").people(Fixed::from_int(3)).absent(Fixed::ONE, d(1, 6), d(1, 17));
    /// let checked = PlanBuilder::new("Demo", start).team(team).check();
    /// // One of three away all of PI1.1: 20 person-days, not 30.
    /// assert_eq!(checked.capacity.expect("capacity").teams[0].iterations[0].capacity, Fixed::from_int(20));
    /// ```
    pub fn absent(mut self, count: Fixed, from: NaiveDate, to: NaiveDate) -> Self {
        self.absences.push(crate::model::Absence::new(count, from, to));
        self
    }
    /// `holiday "NAME" FROM .. TO` in the team: days this team does not work.
    ///
    /// ```
    /// use haalbaar::model::Team;
    /// use haalbaar::{Fixed, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let d = |m, day| NaiveDate::from_ymd_opt(2025, m, day).expect("a date");
    /// let team = Team::new("ops").fixed_capacity(Fixed::from_int(20)).holiday("Hei", d(1, 6), d(1, 10));
    /// let checked = PlanBuilder::new("Demo", start).team(team).check();
    /// // Half of PI1.1's working days: half its capacity.
    /// assert_eq!(checked.capacity.expect("capacity").teams[0].iterations[0].capacity, Fixed::from_int(10));
    /// ```
    pub fn holiday(mut self, name: impl Into<String>, from: NaiveDate, to: NaiveDate) -> Self {
        self.holidays.push(crate::model::Holiday::new(name, from, to));
        self
    }
    /// `lend N to TEAM FROM..UNTIL`.
    ///
    /// ```
    /// use haalbaar::model::{Period, Team};
    /// use haalbaar::{Fixed, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let pi1 = Period::Pi { pi: 1, iteration: None };
    /// let checked = PlanBuilder::new("Demo", start)
    ///     .team(Team::new("api").people(Fixed::from_int(3)).lend(Fixed::ONE, "web", pi1, pi1))
    ///     .team(Team::new("web").people(Fixed::from_int(2)))
    ///     .check();
    /// let capacity = checked.capacity.expect("a valid calendar");
    /// assert_eq!(capacity.teams[0].iterations[0].capacity, Fixed::from_int(20)); // api: 3 - 1
    /// assert_eq!(capacity.teams[1].iterations[0].capacity, Fixed::from_int(30)); // web: 2 + 1
    /// ```
    pub fn lend(mut self, count: Fixed, to: &str, from: Period, until: Period) -> Self {
        self.lends.push(Lend { count, to: Ref::new(to), from, until, loc: Loc(None) });
        self
    }
    /// `capacity N per iteration`: a fixed figure instead of people.
    ///
    /// ```
    /// use haalbaar::model::Team;
    /// use haalbaar::{Fixed, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let team = Team::new("api").fixed_capacity(Fixed::from_int(25));
    /// let checked = PlanBuilder::new("Demo", start).team(team).check();
    /// let cells = &checked.capacity.as_ref().expect("a valid calendar").teams[0].iterations;
    /// assert_eq!(cells[0].capacity, Fixed::from_int(25));
    /// assert_eq!(cells[4].capacity, Fixed::ZERO); // PI1.5, an IP iteration
    /// ```
    pub fn fixed_capacity(mut self, per_iteration: Fixed) -> Self {
        self.fixed = Some(per_iteration);
        self
    }
    /// `velocity N per iteration` (plans in points).
    ///
    /// ```
    /// use haalbaar::model::{Team, Unit};
    /// use haalbaar::{Fixed, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let checked = PlanBuilder::new("Demo", start)
    ///     .unit(Unit::Points)
    ///     .team(Team::new("api").people(Fixed::from_int(5)).velocity(Fixed::from_int(30)))
    ///     .check();
    /// let capacity = checked.capacity.expect("a valid calendar");
    /// // An iteration without holidays gives the velocity.
    /// assert_eq!(capacity.teams[0].iterations[0].capacity, Fixed::from_int(30));
    /// ```
    pub fn velocity(mut self, per_iteration: Fixed) -> Self {
        self.velocity = Some(per_iteration);
        self
    }
    /// `capacity PIpi[.iteration] AMOUNT`: a figure instead of what people give.
    ///
    /// ```
    /// use haalbaar::model::Team;
    /// use haalbaar::{Fixed, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let team = Team::new("api").people(Fixed::from_int(2)).capacity_override(1, Some(2), Fixed::from_int(12));
    /// let checked = PlanBuilder::new("Demo", start).team(team).check();
    /// let cells = &checked.capacity.as_ref().expect("a valid calendar").teams[0].iterations;
    /// assert_eq!(cells[0].capacity, Fixed::from_int(20));
    /// assert_eq!(cells[1].capacity, Fixed::from_int(12)); // PI1.2
    /// ```
    pub fn capacity_override(mut self, pi: u32, iteration: Option<u32>, amount: Fixed) -> Self {
        self.overrides.push(Override { pi, iteration, amount, loc: Loc(None) });
        self
    }

    /// `capacity PIpi.iteration +delta` (or a whole PI with `iteration` `None`; `delta` may be
    /// negative).
    ///
    /// ```
    /// use haalbaar::model::Team;
    /// use haalbaar::{Fixed, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let team = Team::new("api").people(Fixed::from_int(2)).capacity_adjust(1, Some(1), Fixed::from_int(-5));
    /// let checked = PlanBuilder::new("Demo", start).team(team).check();
    /// let cells = &checked.capacity.as_ref().expect("a valid calendar").teams[0].iterations;
    /// assert_eq!(cells[0].capacity, Fixed::from_int(15)); // PI1.1: 20 - 5
    /// assert_eq!(cells[0].adjustment, Fixed::from_int(-5));
    /// ```
    pub fn capacity_adjust(mut self, pi: u32, iteration: Option<u32>, delta: Fixed) -> Self {
        self.adjustments.push(crate::model::Adjustment { pi, iteration, delta, loc: Loc(None) });
        self
    }
}
