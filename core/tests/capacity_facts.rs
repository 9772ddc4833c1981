//! The capacity facts of a living plan, each against the plan written out by hand: `after
//! EPIC` is `after` each item of the epic, `absent N people FROM .. TO` is a leave on its first
//! day and a return the day after its last, a team's own `holiday` is a plan holiday for that
//! team alone, and a vacancy's `ramp` is the ramp of the hire that fills it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

fn answers(text: &str) -> Vec<(String, haalbaar::Status, Option<String>)> {
    let c = haalbaar::check(text);
    let errors: Vec<_> = c
        .diagnostics
        .iter()
        .filter(|d| d.severity == haalbaar::Severity::Error && !d.code.as_str().starts_with("E06"))
        .collect();
    assert!(errors.is_empty(), "{errors:?}\n{text}");
    let f = c.feasibility.as_ref().expect("decided");
    let (cal, cap) = (c.calendar.as_ref().unwrap(), c.capacity.as_ref().unwrap());
    haalbaar::report::verify::verify(&c.plan, cal, cap, f).unwrap();
    f.commitments.iter().map(|x| (x.item.clone(), x.status, x.finish.clone())).collect()
}

fn capacities(text: &str) -> Vec<Vec<haalbaar::Fixed>> {
    let c = haalbaar::check(text);
    c.capacity.unwrap().teams.iter().map(|t| t.iterations.iter().map(|i| i.capacity).collect()).collect()
}

const PLAN: &str = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\n";

#[test]
fn after_an_epic_is_after_each_of_its_items() {
    let items = "team api {\n  capacity 10 per iteration\n}\nepic basis {\n}\n\
                 item a {\n  team api\n  epic basis\n  effort 20\n}\nitem b {\n  team api\n  epic basis\n  effort 10\n}\n";
    for (lag, written) in [("", ""), (" + 1 iteration", " + 1 iteration")] {
        let epic = format!("{PLAN}{items}item c {{\n  team api\n  effort 10\n  after basis{lag}\n  commit PI1.4\n}}\n");
        let each = format!(
            "{PLAN}{items}item c {{\n  team api\n  effort 10\n  after a{written}\n  after b{written}\n  commit PI1.4\n}}\n"
        );
        assert_eq!(answers(&epic), answers(&each), "{epic}");
        // The model keeps what was written: printed back as one line.
        let printed = haalbaar::print(&haalbaar::check(&epic).plan);
        assert!(printed.contains(&format!("\n  after basis{lag}\n")), "{printed}");
        assert_eq!(printed.matches("after").count(), 1, "{printed}");
    }
    // An item of the epic that waits for the epic waits for itself.
    let own = format!("{PLAN}{items}item d {{\n  team api\n  epic basis\n  effort 5\n  after basis\n}}\n");
    let c = haalbaar::check(&own);
    let d = c.diagnostics.iter().find(|d| d.code == haalbaar::Code::E0205).expect("a cycle");
    assert!(d.help.as_deref().unwrap().contains("`d` is an item of epic `basis`"), "{:?}", d.help);
}

#[test]
fn an_absence_is_a_leave_and_a_return() {
    let absent = format!("{PLAN}team api {{\n  people 4\n  absent 2 people 2025-01-15 .. 2025-02-12\n}}\n");
    let by_hand = format!("{PLAN}team api {{\n  people 4\n  leave 2 on 2025-01-15\n  hire 2 on 2025-02-13\n}}\n");
    assert_eq!(capacities(&absent), capacities(&by_hand));
    // One day: `absent 1 person DATE`.
    let day = format!("{PLAN}team api {{\n  people 4\n  absent 1 person 2025-01-08\n}}\n");
    assert_eq!(capacities(&day)[0][0], haalbaar::Fixed::from_int(39));
    // A fixed capacity has no people to take away.
    let fixed = format!("{PLAN}team api {{\n  capacity 20 per iteration\n  absent 1 person 2025-01-08\n}}\n");
    assert!(haalbaar::check(&fixed).diagnostics.iter().any(|d| d.code == haalbaar::Code::E0413));
}

#[test]
fn a_team_holiday_is_a_holiday_for_that_team_alone() {
    let team = |extra: &str| {
        format!(
            "team api {{\n  people 3\n  focus 80%\n  hire 1 on 2025-01-20 ramp 2 weeks\n{extra}}}\nteam web {{\n  people 2\n}}\n"
        )
    };
    let own = format!("{PLAN}{}", team("  holiday \"Zomer\" 2025-01-13 .. 2025-01-24\n"));
    let global = PLAN.replace("}\n", "  holiday \"Zomer\" 2025-01-13 .. 2025-01-24\n}\n");
    let global = format!("{global}{}", team(""));
    let without = format!("{PLAN}{}", team(""));
    assert_eq!(capacities(&own)[0], capacities(&global)[0], "the team's capacity as with a plan holiday");
    assert_eq!(capacities(&own)[1], capacities(&without)[1], "the other team works as before");
    // A fixed capacity shrinks with the working days: 5 of PI1.1's 10 off leaves half.
    let fixed =
        format!("{PLAN}team ops {{\n  capacity 20 per iteration\n  holiday \"Hei\" 2025-01-06 .. 2025-01-10\n}}\n");
    assert_eq!(capacities(&fixed)[0][..2], [haalbaar::Fixed::from_int(10), haalbaar::Fixed::from_int(20)]);
}

#[test]
fn a_filled_vacancy_ramps_up_as_its_hire_would() {
    let vacancy = format!("{PLAN}team api {{\n  people 2\n  vacancy 2 on 2025-02-03 chance 50% ramp 4 weeks\n}}\n");
    let hire = format!("{PLAN}team api {{\n  people 2\n  hire 2 on 2025-02-03 ramp 4 weeks\n}}\n");
    let filled = haalbaar::check_with(
        &vacancy,
        &haalbaar::Options::default().assume(haalbaar::Assume::default().vacancies_filled(true)),
    );
    let by_hand = haalbaar::check(&hire);
    assert_eq!(filled.capacity, by_hand.capacity);
    // Printed back with its ramp.
    assert!(
        haalbaar::print(&haalbaar::check(&vacancy).plan).contains("vacancy 2 on 2025-02-03 chance 50% ramp 28 days")
    );
    // A scenario that fills the vacancies gives the same.
    let scenario = format!("{vacancy}scenario vol {{\n  team api vacancies filled\n}}\n");
    let filled = haalbaar::check_with(&scenario, &haalbaar::Options::default().scenario("vol"));
    assert_eq!(filled.capacity, by_hand.capacity);
}

#[test]
fn an_item_after_a_milestone_starts_in_the_first_iteration_on_or_after_its_day() {
    let plan =
        "plan {\n  start 2025-01-06\n  end 2025-03-30\n  increment 3 weeks\n  iteration 1 week\n  innovation 0\n}\n";
    let team = "team api {\n  capacity 10 per iteration\n}\n";
    // 2025-01-22 is a Wednesday of PI1.3: the first iteration starting on or after it is PI2.1.
    let milestone = format!(
        "{plan}milestone wet \"Wet\" 2025-01-22 chance 70%\n{team}item a {{\n  team api\n  effort 10\n  after wet\n  commit PI3.1\n}}\n"
    );
    let by_hand = format!("{plan}{team}item a {{\n  team api\n  effort 10\n  not before PI2.1\n  commit PI3.1\n}}\n");
    assert_eq!(answers(&milestone), answers(&by_hand));
    assert_eq!(answers(&milestone)[0].2.as_deref(), Some("PI2.1"));
    // With a lag, and on a Monday (that iteration itself).
    let monday = milestone.replace("2025-01-22", "2025-01-27").replace("after wet\n", "after wet + 1 iteration\n");
    assert_eq!(answers(&monday)[0].2.as_deref(), Some("PI2.2"));
    // Printed back as written; a typo in a name gets the milestone as its did-you-mean.
    let printed = haalbaar::print(&haalbaar::check(&milestone).plan);
    assert!(
        printed.contains("\nmilestone wet \"Wet\" 2025-01-22 chance 70%\n") && printed.contains("\n  after wet\n"),
        "{printed}"
    );
    let typo = milestone.replace("after wet\n", "after wett\n");
    let d = haalbaar::check(&typo).diagnostics.into_iter().find(|d| d.code == haalbaar::Code::E0202).expect("unknown");
    assert_eq!(d.help.as_deref(), Some("did you mean `wet`?"));
    // A milestone shares the ids' namespace.
    let twice = milestone.replace("item a {", "item wet {\n  team api\n  effort 1\n}\nitem a {");
    assert!(haalbaar::check(&twice).diagnostics.iter().any(|d| d.code == haalbaar::Code::E0204));
}

#[test]
fn a_broken_milestone_line_says_how_to_write_it() {
    let text = format!(
        "{PLAN}milestone wet \"Wet\" 2025-02-30 chance 70%\nmilestone keten \"Keten\" chance 70%\nteam api {{\n  people 2\n}}\n"
    );
    let c = haalbaar::check(&text);
    // A date that does not exist is its own error; a line without a date is unreadable.
    assert!(c.diagnostics.iter().any(|d| d.code == haalbaar::Code::E0302), "{:?}", c.diagnostics);
    let d = c.diagnostics.iter().find(|d| d.code == haalbaar::Code::E0102).expect("a malformed line");
    assert!(d.help.as_deref().unwrap_or_default().starts_with("write it as: milestone wetgeving"), "{d:?}");
    // The rest of the file is still read.
    assert_eq!(c.plan.teams.len(), 1);
}
