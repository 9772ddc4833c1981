//! What a forecast returns: each commitment's chance and finish percentiles, histograms, each
//! team's load per PI, and the RAG status.

use chrono::NaiveDate;
use serde::Serialize;

use crate::feasibility::Reason;
use crate::fixed::Fixed;

/// Green at 85% or more, amber from 50%, red below.
///
/// ```
/// use haalbaar::forecast::Rag;
///
/// assert_eq!(Rag::of(0.9), Rag::Green);
/// assert_eq!(Rag::of(0.5), Rag::Amber);
/// assert_eq!(Rag::of(0.49), Rag::Red);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Rag {
    /// 85% or more.
    Green,
    /// 50% to 85%.
    Amber,
    /// Below 50%.
    Red,
}

impl Rag {
    /// The colour of a probability from 0 to 1.
    ///
    /// ```
    /// use haalbaar::forecast::Rag;
    ///
    /// assert_eq!(Rag::of(0.85), Rag::Green);
    /// assert_eq!(Rag::of(0.84), Rag::Amber);
    /// assert_eq!(Rag::of(0.0), Rag::Red);
    /// ```
    pub fn of(probability: f64) -> Rag {
        if probability >= 0.85 {
            Rag::Green
        } else if probability >= 0.5 {
            Rag::Amber
        } else {
            Rag::Red
        }
    }
}

/// How likely each commitment is met when efforts vary within their ranges and vacancies may stay open.
///
/// ```
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  commit PI2\n}\n";
/// use haalbaar::forecast::{ForecastOptions, forecast};
///
/// let checked = haalbaar::check(source);
/// let cal = checked.calendar.as_ref().expect("a calendar");
/// let options = ForecastOptions::new(200, 7).threads(haalbaar::Threads::One);
/// let result = forecast(&checked.plan, cal, options, &mut |_, _| {}).expect("a forecast");
/// assert_eq!((result.runs, result.seed), (200, 7));
/// // At most 50 days of work against 120 in PI1: every run meets it.
/// assert_eq!(result.commitments[0].probability, 1.0);
/// assert_eq!(result.teams[0].team, "api");
/// assert!(result.warnings.is_empty());
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Forecast {
    /// Runs made.
    pub runs: u32,
    /// The seed of the draws.
    pub seed: u64,
    /// How each run is solved, and what it assumes, in words.
    pub method: String,
    /// What `check` assumes, for comparison.
    pub check_assumes: String,
    /// How the runs take each team's capacity: drawn from its measured throughput (the
    /// teams with history), spread by `uncertainty capacity`, or as planned.
    pub capacity: String,
    /// In rank order.
    pub commitments: Vec<CommitmentForecast>,
    /// Each team's load per PI over the runs.
    pub teams: Vec<TeamForecast>,
    /// Commitments beyond the firm horizon (W0510), to show with the forecast.
    #[serde(skip)]
    pub warnings: Vec<crate::Diagnostic>,
    /// The what-ifs assumed of the plan (`--assume`, `--load`), when any: filled vacancies
    /// are then hires, not drawn.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assumed: Option<crate::Assume>,
    /// The plan's status date (`as of`), when it has one: the runs plan from that day on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<chrono::NaiveDate>,
}

/// One commitment over the runs.
///
/// ```
/// use haalbaar::forecast::Rag;
///
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 1\n}\nitem big {\n  team api\n  effort 60\n  commit PI1\n}\n";
/// # let checked = haalbaar::check(source);
/// # let cal = checked.calendar.as_ref().expect("a calendar");
/// # let options = haalbaar::forecast::ForecastOptions::new(200, 7).threads(haalbaar::Threads::One);
/// # let forecast = haalbaar::forecast::forecast(&checked.plan, cal, options, &mut |_, _| {}).expect("a forecast");
/// // 60 days of work, always, against 40 before PI1 ends: no run meets it.
/// let big = &forecast.commitments[0];
/// assert_eq!((big.item.as_str(), big.deadline.as_str()), ("big", "PI1.5"));
/// assert_eq!((big.probability, big.rag, big.undecided), (0.0, Rag::Red, 0));
/// // Every run finishes it late, in PI2.2.
/// assert_eq!(big.p50.as_deref(), Some("PI2.2"));
/// assert_eq!(big.p85.as_deref(), Some("PI2.2"));
/// assert!(big.reason.is_some() && !big.beyond_firm);
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CommitmentForecast {
    /// The item's id, or the epic's for an epic commitment.
    pub item: String,
    /// The item's or epic's title, to show beside its id.
    pub title: Option<String>,
    /// The iteration the deadline binds to (`PI4.5`).
    pub deadline: String,
    /// Its last day.
    pub deadline_date: NaiveDate,
    /// Share of runs in which it is met, 0 to 1 (a run the engine could not decide counts as
    /// not met: see `undecided`).
    pub probability: f64,
    /// Runs in which the engine could not decide it (it is then `unknown`, as in `check`).
    pub undecided: u32,
    /// Green, amber or red by `probability`.
    pub rag: Rag,
    /// Finish iteration in half and in 85% of the runs (`null`: beyond the horizon).
    pub p50: Option<String>,
    /// The last day of `p50`.
    pub p50_date: Option<NaiveDate>,
    /// The finish iteration in 85% of the runs.
    pub p85: Option<String>,
    /// The last day of `p85`.
    pub p85_date: Option<NaiveDate>,
    /// PIs from `start` to the deadline beyond what the plan holds firm: then it is a
    /// forecast, not a commitment.
    pub beyond_firm: bool,
    /// When no draw meets it: why, from the exact solver with every effort at the low end of
    /// its range and every vacancy filled.
    pub reason: Option<Reason>,
    /// Runs finishing in each iteration (by label), and beyond the horizon.
    pub histogram: Vec<Bucket>,
}

/// One bar of a histogram.
///
/// ```
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  commit PI2\n}\n";
/// # let checked = haalbaar::check(source);
/// # let cal = checked.calendar.as_ref().expect("a calendar");
/// # let options = haalbaar::forecast::ForecastOptions::new(200, 7).threads(haalbaar::Threads::One);
/// # let forecast = haalbaar::forecast::forecast(&checked.plan, cal, options, &mut |_, _| {}).expect("a forecast");
/// let histogram = &forecast.commitments[0].histogram;
/// // Every run finishes somewhere, once.
/// assert_eq!(histogram.iter().map(|bar| bar.runs).sum::<u32>(), 200);
/// assert!(histogram.iter().all(|bar| bar.iteration.starts_with("PI1.")));
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Bucket {
    /// The iteration (`PI3.2`), or the word for beyond the horizon.
    pub iteration: String,
    /// Runs finishing there.
    pub runs: u32,
}

/// One team's load over the runs.
///
/// ```
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  commit PI2\n}\n";
/// # let checked = haalbaar::check(source);
/// # let cal = checked.calendar.as_ref().expect("a calendar");
/// # let options = haalbaar::forecast::ForecastOptions::new(200, 7).threads(haalbaar::Threads::One);
/// # let forecast = haalbaar::forecast::forecast(&checked.plan, cal, options, &mut |_, _| {}).expect("a forecast");
/// let api = &forecast.teams[0];
/// assert_eq!(api.team, "api");
/// // One entry per PI of the horizon.
/// assert_eq!(api.pis.iter().map(|p| p.pi).collect::<Vec<_>>(), [1, 2, 3]);
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TeamForecast {
    /// The team.
    pub team: String,
    /// Per PI: planned work over plannable capacity, in percent, at the median and at P85.
    pub pis: Vec<PiLoad>,
}

/// A team's load in one PI over the runs.
///
/// ```
/// use haalbaar::Fixed;
///
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  commit PI2\n}\n";
/// # let checked = haalbaar::check(source);
/// # let cal = checked.calendar.as_ref().expect("a calendar");
/// # let options = haalbaar::forecast::ForecastOptions::new(200, 7).threads(haalbaar::Threads::One);
/// # let forecast = haalbaar::forecast::forecast(&checked.plan, cal, options, &mut |_, _| {}).expect("a forecast");
/// let pis = &forecast.teams[0].pis;
/// // All of the 30 to 50 days are done in PI1, of its 120: some load, never over 100%.
/// assert!(pis[0].p50.is_positive() && pis[0].p50 <= pis[0].p85 && pis[0].p85 <= Fixed::HUNDRED);
/// // Nothing is left for PI2.
/// assert_eq!((pis[1].p50, pis[1].p85), (Fixed::ZERO, Fixed::ZERO));
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PiLoad {
    /// The PI number.
    pub pi: u32,
    /// Planned over plannable, in percent, at the median.
    pub p50: Fixed,
    /// The same at P85.
    pub p85: Fixed,
}

impl CommitmentForecast {
    /// The chance as a planner reads it: a whole percent, but never `0%` when some run met
    /// it nor `100%` when some run did not (`<1%`, `>99%`).
    ///
    /// ```
    /// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  commit PI2\n}\n";
    /// # let checked = haalbaar::check(source);
    /// # let cal = checked.calendar.as_ref().expect("a calendar");
    /// # let options = haalbaar::forecast::ForecastOptions::new(200, 7).threads(haalbaar::Threads::One);
    /// # let forecast = haalbaar::forecast::forecast(&checked.plan, cal, options, &mut |_, _| {}).expect("a forecast");
    /// // Every run meets it.
    /// assert_eq!(forecast.commitments[0].chance(), "100%");
    /// ```
    pub fn chance(&self) -> String {
        chance_text(self.probability)
    }
}

/// See [`CommitmentForecast::chance`]. Whole percent, ties to even as `{:.0}` rounds (and
/// without pulling float formatting into the WebAssembly build).
pub(super) fn chance_text(probability: f64) -> String {
    let pct = (probability * 100.0).round_ties_even() as i64;
    if probability > 0.0 && pct == 0 {
        "<1%".into()
    } else if probability < 1.0 && pct == 100 {
        ">99%".into()
    } else {
        format!("{pct}%")
    }
}

impl Forecast {
    /// The JSON Schema of `haalbaar forecast --format json` (which adds `diagnostics`).
    ///
    /// ```
    /// let schema = haalbaar::forecast::Forecast::schema();
    /// assert!(schema.contains("\"commitments\""));
    /// assert!(schema.contains("\"probability\""));
    /// ```
    #[cfg(feature = "schema")]
    pub fn schema() -> String {
        crate::report::schema_text(schemars::schema_for!(Forecast))
    }
}
