//! Progress against the status date: `as of` inside the plan's iterations, and each item's
//! `done`, `remaining`, `finished` and `started` consistent with it, with the estimate and
//! with the items it waits for.

use super::*;

pub(super) fn progress(plan: &Plan, cal: Option<&Calendar>, out: &mut Vec<Diagnostic>) {
    let as_of = plan.settings.as_of.as_ref();
    if let (Some(d), Some(cal)) = (as_of, cal)
        && cal.status.is_none()
    {
        let last = cal.iterations.last().map_or(cal.last_day, |i| i.end);
        out.push(
            Diagnostic::new(
                Code::E0801,
                format!("the status date {} lies outside the plan's iterations ({} to {last})", d.value, cal.start),
                d.loc.0,
            )
            .with_label("status date")
            .with_help(
                "give the day the progress was recorded: a day from the plan's `start` to the last iteration's end",
            ),
        );
    }
    let index: HashMap<&str, &Item> = plan.items.iter().map(|i| (i.id.as_str(), i)).collect();
    for item in &plan.items {
        let recorded = [
            ("done", item.done.as_ref().and_then(|d| d.loc.0)),
            ("done", item.history.first().and_then(|d| d.loc.0)),
            ("remaining", item.remaining.as_ref().and_then(|d| d.loc.0)),
            ("finished", item.finished.as_ref().and_then(|d| d.loc.0)),
        ];
        let first = [item.done.is_some(), !item.history.is_empty(), item.remaining.is_some(), item.finished.is_some()]
            .iter()
            .position(|x| *x);
        let Some(first) = first else { continue };
        let Some(as_of) = as_of else {
            let (word, span) = recorded[first];
            out.push(
                Diagnostic::new(
                    Code::E0802,
                    format!("item `{}` records progress (`{word}`) but the plan has no status date", item.id),
                    span.or(item.loc.0),
                )
                .with_label("progress without `as of`")
                .with_help("add `as of DATE` to the plan block: the day this progress was recorded"),
            );
            continue;
        };
        let as_of = as_of.value;
        let high = item.effort.as_ref().map(|e| e.value.high);
        history(item, as_of, out);
        if let Some(f) = &item.finished {
            for (word, at) in
                [("done", item.done.as_ref().map(|d| d.loc.0)), ("remaining", item.remaining.as_ref().map(|d| d.loc.0))]
            {
                let Some(span) = at else { continue };
                out.push(
                    Diagnostic::new(
                        Code::E0804,
                        format!("item `{}` is finished, so `{word}` has no meaning", item.id),
                        span.or(item.loc.0),
                    )
                    .with_secondary(f.loc.0, "finished here")
                    .with_help(format!("remove the `{word}` line, or the `finished` line if work is left")),
                );
            }
            if f.value > as_of {
                out.push(
                    Diagnostic::new(
                        Code::E0805,
                        format!("item `{}` is finished on {}, after the status date {as_of}", item.id, f.value),
                        f.loc.0.or(item.loc.0),
                    )
                    .with_label("after the status date")
                    .with_help("progress is recorded as of the status date: correct the day, or move `as of` in the plan block"),
                );
            }
            for dep in &item.after {
                let Some(q) = index.get(dep.item.id.as_str()) else { continue };
                let problem = match &q.finished {
                    None => "which is not finished".to_string(),
                    Some(qf) if qf.value > f.value => format!("which was finished later, on {}", qf.value),
                    Some(_) => continue,
                };
                out.push(
                    Diagnostic::new(
                        Code::E0806,
                        format!("item `{}` is finished on {}, but it waits for `{}`, {problem}", item.id, f.value, q.id),
                        f.loc.0.or(item.loc.0),
                    )
                    .with_secondary(dep.loc.0, "waits for it here")
                    .with_help(format!(
                        "record when `{}` was finished (`finished DATE` in its block), remove `finished` here if work is left, or remove `after {}` if it did not wait",
                        q.id, q.id
                    )),
                );
            }
        }
        if let Some(s) = &item.started {
            if s.value > as_of {
                out.push(
                    Diagnostic::new(
                        Code::E0805,
                        format!("item `{}` is started on {}, after the status date {as_of}", item.id, s.value),
                        s.loc.0.or(item.loc.0),
                    )
                    .with_label("after the status date")
                    .with_help("progress is recorded as of the status date: correct the day, or move `as of` in the plan block"),
                );
            } else if let Some(f) = item.finished.as_ref().filter(|f| f.value < s.value) {
                out.push(
                    Diagnostic::new(
                        Code::E0807,
                        format!("item `{}` is started on {}, after it was finished on {}", item.id, s.value, f.value),
                        s.loc.0.or(item.loc.0),
                    )
                    .with_secondary(f.loc.0, "finished here")
                    .with_help("correct one of the two days"),
                );
            }
        }
        if item.finished.is_some() {
            continue;
        }
        placed_in_the_past(item, cal, out);
        if let (Some(r), Some(high)) = (&item.remaining, high)
            && r.value > high
        {
            out.push(
                Diagnostic::new(
                    Code::E0803,
                    format!("`remaining {}` is more than item `{}`'s high estimate {high}", r.value, item.id),
                    r.loc.0.or(item.loc.0),
                )
                .with_label("above the estimate")
                .with_help("raise the estimate (`effort`) to what the item now takes in all, or lower `remaining`"),
            );
        }
        let latest = item.history.iter().max_by_key(|h| h.date);
        let done_now = match (&item.done, latest) {
            (Some(d), _) => Some((d.value, d.loc.0)),
            (None, Some(h)) => Some((h.done, h.loc.0)),
            (None, None) => None,
        };
        let done_over = match (done_now, high) {
            (Some(d), Some(high)) if d.0 > high => Some((d, high)),
            _ => None,
        };
        if let Some(((done, at), high)) = done_over {
            let help = if item.remaining.is_some() {
                "the estimate is below what is spent: update `effort` to what the item takes in all".to_string()
            } else {
                "by the estimate nothing is left, so it is taken as finished: if work is left, say how much with `remaining N`; if it is finished, add `finished DATE`".to_string()
            };
            out.push(
                Diagnostic::new(
                    Code::W0511,
                    format!("item `{}` has `done {done}`, more than its high estimate {high}", item.id),
                    at.or(item.loc.0),
                )
                .with_label("more than estimated")
                .with_help(help),
            );
            continue;
        }
        if item.needed_effort().is_some_and(|n| !n.is_positive()) {
            let what = match (&item.remaining, done_now) {
                (Some(_), _) => "`remaining 0`".to_string(),
                (None, Some((d, _))) => format!("`done {d}`"),
                (None, None) => continue,
            };
            let span = item.remaining.as_ref().and_then(|x| x.loc.0).or(done_now.and_then(|d| d.1));
            let day = as_of.pred_opt().unwrap_or(as_of);
            out.push(
                Diagnostic::new(
                    Code::W0512,
                    format!(
                        "item `{}` has nothing left ({what}) but no `finished` day: it is taken as finished on {day}, the day before the status date",
                        item.id
                    ),
                    span.or(item.loc.0),
                )
                .with_label("nothing left")
                .with_help("add `finished DATE` with the day it was finished"),
            );
        }
    }
}

/// `done N by DATE` lines: none after the status date, and the effort spent never going down
/// from one day to a later one (nor to the undated `done`, which is as of the status date).
fn history(item: &Item, as_of: NaiveDate, out: &mut Vec<Diagnostic>) {
    for h in &item.history {
        if h.date > as_of {
            out.push(
                Diagnostic::new(
                    Code::E0805,
                    format!(
                        "item `{}` records `done {} by {}`, after the status date {as_of}",
                        item.id, h.done, h.date
                    ),
                    h.loc.0.or(item.loc.0),
                )
                .with_label("after the status date")
                .with_help(
                    "progress is recorded as of the status date: correct the day, or move `as of` in the plan block",
                ),
            );
        }
    }
    let mut by_date: Vec<&DoneBy> = item.history.iter().collect();
    by_date.sort_by_key(|h| h.date);
    let mut points: Vec<(NaiveDate, Fixed, Option<Span>)> = by_date.iter().map(|h| (h.date, h.done, h.loc.0)).collect();
    if let Some(d) = &item.done {
        points.push((as_of, d.value, d.loc.0));
    }
    for pair in points.windows(2) {
        let ((d0, a, s0), (d1, b, s1)) = (pair[0], pair[1]);
        if b < a {
            out.push(
                Diagnostic::new(
                    Code::E0808,
                    format!("item `{}` has {a} done by {d0} but only {b} by {d1}", item.id),
                    s1.or(item.loc.0),
                )
                .with_secondary(s0, "more done before")
                .with_help("`done N by DATE` counts all effort spent on the item by that day, so it never goes down: correct the figure"),
            );
        }
    }
}

/// W0513: an unfinished item placed (`in PI`) in iterations that all lie before the status
/// iteration. Its placement fails, and it slips only at its own turn in the rank order: what
/// ranks above it and waits for it cannot be planned until then.
fn placed_in_the_past(item: &Item, cal: Option<&Calendar>, out: &mut Vec<Diagnostic>) {
    let (Some(cal), Some(p)) = (cal, &item.placed) else { return };
    let Some(status) = cal.status else { return };
    if item.needed_effort().is_some_and(|n| !n.is_positive()) {
        return;
    }
    let Ok(range) = cal.range(&p.value.0, &p.value.1) else { return };
    if *range.end() >= status.iteration {
        return;
    }
    let written = if p.value.0 == p.value.1 { p.value.0.to_string() } else { format!("{}..{}", p.value.0, p.value.1) };
    out.push(
        Diagnostic::new(
            Code::W0513,
            format!("item `{}` is placed in {written}, which ended before the status date {}", item.id, status.date),
            p.loc.0.or(item.loc.0),
        )
        .with_label("a placement in the past")
        .with_help(
            "it is planned only when its own commitment is kept late, after everything ranked above it (what waits for it there cannot be planned): place it anew, or take the placement out",
        ),
    );
}
