//! `haalbaar report`: one self-contained HTML file (inline CSS and SVG, no script, no
//! network) with the program board, capacity against load per team, the commitments with
//! their reasons and repairs, and the forecast. Prints on A4 landscape.

use std::fmt::Write as _;

use haalbaar::Status;
use haalbaar::forecast::{Forecast, Rag};
use haalbaar::report::DiagnosticRecord;
use haalbaar::report::board::{Board, BoardTeam, EventKind};
use haalbaar::report::compare::{Comparison, Effect};
use haalbaar::report::feasibility::{CommitmentReport, PlanVerdict};
use haalbaar::report::progress::Progress;

mod board;
mod progress;

use board::board_svg;
pub use board::label_width;
use progress::progress_section;

/// Labels in one language.
pub struct Labels {
    pub lang: &'static str,
    report: &'static str,
    board: &'static str,
    capacity: &'static str,
    commitments: &'static str,
    forecast: &'static str,
    findings: &'static str,
    status: fn(Status) -> &'static str,
    verdict: fn(PlanVerdict) -> &'static str,
    item: &'static str,
    deadline: &'static str,
    finish: &'static str,
    why: &'static str,
    repairs: &'static str,
    probability: &'static str,
    met_of: &'static str,
    planned: &'static str,
    plannable: &'static str,
    capacity_raw: &'static str,
    ip: &'static str,
    legend_met: &'static str,
    legend_missed: &'static str,
    legend_competing: &'static str,
    legend_free: &'static str,
    legend_over: &'static str,
    hire: &'static str,
    leave: &'static str,
    vacancy: &'static str,
    no_board: &'static str,
    none: &'static str,
    runs: &'static str,
    method: &'static str,
    line: &'static str,
    hard: &'static str,
    all_deps: &'static str,
    beyond: &'static str,
    holiday: &'static str,
    scenarios: &'static str,
    the_plan: &'static str,
    effect: fn(Effect) -> &'static str,
    progress: &'static str,
    as_of: &'static str,
    scope: &'static str,
    done: &'static str,
    left: &'static str,
    delivered: &'static str,
    throughput: &'static str,
    no_history: &'static str,
    legend_done: &'static str,
    legend_plan: &'static str,
}

impl Labels {
    /// A figure in the report's language (a decimal comma in Dutch).
    fn num(&self, figure: impl std::fmt::Display) -> String {
        let lang = haalbaar::catalogue::Lang::parse(self.lang).unwrap_or_default();
        haalbaar::catalogue::number(&figure.to_string(), lang)
    }

    /// Every fixed text of the labels (for the test that a Dutch report holds no English).
    pub fn texts(&self) -> Vec<&'static str> {
        vec![
            self.report,
            self.board,
            self.capacity,
            self.commitments,
            self.forecast,
            self.findings,
            self.item,
            self.deadline,
            self.finish,
            self.why,
            self.repairs,
            self.probability,
            self.met_of,
            self.planned,
            self.plannable,
            self.capacity_raw,
            self.ip,
            self.legend_met,
            self.legend_missed,
            self.legend_competing,
            self.legend_free,
            self.legend_over,
            self.hire,
            self.leave,
            self.vacancy,
            self.no_board,
            self.none,
            self.runs,
            self.method,
            self.line,
            self.hard,
            self.all_deps,
            self.beyond,
            self.holiday,
            self.scenarios,
            self.the_plan,
            self.progress,
            self.as_of,
            self.scope,
            self.done,
            self.left,
            self.delivered,
            self.throughput,
            self.no_history,
            self.legend_done,
            self.legend_plan,
        ]
    }
}

pub const EN: Labels = Labels {
    lang: "en",
    report: "Feasibility report",
    board: "Program board",
    capacity: "Capacity and load per team",
    commitments: "Commitments",
    forecast: "Forecast",
    findings: "Findings",
    status: |s| match s {
        Status::Met => "met",
        Status::Infeasible => "infeasible",
        Status::Conflict => "conflict",
        Status::Unknown => "unknown",
        _ => "unknown",
    },
    verdict: |v| match v {
        PlanVerdict::Feasible => "feasible",
        PlanVerdict::Infeasible => "not feasible",
        PlanVerdict::Unknown => "undecided",
        PlanVerdict::Invalid => "has errors",
        _ => "undecided",
    },
    item: "Item",
    deadline: "Deadline",
    finish: "Finish",
    why: "Why",
    repairs: "What would fix it",
    probability: "Chance",
    met_of: "commitments met",
    planned: "planned",
    plannable: "plannable",
    capacity_raw: "capacity before load",
    ip: "IP iteration",
    legend_met: "committed, met",
    legend_missed: "missed commitment or its chain",
    legend_competing: "competes with a missed commitment for capacity",
    legend_free: "not committed",
    legend_over: "over-loaded",
    hire: "hire, lent in",
    leave: "leaver, lent out",
    vacancy: "vacancy",
    no_board: "The plan has errors: there is no schedule to show. Fix the findings below first.",
    none: "none",
    runs: "runs",
    method: "Method",
    line: "line",
    hard: "hard",
    all_deps: "show every dependency (by default only those of missed commitments)",
    beyond: "after the horizon",
    holiday: "holiday",
    scenarios: "Scenarios compared with the plan",
    the_plan: "plan",
    effect: |e| match e {
        Effect::Worse => "worse",
        Effect::Better => "better",
        Effect::Added => "added",
        Effect::Removed => "removed",
        Effect::Changed => "changed",
        _ => "",
    },
    progress: "Progress",
    as_of: "as of",
    scope: "Scope",
    done: "Done",
    left: "Left",
    delivered: "Work delivered per past iteration against plannable capacity",
    throughput: "Throughput",
    no_history: "no history",
    legend_done: "done",
    legend_plan: "planned from the status date",
};

pub const NL: Labels = Labels {
    lang: "nl",
    report: "Haalbaarheidsrapport",
    board: "Programmabord",
    capacity: "Capaciteit en belasting per team",
    commitments: "Toezeggingen",
    forecast: "Prognose",
    findings: "Bevindingen",
    status: |s| match s {
        Status::Met => "gehaald",
        Status::Infeasible => "onhaalbaar",
        Status::Conflict => "conflict",
        Status::Unknown => "onbekend",
        _ => "onbekend",
    },
    verdict: |v| match v {
        PlanVerdict::Feasible => "haalbaar",
        PlanVerdict::Infeasible => "niet haalbaar",
        PlanVerdict::Unknown => "onbeslist",
        PlanVerdict::Invalid => "bevat fouten",
        _ => "onbeslist",
    },
    item: "Item",
    deadline: "Deadline",
    finish: "Klaar",
    why: "Waarom",
    repairs: "Wat zou helpen",
    probability: "Kans",
    met_of: "toezeggingen gehaald",
    planned: "gepland",
    plannable: "planbaar",
    capacity_raw: "capaciteit vóór belasting",
    ip: "IP-iteratie",
    legend_met: "toegezegd, gehaald",
    legend_missed: "gemiste toezegging of haar keten",
    legend_competing: "concurreert met een gemiste toezegging om capaciteit",
    legend_free: "niet toegezegd",
    legend_over: "overbelast",
    hire: "instroom, geleend",
    leave: "uitstroom, uitgeleend",
    vacancy: "vacature",
    no_board: "Het plan bevat fouten: er is geen planning te tonen. Los eerst de bevindingen hieronder op.",
    none: "geen",
    runs: "runs",
    method: "Methode",
    line: "regel",
    hard: "hard",
    all_deps: "toon elke afhankelijkheid (standaard alleen die van gemiste toezeggingen)",
    beyond: "na de horizon",
    holiday: "feestdag",
    scenarios: "Scenario's vergeleken met het plan",
    the_plan: "plan",
    effect: |e| match e {
        Effect::Worse => "slechter",
        Effect::Better => "beter",
        Effect::Added => "nieuw",
        Effect::Removed => "vervallen",
        Effect::Changed => "anders",
        _ => "",
    },
    progress: "Voortgang",
    as_of: "stand van",
    scope: "Omvang",
    done: "Gedaan",
    left: "Over",
    delivered: "Geleverd werk per voorbije iteratie tegenover planbare capaciteit",
    throughput: "Doorvoer",
    no_history: "geen historie",
    legend_done: "gedaan",
    legend_plan: "gepland vanaf de statusdatum",
};

/// A sentence of the engine: escaped, with each `id` in backticks set as code.
fn prose(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for (k, part) in esc(s).split('`').enumerate() {
        if k % 2 == 1 {
            out.push_str("<code>");
            out.push_str(part);
            out.push_str("</code>");
        } else {
            out.push_str(part);
        }
    }
    out
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // A control character or a bidirectional override of the user's text is shown as
            // an escape, as on the terminal: a browser would hide it or reorder the text.
            c if crate::safe::is_unsafe(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
@page { size: A4 landscape; margin: 10mm; }
body { font: 13px/1.4 system-ui, "Segoe UI", Roboto, sans-serif; color: #1f2328; margin: 16px; }
.commitments .title { color: #57606a; font-size: 12px; }
code { font: 0.95em ui-monospace, SFMono-Regular, Menlo, monospace; background: #f2f4f6; padding: 0 2px; border-radius: 3px; }
h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 18px 0 6px; border-bottom: 1px solid #d0d7de; }
h3 { font-size: 13px; margin: 8px 0 2px; }
.meta { color: #57606a; } .verdict { font-weight: 700; } .verdict.feasible { color: #2e7d32; }
.verdict.infeasible, .verdict.invalid { color: #c62828; } .verdict.unknown { color: #ef6c00; }
section { break-inside: avoid; } svg { max-width: 100%; height: auto; } svg.board, svg.cap { width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; } th { text-align: left; color: #57606a; border-bottom: 1px solid #d0d7de; padding: 3px 6px; }
td { vertical-align: top; padding: 3px 6px; border-bottom: 1px solid #eaeef2; } tr { break-inside: avoid; }
td small { color: #57606a; white-space: nowrap; } ul { margin: 2px 0 0; padding-left: 18px; } .repairs { color: #0b5394; }
.badge { display: inline-block; padding: 0 6px; border-radius: 10px; color: #fff; font-size: 12px; font-weight: 600; }
.badge.met, .badge.green { background: #2e7d32; } .badge.infeasible, .badge.conflict, .badge.red { background: #c62828; }
.badge.unknown, .badge.amber { background: #ef6c00; } .effect { font-size: 11px; font-weight: 600; } .effect.worse, .effect.removed { color: #c62828; } .effect.better, .effect.added { color: #2e7d32; } .effect.changed, .effect.earlier, .effect.later { color: #57606a; } .hard { font-size: 11px; border: 1px solid #57606a; border-radius: 3px; padding: 0 3px; }
.legend { display: flex; gap: 14px; flex-wrap: wrap; font-size: 12px; color: #57606a; margin: 4px 0; }
.legend i { display: inline-block; width: 14px; height: 10px; border: 1px solid; margin-right: 4px; vertical-align: -1px; }
.legend .met { background: #c8e6c9; border-color: #2e7d32; } .legend .missed { background: #ffcdd2; border-color: #c62828; } .legend .competing { background: #ffe0b2; border-color: #ef6c00; }
.legend .free { background: #e3f2fd; border-color: #64b5f6; } .legend .ip { background: #eceff1; border-color: #cfd8dc; }
.legend .over { background: #c62828; border-color: #c62828; } .legend .holiday { background: #ffb74d; border-color: #ffb74d; height: 4px; vertical-align: 2px; } .legend .planned { background: #64b5f6; border-color: #64b5f6; }
.legend .plannable { background: #fff; border-color: #90a4ae; } .legend .capacity { border: none; border-top: 2px dashed #455a64; height: 0; vertical-align: 3px; }
.caps { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 16px; } .finding.error { color: #c62828; } .finding.warning { color: #9a6700; }
.hist { display: grid; grid-template-columns: repeat(auto-fill, minmax(330px, 1fr)); gap: 4px 16px; }
svg text { font-family: system-ui, sans-serif; }
.board .pi-band { fill: #eef2f6; stroke: #fff; } .board .pi-label { text-anchor: middle; font-weight: 600; font-size: 11px; }
.board .it-label { text-anchor: middle; fill: #57606a; font-size: 9px; } .ip { fill: #eceff1; } .holiday { fill: #ffb74d; }
.board .pi-line { stroke: #b0bec5; } .board .team-line { stroke: #d0d7de; } .board .team-label { font-weight: 600; font-size: 12px; }
.board .team-title { fill: #57606a; font-size: 9px; } .load.none { fill: transparent; } .load.low { fill: #c8e6c9; }
.load.half { fill: #81c784; } .load.full { fill: #388e3c; } .load.over { fill: #c62828; } .over-mark { fill: #c62828; font-weight: 700; text-anchor: middle; }
.item rect { stroke-width: 1; } .item.met rect { fill: #c8e6c9; stroke: #2e7d32; } .item.missed rect { fill: #ffcdd2; stroke: #c62828; } .item.competing rect { fill: #ffe0b2; stroke: #ef6c00; }
.item.free rect { fill: #e3f2fd; stroke: #64b5f6; } .item text { font-size: 10px; fill: #1f2328; }
.dep { fill: none; stroke: #555; stroke-width: 1.2; display: none; } .dep.red { stroke: #c62828; stroke-width: 1.6; display: inline; }
#all-deps:checked ~ svg.board .dep { display: inline; } .deps-toggle { font-size: 12px; color: #57606a; } .item text.outside { fill: #1f2328; }
.cap .pi-band { fill: #eef2f6; stroke: #fff; } .cap .pi-label { text-anchor: middle; font-size: 9px; font-weight: 600; fill: #24292f; } .cap .pi-line { stroke: #b0bec5; }
@media print { #all-deps, .deps-toggle { display: none; } }
.cap .plannable { fill: #fff; stroke: #90a4ae; } .cap .planned { fill: #64b5f6; } .cap .planned.over { fill: #c62828; }
.cap .capacity-line { fill: none; stroke: #455a64; stroke-dasharray: 3 2; } .cap .axis { font-size: 9px; fill: #57606a; }
.cap .event { font-size: 10px; fill: #455a64; } .cap .event.leave, .cap .event.lend_out { fill: #c62828; } .cap .event.hire, .cap .event.lend_in { fill: #2e7d32; }
.histogram .bar { fill: #64b5f6; } .histogram .bar.late { fill: #ef9a9a; } .histogram .deadline { stroke: #c62828; stroke-width: 1.5; }
.histogram text { font-size: 9px; fill: #57606a; }
.burnups { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 4px 16px; }
.burnup .done { fill: none; stroke: #2e7d32; stroke-width: 2; } .burnup .plan { fill: none; stroke: #64b5f6; stroke-width: 2; stroke-dasharray: 4 2; }
.burnup .scope { stroke: #455a64; stroke-dasharray: 2 2; } .burnup .deadline { stroke: #c62828; stroke-width: 1.5; } .burnup text { font-size: 9px; fill: #57606a; }
.legend .done { border: none; border-top: 2px solid #2e7d32; height: 0; vertical-align: 3px; } .legend .plan { border: none; border-top: 2px dashed #64b5f6; height: 0; vertical-align: 3px; }
.legend .scope { border: none; border-top: 2px dotted #455a64; height: 0; vertical-align: 3px; } .as-of { color: #0b5394; }
"#;

/// Capacity (before load, dashed), plannable (outline) and planned (filled) per iteration,
/// under a band naming the PIs.
fn capacity_svg(team: &BoardTeam, b: &Board, l: &Labels) -> String {
    let n = b.iterations.len().max(1);
    let w = (480 / n).clamp(4, 24) as f64;
    let h = 56.0;
    let width = n as f64 * w + 40.0;
    let max = team
        .iterations
        .iter()
        .map(|c| c.capacity.max(c.plannable).max(c.planned).millis())
        .max()
        .unwrap_or(0)
        .max(1000) as f64
        / 1000.0;
    // The PI band takes the top `band` px; the chart starts below it.
    let band = 14.0;
    let y = |v: f64| band + 6.0 + h - v / max * h;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="cap" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{}" viewBox="0 0 {width} {}" role="img" aria-label="{}: {}">"#,
        band + h + 24.0,
        band + h + 24.0,
        esc(l.capacity),
        esc(&team.team)
    );
    for pi in &b.pis {
        let x = 36.0 + pi.first as f64 * w;
        let pw = (pi.last - pi.first + 1) as f64 * w;
        let _ = write!(
            s,
            r#"<rect class="pi-band" x="{x:.1}" y="0" width="{pw:.1}" height="12"/><text class="pi-label" x="{:.1}" y="9">{}</text><line class="pi-line" x1="{x:.1}" y1="0" x2="{x:.1}" y2="{:.1}"/>"#,
            x + pw / 2.0,
            esc(&pi.label),
            band + 6.0 + h
        );
    }
    let mut line = String::new();
    for (i, it) in b.iterations.iter().enumerate() {
        let x = 36.0 + i as f64 * w;
        if it.ip {
            let _ = write!(s, r#"<rect class="ip" x="{x}" y="{}" width="{w}" height="{h}"/>"#, band + 6.0);
        }
        let Some(c) = team.iterations.get(i) else { continue };
        let (cap, plannable, planned) = (
            c.capacity.millis() as f64 / 1000.0,
            c.plannable.millis() as f64 / 1000.0,
            c.planned.millis() as f64 / 1000.0,
        );
        let _ = write!(
            s,
            r#"<rect class="plannable" x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}"/>"#,
            x + 0.5,
            y(plannable),
            w - 1.0,
            band + 6.0 + h - y(plannable)
        );
        let _ = write!(
            s,
            r#"<rect class="planned{}" x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}"><title>{}: {} {} / {} {} / {} {}</title></rect>"#,
            if c.overloaded { " over" } else { "" },
            x + 1.0,
            y(planned),
            (w - 2.0).max(1.0),
            band + 6.0 + h - y(planned),
            esc(&c.iteration),
            l.num(c.planned),
            l.planned,
            l.num(c.plannable),
            l.plannable,
            l.num(c.capacity),
            l.capacity_raw
        );
        let _ = write!(line, "{}{x:.1},{:.1} L{:.1},{:.1} ", if i == 0 { "M" } else { "L" }, y(cap), x + w, y(cap));
    }
    let _ = write!(s, r#"<path class="capacity-line" d="{}"/>"#, line.trim_end());
    let _ = write!(
        s,
        r#"<text class="axis" x="32" y="{:.1}" text-anchor="end">{}</text><text class="axis" x="32" y="{}" text-anchor="end">0</text>"#,
        y(max) + 8.0,
        max.round(),
        band + 6.0 + h
    );
    for e in &team.events {
        let Some(i) = b.iterations.iter().position(|it| it.iteration == e.iteration) else { continue };
        let (class, mark) = match e.kind {
            EventKind::Hire => ("hire", "▲"),
            EventKind::LendIn => ("lend_in", "▲"),
            EventKind::Leave => ("leave", "▼"),
            EventKind::LendOut => ("lend_out", "▼"),
            EventKind::Vacancy => ("vacancy", "○"),
            _ => ("event", "•"),
        };
        let _ = write!(
            s,
            r#"<text class="event {class}" x="{:.1}" y="{}" text-anchor="middle">{mark}<title>{}</title></text>"#,
            36.0 + i as f64 * w + w / 2.0,
            band + h + 20.0,
            esc(&e.text)
        );
    }
    s.push_str("</svg>");
    s
}

/// Runs finishing per iteration, the deadline marked.
fn histogram_svg(c: &haalbaar::forecast::CommitmentForecast, b: &Board, l: &Labels) -> String {
    let n = b.iterations.len() + 1;
    let w = (300 / n).clamp(3, 12) as f64;
    let h = 40.0;
    let max = c.histogram.iter().map(|x| x.runs).max().unwrap_or(1).max(1) as f64;
    let deadline = b.iterations.iter().position(|it| it.iteration == c.deadline);
    let mut s = String::new();
    let width = n as f64 * w + 4.0;
    let _ = write!(
        s,
        r#"<svg class="histogram" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{}" viewBox="0 0 {width} {}" role="img" aria-label="{}">"#,
        h + 14.0,
        h + 14.0,
        esc(&c.item)
    );
    for bucket in &c.histogram {
        let i = b.iterations.iter().position(|it| it.iteration == bucket.iteration).unwrap_or(n - 1);
        let late = deadline.is_none_or(|d| i > d);
        let bh = bucket.runs as f64 / max * h;
        let _ = write!(
            s,
            r#"<rect class="bar{}" x="{:.1}" y="{:.1}" width="{:.1}" height="{bh:.1}"><title>{}: {}</title></rect>"#,
            if late { " late" } else { "" },
            2.0 + i as f64 * w,
            h - bh,
            (w - 1.0).max(1.0),
            esc(if bucket.iteration == "beyond" { l.beyond } else { &bucket.iteration }),
            bucket.runs
        );
    }
    if let Some(d) = deadline {
        let x = 2.0 + (d + 1) as f64 * w;
        let _ = write!(s, r#"<line class="deadline" x1="{x:.1}" y1="0" x2="{x:.1}" y2="{h}"/>"#);
    }
    let first = b.iterations.first().map(|i| i.iteration.as_str()).unwrap_or("");
    let last = b.iterations.last().map(|i| i.iteration.as_str()).unwrap_or("");
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

/// The plan and each scenario side by side: a column each, a row per commitment.
fn comparison_table(c: &Comparison, l: &Labels) -> String {
    let mut s = format!(
        "\n<section class=\"scenarios-section\"><h2>{}</h2><table class=\"scenarios\"><thead><tr><th>{}</th>",
        l.scenarios, l.item
    );
    for col in &c.columns {
        let name = col.scenario.as_deref().unwrap_or(l.the_plan);
        let title =
            col.title.as_deref().map(|t| format!("<br><span class=\"title\">{}</span>", esc(t))).unwrap_or_default();
        let _ = write!(
            s,
            "<th>{}{title}<br><span class=\"verdict {}\">{}</span> <small>{} / {} {}</small></th>",
            esc(name),
            col.verdict,
            (l.verdict)(col.verdict),
            col.met,
            col.commitments,
            l.met_of
        );
    }
    s.push_str("</tr></thead><tbody>");
    for row in &c.commitments {
        let _ = write!(s, "<tr><td><b>{}</b></td>", esc(&row.item));
        for (standing, effect) in row.standings.iter().zip(&row.effects) {
            match standing {
                Some(st) => {
                    let status = match st.status {
                        Status::Met => "met",
                        Status::Infeasible => "infeasible",
                        Status::Conflict => "conflict",
                        _ => "unknown",
                    };
                    let mark = (l.effect)(*effect);
                    let mark = if mark.is_empty() {
                        String::new()
                    } else {
                        format!(" <span class=\"effect {effect}\">{mark}</span>")
                    };
                    let _ = write!(
                        s,
                        "<td><span class=\"badge {status}\">{}</span> {}{mark}</td>",
                        (l.status)(st.status),
                        esc(st.finish.as_deref().unwrap_or("—"))
                    );
                }
                None => s.push_str("<td>—</td>"),
            }
        }
        s.push_str("</tr>");
    }
    s.push_str("</tbody></table></section>");
    s
}

fn commitments_table(commitments: &[CommitmentReport], forecast: Option<&Forecast>, l: &Labels) -> String {
    let mut s = String::from("<table class=\"commitments\"><thead><tr><th></th>");
    let _ = write!(s, "<th>{}</th><th>{}</th><th>{}</th>", l.item, l.deadline, l.finish);
    if forecast.is_some() {
        let _ = write!(s, "<th>{}</th><th>P50</th><th>P85</th>", l.probability);
    }
    let _ = write!(s, "<th>{} / {}</th></tr></thead><tbody>", l.why, l.repairs);
    for c in commitments {
        let status = match c.status {
            Status::Met => "met",
            Status::Infeasible => "infeasible",
            Status::Conflict => "conflict",
            Status::Unknown => "unknown",
            _ => "unknown",
        };
        let hard = if c.hard { format!(r#" <span class="hard">{}</span>"#, l.hard) } else { String::new() };
        let title =
            c.title.as_deref().map(|t| format!(r#"<br><span class="title">{}</span>"#, esc(t))).unwrap_or_default();
        let _ = write!(
            s,
            r#"<tr class="commitment" data-item="{}" data-status="{status}"><td><span class="badge {status}">{}</span></td><td><b>{}</b>{hard}{title}</td><td>{} <small>{}</small></td><td>{}</td>"#,
            esc(&c.item),
            (l.status)(c.status),
            esc(&c.item),
            esc(&c.deadline),
            c.deadline_date,
            match (&c.finish, &c.finish_date) {
                (Some(f), Some(d)) => format!("{} <small>{d}</small>", esc(f)),
                _ => "—".into(),
            }
        );
        if let Some(f) = forecast {
            match f.commitments.iter().find(|x| x.item == c.item) {
                Some(x) => {
                    let rag = match x.rag {
                        Rag::Green => "green",
                        Rag::Amber => "amber",
                        Rag::Red => "red",
                        _ => "amber",
                    };
                    let _ = write!(
                        s,
                        r#"<td><span class="badge {rag}">{}</span></td><td>{}</td><td>{}</td>"#,
                        esc(&x.chance()),
                        esc(x.p50.as_deref().unwrap_or("—")),
                        esc(x.p85.as_deref().unwrap_or("—"))
                    );
                }
                None => s.push_str("<td></td><td></td><td></td>"),
            }
        }
        s.push_str("<td>");
        if let Some(r) = &c.reason {
            s.push_str(&prose(r.text()));
        }
        if !c.repairs.is_empty() {
            s.push_str(r#"<ul class="repairs">"#);
            for r in &c.repairs {
                let _ = write!(s, "<li>{}</li>", prose(r.text()));
            }
            s.push_str("</ul>");
        }
        s.push_str("</td></tr>");
    }
    s.push_str("</tbody></table>");
    s
}

/// What the report shows, all computed before.
pub struct Input<'a> {
    pub file: &'a str,
    pub verdict: PlanVerdict,
    pub board: Option<&'a Board>,
    pub commitments: &'a [CommitmentReport],
    pub forecast: Option<&'a Forecast>,
    pub findings: &'a [DiagnosticRecord],
    /// Draw every dependency from the start (the reader can tick the box either way).
    pub all_deps: bool,
    /// What the check assumed without the plan saying so (`assuming no loans`), in words.
    pub assumed: Option<&'a str>,
    /// The plan and its scenarios side by side, when it has scenarios.
    pub comparison: Option<&'a Comparison>,
    /// Progress as of the plan's status date, when it has one.
    pub progress: Option<&'a Progress>,
}

pub fn report(input: &Input, l: &Labels) -> String {
    let mut s = String::new();
    let title = input.board.and_then(|b| b.title.clone()).unwrap_or_else(|| input.file.to_string());
    let verdict = input.verdict;
    let _ = write!(
        s,
        "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{} — {}</title><style>{STYLE}</style></head><body>\n",
        l.lang,
        esc(l.report),
        esc(&title)
    );
    let _ = write!(
        s,
        "<header><h1>{} — {}</h1><div class=\"meta\"><span class=\"verdict {verdict}\">{}</span>",
        esc(l.report),
        esc(&title),
        (l.verdict)(input.verdict)
    );
    if let Some(b) = input.board {
        let _ = write!(s, " · {} / {} {}", b.met, b.commitments, l.met_of);
    }
    if let Some(a) = input.assumed {
        let _ = write!(s, " · <strong class=\"assumed\">{}</strong>", esc(a));
    }
    if let Some(p) = input.progress {
        let _ = write!(s, " · <strong class=\"as-of\">{} {}</strong>", l.as_of, p.as_of);
    }
    let _ = writeln!(s, " · {} · haalbaar {}</div></header>", esc(input.file), env!("CARGO_PKG_VERSION"));

    match input.board {
        Some(b) => {
            let _ = write!(s, "<section class=\"commitments-section\"><h2>{}</h2>", l.commitments);
            if input.commitments.is_empty() {
                let _ = write!(s, "<p>{}</p>", l.none);
            } else {
                s.push_str(&commitments_table(input.commitments, input.forecast, l));
            }
            s.push_str("</section>\n");
            let _ = write!(
                s,
                r#"<section class="board-section"><h2>{}</h2><input type="checkbox" id="all-deps"{}><label class="deps-toggle" for="all-deps"> {}</label><br>{}"#,
                l.board,
                if input.all_deps { " checked" } else { "" },
                l.all_deps,
                board_svg(b, l)
            );
            let _ = write!(
                s,
                r#"<div class="legend"><span><i class="met"></i>{}</span><span><i class="missed"></i>{}</span><span><i class="competing"></i>{}</span><span><i class="free"></i>{}</span><span><i class="ip"></i>{}</span><span><i class="over"></i>{}</span><span><i class="holiday"></i>{}</span></div></section>"#,
                l.legend_met, l.legend_missed, l.legend_competing, l.legend_free, l.ip, l.legend_over, l.holiday
            );
            let _ = write!(s, "\n<section class=\"capacity-section\"><h2>{}</h2><div class=\"caps\">", l.capacity);
            for team in &b.teams {
                let _ = write!(
                    s,
                    "<div class=\"cap-team\"><h3>{}{}</h3>{}</div>",
                    esc(&team.team),
                    team.title.as_deref().map(|t| format!(" — {}", esc(t))).unwrap_or_default(),
                    capacity_svg(team, b, l)
                );
            }
            let _ = write!(
                s,
                r#"</div><div class="legend"><span><i class="planned"></i>{}</span><span><i class="plannable"></i>{}</span><span><i class="capacity"></i>{}</span><span><i class="ip"></i>{}</span><span>▲ {}</span><span>▼ {}</span><span>○ {}</span></div></section>"#,
                l.planned, l.plannable, l.capacity_raw, l.ip, l.hire, l.leave, l.vacancy
            );
            if let Some(f) = input.forecast.filter(|f| !f.commitments.is_empty()) {
                let _ = write!(
                    s,
                    "\n<section class=\"forecast-section\"><h2>{} ({} {}, seed {})</h2><p class=\"meta\">{}: {}; {}</p><div class=\"hist\">",
                    l.forecast,
                    f.runs,
                    l.runs,
                    f.seed,
                    l.method,
                    prose(&f.method),
                    prose(&f.capacity)
                );
                for c in &f.commitments {
                    let _ = write!(
                        s,
                        "<div><h3>{} — {} (P50 {}, P85 {})</h3>{}</div>",
                        esc(&c.item),
                        esc(&c.chance()),
                        esc(c.p50.as_deref().unwrap_or("—")),
                        esc(c.p85.as_deref().unwrap_or("—")),
                        histogram_svg(c, b, l)
                    );
                }
                s.push_str("</div></section>");
            }
        }
        None => {
            let _ = write!(s, "<p class=\"no-board\">{}</p>", l.no_board);
        }
    }
    if let Some(p) = input.progress {
        s.push_str(&progress_section(p, l));
    }
    if let Some(c) = input.comparison.filter(|c| c.columns.len() > 1) {
        s.push_str(&comparison_table(c, l));
    }
    if !input.findings.is_empty() {
        let _ = write!(s, "\n<section class=\"findings\"><h2>{}</h2><ul>", l.findings);
        for d in input.findings {
            let _ = write!(
                s,
                "<li class=\"finding {}\"><b>{}</b> {} {}:{} — {}{}</li>",
                d.severity.as_str(),
                d.code.as_str(),
                l.line,
                d.line,
                d.column,
                prose(&d.message),
                d.help
                    .as_deref()
                    .map(|h| format!(" <span class=\"repairs\">({})</span>", prose(h)))
                    .unwrap_or_default()
            );
        }
        s.push_str("</ul></section>");
    }
    s.push_str("\n</body></html>\n");
    s
}
