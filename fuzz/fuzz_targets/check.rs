//! Any bytes that are UTF-8 go through the whole check: parse, lower, calendar, capacity,
//! validation and the JSON records, and the formatter. Nothing may panic, and every span must
//! lie in the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let checked = haalbaar::check(text);
        for d in &checked.diagnostics {
            if let Some(s) = d.span {
                assert!(text.get(s.start..s.end).is_some());
            }
        }
        let _ = haalbaar::report::records("fuzz.plan", text, &checked.diagnostics);
        // The formatter: refuses only syntax errors, and its output formats to itself.
        match haalbaar_grammar::format(text) {
            Ok(f) => assert_eq!(haalbaar_grammar::format(&f).as_ref(), Ok(&f)),
            Err(e) => assert!(matches!(e, haalbaar_grammar::FormatError::Syntax(_))),
        }
    }
});
