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

mod item;
mod team;

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
                milestones: Vec::new(),
            },
        }
    }
    /// A `milestone` line: another party's date items may wait for (`after ID`).
    ///
    /// ```
    /// use haalbaar::model::{Item, Milestone};
    /// use haalbaar::{Fixed, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let day = NaiveDate::from_ymd_opt(2025, 3, 1).expect("a date");
    /// let plan = PlanBuilder::new("Demo", start).milestone(Milestone::new("wetgeving", day)).plan();
    /// assert!(haalbaar::print(&plan).contains("\nmilestone wetgeving 2025-03-01\n"));
    /// ```
    pub fn milestone(mut self, milestone: crate::model::Milestone) -> Self {
        self.plan.milestones.push(milestone);
        self
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
    /// `uncertainty capacity P%` (forecast: each iteration's capacity of a team without
    /// history varies up to P% either way).
    ///
    /// ```
    /// use haalbaar::{Fixed, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let plan = PlanBuilder::new("Demo", start).capacity_uncertainty(Fixed::from_int(20)).plan();
    /// assert!(haalbaar::print(&plan).contains("\n  uncertainty capacity 20%\n"));
    /// ```
    pub fn capacity_uncertainty(mut self, percent: Fixed) -> Self {
        self.plan.settings.capacity_uncertainty = Some(percent);
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
    /// `as of DATE`: the status date the plan is checked from (progress on items counts
    /// from it; iterations before it are history).
    ///
    /// ```
    /// use haalbaar::{NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let day = NaiveDate::from_ymd_opt(2025, 3, 3).expect("a date");
    /// let plan = PlanBuilder::new("Demo", start).as_of(day).plan();
    /// assert_eq!(plan.settings.as_of.as_ref().map(|d| d.value), Some(day));
    /// assert!(haalbaar::print(&plan).contains("\n  as of 2025-03-03\n"));
    /// ```
    pub fn as_of(mut self, day: NaiveDate) -> Self {
        self.plan.settings.as_of = Some(crate::model::At::new(day));
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
