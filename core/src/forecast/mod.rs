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

mod best_case;
mod firm;
mod report;
pub use report::*;

use best_case::Optimistic;
use firm::{Beyond, beyond_firm_warning};

use crate::calendar::Calendar;
use crate::capacity::capacity;
use crate::fixed::Fixed;
use crate::model::{Change, Effort, Plan};
use crate::solve::problem::Problem;
use crate::solve::rank::Status;

/// Default number of runs and seed.
pub const DEFAULT_RUNS: u32 = 1_000;
/// The most runs one forecast makes (the command and the WebAssembly API refuse more; the
/// crate takes any number as at least 1 and at most this).
pub const MAX_RUNS: u32 = 1_000_000;
/// The seed used when none is given.
pub const DEFAULT_SEED: u64 = 20_240_108;

/// SplitMix64: tiny, fast, and fixed forever, so a seed gives the same forecast in every
/// version and on every platform (a general-purpose RNG crate may change its streams).
///
/// ```
/// use haalbaar::forecast::Rng;
///
/// let (mut a, mut b) = (Rng::new(7), Rng::new(7));
/// assert_eq!(a.next_u64(), b.next_u64());
/// // SplitMix64's first number from seed 0.
/// assert_eq!(Rng::new(0).next_u64(), 0xE220_A839_7B1D_CDAF);
/// ```
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator started from `seed`.
    ///
    /// ```
    /// use haalbaar::forecast::Rng;
    ///
    /// let first = |seed| Rng::new(seed).next_u64();
    /// assert_eq!(first(42), first(42));
    /// assert_ne!(first(42), first(43));
    /// ```
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    /// The next 64 random bits.
    ///
    /// ```
    /// let mut rng = haalbaar::forecast::Rng::new(0);
    /// assert_eq!(rng.next_u64(), 16_294_208_416_658_607_535);
    /// assert_ne!(rng.next_u64(), 16_294_208_416_658_607_535);
    /// ```
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    ///
    /// ```
    /// let mut rng = haalbaar::forecast::Rng::new(20_240_108);
    /// let draws: Vec<f64> = (0..1000).map(|_| rng.unit()).collect();
    /// assert!(draws.iter().all(|u| (0.0..1.0).contains(u)));
    /// // About half fall below 0.5.
    /// let low = draws.iter().filter(|u| **u < 0.5).count();
    /// assert!((400..600).contains(&low), "{low}");
    /// ```
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// How a forecast runs.
///
/// ```
/// use haalbaar::forecast::ForecastOptions;
/// use haalbaar::Threads;
///
/// let options = ForecastOptions::new(500, 7).threads(Threads::One);
/// assert_eq!((options.runs, options.seed), (500, 7));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ForecastOptions {
    /// Runs to make (each draws every effort and vacancy once).
    pub runs: u32,
    /// Seed of the draws: the same seed gives the same forecast.
    pub seed: u64,
    /// Which threads the runs may use (the answer is the same either way).
    pub threads: crate::Threads,
    /// Raised from elsewhere, stops the forecast between batches of runs; it then returns
    /// `None`.
    pub cancel: Option<crate::Cancel>,
}

impl Default for ForecastOptions {
    fn default() -> Self {
        ForecastOptions::new(DEFAULT_RUNS, DEFAULT_SEED)
    }
}

impl ForecastOptions {
    /// `runs` runs drawn from `seed`, on every core, not cancelled.
    ///
    /// ```
    /// use haalbaar::forecast::ForecastOptions;
    ///
    /// let options = ForecastOptions::new(2_000, 42);
    /// assert_eq!((options.runs, options.seed), (2_000, 42));
    /// assert_eq!(options.threads, haalbaar::Threads::Auto);
    /// assert!(options.cancel.is_none());
    /// ```
    pub fn new(runs: u32, seed: u64) -> Self {
        ForecastOptions { runs, seed, threads: crate::Threads::Auto, cancel: None }
    }
    /// On these threads.
    ///
    /// ```
    /// use haalbaar::Threads;
    /// use haalbaar::forecast::ForecastOptions;
    ///
    /// let options = ForecastOptions::new(100, 1).threads(Threads::One);
    /// assert_eq!(options.threads, Threads::One);
    /// assert_eq!(options.runs, 100);
    /// ```
    pub fn threads(mut self, threads: crate::Threads) -> Self {
        self.threads = threads;
        self
    }
    /// Stopped when this flag is raised.
    ///
    /// ```
    /// use haalbaar::forecast::{ForecastOptions, forecast};
    ///
    /// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  commit PI2\n}\n";
    /// let checked = haalbaar::check(source);
    /// let cal = checked.calendar.as_ref().expect("a calendar");
    /// let cancel = haalbaar::Cancel::new();
    /// cancel.cancel();
    /// let options = ForecastOptions::new(1_000, 1).cancel(cancel);
    /// // A raised flag stops the forecast before its first batch of runs.
    /// assert!(forecast(&checked.plan, cal, options, &mut |_, _| {}).is_none());
    /// ```
    pub fn cancel(mut self, flag: crate::Cancel) -> Self {
        self.cancel = Some(flag);
        self
    }
    fn cancelled(&self) -> bool {
        self.cancel.as_ref().is_some_and(crate::Cancel::is_cancelled)
    }
}

/// The lowest effort any run can draw: the low end of the range as `widen` stretches it (what
/// [`draw`] gives for the lowest draw).
fn lowest(e: &Effort, widen: f64) -> Fixed {
    let to_f = |f: Fixed| f.millis() as f64;
    let likely = to_f(e.likely());
    let low = likely - (likely - to_f(e.low)) * widen;
    Fixed::from_millis((low.round() as i64).max(1))
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
    // Counted from the PI that holds the status date, when the plan has one.
    cal.iterations.get(at).map_or(1, |it| it.pi.saturating_sub(status_pi(cal)).max(1))
}

/// How many PIs lie before the one that holds the status date (0 without one).
fn status_pi(cal: &Calendar) -> u32 {
    cal.status.and_then(|s| cal.iterations.get(s.iteration)).map_or(0, |it| it.pi - 1)
}

/// The `q` quantile of values counted per slot: the first slot by which at least `q` of them
/// are counted (the last slot when there are none).
fn percentile(counts: &[u32], q: f64) -> usize {
    let total: u64 = counts.iter().map(|&n| u64::from(n)).sum();
    let k = ((q * total as f64).ceil() as u64).clamp(1, total.max(1));
    let mut seen = 0u64;
    for (slot, &n) in counts.iter().enumerate() {
        seen += u64::from(n);
        if seen >= k {
            return slot;
        }
    }
    counts.len().saturating_sub(1)
}

/// Team capacities per iteration by which vacancies a run filled.
type FillCache = std::collections::HashMap<Vec<bool>, std::sync::Arc<Vec<Vec<i64>>>>;

/// How many vacancy fills keep their capacity table between runs.
const MAX_CACHED_FILLS: usize = 64;

/// Width of a load bin: a tenth of a percent (in thousandths of a percent).
const LOAD_BIN: i64 = 100;
/// Bins from 0% to 100% and one for anything above.
const LOAD_BINS: usize = 1_002;

/// How often each load (planned over plannable, in tenths of a percent) came up in one PI of
/// one team. Counts add up in any order, and memory does not grow with the runs; the bins are
/// made on the first load above zero, so teams without work in a PI cost nothing.
#[derive(Debug, Clone, Default)]
struct LoadHistogram {
    /// Runs with a load above zero, per bin.
    bins: Option<Box<[u32]>>,
}

impl LoadHistogram {
    fn add(&mut self, pct_millis: i64) {
        if pct_millis <= 0 {
            return;
        }
        let bin = usize::try_from(pct_millis / LOAD_BIN).unwrap_or(LOAD_BINS - 1).min(LOAD_BINS - 1);
        let bins = self.bins.get_or_insert_with(|| vec![0; LOAD_BINS].into_boxed_slice());
        bins[bin] += 1;
    }
    /// Adds another histogram's counts.
    fn merge(&mut self, other: LoadHistogram) {
        let Some(more) = other.bins else { return };
        match &mut self.bins {
            Some(bins) => {
                for (x, y) in bins.iter_mut().zip(more.iter()) {
                    *x += y;
                }
            }
            None => self.bins = Some(more),
        }
    }
    /// The `q` quantile over `runs` runs, at the lower edge of its bin (runs that added
    /// nothing had no load).
    fn percentile(&self, q: f64, runs: u32) -> Fixed {
        let Some(bins) = &self.bins else { return Fixed::ZERO };
        let zero = runs.saturating_sub(bins.iter().sum::<u32>());
        let mut counts = Vec::with_capacity(LOAD_BINS + 1);
        counts.push(zero);
        counts.extend_from_slice(bins);
        match percentile(&counts, q) {
            0 if zero > 0 => Fixed::ZERO,
            slot => Fixed::from_millis((slot as i64 - 1).max(0) * LOAD_BIN),
        }
    }
}

/// Runs the forecast on a valid plan. `progress` is told after each run (done, total).
///
/// ```
/// use haalbaar::forecast::{ForecastOptions, forecast};
///
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  commit PI2\n}\n";
/// let checked = haalbaar::check(source);
/// let cal = checked.calendar.as_ref().expect("a calendar");
/// let mut told = Vec::new();
/// let options = ForecastOptions::new(100, 7).threads(haalbaar::Threads::One);
/// let result = forecast(&checked.plan, cal, options, &mut |done, total| told.push((done, total)));
/// let result = result.expect("a forecast");
/// assert_eq!(result.runs, 100);
/// assert_eq!(told.last(), Some(&(100, 100)));
/// assert_eq!(result.commitments[0].rag, haalbaar::forecast::Rag::Green);
/// ```
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
                let hire = Change { count: v.count, date: v.date, ramp_days: v.ramp_days, loc: v.loc };
                (t, hire, v.chance.millis() as f64 / 100_000.0)
            })
        })
        .collect();
    let caps: std::sync::Mutex<FillCache> = std::sync::Mutex::new(FillCache::new());
    let runs = opts.runs.clamp(1, MAX_RUNS);
    let c_count = base.commitments.len();
    // Each team's capacity per iteration from the status date on: drawn from what the team
    // delivered against its capacity in its past iterations (`history`), else spread by
    // `uncertainty capacity`, else as planned.
    let throughput: Vec<Vec<i64>> = crate::history::history(plan, cal, &base_cap)
        .map(|h| h.teams.iter().map(|t| t.ratios()).collect())
        .unwrap_or_else(|| vec![Vec::new(); plan.teams.len()]);
    let spread = plan.settings.capacity_uncertainty.map(|p| p.millis() as f64 / 100_000.0);
    let from = cal.status.map_or(0, |s| s.iteration);
    // Milestones with a chance: each run draws a slip (see `milestone_slip`), and what waits
    // for one starts that much later.
    // A milestone dated before the status date has passed: it does not slip any more.
    let chances: Vec<f64> = plan
        .milestones
        .iter()
        .map(|m| match cal.status {
            Some(s) if m.date < s.date => 1.0,
            _ => m.chance.millis() as f64 / 100_000.0,
        })
        .collect();
    let releases: Vec<usize> =
        plan.milestones.iter().map(|m| crate::solve::problem::milestone_release(cal, m.date)).collect();
    let waits: Vec<(usize, usize, usize)> = plan
        .items
        .iter()
        .enumerate()
        .flat_map(|(j, item)| {
            item.milestones.iter().filter_map(move |d| {
                let m = plan.milestones.iter().position(|m| m.id == d.item.id)?;
                Some((j, m, d.lag.map_or(0, |l| crate::validate::lag_iterations(l, cal))))
            })
        })
        .collect();
    let uncertain_milestones = chances.iter().any(|c| *c < 1.0) && !waits.is_empty();
    let beyond = cal.len();
    let pis = cal.pi_count();
    // Teams without items have no load in any run.
    let mut has_work = vec![false; base.teams.len()];
    for job in base.jobs.iter() {
        has_work[job.team] = true;
    }
    // One run: its own generator (seeded by the forecast's seed and the run's number, so the
    // result is the same whatever thread runs it), its drawn plan, decided by the check's rule.
    let one = |run: u32| -> tally::Tally {
        let mut rng = Rng::new(run_seed(opts.seed, run));
        let mut p = base.clone();
        let jobs = std::sync::Arc::make_mut(&mut p.jobs);
        // Each draw less what is done (`remaining` when given; nothing for a finished item):
        // a draw with nothing left is finished the day before the status date, as in `check`.
        let mut nothing_left: Vec<(usize, crate::NaiveDate)> = Vec::new();
        for (j, item) in plan.items.iter().enumerate() {
            if let Some(e) = &item.effort {
                let drawn = draw(&e.value, widen[j], &mut rng);
                if jobs[j].finished.is_some() {
                    continue;
                }
                let left = item.needed_of(drawn).unwrap_or(drawn).millis();
                match cal.status {
                    Some(s) if left <= 0 => nothing_left.push((j, s.date.pred_opt().unwrap_or(s.date))),
                    _ => jobs[j].effort = left,
                }
            }
        }
        crate::solve::problem::mark_finished(jobs, cal, &nothing_left);
        let filled: Vec<bool> = vacancies.iter().map(|(_, _, chance)| rng.unit() < *chance).collect();
        if filled.iter().any(|f| *f) {
            let cached = caps.lock().ok().and_then(|c| c.get(&filled).cloned());
            p.team_cap = match cached {
                Some(c) => c,
                None => {
                    let mut with = plan.clone();
                    for ((t, hire, _), f) in vacancies.iter().zip(&filled) {
                        if *f {
                            with.teams[*t].hires.push(hire.clone());
                        }
                    }
                    let cap = capacity(&with, cal);
                    let c = Problem::new(&with, cal, &cap).map_or_else(|| base.team_cap.clone(), |q| q.team_cap);
                    // Capacities of the fills seen so far are kept, up to a fixed number; the
                    // result is the same with or without the cache.
                    if let Ok(mut caps) = caps.lock()
                        && caps.len() < MAX_CACHED_FILLS
                    {
                        caps.insert(filled.clone(), c.clone());
                    }
                    c
                }
            };
        }
        if uncertain_milestones {
            let slips: Vec<usize> = chances.iter().map(|&c| milestone_slip(c, cal.len(), &mut rng)).collect();
            let jobs = std::sync::Arc::make_mut(&mut p.jobs);
            for &(j, m, lag) in &waits {
                if jobs[j].finished.is_none() {
                    jobs[j].raise_lo(releases[m].saturating_add(slips[m]).saturating_add(lag));
                }
            }
        }
        if throughput.iter().any(|r| !r.is_empty()) || spread.is_some() {
            let caps = std::sync::Arc::make_mut(&mut p.team_cap);
            for (k, row) in caps.iter_mut().enumerate() {
                let ratios = throughput.get(k).map_or(&[][..], Vec::as_slice);
                for cap in row.iter_mut().skip(from) {
                    if !ratios.is_empty() {
                        let pick = ((rng.unit() * ratios.len() as f64) as usize).min(ratios.len() - 1);
                        *cap = (i128::from(*cap) * i128::from(ratios[pick]) / 1000) as i64;
                    } else if let Some(s) = spread {
                        *cap = (*cap as f64 * (1.0 - s + 2.0 * s * rng.unit())).round().max(0.0) as i64;
                    }
                }
            }
        }
        let solution = crate::solve::rank::statuses(&p, crate::solve::DEFAULT_BUDGET);
        let mut t = tally::Tally::new(c_count, beyond, &has_work, pis);
        for r in &solution.results {
            let c = r.commitment;
            match r.status {
                Status::Met => t.met[c] += 1,
                Status::Unknown => t.undecided[c] += 1,
                _ => {}
            }
            t.finishes[c][r.finish.unwrap_or(beyond).min(beyond)] += 1;
        }
        // Planned work per team and iteration, in one pass over the schedule.
        let mut planned: Vec<Vec<i64>> =
            has_work.iter().map(|&w| if w { vec![0; p.iterations] } else { Vec::new() }).collect();
        for (j, row) in solution.schedule.work.iter().enumerate() {
            for (it, w) in row.iter().enumerate().filter(|(_, w)| **w > 0) {
                planned[p.jobs[j].team][it] += w;
            }
        }
        for (team, team_loads) in t.loads.iter_mut().enumerate() {
            if !has_work[team] {
                continue;
            }
            for pi in 1..=pis {
                let range = cal.pi_iterations(pi);
                let cap: i64 = range.clone().map(|it| p.team_cap[team][it]).sum();
                let work: i64 = range.map(|it| planned[team][it]).sum();
                let pct = if cap > 0 { i128::from(work) * 100_000 / i128::from(cap) } else { 0 };
                team_loads[pi as usize - 1].add(i64::try_from(pct).unwrap_or(i64::MAX));
            }
        }
        t
    };
    // Runs in batches (on every core where there are threads); counts add up in any order, so
    // the result is the same on one core or many. `progress` is told after each batch.
    let mut total = tally::Tally::new(c_count, beyond, &has_work, pis);
    let mut done = 0u32;
    let one_thread = opts.threads == crate::Threads::One;
    while done < runs {
        if opts.cancelled() {
            return None;
        }
        let batch = (runs - done).min(RUN_BATCH);
        let empty = || tally::Tally::new(c_count, beyond, &has_work, pis);
        let part = tally::run_batch(done..done + batch, &one, empty, one_thread);
        total.add(part);
        done += batch;
        progress(done, runs);
    }
    let tally::Tally { finishes, met, undecided, loads } = total;
    let label = |t: usize| cal.iterations.get(t).map(|i| i.label());
    let date = |t: usize| cal.iterations.get(t).map(|i| i.end);
    let firm = plan.settings.firm_pis.unwrap_or(2);
    let mut commitments = Vec::new();
    let mut warnings = Vec::new();
    let mut optimistic = Optimistic::new(plan, cal, &vacancies, &widen);
    // Commitments due beyond the firm horizon, soft and hard: one warning for each group.
    let (mut soft_beyond, mut hard_beyond): (Vec<Beyond>, Vec<Beyond>) = (Vec::new(), Vec::new());
    for (c, commitment) in base.commitments.iter().enumerate() {
        let f = &finishes[c];
        let (p50, p85) = (percentile(f, 0.5), percentile(f, 0.85));
        let (p50, p85) = (if p50 == beyond { usize::MAX } else { p50 }, if p85 == beyond { usize::MAX } else { p85 });
        let probability = f64::from(met[c]) / f64::from(runs);
        let reason = (met[c] == 0).then(|| optimistic.reason(&commitment.label)).flatten();
        let histogram: Vec<Bucket> = f
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .map(|(x, &n)| Bucket { iteration: label(x).unwrap_or_else(|| "beyond".into()), runs: n })
            .collect();
        // The firm PIs count from the one that holds the status date.
        let beyond_firm = cal.iterations.get(commitment.deadline).is_some_and(|it| it.pi > firm + status_pi(cal));
        if beyond_firm {
            let pi = cal.iterations.get(commitment.deadline).map_or(0, |it| it.pi);
            let what = format!("`{}` (PI{pi}, {} likely)", commitment.label, chance_text(probability));
            (if commitment.hard { &mut hard_beyond } else { &mut soft_beyond }).push((what, commitment.span));
        }
        commitments.push(CommitmentForecast {
            item: commitment.label.clone(),
            title: plan
                .item(&commitment.label)
                .and_then(|i| i.title.clone())
                .or_else(|| plan.epic(&commitment.label).and_then(|e| e.title.clone())),
            deadline: label(commitment.deadline).unwrap_or_default(),
            deadline_date: date(commitment.deadline).unwrap_or(cal.last_day),
            probability,
            rag: Rag::of(probability),
            p50: label(p50),
            p50_date: date(p50),
            p85: label(p85),
            p85_date: date(p85),
            beyond_firm,
            undecided: undecided[c],
            reason,
            histogram,
        });
    }
    warnings.extend(beyond_firm_warning(&soft_beyond, firm, false));
    warnings.extend(beyond_firm_warning(&hard_beyond, firm, true));
    let teams = base
        .teams
        .iter()
        .enumerate()
        .map(|(t, id)| TeamForecast {
            team: id.clone(),
            pis: (1..=pis)
                .map(|pi| {
                    let h = &loads[t][pi as usize - 1];
                    PiLoad { pi, p50: h.percentile(0.5, runs), p85: h.percentile(0.85, runs) }
                })
                .collect(),
        })
        .collect();
    Some(Forecast {
        runs,
        seed: opts.seed,
        method: format!(
            "{runs} runs; each draws efforts (two-point ranges uniform, three-point triangular{}) and vacancies by their chance{}, \
             then decides the drawn plan by the rule of `check`: commitments in rank order, each met when it fits with \
             everything kept above it, else kept late at its earliest finish",
            if growth > 0.0 { ", spread widened per PI ahead" } else { "" },
            if uncertain_milestones { ", and how many iterations each milestone slips" } else { "" }
        ),
        check_assumes: "check uses likely efforts, counts no vacancies, and decides each commitment exactly".into(),
        capacity: capacity_method(plan, &throughput, spread),
        commitments,
        teams,
        warnings,
        assumed: None,
        as_of: cal.status.map(|s| s.date),
    })
}

/// Runs are made in batches of this many; `progress` is told after each.
const RUN_BATCH: u32 = 64;

/// The seed of run `run`: the forecast's seed and the run's number mixed (SplitMix64's
/// finaliser), so every run has its own stream whatever thread makes it.
fn run_seed(seed: u64, run: u32) -> u64 {
    let mut z = seed ^ u64::from(run).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// What runs add up to: counts only, so they add in any order and memory does not grow with
/// the runs.
mod tally {
    use super::LoadHistogram;

    pub(super) struct Tally {
        /// Per commitment, runs finishing in each iteration (the last slot: beyond the horizon).
        pub finishes: Vec<Vec<u32>>,
        pub met: Vec<u32>,
        /// Runs in which the engine could not decide the commitment.
        pub undecided: Vec<u32>,
        /// Per team and PI, a histogram of its load.
        pub loads: Vec<Vec<LoadHistogram>>,
    }

    impl Tally {
        pub fn new(commitments: usize, beyond: usize, has_work: &[bool], pis: u32) -> Tally {
            Tally {
                finishes: vec![vec![0; beyond + 1]; commitments],
                met: vec![0; commitments],
                undecided: vec![0; commitments],
                loads: has_work.iter().map(|_| vec![LoadHistogram::default(); pis as usize]).collect(),
            }
        }

        pub fn add(&mut self, other: Tally) {
            for (a, b) in self.finishes.iter_mut().zip(other.finishes) {
                for (x, y) in a.iter_mut().zip(b) {
                    *x += y;
                }
            }
            for (x, y) in self.met.iter_mut().zip(other.met) {
                *x += y;
            }
            for (x, y) in self.undecided.iter_mut().zip(other.undecided) {
                *x += y;
            }
            for (a, b) in self.loads.iter_mut().zip(other.loads) {
                for (x, y) in a.iter_mut().zip(b) {
                    x.merge(y);
                }
            }
        }
    }

    /// The runs `range`, on every core (rayon) unless `one_thread`, added up.
    #[cfg(not(target_arch = "wasm32"))]
    pub(super) fn run_batch(
        range: std::ops::Range<u32>,
        one: &(dyn Fn(u32) -> Tally + Sync),
        empty: impl Fn() -> Tally + Sync + Send,
        one_thread: bool,
    ) -> Tally {
        use rayon::prelude::*;
        if one_thread {
            let mut total = empty();
            for run in range {
                total.add(one(run));
            }
            return total;
        }
        range.into_par_iter().map(one).reduce(&empty, |mut a, b| {
            a.add(b);
            a
        })
    }

    /// The runs `range`, one after the other (WebAssembly has no threads here), added up.
    #[cfg(target_arch = "wasm32")]
    pub(super) fn run_batch(
        range: std::ops::Range<u32>,
        one: &(dyn Fn(u32) -> Tally + Sync),
        empty: impl Fn() -> Tally,
        _one_thread: bool,
    ) -> Tally {
        let mut total = empty();
        for run in range {
            total.add(one(run));
        }
        total
    }
}

/// How many iterations a milestone with on-time chance `chance` slips in one run: none with
/// that chance, else one more iteration each time it misses again with the same odds (so
/// `P(slip >= k) = (1 - chance)^k`); at most `limit`.
fn milestone_slip(chance: f64, limit: usize, rng: &mut Rng) -> usize {
    let mut k = 0;
    while k < limit && rng.unit() >= chance {
        k += 1;
    }
    k
}

/// How the runs take each team's capacity, in one sentence: from history (which teams, over
/// how many iterations), spread by `uncertainty capacity`, or as planned.
fn capacity_method(plan: &Plan, throughput: &[Vec<i64>], spread: Option<f64>) -> String {
    let measured: Vec<String> = plan
        .teams
        .iter()
        .zip(throughput)
        .filter(|(_, r)| !r.is_empty())
        .map(|(t, r)| format!("`{}` ({} iterations)", t.id, r.len()))
        .collect();
    let rest = match spread {
        Some(s) => format!("varies up to {}% either way (uncertainty capacity)", (s * 100.0).round()),
        None => "is as planned".to_string(),
    };
    match (measured.is_empty(), plan.teams.len() == measured.len()) {
        (true, _) => format!("each team's capacity per iteration {rest}"),
        (false, true) => format!(
            "each team's capacity per iteration is drawn from what it delivered against its capacity in past iterations: {}",
            measured.join(", ")
        ),
        (false, false) => format!(
            "capacity per iteration is drawn from what the team delivered against its capacity in past iterations for {}; every other team's {rest}",
            measured.join(", ")
        ),
    }
}

#[cfg(test)]
mod tests;
