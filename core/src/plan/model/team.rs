//! A team and its capacity changes: hires and leavers, vacancies, lending, capacity set or adjusted.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Loc, Period, Ref, is_none_loc};
use crate::fixed::Fixed;

/// People joining (`hire`) or leaving (`leave`) on a day.
///
/// ```
/// use haalbaar::Fixed;
///
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\n\
///               team api {\n  people 4\n  hire 2 on 2025-03-03 ramp 2 weeks\n}\n";
/// let checked = haalbaar::check(source);
/// let hire = &checked.plan.teams[0].hires[0];
/// assert_eq!((hire.count, hire.ramp_days), (Fixed::from_int(2), 14));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Change {
    /// People (FTE) joining or leaving.
    pub count: Fixed,
    /// The day it takes effect.
    pub date: NaiveDate,
    /// Calendar days over which a hire's productivity rises from 0 to 1 (0: at once).
    #[serde(default)]
    pub ramp_days: u32,
    /// Where it was written (`None` for a plan built in code).
    #[serde(default, skip_serializing_if = "is_none_loc")]
    pub loc: Loc,
}

impl Change {
    /// `hire COUNT on DATE ramp N days` (`ramp_days` 0: productive at once).
    ///
    /// ```
    /// use haalbaar::model::{Change, Team};
    /// use haalbaar::{Fixed, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let second = NaiveDate::from_ymd_opt(2025, 1, 20).expect("a date"); // PI1.2 starts
    /// let mut team = Team::new("api").people(Fixed::ONE);
    /// team.hires.push(Change::hire(Fixed::from_int(2), second, 0));
    /// let capacity = PlanBuilder::new("Demo", start).team(team).check().capacity.expect("a valid calendar");
    /// assert_eq!(capacity.teams[0].iterations[0].capacity, Fixed::from_int(10));
    /// assert_eq!(capacity.teams[0].iterations[1].capacity, Fixed::from_int(30));
    /// ```
    pub fn hire(count: Fixed, date: NaiveDate, ramp_days: u32) -> Self {
        Change { count, date, ramp_days, loc: Loc(None) }
    }
    /// `leave COUNT on DATE`.
    ///
    /// ```
    /// use haalbaar::model::{Change, Team};
    /// use haalbaar::{Fixed, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let second = NaiveDate::from_ymd_opt(2025, 1, 20).expect("a date"); // PI1.2 starts
    /// let mut team = Team::new("api").people(Fixed::from_int(3));
    /// team.leaves.push(Change::leave(Fixed::ONE, second));
    /// let capacity = PlanBuilder::new("Demo", start).team(team).check().capacity.expect("a valid calendar");
    /// assert_eq!(capacity.teams[0].iterations[0].capacity, Fixed::from_int(30));
    /// assert_eq!(capacity.teams[0].iterations[1].capacity, Fixed::from_int(20));
    /// ```
    pub fn leave(count: Fixed, date: NaiveDate) -> Self {
        Change { count, date, ramp_days: 0, loc: Loc(None) }
    }
}

/// An open position; not counted by `check`, drawn by `forecast`.
///
/// ```
/// use haalbaar::Fixed;
///
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\n\
///               team api {\n  people 4\n  vacancy 3 on 2025-03-03 chance 40%\n}\n";
/// let checked = haalbaar::check(source);
/// let vacancy = &checked.plan.teams[0].vacancies[0];
/// assert_eq!((vacancy.count, vacancy.chance), (Fixed::from_int(3), Fixed::from_int(40)));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Vacancy {
    /// People (FTE) the position is for.
    pub count: Fixed,
    /// The day they would join.
    pub date: NaiveDate,
    /// Percent chance that it is filled (default 100).
    pub chance: Fixed,
    /// `ramp D`: days over which a filled position reaches full productivity (0: at once).
    #[serde(default, skip_serializing_if = "is_zero_days")]
    pub ramp_days: u32,
    /// Where it was written (`None` for a plan built in code).
    #[serde(default, skip_serializing_if = "is_none_loc")]
    pub loc: Loc,
}

fn is_zero_days(days: &u32) -> bool {
    *days == 0
}

impl Vacancy {
    /// `vacancy COUNT on DATE chance P%`.
    ///
    /// ```
    /// use haalbaar::model::{Team, Vacancy};
    /// use haalbaar::{Fixed, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let mut team = Team::new("api").people(Fixed::from_int(2));
    /// team.vacancies.push(Vacancy::new(Fixed::from_int(3), start, Fixed::from_int(40)));
    /// let capacity = PlanBuilder::new("Demo", start).team(team).check().capacity.expect("a valid calendar");
    /// // The check does not count on people not yet hired.
    /// assert_eq!(capacity.teams[0].iterations[0].capacity, Fixed::from_int(20));
    /// ```
    pub fn new(count: Fixed, date: NaiveDate, chance_percent: Fixed) -> Self {
        Vacancy { count, date, chance: chance_percent, ramp_days: 0, loc: Loc(None) }
    }
}

/// `lend 2 to berichten PI4..PI5`.
///
/// ```
/// use haalbaar::model::Period;
/// use haalbaar::Fixed;
///
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\n\
///               team api {\n  people 3\n  lend 1 to web PI2\n}\nteam web {\n  people 2\n}\n";
/// let checked = haalbaar::check(source);
/// let lend = &checked.plan.teams[0].lends[0];
/// assert_eq!((lend.count, lend.to.id.as_str()), (Fixed::ONE, "web"));
/// let pi2 = Period::Pi { pi: 2, iteration: None };
/// assert_eq!((lend.from, lend.until), (pi2, pi2)); // one period: from and until are the same
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Lend {
    /// People (FTE) lent.
    pub count: Fixed,
    /// The team that gets them.
    pub to: Ref,
    /// The first period of the loan.
    pub from: Period,
    /// The last period of the loan (both included).
    pub until: Period,
    /// Where it was written (`None` for a plan built in code).
    #[serde(default, skip_serializing_if = "is_none_loc")]
    pub loc: Loc,
}

impl Lend {
    /// `lend COUNT to TEAM FROM..UNTIL`.
    ///
    /// ```
    /// use haalbaar::model::{Lend, Period, Team};
    /// use haalbaar::{Fixed, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let pi1 = Period::Pi { pi: 1, iteration: None };
    /// let mut api = Team::new("api").people(Fixed::from_int(3));
    /// api.lends.push(Lend::new(Fixed::ONE, "web", pi1, pi1));
    /// let web = Team::new("web").people(Fixed::from_int(2));
    /// let capacity = PlanBuilder::new("Demo", start).team(api).team(web).check().capacity.expect("a valid calendar");
    /// assert_eq!(capacity.teams[0].iterations[0].capacity, Fixed::from_int(20)); // api: 3 - 1
    /// assert_eq!(capacity.teams[1].iterations[0].capacity, Fixed::from_int(30)); // web: 2 + 1
    /// ```
    pub fn new(count: Fixed, to: impl Into<String>, from: Period, until: Period) -> Self {
        Lend { count, to: Ref::new(to), from, until, loc: Loc(None) }
    }
}

/// `capacity PI3 150` or `capacity PI6.2 0`.
///
/// ```
/// use haalbaar::model::Override;
/// use haalbaar::Fixed;
///
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 2\n  capacity PI1.2 12\n}\n";
/// let checked = haalbaar::check(source);
/// assert_eq!(checked.plan.teams[0].overrides[0], Override::new(1, Some(2), Fixed::from_int(12)));
/// let capacity = checked.capacity.expect("a valid calendar");
/// assert_eq!(capacity.teams[0].iterations[1].capacity, Fixed::from_int(12));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Override {
    /// The PI (`3` in `PI3.2`).
    pub pi: u32,
    /// The iteration within it (`2` in `PI3.2`); `None`: the whole PI, spread over its planned iterations.
    pub iteration: Option<u32>,
    /// The capacity, in the plan's unit.
    pub amount: Fixed,
    /// Where it was written (`None` for a plan built in code).
    #[serde(default, skip_serializing_if = "is_none_loc")]
    pub loc: Loc,
}

impl Override {
    /// `capacity PIpi[.iteration] AMOUNT`.
    ///
    /// ```
    /// use haalbaar::model::{Override, Team};
    /// use haalbaar::{Fixed, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let mut team = Team::new("api").people(Fixed::from_int(2));
    /// team.overrides.push(Override::new(1, None, Fixed::from_int(100)));
    /// let capacity = PlanBuilder::new("Demo", start).team(team).check().capacity.expect("a valid calendar");
    /// // PI1's total, spread over its four planned iterations.
    /// assert_eq!(capacity.teams[0].iterations[0].capacity, Fixed::from_int(25));
    /// assert_eq!(capacity.teams[0].iterations[3].capacity, Fixed::from_int(25));
    /// ```
    pub fn new(pi: u32, iteration: Option<u32>, amount: Fixed) -> Self {
        Override { pi, iteration, amount, loc: Loc(None) }
    }
}

/// `capacity PI3.2 +20` (or `-20`, or a whole PI): added to what the iteration would
/// otherwise have, after lending and overrides.
///
/// ```
/// use haalbaar::model::Adjustment;
/// use haalbaar::Fixed;
///
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 2\n  capacity PI1.1 -5\n}\n";
/// let checked = haalbaar::check(source);
/// assert_eq!(checked.plan.teams[0].adjustments[0], Adjustment::new(1, Some(1), Fixed::from_int(-5)));
/// let capacity = checked.capacity.expect("a valid calendar");
/// assert_eq!(capacity.teams[0].iterations[0].capacity, Fixed::from_int(15)); // 20 - 5
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Adjustment {
    /// The PI (`3` in `PI3.2`).
    pub pi: u32,
    /// The iteration within it; `None`: the whole PI, spread over its planned iterations.
    pub iteration: Option<u32>,
    /// Signed, in the plan's unit.
    pub delta: Fixed,
    /// Where it was written (`None` for a plan built in code).
    #[serde(default, skip_serializing_if = "is_none_loc")]
    pub loc: Loc,
}

impl Adjustment {
    /// `capacity PIpi[.iteration] +DELTA` (or `-DELTA`).
    ///
    /// ```
    /// use haalbaar::model::{Adjustment, Team};
    /// use haalbaar::{Fixed, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let mut team = Team::new("api").people(Fixed::from_int(2));
    /// team.adjustments.push(Adjustment::new(1, None, Fixed::from_int(40)));
    /// let capacity = PlanBuilder::new("Demo", start).team(team).check().capacity.expect("a valid calendar");
    /// // +40 over PI1's four planned iterations: +10 on each.
    /// let first = &capacity.teams[0].iterations[0];
    /// assert_eq!((first.capacity, first.adjustment), (Fixed::from_int(30), Fixed::from_int(10)));
    /// ```
    pub fn new(pi: u32, iteration: Option<u32>, delta: Fixed) -> Self {
        Adjustment { pi, iteration, delta, loc: Loc(None) }
    }
}

/// A `team` block: who does the work, and how much they can do per iteration.
///
/// ```
/// use haalbaar::Fixed;
///
/// let source = r#"plan "Demo" {
///   start 2025-01-06
///   horizon 6 months
/// }
/// team api {
///   people 4
///   focus 75%
/// }
/// item login "Inloggen" {
///   team api
///   effort 30..50
///   commit PI2
/// }
/// "#;
/// let checked = haalbaar::check(source);
/// let team = checked.plan.team("api").expect("team api");
/// assert_eq!((team.people, team.focus), (Some(Fixed::from_int(4)), Fixed::from_int(75)));
/// assert_eq!(team.reserve, Fixed::ZERO); // the default
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Team {
    /// The team's id.
    pub id: String,
    /// Its title, if it has one.
    pub title: Option<String>,
    /// Headcount at start in FTE.
    pub people: Option<Fixed>,
    /// Percent of a working day for planned work (default 100).
    pub focus: Fixed,
    /// Percent taken off first for run work (default 0).
    pub reserve: Fixed,
    /// Why the reserve is taken (`reserve 20% "beheer"`).
    pub reserve_reason: Option<String>,
    /// People joining (`hire`), in the order written.
    pub hires: Vec<Change>,
    /// People leaving (`leave`), in the order written.
    pub leaves: Vec<Change>,
    /// Open positions (`vacancy`), in the order written.
    pub vacancies: Vec<Vacancy>,
    /// People lent to other teams (`lend`), in the order written.
    pub lends: Vec<Lend>,
    /// `capacity N per iteration`: a fixed figure instead of people.
    pub fixed: Option<Fixed>,
    /// `velocity N per iteration` (points only).
    pub velocity: Option<Fixed>,
    /// `capacity PIx N` and `capacity PIx.y N`: figures instead of what people give.
    pub overrides: Vec<Override>,
    /// `capacity PIx.y +N` / `-N` and `capacity PIx +N`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adjustments: Vec<Adjustment>,
    /// `absent N people FROM .. TO`: people away for a stretch, in the order written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub absences: Vec<Absence>,
    /// `holiday "..." FROM .. TO` in the team's block: days the team does not work.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holidays: Vec<super::Holiday>,
    /// Where the block was written (`None` for a plan built in code).
    #[serde(default, skip_serializing_if = "is_none_loc")]
    pub loc: Loc,
}

impl Team {
    /// A team with only its id: no people yet, focus 100%, no reserve.
    ///
    /// ```
    /// use haalbaar::model::Team;
    /// use haalbaar::Fixed;
    ///
    /// let team = Team::new("api");
    /// assert_eq!((team.id.as_str(), team.people), ("api", None));
    /// assert_eq!((team.focus, team.reserve), (Fixed::HUNDRED, Fixed::ZERO));
    /// ```
    pub fn new(id: impl Into<String>) -> Self {
        Team {
            id: id.into(),
            title: None,
            people: None,
            focus: Fixed::HUNDRED,
            reserve: Fixed::ZERO,
            reserve_reason: None,
            hires: Vec::new(),
            leaves: Vec::new(),
            vacancies: Vec::new(),
            lends: Vec::new(),
            fixed: None,
            velocity: None,
            overrides: Vec::new(),
            adjustments: Vec::new(),
            absences: Vec::new(),
            holidays: Vec::new(),
            loc: Loc(None),
        }
    }
}

/// `absent N people FROM .. TO`: people of a team away for a stretch (leave, illness, a
/// course), both days included; the headcount is that much lower on those days.
///
/// ```
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  absent 2 people 2025-01-06 .. 2025-01-10\n}\n";
/// let checked = haalbaar::check(source);
/// let away = &checked.plan.teams[0].absences[0];
/// assert_eq!(away.count, haalbaar::Fixed::from_int(2));
/// // The first week 2 of 4 are away: 10 + 20 person-days in PI1.1, not 40.
/// assert_eq!(checked.capacity.expect("capacity").teams[0].iterations[0].capacity, haalbaar::Fixed::from_int(30));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Absence {
    /// People (FTE) away.
    pub count: Fixed,
    /// The first day away.
    pub from: NaiveDate,
    /// The last day away.
    pub to: NaiveDate,
    /// Where it was written (`None` for a plan built in code).
    #[serde(default, skip_serializing_if = "is_none_loc")]
    pub loc: Loc,
}

impl Absence {
    /// `absent COUNT people FROM .. TO`.
    ///
    /// ```
    /// use haalbaar::model::Absence;
    /// use haalbaar::{Fixed, NaiveDate};
    ///
    /// let d = |m, day| NaiveDate::from_ymd_opt(2025, m, day).expect("a date");
    /// let away = Absence::new(Fixed::from_int(2), d(7, 14), d(8, 22));
    /// assert_eq!((away.from, away.to), (d(7, 14), d(8, 22)));
    /// ```
    pub fn new(count: Fixed, from: NaiveDate, to: NaiveDate) -> Self {
        Absence { count, from, to, loc: Loc(None) }
    }
}
