//! Why a commitment is not met, in the plan's words: the solver's evidence (a chain too long,
//! a team short of capacity over a span of iterations) turned into a [`Reason`] with items,
//! teams and iterations named, and the small helpers the report uses to name iterations.

use chrono::NaiveDate;

use crate::calendar::Calendar;
use crate::feasibility::{ChainStep, Reason, Share};
use crate::fixed::Fixed;
use crate::solve::evidence::Evidence;
use crate::solve::problem::Problem;

pub(crate) fn label(cal: &Calendar, t: usize) -> String {
    cal.iterations.get(t).map_or_else(|| format!("#{t}"), |i| i.label())
}

pub(crate) fn ends(cal: &Calendar, t: usize) -> NaiveDate {
    cal.iterations.get(t).map_or(cal.last_day, |i| i.end)
}

pub(crate) fn fx(m: i64) -> Fixed {
    Fixed::from_millis(m)
}

pub(crate) fn ticks(ids: &[String]) -> String {
    ids.iter().map(|x| format!("`{x}`")).collect::<Vec<_>>().join(", ")
}

fn names(p: &Problem, jobs: impl IntoIterator<Item = usize>) -> String {
    jobs.into_iter().map(|j| format!("`{}`", p.id(j))).collect::<Vec<_>>().join(" → ")
}

pub(crate) fn reason(p: &Problem, cal: &Calendar, e: &Evidence, unit: &str) -> Reason {
    match e {
        Evidence::Chain { links, limit } => {
            let last = links.last();
            let finish = last.and_then(|l| l.earliest_finish);
            let text = match (links.len(), finish) {
                (1, Some(f)) => format!(
                    "`{}` needs until {} at the earliest but must be done by {}",
                    p.id(links[0].job),
                    label(cal, f),
                    label(cal, *limit)
                ),
                (1, None) => format!("`{}` cannot get all its effort within the horizon", p.id(links[0].job)),
                (_, Some(f)) => format!(
                    "the chain {} needs until {} at the earliest but must be done by {}",
                    names(p, links.iter().map(|l| l.job)),
                    label(cal, f),
                    label(cal, *limit)
                ),
                (_, None) => {
                    format!("the chain {} cannot be done within the horizon", names(p, links.iter().map(|l| l.job)))
                }
            };
            Reason::Chain {
                text,
                chain: links
                    .iter()
                    .map(|l| ChainStep {
                        item: p.id(l.job).to_string(),
                        effort: fx(p.jobs[l.job].effort),
                        earliest_start: label(cal, l.earliest_start),
                        earliest_finish: l.earliest_finish.map(|f| label(cal, f)),
                        lag_after: l.lag_after,
                    })
                    .collect(),
                limit: label(cal, *limit),
            }
        }
        Evidence::Window { team, from, to, shares, required, capacity } => {
            let span =
                if from == to { label(cal, *from) } else { format!("{}–{}", label(cal, *from), label(cal, *to)) };
            Reason::Capacity {
                text: format!(
                    "team `{}` is {} {unit} short in {span}: {} must be done there, against {} capacity",
                    p.teams[*team],
                    fx(required - capacity),
                    fx(*required),
                    fx(*capacity)
                ),
                team: p.teams[*team].clone(),
                from: label(cal, *from),
                to: label(cal, *to),
                items: shares
                    .iter()
                    .map(|s| Share {
                        item: p.id(s.job).to_string(),
                        must: fx(s.must),
                        earliest_start: label(cal, s.earliest_start),
                        latest_finish: label(cal, s.latest_finish),
                    })
                    .collect(),
                required: fx(*required),
                capacity: fx(*capacity),
                shortfall: fx(required - capacity),
            }
        }
        Evidence::Search { nodes } => Reason::Search {
            text: format!("no schedule fits: proved by exhaustive search ({nodes} steps)"),
            steps: *nodes,
        },
        Evidence::Passed { deadline, status, finished } => {
            let as_of = cal.status.map_or(cal.start, |s| s.date);
            let _ = status;
            let text = match finished {
                Some(f) => format!(
                    "its deadline has passed: it was due by {} (ending {}) and its last item was finished in {}",
                    label(cal, *deadline),
                    ends(cal, *deadline),
                    label(cal, *f)
                ),
                None => format!(
                    "its deadline has passed: it was due by {} (ending {}) and as of {as_of} work is left",
                    label(cal, *deadline),
                    ends(cal, *deadline)
                ),
            };
            Reason::Passed { text, deadline: label(cal, *deadline), as_of, finished: finished.map(|f| label(cal, f)) }
        }
    }
}
