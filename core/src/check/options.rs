//! How a check or a forecast runs: the search budget, threads, and a flag to cancel it.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::fixed::Fixed;

/// A flag that cancels a running check or forecast from another thread (a service whose
/// client went away, an editor whose user typed on). Clones share the flag. A flag once
/// raised stays raised (a check still running on it must not carry on): give each check a
/// new one.
///
/// ```
/// let cancel = haalbaar::Cancel::new();
/// let options = haalbaar::Options::default().cancel(cancel.clone());
/// cancel.cancel();
/// let checked = haalbaar::check_with("plan {\n  start 2025-01-06\n  horizon 6 months\n}\n", &options);
/// assert!(checked.cancelled);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    /// A flag not yet raised.
    ///
    /// ```
    /// let cancel = haalbaar::Cancel::new();
    /// assert!(!cancel.is_cancelled());
    /// ```
    pub fn new() -> Cancel {
        Cancel::default()
    }
    /// Raises the flag: the check or forecast stops at its next step and says it was cancelled.
    ///
    /// ```
    /// let cancel = haalbaar::Cancel::new();
    /// let shared = cancel.clone();
    /// shared.cancel();
    /// assert!(cancel.is_cancelled()); // clones share the flag
    /// ```
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }
    /// Whether the flag is raised.
    ///
    /// ```
    /// let cancel = haalbaar::Cancel::new();
    /// assert!(!cancel.is_cancelled());
    /// cancel.cancel();
    /// assert!(cancel.is_cancelled());
    /// ```
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

impl PartialEq for Cancel {
    /// The same flag (not the same state).
    fn eq(&self, other: &Cancel) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// Which threads a check or forecast may use. The answer is the same either way.
///
/// ```
/// use haalbaar::{Options, Threads};
///
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
/// assert_eq!(Threads::default(), Threads::Auto);
/// let one = haalbaar::check_with(source, &Options::default().threads(Threads::One));
/// let auto = haalbaar::check_with(source, &Options::default().threads(Threads::Auto));
/// assert_eq!(one.verdict(), auto.verdict());
/// assert_eq!(one.diagnostics, auto.diagnostics);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Threads {
    /// A second thread for repairs during a check, every core for a forecast's runs.
    #[default]
    Auto,
    /// Only the calling thread (a host that must not start threads).
    One,
}

/// How a check runs. Build it from the default:
///
/// ```
/// use haalbaar::{Options, Threads};
///
/// let options = Options::default().budget(1_000_000).threads(Threads::One);
/// assert_eq!(options.budget, 1_000_000);
/// assert!(options.solve);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Options {
    /// Steps of exact search one decision may take (default [`crate::DEFAULT_BUDGET`]); a
    /// commitment still undecided then is reported `unknown`. No clock is involved, so the
    /// answer is the same on every machine.
    pub budget: u64,
    /// Whether to decide feasibility at all (`false`: names, calendar and capacity only).
    pub solve: bool,
    /// Which threads the check may use.
    pub threads: Threads,
    /// Raised from elsewhere, stops the check (see [`Cancel`]).
    pub cancel: Option<Cancel>,
    /// What-ifs the check assumes without the plan being edited (see [`Assume`]).
    pub assume: Assume,
    /// The scenario of the file to check (its id), instead of the plan itself.
    pub scenario: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            budget: crate::solve::DEFAULT_BUDGET,
            solve: true,
            threads: Threads::Auto,
            cancel: None,
            assume: Assume::default(),
            scenario: None,
        }
    }
}

/// What-ifs a check can assume without the plan being edited (`haalbaar check --assume
/// vacancies-filled --assume no-loans --load 90%`). The check's [`crate::Checked::plan`] is
/// the plan as assumed.
///
/// ```
/// use haalbaar::{Assume, Fixed, Options};
///
/// // Two people now, two more expected: `check` does not count a vacancy.
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 2\n  vacancy 2 on 2025-01-06 chance 50%\n}\nitem a {\n  team api\n  effort 120\n  commit PI1\n}\n";
/// let status = |o: &Options| haalbaar::check_with(source, o).feasibility.expect("decided").commitments[0].status;
/// assert_eq!(status(&Options::default()), haalbaar::Status::Infeasible);
/// let filled = Options::default().assume(Assume::default().vacancies_filled(true));
/// assert_eq!(status(&filled), haalbaar::Status::Met);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Assume {
    /// Every `vacancy` filled on its date (as a `hire`, with the vacancy's `ramp` if it has one).
    pub vacancies_filled: bool,
    /// No `lend`: every team keeps its people.
    pub no_loans: bool,
    /// This `load` instead of the plan's (a percentage, more than 0 and at most 100).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub load: Option<Fixed>,
}

impl Assume {
    /// With every vacancy filled (or not).
    ///
    /// ```
    /// assert!(haalbaar::Assume::default().vacancies_filled(true).vacancies_filled);
    /// ```
    pub fn vacancies_filled(mut self, yes: bool) -> Self {
        self.vacancies_filled = yes;
        self
    }
    /// Without loans (or with them).
    ///
    /// ```
    /// assert!(haalbaar::Assume::default().no_loans(true).no_loans);
    /// ```
    pub fn no_loans(mut self, yes: bool) -> Self {
        self.no_loans = yes;
        self
    }
    /// With this load (percent) instead of the plan's.
    ///
    /// ```
    /// use haalbaar::{Assume, Fixed};
    /// assert_eq!(Assume::default().load(Fixed::from_int(90)).load, Some(Fixed::from_int(90)));
    /// ```
    pub fn load(mut self, percent: Fixed) -> Self {
        self.load = Some(percent);
        self
    }
    /// Whether it assumes anything.
    ///
    /// ```
    /// assert!(!haalbaar::Assume::default().any());
    /// assert!(haalbaar::Assume::default().no_loans(true).any());
    /// ```
    pub fn any(&self) -> bool {
        self.vacancies_filled || self.no_loans || self.load.is_some()
    }
    /// The plan as assumed: vacancies made hires on their dates, loans removed, the load
    /// replaced.
    ///
    /// ```
    /// use haalbaar::{Assume, Fixed};
    ///
    /// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 2\n  vacancy 1 on 2025-03-03 chance 50%\n  lend 1 to web PI2\n}\nteam web {\n  people 1\n}\n";
    /// let mut plan = haalbaar::check(source).plan;
    /// Assume::default().vacancies_filled(true).no_loans(true).load(Fixed::from_int(90)).apply(&mut plan);
    /// let api = &plan.teams[0];
    /// assert!(api.vacancies.is_empty() && api.lends.is_empty() && api.hires.len() == 1);
    /// assert_eq!(plan.settings.load, Fixed::from_int(90));
    /// ```
    pub fn apply(&self, plan: &mut crate::Plan) {
        for team in &mut plan.teams {
            if self.vacancies_filled {
                for v in std::mem::take(&mut team.vacancies) {
                    let mut hire = crate::model::Change::hire(v.count, v.date, v.ramp_days);
                    hire.loc = v.loc;
                    team.hires.push(hire);
                }
            }
            if self.no_loans {
                team.lends.clear();
            }
        }
        if let Some(load) = self.load {
            plan.settings.load = load;
        }
    }
}

impl Options {
    /// Assuming these what-ifs (see [`Assume`]).
    ///
    /// ```
    /// use haalbaar::{Assume, Options};
    /// assert!(Options::default().assume(Assume::default().no_loans(true)).assume.no_loans);
    /// ```
    pub fn assume(mut self, assume: Assume) -> Self {
        self.assume = assume;
        self
    }
    /// Checking the file's scenario `id` (`scenario id { ... }`): the plan as its lines change
    /// it. A file without that scenario gets [`crate::Code::E0704`] and no verdict.
    ///
    /// ```
    /// use haalbaar::{Options, PlanVerdict};
    ///
    /// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\n\
    ///               item login {\n  team api\n  effort 40\n  commit PI1\n}\n\
    ///               scenario groot {\n  item login effort 400\n}\n";
    /// assert_eq!(haalbaar::check(source).verdict(), PlanVerdict::Feasible);
    /// let big = haalbaar::check_with(source, &Options::default().scenario("groot"));
    /// assert_eq!(big.verdict(), PlanVerdict::Infeasible);
    /// assert_eq!(big.scenario.as_deref(), Some("groot"));
    /// ```
    pub fn scenario(mut self, id: impl Into<String>) -> Self {
        self.scenario = Some(id.into());
        self
    }
    /// With this search budget.
    ///
    /// ```
    /// use haalbaar::Options;
    ///
    /// assert_eq!(Options::default().budget, haalbaar::DEFAULT_BUDGET);
    /// assert_eq!(Options::default().budget(5_000).budget, 5_000);
    /// ```
    pub fn budget(mut self, steps: u64) -> Self {
        self.budget = steps;
        self
    }
    /// Deciding feasibility or not (`false`: names, calendar and capacity only, much faster).
    ///
    /// ```
    /// use haalbaar::Options;
    ///
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
    /// let checked = haalbaar::check_with(source, &Options::default().solve(false));
    /// assert!(checked.capacity.is_some());
    /// assert!(checked.feasibility.is_none()); // no verdict on the commitments
    /// ```
    pub fn solve(mut self, solve: bool) -> Self {
        self.solve = solve;
        self
    }
    /// On these threads.
    ///
    /// ```
    /// use haalbaar::{Options, PlanVerdict, Threads};
    ///
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
    /// let options = Options::default().threads(Threads::One);
    /// assert_eq!(options.threads, Threads::One);
    /// assert_eq!(haalbaar::check_with(source, &options).verdict(), PlanVerdict::Feasible);
    /// ```
    pub fn threads(mut self, threads: Threads) -> Self {
        self.threads = threads;
        self
    }
    /// Stopped when this flag is raised.
    ///
    /// ```
    /// use haalbaar::{Cancel, Options};
    ///
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
    /// let flag = Cancel::new();
    /// let options = Options::default().cancel(flag.clone());
    /// flag.cancel(); // from another thread, in a service
    /// let checked = haalbaar::check_with(source, &options);
    /// assert!(checked.cancelled);
    /// assert!(checked.feasibility.is_none());
    /// ```
    pub fn cancel(mut self, flag: Cancel) -> Self {
        self.cancel = Some(flag);
        self
    }
    pub(crate) fn cancelled(&self) -> bool {
        self.cancel.as_ref().is_some_and(Cancel::is_cancelled)
    }
}
