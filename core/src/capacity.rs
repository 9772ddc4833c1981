//! Capacity per team per iteration, exactly as the language reference defines it: people,
//! focus and reserve over the working days, hires weighted by their ramp, leavers, lending,
//! points and velocity, fixed capacities, overrides, and `load` on top.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::calendar::{Calendar, Iteration};
use crate::fixed::{Fixed, Ratio};
use crate::model::{Item, Max, Plan, Team, Unit};

/// Capacity of one team in one iteration.
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    People,
    Velocity,
    Fixed,
    PiOverride,
    IterationOverride,
    Innovation,
}

/// Capacity of one team over the horizon.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TeamCapacity {
    pub team: String,
    pub iterations: Vec<Cell>,
}

impl TeamCapacity {
    /// Total capacity and plannable capacity of PI `pi` (within the horizon).
    pub fn pi_total(&self, cal: &Calendar, pi: u32) -> (Fixed, Fixed) {
        cal.pi_iterations(pi)
            .filter_map(|i| self.iterations.get(i))
            .fold((Fixed::ZERO, Fixed::ZERO), |(c, p), cell| (c + cell.capacity, p + cell.plannable))
    }
    pub fn total_plannable(&self) -> Fixed {
        self.iterations.iter().map(|c| c.plannable).sum()
    }
}

/// Capacity of every team, in plan order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CapacityTable {
    pub teams: Vec<TeamCapacity>,
}

impl CapacityTable {
    pub fn team(&self, id: &str) -> Option<&TeamCapacity> {
        self.teams.iter().find(|t| t.team == id)
    }
    /// [`CapacityTable::team`] for the plan's team at `index` (the table is in plan order, so
    /// this is one comparison, not a search).
    pub fn team_at(&self, index: usize, id: &str) -> Option<&TeamCapacity> {
        self.teams.get(index).filter(|t| t.team == id).or_else(|| self.team(id))
    }
}

/// Productive share of one person on `day` for a hire on `hired` with a ramp of `ramp` days.
fn ramp_weight(day: NaiveDate, hired: NaiveDate, ramp: u32) -> Ratio {
    if day < hired {
        return Ratio::ZERO;
    }
    let since = (day - hired).num_days();
    if ramp == 0 || since >= i64::from(ramp) { Ratio::int(1) } else { Ratio::new(i128::from(since), i128::from(ramp)) }
}

/// People lent out by `team` (negative) and lent in to it (positive) in iteration `it`,
/// as (net people for people-based receivers, extra capacity for fixed-capacity receivers).
fn lending(plan: &Plan, cal: &Calendar, team: &Team, incoming: &[&Team], it: &Iteration) -> (Ratio, Ratio) {
    let mut people = Ratio::ZERO;
    let mut extra = Ratio::ZERO;
    for lend in &team.lends {
        if lend.to.id != team.id && covers(cal, lend, it.index) {
            people = people.plus(lend.count.ratio().times(Ratio::int(-1)));
        }
    }
    for other in incoming {
        if other.id == team.id {
            continue;
        }
        for lend in other.lends.iter().filter(|l| l.to.id == team.id && covers(cal, l, it.index)) {
            if team.fixed.is_some() {
                // A fixed-capacity team has no people to add to: the lender's capacity per
                // person moves instead.
                let per_person = Ratio::int(i64::from(it.working_days))
                    .times(pct(other.focus))
                    .times(Ratio::int(1).plus(pct(other.reserve).times(Ratio::int(-1))))
                    .times(points_factor(plan, other));
                extra = extra.plus(lend.count.ratio().times(per_person));
            } else {
                people = people.plus(lend.count.ratio());
            }
        }
    }
    (people, extra)
}

fn covers(cal: &Calendar, lend: &crate::model::Lend, index: usize) -> bool {
    cal.range(&lend.from, &lend.until).is_ok_and(|r| r.contains(&index))
}

fn pct(p: Fixed) -> Ratio {
    p.ratio().over(Ratio::int(100))
}

/// SAFe normalised points: 8 points per person per 10 working days.
fn points_factor(plan: &Plan, team: &Team) -> Ratio {
    if plan.settings.unit == Unit::Points && team.velocity.is_none() { Ratio::new(8, 10) } else { Ratio::int(1) }
}

/// Effective headcount on a working day, without lending.
fn headcount(team: &Team, day: NaiveDate) -> Ratio {
    let mut h = team.people.unwrap_or(Fixed::ZERO).ratio();
    for hire in &team.hires {
        h = h.plus(hire.count.ratio().times(ramp_weight(day, hire.date, hire.ramp_days)));
    }
    for leave in team.leaves.iter().filter(|l| l.date <= day) {
        h = h.plus(leave.count.ratio().times(Ratio::int(-1)));
    }
    h
}

fn is_working_day(plan: &Plan, cal: &Calendar, day: NaiveDate) -> bool {
    day.weekday().num_days_from_monday() < cal.workweek
        && !plan.settings.holidays.iter().any(|h| h.from <= day && day <= h.to)
}

/// Computed capacity of a people-based team in one iteration (before overrides and load):
/// (capacity, summed effective headcount over working days).
fn computed(plan: &Plan, cal: &Calendar, team: &Team, incoming: &[&Team], it: &Iteration) -> (Ratio, Ratio, Source) {
    let (lent, extra) = lending(plan, cal, team, incoming, it);
    if let Some(fixed) = team.fixed {
        return (fixed.ratio().plus(extra), Ratio::ZERO, Source::Fixed);
    }
    let mut person_days = Ratio::ZERO;
    // Headcount that holds all through the iteration (no hire ramping, no hire or leave
    // inside it): the same sum as day by day, in one product.
    let steady = team.hires.iter().all(|h| {
        h.date > it.end
            || (h.date <= it.start && (h.ramp_days == 0 || (it.start - h.date).num_days() >= i64::from(h.ramp_days)))
    }) && team.leaves.iter().all(|l| l.date <= it.start || l.date > it.end);
    if steady {
        let h = headcount(team, it.start).plus(lent);
        if !h.is_negative() {
            person_days = h.times(Ratio::int(i64::from(it.working_days)));
        }
    }
    let mut day = it.start;
    while !steady && day <= it.end {
        if is_working_day(plan, cal, day) {
            let h = headcount(team, day).plus(lent);
            if !h.is_negative() {
                person_days = person_days.plus(h);
            }
        }
        day = match day.succ_opt() {
            Some(d) => d,
            None => break,
        };
    }
    let net = pct(team.focus).times(Ratio::int(1).plus(pct(team.reserve).times(Ratio::int(-1))));
    match (plan.settings.unit, team.velocity) {
        (Unit::Points, Some(v)) => {
            let nominal = Ratio::int(i64::from(cal.nominal_days.max(1)));
            let per_person_day = match team.people.filter(|p| p.is_positive()) {
                Some(p) => v.ratio().over(p.ratio().times(nominal)),
                None => v.ratio().over(nominal),
            };
            let basis = if team.people.is_some_and(Fixed::is_positive) {
                person_days
            } else {
                Ratio::int(i64::from(it.working_days))
            };
            (basis.times(per_person_day), person_days, Source::Velocity)
        }
        _ => (person_days.times(net).times(points_factor(plan, team)), person_days, Source::People),
    }
}

/// Capacity of every team in every iteration of the calendar.
pub fn capacity(plan: &Plan, cal: &Calendar) -> CapacityTable {
    let load = pct(plan.settings.load);
    // The teams that lend to each team, in plan order (found once, not per iteration).
    let mut lenders: std::collections::HashMap<&str, Vec<&Team>> = std::collections::HashMap::new();
    for other in &plan.teams {
        let mut to: Vec<&str> = other.lends.iter().map(|l| l.to.id.as_str()).collect();
        to.sort_unstable();
        to.dedup();
        for id in to {
            lenders.entry(id).or_default().push(other);
        }
    }
    let teams = plan
        .teams
        .iter()
        .map(|team| {
            let incoming: &[&Team] = lenders.get(team.id.as_str()).map_or(&[], Vec::as_slice);
            let mut cells: Vec<Cell> = cal
                .iterations
                .iter()
                .map(|it| {
                    if it.ip {
                        return Cell {
                            capacity: Fixed::ZERO,
                            plannable: Fixed::ZERO,
                            fte: None,
                            source: Source::Innovation,
                        };
                    }
                    let (cap, person_days, source) = computed(plan, cal, team, incoming, it);
                    let fte = (source != Source::Fixed && it.working_days > 0)
                        .then(|| person_days.over(Ratio::int(i64::from(it.working_days))).to_fixed());
                    Cell { capacity: cap.to_fixed(), plannable: cap.times(load).to_fixed(), fte, source }
                })
                .collect();
            apply_overrides(team, cal, load, &mut cells);
            TeamCapacity { team: team.id.clone(), iterations: cells }
        })
        .collect();
    CapacityTable { teams }
}

/// `capacity PIx.y N` sets one iteration; `capacity PIx N` is the PI's total, spread evenly
/// (to the thousandth, remainder to the first iterations) over its planned iterations that
/// have no override of their own.
fn apply_overrides(team: &Team, cal: &Calendar, load: Ratio, cells: &mut [Cell]) {
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

/// The most work `item` may get in iteration `it` by its `max`, if it has one. `None` also
/// when a cap in people has no meaning for the team (reported as E0406).
pub fn item_cap(plan: &Plan, cal: &Calendar, item: &Item, it: &Iteration) -> Option<Fixed> {
    match item.max.as_ref()?.value {
        Max::PerIteration(v) => Some(v),
        Max::People(_) => item_cap_in(plan, cal, item, plan.team(&item.team.as_ref()?.id)?, it),
    }
}

/// [`item_cap`] in every iteration of the calendar, for an item of `team`. A cap in people
/// depends on the iteration only through its working days, so it is worked out once per
/// number of working days.
pub fn item_caps(plan: &Plan, cal: &Calendar, item: &Item, team: &Team) -> Vec<Option<Fixed>> {
    let mut seen: Vec<(u32, Option<Fixed>)> = Vec::new();
    cal.iterations
        .iter()
        .map(|it| match seen.iter().find(|(d, _)| *d == it.working_days) {
            Some((_, cap)) => *cap,
            None => {
                let cap = item_cap_in(plan, cal, item, team, it);
                seen.push((it.working_days, cap));
                cap
            }
        })
        .collect()
}

/// [`item_cap`] for an item of `team` (found once by the caller, not per iteration).
pub fn item_cap_in(plan: &Plan, cal: &Calendar, item: &Item, team: &Team, it: &Iteration) -> Option<Fixed> {
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
                        .times(v.ratio())
                        .times(days)
                        .over(p.ratio().times(Ratio::int(i64::from(cal.nominal_days.max(1)))))
                }
                _ => n.ratio().times(days).times(pct(team.focus)).times(points_factor(plan, team)),
            };
            Some(cap.to_fixed())
        }
    }
}

/// Whether `max N people` can be turned into the plan's unit for this team.
pub fn people_cap_has_meaning(plan: &Plan, team: &Team) -> bool {
    match plan.settings.unit {
        Unit::Days => true,
        Unit::Points => {
            team.fixed.is_none() && (team.velocity.is_none() || team.people.is_some_and(Fixed::is_positive))
        }
    }
}
