//! The program board as data: teams × PIs and iterations, the items where the schedule puts
//! them, capacity against load per iteration, and the chains of missed commitments. One
//! structure for every picture of a plan (terminal board, HTML report, browser widget), so
//! each renderer only draws.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::feasibility::{Feasibility, PlanVerdict, Reason, Work};
use crate::fixed::Fixed;
use crate::model::{Loc, Unit};
use crate::report::{CalendarRow, calendar_rows};
use crate::solve::rank::Status;
use crate::source::SourceMap;
use crate::{Calendar, CapacityTable, Checked, Plan};

/// The board of one checked plan.
///
/// ```
/// use haalbaar::report::board::Board;
///
/// let source = r#"
/// plan "Demo" {
///   start 2025-01-06
///   horizon 6 months
/// }
/// team api {
///   people 4
///   focus 75%
/// }
/// item login {
///   team api
///   effort 30..50
///   commit PI2
/// }
/// "#;
/// let board = Board::of(&haalbaar::check(source), source).expect("a plan without errors");
/// assert_eq!(board.title.as_deref(), Some("Demo"));
/// assert_eq!(board.verdict, haalbaar::PlanVerdict::Feasible);
/// assert_eq!((board.met, board.commitments), (1, 1));
/// assert_eq!((board.pis.len(), board.iterations.len()), (3, 12));
/// assert_eq!((board.teams[0].team.as_str(), board.items[0].item.as_str()), ("api", "login"));
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Board {
    /// The plan's title.
    pub title: Option<String>,
    /// The plan's unit.
    pub unit: Unit,
    /// The plan's verdict.
    pub verdict: PlanVerdict,
    /// Commitments met, of all commitments.
    pub met: usize,
    /// Commitments in all.
    pub commitments: usize,
    /// The PIs of the horizon.
    pub pis: Vec<BoardPi>,
    /// The calendar's iterations, as `haalbaar calendar --format json` lists them.
    pub iterations: Vec<CalendarRow>,
    /// One row per team, in plan order.
    pub teams: Vec<BoardTeam>,
    /// Every item, in file order.
    pub items: Vec<BoardItem>,
    /// The plan's status date (`as of`), when it has one: the iterations before it are history.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<chrono::NaiveDate>,
}

/// A PI as the board shows it.
///
/// ```
/// use haalbaar::NaiveDate;
///
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  commit PI2\n}\n";
/// let board = haalbaar::report::board::Board::of(&haalbaar::check(source), source).expect("a board");
/// let pi1 = &board.pis[0];
/// assert_eq!((pi1.pi, pi1.label.as_str(), pi1.first, pi1.last), (1, "PI1", 0, 4));
/// assert_eq!(pi1.start, NaiveDate::from_ymd_opt(2025, 1, 6).expect("a date"));
/// assert_eq!(pi1.end, NaiveDate::from_ymd_opt(2025, 3, 16).expect("a date"));
/// // The horizon cuts PI3 after two iterations.
/// assert_eq!((board.pis[2].first, board.pis[2].last), (10, 11));
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BoardPi {
    /// Its number.
    pub pi: u32,
    /// `PI3`.
    pub label: String,
    /// Its first day.
    pub start: chrono::NaiveDate,
    /// Its last day (in the horizon).
    pub end: chrono::NaiveDate,
    /// Positions (0-based) of its iterations in `iterations`.
    pub first: usize,
    /// Position of its last iteration in `iterations`.
    pub last: usize,
}

/// A team's row of the board.
///
/// ```
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api \"API\" {\n  people 4\n}\n";
/// let board = haalbaar::report::board::Board::of(&haalbaar::check(source), source).expect("a board");
/// let api = &board.teams[0];
/// assert_eq!((api.team.as_str(), api.title.as_deref()), ("api", Some("API")));
/// assert_eq!((api.iterations.len(), api.pis.len()), (12, 3));
/// assert!(api.events.is_empty());
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BoardTeam {
    /// The team.
    pub team: String,
    /// Its title.
    pub title: Option<String>,
    /// One cell per iteration, in calendar order.
    pub iterations: Vec<BoardCell>,
    /// One per PI: plannable capacity and planned work summed.
    pub pis: Vec<BoardPiLoad>,
    /// Hires, leavers, vacancies and lending, at the iteration they take effect.
    pub events: Vec<BoardEvent>,
}

/// A team in one iteration.
///
/// ```
/// use haalbaar::Fixed;
///
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  commit PI2\n}\n";
/// let board = haalbaar::report::board::Board::of(&haalbaar::check(source), source).expect("a board");
/// let cells = &board.teams[0].iterations;
/// assert_eq!(cells[0].iteration, "PI1.1");
/// assert_eq!((cells[0].capacity, cells[0].plannable), (Fixed::from_int(30), Fixed::from_int(30)));
/// assert!(cells.iter().all(|c| !c.overloaded && c.planned <= c.plannable));
/// // The IP iteration has nothing to plan with: no percentage.
/// assert_eq!(cells[4].percent, None);
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BoardCell {
    /// `PI3.2`.
    pub iteration: String,
    /// What the team can do, before `load`.
    pub capacity: Fixed,
    /// What the check plans with (`capacity × load`).
    pub plannable: Fixed,
    /// Work planned in the schedule.
    pub planned: Fixed,
    /// `planned / plannable` in percent; `None` without plannable capacity.
    pub percent: Option<Fixed>,
    /// More planned than plannable.
    pub overloaded: bool,
}

/// A team's load in one PI.
///
/// ```
/// use haalbaar::Fixed;
///
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  commit PI2\n}\n";
/// let board = haalbaar::report::board::Board::of(&haalbaar::check(source), source).expect("a board");
/// let pis = &board.teams[0].pis;
/// assert_eq!((pis[0].pi, pis[0].plannable), (1, Fixed::from_int(120)));
/// // The likely effort of `30..50`, 40, is planned over the PIs.
/// assert_eq!(pis.iter().map(|p| p.planned).sum::<Fixed>(), Fixed::from_int(40));
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BoardPiLoad {
    /// The PI.
    pub pi: u32,
    /// Plannable capacity.
    pub plannable: Fixed,
    /// Planned work.
    pub planned: Fixed,
    /// Planned over plannable, in percent; `None` without plannable capacity.
    pub percent: Option<Fixed>,
}

/// What changes a team's capacity.
///
/// ```
/// use haalbaar::report::board::EventKind;
///
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  hire 2 on 2025-03-03\n}\nitem login {\n  team api\n  effort 30\n  commit PI2\n}\n";
/// let board = haalbaar::report::board::Board::of(&haalbaar::check(source), source).expect("a board");
/// let event = &board.teams[0].events[0];
/// assert!(matches!(event.kind, EventKind::Hire));
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EventKind {
    /// People join.
    Hire,
    /// People leave.
    Leave,
    /// An open position may be filled.
    Vacancy,
    /// People lent to another team.
    LendOut,
    /// People lent from another team.
    LendIn,
}

/// A change in a team's capacity, at the iteration it takes effect.
///
/// ```
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  hire 2 on 2025-03-03\n}\nitem login {\n  team api\n  effort 30\n  commit PI2\n}\n";
/// let board = haalbaar::report::board::Board::of(&haalbaar::check(source), source).expect("a board");
/// let events = &board.teams[0].events;
/// assert_eq!(events.len(), 1);
/// // 2025-03-03 is the first day of PI1.5.
/// assert_eq!(events[0].iteration, "PI1.5");
/// assert_eq!(events[0].text, "+2 from 2025-03-03");
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BoardEvent {
    /// What it is.
    pub kind: EventKind,
    /// The iteration it takes effect in (the first one, for lending).
    pub iteration: String,
    /// `+2 from 2024-06-01`, `-1.5 to berichten PI4..PI5`.
    pub text: String,
}

/// An item on the board.
///
/// ```
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  commit PI2\n}\n";
/// let board = haalbaar::report::board::Board::of(&haalbaar::check(source), source).expect("a board");
/// let login = &board.items[0];
/// assert_eq!((login.item.as_str(), login.team.as_deref()), ("login", Some("api")));
/// assert_eq!(login.commitment.as_deref(), Some("login"));
/// assert_eq!(login.status, Some(haalbaar::Status::Met));
/// assert!(!login.missed && !login.competing);
/// assert_eq!((login.start.as_deref(), login.first), (Some("PI1.1"), Some(0)));
/// assert!(login.beyond_horizon.is_zero() && login.after.is_empty());
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BoardItem {
    /// The item.
    pub item: String,
    /// Its title.
    pub title: Option<String>,
    /// Its team.
    pub team: Option<String>,
    /// Its epic.
    pub epic: Option<String>,
    /// The commitment that covers it (its own, or its epic's), if any.
    pub commitment: Option<String>,
    /// That commitment's status.
    pub status: Option<Status>,
    /// A commitment that is not met, or on its chain (what it waits for, named by its reason).
    pub missed: bool,
    /// Named in a failed commitment's capacity argument without being its own work: it
    /// competes with that commitment for the team's capacity (its own commitment may be met).
    pub competing: bool,
    /// The first iteration with work.
    pub start: Option<String>,
    /// The last iteration with work.
    pub finish: Option<String>,
    /// Positions (0-based) in `iterations` of the first and last iteration with work.
    pub first: Option<usize>,
    /// Position in `iterations` of the last iteration with work.
    pub last: Option<usize>,
    /// Work per iteration.
    pub work: Vec<Work>,
    /// Work that falls after the horizon.
    pub beyond_horizon: Fixed,
    /// The items it comes after.
    pub after: Vec<String>,
    /// Where the item is written, when it is.
    pub source: Option<SourceSpan>,
}

/// A place in the plan text: byte span, and the 1-based line and columns of its start.
///
/// ```
/// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n  focus 75%\n}\nitem login {\n  team api\n  effort 30..50\n  commit PI2\n}\n";
/// let board = haalbaar::report::board::Board::of(&haalbaar::check(source), source).expect("a board");
/// let at = board.items[0].source.expect("written in the text");
/// // `item login {` is line 9; the item's place is its id.
/// assert_eq!((at.line, at.column, at.column_utf16), (9, 6, 6));
/// assert_eq!(&source[at.start..at.end], "login");
/// ```
#[derive(Debug, Clone, Copy, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SourceSpan {
    /// The first byte.
    pub start: usize,
    /// The byte just past the end.
    pub end: usize,
    /// The line it starts on (from 1).
    pub line: usize,
    /// Its column in characters (from 1).
    pub column: usize,
    /// Its column in UTF-16 code units (from 1).
    pub column_utf16: usize,
}

impl Board {
    /// The board of a checked plan; `None` when it has no schedule (errors in the file).
    ///
    /// ```
    /// use haalbaar::report::board::Board;
    ///
    /// # let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 1\n}\nitem big {\n  team api\n  effort 60\n  commit PI1\n}\n";
    /// let board = Board::of(&haalbaar::check(source), source).expect("a board");
    /// assert_eq!((board.met, board.commitments), (0, 1));
    /// assert!(board.items[0].missed);
    /// assert_eq!(board.items[0].status, Some(haalbaar::Status::Infeasible));
    /// // A file with errors has no schedule to show.
    /// let broken = source.replace("team api\n", "team apj\n");
    /// assert!(Board::of(&haalbaar::check(&broken), &broken).is_none());
    /// ```
    pub fn of(checked: &Checked, source: &str) -> Option<Board> {
        let (Some(cal), Some(cap), Some(f)) = (&checked.calendar, &checked.capacity, &checked.feasibility) else {
            return None;
        };
        Some(board(&checked.plan, cal, cap, f, source))
    }
}

fn percent(planned: Fixed, of: Fixed) -> Option<Fixed> {
    if of.is_positive() { planned.mul_div(100 * 1000, of.millis()) } else { None }
}

fn board(plan: &Plan, cal: &Calendar, cap: &CapacityTable, f: &Feasibility, source: &str) -> Board {
    let map = SourceMap::new(source);
    let labels: Vec<String> = cal.iterations.iter().map(|it| it.label()).collect();
    let position: BTreeMap<&str, usize> = labels.iter().enumerate().map(|(i, l)| (l.as_str(), i)).collect();
    let iterations = calendar_rows(cal);
    let pis = (1..=cal.pi_count())
        .filter_map(|pi| {
            let range = cal.pi_iterations(pi);
            let (first, last) = (range.start, range.end.checked_sub(1)?);
            Some(BoardPi {
                pi,
                label: format!("PI{pi}"),
                start: cal.iterations.get(first)?.start,
                end: cal.iterations.get(last)?.end,
                first,
                last,
            })
        })
        .collect();
    let iteration_of = |date: chrono::NaiveDate| {
        cal.iterations.iter().find(|it| it.start <= date && date <= it.end).map(|it| it.label())
    };
    let mut events: BTreeMap<&str, Vec<BoardEvent>> = BTreeMap::new();
    let mut lent_in: Vec<(&str, BoardEvent)> = Vec::new();
    for team in &plan.teams {
        let list = events.entry(team.id.as_str()).or_default();
        for h in &team.hires {
            if let Some(iteration) = iteration_of(h.date) {
                list.push(BoardEvent {
                    kind: EventKind::Hire,
                    iteration,
                    text: format!("+{} from {}", h.count, h.date),
                });
            }
        }
        for l in &team.leaves {
            if let Some(iteration) = iteration_of(l.date) {
                list.push(BoardEvent {
                    kind: EventKind::Leave,
                    iteration,
                    text: format!("-{} from {}", l.count, l.date),
                });
            }
        }
        for v in &team.vacancies {
            if let Some(iteration) = iteration_of(v.date) {
                let text = format!("vacancy {} from {} ({}% chance)", v.count, v.date, v.chance);
                list.push(BoardEvent { kind: EventKind::Vacancy, iteration, text });
            }
        }
        for lend in &team.lends {
            let Ok(range) = cal.range(&lend.from, &lend.until) else { continue };
            let (Some(a), Some(b)) = (labels.get(*range.start()), labels.get(*range.end())) else { continue };
            let span = if a == b { a.clone() } else { format!("{a}..{b}") };
            list.push(BoardEvent {
                kind: EventKind::LendOut,
                iteration: a.clone(),
                text: format!("-{} to {} {span}", lend.count, lend.to.id),
            });
            let text = format!("+{} from {} {span}", lend.count, team.id);
            lent_in.push((lend.to.id.as_str(), BoardEvent { kind: EventKind::LendIn, iteration: a.clone(), text }));
        }
    }
    for (to, event) in lent_in {
        events.entry(to).or_default().push(event);
    }
    let teams = cap
        .teams
        .iter()
        .map(|tc| {
            let load = f.load.iter().find(|l| l.team == tc.team);
            let cells: Vec<BoardCell> = tc
                .iterations
                .iter()
                .enumerate()
                .map(|(i, cell)| {
                    let planned = load.and_then(|l| l.iterations.get(i)).map_or(Fixed::ZERO, |l| l.planned);
                    BoardCell {
                        iteration: labels.get(i).cloned().unwrap_or_default(),
                        capacity: cell.capacity,
                        plannable: cell.plannable,
                        planned,
                        percent: percent(planned, cell.plannable),
                        overloaded: planned > cell.plannable,
                    }
                })
                .collect();
            let pis = (1..=cal.pi_count())
                .map(|pi| {
                    let (plannable, planned) = cal
                        .pi_iterations(pi)
                        .filter_map(|i| cells.get(i))
                        .fold((Fixed::ZERO, Fixed::ZERO), |(c, p), cell| (c + cell.plannable, p + cell.planned));
                    BoardPiLoad { pi, plannable, planned, percent: percent(planned, plannable) }
                })
                .collect();
            let mut ev = events.remove(tc.team.as_str()).unwrap_or_default();
            ev.sort_by_key(|e| position.get(e.iteration.as_str()).copied().unwrap_or(usize::MAX));
            BoardTeam {
                team: tc.team.clone(),
                title: plan.team(&tc.team).and_then(|t| t.title.clone()),
                iterations: cells,
                pis,
                events: ev,
            }
        })
        .collect();

    // Which commitment covers each item, and which items a missed commitment's reason names.
    let mut covered: BTreeMap<&str, (&str, Status)> = BTreeMap::new();
    let mut missed: BTreeSet<&str> = BTreeSet::new();
    let mut competing: BTreeSet<&str> = BTreeSet::new();
    for c in &f.commitments {
        let own: Vec<&str> = if c.kind == crate::feasibility::CommitmentKind::Epic {
            plan.items
                .iter()
                .filter(|i| i.epic.as_ref().is_some_and(|e| e.id == c.item))
                .map(|i| i.id.as_str())
                .collect()
        } else {
            vec![c.item.as_str()]
        };
        for id in &own {
            covered.entry(id).or_insert((c.item.as_str(), c.status));
        }
        if c.status != Status::Met {
            // Its own work: its items and everything they wait for.
            let mut closure: BTreeSet<&str> = own.iter().copied().collect();
            let mut stack: Vec<&str> = own.clone();
            while let Some(id) = stack.pop() {
                for d in plan.item(id).map_or(&[][..], |i| i.after.as_slice()) {
                    if closure.insert(d.item.id.as_str()) {
                        stack.push(d.item.id.as_str());
                    }
                }
            }
            missed.extend(own);
            match &c.reason {
                Some(Reason::Chain { chain, .. }) => missed.extend(chain.iter().map(|s| s.item.as_str())),
                Some(Reason::Capacity { items, .. }) => {
                    for s in items {
                        if closure.contains(s.item.as_str()) {
                            missed.insert(s.item.as_str());
                        } else {
                            competing.insert(s.item.as_str());
                        }
                    }
                }
                _ => {}
            }
        }
    }
    let scheduled: BTreeMap<&str, &crate::feasibility::ItemSchedule> =
        f.schedule.iter().map(|s| (s.item.as_str(), s)).collect();
    let items = plan
        .items
        .iter()
        .map(|item| {
            let s = scheduled.get(item.id.as_str());
            let at = |label: &Option<String>| label.as_deref().and_then(|l| position.get(l).copied());
            BoardItem {
                item: item.id.clone(),
                title: item.title.clone(),
                team: item.team.as_ref().map(|t| t.id.clone()),
                epic: item.epic.as_ref().map(|e| e.id.clone()),
                commitment: covered.get(item.id.as_str()).map(|(c, _)| c.to_string()),
                status: covered.get(item.id.as_str()).map(|(_, s)| *s),
                missed: missed.contains(item.id.as_str()),
                competing: !missed.contains(item.id.as_str()) && competing.contains(item.id.as_str()),
                start: s.and_then(|s| s.start.clone()),
                finish: s.and_then(|s| s.finish.clone()),
                first: s.and_then(|s| at(&s.start)),
                // Work that runs past the horizon has no finish: it lasts to its last work.
                last: s.and_then(|s| {
                    at(&s.finish).or_else(|| s.work.last().and_then(|w| position.get(w.iteration.as_str()).copied()))
                }),
                work: s.map(|s| s.work.clone()).unwrap_or_default(),
                beyond_horizon: s.map_or(Fixed::ZERO, |s| s.beyond_horizon),
                after: item.after.iter().map(|d| d.item.id.clone()).collect(),
                source: span_of(&map, item.loc),
            }
        })
        .collect();
    Board {
        title: plan.title.clone(),
        unit: plan.settings.unit,
        verdict: f.verdict,
        met: f.commitments.iter().filter(|c| c.status == Status::Met).count(),
        commitments: f.commitments.len(),
        pis,
        iterations,
        teams,
        items,
        as_of: f.as_of,
    }
}

fn span_of(map: &SourceMap, loc: Loc) -> Option<SourceSpan> {
    let span = loc.0?;
    let at = map.locate(span.start);
    Some(SourceSpan {
        start: span.start,
        end: span.end,
        line: at.line,
        column: at.column,
        column_utf16: at.column_utf16,
    })
}
