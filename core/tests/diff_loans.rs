//! A change to a lending team's capacity reaches the team it lends to: `diff` names it as a
//! capacity cause of the borrower's commitments that moved.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use haalbaar::report::diff::{CauseKind, diff};

const PLAN: &str = "plan {
  start 2025-01-06
  horizon 6 months
}
team portaal {
  people 4
  focus 70%
  lend 2 to ops PI1
}
team ops {
  capacity 10 per iteration
}
item deploy {
  team ops
  effort 90
  commit PI1
}
";

#[test]
fn a_lenders_focus_is_a_capacity_cause_of_the_borrowers_commitment() {
    // To a team with a fixed capacity, two people are lent at the lender's focus: a lower
    // focus lends less (90 of work in PI1 fits in 4 × (10 + 14), not in 4 × (10 + 6)).
    let new = PLAN.replace("focus 70%", "focus 30%");
    let d = diff(PLAN, &new, &haalbaar::Options::default());
    let deploy = d.commitments.iter().find(|c| c.item == "deploy").unwrap();
    assert!(deploy.changed, "{deploy:?}");
    let cause = deploy.causes.iter().find(|c| c.line == Some(7)).unwrap_or_else(|| panic!("{:?}", deploy.causes));
    assert_eq!(cause.kind, CauseKind::Capacity);
}
