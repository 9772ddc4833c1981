//! The typed syntax tree: what the file says, with a byte span on every node.
//!
//! Nothing here is validated beyond its shape: a date may not exist, a number may be
//! negative, an id may name nothing. Meaning is the business of the `haalbaar` crate.

use serde::{Deserialize, Serialize};

pub use crate::error::{SyntaxError, SyntaxErrorKind};

/// A byte range `start..end` in the source text.
///
/// ```
/// use haalbaar_grammar::{Span, parse};
///
/// let source = "team api {\n  people 4\n}\n";
/// let file = parse(source);
/// let id = file.blocks[0].id.as_ref().expect("a team has an id");
/// assert_eq!(id.span, Span::new(5, 8));
/// assert_eq!(&source[id.span.start..id.span.end], "api");
/// ```
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, Hash, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Span {
    /// The byte offset of the first byte.
    pub start: usize,
    /// The byte offset just past the last byte.
    pub end: usize,
}

impl Span {
    /// The span from byte `start` up to (not including) byte `end`.
    ///
    /// ```
    /// let span = haalbaar_grammar::Span::new(2, 7);
    /// assert_eq!((span.start, span.end), (2, 7));
    /// assert_eq!(&"a plan file"[span.start..span.end], "plan ");
    /// ```
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    /// The smallest span covering both.
    ///
    /// ```
    /// use haalbaar_grammar::Span;
    ///
    /// assert_eq!(Span::new(2, 5).join(Span::new(8, 12)), Span::new(2, 12));
    /// // Order does not matter, and a span inside the other changes nothing.
    /// assert_eq!(Span::new(8, 12).join(Span::new(2, 5)), Span::new(2, 12));
    /// assert_eq!(Span::new(0, 10).join(Span::new(3, 4)), Span::new(0, 10));
    /// ```
    pub fn join(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// A value with the span it was read from. Spans take no part in equality.
///
/// ```
/// use haalbaar_grammar::{Span, Spanned, parse};
///
/// let source = "team api {\n  people 4\n}\n";
/// let file = parse(source);
/// let statement = &file.blocks[0].statements[0];
/// assert_eq!(&source[statement.span.start..statement.span.end], "people 4");
/// // The same value read from another place is equal.
/// assert_eq!(Spanned::new("api", Span::new(5, 8)), Spanned::new("api", Span::new(40, 43)));
/// ```
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Spanned<T> {
    /// What was read.
    pub value: T,
    /// Where it was read from.
    pub span: Span,
}

impl<T: PartialEq> PartialEq for Spanned<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<T> Spanned<T> {
    /// `value`, read from `span`.
    ///
    /// ```
    /// use haalbaar_grammar::{Span, Spanned};
    ///
    /// let id = Spanned::new("api".to_string(), Span::new(5, 8));
    /// assert_eq!(id.value, "api");
    /// assert_eq!(id.span, Span::new(5, 8));
    /// ```
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

/// A whole plan file: its blocks in file order, and the syntax errors met on the way.
///
/// ```
/// let file = haalbaar_grammar::parse("team a {\n  people 3\n}\nteam b {\n  peple 2\n}\n");
/// // Both blocks are read; the broken line is one error.
/// assert_eq!(file.blocks.len(), 2);
/// assert_eq!(file.errors.len(), 1);
/// assert!(file.blocks[1].statements.is_empty());
/// ```
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct SourceFile {
    /// The blocks that could be read, in file order.
    pub blocks: Vec<Block>,
    /// One error per line that could not be read.
    pub errors: Vec<SyntaxError>,
}

/// The four kinds of block a plan file holds.
///
/// ```
/// use haalbaar_grammar::BlockKind;
///
/// let file = haalbaar_grammar::parse("plan {\n  start 2025-01-06\n}\nteam api {\n}\nitem login {\n  team api\n}\n");
/// let kinds: Vec<BlockKind> = file.blocks.iter().map(|b| b.kind).collect();
/// assert_eq!(kinds, [BlockKind::Plan, BlockKind::Team, BlockKind::Item]);
/// ```
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// `plan { ... }`: the calendar and the settings.
    Plan,
    /// `team id "title" { ... }`: a team and its capacity.
    Team,
    /// `epic id "title" { ... }`: a group of items, with a commitment.
    Epic,
    /// `item id "title" { ... }`: a piece of work for one team.
    Item,
    /// `scenario id "title" { ... }`: changes to the plan, checked apart from it.
    Scenario,
    /// `milestone id "title" DATE [chance P%]`: another party's date, one line (no braces).
    Milestone,
}

impl BlockKind {
    /// The keyword that starts a block of this kind.
    ///
    /// ```
    /// use haalbaar_grammar::BlockKind;
    ///
    /// assert_eq!(BlockKind::Plan.keyword(), "plan");
    /// assert_eq!(BlockKind::Item.keyword(), "item");
    /// ```
    pub fn keyword(self) -> &'static str {
        match self {
            BlockKind::Plan => "plan",
            BlockKind::Team => "team",
            BlockKind::Epic => "epic",
            BlockKind::Item => "item",
            BlockKind::Scenario => "scenario",
            BlockKind::Milestone => "milestone",
        }
    }
}

/// `team toegang "Domein Toegang" { ... }`: a keyword, an id (not for `plan`), a title.
///
/// ```
/// use haalbaar_grammar::{BlockKind, parse};
///
/// let source = "team toegang \"Domein Toegang\" {\n  people 12\n  focus 70%\n}\n";
/// let file = parse(source);
/// let block = &file.blocks[0];
/// assert_eq!(block.kind, BlockKind::Team);
/// assert_eq!(block.id.as_ref().map(|id| id.value.as_str()), Some("toegang"));
/// assert_eq!(block.title.as_ref().map(|t| t.value.as_str()), Some("Domein Toegang"));
/// assert_eq!(block.statements.len(), 2);
/// assert_eq!(&source[block.header.start..block.header.end], "team toegang \"Domein Toegang\" {");
/// assert!(source[block.span.start..block.span.end].ends_with('}'));
/// ```
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Block {
    /// Which kind of block it is.
    pub kind: BlockKind,
    /// Its id (`None` for the `plan` block).
    pub id: Option<Spanned<String>>,
    /// Its title, unescaped, if it has one.
    pub title: Option<Spanned<String>>,
    /// Its statements, in file order.
    pub statements: Vec<Spanned<Statement>>,
    /// The whole block, header to closing brace.
    pub span: Span,
    /// The header line up to and including `{`.
    pub header: Span,
}

/// A decimal number exactly as written (`12`, `12.5`, `-3`).
///
/// ```
/// use haalbaar_grammar::{Number, Statement, parse};
///
/// let file = parse("team api {\n  people 12.50\n}\n");
/// let Statement::People(n) = &file.blocks[0].statements[0].value else { panic!("not people") };
/// // Not rounded or normalised: the text as written.
/// assert_eq!(n.value, Number("12.50".to_string()));
/// ```
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Number(pub String);

/// A calendar date as written; whether it exists is checked later.
///
/// ```
/// use haalbaar_grammar::{Date, Statement, parse};
///
/// // The 30th of February reads as written: the `haalbaar` crate reports it.
/// let file = parse("plan {\n  start 2025-02-30\n}\n");
/// let Statement::Start(date) = &file.blocks[0].statements[0].value else { panic!("not start") };
/// assert_eq!(date.value, Date { year: 2025, month: 2, day: 30 });
/// ```
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
pub struct Date {
    /// The year, four digits.
    pub year: u32,
    /// The month, from 1.
    pub month: u32,
    /// The day of the month, from 1.
    pub day: u32,
}

/// The unit of a [`Duration`], singular or plural as written (`1 week`, `2 weeks`).
///
/// ```
/// use haalbaar_grammar::{DurationUnit, Statement, parse};
///
/// let file = parse("plan {\n  iteration 1 week\n  horizon 18 months\n}\n");
/// let units: Vec<DurationUnit> = file.blocks[0]
///     .statements
///     .iter()
///     .filter_map(|s| match &s.value {
///         Statement::Iteration(d) | Statement::Horizon(d) => Some(d.value.unit),
///         _ => None,
///     })
///     .collect();
/// assert_eq!(units, [DurationUnit::Weeks, DurationUnit::Months]);
/// ```
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum DurationUnit {
    /// `days` or `day`: calendar days.
    Days,
    /// `weeks` or `week`: seven days each.
    Weeks,
    /// `months` or `month`: calendar months.
    Months,
    /// `iterations` or `iteration`: iterations of the plan's length.
    Iterations,
}

/// `10 weeks`, `1 iteration`.
///
/// ```
/// use haalbaar_grammar::{DurationUnit, Number, Statement, parse};
///
/// let file = parse("plan {\n  horizon 18 months\n}\n");
/// let Statement::Horizon(d) = &file.blocks[0].statements[0].value else { panic!("not horizon") };
/// assert_eq!(d.value.amount.value, Number("18".to_string()));
/// assert_eq!(d.value.unit, DurationUnit::Months);
/// ```
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Duration {
    /// How many, as written.
    pub amount: Spanned<Number>,
    /// Of what.
    pub unit: DurationUnit,
}

/// A point on the calendar as written.
///
/// ```
/// use haalbaar_grammar::{Period, Statement, parse};
///
/// let file = parse("item a {\n  not before 2024-Q2\n  commit PI3.2\n}\n");
/// let periods: Vec<Period> = file.blocks[0]
///     .statements
///     .iter()
///     .filter_map(|s| match &s.value {
///         Statement::NotBefore(p) | Statement::Commit { period: p, .. } => Some(p.value),
///         _ => None,
///     })
///     .collect();
/// assert_eq!(periods, [Period::Quarter { year: 2024, quarter: 2 }, Period::Pi { pi: 3, iteration: Some(2) }]);
/// ```
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Period {
    /// `PI3` (iteration `None`) or `PI3.2`.
    Pi {
        /// The PI, from 1.
        pi: u32,
        /// The iteration within the PI, from 1; `None` for the PI as a whole.
        iteration: Option<u32>,
    },
    /// `2024-Q3`.
    Quarter {
        /// The year.
        year: u32,
        /// The quarter, as written (1 to 4 when valid).
        quarter: u32,
    },
    /// `2024-03-01`.
    Date {
        /// The day.
        date: Date,
    },
}

/// `PI4..PI5`, or a single period.
///
/// ```
/// use haalbaar_grammar::{Period, Statement, parse};
///
/// let file = parse("item a {\n  in PI2..PI3\n}\n");
/// let Statement::In(range) = &file.blocks[0].statements[0].value else { panic!("not in") };
/// assert_eq!(range.value.from.value, Period::Pi { pi: 2, iteration: None });
/// assert_eq!(range.value.to.as_ref().map(|p| p.value), Some(Period::Pi { pi: 3, iteration: None }));
/// ```
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PeriodRange {
    /// The first period (or the only one).
    pub from: Spanned<Period>,
    /// The last period, both ends included; `None` for a single period.
    pub to: Option<Spanned<Period>>,
}

/// The unit of a plan's efforts and capacities, as `unit` names it.
///
/// ```
/// use haalbaar_grammar::{Statement, UnitName, parse};
///
/// let file = parse("plan {\n  unit points\n}\n");
/// let Statement::Unit(unit) = &file.blocks[0].statements[0].value else { panic!("not unit") };
/// assert_eq!(unit.value, UnitName::Points);
/// ```
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum UnitName {
    /// `unit days`: person-days.
    Days,
    /// `unit points`: normalised story points.
    Points,
}

/// A part of a `wsjf` statement.
///
/// ```
/// use haalbaar_grammar::{Statement, WsjfKey, parse};
///
/// let file = parse("item a {\n  wsjf value 8 urgency 5 risk 3\n}\n");
/// let Statement::Wsjf(parts) = &file.blocks[0].statements[0].value else { panic!("not wsjf") };
/// let keys: Vec<WsjfKey> = parts.iter().map(|(key, _)| key.value).collect();
/// assert_eq!(keys, [WsjfKey::Value, WsjfKey::Urgency, WsjfKey::Risk]);
/// ```
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum WsjfKey {
    /// `value`: the business value.
    Value,
    /// `urgency`: the time criticality.
    Urgency,
    /// `risk`: risk reduction or opportunity enablement.
    Risk,
    /// `size`: the job size (else the likely effort).
    Size,
}

/// One line of a block. Which statements a block may hold is fixed by the grammar.
///
/// ```
/// use haalbaar_grammar::{Statement, parse};
///
/// let file = parse("item login {\n  team api\n  effort 30..50\n  after signup + 1 iteration\n}\n");
/// let statements = &file.blocks[0].statements;
/// assert!(matches!(&statements[0].value, Statement::Team(team) if team.value == "api"));
/// assert!(matches!(&statements[1].value, Statement::Effort(points) if points.len() == 2));
/// match &statements[2].value {
///     Statement::After { item, lag } => {
///         assert_eq!(item.value, "signup");
///         assert!(lag.is_some());
///     }
///     other => panic!("not after: {other:?}"),
/// }
/// ```
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(tag = "statement", rename_all = "snake_case")]
pub enum Statement {
    // plan
    /// `start 2024-01-08`: the first day of PI1.
    Start(Spanned<Date>),
    /// `horizon 18 months`: how far the plan reaches.
    Horizon(Spanned<Duration>),
    /// `end 2025-07-06`: the horizon's last day, instead of `horizon`.
    End(Spanned<Date>),
    /// `increment 10 weeks`: the length of a PI.
    Increment(Spanned<Duration>),
    /// `iteration 2 weeks`: the length of an iteration.
    Iteration(Spanned<Duration>),
    /// `innovation 1 iteration`: the IP iterations at the end of every PI.
    Innovation(Spanned<Number>),
    /// `unit days` or `unit points`.
    Unit(Spanned<UnitName>),
    /// The date of a `milestone` line, with its chance of being met on time, if said.
    Milestone {
        /// The day.
        date: Spanned<Date>,
        /// Percent chance that it is on time.
        chance: Option<Spanned<Number>>,
    },
    /// `uncertainty capacity 20%`: for the forecast, each iteration's capacity of a team
    /// without history varies this much either way.
    UncertaintyCapacity(Spanned<Number>),
    /// `as of 2024-05-13`: the status date; the plan is checked from this day on.
    AsOf(Spanned<Date>),
    /// `workweek 5 days`: working days per week, Monday first.
    Workweek(Spanned<Number>),
    /// `holiday "Kerstreces" 2024-12-23 .. 2025-01-03`, or a single day.
    Holiday {
        /// What the holiday is called.
        name: Spanned<String>,
        /// Its first day.
        from: Spanned<Date>,
        /// Its last day; `None` for a single day.
        to: Option<Spanned<Date>>,
    },
    /// `load 85%` (the number is the percentage).
    Load(Spanned<Number>),
    /// `uncertainty grows 10% per PI` (forecast extension).
    Uncertainty(Spanned<Number>),
    /// `firm 2 PIs` (forecast extension: how far ahead a commitment is firm).
    Firm(Spanned<Number>),
    // team
    /// `people 12`: the headcount at the start.
    People(Spanned<Number>),
    /// `focus 70%` (the number is the percentage).
    Focus(Spanned<Number>),
    /// `reserve 20% "beheer en storingen"`: capacity kept for run work.
    Reserve {
        /// The percentage taken off.
        percent: Spanned<Number>,
        /// What it is for, if said.
        reason: Option<Spanned<String>>,
    },
    /// `hire 2 on 2024-04-01 ramp 8 weeks`: people joining.
    Hire {
        /// How many people.
        count: Spanned<Number>,
        /// The day they join.
        date: Spanned<Date>,
        /// How long they take to come up to speed, if said.
        ramp: Option<Spanned<Duration>>,
    },
    /// `leave 1 on 2024-09-01`: people leaving.
    Leave {
        /// How many people.
        count: Spanned<Number>,
        /// The day they leave.
        date: Spanned<Date>,
    },
    /// `vacancy 3 on 2024-06-01 chance 40%`: open positions.
    Vacancy {
        /// How many positions.
        count: Spanned<Number>,
        /// The day they may be filled from.
        date: Spanned<Date>,
        /// The chance each is filled, in percent, if said.
        chance: Option<Spanned<Number>>,
        /// `ramp 8 weeks`: how long a filled position takes to reach full productivity.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ramp: Option<Spanned<Duration>>,
    },
    /// `lend 2 to berichten PI4..PI5`: people working for another team for a while.
    Lend {
        /// How many people.
        count: Spanned<Number>,
        /// The team they go to.
        to: Spanned<String>,
        /// The PIs or iterations they are lent for.
        periods: Spanned<PeriodRange>,
    },
    /// `capacity 40 per iteration`: a fixed capacity instead of people.
    CapacityPerIteration(Spanned<Number>),
    /// `capacity PI3 150` or `capacity PI6.2 0`: a PI's or an iteration's capacity set.
    CapacityOverride {
        /// The PI or iteration.
        period: Spanned<Period>,
        /// Its capacity.
        amount: Spanned<Number>,
    },
    /// `capacity PI3.2 +20`: `delta` as written, its sign included.
    CapacityAdjust {
        /// The PI or iteration.
        period: Spanned<Period>,
        /// What is added or (with `-`) taken off.
        delta: Spanned<Number>,
    },
    /// `absent 2 people 2026-07-13 .. 2026-08-21`: people away for a stretch (both days
    /// included), or one day.
    Absent {
        /// How many people.
        count: Spanned<Number>,
        /// The first day away.
        from: Spanned<Date>,
        /// The last day away, if not the same.
        to: Option<Spanned<Date>>,
    },
    /// `velocity 30 per iteration`: measured throughput, in points.
    Velocity(Spanned<Number>),
    // epic and item
    /// `commit PI4` or `commit 2025-Q2 hard`: the deadline of a commitment.
    Commit {
        /// The deadline.
        period: Spanned<Period>,
        /// `hard`: fixed by law or contract.
        hard: bool,
    },
    /// `owner "DG Digitalisering"`: who asked for it.
    Owner(Spanned<String>),
    /// `note "free text"`.
    Note(Spanned<String>),
    /// `key "GDI-123"`: the tracker issue the block was imported from.
    Key(Spanned<String>),
    /// `priority 1`: an explicit rank, 1 first.
    Priority(Spanned<Number>),
    /// `team toegang`: the team that does the item's work.
    Team(Spanned<String>),
    /// `epic stelsel`: the epic the item belongs to.
    Epic(Spanned<String>),
    /// One, two or three numbers: `75`, `60..90`, `60..70..90`.
    Effort(Vec<Spanned<Number>>),
    /// `max 3 people` (or `max 1 person`): a cap in people per iteration.
    MaxPeople(Spanned<Number>),
    /// `max 30 per iteration`: a cap in the plan's unit per iteration.
    MaxPerIteration(Spanned<Number>),
    /// `not before 2024-03-01` or `not before PI2`: no work before it.
    NotBefore(Spanned<Period>),
    /// `in PI2` or `in PI2..PI3`: the item's place on the program board.
    In(Spanned<PeriodRange>),
    /// `after digid-api` or `after fbs-core + 1 iteration`: finish to start.
    After {
        /// The item waited for.
        item: Spanned<String>,
        /// The lag after it, if said.
        lag: Option<Spanned<Duration>>,
    },
    /// `target PI5`: an objective, not a commitment.
    Target(Spanned<Period>),
    /// `wsjf value 8 urgency 5 risk 3`: the parts of the weighted shortest job first score.
    Wsjf(Vec<(Spanned<WsjfKey>, Spanned<Number>)>),
    /// `done 40` (as of the status date) or `done 25 by 2024-02-16`: effort spent on the
    /// item up to that day, in the plan's unit (a dated one records history).
    Done {
        /// The effort spent, in all, by then.
        amount: Spanned<Number>,
        /// The day it was recorded, if said (else the status date).
        by: Option<Spanned<Date>>,
    },
    /// `remaining 30`: a new estimate of what is left, instead of effort less done.
    Remaining(Spanned<Number>),
    /// `finished 2024-04-26`: the item is done; it needs nothing more.
    Finished(Spanned<Date>),
    /// `started 2024-02-12`: when work began (for the record; the check does not use it).
    Started(Spanned<Date>),
    // scenario
    /// A line of a scenario: `team toegang people 10`, `item login without after sso`,
    /// `add item nieuw "Nieuw"`.
    Change(Box<Change>),
}

/// One line of a scenario: what it changes (a block of the plan) and how.
///
/// ```
/// use haalbaar_grammar::{BlockKind, ChangeKind, Statement, Without, parse};
///
/// let source = "scenario krap {\n  team api without lend to web\n  item login effort 80\n}\n";
/// let file = parse(source);
/// let Statement::Change(change) = &file.blocks[0].statements[0].value else { panic!("not a change") };
/// assert_eq!((change.target, change.id.as_ref().map(|i| i.value.as_str())), (BlockKind::Team, Some("api")));
/// let ChangeKind::Without(w) = &change.kind else { panic!("not a without") };
/// assert!(matches!(&w.value, Without::Lend(Some(to)) if to.value == "web"));
/// let Statement::Change(change) = &file.blocks[0].statements[1].value else { panic!("not a change") };
/// assert!(matches!(&change.kind, ChangeKind::Set { statement } if statement.value.keyword() == "effort"));
/// ```
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Change {
    /// The kind of block it changes (`plan`, `team`, `epic` or `item`).
    pub target: BlockKind,
    /// The id of the block it changes (`None` for `plan`).
    pub id: Option<Spanned<String>>,
    /// What it does to that block.
    pub kind: ChangeKind,
}

/// What a scenario line does to the block it names.
///
/// ```
/// use haalbaar_grammar::{ChangeKind, Statement, parse};
///
/// let file = parse("scenario groei {\n  add item sso \"SSO\"\n  team api vacancies filled\n}\n");
/// let kinds: Vec<&ChangeKind> = file.blocks[0]
///     .statements
///     .iter()
///     .map(|s| match &s.value { Statement::Change(c) => &c.kind, _ => panic!("not a change") })
///     .collect();
/// assert!(matches!(kinds[0], ChangeKind::Add { title: Some(t) } if t.value == "SSO"));
/// assert!(matches!(kinds[1], ChangeKind::VacanciesFilled));
/// ```
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum ChangeKind {
    /// A statement for the block: it replaces the block's statement of that kind when the
    /// block has at most one (`people`, `effort`, `commit`, ...), and is added to the others
    /// (`hire`, `lend`, `after`, ...).
    Set {
        /// The statement, as it would be written in the block.
        statement: Spanned<Statement>,
    },
    /// `without ...`: statements of the block taken out.
    Without(Spanned<Without>),
    /// `team toegang vacancies filled`: every vacancy of the team filled on its date.
    VacanciesFilled,
    /// `add item id "title"`: a new, empty block, for later lines to fill.
    Add {
        /// The new block's title, if given.
        title: Option<Spanned<String>>,
    },
}

/// The statements a `without` line takes out of a block; a value narrows it to the ones
/// with that date, team, period or item.
///
/// ```
/// use haalbaar_grammar::Without;
///
/// assert_eq!(Without::NotBefore.keyword(), "not before");
/// assert_eq!(Without::Hire(None).keyword(), "hire");
/// ```
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(tag = "without", content = "value", rename_all = "snake_case")]
pub enum Without {
    /// `without hire` or `without hire on 2025-03-01`.
    Hire(Option<Spanned<Date>>),
    /// `without leave` or `without leave on 2025-09-01`.
    Leave(Option<Spanned<Date>>),
    /// `without vacancy` or `without vacancy on 2025-06-01`: the vacancy is not filled.
    Vacancy(Option<Spanned<Date>>),
    /// `without lend` or `without lend to eherkenning`.
    Lend(Option<Spanned<String>>),
    /// `without reserve`.
    Reserve,
    /// `without capacity` (every capacity line) or `without capacity PI3`.
    Capacity(Option<Spanned<Period>>),
    /// `without velocity`.
    Velocity,
    /// `without after` (every dependency) or `without after digid-api`.
    After(Option<Spanned<String>>),
    /// `without commit`: no longer a commitment.
    Commit,
    /// `without in`: no longer placed on the board.
    In,
    /// `without not before`.
    NotBefore,
    /// `without target`.
    Target,
    /// `without max` (people and per iteration).
    Max,
    /// `without epic`: no longer part of an epic.
    Epic,
    /// `without done`: no effort recorded as spent.
    Done,
    /// `without remaining`: the remaining work is effort less done again.
    Remaining,
    /// `without finished`: the item is not finished.
    Finished,
    /// `without started`.
    Started,
}

impl Without {
    /// The statement keyword it takes out.
    ///
    /// ```
    /// assert_eq!(haalbaar_grammar::Without::Lend(None).keyword(), "lend");
    /// ```
    pub fn keyword(&self) -> &'static str {
        match self {
            Without::Hire(_) => "hire",
            Without::Leave(_) => "leave",
            Without::Vacancy(_) => "vacancy",
            Without::Lend(_) => "lend",
            Without::Reserve => "reserve",
            Without::Capacity(_) => "capacity",
            Without::Velocity => "velocity",
            Without::After(_) => "after",
            Without::Commit => "commit",
            Without::In => "in",
            Without::NotBefore => "not before",
            Without::Target => "target",
            Without::Max => "max",
            Without::Epic => "epic",
            Without::Done => "done",
            Without::Remaining => "remaining",
            Without::Finished => "finished",
            Without::Started => "started",
        }
    }
}

impl Statement {
    /// The keyword that starts the statement, as the user writes it.
    ///
    /// ```
    /// let file = haalbaar_grammar::parse("item a {\n  not before PI2\n  max 3 people\n  commit 2025-Q2 hard\n}\n");
    /// let keywords: Vec<&str> = file.blocks[0].statements.iter().map(|s| s.value.keyword()).collect();
    /// assert_eq!(keywords, ["not before", "max", "commit"]);
    /// ```
    pub fn keyword(&self) -> &'static str {
        match self {
            Statement::Start(_) => "start",
            Statement::Horizon(_) => "horizon",
            Statement::End(_) => "end",
            Statement::Increment(_) => "increment",
            Statement::Iteration(_) => "iteration",
            Statement::Innovation(_) => "innovation",
            Statement::Unit(_) => "unit",
            Statement::Workweek(_) => "workweek",
            Statement::Holiday { .. } => "holiday",
            Statement::Load(_) => "load",
            Statement::Uncertainty(_) => "uncertainty",
            Statement::Firm(_) => "firm",
            Statement::People(_) => "people",
            Statement::Focus(_) => "focus",
            Statement::Reserve { .. } => "reserve",
            Statement::Hire { .. } => "hire",
            Statement::Leave { .. } => "leave",
            Statement::Vacancy { .. } => "vacancy",
            Statement::Lend { .. } => "lend",
            Statement::CapacityPerIteration(_)
            | Statement::CapacityOverride { .. }
            | Statement::CapacityAdjust { .. } => "capacity",
            Statement::Velocity(_) => "velocity",
            Statement::Absent { .. } => "absent",
            Statement::Commit { .. } => "commit",
            Statement::Owner(_) => "owner",
            Statement::Note(_) => "note",
            Statement::Key(_) => "key",
            Statement::Priority(_) => "priority",
            Statement::Team(_) => "team",
            Statement::Epic(_) => "epic",
            Statement::Effort(_) => "effort",
            Statement::MaxPeople(_) | Statement::MaxPerIteration(_) => "max",
            Statement::NotBefore(_) => "not before",
            Statement::In(_) => "in",
            Statement::After { .. } => "after",
            Statement::Target(_) => "target",
            Statement::Wsjf(_) => "wsjf",
            Statement::AsOf(_) => "as of",
            Statement::Milestone { .. } => "milestone",
            Statement::UncertaintyCapacity(_) => "uncertainty capacity",
            Statement::Done { .. } => "done",
            Statement::Remaining(_) => "remaining",
            Statement::Finished(_) => "finished",
            Statement::Started(_) => "started",
            Statement::Change(c) => match c.kind {
                ChangeKind::Add { .. } => "add",
                _ => c.target.keyword(),
            },
        }
    }
}
