//! Builds a plan from backlog rows (a Jira-style CSV export), checks it, maps every finding
//! back to its row through the diagnostic's subject, and writes the plan as plan text.
//!
//! Ids the language does not accept (`GDI-101`) are turned into ids it does
//! (`haalbaar::model::suggest_id`), and the row keeps its key. Estimates (`40..60`) and due
//! periods (`PI2`) are read as the language writes them (`str::parse`).
//!
//! Run with: `cargo run -p haalbaar --example from_csv -- examples/data/backlog.csv`

use std::collections::HashMap;

use haalbaar::model::{Effort, Item, Period, Team, suggest_id};
use haalbaar::{Fixed, NaiveDate, PlanBuilder, Subject};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| "examples/data/backlog.csv".into());
    let csv = std::fs::read_to_string(&path)?;
    let start = NaiveDate::from_ymd_opt(2025, 1, 6).ok_or("a date")?;
    let mut plan = PlanBuilder::new("Backlog", start)
        .horizon_months(12)
        .team(Team::new("platform").people(Fixed::from_int(6)).focus(Fixed::from_int(70)))
        .team(Team::new("portaal").people(Fixed::from_int(3)).focus(Fixed::from_int(80)));
    // The plan's id of each row's key, and the row (line of the file) of each id.
    let mut ids = HashMap::new();
    let mut rows = HashMap::new();
    for (n, line) in csv.lines().enumerate().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let [key, summary, team, estimate, depends_on, due] = f[..] else {
            return Err(format!("{path}:{}: expected 6 fields", n + 1).into());
        };
        let id = suggest_id(key);
        ids.insert(key.to_string(), id.clone());
        rows.insert(id.clone(), (n + 1, key.to_string()));
        let mut item = Item::new(id.as_str()).title(summary).team(team);
        let effort: Effort = estimate.parse()?;
        item = item.effort_range(effort.low, effort.mode, effort.high);
        if let Some(d) = ids.get(depends_on) {
            item = item.after(d, None);
        }
        if !due.is_empty() {
            item = item.commit(due.parse::<Period>()?, false);
        }
        plan = plan.item(item);
    }
    let plan = plan.plan();
    let checked = haalbaar::check_plan(plan.clone());
    println!("verdict: {}", checked.verdict());
    for d in &checked.diagnostics {
        let row = match &d.subject {
            Some(Subject::Item(id)) => rows.get(id).map(|(n, key)| format!("{path}:{n} ({key})")),
            Some(other) => Some(other.to_string()),
            None => None,
        };
        println!("{}: {d}", row.unwrap_or_else(|| "the plan".into()));
    }
    println!("\n{}", haalbaar::print(&plan));
    Ok(())
}
