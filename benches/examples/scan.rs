//! Scans generated medium plans for ones that need the exact search (neither the counting
//! bounds nor the constructive schedule decide some query): `cargo run --release -p
//! haalbaar-benches --example scan -- FROM TO TIGHTNESS`.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let from: u64 = args.first().and_then(|a| a.parse().ok()).unwrap_or(1);
    let to: u64 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(1000);
    let tight: f64 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(1.0);
    let mut hard = 0;
    for seed in from..=to {
        haalbaar::unstable::solve::reset_stats();
        let c = haalbaar::check(&haalbaar_benches::medium(seed, tight));
        let st = haalbaar::unstable::solve::take_stats();
        if st.by_search + st.undecided > 0 {
            hard += 1;
            let v = c.feasibility.map(|f| format!("{:?}", f.verdict)).unwrap_or_default();
            println!("seed {seed}: {st:?} {v}");
        }
    }
    println!("{hard} plans needed the search");
}
