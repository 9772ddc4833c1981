//! Median times of a fresh check and of `haalbaar::recheck` after one edit, on the generated
//! plan: `cargo run --release -p haalbaar-benches --example time_recheck -- [ITEMS] [LOANS]`
//! (defaults 1,000 items, no loans; LOANS adds `lend` lines to the first teams).
#![allow(clippy::expect_used)] // a measuring tool on the generated plan, which has what it needs

/// The allocator the `haalbaar` command uses, so in-process figures match it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use haalbaar::{Checked, Options};

fn median(mut f: impl FnMut() -> Checked) -> (f64, Checked) {
    let mut last = None;
    let mut ms: Vec<f64> = (0..11)
        .map(|_| {
            let t = std::time::Instant::now();
            last = Some(std::hint::black_box(f()));
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    (ms[ms.len() / 2], last.expect("eleven runs"))
}

/// The text with item `id`'s effort figures raised by one.
fn raise(text: &str, id: &str) -> Option<String> {
    let block = text.find(&format!("\nitem {id} "))?;
    let at = block + text[block..].find("  effort ")? + "  effort ".len();
    let end = at + text[at..].find('\n')?;
    let raised: Vec<String> = text[at..end]
        .split("..")
        .map(|f| f.trim().parse::<u64>().map_or(f.to_string(), |n| (n + 1).to_string()))
        .collect();
    Some(format!("{}{}{}", &text[..at], raised.join(".."), &text[end..]))
}

fn main() {
    let mut args = std::env::args().skip(1);
    let items: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let loans: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(0);
    let mut text = haalbaar_benches::generate(items, 7);
    for (k, (team, to)) in [("t0", "t1"), ("t1", "t2"), ("t2", "t0")].into_iter().take(loans).enumerate() {
        text = text.replacen(
            &format!("team {team} \"Team {k}\" {{\n"),
            &format!("team {team} \"Team {k}\" {{\n  lend 2 to {to} PI1..PI3\n"),
            1,
        );
    }
    let options = Options::default();
    let first = haalbaar::check(&text);
    let plan = &first.plan;
    let committed: Vec<&str> = plan.items.iter().filter(|i| i.commit.is_some()).map(|i| i.id.as_str()).collect();
    // Items no commitment needs: not committed, and nothing committed waits for them.
    let mut needed = std::collections::BTreeSet::new();
    let mut stack = committed.clone();
    while let Some(id) = stack.pop() {
        if needed.insert(id)
            && let Some(item) = plan.item(id)
        {
            stack.extend(item.after.iter().map(|d| d.item.id.as_str()));
        }
    }
    let free: Vec<&str> = plan.items.iter().map(|i| i.id.as_str()).filter(|id| !needed.contains(id)).collect();
    let edits: Vec<(String, String)> = vec![
        ("a team's title".into(), text.replacen("\"Team 0\"", "\"Team nul\"", 1)),
        ("a comment added".into(), text.replacen("\nteam t0", "\n# teams\nteam t0", 1)),
        (format!("effort of `{}` (no commitment needs it)", free[0]), raise(&text, free[0]).expect("an effort")),
        (
            format!("effort of `{}` (committed, ranked early)", committed[0]),
            raise(&text, committed[0]).expect("an effort"),
        ),
        (
            format!("effort of `{}` (committed, ranked late)", committed[committed.len() - 1]),
            raise(&text, committed[committed.len() - 1]).expect("an effort"),
        ),
    ];
    println!("{items} items, {loans} loans; {} items no commitment needs, {} needed by one", free.len(), needed.len());
    for (what, edited) in &edits {
        let (fresh, a) = median(|| haalbaar::check_with(edited, &options));
        let (again, b) = median(|| haalbaar::recheck(&first, edited, &options));
        assert_eq!(format!("{:?}", a.diagnostics), format!("{:?}", b.diagnostics));
        println!(
            "{what}: check {fresh:.1} ms, recheck {again:.1} ms ({:.1}x{})",
            fresh / again,
            if b.reused() { ", reused" } else { "" }
        );
    }
}
