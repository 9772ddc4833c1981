//! The builder methods of an item and an epic (`Item::new("login").team("api")`), for
//! [`super::PlanBuilder`].

use crate::fixed::Fixed;
use crate::model::*;

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
        self.after.push(Dependency { item: Ref::new(item), lag, loc: Loc(None), via: None });
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
    /// `key "…"`: the tracker issue the item was imported from.
    ///
    /// ```
    /// use haalbaar::model::Item;
    /// use haalbaar::{NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let plan = PlanBuilder::new("Demo", start).item(Item::new("login").key("GDI-123")).plan();
    /// assert_eq!(plan.items[0].key.as_deref(), Some("GDI-123"));
    /// assert!(haalbaar::print(&plan).contains("\n  key \"GDI-123\"\n"));
    /// ```
    pub fn key(mut self, key: impl Into<String>) -> Self {
        self.key = Some(key.into());
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
    /// `done N`: effort already spent (the plan needs `as of`).
    ///
    /// ```
    /// use haalbaar::model::Item;
    /// use haalbaar::{Fixed, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let item = Item::new("login").effort(Fixed::from_int(40)).done(Fixed::from_int(15));
    /// assert_eq!(item.needed_effort(), Some(Fixed::from_int(25)));
    /// let plan = PlanBuilder::new("Demo", start).item(item).plan();
    /// assert!(haalbaar::print(&plan).contains("\n  done 15\n"));
    /// ```
    pub fn done(mut self, done: Fixed) -> Self {
        self.done = Some(At::new(done));
        self
    }
    /// `done N by DATE`: history, the effort spent in all by that day.
    ///
    /// ```
    /// use haalbaar::model::Item;
    /// use haalbaar::{Fixed, NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let day = NaiveDate::from_ymd_opt(2025, 2, 7).expect("a date");
    /// let plan = PlanBuilder::new("Demo", start).item(Item::new("login").done_by(Fixed::from_int(10), day)).plan();
    /// assert!(haalbaar::print(&plan).contains("\n  done 10 by 2025-02-07\n"));
    /// ```
    pub fn done_by(mut self, done: Fixed, date: chrono::NaiveDate) -> Self {
        self.history.push(crate::model::DoneBy { done, date, loc: Loc(None) });
        self
    }
    /// `remaining N`: what is left, re-estimated (instead of effort less `done`).
    ///
    /// ```
    /// use haalbaar::model::Item;
    /// use haalbaar::Fixed;
    ///
    /// let item = Item::new("login").effort(Fixed::from_int(40)).done(Fixed::from_int(15)).remaining(Fixed::from_int(30));
    /// assert_eq!(item.needed_effort(), Some(Fixed::from_int(30)));
    /// ```
    pub fn remaining(mut self, remaining: Fixed) -> Self {
        self.remaining = Some(At::new(remaining));
        self
    }
    /// `finished DATE`: done; it needs nothing more.
    ///
    /// ```
    /// use haalbaar::model::Item;
    /// use haalbaar::{Fixed, NaiveDate};
    ///
    /// let day = NaiveDate::from_ymd_opt(2025, 2, 14).expect("a date");
    /// let item = Item::new("login").effort(Fixed::from_int(40)).finished(day);
    /// assert_eq!(item.needed_effort(), Some(Fixed::ZERO));
    /// ```
    pub fn finished(mut self, day: chrono::NaiveDate) -> Self {
        self.finished = Some(At::new(day));
        self
    }
    /// `started DATE`: when work began (for the record).
    ///
    /// ```
    /// use haalbaar::model::Item;
    /// use haalbaar::NaiveDate;
    ///
    /// let day = NaiveDate::from_ymd_opt(2025, 1, 20).expect("a date");
    /// assert_eq!(Item::new("login").started(day).started.map(|d| d.value), Some(day));
    /// ```
    pub fn started(mut self, day: chrono::NaiveDate) -> Self {
        self.started = Some(At::new(day));
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
    /// `key "…"`: the tracker issue the epic was imported from.
    ///
    /// ```
    /// use haalbaar::model::Epic;
    /// use haalbaar::{NaiveDate, PlanBuilder};
    ///
    /// # let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
    /// let plan = PlanBuilder::new("Demo", start).epic(Epic::new("stelsel").key("GDI-120")).plan();
    /// assert_eq!(plan.epics[0].key.as_deref(), Some("GDI-120"));
    /// ```
    pub fn key(mut self, key: impl Into<String>) -> Self {
        self.key = Some(key.into());
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
