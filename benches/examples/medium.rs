//! Writes one generated medium plan: `cargo run -p haalbaar-benches --example medium -- SEED TIGHTNESS`.
fn main() {
    let mut args = std::env::args().skip(1);
    let seed = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let tight = args.next().and_then(|a| a.parse().ok()).unwrap_or(1.0);
    print!("{}", haalbaar_benches::medium(seed, tight));
}
