//! The syntax tree: spans point at what was written, broken lines are recovered from one by
//! one, and the reader accepts the file shapes people save (CRLF, no final newline, tabs).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use haalbaar_grammar::*;

fn text_of(src: &str, s: Span) -> &str {
    &src[s.start..s.end]
}

#[test]
fn spans_point_at_what_was_written() {
    let src = "team toegang \"Domein Toegang\" {\n  people 12   # comment\n  focus 70%\n}\n";
    let f = parse(src);
    assert!(f.errors.is_empty(), "{:?}", f.errors);
    let b = &f.blocks[0];
    assert_eq!(b.kind, BlockKind::Team);
    assert_eq!(text_of(src, b.id.as_ref().unwrap().span), "toegang");
    assert_eq!(text_of(src, b.title.as_ref().unwrap().span), "\"Domein Toegang\"");
    assert_eq!(b.title.as_ref().unwrap().value, "Domein Toegang");
    assert_eq!(text_of(src, b.header), "team toegang \"Domein Toegang\" {");
    assert_eq!(text_of(src, b.statements[0].span), "people 12");
    match &b.statements[1].value {
        Statement::Focus(n) => assert_eq!((n.value.0.as_str(), text_of(src, n.span)), ("70", "70%")),
        other => panic!("{other:?}"),
    }
}

#[test]
fn crlf_tabs_escapes_and_no_final_newline() {
    let src = "plan \"Plan \\\"A\\\" \\\\ B\" {\r\n\tstart 2024-01-08\r\n\thorizon 18 months\r\n}";
    let f = parse(src);
    assert!(f.errors.is_empty(), "{:?}", f.errors);
    assert_eq!(f.blocks[0].title.as_ref().unwrap().value, "Plan \"A\" \\ B");
    assert_eq!(f.blocks[0].statements.len(), 2);
}

#[test]
fn each_broken_line_is_one_error_and_the_rest_is_read() {
    let src = "team a {\n  peple 3\n  people 3\n  focus 70\n}\nitem b {\n  team a\n  effort 5..\n  after a\n}\n";
    let f = parse(src);
    let kinds: Vec<SyntaxErrorKind> = f.errors.iter().map(|e| e.kind).collect();
    assert_eq!(kinds, [SyntaxErrorKind::UnknownStatement, SyntaxErrorKind::Malformed, SyntaxErrorKind::Malformed]);
    assert_eq!(f.blocks.len(), 2);
    assert_eq!(f.blocks[0].statements.len(), 1); // people 3
    assert_eq!(f.blocks[1].statements.len(), 2); // team a, after a
    assert_eq!(text_of(src, f.errors[0].span), "peple");
    assert_eq!(f.errors[0].help.as_deref(), Some("did you mean `people`?"));
    assert_eq!(text_of(src, f.errors[1].span), "70");
    assert_eq!(f.errors[1].message, "expected a percentage like 70%, found `70`");
}

#[test]
fn a_fraction_where_a_percentage_goes_is_shown_whole_with_its_percentage() {
    for (written, percent) in [("0.7", "70%"), ("0.825", "82.5%"), ("1", "100%"), ("0.05", "5%")] {
        let src = format!("team a {{\n  people 3\n  focus {written}\n}}\n");
        let f = parse(&src);
        assert_eq!(f.errors.len(), 1, "{written}");
        assert_eq!(text_of(&src, f.errors[0].span), written);
        assert_eq!(f.errors[0].message, format!("expected a percentage like 70%, found `{written}`"));
        assert_eq!(f.errors[0].help.as_deref(), Some(format!("write `{written}` as `{percent}`").as_str()));
    }
    // Not a fraction: the statement's usage.
    let f = parse("team a {\n  focus 70\n}\n");
    assert_eq!(f.errors[0].help.as_deref(), Some("write it as: focus 70%"));
}

#[test]
fn an_unclosed_block_ends_at_the_next_header() {
    let src = "team a {\n  people 3\nteam b {\n  people 4\n}\n";
    let f = parse(src);
    assert_eq!(f.errors.len(), 1);
    assert_eq!(f.errors[0].kind, SyntaxErrorKind::Unclosed);
    assert_eq!(text_of(src, f.errors[0].span), "team a {");
    assert_eq!(f.blocks.len(), 2);
    assert_eq!(f.blocks[1].statements.len(), 1);
}

#[test]
fn statements_in_the_wrong_block_and_outside_blocks() {
    let src = "effort 5\nteam a {\n  effort 3\n}\n}\n";
    let f = parse(src);
    let got: Vec<(SyntaxErrorKind, &str)> = f.errors.iter().map(|e| (e.kind, e.message.as_str())).collect();
    assert_eq!(
        got,
        [
            (SyntaxErrorKind::NotABlock, "`effort` stands outside any block"),
            (SyntaxErrorKind::WrongBlock, "`effort` belongs in an item block, not in a team block"),
            (SyntaxErrorKind::NotABlock, "this `}` closes no block"),
        ]
    );
}

#[test]
fn every_statement_form_of_the_reference_parses() {
    let src = include_str!("../../examples/gdi-2024.plan");
    let f = parse(src);
    assert!(f.errors.is_empty(), "{:?}", f.errors);
    let keywords: Vec<&str> = f.blocks.iter().flat_map(|b| b.statements.iter().map(|s| s.value.keyword())).collect();
    for k in [
        "start",
        "horizon",
        "increment",
        "iteration",
        "innovation",
        "unit",
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
        "capacity",
        "commit",
        "owner",
        "team",
        "epic",
        "effort",
        "max",
        "not before",
        "in",
        "after",
        "wsjf",
        "target",
        "priority",
        "note",
    ] {
        assert!(keywords.contains(&k), "`{k}` not read");
    }
}

#[test]
fn extension_forms_parse() {
    let src = "plan {\n  start 2024-01-08\n  end 2025-07-06\n  uncertainty grows 10% per PI\n  firm 2 PIs\n}\n\
               epic e {\n  priority 2\n  note \"n\"\n}\n\
               item i {\n  max 30 per iteration\n  in PI2..PI3\n  not before 2024-Q2\n  commit PI3.2\n  wsjf value 1 urgency 2 risk 3 size 5\n}\n";
    let f = parse(src);
    assert!(f.errors.is_empty(), "{:?}", f.errors);
    assert_eq!(f.blocks.iter().map(|b| b.statements.len()).sum::<usize>(), 4 + 2 + 5);
}
