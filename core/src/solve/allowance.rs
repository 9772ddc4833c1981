//! The fixed, deterministic allowances one solve draws on, per thread: whole-plan decisions
//! of the walk, decisions making conflict sets small, and decisions verifying repairs. Each is
//! counted in job decisions (a decision over 40 jobs costs 40), so it means the same work at
//! any plan size, and no clock is read.

use std::cell::{Cell, RefCell};
use std::thread::LocalKey;

/// The walk may search `SEARCH_SHARE` times one decision's budget. The repairs' decisions do
/// not search: a repair holds when the check of the changed plan meets the commitment, and the
/// walk there may have no search left where the repairs would find a schedule by searching.
pub const SEARCH_SHARE: u64 = 3;

/// Work that finding repairs may take in one solve, in job decisions, spent in rank order;
/// the statuses themselves are never cut short. Deterministic, so the same plan always gets
/// the same repairs.
pub const EXTRA_DECISIONS: u64 = 500_000;

/// Work that making conflict sets small may take in one solve, in job decisions, apart from
/// the repairs' so that many conflicts do not leave the last ones without repairs.
pub const SHRINK_DECISIONS: u64 = 40_000;

/// Whole-plan decisions the rank walk may take in one solve, in job decisions, per step of
/// the search budget (so a larger `--budget` raises both; a smaller one counts as the
/// default): 1,000 decisions over a 1,000-item plan, 10 over 100,000 items. Commitments met
/// on top of the schedule so far, by a patch, or infeasible on their own, need none.
pub const WALK_DECISIONS_PER_BUDGET: u64 = 10;

thread_local! {
    /// What one decision costs from the allowance in this solve: the number of jobs.
    pub(super) static DECISION_COST: Cell<u64> = const { Cell::new(1) };
    pub(super) static EXTRA_LEFT: Cell<u64> = const { Cell::new(EXTRA_DECISIONS) };
    pub(super) static SHRINK_LEFT: Cell<u64> = const { Cell::new(SHRINK_DECISIONS) };
    pub(super) static WALK_LEFT: Cell<u64> = const { Cell::new(u64::MAX) };
    /// Whole-plan decisions the late searches may take: apart from the walk's, so finding
    /// late finishes never leaves a status undecided.
    pub(super) static LATE_LEFT: Cell<u64> = const { Cell::new(u64::MAX) };
}

thread_local! {
    /// Whether a failing decision on this thread may stop at the first counting argument it
    /// finds instead of the strongest (see [`StatusesOnly`]).
    pub(super) static ANY_ARGUMENT: Cell<bool> = const { Cell::new(false) };
}

/// While it lives, decisions on this thread are taken for their answers alone (a forecast's
/// runs, a late commitment's probes, the walks that check a repair's side effects): a
/// capacity shortfall is the first one
/// found, not the largest. The answer is the same either way; only the evidence, which
/// those walks never show, differs.
pub(super) struct StatusesOnly(bool);

impl StatusesOnly {
    pub(super) fn new() -> StatusesOnly {
        StatusesOnly(ANY_ARGUMENT.with(|a| a.replace(true)))
    }
}

impl Drop for StatusesOnly {
    fn drop(&mut self) {
        ANY_ARGUMENT.with(|a| a.set(self.0));
    }
}

thread_local! {
    /// The flag that cancels the solve running on this thread (see [`Cancelling`]).
    static CANCEL: RefCell<Option<crate::check::Cancel>> = const { RefCell::new(None) };
}

/// Whether the solve on this thread has been cancelled: every allowance is then empty.
pub(crate) fn cancelled() -> bool {
    CANCEL.with(|c| c.borrow().as_ref().is_some_and(crate::check::Cancel::is_cancelled))
}

/// The flag of the solve on this thread, for a thread it starts.
pub(crate) fn current_cancel() -> Option<crate::check::Cancel> {
    CANCEL.with(|c| c.borrow().clone())
}

/// While it lives, the solve on this thread stops when `flag` is raised.
pub(crate) struct Cancelling(Option<crate::check::Cancel>);

impl Cancelling {
    pub(crate) fn new(flag: Option<&crate::check::Cancel>) -> Cancelling {
        Cancelling(CANCEL.with(|c| c.replace(flag.cloned())))
    }
}

impl Drop for Cancelling {
    fn drop(&mut self) {
        CANCEL.with(|c| *c.borrow_mut() = self.0.take());
    }
}

/// Takes `n` from an allowance; false (and nothing taken) when it has not enough, or when the
/// solve is cancelled.
pub(super) fn take(allowance: &'static LocalKey<Cell<u64>>, n: u64) -> bool {
    if cancelled() {
        allowance.with(|left| left.set(0));
        return false;
    }
    allowance.with(|left| {
        let l = left.get();
        if l >= n {
            left.set(l - n);
            true
        } else {
            false
        }
    })
}

/// Takes `n` (at least 1) from an allowance for one decision. When it has not enough, none is
/// left for any later decision either, so a smaller later one cannot jump the rank order.
pub(super) fn pay(allowance: &'static LocalKey<Cell<u64>>, n: usize) -> bool {
    if take(allowance, n.max(1) as u64) {
        return true;
    }
    allowance.with(|l| l.set(0));
    false
}

/// Whether anything is left of the allowance for repairs.
pub(super) fn extra_left() -> bool {
    EXTRA_LEFT.with(Cell::get) > 0
}

/// Whether the walk can still take one whole-plan decision.
pub(super) fn walk_can() -> bool {
    WALK_LEFT.with(Cell::get) >= DECISION_COST.with(Cell::get)
}

/// Takes one whole-plan decision from the walk's allowance.
pub(super) fn spend_walk() -> bool {
    take(&WALK_LEFT, DECISION_COST.with(Cell::get))
}

/// Takes one whole-plan decision from the late searches' allowance.
pub(super) fn spend_late() -> bool {
    take(&LATE_LEFT, DECISION_COST.with(Cell::get))
}

/// Takes `n` decisions from the allowance for repairs.
pub(super) fn spend(n: u64) -> bool {
    take(&EXTRA_LEFT, n.saturating_mul(DECISION_COST.with(Cell::get)))
}

/// Whole-plan decisions the walk may take, in job decisions. `--budget 0` turns the search
/// off, not the constructive decisions.
pub(super) fn walk_allowance(budget: u64) -> u64 {
    budget.max(super::DEFAULT_BUDGET).saturating_mul(WALK_DECISIONS_PER_BUDGET)
}

/// The search nodes a walk over `jobs` jobs of a plan of `scale` jobs may take: its share of
/// `SEARCH_SHARE` decisions' budgets.
pub(super) fn search_share(budget: u64, jobs: usize, scale: usize) -> u64 {
    let share = u128::from(budget) * u128::from(SEARCH_SHARE) * jobs as u128 / scale.max(jobs).max(1) as u128;
    u64::try_from(share).unwrap_or(u64::MAX)
}

/// Sets the walk's allowances for a fresh solve of a problem of `jobs` jobs, part of a plan
/// of `scale` jobs (see `super::parts`): a decision costs what one over the whole plan would,
/// and the part may search its share of the whole plan's nodes, so the parts of a plan
/// together take no more than the whole plan would.
pub(super) fn start_walk(budget: u64, jobs: usize, scale: usize, shrink: bool) {
    let scale = scale.max(jobs).max(1);
    super::allow_search(search_share(budget, jobs, scale));
    SHRINK_LEFT.with(|l| l.set(if shrink { SHRINK_DECISIONS } else { 0 }));
    WALK_LEFT.with(|l| l.set(walk_allowance(budget)));
    LATE_LEFT.with(|l| l.set(walk_allowance(budget) / LATE_SHARE));
    DECISION_COST.with(|c| c.set(scale as u64));
}

/// The late searches may take this share (1 / `LATE_SHARE`) of the walk's whole-plan
/// decisions, from an allowance of their own.
pub const LATE_SHARE: u64 = 2;
