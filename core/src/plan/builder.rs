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
///
/// ```
/// use haalbaar::model::{Item, Period, Team};
/// use haalbaar::{Fixed, NaiveDate, PlanBuilder, PlanVerdict};
///
/// let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
/// let pi2 = Period::Pi { pi: 2, iteration: None };
/// let checked = PlanBuilder::new("Demo", start)
///     .team(Team::new("api").people(Fixed::from_int(4)).focus(Fixed::from_int(75)))
///     .item(Item::new("login").team("api").effort(Fixed::from_int(40)).commit(pi2, false))
///     .check();
/// assert_eq!(checked.verdict(), PlanVerdict::Feasible);
/// ```
#[derive(Debug, Clone)]
pub struct PlanBuilder {
    plan: Plan,
}

/// Continues building from a plan: one read from text, or built before.
///
/// ```
/// use haalbaar::model::Item;
/// use haalbaar::PlanBuilder;
///
/// let text = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\n";
/// let read = haalbaar::check(text).plan;
/// let plan = PlanBuilder::from(read).item(Item::new("login").team("api")).plan();
/// assert_eq!((plan.teams.len(), plan.items.len()), (1, 1));
/// ```
impl From<Plan> for PlanBuilder {
    fn from(plan: Plan) -> Self {
        PlanBuilder { plan }
    }
}

impl PlanBuilder {
    /// A plan starting on `start` with the language's defaults (18 months, 10-week PIs,
    /// 2-week iterations, 1 IP iteration, days, 5-day weeks, load 100%).
    ///
    /// ```
    /// use haalbaar::{NaiveDate, PlanBuilder};
    ///
    /// let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let calendar = PlanBuilder::new("Demo", start).check().calendar.expect("a valid calendar");
    /// // 18 months from 2025-01-06, its last day included.
    /// assert_eq!(calendar.last_day, NaiveDate::from_ymd_opt(2026, 7, 5).expect("a date"));
    /// assert_eq!(calendar.per_pi, 5); // 10-week PIs of 2-week iterations
    /// ```
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
    ///
    /// ```
    /// use haalbaar::{NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let checked = PlanBuilder::new("Demo", start).horizon_months(6).check();
    /// // 2025-01-06 to 2025-07-05 holds 12 whole two-week iterations.
    /// assert_eq!(checked.calendar.expect("a valid calendar").iterations.len(), 12);
    /// ```
    pub fn horizon_months(mut self, months: u32) -> Self {
        self.plan.settings.horizon = Horizon::Length(Length::Months(months));
        self
    }
    /// `end DATE`: the horizon's last day, instead of a length.
    ///
    /// ```
    /// use haalbaar::{NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let last = NaiveDate::from_ymd_opt(2025, 6, 30).expect("a date");
    /// let checked = PlanBuilder::new("Demo", start).end(last).check();
    /// assert_eq!(checked.calendar.expect("a valid calendar").last_day, last);
    /// ```
    pub fn end(mut self, last_day: NaiveDate) -> Self {
        self.plan.settings.horizon = Horizon::End(last_day);
        self
    }
    /// `increment LENGTH`: the PI length (default 10 weeks).
    ///
    /// ```
    /// use haalbaar::model::Length;
    /// use haalbaar::{NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let checked = PlanBuilder::new("Demo", start).increment(Length::Weeks(12)).check();
    /// // A 12-week PI holds six 2-week iterations.
    /// assert_eq!(checked.calendar.expect("a valid calendar").per_pi, 6);
    /// ```
    pub fn increment(mut self, len: Length) -> Self {
        self.plan.settings.increment = len;
        self
    }
    /// `iteration LENGTH`: the iteration length (default 2 weeks).
    ///
    /// ```
    /// use haalbaar::model::Length;
    /// use haalbaar::{NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let checked = PlanBuilder::new("Demo", start).iteration(Length::Weeks(1)).check();
    /// let calendar = checked.calendar.expect("a valid calendar");
    /// // A 10-week PI holds ten 1-week iterations.
    /// assert_eq!((calendar.iteration_days, calendar.per_pi), (7, 10));
    /// ```
    pub fn iteration(mut self, len: Length) -> Self {
        self.plan.settings.iteration = len;
        self
    }
    /// `innovation N`: IP iterations at the end of every PI (default 1).
    ///
    /// ```
    /// use haalbaar::{NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let default = PlanBuilder::new("Demo", start).check().calendar.expect("a valid calendar");
    /// assert!(default.iterations[4].ip); // PI1.5
    /// let none = PlanBuilder::new("Demo", start).innovation(0).check().calendar.expect("a valid calendar");
    /// assert!(none.iterations.iter().all(|it| !it.ip));
    /// ```
    pub fn innovation(mut self, iterations: u32) -> Self {
        self.plan.settings.innovation = iterations;
        self
    }
    /// `unit days` or `unit points`.
    ///
    /// ```
    /// use haalbaar::model::{Team, Unit};
    /// use haalbaar::{Fixed, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let checked = PlanBuilder::new("Demo", start)
    ///     .unit(Unit::Points)
    ///     .team(Team::new("api").people(Fixed::from_int(5)))
    ///     .check();
    /// let capacity = checked.capacity.expect("a valid calendar");
    /// // Without a velocity: 8 points per person per 10 working days.
    /// assert_eq!(capacity.teams[0].iterations[0].capacity, Fixed::from_int(40));
    /// ```
    pub fn unit(mut self, unit: Unit) -> Self {
        self.plan.settings.unit = unit;
        self
    }
    /// `workweek N days` (default 5).
    ///
    /// ```
    /// use haalbaar::model::Team;
    /// use haalbaar::{Fixed, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let checked = PlanBuilder::new("Demo", start).workweek(4).team(Team::new("api").people(Fixed::ONE)).check();
    /// let capacity = checked.capacity.expect("a valid calendar");
    /// // Two weeks of four working days, for one person.
    /// assert_eq!(capacity.teams[0].iterations[0].capacity, Fixed::from_int(8));
    /// ```
    pub fn workweek(mut self, days: u32) -> Self {
        self.plan.settings.workweek = days;
        self
    }
    /// `holiday "name" FROM..TO` (`from == to` for one day).
    ///
    /// ```
    /// use haalbaar::{NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let day = NaiveDate::from_ymd_opt(2025, 1, 8).expect("a date"); // a Wednesday
    /// let checked = PlanBuilder::new("Demo", start).holiday("Studiedag", day, day).check();
    /// let calendar = checked.calendar.expect("a valid calendar");
    /// assert_eq!(calendar.iterations[0].working_days, 9);
    /// assert_eq!(calendar.iterations[0].holidays, vec![("Studiedag".to_string(), 1_u32)]);
    /// ```
    pub fn holiday(mut self, name: impl Into<String>, from: NaiveDate, to: NaiveDate) -> Self {
        self.plan.settings.holidays.push(Holiday { name: name.into(), from, to, loc: Loc(None) });
        self
    }
    /// `load P%`.
    ///
    /// ```
    /// use haalbaar::model::Team;
    /// use haalbaar::{Fixed, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let checked = PlanBuilder::new("Demo", start)
    ///     .load(Fixed::from_int(50))
    ///     .team(Team::new("api").people(Fixed::from_int(4)))
    ///     .check();
    /// let capacity = checked.capacity.expect("a valid calendar");
    /// let cell = &capacity.teams[0].iterations[0];
    /// assert_eq!((cell.capacity, cell.plannable), (Fixed::from_int(40), Fixed::from_int(20)));
    /// ```
    pub fn load(mut self, percent: Fixed) -> Self {
        self.plan.settings.load = percent;
        self
    }
    /// `uncertainty grows P% per PI` (forecast: estimates widen with distance from `start`).
    ///
    /// ```
    /// use haalbaar::{Fixed, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let plan = PlanBuilder::new("Demo", start).uncertainty(Fixed::from_int(10)).plan();
    /// assert_eq!(plan.settings.uncertainty, Some(Fixed::from_int(10)));
    /// assert!(haalbaar::print(&plan).contains("\n  uncertainty grows 10% per PI\n"));
    /// ```
    pub fn uncertainty(mut self, percent_per_pi: Fixed) -> Self {
        self.plan.settings.uncertainty = Some(percent_per_pi);
        self
    }
    /// `firm N PIs` (forecast: commitments further ahead are forecasts, not promises).
    ///
    /// ```
    /// use haalbaar::{NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let plan = PlanBuilder::new("Demo", start).firm(3).plan();
    /// assert_eq!(plan.settings.firm_pis, Some(3));
    /// assert!(haalbaar::print(&plan).contains("\n  firm 3 PIs\n"));
    /// ```
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
    ///
    /// ```
    /// use haalbaar::model::{Item, Team};
    /// use haalbaar::{Code, Fixed, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let mut b = PlanBuilder::new("Demo", start)
    ///     .team(Team::new("api").people(Fixed::from_int(4)))
    ///     .item(Item::new("login").team("api").effort(Fixed::from_int(20)));
    /// assert!(b.remove_team("api"));
    /// assert!(!b.remove_team("api"));
    /// // The item now names a team the plan does not have.
    /// assert!(b.check().diagnostics.iter().any(|d| d.code == Code::E0201));
    /// ```
    pub fn remove_team(&mut self, id: &str) -> bool {
        let before = self.plan.teams.len();
        self.plan.teams.retain(|t| t.id != id);
        self.plan.teams.len() != before
    }
    /// Removes the epic with this id; returns whether there was one.
    ///
    /// ```
    /// use haalbaar::model::{Epic, Item, Team};
    /// use haalbaar::{Code, Fixed, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let mut b = PlanBuilder::new("Demo", start)
    ///     .team(Team::new("api").people(Fixed::from_int(4)))
    ///     .epic(Epic::new("stelsel"))
    ///     .item(Item::new("login").team("api").effort(Fixed::from_int(20)).epic("stelsel"));
    /// assert!(b.remove_epic("stelsel"));
    /// assert!(!b.remove_epic("stelsel"));
    /// // The item now names an epic the plan does not have.
    /// assert!(b.check().diagnostics.iter().any(|d| d.code == Code::E0203));
    /// ```
    pub fn remove_epic(&mut self, id: &str) -> bool {
        let before = self.plan.epics.len();
        self.plan.epics.retain(|e| e.id != id);
        self.plan.epics.len() != before
    }
    /// The item with this id, to change it in place.
    ///
    /// ```
    /// use haalbaar::model::Item;
    /// use haalbaar::{NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let mut b = PlanBuilder::new("Demo", start).item(Item::new("login"));
    /// b.item_mut("login").expect("the item").priority = Some(1);
    /// assert!(b.item_mut("logout").is_none());
    /// assert_eq!(b.plan().items[0].priority, Some(1));
    /// ```
    pub fn item_mut(&mut self, id: &str) -> Option<&mut Item> {
        self.plan.items.iter_mut().find(|i| i.id == id)
    }
    /// The team with this id, to change it in place.
    ///
    /// ```
    /// use haalbaar::model::Team;
    /// use haalbaar::{Fixed, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let mut b = PlanBuilder::new("Demo", start).team(Team::new("api").people(Fixed::from_int(2)));
    /// b.team_mut("api").expect("the team").people = Some(Fixed::from_int(3));
    /// assert!(b.team_mut("web").is_none());
    /// let capacity = b.check().capacity.expect("a valid calendar");
    /// assert_eq!(capacity.teams[0].iterations[0].capacity, Fixed::from_int(30));
    /// ```
    pub fn team_mut(&mut self, id: &str) -> Option<&mut Team> {
        self.plan.teams.iter_mut().find(|t| t.id == id)
    }
    /// Adds a team block.
    ///
    /// ```
    /// use haalbaar::model::Team;
    /// use haalbaar::{Fixed, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let checked = PlanBuilder::new("Demo", start).team(Team::new("api").people(Fixed::from_int(3))).check();
    /// let capacity = checked.capacity.expect("a valid calendar");
    /// assert_eq!(capacity.teams[0].team, "api");
    /// // 3 people × 10 working days.
    /// assert_eq!(capacity.teams[0].iterations[0].capacity, Fixed::from_int(30));
    /// ```
    pub fn team(mut self, team: Team) -> Self {
        self.plan.teams.push(team);
        self
    }
    /// Adds an epic block.
    ///
    /// ```
    /// use haalbaar::model::Epic;
    /// use haalbaar::{Code, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let checked = PlanBuilder::new("Demo", start).epic(Epic::new("stelsel")).check();
    /// // An epic that no item names is a warning, not an error.
    /// assert!(checked.diagnostics.iter().any(|d| d.code == Code::W0503));
    /// assert!(!checked.has_errors());
    /// ```
    pub fn epic(mut self, epic: Epic) -> Self {
        self.plan.epics.push(epic);
        self
    }
    /// Adds an item block.
    ///
    /// ```
    /// use haalbaar::model::{Item, Period, Team};
    /// use haalbaar::{Fixed, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let pi2 = Period::Pi { pi: 2, iteration: None };
    /// let checked = PlanBuilder::new("Demo", start)
    ///     .team(Team::new("api").people(Fixed::from_int(4)))
    ///     .item(Item::new("login").team("api").effort(Fixed::from_int(40)).commit(pi2, false))
    ///     .check();
    /// let feasibility = checked.feasibility.expect("a plan without errors");
    /// assert_eq!(feasibility.commitments[0].item, "login");
    /// ```
    pub fn item(mut self, item: Item) -> Self {
        self.plan.items.push(item);
        self
    }
    /// The plan as built, unchecked.
    ///
    /// ```
    /// use haalbaar::model::Team;
    /// use haalbaar::{NaiveDate, PlanBuilder};
    ///
    /// let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let plan = PlanBuilder::new("Demo", start).team(Team::new("api")).plan();
    /// assert_eq!(plan.title.as_deref(), Some("Demo"));
    /// assert_eq!(plan.settings.start, start);
    /// assert!(plan.team("api").is_some());
    /// ```
    pub fn plan(self) -> Plan {
        self.plan
    }
    /// Checks the plan as [`crate::check`] checks a file.
    ///
    /// ```
    /// use haalbaar::model::{Item, Team};
    /// use haalbaar::{Code, Fixed, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let checked = PlanBuilder::new("Demo", start)
    ///     .team(Team::new("api").people(Fixed::from_int(4)))
    ///     .item(Item::new("login").team("api"))
    ///     .check();
    /// // As in a file, an item without an estimate is an error.
    /// assert!(checked.diagnostics.iter().any(|d| d.code == Code::E0207));
    /// assert!(checked.has_errors());
    /// ```
    pub fn check(self) -> Checked {
        check_plan(self.plan)
    }
}

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
        self.vacancies.push(Vacancy { count, date, chance: chance_percent, loc: Loc(None) });
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

impl Item {
    /// The block's title.
    ///
    /// ```
    /// use haalbaar::model::Item;
    ///
    /// let item = Item::new("login").title("Inloggen");
    /// assert_eq!(item.title.as_deref(), Some("Inloggen"));
    /// assert!(Item::new("login").title.is_none());
    /// ```
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }
    /// `team ID`.
    ///
    /// ```
    /// use haalbaar::model::{Item, Team};
    /// use haalbaar::{Fixed, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// # let api = Team::new("api").people(Fixed::from_int(4));
    /// let item = Item::new("login").team("api").effort(Fixed::from_int(20));
    /// let checked = PlanBuilder::new("Demo", start).team(api).item(item).check();
    /// assert!(!checked.has_errors());
    /// assert_eq!(checked.plan.items[0].team.as_ref().map(|t| t.id.as_str()), Some("api"));
    /// ```
    pub fn team(mut self, team: &str) -> Self {
        self.team = Some(Ref::new(team));
        self
    }
    /// `epic ID`.
    ///
    /// ```
    /// use haalbaar::model::{Epic, Item, Team};
    /// use haalbaar::{Code, Fixed, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let checked = PlanBuilder::new("Demo", start)
    ///     .team(Team::new("api").people(Fixed::from_int(4)))
    ///     .epic(Epic::new("stelsel"))
    ///     .item(Item::new("login").team("api").effort(Fixed::from_int(20)).epic("stelsel"))
    ///     .check();
    /// // The epic has an item: no warning W0503, and no error.
    /// assert!(checked.diagnostics.iter().all(|d| d.code != Code::W0503));
    /// assert!(!checked.has_errors());
    /// ```
    pub fn epic(mut self, epic: &str) -> Self {
        self.epic = Some(Ref::new(epic));
        self
    }
    /// `effort N`: one figure.
    ///
    /// ```
    /// use haalbaar::model::Item;
    /// use haalbaar::Fixed;
    ///
    /// let item = Item::new("login").effort(Fixed::from_int(40));
    /// let effort = item.effort.expect("an estimate").value;
    /// assert_eq!((effort.low, effort.high), (Fixed::from_int(40), Fixed::from_int(40)));
    /// assert_eq!(effort.likely(), Fixed::from_int(40));
    /// ```
    pub fn effort(mut self, likely: Fixed) -> Self {
        self.effort = Some(At::new(Effort::exact(likely)));
        self
    }
    /// `effort LOW..HIGH` (`mode` `None`) or `effort LOW..MODE..HIGH`.
    ///
    /// ```
    /// use haalbaar::model::Item;
    /// use haalbaar::Fixed;
    ///
    /// let f = Fixed::from_int;
    /// let two = Item::new("a").effort_range(f(30), None, f(50));
    /// assert_eq!(two.effort.map(|e| e.value.likely()), Some(f(40))); // the midpoint
    /// let three = Item::new("b").effort_range(f(30), Some(f(35)), f(50));
    /// assert_eq!(three.effort.map(|e| e.value.likely()), Some(f(35))); // the middle figure
    /// ```
    pub fn effort_range(mut self, low: Fixed, mode: Option<Fixed>, high: Fixed) -> Self {
        self.effort = Some(At::new(Effort { low, mode, high }));
        self
    }
    /// `after ID [+ LAG]`.
    ///
    /// ```
    /// use haalbaar::model::{Item, Length, Team};
    /// use haalbaar::{Code, Fixed, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// # let api = Team::new("api").people(Fixed::from_int(4));
    /// let lag = Some(Length::Iterations(1));
    /// let item = Item::new("b").team("api").effort(Fixed::from_int(10)).after("a", lag);
    /// assert_eq!(item.after[0].lag, Some(Length::Iterations(1)));
    /// let checked = PlanBuilder::new("Demo", start).team(api).item(item).check();
    /// // There is no item `a` to wait for.
    /// assert!(checked.diagnostics.iter().any(|d| d.code == Code::E0202));
    /// ```
    pub fn after(mut self, item: &str, lag: Option<Length>) -> Self {
        self.after.push(Dependency { item: Ref::new(item), lag, loc: Loc(None) });
        self
    }
    /// `commit PERIOD [hard]`.
    ///
    /// ```
    /// use haalbaar::model::{Item, Period, Team};
    /// use haalbaar::{Fixed, NaiveDate, PlanBuilder, Status};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let pi2 = Period::Pi { pi: 2, iteration: None };
    /// let checked = PlanBuilder::new("Demo", start)
    ///     .team(Team::new("api").people(Fixed::from_int(4)))
    ///     .item(Item::new("login").team("api").effort(Fixed::from_int(40)).commit(pi2, true))
    ///     .check();
    /// let c = &checked.feasibility.as_ref().expect("a plan without errors").commitments[0];
    /// assert_eq!((c.item.as_str(), c.hard, c.status), ("login", true, Status::Met));
    /// ```
    pub fn commit(mut self, period: Period, hard: bool) -> Self {
        self.commit = Some(Commit { period, hard, loc: Loc(None) });
        self
    }
    /// `not before PERIOD`.
    ///
    /// ```
    /// use haalbaar::model::{Item, Period, Team};
    /// use haalbaar::{Code, Fixed, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// # let api = Team::new("api").people(Fixed::from_int(4));
    /// let pi = |pi| Period::Pi { pi, iteration: None };
    /// let item = Item::new("login").team("api").effort(Fixed::from_int(20));
    /// let item = item.not_before(pi(2)).commit(pi(1), false);
    /// let checked = PlanBuilder::new("Demo", start).team(api).item(item).check();
    /// // It may not start before PI2, yet must be done by the end of PI1.
    /// assert!(checked.diagnostics.iter().any(|d| d.code == Code::E0305));
    /// ```
    pub fn not_before(mut self, period: Period) -> Self {
        self.not_before = Some(At::new(period));
        self
    }
    /// `max N people` or `max N per iteration`.
    ///
    /// ```
    /// use haalbaar::model::{Item, Max, Period, Team};
    /// use haalbaar::{Fixed, NaiveDate, PlanBuilder, PlanVerdict};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let pi1 = Period::Pi { pi: 1, iteration: None };
    /// let item = Item::new("login").team("api").effort(Fixed::from_int(50)).commit(pi1, false);
    /// let checked = PlanBuilder::new("Demo", start)
    ///     .team(Team::new("api").people(Fixed::from_int(4)))
    ///     .item(item.max(Max::People(Fixed::ONE)))
    ///     .check();
    /// // One person does 10 days an iteration: 40 in PI1's four planned iterations, not 50.
    /// assert_eq!(checked.verdict(), PlanVerdict::Infeasible);
    /// ```
    pub fn max(mut self, max: Max) -> Self {
        self.max = Some(At::new(max));
        self
    }
    /// `priority N` (1 first).
    ///
    /// ```
    /// use haalbaar::model::{Item, Period, Team};
    /// use haalbaar::{Fixed, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let pi2 = Period::Pi { pi: 2, iteration: None };
    /// let checked = PlanBuilder::new("Demo", start)
    ///     .team(Team::new("api").people(Fixed::from_int(4)))
    ///     .item(Item::new("a").team("api").effort(Fixed::from_int(20)).commit(pi2, false).priority(2))
    ///     .item(Item::new("b").team("api").effort(Fixed::from_int(20)).commit(pi2, false).priority(1))
    ///     .check();
    /// let first = &checked.feasibility.as_ref().expect("a plan without errors").commitments[0];
    /// assert_eq!((first.item.as_str(), first.rank), ("b", 1));
    /// ```
    pub fn priority(mut self, rank: u32) -> Self {
        self.priority = Some(rank);
        self
    }
    /// `in FROM..TO` (or one period, with `from == to`): placed there on the program board.
    ///
    /// ```
    /// use haalbaar::model::{Item, Period, Team};
    /// use haalbaar::{Fixed, NaiveDate, PlanBuilder, Status};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let pi1 = Period::Pi { pi: 1, iteration: None };
    /// let checked = PlanBuilder::new("Demo", start)
    ///     .team(Team::new("api").people(Fixed::from_int(4)))
    ///     .item(Item::new("login").team("api").effort(Fixed::from_int(40)).placed_in(pi1, pi1))
    ///     .check();
    /// // A placement counts as a commitment, due by the end of its range.
    /// let feasibility = checked.feasibility.expect("a plan without errors");
    /// assert_eq!(feasibility.commitments.len(), 1);
    /// assert_eq!(feasibility.commitments[0].status, Status::Met);
    /// ```
    pub fn placed_in(mut self, from: Period, to: Period) -> Self {
        self.placed = Some(At::new((from, to)));
        self
    }
    /// `target PERIOD`: an uncommitted objective (missing it is a warning).
    ///
    /// ```
    /// use haalbaar::model::{Item, Period, Team};
    /// use haalbaar::{Code, Fixed, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// # let api = Team::new("api").people(Fixed::from_int(4));
    /// let pi1 = Period::Pi { pi: 1, iteration: None };
    /// let item = Item::new("big").team("api").effort(Fixed::from_int(200)).target(pi1);
    /// let checked = PlanBuilder::new("Demo", start).team(api).item(item).check();
    /// // 4 people do 160 days in PI1: the target is missed, which is a warning.
    /// assert!(checked.diagnostics.iter().any(|d| d.code == Code::W0507));
    /// assert!(!checked.has_errors());
    /// ```
    pub fn target(mut self, period: Period) -> Self {
        self.target = Some(At::new(period));
        self
    }
    /// `wsjf value V urgency U risk R [size S]` (size: the likely effort when `None`).
    ///
    /// ```
    /// use haalbaar::model::Item;
    /// use haalbaar::Fixed;
    ///
    /// let f = Fixed::from_int;
    /// let item = Item::new("login").effort(f(40)).wsjf(f(8), f(5), f(3), None);
    /// // (8 + 5 + 3) / 40, the likely effort.
    /// assert_eq!(item.wsjf_score(), Some(Fixed::from_millis(400)));
    /// ```
    pub fn wsjf(mut self, value: Fixed, urgency: Fixed, risk: Fixed, size: Option<Fixed>) -> Self {
        self.wsjf = Some(Wsjf { value, urgency, risk, size });
        self
    }
    /// `owner "…"`.
    ///
    /// ```
    /// use haalbaar::model::Item;
    /// use haalbaar::{NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let plan = PlanBuilder::new("Demo", start).item(Item::new("login").owner("DG Digitalisering")).plan();
    /// assert_eq!(plan.items[0].owner.as_deref(), Some("DG Digitalisering"));
    /// assert!(haalbaar::print(&plan).contains("\n  owner \"DG Digitalisering\"\n"));
    /// ```
    pub fn owner(mut self, owner: impl Into<String>) -> Self {
        self.owner = Some(owner.into());
        self
    }
    /// `note "…"`.
    ///
    /// ```
    /// use haalbaar::model::Item;
    /// use haalbaar::{NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let plan = PlanBuilder::new("Demo", start).item(Item::new("login").note("na de zomer")).plan();
    /// assert_eq!(plan.items[0].note.as_deref(), Some("na de zomer"));
    /// assert!(haalbaar::print(&plan).contains("\n  note \"na de zomer\"\n"));
    /// ```
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }
}

impl Epic {
    /// The block's title.
    ///
    /// ```
    /// use haalbaar::model::Epic;
    /// use haalbaar::{NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let plan = PlanBuilder::new("Demo", start).epic(Epic::new("stelsel").title("Stelsel Toegang")).plan();
    /// assert_eq!(plan.epics[0].title.as_deref(), Some("Stelsel Toegang"));
    /// assert!(haalbaar::print(&plan).contains("\nepic stelsel \"Stelsel Toegang\" {\n"));
    /// ```
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }
    /// `commit PERIOD [hard]`: every item of the epic done by then.
    ///
    /// ```
    /// use haalbaar::model::{Epic, Item, Period, Team};
    /// use haalbaar::report::feasibility::CommitmentKind;
    /// use haalbaar::{Fixed, NaiveDate, PlanBuilder, Status};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let checked = PlanBuilder::new("Demo", start)
    ///     .team(Team::new("api").people(Fixed::from_int(4)))
    ///     .epic(Epic::new("stelsel").commit(Period::Pi { pi: 2, iteration: None }, false))
    ///     .item(Item::new("login").team("api").effort(Fixed::from_int(40)).epic("stelsel"))
    ///     .check();
    /// let c = &checked.feasibility.as_ref().expect("a plan without errors").commitments[0];
    /// assert_eq!((c.item.as_str(), c.kind, c.status), ("stelsel", CommitmentKind::Epic, Status::Met));
    /// ```
    pub fn commit(mut self, period: Period, hard: bool) -> Self {
        self.commit = Some(Commit { period, hard, loc: Loc(None) });
        self
    }
    /// `owner "…"`.
    ///
    /// ```
    /// use haalbaar::model::Epic;
    /// use haalbaar::{NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let plan = PlanBuilder::new("Demo", start).epic(Epic::new("stelsel").owner("DG Digitalisering")).plan();
    /// assert_eq!(plan.epics[0].owner.as_deref(), Some("DG Digitalisering"));
    /// assert!(haalbaar::print(&plan).contains("\n  owner \"DG Digitalisering\"\n"));
    /// ```
    pub fn owner(mut self, owner: impl Into<String>) -> Self {
        self.owner = Some(owner.into());
        self
    }
    /// `priority N` (1 first).
    ///
    /// ```
    /// use haalbaar::model::Epic;
    /// use haalbaar::{NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let plan = PlanBuilder::new("Demo", start).epic(Epic::new("stelsel").priority(1)).plan();
    /// assert_eq!(plan.epics[0].priority, Some(1));
    /// assert!(haalbaar::print(&plan).contains("\n  priority 1\n"));
    /// ```
    pub fn priority(mut self, rank: u32) -> Self {
        self.priority = Some(rank);
        self
    }
    /// `note "…"`.
    ///
    /// ```
    /// use haalbaar::model::Epic;
    /// use haalbaar::{NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let plan = PlanBuilder::new("Demo", start).epic(Epic::new("stelsel").note("wettelijk verplicht")).plan();
    /// assert_eq!(plan.epics[0].note.as_deref(), Some("wettelijk verplicht"));
    /// assert!(haalbaar::print(&plan).contains("\n  note \"wettelijk verplicht\"\n"));
    /// ```
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }
}
