//! Scenarios on the command line: each form of scenario line that names something the plan
//! does not have gets its diagnostics (snapshots), `check --scenario` checks one, and
//! `haalbaar compare` shows the plan and every scenario side by side (text, markdown and JSON
//! snapshots).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::run_in;

const PLAN: &str = r#"plan "Scenario's" {
  start 2025-01-06
  horizon 6 months
}

team toegang "Domein Toegang" {
  people 4
  hire 1 on 2025-03-03
  vacancy 1 on 2025-02-03 chance 50%
  lend 1 to berichten PI2
}

team berichten {
  people 2
}

epic portaal {
  commit PI2
}

item login "Inloggen" {
  team toegang
  effort 60
  epic portaal
  commit PI1
}

item notificaties {
  team berichten
  effort 30
  after login
  epic portaal
}
"#;

fn dir(name: &str, text: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("haalbaar-scenarios-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    std::fs::write(d.join("p.plan"), text).unwrap();
    d
}

/// Each form of scenario line naming what the plan does not have.
const UNKNOWN: &[(&str, &str)] = &[
    ("team-statement", "team toegng people 2"),
    ("team-without-lend", "team toegang without lend to eherkenning"),
    ("team-without-hire", "team toegang without hire on 2025-04-01"),
    ("team-without-leave", "team toegang without leave"),
    ("team-without-vacancy", "team berichten without vacancy"),
    ("team-without-capacity", "team toegang without capacity PI2"),
    ("team-vacancies-filled", "team berichten vacancies filled"),
    ("team-lend-to-unknown", "team toegang lend 1 to eherkenning PI2"),
    ("item-statement", "item logn effort 90"),
    ("item-team-unknown", "item login team mobiel"),
    ("item-after-unknown", "item notificaties after sso"),
    ("item-without-after", "item notificaties without after sso"),
    ("item-without-commit", "item notificaties without commit"),
    ("item-epic-unknown", "item login epic stelsel"),
    ("epic-statement", "epic portal commit PI3"),
    ("epic-without-commit", "epic onbekend without commit"),
    ("add-existing", "add item login \"Nog eens\""),
    ("plan-statement", "plan start 2025-02-30"),
];

#[test]
fn every_form_naming_something_unknown_is_an_error_at_its_line() {
    for (name, line) in UNKNOWN {
        let text = format!("{PLAN}\nscenario wat-als \"Wat als\" {{\n  {line}\n}}\n");
        let d = dir(name, &text);
        let (status, human, _) = run_in(&d, &["check", "p.plan"]);
        assert_eq!(status, 1, "{line}: {human}");
        // The error points at the scenario's line.
        let at = format!("p.plan:{}:", PLAN.lines().count() + 3);
        assert!(human.contains(&at), "{line}: {human}");
        let (_, scenario, _) = run_in(&d, &["check", "p.plan", "--scenario", "wat-als"]);
        assert!(scenario.contains(&at), "{line}: {scenario}");
        insta::assert_snapshot!(format!("scenario-{name}"), human);
    }
}

#[test]
fn an_unknown_scenario_is_an_error_naming_the_ones_there_are() {
    let text = format!(
        "{PLAN}\nscenario krap {{\n  team toegang people 2\n}}\n\nscenario ruim {{\n  team toegang people 8\n}}\n"
    );
    let d = dir("unknown", &text);
    let (status, human, _) = run_in(&d, &["check", "p.plan", "--scenario", "midden"]);
    assert_eq!(status, 1);
    assert!(human.contains("E0704") && human.contains("`krap`, `ruim`"), "{human}");
    // `compare` checks every scenario; `--scenario` there is a usage error.
    let (status, _, err) = run_in(&d, &["compare", "p.plan", "--scenario", "krap"]);
    assert_eq!(status, 2, "{err}");
}

const SCENARIOS: &str = r#"
scenario krap "Eén persoon over" {
  team toegang people 1
}

scenario zonder-lening "Geen uitlening aan berichten" {
  team toegang without lend to berichten
  team toegang vacancies filled
  epic portaal commit PI3
}

scenario groter "Notificaties twee keer zo groot" {
  item notificaties effort 120
  item notificaties commit PI2 hard
  add item sms "SMS"
  item sms team berichten
  item sms effort 10
  item sms commit PI3
}
"#;

#[test]
fn check_scenario_says_which_scenario_it_checked() {
    let d = dir("check", &format!("{PLAN}{SCENARIOS}"));
    let (status, plain, _) = run_in(&d, &["check", "p.plan", "--no-board"]);
    assert_eq!(status, 0, "{plain}");
    let (status, krap, _) = run_in(&d, &["check", "p.plan", "--no-board", "--scenario", "krap"]);
    assert_eq!(status, 1, "{krap}");
    assert!(krap.starts_with("scenario `krap`\n"), "{krap}");
    let (_, json, _) = run_in(&d, &["check", "p.plan", "--format", "json", "--scenario", "groter"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["files"][0]["scenario"], "groter");
    assert_eq!(v["files"][0]["scenarios"].as_array().unwrap().len(), 3);
    assert!(v["commitments"].as_array().unwrap().iter().any(|c| c["item"] == "sms"));
}

#[test]
fn compare_shows_the_plan_and_every_scenario() {
    let d = dir("compare", &format!("{PLAN}{SCENARIOS}"));
    let (status, text, err) = run_in(&d, &["compare", "p.plan"]);
    assert_eq!(status, 0, "{text}{err}");
    insta::assert_snapshot!("compare-text", text);
    let (_, all, _) = run_in(&d, &["compare", "p.plan", "--all", "--format", "markdown"]);
    insta::assert_snapshot!("compare-markdown", all);
    let (_, json, _) = run_in(&d, &["compare", "p.plan", "--all", "--format", "json"]);
    insta::assert_snapshot!("compare-json", json);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["columns"].as_array().unwrap().len(), 4);
    // Each column is the check of that scenario alone.
    for (k, id) in ["krap", "zonder-lening", "groter"].iter().enumerate() {
        let (_, alone, _) = run_in(&d, &["check", "p.plan", "--format", "json", "--scenario", id]);
        let alone: serde_json::Value = serde_json::from_str(&alone).unwrap();
        assert_eq!(v["columns"][k + 1]["verdict"], alone["verdict"], "{id}");
        for c in alone["commitments"].as_array().unwrap() {
            let row = v["commitments"].as_array().unwrap().iter().find(|r| r["item"] == c["item"]).unwrap();
            assert_eq!(row["standings"][k + 1]["status"], c["status"], "{id}");
            assert_eq!(row["standings"][k + 1]["finish"], c["finish"], "{id}");
        }
    }
    // A broken scenario makes `compare` exit 1 and says where.
    let d = dir("compare-broken", &format!("{PLAN}{SCENARIOS}\nscenario kapot {{\n  item logn effort 3\n}}\n"));
    let (status, text, _) = run_in(&d, &["compare", "p.plan"]);
    assert_eq!(status, 1, "{text}");
    assert!(text.contains("E0701") && text.contains("(kapot)"), "{text}");
}

#[test]
fn compare_takes_what_ifs() {
    let d = dir("compare-assume", &format!("{PLAN}{SCENARIOS}"));
    let (_, text, _) = run_in(&d, &["compare", "p.plan", "--assume", "no-loans", "--load", "70%"]);
    assert!(text.starts_with("assuming no loans, load 70%\n"), "{text}");
    let (_, json, _) = run_in(&d, &["compare", "p.plan", "--format", "json", "--assume", "no-loans"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["assumed"]["no_loans"], true);
}

#[test]
fn the_html_report_has_a_scenario_table() {
    let d = dir("report", &format!("{PLAN}{SCENARIOS}"));
    let (status, html, _) = run_in(&d, &["report", "p.plan", "--runs", "0", "-o", "-"]);
    assert_eq!(status, 0);
    let at = html.find("<section class=\"scenarios-section\">").expect("a scenario section");
    let section = &html[at..at + html[at..].find("</section>").unwrap()];
    for id in ["krap", "zonder-lening", "groter", "Eén persoon over"] {
        assert!(section.contains(id), "{id}");
    }
    assert!(section.contains("<span class=\"effect worse\">worse</span>"), "{section}");
    // A deadline a scenario moved is shown in the text.
    let (_, text, _) = run_in(&d, &["compare", "p.plan"]);
    assert!(text.contains("met by PI1.4, deadline PI3.2 (changed)"), "{text}");
    assert!(section.contains("<span class=\"effect added\">added</span>"), "{section}");
    let (_, nl, _) = run_in(&d, &["report", "p.plan", "--runs", "0", "-o", "-", "--lang", "nl"]);
    assert!(nl.contains("Scenario's vergeleken met het plan") && nl.contains(">slechter</span>"));
    // A plan without scenarios has no such section.
    let d = dir("report-plain", PLAN);
    let (_, html, _) = run_in(&d, &["report", "p.plan", "--runs", "0", "-o", "-"]);
    assert!(!html.contains("scenarios-section"));
}
