//! Builds a plan in code, without the plan language, and prints each team's capacity per PI.
//!
//! Run with: `cargo run -p haalbaar --example build_in_code`

use haalbaar::model::{Item, Period, Team};
use haalbaar::{Fixed, NaiveDate, PlanBuilder};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn main() {
    let checked = PlanBuilder::new("Portfolio built in code", day(2025, 1, 6))
        .horizon_months(12)
        .holiday("Kerst", day(2025, 12, 22), day(2025, 12, 31))
        .load(Fixed::from_int(85))
        .team(
            Team::new("platform")
                .people(Fixed::from_int(8))
                .focus(Fixed::from_int(75))
                .reserve(Fixed::from_int(20))
                .hire(Fixed::from_int(2), day(2025, 4, 1), 56)
                .leave(Fixed::from_int(1), day(2025, 9, 1)),
        )
        .team(Team::new("portaal").fixed_capacity(Fixed::from_int(35)))
        .item(
            Item::new("api-gateway")
                .team("platform")
                .effort(Fixed::from_int(90))
                .commit(Period::Pi { pi: 2, iteration: None }, false),
        )
        .item(Item::new("self-service").team("portaal").effort(Fixed::from_int(60)).after("api-gateway", None))
        .check();

    for d in &checked.diagnostics {
        println!("{}[{}]: {}", d.severity.as_str(), d.code, d.message);
    }
    let (Some(cal), Some(table)) = (&checked.calendar, &checked.capacity) else {
        println!("the plan has no valid calendar");
        return;
    };
    println!("{:<10} {:>4} {:>10} {:>12}", "team", "PI", "capacity", "plannable");
    for team in &table.teams {
        for pi in 1..=cal.pi_count() {
            let (capacity, plannable) = team.pi_total(cal, pi);
            println!(
                "{:<10} {:>4} {:>10} {:>12}",
                team.team,
                format!("PI{pi}"),
                capacity.to_string(),
                plannable.to_string()
            );
        }
    }
}
