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
    pub id: String,
    #[serde(default, skip_serializing_if = "is_none_loc")]
    pub loc: Loc,
}

fn is_none_loc(l: &Loc) -> bool {
    l.0.is_none()
}

impl Ref {
    pub fn new(id: impl Into<String>) -> Self {
        Ref { id: id.into(), loc: Loc(None) }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Unit {
    #[default]
    Days,
    Points,
}

/// A length of time as written: `18 months`, `2 weeks`, `1 iteration`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "unit", content = "amount", rename_all = "lowercase")]
#[non_exhaustive]
pub enum Length {
    Days(u32),
    Weeks(u32),
    Months(u32),
    Iterations(u32),
}

/// A point on the calendar, bound to an iteration by [`crate::calendar::Calendar`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
#[non_exhaustive]
pub enum Period {
    /// `PI3` (`iteration: None`) or `PI3.2`.
    Pi { pi: u32, iteration: Option<u32> },
    /// `2024-Q3`.
    Quarter { year: i32, quarter: u32 },
    /// A date.
    Date { date: NaiveDate },
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
    Length(Length),
    End(NaiveDate),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Holiday {
    pub name: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
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
    pub start: NaiveDate,
    pub horizon: Horizon,
    /// PI length (default 10 weeks).
    pub increment: Length,
    /// Iteration length (default 2 weeks).
    pub iteration: Length,
    /// IP iterations at the end of every PI (default 1).
    pub innovation: u32,
    pub unit: Unit,
    /// Working days per week, Monday first (default 5).
    pub workweek: u32,
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
    pub count: Fixed,
    pub date: NaiveDate,
    /// Calendar days over which a hire's productivity rises from 0 to 1 (0: at once).
    #[serde(default)]
    pub ramp_days: u32,
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
    pub count: Fixed,
    pub date: NaiveDate,
    /// Percent chance that it is filled (default 100).
    pub chance: Fixed,
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
    pub count: Fixed,
    pub to: Ref,
    pub from: Period,
    pub until: Period,
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
    pub pi: u32,
    pub iteration: Option<u32>,
    pub amount: Fixed,
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
    pub pi: u32,
    pub iteration: Option<u32>,
    /// Signed, in the plan's unit.
    pub delta: Fixed,
    #[serde(default, skip_serializing_if = "is_none_loc")]
    pub loc: Loc,
}

impl Adjustment {
    /// `capacity PIpi[.iteration] +DELTA` (or `-DELTA`).
    pub fn new(pi: u32, iteration: Option<u32>, delta: Fixed) -> Self {
        Adjustment { pi, iteration, delta, loc: Loc(None) }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Team {
    pub id: String,
    pub title: Option<String>,
    /// Headcount at start in FTE.
    pub people: Option<Fixed>,
    /// Percent of a working day for planned work (default 100).
    pub focus: Fixed,
    /// Percent taken off first for run work (default 0).
    pub reserve: Fixed,
    pub reserve_reason: Option<String>,
    pub hires: Vec<Change>,
    pub leaves: Vec<Change>,
    pub vacancies: Vec<Vacancy>,
    pub lends: Vec<Lend>,
    /// `capacity N per iteration`: a fixed figure instead of people.
    pub fixed: Option<Fixed>,
    /// `velocity N per iteration` (points only).
    pub velocity: Option<Fixed>,
    pub overrides: Vec<Override>,
    /// `capacity PIx.y +N` / `-N` and `capacity PIx +N`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adjustments: Vec<Adjustment>,
    #[serde(default, skip_serializing_if = "is_none_loc")]
    pub loc: Loc,
}

impl Team {
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
    pub period: Period,
    pub hard: bool,
    #[serde(default, skip_serializing_if = "is_none_loc")]
    pub loc: Loc,
}

impl Commit {
    /// `commit PERIOD` (`hard`: `commit PERIOD hard`).
    pub fn new(period: Period, hard: bool) -> Self {
        Commit { period, hard, loc: Loc(None) }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Epic {
    pub id: String,
    pub title: Option<String>,
    pub commit: Option<Commit>,
    pub owner: Option<String>,
    pub priority: Option<u32>,
    pub note: Option<String>,
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
    pub low: Fixed,
    /// The middle of a three-point range; `None` for one figure or two points.
    pub mode: Option<Fixed>,
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
    People(Fixed),
    PerIteration(Fixed),
}

/// `after digid-api + 1 iteration`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Dependency {
    pub item: Ref,
    pub lag: Option<Length>,
    #[serde(default, skip_serializing_if = "is_none_loc")]
    pub loc: Loc,
}

impl Dependency {
    /// `after ITEM` (with `lag`: `after ITEM + LAG`).
    pub fn new(item: impl Into<String>, lag: Option<Length>) -> Self {
        Dependency { item: Ref::new(item), lag, loc: Loc(None) }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Wsjf {
    pub value: Fixed,
    pub urgency: Fixed,
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
    pub value: T,
    #[serde(default, skip_serializing_if = "is_none_loc")]
    pub loc: Loc,
}

impl<T> At<T> {
    pub fn new(value: T) -> Self {
        At { value, loc: Loc(None) }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Item {
    pub id: String,
    pub title: Option<String>,
    pub team: Option<Ref>,
    pub epic: Option<Ref>,
    pub effort: Option<At<Effort>>,
    pub max: Option<At<Max>>,
    pub not_before: Option<At<Period>>,
    /// `in PI2` or `in PI2..PI3`: (first, last).
    pub placed: Option<At<(Period, Period)>>,
    pub after: Vec<Dependency>,
    pub commit: Option<Commit>,
    pub target: Option<At<Period>>,
    pub wsjf: Option<Wsjf>,
    pub priority: Option<u32>,
    pub owner: Option<String>,
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "is_none_loc")]
    pub loc: Loc,
}

impl Item {
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
    pub title: Option<String>,
    pub settings: Settings,
    pub teams: Vec<Team>,
    pub epics: Vec<Epic>,
    pub items: Vec<Item>,
}

impl Plan {
    /// A plan with these settings and no teams, epics or items (see also
    /// [`crate::PlanBuilder`]).
    pub fn new(title: Option<String>, settings: Settings) -> Self {
        Plan { title, settings, teams: Vec::new(), epics: Vec::new(), items: Vec::new() }
    }
    pub fn team(&self, id: &str) -> Option<&Team> {
        self.teams.iter().find(|t| t.id == id)
    }
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|t| t.id == id)
    }
    pub fn epic(&self, id: &str) -> Option<&Epic> {
        self.epics.iter().find(|t| t.id == id)
    }
}
