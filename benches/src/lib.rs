//! Benchmarks of the haalbaar engine and the plan generator they use.

/// One generated portfolio, drawn once and written in either language.
#[derive(Debug, Clone)]
pub struct Portfolio {
    /// People per team.
    pub teams: Vec<u64>,
    pub items: Vec<GenItem>,
}

#[derive(Debug, Clone)]
pub struct GenItem {
    pub team: usize,
    pub low: u64,
    pub high: u64,
    pub after: Vec<usize>,
    /// Committed to the end of this PI.
    pub commit: Option<u64>,
}

/// Draws a portfolio with `items` items over `items / 50` teams (at least 3); each item
/// depends on up to two earlier ones and about half are committed. Deterministic by seed.
pub fn portfolio(items: usize, seed: u64) -> Portfolio {
    let teams_n = (items / 50).max(3);
    let mut rng = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    let mut next = move |n: u64| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng % n.max(1)
    };
    let teams = (0..teams_n).map(|_| 5 + next(6)).collect();
    let mut out = Vec::with_capacity(items);
    for i in 0..items {
        let low = 5 + next(30);
        let team = next(teams_n as u64) as usize;
        let high = low + next(20);
        let mut after = Vec::new();
        for _ in 0..next(3) {
            if i > 0 {
                after.push(next(i as u64) as usize);
            }
        }
        let commit = (next(2) == 0).then(|| 2 + next(6));
        out.push(GenItem { team, low, high, after, commit });
    }
    Portfolio { teams, items: out }
}

/// The portfolio as a plan file: 18 months from 2025-01-06, 10-week PIs, load 85%, teams at
/// focus 70% and reserve 15%.
pub fn generate(items: usize, seed: u64) -> String {
    let p = portfolio(items, seed);
    let mut s =
        String::from("plan \"Generated portfolio\" {\n  start 2025-01-06\n  horizon 18 months\n  load 85%\n}\n\n");
    for (t, people) in p.teams.iter().enumerate() {
        s.push_str(&format!("team t{t} \"Team {t}\" {{\n  people {people}\n  focus 70%\n  reserve 15%\n}}\n\n"));
    }
    for (i, item) in p.items.iter().enumerate() {
        s.push_str(&format!(
            "item i{i} \"Item {i}\" {{\n  team t{}\n  effort {}..{}\n",
            item.team, item.low, item.high
        ));
        for d in &item.after {
            s.push_str(&format!("  after i{d}\n"));
        }
        if let Some(pi) = item.commit {
            s.push_str(&format!("  commit PI{pi}\n"));
        }
        s.push_str("}\n\n");
    }
    s
}

/// The same portfolio as a TaskJuggler 3 project, an approximation for timing only: each
/// team is a resource group allocated as a whole (its members work on a task together), with
/// efficiency focus × (1 − reserve) × load; efforts are the likely value in person-days;
/// `after` is `depends`; a commitment is `maxend` on the last day of its PI. TaskJuggler has
/// no PIs or IP iterations, so capacity differs somewhat.
pub fn taskjuggler(items: usize, seed: u64) -> String {
    let p = portfolio(items, seed);
    let mut s = String::from("project gen \"Generated portfolio\" 2025-01-06 +18m {\n  timezone \"UTC\"\n}\n\n");
    let efficiency = 0.70 * 0.85 * 0.85;
    for (t, people) in p.teams.iter().enumerate() {
        s.push_str(&format!("resource t{t} \"Team {t}\" {{\n"));
        for m in 0..*people {
            s.push_str(&format!("  resource t{t}_{m} \"Team {t} member {m}\" {{ efficiency {efficiency:.4} }}\n"));
        }
        s.push_str("}\n");
    }
    let start = chrono::NaiveDate::from_ymd_opt(2025, 1, 6).unwrap_or_default();
    for (i, item) in p.items.iter().enumerate() {
        let likely = (item.low + item.high) as f64 / 2.0;
        s.push_str(&format!("task i{i} \"Item {i}\" {{\n  effort {likely:.1}d\n  allocate t{}\n", item.team));
        if !item.after.is_empty() {
            let mut after = item.after.clone();
            after.sort_unstable();
            after.dedup();
            let deps: Vec<String> = after.iter().map(|d| format!("i{d}")).collect();
            s.push_str(&format!("  depends {}\n", deps.join(", ")));
        }
        if let Some(pi) = item.commit {
            let last_day = start + chrono::Days::new(pi * 70 - 1);
            s.push_str(&format!("  maxend {last_day}\n"));
        }
        s.push_str("}\n");
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
