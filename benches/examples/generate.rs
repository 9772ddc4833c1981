//! Writes a generated plan: `cargo run -p haalbaar-benches --example generate -- ITEMS [SEED]
//! [TIGHTNESS] [TRAINS]` (see `haalbaar_benches::portfolio_of`).
fn main() {
    let mut args = std::env::args().skip(1);
    let items = args.next().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let seed = args.next().and_then(|a| a.parse().ok()).unwrap_or(7);
    let tightness = args.next().and_then(|a| a.parse().ok()).unwrap_or(1.0);
    let trains = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    print!("{}", haalbaar_benches::generate_with(haalbaar_benches::Shape { items, seed, tightness, trains }));
}
