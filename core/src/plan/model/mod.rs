//! The validated plan: what a plan file means, independent of how it was written. Built by
//! lowering a syntax tree (`plan::lower`) or in code ([`crate::PlanBuilder`]). Every element
//! keeps the span it came from (when it came from text) so checks can point at it; spans
//! take no part in equality.

mod item;
mod team;

pub use haalbaar_grammar::{is_valid_id, suggest_id};
pub use item::*;
pub use team::*;

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

pub(crate) fn is_none_loc(l: &Loc) -> bool {
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

/// Reads a period as the language writes it: `PI3`, `PI3.2`, `2025-Q3` or a date
/// (`2025-07-01`). Only the form is read; whether it lies inside the horizon is the check's
/// to say, as in a file.
///
/// ```
/// use haalbaar::model::Period;
/// use haalbaar::NaiveDate;
///
/// assert_eq!("PI3.2".parse::<Period>(), Ok(Period::Pi { pi: 3, iteration: Some(2) }));
/// assert_eq!("PI4".parse::<Period>(), Ok(Period::Pi { pi: 4, iteration: None }));
/// assert_eq!("2025-Q3".parse::<Period>(), Ok(Period::Quarter { year: 2025, quarter: 3 }));
/// let date = NaiveDate::from_ymd_opt(2025, 7, 1).expect("a date");
/// assert_eq!("2025-07-01".parse::<Period>(), Ok(Period::Date { date }));
/// let wrong = "2025-Q5".parse::<Period>().unwrap_err();
/// assert_eq!(wrong.to_string(), "`2025-Q5` is not a period (PI3, PI3.2, 2025-Q3 or a date): a quarter is 1 to 4");
/// ```
impl std::str::FromStr for Period {
    type Err = ValueError;
    fn from_str(text: &str) -> Result<Period, ValueError> {
        let wrong = |why: &str| ValueError::new(text, "a period (PI3, PI3.2, 2025-Q3 or a date)", why);
        let number = |digits: &str| -> Result<u32, ValueError> {
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(wrong("expected a number"));
            }
            digits.parse::<u32>().map_err(|_| wrong("the number is too large"))
        };
        let t = text.trim();
        if let Some(rest) = t.strip_prefix("PI") {
            let (pi, iteration) = match rest.split_once('.') {
                Some((pi, it)) => (number(pi)?, Some(number(it)?)),
                None => (number(rest)?, None),
            };
            if pi == 0 || iteration == Some(0) {
                return Err(wrong("PIs and their iterations count from 1"));
            }
            return Ok(Period::Pi { pi, iteration });
        }
        if let Some((year, quarter)) = t.split_once("-Q") {
            let (year, quarter) = (number(year)?, number(quarter)?);
            if !(1..=4).contains(&quarter) {
                return Err(wrong("a quarter is 1 to 4"));
            }
            let year = i32::try_from(year).map_err(|_| wrong("the year is too large"))?;
            return Ok(Period::Quarter { year, quarter });
        }
        if t.len() == 10 && t.as_bytes()[4] == b'-' && t.as_bytes()[7] == b'-' {
            return NaiveDate::parse_from_str(t, "%Y-%m-%d")
                .map(|date| Period::Date { date })
                .map_err(|_| wrong("no such day"));
        }
        Err(wrong("expected PI3, PI3.2, 2025-Q3 or YYYY-MM-DD"))
    }
}

/// Why a text is not the value a tool asked for (from `Period` and `Effort`'s `FromStr`).
///
/// ```
/// use haalbaar::model::Period;
///
/// let e = "PI0".parse::<Period>().unwrap_err();
/// assert_eq!(e.text(), "PI0");
/// assert_eq!(e.reason(), "PIs and their iterations count from 1");
/// let _: &dyn std::error::Error = &e;
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{text}` is not {expected}: {reason}")]
pub struct ValueError {
    text: String,
    expected: &'static str,
    reason: String,
}

impl ValueError {
    fn new(text: &str, expected: &'static str, reason: impl Into<String>) -> ValueError {
        ValueError { text: text.to_string(), expected, reason: reason.into() }
    }
    /// The text that was read.
    ///
    /// ```
    /// let e = "effort".parse::<haalbaar::model::Effort>().unwrap_err();
    /// assert_eq!(e.text(), "effort");
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }
    /// What is wrong with it, in a few words.
    ///
    /// ```
    /// let e = "1..2..3..4".parse::<haalbaar::model::Effort>().unwrap_err();
    /// assert_eq!(e.reason(), "more than three figures");
    /// ```
    pub fn reason(&self) -> &str {
        &self.reason
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
    /// Forecast: `uncertainty capacity P%`, how much each iteration's capacity of a team
    /// without history may vary either way, in percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity_uncertainty: Option<Fixed>,
    /// `as of DATE`: the status date. Iterations before it are history (no work planned in
    /// them) and items' progress (`done`, `remaining`, `finished`) counts from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<At<NaiveDate>>,
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
            capacity_uncertainty: None,
            as_of: None,
        }
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
    /// Other parties' dates items may wait for (`milestone` lines), in the order written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<Milestone>,
}

/// `milestone ID "title" DATE [chance P%]`: a date another party keeps (a chain partner's
/// release, a law taking effect). An item `after` it may work from the first iteration that
/// starts on or after the date (plus the lag); the forecast lets it slip by its chance.
///
/// ```
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\n\
///               milestone wetgeving \"Wet digitale overheid\" 2025-03-01 chance 70%\n";
/// let checked = haalbaar::check(source);
/// let m = &checked.plan.milestones[0];
/// assert_eq!((m.id.as_str(), m.title.as_deref()), ("wetgeving", Some("Wet digitale overheid")));
/// assert_eq!(m.chance, haalbaar::Fixed::from_int(70));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Milestone {
    /// Its id (one namespace with teams, epics and items).
    pub id: String,
    /// Its title, if it has one.
    pub title: Option<String>,
    /// The day.
    pub date: NaiveDate,
    /// Percent chance it is on time (default 100).
    pub chance: Fixed,
    /// Where it was written (`None` for a plan built in code).
    #[serde(default, skip_serializing_if = "is_none_loc")]
    pub loc: Loc,
}

impl Milestone {
    /// `milestone ID DATE` (chance 100%).
    ///
    /// ```
    /// use haalbaar::model::Milestone;
    ///
    /// let day = haalbaar::NaiveDate::from_ymd_opt(2025, 3, 1).expect("a date");
    /// let m = Milestone::new("wetgeving", day);
    /// assert_eq!((m.date, m.chance), (day, haalbaar::Fixed::HUNDRED));
    /// ```
    pub fn new(id: impl Into<String>, date: NaiveDate) -> Self {
        Milestone { id: id.into(), title: None, date, chance: Fixed::HUNDRED, loc: Loc(None) }
    }
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
        Plan { title, settings, teams: Vec::new(), epics: Vec::new(), items: Vec::new(), milestones: Vec::new() }
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

/// `after EPIC` read as `after` each item of the epic (plan order), each dependency keeping
/// the line it was written on and naming the epic (`Dependency::via`). An id that is an item
/// stays as it is (an item and an epic cannot share one); one that names neither is left for
/// validation to report. An epic without items adds nothing (W0503 says it has none).
pub(crate) fn expand_epic_dependencies(plan: &mut Plan) {
    let epics: std::collections::HashSet<&str> = plan.epics.iter().map(|e| e.id.as_str()).collect();
    let items: std::collections::HashSet<&str> = plan.items.iter().map(|i| i.id.as_str()).collect();
    let wanted =
        |d: &Dependency| d.via.is_none() && !items.contains(d.item.id.as_str()) && epics.contains(d.item.id.as_str());
    if !plan.items.iter().any(|i| i.after.iter().any(wanted)) {
        return;
    }
    let members = |epic: &str| -> Vec<String> {
        plan.items.iter().filter(|i| i.epic.as_ref().is_some_and(|e| e.id == epic)).map(|i| i.id.clone()).collect()
    };
    let expanded: Vec<Vec<Dependency>> = plan
        .items
        .iter()
        .map(|item| {
            item.after
                .iter()
                .flat_map(|d| {
                    if !wanted(d) {
                        return vec![d.clone()];
                    }
                    members(&d.item.id)
                        .into_iter()
                        .map(|m| Dependency {
                            item: Ref { id: m, loc: d.item.loc },
                            lag: d.lag,
                            loc: d.loc,
                            via: Some(d.item.id.clone()),
                        })
                        .collect()
                })
                .collect()
        })
        .collect();
    for (item, after) in plan.items.iter_mut().zip(expanded) {
        item.after = after;
    }
}

/// `after ID` naming a milestone moves from the item's `after` to its `milestones` (the
/// dependencies between items stay among items). An id that is an item or an epic stays.
pub(crate) fn split_milestone_dependencies(plan: &mut Plan) {
    if plan.milestones.is_empty() {
        return;
    }
    let milestones: std::collections::HashSet<String> = plan.milestones.iter().map(|m| m.id.clone()).collect();
    let others: std::collections::HashSet<String> =
        plan.items.iter().map(|i| i.id.clone()).chain(plan.epics.iter().map(|e| e.id.clone())).collect();
    for item in &mut plan.items {
        let (to_milestones, rest): (Vec<Dependency>, Vec<Dependency>) = std::mem::take(&mut item.after)
            .into_iter()
            .partition(|d| d.via.is_none() && milestones.contains(&d.item.id) && !others.contains(&d.item.id));
        item.after = rest;
        item.milestones.extend(to_milestones);
    }
}
