//! Progress on the command line: each new form written wrongly gets its diagnostics at its
//! line (snapshots), `haalbaar progress` shows the view (text, JSON and CSV snapshots) and
//! says so when the plan has no status date.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::run_in;

const PLAN: &str = r#"plan "Voortgang" {
  start 2025-01-06
  horizon 6 months
  as of 2025-03-17
}

milestone wet "Wet digitale overheid" 2025-04-01 chance 70%

team toegang "Domein Toegang" {
  people 4
  vacancy 1 on 2025-02-03 chance 50% ramp 4 weeks
}

team berichten {
  capacity 20 per iteration
}

epic portaal {
  commit PI2
}

item login "Inloggen" {
  team toegang
  effort 60
  epic portaal
  done 20 by 2025-01-19
  done 40 by 2025-02-02
  finished 2025-02-14
}

item profiel {
  team toegang
  effort 30..50
  epic portaal
  after login
  done 10 by 2025-02-16
  done 15
}

item notificaties {
  team berichten
  effort 30
  after portaal
  after wet
  commit PI2.4
}
"#;

fn dir(name: &str, text: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("haalbaar-progress-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    std::fs::write(d.join("p.plan"), text).unwrap();
    d
}

/// Each new form written wrongly: (name, the line as it is in PLAN, the line instead).
const WRONG: &[(&str, &str, &str)] = &[
    ("as-of-before-start", "  as of 2025-03-17", "  as of 2024-12-02"),
    ("as-of-no-date", "  as of 2025-03-17", "  as of maart"),
    ("done-negative", "  done 15\n", "  done -5\n"),
    ("done-goes-down", "  done 15\n", "  done 5\n"),
    ("done-by-after-status", "  done 10 by 2025-02-16", "  done 10 by 2025-04-16"),
    ("remaining-above-estimate", "  done 15\n", "  remaining 80\n"),
    ("remaining-on-finished", "  finished 2025-02-14", "  finished 2025-02-14\n  remaining 5"),
    ("finished-after-status", "  finished 2025-02-14", "  finished 2025-03-20"),
    ("finished-before-prerequisite", "  done 15\n", "  finished 2025-02-10\n"),
    ("started-after-finished", "  finished 2025-02-14", "  finished 2025-02-14\n  started 2025-02-20"),
    (
        "absent-fixed-team",
        "  capacity 20 per iteration",
        "  capacity 20 per iteration\n  absent 2 people 2025-04-14 .. 2025-04-25",
    ),
    ("absent-reversed", "  people 4", "  people 4\n  absent 2 people 2025-04-25 .. 2025-04-14"),
    ("team-holiday-reversed", "  people 4", "  people 4\n  holiday \"Zomer\" 2025-05-02 .. 2025-04-28"),
    ("vacancy-ramp-in-iterations", "ramp 4 weeks", "ramp lang"),
    ("after-own-epic", "  after login\n", "  after portaal\n"),
    ("after-misspelled-milestone", "  after wet\n", "  after wett\n"),
    (
        "milestone-without-date",
        "milestone wet \"Wet digitale overheid\" 2025-04-01 chance 70%",
        "milestone wet \"Wet digitale overheid\" chance 70%",
    ),
    ("milestone-chance-above-100", "chance 70%", "chance 170%"),
    ("uncertainty-capacity-above-100", "  as of 2025-03-17", "  as of 2025-03-17\n  uncertainty capacity 120%"),
];

#[test]
fn the_plan_checks_clean_but_for_its_verdicts() {
    let d = dir("clean", PLAN);
    let (_, json, _) = run_in(&d, &["check", "--format", "json", "p.plan"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let codes: Vec<&str> = v["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert!(codes.iter().all(|c| c.starts_with("E06")), "{codes:?}");
    assert_eq!(v["as_of"], "2025-03-17");
}

#[test]
fn every_form_written_wrongly_gets_its_diagnostic() {
    for (name, from, to) in WRONG {
        assert!(PLAN.contains(from), "{name}: `{from}` is not in the plan");
        let text = PLAN.replacen(from, to, 1);
        let d = dir(name, &text);
        let (status, human, _) = run_in(&d, &["check", "--no-board", "p.plan"]);
        assert!(human.contains("error[") || human.contains("warning["), "{name}: {human}");
        assert!(status <= 1, "{name}");
        insta::assert_snapshot!(format!("progress-{name}"), human);
    }
}

#[test]
fn progress_shows_burn_ups_and_delivered_work() {
    let d = dir("view", PLAN);
    let (status, text, _) = run_in(&d, &["progress", "p.plan"]);
    assert_eq!(status, 0, "{text}");
    insta::assert_snapshot!("progress-text", text);
    let (_, json, _) = run_in(&d, &["progress", "--format", "json", "p.plan"]);
    insta::assert_snapshot!("progress-json", json);
    let (_, csv, _) = run_in(&d, &["progress", "--format", "csv", "p.plan"]);
    insta::assert_snapshot!("progress-csv", csv);
    let (_, dutch, _) = run_in(&d, &["progress", "--lang", "nl", "p.plan"]);
    assert!(dutch.contains("voortgang op 2025-03-17"), "{dutch}");
    // Without a status date: a usage error that says what to add.
    let plain: String = PLAN
        .lines()
        .filter(|l| !["as of", "done ", "finished "].iter().any(|w| l.contains(w)))
        .map(|l| format!("{l}\n"))
        .collect();
    let d = dir("none", &plain);
    let (status, _, err) = run_in(&d, &["progress", "p.plan"]);
    assert_eq!(status, 2);
    assert!(err.contains("add `as of DATE`"), "{err}");
}

#[test]
fn the_html_report_has_the_progress_section_with_a_burn_up_per_commitment() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let (status, html, _) = run_in(&root, &["report", "--runs", "50", "-o", "-", "examples/gdi-2024-pi3.plan"]);
    assert_eq!(status, 0);
    assert!(
        html.contains("<section class=\"progress-section\"><h2>Progress — as of 2024-05-27 (PI3.1)</h2>"),
        "no progress section"
    );
    assert_eq!(html.matches("<svg class=\"burnup\"").count(), 4, "a burn-up per commitment");
    assert!(html.contains("class=\"as-of\">as of 2024-05-27</strong>"), "the header says the status date");
    assert!(html.contains("<table class=\"delivered\">") && html.contains("85%"), "the teams' delivered work");
    let (_, dutch, _) =
        run_in(&root, &["report", "--lang", "nl", "--runs", "50", "-o", "-", "examples/gdi-2024-pi3.plan"]);
    assert!(
        dutch.contains("<h2>Voortgang — stand van 2024-05-27 (PI3.1)</h2>") && dutch.contains("Doorvoer"),
        "Dutch labels"
    );
}
