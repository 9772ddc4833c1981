//! `--to ical`: an iCalendar file (RFC 5545) with each commitment's deadline, each milestone,
//! each PI and each IP iteration as an all-day event. Deterministic: the stamp is the plan's
//! status date (`as of`) or its start, never the clock.

use haalbaar::NaiveDate;

use super::Exported;

/// The calendar as iCalendar text (CRLF line ends, lines folded at 75 octets).
pub fn ics(e: &Exported) -> String {
    let plan = &e.checked.plan;
    let stamp = e
        .feasibility
        .as_of
        .or_else(|| e.rows.first().map(|r| r.start))
        .map_or_else(|| "19700101T000000Z".to_string(), |d| format!("{}T000000Z", d.format("%Y%m%d")));
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        format!("PRODID:-//haalbaar//haalbaar {}//EN", env!("CARGO_PKG_VERSION")),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
    ];
    if let Some(title) = &plan.title {
        lines.push(format!("X-WR-CALNAME:{}", text(title)));
    }
    let mut event =
        |uid: String, from: NaiveDate, to: NaiveDate, summary: String, description: String, category: &str| {
            lines.push("BEGIN:VEVENT".into());
            lines.push(format!("UID:{uid}@haalbaar"));
            lines.push(format!("DTSTAMP:{stamp}"));
            lines.push(format!("DTSTART;VALUE=DATE:{}", from.format("%Y%m%d")));
            let after = to.succ_opt().unwrap_or(to);
            lines.push(format!("DTEND;VALUE=DATE:{}", after.format("%Y%m%d")));
            lines.push(format!("SUMMARY:{}", text(&summary)));
            if !description.is_empty() {
                lines.push(format!("DESCRIPTION:{}", text(&description)));
            }
            lines.push(format!("CATEGORIES:{category}"));
            lines.push("TRANSP:TRANSPARENT".into());
            lines.push("END:VEVENT".into());
        };
    for c in &e.feasibility.commitments {
        let title = c.title.as_deref().map(|t| format!(" {t}")).unwrap_or_default();
        let finish = match (&c.finish, c.status) {
            (_, haalbaar::Status::Unknown) => String::new(),
            (Some(f), haalbaar::Status::Met) => format!(", done by {f}"),
            (Some(f), _) => format!(", can be done by {f}"),
            (None, _) => ", not done in the horizon".into(),
        };
        let mut description =
            format!("{} {} is {}{finish} (deadline {}, rank {}).", c.kind, c.item, c.status, c.deadline, c.rank);
        if let Some(r) = &c.reason {
            description.push_str(&format!("\n{}", r.text()));
        }
        let hard = if c.hard { " (hard)" } else { "" };
        event(
            format!("deadline-{}", c.item),
            c.deadline_date,
            c.deadline_date,
            format!("Deadline {}{title}{hard}: {}", c.item, c.status),
            description,
            "deadline",
        );
    }
    for m in &plan.milestones {
        let title = m.title.as_deref().map(|t| format!(" {t}")).unwrap_or_default();
        event(
            format!("milestone-{}", m.id),
            m.date,
            m.date,
            format!("Milestone {}{title}", m.id),
            String::new(),
            "milestone",
        );
    }
    let mut pis: Vec<u32> = e.rows.iter().map(|r| r.pi).collect();
    pis.dedup();
    for pi in pis {
        let of: Vec<_> = e.rows.iter().filter(|r| r.pi == pi).collect();
        let (Some(first), Some(last)) = (of.first(), of.last()) else { continue };
        event(
            format!("pi-{pi}"),
            first.start,
            last.end,
            format!("PI{pi}"),
            format!("{} – {}", first.iteration, last.iteration),
            "pi",
        );
        for ip in of.iter().filter(|r| r.ip) {
            event(
                format!("ip-{}", ip.iteration),
                ip.start,
                ip.end,
                format!("{} IP iteration", ip.iteration),
                String::new(),
                "ip",
            );
        }
    }
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|l| fold(l)).collect()
}

/// A TEXT value escaped (backslash, `;`, `,`, line breaks).
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded at 75 octets (never inside a character), ended with CRLF.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}
