//! `haalbaar diff`: text, JSON and markdown of a change to `examples/conflict.plan`, exit 1
//! when something got worse, 0 when not, `--rev` against a git revision, and usage errors.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::process::Command;

use common::{root, run_in};

fn dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("haalbaar-diff-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn conflict() -> String {
    std::fs::read_to_string(root().join("examples/conflict.plan")).unwrap()
}

/// The example, and the example with the hard commitment's effort doubled (the WSJF one and
/// the third lose out) and the last item's deadline moved a PI earlier.
fn pair(d: &std::path::Path) {
    let old = conflict();
    let new = old
        .replace("  effort 110\n  commit PI2 hard", "  effort 220\n  commit PI2 hard")
        .replace("  effort 40\n  commit PI3\n", "  effort 40\n  commit PI4\n");
    assert_ne!(old, new);
    std::fs::write(d.join("old.plan"), old).unwrap();
    std::fs::write(d.join("new.plan"), new).unwrap();
}

#[test]
fn text_names_each_change_and_its_line() {
    let d = dir("text");
    pair(&d);
    let (code, out, err) = run_in(&d, &["diff", "old.plan", "new.plan"]);
    assert_eq!((code, err.as_str()), (1, ""), "{out}");
    insta::assert_snapshot!("diff-text", out);
    // Every commitment with --all, the unchanged ones too.
    let (code, all, _) = run_in(&d, &["diff", "--all", "old.plan", "old.plan"]);
    assert_eq!(code, 0);
    for id in ["berichtenbox", "notificaties", "koppeling", "statistiek"] {
        assert!(all.contains(&format!("\n  {id} ")), "{id} missing in {all}");
    }
}

#[test]
fn markdown_is_a_pull_request_comment() {
    let d = dir("markdown");
    pair(&d);
    let (code, out, _) = run_in(&d, &["diff", "--format", "markdown", "old.plan", "new.plan"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("diff-markdown", out);
}

#[test]
fn json_has_the_documented_shape() {
    let d = dir("json");
    pair(&d);
    let (code, out, _) = run_in(&d, &["diff", "--format", "json", "old.plan", "new.plan"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["before"]["file"], "old.plan");
    assert_eq!(v["after"]["verdict"], "infeasible");
    let first = &v["commitments"][0];
    for key in ["item", "before", "after", "causes"] {
        assert!(first.get(key).is_some(), "{key} missing in {first}");
    }
    for cause in first["causes"].as_array().unwrap() {
        for key in ["kind", "text", "side", "line"] {
            assert!(cause.get(key).is_some(), "{key} missing in {cause}");
        }
    }
    insta::assert_snapshot!("diff-json", out);
}

#[test]
fn better_or_unchanged_exits_0() {
    let d = dir("better");
    pair(&d);
    // The other way round: the hard commitment's effort halves back; nothing got worse
    // except... the deadline of `statistiek` moves back to PI3, which it meets.
    let (code, out, _) = run_in(&d, &["diff", "new.plan", "old.plan"]);
    assert_eq!(code, 0, "{out}");
    let (code, out, _) = run_in(&d, &["diff", "old.plan", "old.plan"]);
    assert_eq!((code, out.contains("no commitment changed")), (0, true), "{out}");
}

#[test]
fn rev_reads_the_old_version_from_git() {
    let d = dir("rev");
    let git = |args: &[&str]| {
        let ok = Command::new("git")
            .args(args)
            .current_dir(&d)
            .env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@example.org")
            .env("GIT_COMMITTER_NAME", "t")
            .env("GIT_COMMITTER_EMAIL", "t@example.org")
            .output()
            .expect("git runs");
        assert!(ok.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&ok.stderr));
    };
    git(&["init", "-q"]);
    std::fs::create_dir_all(d.join("plans")).unwrap();
    std::fs::write(d.join("plans/p.plan"), conflict()).unwrap();
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "first"]);
    pair(&d);
    std::fs::copy(d.join("new.plan"), d.join("plans/p.plan")).unwrap();
    let (code, out, err) = run_in(&d, &["diff", "--rev", "HEAD", "plans/p.plan"]);
    assert_eq!((code, err.as_str()), (1, ""), "{out}");
    assert!(out.starts_with("HEAD:plans/p.plan → plans/p.plan: "), "{out}");
    // The same as comparing the files.
    let (_, files, _) = run_in(&d, &["diff", "old.plan", "plans/p.plan"]);
    assert_eq!(out.lines().skip(1).collect::<Vec<_>>(), files.lines().skip(1).collect::<Vec<_>>());
    // A revision git does not know: exit 2 with git's reason.
    let (code, _, err) = run_in(&d, &["diff", "--rev", "nope", "plans/p.plan"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read plans/p.plan at nope"), "{err}");
}

#[test]
fn usage_errors_exit_2() {
    let d = dir("usage");
    pair(&d);
    for args in [
        vec!["diff", "old.plan"],
        vec!["diff", "--rev", "HEAD", "old.plan", "new.plan"],
        vec!["diff", "-", "-"],
        vec!["diff", "old.plan", "missing.plan"],
    ] {
        let (code, _, err) = run_in(&d, &args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.starts_with("haalbaar: ") || err.contains("Usage"), "{args:?}: {err}");
    }
}

/// The pull-request review of `examples/ci/` (the workflow runs `plan-review.sh`), run on a
/// two-commit repository made here, with this build of `haalbaar` on the PATH.
#[test]
fn the_pull_request_review_runs_on_a_two_commit_repository() {
    let d = dir("review");
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_haalbaar")).parent().unwrap().to_path_buf();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let sh = |program: &str, args: &[&str]| {
        Command::new(program)
            .args(args)
            .current_dir(&d)
            .env("PATH", &path)
            .env("NO_COLOR", "1")
            .env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@example.org")
            .env("GIT_COMMITTER_NAME", "t")
            .env("GIT_COMMITTER_EMAIL", "t@example.org")
            .output()
            .expect("runs")
    };
    let git = |args: &[&str]| assert!(sh("git", args).status.success(), "git {args:?}");
    git(&["init", "-q"]);
    std::fs::create_dir_all(d.join("plans")).unwrap();
    std::fs::write(d.join("plans/p.plan"), conflict()).unwrap();
    std::fs::write(d.join("plans/same.plan"), conflict()).unwrap();
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "base"]);
    pair(&d);
    std::fs::copy(d.join("new.plan"), d.join("plans/p.plan")).unwrap();
    std::fs::write(d.join("plans/added.plan"), conflict()).unwrap();
    std::fs::remove_file(d.join("old.plan")).unwrap();
    std::fs::remove_file(d.join("new.plan")).unwrap();
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "change"]);
    let script = root().join("examples/ci/plan-review.sh");
    let out = sh("bash", &[script.to_str().unwrap(), "HEAD~1", "review"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    // Worse: exit 1. Annotations for the changed files only.
    assert_eq!(out.status.code(), Some(1), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("::error file=plans/p.plan,line="), "{stdout}");
    assert!(!stdout.contains("same.plan"), "{stdout}");
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(d.join("review/haalbaar.sarif")).unwrap()).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let comment = std::fs::read_to_string(d.join("review/comment.md")).unwrap();
    assert!(comment.contains("❌ **haalbaar** `plans/p.plan`: "), "{comment}");
    assert!(comment.contains("| `notificaties` |"), "{comment}");
    assert!(comment.contains("`plans/added.plan`: a new plan file"), "{comment}");
    // Nothing changed since the last commit: nothing to review, exit 0.
    let out = sh("bash", &[script.to_str().unwrap(), "HEAD", "again"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(d.join("again/comment.md")).unwrap(), "No plan file changed.\n");
}

#[test]
fn dutch_says_it_in_dutch() {
    let d = dir("dutch");
    pair(&d);
    let (code, out, _) = run_in(&d, &["--lang", "nl", "diff", "old.plan", "new.plan"]);
    assert_eq!(code, 1);
    for word in [
        "4 toezeggingen veranderd, 2 slechter",
        "gehaald in PI1.4",
        "conflict, klaar in PI3.3",
        "inspanning: ",
        "via `berichtenbox`, hoger in rang",
    ] {
        assert!(out.contains(word), "`{word}` missing in {out}");
    }
}
