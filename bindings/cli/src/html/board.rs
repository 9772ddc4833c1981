//! The program board of the HTML report as SVG: bars in lanes with labels that read in full,
//! the load strip, and the dependency arrows of the missed chains.

use std::fmt::Write as _;

use haalbaar::report::board::{Board, BoardTeam};

use super::{Labels, esc};

const LEFT: usize = 110;
const LANE: usize = 18;
const HEAD: usize = 32;
/// The font size of a bar's label, in px.
const LABEL_PX: usize = 10;

/// About how wide `s` is in px at `px` font size, on the generous side (a wide sans such as
/// DejaVu), so that a label said to fit its bar does. The widget's `labelWidth` is the same.
pub fn label_width(s: &str, px: usize) -> usize {
    let hundredths: usize = s
        .chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 30,
            'f' | 't' | 'r' | '-' | ' ' | '(' | ')' | '[' | ']' | '/' => 45,
            'm' | 'M' | 'W' => 100,
            'w' => 85,
            c if c.is_ascii_uppercase() => 80,
            c if c.is_ascii() => 66,
            c if c.is_alphabetic() => 72,
            _ => 100,
        })
        .sum();
    (hundredths * px).div_ceil(100) + 2
}

/// Where a bar's label stands.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Inside,
    Right,
    /// Left of the bar, for a bar near the board's right edge.
    Left,
}

/// A bar on the board: where it stands and what its label says, inside the bar when it fits
/// (the id, with the title when that fits too), else the id just right of the bar (left of
/// it near the board's right edge).
struct Bar<'a> {
    item: &'a haalbaar::report::board::BoardItem,
    x: usize,
    w: usize,
    lane: usize,
    label: String,
    side: Side,
}

/// The bars of one team in lanes: a bar goes in the first lane where neither it nor its label
/// overlaps what is there, so every label reads in full. Returns the bars and the lane count.
fn lay_out<'a>(items: &[&'a haalbaar::report::board::BoardItem], col: usize, edge: usize) -> (Vec<Bar<'a>>, usize) {
    let mut items: Vec<_> = items.iter().filter_map(|i| Some((*i, i.first?, i.last?))).collect();
    items.sort_by_key(|&(_, f, l)| (f, l));
    let mut ends: Vec<usize> = Vec::new(); // per lane: the first free x
    let mut bars = Vec::new();
    for (item, first, last) in items {
        let x = LEFT + first * col + 1;
        let w = (last - first + 1) * col - 2;
        let titled = item.title.as_deref().map(|t| format!("{} — {t}", item.item));
        let (label, side) = match titled {
            Some(t) if label_width(&t, LABEL_PX) + 10 <= w => (t, Side::Inside),
            _ => {
                let lw = label_width(&item.item, LABEL_PX);
                let side = if lw + 10 <= w {
                    Side::Inside
                } else if x + w + lw + 10 > edge && x >= LEFT + lw + 17 {
                    Side::Left
                } else {
                    Side::Right
                };
                (item.item.clone(), side)
            }
        };
        let lw = label_width(&label, LABEL_PX);
        let (start, end) = match side {
            Side::Inside => (x, x + w + 1),
            Side::Right => (x, x + w + 4 + lw + 10),
            // Clear of an arrow's head at the bar's start.
            Side::Left => (x - lw - 17, x + w + 1),
        };
        let lane = match ends.iter().position(|&e| e < start) {
            Some(k) => k,
            None => {
                ends.push(0);
                ends.len() - 1
            }
        };
        ends[lane] = end;
        bars.push(Bar { item, x, w, lane, label, side });
    }
    (bars, ends.len().max(1))
}

/// The program board as SVG (the same picture as the widget's). Every bar's label reads in
/// full; dependency arrows are drawn for the missed chains, the others only when `all_deps`
/// is checked (a checkbox before the board, no script).
pub(super) fn board_svg(b: &Board, l: &Labels) -> String {
    let n = b.iterations.len().max(1);
    let col = ((1100 - LEFT) / n).clamp(10, 36);
    let mut width = LEFT + n * col + 8;
    struct Row<'a> {
        team: &'a BoardTeam,
        bars: Vec<Bar<'a>>,
        y: usize,
        height: usize,
    }
    let mut rows = Vec::new();
    let mut y = HEAD;
    let mut at = std::collections::BTreeMap::new();
    for team in &b.teams {
        let items: Vec<_> = b.items.iter().filter(|i| i.team.as_deref() == Some(team.team.as_str())).collect();
        let (bars, lanes) = lay_out(&items, col, width);
        for bar in &bars {
            // Arrows leave a bar at its end, or past its label when that stands beside it.
            let out = match bar.side {
                Side::Right => bar.x + bar.w + 4 + label_width(&bar.label, LABEL_PX) + 4,
                _ => bar.x + bar.w + 1,
            };
            at.insert(bar.item.item.as_str(), (bar.x - 1, out, y + 8 + bar.lane * LANE + LANE / 2 - 1));
            if bar.side == Side::Right {
                width = width.max(bar.x + bar.w + 4 + label_width(&bar.label, LABEL_PX) + 8);
            }
        }
        let height = 8 + lanes * LANE + 4;
        rows.push(Row { team, bars, y, height });
        y += height;
    }
    let height = y + 4;
    let mut s = String::new();
    let _ = write!(
        s,
        r##"<svg class="board" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" aria-label="{}">"##,
        esc(l.board)
    );
    s.push_str(r##"<defs><marker id="arrow" viewBox="0 0 6 6" refX="5" refY="3" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0 L6,3 L0,6 z" fill="#555"/></marker><marker id="arrow-red" viewBox="0 0 6 6" refX="5" refY="3" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0 L6,3 L0,6 z" fill="#c62828"/></marker></defs>"##);
    for pi in &b.pis {
        let (x, w) = (LEFT + pi.first * col, (pi.last - pi.first + 1) * col);
        let _ = write!(
            s,
            r#"<rect class="pi-band" x="{x}" y="0" width="{w}" height="15"/><text class="pi-label" x="{}" y="11">{}</text>"#,
            x + w / 2,
            esc(&pi.label)
        );
    }
    for (i, it) in b.iterations.iter().enumerate() {
        let x = LEFT + i * col;
        if it.ip {
            let _ = write!(s, r#"<rect class="ip" x="{x}" y="15" width="{col}" height="{}"/>"#, height - 15);
        }
        if !it.holidays.is_empty() {
            let _ = write!(
                s,
                r#"<rect class="holiday" x="{x}" y="15" width="{col}" height="3"><title>{}</title></rect>"#,
                esc(&it.holidays.join(", "))
            );
        }
        let number = it.iteration.split('.').nth(1).unwrap_or("");
        let _ = write!(s, r#"<text class="it-label" x="{}" y="27">{number}</text>"#, x + col / 2);
    }
    for pi in &b.pis {
        let x = LEFT + pi.first * col;
        let _ = write!(s, r#"<line class="pi-line" x1="{x}" y1="0" x2="{x}" y2="{height}"/>"#);
    }
    for row in &rows {
        let (top, h) = (row.y, row.height);
        let _ = write!(s, r#"<line class="team-line" x1="0" y1="{top}" x2="{width}" y2="{top}"/>"#);
        let _ = write!(s, r#"<text class="team-label" x="4" y="{}">{}</text>"#, top + 15, esc(&row.team.team));
        if let Some(t) = &row.team.title {
            // Cut to the label column, with an ellipsis and the whole title on hover.
            let short: String = if t.chars().count() > 20 {
                t.chars().take(19).chain(std::iter::once('…')).collect()
            } else {
                t.clone()
            };
            let _ = write!(
                s,
                r#"<text class="team-title" x="4" y="{}">{}<title>{}</title></text>"#,
                top + 27,
                esc(&short),
                esc(t)
            );
        }
        for (i, cell) in row.team.iterations.iter().enumerate() {
            let pct = cell.percent.map(|p| p.millis() / 1000);
            let class = match (cell.overloaded, pct) {
                (true, _) => "over",
                (_, None) => "none",
                (_, Some(p)) if p >= 95 => "full",
                (_, Some(p)) if p >= 50 => "half",
                _ => "low",
            };
            let _ = write!(
                s,
                r#"<rect class="load {class}" x="{}" y="{}" width="{}" height="4"><title>{} {}: {} {} / {} {}</title></rect>"#,
                LEFT + i * col + 1,
                top + 2,
                col.saturating_sub(2),
                esc(&row.team.team),
                esc(&cell.iteration),
                l.num(cell.planned),
                l.planned,
                l.num(cell.plannable),
                l.plannable
            );
            if cell.overloaded {
                let _ = write!(
                    s,
                    r#"<text class="over-mark" x="{}" y="{}">!</text>"#,
                    LEFT + i * col + col / 2,
                    top + h - 2
                );
            }
        }
        for bar in &row.bars {
            let item = bar.item;
            let (x, w) = (bar.x, bar.w);
            let yy = top + 8 + bar.lane * LANE;
            let class = if item.missed {
                "missed"
            } else if item.competing {
                "competing"
            } else if item.commitment.is_some() {
                "met"
            } else {
                "free"
            };
            let tip = format!(
                "{}{}: {}..{}",
                item.item,
                item.title.as_deref().map(|t| format!(" — {t}")).unwrap_or_default(),
                item.start.as_deref().unwrap_or(""),
                item.finish.as_deref().unwrap_or("")
            );
            let (tx, outside) = match bar.side {
                Side::Inside => (x + 5, ""),
                Side::Right => (x + w + 4, " outside"),
                Side::Left => (x - 11, r#" outside" text-anchor="end"#),
            };
            let _ = write!(
                s,
                r#"<g class="item {class}" data-item="{}"><title>{}</title><rect x="{x}" y="{yy}" width="{w}" height="{}" rx="3"/><text class="label{outside}" x="{tx}" y="{}">{}</text></g>"#,
                esc(&item.item),
                esc(&tip),
                LANE - 4,
                yy + LANE - 8,
                esc(&bar.label)
            );
        }
    }
    let missed: std::collections::BTreeSet<&str> =
        b.items.iter().filter(|i| i.missed).map(|i| i.item.as_str()).collect();
    for item in &b.items {
        let Some(&(to_x, _, to_y)) = at.get(item.item.as_str()) else { continue };
        for before in &item.after {
            let Some(&(_, from_x, from_y)) = at.get(before.as_str()) else { continue };
            let red = item.missed && missed.contains(before.as_str());
            let x1 = from_x.saturating_sub(2);
            // Into the start of the bar, pointing right: when the bar starts before (or just
            // after) the other ends, the arrow swings round to come in from the left, so its
            // head never lands on the label.
            let x2 = to_x + 1;
            let d = if to_x >= x1 + 12 {
                let mid = ((x1 + x2) / 2).max(x1 + 6);
                format!("M{x1},{from_y} C{mid},{from_y} {mid},{to_y} {x2},{to_y}")
            } else {
                format!("M{x1},{from_y} C{},{from_y} {},{to_y} {x2},{to_y}", x1 + 12, x2.saturating_sub(16))
            };
            let _ = write!(
                s,
                r#"<path class="dep{}" data-from="{}" data-to="{}" d="{d}" marker-end="url(#{})"><title>{} → {}</title></path>"#,
                if red { " red" } else { "" },
                esc(before),
                esc(&item.item),
                if red { "arrow-red" } else { "arrow" },
                esc(before),
                esc(&item.item)
            );
        }
    }
    s.push_str("</svg>");
    s
}
