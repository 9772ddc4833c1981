//! Scenarios: every form of scenario line gives the plan (and the statuses) of the file edited
//! by hand that way; a scenario's mistakes are diagnostics at its lines, also in a check of the
//! plan itself; the comparison lines the answers up.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use haalbaar::report::compare::{Effect, compare};
use haalbaar::{Code, Options, PlanVerdict};

const BASE: &str = r#"plan "Demo" {
  start 2025-01-06
  horizon 12 months
  load 85%
}

team api "API" {
  people 4
  focus 75%
  reserve 10%
  hire 1 on 2025-03-03 ramp 4 weeks
  leave 1 on 2025-06-02
  vacancy 2 on 2025-04-07 chance 50%
  lend 1 to web PI2
  capacity PI3 +10
}

team web {
  people 3
}

epic portaal "Portaal" {
  commit PI3
}

item login "Inloggen" {
  team api
  effort 60..90
  epic portaal
  commit PI2
}

item sso {
  team api
  effort 30
  after login
  not before PI2
  max 2 people
  target PI3
}

item site {
  team web
  effort 40
  after login + 1 iteration
  in PI2
  epic portaal
}
"#;

/// The base file with `text` replaced by `with` (which must be there).
fn edit(base: &str, edits: &[(&str, &str)]) -> String {
    let mut out = base.to_string();
    for (text, with) in edits {
        assert!(out.contains(text), "`{text}` is not in the plan");
        out = out.replacen(text, with, 1);
    }
    out
}

fn statuses(c: &haalbaar::Checked) -> Vec<(String, String, Option<String>)> {
    c.feasibility
        .as_ref()
        .map(|f| f.commitments.iter().map(|r| (r.item.clone(), r.status.to_string(), r.finish.clone())).collect())
        .unwrap_or_default()
}

/// `scenario s { lines }` appended to the base, checked as the scenario, equals `by_hand`.
fn same(lines: &str, by_hand: &str) {
    let with = format!("{BASE}\nscenario s \"S\" {{\n{lines}\n}}\n");
    let base = haalbaar::check(&with);
    assert!(!base.has_errors() || base.verdict() != PlanVerdict::Invalid, "{lines}: {:?}", base.diagnostics);
    let errors: Vec<_> = base.diagnostics.iter().filter(|d| d.code.as_str().starts_with("E07")).collect();
    assert!(errors.is_empty(), "{lines}: {errors:?}");
    let scenario = haalbaar::check_with(&with, &Options::default().scenario("s"));
    let hand = haalbaar::check(by_hand);
    assert_eq!(scenario.plan, hand.plan, "{lines}");
    assert_eq!(statuses(&scenario), statuses(&hand), "{lines}");
    // The same findings (in another order: a scenario's lines sit below the plan).
    let codes = |c: &haalbaar::Checked| {
        let mut codes = c.diagnostics.iter().map(|d| d.code).collect::<Vec<_>>();
        codes.sort();
        codes
    };
    assert_eq!(codes(&scenario), codes(&hand), "{lines}");
    assert_eq!(scenario.verdict(), hand.verdict(), "{lines}");
    // And the plan itself is what it was.
    assert_eq!(statuses(&base), statuses(&haalbaar::check(BASE)), "{lines}");
}

#[test]
fn team_lines_are_the_team_edited_by_hand() {
    let team_end = "  capacity PI3 +10\n}";
    same(
        "  team api people 2",
        &edit(BASE, &[("  people 4\n  focus", "  focus"), (team_end, "  capacity PI3 +10\n  people 2\n}")]),
    );
    same(
        "  team api focus 50%",
        &edit(BASE, &[("  focus 75%\n", ""), (team_end, "  capacity PI3 +10\n  focus 50%\n}")]),
    );
    same(
        "  team api reserve 30%",
        &edit(BASE, &[("  reserve 10%\n", ""), (team_end, "  capacity PI3 +10\n  reserve 30%\n}")]),
    );
    same(
        "  team api hire 2 on 2025-02-03",
        &edit(BASE, &[(team_end, "  capacity PI3 +10\n  hire 2 on 2025-02-03\n}")]),
    );
    same(
        "  team api leave 2 on 2025-02-03",
        &edit(BASE, &[(team_end, "  capacity PI3 +10\n  leave 2 on 2025-02-03\n}")]),
    );
    same("  team api without hire", &edit(BASE, &[("  hire 1 on 2025-03-03 ramp 4 weeks\n", "")]));
    same("  team api without leave on 2025-06-02", &edit(BASE, &[("  leave 1 on 2025-06-02\n", "")]));
    same("  team api without vacancy", &edit(BASE, &[("  vacancy 2 on 2025-04-07 chance 50%\n", "")]));
    same("  team api vacancies filled", &edit(BASE, &[("vacancy 2 on 2025-04-07 chance 50%", "hire 2 on 2025-04-07")]));
    same("  team api without lend to web", &edit(BASE, &[("  lend 1 to web PI2\n", "")]));
    same(
        "  team api without lend\n  team api lend 2 to web PI3",
        &edit(BASE, &[("  lend 1 to web PI2\n", ""), (team_end, "  capacity PI3 +10\n  lend 2 to web PI3\n}")]),
    );
    same("  team api without reserve", &edit(BASE, &[("  reserve 10%\n", "")]));
    same("  team api capacity PI3 -20", &edit(BASE, &[("  capacity PI3 +10\n", "  capacity PI3 -20\n")]));
    same("  team api without capacity PI3", &edit(BASE, &[("  capacity PI3 +10\n", "")]));
    same(
        "  team web capacity 30 per iteration",
        &edit(BASE, &[("  people 3\n}", "  people 3\n  capacity 30 per iteration\n}")]),
    );
}

#[test]
fn item_and_epic_lines_are_the_blocks_edited_by_hand() {
    let login_end = "  commit PI2\n}";
    same(
        "  item login effort 200",
        &edit(BASE, &[("  effort 60..90\n", ""), (login_end, "  commit PI2\n  effort 200\n}")]),
    );
    same("  item login commit PI1 hard", &edit(BASE, &[(login_end, "  commit PI1 hard\n}")]));
    same("  item login without commit", &edit(BASE, &[(login_end, "}")]));
    same("  item sso commit PI2", &edit(BASE, &[("  target PI3\n}", "  target PI3\n  commit PI2\n}")]));
    same(
        "  item sso team web",
        &edit(
            BASE,
            &[("  team api\n  effort 30\n", "  effort 30\n"), ("  target PI3\n}", "  target PI3\n  team web\n}")],
        ),
    );
    same("  item sso without after login", &edit(BASE, &[("  after login\n  not before", "  not before")]));
    same("  item sso after site", &edit(BASE, &[("  target PI3\n}", "  target PI3\n  after site\n}")]));
    same(
        "  item site after login + 3 iterations",
        &edit(
            BASE,
            &[
                ("  after login + 1 iteration\n", ""),
                ("  epic portaal\n}\n", "  epic portaal\n  after login + 3 iterations\n}\n"),
            ],
        ),
    );
    same(
        "  item sso without not before\n  item sso without max\n  item sso without target",
        &edit(BASE, &[("  not before PI2\n  max 2 people\n  target PI3\n", "")]),
    );
    same("  item site without in", &edit(BASE, &[("  in PI2\n", "")]));
    same(
        "  item site in PI3",
        &edit(BASE, &[("  in PI2\n", ""), ("  epic portaal\n}\n", "  epic portaal\n  in PI3\n}\n")]),
    );
    same("  item site without epic", &edit(BASE, &[("  in PI2\n  epic portaal\n", "  in PI2\n")]));
    same("  epic portaal commit PI2 hard", &edit(BASE, &[("  commit PI3\n}", "  commit PI2 hard\n}")]));
    same("  epic portaal without commit", &edit(BASE, &[("  commit PI3\n}", "}")]));
    same(
        "  plan load 70%",
        &edit(BASE, &[("  load 85%\n", ""), ("  horizon 12 months\n", "  horizon 12 months\n")])
            .replace("  horizon 12 months\n}", "  horizon 12 months\n  load 70%\n}"),
    );
}

#[test]
fn added_items_are_items_added_at_the_end() {
    let lines = "  add item nieuw \"Nieuw\"\n  item nieuw team web\n  item nieuw effort 20\n  item nieuw commit PI1\n  add team extra\n  team extra people 2";
    let by_hand = format!(
        "{BASE}\nitem nieuw \"Nieuw\" {{\n  team web\n  effort 20\n  commit PI1\n}}\n\nteam extra {{\n  people 2\n}}\n"
    );
    // Blocks added go after the plan's own (a team's place in the file changes no answer).
    let with = format!("{BASE}\nscenario s {{\n{lines}\n}}\n");
    let scenario = haalbaar::check_with(&with, &Options::default().scenario("s"));
    let hand = haalbaar::check(&by_hand);
    assert_eq!(statuses(&scenario), statuses(&hand));
    assert_eq!(scenario.plan.items, hand.plan.items);
    assert!(scenario.plan.team("extra").is_some());
    assert_eq!(scenario.verdict(), hand.verdict());
}

/// Each form naming what the plan does not have: one diagnostic at its line, in a check of
/// the plan itself and of the scenario; the plan's own answer stands.
#[test]
fn unknown_names_are_errors_at_their_line() {
    let cases = [
        ("  team apj people 3", Code::E0701, "apj"),
        ("  item logn effort 3", Code::E0701, "logn"),
        ("  epic portal commit PI2", Code::E0701, "portal"),
        ("  team api without lend to mobiel", Code::E0702, "without lend to mobiel"),
        ("  team api without hire on 2025-01-06", Code::E0702, "without hire on 2025-01-06"),
        ("  item sso without after site", Code::E0702, "without after site"),
        ("  item login without in", Code::E0702, "without in"),
        ("  team web vacancies filled", Code::E0702, "team web vacancies filled"),
        ("  add item login", Code::E0204, "login"),
        ("  item sso after nergens", Code::E0202, "nergens"),
        ("  item sso team mobiel", Code::E0201, "mobiel"),
        ("  team api lend 1 to mobiel PI2", Code::E0201, "mobiel"),
    ];
    for (line, code, at) in cases {
        let with = format!("{BASE}\nscenario s {{\n{line}\n}}\n");
        let base = haalbaar::check(&with);
        let found: Vec<_> = base.diagnostics.iter().filter(|d| d.code == code).collect();
        assert_eq!(found.len(), 1, "{line}: {:?}", base.diagnostics);
        let span = found[0].span.expect("at its line");
        assert_eq!(&with[span.start..span.start + at.len()], at, "{line}");
        assert!(
            with[..span.start].ends_with(&line[..line.len() - at.len()].to_string()) || line.contains(at),
            "{line}"
        );
        // The plan's own answer stands.
        assert_eq!(statuses(&base), statuses(&haalbaar::check(BASE)), "{line}");
        let scenario = haalbaar::check_with(&with, &Options::default().scenario("s"));
        assert!(scenario.diagnostics.iter().any(|d| d.code == code && d.span == Some(span)), "{line}");
        assert_eq!(scenario.verdict(), PlanVerdict::Invalid, "{line}");
    }
}

#[test]
fn scenario_ids_are_checked() {
    let with = format!("{BASE}\nscenario s {{\n  team api people 3\n}}\nscenario s {{\n  team api people 5\n}}\n");
    let c = haalbaar::check(&with);
    assert_eq!(c.diagnostics.iter().filter(|d| d.code == Code::E0703).count(), 1);
    let none = haalbaar::check_with(&with, &Options::default().scenario("t"));
    assert_eq!(none.diagnostics.len(), 1);
    assert_eq!(none.diagnostics[0].code, Code::E0704);
    assert!(none.feasibility.is_none());
}

#[test]
fn compare_lines_up_the_plan_and_every_scenario() {
    let with = format!(
        "{BASE}\nscenario krap \"Krap\" {{\n  team api people 1\n}}\nscenario ruim {{\n  team api people 8\n  team api vacancies filled\n}}\nscenario titel {{\n  item login note \"alleen een notitie\"\n}}\n"
    );
    let c = compare("demo.plan", &with, &Options::default());
    assert_eq!(
        c.columns.iter().map(|k| k.scenario.clone()).collect::<Vec<_>>(),
        [None, Some("krap".into()), Some("ruim".into()), Some("titel".into())]
    );
    for (k, id) in [(1, "krap"), (2, "ruim"), (3, "titel")] {
        let alone = haalbaar::check_with(&with, &Options::default().scenario(id));
        let f = alone.feasibility.as_ref().unwrap();
        assert_eq!(c.columns[k].verdict, alone.verdict());
        for r in &f.commitments {
            let row = c.commitments.iter().find(|x| x.item == r.item && x.kind == r.kind).unwrap();
            let s = row.standings[k].as_ref().unwrap();
            assert_eq!((s.status, &s.finish), (r.status, &r.finish), "{id} {}", r.item);
        }
    }
    // One person fewer makes something worse; a note changes nothing.
    assert!(c.commitments.iter().any(|r| r.effects[1] == Effect::Worse));
    assert!(c.commitments.iter().all(|r| r.effects[3] == Effect::Same));
    assert!(c.commitments.iter().all(|r| r.effects[0] == Effect::Same));
    // Without threads, the same answer.
    let one = compare("demo.plan", &with, &Options::default().threads(haalbaar::Threads::One));
    assert_eq!(serde_json::to_string(&one).unwrap(), serde_json::to_string(&c).unwrap());
}

#[test]
fn a_scenario_reuses_the_plan_s_check_when_it_changes_no_answer() {
    let with = format!("{BASE}\nscenario titel {{\n  item login note \"alleen een notitie\"\n}}\n");
    let base = haalbaar::check(&with);
    let again = haalbaar::recheck(&base, &with, &Options::default().scenario("titel"));
    assert!(again.reused());
    assert_eq!(statuses(&again), statuses(&base));
}

#[test]
fn formatting_keeps_scenarios() {
    let text = format!(
        "{BASE}\nscenario  s   \"S\" {{\n team api    people 3   # fewer\n   item site after login+2 iterations\n  add item x \"X\"\n}}\n"
    );
    let formatted = haalbaar_grammar::format(&text).expect("formats");
    assert!(formatted.contains("scenario s \"S\" {\n  team api people 3  # fewer\n  item site after login + 2 iterations\n  add item x \"X\"\n}\n"), "{formatted}");
}

/// A line of one scenario that cannot be read is that scenario's mistake: the plan keeps its
/// answer, other scenarios theirs, and the typo gets the did-you-mean a block's line gets.
#[test]
fn a_broken_line_in_one_scenario_leaves_the_plan_and_the_others_alone() {
    let with =
        format!("{BASE}\nscenario kapot {{\n  item login efort 300\n}}\n\nscenario goed {{\n  team api people 2\n}}\n");
    let plain = haalbaar::check(BASE);
    let base = haalbaar::check(&with);
    assert_eq!(statuses(&base), statuses(&plain));
    assert_eq!(base.verdict(), plain.verdict());
    let typo: Vec<_> = base.diagnostics.iter().filter(|d| d.code == Code::E0101).collect();
    assert_eq!(typo.len(), 1, "{:?}", base.diagnostics);
    assert!(typo[0].help.as_deref().is_some_and(|h| h.contains("`effort`")), "{:?}", typo[0]);
    let span = typo[0].span.unwrap();
    assert_eq!(&with[span.start..span.end], "efort");
    let goed = haalbaar::check_with(&with, &Options::default().scenario("goed"));
    assert!(goed.diagnostics.iter().all(|d| d.code != Code::E0101), "{:?}", goed.diagnostics);
    assert!(goed.feasibility.is_some());
    let kapot = haalbaar::check_with(&with, &Options::default().scenario("kapot"));
    assert!(kapot.diagnostics.iter().any(|d| d.code == Code::E0101));
    let c = compare("demo.plan", &with, &Options::default());
    assert!(c.columns[0].errors.is_empty() && c.columns[2].errors.is_empty());
    assert_eq!(c.columns[1].errors.len(), 1);
    assert_eq!(c.columns[0].verdict, plain.verdict());
}
