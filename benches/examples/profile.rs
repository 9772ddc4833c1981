//! Times the phases of a check on a generated plan and counts the outcomes:
//! `cargo run --release -p haalbaar-benches --example profile -- ITEMS [TIGHTNESS] [SEED] [TRAINS]`.

/// The allocator the `haalbaar` command uses, so in-process figures match it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
fn main() {
    let mut args = std::env::args().skip(1);
    let items: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(200);
    let tightness: f64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(1.0);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(7);
    let trains: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let text = haalbaar_benches::generate_with(haalbaar_benches::Shape { items, seed, tightness, trains });
    let t = std::time::Instant::now();
    let file = haalbaar_grammar::parse(&text);
    let parsed = t.elapsed();
    let (lowered, _) = haalbaar::unstable::lower::lower(&file);
    let Some(cal) = lowered.calendar else { return };
    let cap = haalbaar::capacity::capacity(&lowered.plan, &cal);
    let lowered_at = t.elapsed();
    let Some(p) = haalbaar::unstable::solve::problem::Problem::new(&lowered.plan, &cal, &cap) else { return };
    haalbaar::unstable::solve::reset_stats();
    let s = if std::env::var_os("AS_ONE").is_some() {
        haalbaar::unstable::solve::rank::solve_as_one(&p, haalbaar::DEFAULT_BUDGET)
    } else {
        haalbaar::unstable::solve::rank::solve(&p, haalbaar::DEFAULT_BUDGET)
    };
    let solved = t.elapsed();
    let st = haalbaar::unstable::solve::take_stats();
    let mut counts = std::collections::BTreeMap::new();
    for r in &s.results {
        *counts.entry(format!("{:?}", r.status)).or_insert(0) += 1;
    }
    let repaired = s.results.iter().filter(|r| !r.repairs.is_empty()).count();
    let repairs: usize = s.results.iter().map(|r| r.repairs.len()).sum();
    println!(
        "items {items}, tightness {tightness}, {} KB, commitments {}: parse {parsed:?}, +lower/capacity {:?}, +solve {:?}; {counts:?}; repairs {repairs} for {repaired}; {st:?}",
        text.len() / 1024,
        p.commitments.len(),
        lowered_at - parsed,
        solved - lowered_at,
    );
}
