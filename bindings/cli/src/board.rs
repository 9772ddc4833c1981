//! `haalbaar board`: the program board in the terminal — teams down, PIs across, the items
//! each team works on in each PI, and its load. Fits `width` columns: PIs that do not fit
//! go to a next band below.

use haalbaar::Status;
use haalbaar::report::board::Board;
use haalbaar::report::feasibility::PlanVerdict;

use crate::words::t;

const RED: &str = "\u{1b}[31m";
const GREEN: &str = "\u{1b}[32m";
const YELLOW: &str = "\u{1b}[33m";
const BOLD: &str = "\u{1b}[1m";
const DIM: &str = "\u{1b}[2m";
const RESET: &str = "\u{1b}[0m";

/// Cuts `s` to `width` characters, marking the cut with `~`.
fn fit(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return format!("{s:<width$}");
    }
    let mut out: String = s.chars().take(width.saturating_sub(1)).collect();
    out.push('~');
    out
}

fn paint(text: String, code: &str, color: bool) -> String {
    if color && !code.is_empty() { format!("{code}{text}{RESET}") } else { text }
}

pub fn board(file: &str, b: &Board, width: usize, color: bool) -> String {
    let mut out = String::new();
    let mut title = crate::render::verdict_text(file, b.verdict, b.met, b.commitments);
    if let Some(day) = b.as_of {
        title.push_str(&crate::words::t(&format!(" (as of {day})")));
    }
    let code = if b.verdict == PlanVerdict::Feasible { GREEN } else { RED };
    out.push_str(&paint(title, &format!("{BOLD}{code}"), color));
    out.push('\n');

    let team_w = b.teams.iter().map(|t| t.team.chars().count()).max().unwrap_or(4).clamp(4, 24);
    // Each PI column holds its header (`PI3 2026-05-25`) and the longest id with its mark, as
    // far as the width allows one column; as many PIs per band as fit.
    let longest = b.items.iter().map(|i| i.item.chars().count() + 1).max().unwrap_or(0);
    let col_w = longest.max(14).min(width.saturating_sub(team_w + 4).max(14));
    let cut = longest > col_w;
    let per_band = ((width.saturating_sub(team_w + 1)) / (col_w + 3)).max(1);
    for band in b.pis.chunks(per_band) {
        out.push('\n');
        let mut head = format!("{:<team_w$} ", t("team"));
        let mut rule = "-".repeat(team_w + 1);
        for pi in band {
            head.push_str(&format!("| {} ", fit(&format!("{} {}", pi.label, pi.start), col_w)));
            rule.push_str(&format!("+{}", "-".repeat(col_w + 2)));
        }
        out.push_str(head.trim_end());
        out.push('\n');
        out.push_str(&rule);
        out.push('\n');
        for team in &b.teams {
            // Items with work in each PI of the band, in schedule order.
            let cells: Vec<Vec<(&str, &str)>> = band
                .iter()
                .map(|pi| {
                    b.items
                        .iter()
                        .filter(|i| i.team.as_deref() == Some(team.team.as_str()))
                        .filter(|i| matches!((i.first, i.last), (Some(f), Some(l)) if f <= pi.last && l >= pi.first))
                        .map(|i| {
                            let mark = if i.missed {
                                "!"
                            } else if i.competing {
                                "^"
                            } else if i.status == Some(Status::Met) {
                                "*"
                            } else {
                                ""
                            };
                            (i.item.as_str(), mark)
                        })
                        .collect()
                })
                .collect();
            let lines = cells.iter().map(Vec::len).max().unwrap_or(0);
            // First line: the load of each PI.
            let mut line = format!("{} ", fit(&team.team, team_w));
            for pi in band {
                let load = team.pis.iter().find(|l| l.pi == pi.pi);
                let (text, code) = match load.and_then(|l| l.percent) {
                    Some(p) => {
                        let whole = p.millis().div_euclid(1000);
                        let code = if whole > 100 {
                            RED
                        } else if whole >= 90 {
                            YELLOW
                        } else {
                            ""
                        };
                        (format!("{whole:>3}% {}", t("load")), code)
                    }
                    None => ("  - ".to_string(), ""),
                };
                line.push_str(&format!("| {} ", paint(fit(&text, col_w), code, color)));
            }
            out.push_str(line.trim_end());
            out.push('\n');
            for k in 0..lines {
                let mut line = format!("{:<team_w$} ", "");
                for cell in &cells {
                    let text = match cell.get(k) {
                        Some((id, mark)) => {
                            let code = match *mark {
                                "!" => RED,
                                "^" => YELLOW,
                                "*" => GREEN,
                                _ => DIM,
                            };
                            paint(fit(&format!("{mark}{id}"), col_w), code, color)
                        }
                        None => " ".repeat(col_w),
                    };
                    line.push_str(&format!("| {text} "));
                }
                out.push_str(line.trim_end());
                out.push('\n');
            }
            out.push_str(&rule);
            out.push('\n');
        }
    }
    for line in [
        "* committed and met   ! missed commitment or on its chain",
        "^ competes with a missed commitment for capacity",
        "load: planned / plannable capacity",
    ] {
        out.push_str(&format!("{}{}\n", if line.starts_with('*') { "\n" } else { "" }, t(line)));
    }
    if cut {
        out.push_str(&t(&format!("~ an id cut to fit {width} columns: `--width` (or COLUMNS) wider shows it whole")));
        out.push('\n');
    }
    out
}
