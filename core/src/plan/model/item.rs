//! Items and epics, and what they hold: effort, caps, dependencies, commitments, WSJF.

use serde::{Deserialize, Serialize};

use super::{Length, Loc, Period, Ref, is_none_loc};
use crate::fixed::Fixed;
use chrono::NaiveDate;

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
    /// `key "..."`: the tracker issue it was imported from (`haalbaar import`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
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
        Epic {
            id: id.into(),
            title: None,
            commit: None,
            owner: None,
            priority: None,
            note: None,
            key: None,
            loc: Loc(None),
        }
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

/// As the language writes it after `effort`: `40`, `30..50`, `60..70..90`.
///
/// ```
/// use haalbaar::model::Effort;
/// use haalbaar::Fixed;
///
/// let f = Fixed::from_int;
/// assert_eq!(Effort::exact(f(40)).to_string(), "40");
/// assert_eq!(Effort::range(f(60), Some(f(70)), f(90)).to_string(), "60..70..90");
/// ```
impl std::fmt::Display for Effort {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Through `pad`, so a width and fill apply.
        f.pad(&match self.mode {
            Some(m) => format!("{}..{m}..{}", self.low, self.high),
            None if self.low == self.high => format!("{}", self.low),
            None => format!("{}..{}", self.low, self.high),
        })
    }
}

/// Reads an effort as the language writes it: one figure, `LOW..HIGH` or `LOW..LIKELY..HIGH`
/// (for a tool reading estimates from a spreadsheet). Only the form is read here; a range out
/// of order is the check's to report (E0402), as in a file.
///
/// ```
/// use haalbaar::model::Effort;
/// use haalbaar::Fixed;
///
/// let f = Fixed::from_int;
/// assert_eq!("40".parse::<Effort>(), Ok(Effort::exact(f(40))));
/// assert_eq!("30..50".parse::<Effort>(), Ok(Effort::range(f(30), None, f(50))));
/// assert_eq!("7.5..10..20".parse::<Effort>(), Ok(Effort::range(Fixed::from_millis(7_500), Some(f(10)), f(20))));
/// let wrong = "ten".parse::<Effort>().unwrap_err();
/// assert_eq!(wrong.to_string(), "`ten` is not an effort (40, 30..50 or 60..70..90): not a number");
/// ```
impl std::str::FromStr for Effort {
    type Err = super::ValueError;
    fn from_str(text: &str) -> Result<Effort, super::ValueError> {
        let wrong = |why: String| super::ValueError::new(text, "an effort (40, 30..50 or 60..70..90)", why);
        let figures = text
            .trim()
            .split("..")
            .map(|f| f.trim().parse::<Fixed>().map_err(|e| wrong(e.to_string())))
            .collect::<Result<Vec<Fixed>, _>>()?;
        match figures[..] {
            [v] => Ok(Effort::exact(v)),
            [low, high] => Ok(Effort::range(low, None, high)),
            [low, mode, high] => Ok(Effort::range(low, Some(mode), high)),
            _ => Err(wrong("more than three figures".into())),
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
    /// For `after EPIC`: the epic. The check reads `after EPIC` as `after` each item of the
    /// epic (one dependency each, this field naming the epic); printing writes it back once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
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
        Dependency { item: Ref::new(item), lag, loc: Loc(None), via: None }
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

/// `done N by DATE`: the effort spent on an item, in all, by that day.
///
/// ```
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n  as of 2025-03-03\n}\nteam api {\n  people 2\n}\nitem login {\n  team api\n  effort 40\n  done 10 by 2025-02-07\n  done 25 by 2025-02-21\n}\n";
/// let checked = haalbaar::check(source);
/// let history = &checked.plan.item("login").expect("the item").history;
/// assert_eq!(history.len(), 2);
/// assert_eq!(history[1].done, haalbaar::Fixed::from_int(25));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DoneBy {
    /// The effort spent, in all, by `date`.
    pub done: Fixed,
    /// The day.
    pub date: NaiveDate,
    /// Where it was written (`None` for a plan built in code).
    #[serde(default, skip_serializing_if = "is_none_loc")]
    pub loc: Loc,
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
    /// `key "..."`: the tracker issue it was imported from (`haalbaar import`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// `done N`: effort already spent, in the plan's unit (needs the plan's `as of`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<At<Fixed>>,
    /// `after MILESTONE [+ LAG]`: the milestones it waits for (the check moves them here from
    /// `after`, where they were written).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<Dependency>,
    /// `done N by DATE`: the effort spent by that day (history, for progress views and the
    /// forecast's throughput), in the order written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<DoneBy>,
    /// `remaining N`: a new estimate of the effort left, instead of effort less `done`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remaining: Option<At<Fixed>>,
    /// `finished DATE`: the item needs nothing more; its successors may start after that day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished: Option<At<NaiveDate>>,
    /// `started DATE`: when work on it began (for the record; the check does not use it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started: Option<At<NaiveDate>>,
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
            key: None,
            done: None,
            milestones: Vec::new(),
            history: Vec::new(),
            remaining: None,
            finished: None,
            started: None,
            loc: Loc(None),
        }
    }
    /// The effort the check still needs for it: nothing when `finished`, `remaining` when
    /// given, else the likely effort less `done` (never below zero). `None` without an estimate.
    ///
    /// ```
    /// use haalbaar::model::Item;
    /// use haalbaar::Fixed;
    ///
    /// let item = Item::new("login").effort_range(Fixed::from_int(30), None, Fixed::from_int(50));
    /// assert_eq!(item.needed_effort(), Some(Fixed::from_int(40)));
    /// assert_eq!(item.clone().done(Fixed::from_int(10)).needed_effort(), Some(Fixed::from_int(30)));
    /// ```
    pub fn needed_effort(&self) -> Option<Fixed> {
        self.needed_of(self.effort.as_ref()?.value.likely())
    }
    /// What is left of an estimate `effort` (the likely figure, or one drawn by the forecast):
    /// nothing when finished, `remaining` when given, else `effort` less `done` (never below
    /// zero).
    ///
    /// ```
    /// use haalbaar::model::Item;
    /// use haalbaar::Fixed;
    ///
    /// let item = Item::new("login").done(Fixed::from_int(15));
    /// assert_eq!(item.needed_of(Fixed::from_int(10)), Some(Fixed::ZERO));
    /// assert_eq!(item.needed_of(Fixed::from_int(50)), Some(Fixed::from_int(35)));
    /// ```
    pub fn needed_of(&self, effort: Fixed) -> Option<Fixed> {
        if self.finished.is_some() {
            return Some(Fixed::ZERO);
        }
        if let Some(r) = &self.remaining {
            return Some(r.value);
        }
        let done = self.done_now().unwrap_or(Fixed::ZERO);
        Some(if effort > done { effort - done } else { Fixed::ZERO })
    }
    /// The effort spent by the status date: `done N` when given, else the latest
    /// `done N by DATE`.
    ///
    /// ```
    /// use haalbaar::model::Item;
    /// use haalbaar::{Fixed, NaiveDate};
    ///
    /// let d = |m, day| NaiveDate::from_ymd_opt(2025, m, day).expect("a date");
    /// let item = Item::new("login").done_by(Fixed::from_int(10), d(2, 7)).done_by(Fixed::from_int(25), d(2, 21));
    /// assert_eq!(item.done_now(), Some(Fixed::from_int(25)));
    /// assert_eq!(item.done(Fixed::from_int(30)).done_now(), Some(Fixed::from_int(30)));
    /// ```
    pub fn done_now(&self) -> Option<Fixed> {
        if let Some(d) = &self.done {
            return Some(d.value);
        }
        self.history.iter().max_by_key(|h| h.date).map(|h| h.done)
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
