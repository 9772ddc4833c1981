//! **haalbaar** ("feasible"): a planning-horizon rules engine for SAFe portfolios.
//!
//! A plan file describes the calendar (horizon, PIs, iterations, holidays), teams and their
//! capacity, work items with estimates and dependencies, and commitments. This crate reads
//! it into a validated [`Plan`], computes the [`calendar`] and the [`capacity`] of every team
//! in every iteration, reports every mistake as a [`Diagnostic`] with a stable code, and
//! decides for every commitment whether the plan meets it ([`Status`]), with the evidence.
//!
//! ## Check a file and print each commitment's status and each finding's line
//!
//! ```
//! let source = r#"
//! plan "Demo" {
//!   start 2025-01-06
//!   horizon 6 months
//! }
//! team api {
//!   people 4
//!   focus 75%
//! }
//! item login "Inloggen" {
//!   team api
//!   effort 30..50
//!   commit PI2
//! }
//! item logout {
//!   team apj
//!   effort 5
//! }
//! "#;
//! let checked = haalbaar::check(source);
//! for d in &checked.diagnostics {
//!     let at = d.position.expect("checked from text");
//!     println!("plan.plan:{}:{}: {d}", at.line, at.column); // error[E0201]: unknown team `apj`
//! }
//! assert_eq!(checked.diagnostics[0].position.map(|p| p.line), Some(16));
//! // An error confined to one item leaves that item out; the rest is still decided.
//! for c in checked.feasibility.iter().flat_map(|f| &f.commitments) {
//!     println!("{} {}: {} (due {})", c.kind, c.item, c.status, c.deadline); // item login: met (due PI2.5)
//!     assert_eq!(c.status, haalbaar::Status::Met);
//! }
//! ```
//!
//! ## Build a plan in code
//!
//! ```
//! use haalbaar::model::{Item, Period, Team};
//! use haalbaar::{Fixed, NaiveDate, PlanBuilder, Subject};
//!
//! let start = NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date");
//! let plan = PlanBuilder::new("Demo", start)
//!     .horizon_months(6)
//!     .team(Team::new("api").people(Fixed::from_int(4)).focus(Fixed::from_int(75)))
//!     .item(Item::new("login").team("api").effort(Fixed::from_int(40)).commit(Period::Pi { pi: 2, iteration: None }, false))
//!     .plan();
//! let checked = haalbaar::check_plan(plan.clone());
//! assert!(!checked.has_errors());
//! // The same checks and codes as a file; a finding names the item it is about.
//! let typo = haalbaar::check_plan(haalbaar::PlanBuilder::from(plan).item(Item::new("x").team("apj")).plan());
//! assert!(typo.diagnostics.iter().any(|d| d.subject == Some(Subject::Item("x".into()))));
//! // And as plan text, in the layout `haalbaar fmt` writes.
//! assert!(haalbaar::print(&checked.plan).contains("item login {"));
//! ```
//!
//! ## Further
//!
//! - [`check_with`] / [`check_plan_with`] take [`Options`]: the search budget, [`Threads`]
//!   (`One` for single-threaded hosts) and a [`Cancel`] flag.
//! - [`recheck`] / [`recheck_plan`]: check a new version reusing the previous [`Checked`]
//!   (an editor, a service); same answer as a fresh check.
//! - [`forecast`]: the chance of each commitment over seeded runs of the estimates' ranges.
//! - [`report`]: the JSON report (`haalbaar check --format json`), the board, the verifier of
//!   a check's evidence; [`api`]: what the WebAssembly package returns.
//! - [`calendar`] and [`capacity`]: PIs, iterations, holidays; capacity per team per iteration.
//!
//! The crate does no I/O and reads no clock: it runs the same natively and in a browser.
//!
//! The source is laid out by stage: `plan/` (the model, reading text into it, its checks, the
//! builder and the printer), [`calendar`] and [`capacity`], `solve/` (the solver), `report/`
//! (feasibility, repairs as edits, the board, the verifier, JSON records), `diagnostics/`
//! (codes, messages and their Dutch, positions), [`forecast`], and `check/` (the pipeline).

#![deny(missing_docs)]

mod check;
mod diagnostics;
mod history;
mod plan;
pub mod report;
mod solve;

pub mod api;
pub mod calendar;
pub mod capacity;
pub mod forecast;

pub use check::{
    Assume, Cancel, Checked, MAX_LOANS_TRIED, MAX_TEAM_ITERATIONS, Options, Threads, check, check_plan,
    check_plan_with, check_with, recheck, recheck_plan,
};
pub use diagnostics::source::LineCol;
pub use diagnostics::{Diagnostic, Label, Severity, Subject, catalogue, codes, codes::Code, source};
pub use plan::builder::PlanBuilder;
pub use plan::fixed::{Fixed, FixedError};
pub use plan::model::{self, Plan};
pub use plan::print::print;
pub use plan::scenario::Scenario;
pub use report::feasibility::{CommitmentReport, Feasibility, PlanVerdict};
pub use solve::DEFAULT_BUDGET;
pub use solve::rank::Status;

pub use calendar::Calendar;
pub use capacity::CapacityTable;
/// Dates in the model are `chrono` dates; re-exported so embedders need not pin chrono.
pub use chrono::NaiveDate;
/// Byte ranges in the plan text, on diagnostics and on everything read from a file.
pub use haalbaar_grammar::Span;

// Paths the engine uses inside the crate.
pub(crate) use diagnostics as diagnostic;
pub(crate) use haalbaar_grammar as grammar;
pub(crate) use plan::{fixed, lower, validate, values};
pub(crate) use report::{board, edits, feasibility, repair_report};

/// The engine's insides, public only for this workspace's CLI, WebAssembly package and
/// benchmarks. No stability promise: anything here may change in any release.
#[doc(hidden)]
pub mod unstable {
    /// The solver.
    pub mod solve {
        pub use crate::solve::*;
    }
    /// Reading a syntax tree into the model.
    pub mod lower {
        pub use crate::plan::lower::*;
    }
    /// The checks across a plan (names, cycles, dates, capacity).
    pub mod validate {
        pub use crate::plan::validate::*;
    }
    /// Items with errors left out of the check.
    pub mod left_out {
        pub use crate::check::left_out::*;
    }
}
