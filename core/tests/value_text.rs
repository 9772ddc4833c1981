//! The values a tool reads from its own rows (`Effort`, `Period`) read back what they write:
//! every effort and commitment period of the bundled examples, written and parsed again.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use haalbaar::model::{Effort, Period};

#[test]
fn efforts_and_periods_of_the_examples_read_back() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples");
    let (mut efforts, mut periods) = (0, 0);
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "plan") {
            continue;
        }
        let checked = haalbaar::check(&std::fs::read_to_string(&path).unwrap());
        for item in &checked.plan.items {
            if let Some(e) = &item.effort {
                assert_eq!(e.value.to_string().parse::<Effort>(), Ok(e.value), "{}: {}", path.display(), item.id);
                efforts += 1;
            }
            if let Some(c) = &item.commit {
                assert_eq!(c.period.to_string().parse::<Period>(), Ok(c.period), "{}: {}", path.display(), item.id);
                periods += 1;
            }
        }
    }
    assert!(efforts > 50 && periods > 10, "{efforts} efforts, {periods} periods: the test checks little");
}

#[test]
fn what_is_not_a_value_says_why() {
    for (text, why) in [
        ("PI", "expected a number"),
        ("PI3.", "expected a number"),
        ("PI0", "PIs and their iterations count from 1"),
        ("pi3", "expected PI3, PI3.2, 2025-Q3 or YYYY-MM-DD"),
        ("2025-02-30", "no such day"),
        ("2025-Q0", "a quarter is 1 to 4"),
        ("PI99999999999", "the number is too large"),
    ] {
        assert_eq!(text.parse::<Period>().unwrap_err().reason(), why, "{text}");
    }
    for (text, why) in [("", "not a number"), ("1..", "not a number"), ("1.2345", "more than three decimals")] {
        assert_eq!(text.parse::<Effort>().unwrap_err().reason(), why, "{text}");
    }
}
