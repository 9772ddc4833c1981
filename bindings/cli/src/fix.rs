//! `haalbaar fix`: a commitment's repairs, one as a diff or written to the file, and the sure
//! fixes of the findings (did-you-means). The engine makes the edits; this shows and applies them.

use std::path::PathBuf;
use std::process::ExitCode;

use haalbaar::catalogue::Localize;
use haalbaar::report::Summary;
use haalbaar_cli::words::t;
use haalbaar_cli::{render, safe, words};

use super::{read, show};

/// `haalbaar fix`: exit 0 done, 1 when the commitment is met or has no repair, 2 for an
/// unknown commitment, a file with errors (other than commitments not met), or usage.
pub(super) fn fix_command(
    path: &PathBuf,
    id: &str,
    repair: Option<usize>,
    write: bool,
    budget: u64,
    color: bool,
) -> Result<ExitCode, String> {
    let source = read(path)?;
    let name = path.display().to_string();
    let mut checked = haalbaar::check_with(&source, &haalbaar::Options::default().budget(budget));
    checked.localize(words::lang());
    let broken = checked.diagnostics.iter().any(|d| d.is_error() && !d.code.as_str().starts_with("E06"));
    let Some(f) = checked.feasibility.as_ref().filter(|_| !broken) else {
        let mut text = render::human(&name, &source, &checked.diagnostics, color);
        let s = Summary::of(checked.diagnostics.iter().map(|d| &d.severity));
        text.push_str(&render::summary(s.errors, s.warnings, 1, color));
        eprintln!("{}", safe::text(&text, color));
        return Err(format!("{name} has errors; fix them before its commitments can be repaired"));
    };
    let Some(c) = f.commitments.iter().find(|c| c.item == id) else {
        let known: Vec<String> = f.commitments.iter().map(|c| format!("`{}`", c.item)).collect();
        let list = if known.is_empty() { "it has none".to_string() } else { format!("they are {}", known.join(", ")) };
        return Err(format!("{name} has no commitment `{id}`; {list}"));
    };
    if c.status == haalbaar::Status::Met {
        show(&format!("{}\n", t(&format!("`{id}` is met by {}: nothing to repair", c.deadline))), color)?;
        return Ok(ExitCode::from(1));
    }
    if c.repairs.is_empty() {
        let status = t(&format!("{:?}", c.status).to_lowercase());
        show(&format!("{}\n", t(&format!("`{id}` is {status} and has no repair the engine could verify"))), color)?;
        return Ok(ExitCode::from(1));
    }
    let Some(n) = repair else {
        let mut text = format!("{}\n", t(&format!("repairs of `{id}` (each on its own makes it met):")));
        for (k, r) in c.repairs.iter().enumerate() {
            text.push_str(&format!("  {}. {}\n", k + 1, r.text()));
        }
        text.push_str(&t(&format!(
            "show one with `haalbaar fix {name} --commitment {id} --repair N`, apply it with `--write`"
        )));
        text.push('\n');
        show(&text, color)?;
        return Ok(ExitCode::SUCCESS);
    };
    let Some(r) = n.checked_sub(1).and_then(|k| c.repairs.get(k)) else {
        return Err(format!("`{id}` has {} repairs; give --repair 1 to {}", c.repairs.len(), c.repairs.len()));
    };
    let fixed = haalbaar::report::edits::apply(&source, r.edits());
    if write {
        std::fs::write(path, &fixed).map_err(|e| format!("cannot write {name}: {e}"))?;
        show(&format!("{}\n", t(&format!("applied to {name}: {}", r.text()))), color)?;
    } else {
        let diff = similar::TextDiff::from_lines(&source, &fixed);
        let (a, b) =
            if path.is_absolute() { (name.clone(), name.clone()) } else { (format!("a/{name}"), format!("b/{name}")) };
        let text = diff.unified_diff().context_radius(2).header(&a, &b).to_string();
        show(&text, color)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `haalbaar fix FILE` (no commitment): the findings' sure fixes as a diff, or applied with
/// `--write`; exit 0 when there were some, 1 when there were none.
pub(super) fn fix_findings(path: &PathBuf, write: bool, budget: u64, color: bool) -> Result<ExitCode, String> {
    let source = read(path)?;
    let name = path.display().to_string();
    let checked = haalbaar::check_with(&source, &haalbaar::Options::default().budget(budget));
    // Each finding's edits, the first finding's kept where two touch the same text.
    let mut edits: Vec<haalbaar::report::edits::Edit> = Vec::new();
    let mut fixed = 0;
    for d in checked.diagnostics.iter().filter(|d| !d.edits.is_empty()) {
        let overlaps = d.edits.iter().any(|e| edits.iter().any(|k| e.span.0 < k.span.1 && k.span.0 < e.span.1));
        if !overlaps {
            edits.extend(d.edits.iter().cloned());
            fixed += 1;
        }
    }
    if edits.is_empty() {
        show(&format!("{}\n", t(&format!("{name} has no finding with a sure fix"))), color)?;
        return Ok(ExitCode::from(1));
    }
    let text = haalbaar::report::edits::apply(&source, &edits);
    if write {
        std::fs::write(path, &text).map_err(|e| format!("cannot write {name}: {e}"))?;
        show(&format!("{}\n", t(&format!("fixed {fixed} findings in {name}"))), color)?;
    } else {
        let diff = similar::TextDiff::from_lines(&source, &text);
        let (a, b) =
            if path.is_absolute() { (name.clone(), name.clone()) } else { (format!("a/{name}"), format!("b/{name}")) };
        show(&diff.unified_diff().context_radius(2).header(&a, &b).to_string(), color)?;
    }
    Ok(ExitCode::SUCCESS)
}
