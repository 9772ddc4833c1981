//! Why a commitment no run meets cannot be met even at the best case: the plan with every
//! effort at its lowest draw and every vacancy filled, decided once by the rule of `check`.

use super::lowest;
use crate::calendar::Calendar;
use crate::capacity::capacity;
use crate::feasibility::Reason;
use crate::model::{Change, Effort, Plan};
use crate::solve::problem::Problem;

/// The plan with every effort at the low end of its range and every vacancy filled: why a
/// commitment no draw meets cannot be met even then. That plan is decided once (on first
/// use: most forecasts have no commitment that no draw meets) by the rule of `check`, in rank
/// order with everything kept above each commitment, so a reason here is the one `check`
/// would give for that plan: a chain, a window's capacity, or the commitments it competes with.
pub(super) struct Optimistic<'a> {
    cal: &'a Calendar,
    unit: &'static str,
    /// Each commitment's reason in the optimistic plan, by label (`None`: met there).
    reasons: Option<std::collections::HashMap<String, Option<Reason>>>,
    plan: &'a Plan,
    vacancies: &'a [(usize, Change, f64)],
    /// Each item's range stretch (the runs' `widen`): the low end is the lowest any run draws.
    widen: &'a [f64],
}

impl<'a> Optimistic<'a> {
    pub(super) fn new(
        plan: &'a Plan,
        cal: &'a Calendar,
        vacancies: &'a [(usize, Change, f64)],
        widen: &'a [f64],
    ) -> Self {
        let unit = match plan.settings.unit {
            crate::model::Unit::Days => "days",
            crate::model::Unit::Points => "points",
        };
        Optimistic { cal, unit, reasons: None, plan, vacancies, widen }
    }

    pub(super) fn reason(&mut self, label: &str) -> Option<Reason> {
        let (plan, cal, vacancies, unit, widen) = (self.plan, self.cal, self.vacancies, self.unit, self.widen);
        let reasons = self.reasons.get_or_insert_with(|| {
            let mut best = plan.clone();
            for (t, hire, _) in vacancies {
                best.teams[*t].hires.push(hire.clone());
            }
            for (j, item) in best.items.iter_mut().enumerate() {
                if let Some(e) = &mut item.effort {
                    e.value = Effort::exact(lowest(&e.value, widen.get(j).copied().unwrap_or(1.0)));
                }
            }
            let cap = capacity(&best, cal);
            let Some(p) = Problem::new(&best, cal, &cap) else { return Default::default() };
            let solution = crate::solve::rank::solve(&p, crate::solve::DEFAULT_BUDGET);
            solution
                .results
                .iter()
                .map(|r| {
                    let why = match (&r.evidence, r.status) {
                        (Some(e), _) => Some(crate::feasibility::reason(&p, cal, e, unit)),
                        _ => None,
                    };
                    (p.commitments[r.commitment].label.clone(), why)
                })
                .collect()
        });
        // Found by label: with other efforts the WSJF order, and so the index, may differ.
        reasons.get(label).cloned().flatten()
    }
}
