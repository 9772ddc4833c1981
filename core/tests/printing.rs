//! The printer and the formatter on generated plans: every statement of the language, drawn
//! at random (seeded). `print` then reading gives back the same plan; the formatter turns any
//! re-spacing of a printed plan back into it, keeps every comment, and never changes meaning.
//! `PRINT_PLANS` sets how many plans (default 10,000).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use haalbaar::model::*;
use haalbaar::{Fixed, NaiveDate, Options, Plan, print};
use haalbaar_grammar::{BlockKind, STATEMENTS};

/// SplitMix64: a small seeded generator, so each plan is reproducible from its number.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
    /// A figure above zero, with up to three decimals.
    fn figure(&mut self, max_whole: u64) -> Fixed {
        let millis = match self.below(3) {
            0 => self.range(1, max_whole) * 1000,
            1 => self.range(1, max_whole) * 1000 + self.range(1, 9) * 100,
            _ => self.range(1, max_whole * 1000),
        };
        Fixed::from_millis(millis as i64)
    }
    fn percent(&mut self) -> Fixed {
        Fixed::from_millis(self.range(0, 100) as i64 * 1000)
    }
    fn date(&mut self) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 1, 6).unwrap() + chrono::Days::new(self.below(700))
    }
    fn text(&mut self) -> String {
        (*self.pick(&["Inloggen", "Berichten \"box\"", "a # not a comment", "back\\slash", "Één, twee", "  spaced  "]))
            .to_string()
    }
    fn length(&mut self) -> Length {
        let n = self.range(1, 4) as u32;
        *self.pick(&[Length::Days(n), Length::Weeks(n), Length::Months(n), Length::Iterations(n)])
    }
    fn period(&mut self) -> Period {
        match self.below(4) {
            0 => Period::Pi { pi: self.range(1, 6) as u32, iteration: None },
            1 => Period::Pi { pi: self.range(1, 6) as u32, iteration: Some(self.range(1, 5) as u32) },
            2 => Period::Quarter { year: 2025, quarter: self.range(1, 4) as u32 },
            _ => Period::Date { date: self.date() },
        }
    }
}

/// A plan with each statement of the language drawn with some chance.
fn random_plan(seed: u64) -> Plan {
    let mut r = Rng(seed);
    let start = r.date();
    let mut s = Settings::new(start);
    if r.chance(50) {
        s.horizon = Horizon::End(start + chrono::Days::new(r.range(100, 600)));
    } else {
        s.horizon = Horizon::Length(*r.pick(&[Length::Months(18), Length::Weeks(40), Length::Iterations(12)]));
    }
    if r.chance(30) {
        s.increment = Length::Weeks(12);
    }
    if r.chance(20) {
        s.iteration = Length::Weeks(3);
        s.increment = Length::Weeks(12);
    }
    if r.chance(20) {
        s.innovation = r.range(0, 2) as u32;
    }
    if r.chance(20) {
        s.unit = Unit::Points;
    }
    if r.chance(20) {
        s.workweek = r.range(1, 7) as u32;
    }
    for _ in 0..r.below(3) {
        let from = r.date();
        let to = if r.chance(50) { from } else { from + chrono::Days::new(r.range(1, 10)) };
        s.holidays.push(Holiday::new(r.text(), from, to));
    }
    if r.chance(40) {
        s.load = Fixed::from_millis(r.range(1, 100) as i64 * 1000);
    }
    if r.chance(20) {
        s.uncertainty = Some(r.figure(30));
    }
    if r.chance(20) {
        s.firm_pis = Some(r.range(0, 4) as u32);
    }
    let teams: Vec<String> = (0..r.range(1, 4)).map(|t| format!("team-{t}")).collect();
    let mut plan = Plan::new(r.chance(80).then(|| r.text()), s);
    for id in &teams {
        let mut t = Team::new(id.as_str());
        if r.chance(70) {
            t.title = Some(r.text());
        }
        if r.chance(80) {
            t.people = Some(r.figure(20));
        } else if r.chance(50) {
            t.fixed = Some(r.figure(80));
        }
        if r.chance(50) {
            t.focus = r.percent();
        }
        if r.chance(40) {
            t.reserve = r.percent();
            t.reserve_reason = r.chance(50).then(|| r.text());
        }
        for _ in 0..r.below(3) {
            t.hires.push(Change::hire(r.figure(3), r.date(), *r.pick(&[0, 14, 28, 30])));
        }
        for _ in 0..r.below(2) {
            t.leaves.push(Change::leave(r.figure(2), r.date()));
        }
        for _ in 0..r.below(2) {
            let chance = if r.chance(50) { Fixed::HUNDRED } else { r.percent() };
            t.vacancies.push(Vacancy::new(r.figure(2), r.date(), chance));
        }
        for _ in 0..r.below(2) {
            let (from, until) = (r.period(), r.period());
            let until = if r.chance(50) { from } else { until };
            t.lends.push(Lend::new(r.figure(2), r.pick(&teams).as_str(), from, until));
        }
        if r.chance(15) {
            t.velocity = Some(r.figure(50));
        }
        for _ in 0..r.below(2) {
            let (pi, iteration) = (r.range(1, 6) as u32, r.chance(50).then(|| r.range(1, 5) as u32));
            t.overrides.push(Override::new(pi, iteration, Fixed::from_millis(r.range(0, 90_000) as i64)));
        }
        for _ in 0..r.below(2) {
            let (pi, iteration) = (r.range(1, 6) as u32, r.chance(50).then(|| r.range(1, 5) as u32));
            let delta = Fixed::from_millis(r.range(1, 40_000) as i64 * if r.chance(50) { 1 } else { -1 });
            t.adjustments.push(Adjustment::new(pi, iteration, delta));
        }
        plan.teams.push(t);
    }
    let epics: Vec<String> = (0..r.below(3)).map(|e| format!("epic_{e}")).collect();
    for id in &epics {
        let mut e = Epic::new(id.as_str());
        e.title = r.chance(50).then(|| r.text());
        e.commit = r.chance(60).then(|| Commit::new(r.period(), r.chance(30)));
        e.owner = r.chance(40).then(|| r.text());
        e.priority = r.chance(30).then(|| r.range(1, 9) as u32);
        e.note = r.chance(30).then(|| r.text());
        plan.epics.push(e);
    }
    let n = r.range(0, 12);
    for i in 0..n {
        let mut it = Item::new(format!("i{i}"));
        it.title = r.chance(60).then(|| r.text());
        if r.chance(90) {
            it.team = Some(Ref::new(r.pick(&teams).as_str()));
        }
        if !epics.is_empty() && r.chance(40) {
            it.epic = Some(Ref::new(r.pick(&epics).as_str()));
        }
        if r.chance(90) {
            let low = r.figure(40);
            let high = low + r.figure(20);
            it.effort = Some(At::new(match r.below(3) {
                0 => Effort::exact(low),
                1 => Effort::range(low, None, high),
                _ => Effort::range(low, Some(low + Fixed::from_millis((high - low).millis() / 2)), high),
            }));
        }
        if r.chance(20) {
            it.max =
                Some(At::new(if r.chance(50) { Max::People(r.figure(4)) } else { Max::PerIteration(r.figure(30)) }));
        }
        if r.chance(15) {
            it.not_before = Some(At::new(r.period()));
        }
        if r.chance(15) {
            let (a, b) = (r.period(), r.period());
            it.placed = Some(At::new((a, if r.chance(50) { a } else { b })));
        }
        for _ in 0..r.below(3).min(i) {
            let d = r.below(i);
            it.after.push(Dependency::new(format!("i{d}"), r.chance(30).then(|| r.length())));
        }
        it.commit = r.chance(40).then(|| Commit::new(r.period(), r.chance(30)));
        it.target = r.chance(15).then(|| At::new(r.period()));
        if r.chance(20) {
            let size = r.chance(50).then(|| r.figure(20));
            it.wsjf = Some(Wsjf::new(r.percent(), r.percent(), r.percent(), size));
        }
        it.priority = r.chance(20).then(|| r.range(1, 50) as u32);
        it.owner = r.chance(20).then(|| r.text());
        it.note = r.chance(20).then(|| r.text());
        plan.items.push(it);
    }
    plan
}

fn plans() -> u64 {
    std::env::var("PRINT_PLANS").ok().and_then(|v| v.parse().ok()).unwrap_or(10_000)
}

fn read(text: &str) -> Plan {
    haalbaar::check_with(text, &Options::default().solve(false)).plan
}

#[test]
fn printing_then_reading_gives_the_same_plan() {
    for seed in 0..plans() {
        let plan = random_plan(seed);
        let text = print(&plan);
        let again = read(&text);
        assert_eq!(again, plan, "seed {seed}:\n{text}");
        assert_eq!(print(&again), text, "seed {seed}: printing is stable");
        // The printer writes the formatter's layout.
        assert_eq!(haalbaar_grammar::format(&text).as_deref(), Ok(text.as_str()), "seed {seed}");
    }
}

/// The text with random whitespace: indentation, spaces between words (never inside a
/// string), spaces around `..` and `+`, trailing blanks, blank lines between blocks.
fn respace(text: &str, r: &mut Rng) -> String {
    let mut out = String::new();
    for _ in 0..r.below(3) {
        out.push('\n');
    }
    for line in text.lines() {
        let code = line.trim();
        if code.is_empty() {
            for _ in 0..r.range(1, 3) {
                out.push_str(r.pick::<&str>(&["", "  ", "\t"]));
                out.push('\n');
            }
            continue;
        }
        out.push_str(r.pick::<&str>(&["", " ", "    ", "\t", "\t  "]));
        let mut in_string = false;
        let mut escaped = false;
        let chars: Vec<char> = code.chars().collect();
        for (k, &c) in chars.iter().enumerate() {
            if in_string {
                out.push(c);
                match c {
                    _ if escaped => escaped = false,
                    '\\' => escaped = true,
                    '"' => in_string = false,
                    _ => {}
                }
                continue;
            }
            match c {
                '"' => {
                    in_string = true;
                    out.push(c);
                }
                ' ' => out.push_str(r.pick::<&str>(&[" ", "  ", "\t", " \t "])),
                '.' if chars.get(k + 1) == Some(&'.') && r.chance(50) => out.push_str(" ."),
                '.' if k > 0 && chars[k - 1] == '.' && r.chance(50) => out.push_str(". "),
                _ => out.push(c),
            }
        }
        out.push_str(r.pick::<&str>(&["", " ", "\t"]));
        out.push('\n');
    }
    out
}

#[test]
fn formatting_undoes_any_respacing() {
    for seed in 0..plans() / 10 {
        let text = print(&random_plan(seed));
        let messy = respace(&text, &mut Rng(seed ^ 0xF0F0));
        assert_eq!(read(&messy), read(&text), "seed {seed}: the respaced text reads the same");
        let formatted = haalbaar_grammar::format(&messy).unwrap_or_else(|e| panic!("seed {seed}: {e}\n{messy}"));
        assert_eq!(formatted, text, "seed {seed}:\n{messy}");
    }
}

/// Every comment of the text, in order.
fn comments(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let (mut in_string, mut escaped) = (false, false);
        for (i, c) in line.char_indices() {
            match c {
                _ if escaped => escaped = false,
                '\\' if in_string => escaped = true,
                '"' => in_string = !in_string,
                '#' if !in_string => {
                    out.push(line[i..].trim_end().to_string());
                    break;
                }
                _ => {}
            }
        }
    }
    out
}

/// The JSON report without positions (line, column, spans, edits): what the plan means.
fn meaning(text: &str) -> serde_json::Value {
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(m) => {
                for k in ["line", "column", "column_utf16", "end_line", "end_column", "span", "edits"] {
                    m.remove(k);
                }
                m.values_mut().for_each(strip);
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(haalbaar::api::check("plan", text, &Options::default())).unwrap();
    strip(&mut v);
    v
}

#[test]
fn formatting_keeps_comments_and_meaning() {
    let mut texts: Vec<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "plan"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    texts.sort();
    // Generated plans with a comment on every kind of line: above a block, after a header, on
    // a line of its own inside, after a statement, after a `}`, at the end of the file.
    for seed in 0..60u64 {
        let mut r = Rng(seed);
        let mut commented = String::from("# a plan of generated parts\n");
        for line in respace(&print(&random_plan(seed)), &mut r).lines() {
            if line.trim().is_empty() {
                commented.push('\n');
                continue;
            }
            if r.chance(20) {
                commented.push_str(&format!("{}# on its own line {}\n", *r.pick(&["", "    "]), r.below(100)));
            }
            commented.push_str(line);
            if r.chance(40) {
                commented.push_str(&format!("{}# after it: \"quoted\" # twice\n", *r.pick(&[" ", "\t\t"])));
            } else {
                commented.push('\n');
            }
        }
        commented.push_str("# the end\n");
        texts.push(commented);
    }
    for (k, text) in texts.iter().enumerate() {
        let formatted = haalbaar_grammar::format(text).unwrap_or_else(|e| panic!("text {k}: {e}"));
        assert_eq!(comments(&formatted), comments(text), "text {k}: every comment kept, in order");
        assert_eq!(haalbaar_grammar::format(&formatted).as_ref(), Ok(&formatted), "text {k}: idempotent");
        assert_eq!(meaning(&formatted), meaning(text), "text {k}: the same report");
    }
}

#[test]
fn the_builder_writes_every_statement() {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    let f = Fixed::from_int;
    let pi = |pi, iteration| Period::Pi { pi, iteration };
    let plan = haalbaar::PlanBuilder::new("Alles", d(2025, 1, 6))
        .end(d(2026, 6, 30))
        .increment(Length::Weeks(12))
        .iteration(Length::Weeks(3))
        .innovation(0)
        .unit(Unit::Points)
        .workweek(4)
        .holiday("Kerst", d(2025, 12, 22), d(2026, 1, 2))
        .load(f(85))
        .uncertainty(f(10))
        .firm(2)
        .as_of(d(2025, 4, 7))
        .team(
            Team::new("api")
                .title("API")
                .people(f(5))
                .focus(f(80))
                .reserve_for(f(10), "beheer")
                .hire(f(1), d(2025, 3, 1), 28)
                .leave(f(1), d(2025, 9, 1))
                .vacancy(f(2), d(2025, 5, 1), f(40))
                .lend(f(1), "web", pi(2, None), pi(3, None))
                .velocity(f(30))
                .capacity_override(4, Some(2), f(0))
                .capacity_adjust(2, None, f(-5))
                .absent(f(1), d(2025, 7, 14), d(2025, 8, 1))
                .holiday("Heidag", d(2025, 6, 2), d(2025, 6, 2)),
        )
        .team(Team::new("web").fixed_capacity(f(20)))
        .epic(
            Epic::new("stelsel")
                .title("Stelsel")
                .commit(Period::Quarter { year: 2026, quarter: 1 }, true)
                .owner("DG")
                .priority(1)
                .note("n")
                .key("GDI-1"),
        )
        .item(Item::new("a").team("api").effort(f(20)).started(d(2025, 2, 3)).finished(d(2025, 3, 3)))
        .item(
            Item::new("b")
                .title("B")
                .team("web")
                .epic("stelsel")
                .effort_range(f(10), Some(f(12)), f(20))
                .max(Max::People(f(2)))
                .not_before(pi(2, None))
                .placed_in(pi(2, None), pi(3, None))
                .after("a", Some(Length::Iterations(1)))
                .commit(pi(4, None), false)
                .target(pi(3, Some(2)))
                .wsjf(f(8), f(5), f(3), None)
                .priority(2)
                .owner("PO")
                .note("politiek")
                .key("GDI-12")
                .done(f(4))
                .remaining(f(9)),
        )
        .plan();
    let text = print(&plan);
    // Every statement the grammar knows, in a block of its kind (`horizon` is the other form
    // of `end`: a plan has one of them).
    let mut seen = std::collections::BTreeSet::new();
    let mut block = None;
    for line in text.lines() {
        let t = line.trim_start();
        if !line.starts_with(' ') {
            block = [
                ("plan", BlockKind::Plan),
                ("team", BlockKind::Team),
                ("epic", BlockKind::Epic),
                ("item", BlockKind::Item),
            ]
            .into_iter()
            .find(|(w, _)| t.starts_with(&format!("{w} ")))
            .map(|(_, k)| k);
        } else if let (Some(kind), Some(word)) = (block, t.split_whitespace().next()) {
            seen.insert(format!("{kind:?} {word}"));
        }
    }
    // A model has no scenarios (they are the file's what-ifs): every other statement is printed.
    for &(kind, word, _) in STATEMENTS {
        if word != "horizon" && kind != BlockKind::Scenario {
            assert!(seen.contains(&format!("{kind:?} {word}")), "{kind:?} {word}:\n{text}");
        }
    }
    // Each form of `capacity`: a fixed figure, an override of an iteration, an adjustment of a PI.
    for form in ["capacity 20 per iteration", "capacity PI4.2 0", "capacity PI2 -5"] {
        assert!(text.lines().any(|l| l.trim() == form), "{form}:\n{text}");
    }
    assert_eq!(read(&text), plan, "{text}");
}
