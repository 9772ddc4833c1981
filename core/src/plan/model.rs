//! The validated plan: what a plan file means, independent of how it was written. Built by
//! lowering a syntax tree ([`crate::lower`]) or in code ([`crate::builder`]). Every element
//! keeps the span it came from (when it came from text) so checks can point at it; spans
//! take no part in equality.

use chrono::NaiveDate;
use haalbaar_grammar::Span;
use serde::{Deserialize, Serialize};

use crate::fixed::Fixed;

/// Where something was written, if it was. Always equal to another `Loc`.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Loc(pub Option<Span>);

impl PartialEq for Loc {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl From<Span> for Loc {
    fn from(s: Span) -> Self {
        Loc(Some(s))
    }
}

/// A reference by id to a team, item or epic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ref {
    /// The id it names.
    pub id: String,
    /// Where it was written (`None` for a plan built in code).
    #[serde(default, skip_serializing_if = "is_none_loc")]
    pub loc: Loc,
}

fn is_none_loc(l: &Loc) -> bool {
    l.0.is_none()
}

impl Ref {
    /// A reference to `id`, written nowhere.
    pub fn new(id: impl Into<String>) -> Self {
        Ref { id: id.into(), loc: Loc(None) }
    }
}

/// What effort and capacity are counted in (`unit days` or `unit points`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Unit {
    /// Person-days (the default).
    #[default]
    Days,
    /// Story points; teams then give a `velocity`.
    Points,
}

/// A length of time as written: `18 months`, `2 weeks`, `1 iteration`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "unit", content = "amount", rename_all = "lowercase")]
#[non_exhaustive]
pub enum Length {
    /// Calendar days.
    Days(u32),
    /// Weeks of seven days.
    Weeks(u32),
    /// Calendar months.
    Months(u32),
    /// Iterations of the plan's iteration length.
    Iterations(u32),
}

/// A point on the calendar, bound to an iteration by [`crate::calendar::Calendar`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
#[non_exhaustive]
pub enum Period {
    /// `PI3` (`iteration: None`) or `PI3.2`.
    Pi {
        /// The PI, from 1.
        pi: u32,
        /// The iteration within it, from 1; `None`: the PI as a whole.
        iteration: Option<u32>,
    },
    /// `2024-Q3`.
    Quarter {
        /// The year.
        year: i32,
        /// The quarter, 1 to 4.
        quarter: u32,
    },
    /// A date.
    Date {
        /// The day.
        date: NaiveDate,
    },
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Period::Pi { pi, iteration: None } => write!(f, "PI{pi}"),
            Period::Pi { pi, iteration: Some(i) } => write!(f, "PI{pi}.{i}"),
            Period::Quarter { year, quarter } => write!(f, "{year}-Q{quarter}"),
            Period::Date { date } => write!(f, "{date}"),
        }
    }
}

/// The horizon: a length from `start`, or a last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Horizon {
    /// `horizon N unit`: this long from `start`.
    Length(Length),
    /// `end DATE`: up to and including this day.
    End(NaiveDate),
}

/// `holiday "name" FROM..TO`: days nobody works.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Holiday {
    /// What it is called, as written.
    pub name: String,
    /// The first day off.
    pub from: NaiveDate,
    /// The last day off (the same as `from` for one day).
    pub to: NaiveDate,
    /// Where it was written (`None` for a plan built in code).
    #[serde(default, skip_serializing_if = "is_none_loc")]
    pub loc: Loc,
}

impl Holiday {
    /// `holiday "name" FROM..TO` (both days included; `from == to` for one day).
    pub fn new(name: impl Into<String>, from: NaiveDate, to: NaiveDate) -> Self {
        Holiday { name: name.into(), from, to, loc: Loc(None) }
    }
}

/// The `plan` block: the calendar and the settings of the check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Settings {
    /// The first day of PI1.
    pub start: NaiveDate,
    /// How far the plan reaches.
    pub horizon: Horizon,
    /// PI length (default 10 weeks).
    pub increment: Length,
    /// Iteration length (default 2 weeks).
    pub iteration: Length,
    /// IP iterations at the end of every PI (default 1).
    pub innovation: u32,
    /// What effort and capacity are counted in.
    pub unit: Unit,
    /// Working days per week, Monday first (default 5).
    pub workweek: u32,
    /// Days nobody works, in the order written.
    pub holidays: Vec<Holiday>,
    /// Plan to at most this share of capacity, in percent (default 100).
    pub load: Fixed,
    /// Forecast: estimate spread grows by this percentage per PI from `start`.
    pub uncertainty: Option<Fixed>,
    /// Forecast: commitments further ahead than this many PIs are forecasts (default 2).
    pub firm_pis: Option<u32>,
}

impl Settings {
    /// The defaults of the language reference, for a plan starting on `start` with an
    /// 18-month horizon.
    pub fn new(start: NaiveDate) -> Self {
        Settings {
            start,
            horizon: Horizon::Length(Length::Months(18)),
            increment: Length::Weeks(10),
            iteration: Length::Weeks(2),
            innovation: 1,
            unit: Unit::Days,
            workweek: 5,
            holidays: Vec::new(),
            load: Fixed::HUNDRED,
            uncertainty: None,
            firm_pis: None,
        }
    }
}

/// People joining (`hire`) or leaving (`leave`) on a day.
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
    pub fn hire(count: Fixed, date: NaiveDate, ramp_days: u32) -> Self {
        Change { count, date, ramp_days, loc: Loc(None) }
    }
    /// `leave COUNT on DATE`.
    pub fn leave(count: Fixed, date: NaiveDate) -> Self {
        Change { count, date, ramp_days: 0, loc: Loc(None) }
    }
}

/// An open position; not counted by `check`, drawn by `forecast`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Vacancy {
    /// People (FTE) the position is for.
    pub count: Fixed,
    /// The day they would join.
    pub date: NaiveDate,
    /// Percent chance that it is filled (default 100).
    pub chance: Fixed,
    /// Where it was written (`None` for a plan built in code).
    #[serde(default, skip_serializing_if = "is_none_loc")]
    pub loc: Loc,
}

impl Vacancy {
    /// `vacancy COUNT on DATE chance P%`.
    pub fn new(count: Fixed, date: NaiveDate, chance_percent: Fixed) -> Self {
        Vacancy { count, date, chance: chance_percent, loc: Loc(None) }
    }
}

/// `lend 2 to berichten PI4..PI5`.
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
    pub fn new(count: Fixed, to: impl Into<String>, from: Period, until: Period) -> Self {
        Lend { count, to: Ref::new(to), from, until, loc: Loc(None) }
    }
}

/// `capacity PI3 150` or `capacity PI6.2 0`.
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
    pub fn new(pi: u32, iteration: Option<u32>, amount: Fixed) -> Self {
        Override { pi, iteration, amount, loc: Loc(None) }
    }
}

/// `capacity PI3.2 +20` (or `-20`, or a whole PI): added to what the iteration would
/// otherwise have, after lending and overrides.
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
    pub fn new(pi: u32, iteration: Option<u32>, delta: Fixed) -> Self {
        Adjustment { pi, iteration, delta, loc: Loc(None) }
    }
}

/// A `team` block: who does the work, and how much they can do per iteration.
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
    /// Where the block was written (`None` for a plan built in code).
    #[serde(default, skip_serializing_if = "is_none_loc")]
    pub loc: Loc,
}

impl Team {
    /// A team with only its id: no people yet, focus 100%, no reserve.
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
            loc: Loc(None),
        }
    }
}

/// A commitment: done by the end of `period`; `hard` ones are never moved by repairs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Commit {
    /// The period it is due by the end of.
    pub period: Period,
    /// `hard`: fixed by law or contract; repairs never move it.
    pub hard: bool,
    /// Where it was written (`None` for a plan built in code).
    #[serde(default, skip_serializing_if = "is_none_loc")]
    pub loc: Loc,
}

impl Commit {
    /// `commit PERIOD` (`hard`: `commit PERIOD hard`).
    pub fn new(period: Period, hard: bool) -> Self {
        Commit { period, hard, loc: Loc(None) }
    }
}

/// An `epic` block: items grouped under one commitment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Epic {
    /// The epic's id.
    pub id: String,
    /// Its title, if it has one.
    pub title: Option<String>,
    /// `commit PERIOD`: every item of the epic done by then.
    pub commit: Option<Commit>,
    /// `owner "..."`: who asked for it.
    pub owner: Option<String>,
    /// `priority N`: its rank among commitments (1 first).
    pub priority: Option<u32>,
    /// `note "..."`: free text.
    pub note: Option<String>,
    /// Where the block was written (`None` for a plan built in code).
    #[serde(default, skip_serializing_if = "is_none_loc")]
    pub loc: Loc,
}

impl Epic {
    /// An epic with only its id (no title, commitment, owner, priority or note).
    ///
    /// ```
    /// let e = haalbaar::model::Epic::new("stelsel");
    /// assert_eq!((e.id.as_str(), e.commit.is_none()), ("stelsel", true));
    /// ```
    pub fn new(id: impl Into<String>) -> Self {
        Epic { id: id.into(), title: None, commit: None, owner: None, priority: None, note: None, loc: Loc(None) }
    }
}

/// An estimate: one figure, or a two- or three-point range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Effort {
    /// The low end (the one figure of `effort 40`).
    pub low: Fixed,
    /// The middle of a three-point range; `None` for one figure or two points.
    pub mode: Option<Fixed>,
    /// The high end (the one figure of `effort 40`).
    pub high: Fixed,
}

impl Effort {
    /// One figure: `effort 40`.
    pub fn exact(v: Fixed) -> Self {
        Effort { low: v, mode: None, high: v }
    }
    /// A range: `effort LOW..HIGH` (`mode` `None`) or `effort LOW..MODE..HIGH`.
    pub fn range(low: Fixed, mode: Option<Fixed>, high: Fixed) -> Self {
        Effort { low, mode, high }
    }
    /// The value `check` plans with: the middle of three points, the midpoint of two.
    pub fn likely(&self) -> Fixed {
        match self.mode {
            Some(m) => m,
            // In 128 bits: a plan built in code may hold any 64-bit figures.
            None => Fixed::from_millis(((i128::from(self.low.millis()) + i128::from(self.high.millis())) / 2) as i64),
        }
    }
}

/// The most work one item may get in one iteration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Max {
    /// `max N people`: at most N people on it at once.
    People(Fixed),
    /// `max N per iteration`: at most N of the plan's unit per iteration.
    PerIteration(Fixed),
}

/// `after digid-api + 1 iteration`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Dependency {
    /// The item waited for.
    pub item: Ref,
    /// `+ LAG`: time that must pass after it finishes.
    pub lag: Option<Length>,
    /// Where it was written (`None` for a plan built in code).
    #[serde(default, skip_serializing_if = "is_none_loc")]
    pub loc: Loc,
}

impl Dependency {
    /// `after ITEM` (with `lag`: `after ITEM + LAG`).
    pub fn new(item: impl Into<String>, lag: Option<Length>) -> Self {
        Dependency { item: Ref::new(item), lag, loc: Loc(None) }
    }
}

/// `wsjf value V urgency U risk R [size S]`: the cost of delay, for ranking.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Wsjf {
    /// Business value.
    pub value: Fixed,
    /// Time criticality.
    pub urgency: Fixed,
    /// Risk reduction or opportunity enablement.
    pub risk: Fixed,
    /// Job size; the item's likely effort when absent.
    pub size: Option<Fixed>,
}

impl Wsjf {
    /// `wsjf value V urgency U risk R [size S]`.
    pub fn new(value: Fixed, urgency: Fixed, risk: Fixed, size: Option<Fixed>) -> Self {
        Wsjf { value, urgency, risk, size }
    }
}

/// A period with the place it was written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct At<T> {
    /// The value.
    pub value: T,
    /// Where it was written (`None` for a plan built in code).
    #[serde(default, skip_serializing_if = "is_none_loc")]
    pub loc: Loc,
}

impl<T> At<T> {
    /// A value written nowhere (for a plan built in code).
    pub fn new(value: T) -> Self {
        At { value, loc: Loc(None) }
    }
}

/// An `item` block: a piece of work with an estimate, a team, dependencies, maybe a commitment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Item {
    /// The item's id.
    pub id: String,
    /// Its title, if it has one.
    pub title: Option<String>,
    /// `team ID`: the team that does it.
    pub team: Option<Ref>,
    /// `epic ID`: the epic it belongs to.
    pub epic: Option<Ref>,
    /// `effort ...`: the estimate, in the plan's unit.
    pub effort: Option<At<Effort>>,
    /// `max ...`: a cap on the work it may get per iteration.
    pub max: Option<At<Max>>,
    /// `not before PERIOD`: it starts no earlier.
    pub not_before: Option<At<Period>>,
    /// `in PI2` or `in PI2..PI3`: (first, last).
    pub placed: Option<At<(Period, Period)>>,
    /// `after ID [+ LAG]`: items it waits for, in the order written.
    pub after: Vec<Dependency>,
    /// `commit PERIOD [hard]`: done by the end of that period.
    pub commit: Option<Commit>,
    /// `target PERIOD`: an objective, not a commitment (missing it is a warning).
    pub target: Option<At<Period>>,
    /// `wsjf ...`: the cost of delay, for ranking.
    pub wsjf: Option<Wsjf>,
    /// `priority N`: its rank among commitments (1 first).
    pub priority: Option<u32>,
    /// `owner "..."`: who asked for it.
    pub owner: Option<String>,
    /// `note "..."`: free text.
    pub note: Option<String>,
    /// Where the block was written (`None` for a plan built in code).
    #[serde(default, skip_serializing_if = "is_none_loc")]
    pub loc: Loc,
}

impl Item {
    /// An item with only its id.
    pub fn new(id: impl Into<String>) -> Self {
        Item {
            id: id.into(),
            title: None,
            team: None,
            epic: None,
            effort: None,
            max: None,
            not_before: None,
            placed: None,
            after: Vec::new(),
            commit: None,
            target: None,
            wsjf: None,
            priority: None,
            owner: None,
            note: None,
            loc: Loc(None),
        }
    }
    /// WSJF = (value + urgency + risk) / size (size defaults to the likely effort).
    pub fn wsjf_score(&self) -> Option<Fixed> {
        let w = self.wsjf?;
        let size = w.size.or_else(|| self.effort.as_ref().map(|e| e.value.likely()))?;
        if !size.is_positive() {
            return None;
        }
        (w.value + w.urgency + w.risk).mul_div(crate::fixed::SCALE, size.millis())
    }
}

/// A whole plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Plan {
    /// The plan block's title, if it has one.
    pub title: Option<String>,
    /// The `plan` block.
    pub settings: Settings,
    /// The teams.
    pub teams: Vec<Team>,
    /// The epics.
    pub epics: Vec<Epic>,
    /// The items.
    pub items: Vec<Item>,
}

impl Plan {
    /// A plan with these settings and no teams, epics or items (see also
    /// [`crate::PlanBuilder`]).
    pub fn new(title: Option<String>, settings: Settings) -> Self {
        Plan { title, settings, teams: Vec::new(), epics: Vec::new(), items: Vec::new() }
    }
    /// The team with this id.
    pub fn team(&self, id: &str) -> Option<&Team> {
        self.teams.iter().find(|t| t.id == id)
    }
    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|t| t.id == id)
    }
    /// The epic with this id.
    pub fn epic(&self, id: &str) -> Option<&Epic> {
        self.epics.iter().find(|t| t.id == id)
    }
}
