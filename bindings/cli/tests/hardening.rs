//! The command's side of the hardening: no control character the user wrote reaches the
//! terminal, the report never overwrites the plan or follows a link unasked, forecast runs are
//! bounded, and every output of every example renders.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::run_in;

const HOSTILE: &str = "plan \"x\u{1b}[2J\u{1b}]0;pwned\u{7} \u{1b}]52;c;aGk=\u{7}\u{202e}\" {\n  start 2024-01-08\n  horizon 18 months\n  holiday \"h\u{1b}[31m\u{9b}\" 2024-02-01 .. 2024-02-02\n}\nteam t \"T\" {\n  people 1\n  bogus \u{1b}]8;;http://x\u{7}link\n}\n";

fn temp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("haalbaar-hardening-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn clean(s: &str) -> bool {
    !s.chars().any(|c| (c.is_control() && c != '\n' && c != '\t') || ('\u{202a}'..='\u{202e}').contains(&c))
}

#[test]
fn no_control_character_of_the_plan_reaches_the_terminal() {
    let dir = temp("escapes");
    std::fs::write(dir.join("esc.plan"), HOSTILE).unwrap();
    std::fs::write(dir.join("ok.plan"), HOSTILE.replace("  bogus \u{1b}]8;;http://x\u{7}link\n", "")).unwrap();
    for args in [
        &["check", "esc.plan"][..],
        &["check", "--format", "github", "esc.plan"],
        &["calendar", "ok.plan"],
        &["calendar", "--format", "csv", "ok.plan"],
        &["capacity", "--format", "csv", "ok.plan"],
    ] {
        let (code, out, err) = run_in(&dir, args);
        assert!(code == 0 || code == 1, "{args:?}: {code}");
        assert!(clean(&out), "{args:?} stdout: {out:?}");
        assert!(clean(&err), "{args:?} stderr: {err:?}");
    }
    let (_, out, _) = run_in(&dir, &["check", "esc.plan"]);
    assert!(out.contains("bogus \\u{1b}]8;;http://x\\u{7}link"), "shown as a visible escape: {out}");
    let (_, csv, _) = run_in(&dir, &["calendar", "--format", "csv", "ok.plan"]);
    assert!(csv.contains("h\\u{1b}[31m\\u{9b}"), "{csv}");
}

#[test]
fn the_report_never_replaces_the_plan_or_follows_a_link_unasked() {
    let dir = temp("report");
    let plan = std::fs::read_to_string(common::root().join("examples/gdi-2024.plan")).unwrap();
    std::fs::write(dir.join("p.plan"), &plan).unwrap();
    let (code, _, err) = run_in(&dir, &["report", "p.plan", "-o", "p.plan", "--runs", "0"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("over the plan file"), "{err}");
    let (code, _, _) = run_in(&dir, &["report", "p.plan", "-o", "./p.plan", "--runs", "0"]);
    assert_eq!(code, 2);
    assert_eq!(std::fs::read_to_string(dir.join("p.plan")).unwrap(), plan, "the plan is untouched");
    // Another plan, or any file that is not an HTML report, is not replaced unasked.
    std::fs::write(dir.join("other.plan"), &plan).unwrap();
    let (code, _, err) = run_in(&dir, &["report", "p.plan", "-o", "other.plan", "--runs", "0"]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(std::fs::read_to_string(dir.join("other.plan")).unwrap(), plan);
    let (code, _, _) = run_in(&dir, &["report", "p.plan", "-o", "r.html", "--runs", "0"]);
    assert_eq!(code, 0);
    let (code, _, _) = run_in(&dir, &["report", "p.plan", "-o", "r.html", "--runs", "0"]);
    assert_eq!(code, 0, "a report replaces an earlier report");
    #[cfg(unix)]
    {
        std::fs::write(dir.join("target.txt"), "keep").unwrap();
        std::os::unix::fs::symlink(dir.join("target.txt"), dir.join("link.html")).unwrap();
        let (code, _, err) = run_in(&dir, &["report", "p.plan", "-o", "link.html", "--runs", "0"]);
        assert_eq!(code, 2, "{err}");
        assert_eq!(std::fs::read_to_string(dir.join("target.txt")).unwrap(), "keep");
        let (code, _, _) = run_in(&dir, &["report", "p.plan", "-o", "link.html", "--runs", "0", "--force"]);
        assert_eq!(code, 0);
        assert!(std::fs::read_to_string(dir.join("target.txt")).unwrap().contains("<html"));
        std::os::unix::fs::symlink(dir.join("p.plan"), dir.join("plan-link.html")).unwrap();
        let (code, _, _) = run_in(&dir, &["report", "p.plan", "-o", "plan-link.html", "--runs", "0", "--force"]);
        assert_eq!(code, 2, "not even with --force onto the plan");
        assert_eq!(std::fs::read_to_string(dir.join("p.plan")).unwrap(), plan);
    }
}

#[test]
fn the_html_report_shows_control_characters_as_escapes() {
    let dir = temp("html");
    std::fs::write(dir.join("ok.plan"), HOSTILE.replace("  bogus \u{1b}]8;;http://x\u{7}link\n", "")).unwrap();
    let (code, html, _) = run_in(&dir, &["report", "ok.plan", "-o", "-", "--runs", "0"]);
    assert_eq!(code, 0);
    assert!(clean(&html), "{html}");
    assert!(html.contains("\\u{1b}[2J") && html.contains("\\u{202e}"));
}

#[test]
fn forecast_runs_are_bounded_and_usage_errors_exit_2() {
    for runs in ["0", "1000001", "4294967295"] {
        let (code, _) = common::run(&["forecast", "--runs", runs, "examples/gdi-2024.plan"]);
        assert_eq!(code, 2, "--runs {runs}");
    }
    let (code, _) = common::run(&["forecast", "--runs", "1", "examples/gdi-2024.plan"]);
    assert_eq!(code, 0);
    let (code, _) = common::run(&["report", "--runs", "0", "-o", "-", "examples/gdi-2024.plan"]);
    assert_eq!(code, 0, "report --runs 0 still means no forecast");
    let (code, _) = common::run(&["check", "--no-such-flag", "examples/gdi-2024.plan"]);
    assert_eq!(code, 2);
}

#[test]
fn every_output_of_every_example_renders() {
    for name in
        ["gdi-2024", "release-train", "mistakes/mistakes", "infeasible-chain", "infeasible-capacity", "conflict"]
    {
        let text = std::fs::read_to_string(common::root().join(format!("examples/{name}.plan"))).unwrap();
        let outputs = haalbaar_cli::every_output(&text, 5).unwrap();
        assert!(outputs.len() >= 6, "{name}: {}", outputs.len());
        let bom = haalbaar_cli::every_output(&format!("\u{feff}{}", text.replace('\n', "\r")), 5).unwrap();
        assert_eq!(bom.len(), outputs.len(), "{name}: a byte-order mark and CR line ends change nothing but the text");
    }
}
