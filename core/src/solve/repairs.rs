//! Repairs: for each commitment the walk does not meet, changes that make it met, each
//! verified by deciding again (or by walking the changed plan again where an earlier
//! commitment could change status). The deadline repair needs no decision: it is the
//! commitment's late finish, which the walk found exactly.

use super::Requirement;
use super::allowance::{
    DECISION_COST, EXTRA_DECISIONS, EXTRA_LEFT, SEARCH_SHARE, SHRINK_LEFT, WALK_LEFT, extra_left, pay, spend,
    walk_allowance,
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
) -> (Vec<(usize, Vec<Repair>)>, super::Stats) {
    super::allow_search(0);
    EXTRA_LEFT.with(|l| l.set(EXTRA_DECISIONS));
    SHRINK_LEFT.with(|l| l.set(0));
    DECISION_COST.with(|c| c.set(p.jobs.len().max(1) as u64));
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

/// Repairs for commitment `u.c`, each verified by solving again. `p`: the plan's problem;
/// `rq`: as the walk has it at `c`; `before`: the commitments kept above it, with the
/// deadlines they are kept by.
fn repairs(p: &Problem, rq: &Problem, before: &[(usize, usize)], u: &Unmet, flips: bool, budget: u64) -> Vec<Repair> {
    let c = u.c;
    let mut out = Vec::new();
    // 1. The earliest deadline it can be met by is its late finish, which the walk found
    //    exactly: with that deadline the walk up to it is the same and it fits there. A hard
    //    commitment is fixed by law or contract: never suggest moving it.
    //    An `in PI` placement is not a deadline: it is not moved this way.
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
    let together = |due: Option<(usize, usize)>, extra: Option<Extra>| {
        let mut base = base.borrow_mut();
        let trial = base.get_or_insert_with(|| {
            let mut rs: Vec<Requirement> = before
                .iter()
                .map(|&(m, d)| Requirement { jobs: rq.commitments[m].jobs.iter().copied().collect(), deadline: d })
                .collect();
            rs.push(super::req(p, c));
            Trial::new(rq, &rs, before.len())
        });
        trial.fits(due, extra, budget)
    };
    let last = p.iterations.saturating_sub(1);
    // 2. Capacity where the counting argument shows the shortfall.
    if let Some(Evidence::Window { team, from, to, required, capacity, .. }) = &u.evidence {
        let mut amount = required - capacity;
        for _ in 0..4 {
            if !extra_left() {
                break;
            }
            let extra = (*team, *from, *to, amount);
            if met_when_applied(
                p,
                c,
                flips,
                budget,
                |q| add_capacity(q, *team, *from, *to, amount),
                || u.whole && together(None, Some(extra)),
            ) {
                out.push(Repair::Capacity { team: *team, from: *from, to: *to, amount });
                break;
            }
            amount *= 2;
        }
    }
    // 2b. A chain too long for its window: more capacity shortens the items whose length
    //     comes from their team's capacity (not from a `max` cap). Teams on the chain are
    //     tried by their share of its effort; the first verified amount is offered.
    if let Some(Evidence::Chain { links, limit }) = &u.evidence {
        let to = (*limit).min(last);
        // Capacity helps a team's chain items only from where the chain lets them start.
        let from_of = |team: usize| {
            links.iter().filter(|l| p.jobs[l.job].team == team).map(|l| l.earliest_start.max(p.jobs[l.job].lo)).min()
        };
        let mut teams: Vec<(usize, i64)> = Vec::new();
        for l in links {
            let job = &p.jobs[l.job];
            match teams.iter_mut().find(|(t, _)| *t == job.team) {
                Some((_, e)) => *e += job.effort,
                None => teams.push((job.team, job.effort)),
            }
        }
        teams.sort_by_key(|&(t, e)| (std::cmp::Reverse(e), t));
        let works = |team: usize, amount: i64| {
            if !extra_left() {
                return false;
            }
            let from = from_of(team).unwrap_or(0).min(to);
            met_when_applied(
                p,
                c,
                flips,
                budget,
                |q| add_capacity(q, team, from, to, amount),
                || u.whole && together(None, Some((team, from, to, amount))),
            )
        };
        'teams: for &(team, effort) in teams.iter().take(3) {
            let (mut fails, mut amount) = (0, (effort / 2).max(1000));
            for _ in 0..4 {
                if works(team, amount) {
                    // Narrow to the least whole unit that still works (a few more solves).
                    let mut hi = amount;
                    for _ in 0..6 {
                        let mid = (fails + hi) / 2 / 1000 * 1000;
                        if mid <= fails || mid >= hi {
                            break;
                        }
                        if works(team, mid) { hi = mid } else { fails = mid }
                    }
                    let from = from_of(team).unwrap_or(0).min(to);
                    out.push(Repair::Capacity { team, from, to, amount: hi });
                    break 'teams;
                }
                fails = amount;
                amount *= 2;
            }
        }
    }
    // 3. Defer a commitment it competes with, never a hard one.
    for &m in u.conflicts_with.iter().take(MAX_DEFERS) {
        if p.commitments[m].hard || p.commitments[m].deadline >= last {
            continue;
        }
        let moved = |d: usize| {
            if !extra_left() {
                return false;
            }
            let at = before.iter().position(|&(b, _)| b == m);
            met_when_applied(
                p,
                c,
                flips,
                budget,
                |q| std::sync::Arc::make_mut(&mut q.commitments)[m].deadline = d,
                || u.whole && at.is_some_and(|k| together(Some((k, d)), None)),
            )
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
    out
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
    change: impl FnOnce(&mut Problem),
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
    change(&mut q);
    met_when_walked(&q, c, budget)
}

/// Capacity added to a team over iterations (team, from, to, amount: see [`add_capacity`]).
type Extra = (usize, usize, usize, i64);

/// Repair decisions on one set of requirements, on the jobs they need only, restricted once:
/// a trial changes deadlines or capacity, never which jobs are needed.
struct Trial {
    r: super::Restricted,
    /// How many requirements at the front are known to fit (see [`super::decide_from`]).
    known: usize,
}

impl Trial {
    fn new(p: &Problem, rs: &[Requirement], known: usize) -> Trial {
        Trial { r: super::restricted(p, rs), known }
    }

    /// Whether one schedule meets the requirements with requirement `k` due by `d` (`due`)
    /// and `extra` capacity, paid by size from the repairs' allowance; `false` when that is
    /// spent.
    fn fits(&mut self, due: Option<(usize, usize)>, extra: Option<Extra>, budget: u64) -> bool {
        if !pay(&EXTRA_LEFT, self.r.jobs.len()) {
            return false;
        }
        let was = due.map(|(k, d)| (k, std::mem::replace(&mut self.r.reqs[k].deadline, d)));
        let mut changed = None;
        if let Some((team, from, to, amount)) = extra
            && let Ok(t) = self.r.teams.binary_search(&team)
        {
            let mut q = self.r.problem.clone();
            add_capacity(&mut q, t, from, to, amount);
            changed = Some(q);
        }
        let problem = changed.as_ref().unwrap_or(&self.r.problem);
        let known = (self.known > 0).then(|| &self.r.reqs[..self.known.min(self.r.reqs.len())]);
        let fits = super::decide_from(problem, &self.r.reqs, budget, known).fits();
        if let Some((k, d)) = was {
            self.r.reqs[k].deadline = d;
        }
        fits
    }
}

/// Whether commitment `c` is met when the walk reaches it: the walk of a check of `p`, with
/// the same allowances (the repairs' own are set aside meanwhile), so the answer is the
/// check's. Conflict sets are left out: they change no status.
fn met_when_walked(p: &Problem, c: usize, budget: u64) -> bool {
    let saved = (super::search_left(), WALK_LEFT.with(std::cell::Cell::get), SHRINK_LEFT.with(std::cell::Cell::get));
    super::allow_search(budget.saturating_mul(SEARCH_SHARE));
    WALK_LEFT.with(|l| l.set(walk_allowance(budget)));
    SHRINK_LEFT.with(|l| l.set(0));
    let walked = walk(p, c, budget, &mut |_| {});
    super::allow_search(saved.0);
    WALK_LEFT.with(|l| l.set(saved.1));
    SHRINK_LEFT.with(|l| l.set(saved.2));
    walked.walked.get(c).is_some_and(|w| w.status == Status::Met)
}

/// Adds `amount` to `team`'s capacity over `from..=to`, evenly over the iterations that
/// have capacity (all of them if none has), remainder to the first.
pub fn add_capacity(p: &mut Problem, team: usize, from: usize, to: usize, amount: i64) {
    let mut its: Vec<usize> = (from..=to).filter(|&t| p.team_cap[team][t] > 0).collect();
    if its.is_empty() {
        its = (from..=to).collect();
    }
    let n = its.len() as i64;
    if n == 0 {
        return;
    }
    let base = amount / n;
    let mut rest = amount - base * n;
    for t in its {
        let extra = if rest > 0 {
            rest -= 1;
            1
        } else {
            0
        };
        std::sync::Arc::make_mut(&mut p.team_cap)[team][t] += base + extra;
    }
}
