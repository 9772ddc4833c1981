//! A plan whose errors all sit inside item blocks: those items and what needs them are left
//! out (one note each), every other commitment is decided exactly as in the plan without
//! them, and the verdict stays `invalid`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use haalbaar::Code;
use haalbaar::report::feasibility::PlanVerdict;

const PLAN: &str = "plan \"p\" {\n  start 2025-01-06\n  horizon 12 months\n}\n\
team api {\n  people 5\n  focus 80%\n}\n\
item a {\n  team api\n  effort 20\n  not before PI4\n  commit PI3\n}\n\
item b {\n  team api\n  effort 10\n  after a\n}\n\
item c {\n  team api\n  effort 30\n  after b\n  commit PI4\n}\n\
epic e {\n  commit PI2\n}\n\
item d {\n  team api\n  epic e\n  effort 0\n}\n\
item f {\n  team api\n  epic e\n  effort 15\n}\n\
item g {\n  team api\n  effort 40\n  commit PI2\n}\n\
item h {\n  team api\n  effort 500\n  commit PI1\n}\n";

/// The plan's text without the blocks of items `gone`.
fn without(text: &str, gone: &[&str]) -> String {
    let file = haalbaar_grammar::parse(text);
    let mut out = text.to_string();
    let mut spans: Vec<_> = file
        .blocks
        .iter()
        .filter(|b| b.kind == haalbaar_grammar::BlockKind::Item)
        .filter(|b| b.id.as_ref().is_some_and(|id| gone.contains(&id.value.as_str())))
        .map(|b| b.span)
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.start));
    for s in spans {
        out.replace_range(s.start..s.end, "");
    }
    out
}

#[test]
fn errors_inside_items_leave_the_rest_checked() {
    let c = haalbaar::check(PLAN);
    assert!(c.has_errors());
    let errors: Vec<Code> = c.diagnostics.iter().filter(|d| d.is_error()).map(|d| d.code).collect();
    assert!(errors.contains(&Code::E0305) && errors.contains(&Code::E0401), "{errors:?}");
    let f = c.feasibility.as_ref().expect("the rest is checked");
    assert_eq!(f.verdict, PlanVerdict::Invalid);
    // a has errors, b and c wait for it; d has errors, f is in d's committed epic.
    let mut notes: Vec<(String, String)> = c
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::I0601)
        .map(|d| (d.message.split('`').nth(1).unwrap().to_string(), d.message.clone()))
        .collect();
    notes.sort();
    let left: Vec<&str> = notes.iter().map(|(i, _)| i.as_str()).collect();
    assert_eq!(left, ["a", "b", "c", "d", "f"], "{notes:?}");
    assert!(notes[1].1.contains("waits for `a`"), "{}", notes[1].1);
    assert!(notes[4].1.contains("epic `e` needs `d`"), "{}", notes[4].1);
    // g and h are decided, exactly as in the plan without the items left out.
    let items: Vec<&str> = f.commitments.iter().map(|x| x.item.as_str()).collect();
    assert_eq!(items, ["g", "h"]);
    let reference = haalbaar::check(&without(PLAN, &left));
    assert!(
        !reference.has_errors()
            || reference.diagnostics.iter().all(|d| !d.is_error() || d.code.as_str().starts_with("E06"))
    );
    let rf = reference.feasibility.as_ref().unwrap();
    let statuses = |f: &haalbaar::report::feasibility::Feasibility| {
        f.commitments.iter().map(|x| (x.item.clone(), x.status, x.finish.clone())).collect::<Vec<_>>()
    };
    assert_eq!(statuses(f), statuses(rf));
    assert_eq!(statuses(f)[0].1, haalbaar::Status::Met);
    assert_ne!(statuses(f)[1].1, haalbaar::Status::Met);
}

#[test]
fn an_error_outside_items_still_stops_the_check() {
    let text = PLAN.replace("  focus 80%\n", "  focus 180%\n");
    let c = haalbaar::check(&text);
    assert!(c.feasibility.is_none());
    assert!(c.diagnostics.iter().all(|d| d.code != Code::I0601));
}

#[test]
fn an_epic_commitment_outside_the_horizon_is_an_error_not_silence() {
    // It was dropped without a word (and the plan had no verdict at all).
    let text = "plan \"p\" {\n  start 2025-01-06\n  horizon 12 months\n}\nteam a {\n  people 5\n}\n\
                epic e {\n  commit PI99\n}\nitem x {\n  team a\n  epic e\n  effort 10\n}\n";
    let c = haalbaar::check(text);
    let e = c.diagnostics.iter().find(|d| d.code == Code::E0303).expect("E0303");
    assert_eq!(&text[e.span.unwrap().start..e.span.unwrap().end], "commit PI99");
}
