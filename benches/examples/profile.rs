//! Times the phases of a check on a generated plan: `cargo run --release -p haalbaar-benches
//! --example profile -- ITEMS`.
fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(200);
    let text = haalbaar_benches::generate(n, 7);
    let t = std::time::Instant::now();
    let file = haalbaar::grammar::parse(&text);
    let parsed = t.elapsed();
    let (lowered, _) = haalbaar::lower::lower(&file);
    let Some(cal) = lowered.calendar else { return };
    let cap = haalbaar::capacity::capacity(&lowered.plan, &cal);
    let lowered_at = t.elapsed();
    let Some(p) = haalbaar::solve::problem::Problem::new(&lowered.plan, &cal, &cap) else { return };
    haalbaar::solve::reset_stats();
    let s = haalbaar::solve::rank::solve(&p, haalbaar::solve::DEFAULT_BUDGET);
    let solved = t.elapsed();
    let st = haalbaar::solve::take_stats();
    println!(
        "items {n}, commitments {}: parse {parsed:?}, +lower/capacity {:?}, +solve {:?}; {st:?}; {:?}",
        p.commitments.len(),
        lowered_at - parsed,
        solved - lowered_at,
        s.verdict
    );
}
