//! A plan built in code gets the diagnostics its text form gets: each value the language
//! rejects in a file (an effort of zero, a reversed range, a percentage over 100, a figure past
//! the limit, an id with capitals, …) is rejected, with the same code, in a `Plan` too, and such
//! a plan is never reported feasible.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use haalbaar::Code;
use haalbaar::Fixed;
use haalbaar::model::{Effort, Max, Plan};

const VALID: &str = "plan \"p\" {
  start 2025-01-06
  horizon 12 months
  load 90%
  holiday \"Koningsdag\" 2025-04-28
}
team t {
  people 4
  focus 80%
  reserve 10%
  hire 1 on 2025-03-03
  vacancy 1 on 2025-04-01 chance 50%
}
epic e {
  priority 1
}
item a {
  team t
  epic e
  effort 20..30
  max 2 people
  wsjf value 5 urgency 3 risk 2 size 4
  priority 2
  commit PI2
}
";

/// The plan of `text`, as lowering makes it.
fn plan(text: &str) -> Plan {
    let checked = haalbaar::check(text);
    assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
    checked.plan
}

/// The error codes a check gives, sorted.
fn errors(checked: &haalbaar::Checked) -> Vec<Code> {
    let mut codes: Vec<Code> = checked.diagnostics.iter().filter(|d| d.is_error()).map(|d| d.code).collect();
    codes.sort();
    codes.dedup();
    codes
}

fn f(v: &str) -> Fixed {
    Fixed::parse(v).unwrap()
}

#[test]
fn each_value_the_language_rejects_is_rejected_in_a_built_plan_with_the_same_code() {
    type Edit = fn(&mut Plan);
    // (the text form of the mistake: what to replace in VALID, and with what; the same mistake
    // made on the model)
    let cases: Vec<(&str, &str, Edit)> = vec![
        ("effort 20..30", "effort 0", |p| p.items[0].effort.as_mut().unwrap().value = Effort::exact(Fixed::ZERO)),
        ("effort 20..30", "effort -5", |p| p.items[0].effort.as_mut().unwrap().value = Effort::exact(f("-5"))),
        ("effort 20..30", "effort 30..20", |p| {
            p.items[0].effort.as_mut().unwrap().value = Effort::range(f("30"), None, f("20"))
        }),
        ("effort 20..30", "effort 20..40..30", |p| {
            p.items[0].effort.as_mut().unwrap().value = Effort::range(f("20"), Some(f("40")), f("30"))
        }),
        ("effort 20..30", "effort 2000000000", |p| {
            p.items[0].effort.as_mut().unwrap().value = Effort::exact(Fixed::from_millis(i64::MAX))
        }),
        ("focus 80%", "focus 120%", |p| p.teams[0].focus = f("120")),
        ("reserve 10%", "reserve 101%", |p| p.teams[0].reserve = f("101")),
        ("load 90%", "load 150%", |p| p.settings.load = f("150")),
        ("people 4", "people -2", |p| p.teams[0].people = Some(f("-2"))),
        ("hire 1 on", "hire 0 on", |p| p.teams[0].hires[0].count = Fixed::ZERO),
        ("chance 50%", "chance 150%", |p| p.teams[0].vacancies[0].chance = f("150")),
        ("max 2 people", "max 0 people", |p| p.items[0].max.as_mut().unwrap().value = Max::People(Fixed::ZERO)),
        ("size 4", "size 0", |p| p.items[0].wsjf.as_mut().unwrap().size = Some(Fixed::ZERO)),
        ("  priority 2", "  priority 0", |p| p.items[0].priority = Some(0)),
        ("2025-04-28", "2025-04-28 .. 2025-04-20", |p| {
            p.settings.holidays[0].to = chrono::NaiveDate::from_ymd_opt(2025, 4, 20).unwrap()
        }),
        ("item a {", "item A {", |p| p.items[0].id = "A".into()),
    ];
    for (from, to, edit) in cases {
        assert!(VALID.contains(from), "{from}");
        let text = VALID.replacen(from, to, 1);
        let in_text = errors(&haalbaar::check(&text));
        assert!(!in_text.is_empty(), "`{to}` is no error in text");
        let mut built = plan(VALID);
        edit(&mut built);
        let checked = haalbaar::check_plan(built);
        let in_code = errors(&checked);
        assert_eq!(in_text, in_code, "`{to}`: the text form's codes, then the built plan's");
        // The rest of the check as in text: an item's mistake leaves that item out (a note),
        // the other commitments decided alike; a mistake elsewhere stops both.
        let whole = haalbaar::check(&text);
        let codes = |c: &haalbaar::Checked| {
            let mut v: Vec<Code> = c.diagnostics.iter().map(|d| d.code).collect();
            v.sort();
            v.dedup();
            v
        };
        // (A block whose id the language rejects is not read at all from text: its epic may
        // then be empty, W0503; a built plan keeps the item.)
        if to != "item A {" {
            assert_eq!(codes(&whole), codes(&checked), "`{to}`: every code");
        }
        let statuses = |c: &haalbaar::Checked| {
            c.feasibility.as_ref().map(|f| f.commitments.iter().map(|c| (c.item.clone(), c.status)).collect::<Vec<_>>())
        };
        assert_eq!(statuses(&whole), statuses(&checked), "`{to}`: the commitments");
        // And such a plan is never feasible.
        assert!(
            checked
                .feasibility
                .as_ref()
                .is_none_or(|f| f.verdict == haalbaar::report::feasibility::PlanVerdict::Invalid)
        );
    }
}

#[test]
fn a_valid_built_plan_gets_no_value_diagnostic() {
    let checked = haalbaar::check_plan(plan(VALID));
    assert_eq!(errors(&checked), vec![]);
}

/// (code, subject) of every diagnostic, sorted.
fn found(checked: &haalbaar::Checked) -> Vec<(Code, Option<haalbaar::Subject>)> {
    let mut v: Vec<_> = checked.diagnostics.iter().map(|d| (d.code, d.subject.clone())).collect();
    v.sort_by_key(|(c, s)| (*c, format!("{s:?}")));
    v.dedup();
    v
}

#[test]
fn the_plan_of_each_diagnostic_fixture_built_in_code_gets_its_code_about_the_same_element() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../bindings/cli/tests/fixtures/diagnostics");
    let mut not_reproduced = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    for path in names {
        let code = path.file_stem().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        // A fixture's first lines may give the check's arguments (`# args: --budget 0`).
        let budget = text.lines().find_map(|l| l.strip_prefix("# args: --budget ")).map(|b| b.trim().parse().unwrap());
        let options = budget.map_or_else(haalbaar::Options::default, |b| haalbaar::Options::default().budget(b));
        let from_text = haalbaar::check_with(&text, &options);
        let built = haalbaar::check_plan_with(from_text.plan.clone(), &options);
        let (a, b) = (found(&from_text), found(&built));
        if b.iter().any(|(c, _)| c.as_str() == code) {
            // Whatever the built plan is told, the text was told too, about the same element.
            for x in &b {
                assert!(a.contains(x), "{code}: {x:?} only for the built plan\ntext:  {a:?}\nbuilt: {b:?}");
            }
            let of = |v: &[(Code, Option<haalbaar::Subject>)]| {
                v.iter().filter(|(c, _)| c.as_str() == code).cloned().collect::<Vec<_>>()
            };
            assert_eq!(of(&a), of(&b), "{code}");
            assert!(built.diagnostics.iter().all(|d| d.span.is_none() && d.position.is_none()), "{code}");
        } else {
            not_reproduced.push(code);
        }
    }
    // What only reading text can find: syntax, and values lowering refuses and so leaves out of
    // the plan (the test above builds those mistakes in code): a date not on the calendar,
    // an out-of-order range, a percentage over 100, a negative headcount; and W0510, which
    // `forecast` gives, not `check`. (The item left out because of such a value, I0601, is
    // reproduced: the first test builds those values.) And the scenarios of a file (E07xx): a
    // plan built in code is edited in code, it has none.
    let expected = [
        "E0101", "E0102", "E0103", "E0104", "E0105", "E0106", "E0107", "E0109", "E0110", "E0111", "E0112", "E0302",
        "E0402", "E0403", "E0407", "E0701", "E0702", "E0703", "E0704", "W0510",
    ];
    assert_eq!(not_reproduced, expected);
}
