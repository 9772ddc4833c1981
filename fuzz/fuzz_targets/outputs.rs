//! Any UTF-8 input through check, a short forecast and every output format of the command
//! (human, JSON, SARIF, GitHub annotations, both boards, calendar and capacity tables and CSV,
//! the HTML report). Nothing may panic; libFuzzer's `-timeout` and `-rss_limit_mb` catch an
//! input that takes too long or too much memory.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = haalbaar_cli::every_output(text, 3);
    }
});
