//! The typed syntax tree: what the file says, with a byte span on every node.
//!
//! Nothing here is validated beyond its shape: a date may not exist, a number may be
//! negative, an id may name nothing. Meaning is the business of the `haalbaar` crate.

use serde::{Deserialize, Serialize};

/// A byte range `start..end` in the source text.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, Hash, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    /// The smallest span covering both.
    pub fn join(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// A value with the span it was read from. Spans take no part in equality.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T: PartialEq> PartialEq for Spanned<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

/// A whole plan file: its blocks in file order, and the syntax errors met on the way.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct SourceFile {
    pub blocks: Vec<Block>,
    pub errors: Vec<SyntaxError>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Plan,
    Team,
    Epic,
    Item,
}

impl BlockKind {
    pub fn keyword(self) -> &'static str {
        match self {
            BlockKind::Plan => "plan",
            BlockKind::Team => "team",
            BlockKind::Epic => "epic",
            BlockKind::Item => "item",
        }
    }
}

/// `team toegang "Domein Toegang" { ... }`: a keyword, an id (not for `plan`), a title.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Block {
    pub kind: BlockKind,
    pub id: Option<Spanned<String>>,
    pub title: Option<Spanned<String>>,
    pub statements: Vec<Spanned<Statement>>,
    /// The whole block, header to closing brace.
    pub span: Span,
    /// The header line up to and including `{`.
    pub header: Span,
}

/// A decimal number exactly as written (`12`, `12.5`, `-3`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Number(pub String);

/// A calendar date as written; whether it exists is checked later.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
pub struct Date {
    pub year: u32,
    pub month: u32,
    pub day: u32,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum DurationUnit {
    Days,
    Weeks,
    Months,
    Iterations,
}

/// `10 weeks`, `1 iteration`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Duration {
    pub amount: Spanned<Number>,
    pub unit: DurationUnit,
}

/// A point on the calendar as written.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Period {
    /// `PI3` (iteration `None`) or `PI3.2`.
    Pi { pi: u32, iteration: Option<u32> },
    /// `2024-Q3`.
    Quarter { year: u32, quarter: u32 },
    /// `2024-03-01`.
    Date { date: Date },
}

/// `PI4..PI5`, or a single period.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PeriodRange {
    pub from: Spanned<Period>,
    pub to: Option<Spanned<Period>>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum UnitName {
    Days,
    Points,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum WsjfKey {
    Value,
    Urgency,
    Risk,
    Size,
}

/// One line of a block. Which statements a block may hold is fixed by the grammar.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(tag = "statement", rename_all = "snake_case")]
pub enum Statement {
    // plan
    Start(Spanned<Date>),
    Horizon(Spanned<Duration>),
    End(Spanned<Date>),
    Increment(Spanned<Duration>),
    Iteration(Spanned<Duration>),
    Innovation(Spanned<Number>),
    Unit(Spanned<UnitName>),
    Workweek(Spanned<Number>),
    Holiday {
        name: Spanned<String>,
        from: Spanned<Date>,
        to: Option<Spanned<Date>>,
    },
    /// `load 85%` (the number is the percentage).
    Load(Spanned<Number>),
    /// `uncertainty grows 10% per PI` (forecast extension).
    Uncertainty(Spanned<Number>),
    /// `firm 2 PIs` (forecast extension: how far ahead a commitment is firm).
    Firm(Spanned<Number>),
    // team
    People(Spanned<Number>),
    Focus(Spanned<Number>),
    Reserve {
        percent: Spanned<Number>,
        reason: Option<Spanned<String>>,
    },
    Hire {
        count: Spanned<Number>,
        date: Spanned<Date>,
        ramp: Option<Spanned<Duration>>,
    },
    Leave {
        count: Spanned<Number>,
        date: Spanned<Date>,
    },
    Vacancy {
        count: Spanned<Number>,
        date: Spanned<Date>,
        chance: Option<Spanned<Number>>,
    },
    Lend {
        count: Spanned<Number>,
        to: Spanned<String>,
        periods: Spanned<PeriodRange>,
    },
    CapacityPerIteration(Spanned<Number>),
    CapacityOverride {
        period: Spanned<Period>,
        amount: Spanned<Number>,
    },
    /// `capacity PI3.2 +20`: `delta` as written, its sign included.
    CapacityAdjust {
        period: Spanned<Period>,
        delta: Spanned<Number>,
    },
    Velocity(Spanned<Number>),
    // epic and item
    Commit {
        period: Spanned<Period>,
        hard: bool,
    },
    Owner(Spanned<String>),
    Note(Spanned<String>),
    Priority(Spanned<Number>),
    Team(Spanned<String>),
    Epic(Spanned<String>),
    /// One, two or three numbers: `75`, `60..90`, `60..70..90`.
    Effort(Vec<Spanned<Number>>),
    MaxPeople(Spanned<Number>),
    MaxPerIteration(Spanned<Number>),
    NotBefore(Spanned<Period>),
    In(Spanned<PeriodRange>),
    After {
        item: Spanned<String>,
        lag: Option<Spanned<Duration>>,
    },
    Target(Spanned<Period>),
    Wsjf(Vec<(Spanned<WsjfKey>, Spanned<Number>)>),
}

impl Statement {
    /// The keyword that starts the statement, as the user writes it.
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
            Statement::Commit { .. } => "commit",
            Statement::Owner(_) => "owner",
            Statement::Note(_) => "note",
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
        }
    }
}

/// What went wrong while reading the text. The `haalbaar` crate turns these into
/// diagnostics with stable codes.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    /// Where the reader stopped (for `Malformed`, the offending token).
    pub span: Span,
    /// The whole line (or block header) concerned.
    pub line: Span,
    pub message: String,
    pub help: Option<String>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum SyntaxErrorKind {
    /// A line inside a block that is no statement of this language.
    UnknownStatement,
    /// A known statement written wrongly.
    Malformed,
    /// A statement that belongs in another kind of block.
    WrongBlock,
    /// A top-level line that does not start a block.
    NotABlock,
    /// A block whose closing `}` is missing.
    Unclosed,
    /// Text after a closing `}`.
    TrailingText,
    /// An id with capitals or other characters an id cannot hold.
    BadIdent,
    /// The input is too large to read.
    TooLarge,
}
