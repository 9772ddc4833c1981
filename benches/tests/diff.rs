//! `haalbaar::report::diff` on pairs of generated plans that differ by one change (an effort,
//! a team's people, a dependency, a deadline, a new commitment): every commitment's status and
//! finish before and after are those of checking each version alone, and every commitment
//! that changed names the changed line among its causes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use haalbaar::report::diff::{Side, diff};
use haalbaar::{Checked, Options};
use haalbaar_benches::generate;

/// Pairs per kind of change (the issue asks for at least 200).
const PAIRS: u64 = 200;

#[derive(Clone, Copy, Debug)]
enum Kind {
    Effort,
    People,
    Dependency,
    Deadline,
    NewCommitment,
}

/// Lines of `text`, 0-based index of the first line starting with `prefix` at or after `from`.
fn find(lines: &[String], from: usize, prefix: &str) -> Option<usize> {
    (from..lines.len()).find(|&k| lines[k].starts_with(prefix))
}

/// The block of item `i{k}`: the index of its header line and of its closing brace.
fn item_block(lines: &[String], k: usize) -> Option<(usize, usize)> {
    let head = find(lines, 0, &format!("item i{k} "))?;
    Some((head, find(lines, head, "}")?))
}

/// The plan with one change of `kind`, chosen by `seed`, and the (1-based) line it changed.
fn mutate(text: &str, kind: Kind, seed: u64) -> Option<(String, usize)> {
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    let items = lines.iter().filter(|l| l.starts_with("item ")).count();
    let pick = |salt: u64, n: usize| ((seed.wrapping_mul(2_654_435_761).wrapping_add(salt * 97)) % n as u64) as usize;
    let at = match kind {
        Kind::Effort => {
            let (head, end) = item_block(&lines, pick(1, items))?;
            let k = (head..end).find(|&k| lines[k].starts_with("  effort "))?;
            let doubled: Vec<String> = lines[k]["  effort ".len()..]
                .split("..")
                .map(|f| f.trim().parse::<u64>().map(|n| (n * 2).to_string()).unwrap_or_else(|_| f.to_string()))
                .collect();
            lines[k] = format!("  effort {}", doubled.join(".."));
            k
        }
        Kind::People => {
            let teams = lines.iter().filter(|l| l.starts_with("team ")).count();
            let head = find(&lines, 0, &format!("team t{} ", pick(2, teams)))?;
            let k = find(&lines, head, "  people ")?;
            let n: u64 = lines[k]["  people ".len()..].trim().parse().ok()?;
            lines[k] = format!("  people {}", if n > 2 { n - 2 } else { n + 3 });
            k
        }
        Kind::Dependency => {
            let m = 1 + pick(3, items - 1);
            let k = pick(4, m);
            let (head, end) = item_block(&lines, m)?;
            if lines[head..end]
                .iter()
                .any(|l| l.starts_with(&format!("  after i{k} ")) || *l == format!("  after i{k}"))
            {
                return None;
            }
            let effort = (head..end).find(|&x| lines[x].starts_with("  effort "))?;
            lines.insert(effort + 1, format!("  after i{k}"));
            effort + 1
        }
        Kind::Deadline => {
            let committed: Vec<usize> = (0..lines.len()).filter(|&k| lines[k].starts_with("  commit PI")).collect();
            let k = *committed.get(pick(5, committed.len().max(1)))?;
            let pi: u32 = lines[k]["  commit PI".len()..].trim().parse().ok()?;
            lines[k] = format!("  commit PI{}", if pi > 1 { pi - 1 } else { pi + 1 });
            k
        }
        Kind::NewCommitment => {
            let free: Vec<usize> = (0..items)
                .filter(|&i| {
                    item_block(&lines, i).is_some_and(|(h, e)| !lines[h..e].iter().any(|l| l.starts_with("  commit")))
                })
                .collect();
            let i = *free.get(pick(6, free.len().max(1)))?;
            let (head, end) = item_block(&lines, i)?;
            let effort = (head..end).find(|&x| lines[x].starts_with("  effort "))?;
            lines.insert(effort + 1, format!("  commit PI{}", 1 + pick(7, 5)));
            effort + 1
        }
    };
    Some((lines.join("\n") + "\n", at + 1))
}

/// `(kind, item) → (status, finish, deadline)` of a check alone.
fn answers(c: &Checked) -> Vec<haalbaar_benches::Answer> {
    haalbaar_benches::answers(c).expect("generated plans are decided")
}

fn run(kind: Kind) {
    sweep(kind, PAIRS, 12, 40);
}

/// `pairs` pairs of plans of `min` to `min + spread - 1` items.
fn sweep(kind: Kind, want: u64, min: usize, spread: u64) {
    let options = Options::default();
    let (mut pairs, mut changed, mut through) = (0, 0, 0);
    for seed in 0..want * 3 {
        if pairs == want {
            break;
        }
        let old = generate(min + (seed % spread) as usize, seed);
        let Some((new, line)) = mutate(&old, kind, seed) else { continue };
        pairs += 1;
        let d = diff(&old, &new, &options);
        // Each side as checked alone.
        for (checked, side) in [(haalbaar::check(&old), true), (haalbaar::check(&new), false)] {
            for (key, status, finish, deadline) in answers(&checked) {
                let c = d
                    .commitments
                    .iter()
                    .find(|c| format!("{}:{}", c.kind, c.item) == key)
                    .unwrap_or_else(|| panic!("{kind:?} seed {seed}: {key} missing"));
                let s = if side { c.before.as_ref() } else { c.after.as_ref() }.expect("in this version");
                assert_eq!(
                    (s.status.to_string(), s.finish.clone(), s.deadline.clone()),
                    (status, finish, deadline),
                    "{kind:?} seed {seed}: {key}"
                );
            }
        }
        for c in d.commitments.iter().filter(|c| c.changed) {
            changed += 1;
            through += usize::from(c.causes.iter().any(|x| x.kind == haalbaar::report::diff::CauseKind::Through));
            assert!(
                c.causes.iter().any(|x| x.side == Side::New && x.line == Some(line)),
                "{kind:?} seed {seed}: `{}` changed ({:?} → {:?}) without the changed line {line} among its causes {:#?}",
                c.item,
                c.before,
                c.after,
                c.causes
            );
        }
    }
    assert_eq!(pairs, want, "{kind:?}: too few pairs could be made");
    assert!(changed > 20, "{kind:?}: only {changed} commitments changed over {pairs} pairs: the test checks little");
    eprintln!("{kind:?}: {pairs} pairs, {changed} commitments changed, {through} through another");
}

#[test]
fn effort() {
    run(Kind::Effort);
}

#[test]
fn people() {
    run(Kind::People);
}

#[test]
fn dependency() {
    run(Kind::Dependency);
}

#[test]
fn deadline() {
    run(Kind::Deadline);
}

#[test]
fn new_commitment() {
    run(Kind::NewCommitment);
}

#[test]
fn layout_and_comments_change_nothing() {
    let old = generate(40, 3);
    let new = old.replace("\nitem i5 ", "\n# moved on\nitem i5 ").replace("  effort ", "  effort  ");
    let d = diff(&old, &new, &Options::default());
    assert!(d.commitments.iter().all(|c| !c.changed && c.causes.is_empty()));
    assert!(!d.worse());
}

/// The sweep on larger plans (40 to 79 items), 100 pairs of each kind: run before closing
/// (`cargo test --release -p haalbaar-benches --test diff -- --ignored`).
#[test]
#[ignore]
fn larger_plans() {
    for kind in [Kind::Effort, Kind::People, Kind::Dependency, Kind::Deadline, Kind::NewCommitment] {
        sweep(kind, 100, 40, 40);
    }
}

const TWO: &str = "plan {\n  start 2025-01-06\n  horizon 12 months\n}\n\nteam api {\n  people 2\n}\n\nitem a {\n  team api\n  effort 60\n  commit PI1\n}\n\nitem b {\n  team api\n  effort 60\n  commit PI1\n}\n\nitem c {\n  team api\n  effort 10\n}\n";

#[test]
fn blocks_moved_in_the_file_are_named_as_the_cause() {
    // Equal rank: file order decides which of `a` and `b` is met.
    let swapped = TWO.replace(
        "item a {\n  team api\n  effort 60\n  commit PI1\n}\n\nitem b {\n  team api\n  effort 60\n  commit PI1\n}\n",
        "item b {\n  team api\n  effort 60\n  commit PI1\n}\n\nitem a {\n  team api\n  effort 60\n  commit PI1\n}\n",
    );
    let d = diff(TWO, &swapped, &Options::default());
    let changed: Vec<&str> = d.commitments.iter().filter(|c| c.changed).map(|c| c.item.as_str()).collect();
    assert_eq!(changed, ["b", "a"]);
    for c in d.commitments.iter().filter(|c| c.changed) {
        assert!(
            c.causes.iter().any(|x| x.kind == haalbaar::report::diff::CauseKind::Rank && x.text.contains("file order")),
            "{}: {:?}",
            c.item,
            c.causes
        );
    }
}

#[test]
fn a_commitment_waiting_on_more_names_its_own_line() {
    let new =
        TWO.replace("  effort 60\n  commit PI1\n}\n\nitem b", "  effort 60\n  commit PI1\n  after c\n}\n\nitem b");
    let d = diff(TWO, &new, &Options::default());
    let a = d.commitments.iter().find(|c| c.item == "a").expect("a");
    if a.changed {
        assert!(
            a.causes.iter().any(|x| x.kind == haalbaar::report::diff::CauseKind::Dependency && x.line == Some(14)),
            "{:?}",
            a.causes
        );
    }
    // And an `after` on an item outside the chain that now waits for an item of it.
    let waits = TWO.replace("item c {\n  team api\n  effort 10\n", "item c {\n  team api\n  effort 10\n  after a\n");
    let d = diff(TWO, &waits, &Options::default());
    assert!(d.commitments.iter().all(|c| !c.changed || !c.causes.is_empty()));
}

#[test]
fn a_broken_item_is_an_error_and_its_commitment_is_left_out_not_removed() {
    let broken = TWO.replacen("  effort 60\n", "  effort 6O\n", 1);
    let d = diff(TWO, &broken, &Options::default());
    assert_eq!(d.after, haalbaar::PlanVerdict::Invalid);
    assert_eq!((d.errors[0].code.as_str(), d.errors[0].line), ("E0102", Some(12)));
    let a = d.commitments.iter().find(|c| c.item == "a").expect("a");
    assert!(a.left_out && !a.worse && !a.changed && a.after.is_none());
    // `b` gets the capacity `a` took: reached by the error's line.
    let b = d.commitments.iter().find(|c| c.item == "b").expect("b");
    assert!(b.changed, "{b:?}");
    assert!(b.causes.iter().any(|x| x.line == Some(12) && x.text.contains("`a` is left out")), "{:?}", b.causes);
    assert!(d.worse(), "an invalid new version is worse");
}
