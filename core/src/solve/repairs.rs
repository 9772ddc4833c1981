//! Repairs: for each commitment the walk does not meet, changes that make it met, each
//! verified by deciding again (or by walking the changed plan again where an earlier
//! commitment could change status). The deadline repair needs no decision: it is the
//! commitment's late finish, which the walk found exactly.

use super::Requirement;
use super::allowance::{
    DECISION_COST, EXTRA_DECISIONS, EXTRA_LEFT, LATE_LEFT, LATE_SHARE, SHRINK_LEFT, WALK_LEFT, extra_left, pay,
    search_share, spend, walk_allowance,
};
use super::conflict::TEAMS;
use super::evidence::Evidence;
use super::late::slip;
use super::problem::Problem;
use super::rank::{Lateness, Repair, Status};
use super::walk::{Step, Unmet, walk};

/// At most this many competitors are tried as defer repairs.
const MAX_DEFERS: usize = 5;

/// The repairs of every commitment the walk does not meet, from the walk's steps in rank
/// order, and how their decisions were reached. Its allowance is its own and set here, so it
/// finds the same on any thread.
pub(super) fn explain(
    p: &Problem,
    steps: impl IntoIterator<Item = Step>,
    budget: u64,
    scale: usize,
) -> (Vec<(usize, Vec<Repair>)>, super::Stats) {
    super::allow_search(0);
    EXTRA_LEFT.with(|l| l.set(EXTRA_DECISIONS));
    SHRINK_LEFT.with(|l| l.set(0));
    DECISION_COST.with(|c| c.set(scale.max(p.jobs.len()).max(1) as u64));
    TEAMS.with(|cache| cache.borrow_mut().clear());
    // The problem as the walk has it at each step (placements it let slip), and the
    // commitments it keeps above, each with the deadline it keeps them by.
    let mut rq = p.clone();
    let mut before: Vec<(usize, usize)> = Vec::new();
    let mut found = Vec::new();
    // Whether an earlier commitment is not met: only then can a change that relaxes the plan
    // change an earlier one's status or finish and so what this one must fit with.
    let mut flips = false;
    for step in steps {
        match step {
            Step::Met(c) => before.push((c, p.commitments[c].deadline)),
            Step::Unmet(u) => {
                found.push((u.c, repairs(p, &rq, &before, &u, flips, budget)));
                flips = true;
                if u.slipped {
                    slip(&mut rq, u.c);
                }
                if let Some(d) = u.kept {
                    before.push((u.c, d));
                }
            }
        }
    }
    (found, super::take_stats())
}

/// At most this many iterations are tried for a capacity repair, and this many items for a
/// scope repair.
const MAX_PLACES: usize = 6;
const MAX_SCOPE_ITEMS: usize = 3;
/// At most this many items (the largest) share the cut of a chain scope repair.
const MAX_CHAIN_SCOPE_ITEMS: usize = 12;

/// One whole unit of the plan, in thousandths.
const UNIT: i64 = 1000;

/// A change a repair makes, in the problem's own numbering.
#[derive(Debug, Clone)]
pub(super) enum Change {
    /// Plannable capacity added: (team, iteration, thousandths).
    Capacity(Vec<(usize, usize, i64)>),
    /// Each job's effort lowered by this much.
    Effort(Vec<(usize, i64)>),
    /// Each job no longer waits for its predecessor.
    Unlink(Vec<(usize, usize)>),
    /// The commitment's deadline moved.
    Deadline(usize, usize),
}

/// The change repair `r` of commitment `c` makes.
pub(super) fn change_of(p: &Problem, c: usize, r: &Repair) -> Change {
    match r {
        Repair::Deadline { iteration } => Change::Deadline(c, *iteration),
        Repair::Capacity { team, iteration, amount } => iteration_capacity(p, *team, *iteration, *amount),
        Repair::PiCapacity { team, pi, amount } => pi_capacity(p, *team, *pi, *amount),
        Repair::Defer { commitment, to } => Change::Deadline(*commitment, *to),
        Repair::Scope { job, by } => Change::Effort(vec![(*job, *by)]),
        Repair::ChainScope { cuts } => Change::Effort(cuts.clone()),
        Repair::Dependency { links } => Change::Unlink(links.clone()),
    }
}

/// Makes `change` in `q`.
pub(super) fn apply(q: &mut Problem, change: &Change) {
    match change {
        Change::Capacity(adds) => {
            let cap = std::sync::Arc::make_mut(&mut q.team_cap);
            for &(team, t, amount) in adds {
                // Before the status date nothing is planned; in its iteration, the share left.
                let amount = q.status.map_or(amount, |s| s.cut_millis(t, amount));
                if let Some(c) = cap.get_mut(team).and_then(|row| row.get_mut(t)) {
                    *c = (*c + amount).max(0);
                }
            }
        }
        Change::Effort(cuts) => {
            let jobs = std::sync::Arc::make_mut(&mut q.jobs);
            for &(j, by) in cuts {
                jobs[j].effort = (jobs[j].effort - by).max(0);
            }
        }
        Change::Unlink(links) => {
            let jobs = std::sync::Arc::make_mut(&mut q.jobs);
            for &(j, pred) in links {
                jobs[j].preds.retain(|(x, _)| *x != pred);
                jobs[pred].succs.retain(|(x, _)| *x != j);
            }
            // The order the heuristics go through the jobs in is the one the plan without
            // those links gets when read, so the walks here are the check of the changed file.
            if let Some(topo) = super::problem::topological(&q.jobs) {
                q.topo_pos = super::problem::positions(&topo).into();
                q.topo = topo.into();
            }
        }
        Change::Deadline(c, d) => std::sync::Arc::make_mut(&mut q.commitments)[*c].deadline = *d,
    }
}

/// Repairs for commitment `u.c`, each verified by solving again. `p`: the plan's problem;
/// `rq`: as the walk has it at `c`; `before`: the commitments kept above it, with the
/// deadlines they are kept by.
fn repairs(p: &Problem, rq: &Problem, before: &[(usize, usize)], u: &Unmet, flips: bool, budget: u64) -> Vec<Repair> {
    let c = u.c;
    let mut out = Vec::new();
    // 1. The earliest deadline it can be met by is its late finish, which the walk found
    //    exactly: with that deadline the walk up to it is the same and it fits there. A hard
    //    commitment is fixed by law or contract: never suggest moving it. An `in PI`
    //    placement is not a deadline: it is not moved this way.
    if let Some(Lateness::At(d)) = u.late
        && !p.commitments[c].hard
        && p.commitments[c].slip.is_none()
        && u.status != Status::Unknown
    {
        out.push(Repair::Deadline { iteration: d });
    }
    // Every other repair is verified by deciding again; with the allowance spent, none can be.
    if !extra_left() {
        return out;
    }
    // The commitments before `c` and `c`, restricted once for every trial below.
    let base = std::cell::RefCell::new(None::<Trial>);
    // One decision on that trial: see [`Trial::decide`].
    let decide = |due: Option<(usize, usize)>, change: Option<&Change>| {
        let mut base = base.borrow_mut();
        let trial = base.get_or_insert_with(|| {
            let mut rs: Vec<Requirement> = before
                .iter()
                .map(|&(m, d)| Requirement { jobs: rq.commitments[m].jobs.iter().copied().collect(), deadline: d })
                .collect();
            rs.push(super::req(p, c));
            Trial::new(rq, &rs, before.len())
        });
        trial.decide(due, change, budget)
    };
    let together = |due: Option<(usize, usize)>, change: Option<&Change>| decide(due, change) == Some(true);
    // Whether the check of the plan with `change` meets `c`: `Some` only when that is certain
    // (a schedule, or a proof that none exists, else the check's own walk), `None` when the
    // allowance is spent. A least amount rests on these: one less must be proved not to do.
    let probe = |change: &Change| -> Option<bool> {
        if !extra_left() {
            return None;
        }
        if !flips
            && u.whole
            && let Some(known) = decide(None, Some(change))
        {
            return Some(known);
        }
        if !spend(c as u64 + 1) {
            return None;
        }
        let mut q = p.clone();
        apply(&mut q, change);
        Some(met_when_walked(&q, c, budget))
    };
    let works = |change: &Change| probe(change) == Some(true);
    let last = p.iterations.saturating_sub(1);
    // 2. Capacity: the least whole amount in one iteration.
    if let Some((team, t, n)) = capacity_repair(p, u, flips, &probe) {
        out.push(Repair::Capacity { team, iteration: t, amount: n });
    }
    // Where the capacity repair goes in the list: the one over a PI follows the one in an
    // iteration, but is looked for last, when the other kinds have had their allowance.
    let pi_at = out.len();
    // 3. Scope: the least whole amount off one item's effort.
    let items: Vec<usize> = match &u.evidence {
        Some(Evidence::Chain { links, .. }) => links.iter().map(|l| l.job).collect(),
        Some(Evidence::Window { shares, .. }) => shares.iter().map(|s| s.job).collect(),
        _ => Vec::new(),
    };
    // Only its own work and what it waits for: cutting a competitor's scope is a decision
    // about that commitment, not this one.
    let own = p.closure(&p.commitments[c].jobs, |_| false);
    let mut by_effort: Vec<usize> = items.into_iter().filter(|j| own.contains(j)).collect();
    by_effort.sort_by_key(|&j| (std::cmp::Reverse(p.jobs[j].effort), j));
    by_effort.dedup();
    // The rest of its own work, largest first: what holds it up may not be in the argument
    // (an item it waits for on a team the argument is not about, say).
    let mut rest: Vec<usize> = own.iter().copied().filter(|j| !by_effort.contains(j)).collect();
    rest.sort_by_key(|&j| (std::cmp::Reverse(p.jobs[j].effort), j));
    let mut scoped = false;
    for &j in by_effort.iter().take(MAX_SCOPE_ITEMS).chain(rest.iter().take(MAX_SCOPE_ITEMS)) {
        let units = p.jobs[j].effort / UNIT;
        if units < 2 {
            continue;
        }
        // Keep at least one unit of the item; the least cut that works, by bisection.
        if !works(&Change::Effort(vec![(j, (units - 1) * UNIT)])) {
            continue;
        }
        let (mut fails, mut ok) = (0, units - 1);
        let mut certain = true;
        while ok - fails > 1 {
            let mid = (fails + ok) / 2;
            match probe(&Change::Effort(vec![(j, mid * UNIT)])) {
                Some(true) => ok = mid,
                Some(false) => fails = mid,
                None => {
                    certain = false;
                    break;
                }
            }
        }
        if certain {
            out.push(Repair::Scope { job: j, by: ok * UNIT });
            scoped = true;
            break;
        }
    }
    // 3b. Where no one item's cut does (a chain far too long), several items' cuts together:
    //     see [`chain_scope`].
    //     A chain that ends before the commitment's own items reaches them through more
    //     items: those count too (the jobs between its last link and the commitment).
    let mut along = by_effort.clone();
    if let Some(Evidence::Chain { links, .. }) = &u.evidence
        && let Some(end) = links.last()
    {
        let mut stack = vec![end.job];
        let mut seen = vec![false; p.jobs.len()];
        while let Some(j) = stack.pop() {
            for &(next, _) in &p.jobs[j].succs {
                if own.contains(&next) && !seen[next] {
                    seen[next] = true;
                    stack.push(next);
                    if !along.contains(&next) {
                        along.push(next);
                    }
                }
            }
        }
        along.sort_by_key(|&j| (std::cmp::Reverse(p.jobs[j].effort), j));
    }
    //     Where those are not enough, all of its own work, largest first.
    if !scoped {
        let mut all: Vec<usize> = along.iter().chain(&rest).copied().collect();
        all.sort_by_key(|&j| (std::cmp::Reverse(p.jobs[j].effort), j));
        all.dedup();
        let found = chain_scope(&along, p, &probe).or_else(|| {
            (all.iter().take(MAX_CHAIN_SCOPE_ITEMS).ne(along.iter().take(MAX_CHAIN_SCOPE_ITEMS)))
                .then(|| chain_scope(&all, p, &probe))
                .flatten()
        });
        if let Some(cuts) = found {
            out.push(Repair::ChainScope { cuts });
        }
    }
    // 4. Dependency: a chain too long loses as few of its links as work (one where one
    //    does): links are taken in chain order until it fits, then each is put back where it
    //    still fits without it.
    //    A chain that ends before the commitment's own item (one it waits for cannot finish
    //    in time) may also lose the links of its own items to what they wait for.
    if let Some(Evidence::Chain { links, .. }) = &u.evidence {
        let mut pairs: Vec<(usize, usize)> = links.windows(2).map(|w| (w[1].job, w[0].job)).collect();
        for &j in &p.commitments[c].jobs {
            for &(q, _) in &p.jobs[j].preds {
                if !pairs.contains(&(j, q)) {
                    pairs.push((j, q));
                }
            }
        }
        let single = pairs.iter().find(|&&pair| works(&Change::Unlink(vec![pair])));
        if let Some(&pair) = single {
            out.push(Repair::Dependency { links: vec![pair] });
        } else {
            // All of them, else only its own items' links: freeing the chain can let a
            // commitment above it start earlier and take the capacity it needs.
            let own_links: Vec<(usize, usize)> =
                pairs.iter().copied().filter(|(j, _)| p.commitments[c].jobs.contains(j)).collect();
            let mut sets = vec![pairs.clone()];
            if own_links != pairs {
                sets.push(own_links);
            }
            let found = sets.into_iter().filter(|set| set.len() > 1).find(|set| works(&Change::Unlink(set.clone())));
            if let Some(set) = found {
                let mut keep = set.clone();
                for pair in set.iter().rev() {
                    let without: Vec<(usize, usize)> = keep.iter().copied().filter(|x| x != pair).collect();
                    if !without.is_empty() && works(&Change::Unlink(without.clone())) {
                        keep = without;
                    }
                }
                out.push(Repair::Dependency { links: keep });
            }
        }
    }
    // 5. Defer a commitment it competes with, never a hard one.
    for &m in u.conflicts_with.iter().take(MAX_DEFERS) {
        if p.commitments[m].hard || p.commitments[m].deadline >= last {
            continue;
        }
        let moved = |d: usize| {
            if !extra_left() {
                return false;
            }
            let at = before.iter().position(|&(b, _)| b == m);
            met_when_applied(p, c, flips, budget, &Change::Deadline(m, d), || {
                u.whole && at.is_some_and(|k| together(Some((k, d)), None))
            })
        };
        if moved(last) {
            let (mut lo, mut hi) = (p.commitments[m].deadline + 1, last);
            while lo < hi {
                let mid = (lo + hi) / 2;
                if moved(mid) { hi = mid } else { lo = mid + 1 }
            }
            out.push(Repair::Defer { commitment: m, to: lo });
        }
    }
    // 2b. Capacity over a whole PI.
    if let Some((team, pi, n)) = pi_capacity_repair(p, u, flips, &probe) {
        out.insert(pi_at, Repair::PiCapacity { team, pi, amount: n });
    }
    out
}

/// Where a capacity repair is tried: `(team, iteration)` places in the order tried, the
/// amount to start from, and whether less than that is proved not to do.
type Places = (Vec<(usize, usize)>, i64, bool);

/// The [`Places`] of a capacity repair, from the failing argument. For a capacity argument the iterations of its span, latest first, starting from the least
/// amount that could close the shortfall (when every commitment above is met, less cannot:
/// the argument still holds; otherwise more capacity may move a late one above and so change
/// what this one competes with, and smaller amounts are searched too). For a chain too long,
/// the iterations where its items run, first items first (capacity there lets the next link
/// start earlier).
fn capacity_places(p: &Problem, u: &Unmet, flips: bool) -> Option<Places> {
    let last = p.iterations.saturating_sub(1);
    match &u.evidence {
        Some(Evidence::Window { team, from, to, required, capacity, .. }) => {
            let shortfall = required - capacity;
            // At load 0% added capacity plans nothing: no amount closes the shortfall.
            let load = p.load.millis();
            if load <= 0 {
                return None;
            }
            // The least whole N whose plannable share closes the shortfall: N × load ≥
            // shortfall, from the exact quotient (then up past the rounding of the share).
            let need = (i128::from(shortfall) * 100_000 + i128::from(load) - 1) / i128::from(load);
            let need = i64::try_from(need).ok()?;
            let mut n0 = UNIT.max((need.checked_add(UNIT - 1)? / UNIT).checked_mul(UNIT)?);
            while crate::capacity::plannable_of(crate::fixed::Fixed::from_millis(n0), p.load).millis() < shortfall {
                n0 = n0.checked_add(UNIT)?;
            }
            let places = (*from..=(*to).min(last)).rev().filter(|&t| p.team_cap[*team][t] > 0).map(|t| (*team, t));
            Some((places.take(MAX_PLACES).collect(), n0, !flips))
        }
        Some(Evidence::Chain { links, limit }) => {
            let mut places: Vec<(usize, usize)> = Vec::new();
            for l in links {
                let team = p.jobs[l.job].team;
                let until = l.earliest_finish.unwrap_or(last).min((*limit).min(last));
                for t in l.earliest_start.max(p.jobs[l.job].lo)..=until {
                    if p.team_cap[team][t] > 0 && !places.contains(&(team, t)) {
                        places.push((team, t));
                    }
                }
                if places.len() >= MAX_PLACES {
                    break;
                }
            }
            places.truncate(MAX_PLACES);
            Some((places, UNIT, true))
        }
        _ => None,
    }
}

/// The least whole amount (in the plan's unit, before `load`) that meets the commitment at
/// each of `places` in turn (`change` makes the capacity at a place), up to `limit`; of those,
/// the place needing least. With `start` proved a lower bound (`proved`), less than it cannot
/// do, and the first place that works is taken when `first` says so.
fn least_at<P: Copy>(
    places: impl IntoIterator<Item = P>,
    (start, proved): (i64, bool),
    limit: i64,
    first: bool,
    change: impl Fn(P, i64) -> Change,
    probe: &dyn Fn(&Change) -> Option<bool>,
) -> Option<(P, i64)> {
    let floor = if proved && start > UNIT { start - UNIT } else { 0 };
    let mut best: Option<(P, i64)> = None;
    for place in places {
        let limit = best.map_or(limit, |b| b.1 - UNIT);
        if let Some(n) = least(|n| probe(&change(place, n)), start, floor, limit) {
            best = Some((place, n));
            if first {
                break;
            }
        }
    }
    best
}

/// What `capacity PIx.y +N` adds to `team` in iteration `t`, N in thousandths before `load`.
fn iteration_capacity(p: &Problem, team: usize, t: usize, n: i64) -> Change {
    let plannable = crate::capacity::plannable_of(crate::fixed::Fixed::from_millis(n), p.load).millis();
    Change::Capacity(vec![(team, t, plannable)])
}

/// The capacity repair: a team, an iteration and the least whole amount there that meets the
/// commitment, at the places [`capacity_places`] gives. Where the counting argument's bound is
/// proved, the first place that works; else, of the iterations tried, the one needing least.
fn capacity_repair(
    p: &Problem,
    u: &Unmet,
    flips: bool,
    probe: &dyn Fn(&Change) -> Option<bool>,
) -> Option<(usize, usize, i64)> {
    let (places, start, proved) = capacity_places(p, u, flips)?;
    let change = |(team, t): (usize, usize), n| iteration_capacity(p, team, t, n);
    least_at(places, (start, proved), UNIT << 12, proved, change, probe).map(|((team, t), n)| (team, t, n))
}

/// What `capacity PIx +N` adds to `team` (PI `pi`, from 0), N in thousandths before `load`:
/// N spread over the PI's planned iterations as the plan spreads it, each share scaled once.
pub(super) fn pi_capacity(p: &Problem, team: usize, pi: usize, n: i64) -> Change {
    let over = p.spread.get(team).and_then(|t| t.get(pi)).map_or(&[][..], |v| &v[..]);
    Change::Capacity(
        crate::capacity::shares(over, n)
            .filter(|&(t, _)| t < p.iterations)
            .map(|(t, share)| {
                (team, t, crate::capacity::plannable_of(crate::fixed::Fixed::from_millis(share), p.load).millis())
            })
            .collect(),
    )
}

/// The capacity repair over a whole PI (`capacity PIx +N`): for a planner, capacity for a
/// PI (a contractor, a loan) is more often at hand than many people for one iteration. The
/// PIs of the places a one-iteration repair tries, each with the least whole amount; of
/// those, the one needing least (spread or not, less than the shortfall cannot close it).
/// Only PIs spread over more than one iteration in the horizon.
fn pi_capacity_repair(
    p: &Problem,
    u: &Unmet,
    flips: bool,
    probe: &dyn Fn(&Change) -> Option<bool>,
) -> Option<(usize, usize, i64)> {
    let (places, start, proved) = capacity_places(p, u, flips)?;
    let mut pis: Vec<(usize, usize)> = Vec::new();
    for (team, t) in places {
        let Some(pi) = p.spread.get(team).and_then(|s| s.iter().position(|over| over.contains(&t))) else {
            continue;
        };
        if !pis.contains(&(team, pi)) && p.spread[team][pi].iter().filter(|&&i| i < p.iterations).count() > 1 {
            pis.push((team, pi));
        }
    }
    let change = |(team, pi): (usize, usize), n| pi_capacity(p, team, pi, n);
    least_at(pis, (start, proved), UNIT << 13, false, change, probe).map(|((team, pi), n)| (team, pi, n))
}

/// Cuts of several items' efforts that together meet the commitment, for the items `items`
/// (largest effort first), each keeping at least one unit: `None` when even every one cut to
/// one unit does not. The smaller items are settled first, each by the least cut that works
/// with every larger one cut as far as it goes, so the cuts fall on the largest items and an
/// item that needs none is left out. Every amount is certain: one unit less of an item's cut,
/// with the others as listed, does not meet it.
fn chain_scope(items: &[usize], p: &Problem, probe: &dyn Fn(&Change) -> Option<bool>) -> Option<Vec<(usize, i64)>> {
    let items: Vec<usize> =
        items.iter().copied().filter(|&j| p.jobs[j].effort / UNIT >= 2).take(MAX_CHAIN_SCOPE_ITEMS).collect();
    if items.len() < 2 {
        return None;
    }
    let most = |j: usize| (p.jobs[j].effort / UNIT - 1) * UNIT;
    // Every item cut as far as it goes.
    let mut cuts: Vec<(usize, i64)> = items.iter().map(|&j| (j, most(j))).collect();
    if probe(&Change::Effort(cuts.clone())) != Some(true) {
        return None;
    }
    // The least cut of item `k` with the others as they are in `cuts`, at most its current.
    let settle = |cuts: &[(usize, i64)], k: usize| -> Option<i64> {
        let (j, top) = cuts[k];
        let with = |by: i64| {
            let mut c = cuts.to_vec();
            c[k] = (j, by);
            Change::Effort(c)
        };
        let (mut fails, mut ok) = (-UNIT, top);
        match probe(&with(0))? {
            true => ok = 0,
            false => fails = 0,
        }
        while ok - fails > UNIT {
            let mid = ((fails + ok) / 2 / UNIT * UNIT).max(fails + UNIT);
            match probe(&with(mid))? {
                true => ok = mid,
                false => fails = mid,
            }
        }
        Some(ok)
    };
    // Smallest first: the least cut of each, with the larger ones (later in `cuts` reversed)
    // still cut as far as they go and the smaller ones settled.
    for k in (0..cuts.len()).rev() {
        cuts[k].1 = settle(&cuts, k)?;
    }
    // Less cut off a larger item can make a smaller one's cut more than it needs (what the
    // items above it do changes too, so less is not always harder): each cut is checked with
    // the others final, and settled again until one unit less off any of them does not do.
    for _ in 0..CHAIN_SCOPE_PASSES {
        let mut changed = false;
        for k in 0..cuts.len() {
            if cuts[k].1 == 0 {
                continue;
            }
            let mut less = cuts.clone();
            less[k].1 -= UNIT;
            if probe(&Change::Effort(less))? {
                cuts[k].1 = settle(&cuts, k)?;
                changed = true;
            }
        }
        if !changed {
            cuts.retain(|&(_, by)| by > 0);
            return Some(cuts);
        }
    }
    None
}

/// Rounds of checking a chain scope repair's cuts against each other before giving up on it.
const CHAIN_SCOPE_PASSES: usize = 3;

/// The least whole amount `n` (thousandths, a multiple of [`UNIT`], at most `limit`) for which
/// `works(n)` is `Some(true)`, such that `n − UNIT` is proved not to do (`Some(false)`, or
/// `floor`, an amount known not to do). Tries `limit` first, then grows from `start` by
/// doubling, then bisects. `None` when none is found or an answer on the way is not certain.
fn least(works: impl Fn(i64) -> Option<bool>, start: i64, floor: i64, limit: i64) -> Option<i64> {
    // Where even the most does not do (a chain held up by `max` caps, say), one probe says so
    // instead of a dozen on the way up.
    if limit >= start.max(floor + UNIT) && !works(limit / UNIT * UNIT)? {
        return None;
    }
    let (mut fails, mut n) = (floor, start.max(floor + UNIT));
    loop {
        if n > limit {
            return None;
        }
        match works(n)? {
            true => break,
            false => {
                fails = n;
                n = n.saturating_mul(2);
            }
        }
    }
    while n - fails > UNIT {
        let mid = ((fails + n) / 2 / UNIT * UNIT).max(fails + UNIT);
        match works(mid)? {
            true => n = mid,
            false => fails = mid,
        }
    }
    Some(n)
}

/// Whether commitment `c` is met in the changed problem `q` once the walk reaches it. When
/// every commitment before `c` was met (`flips` is false), the change only relaxes them, so
/// they stay met and the walk reaches `c` with exactly `before`: one decision answers it.
/// Otherwise an earlier unmet one might now be met and compete, so the walk is redone.
/// `change` makes the changed problem from `p`; `decide` is that one decision (on a
/// [`Trial`], and only where the walk could take a whole-plan decision at `c`: see
/// [`Unmet::whole`]).
fn met_when_applied(
    p: &Problem,
    c: usize,
    flips: bool,
    budget: u64,
    change: &Change,
    decide: impl FnOnce() -> bool,
) -> bool {
    if !flips {
        // The commitments before `c` fit in `p`, and the change only relaxes them.
        return decide();
    }
    if !spend(c as u64 + 1) {
        return false;
    }
    let mut q = p.clone();
    apply(&mut q, change);
    met_when_walked(&q, c, budget)
}

/// Repair decisions on one set of requirements, on the jobs they need only, restricted once:
/// a trial changes deadlines, capacity, an effort or a link, never which jobs are in it.
struct Trial {
    r: super::Restricted,
    /// How many requirements at the front are known to fit (see [`super::decide_from`]).
    known: usize,
}

impl Trial {
    fn new(p: &Problem, rs: &[Requirement], known: usize) -> Trial {
        Trial { r: super::restricted(p, rs), known }
    }

    /// `change` in the restricted problem's numbering (`None` when it touches nothing there,
    /// or a deadline, which trials move through `due`).
    fn local(&self, change: &Change) -> Option<Change> {
        let job = |j: usize| self.r.jobs.binary_search(&j).ok();
        match change {
            Change::Capacity(adds) => Some(Change::Capacity(
                adds.iter()
                    .filter_map(|&(team, t, a)| self.r.teams.binary_search(&team).ok().map(|k| (k, t, a)))
                    .collect(),
            )),
            Change::Effort(cuts) => {
                Some(Change::Effort(cuts.iter().filter_map(|&(j, by)| Some((job(j)?, by))).collect()))
            }
            Change::Unlink(links) => {
                Some(Change::Unlink(links.iter().filter_map(|&(j, q)| Some((job(j)?, job(q)?))).collect()))
            }
            Change::Deadline(..) => None,
        }
    }

    /// Whether one schedule meets the requirements with requirement `k` due by `d` (`due`)
    /// and `change` made: `Some(true)` with a schedule, `Some(false)` with a proof that none
    /// exists, `None` when undecided or the repairs' allowance is spent.
    fn decide(&mut self, due: Option<(usize, usize)>, change: Option<&Change>, budget: u64) -> Option<bool> {
        if !pay(&EXTRA_LEFT, self.r.jobs.len()) {
            return None;
        }
        let was = due.map(|(k, d)| (k, std::mem::replace(&mut self.r.reqs[k].deadline, d)));
        let changed = change.and_then(|ch| self.local(ch)).map(|ch| {
            let mut q = self.r.problem.clone();
            apply(&mut q, &ch);
            q
        });
        let problem = changed.as_ref().unwrap_or(&self.r.problem);
        let known = (self.known > 0).then(|| &self.r.reqs[..self.known.min(self.r.reqs.len())]);
        let answer = match super::decide_from(problem, &self.r.reqs, budget, known) {
            super::Outcome::Fits(_) => Some(true),
            super::Outcome::Fails(_) => Some(false),
            super::Outcome::Unknown => None,
        };
        if let Some((k, d)) = was {
            self.r.reqs[k].deadline = d;
        }
        answer
    }
}

/// Whether commitment `c` is met when the walk reaches it: the walk of a check of `p`, with
/// the same allowances (the repairs' own are set aside meanwhile), so the answer is the
/// check's. Conflict sets are left out: they change no status.
fn met_when_walked(p: &Problem, c: usize, budget: u64) -> bool {
    let saved = (
        super::search_left(),
        WALK_LEFT.with(std::cell::Cell::get),
        SHRINK_LEFT.with(std::cell::Cell::get),
        LATE_LEFT.with(std::cell::Cell::get),
    );
    let scale = DECISION_COST.with(std::cell::Cell::get) as usize;
    super::allow_search(search_share(budget, p.jobs.len(), scale));
    WALK_LEFT.with(|l| l.set(walk_allowance(budget)));
    LATE_LEFT.with(|l| l.set(walk_allowance(budget) / LATE_SHARE));
    SHRINK_LEFT.with(|l| l.set(0));
    // The teams each commitment needs may differ in the changed plan (a link removed): the
    // cache is the changed plan's meanwhile, and the plan's again after.
    TEAMS.with(|cache| cache.borrow_mut().clear());
    let walked = walk(p, c, budget, &mut |_| {});
    TEAMS.with(|cache| cache.borrow_mut().clear());
    super::allow_search(saved.0);
    WALK_LEFT.with(|l| l.set(saved.1));
    SHRINK_LEFT.with(|l| l.set(saved.2));
    LATE_LEFT.with(|l| l.set(saved.3));
    walked.walked.get(c).is_some_and(|w| w.status == Status::Met)
}

/// Adds `amount` (thousandths of plannable capacity) to `team` in iteration `t`: what a
/// capacity repair's `capacity PIx.y +N` adds (N × load).
pub fn add_capacity(p: &mut Problem, team: usize, t: usize, amount: i64) {
    apply(p, &Change::Capacity(vec![(team, t, amount)]));
}

/// Adds `amount` (thousandths of the plan's unit, before `load`) to `team` over PI `pi` (from
/// 0): what a repair's `capacity PIx +N` adds, spread as the plan spreads it.
pub fn add_pi_capacity(p: &mut Problem, team: usize, pi: usize, amount: i64) {
    let change = pi_capacity(p, team, pi, amount);
    apply(p, &change);
}
