//! The validated plan: what a plan file means, independent of how it was written. Built by
//! lowering a syntax tree (`plan::lower`) or in code ([`crate::PlanBuilder`]). Every element
//! keeps the span it came from (when it came from text) so checks can point at it; spans
//! take no part in equality.

use chrono::NaiveDate;
use haalbaar_grammar::Span;
use serde::{Deserialize, Serialize};

use crate::fixed::Fixed;

/// Where something was written, if it was. Always equal to another `Loc`.
///
/// ```
/// use haalbaar::model::Loc;
/// use haalbaar::Span;
///
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\n";
/// let checked = haalbaar::check(source);
/// let span = checked.plan.teams[0].loc.0.expect("read from text");
/// assert_eq!(&source[span.start..span.end], "api");
/// // Places take no part in equality.
/// assert_eq!(Loc::from(Span::new(0, 4)), Loc::default());
/// ```
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
///
/// ```
/// use haalbaar::model::Ref;
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
/// let team = checked.plan.items[0].team.as_ref().expect("a team");
/// assert_eq!(team.id, "api");
/// assert_eq!(*team, Ref::new("api")); // where it was written is not compared
/// ```
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
    ///
    /// ```
    /// let r = haalbaar::model::Ref::new("api");
    /// assert_eq!(r.id, "api");
    /// assert!(r.loc.0.is_none());
    /// ```
    pub fn new(id: impl Into<String>) -> Self {
        Ref { id: id.into(), loc: Loc(None) }
    }
}

/// What effort and capacity are counted in (`unit days` or `unit points`).
///
/// ```
/// use haalbaar::model::Unit;
///
/// assert_eq!(Unit::default(), Unit::Days);
/// let checked = haalbaar::check("plan {\n  start 2025-01-06\n  horizon 6 months\n  unit points\n}\n");
/// assert_eq!(checked.plan.settings.unit, Unit::Points);
/// ```
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
///
/// ```
/// use haalbaar::model::{Horizon, Length};
///
/// let checked = haalbaar::check("plan {\n  start 2025-01-06\n  horizon 26 weeks\n  iteration 1 week\n}\n");
/// let settings = &checked.plan.settings;
/// assert_eq!(settings.horizon, Horizon::Length(Length::Weeks(26)));
/// assert_eq!(settings.iteration, Length::Weeks(1));
/// ```
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
///
/// ```
/// use haalbaar::model::Period;
///
/// assert_eq!(Period::Pi { pi: 3, iteration: Some(2) }.to_string(), "PI3.2");
/// assert_eq!(Period::Quarter { year: 2025, quarter: 3 }.to_string(), "2025-Q3");
/// # let source = r#"plan "Demo" {
/// #   start 2025-01-06
/// #   horizon 6 months
/// # }
/// # team api {
/// #   people 4
/// #   focus 75%
/// # }
/// # item login "Inloggen" {
/// #   team api
/// #   effort 30..50
/// #   commit PI2
/// # }
/// # "#;
/// let checked = haalbaar::check(source); // `commit PI2`
/// let commit = checked.plan.items[0].commit.as_ref().expect("a commitment");
/// assert_eq!(commit.period, Period::Pi { pi: 2, iteration: None });
/// ```
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
        // Through `pad`, so a width and fill (`{:<8}`) apply.
        f.pad(&match self {
            Period::Pi { pi, iteration: None } => format!("PI{pi}"),
            Period::Pi { pi, iteration: Some(i) } => format!("PI{pi}.{i}"),
            Period::Quarter { year, quarter } => format!("{year}-Q{quarter}"),
            Period::Date { date } => format!("{date}"),
        })
    }
}

/// The horizon: a length from `start`, or a last day.
///
/// ```
/// use haalbaar::model::Horizon;
/// use haalbaar::NaiveDate;
///
/// let checked = haalbaar::check("plan {\n  start 2025-01-06\n  end 2025-06-30\n}\n");
/// let last = NaiveDate::from_ymd_opt(2025, 6, 30).expect("a date");
/// assert_eq!(checked.plan.settings.horizon, Horizon::End(last));
/// assert_eq!(checked.calendar.expect("a valid calendar").last_day, last);
/// ```
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
///
/// ```
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n  holiday \"Studiedag\" 2025-01-08\n}\n";
/// let checked = haalbaar::check(source);
/// let holiday = &checked.plan.settings.holidays[0];
/// assert_eq!(holiday.name, "Studiedag");
/// assert_eq!(holiday.from, holiday.to); // one day
/// assert_eq!(checked.calendar.expect("a valid calendar").iterations[0].working_days, 9);
/// ```
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
    ///
    /// ```
    /// use haalbaar::model::Holiday;
    /// use haalbaar::{NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let monday = NaiveDate::from_ymd_opt(2025, 1, 13).expect("a date");
    /// let friday = NaiveDate::from_ymd_opt(2025, 1, 17).expect("a date");
    /// let mut plan = PlanBuilder::new("Demo", start).plan();
    /// plan.settings.holidays.push(Holiday::new("Skivakantie", monday, friday));
    /// let calendar = haalbaar::check_plan(plan).calendar.expect("a valid calendar");
    /// assert_eq!(calendar.iterations[0].working_days, 5); // the second week is off
    /// ```
    pub fn new(name: impl Into<String>, from: NaiveDate, to: NaiveDate) -> Self {
        Holiday { name: name.into(), from, to, loc: Loc(None) }
    }
}

/// The `plan` block: the calendar and the settings of the check.
///
/// ```
/// use haalbaar::Fixed;
///
/// let checked = haalbaar::check("plan {\n  start 2025-01-06\n  horizon 6 months\n  load 85%\n}\n");
/// let settings = &checked.plan.settings;
/// assert_eq!(settings.load, Fixed::from_int(85));
/// assert_eq!(settings.workweek, 5); // the default
/// ```
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
    ///
    /// ```
    /// use haalbaar::model::{Horizon, Length, Settings};
    /// use haalbaar::{Fixed, NaiveDate};
    ///
    /// let s = Settings::new(NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date"));
    /// assert_eq!(s.horizon, Horizon::Length(Length::Months(18)));
    /// assert_eq!((s.increment, s.iteration, s.innovation), (Length::Weeks(10), Length::Weeks(2), 1));
    /// assert_eq!((s.workweek, s.load), (5, Fixed::HUNDRED));
    /// ```
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
    /// Where it was written (`None` for a plan built in code).
    #[serde(default, skip_serializing_if = "is_none_loc")]
    pub loc: Loc,
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
        Vacancy { count, date, chance: chance_percent, loc: Loc(None) }
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
            loc: Loc(None),
        }
    }
}

/// A commitment: done by the end of `period`; `hard` ones are never moved by repairs.
///
/// ```
/// use haalbaar::model::Period;
///
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\n\
///               item login {\n  team api\n  effort 20\n  commit 2025-Q2 hard\n}\n";
/// let checked = haalbaar::check(source);
/// let commit = checked.plan.items[0].commit.as_ref().expect("a commitment");
/// assert_eq!(commit.period, Period::Quarter { year: 2025, quarter: 2 });
/// assert!(commit.hard);
/// ```
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
    ///
    /// ```
    /// use haalbaar::model::{Commit, Item, Period};
    ///
    /// let pi2 = Period::Pi { pi: 2, iteration: None };
    /// let commit = Commit::new(pi2, true);
    /// assert!(commit.hard);
    /// assert_eq!(Item::new("login").commit(pi2, true).commit, Some(commit));
    /// ```
    pub fn new(period: Period, hard: bool) -> Self {
        Commit { period, hard, loc: Loc(None) }
    }
}

/// An `epic` block: items grouped under one commitment.
///
/// ```
/// use haalbaar::model::Period;
///
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\n\
///               epic stelsel \"Stelsel\" {\n  commit PI2\n}\n\
///               item login {\n  team api\n  epic stelsel\n  effort 20\n}\n";
/// let checked = haalbaar::check(source);
/// assert!(!checked.has_errors());
/// let epic = checked.plan.epic("stelsel").expect("epic stelsel");
/// assert_eq!(epic.title.as_deref(), Some("Stelsel"));
/// assert_eq!(epic.commit.as_ref().map(|c| c.period), Some(Period::Pi { pi: 2, iteration: None }));
/// ```
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
/// let checked = haalbaar::check(source); // `effort 30..50`
/// let effort = checked.plan.items[0].effort.as_ref().expect("an estimate").value;
/// assert_eq!((effort.low, effort.mode, effort.high), (Fixed::from_int(30), None, Fixed::from_int(50)));
/// assert_eq!(effort.likely(), Fixed::from_int(40));
/// ```
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
    ///
    /// ```
    /// use haalbaar::model::Effort;
    /// use haalbaar::Fixed;
    ///
    /// let effort = Effort::exact(Fixed::from_int(40));
    /// assert_eq!((effort.low, effort.mode, effort.high), (Fixed::from_int(40), None, Fixed::from_int(40)));
    /// assert_eq!(effort.likely(), Fixed::from_int(40));
    /// ```
    pub fn exact(v: Fixed) -> Self {
        Effort { low: v, mode: None, high: v }
    }
    /// A range: `effort LOW..HIGH` (`mode` `None`) or `effort LOW..MODE..HIGH`.
    ///
    /// ```
    /// use haalbaar::model::Effort;
    /// use haalbaar::Fixed;
    ///
    /// let f = Fixed::from_int;
    /// let three = Effort::range(f(60), Some(f(70)), f(90));
    /// assert_eq!((three.low, three.mode, three.high), (f(60), Some(f(70)), f(90)));
    /// assert_eq!(three.likely(), f(70));
    /// ```
    pub fn range(low: Fixed, mode: Option<Fixed>, high: Fixed) -> Self {
        Effort { low, mode, high }
    }
    /// The value `check` plans with: the middle of three points, the midpoint of two.
    ///
    /// ```
    /// use haalbaar::model::Effort;
    /// use haalbaar::Fixed;
    ///
    /// let f = Fixed::from_int;
    /// assert_eq!(Effort::range(f(60), None, f(90)).likely(), f(75));
    /// assert_eq!(Effort::range(f(60), Some(f(70)), f(90)).likely(), f(70));
    /// assert_eq!(Effort::range(f(1), None, f(2)).likely(), Fixed::from_millis(1500));
    /// ```
    pub fn likely(&self) -> Fixed {
        match self.mode {
            Some(m) => m,
            // In 128 bits: a plan built in code may hold any 64-bit figures.
            None => Fixed::from_millis(((i128::from(self.low.millis()) + i128::from(self.high.millis())) / 2) as i64),
        }
    }
}

/// The most work one item may get in one iteration.
///
/// ```
/// use haalbaar::model::Max;
/// use haalbaar::Fixed;
///
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\n\
///               item login {\n  team api\n  effort 20\n  max 2 people\n}\n";
/// let checked = haalbaar::check(source);
/// let max = checked.plan.items[0].max.as_ref().expect("a cap");
/// assert_eq!(max.value, Max::People(Fixed::from_int(2)));
/// ```
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
///
/// ```
/// use haalbaar::model::Length;
///
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\n\
///               item a {\n  team api\n  effort 20\n}\n\
///               item b {\n  team api\n  effort 20\n  after a + 1 iteration\n}\n";
/// let checked = haalbaar::check(source);
/// let dependency = &checked.plan.items[1].after[0];
/// assert_eq!((dependency.item.id.as_str(), dependency.lag), ("a", Some(Length::Iterations(1))));
/// ```
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
    ///
    /// ```
    /// use haalbaar::model::{Dependency, Item, Length};
    ///
    /// let lag = Some(Length::Iterations(1));
    /// let dependency = Dependency::new("a", lag);
    /// assert_eq!((dependency.item.id.as_str(), dependency.lag), ("a", lag));
    /// assert_eq!(Item::new("b").after("a", lag).after, vec![dependency]);
    /// ```
    pub fn new(item: impl Into<String>, lag: Option<Length>) -> Self {
        Dependency { item: Ref::new(item), lag, loc: Loc(None) }
    }
}

/// `wsjf value V urgency U risk R [size S]`: the cost of delay, for ranking.
///
/// ```
/// use haalbaar::Fixed;
///
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\n\
///               item login {\n  team api\n  effort 40\n  wsjf value 8 urgency 5 risk 3\n}\n";
/// let checked = haalbaar::check(source);
/// let wsjf = checked.plan.items[0].wsjf.expect("a wsjf");
/// let f = Fixed::from_int;
/// assert_eq!((wsjf.value, wsjf.urgency, wsjf.risk, wsjf.size), (f(8), f(5), f(3), None));
/// ```
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
    ///
    /// ```
    /// use haalbaar::model::{Item, Wsjf};
    /// use haalbaar::Fixed;
    ///
    /// let f = Fixed::from_int;
    /// let mut item = Item::new("login").effort(f(40));
    /// item.wsjf = Some(Wsjf::new(f(8), f(5), f(3), Some(f(4))));
    /// // (8 + 5 + 3) / 4: the size given, not the effort.
    /// assert_eq!(item.wsjf_score(), Some(f(4)));
    /// ```
    pub fn new(value: Fixed, urgency: Fixed, risk: Fixed, size: Option<Fixed>) -> Self {
        Wsjf { value, urgency, risk, size }
    }
}

/// A period with the place it was written.
///
/// ```
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
/// let effort = checked.plan.items[0].effort.as_ref().expect("an estimate");
/// let span = effort.loc.0.expect("read from text");
/// assert!(source[span.start..span.end].contains("30..50"));
/// ```
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
    ///
    /// ```
    /// use haalbaar::model::{At, Period};
    ///
    /// let at = At::new(Period::Pi { pi: 2, iteration: None });
    /// assert_eq!(at.value.to_string(), "PI2");
    /// assert!(at.loc.0.is_none());
    /// ```
    pub fn new(value: T) -> Self {
        At { value, loc: Loc(None) }
    }
}

/// An `item` block: a piece of work with an estimate, a team, dependencies, maybe a commitment.
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
/// let item = checked.plan.item("login").expect("item login");
/// assert_eq!(item.title.as_deref(), Some("Inloggen"));
/// assert_eq!(item.effort.as_ref().map(|e| e.value.likely()), Some(Fixed::from_int(40)));
/// assert!(item.commit.is_some() && item.after.is_empty());
/// ```
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
    ///
    /// ```
    /// use haalbaar::model::Item;
    /// use haalbaar::{Code, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let item = Item::new("login");
    /// assert!(item.team.is_none() && item.effort.is_none() && item.commit.is_none());
    /// let checked = PlanBuilder::new("Demo", start).item(item).check();
    /// // A team and an effort are required.
    /// assert!(checked.diagnostics.iter().any(|d| d.code == Code::E0206));
    /// assert!(checked.diagnostics.iter().any(|d| d.code == Code::E0207));
    /// ```
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
    ///
    /// ```
    /// use haalbaar::model::Item;
    /// use haalbaar::Fixed;
    ///
    /// let f = Fixed::from_int;
    /// let item = Item::new("login").effort_range(f(30), None, f(50)).wsjf(f(8), f(5), f(3), None);
    /// // (8 + 5 + 3) / 40, the likely effort.
    /// assert_eq!(item.wsjf_score(), Some(Fixed::from_millis(400)));
    /// assert_eq!(Item::new("plain").wsjf_score(), None);
    /// ```
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
///
/// ```
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
/// let plan = &checked.plan;
/// assert_eq!(plan.title.as_deref(), Some("Demo"));
/// assert_eq!((plan.teams.len(), plan.epics.len(), plan.items.len()), (1, 0, 1));
/// ```
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
    ///
    /// ```
    /// use haalbaar::model::{Plan, Settings};
    /// use haalbaar::NaiveDate;
    ///
    /// let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let plan = Plan::new(None, Settings::new(start));
    /// assert!(plan.teams.is_empty() && plan.items.is_empty());
    /// assert_eq!(haalbaar::print(&plan), "plan {\n  start 2025-01-06\n  horizon 18 months\n}\n");
    /// ```
    pub fn new(title: Option<String>, settings: Settings) -> Self {
        Plan { title, settings, teams: Vec::new(), epics: Vec::new(), items: Vec::new() }
    }
    /// The team with this id.
    ///
    /// ```
    /// # let source = r#"plan "Demo" {
    /// #   start 2025-01-06
    /// #   horizon 6 months
    /// # }
    /// # team api {
    /// #   people 4
    /// #   focus 75%
    /// # }
    /// # item login "Inloggen" {
    /// #   team api
    /// #   effort 30..50
    /// #   commit PI2
    /// # }
    /// # "#;
    /// let checked = haalbaar::check(source);
    /// assert_eq!(checked.plan.team("api").map(|t| t.id.as_str()), Some("api"));
    /// assert!(checked.plan.team("web").is_none());
    /// ```
    pub fn team(&self, id: &str) -> Option<&Team> {
        self.teams.iter().find(|t| t.id == id)
    }
    /// The item with this id.
    ///
    /// ```
    /// # let source = r#"plan "Demo" {
    /// #   start 2025-01-06
    /// #   horizon 6 months
    /// # }
    /// # team api {
    /// #   people 4
    /// #   focus 75%
    /// # }
    /// # item login "Inloggen" {
    /// #   team api
    /// #   effort 30..50
    /// #   commit PI2
    /// # }
    /// # "#;
    /// let checked = haalbaar::check(source);
    /// let login = checked.plan.item("login").expect("item login");
    /// assert_eq!(login.team.as_ref().map(|t| t.id.as_str()), Some("api"));
    /// assert!(checked.plan.item("logout").is_none());
    /// ```
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|t| t.id == id)
    }
    /// The epic with this id.
    ///
    /// ```
    /// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nepic stelsel \"Stelsel\" {\n}\n";
    /// let checked = haalbaar::check(source);
    /// assert_eq!(checked.plan.epic("stelsel").and_then(|e| e.title.as_deref()), Some("Stelsel"));
    /// assert!(checked.plan.epic("login").is_none());
    /// ```
    pub fn epic(&self, id: &str) -> Option<&Epic> {
        self.epics.iter().find(|t| t.id == id)
    }
}
