//! `--lang nl` all the way: every command's output on every bundled example (and the
//! diagnostic fixtures) holds no English sentence of the catalogue, the command's words or
//! the HTML report's labels. A sentence is a fixed piece of three words or more: ids,
//! keywords and figures are the same in both languages.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{root, run_in};

fn english_sentences() -> Vec<String> {
    let mut pieces: Vec<&str> = haalbaar::catalogue::entries()
        .iter()
        .chain(haalbaar_cli::words::ENTRIES)
        .flat_map(|(en, _)| en.split("{}"))
        .collect();
    pieces.extend(haalbaar_cli::html::EN.texts());
    let mut out: Vec<String> = pieces
        .into_iter()
        .map(|p| p.trim_matches(|c: char| !c.is_alphanumeric() && c != '`').to_string())
        .filter(|p| p.split_whitespace().count() >= 3)
        .collect();
    out.sort();
    out.dedup();
    out
}

fn plans() -> Vec<String> {
    let mut out = Vec::new();
    for dir in ["examples", "bindings/cli/tests/fixtures/diagnostics"] {
        let mut names: Vec<String> = std::fs::read_dir(root().join(dir))
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".plan"))
            .collect();
        names.sort();
        out.extend(names.into_iter().map(|n| format!("{dir}/{n}")));
    }
    out
}

#[test]
fn dutch_output_of_every_command_has_no_english_sentence() {
    let english = english_sentences();
    assert!(english.len() > 200, "the catalogue holds {} sentences", english.len());
    let mut outputs: Vec<(String, String)> = Vec::new();
    for plan in plans() {
        let commands: Vec<Vec<&str>> = vec![
            vec!["check", &plan],
            vec!["board", &plan, "--width", "160"],
            vec!["calendar", &plan],
            vec!["capacity", &plan],
            vec!["forecast", &plan, "--runs", "20"],
            vec!["report", &plan, "--runs", "20", "-o", "-"],
            vec!["compare", &plan, "--all"],
            vec!["compare", &plan, "--all", "--format", "markdown"],
        ];
        for args in commands {
            let mut with_lang = args.clone();
            with_lang.extend(["--lang", "nl"]);
            let (_, out, err) = run_in(&root(), &with_lang);
            // The plan's own lines, quoted under a finding (`42 |   commit …  # comment`), are the
            // user's words, not the engine's.
            let ours: Vec<&str> = out
                .lines()
                .chain(err.lines())
                .filter(|l| l.trim_start().split_once(" |").is_none_or(|(n, _)| n.trim().parse::<u32>().is_err()))
                .collect();
            outputs.push((format!("{} {plan}", args[0]), ours.join("\n")));
        }
    }
    let (_, list, _) = run_in(&root(), &["explain", "--lang", "nl"]);
    outputs.push(("explain".into(), list));
    let mut found = Vec::new();
    for (what, text) in &outputs {
        for s in &english {
            if text.contains(s.as_str()) {
                found.push(format!("{what}: `{s}`"));
            }
        }
    }
    found.dedup();
    assert!(found.is_empty(), "English in Dutch output:\n{}", found.join("\n"));
}

#[test]
fn english_stays_english() {
    let (_, nl, _) = run_in(&root(), &["check", "examples/conflict.plan", "--lang", "nl"]);
    let (_, en, _) = run_in(&root(), &["check", "examples/conflict.plan"]);
    assert!(en.contains("cannot be done by PI2.5 together with"), "{en}");
    assert!(nl.contains("kan niet af zijn uiterlijk PI2.5 samen met"), "{nl}");
    assert!(nl.contains("fout[E0602]") && nl.contains("= hulp: "), "{nl}");
}

#[test]
fn explanations_are_dutch() {
    let (code, nl, _) = run_in(&root(), &["explain", "E0305", "--lang", "nl"]);
    assert_eq!(code, 0);
    assert!(nl.starts_with("E0305 (fout): "), "{nl}");
    for part in ["Wat: ", "Waarom: ", "Voorbeeld", "Oplossing: "] {
        assert!(nl.contains(part), "{nl}");
    }
    assert!(!nl.contains("What: ") && !nl.contains("Why: "), "{nl}");
}
