//! An independent check of the feasibility report against the model: simple code that
//! shares nothing with the solver but the plan, the calendar and the capacity table. It
//! re-checks the schedule against the five rules and every reason's arithmetic, so a
//! verdict never rests on the solver being right.

use std::collections::{HashMap, HashSet};

use crate::calendar::Calendar;
use crate::capacity::{CapacityTable, item_cap};
use crate::feasibility::{Feasibility, Reason};
use crate::fixed::Fixed;
use crate::model::{Item, Plan};
use crate::solve::rank::Status;
use crate::validate::lag_iterations;

/// Needed items, and each item's earliest and latest iteration of work.
type Windows = (HashSet<usize>, Vec<usize>, Vec<usize>);

struct Model<'a> {
    plan: &'a Plan,
    cal: &'a Calendar,
    cap: &'a CapacityTable,
    index: HashMap<&'a str, usize>,
    labels: HashMap<String, usize>,
    /// Commitments kept late, by label: the iteration the report keeps them by.
    late: HashMap<&'a str, usize>,
    /// Items whose `in PI` placement the report lets run past its PI, with the rank of the
    /// commitment that let it slip.
    slipped: HashMap<usize, usize>,
    /// The rank of the commitment whose reason is being checked (`usize::MAX` for the final
    /// schedule): a placement slips only for the ones ranked below the commitment that failed.
    rank: std::cell::Cell<usize>,
}

impl<'a> Model<'a> {
    fn item(&self, id: &str) -> Result<(usize, &'a Item), String> {
        let i = *self.index.get(id).ok_or(format!("no item `{id}`"))?;
        Ok((i, &self.plan.items[i]))
    }
    fn at(&self, label: &str) -> Result<usize, String> {
        self.labels.get(label).copied().ok_or(format!("no iteration {label}"))
    }
    fn team_cap(&self, item: &Item, t: usize) -> Fixed {
        item.team
            .as_ref()
            .and_then(|r| self.cap.team(&r.id))
            .and_then(|tc| tc.iterations.get(t))
            .map_or(Fixed::ZERO, |c| c.plannable)
    }
    /// The iterations an item may get work in by its own `not before` and `in PI` (to the
    /// end of the horizon when its placement slipped).
    fn own_window(&self, item: &Item) -> (usize, usize) {
        let (lo, hi) = self.placed_window(item);
        match self.index.get(item.id.as_str()).and_then(|i| self.slipped.get(i)) {
            Some(&r) if r < self.rank.get() => (lo, self.cal.len().saturating_sub(1)),
            _ => (lo, hi),
        }
    }
    /// The iteration an item was finished in by the plan's progress (`finished`, or nothing
    /// left: the day before the status date), the first when before `start`; `None` when
    /// work is left or the plan has no status date.
    fn finished_at(&self, item: &Item) -> Option<usize> {
        self.finished_day(item).map(|day| self.cal.iterations.iter().position(|it| day <= it.end).unwrap_or(0))
    }
    fn finished_day(&self, item: &Item) -> Option<chrono::NaiveDate> {
        let status = self.cal.status?;
        if let Some(f) = &item.finished {
            return Some(f.value);
        }
        let left = item.needed_effort()?;
        (!left.is_positive()).then(|| status.date.pred_opt().unwrap_or(status.date))
    }
    /// The first iteration a successor of a finished item may work in (before the lag).
    fn released_from(&self, item: &Item) -> Option<usize> {
        let day = self.finished_day(item)?;
        if day < self.cal.start { Some(0) } else { self.finished_at(item).map(|f| f + 1) }
    }
    /// [`Model::own_window`] as the file states it: `not before`, `in PI`, the status date
    /// and the releases of finished prerequisites.
    fn placed_window(&self, item: &Item) -> (usize, usize) {
        let mut lo = 0;
        let mut hi = self.cal.len().saturating_sub(1);
        if let Some(s) = self.cal.status {
            lo = s.iteration;
        }
        for dep in &item.after {
            if let Ok((_, q)) = self.item(&dep.item.id)
                && let Some(r) = self.released_from(q)
            {
                lo = lo.max(r + dep.lag.map_or(0, |l| lag_iterations(l, self.cal)));
            }
        }
        // A milestone: from the first iteration that starts on or after its day, plus the lag.
        for dep in &item.milestones {
            if let Some(m) = self.plan.milestones.iter().find(|m| m.id == dep.item.id) {
                let first = self.cal.iterations.iter().position(|it| it.start >= m.date).unwrap_or(self.cal.len());
                lo = lo.max(first + dep.lag.map_or(0, |l| lag_iterations(l, self.cal)));
            }
        }
        if let Some(nb) = &item.not_before {
            lo = self.cal.earliest(&nb.value).unwrap_or(usize::MAX);
        }
        if let Some(p) = &item.placed
            && let Ok(r) = self.cal.range(&p.value.0, &p.value.1)
        {
            lo = lo.max(*r.start());
            hi = hi.min(*r.end());
        }
        (lo, hi)
    }
    /// The most work an item can get in iteration `t`.
    fn ceiling(&self, item: &Item, t: usize) -> Fixed {
        let (lo, hi) = self.own_window(item);
        if t < lo || t > hi {
            return Fixed::ZERO;
        }
        let team = self.team_cap(item, t);
        match item_cap(self.plan, self.cal, item, &self.cal.iterations[t]) {
            Some(c) => c.min(team),
            None => team,
        }
    }
    /// The effort still needed: none when finished (see [`Model::finished_at`]).
    fn effort(&self, item: &Item) -> Fixed {
        if self.finished_day(item).is_some() {
            return Fixed::ZERO;
        }
        item.needed_effort().unwrap_or(Fixed::ZERO)
    }
    fn earliest_finish(&self, item: &Item, from: usize) -> Option<usize> {
        let mut sum = Fixed::ZERO;
        for t in from..self.cal.len() {
            sum += self.ceiling(item, t);
            if sum >= self.effort(item) {
                return Some(t);
            }
        }
        None
    }
    fn latest_start(&self, item: &Item, to: usize) -> Option<usize> {
        let mut sum = Fixed::ZERO;
        for t in (0..=to.min(self.cal.len().saturating_sub(1))).rev() {
            sum += self.ceiling(item, t);
            if sum >= self.effort(item) {
                return Some(t);
            }
        }
        None
    }
    /// A commitment's items and the deadline it is kept by: its own (`own`, or met), else the
    /// late finish the report gives it.
    fn kept(&self, label: &str, own: bool) -> Result<(Vec<usize>, usize), String> {
        let (items, d) = self.commitment(label)?;
        match self.late.get(label) {
            Some(&f) if !own => Ok((items, f)),
            _ => Ok((items, d)),
        }
    }
    /// A commitment's items and deadline, read from the plan by its label.
    fn commitment(&self, label: &str) -> Result<(Vec<usize>, usize), String> {
        if let Some(e) = self.plan.epic(label)
            && let Some(c) = &e.commit
        {
            let d = self.cal.deadline(&c.period).map_err(|_| format!("`{label}` has no deadline"))?;
            let items = (0..self.plan.items.len())
                .filter(|&i| self.plan.items[i].epic.as_ref().is_some_and(|r| r.id == label))
                .collect();
            return Ok((items, d));
        }
        let (i, item) = self.item(label)?;
        let mut d = self.cal.len().saturating_sub(1);
        if let Some(c) = &item.commit {
            d = d.min(self.cal.deadline(&c.period).map_err(|_| format!("`{label}` has no deadline"))?);
        }
        d = d.min(self.placed_window(item).1);
        Ok((vec![i], d))
    }
    /// Windows of the items the commitments need (each by the deadline it is kept by, `own`
    /// by its own), by the plain fixpoint of the rules.
    fn windows(&self, commitments: &[&str], own: Option<&str>) -> Result<Windows, String> {
        let n = self.plan.items.len();
        let last = self.cal.len().saturating_sub(1);
        let mut needed = HashSet::new();
        let mut lo = vec![0; n];
        let mut hi = vec![last; n];
        let mut stack = Vec::new();
        for c in commitments {
            let (items, d) = self.kept(c, own == Some(*c))?;
            for i in items {
                hi[i] = hi[i].min(d);
                stack.push(i);
            }
        }
        while let Some(i) = stack.pop() {
            if self.finished_day(&self.plan.items[i]).is_some() {
                continue;
            }
            if needed.insert(i) {
                for dep in &self.plan.items[i].after {
                    stack.push(self.item(&dep.item.id)?.0);
                }
            }
        }
        for &i in &needed {
            let (a, b) = self.own_window(&self.plan.items[i]);
            lo[i] = a;
            hi[i] = hi[i].min(b);
        }
        for _ in 0..=n {
            let mut changed = false;
            for &i in &needed {
                let item = &self.plan.items[i];
                for dep in &item.after {
                    let (q, qi) = self.item(&dep.item.id)?;
                    if self.finished_day(qi).is_some() {
                        continue;
                    }
                    let lag = dep.lag.map_or(0, |l| lag_iterations(l, self.cal));
                    let from = self.earliest_finish(qi, lo[q]).map_or(usize::MAX / 2, |f| f + 1 + lag);
                    if from > lo[i] {
                        lo[i] = from;
                        changed = true;
                    }
                    let until = self.latest_start(item, hi[i]).and_then(|s| s.checked_sub(1 + lag)).unwrap_or(0);
                    if until < hi[q] {
                        hi[q] = until;
                        changed = true;
                    }
                }
            }
            if !changed {
                break;
            }
        }
        Ok((needed, lo, hi))
    }
}

/// What does not hold in a feasibility report, one sentence per finding.
///
/// ```
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  commit PI2\n}\n";
/// let checked = haalbaar::check(source);
/// let mut report = checked.feasibility.clone().expect("decided");
/// // Tamper with the schedule: far more work in PI1.1 than team `api` can do (30).
/// report.schedule[0].work[0].amount = haalbaar::Fixed::from_int(1000);
/// let (cal, cap) = (checked.calendar.as_ref().expect("a calendar"), checked.capacity.as_ref().expect("capacity"));
/// let error = haalbaar::report::verify::verify(&checked.plan, cal, cap, &report).expect_err("caught");
/// assert!(!error.problems.is_empty());
/// assert!(error.to_string().starts_with("the report's evidence does not hold: "));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the report's evidence does not hold: {}", .problems.join("; "))]
#[non_exhaustive]
pub struct VerifyError {
    /// Each finding: a schedule that overloads a team, a counting argument whose sums are
    /// wrong, a status the evidence does not support, ….
    pub problems: Vec<String>,
}

/// Re-checks a feasibility report against the model, with nothing of the solver: every
/// schedule within capacity, caps and dependencies, every counting argument's arithmetic,
/// every status backed by its evidence.
///
/// ```
/// let checked = haalbaar::check("plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam a {\n  people 2\n}\nitem x {\n  team a\n  effort 10\n  commit PI1\n}\n");
/// let (cal, cap, f) = (checked.calendar.as_ref(), checked.capacity.as_ref(), checked.feasibility.as_ref());
/// let verdict = haalbaar::report::verify::verify(&checked.plan, cal.expect("a calendar"), cap.expect("capacity"), f.expect("decided"));
/// assert_eq!(verdict, Ok(()));
/// ```
pub fn verify(plan: &Plan, cal: &Calendar, cap: &CapacityTable, f: &Feasibility) -> Result<(), VerifyError> {
    verify_all(plan, cal, cap, f).map_err(|problems| VerifyError { problems })
}

fn verify_all(plan: &Plan, cal: &Calendar, cap: &CapacityTable, f: &Feasibility) -> Result<(), Vec<String>> {
    let m = Model {
        plan,
        cal,
        cap,
        index: plan.items.iter().enumerate().map(|(i, it)| (it.id.as_str(), i)).collect(),
        labels: cal.iterations.iter().map(|it| (it.label(), it.index)).collect(),
        late: HashMap::new(),
        slipped: HashMap::new(),
        rank: std::cell::Cell::new(usize::MAX),
    };
    let mut m = m;
    for (rank, c) in f.commitments.iter().enumerate() {
        if c.status != Status::Met && c.status != Status::Unknown && !c.dropped {
            match c.finish.as_deref().map(|l| m.at(l)) {
                Some(Ok(t)) => {
                    m.late.insert(c.item.as_str(), t);
                }
                Some(Err(e)) => return Err(vec![e]),
                None => {}
            }
        }
        if c.slipped
            && let Some(&i) = m.index.get(c.item.as_str())
        {
            m.slipped.insert(i, rank);
        }
    }
    let m = m;
    let mut errors = Vec::new();
    if let Err(e) = schedule(&m, f) {
        errors.extend(e);
    }
    for (rank, c) in f.commitments.iter().enumerate() {
        m.rank.set(rank);
        if let Some(reason) = &c.reason
            && let Err(e) = self::reason(&m, &c.item, &c.conflicts_with, reason)
        {
            errors.push(format!("`{}`: {e}", c.item));
        }
    }
    m.rank.set(usize::MAX);
    if errors.is_empty() { Ok(()) } else { Err(errors) }
}

fn schedule(m: &Model<'_>, f: &Feasibility) -> Result<(), Vec<String>> {
    let n = m.cal.len();
    let mut work: Vec<Vec<Fixed>> = vec![vec![Fixed::ZERO; n]; m.plan.items.len()];
    let mut errors = Vec::new();
    for s in &f.schedule {
        let Ok((i, _)) = m.item(&s.item) else {
            errors.push(format!("scheduled item `{}` is not in the plan", s.item));
            continue;
        };
        for w in &s.work {
            match m.at(&w.iteration) {
                Ok(t) => work[i][t] += w.amount,
                Err(e) => errors.push(e),
            }
        }
    }
    let effort = |i: usize| m.effort(&m.plan.items[i]);
    let finished = |i: usize| m.finished_at(&m.plan.items[i]);
    let done = |i: usize| work[i].iter().copied().sum::<Fixed>();
    let last = |i: usize| work[i].iter().rposition(|w| w.is_positive());
    let first = |i: usize| work[i].iter().position(|w| w.is_positive());
    // Rule 2: teams within capacity, items within their cap; rule 3: own windows.
    let mut used: HashMap<(&str, usize), Fixed> = HashMap::new();
    for (i, item) in m.plan.items.iter().enumerate() {
        for (t, &w) in work[i].iter().enumerate() {
            if w.is_negative() {
                errors.push(format!("`{}` has negative work in {}", item.id, m.cal.iterations[t].label()));
            }
            if w > m.ceiling(item, t) {
                errors.push(format!("`{}` gets {w} in {}, more than it may", item.id, m.cal.iterations[t].label()));
            }
            if let Some(team) = &item.team {
                *used.entry((team.id.as_str(), t)).or_default() += w;
            }
        }
        // Rule 4: after each predecessor's last work, plus the lag.
        if let Some(start) = first(i) {
            for dep in &item.after {
                let Ok((q, _)) = m.item(&dep.item.id) else { continue };
                if finished(q).is_some() {
                    // Its release is part of the item's own window (checked above).
                    continue;
                }
                let lag = dep.lag.map_or(0, |l| lag_iterations(l, m.cal));
                match last(q) {
                    Some(lq) if done(q) >= effort(q) && start > lq + lag => {}
                    _ => errors.push(format!("`{}` starts before `{}` is done (plus lag)", item.id, dep.item.id)),
                }
            }
        }
        if done(i) > effort(i) {
            errors.push(format!("`{}` gets {} of {}", item.id, done(i), effort(i)));
        }
    }
    for ((team, t), w) in used {
        let cap = m.cap.team(team).and_then(|tc| tc.iterations.get(t)).map_or(Fixed::ZERO, |c| c.plannable);
        if w > cap {
            errors.push(format!("team `{team}` is planned {w} in {}, over its {cap}", m.cal.iterations[t].label()));
        }
    }
    // Rules 1 and 5 for every met commitment and every late one: all its items and what they
    // need, by its deadline or by its late finish.
    let met: Vec<&str> = f
        .commitments
        .iter()
        .filter(|c| c.status == Status::Met || m.late.contains_key(c.item.as_str()))
        .map(|c| c.item.as_str())
        .collect();
    for c in &met {
        match m.kept(c, false) {
            Ok((items, deadline)) => {
                for i in items {
                    if let Some(f) = finished(i) {
                        if f > deadline {
                            errors.push(format!(
                                "met commitment `{c}`: `{}` was finished after its deadline",
                                m.plan.items[i].id
                            ));
                        }
                        continue;
                    }
                    if done(i) < effort(i) || last(i).is_none_or(|l| l > deadline) {
                        errors.push(format!(
                            "met commitment `{c}`: `{}` is not done by its deadline",
                            m.plan.items[i].id
                        ));
                    }
                }
            }
            Err(e) => errors.push(e),
        }
    }
    if let Ok((needed, _, _)) = m.windows(&met, None) {
        for i in needed {
            if done(i) < effort(i) {
                errors.push(format!("`{}` is needed by a met commitment but not done", m.plan.items[i].id));
            }
        }
    }
    if errors.is_empty() { Ok(()) } else { Err(errors) }
}

fn reason(m: &Model<'_>, label: &str, with: &[String], reason: &Reason) -> Result<(), String> {
    let mut set: Vec<&str> = with.iter().map(String::as_str).collect();
    set.push(label);
    match reason {
        Reason::Chain { chain, limit, .. } => {
            let limit = m.at(limit)?;
            let mut start = 0usize;
            let mut finish = None;
            for (k, step) in chain.iter().enumerate() {
                let (_, item) = m.item(&step.item)?;
                if let Some(next) = chain.get(k + 1) {
                    let (_, succ) = m.item(&next.item)?;
                    let dep = succ
                        .after
                        .iter()
                        .find(|d| d.item.id == step.item)
                        .ok_or(format!("`{}` does not wait for `{}`", next.item, step.item))?;
                    if dep.lag.map_or(0, |l| lag_iterations(l, m.cal)) != step.lag_after {
                        return Err(format!("the lag after `{}` is not {}", step.item, step.lag_after));
                    }
                }
                let own = m.own_window(item).0;
                start = if k == 0 { own } else { start.max(own) };
                finish = if start < m.cal.len() { m.earliest_finish(item, start) } else { None };
                start = finish.map_or(usize::MAX / 2, |f| f + 1 + step.lag_after);
            }
            let last = chain.last().ok_or("an empty chain")?;
            let (i, _) = m.item(&last.item)?;
            let bound = set
                .iter()
                .filter_map(|c| m.kept(c, *c == label).ok())
                .filter(|(items, _)| items.contains(&i))
                .map(|(_, d)| d)
                .chain(std::iter::once(m.own_window(&m.plan.items[i]).1))
                .min()
                .unwrap_or(usize::MAX);
            if bound != limit {
                // The chain may also end where a later item's needs bind it: then it must
                // still be a real limit, which the windows show.
                let (_, _, hi) = m.windows(&set, Some(label))?;
                if hi[i] > limit {
                    return Err(format!("`{}` need not be done by {}", last.item, m.cal.iterations[limit].label()));
                }
            }
            match finish {
                Some(f) if f <= limit => {
                    Err(format!("the chain fits: it can finish by {}", m.cal.iterations[f].label()))
                }
                _ => Ok(()),
            }
        }
        Reason::Capacity { team, from, to, items, required, capacity, .. } => {
            let (a, b) = (m.at(from)?, m.at(to)?);
            let tc = m.cap.team(team).ok_or(format!("no team `{team}`"))?;
            let cap: Fixed = (a..=b).map(|t| tc.iterations[t].plannable).sum();
            if cap != *capacity {
                return Err(format!("capacity in the span is {cap}, not {capacity}"));
            }
            let (needed, lo, hi) = m.windows(&set, Some(label))?;
            let mut sum = Fixed::ZERO;
            for share in items {
                let (i, item) = m.item(&share.item)?;
                if !needed.contains(&i) || item.team.as_ref().is_none_or(|t| t.id != *team) {
                    return Err(format!("`{}` is not needed work of team `{team}`", share.item));
                }
                if m.at(&share.earliest_start)? != lo[i] || m.at(&share.latest_finish)? != hi[i] {
                    return Err(format!("the window of `{}` is not what the rules give", share.item));
                }
                let outside: Fixed = (lo[i]..=hi[i]).filter(|t| *t < a || *t > b).map(|t| m.ceiling(item, t)).sum();
                let must = (m.effort(item) - outside).max(Fixed::ZERO);
                if must != share.must {
                    return Err(format!("`{}` must do {must} in the span, not {}", share.item, share.must));
                }
                sum += must;
            }
            if sum != *required {
                return Err(format!("the shares add up to {sum}, not {required}"));
            }
            if required <= capacity {
                return Err("the work fits the capacity".into());
            }
            Ok(())
        }
        Reason::Search { .. } | Reason::Unknown { .. } => Ok(()),
        Reason::Passed { deadline, as_of, finished, .. } => {
            let status = m.cal.status.filter(|s| s.date == *as_of).ok_or("the plan has no such status date")?;
            let due = m.at(deadline)?;
            let (jobs, own) = m.commitment(label)?;
            if own != due {
                return Err(format!("`{label}` is not due by {deadline}"));
            }
            let last: Option<usize> =
                jobs.iter().map(|&i| m.finished_at(&m.plan.items[i])).try_fold(0usize, |acc, f| f.map(|f| acc.max(f)));
            match (finished, last) {
                (None, None) if due < status.iteration => Ok(()),
                (None, None) => Err(format!("{deadline} is not before the status date")),
                (Some(f), Some(l)) if m.at(f)? == l && l > due => Ok(()),
                _ => Err(format!("`{label}` is not finished as the reason says")),
            }
        }
    }
}
