//! Explaining what the grammar could not read: one [`SyntaxError`] per broken line or block,
//! in words a planner can act on (`unknown statement \`peple\` in a team block; did you mean
//! \`people\`?`), and the statements each block holds, for help texts and tools.

use pest::Parser;
use pest::iterators::Pair;

use crate::parse::{PlanParser, Rule, error_pos, leading_ws, span_of, trim_end};
use crate::tree::*;

// ---- explaining broken lines -----------------------------------------------------------

/// The statements of each block and how each is written, for help texts.
pub const STATEMENTS: &[(BlockKind, &str, &str)] = &[
    (BlockKind::Plan, "start", "start 2024-01-08"),
    (BlockKind::Plan, "horizon", "horizon 18 months"),
    (BlockKind::Plan, "end", "end 2025-07-06"),
    (BlockKind::Plan, "increment", "increment 10 weeks"),
    (BlockKind::Plan, "iteration", "iteration 2 weeks"),
    (BlockKind::Plan, "innovation", "innovation 1 iteration"),
    (BlockKind::Plan, "unit", "unit days   (or: unit points)"),
    (BlockKind::Plan, "workweek", "workweek 5 days"),
    (BlockKind::Plan, "holiday", "holiday \"Kerstreces\" 2024-12-23 .. 2025-01-03"),
    (BlockKind::Plan, "load", "load 85%"),
    (BlockKind::Plan, "uncertainty", "uncertainty grows 10% per PI   (or: uncertainty capacity 20%)"),
    (BlockKind::Plan, "firm", "firm 2 PIs"),
    (BlockKind::Plan, "as", "as of 2024-05-13"),
    (BlockKind::Team, "people", "people 12"),
    (BlockKind::Team, "focus", "focus 70%"),
    (BlockKind::Team, "reserve", "reserve 20% \"beheer en storingen\""),
    (BlockKind::Team, "hire", "hire 2 on 2024-04-01 ramp 8 weeks"),
    (BlockKind::Team, "leave", "leave 1 on 2024-09-01"),
    (BlockKind::Team, "vacancy", "vacancy 3 on 2024-06-01 chance 40% ramp 8 weeks"),
    (BlockKind::Team, "lend", "lend 2 to berichten PI4..PI5"),
    (
        BlockKind::Team,
        "capacity",
        "capacity 40 per iteration   (or: capacity PI3 150, capacity PI6.2 0, capacity PI6.2 +20)",
    ),
    (BlockKind::Team, "velocity", "velocity 30 per iteration"),
    (BlockKind::Team, "absent", "absent 2 people 2026-07-13 .. 2026-08-21"),
    (BlockKind::Team, "holiday", "holiday \"Zomer\" 2026-07-13 .. 2026-08-21   (the team only)"),
    (
        BlockKind::Epic,
        "commit",
        "commit 2025-Q2   (or: commit PI4, commit 2025-03-31; add `hard` if fixed by law or contract)",
    ),
    (BlockKind::Epic, "owner", "owner \"DG Digitalisering\""),
    (BlockKind::Epic, "priority", "priority 1"),
    (BlockKind::Epic, "note", "note \"free text\""),
    (BlockKind::Epic, "key", "key \"GDI-120\"   (the tracker issue it was imported from)"),
    (BlockKind::Item, "team", "team toegang"),
    (BlockKind::Item, "epic", "epic stelsel"),
    (BlockKind::Item, "effort", "effort 75   (or a range: effort 60..90, effort 60..70..90)"),
    (BlockKind::Item, "max", "max 3 people   (or: max 30 per iteration)"),
    (BlockKind::Item, "not", "not before 2024-03-01   (or: not before PI2)"),
    (BlockKind::Item, "in", "in PI2   (or: in PI2..PI3)"),
    (BlockKind::Item, "after", "after digid-api   (or with a lag: after fbs-core + 1 iteration)"),
    (
        BlockKind::Item,
        "commit",
        "commit PI4   (or: commit 2025-Q2, commit 2025-03-31; add `hard` if fixed by law or contract)",
    ),
    (BlockKind::Item, "target", "target PI5"),
    (BlockKind::Item, "wsjf", "wsjf value 8 urgency 5 risk 3"),
    (BlockKind::Item, "priority", "priority 1"),
    (BlockKind::Item, "owner", "owner \"DG Digitalisering\""),
    (BlockKind::Item, "note", "note \"free text\""),
    (BlockKind::Item, "key", "key \"GDI-123\"   (the tracker issue it was imported from)"),
    (BlockKind::Item, "done", "done 40   (or history: done 25 by 2024-02-16)"),
    (BlockKind::Item, "remaining", "remaining 30"),
    (BlockKind::Item, "finished", "finished 2024-04-26"),
    (BlockKind::Item, "started", "started 2024-02-12"),
    (
        BlockKind::Scenario,
        "team",
        "team toegang people 10   (any team statement; or: team toegang without lend to eherkenning, team toegang vacancies filled)",
    ),
    (
        BlockKind::Scenario,
        "item",
        "item login effort 80   (any item statement; or: item login without after sso, item login without commit)",
    ),
    (BlockKind::Scenario, "epic", "epic stelsel commit PI5   (any epic statement; or: epic stelsel without commit)"),
    (BlockKind::Scenario, "plan", "plan load 90%   (any plan statement)"),
    (BlockKind::Scenario, "add", "add item sso-v2 \"SSO v2\"   (or: add team, add epic)"),
];

fn usage(kind: BlockKind, keyword: &str) -> Option<&'static str> {
    STATEMENTS.iter().find(|(k, w, _)| *k == kind && *w == keyword).map(|(_, _, u)| *u)
}

/// The word `text` starts with (a prefix of `text`, so its length is also its span).
fn first_word(text: &str) -> &str {
    let end = text.find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_')).unwrap_or(text.len());
    &text[..end]
}

/// The closest known word, if it is close enough to be a likely typo.
///
/// ```
/// use haalbaar_grammar::did_you_mean;
///
/// assert_eq!(did_you_mean("peple", ["people", "focus", "reserve"]), Some("people"));
/// // Capitals do not count against it.
/// assert_eq!(did_you_mean("FOCUS", ["people", "focus"]), Some("focus"));
/// assert_eq!(did_you_mean("budget", ["people", "focus"]), None);
/// ```
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = word.to_ascii_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::levenshtein(&lower, c), c))
        .filter(|(d, c)| *d <= (c.len().max(word.len()) / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// `0.7` as `70%`, `0.825` as `82.5%`, `1` as `100%`: a fraction from 0 to 1 written as a
/// percentage (`None` for anything else).
fn fraction_as_percent(text: &str) -> Option<String> {
    let (whole, part) = text.split_once('.').unwrap_or((text, ""));
    if whole.is_empty() || !whole.bytes().chain(part.bytes()).all(|b| b.is_ascii_digit()) || part.len() > 6 {
        return None;
    }
    let whole: u32 = whole.parse().ok()?;
    if whole > 1 || (whole == 1 && part.bytes().any(|b| b != b'0')) || (whole == 0 && part.is_empty()) {
        return None;
    }
    // Move the point two places: digits of the part after the first two are the decimals.
    let padded = format!("{part:0<2}");
    let (int, dec) = padded.split_at(2);
    let int: u32 = whole * 100 + int.parse::<u32>().ok()?;
    let dec = dec.trim_end_matches('0');
    Some(if dec.is_empty() { format!("{int}%") } else { format!("{int}.{dec}%") })
}

fn line_text(source: &str, pair: &Pair<'_, Rule>) -> Span {
    let s = span_of(pair);
    let text = &source[s.start..s.end];
    let lead = leading_ws(text);
    let body = text.trim_end_matches(['\n', '\r']);
    Span::new(s.start + lead, s.start + body.len().max(lead))
}

pub(crate) fn explain_bad_line(source: &str, pair: &Pair<'_, Rule>, kind: BlockKind) -> SyntaxError {
    let line = line_text(source, pair);
    if kind == BlockKind::Scenario
        && let Some((target, at)) = scenario_statement(&source[line.start..line.end])
    {
        // `team api peple 3`: the statement after the block it names is explained as a line
        // of that block would be (`did you mean people?`), the scenario's line kept whole.
        let mut e = explain_line(source, Span::new(line.start + at, line.end), target);
        e.line = line;
        return e;
    }
    explain_line(source, line, kind)
}

/// In a scenario line `team ID STATEMENT` (or `item`, `epic`, `plan`), the block it names and
/// where its statement starts; `None` for `add`, `without` and `vacancies filled` lines.
fn scenario_statement(text: &str) -> Option<(BlockKind, usize)> {
    let word = first_word(text);
    let target = match word {
        "plan" => BlockKind::Plan,
        "team" => BlockKind::Team,
        "epic" => BlockKind::Epic,
        "item" => BlockKind::Item,
        _ => return None,
    };
    let rest = text[word.len()..].trim_start_matches([' ', '\t']);
    let rest = if target == BlockKind::Plan {
        rest
    } else {
        let id = first_word(rest);
        if id.is_empty() || !rest[id.len()..].starts_with([' ', '\t']) {
            return None;
        }
        rest[id.len()..].trim_start_matches([' ', '\t'])
    };
    let next = first_word(rest);
    if rest.is_empty() || matches!(next, "without" | "vacancies") {
        return None;
    }
    Some((target, text.len() - rest.len()))
}

fn explain_line(source: &str, line: Span, kind: BlockKind) -> SyntaxError {
    let text = &source[line.start..line.end];
    let word = first_word(text);
    let word_span = Span::new(line.start, line.start + word.len());
    let known_here = usage(kind, word).is_some();
    if known_here {
        let probe = match kind {
            BlockKind::Plan => Rule::probe_plan,
            BlockKind::Team => Rule::probe_team,
            BlockKind::Epic => Rule::probe_epic,
            BlockKind::Item => Rule::probe_item,
            BlockKind::Scenario => Rule::probe_scenario,
            BlockKind::Milestone => Rule::probe_milestone,
        };
        pest::set_error_detail(true);
        let (offset, expected) = match PlanParser::parse(probe, text) {
            Ok(_) => (text.len(), String::new()),
            Err(e) => (error_pos(&e).min(text.len()), expected_of(&e)),
        };
        let mut at = line.start + offset;
        // Point at the whole word the reader stopped in (`hardd`, not `d`; `0.7`, not `7`).
        while at > line.start
            && source[..at].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.')
        {
            at -= source[..at].chars().next_back().map_or(1, char::len_utf8);
        }
        let end = source[at..line.end].find([' ', '\t']).map_or(line.end, |i| at + i).max(at);
        let found = &source[at..end];
        let found = if found.is_empty() { "the end of the line".to_string() } else { format!("`{found}`") };
        let message = if expected.is_empty() {
            format!("cannot read this `{word}` statement")
        } else {
            format!("expected {expected}, found {found}")
        };
        // A fraction where a percentage goes (`focus 0.7`): say what it is as a percentage.
        let help = match fraction_as_percent(&source[at..end]) {
            Some(pct) if expected.contains("percentage") => Some(format!("write `{}` as `{pct}`", &source[at..end])),
            _ => usage(kind, word).map(|u| format!("write it as: {u}")),
        };
        return SyntaxError {
            kind: SyntaxErrorKind::Malformed,
            span: Span::new(at, end),
            line,
            message,
            help,
            suggestion: None,
        };
    }
    let elsewhere: Vec<BlockKind> = STATEMENTS.iter().filter(|(_, w, _)| *w == word).map(|(k, _, _)| *k).collect();
    if let Some(other) = elsewhere.first() {
        if kind == BlockKind::Scenario {
            // `people 4` in a scenario: the line lacks the block it changes.
            let target = if *other == BlockKind::Plan { "plan".to_string() } else { format!("{} ID", other.keyword()) };
            return SyntaxError {
                kind: SyntaxErrorKind::WrongBlock,
                span: word_span,
                line,
                message: format!("a scenario line names what it changes before `{word}`"),
                help: Some(format!("write it as: {target} {text}")),
                suggestion: None,
            };
        }
        return SyntaxError {
            kind: SyntaxErrorKind::WrongBlock,
            span: word_span,
            line,
            message: format!("`{word}` belongs in {} block, not in {} block", article(*other), article(kind)),
            help: Some(format!("move it to the {} it is about", other.keyword())),
            suggestion: None,
        };
    }
    let here = STATEMENTS.iter().filter(|(k, _, _)| *k == kind).map(|(_, w, _)| *w);
    let meant = did_you_mean(word, here.clone()).filter(|_| !word.is_empty());
    let help = match meant {
        Some(s) => format!("did you mean `{s}`?"),
        None => {
            let all: Vec<&str> = here.collect();
            format!("{} block holds: {}", article(kind), all.join(", "))
        }
    };
    let span = if word.is_empty() { line } else { word_span };
    let shown = if word.is_empty() { text } else { word };
    SyntaxError {
        kind: SyntaxErrorKind::UnknownStatement,
        span,
        line,
        message: format!("unknown statement `{shown}` in {} block", article(kind)),
        help: Some(help),
        suggestion: meant.map(|m| Spanned::new(m.to_string(), word_span)),
    }
}

fn article(kind: BlockKind) -> String {
    match kind {
        BlockKind::Item => "an item".into(),
        BlockKind::Epic => "an epic".into(),
        k => format!("a {}", k.keyword()),
    }
}

pub(crate) fn explain_bad_block(source: &str, pair: &Pair<'_, Rule>) -> SyntaxError {
    let line = line_text(source, pair);
    let line = Span::new(
        line.start,
        source[line.start..line.end].find('\n').map_or(line.end, |i| line.start + i).min(line.end),
    );
    let line = Span::new(line.start, trim_end(source, line));
    let text = &source[line.start..line.end];
    let word = first_word(text);
    let word_span = Span::new(line.start, line.start + word.len());
    let is_header = text.trim_end().ends_with('{') || text.contains('{');
    let blocks = ["plan", "team", "epic", "item", "scenario"];
    if word == "milestone" && is_header {
        return SyntaxError {
            kind: SyntaxErrorKind::Malformed,
            span: Span::new(line.start + text.find('{').unwrap_or(0), line.start + text.find('{').map_or(0, |i| i + 1)),
            line,
            message: "a milestone is one line, without braces".into(),
            help: Some(
                "write it as: milestone wetgeving \"Wet digitale overheid\" 2026-07-01 chance 70%   (one line, no braces; the chance is optional)"
                    .into(),
            ),
            suggestion: None,
        };
    }
    if word == "milestone" && !is_header {
        pest::set_error_detail(true);
        let (offset, expected) = match PlanParser::parse(Rule::probe_milestone, text) {
            Ok(_) => (text.len(), String::new()),
            Err(e) => (error_pos(&e).min(text.len()), expected_of(&e)),
        };
        let at = line.start + offset;
        return SyntaxError {
            kind: SyntaxErrorKind::Malformed,
            span: Span::new(at, at),
            line,
            message: if expected.is_empty() {
                "cannot read this `milestone` line".to_string()
            } else {
                format!("expected {expected} in this `milestone` line")
            },
            help: Some(
                "write it as: milestone wetgeving \"Wet digitale overheid\" 2026-07-01 chance 70%   (one line, no braces; the chance is optional)"
                    .into(),
            ),
            suggestion: None,
        };
    }
    if blocks.contains(&word) {
        // A block keyword with a broken header: an id with capitals, a missing id, ...
        let after = text[word.len()..].trim_start();
        let id = first_word(after);
        let id_at = line.start + (text.len() - after.len());
        if !id.is_empty()
            && word != "plan"
            && (id.chars().any(|c| c.is_uppercase())
                || !id.starts_with(|c: char| c.is_ascii_lowercase())
                || id.chars().any(|c| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')))
        {
            let fixed: String = id.to_ascii_lowercase();
            return SyntaxError {
                kind: SyntaxErrorKind::BadIdent,
                span: Span::new(id_at, id_at + id.len()),
                line,
                message: format!("`{id}` is not a valid id"),
                help: Some(format!(
                    "ids start with a lower-case letter and hold only lower-case letters, digits, `-` and `_`; for example `{}`",
                    sanitize_id(&fixed)
                )),
                // The id it suggests, as an edit (references to it are errors of their own).
                suggestion: Some(Spanned { span: Span::new(id_at, id_at + id.len()), value: sanitize_id(&fixed) }),
            };
        }
        pest::set_error_detail(true);
        let (offset, expected) = match PlanParser::parse(Rule::probe_header, text) {
            Ok(_) => (text.len(), String::new()),
            Err(e) => (error_pos(&e).min(text.len()), expected_of(&e)),
        };
        let at = line.start + offset;
        let example = match word {
            "plan" => "plan \"Programmeringsplan 2024\" {",
            "team" => "team toegang \"Domein Toegang\" {",
            "epic" => "epic stelsel \"Stelsel Toegang\" {",
            "scenario" => "scenario vacatures-open \"Vacatures blijven open\" {",
            _ => "item digid-api \"DigiD koppelvlak v5\" {",
        };
        return SyntaxError {
            kind: SyntaxErrorKind::Malformed,
            span: Span::new(at, at),
            line,
            message: if expected.is_empty() {
                format!("cannot read this `{word}` block header")
            } else {
                format!("expected {expected} in this `{word}` block header")
            },
            help: Some(format!(
                "write it as: {example}   (its statements follow, one per line, then `}}` on a line of its own)"
            )),
            suggestion: None,
        };
    }
    if is_header {
        let meant = did_you_mean(word, blocks).filter(|_| !word.is_empty());
        let help = match meant {
            Some(s) => format!("did you mean `{s}`?"),
            None => "a plan file holds blocks (plan, team, epic, item, scenario) and one-line milestones".to_string(),
        };
        return SyntaxError {
            kind: SyntaxErrorKind::NotABlock,
            span: if word.is_empty() { line } else { word_span },
            line,
            message: format!("unknown block `{}`", if word.is_empty() { text } else { word }),
            help: Some(help),
            suggestion: meant.map(|m| Spanned::new(m.to_string(), word_span)),
        };
    }
    let owner = STATEMENTS.iter().find(|(_, w, _)| *w == word).map(|(k, _, _)| *k);
    let (message, help) = match owner {
        Some(k) => (format!("`{word}` stands outside any block"), format!("move it into {} block", article(k))),
        None if text.trim() == "}" => (
            "this `}` closes no block".to_string(),
            "remove it, or check the block above for a `}` too many".to_string(),
        ),
        None => (
            "expected a block (`plan`, `team`, `epic`, `item`, `scenario`) or a `milestone` line".to_string(),
            "a plan file holds blocks such as: team toegang \"Domein Toegang\" { ... }".to_string(),
        ),
    };
    SyntaxError {
        kind: SyntaxErrorKind::NotABlock,
        span: if word.is_empty() { line } else { word_span },
        line,
        message,
        help: Some(help),
        suggestion: None,
    }
}

/// Whether `id` is an id the language accepts: a lower-case letter, then lower-case letters,
/// digits, `-` and `_` (`digid-api`, `pi_7`).
///
/// ```
/// assert!(haalbaar_grammar::is_valid_id("digid-api"));
/// assert!(!haalbaar_grammar::is_valid_id("GDI-101"));
/// ```
pub fn is_valid_id(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase())
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// An id the language accepts made from `id`, for a diagnostic's help (`GDI-101` gives
/// `gdi-101`).
///
/// ```
/// assert_eq!(haalbaar_grammar::suggest_id("GDI-101"), "gdi-101");
/// ```
pub fn suggest_id(id: &str) -> String {
    sanitize_id(&id.to_ascii_lowercase())
}

fn sanitize_id(s: &str) -> String {
    let mut out: String =
        s.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '-' }).collect();
    while out.starts_with(|c: char| !c.is_ascii_lowercase()) && !out.is_empty() {
        out.remove(0);
    }
    if out.is_empty() { "my-id".into() } else { out }
}

/// What the grammar wanted where it stopped, in words a planner reads.
fn expected_of(err: &pest::error::Error<Rule>) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut literals: Vec<String> = Vec::new();
    if let Some(attempts) = err.parse_attempts() {
        for token in attempts.expected_tokens() {
            let t = token.to_string();
            // Whitespace, character ranges and built-in rules say nothing a planner can use.
            if t.trim().is_empty() || t == "BUILTIN_RULE" || (t.chars().count() == 4 && t.contains("..")) {
                continue;
            }
            literals.push(t);
        }
    }
    if let pest::error::ErrorVariant::ParsingError { positives, .. } = &err.variant {
        for rule in positives {
            if let Some(w) = rule_words(*rule) {
                let w = w.to_string();
                if !words.contains(&w) {
                    words.push(w);
                }
            }
        }
    }
    // A literal that a described rule already names (`days` in "a unit (days, ...)") is noise.
    for t in literals {
        let named = words.iter().any(|w| w.contains(t.as_str()));
        let w = format!("`{t}`");
        if !named && !words.contains(&w) {
            words.push(w);
        }
    }
    if words.len() > 1 {
        words.retain(|w| !matches!(w.as_str(), "`.`" | "`-`" | "`\"`"));
    }
    match words.len() {
        0 => String::new(),
        1 => words.remove(0),
        _ => {
            let last = words.pop().unwrap_or_default();
            format!("{} or {}", words.join(", "), last)
        }
    }
}

fn rule_words(rule: Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::number | Rule::int => "a number",
        Rule::percent => "a percentage like 70%",
        Rule::date | Rule::year | Rule::month | Rule::day => "a date like 2024-01-08",
        Rule::quarter => "a quarter like 2024-Q3",
        Rule::pi_ref => "a PI like PI3 or PI3.2",
        Rule::period | Rule::period_range => "a period (PI3, PI3.2, 2024-Q3 or a date)",
        Rule::duration => "a duration like 2 weeks",
        Rule::unit_days | Rule::unit_weeks | Rule::unit_months | Rule::unit_iterations => {
            "a unit (days, weeks, months or iterations)"
        }
        Rule::unit_points => "`points`",
        Rule::ident => "an id like `toegang`",
        Rule::string | Rule::str_body => "a quoted text",
        Rule::hard => "`hard`",
        Rule::wsjf_part | Rule::wsjf_key => "`value`, `urgency`, `risk` or `size` with a number",
        Rule::EOI => "the end of the line",
        _ => return None,
    })
}
