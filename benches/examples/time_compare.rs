//! Median time of `haalbaar::report::compare` against one check, on the generated plan with
//! scenarios of different reach: `cargo run --release -p haalbaar-benches --example
//! time_compare -- [ITEMS] [TRAINS]` (TRAINS independent release trains, see
//! `haalbaar_benches::portfolio_of`).
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
    let trains: usize = std::env::args().nth(2).and_then(|a| a.parse().ok()).unwrap_or(1);
    let text = haalbaar_benches::generate_with(haalbaar_benches::Shape { items, seed: 7, tightness: 1.0, trains });
    let last = text.matches("\nitem i").count() - 1;
    let scenarios = [
        ("a note (no answer changes)", "  item i0 note \"alleen een notitie\"".to_string()),
        ("the effort of the last item", format!("  item i{last} effort 1")),
        ("one team's people", "  team t0 people 2".to_string()),
        ("a committed effort (`i0`)", "  item i0 effort 27..32".to_string()),
    ];
    let options = Options::default();
    let check = median(|| {
        std::hint::black_box(haalbaar::check_with(&text, &options));
    });
    println!("{items} items, {trains} train(s): one check of the plan {check:.1} ms");
    for (what, line) in &scenarios {
        let file = format!("{text}\nscenario s {{\n{line}\n}}\n");
        let alone = median(|| {
            std::hint::black_box(haalbaar::check_with(&file, &options.clone().scenario("s")));
        });
        let compare = median(|| {
            std::hint::black_box(haalbaar::report::compare::compare("g.plan", &file, &options));
        });
        let one = Options::default().threads(haalbaar::Threads::One);
        let single = median(|| {
            std::hint::black_box(haalbaar::report::compare::compare("g.plan", &file, &one));
        });
        println!(
            "{what}: the scenario alone {alone:.1} ms; compare {compare:.1} ms ({:.2} checks; one thread {single:.1} ms, {:.2})",
            compare / check,
            single / check
        );
    }
    // Every scenario of the four at once.
    let lines: Vec<String> =
        scenarios.iter().enumerate().map(|(k, (_, l))| format!("scenario s{k} {{\n{l}\n}}\n")).collect();
    let file = format!("{text}\n{}", lines.join("\n"));
    let compare = median(|| {
        std::hint::black_box(haalbaar::report::compare::compare("g.plan", &file, &options));
    });
    println!("all four scenarios: compare {compare:.1} ms ({:.2} checks)", compare / check);
}
