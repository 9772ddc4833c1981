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

/// A medium plan for the solver's decided-share figures: 20–40 items over 3–5 teams and
/// 26–39 iterations, dependencies across teams with lags, `max` caps, 40–60% of items
/// committed. `tightness` scales effort against capacity (1.0: about as much work as the
/// teams can do before the deadlines; higher makes infeasible outcomes more common).
pub fn medium(seed: u64, tightness: f64) -> String {
    let mut rng = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut next = move |n: u64| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng % n.max(1)
    };
    let iterations = 26 + next(14);
    let teams = 3 + next(3) as usize;
    let items = 20 + next(21) as usize;
    let pis = iterations / 5;
    let mut s = format!(
        "plan \"Medium {seed}\" {{\n  start 2025-01-06\n  horizon {iterations} iterations\n  increment 10 weeks\n  iteration 2 weeks\n}}\n\n"
    );
    let mut team_rate = Vec::new();
    for t in 0..teams {
        let people = 3 + next(6);
        let focus = 60 + next(31);
        team_rate.push(people as f64 * 10.0 * focus as f64 / 100.0);
        s.push_str(&format!("team t{t} {{\n  people {people}\n  focus {focus}%\n}}\n\n"));
    }
    for i in 0..items {
        let team = next(teams as u64) as usize;
        // Effort in iterations of the team's full capacity, scaled by tightness.
        let iters = 0.3 + next(25) as f64 / 10.0;
        let effort =
            ((team_rate[team] * iters * tightness * items as f64 / (teams as f64 * 12.0)).round() as u64).max(1);
        s.push_str(&format!("item i{i} {{\n  team t{team}\n  effort {effort}\n"));
        if next(10) < 3 {
            s.push_str(&format!("  max {} people\n", 1 + next(3)));
        }
        let mut deps = Vec::new();
        for _ in 0..next(3) {
            if i > 0 {
                let d = next(i as u64);
                if !deps.contains(&d) {
                    deps.push(d);
                    let lag = if next(5) == 0 { " + 1 iteration" } else { "" };
                    s.push_str(&format!("  after i{d}{lag}\n"));
                }
            }
        }
        if next(100) < 50 {
            s.push_str(&format!("  commit PI{}\n", 2 + next(pis.saturating_sub(1).max(1))));
        }
        s.push_str("}\n\n");
    }
    s
}
