//! The reference (`docs/language.md`) names every statement the grammar accepts, under the
//! section of the block it stands in, and nothing the grammar does not accept.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use haalbaar_grammar::{BlockKind, STATEMENTS};

/// The `### ` headings of each `## ` section of the reference.
fn headings() -> Vec<(String, Vec<String>)> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/language.md")).unwrap();
    let mut sections: Vec<(String, Vec<String>)> = Vec::new();
    for line in text.lines() {
        if let Some(title) = line.strip_prefix("## ") {
            sections.push((title.to_string(), Vec::new()));
        } else if let Some(h) = line.strip_prefix("### ")
            && let Some(last) = sections.last_mut()
        {
            last.1.push(h.trim_matches('`').to_string());
        }
    }
    sections
}

fn section(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Plan => "The plan block",
        BlockKind::Team => "Teams",
        BlockKind::Epic => "Epics",
        BlockKind::Item => "Items",
        BlockKind::Scenario => "Scenarios",
        BlockKind::Milestone => "Milestones",
    }
}

#[test]
fn the_reference_names_every_statement_of_the_grammar_in_its_block() {
    let sections = headings();
    for &(kind, word, _) in STATEMENTS {
        let (_, heads) = sections
            .iter()
            .find(|(t, _)| t == section(kind))
            .unwrap_or_else(|| panic!("no section `## {}`", section(kind)));
        assert!(
            heads.iter().any(|h| h.split(' ').next() == Some(word)),
            "`{word}` ({kind:?}) has no heading in `## {}`",
            section(kind)
        );
    }
    // And no heading for a statement the grammar does not have.
    for kind in [BlockKind::Plan, BlockKind::Team, BlockKind::Epic, BlockKind::Item, BlockKind::Scenario] {
        let (_, heads) = sections.iter().find(|(t, _)| t == section(kind)).unwrap();
        for h in heads {
            let word = h.split(' ').next().unwrap();
            assert!(
                STATEMENTS.iter().any(|&(k, w, _)| k == kind && w == word),
                "`### {h}` in `## {}` is not a statement of that block",
                section(kind)
            );
        }
    }
}

/// Every ` ```plan ` block of the docs is valid plan text: it parses without a syntax error,
/// and one with a `plan` block checks without an error outside the verdicts (E06xx).
#[test]
fn every_plan_snippet_in_the_docs_is_valid() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs");
    let mut snippets = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let mut lines = text.lines();
        while let Some(line) = lines.next() {
            if line != "```plan" {
                continue;
            }
            let body: String = lines.by_ref().take_while(|l| !l.starts_with("```")).map(|l| format!("{l}\n")).collect();
            snippets += 1;
            let parsed = haalbaar_grammar::parse(&body);
            assert!(parsed.errors.is_empty(), "{}: {:?}\n{body}", path.display(), parsed.errors);
            if body.contains("plan \"") {
                let c = haalbaar::check(&body);
                let bad: Vec<_> =
                    c.diagnostics.iter().filter(|d| d.is_error() && !d.code.as_str().starts_with("E06")).collect();
                assert!(bad.is_empty(), "{}: {bad:?}\n{body}", path.display());
            }
        }
    }
    assert!(snippets >= 8, "{snippets} snippets");
}
