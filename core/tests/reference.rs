//! The reference plan (`examples/gdi-2024.plan`) parses, every form in it lowers to what it
//! means, and its capacity matches figures computed by hand.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use haalbaar::model::*;
use haalbaar::{Checked, Fixed, NaiveDate};

fn load(name: &str) -> Checked {
    let path = format!("{}/../examples/{name}", env!("CARGO_MANIFEST_DIR"));
    let checked = haalbaar::check(&std::fs::read_to_string(path).unwrap());
    assert!(checked.diagnostics.is_empty(), "{:#?}", checked.diagnostics);
    checked
}

fn f(s: &str) -> Fixed {
    Fixed::parse(s).unwrap()
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Capacity and plannable capacity of `team` in iteration `label` (like `PI2.2`).
fn cell(c: &Checked, team: &str, label: &str) -> (Fixed, Fixed) {
    let cal = c.calendar.as_ref().unwrap();
    let i = cal.iterations.iter().position(|it| it.label() == label).unwrap();
    let cell = &c.capacity.as_ref().unwrap().team(team).unwrap().iterations[i];
    (cell.capacity, cell.plannable)
}

#[test]
fn every_form_of_the_reference_lowers() {
    let c = load("gdi-2024.plan");
    let p = &c.plan;
    assert_eq!(p.title.as_deref(), Some("Programmeringsplan GDI 2024"));
    let s = &p.settings;
    assert_eq!(s.start, d(2024, 1, 8));
    assert_eq!(s.horizon, Horizon::Length(Length::Months(18)));
    assert_eq!((s.increment, s.iteration, s.innovation), (Length::Weeks(10), Length::Weeks(2), 1));
    assert_eq!((s.unit, s.workweek, s.load), (Unit::Days, 5, f("85")));
    assert_eq!(s.holidays[0].name, "Kerstreces");
    assert_eq!((s.holidays[0].from, s.holidays[0].to), (d(2024, 12, 23), d(2025, 1, 3)));

    let t = p.team("toegang").unwrap();
    assert_eq!(t.title.as_deref(), Some("Domein Toegang"));
    assert_eq!((t.people, t.focus, t.reserve), (Some(f("12")), f("70"), f("20")));
    assert_eq!(t.reserve_reason.as_deref(), Some("beheer en storingen"));
    assert_eq!((t.hires[0].count, t.hires[0].date, t.hires[0].ramp_days), (f("2"), d(2024, 4, 1), 56));
    assert_eq!((t.leaves[0].count, t.leaves[0].date), (f("1"), d(2024, 9, 1)));
    assert_eq!((t.vacancies[0].count, t.vacancies[0].date, t.vacancies[0].chance), (f("3"), d(2024, 6, 1), f("40")));
    let lend = &t.lends[0];
    assert_eq!((lend.count, lend.to.id.as_str()), (f("2"), "berichten"));
    assert_eq!((lend.from, lend.until), (Period::Pi { pi: 4, iteration: None }, Period::Pi { pi: 5, iteration: None }));
    assert_eq!((t.overrides[0].pi, t.overrides[0].iteration, t.overrides[0].amount), (3, None, f("150")));
    assert_eq!((t.overrides[1].pi, t.overrides[1].iteration, t.overrides[1].amount), (6, Some(2), f("0")));
    assert_eq!(p.team("berichten").unwrap().fixed, Some(f("40")));

    let e = p.epic("stelsel").unwrap();
    assert_eq!(
        e.commit.as_ref().map(|c| (c.period, c.hard)),
        Some((Period::Quarter { year: 2025, quarter: 2 }, false))
    );
    assert_eq!(e.owner.as_deref(), Some("DG Digitalisering"));

    let digid = p.item("digid-api").unwrap();
    let effort = digid.effort.as_ref().unwrap().value;
    assert_eq!((effort.low, effort.mode, effort.high, effort.likely()), (f("60"), None, f("90"), f("75")));
    assert_eq!(digid.max.as_ref().map(|m| m.value), Some(Max::People(f("3"))));
    assert_eq!(digid.not_before.as_ref().map(|n| n.value), Some(Period::Date { date: d(2024, 3, 1) }));
    assert_eq!(digid.epic.as_ref().map(|e| e.id.as_str()), Some("stelsel"));

    let fbs = p.item("fbs-core").unwrap();
    let pi2 = Period::Pi { pi: 2, iteration: None };
    assert_eq!(fbs.placed.as_ref().map(|x| x.value), Some((pi2, pi2)));

    let eh = p.item("eherkenning").unwrap();
    assert_eq!(eh.after.len(), 2);
    assert_eq!((eh.after[0].item.id.as_str(), eh.after[0].lag), ("digid-api", None));
    assert_eq!((eh.after[1].item.id.as_str(), eh.after[1].lag), ("fbs-core", Some(Length::Iterations(1))));
    assert_eq!(eh.commit.as_ref().map(|c| (c.period, c.hard)), Some((Period::Pi { pi: 4, iteration: None }, true)));
    assert_eq!(eh.wsjf.map(|w| (w.value, w.urgency, w.risk)), Some((f("8"), f("5"), f("3"))));
    // WSJF = (8 + 5 + 3) / 120
    assert_eq!(eh.wsjf_score(), Some(f("0.133")));

    let ov = p.item("overheid-nl").unwrap();
    assert_eq!(ov.target.as_ref().map(|t| t.value), Some(Period::Pi { pi: 5, iteration: None }));
    assert_eq!(ov.priority, Some(1));
    assert_eq!(ov.note.as_deref(), Some("politieke wens, kort op de bal"));
    assert_eq!(ov.effort.as_ref().map(|e| e.value.likely()), Some(f("40")));
}

#[test]
fn calendar_of_the_reference() {
    let c = load("gdi-2024.plan");
    let cal = c.calendar.as_ref().unwrap();
    // 2024-01-08 + 18 months − 1 day; 547 days hold 39 whole 14-day iterations.
    assert_eq!((cal.last_day, cal.len(), cal.pi_count()), (d(2025, 7, 7), 39, 8));
    let ip: Vec<String> = cal.iterations.iter().filter(|i| i.ip).map(|i| i.label()).collect();
    assert_eq!(ip, ["PI1.5", "PI2.5", "PI3.5", "PI4.5", "PI5.5", "PI6.5", "PI7.5"]);
    // `not before 2024-03-01` binds to the first iteration starting on or after it.
    assert_eq!(
        cal.earliest(&Period::Date { date: d(2024, 3, 1) }).map(|i| cal.iterations[i].label()),
        Ok("PI1.5".into())
    );
    // `commit 2025-Q2` binds to the last iteration ending by 2025-06-30.
    let q2 = cal.deadline(&Period::Quarter { year: 2025, quarter: 2 }).unwrap();
    assert_eq!((cal.iterations[q2].label(), cal.iterations[q2].end), ("PI8.3".into(), d(2025, 6, 22)));
    let pi4 = cal.deadline(&Period::Pi { pi: 4, iteration: None }).unwrap();
    assert_eq!(cal.iterations[pi4].label(), "PI4.5");
    // The Christmas recess takes every working day of PI6.1.
    let xmas = cal.iterations.iter().find(|i| i.label() == "PI6.1").unwrap();
    assert_eq!((xmas.working_days, xmas.holidays.clone()), (0, vec![("Kerstreces".to_string(), 10)]));
}

#[test]
fn capacity_computed_by_hand() {
    let c = load("gdi-2024.plan");
    // toegang: 12 people × 10 days × focus 70% × (1 − reserve 20%) = 67.2; at load 85%: 57.12.
    assert_eq!(cell(&c, "toegang", "PI1.1"), (f("67.2"), f("57.12")));
    // IP iteration.
    assert_eq!(cell(&c, "toegang", "PI1.5"), (f("0"), f("0")));
    // A hire during its ramp: 2 people hired 2024-04-01 with a 56-day ramp. In PI2.2
    // (2024-04-01..14) their working days are days 0-4 and 7-11 of the ramp: 2 × 55/56
    // person-days. (120 + 110/56) × 0.56 = 68.3.
    assert_eq!(cell(&c, "toegang", "PI2.2").0, f("68.3"));
    // PI2.3: days 14-18 and 21-25: 2 × 195/56; (120 + 390/56) × 0.56 = 71.1.
    assert_eq!(cell(&c, "toegang", "PI2.3").0, f("71.1"));
    // PI override: 150 over PI3's four planned iterations.
    for it in ["PI3.1", "PI3.2", "PI3.3", "PI3.4"] {
        assert_eq!(cell(&c, "toegang", it), (f("37.5"), f("31.875")));
    }
    assert_eq!(cell(&c, "toegang", "PI3.5").0, f("0"));
    // Lending 2 to berichten in PI4..PI5: 12 + 2 hired − 2 lent = 12 people.
    assert_eq!(cell(&c, "toegang", "PI4.1").0, f("67.2"));
    // A leaver from 2024-09-01 (a Sunday): 11 people from PI4.3 on.
    assert_eq!(cell(&c, "toegang", "PI4.2").0, f("67.2"));
    assert_eq!(cell(&c, "toegang", "PI4.3").0, f("61.6"));
    // A holiday iteration: no working days.
    assert_eq!(cell(&c, "toegang", "PI6.1").0, f("0"));
    // An iteration override.
    assert_eq!(cell(&c, "toegang", "PI6.2").0, f("0"));
    // After the loan: 13 people.
    assert_eq!(cell(&c, "toegang", "PI6.3").0, f("72.8"));
    // berichten: a fixed 40, plus the lent people's capacity 2 × 10 × 0.7 × 0.8 in PI4..PI5.
    assert_eq!(cell(&c, "berichten", "PI1.1"), (f("40"), f("34")));
    assert_eq!(cell(&c, "berichten", "PI4.1").0, f("51.2"));
    assert_eq!(cell(&c, "berichten", "PI6.1").0, f("51.2") - f("11.2"));
    // Per PI: PI1 of toegang is four planned iterations of 67.2.
    let cal = c.calendar.as_ref().unwrap();
    let tc = c.capacity.as_ref().unwrap().team("toegang").unwrap();
    assert_eq!(tc.pi_total(cal, 1), (f("268.8"), f("228.48")));
    assert_eq!(tc.pi_total(cal, 3), (f("150"), f("127.5")));
}

#[test]
fn points_with_and_without_velocity() {
    let c = load("release-train.plan");
    // rijbewijs, normalised: 6 people × 10 days × 0.8 points × focus 80% = 38.4; load 90%.
    assert_eq!(cell(&c, "rijbewijs", "PI1.1"), (f("38.4"), f("34.56")));
    // Koningsdag (2025-04-28) takes one working day of PI2.3: 6 × 9 × 0.8 × 0.8.
    assert_eq!(cell(&c, "rijbewijs", "PI2.3").0, f("34.56"));
    // paspoort, velocity 42 at 7 people over 10 days: 0.6 points per person-day.
    assert_eq!(cell(&c, "paspoort", "PI1.1").0, f("42"));
    // One hire on 2025-03-03 with a 42-day ramp: days 0-4 and 7-11 give 55/42 person-days.
    // (70 + 55/42) × 0.6 = 42.786 (rounded to a thousandth).
    assert_eq!(cell(&c, "paspoort", "PI1.5").0, f("42.786"));
    // 8 people over the 9 working days of PI2.3.
    assert_eq!(cell(&c, "paspoort", "PI2.3").0, f("43.2"));
    // 12-week PIs: six iterations, the sixth IP.
    let cal = c.calendar.as_ref().unwrap();
    assert_eq!(cal.per_pi, 6);
    assert!(cal.iterations[5].ip && !cal.iterations[4].ip);
}

#[test]
fn max_people_cap_in_days_and_points() {
    let c = load("gdi-2024.plan");
    let cal = c.calendar.as_ref().unwrap();
    let item = c.plan.item("digid-api").unwrap();
    // 3 people × 10 working days × focus 70%.
    let cap = haalbaar::capacity::item_cap(&c.plan, cal, item, &cal.iterations[0]);
    assert_eq!(cap, Some(f("21")));
    let rt = load("release-train.plan");
    let cal = rt.calendar.as_ref().unwrap();
    let item = rt.plan.item("identiteit-check").unwrap();
    // 3 people × 10 days × 0.8 points × focus 80%.
    assert_eq!(haalbaar::capacity::item_cap(&rt.plan, cal, item, &cal.iterations[0]), Some(f("19.2")));
}

#[test]
fn plan_round_trips_through_json() {
    let c = load("gdi-2024.plan");
    let json = serde_json::to_string(&c.plan).unwrap();
    let back: Plan = serde_json::from_str(&json).unwrap();
    assert_eq!(back, c.plan);
    assert_eq!(haalbaar::check_plan(back).diagnostics, vec![]);
}

#[test]
fn a_plan_built_in_code_equals_the_same_plan_written() {
    use haalbaar::PlanBuilder;
    let written = haalbaar::check(
        "plan \"P\" {\n  start 2025-01-06\n  horizon 12 months\n  load 90%\n}\n\
         team api {\n  people 5\n  focus 80%\n  hire 1 on 2025-03-03 ramp 4 weeks\n}\n\
         item login {\n  team api\n  effort 20..30\n  commit PI2\n}\n\
         item logout {\n  team api\n  effort 10\n  after login + 1 iteration\n}\n",
    );
    assert!(written.diagnostics.is_empty());
    let built = PlanBuilder::new("P", d(2025, 1, 6))
        .horizon_months(12)
        .load(f("90"))
        .team(Team::new("api").people(f("5")).focus(f("80")).hire(f("1"), d(2025, 3, 3), 28))
        .item(
            Item::new("login")
                .team("api")
                .effort_range(f("20"), None, f("30"))
                .commit(Period::Pi { pi: 2, iteration: None }, false),
        )
        .item(Item::new("logout").team("api").effort(f("10")).after("login", Some(Length::Iterations(1))))
        .check();
    assert_eq!(built.plan, written.plan);
    assert_eq!(built.capacity, written.capacity);
}
