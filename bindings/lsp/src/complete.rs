//! Completion: block keywords at the top, each block's statements at a line's start, ids
//! after `team`, `epic`, `after` and `lend … to`, periods of the plan's calendar after
//! `commit`, `in`, `not before`, `target`, `capacity` and a loan; a scenario's lines too.

use haalbaar_grammar::{BlockKind, STATEMENTS};
use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionParams, CompletionResponse, CompletionTextEdit, InsertTextFormat,
    TextEdit,
};

use crate::document::Document;
use crate::server::{Failure, Server};
use crate::symbols::{self, Kind};

/// The completions at the cursor.
pub fn completion(server: &Server, p: CompletionParams) -> Result<Option<CompletionResponse>, Failure> {
    let uri = p.text_document_position.text_document.uri;
    let doc = server.document(&uri)?;
    let offset = doc.offset(p.text_document_position.position);
    let line_start = doc.text[..offset].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let before = &doc.text[line_start..offset];
    if before.contains('#') || before.matches('"').count() % 2 == 1 {
        return Ok(None); // in a comment or a string
    }
    let partial_len = before.len() - before.trim_end_matches(|c: char| !c.is_whitespace()).len();
    let words: Vec<&str> = before[..before.len() - partial_len].split_whitespace().collect();
    let range = doc.range(offset - partial_len, offset);
    let calendar = periods(server, &uri);
    let progress = doc.text.lines().any(|l| strip_comment(l).trim_start().starts_with("as of "));
    let found = match enclosing(&doc.text, offset) {
        None if words.is_empty() => block_snippets(),
        None => Vec::new(),
        Some(Around { kind: BlockKind::Scenario, .. }) => scenario(doc, &words, &calendar, progress),
        Some(around) => {
            let cx = Context { id: around.id.as_deref(), present: &around.words, progress, scenario: false };
            in_block(doc, around.kind, &words, &calendar, &cx)
        }
    };
    let items = found
        .into_iter()
        .map(|c| CompletionItem {
            label: c.label.clone(),
            kind: Some(c.kind),
            detail: c.detail,
            filter_text: Some(c.label.clone()),
            insert_text_format: c.snippet.then_some(InsertTextFormat::SNIPPET),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(range, c.insert.unwrap_or(c.label)))),
            ..CompletionItem::default()
        })
        .collect();
    Ok(Some(CompletionResponse::Array(items)))
}

struct Candidate {
    label: String,
    kind: CompletionItemKind,
    detail: Option<String>,
    insert: Option<String>,
    snippet: bool,
}

fn plain(label: &str, kind: CompletionItemKind, detail: Option<&str>) -> Candidate {
    Candidate { label: label.into(), kind, detail: detail.map(String::from), insert: None, snippet: false }
}

/// The kind of block the offset lies in, from the lines above it (an unfinished file too).
pub fn enclosing_block(text: &str, offset: usize) -> Option<BlockKind> {
    enclosing(text, offset).map(|b| b.kind)
}

/// The block around an offset as its lines say: its kind, its id, and the first word of each
/// of its lines (other than the cursor's).
struct Around {
    kind: BlockKind,
    id: Option<String>,
    words: Vec<String>,
}

fn enclosing(text: &str, offset: usize) -> Option<Around> {
    let upto = &text[..offset.min(text.len())];
    let line_start = upto.rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let mut depth = 0usize;
    let mut header: Option<(BlockKind, Option<String>)> = None;
    let mut inside: Vec<&str> = Vec::new();
    for line in upto[..line_start].lines().rev() {
        let code = strip_comment(line).trim();
        if code.ends_with('}') {
            depth += 1;
        }
        if code.ends_with('{') {
            if depth == 0 {
                let mut words = code.split_whitespace();
                let kind = match words.next()? {
                    "plan" => BlockKind::Plan,
                    "team" => BlockKind::Team,
                    "epic" => BlockKind::Epic,
                    "item" => BlockKind::Item,
                    "scenario" => BlockKind::Scenario,
                    _ => return None,
                };
                let id = words.next().filter(|w| !w.starts_with(['"', '{'])).map(String::from);
                header = Some((kind, id));
                break;
            }
            depth -= 1;
        }
        if depth == 0 {
            inside.push(code);
        }
    }
    let (kind, id) = header?;
    // The lines below the cursor's, to the block's end.
    let rest = &text[offset.min(text.len())..];
    let after_cursor = rest.find(['\n', '\r']).map_or("", |i| &rest[i..]);
    for line in after_cursor.lines() {
        let code = strip_comment(line).trim();
        if code.starts_with('}') || code.ends_with('{') {
            break;
        }
        inside.push(code);
    }
    let words = inside.iter().filter_map(|l| l.split_whitespace().next()).map(String::from).collect();
    Some(Around { kind, id, words })
}

fn strip_comment(line: &str) -> &str {
    let mut in_string = false;
    for (i, c) in line.char_indices() {
        match c {
            '"' => in_string = !in_string,
            '#' if !in_string => return &line[..i],
            _ => {}
        }
    }
    line
}

fn block_snippets() -> Vec<Candidate> {
    let snippet = |label: &str, body: &str, detail: &str| Candidate {
        label: label.into(),
        kind: CompletionItemKind::KEYWORD,
        detail: Some(detail.into()),
        insert: Some(body.into()),
        snippet: true,
    };
    vec![
        snippet(
            "plan",
            "plan \"${1:title}\" {\n  start ${2:2025-01-06}\n  horizon ${3:18 months}\n}",
            "the calendar and settings",
        ),
        snippet(
            "team",
            "team ${1:id} \"${2:title}\" {\n  people ${3:8}\n  focus ${4:70}%\n}",
            "a team and its capacity",
        ),
        snippet("epic", "epic ${1:id} \"${2:title}\" {\n  commit ${3:PI2}\n}", "a group of items"),
        snippet(
            "item",
            "item ${1:id} \"${2:title}\" {\n  team ${3:team}\n  effort ${4:20..30}\n}",
            "a piece of work for one team",
        ),
        snippet("milestone", "milestone ${1:id} \"${2:title}\" ${3:2025-06-01}", "another party's date, one line"),
        snippet("scenario", "scenario ${1:id} \"${2:title}\" {\n  $0\n}", "changes to the plan, checked apart"),
    ]
}

/// Statements a block has at most once (others, like `after`, `hire` or `capacity PI3`, repeat).
const ONCE: &[&str] = &[
    "start",
    "horizon",
    "end",
    "increment",
    "iteration",
    "innovation",
    "unit",
    "workweek",
    "load",
    "firm",
    "as",
    "people",
    "focus",
    "reserve",
    "velocity",
    "team",
    "epic",
    "effort",
    "max",
    "not",
    "in",
    "commit",
    "target",
    "wsjf",
    "priority",
    "owner",
    "note",
    "key",
    "remaining",
    "finished",
    "started",
];

/// Statements about progress: they need the plan's `as of`.
const PROGRESS: &[&str] = &["done", "remaining", "finished", "started"];

fn statements(kind: BlockKind, present: &[String], progress: bool) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    for (k, kw, example) in STATEMENTS {
        let taken = ONCE.contains(kw) && present.iter().any(|p| p == kw);
        let early = PROGRESS.contains(kw) && !progress;
        if *k == kind && !taken && !early && !out.iter().any(|c| c.label == *kw) {
            let label = match *kw {
                "not" => "not before",
                "as" => "as of",
                other => other,
            };
            out.push(plain(label, CompletionItemKind::KEYWORD, Some(&format!("e.g. {example}"))));
        }
    }
    out
}

/// The ids of `kinds` the file defines, but those in `except`; ids a scenario adds only where
/// `scenario` (they exist in no other block).
fn ids(doc: &Document, kinds: &[Kind], except: &[&str], scenario: bool) -> Vec<Candidate> {
    let all = &doc.parsed().occurrences;
    let scenarios: Vec<(usize, usize)> = doc
        .parsed()
        .file
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Scenario)
        .map(|b| (b.span.start, b.span.end))
        .collect();
    let in_base = |name: &str, kind: Kind| {
        all.iter().any(|o| {
            o.definition
                && o.kind == kind
                && o.name == name
                && !scenarios.iter().any(|(a, b)| *a <= o.span.start && o.span.start < *b)
        })
    };
    let mut out = Vec::new();
    for kind in kinds {
        let ck = match kind {
            Kind::Team => CompletionItemKind::CLASS,
            Kind::Epic => CompletionItemKind::MODULE,
            Kind::Milestone => CompletionItemKind::EVENT,
            _ => CompletionItemKind::REFERENCE,
        };
        for id in symbols::defined(all, *kind) {
            if except.contains(&id) || !(scenario || in_base(id, *kind)) {
                continue;
            }
            let detail = match doc.title(id) {
                Some(t) => format!("{} — {t}", kind.word()),
                None => kind.word().to_string(),
            };
            out.push(Candidate { label: id.to_string(), kind: ck, detail: Some(detail), insert: None, snippet: false });
        }
    }
    out
}

/// `PI1`, `PI1.1`, …: the PIs and iterations inside the horizon (none before the first check).
fn periods(server: &Server, uri: &lsp_types::Uri) -> Vec<(String, String)> {
    let Some(a) = server.analysis(uri) else { return Vec::new() };
    let Some(cal) = a.checked.calendar.as_ref() else { return Vec::new() };
    let rows = haalbaar::report::calendar_rows(cal);
    let mut out: Vec<(String, String)> = Vec::new();
    for r in &rows {
        let pi = format!("PI{}", r.pi);
        if !out.iter().any(|(l, _)| *l == pi) {
            let last = rows.iter().rfind(|x| x.pi == r.pi).map_or(r.end, |x| x.end);
            out.push((pi, format!("{} – {last}", r.start)));
        }
        out.push((r.iteration.clone(), format!("{} – {}", r.start, r.end)));
    }
    out
}

fn period_candidates(calendar: &[(String, String)]) -> Vec<Candidate> {
    calendar.iter().map(|(label, dates)| plain(label, CompletionItemKind::ENUM_MEMBER, Some(dates))).collect()
}

/// What completion knows of the block the cursor is in.
struct Context<'a> {
    /// The block's id (in a scenario: the id its line names).
    id: Option<&'a str>,
    /// The first words of the block's other lines.
    present: &'a [String],
    /// Whether the plan has a status date (`as of`).
    progress: bool,
    /// In a scenario (ids it adds count).
    scenario: bool,
}

fn in_block(
    doc: &Document,
    kind: BlockKind,
    words: &[&str],
    calendar: &[(String, String)],
    cx: &Context,
) -> Vec<Candidate> {
    let own: Vec<&str> = cx.id.into_iter().collect();
    match (kind, words) {
        (_, []) => statements(kind, cx.present, cx.progress),
        (BlockKind::Item, ["team"]) => ids(doc, &[Kind::Team], &[], cx.scenario),
        (BlockKind::Item, ["epic"]) => ids(doc, &[Kind::Epic], &[], cx.scenario),
        (BlockKind::Item, ["after"]) => {
            // Not itself, nor its own epic (both a cycle).
            let mut except = own.clone();
            except.extend(epic_of(doc, cx.id));
            ids(doc, &[Kind::Item, Kind::Epic, Kind::Milestone], &except, cx.scenario)
        }
        (BlockKind::Team, ["lend", _, "to"]) => ids(doc, &[Kind::Team], &own, cx.scenario),
        (BlockKind::Team, ["lend", _, "to", _]) | (BlockKind::Team, ["capacity"]) => period_candidates(calendar),
        (BlockKind::Item | BlockKind::Epic, ["commit"] | ["in"] | ["target"] | ["not", "before"]) => {
            period_candidates(calendar)
        }
        (BlockKind::Item | BlockKind::Epic, ["commit", _]) => {
            vec![plain("hard", CompletionItemKind::KEYWORD, Some("fixed by law or contract"))]
        }
        _ => Vec::new(),
    }
}

fn scenario(doc: &Document, words: &[&str], calendar: &[(String, String)], progress: bool) -> Vec<Candidate> {
    let target = |w: &str| match w {
        "team" => Some(BlockKind::Team),
        "item" => Some(BlockKind::Item),
        "epic" => Some(BlockKind::Epic),
        _ => None,
    };
    match words {
        [] => ["team", "item", "epic", "plan", "add"]
            .into_iter()
            .map(|k| plain(k, CompletionItemKind::KEYWORD, Some("a scenario's line")))
            .collect(),
        ["add"] => ["item", "team", "epic"].into_iter().map(|k| plain(k, CompletionItemKind::KEYWORD, None)).collect(),
        ["team"] => ids(doc, &[Kind::Team], &[], true),
        ["item"] => ids(doc, &[Kind::Item], &[], true),
        ["epic"] => ids(doc, &[Kind::Epic], &[], true),
        ["plan", rest @ ..] => {
            let cx = Context { id: None, present: &[], progress, scenario: true };
            in_block(doc, BlockKind::Plan, rest, calendar, &cx)
        }
        [t, id, rest @ ..] => match (target(t), rest) {
            (Some(kind), []) => {
                let mut out = statements(kind, &[], progress);
                out.push(plain("without", CompletionItemKind::KEYWORD, Some("take statements out")));
                if kind == BlockKind::Team {
                    out.push(plain(
                        "vacancies filled",
                        CompletionItemKind::KEYWORD,
                        Some("every vacancy filled on its date"),
                    ));
                }
                out
            }
            (Some(BlockKind::Item), ["without", "after"]) => {
                ids(doc, &[Kind::Item, Kind::Epic, Kind::Milestone], &[], true)
            }
            (Some(BlockKind::Team), ["without", "lend", "to"]) => ids(doc, &[Kind::Team], &[], true),
            (Some(kind), ["without"]) => without(kind),
            (Some(kind), rest) => {
                let cx = Context { id: Some(id), present: &[], progress, scenario: true };
                in_block(doc, kind, rest, calendar, &cx)
            }
            (None, _) => Vec::new(),
        },
        _ => Vec::new(),
    }
}

fn without(kind: BlockKind) -> Vec<Candidate> {
    let words: &[&str] = match kind {
        BlockKind::Team => &["hire", "leave", "vacancy", "lend", "reserve", "capacity", "velocity"],
        _ => &[
            "after",
            "commit",
            "in",
            "not before",
            "target",
            "max",
            "epic",
            "done",
            "remaining",
            "finished",
            "started",
        ],
    };
    words.iter().map(|w| plain(w, CompletionItemKind::KEYWORD, None)).collect()
}

/// The epic item `id` belongs to, as the file says.
fn epic_of<'a>(doc: &'a Document, id: Option<&str>) -> Option<&'a str> {
    let block = doc.block(id?).filter(|b| b.kind == BlockKind::Item)?;
    block.statements.iter().find_map(|s| match &s.value {
        haalbaar_grammar::Statement::Epic(e) => Some(e.value.as_str()),
        _ => None,
    })
}
