//! Progress (`as of`, `done`, `remaining`, `finished`) against an exact oracle. Small plans
//! are generated as text with a status date and items finished, partly done or re-estimated;
//! `haalbaar::check` decides them. The oracle builds the transformed problem itself, from the
//! generator's own numbers (not the engine's): no capacity before the status iteration and
//! the share of working days left in it, each item's remaining effort, finished items needing
//! nothing and releasing their successors after their finished day (plus the lag), and
//! applies the reference's rule by brute force (every integral schedule). Every status and
//! late finish must agree.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::needless_range_loop)]

use haalbaar::{NaiveDate, Status};

struct Rng(u64);
impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
    fn chance(&mut self, one_in: u64) -> bool {
        self.below(one_in) == 0
    }
}

/// Seven one-week iterations (PIs of three, no IP), five working days each.
const N: usize = 7;
const PER_DAY: i64 = 1;

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 8).unwrap()
}

fn label(t: usize) -> String {
    format!("PI{}.{}", t / 3 + 1, t % 3 + 1)
}

fn iteration_of(day: NaiveDate) -> usize {
    ((day - start()).num_days() / 7) as usize
}

struct Item {
    team: usize,
    effort: i64,
    after: Vec<(usize, usize)>,
    done: Option<i64>,
    remaining: Option<i64>,
    finished: Option<NaiveDate>,
    commit: Option<(usize, u32)>,
    /// `in PIx` (0-based PI): a placement, itself a commitment.
    placed: Option<usize>,
    /// `max 5 per iteration`.
    capped: bool,
    epic: Option<usize>,
}

struct Plan {
    as_of: NaiveDate,
    teams: Vec<i64>,
    items: Vec<Item>,
    /// Epics with a commitment: (deadline, priority).
    epics: Vec<(usize, u32)>,
}

fn generate(r: &mut Rng) -> Plan {
    let status = 1 + r.below(4) as usize;
    let as_of = start() + chrono::Duration::days(7 * status as i64 + r.below(6) as i64);
    let teams: Vec<i64> = (0..1 + r.below(2)).map(|_| 1 + i64::from(r.chance(4))).collect();
    let count = 2 + r.below(4) as usize;
    let mut items: Vec<Item> = Vec::new();
    let mut priorities: Vec<u32> = (1..=20).collect();
    for k in (1..priorities.len()).rev() {
        priorities.swap(k, r.below(k as u64 + 1) as usize);
    }
    let mut next_priority = priorities.into_iter();
    for i in 0..count {
        let effort = 1 + r.below(8) as i64;
        let mut after = Vec::new();
        for q in 0..i {
            if r.chance(3) {
                after.push((q, r.below(2) as usize));
            }
        }
        // Finished only when everything it waits for is finished, on a day no earlier.
        let waits_done: Option<NaiveDate> = after
            .iter()
            .map(|&(q, _)| items[q].finished)
            .try_fold(start() - chrono::Duration::days(1), |acc, f: Option<NaiveDate>| f.map(|f| acc.max(f)));
        let mut it = Item {
            team: r.below(teams.len() as u64) as usize,
            effort,
            after,
            done: None,
            remaining: None,
            finished: None,
            commit: None,
            placed: r.chance(6).then(|| r.below(3) as usize),
            capped: r.chance(4),
            epic: None,
        };
        match r.below(6) {
            0 | 1 if waits_done.is_some() => {
                let from = waits_done.unwrap().max(start());
                let span = (as_of - from).num_days().max(0);
                it.finished = Some(from + chrono::Duration::days(r.below(span as u64 + 1) as i64));
            }
            2 => it.done = Some(1 + r.below(effort as u64) as i64),
            3 => it.remaining = Some(r.below(effort as u64 + 1) as i64),
            _ => {}
        }
        if r.chance(2) || i + 1 == count {
            // Mostly due after the status date; a quarter of them passed already.
            let due = if r.chance(4) { r.below(N as u64) } else { status as u64 + r.below((N - status) as u64) };
            it.commit = Some((due as usize, next_priority.next().unwrap()));
        }
        // A placement the language accepts: not after the commitment's deadline, and (kept
        // simple) only on an item that waits for nothing.
        if let Some(pi) = it.placed
            && (it.commit.is_some_and(|(d, _)| d < pi * 3) || !it.after.is_empty())
        {
            it.placed = None;
        }
        items.push(it);
    }
    let mut epics = Vec::new();
    if r.chance(3) {
        epics.push((r.below(N as u64) as usize, next_priority.next().unwrap()));
        // (A placed item stays out: the epic's deadline may come before its PI.)
        for it in items.iter_mut() {
            if r.chance(2) && it.placed.is_none() {
                it.epic = Some(0);
            }
        }
        if items.iter().all(|i| i.epic.is_none()) {
            items[0].epic = Some(0);
            items[0].placed = None;
        }
    }
    Plan { as_of, teams, items, epics }
}

fn text(p: &Plan) -> String {
    let mut s = format!(
        "plan \"p\" {{\n  start {}\n  end 2024-02-25\n  increment 3 weeks\n  iteration 1 week\n  innovation 0\n  as of {}\n}}\n",
        start(),
        p.as_of
    );
    for (t, per) in p.teams.iter().enumerate() {
        s.push_str(&format!("team t{t} {{\n  capacity {} per iteration\n}}\n", per * 5 * PER_DAY));
    }
    for (e, (deadline, priority)) in p.epics.iter().enumerate() {
        s.push_str(&format!("epic e{e} {{\n  commit {}\n  priority {priority}\n}}\n", label(*deadline)));
    }
    for (i, it) in p.items.iter().enumerate() {
        s.push_str(&format!("item i{i} {{\n  team t{}\n  effort {}\n", it.team, it.effort));
        for (q, lag) in &it.after {
            match lag {
                0 => s.push_str(&format!("  after i{q}\n")),
                _ => s.push_str(&format!("  after i{q} + {lag} iteration\n")),
            }
        }
        if let Some(e) = it.epic {
            s.push_str(&format!("  epic e{e}\n"));
        }
        if let Some((d, priority)) = it.commit {
            s.push_str(&format!("  commit {}\n  priority {priority}\n", label(d)));
        }
        if let Some(pi) = it.placed {
            s.push_str(&format!("  in PI{}\n", pi + 1));
        }
        if it.capped {
            s.push_str("  max 5 per iteration\n");
        }
        if let Some(d) = it.done {
            s.push_str(&format!("  done {d}\n"));
        }
        if let Some(d) = it.remaining {
            s.push_str(&format!("  remaining {d}\n"));
        }
        if let Some(d) = it.finished {
            s.push_str(&format!("  finished {d}\n"));
        }
        s.push_str("}\n");
    }
    s
}

/// The transformed problem, from the generator's numbers.
struct Model {
    cap: Vec<Vec<i64>>,
    effort: Vec<i64>,
    team: Vec<usize>,
    lo: Vec<usize>,
    /// The last iteration each job may work in (its placement's end, until it slips).
    hi: Vec<usize>,
    /// Each job's own cap per iteration (`max`, cut like capacity in the status iteration).
    item_cap: Vec<Vec<i64>>,
    /// Per commitment: the job whose placement slips when it fails.
    slips: Vec<Option<usize>>,
    /// Predecessors with work left: (job, lag).
    preds: Vec<Vec<(usize, usize)>>,
    finished: Vec<Option<usize>>,
    /// Commitments in rank order: (label, jobs, deadline).
    commitments: Vec<(String, Vec<usize>, usize)>,
    status: usize,
}

/// A commitment to rank: (priority, block order), label, jobs, deadline, slipping job.
type Ranked = ((u32, usize), String, Vec<usize>, usize, Option<usize>);

fn model(p: &Plan) -> Model {
    let status = iteration_of(p.as_of);
    let weekday = (p.as_of - start()).num_days() % 7;
    let left = (5 - weekday).max(0);
    let cap = p
        .teams
        .iter()
        .map(|per| {
            (0..N)
                .map(|t| match t.cmp(&status) {
                    std::cmp::Ordering::Less => 0,
                    std::cmp::Ordering::Equal => per * left * PER_DAY,
                    std::cmp::Ordering::Greater => per * 5 * PER_DAY,
                })
                .collect()
        })
        .collect();
    let n = p.items.len();
    let mut finished_day: Vec<Option<NaiveDate>> = vec![None; n];
    let mut effort = vec![0; n];
    for (i, it) in p.items.iter().enumerate() {
        let needed = match (it.finished, it.remaining, it.done) {
            (Some(_), _, _) => 0,
            (None, Some(r), _) => r,
            (None, None, Some(d)) => (it.effort - d).max(0),
            (None, None, None) => it.effort,
        };
        effort[i] = needed;
        if needed == 0 {
            finished_day[i] = Some(it.finished.unwrap_or(p.as_of - chrono::Duration::days(1)));
        }
    }
    let finished: Vec<Option<usize>> = finished_day.iter().map(|d| d.map(iteration_of)).collect();
    let mut lo = vec![status; n];
    let mut hi = vec![N - 1; n];
    let mut preds = vec![Vec::new(); n];
    for (i, it) in p.items.iter().enumerate() {
        if finished[i].is_some() {
            lo[i] = 0;
            continue;
        }
        if let Some(pi) = it.placed {
            lo[i] = lo[i].max(pi * 3);
            hi[i] = (pi * 3 + 2).min(N - 1);
        }
        for &(q, lag) in &it.after {
            match finished[q] {
                Some(f) => lo[i] = lo[i].max(f + 1 + lag),
                None => preds[i].push((q, lag)),
            }
        }
    }
    // (priority, then block order), label, jobs, deadline, slipping job.
    let mut ranked: Vec<Ranked> = Vec::new();
    for (e, (d, pr)) in p.epics.iter().enumerate() {
        let members: Vec<usize> = (0..n).filter(|&i| p.items[i].epic == Some(e)).collect();
        ranked.push(((*pr, e), format!("e{e}"), members, *d, None));
    }
    for (i, it) in p.items.iter().enumerate() {
        let placed_end = it.placed.map(|pi| (pi * 3 + 2).min(N - 1));
        let (due, pr) = match (it.commit, placed_end) {
            (Some((d, pr)), Some(end)) => (d.min(end), pr),
            (Some((d, pr)), None) => (d, pr),
            (None, Some(end)) => (end, u32::MAX),
            (None, None) => continue,
        };
        ranked.push(((pr, 100 + i), format!("i{i}"), vec![i], due, placed_end.map(|_| i)));
    }
    ranked.sort_by_key(|c| c.0);
    Model {
        cap,
        effort,
        team: p.items.iter().map(|i| i.team).collect(),
        lo,
        preds,
        finished,
        slips: ranked.iter().map(|c| c.4).collect(),
        item_cap: p
            .items
            .iter()
            .map(|it| {
                (0..N)
                    .map(|t| match (it.capped, t.cmp(&status)) {
                        (false, _) => i64::MAX,
                        (true, std::cmp::Ordering::Less) => 0,
                        (true, std::cmp::Ordering::Equal) => left * PER_DAY,
                        (true, std::cmp::Ordering::Greater) => 5 * PER_DAY,
                    })
                    .collect()
            })
            .collect(),
        commitments: ranked.into_iter().map(|(_, l, j, d, _)| (l, j, d)).collect(),
        hi,
        status,
    }
}

/// Whether one integral schedule gets every needed job its effort by its deadline: jobs in
/// file order (every predecessor first), each spread over its window by backtracking.
fn fits(m: &Model, set: &[(Vec<usize>, usize)]) -> bool {
    let n = m.effort.len();
    let mut due: Vec<Option<usize>> = vec![None; n];
    let mut stack: Vec<(usize, usize)> = set.iter().flat_map(|(jobs, d)| jobs.iter().map(|&j| (j, *d))).collect();
    while let Some((j, d)) = stack.pop() {
        if m.finished[j].is_some() {
            continue;
        }
        if due[j].is_some_and(|x| x <= d) {
            continue;
        }
        due[j] = Some(d);
        for &(q, _) in &m.preds[j] {
            stack.push((q, N - 1));
        }
    }
    let jobs: Vec<usize> = (0..n).filter(|&j| due[j].is_some()).collect();
    let mut left = m.cap.clone();
    let mut last = vec![None::<usize>; n];
    place(m, &jobs, 0, &due, &mut left, &mut last)
}

fn place(
    m: &Model,
    jobs: &[usize],
    k: usize,
    due: &[Option<usize>],
    left: &mut Vec<Vec<i64>>,
    last: &mut Vec<Option<usize>>,
) -> bool {
    let Some(&j) = jobs.get(k) else { return true };
    // Its deadline, and before every needed successor's start: checked when the successor
    // is placed (it starts after this one's last work).
    let mut from = m.lo[j];
    for &(q, lag) in &m.preds[j] {
        from = from.max(last[q].unwrap() + 1 + lag);
    }
    let to = due[j].unwrap().min(m.hi[j]);
    if from > to || from >= N {
        return false;
    }
    let team = m.team[j];
    let mut work = vec![0i64; N];
    spread(m, jobs, k, due, left, last, team, j, from, to, m.effort[j], &mut work)
}

#[allow(clippy::too_many_arguments)]
fn spread(
    m: &Model,
    jobs: &[usize],
    k: usize,
    due: &[Option<usize>],
    left: &mut Vec<Vec<i64>>,
    last: &mut Vec<Option<usize>>,
    team: usize,
    j: usize,
    t: usize,
    to: usize,
    need: i64,
    work: &mut Vec<i64>,
) -> bool {
    if need == 0 {
        // A job with no work left finishes where its window opens (it is done by then).
        last[j] = Some(work.iter().rposition(|w| *w > 0).unwrap_or(t.saturating_sub(1).max(m.lo[j])));
        if work.iter().all(|w| *w == 0) {
            last[j] = Some(m.lo[j]);
        }
        let ok = place(m, jobs, k + 1, due, left, last);
        last[j] = None;
        return ok;
    }
    if t > to {
        return false;
    }
    let most = need.min(left[team][t]).min(m.item_cap[j][t]);
    for amount in (0..=most).rev() {
        left[team][t] -= amount;
        work[t] = amount;
        let ok = spread(m, jobs, k, due, left, last, team, j, t + 1, to, need - amount, work);
        work[t] = 0;
        left[team][t] += amount;
        if ok {
            return true;
        }
    }
    false
}

#[derive(Debug, PartialEq, Eq, Clone)]
enum Late {
    No,
    At(usize),
    Dropped,
}

/// The reference's rule on the transformed problem.
fn oracle(m: &mut Model) -> Vec<(String, Status, Late)> {
    let mut kept: Vec<(Vec<usize>, usize)> = Vec::new();
    let mut out = Vec::new();
    let commitments = m.commitments.clone();
    for (c, (label, jobs, deadline)) in commitments.iter().enumerate() {
        let all_finished: Option<usize> =
            jobs.iter().map(|&j| m.finished[j]).try_fold(0usize, |acc, f| f.map(|f| acc.max(f)));
        if let Some(f) = all_finished {
            if f <= *deadline {
                out.push((label.clone(), Status::Met, Late::No));
            } else {
                out.push((label.clone(), Status::Infeasible, Late::At(f)));
            }
            continue;
        }
        let with = |m: &Model, d: usize| {
            let mut set = kept.clone();
            set.push((jobs.clone(), d));
            fits(m, &set)
        };
        let passed = *deadline < m.status;
        if !passed && with(m, *deadline) {
            kept.push((jobs.clone(), *deadline));
            out.push((label.clone(), Status::Met, Late::No));
            continue;
        }
        let status =
            if !passed && fits(m, &[(jobs.clone(), *deadline)]) { Status::Conflict } else { Status::Infeasible };
        // A placement that fails lets its item run past its PI.
        if let Some(j) = m.slips[c] {
            m.hi[j] = N - 1;
        }
        match (*deadline + 1..N).find(|&d| with(m, d)) {
            Some(d) => {
                kept.push((jobs.clone(), d));
                out.push((label.clone(), status, Late::At(d)));
            }
            None => out.push((label.clone(), status, Late::Dropped)),
        }
    }
    out
}

#[test]
fn progress_agrees_with_the_oracle_on_1000_plans() {
    let mut r = Rng(0x0B5E_55ED_CAFE_F00D);
    let (mut met, mut late, mut passed, mut finished, mut dropped, mut conflicts, mut slipped) = (0, 0, 0, 0, 0, 0, 0);
    for case in 0..1000 {
        let p = generate(&mut r);
        let source = text(&p);
        let checked = haalbaar::check(&source);
        let errors: Vec<_> = checked
            .diagnostics
            .iter()
            .filter(|d| d.severity == haalbaar::Severity::Error && !d.code.as_str().starts_with("E06"))
            .map(|d| &d.message)
            .collect();
        assert!(errors.is_empty(), "case {case}: {errors:?}\n{source}");
        let f = checked.feasibility.as_ref().expect("decided");
        assert_eq!(f.as_of, Some(p.as_of), "case {case}: the report says the status date");
        let mut m = model(&p);
        let truth = oracle(&mut m);
        assert_eq!(f.commitments.len(), truth.len(), "case {case}\n{source}");
        for (got, (label, status, lateness)) in f.commitments.iter().zip(&truth) {
            assert_eq!(&got.item, label, "case {case}: rank order\n{source}");
            let got_late = match (got.status, got.dropped, &got.finish) {
                (Status::Met, _, _) => Late::No,
                (_, true, _) => Late::Dropped,
                (_, false, Some(l)) => Late::At((0..N).find(|&t| label_is(t, l)).unwrap()),
                (_, false, None) => panic!("case {case}: `{label}` has no finish\n{source}"),
            };
            assert_eq!(
                (got.status, got_late.clone()),
                (*status, lateness.clone()),
                "case {case}: commitment `{label}`\n{source}"
            );
            match lateness {
                Late::No => met += 1,
                Late::At(_) => late += 1,
                Late::Dropped => dropped += 1,
            }
            let reason = got.reason.as_ref().map(|r| r.text().to_string()).unwrap_or_default();
            if reason.starts_with("its deadline has passed") {
                passed += 1;
            }
            conflicts += usize::from(*status == Status::Conflict);
            slipped += usize::from(got.slipped);
        }
        // Every finished item lands where it was finished, with no work.
        for (i, it) in p.items.iter().enumerate() {
            if let (Some(day), Some(s)) = (it.finished, f.schedule.iter().find(|s| s.item == format!("i{i}"))) {
                finished += 1;
                assert!(s.finished && s.work.is_empty(), "case {case}: i{i} is finished");
                assert_eq!(s.finish.as_deref(), Some(label(iteration_of(day)).as_str()), "case {case}: i{i}");
            }
        }
        // No work before the status date, and the status iteration holds only its share.
        for s in &f.schedule {
            for w in &s.work {
                let t = (0..N).find(|&t| label_is(t, &w.iteration)).unwrap();
                assert!(t >= m.status, "case {case}: `{}` works in {} before the status date", s.item, w.iteration);
            }
        }
        let (cal, cap) = (checked.calendar.as_ref().unwrap(), checked.capacity.as_ref().unwrap());
        assert_eq!(haalbaar::report::verify::verify(&checked.plan, cal, cap, f), Ok(()), "case {case}\n{source}");
    }
    println!(
        "progress oracle: {met} met, {late} late, {dropped} dropped, {passed} deadlines passed, {finished} finished items, {conflicts} conflicts, {slipped} slipped placements"
    );
    assert!(
        met > 500 && late > 300 && dropped > 30 && passed > 100 && finished > 300 && conflicts > 10 && slipped > 20,
        "a varied corpus"
    );
}

fn label_is(t: usize, l: &str) -> bool {
    label(t) == l
}
