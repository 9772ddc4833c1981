//! Bad input never panics or hangs: random text, token soup, mutations of the reference
//! plan, 10 MB files and deep nesting all give diagnostics or a result. Every diagnostic
//! points inside the text, on character boundaries.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;
use proptest::test_runner::RngSeed;

const REFERENCE: &str = include_str!("../../examples/gdi-2024.plan");

fn check_sane(text: &str) {
    let checked = haalbaar::check(text);
    for d in &checked.diagnostics {
        for span in d.span.iter().chain(d.labels.iter().map(|l| &l.span)) {
            assert!(span.start <= span.end && text.get(span.start..span.end).is_some(), "{d:?} in {text:?}");
        }
        assert!(!d.message.is_empty());
    }
    let records = haalbaar::report::records("x.plan", text, &checked.diagnostics);
    assert_eq!(records.len(), checked.diagnostics.len());
    serde_json::to_string(&records).unwrap();
}

const TOKENS: &[&str] = &[
    "plan",
    "team",
    "epic",
    "item",
    "{",
    "}",
    "\n",
    "\n",
    "\n",
    " ",
    " ",
    "  ",
    "\t",
    "\"Titel\"",
    "\"é😀\"",
    "#",
    "start",
    "horizon",
    "end",
    "increment",
    "iteration",
    "innovation",
    "unit",
    "days",
    "points",
    "workweek",
    "holiday",
    "load",
    "people",
    "focus",
    "reserve",
    "hire",
    "leave",
    "vacancy",
    "lend",
    "to",
    "on",
    "ramp",
    "chance",
    "capacity",
    "per",
    "velocity",
    "commit",
    "hard",
    "owner",
    "note",
    "priority",
    "effort",
    "max",
    "not",
    "before",
    "in",
    "after",
    "target",
    "wsjf",
    "value",
    "urgency",
    "risk",
    "a",
    "b",
    "toegang",
    "PI0",
    "PI3",
    "PI3.2",
    "PI99999999999",
    "2024-01-08",
    "2024-02-30",
    "2024-Q3",
    "2024-Q9",
    "..",
    "+",
    "%",
    "-",
    "0",
    "1",
    "12.5",
    "99999999999999999999",
    "1.23456",
    "weeks",
    "months",
    "\r\n",
    "\\",
    "\"",
];

fn soup() -> impl Strategy<Value = String> {
    proptest::collection::vec(0..TOKENS.len(), 0..200)
        .prop_map(|ix| ix.into_iter().map(|i| TOKENS[i]).collect::<Vec<_>>().join(" "))
}

#[derive(Debug, Clone)]
enum Edit {
    Delete(usize, usize),
    Insert(usize, usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    Truncate(usize),
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let edit = prop_oneof![
        (any::<usize>(), 0usize..40).prop_map(|(a, n)| Edit::Delete(a, n)),
        (any::<usize>(), 0..TOKENS.len()).prop_map(|(a, t)| Edit::Insert(a, t)),
        any::<usize>().prop_map(Edit::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::SwapLines(a, b)),
        any::<usize>().prop_map(Edit::Truncate),
    ];
    proptest::collection::vec(edit, 1..8)
}

fn boundary(s: &str, at: usize) -> usize {
    let mut at = at % (s.len() + 1);
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut s = text.to_string();
    for e in edits {
        match *e {
            Edit::Delete(a, n) => {
                let a = boundary(&s, a);
                let b = boundary(&s, a + n.min(s.len() - a));
                s.replace_range(a..b.max(a), "");
            }
            Edit::Insert(a, t) => {
                let a = boundary(&s, a);
                s.insert_str(a, TOKENS[t]);
            }
            Edit::DuplicateLine(i) | Edit::Truncate(i) if s.is_empty() => {
                let _ = i;
            }
            Edit::DuplicateLine(i) => {
                let lines: Vec<&str> = s.lines().collect();
                let i = i % lines.len().max(1);
                let mut out: Vec<&str> = lines.clone();
                if let Some(l) = lines.get(i) {
                    out.insert(i, l);
                }
                s = out.join("\n");
            }
            Edit::SwapLines(a, b) => {
                let mut lines: Vec<&str> = s.lines().collect();
                if !lines.is_empty() {
                    let (a, b) = (a % lines.len(), b % lines.len());
                    lines.swap(a, b);
                }
                s = lines.join("\n");
            }
            Edit::Truncate(i) => {
                let i = boundary(&s, i);
                s.truncate(i);
            }
        }
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, failure_persistence: None, rng_seed: RngSeed::Fixed(20261128), ..ProptestConfig::default() })]

    #[test]
    fn random_text_never_panics(text in "\\PC{0,400}") {
        check_sane(&text);
    }

    #[test]
    fn token_soup_never_panics(text in soup()) {
        check_sane(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4000, failure_persistence: None, rng_seed: RngSeed::Fixed(20261128), ..ProptestConfig::default() })]

    #[test]
    fn mutated_reference_never_panics(e in edits()) {
        check_sane(&apply(REFERENCE, &e));
    }
}

#[test]
fn ten_megabytes_of_items_are_checked() {
    let mut text =
        String::from("plan \"Groot\" {\n  start 2024-01-08\n  horizon 18 months\n}\nteam t {\n  people 10\n}\n");
    let mut n = 0;
    while text.len() < 10 * 1024 * 1024 {
        text.push_str(&format!("item i{n} \"Item {n}\" {{\n  team t\n  effort 1..2\n}}\n"));
        n += 1;
    }
    let checked = haalbaar::check(&text);
    assert_eq!(checked.plan.items.len(), n);
    assert!(!checked.has_errors());
}

#[test]
fn ten_megabytes_of_one_line_and_deep_nesting_give_errors() {
    for text in [
        "{".repeat(10 * 1024 * 1024),
        format!("plan \"x\" {{\n{}\n}}\n", "{".repeat(1_000_000)),
        format!("team t {{\n  note \"{}\n}}\n", "\"".repeat(1_000_000)),
        "x".repeat(10 * 1024 * 1024),
        "team a {\n".repeat(20_000),
        "}\n".repeat(500_000),
    ] {
        let checked = haalbaar::check(&text);
        assert!(checked.has_errors());
    }
}

#[test]
fn every_broken_block_is_reported_in_one_run() {
    let text = "plan \"x\" {\n  start 2024-01-08\n  horizon 1 month\n}\n\
                team a {\n  peple 3\n}\n\
                team b {\n  people three\n}\n\
                item c {\n  team a\n  effort 5\n  afterr b\n}\n\
                itme d {\n}\n";
    let checked = haalbaar::check(text);
    let codes: Vec<&str> = checked.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["E0101", "E0102", "E0101", "E0104"]);
    let lines: Vec<usize> = haalbaar::report::records("x", text, &checked.diagnostics).iter().map(|r| r.line).collect();
    assert_eq!(lines, [6, 9, 14, 16]);
}

#[test]
fn words_after_unicode_spaces_are_pointed_at_on_character_boundaries() {
    // Found by the random-text property: a line starting with a no-break space.
    for text in ["\u{a0}w?{x", "\u{a0}\u{1811}w?{", "team a {\n\u{a0}peple 3\n}\n", "\u{2003}effort 5\n"] {
        check_sane(text);
    }
}
