//! Median time of `haalbaar::check` on a plan file, in this process (no start-up):
//! `cargo run --release -p haalbaar-benches --example time_check -- FILE [RUNS]`. The native
//! side of `benches/wasm-node.sh`.

/// The allocator the `haalbaar` command uses, so in-process figures match it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: time_check FILE [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(11);
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("cannot read {path}");
        std::process::exit(2);
    };
    let mut ms: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            let t = std::time::Instant::now();
            std::hint::black_box(haalbaar::check(std::hint::black_box(&text)));
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    println!("{:.2}", ms[ms.len() / 2]);
}
