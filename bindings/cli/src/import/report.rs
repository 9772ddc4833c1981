//! The comment at the top of an imported plan: what was mapped, what was left out and why.
//! A later import replaces it (it starts with [`FIRST`] and ends with [`LAST`]).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::merge::Facts;

/// The report's first words.
pub const FIRST: &str = "# haalbaar import";
/// The report's last line.
pub const LAST: &str = "# end of the import report";

/// What the comment says about the export itself.
#[derive(Debug, Clone, Default)]
pub struct Source {
    /// `jira` or `xlsx`.
    pub what: &'static str,
    /// What a place in the export is called: `line` (CSV), `row` (a sheet).
    pub row_word: &'static str,
    /// Teams from a capacity sheet: (updated, added).
    pub teams: Option<(usize, usize)>,
    /// The export's file name.
    pub file: String,
    /// The header style (`Jira Cloud`).
    pub style: String,
    /// Rows read.
    pub rows: usize,
    /// Where the estimates came from.
    pub estimates: String,
    /// Links of other types, counted.
    pub other_links: BTreeMap<String, usize>,
    /// Rows left out for their issue type, counted per type.
    pub types_left_out: BTreeMap<String, usize>,
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The report as comment lines (each starting with `#`), ending with [`LAST`].
pub fn comment(source: &Source, facts: &Facts) -> String {
    let mut out = String::new();
    let style = if source.style.is_empty() { String::new() } else { format!(" ({})", source.style) };
    let _ = writeln!(out, "{FIRST} {}: {}{style}", source.what, source.file);
    let _ = writeln!(
        out,
        "# {} read: {} ({} finished), {}, {}; {}.",
        plural(source.rows, "row", "rows"),
        plural(facts.items, "item", "items"),
        facts.finished,
        plural(facts.epics, "epic", "epics"),
        plural(facts.dependencies, "dependency", "dependencies"),
        match facts.skipped.len() {
            0 => "nothing left out".to_string(),
            n => format!("{n} left out or changed (listed below)"),
        }
    );
    let _ = writeln!(
        out,
        "# In this plan: {} updated ({} changed), {} added.",
        plural(facts.updated, "block", "blocks"),
        facts.changed.len(),
        facts.added
    );
    if let Some((updated, added)) = source.teams {
        let _ = writeln!(out, "# Teams from the capacity sheet: {updated} updated, {added} added.");
    }
    if !source.estimates.is_empty() {
        let _ = writeln!(out, "# Estimates: {}.", source.estimates);
    }
    if let Some((d, whence)) = facts.as_of {
        let _ = writeln!(out, "# Status date: {d} ({whence}).");
    }
    if !facts.new_teams.is_empty() {
        let names: Vec<String> = facts.new_teams.iter().map(|(id, name)| format!("{id} (\"{name}\")")).collect();
        let _ = writeln!(out, "# New teams without a capacity (give each its people): {}.", names.join(", "));
    }
    if !facts.unused_teams.is_empty() {
        let names: Vec<String> = facts.unused_teams.iter().map(|t| format!("`{t}`")).collect();
        let _ = writeln!(out, "# The mapping's [teams] names teams no issue has: {}.", names.join(", "));
    }
    if !source.types_left_out.is_empty() {
        let types: Vec<String> = source.types_left_out.iter().map(|(k, n)| format!("{n} `{k}`")).collect();
        let _ =
            writeln!(out, "# Issue types left out: {} (the mapping's [types] says which are read).", types.join(", "));
    }
    if !facts.added_keys.is_empty() {
        let added: Vec<String> = facts.added_keys.iter().map(|(k, id)| format!("{k} (`{id}`)")).collect();
        let _ = writeln!(out, "# Added: {}.", added.join(", "));
    }
    if !source.other_links.is_empty() {
        let links: Vec<String> = source.other_links.iter().map(|(k, n)| format!("{n} `{k}`")).collect();
        let _ = writeln!(out, "# Links that are not dependencies (not imported): {}.", links.join(", "));
    }
    for (key, id, what) in &facts.gone {
        let _ = writeln!(out, "# No longer in the export: {key} (`{id}`), {what}.");
    }
    if let Some((mine, newest)) = facts.newer_export {
        let _ = writeln!(
            out,
            "# The export has updates up to {newest}, after the plan's status date {mine}: move `as of` forward to take in what was finished since."
        );
    }
    if !facts.changed.is_empty() {
        let _ = writeln!(out, "# Changed by this import:");
        for (key, id, changes) in &facts.changed {
            let _ = writeln!(out, "#   {key} (`{id}`): {}", changes.join("; ").replace(['\n', '\r'], " "));
        }
    }
    for (key, due, line) in &facts.commits_kept {
        let _ = writeln!(out, "# {key}: due {due} in the export; the plan's `{line}` is kept (it is yours).");
    }
    if !facts.skipped.is_empty() {
        let _ = writeln!(out, "# Left out or changed, by {} of the export:", source.row_word);
        let mut skipped = facts.skipped.clone();
        skipped.sort_by(|a, b| (a.line, &a.key).cmp(&(b.line, &b.key)));
        for s in &skipped {
            let summary = if s.summary.is_empty() {
                String::new()
            } else {
                let short: String = s.summary.chars().take(50).collect();
                let dots = if short.len() < s.summary.len() { "…" } else { "" };
                format!(" \"{}{dots}\"", short.replace(['\n', '\r'], " "))
            };
            let key = if s.key.is_empty() { String::new() } else { format!(" {}", s.key) };
            let _ = writeln!(
                out,
                "#   {} {}{key}{summary}: {}",
                source.row_word,
                s.line,
                s.reason.replace(['\n', '\r'], " ")
            );
        }
    }
    let _ = writeln!(out, "{LAST}");
    out
}
