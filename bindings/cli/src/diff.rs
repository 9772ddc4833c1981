//! `haalbaar diff` in words: the terminal text and the pull-request comment (markdown). The
//! comparison itself is the engine's (`haalbaar::report::diff`); this only formats it.

use haalbaar::report::diff::{Cause, CommitmentChange, PlanDiff, Side};

use crate::words::{count, t};

/// Which commitments to show: the changed ones, or (`all`) every one.
fn shown(diff: &PlanDiff, all: bool) -> impl Iterator<Item = &CommitmentChange> {
    diff.commitments.iter().filter(move |c| all || c.changed)
}

fn before_after(c: &CommitmentChange) -> (String, String) {
    let b = c.before.as_ref().map_or_else(|| t("(not in the old version)"), |s| t(&s.to_string()));
    let a = c.after.as_ref().map_or_else(|| t("(removed)"), |s| t(&s.to_string()));
    (b, a)
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
    let rows: Vec<&CommitmentChange> = shown(diff, all).collect();
    if rows.is_empty() {
        out.push_str(&format!("{}\n", t("no commitment changed")));
        return out;
    }
    let width = rows.iter().map(|c| c.item.chars().count()).max().unwrap_or(0);
    for c in rows {
        let (b, a) = before_after(c);
        let mark = if c.worse { format!("  ({})", t("worse")) } else { String::new() };
        out.push_str(&format!("\n  {:<width$}  {b} → {a}{mark}\n", c.item));
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
    let rows: Vec<&CommitmentChange> = shown(diff, all).collect();
    if rows.is_empty() {
        out.push_str(&format!("\n{}\n", t("No commitment changed.")));
        return out;
    }
    out.push_str(&format!("\n| {} | {} | {} | |\n|---|---|---|---|\n", t("commitment"), t("before"), t("after")));
    for c in &rows {
        let (b, a) = before_after(c);
        let mark = if c.worse { t("worse") } else { String::new() };
        out.push_str(&format!("| `{}` | {} | {} | {mark} |\n", c.item, cell(&b), cell(&a)));
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
