//! Every did-you-mean (and every rejected id in a file) carries its fix as edits, and applying a finding's edits fixes it: the
//! text checked again no longer has that finding.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

fn plans(dir: &Path, out: &mut Vec<(String, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut paths: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            plans(&p, out);
        } else if p.extension().is_some_and(|e| e == "plan") {
            out.push((p.display().to_string(), std::fs::read_to_string(&p).unwrap()));
        }
    }
}

#[test]
fn each_did_you_mean_has_edits_that_fix_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    plans(&root.join("examples"), &mut files);
    plans(&root.join("bindings/cli/tests/fixtures"), &mut files);
    // Typos of every kind the engine suggests for, in one file.
    files.push((
        "typos".into(),
        "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  peeple 4\n}\nteam web {\n  people 2\n  lend 1 to apu PI1..PI2\n}\n\
         epic portaal {\n}\niten a {\n  team api\n  effort 5\n}\nitem b {\n  team apj\n  epic portal\n  effort 5\n  after cc\n}\n\
         item c {\n  team web\n  effort 5\n}\n"
            .into(),
    ));
    let mut fixed = 0;
    for (name, text) in &files {
        let checked = haalbaar::check(text);
        for d in &checked.diagnostics {
            // A did-you-mean, or an id the language rejects (the help names a valid one).
            let meant = d.help.as_deref().is_some_and(|h| h.starts_with("did you mean"))
                || (d.code == haalbaar::Code::E0107 && d.span.is_some());
            assert_eq!(meant, !d.edits.is_empty(), "{name}: {d} (help {:?}, edits {:?})", d.help, d.edits);
            if d.edits.is_empty() {
                continue;
            }
            let e = &d.edits[0];
            assert!(e.line > 0 && e.column > 0, "{name}: {d}: edit not placed");
            let again = haalbaar::check(&haalbaar::report::edits::apply(text, &d.edits));
            assert!(
                !again.diagnostics.iter().any(|x| x.code == d.code && x.message == d.message),
                "{name}: {d} still there after {:?}",
                d.edits
            );
            fixed += 1;
        }
    }
    assert!(fixed >= 6, "only {fixed} did-you-means: the test checks little");
}

#[test]
fn a_built_plan_has_no_edits() {
    use haalbaar::model::{Item, Team};
    use haalbaar::{Fixed, NaiveDate, PlanBuilder};
    let checked = PlanBuilder::new("Demo", NaiveDate::from_ymd_opt(2025, 1, 6).unwrap())
        .team(Team::new("api").people(Fixed::from_int(4)))
        .item(Item::new("login").team("apj").effort(Fixed::from_int(20)))
        .check();
    let d = &checked.diagnostics[0];
    assert_eq!(d.help.as_deref(), Some("did you mean `api`?"));
    assert!(d.edits.is_empty());
}
