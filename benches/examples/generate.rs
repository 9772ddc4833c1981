//! Writes a generated plan: `cargo run -p haalbaar-benches --example generate -- ITEMS SEED`.
fn main() {
    let mut args = std::env::args().skip(1);
    let n = args.next().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let seed = args.next().and_then(|a| a.parse().ok()).unwrap_or(7);
    print!("{}", haalbaar_benches::generate(n, seed));
}
