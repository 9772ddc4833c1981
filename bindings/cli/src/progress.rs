//! `haalbaar progress` as text and CSV: each commitment's scope, done and left with its
//! burn-up per PI, and each team's past iterations (delivered against capacity).

use haalbaar::report::progress::Progress;

use crate::tables::aligned;
use crate::words::t;

/// The burn-up's figure at the end of each PI: done up to the status iteration, planned after.
fn per_pi(burn_up: &[haalbaar::report::progress::BurnUp]) -> Vec<String> {
    let pi_of = |label: &str| label.split('.').next().unwrap_or_default().to_string();
    burn_up
        .iter()
        .enumerate()
        .filter(|(k, b)| burn_up.get(k + 1).is_none_or(|n| pi_of(&n.iteration) != pi_of(&b.iteration)))
        .map(|(_, b)| b.planned.or(b.done).map(|v| v.to_string()).unwrap_or_default())
        .collect()
}

/// The PIs of the horizon, in order (`PI1`, `PI2`, ...).
fn pis(p: &Progress) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if let Some(c) = p.commitments.first() {
        for b in &c.burn_up {
            let pi = b.iteration.split('.').next().unwrap_or_default().to_string();
            if out.last() != Some(&pi) {
                out.push(pi);
            }
        }
    }
    out
}

/// The text of `haalbaar progress`.
pub fn text(file: &str, p: &Progress) -> String {
    let mut out = format!(
        "{}\n\n",
        t(&format!("{file}: progress as of {} ({}), effort in {}", p.as_of, p.status_iteration, t(&p.unit)))
    );
    let rows: Vec<Vec<String>> = p
        .commitments
        .iter()
        .map(|c| {
            let share = c.done_percent.map_or_else(|| "-".into(), |v| format!("{}%", v.trunc()));
            vec![
                c.item.clone(),
                t(&c.status.to_string()),
                c.deadline.clone(),
                c.finish.clone().unwrap_or_else(|| "-".into()),
                c.scope.to_string(),
                c.done.to_string(),
                c.remaining().to_string(),
                share,
            ]
        })
        .collect();
    out.push_str(&aligned(
        &["commitment", "status", "deadline", "finish", "scope", "done", "left", "done %"],
        &rows,
        &[4, 5, 6, 7],
    ));
    let pis = pis(p);
    if !pis.is_empty() && !p.commitments.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            t(&format!(
                "burn-up at the end of each PI: done before {}, planned from it on",
                p.status_iteration.split('.').next().unwrap_or_default()
            ))
        ));
        let mut header: Vec<String> = vec!["commitment".into(), "scope".into()];
        header.extend(pis.iter().cloned());
        let rows: Vec<Vec<String>> = p
            .commitments
            .iter()
            .map(|c| {
                let mut row = vec![c.item.clone(), c.scope.to_string()];
                row.extend(per_pi(&c.burn_up));
                row
            })
            .collect();
        let h: Vec<&str> = header.iter().map(String::as_str).collect();
        out.push_str(&aligned(&h, &rows, &(1..header.len()).collect::<Vec<_>>()));
    }
    out.push_str(&format!("\n{}\n", t("work delivered per past iteration against plannable capacity")));
    // From the first iteration any team has work recorded in (the ones before say nothing).
    let past: Vec<&str> =
        p.teams.first().map(|t| t.iterations.iter().map(|i| i.iteration.as_str()).collect()).unwrap_or_default();
    let first = p
        .teams
        .iter()
        .filter_map(|t| t.counted_from.as_deref())
        .filter_map(|f| past.iter().position(|i| *i == f))
        .min()
        .unwrap_or(past.len());
    let mut header: Vec<String> = vec!["team".into()];
    header.extend(past[first..].iter().map(|s| s.to_string()));
    header.push("throughput".into());
    let rows: Vec<Vec<String>> = p
        .teams
        .iter()
        .map(|team| {
            let mut row = vec![team.team.clone()];
            let num = |x: haalbaar::Fixed| haalbaar::catalogue::number(&x.to_string(), crate::words::lang());
            row.extend(team.iterations.iter().skip(first).map(|i| format!("{}/{}", num(i.delivered), num(i.capacity))));
            row.push(team.throughput.map_or_else(|| t("no history"), |v| format!("{}%", v.trunc())));
            row
        })
        .collect();
    let h: Vec<&str> = header.iter().map(String::as_str).collect();
    out.push_str(&aligned(&h, &rows, &(1..header.len()).collect::<Vec<_>>()));
    out
}

/// The commitments as CSV, one row per commitment and iteration of its burn-up.
pub fn csv(p: &Progress) -> String {
    let mut out = String::from("commitment,iteration,done,planned,scope\n");
    for c in &p.commitments {
        for b in &c.burn_up {
            out.push_str(&format!(
                "{},{},{},{},{}\n",
                c.item,
                b.iteration,
                b.done.map(|d| d.to_string()).unwrap_or_default(),
                b.planned.map(|d| d.to_string()).unwrap_or_default(),
                c.scope
            ));
        }
    }
    out
}
