//! Writes the TaskJuggler project of a generated portfolio: `cargo run -p haalbaar-benches
//! --example taskjuggler -- ITEMS SEED` (the plan file: `--example generate`).
fn main() {
    let mut args = std::env::args().skip(1);
    let n = args.next().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let seed = args.next().and_then(|a| a.parse().ok()).unwrap_or(7);
    print!("{}", haalbaar_benches::taskjuggler(n, seed));
}
