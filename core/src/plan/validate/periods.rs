//! Periods against the calendar: every deadline, target, placement, earliest start, lending
//! period and capacity change must name iterations the horizon holds; lags in iterations.

use super::*;
/// I0301 for a deadline `PIx` the horizon cuts: it binds to the PI's last iteration inside
/// the horizon, which the note names.
fn cut_pi_note(cal: &Calendar, period: &Period, keyword: &str, span: Option<Span>) -> Option<Diagnostic> {
    let last = cal.cut_pi(period)?;
    let end = cal.iterations.last().map(|i| i.end)?;
    Some(
        Diagnostic::new(
            Code::I0301,
            format!("the horizon ends inside {period}: `{keyword} {period}` means by {last}, which ends on {end}"),
            span,
        )
        .with_help(format!("write `{keyword} {last}` to say so, or lengthen the horizon to hold all of {period}")),
    )
}

fn bind_error(e: BindError, what: &str, span: Option<Span>) -> Diagnostic {
    match e {
        BindError::Outside(m) => Diagnostic::new(Code::E0303, m, span)
            .with_label(what.to_string())
            .with_help("use a period within the horizon, or lengthen the horizon"),
        BindError::NoSuch(m) => Diagnostic::new(Code::E0303, m, span)
            .with_label(what.to_string())
            .with_help("use a period that exists in the plan's calendar"),
        BindError::Reversed(m) => Diagnostic::new(Code::E0402, m, span)
            .with_label(what.to_string())
            .with_help("write the earlier period first, as in `PI1..PI3`"),
        BindError::BeforeFirstIteration => {
            Diagnostic::new(Code::E0304, format!("this {what} is before the first iteration ends"), span)
                .with_help("a deadline binds to the last iteration ending on or before it; commit to PI1 or later")
        }
    }
}

pub(super) fn periods(plan: &Plan, cal: &Calendar, out: &mut Vec<Diagnostic>) {
    let in_horizon = |d: NaiveDate| d <= cal.last_day;
    for h in &plan.settings.holidays {
        if h.from > cal.last_day || h.to < cal.start {
            out.push(
                Diagnostic::new(
                    Code::W0504,
                    format!("holiday \"{}\" falls outside the horizon ({} to {})", h.name, cal.start, cal.last_day),
                    h.loc.0,
                )
                .with_help("check the year, or remove the line"),
            );
        }
    }
    for m in &plan.milestones {
        if cal.iterations.iter().all(|it| it.start < m.date) {
            out.push(
                Diagnostic::new(
                    Code::W0504,
                    format!(
                        "milestone `{}` on {} is after the last iteration starts: what waits for it cannot be planned",
                        m.id, m.date
                    ),
                    m.loc.0,
                )
                .with_help("check the date, or lengthen the horizon"),
            );
        }
    }
    for team in &plan.teams {
        for h in &team.holidays {
            if h.from > cal.last_day || h.to < cal.start {
                out.push(
                    Diagnostic::new(
                        Code::W0504,
                        format!("holiday \"{}\" falls outside the horizon ({} to {})", h.name, cal.start, cal.last_day),
                        h.loc.0,
                    )
                    .with_help("check the year, or remove the line"),
                );
            }
        }
        let events = team
            .hires
            .iter()
            .map(|c| ("hire", c.date, c.loc.0))
            .chain(team.leaves.iter().map(|c| ("leaver", c.date, c.loc.0)))
            .chain(team.vacancies.iter().map(|c| ("vacancy", c.date, c.loc.0)))
            .chain(team.absences.iter().map(|a| ("absence", a.from, a.loc.0)));
        for (what, date, span) in events {
            if !in_horizon(date) {
                out.push(
                    Diagnostic::new(
                        Code::W0504,
                        format!("this {what} on {date} is after the horizon, which ends on {}", cal.last_day),
                        span,
                    )
                    .with_help("check the year, or remove the line"),
                );
            } else if date < cal.start {
                out.push(
                    Diagnostic::new(
                        Code::E0303,
                        format!("this {what} on {date} is before the plan starts on {}", cal.start),
                        span,
                    )
                    .with_help("people present at the start are counted in `people`"),
                );
            }
        }
        for lend in &team.lends {
            if let Err(e) = cal.range(&lend.from, &lend.until) {
                out.push(bind_error(e, "lending period", lend.loc.0));
            }
        }
        for o in &team.overrides {
            let p = Period::Pi { pi: o.pi, iteration: o.iteration };
            if let Err(e) = cal.deadline(&p) {
                out.push(bind_error(e, "capacity override", o.loc.0));
            }
        }
        for a in &team.adjustments {
            let p = Period::Pi { pi: a.pi, iteration: a.iteration };
            if let Err(e) = cal.deadline(&p) {
                out.push(bind_error(e, "capacity adjustment", a.loc.0));
            }
        }
    }
    for epic in &plan.epics {
        if let Some(c) = &epic.commit {
            match cal.deadline(&c.period) {
                Err(e) => out.push(bind_error(e, "deadline", c.loc.0)),
                Ok(_) => out.extend(cut_pi_note(cal, &c.period, "commit", c.loc.0)),
            }
        }
    }
    // Earliest iteration each item may get work by its own constraints.
    let index: HashMap<&str, usize> = plan.items.iter().enumerate().rev().map(|(i, it)| (it.id.as_str(), i)).collect();
    let mut own_earliest = vec![0usize; plan.items.len()];
    for (n, item) in plan.items.iter().enumerate() {
        let epic_commit = item.epic.as_ref().and_then(|e| plan.epic(&e.id)).and_then(|e| e.commit.as_ref());
        let commit_dl = item.commit.as_ref().map(|c| (cal.deadline(&c.period), c.loc.0));
        if let Some((Err(e), span)) = &commit_dl {
            out.push(bind_error(e.clone(), "deadline", *span));
        }
        if let Some(c) = &item.commit {
            out.extend(cut_pi_note(cal, &c.period, "commit", c.loc.0));
        }
        if let Some(t) = &item.target {
            match cal.deadline(&t.value) {
                Err(e) => out.push(bind_error(e, "target", t.loc.0)),
                Ok(_) => out.extend(cut_pi_note(cal, &t.value, "target", t.loc.0)),
            }
        }
        let nb = item.not_before.as_ref().map(|p| (cal.earliest(&p.value), p.loc.0));
        if let Some((Err(e), span)) = &nb {
            out.push(bind_error(e.clone(), "earliest start", *span));
        }
        let placed = item.placed.as_ref().map(|p| (cal.range(&p.value.0, &p.value.1), p.loc.0));
        if let Some((Err(e), span)) = &placed {
            out.push(bind_error(e.clone(), "placement", *span));
        }
        // The deadline that binds: the earliest of the item's, its epic's and its placement's end.
        let epic_dl = epic_commit.and_then(|c| cal.deadline(&c.period).ok().map(|d| (d, c.loc.0)));
        let mut deadline: Option<(usize, Option<Span>)> = commit_dl.and_then(|(r, s)| r.ok().map(|d| (d, s)));
        if let Some(e) = epic_dl
            && deadline.is_none_or(|d| e.0 < d.0)
        {
            deadline = Some(e);
        }
        let nb_ok = nb.and_then(|(r, s)| r.ok().map(|v| (v, s)));
        let placed_ok = placed.and_then(|(r, s)| r.ok().map(|v| (v, s)));
        if let (Some((e, es)), Some((d, ds))) = (nb_ok, deadline)
            && e > d
        {
            out.push(
                Diagnostic::new(
                    Code::E0305,
                    format!(
                        "item `{}` may not start before {} but must be done by {}",
                        item.id,
                        cal.iterations[e].label(),
                        cal.iterations[d].label()
                    ),
                    es,
                )
                .with_label("earliest start")
                .with_secondary(ds, "deadline")
                .with_help("move the start earlier or the deadline later"),
            );
        }
        if let Some((range, ps)) = &placed_ok {
            if let Some((d, ds)) = deadline
                && *range.start() > d
            {
                out.push(
                    Diagnostic::new(
                        Code::E0306,
                        format!(
                            "item `{}` is placed from {} but committed by {}",
                            item.id,
                            cal.iterations[*range.start()].label(),
                            cal.iterations[d].label()
                        ),
                        *ps,
                    )
                    .with_secondary(ds, "committed here")
                    .with_help("make the placement and the commitment agree"),
                );
            }
            if let Some((e, es)) = nb_ok
                && e > *range.end()
            {
                out.push(
                    Diagnostic::new(
                        Code::E0306,
                        format!(
                            "item `{}` is placed until {} but may not start before {}",
                            item.id,
                            cal.iterations[*range.end()].label(),
                            cal.iterations[e].label()
                        ),
                        *ps,
                    )
                    .with_secondary(es, "earliest start")
                    .with_help("make the placement and `not before` agree"),
                );
            }
        }
        own_earliest[n] = nb_ok.map_or(0, |v| v.0).max(placed_ok.as_ref().map_or(0, |(r, _)| *r.start()));
    }
    for item in &plan.items {
        let Some(Ok(range)) = item.placed.as_ref().map(|p| cal.range(&p.value.0, &p.value.1)) else {
            continue;
        };
        for dep in &item.after {
            let Some(&j) = index.get(dep.item.id.as_str()) else {
                continue;
            };
            let lag = dep.lag.map_or(0, |l| lag_iterations(l, cal));
            let first_possible = own_earliest[j] + 1 + lag;
            if first_possible > *range.end() {
                let other = &plan.items[j];
                let why =
                    other.placed.as_ref().map(|p| p.loc.0).or(other.not_before.as_ref().map(|p| p.loc.0)).flatten();
                out.push(
                    Diagnostic::new(
                        Code::E0307,
                        format!(
                            "item `{}` is placed to end by {}, but it waits for `{}`, which cannot start before {}",
                            item.id,
                            cal.iterations[*range.end()].label(),
                            other.id,
                            cal.iterations[own_earliest[j]].label()
                        ),
                        dep.loc.0,
                    )
                    .with_label(format!(
                        "`{}` can start no earlier than {}",
                        other.id,
                        cal.iterations[own_earliest[j]].label()
                    ))
                    .with_secondary(why, format!("`{}` is held back here", other.id))
                    .with_secondary(item.placed.as_ref().and_then(|p| p.loc.0), "placed here")
                    .with_help(format!("place `{}` later, or `{}` earlier", item.id, other.id)),
                );
            }
        }
    }
    for item in &plan.items {
        for dep in &item.after {
            if let Some(l @ (Length::Days(_) | Length::Weeks(_))) = dep.lag {
                let days = crate::calendar::length_days(l, cal.iteration_days).unwrap_or(0);
                if !days.is_multiple_of(cal.iteration_days) {
                    out.push(
                        Diagnostic::new(
                            Code::W0505,
                            {
                                let n = lag_iterations(l, cal);
                                format!(
                                    "a lag of {days} days is rounded up to {n} iteration{}",
                                    if n == 1 { "" } else { "s" }
                                )
                            },
                            dep.loc.0,
                        )
                        .with_help("write the lag in iterations, such as: + 1 iteration"),
                    );
                }
            }
        }
    }
}

/// A lag in whole iterations (days and weeks rounded up; months from their length in days).
pub fn lag_iterations(l: Length, cal: &Calendar) -> usize {
    let days = match l {
        Length::Iterations(n) => return n as usize,
        Length::Months(m) => m.saturating_mul(30),
        other => crate::calendar::length_days(other, cal.iteration_days).unwrap_or(0),
    };
    days.div_ceil(cal.iteration_days.max(1)) as usize
}
