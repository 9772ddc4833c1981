//! Renders diagnostics the way rustc does: `error[E0201]: message`, `--> file:line:col`,
//! the source line with carets, labels, and `= help:`. Formatting only; nothing computed.

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label as CsLabel, Severity as CsSeverity};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::termcolor::{Buffer, WriteColor};
use codespan_reporting::term::{self, Chars, Config};
use haalbaar::{Diagnostic, Severity};

use crate::words::{Lang, count, lang, t};

/// The most places of one finding shown under it in the terminal, besides its own (so a finding
/// that names five things shows five places).
const MAX_LABELS: usize = 4;

/// Renders the diagnostics of one file as text, in colour when `color` is set.
pub fn human(file: &str, source: &str, diagnostics: &[Diagnostic], color: bool) -> String {
    // The text as it is shown: control characters as escapes, so the carets under a quoted
    // line stay under what they point at; spans are moved along with the text.
    let shown = Shown::new(source);
    let shift = |offset: usize| shown.offset(offset);
    let source = shown.text.as_str();
    let files = SimpleFile::new(file, source);
    let config = Config { chars: Chars::ascii(), ..Config::default() };
    let mut buf = if color { Buffer::ansi() } else { Buffer::no_color() };
    for d in diagnostics {
        let severity = match d.severity {
            Severity::Error => CsSeverity::Error,
            Severity::Warning => CsSeverity::Warning,
            Severity::Note => CsSeverity::Note,
            _ => CsSeverity::Note,
        };
        let mut labels = Vec::new();
        // A finding about the file as a whole points at its start; one about the command line
        // (a scenario the file does not have) points nowhere in the file.
        let whole = (d.code != haalbaar::Code::E0704).then_some(haalbaar_grammar::Span::new(0, 0));
        if let Some(span) = d.span.or(whole) {
            let mut range = shift(span.start)..shift(span.end);
            if range.is_empty() {
                // Point at one character (or the line end) rather than nothing.
                let next = source[range.start..].chars().next().map_or(0, char::len_utf8);
                range.end = range.start + next.min(usize::from(!source[range.start..].starts_with('\n')));
            }
            labels.push(CsLabel::primary((), range).with_message(d.label.clone().unwrap_or_default()));
        }
        // A finding about many places shows the first few; the JSON report has them all.
        let shown = if d.labels.len() > MAX_LABELS + 1 { MAX_LABELS } else { d.labels.len() };
        for l in &d.labels[..shown] {
            labels.push(CsLabel::secondary((), shift(l.span.start)..shift(l.span.end)).with_message(l.message.clone()));
        }
        let mut notes = Vec::new();
        if shown < d.labels.len() {
            notes.push(t(&format!("and {} more places (`--format json` lists every one)", d.labels.len() - shown)));
        }
        if let Some(h) = &d.help {
            notes.extend(h.lines().map(|line| t(&format!("help: {line}"))));
        }
        let cs = CsDiagnostic::new(severity)
            .with_code(d.code.as_str())
            .with_message(d.message.clone())
            .with_labels(labels)
            .with_notes(notes);
        // Rendering into a buffer cannot fail for spans clamped to the source.
        let _ = term::emit_to_write_style(&mut buf, &config, &files, &cs);
    }
    let text = String::from_utf8_lossy(buf.as_slice()).into_owned();
    match lang() {
        Lang::En => text,
        // The renderer's own words, `error[E0201]` and `= note`, in the language asked for.
        Lang::Nl => {
            text.replace("error[E", "fout[E").replace("warning[W", "waarschuwing[W").replace("note[I", "opmerking[I")
        }
        _ => text,
    }
}

/// A source text as the terminal shows it. The renderer counts lines at `\n` only, so a lone
/// `\r` (old Mac line ends) becomes `\n`; a byte-order mark is left out; every other control
/// character or bidirectional override becomes a visible escape (`\u{1b}`).
struct Shown {
    text: String,
    /// (offset in the source, offset in `text`) after each escaped character, in order.
    moved: Vec<(usize, usize)>,
    bom: usize,
}

impl Shown {
    fn new(source: &str) -> Shown {
        let bom = if source.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
        let body = &source[bom..];
        let bytes = body.as_bytes();
        let mut text = String::with_capacity(body.len());
        let mut moved = Vec::new();
        for (i, c) in body.char_indices() {
            let next = bytes.get(i + c.len_utf8()).copied();
            if c == '\r' && next != Some(b'\n') {
                text.push('\n');
            } else if c == '\r' || !crate::safe::is_unsafe(c) {
                text.push(c);
            } else {
                text.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
                moved.push((i + c.len_utf8(), text.len()));
            }
        }
        Shown { text, moved, bom }
    }

    /// Where byte `offset` of the source is in the shown text.
    fn offset(&self, offset: usize) -> usize {
        let at = offset.saturating_sub(self.bom);
        let k = self.moved.partition_point(|(from, _)| *from <= at);
        let shifted = match k.checked_sub(1).and_then(|k| self.moved.get(k)) {
            Some(&(from, to)) => to + (at - from),
            None => at,
        };
        shifted.min(self.text.len())
    }
}

/// The closing line: `check: 2 errors, 1 warning in 3 files`.
/// A closing line for each warning code that comes `at_least` times or more in a file: how
/// many, what they are about, and how to leave them out.
pub fn many(diagnostics: &[haalbaar::Diagnostic], at_least: usize) -> String {
    let mut counts = std::collections::BTreeMap::new();
    for d in diagnostics.iter().filter(|d| d.severity == haalbaar::Severity::Warning) {
        *counts.entry(d.code).or_insert(0usize) += 1;
    }
    let mut out = String::new();
    for (code, n) in counts.into_iter().filter(|&(_, n)| n >= at_least) {
        out.push_str(&t(&format!("note: {n} warnings {code} ({}); `--allow {code}` leaves them out", t(code.title()))));
        out.push_str("\n\n");
    }
    out
}

pub fn summary(errors: usize, warnings: usize, files: usize, color: bool) -> String {
    let text = format!(
        "{}, {} in {}",
        count(errors, "error", "errors"),
        count(warnings, "warning", "warnings"),
        count(files, "file", "files")
    );
    let mut buf = if color { Buffer::ansi() } else { Buffer::no_color() };
    let mut spec = codespan_reporting::term::termcolor::ColorSpec::new();
    spec.set_bold(true);
    let _ = buf.set_color(&spec);
    let _ = std::io::Write::write_all(&mut buf, text.as_bytes());
    let _ = buf.reset();
    String::from_utf8_lossy(buf.as_slice()).into_owned()
}

/// The compact program board: the plan's verdict, then teams × PIs with the planned load in
/// percent of plannable capacity.
pub fn board(
    file: &str,
    cal: &haalbaar::Calendar,
    f: &haalbaar::report::feasibility::Feasibility,
    color: bool,
) -> String {
    let pis = cal.pi_count();
    let mut header = vec!["team".to_string()];
    header.extend((1..=pis).map(|p| format!("PI{p}")));
    let mut rows = Vec::new();
    for team in &f.load {
        let mut row = vec![team.team.clone()];
        for pi in 1..=pis {
            let (mut cap, mut planned) = (haalbaar::Fixed::ZERO, haalbaar::Fixed::ZERO);
            for it in cal.pi_iterations(pi) {
                if let Some(l) = team.iterations.get(it) {
                    cap += l.capacity;
                    planned += l.planned;
                }
            }
            row.push(if cap.is_positive() {
                format!("{}%", planned.mul_div(100 * 1000, cap.millis()).map_or(0, |p| p.millis() / 1000))
            } else {
                "-".into()
            });
        }
        rows.push(row);
    }
    let right: Vec<usize> = (1..=pis as usize).collect();
    let headers: Vec<&str> = header.iter().map(String::as_str).collect();
    let table = crate::tables::aligned(&headers, &rows, &right);
    let mut out = verdict(file, f, color);
    out.push_str(&t("load per PI (planned / plannable capacity):"));
    out.push('\n');
    out.push_str(&table);
    out.push('\n');
    out
}

/// The plan's verdict in one line: `plan.plan: infeasible, 7 of 9 commitments met`.
pub fn verdict(file: &str, f: &haalbaar::report::feasibility::Feasibility, color: bool) -> String {
    use haalbaar::report::feasibility::PlanVerdict;
    let met = f.commitments.iter().filter(|c| c.status == haalbaar::Status::Met).count();
    let mut out = String::new();
    let mut title = verdict_text(file, f.verdict, met, f.commitments.len());
    if let Some(day) = f.as_of {
        title.push_str(&t(&format!(" (as of {day})")));
    }
    if color {
        let code = if f.verdict == PlanVerdict::Feasible { "32" } else { "31" };
        out.push_str(&format!("\u{1b}[1;{code}m{title}\u{1b}[0m\n"));
    } else {
        out.push_str(&title);
        out.push('\n');
    }
    out
}

/// The forecast as a table, histograms of red and amber commitments, and team load per PI.
pub fn forecast(f: &haalbaar::forecast::Forecast, color: bool) -> String {
    use haalbaar::forecast::Rag;
    let paint = |rag: Rag, text: &str| -> String {
        if !color {
            return text.to_string();
        }
        let code = match rag {
            Rag::Green => "32",
            Rag::Amber => "33",
            Rag::Red => "31",
            _ => "33",
        };
        format!("\u{1b}[{code}m{text}\u{1b}[0m")
    };
    let when = |label: &Option<String>, date: &Option<haalbaar::NaiveDate>| match (label, date) {
        (Some(l), Some(d)) => format!("{l} ({d})"),
        _ => t("beyond horizon"),
    };
    let mut out = format!(
        "{}\n{}\n{}\n{}\n\n",
        t(&format!("forecast: {} runs, seed {}", f.runs, f.seed)),
        f.method,
        f.capacity,
        f.check_assumes
    );
    if let Some(day) = f.as_of {
        out = format!("{}\n{out}", t(&format!("as of {day}: the runs plan what is left from that day on")));
    }
    let rows: Vec<Vec<String>> = f
        .commitments
        .iter()
        .map(|c| {
            let word = match c.rag {
                Rag::Green => "green",
                Rag::Amber => "amber",
                Rag::Red => "red",
                _ => "amber",
            };
            vec![
                c.item.clone(),
                c.title.clone().unwrap_or_default(),
                format!("{} ({})", c.deadline, c.deadline_date),
                c.chance(),
                when(&c.p50, &c.p50_date),
                when(&c.p85, &c.p85_date),
                t(word),
            ]
        })
        .collect();
    let table = crate::tables::aligned(
        &["commitment", "title", "deadline", "probability", "P50 finish", "P85 finish", "rag"],
        &rows,
        &[3],
    );
    // Colour the status words after alignment, so the columns stay straight.
    for (line, c) in table.lines().zip(std::iter::once(None).chain(f.commitments.iter().map(Some))) {
        match c {
            Some(c) => {
                let word = line.rsplit(' ').next().unwrap_or_default();
                out.push_str(&line[..line.len() - word.len()]);
                out.push_str(&paint(c.rag, word));
            }
            None => out.push_str(line),
        }
        out.push('\n');
    }
    for c in f.commitments.iter().filter(|c| c.rag != Rag::Green) {
        out.push_str(&format!(
            "\n{}\n",
            t(&format!("{} ({}): finish iteration over {} runs", c.item, c.chance(), f.runs))
        ));
        if let Some(r) = &c.reason {
            let text = t(&format!("even at the low end of every range with every vacancy filled: {}", r.text()));
            out.push_str(&format!("  {text}\n"));
        }
        let most = c.histogram.iter().map(|b| b.runs).max().unwrap_or(1).max(1);
        let name = |b: &haalbaar::forecast::Bucket| {
            // The last bucket, named `beyond` in the data: runs that finish after the horizon.
            if b.iteration == "beyond" { t("beyond horizon") } else { b.iteration.clone() }
        };
        let wide = c.histogram.iter().map(|b| name(b).chars().count()).max().unwrap_or(8).max(8);
        for b in &c.histogram {
            let bar = "#".repeat(((b.runs as usize * 40) / most as usize).max(1));
            let mark = if b.iteration == c.deadline { format!("  {}", t("<- deadline")) } else { String::new() };
            out.push_str(&format!("  {:<wide$} {bar} {}{mark}\n", name(b), b.runs));
        }
    }
    out.push_str(&format!("\n{}\n", t("team load per PI (planned / plannable), median and P85 over the runs")));
    let pis = f.teams.first().map_or(0, |t| t.pis.len());
    let mut header = vec!["team".to_string()];
    header.extend((1..=pis).map(|p| format!("PI{p}")));
    let rows: Vec<Vec<String>> = f
        .teams
        .iter()
        .map(|t| {
            let mut row = vec![t.team.clone()];
            row.extend(t.pis.iter().map(|p| format!("{}/{}%", p.p50.trunc(), p.p85.trunc())));
            row
        })
        .collect();
    let headers: Vec<&str> = header.iter().map(String::as_str).collect();
    out.push_str(&crate::tables::aligned(&headers, &rows, &(1..=pis).collect::<Vec<_>>()));
    out.push('\n');
    out
}

/// The words of the verdict line, for the board and `check` alike.
pub fn verdict_text(
    file: &str,
    verdict: haalbaar::report::feasibility::PlanVerdict,
    met: usize,
    total: usize,
) -> String {
    use haalbaar::report::feasibility::PlanVerdict;
    let word = verdict.to_string();
    if verdict == PlanVerdict::Invalid {
        // Only the commitments that do not need an item with errors were checked.
        t(&format!("{file}: {word}, {met} of {total} commitments met among those checked (items with errors left out)"))
    } else {
        t(&format!("{file}: {word}, {met} of {total} commitments met"))
    }
}
