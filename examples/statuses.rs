//! Reads a plan file, checks it, and prints each commitment's status at the line and column
//! of its `commit`, then every diagnostic at its place: what an editor plug-in or a CI step
//! needs from the crate.
//!
//! Run with: `cargo run -p haalbaar --example statuses -- examples/conflict.plan`

use haalbaar::source::SourceMap;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| "examples/gdi-2024.plan".into());
    let text = std::fs::read_to_string(&path)?;
    let checked = haalbaar::check(&text);
    let map = SourceMap::new(&text);
    println!("{path}: {}", checked.verdict());
    if let Some(f) = &checked.feasibility {
        for c in &f.commitments {
            // The `commit` statement of the item or epic (or the item's `in` placement).
            let commit = match c.kind {
                haalbaar::report::feasibility::CommitmentKind::Epic => {
                    checked.plan.epic(&c.item).and_then(|e| e.commit.as_ref()).and_then(|c| c.loc.0)
                }
                _ => checked.plan.item(&c.item).and_then(|i| {
                    i.commit.as_ref().map(|c| c.loc).or_else(|| i.placed.as_ref().map(|p| p.loc)).and_then(|l| l.0)
                }),
            };
            let at = commit.map(|s| map.locate(s.start)).map_or(String::new(), |p| format!("{}:{}", p.line, p.column));
            println!("{path}:{at}: {} `{}` is {} (due {})", c.kind, c.item, c.status, c.deadline);
        }
    }
    for d in &checked.diagnostics {
        let at = d.position.map_or(String::new(), |p| format!("{}:{}", p.line, p.column));
        println!("{path}:{at}: {d}");
    }
    Ok(())
}
