//! `recheck` gives exactly what a fresh check gives, on generated plans and the examples, after
//! edits of every kind; and it does reuse the previous answer where it says it does.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use haalbaar::{Checked, Options};

/// Everything a check reports, positions included.
fn answer(c: &Checked) -> String {
    serde_json::to_string(&(&c.plan, &c.feasibility, &c.diagnostics, c.cancelled)).unwrap()
}

/// A small seeded generator, so every run makes the same edits.
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

/// The byte ranges of the lines starting with `prefix` (after indentation).
fn lines(text: &str, prefix: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_start().starts_with(prefix) {
            out.push((at, at + line.trim_end().len()));
        }
        at += line.len();
    }
    out
}

/// The effort line of item `id`, if it has one.
fn effort_of(text: &str, id: &str) -> Option<(usize, usize)> {
    let start = text.find(&format!("\nitem {id} "))?;
    let end = text[start + 1..].find("\n}").map(|e| start + 1 + e)?;
    lines(&text[start..end], "effort ").first().map(|&(a, b)| (start + a, start + b))
}

/// `effort N` (or a range) with every figure raised by `by`.
fn raise(line: &str, by: u64) -> String {
    let (head, figures) = line.split_at(line.find("effort ").unwrap() + "effort ".len());
    let raised: Vec<String> =
        figures.split("..").map(|f| f.trim().parse::<u64>().map_or(f.to_string(), |n| (n + by).to_string())).collect();
    format!("{head}{}", raised.join(".."))
}

fn edited(text: &str, (a, b): (usize, usize), new: &str) -> String {
    format!("{}{new}{}", &text[..a], &text[b..])
}

/// Re-checks `new` after `old` and compares with a fresh check; returns whether it reused.
fn agrees(old: &Checked, new: &str, what: &str) -> bool {
    let options = Options::default();
    let again = haalbaar::recheck(old, new, &options);
    let fresh = haalbaar::check_with(new, &options);
    assert_eq!(answer(&again), answer(&fresh), "{what}");
    // And again from the re-check (a chain of edits, as in an editor).
    let third = haalbaar::recheck(&again, new, &options);
    assert_eq!(answer(&third), answer(&fresh), "{what}, twice");
    again.reused()
}

/// Items whose work no commitment needs (directly or through what it waits for), from the
/// board of the check: items no commitment's chain holds.
fn free_items(c: &Checked) -> Vec<String> {
    let plan = &c.plan;
    let mut needed: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
    let mut stack: Vec<&str> = plan
        .items
        .iter()
        .filter(|i| {
            i.commit.is_some()
                || i.placed.is_some()
                || i.epic.as_ref().is_some_and(|e| plan.epic(&e.id).is_some_and(|e| e.commit.is_some()))
        })
        .map(|i| i.id.as_str())
        .collect();
    while let Some(id) = stack.pop() {
        if needed.insert(id)
            && let Some(item) = plan.item(id)
        {
            stack.extend(item.after.iter().map(|d| d.item.id.as_str()));
        }
    }
    plan.items.iter().filter(|i| !needed.contains(i.id.as_str())).map(|i| i.id.clone()).collect()
}

#[test]
fn a_recheck_gives_what_a_fresh_check_gives() {
    let mut r = Rng(0x2545_f491_4f6c_dd1d);
    let (mut reused, mut solved, mut free_reused) = (0, 0, 0);
    for seed in 1..=12u64 {
        let text = haalbaar_benches::generate(60, seed);
        let first = haalbaar::check(&text);
        assert!(first.feasibility.is_some(), "seed {seed}");
        // Nothing changed; a title; a note added; a comment; the layout.
        for (what, new) in [
            ("same text", text.clone()),
            ("a title", text.replacen("\"Team 0\"", "\"Team nul\"", 1)),
            ("a comment", text.replacen("\nteam t0", "\n# de teams\nteam t0", 1)),
            ("the layout", text.replace("  people", "    people")),
        ] {
            assert!(agrees(&first, &new, &format!("seed {seed}: {what}")), "seed {seed}: {what} not reused");
            reused += 1;
        }
        // The effort of work no commitment needs: reused; of other work: decided again.
        let free = free_items(&first);
        for id in free.iter().take(3) {
            let Some(at) = effort_of(&text, id) else { continue };
            let new = edited(&text, at, &raise(&text[at.0..at.1], 1 + r.below(40) as u64));
            assert!(agrees(&first, &new, &format!("seed {seed}: effort of free `{id}`")), "`{id}` not reused");
            free_reused += 1;
        }
        let efforts = lines(&text, "effort ");
        for _ in 0..4 {
            let at = efforts[r.below(efforts.len())];
            let new = edited(&text, at, &raise(&text[at.0..at.1], 1 + r.below(40) as u64));
            if agrees(&first, &new, &format!("seed {seed}: effort at {}", at.0)) {
                reused += 1;
            } else {
                solved += 1;
            }
        }
        // A line taken out (a dependency, a capacity figure, a commitment); a priority.
        for prefix in ["after ", "people ", "commit ", "focus "] {
            let all = lines(&text, prefix);
            if all.is_empty() {
                continue;
            }
            let at = all[r.below(all.len())];
            let new = edited(&text, at, "");
            agrees(&first, &new, &format!("seed {seed}: `{}` taken out", &text[at.0..at.1]));
        }
        // A broken version in between (as while typing), then the fixed one.
        let broken = text.replacen("  people", "  peeple", 1);
        let between = haalbaar::recheck(&first, &broken, &Options::default());
        assert!(between.feasibility.is_none());
        assert_eq!(answer(&haalbaar::recheck(&between, &text, &Options::default())), answer(&first));
        // Another budget decides again: the answer may depend on it.
        let small = Options::default().budget(1_000);
        assert_eq!(
            answer(&haalbaar::recheck(&first, &text, &small)),
            answer(&haalbaar::check_with(&text, &small)),
            "seed {seed}: budget"
        );
    }
    // The test checks what it says only if each kind is common.
    assert!(reused >= 48 && solved >= 10 && free_reused >= 10, "{reused} reused, {solved} solved, {free_reused} free");
}

#[test]
fn a_recheck_of_the_examples_gives_what_a_fresh_check_gives() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples");
    let mut r = Rng(7);
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "plan") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let first = haalbaar::check(&text);
        let efforts = lines(&text, "effort ");
        for _ in 0..6 {
            let at = efforts[r.below(efforts.len())];
            let new = edited(&text, at, &raise(&text[at.0..at.1], 1 + r.below(20) as u64));
            agrees(&first, &new, &format!("{}: effort at {}", path.display(), at.0));
        }
        let notes = edited(&text, (text.len(), text.len()), "\n# een opmerking aan het eind\n");
        assert!(agrees(&first, &notes, &path.display().to_string()), "{}: not reused", path.display());
    }
}

#[test]
fn loans_are_rechecked_like_the_rest() {
    // Loans from the first teams, so some commitment a lending team works on is missed.
    let text = haalbaar_benches::generate(200, 7);
    let mut with = text.clone();
    for (team, to) in [("t0", "t1"), ("t1", "t2"), ("t2", "t0")] {
        with = with.replacen(
            &format!("team {team} \"Team {}\" {{\n", &team[1..]),
            &format!("team {team} \"Team {}\" {{\n  lend 2 to {to} PI1..PI3\n", &team[1..]),
            1,
        );
    }
    assert_eq!(lines(&with, "lend ").len(), 3);
    let first = haalbaar::check(&with);
    let costly = first.diagnostics.iter().filter(|d| d.code.as_str() == "W0508").count();
    assert!(costly > 0, "no loan makes a difference: the test checks little");
    let free = free_items(&first);
    let at = effort_of(&with, &free[0]).unwrap();
    let new = edited(&with, at, &raise(&with[at.0..at.1], 3));
    assert!(agrees(&first, &new, "a free item's effort with loans"));
    let loans = lines(&with, "lend ");
    let new = edited(&with, loans[0], "  lend 1 to t1 PI1..PI3");
    assert!(!agrees(&first, &new, "a loan changed"));
}
