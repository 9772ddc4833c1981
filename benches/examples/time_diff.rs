//! Median time of `haalbaar::report::diff` against one fresh check, on the generated plan after
//! one-line changes: `cargo run --release -p haalbaar-benches --example time_diff -- [ITEMS]`.
#![allow(clippy::expect_used)] // a measuring tool on the generated plan, which has what it needs

/// The allocator the `haalbaar` command uses, so in-process figures match it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use haalbaar::Options;

fn median(f: impl FnMut()) -> f64 {
    haalbaar_benches::median_ms(7, f)
}

fn main() {
    let items: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1000);
    let text = haalbaar_benches::generate(items, 7);
    let options = Options::default();
    let edits = [
        ("a comment", text.replacen("\nteam t0", "\n# teams\nteam t0", 1)),
        ("a team's people", text.replacen("  people 5\n", "  people 4\n", 1)),
        ("an effort (`i0`, committed)", text.replacen("  effort 17..22\n", "  effort 27..32\n", 1)),
    ];
    println!("{items} items");
    for (what, edited) in &edits {
        assert_ne!(&text, edited, "{what}: the edit did not apply");
        let check = median(|| {
            std::hint::black_box(haalbaar::check_with(edited, &options));
        });
        let mut changed = 0;
        let diff = median(|| {
            let d = haalbaar::report::diff::diff(&text, edited, &options);
            changed = d.commitments.iter().filter(|c| c.changed).count();
        });
        let (a, b) = (haalbaar::check_with(&text, &options), haalbaar::check_with(edited, &options));
        let compare = median(|| {
            std::hint::black_box(haalbaar::report::diff::diff_checked(&text, &a, edited, &b));
        });
        println!("{what}: comparing alone {compare:.1} ms");
        let one = Options::default().threads(haalbaar::Threads::One);
        let single = median(|| {
            std::hint::black_box(haalbaar::report::diff::diff(&text, edited, &one));
        });
        println!(
            "{what}: check {check:.1} ms, diff {diff:.1} ms ({:.2} checks; one thread {single:.1} ms, {:.2}), {changed} commitments changed",
            diff / check,
            single / check
        );
    }
}
