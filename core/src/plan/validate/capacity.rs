//! Capacity and headcount: teams whose capacity goes below zero, lending and leavers that
//! take more people than a team has, and the warnings on capacity before the feasibility
//! check (a team without capacity, an item larger than a PI).

use super::*;
/// Iterations a `capacity ... -N` takes below zero (E0412), once per adjustment, at the first
/// such iteration.
pub(super) fn below_zero(plan: &Plan, cal: &Calendar, cap: &CapacityTable, out: &mut Vec<Diagnostic>) {
    for (k, team) in plan.teams.iter().enumerate() {
        if team.adjustments.is_empty() {
            continue;
        }
        let Some(tc) = cap.team_at(k, &team.id) else { continue };
        for a in team.adjustments.iter().filter(|a| a.delta.is_negative()) {
            let hit = tc.iterations.iter().enumerate().find(|(i, cell)| {
                let it = &cal.iterations[*i];
                it.pi == a.pi && a.iteration.is_none_or(|n| it.number == n) && cell.capacity.is_negative()
            });
            if let Some((i, cell)) = hit {
                out.push(
                    Diagnostic::new(
                        Code::E0412,
                        format!(
                            "this takes team `{}` below zero in {}: {} is left",
                            team.id,
                            cal.iterations[i].label(),
                            cell.capacity
                        ),
                        a.loc.0,
                    )
                    .with_label("more than the iteration has")
                    .with_help(format!(
                        "take less, or set the iteration's figure with `capacity {} N`",
                        cal.iterations[i].label()
                    )),
                );
            }
        }
    }
}

pub(super) fn teams(
    plan: &Plan,
    cal: Option<&Calendar>,
    by_team: &ByTeam<'_>,
    incomplete: &BTreeSet<String>,
    out: &mut Vec<Diagnostic>,
) {
    for team in &plan.teams {
        if team.fixed.is_some() && (team.people.is_some() || team.velocity.is_some()) {
            out.push(
                Diagnostic::new(
                    Code::E0408,
                    format!("team `{}` gives both a fixed capacity and people or velocity", team.id),
                    team.loc.0,
                )
                .with_help("keep `capacity N per iteration`, or `people` (with `velocity` in points), not both"),
            );
        }
        if team.fixed.is_some()
            && let Some(away) = team.absences.first()
        {
            out.push(
                Diagnostic::new(
                    Code::E0413,
                    format!("team `{}` has a fixed capacity, so `absent` has no people to count", team.id),
                    away.loc.0.or(team.loc.0),
                )
                .with_label("no people to count")
                .with_help("give the team's days off as `holiday \"...\" FROM .. TO` (its capacity shrinks with its working days), or lower its capacity in those iterations with `capacity PIx.y -N`"),
            );
        }
        if team.velocity.is_some() && plan.settings.unit == Unit::Days {
            out.push(
                Diagnostic::new(
                    Code::E0409,
                    format!("team `{}` has a velocity but the plan counts in days", team.id),
                    team.loc.0,
                )
                .with_help("add `unit points` to the plan block, or remove the velocity"),
            );
        }
        for item in by_team.get(team.id.as_str()).into_iter().flatten() {
            if let Some(max) = &item.max
                && matches!(max.value, Max::People(_))
                && !people_cap_has_meaning(plan, team)
            {
                out.push(
                    Diagnostic::new(
                        Code::E0406,
                        format!(
                            "`max N people` has no meaning for team `{}`, whose capacity is not counted in people",
                            team.id
                        ),
                        max.loc.0,
                    )
                    .with_label("a cap in people")
                    .with_help("cap the item in the plan's unit instead, such as: max 16 per iteration"),
                );
            }
        }
        // A block whose `people` line could not be read (`peeple 12`) has one finding, that
        // line's: its loans and leavers are not also weighed against no people.
        let unread_people = team.people.is_none() && team.fixed.is_none() && incomplete.contains(&team.id);
        if let Some(cal) = cal.filter(|_| !unread_people) {
            headcount_checks(cal, team, out);
        }
    }
}

/// Whole people present on `day` (hires counted whole from their first day).
fn people_on(team: &Team, day: NaiveDate) -> Fixed {
    let mut h = team.people.unwrap_or(Fixed::ZERO);
    for c in team.hires.iter().filter(|c| c.date <= day) {
        h += c.count;
    }
    for c in team.leaves.iter().filter(|c| c.date <= day) {
        h -= c.count;
    }
    h
}

fn headcount_checks(cal: &Calendar, team: &Team, out: &mut Vec<Diagnostic>) {
    // Leavers below zero.
    let mut days: Vec<NaiveDate> = team.leaves.iter().map(|l| l.date).collect();
    days.sort();
    if let Some((leave, left)) = days.iter().find_map(|d| {
        let h = people_on(team, *d);
        h.is_negative().then(|| (team.leaves.iter().find(|l| l.date == *d), h))
    }) {
        out.push(
            Diagnostic::new(
                Code::E0410,
                format!("team `{}` would have {left} people after its leavers", team.id),
                leave.and_then(|l| l.loc.0),
            )
            .with_help("check the headcount (`people`) and the number who leave"),
        );
    }
    // Loans larger than the team.
    for lend in &team.lends {
        if lend.to.id == team.id {
            continue;
        }
        let Ok(range) = cal.range(&lend.from, &lend.until) else {
            continue;
        };
        for i in range {
            let it = &cal.iterations[i];
            let lent: Fixed = team
                .lends
                .iter()
                .filter(|l| l.to.id != team.id && cal.range(&l.from, &l.until).is_ok_and(|r| r.contains(&i)))
                .map(|l| l.count)
                .sum();
            let has = people_on(team, it.start);
            if lent > has {
                let why = if team.fixed.is_some() || team.people.is_none() {
                    format!("team `{}` has no people to lend: its capacity is not counted in people", team.id)
                } else {
                    format!("team `{}` lends {lent} people in {} but has {has}", team.id, it.label())
                };
                out.push(
                    Diagnostic::new(Code::E0404, why, lend.loc.0)
                        .with_label("lent here")
                        .with_help("lend fewer people, or check the headcount, hires and leavers"),
                );
                break;
            }
        }
    }
}

pub(super) fn capacity_warnings(
    plan: &Plan,
    cal: &Calendar,
    cap: &CapacityTable,
    incomplete: &BTreeSet<String>,
    by_team: &ByTeam<'_>,
    out: &mut Vec<Diagnostic>,
) {
    for (i, team) in plan.teams.iter().enumerate().filter(|(_, t)| !incomplete.contains(&t.id)) {
        let Some(tc) = cap.team_at(i, &team.id) else {
            continue;
        };
        if tc.total_plannable() == Fixed::ZERO {
            out.push(
                Diagnostic::new(
                    Code::W0501,
                    format!("team `{}` has no capacity in any iteration of the horizon", team.id),
                    team.loc.0,
                )
                .with_help("add `people` (with focus and reserve), or `capacity N per iteration`"),
            );
            continue;
        }
        let best_pi = (1..=cal.pi_count())
            .map(|pi| {
                let own = tc.pi_total(cal, pi).1;
                (own, pi)
            })
            .max_by_key(|(c, pi)| (*c, std::cmp::Reverse(*pi)));
        let Some((best, best_at)) = best_pi else {
            continue;
        };
        // The most an item can do in one PI, given its caps per iteration.
        let most_in_a_pi = |caps: &[Option<Fixed>]| {
            (1..=cal.pi_count())
                .map(|pi| {
                    cal.pi_iterations(pi)
                        .map(|i| {
                            let c = tc.iterations[i].plannable;
                            caps.get(i).copied().flatten().map_or(c, |m| m.min(c))
                        })
                        .sum::<Fixed>()
                })
                .max()
                .unwrap_or(Fixed::ZERO)
        };
        // Worked out once for the team's items without a cap.
        let uncapped = most_in_a_pi(&[]);
        for item in by_team.get(team.id.as_str()).into_iter().flatten() {
            let Some(effort) = &item.effort else { continue };
            let likely = effort.value.likely();
            // With a cap, an item can do no more in a PI than its caps allow.
            let capped = if item.max.is_some() { most_in_a_pi(&item_caps(plan, cal, item, team)) } else { uncapped };
            if likely > best || likely > capped {
                let why = if likely > best {
                    format!("team `{}` can do at most {best} in one PI (PI{best_at})", team.id)
                } else {
                    format!("its `max` allows at most {capped} in one PI")
                };
                out.push(
                    Diagnostic::new(
                        Code::W0502,
                        format!("item `{}` ({likely} likely) does not fit in a single PI", item.id),
                        effort.loc.0.or(item.loc.0),
                    )
                    .with_label(why)
                    .with_help("split it into smaller items linked with `after`, grouped in an epic"),
                );
            }
        }
    }
}

/// Items per team id, in file order: built once so per-team checks stay linear.
pub(super) type ByTeam<'a> = HashMap<&'a str, Vec<&'a Item>>;

pub(super) fn by_team(plan: &Plan) -> ByTeam<'_> {
    let mut map: ByTeam<'_> = HashMap::new();
    for item in &plan.items {
        if let Some(t) = &item.team {
            map.entry(t.id.as_str()).or_default().push(item);
        }
    }
    map
}
