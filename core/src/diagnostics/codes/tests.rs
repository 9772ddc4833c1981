//! The registry's own rules: every code explained in four parts, examples written as a plan
//! file has them.
use super::*;

#[test]
fn every_code_is_explained_in_four_parts() {
    for code in ALL {
        let text = code.explanation();
        for part in ["What:", "Why:", "Example", "Fix"] {
            assert!(text.contains(part), "{code} lacks {part}");
        }
        let prefix = match code.severity() {
            Severity::Error => 'E',
            Severity::Warning => 'W',
            Severity::Note => 'I',
        };
        assert!(code.as_str().starts_with(prefix), "{code} has the wrong letter");
    }
}

#[test]
fn examples_are_written_as_a_plan_file_has_them() {
    // A block's statements each on their own line, as the language wants: an example a
    // planner copies must not be E0102 itself.
    for code in ALL {
        for line in code.explanation().lines().filter(|l| l.starts_with("    ")) {
            let text = line.split('#').next().unwrap_or("").trim();
            if let Some((_, rest)) = text.split_once('{') {
                assert!(rest.trim().is_empty(), "{code}: `{line}` has statements after its `{{`");
            }
        }
    }
}

#[test]
fn codes_parse_back() {
    for code in ALL {
        assert_eq!(Code::parse(&code.as_str().to_lowercase()), Some(*code));
    }
    assert_eq!(Code::parse("E9999"), None);
}
