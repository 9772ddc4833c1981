//! Capacity per team per iteration, exactly as the language reference defines it: people,
//! focus and reserve over the working days, hires weighted by their ramp, leavers, lending,
//! points and velocity, fixed capacities, overrides, and `load` on top.

use chrono::NaiveDate;
use serde::Serialize;

use crate::calendar::{Calendar, Iteration};
use crate::fixed::{Fixed, Ratio};
use crate::model::{Item, Max, Plan, Team, Unit};

/// Capacity of one team in one iteration.
///
/// ```
/// use haalbaar::Fixed;
/// use haalbaar::capacity::Source;
///
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  commit PI2\n}\n";
/// # let checked = haalbaar::check(source);
/// # let cal = checked.calendar.as_ref().expect("a calendar");
/// # let table = checked.capacity.as_ref().expect("capacity");
/// let first = &table.teams[0].iterations[0];
/// // 4 people × 10 working days × 75%.
/// assert_eq!((first.capacity, first.plannable), (Fixed::from_int(30), Fixed::from_int(30)));
/// assert_eq!((first.fte, first.source), (Some(Fixed::from_int(4)), Source::People));
/// assert!(first.adjustment.is_zero());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cell {
    /// What the team can do, before `load`.
    pub capacity: Fixed,
    /// What the check plans with: `capacity × load`.
    pub plannable: Fixed,
    /// Average effective headcount over the working days (people-based teams only).
    pub fte: Option<Fixed>,
    /// Where the figure comes from.
    pub source: Source,
    /// What `capacity PIx.y +N` / `-N` statements add (included in `capacity`).
    #[serde(default, skip_serializing_if = "Fixed::is_zero")]
    pub adjustment: Fixed,
    /// The plannable capacity that lies before the plan's status date (`as of`): history,
    /// not planned with (taken out of `plannable`).
    #[serde(default, skip_serializing_if = "Fixed::is_zero")]
    pub past: Fixed,
}

/// Where an iteration's capacity comes from.
///
/// ```
/// use haalbaar::capacity::Source;
///
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  capacity PI1.2 50\n}\nteam ops {\n  capacity 20 per iteration\n}\n";
/// let checked = haalbaar::check(source);
/// let table = checked.capacity.expect("capacity");
/// let sources = |team: usize| table.teams[team].iterations.iter().map(|c| c.source).collect::<Vec<_>>();
/// assert_eq!(sources(0)[..5], [Source::People, Source::IterationOverride, Source::People, Source::People, Source::Innovation]);
/// assert_eq!(sources(1)[0], Source::Fixed);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// People × working days × focus, less reserve.
    People,
    /// `velocity N per iteration`.
    Velocity,
    /// `capacity N per iteration`.
    Fixed,
    /// `capacity PIx N`, spread over the PI.
    PiOverride,
    /// `capacity PIx.y N`.
    IterationOverride,
    /// An IP iteration: none planned.
    Innovation,
}

/// Capacity of one team over the horizon.
///
/// ```
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  commit PI2\n}\n";
/// # let checked = haalbaar::check(source);
/// # let cal = checked.calendar.as_ref().expect("a calendar");
/// # let table = checked.capacity.as_ref().expect("capacity");
/// let api = &table.teams[0];
/// assert_eq!(api.team, "api");
/// // One cell per iteration of the calendar.
/// assert_eq!(api.iterations.len(), cal.len());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TeamCapacity {
    /// The team's id.
    pub team: String,
    /// One cell per iteration, in calendar order.
    pub iterations: Vec<Cell>,
}

impl TeamCapacity {
    /// Total capacity and plannable capacity of PI `pi` (within the horizon).
    ///
    /// ```
    /// use haalbaar::Fixed;
    ///
    /// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  commit PI2\n}\n";
    /// # let checked = haalbaar::check(source);
    /// # let cal = checked.calendar.as_ref().expect("a calendar");
    /// # let table = checked.capacity.as_ref().expect("capacity");
    /// // Four planned iterations of 30; the IP iteration adds nothing.
    /// assert_eq!(table.teams[0].pi_total(cal, 1), (Fixed::from_int(120), Fixed::from_int(120)));
    /// // The horizon cuts PI3 after two iterations.
    /// assert_eq!(table.teams[0].pi_total(cal, 3), (Fixed::from_int(60), Fixed::from_int(60)));
    /// ```
    pub fn pi_total(&self, cal: &Calendar, pi: u32) -> (Fixed, Fixed) {
        cal.pi_iterations(pi)
            .filter_map(|i| self.iterations.get(i))
            .fold((Fixed::ZERO, Fixed::ZERO), |(c, p), cell| (c + cell.capacity, p + cell.plannable))
    }
    /// Plannable capacity over the whole horizon.
    ///
    /// ```
    /// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  commit PI2\n}\n";
    /// # let checked = haalbaar::check(source);
    /// # let cal = checked.calendar.as_ref().expect("a calendar");
    /// # let table = checked.capacity.as_ref().expect("capacity");
    /// // Ten planned iterations of 30.
    /// assert_eq!(table.teams[0].total_plannable(), haalbaar::Fixed::from_int(300));
    /// ```
    pub fn total_plannable(&self) -> Fixed {
        self.iterations.iter().map(|c| c.plannable).sum()
    }
}

/// Capacity of every team, in plan order.
///
/// ```
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\nteam web {\n  people 2\n}\n";
/// let table = haalbaar::check(source).capacity.expect("capacity");
/// let teams: Vec<&str> = table.teams.iter().map(|t| t.team.as_str()).collect();
/// assert_eq!(teams, ["api", "web"]);
/// assert_eq!(table.teams[1].iterations[0].capacity, haalbaar::Fixed::from_int(20));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CapacityTable {
    /// One per team, in plan order.
    pub teams: Vec<TeamCapacity>,
}

impl CapacityTable {
    /// The team with this id.
    ///
    /// ```
    /// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  commit PI2\n}\n";
    /// # let checked = haalbaar::check(source);
    /// # let cal = checked.calendar.as_ref().expect("a calendar");
    /// # let table = checked.capacity.as_ref().expect("capacity");
    /// assert_eq!(table.team("api").map(|t| t.iterations.len()), Some(12));
    /// assert!(table.team("web").is_none());
    /// ```
    pub fn team(&self, id: &str) -> Option<&TeamCapacity> {
        self.teams.iter().find(|t| t.team == id)
    }
    /// [`CapacityTable::team`] for the plan's team at `index` (the table is in plan order, so
    /// this is one comparison, not a search).
    ///
    /// ```
    /// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  commit PI2\n}\n";
    /// # let checked = haalbaar::check(source);
    /// # let cal = checked.calendar.as_ref().expect("a calendar");
    /// # let table = checked.capacity.as_ref().expect("capacity");
    /// assert_eq!(table.team_at(0, "api").map(|t| t.team.as_str()), Some("api"));
    /// // A wrong index still finds the team by its id.
    /// assert_eq!(table.team_at(3, "api").map(|t| t.team.as_str()), Some("api"));
    /// assert!(table.team_at(0, "web").is_none());
    /// ```
    pub fn team_at(&self, index: usize, id: &str) -> Option<&TeamCapacity> {
        self.teams.get(index).filter(|t| t.team == id).or_else(|| self.team(id))
    }
}

/// People lent out by `team` (negative) and lent in to it (positive) in iteration `it`,
/// as (net people for people-based receivers, extra capacity for fixed-capacity receivers).
fn lending(plan: &Plan, team: &Team, incoming: &[(&Team, &[Lent])], own: &[Lent], it: &Iteration) -> (Ratio, Ratio) {
    let mut people = Ratio::ZERO;
    let mut extra = Ratio::ZERO;
    for lend in own.iter().filter(|l| l.to != team.id && l.covers(it.index)) {
        people = people.minus(&lend.count.ratio());
    }
    for (other, lends) in incoming {
        if other.id == team.id {
            continue;
        }
        for lend in lends.iter().filter(|l| l.to == team.id && l.covers(it.index)) {
            if team.fixed.is_some() {
                // A fixed-capacity team has no people to add to: the lender's capacity per
                // person moves instead.
                let per_person = Ratio::int(i64::from(it.working_days))
                    .times(&pct(other.focus))
                    .times(&Ratio::int(1).minus(&pct(other.reserve)))
                    .times(&points_factor(plan, other));
                extra = extra.plus(&lend.count.ratio().times(&per_person));
            } else {
                people = people.plus(&lend.count.ratio());
            }
        }
    }
    (people, extra)
}

/// One `lend` with its PIs bound to iterations once (not once per iteration).
struct Lent<'a> {
    to: &'a str,
    count: Fixed,
    iterations: Option<std::ops::RangeInclusive<usize>>,
}

impl Lent<'_> {
    fn of<'a>(cal: &Calendar, team: &'a Team) -> Vec<Lent<'a>> {
        team.lends
            .iter()
            .map(|l| Lent { to: l.to.id.as_str(), count: l.count, iterations: cal.range(&l.from, &l.until).ok() })
            .collect()
    }
    fn covers(&self, index: usize) -> bool {
        self.iterations.as_ref().is_some_and(|r| r.contains(&index))
    }
}

fn pct(p: Fixed) -> Ratio {
    p.ratio().over(&Ratio::int(100))
}

/// What `delta` of capacity adds to the plannable figure at `load` percent: `delta × load`,
/// rounded once (as `capacity PIx.y +N` adds it, and as a repair counts it).
///
/// ```
/// use haalbaar::Fixed;
/// use haalbaar::capacity::plannable_of;
///
/// assert_eq!(plannable_of(Fixed::from_int(20), Fixed::from_int(85)), Fixed::from_int(17));
/// assert_eq!(plannable_of(Fixed::from_int(10), Fixed::HUNDRED), Fixed::from_int(10));
/// // 1 × 33.3% is 0.333.
/// assert_eq!(plannable_of(Fixed::ONE, Fixed::from_millis(33_300)), Fixed::from_millis(333));
/// ```
pub fn plannable_of(delta: Fixed, load: Fixed) -> Fixed {
    delta.ratio().times(&pct(load)).to_fixed()
}

/// SAFe normalised points: 8 points per person per 10 working days.
fn points_factor(plan: &Plan, team: &Team) -> Ratio {
    if plan.settings.unit == Unit::Points && team.velocity.is_none() { Ratio::new(8, 10) } else { Ratio::int(1) }
}

/// The working days of the calendar as prefix sums over day numbers (days since `start`), so
/// that the working days of any stretch, and the sum of their numbers, take two look-ups.
struct WorkingDays {
    /// `count[k]`: working days among days `0..k`.
    count: Vec<i64>,
    /// `sum[k]`: the sum of the numbers of those days.
    sum: Vec<i64>,
}

impl WorkingDays {
    fn new(cal: &Calendar) -> WorkingDays {
        Self::of(&cal.working)
    }

    /// A team's own working days: the calendar's, less the days of its `holiday` lines
    /// (`None` when it has none).
    fn of_team(cal: &Calendar, team: &Team) -> Option<WorkingDays> {
        if team.holidays.is_empty() {
            return None;
        }
        let mut working = cal.working.clone();
        for h in &team.holidays {
            let (a, b) = ((h.from - cal.start).num_days().max(0), (h.to - cal.start).num_days());
            for d in a..=b.min(working.len() as i64 - 1) {
                working[d as usize] = false;
            }
        }
        Some(Self::of(&working))
    }

    fn of(working: &[bool]) -> WorkingDays {
        let days = working.len();
        let mut count = Vec::with_capacity(days + 1);
        let mut sum = Vec::with_capacity(days + 1);
        let (mut c, mut s) = (0i64, 0i64);
        count.push(0);
        sum.push(0);
        for (d, &w) in working.iter().enumerate() {
            if w {
                c += 1;
                s += d as i64;
            }
            count.push(c);
            sum.push(s);
        }
        WorkingDays { count, sum }
    }

    /// (working days, sum of their day numbers) among days `a..=b`, clamped to the calendar.
    fn between(&self, a: i64, b: i64) -> (i64, i64) {
        let last = self.count.len() as i64 - 1;
        let (a, b) = (a.clamp(0, last), (b + 1).clamp(0, last));
        if b <= a {
            return (0, 0);
        }
        let (a, b) = (a as usize, b as usize);
        (self.count[b] - self.count[a], self.sum[b] - self.sum[a])
    }
}

/// Headcount as a function of the day number `d` on a stretch without hires, leavers or
/// ramp ends: `level + slope × d`.
#[derive(Clone)]
struct Line {
    level: Ratio,
    slope: Ratio,
}

/// A change to [`Line`] from a day on: a hire starting or ending its ramp, or a leaver.
struct Step {
    day: i64,
    level: Ratio,
    slope: Ratio,
}

/// The steps of a team's headcount, in day order. A hire of `c` people on day `h` with a ramp
/// of `r` days weighs `c × (d − h) / r` on day `d` in its ramp and `c` from day `h + r`.
fn steps(team: &Team, cal: &Calendar) -> Vec<Step> {
    let day = |d: NaiveDate| (d - cal.start).num_days();
    let mut out = Vec::new();
    for hire in &team.hires {
        let (h, c) = (day(hire.date), hire.count.ratio());
        if hire.ramp_days == 0 {
            out.push(Step { day: h, level: c, slope: Ratio::ZERO });
        } else {
            let r = Ratio::int(i64::from(hire.ramp_days));
            let slope = c.over(&r);
            let offset = slope.times(&Ratio::int(h));
            out.push(Step { day: h, level: offset.neg(), slope: slope.clone() });
            out.push(Step { day: h + i64::from(hire.ramp_days), level: offset.plus(&c), slope: slope.neg() });
        }
    }
    for leave in &team.leaves {
        out.push(Step { day: day(leave.date), level: leave.count.ratio().neg(), slope: Ratio::ZERO });
    }
    // An absence: fewer people from its first day, back the day after its last.
    for away in &team.absences {
        out.push(Step { day: day(away.from), level: away.count.ratio().neg(), slope: Ratio::ZERO });
        out.push(Step { day: day(away.to) + 1, level: away.count.ratio(), slope: Ratio::ZERO });
    }
    out.sort_by_key(|s| s.day);
    out
}

/// `Σ max(0, line(d) + extra)` over the working days `d` in `a..=b`: the person-days of a
/// stretch, a day with a negative headcount counting as none.
fn person_days(days: &WorkingDays, a: i64, b: i64, line: &Line, extra: &Ratio) -> Ratio {
    let level = line.level.plus(extra);
    // The headcount is monotone on the stretch, so the days it is not negative are a run.
    let (lo, hi) = if line.slope.is_zero() {
        if level.is_negative() {
            return Ratio::ZERO;
        }
        (a, b)
    } else {
        let zero = level.neg().over(&line.slope);
        if line.slope.is_negative() { (a, zero.floor_clamped(a - 1, b)) } else { (zero.ceil_clamped(a, b + 1), b) }
    };
    let (n, sum) = days.between(lo, hi);
    if n == 0 {
        return Ratio::ZERO;
    }
    level.times(&Ratio::int(n)).plus(&line.slope.times(&Ratio::int(sum)))
}

/// Summed effective headcount over the working days of every iteration of a people-based
/// team, lending included: one sweep over the iterations and the team's steps.
fn person_days_per_iteration(cal: &Calendar, days: &WorkingDays, team: &Team, lent: &[Ratio]) -> Vec<Ratio> {
    let steps = steps(team, cal);
    let mut line = Line { level: team.people.unwrap_or(Fixed::ZERO).ratio(), slope: Ratio::ZERO };
    let mut next = 0;
    let apply = |upto: i64, line: &mut Line, next: &mut usize| {
        while let Some(s) = steps.get(*next).filter(|s| s.day <= upto) {
            line.level = line.level.plus(&s.level);
            line.slope = line.slope.plus(&s.slope);
            *next += 1;
        }
    };
    cal.iterations
        .iter()
        .zip(lent)
        .map(|(it, lent)| {
            let (a, b) = ((it.start - cal.start).num_days(), (it.end - cal.start).num_days());
            apply(a, &mut line, &mut next);
            let mut total = Ratio::ZERO;
            let mut from = a;
            while let Some(day) = steps.get(next).map(|s| s.day).filter(|&d| d <= b) {
                total = total.plus(&person_days(days, from, day - 1, &line, lent));
                apply(day, &mut line, &mut next);
                from = day;
            }
            total.plus(&person_days(days, from, b, &line, lent))
        })
        .collect()
}

/// Capacity of a team in one iteration (before overrides and load) from its person-days:
/// (capacity, person-days, source).
fn computed(
    plan: &Plan,
    cal: &Calendar,
    team: &Team,
    working_days: i64,
    person_days: Ratio,
    extra: Ratio,
) -> (Ratio, Ratio, Source) {
    if let Some(fixed) = team.fixed {
        return (fixed.ratio().plus(&extra), Ratio::ZERO, Source::Fixed);
    }
    let net = pct(team.focus).times(&Ratio::int(1).minus(&pct(team.reserve)));
    match (plan.settings.unit, team.velocity) {
        (Unit::Points, Some(v)) => {
            let nominal = Ratio::int(i64::from(cal.nominal_days.max(1)));
            let per_person_day = match team.people.filter(|p| p.is_positive()) {
                Some(p) => v.ratio().over(&p.ratio().times(&nominal)),
                None => v.ratio().over(&nominal),
            };
            let basis = if team.people.is_some_and(Fixed::is_positive) {
                person_days.clone()
            } else {
                Ratio::int(working_days)
            };
            (basis.times(&per_person_day), person_days, Source::Velocity)
        }
        _ => (person_days.times(&net).times(&points_factor(plan, team)), person_days, Source::People),
    }
}

/// Capacity of every team in every iteration of the calendar.
///
/// ```
/// use haalbaar::Fixed;
/// use haalbaar::calendar::Calendar;
///
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  commit PI2\n}\n";
/// let checked = haalbaar::check(source);
/// let cal = Calendar::new(&checked.plan.settings).expect("a calendar");
/// let table = haalbaar::capacity::capacity(&checked.plan, &cal);
/// // The same table the check made.
/// assert_eq!(Some(&table), checked.capacity.as_ref());
/// assert_eq!(table.teams[0].iterations[0].capacity, Fixed::from_int(30));
/// ```
pub fn capacity(plan: &Plan, cal: &Calendar) -> CapacityTable {
    let load = pct(plan.settings.load);
    let days = WorkingDays::new(cal);
    let lends: Vec<Vec<Lent>> = plan.teams.iter().map(|t| Lent::of(cal, t)).collect();
    // The teams that lend to each team, in plan order (found once, not per iteration).
    let mut lenders: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    for (k, other) in plan.teams.iter().enumerate() {
        let mut to: Vec<&str> = other.lends.iter().map(|l| l.to.id.as_str()).collect();
        to.sort_unstable();
        to.dedup();
        for id in to {
            lenders.entry(id).or_default().push(k);
        }
    }
    let teams = plan
        .teams
        .iter()
        .enumerate()
        .map(|(k, team)| {
            let incoming: Vec<(&Team, &[Lent])> = lenders
                .get(team.id.as_str())
                .map_or(&[][..], Vec::as_slice)
                .iter()
                .map(|&o| (&plan.teams[o], lends[o].as_slice()))
                .collect();
            let lent: Vec<(Ratio, Ratio)> =
                cal.iterations.iter().map(|it| lending(plan, team, &incoming, &lends[k], it)).collect();
            let people: Vec<Ratio> = lent.iter().map(|(p, _)| p.clone()).collect();
            // A team with holidays of its own works fewer days than the calendar's.
            let own = WorkingDays::of_team(cal, team);
            let team_days = own.as_ref().unwrap_or(&days);
            let person_days = if team.fixed.is_none() {
                person_days_per_iteration(cal, team_days, team, &people)
            } else {
                vec![Ratio::ZERO; cal.iterations.len()]
            };
            let mut cells: Vec<Cell> = cal
                .iterations
                .iter()
                .zip(person_days)
                .zip(lent)
                .map(|((it, pd), (_, extra))| {
                    if it.ip {
                        return Cell {
                            capacity: Fixed::ZERO,
                            plannable: Fixed::ZERO,
                            fte: None,
                            source: Source::Innovation,
                            adjustment: Fixed::ZERO,
                            past: Fixed::ZERO,
                        };
                    }
                    let (a, b) = ((it.start - cal.start).num_days(), (it.end - cal.start).num_days());
                    let working = team_days.between(a, b).0;
                    let (mut cap, person_days, source) = computed(plan, cal, team, working, pd, extra);
                    // A fixed capacity (or one per working day) shrinks with the days the team
                    // does not work.
                    if own.is_some() && source == Source::Fixed && it.working_days > 0 {
                        cap = cap.times(&Ratio::int(working)).over(&Ratio::int(i64::from(it.working_days)));
                    }
                    let fte = (source != Source::Fixed && working > 0)
                        .then(|| person_days.over(&Ratio::int(working)).to_fixed());
                    Cell {
                        capacity: cap.to_fixed(),
                        plannable: cap.times(&load).to_fixed(),
                        fte,
                        source,
                        adjustment: Fixed::ZERO,
                        past: Fixed::ZERO,
                    }
                })
                .collect();
            apply_overrides(team, cal, &load, &mut cells);
            apply_adjustments(team, cal, plan.settings.load, &mut cells);
            if let Some(status) = &cal.status {
                for (t, cell) in cells.iter_mut().enumerate() {
                    let planned = cell.plannable;
                    cell.plannable = status.cut(t, planned);
                    cell.past = planned - cell.plannable;
                }
            }
            TeamCapacity { team: team.id.clone(), iterations: cells }
        })
        .collect();
    CapacityTable { teams }
}

/// `capacity PIx.y N` sets one iteration; `capacity PIx N` is the PI's total, spread evenly
/// (to the thousandth, remainder to the first iterations) over its planned iterations that
/// have no override of their own.
fn apply_overrides(team: &Team, cal: &Calendar, load: &Ratio, cells: &mut [Cell]) {
    let set = |cell: &mut Cell, amount: Fixed, source: Source| {
        cell.capacity = amount;
        cell.plannable = amount.ratio().times(load).to_fixed();
        cell.source = source;
        cell.fte = None;
    };
    for o in team.overrides.iter().filter(|o| o.iteration.is_none()) {
        let per = cal.per_pi as usize;
        let first = (o.pi.saturating_sub(1) as usize).saturating_mul(per);
        let own: Vec<usize> = (first..first.saturating_add(per))
            .filter(|i| {
                let number = (i - first) as u32 + 1;
                number <= cal.per_pi - cal.innovation
                    && !team.overrides.iter().any(|x| x.pi == o.pi && x.iteration == Some(number))
            })
            .collect();
        if own.is_empty() {
            continue;
        }
        let n = own.len() as i64;
        let base = o.amount.millis() / n;
        let mut rest = o.amount.millis() - base * n;
        for i in own {
            let extra = if rest > 0 {
                rest -= 1;
                1
            } else {
                0
            };
            if let Some(cell) = cells.get_mut(i) {
                set(cell, Fixed::from_millis(base + extra), Source::PiOverride);
            }
        }
    }
    for o in &team.overrides {
        if let Some(k) = o.iteration {
            let i = (o.pi.saturating_sub(1) as usize)
                .saturating_mul(cal.per_pi as usize)
                .saturating_add(k.saturating_sub(1) as usize);
            if let Some(cell) = cells.get_mut(i) {
                set(cell, o.amount, Source::IterationOverride);
            }
        }
    }
}

/// The planned iterations of PI `pi` that have no `capacity PIx.y N` override of their own
/// (what `capacity PIx N` and `capacity PIx +N` spread over).
pub(crate) fn spread_over(team: &Team, cal: &Calendar, pi: u32) -> Vec<usize> {
    let per = cal.per_pi as usize;
    let first = (pi.saturating_sub(1) as usize).saturating_mul(per);
    (first..first.saturating_add(per))
        .filter(|i| {
            let number = (i - first) as u32 + 1;
            number <= cal.per_pi - cal.innovation
                && !team.overrides.iter().any(|x| x.pi == pi && x.iteration == Some(number))
        })
        .collect()
}

/// `capacity PIx.y +N` adds N to one iteration (an IP iteration too); `capacity PIx +N`
/// spreads N like `capacity PIx N` does. Both after lending and overrides; `load` scales them
/// (the plannable figure grows by N × load, rounded once).
fn apply_adjustments(team: &Team, cal: &Calendar, load: Fixed, cells: &mut [Cell]) {
    let mut add = |i: usize, millis: i64| {
        if let Some(cell) = cells.get_mut(i) {
            let delta = Fixed::from_millis(millis);
            cell.capacity += delta;
            cell.plannable += plannable_of(delta, load);
            cell.adjustment += delta;
        }
    };
    for a in &team.adjustments {
        match a.iteration {
            Some(k) => {
                let i = (a.pi.saturating_sub(1) as usize)
                    .saturating_mul(cal.per_pi as usize)
                    .saturating_add(k.saturating_sub(1) as usize);
                add(i, a.delta.millis());
            }
            None => {
                for (i, share) in shares(&spread_over(team, cal, a.pi), a.delta.millis()) {
                    add(i, share);
                }
            }
        }
    }
}

/// How `capacity PIx +N` spreads `millis` over the iterations `over`: evenly to the
/// thousandth, the remainder to the first ones.
pub(crate) fn shares(over: &[usize], millis: i64) -> impl Iterator<Item = (usize, i64)> + '_ {
    let n = (over.len() as i64).max(1);
    let base = millis / n;
    let mut rest = millis - base * n;
    over.iter().map(move |&i| {
        let extra = rest.signum();
        rest -= extra;
        (i, base + extra)
    })
}

/// The most work `item` may get in iteration `it` by its `max`, if it has one. `None` also
/// when a cap in people has no meaning for the team (reported as E0406).
///
/// ```
/// use haalbaar::capacity::item_cap;
///
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  max 2 people\n}\n";
/// # let checked = haalbaar::check(source);
/// # let cal = checked.calendar.as_ref().expect("a calendar");
/// # let table = checked.capacity.as_ref().expect("capacity");
/// let login = checked.plan.item("login").expect("the item");
/// // `max 2 people`: 2 × 10 working days × the team's focus of 75%.
/// assert_eq!(item_cap(&checked.plan, cal, login, &cal.iterations[0]), Some(haalbaar::Fixed::from_int(15)));
/// ```
pub fn item_cap(plan: &Plan, cal: &Calendar, item: &Item, it: &Iteration) -> Option<Fixed> {
    match item.max.as_ref()?.value {
        Max::PerIteration(v) => Some(cal.status.map_or(v, |s| s.cut(it.index, v))),
        Max::People(_) => item_cap_in(plan, cal, item, plan.team(&item.team.as_ref()?.id)?, it),
    }
}

/// [`item_cap`] in every iteration of the calendar, for an item of `team`. A cap in people
/// depends on the iteration only through its working days, so it is worked out once per
/// number of working days.
///
/// ```
/// use haalbaar::capacity::item_caps;
///
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  max 2 people\n}\n";
/// # let checked = haalbaar::check(source);
/// # let cal = checked.calendar.as_ref().expect("a calendar");
/// # let table = checked.capacity.as_ref().expect("capacity");
/// let (login, api) = (checked.plan.item("login").expect("the item"), checked.plan.team("api").expect("the team"));
/// let caps = item_caps(&checked.plan, cal, login, api);
/// assert_eq!(caps.len(), cal.len());
/// // Every iteration has 10 working days: 2 people × 10 × 75% in each.
/// assert!(caps.iter().all(|c| *c == Some(haalbaar::Fixed::from_int(15))));
/// ```
pub fn item_caps(plan: &Plan, cal: &Calendar, item: &Item, team: &Team) -> Vec<Option<Fixed>> {
    let mut seen: Vec<(u32, Option<Fixed>)> = Vec::new();
    cal.iterations
        .iter()
        .map(|it| {
            let cap = match seen.iter().find(|(d, _)| *d == it.working_days) {
                Some((_, cap)) => *cap,
                None => {
                    let cap = uncut_item_cap(plan, cal, item, team, it);
                    seen.push((it.working_days, cap));
                    cap
                }
            };
            cap.map(|c| cal.status.map_or(c, |s| s.cut(it.index, c)))
        })
        .collect()
}

/// [`item_cap`] for an item of `team` (found once by the caller, not per iteration).
///
/// ```
/// use haalbaar::capacity::item_cap_in;
///
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  max 2 people\n}\n";
/// # let checked = haalbaar::check(source);
/// # let cal = checked.calendar.as_ref().expect("a calendar");
/// # let table = checked.capacity.as_ref().expect("capacity");
/// let (login, api) = (checked.plan.item("login").expect("the item"), checked.plan.team("api").expect("the team"));
/// let cap = item_cap_in(&checked.plan, cal, login, api, &cal.iterations[1]);
/// assert_eq!(cap, Some(haalbaar::Fixed::from_int(15)));
/// ```
pub fn item_cap_in(plan: &Plan, cal: &Calendar, item: &Item, team: &Team, it: &Iteration) -> Option<Fixed> {
    let cap = uncut_item_cap(plan, cal, item, team, it)?;
    Some(cal.status.map_or(cap, |s| s.cut(it.index, cap)))
}

/// [`item_cap_in`] before the status date's cut.
fn uncut_item_cap(plan: &Plan, cal: &Calendar, item: &Item, team: &Team, it: &Iteration) -> Option<Fixed> {
    let max = item.max.as_ref()?;
    match max.value {
        Max::PerIteration(v) => Some(v),
        Max::People(n) => {
            let days = Ratio::int(i64::from(it.working_days));
            let cap = match (plan.settings.unit, team.velocity) {
                (Unit::Points, _) if team.fixed.is_some() => return None,
                (Unit::Points, Some(v)) => {
                    let p = team.people.filter(|p| p.is_positive())?;
                    n.ratio()
                        .times(&v.ratio())
                        .times(&days)
                        .over(&p.ratio().times(&Ratio::int(i64::from(cal.nominal_days.max(1)))))
                }
                _ => n.ratio().times(&days).times(&pct(team.focus)).times(&points_factor(plan, team)),
            };
            Some(cap.to_fixed())
        }
    }
}

/// Whether `max N people` can be turned into the plan's unit for this team.
///
/// ```
/// use haalbaar::capacity::people_cap_has_meaning;
///
/// let days = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  capacity 20 per iteration\n}\n";
/// let plan = haalbaar::check(days).plan;
/// assert!(people_cap_has_meaning(&plan, plan.team("api").expect("the team")));
/// // In points, a team with a fixed capacity has no people to count.
/// let points = days.replace("horizon 6 months", "horizon 6 months\n  unit points");
/// let plan = haalbaar::check(&points).plan;
/// assert!(!people_cap_has_meaning(&plan, plan.team("api").expect("the team")));
/// ```
pub fn people_cap_has_meaning(plan: &Plan, team: &Team) -> bool {
    match plan.settings.unit {
        Unit::Days => true,
        Unit::Points => {
            team.fixed.is_none() && (team.velocity.is_none() || team.people.is_some_and(Fixed::is_positive))
        }
    }
}
