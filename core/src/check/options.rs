//! How a check or a forecast runs: the search budget, threads, and a flag to cancel it.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

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
}

impl Default for Options {
    fn default() -> Self {
        Options { budget: crate::solve::DEFAULT_BUDGET, solve: true, threads: Threads::Auto, cancel: None }
    }
}

impl Options {
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
