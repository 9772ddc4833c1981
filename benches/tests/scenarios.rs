//! Scenarios on generated plans: one that removes a loan, one that fills every vacancy and one
//! that doubles an effort each give the statuses and finishes of the plan edited by hand that
//! way, and `compare` lines up exactly those answers.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use haalbaar::report::compare::compare;
use haalbaar::{Checked, Options};
use haalbaar_benches::generate;

/// Plans per kind of scenario.
const PLANS: u64 = 200;

fn answers(c: &Checked) -> Vec<haalbaar_benches::Answer> {
    haalbaar_benches::answers(c).expect("generated plans are decided")
}

fn pick(seed: u64, salt: u64, n: usize) -> usize {
    ((seed.wrapping_mul(2_654_435_761).wrapping_add(salt * 97)) % n.max(1) as u64) as usize
}

/// A generated plan with loans and vacancies: team `t{k}` lends one person to the next team
/// in a PI, and every other team has a vacancy.
fn with_loans_and_vacancies(seed: u64) -> (String, usize) {
    let text = generate(12 + (seed % 30) as usize, seed);
    let teams = text.lines().filter(|l| l.starts_with("team ")).count();
    let mut out = String::new();
    let mut team = None;
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("team t") {
            team = rest.split(' ').next().and_then(|k| k.parse::<usize>().ok());
        }
        if line == "}"
            && let Some(k) = team.take()
        {
            if teams > 1 && pick(seed, k as u64, 3) != 0 {
                out.push_str(&format!("  lend 1 to t{} PI{}\n", (k + 1) % teams, 1 + pick(seed, 10 + k as u64, 4)));
            }
            if k % 2 == 0 {
                out.push_str(&format!(
                    "  vacancy {} on 2025-0{}-03 chance 60%\n",
                    1 + k % 2,
                    2 + pick(seed, 20 + k as u64, 6)
                ));
            }
        }
        out.push_str(line);
        out.push('\n');
    }
    (out, teams)
}

/// The scenario's lines and the plan edited by hand the same way.
fn scenario(kind: usize, text: &str, teams: usize, seed: u64) -> Option<(String, String)> {
    let lines: Vec<&str> = text.lines().collect();
    match kind {
        // Remove one team's loans.
        0 => {
            let lenders: Vec<usize> = (0..teams)
                .filter(|k| {
                    let head = lines.iter().position(|l| l.starts_with(&format!("team t{k} "))).unwrap();
                    lines[head..].iter().take_while(|l| **l != "}").any(|l| l.starts_with("  lend "))
                })
                .collect();
            let k = *lenders.get(pick(seed, 1, lenders.len()))?;
            let to = (k + 1) % teams;
            let head = lines.iter().position(|l| l.starts_with(&format!("team t{k} "))).unwrap();
            let mut edited: Vec<&str> = lines.clone();
            let at = (head..lines.len()).find(|&x| lines[x].starts_with("  lend ")).unwrap();
            edited.remove(at);
            Some((format!("  team t{k} without lend to t{to}"), edited.join("\n") + "\n"))
        }
        // Fill every vacancy.
        1 => {
            let mut said = Vec::new();
            let mut team = String::new();
            let mut edited = Vec::new();
            for l in &lines {
                if let Some(rest) = l.strip_prefix("team ") {
                    team = rest.split(' ').next().unwrap().to_string();
                }
                if let Some(rest) = l.strip_prefix("  vacancy ") {
                    said.push(format!("  team {team} vacancies filled"));
                    let (count_date, _) = rest.split_once(" chance").unwrap();
                    edited.push(format!("  hire {count_date}"));
                } else {
                    edited.push(l.to_string());
                }
            }
            (!said.is_empty()).then(|| (said.join("\n"), edited.join("\n") + "\n"))
        }
        // Double the effort of one item.
        _ => {
            let items = lines.iter().filter(|l| l.starts_with("item ")).count();
            let i = pick(seed, 3, items);
            let head = lines.iter().position(|l| l.starts_with(&format!("item i{i} "))).unwrap();
            let at = (head..lines.len()).find(|&x| lines[x].starts_with("  effort ")).unwrap();
            let doubled: Vec<String> = lines[at]["  effort ".len()..]
                .split("..")
                .map(|n| (n.trim().parse::<u64>().unwrap() * 2).to_string())
                .collect();
            let doubled = doubled.join("..");
            // By hand: the effort line moved to the end of the block, where the scenario puts it.
            let end = (head..lines.len()).find(|&x| lines[x] == "}").unwrap();
            let mut edited: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
            edited.insert(end, format!("  effort {doubled}"));
            edited.remove(at);
            Some((format!("  item i{i} effort {doubled}"), edited.join("\n") + "\n"))
        }
    }
}

fn sweep(kind: usize) {
    let options = Options::default();
    let (mut done, mut differs) = (0, 0);
    for seed in 0..PLANS * 2 {
        if done == PLANS {
            break;
        }
        let (text, teams) = with_loans_and_vacancies(seed);
        let Some((lines, by_hand)) = scenario(kind, &text, teams, seed) else { continue };
        done += 1;
        let file = format!("{text}\nscenario s {{\n{lines}\n}}\n");
        let base = haalbaar::check(&file);
        assert!(!base.has_errors() || base.feasibility.is_some(), "seed {seed}: {:?}", base.diagnostics);
        assert!(base.diagnostics.iter().all(|d| !d.code.as_str().starts_with("E07")), "seed {seed}");
        let alone = haalbaar::check_with(&file, &options.clone().scenario("s"));
        let hand = haalbaar::check(&by_hand);
        assert_eq!(alone.plan, hand.plan, "seed {seed}, kind {kind}:\n{lines}");
        assert_eq!(answers(&alone), answers(&hand), "seed {seed}, kind {kind}:\n{lines}");
        if answers(&alone) != answers(&base) {
            differs += 1;
        }
        // The comparison holds exactly the answers of each check alone.
        let c = compare("g.plan", &file, &options);
        for (k, checked) in [(0, &base), (1, &alone)] {
            for r in &checked.feasibility.as_ref().unwrap().commitments {
                let row = c.commitments.iter().find(|x| x.item == r.item && x.kind == r.kind).unwrap();
                let s = row.standings[k].as_ref().unwrap();
                assert_eq!((s.status, &s.finish, &s.deadline), (r.status, &r.finish, &r.deadline), "seed {seed}");
            }
        }
    }
    assert_eq!(done, PLANS, "kind {kind}: not enough plans");
    // The scenarios are not all idle: some change an answer.
    assert!(differs > 0, "kind {kind}: no scenario changed an answer");
}

#[test]
fn removing_a_loan_is_the_loan_removed_by_hand() {
    sweep(0);
}

#[test]
fn filling_every_vacancy_is_every_vacancy_made_a_hire_by_hand() {
    sweep(1);
}

#[test]
fn doubling_an_effort_is_the_effort_doubled_by_hand() {
    sweep(2);
}
