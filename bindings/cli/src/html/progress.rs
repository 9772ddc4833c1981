//! The HTML report's progress section: the commitments' scope, done and left, a burn-up chart
//! for each, and the teams' work delivered per past iteration.

use std::fmt::Write as _;

use haalbaar::report::progress::{CommitmentProgress, Progress};

use super::{Labels, esc};

/// Progress as of the status date: a table of the commitments (scope, done, left), a burn-up
/// chart for each, and the teams' past iterations (work delivered against capacity).
pub(super) fn progress_section(p: &Progress, l: &Labels) -> String {
    let mut s = String::new();
    let _ = write!(
        s,
        "\n<section class=\"progress-section\"><h2>{} — {} {} ({})</h2><table class=\"progress\"><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>%</th></tr>",
        l.progress,
        l.as_of,
        p.as_of,
        esc(&p.status_iteration),
        l.item,
        l.deadline,
        l.finish,
        l.scope,
        l.done,
        l.left
    );
    for c in &p.commitments {
        let _ = write!(
            s,
            "<tr><td><code>{}</code> <span class=\"badge {}\">{}</span></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&c.item),
            c.status,
            (l.status)(c.status),
            esc(&c.deadline),
            esc(c.finish.as_deref().unwrap_or("—")),
            l.num(c.scope),
            l.num(c.done),
            l.num(c.remaining()),
            c.done_percent.map_or_else(|| "—".to_string(), |v| format!("{}%", v.trunc()))
        );
    }
    s.push_str("</table><div class=\"burnups\">");
    for c in &p.commitments {
        let _ = write!(s, "<div><h3>{}</h3>{}</div>", esc(&c.item), burn_up_svg(c, l));
    }
    let _ = write!(
        s,
        r#"</div><div class="legend"><span><i class="done"></i>{}</span><span><i class="plan"></i>{}</span><span><i class="scope"></i>{}</span></div>"#,
        l.legend_done, l.legend_plan, l.scope
    );
    let past: Vec<&str> =
        p.teams.first().map(|t| t.iterations.iter().map(|i| i.iteration.as_str()).collect()).unwrap_or_default();
    let first = p
        .teams
        .iter()
        .filter_map(|t| t.counted_from.as_deref())
        .filter_map(|f| past.iter().position(|i| *i == f))
        .min()
        .unwrap_or(past.len());
    let _ = write!(s, "<h3>{}</h3><table class=\"delivered\"><tr><th></th>", l.delivered);
    for it in &past[first..] {
        let _ = write!(s, "<th>{}</th>", esc(it));
    }
    let _ = write!(s, "<th>{}</th></tr>", l.throughput);
    for t in &p.teams {
        let _ = write!(s, "<tr><td><code>{}</code></td>", esc(&t.team));
        for i in t.iterations.iter().skip(first) {
            let _ = write!(s, "<td>{} / {}</td>", l.num(i.delivered), l.num(i.capacity));
        }
        let _ = write!(
            s,
            "<td>{}</td></tr>",
            t.throughput.map_or_else(|| l.no_history.to_string(), |v| format!("{}%", v.trunc()))
        );
    }
    s.push_str("</table></section>");
    s
}

/// One commitment's burn-up: done per iteration up to the status date (solid), then planned
/// (dashed), under its scope (a line), with its deadline marked.
fn burn_up_svg(c: &CommitmentProgress, l: &Labels) -> String {
    let n = c.burn_up.len().max(1);
    let w = (320 / n).clamp(4, 14) as f64;
    let h = 60.0;
    let width = n as f64 * w + 4.0;
    let top = (c.scope.millis() as f64 / 1000.0).max(1.0);
    let y = |v: f64| h - (v / top).min(1.0) * h;
    let x = |i: usize| 2.0 + i as f64 * w + w / 2.0;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="burnup" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{}" viewBox="0 0 {width} {}" role="img" aria-label="{} {}">"#,
        h + 14.0,
        h + 14.0,
        esc(&c.item),
        l.progress
    );
    let _ = write!(s, r#"<line class="scope" x1="2" y1="{0:.1}" x2="{1:.1}" y2="{0:.1}"/>"#, y(top), width - 2.0);
    if let Some(d) = c.burn_up.iter().position(|b| b.iteration == c.deadline) {
        let dx = 2.0 + (d + 1) as f64 * w;
        let _ = write!(s, r#"<line class="deadline" x1="{dx:.1}" y1="0" x2="{dx:.1}" y2="{h}"/>"#);
    }
    let line = |pick: &dyn Fn(&haalbaar::report::progress::BurnUp) -> Option<haalbaar::Fixed>| -> String {
        c.burn_up
            .iter()
            .enumerate()
            .filter_map(|(i, b)| pick(b).map(|v| format!("{:.1},{:.1}", x(i), y(v.millis() as f64 / 1000.0))))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let _ = write!(s, r#"<polyline class="done" points="{}"/>"#, line(&|b| b.done));
    let _ = write!(s, r#"<polyline class="plan" points="{}"/>"#, line(&|b| b.planned));
    let first = c.burn_up.first().map(|b| b.iteration.as_str()).unwrap_or("");
    let last = c.burn_up.last().map(|b| b.iteration.as_str()).unwrap_or("");
    let _ = write!(
        s,
        r#"<text x="2" y="{}">{}</text><text x="{:.1}" y="{}" text-anchor="end">{}</text>"#,
        h + 11.0,
        esc(first),
        width - 2.0,
        h + 11.0,
        esc(last)
    );
    s.push_str("</svg>");
    s
}
