//! Aligned text tables and CSV for the `calendar` and `capacity` commands.

use haalbaar::report::{CalendarRow, CapacityReport};

use crate::words::t;

/// Left-aligned first columns, right-aligned numbers, two spaces between; the headers in the
/// language the command renders in.
pub fn aligned(header: &[&str], rows: &[Vec<String>], right: &[usize]) -> String {
    let header: Vec<String> = header.iter().map(|h| t(h)).collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    // Figures in the language's notation (a decimal comma in Dutch).
    let rows: Vec<Vec<String>> =
        rows.iter()
            .map(|r| {
                r.iter()
                    .enumerate()
                    .map(|(i, c)| {
                        if right.contains(&i) {
                            haalbaar::catalogue::number(c, crate::words::lang())
                        } else {
                            c.clone()
                        }
                    })
                    .collect()
            })
            .collect();
    let rows = rows.as_slice();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(c.chars().count());
            }
        }
    }
    let line = |cells: Vec<&str>| {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            let pad = widths[i].saturating_sub(c.chars().count());
            if i > 0 {
                s.push_str("  ");
            }
            if right.contains(&i) {
                s.push_str(&" ".repeat(pad));
                s.push_str(c);
            } else {
                s.push_str(c);
                if i + 1 < cells.len() {
                    s.push_str(&" ".repeat(pad));
                }
            }
        }
        s.trim_end().to_string()
    };
    let mut out = line(header);
    out.push('\n');
    for r in rows {
        out.push_str(&line(r.iter().map(String::as_str).collect()));
        out.push('\n');
    }
    out
}

pub fn calendar(rows: &[CalendarRow]) -> String {
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let mut marks = Vec::new();
            if r.ip {
                marks.push("IP".to_string());
            }
            marks.extend(r.holidays.iter().cloned());
            vec![
                r.iteration.clone(),
                r.start.to_string(),
                r.end.to_string(),
                r.working_days.to_string(),
                marks.join(", "),
            ]
        })
        .collect();
    aligned(&["iteration", "start", "end", "days", "notes"], &body, &[3])
}

pub fn capacity_iterations(r: &CapacityReport) -> String {
    let body: Vec<Vec<String>> = r
        .iterations
        .iter()
        .map(|c| {
            vec![
                c.team.clone(),
                c.iteration.clone(),
                c.start.to_string(),
                c.working_days.to_string(),
                c.fte.map_or_else(|| "-".into(), |f| f.to_string()),
                c.capacity.to_string(),
                c.plannable.to_string(),
                {
                    let from = if c.ip { "IP".to_string() } else { t(source_word(c.source)) };
                    match c.adjustment {
                        a if a.is_zero() => from.to_string(),
                        a if a.is_negative() => format!("{from} {a}"),
                        a => format!("{from} +{a}"),
                    }
                },
            ]
        })
        .collect();
    let load = format!("at load {}%", r.load);
    aligned(&["team", "iteration", "start", "days", "fte", "capacity", &load, "from"], &body, &[3, 4, 5, 6])
}

pub fn capacity_pis(r: &CapacityReport) -> String {
    let body: Vec<Vec<String>> = r
        .increments
        .iter()
        .map(|c| {
            vec![
                c.team.clone(),
                format!("PI{}", c.pi),
                c.iterations.to_string(),
                c.capacity.to_string(),
                c.plannable.to_string(),
            ]
        })
        .collect();
    let load = format!("at load {}%", r.load);
    aligned(&["team", "PI", "iterations", "capacity", &load], &body, &[2, 3, 4])
}

fn source_word(s: haalbaar::capacity::Source) -> &'static str {
    use haalbaar::capacity::Source;
    match s {
        Source::People => "people",
        Source::Velocity => "velocity",
        Source::Fixed => "fixed",
        Source::PiOverride => "PI override",
        Source::IterationOverride => "override",
        Source::Innovation => "IP",
    }
}

/// A CSV field: quoted where it holds a comma or a quote; the user's text made safe.
pub(crate) fn csv_field(s: &str) -> String {
    let s = crate::safe::line(s);
    if s.contains([',', '"']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s }
}

/// The calendar for a spreadsheet; holiday names are the user's text, so escaped.
pub fn calendar_csv(rows: &[CalendarRow]) -> String {
    let mut s = String::from("iteration,pi,start,end,working_days,ip,holidays\n");
    for r in rows {
        s.push_str(&format!(
            "{},{},{},{},{},{},\"{}\"\n",
            r.iteration,
            r.pi,
            r.start,
            r.end,
            r.working_days,
            r.ip,
            crate::safe::line(&r.holidays.join("; ")).replace('"', "\"\"")
        ));
    }
    s
}

/// One row per team and iteration; `adjustment` is what `capacity PIx.y +N` / `-N` added
/// (included in `capacity`), so a spreadsheet can tell it from what the people give.
pub fn capacity_csv(r: &CapacityReport) -> String {
    let mut out = String::from("team,iteration,pi,start,working_days,ip,fte,capacity,plannable,source,adjustment\n");
    for c in &r.iterations {
        let cells = [
            csv_field(&c.team),
            c.iteration.clone(),
            c.pi.to_string(),
            c.start.to_string(),
            c.working_days.to_string(),
            c.ip.to_string(),
            c.fte.map(|f| f.to_string()).unwrap_or_default(),
            c.capacity.to_string(),
            c.plannable.to_string(),
            source_word(c.source).replace(' ', "_"),
            c.adjustment.to_string(),
        ];
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}
