//! A checking service: checks a plan, then re-checks it (`recheck`) after each small edit, as an editor does
//! while its user types. Each check runs on the calling thread (`Threads::One`) and can be
//! cancelled from another thread (`Cancel`), as a request whose client went away.
//!
//! Run with: `cargo run --release -p haalbaar --example recheck -- examples/portfolio-2026.plan`

use haalbaar::{Cancel, Options, Threads};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| "examples/portfolio-2026.plan".into());
    let mut text = std::fs::read_to_string(&path)?;
    let options = Options::default().threads(Threads::One);
    let first = haalbaar::check_with(&text, &options);
    println!("{path}: {}", first.verdict());
    // Each version is checked reusing the check of the one before (`recheck`), which gives the
    // answer a fresh check gives.
    let mut previous = first;
    // Edits as a user makes them: raise each effort figure of the first items by one.
    let efforts: Vec<usize> = text.match_indices("  effort ").map(|(i, _)| i).take(5).collect();
    for at in efforts.into_iter().rev() {
        let line_end = text[at..].find('\n').map_or(text.len(), |e| at + e);
        let line = text[at..line_end].to_string();
        let Some(figure) = line.split_whitespace().nth(1).and_then(|f| f.split("..").next()) else { continue };
        let Ok(n) = figure.parse::<u64>() else { continue };
        let edited = line.replacen(figure, &(n + 1).to_string(), 1);
        text.replace_range(at..line_end, &edited);
        let started = std::time::Instant::now();
        let checked = haalbaar::recheck(&previous, &text, &options);
        let met = checked
            .feasibility
            .as_ref()
            .map_or(0, |f| f.commitments.iter().filter(|c| c.status == haalbaar::Status::Met).count());
        println!(
            "`{}` → `{}`: {} ({met} met) in {:?}",
            line.trim(),
            edited.trim(),
            checked.verdict(),
            started.elapsed()
        );
        previous = checked;
    }
    // A check cancelled before it decides: no verdict on the commitments, and it says so.
    let cancel = Cancel::new();
    cancel.cancel();
    let cancelled = haalbaar::check_with(&text, &options.clone().cancel(cancel));
    println!("cancelled: {} (feasibility decided: {})", cancelled.cancelled, cancelled.feasibility.is_some());
    Ok(())
}
