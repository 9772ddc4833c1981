//! Messages known to be poor. Each test pins today's wording so that improving it is a
//! deliberate change: when a message gets better, move its test to the golden fixtures.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

fn first_message(text: &str) -> String {
    let checked = haalbaar::check(text);
    checked.diagnostics.first().map(|d| d.message.clone()).unwrap_or_default()
}

const PLAN: &str = "plan \"p\" {\n  start 2025-01-06\n  horizon 12 months\n}\nteam api {\n  people 3\n}\n";

#[test]
fn lag_without_unit_names_a_duration_not_the_missing_unit() {
    // Better: "the lag `1` needs a unit: write `+ 1 iteration`".
    let text =
        format!("{PLAN}item a {{\n  team api\n  effort 3\n}}\nitem b {{\n  team api\n  effort 3\n  after a + 1\n}}\n");
    assert_eq!(first_message(&text), "expected a duration like 2 weeks, found `1`");
}

#[test]
fn statement_on_the_header_line_reads_as_an_unknown_block() {
    // Better: "statements go on their own line after `{`".
    let text = format!("{PLAN}item a {{ team api\n}}\n");
    assert_eq!(first_message(&text), "expected the end of the line or `#` in this `item` block header");
}
