//! Benchmarks of the haalbaar engine and the plan generator they use.

/// One generated portfolio, drawn once and written in either language.
#[derive(Debug, Clone)]
pub struct Portfolio {
    pub teams: Vec<GenTeam>,
    pub items: Vec<GenItem>,
}

#[derive(Debug, Clone)]
pub struct GenTeam {
    /// People at the start.
    pub people: u64,
    /// People joining on day `.1` after the start (ramp 4 weeks).
    pub hire: Option<(u64, u64)>,
    /// One person leaving on day `.0` after the start.
    pub leave: Option<u64>,
}

#[derive(Debug, Clone)]
pub struct GenItem {
    pub team: usize,
    pub low: u64,
    pub high: u64,
    /// (earlier item, lag in iterations).
    pub after: Vec<(usize, u64)>,
    /// `max N people`.
    pub max_people: Option<u64>,
    /// Committed to the end of this PI.
    pub commit: Option<u64>,
}

/// What a generated portfolio looks like (see [`portfolio`]).
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    pub items: usize,
    pub seed: u64,
    /// Effort against capacity: 1.0 puts about as much work on each team as it can plan over
    /// the horizon; below it most commitments fit, above it more and more do not.
    pub tightness: f64,
    /// Release trains: independent groups of teams (item `i` and its dependencies belong to
    /// train `i % trains`, team `t` to train `t % trains`). 1 draws the same portfolio as ever.
    pub trains: usize,
}

/// Days from the start (2025-01-06) of the generated plans' holidays: Christmas 2025
/// (8 working days) and the King's Day week 2026 (2 days).
pub const HOLIDAYS: [(&str, u64, u64); 2] = [("Kerst", 350, 361), ("Koningsdag", 475, 476)];

/// Draws a portfolio: `items` items over `items / 50` teams (at least 3), each with 5-10
/// people, a third hiring during the horizon and a quarter losing someone; items of 5-35
/// days (two-point ranges) scaled by `tightness`; each depends on up to two items drawn among
/// the previous 200 (any team: cross-team edges), one in five of those with a 1-iteration lag; one
/// in six capped with `max N people`; 40-60% committed to a PI between 2 and 7. With several
/// trains (at most one per team), the teams and items are dealt out among them and an item
/// depends only on items of its own train, so the trains are independent parts of the plan.
/// Deterministic by seed.
pub fn portfolio_of(shape: Shape) -> Portfolio {
    let Shape { items, seed, tightness, trains } = shape;
    let teams_n = (items / 50).max(3);
    let trains = trains.clamp(1, teams_n);
    let mut rng = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407) | 1;
    let mut next = move |n: u64| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng % n.max(1)
    };
    let teams: Vec<GenTeam> = (0..teams_n)
        .map(|_| GenTeam {
            people: 5 + next(6),
            hire: (next(3) == 0).then(|| (1 + next(2), 60 + next(300))),
            leave: (next(4) == 0).then(|| 90 + next(360)),
        })
        .collect();
    // A person plans about 158 days over the horizon (390 working days, focus 70%, reserve
    // 15%, load 85%, IP iterations off); a team gets about 50 items.
    let per_person = 158.0 * tightness.max(0.05) / 50.0;
    let committed_share = 4 + next(3); // 40%, 50% or 60% of items committed
    let mut out = Vec::with_capacity(items);
    for i in 0..items {
        // Train `i % trains`: its teams are those numbered `train`, `train + trains`, ...
        let train = i % trains;
        let team = train + trains * next(((teams_n - train).div_ceil(trains)) as u64) as usize;
        let avg = per_person * teams[team].people as f64;
        // likely = (low + high) / 2 averages `avg`: low in 0.5..1.2 avg, high up to 0.6 avg above.
        let low = (avg * (50 + next(71)) as f64 / 100.0).round().max(1.0) as u64;
        let high = low + (avg * next(61) as f64 / 100.0).round() as u64;
        let mut after = Vec::new();
        // The item's place among its train's items: it depends on earlier ones of its train.
        let place = i / trains;
        for _ in 0..next(3) {
            if place > 0 {
                let back = trains * (1 + next(place.min(200) as u64) as usize);
                let lag = u64::from(next(5) == 0);
                if !after.iter().any(|(a, _)| *a == i - back) {
                    after.push((i - back, lag));
                }
            }
        }
        let max_people = (next(6) == 0).then(|| 1 + next(3));
        let commit = (next(10) < committed_share).then(|| 2 + next(6));
        out.push(GenItem { team, low, high, after, max_people, commit });
    }
    Portfolio { teams, items: out }
}

/// [`portfolio_of`] at tightness 1.0.
pub fn portfolio(items: usize, seed: u64) -> Portfolio {
    portfolio_of(Shape { items, seed, tightness: 1.0, trains: 1 })
}

fn day(offset: u64) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2025, 1, 6).unwrap_or_default() + chrono::Days::new(offset)
}

/// The portfolio as a plan file: 18 months from 2025-01-06, 10-week PIs, load 85%, teams at
/// focus 70% and reserve 15%, two holidays.
pub fn generate_with(shape: Shape) -> String {
    let p = portfolio_of(shape);
    let mut s = String::from("plan \"Generated portfolio\" {\n  start 2025-01-06\n  horizon 18 months\n  load 85%\n");
    for (name, from, to) in HOLIDAYS {
        s.push_str(&format!("  holiday \"{name}\" {} .. {}\n", day(from), day(to)));
    }
    s.push_str("}\n\n");
    for (t, team) in p.teams.iter().enumerate() {
        s.push_str(&format!("team t{t} \"Team {t}\" {{\n  people {}\n  focus 70%\n  reserve 15%\n", team.people));
        if let Some((n, at)) = team.hire {
            s.push_str(&format!("  hire {n} on {} ramp 4 weeks\n", day(at)));
        }
        if let Some(at) = team.leave {
            s.push_str(&format!("  leave 1 on {}\n", day(at)));
        }
        s.push_str("}\n\n");
    }
    for (i, item) in p.items.iter().enumerate() {
        s.push_str(&format!(
            "item i{i} \"Item {i}\" {{\n  team t{}\n  effort {}..{}\n",
            item.team, item.low, item.high
        ));
        for (d, lag) in &item.after {
            if *lag > 0 {
                s.push_str(&format!("  after i{d} + {lag} iteration\n"));
            } else {
                s.push_str(&format!("  after i{d}\n"));
            }
        }
        if let Some(m) = item.max_people {
            s.push_str(&format!("  max {m} people\n"));
        }
        if let Some(pi) = item.commit {
            s.push_str(&format!("  commit PI{pi}\n"));
        }
        s.push_str("}\n\n");
    }
    s
}

/// [`generate_with`] at tightness 1.0.
pub fn generate(items: usize, seed: u64) -> String {
    generate_with(Shape { items, seed, tightness: 1.0, trains: 1 })
}

/// The same portfolio as a TaskJuggler 3 project, an approximation for timing only: each
/// team is a resource group allocated as a whole (its members work on a task together), with
/// efficiency focus × (1 − reserve) × load; hires and leavers are members on leave before
/// they join or after they go; holidays are project-wide leaves; efforts are the likely value
/// in person-days; `after` is `depends` (a lag is `gaplength`); a commitment is `maxend` on
/// the last day of its PI. TaskJuggler has no PIs, IP iterations or per-item people caps, so
/// capacity differs somewhat.
pub fn taskjuggler_with(shape: Shape) -> String {
    let p = portfolio_of(shape);
    let mut s = String::from("project gen \"Generated portfolio\" 2025-01-06 +18m {\n  timezone \"UTC\"\n}\n\n");
    for (name, from, to) in HOLIDAYS {
        s.push_str(&format!("leaves holiday \"{name}\" {} - {}\n", day(from), day(to + 1)));
    }
    let end = day(7 * 78);
    let efficiency = 0.70 * 0.85 * 0.85;
    for (t, team) in p.teams.iter().enumerate() {
        s.push_str(&format!("resource t{t} \"Team {t}\" {{\n"));
        for m in 0..team.people {
            s.push_str(&format!("  resource t{t}_{m} \"Team {t} member {m}\" {{ efficiency {efficiency:.4}"));
            if m == 0
                && let Some(at) = team.leave
            {
                s.push_str(&format!(" leaves unpaid {} - {end}", day(at)));
            }
            s.push_str(" }\n");
        }
        if let Some((n, at)) = team.hire {
            for m in 0..n {
                s.push_str(&format!(
                    "  resource t{t}_h{m} \"Team {t} hire {m}\" {{ efficiency {efficiency:.4} leaves unpaid 2025-01-06 - {} }}\n",
                    day(at)
                ));
            }
        }
        s.push_str("}\n");
    }
    for (i, item) in p.items.iter().enumerate() {
        let likely = (item.low + item.high) as f64 / 2.0;
        s.push_str(&format!("task i{i} \"Item {i}\" {{\n  effort {likely:.1}d\n  allocate t{}\n", item.team));
        if !item.after.is_empty() {
            let mut after = item.after.clone();
            after.sort_unstable();
            after.dedup_by_key(|(d, _)| *d);
            let deps: Vec<String> = after
                .iter()
                .map(|(d, lag)| if *lag > 0 { format!("i{d} {{ gaplength {}w }}", 2 * lag) } else { format!("i{d}") })
                .collect();
            s.push_str(&format!("  depends {}\n", deps.join(", ")));
        }
        if let Some(pi) = item.commit {
            s.push_str(&format!("  maxend {}\n", day(pi * 70 - 1)));
        }
        s.push_str("}\n");
    }
    s
}

/// [`taskjuggler_with`] at tightness 1.0.
pub fn taskjuggler(items: usize, seed: u64) -> String {
    taskjuggler_with(Shape { items, seed, tightness: 1.0, trains: 1 })
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

/// The median wall time of `runs` calls of `f`, in milliseconds (the measuring examples).
pub fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut ms: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            let t = std::time::Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    ms[ms.len() / 2]
}

/// One commitment's answer: `(kind:item, status, finish, deadline)`.
pub type Answer = (String, String, Option<String>, String);

/// Every commitment of a decided check as an [`Answer`], in rank order: what the tests compare
/// two checks by. `None` when the check decided nothing.
pub fn answers(c: &haalbaar::Checked) -> Option<Vec<Answer>> {
    let f = c.feasibility.as_ref()?;
    Some(
        f.commitments
            .iter()
            .map(|r| (format!("{}:{}", r.kind, r.item), r.status.to_string(), r.finish.clone(), r.deadline.clone()))
            .collect(),
    )
}
