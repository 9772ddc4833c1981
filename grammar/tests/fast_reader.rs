//! The hand-written reader against the pest grammar: on every input both give the same tree,
//! spans included, and every file the grammar reads without an error the reader reads too.
//! Inputs: the examples, the CLI fixtures, the fuzz corpus and thousands of mutated copies of
//! the examples (a seeded generator, so every run checks the same files).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use haalbaar_grammar::{parse, parse_fast, parse_with_grammar};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn files_in(dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut paths: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            files_in(&path, out);
        } else if let Ok(text) = std::fs::read_to_string(&path) {
            out.push(text);
        }
    }
}

fn plans_in(dir: &Path) -> Vec<String> {
    let mut all = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else { return all };
    let mut paths: Vec<PathBuf> =
        entries.map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "plan")).collect();
    paths.sort();
    for path in paths {
        all.push(std::fs::read_to_string(path).unwrap());
    }
    all
}

/// Same tree, spans and all (the tree's `==` ignores spans, its debug text does not).
fn agrees(text: &str) -> bool {
    let by_hand = parse(text);
    let by_grammar = parse_with_grammar(text);
    if format!("{by_hand:?}") != format!("{by_grammar:?}") {
        panic!("the reader and the grammar differ on:\n{text}\n---\nreader: {by_hand:#?}\ngrammar: {by_grammar:#?}");
    }
    // Whatever the grammar reads without an error, the reader reads on its own.
    let clean = by_grammar.errors.is_empty() && !text.contains('\r');
    if clean {
        assert!(parse_fast(text).is_some(), "the reader gave up on a well-formed file:\n{text}");
    }
    clean
}

/// `n` mutants of `text`: the reader and the grammar agree on each, and the formatter never
/// changes a meaning and is idempotent. Returns (well-formed mutants, mutants).
fn mutants_agree(text: &str, n: usize, r: &mut Rng) -> (usize, usize) {
    let mut clean = 0;
    for _ in 0..n {
        let m = mutate(text, r);
        match haalbaar_grammar::format(&m) {
            Ok(f) => assert_eq!(haalbaar_grammar::format(&f).as_ref(), Ok(&f), "{m}"),
            Err(e) => assert!(matches!(e, haalbaar_grammar::FormatError::Syntax(_)), "{e}: {m}"),
        }
        if agrees(&m) {
            clean += 1;
        }
    }
    (clean, n)
}

/// A small seeded generator (xorshift), so the mutants are the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const TOKENS: &[&str] = &[
    " ",
    "  ",
    "\t",
    "\n",
    "#",
    "# note",
    "\"",
    "\\",
    "\\\"",
    "..",
    " .. ",
    "PI",
    "PI3",
    "PI2.4",
    ".",
    "-",
    "2025-01-06",
    "2025-Q3",
    "}",
    "{",
    "x",
    "%",
    "hard",
    " per iteration",
    " people",
    "person",
    "days",
    "day",
    "weeks",
    "iterations",
    "+",
    " + 1 iteration",
    "0",
    "12",
    "3.5",
    "-2",
    "after ",
    "commit ",
    "effort ",
    "max ",
    "not before ",
    "in ",
    "team ",
    "item x {\n",
    "epic e {\n",
    "plan {\n",
    "value",
    "urgency 3",
    "wsjf ",
    "ramp 4 weeks",
    "on ",
    "chance 50%",
    "é",
];

fn mutate(text: &str, r: &mut Rng) -> String {
    let mut s = text.to_string();
    for _ in 0..1 + r.below(3) {
        let mut at = r.below(s.len() + 1);
        while !s.is_char_boundary(at) {
            at -= 1;
        }
        match r.below(4) {
            0 => {
                let mut end = (at + 1 + r.below(12)).min(s.len());
                while !s.is_char_boundary(end) {
                    end += 1;
                }
                s.replace_range(at..end, "");
            }
            1 | 2 => s.insert_str(at, TOKENS[r.below(TOKENS.len())]),
            _ => {
                // Swap in a whole other line of the file.
                let lines: Vec<&str> = text.lines().collect();
                let line = lines[r.below(lines.len())].to_string();
                s.insert_str(at, &format!("{line}\n"));
            }
        }
    }
    s
}

#[test]
fn the_examples_and_fixtures_read_the_same() {
    let mut files = plans_in(&root().join("examples"));
    files.extend(plans_in(&root().join("examples/mistakes")));
    // Imported plans: every block carries a `key`.
    files.extend(plans_in(&root().join("examples/import/expected")));
    files_in(&root().join("bindings/cli/tests/fixtures"), &mut files);
    let clean = files.iter().filter(|f| agrees(f)).count();
    assert!(files.len() >= 50 && clean >= 6, "{} files, {clean} clean", files.len());
}

#[test]
fn the_fuzz_corpus_reads_the_same() {
    let mut files = Vec::new();
    files_in(&root().join("fuzz/corpus"), &mut files);
    for f in &files {
        agrees(f);
    }
}

#[test]
fn mutated_examples_read_the_same() {
    let mut examples = plans_in(&root().join("examples"));
    examples.extend(plans_in(&root().join("examples/mistakes")));
    let mut r = Rng(0x9e37_79b9_7f4a_7c15);
    let (mut total, mut clean) = (0, 0);
    for example in &examples {
        let (c, t) = mutants_agree(example, 1500, &mut r);
        clean += c;
        total += t;
    }
    // Both kinds must be common, or the test checks little.
    assert!(clean * 10 > total && clean * 10 < total * 9, "{clean} of {total} mutants are well formed");
}

/// Every form of scenario line, as written and mutated: the reader and the grammar agree.
#[test]
fn scenario_lines_read_the_same() {
    let text = r#"plan {
  start 2025-01-06
  horizon 6 months
}

scenario alles "Every form" {
  team api people 3  # a comment
  team api hire 2 on 2025-02-03 ramp 4 weeks
  team api without hire
  team api without hire on 2025-02-03
  team api without leave on 2025-06-02
  team api without vacancy
  team api without lend
  team api without lend to web
  team api without reserve
  team api without capacity
  team api without capacity PI3.2
  team api without velocity
  team api vacancies filled
  team api capacity PI2 +10
  item login effort 60..70..90
  item login after sso + 1 iteration
  item login without after
  item login without after sso
  item login without commit
  item login without in
  item login without not before
  item login without target
  item login without max
  item login without epic
  item login commit 2025-Q2 hard
  item login note "a # in a note"
  epic portaal commit PI3
  epic portaal without commit
  plan load 90%
  plan holiday "Staking" 2025-03-03
  add item sso "SSO"
  add team extra
  add epic nieuw "Nieuw"
}
"#;
    assert!(agrees(text));
    let file = haalbaar_grammar::parse(text);
    assert!(file.errors.is_empty(), "{:?}", file.errors);
    assert_eq!(file.blocks[1].statements.len(), 33);
    let (clean, total) = mutants_agree(text, 3000, &mut Rng(0x2545_f491_4f6c_dd1d));
    // Most mutants of one dense block break a line; enough stay well formed to compare.
    assert!(clean >= 50 && clean < total, "{clean} of {total} mutants are well formed");
}
