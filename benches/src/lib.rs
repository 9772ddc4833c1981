//! Benchmarks of the haalbaar engine and the plan generator they use.

/// A deterministic plan with `items` items over `items / 50` teams (at least 3), for
/// measuring parse, lower and check. Each item depends on up to two earlier ones.
pub fn generate(items: usize, seed: u64) -> String {
    let teams = (items / 50).max(3);
    let mut rng = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    let mut next = move |n: u64| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng % n.max(1)
    };
    let mut s =
        String::from("plan \"Generated portfolio\" {\n  start 2025-01-06\n  horizon 18 months\n  load 85%\n}\n\n");
    for t in 0..teams {
        s.push_str(&format!("team t{t} \"Team {t}\" {{\n  people {}\n  focus 70%\n  reserve 15%\n}}\n\n", 5 + next(6)));
    }
    for i in 0..items {
        let low = 5 + next(30);
        s.push_str(&format!(
            "item i{i} \"Item {i}\" {{\n  team t{}\n  effort {low}..{}\n",
            next(teams as u64),
            low + next(20)
        ));
        for _ in 0..next(3) {
            if i > 0 {
                s.push_str(&format!("  after i{}\n", next(i as u64)));
            }
        }
        if next(2) == 0 {
            s.push_str(&format!("  commit PI{}\n", 2 + next(6)));
        }
        s.push_str("}\n\n");
    }
    s
}
