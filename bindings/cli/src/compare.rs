//! `haalbaar compare` in words: the plan and its scenarios side by side, as terminal text and
//! as markdown. The comparison itself is the engine's (`haalbaar::report::compare`).

use haalbaar::report::compare::{Comparison, Effect, Row};

use crate::words::t;

/// Which rows to show: those a scenario changes, or (`all`) every one.
fn shown(c: &Comparison, all: bool) -> impl Iterator<Item = &Row> {
    c.commitments.iter().filter(move |r| all || r.effects.iter().any(|e| *e != Effect::Same))
}

/// A column's name: `plan`, or the scenario's id.
fn name(c: &Comparison, k: usize) -> String {
    c.columns[k].scenario.clone().unwrap_or_else(|| t("plan"))
}

/// `feasible, 3 of 4 met`.
fn verdict(c: &Comparison, k: usize) -> String {
    let col = &c.columns[k];
    t(&format!("{}, {} of {} met", col.verdict, col.met, col.commitments))
}

/// A commitment in one column: `met by PI2.3`, with `(worse)` against the plan, and its
/// deadline where it is not the plan's.
fn standing(r: &Row, k: usize) -> String {
    let text = match (&r.standings[k], &r.standings[0]) {
        (Some(s), Some(plan)) if k > 0 && s.deadline != plan.deadline => {
            format!("{}, {}", t(&s.to_string()), t(&format!("deadline {}", s.deadline)))
        }
        (Some(s), _) => t(&s.to_string()),
        (None, _) => "-".to_string(),
    };
    match r.effects[k] {
        Effect::Same | Effect::None => text,
        e => format!("{text} ({})", t(&e.to_string())),
    }
}

/// The errors of every column, one line each with file:line.
fn errors(c: &Comparison) -> Vec<String> {
    let mut out = Vec::new();
    for (k, col) in c.columns.iter().enumerate() {
        for e in &col.errors {
            let at = e.line.map_or_else(|| c.file.clone(), |l| format!("{}:{l}", c.file));
            let help = e.help.as_ref().map(|h| format!("; {}", t(h))).unwrap_or_default();
            let line = format!("{at}: {} {}: {}{help} ({})", t("error"), e.code, t(&e.message), name(c, k));
            // A mistake in the plan itself is in every column: said once.
            let in_plan = k > 0 && c.columns[0].errors.iter().any(|b| b.message == e.message && b.line == e.line);
            if !in_plan && !out.contains(&line) {
                out.push(line);
            }
        }
    }
    out
}

/// The headline: how many scenarios, and how many make a commitment worse.
fn headline(c: &Comparison) -> String {
    let scenarios = c.columns.len() - 1;
    if scenarios == 0 {
        return t("the plan has no scenarios");
    }
    let worse = (1..c.columns.len()).filter(|&k| c.commitments.iter().any(|r| r.effects[k] == Effect::Worse)).count();
    let n = crate::words::count(scenarios, "scenario", "scenarios");
    t(&format!("{n} compared with the plan, {worse} with a commitment worse"))
}

/// The terminal text: the headline, each column's verdict, then a table of the commitments.
pub fn text(c: &Comparison, all: bool) -> String {
    let mut out = format!("{}: {}\n", c.file, headline(c));
    for e in errors(c) {
        out.push_str(&format!("{e}\n"));
    }
    out.push('\n');
    for k in 0..c.columns.len() {
        let title = c.columns[k].title.as_ref().map(|x| format!(" \"{x}\"")).unwrap_or_default();
        out.push_str(&format!("  {}{title}: {}\n", name(c, k), verdict(c, k)));
    }
    let rows: Vec<&Row> = shown(c, all).collect();
    if rows.is_empty() {
        if c.columns.len() > 1 {
            out.push_str(&format!("\n{}\n", t("no scenario changes a commitment")));
        }
        return out;
    }
    let mut header = vec![t("commitment")];
    header.extend((0..c.columns.len()).map(|k| name(c, k)));
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let mut cells = vec![r.item.clone()];
            cells.extend((0..c.columns.len()).map(|k| standing(r, k)));
            cells
        })
        .collect();
    out.push('\n');
    for line in crate::tables::aligned(&header, &table, &[]).lines() {
        out.push_str(&format!("  {line}\n"));
    }
    out
}

/// Markdown: a headline, the verdicts, and a table of the commitments.
pub fn markdown(c: &Comparison, all: bool) -> String {
    let mut out = format!("**haalbaar** `{}`: {}\n", c.file, headline(c));
    let errs = errors(c);
    if !errs.is_empty() {
        out.push('\n');
        for e in errs {
            out.push_str(&format!("- {}\n", cell(&e)));
        }
    }
    let columns = 0..c.columns.len();
    out.push_str(&format!(
        "\n| | {} |\n|---|{}\n",
        columns.clone().map(|k| cell(&name(c, k))).collect::<Vec<_>>().join(" | "),
        "---|".repeat(c.columns.len())
    ));
    out.push_str(&format!(
        "| {} | {} |\n",
        t("verdict"),
        columns.clone().map(|k| cell(&verdict(c, k))).collect::<Vec<_>>().join(" | ")
    ));
    for r in shown(c, all) {
        out.push_str(&format!(
            "| `{}` | {} |\n",
            r.item,
            columns.clone().map(|k| cell(&standing(r, k))).collect::<Vec<_>>().join(" | ")
        ));
    }
    out
}

/// Text for a table cell: no `|` or line break can end it early.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}
