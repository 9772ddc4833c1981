//! Monte Carlo forecast: how likely each commitment is met when efforts vary within their
//! ranges, vacancies are filled or not, and (when the plan says so) estimates grow less
//! certain the further ahead they are.
//!
//! Each run draws every item's effort (two points: uniform; three points: triangular, whose
//! inverse has a closed form, so a draw is exact and the same on every machine, and whose
//! tails are heavier than PERT's, which errs on the careful side) and every vacancy (filled
//! from its date with its `chance`), then builds the constructive schedule: commitments in
//! rank order, each with its prerequisites, as early as capacity allows. It does not run the
//! exact search per run; `check` is the exact view on likely efforts. Seeded and
//! deterministic.

use chrono::NaiveDate;
use serde::Serialize;

use crate::calendar::Calendar;
use crate::capacity::capacity;
use crate::feasibility::Reason;
use crate::fixed::Fixed;
use crate::model::{Change, Effort, Plan};
use crate::solve::problem::Problem;

/// Default number of runs and seed.
pub const DEFAULT_RUNS: u32 = 1_000;
pub const DEFAULT_SEED: u64 = 20_240_108;

/// SplitMix64: tiny, fast, and fixed forever, so a seed gives the same forecast in every
/// version and on every platform (a general-purpose RNG crate may change its streams).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Green at 85% or more, amber from 50%, red below.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Rag {
    Green,
    Amber,
    Red,
}

impl Rag {
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

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Forecast {
    pub runs: u32,
    pub seed: u64,
    /// How each run is solved, and what it assumes, in words.
    pub method: String,
    /// What `check` assumes, for comparison.
    pub check_assumes: String,
    /// In rank order.
    pub commitments: Vec<CommitmentForecast>,
    pub teams: Vec<TeamForecast>,
    /// Commitments beyond the firm horizon (W0510), to show with the forecast.
    #[serde(skip)]
    pub warnings: Vec<crate::Diagnostic>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct CommitmentForecast {
    pub item: String,
    pub deadline: String,
    pub deadline_date: NaiveDate,
    /// Share of runs in which it is met, 0 to 1.
    pub probability: f64,
    pub rag: Rag,
    /// Finish iteration in half and in 85% of the runs (`null`: beyond the horizon).
    pub p50: Option<String>,
    pub p50_date: Option<NaiveDate>,
    pub p85: Option<String>,
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

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Bucket {
    pub iteration: String,
    pub runs: u32,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct TeamForecast {
    pub team: String,
    /// Per PI: planned work over plannable capacity, in percent, at the median and at P85.
    pub pis: Vec<PiLoad>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PiLoad {
    pub pi: u32,
    pub p50: Fixed,
    pub p85: Fixed,
}

impl Forecast {
    /// The JSON Schema of `haalbaar forecast --format json` (which adds `diagnostics`).
    pub fn schema() -> String {
        serde_json::to_string_pretty(&schemars::schema_for!(Forecast)).unwrap_or_default() + "\n"
    }
}

/// How a forecast runs.
#[derive(Debug, Clone, Copy)]
pub struct ForecastOptions {
    pub runs: u32,
    pub seed: u64,
}

impl Default for ForecastOptions {
    fn default() -> Self {
        ForecastOptions { runs: DEFAULT_RUNS, seed: DEFAULT_SEED }
    }
}

/// The effort a run uses: `widen` stretches the range around the likely value (1.0: as
/// written).
fn draw(e: &Effort, widen: f64, rng: &mut Rng) -> Fixed {
    let to_f = |f: Fixed| f.millis() as f64;
    let likely = to_f(e.likely());
    let low = likely - (likely - to_f(e.low)) * widen;
    let high = likely + (to_f(e.high) - likely) * widen;
    let u = rng.unit();
    let v = match e.mode {
        // Triangular (low, mode, high) by its inverse distribution function.
        Some(m) => {
            let m = to_f(m);
            let (a, b) = (low, high);
            if b <= a {
                m
            } else {
                let fc = (m - a) / (b - a);
                if u < fc { a + (u * (b - a) * (m - a)).sqrt() } else { b - ((1.0 - u) * (b - a) * (b - m)).sqrt() }
            }
        }
        None => low + u * (high - low),
    };
    Fixed::from_millis((v.round() as i64).max(1))
}

/// The PI an item's uncertainty is measured at: its deadline's, else its target's, else the
/// PI it may start in.
fn distance_pi(plan: &Plan, cal: &Calendar, i: usize) -> u32 {
    let item = &plan.items[i];
    let epic = item.epic.as_ref().and_then(|r| plan.epic(&r.id)).and_then(|e| e.commit.as_ref());
    let at = item
        .commit
        .as_ref()
        .or(epic)
        .and_then(|c| cal.deadline(&c.period).ok())
        .or_else(|| item.placed.as_ref().and_then(|p| cal.range(&p.value.0, &p.value.1).ok()).map(|r| *r.end()))
        .or_else(|| item.target.as_ref().and_then(|t| cal.deadline(&t.value).ok()))
        .or_else(|| item.not_before.as_ref().and_then(|n| cal.earliest(&n.value).ok()))
        .unwrap_or(0);
    cal.iterations.get(at).map_or(1, |it| it.pi)
}

/// The `q` quantile of sorted values (`empty` when there are none).
fn percentile<T: Copy>(sorted: &[T], q: f64, empty: T) -> T {
    if sorted.is_empty() {
        return empty;
    }
    let k = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[k]
}

/// Runs the forecast on a valid plan. `progress` is told after each run (done, total).
pub fn forecast(
    plan: &Plan,
    cal: &Calendar,
    opts: ForecastOptions,
    progress: &mut dyn FnMut(u32, u32),
) -> Option<Forecast> {
    let base_cap = capacity(plan, cal);
    let base = Problem::new(plan, cal, &base_cap)?;
    let growth = plan.settings.uncertainty.map_or(0.0, |g| g.millis() as f64 / 100_000.0);
    let widen: Vec<f64> =
        (0..plan.items.len()).map(|i| 1.0 + growth * f64::from(distance_pi(plan, cal, i).saturating_sub(1))).collect();
    // Vacancies, in plan order, as possible hires.
    let vacancies: Vec<(usize, Change, f64)> = plan
        .teams
        .iter()
        .enumerate()
        .flat_map(|(t, team)| {
            team.vacancies.iter().map(move |v| {
                let hire = Change { count: v.count, date: v.date, ramp_days: 0, loc: v.loc };
                (t, hire, v.chance.millis() as f64 / 100_000.0)
            })
        })
        .collect();
    let mut caps: std::collections::HashMap<Vec<bool>, std::sync::Arc<Vec<Vec<i64>>>> =
        std::collections::HashMap::new();
    let mut rng = Rng::new(opts.seed);
    let runs = opts.runs.max(1);
    let c_count = base.commitments.len();
    let mut finishes: Vec<Vec<usize>> = vec![Vec::with_capacity(runs as usize); c_count];
    let mut met = vec![0u32; c_count];
    let pis = cal.pi_count();
    let mut loads: Vec<Vec<Vec<i64>>> = vec![vec![Vec::with_capacity(runs as usize); pis as usize]; base.teams.len()];
    for run in 0..runs {
        let mut p = base.clone();
        let jobs = std::sync::Arc::make_mut(&mut p.jobs);
        for (j, item) in plan.items.iter().enumerate() {
            if let Some(e) = &item.effort {
                jobs[j].effort = draw(&e.value, widen[j], &mut rng).millis();
            }
        }
        let filled: Vec<bool> = vacancies.iter().map(|(_, _, chance)| rng.unit() < *chance).collect();
        if filled.iter().any(|f| *f) {
            let team_cap = caps.entry(filled.clone()).or_insert_with(|| {
                let mut with = plan.clone();
                for ((t, hire, _), f) in vacancies.iter().zip(&filled) {
                    if *f {
                        with.teams[*t].hires.push(hire.clone());
                    }
                }
                let cap = capacity(&with, cal);
                Problem::new(&with, cal, &cap).map_or_else(|| base.team_cap.clone(), |q| q.team_cap)
            });
            p.team_cap = team_cap.clone();
        }
        let schedule = constructive(&p);
        for (c, commitment) in p.commitments.iter().enumerate() {
            let finish = commitment
                .jobs
                .iter()
                .map(|&j| {
                    let done: i64 = schedule[j].iter().sum();
                    if done >= p.jobs[j].effort { schedule[j].iter().rposition(|w| *w > 0) } else { None }
                })
                .try_fold(0usize, |acc, f| f.map(|f| acc.max(f)));
            let f = finish.unwrap_or(usize::MAX);
            if f <= commitment.deadline {
                met[c] += 1;
            }
            finishes[c].push(f);
        }
        for (t, team_loads) in loads.iter_mut().enumerate() {
            for pi in 1..=pis {
                let range = cal.pi_iterations(pi);
                let cap: i64 = range.clone().map(|it| p.team_cap[t][it]).sum();
                let planned: i64 = (0..p.jobs.len())
                    .filter(|&j| p.jobs[j].team == t)
                    .map(|j| range.clone().map(|it| schedule[j][it]).sum::<i64>())
                    .sum();
                let pct = if cap > 0 { planned * 100_000 / cap } else { 0 };
                team_loads[pi as usize - 1].push(pct);
            }
        }
        progress(run + 1, runs);
    }
    let label = |t: usize| cal.iterations.get(t).map(|i| i.label());
    let date = |t: usize| cal.iterations.get(t).map(|i| i.end);
    let firm = plan.settings.firm_pis.unwrap_or(2);
    let mut commitments = Vec::new();
    let mut warnings = Vec::new();
    for (c, commitment) in base.commitments.iter().enumerate() {
        let mut f = finishes[c].clone();
        f.sort_unstable();
        let (p50, p85) = (percentile(&f, 0.5, usize::MAX), percentile(&f, 0.85, usize::MAX));
        let probability = f64::from(met[c]) / f64::from(runs);
        let reason = (met[c] == 0).then(|| optimistic_reason(plan, cal, &vacancies, &commitment.label)).flatten();
        let mut histogram: Vec<Bucket> = Vec::new();
        for &x in &f {
            let name = label(x).unwrap_or_else(|| "beyond".into());
            match histogram.last_mut() {
                Some(b) if b.iteration == name => b.runs += 1,
                _ => histogram.push(Bucket { iteration: name, runs: 1 }),
            }
        }
        let beyond_firm = cal.iterations.get(commitment.deadline).is_some_and(|it| it.pi > firm);
        if beyond_firm {
            let pi = cal.iterations.get(commitment.deadline).map_or(0, |it| it.pi);
            warnings.push(
                crate::Diagnostic::new(
                    crate::Code::W0510,
                    format!(
                        "`{}` is due in PI{pi}, beyond the {firm} PIs the plan holds firm: it is a forecast, not a commitment ({}% likely)",
                        commitment.label,
                        // Whole percent, ties to even as `{:.0}` rounds (and without pulling
                        // float formatting into the WebAssembly build).
                        (probability * 100.0).round_ties_even() as i64
                    ),
                    commitment.span,
                )
                .with_help("name it a target until it is within the firm horizon, or change `firm N PIs` in the plan block"),
            );
        }
        commitments.push(CommitmentForecast {
            item: commitment.label.clone(),
            deadline: label(commitment.deadline).unwrap_or_default(),
            deadline_date: date(commitment.deadline).unwrap_or(cal.last_day),
            probability,
            rag: Rag::of(probability),
            p50: label(p50),
            p50_date: date(p50),
            p85: label(p85),
            p85_date: date(p85),
            beyond_firm,
            reason,
            histogram,
        });
    }
    let teams = base
        .teams
        .iter()
        .enumerate()
        .map(|(t, id)| TeamForecast {
            team: id.clone(),
            pis: (1..=pis)
                .map(|pi| {
                    let mut v = loads[t][pi as usize - 1].clone();
                    v.sort_unstable();
                    PiLoad {
                        pi,
                        p50: Fixed::from_millis(percentile(&v, 0.5, 0)),
                        p85: Fixed::from_millis(percentile(&v, 0.85, 0)),
                    }
                })
                .collect(),
        })
        .collect();
    Some(Forecast {
        runs,
        seed: opts.seed,
        method: format!(
            "{runs} runs; each draws efforts (two-point ranges uniform, three-point triangular{}) and vacancies by their chance, \
             then builds the constructive schedule: commitments in rank order, prerequisites first, as early as capacity allows \
             (no exact search per run)",
            if growth > 0.0 { ", spread widened per PI ahead" } else { "" }
        ),
        check_assumes: "check uses likely efforts, counts no vacancies, and decides each commitment exactly".into(),
        commitments,
        teams,
        warnings,
    })
}

/// The constructive schedule of one run: commitments in rank order, each placing its jobs
/// (prerequisites first) as early as the capacity left allows; then everything else.
fn constructive(p: &Problem) -> Vec<Vec<i64>> {
    let mut s = crate::solve::evidence::Schedule::empty(p.jobs.len(), p.iterations);
    let mut left = (*p.team_cap).clone();
    let mut done: Vec<Option<bool>> = vec![None; p.jobs.len()];
    for c in p.commitments.iter() {
        for &j in &c.jobs {
            crate::solve::rank::place(p, j, &mut s, &mut left, &mut done);
        }
    }
    for j in 0..p.jobs.len() {
        crate::solve::rank::place(p, j, &mut s, &mut left, &mut done);
    }
    s.into_dense()
}

/// Why commitment `c` cannot be met even with every effort at its low end and every vacancy
/// filled: the exact solver's reason for it alone, if it has one.
fn optimistic_reason(plan: &Plan, cal: &Calendar, vacancies: &[(usize, Change, f64)], label: &str) -> Option<Reason> {
    let mut best = plan.clone();
    for (t, hire, _) in vacancies {
        best.teams[*t].hires.push(hire.clone());
    }
    for item in &mut best.items {
        if let Some(e) = &mut item.effort {
            e.value = Effort::exact(e.value.low);
        }
    }
    let cap = capacity(&best, cal);
    let p = Problem::new(&best, cal, &cap)?;
    // Found by label: with other efforts the WSJF order, and so the index, may differ.
    let c = p.commitments.iter().find(|x| x.label == label)?;
    let req = crate::solve::Requirement { jobs: c.jobs.iter().copied().collect(), deadline: c.deadline };
    match crate::solve::decide(&p, &[req], crate::solve::DEFAULT_BUDGET) {
        crate::solve::Outcome::Fails(e) => {
            let unit = match plan.settings.unit {
                crate::model::Unit::Days => "days",
                crate::model::Unit::Points => "points",
            };
            Some(crate::feasibility::reason(&p, cal, &e, unit))
        }
        _ => None,
    }
}
