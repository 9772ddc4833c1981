//! `haalbaar diff` in words: the terminal text and the pull-request comment (markdown). The
//! comparison itself is the engine's (`haalbaar::report::diff`); this only formats it.

use haalbaar::report::diff::{Cause, CommitmentChange, PlanDiff, Side};

use crate::words::{count, t};

/// Which commitments to show: the changed ones, or (`all`) every one.
fn shown(diff: &PlanDiff, all: bool) -> impl Iterator<Item = &CommitmentChange> {
    diff.commitments.iter().filter(move |c| all || c.changed || c.left_out)
}

fn before_after(c: &CommitmentChange) -> (String, String) {
    let b = c.before.as_ref().map_or_else(|| t("(not in the old version)"), |s| t(&s.to_string()));
    let a = match &c.after {
        Some(s) => t(&s.to_string()),
        None if c.left_out => t("(left out: it needs an item with errors)"),
        None => t("(removed)"),
    };
    (b, a)
}

/// `deadline PI2.5`, or `deadline PI2.5 → PI3.5` when it moved.
fn deadline(c: &CommitmentChange) -> String {
    let (b, a) = (c.before.as_ref().map(|s| s.deadline.as_str()), c.after.as_ref().map(|s| s.deadline.as_str()));
    match (b, a) {
        (Some(x), Some(y)) if x != y => t(&format!("deadline {x} → {y}")),
        (Some(x), _) | (None, Some(x)) => t(&format!("deadline {x}")),
        (None, None) => String::new(),
    }
}

/// The errors of either version, one line each with file:line.
fn errors(diff: &PlanDiff, old: &str, new: &str) -> Vec<String> {
    diff.errors
        .iter()
        .map(|e| {
            let file = if e.side == Side::Old { old } else { new };
            let at = e.line.map_or_else(|| file.to_string(), |l| format!("{file}:{l}"));
            format!("{at}: {} {}: {}", t("error"), e.code, t(&e.message))
        })
        .collect()
}

fn place(c: &Cause, old: &str, new: &str) -> String {
    let file = if c.side == Side::Old { old } else { new };
    c.line.map_or_else(|| file.to_string(), |l| format!("{file}:{l}"))
}

/// The headline: the verdicts and how many commitments changed, got worse.
fn headline(diff: &PlanDiff) -> String {
    let changed = diff.commitments.iter().filter(|c| c.changed).count();
    let worse = diff.commitments.iter().filter(|c| c.worse).count();
    let verdicts = if diff.before == diff.after {
        t(&diff.after.to_string())
    } else {
        format!("{} → {}", t(&diff.before.to_string()), t(&diff.after.to_string()))
    };
    let changed = count(changed, "commitment changed", "commitments changed");
    t(&format!("{verdicts}; {changed}, {worse} worse"))
}

/// The terminal text: the headline, then per commitment shown its answer before and after and
/// its causes with file:line.
pub fn text(diff: &PlanDiff, old: &str, new: &str, all: bool) -> String {
    let mut out = format!("{old} → {new}: {}\n", headline(diff));
    for e in errors(diff, old, new) {
        out.push_str(&format!("{e}\n"));
    }
    let rows: Vec<&CommitmentChange> = shown(diff, all).collect();
    if rows.is_empty() {
        out.push_str(&format!("{}\n", t("no commitment changed")));
        return out;
    }
    let width = rows.iter().map(|c| c.item.chars().count()).max().unwrap_or(0);
    for c in rows {
        let (b, a) = before_after(c);
        let mark = if c.worse { format!("  ({})", t("worse")) } else { String::new() };
        out.push_str(&format!("\n  {:<width$}  {}: {b} → {a}{mark}\n", c.item, deadline(c)));
        for cause in &c.causes {
            out.push_str(&format!(
                "    {}: {} ({})\n",
                t(&cause.kind.to_string()),
                t(&cause.text),
                place(cause, old, new)
            ));
        }
        if c.changed && c.causes.is_empty() && c.before.is_some() && c.after.is_some() {
            out.push_str(&format!(
                "    {}\n",
                t("no changed statement reaches it through its chain, its teams or a commitment above it")
            ));
        }
    }
    out
}

/// Markdown for a pull-request comment: a one-line headline, a table of the commitments shown,
/// the causes as bullets.
pub fn markdown(diff: &PlanDiff, old: &str, new: &str, all: bool) -> String {
    let worse = diff.worse();
    let icon = if worse { "❌" } else { "✅" };
    let mut out = format!("{icon} **haalbaar** `{new}`: {}\n", headline(diff));
    let errs = errors(diff, old, new);
    if !errs.is_empty() {
        out.push('\n');
        for e in errs {
            out.push_str(&format!("- {}\n", cell(&e)));
        }
    }
    let rows: Vec<&CommitmentChange> = shown(diff, all).collect();
    if rows.is_empty() {
        out.push_str(&format!("\n{}\n", t("No commitment changed.")));
        return out;
    }
    out.push_str(&format!(
        "\n| {} | {} | {} | {} | |\n|---|---|---|---|---|\n",
        t("commitment"),
        t("deadline"),
        t("before"),
        t("after")
    ));
    for c in &rows {
        let (b, a) = before_after(c);
        let mark = if c.worse { t("worse") } else { String::new() };
        let due = deadline(c);
        let due = due.strip_prefix(&t("deadline ")).unwrap_or(&due).to_string();
        out.push_str(&format!("| `{}` | {} | {} | {} | {mark} |\n", c.item, cell(&due), cell(&b), cell(&a)));
    }
    let with_causes: Vec<&&CommitmentChange> = rows.iter().filter(|c| !c.causes.is_empty()).collect();
    if !with_causes.is_empty() {
        out.push_str(&format!("\n**{}**\n\n", t("Why")));
        for c in with_causes {
            out.push_str(&format!("- `{}`\n", c.item));
            for cause in &c.causes {
                out.push_str(&format!(
                    "  - {}: {} ({})\n",
                    t(&cause.kind.to_string()),
                    t(&cause.text),
                    place(cause, old, new)
                ));
            }
        }
    }
    out
}

/// Text for a table cell: no `|` or line break can end it early.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}
