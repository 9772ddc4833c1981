//! What changed between two versions of a plan, and why: every commitment's status and finish
//! before and after, and for each one that changed, the changed statements that touch it
//! (an effort in its chain, a dependency, its teams' capacity, its deadline, a commitment
//! ranked above it), each with its line. `haalbaar diff` renders this.
//!
//! Statements are compared as the syntax tree holds them, block by block (a block is known by
//! its kind and id), so a change of layout or comments is no change, and every cause points
//! at a line of one of the two files.

use std::collections::{BTreeMap, BTreeSet};

use haalbaar_grammar::{BlockKind, Span};
use serde::Serialize;

use crate::check::{Checked, Options};
use crate::feasibility::{CommitmentKind, CommitmentReport, PlanVerdict};
use crate::solve::rank::Status;
use crate::source::SourceMap;

mod reach;
mod statements;

use reach::{Chains, Context};
use statements::{blocks, cause, kind_key, statement_changes};

/// Version of the JSON form of a diff (`haalbaar diff --format json`).
pub const DIFF_VERSION: u32 = 1;

/// The two versions compared and each commitment's answer in both.
///
/// ```
/// let old = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 2\n}\nitem a {\n  team api\n  effort 30\n  commit PI1\n}\n";
/// let new = old.replace("effort 30", "effort 90");
/// let diff = haalbaar::report::diff::diff(old, &new, &haalbaar::Options::default());
/// let a = &diff.commitments[0];
/// assert_eq!((a.item.as_str(), a.changed, a.worse), ("a", true, true));
/// assert_eq!(a.causes[0].kind, haalbaar::report::diff::CauseKind::Effort);
/// assert_eq!(a.causes[0].line, Some(10));
/// assert!(diff.worse());
/// ```
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct PlanDiff {
    /// The old version's verdict.
    pub before: PlanVerdict,
    /// The new version's verdict.
    pub after: PlanVerdict,
    /// Every commitment of either version: the new version's in its rank order, then the
    /// ones the new version no longer has, in the old rank order.
    pub commitments: Vec<CommitmentChange>,
    /// The errors of either version other than commitments not met (a version with errors is
    /// `invalid`; its commitments that need a broken item are left out).
    pub errors: Vec<DiffError>,
}

/// An error of one version (a broken line), which leaves that version invalid.
///
/// ```
/// let old = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 2\n}\nitem a {\n  team api\n  effort 30\n  commit PI1\n}\n";
/// let d = haalbaar::report::diff::diff(old, &old.replace("effort 30", "effort 3O"), &haalbaar::Options::default());
/// assert_eq!((d.errors[0].code.as_str(), d.errors[0].line), ("E0102", Some(10)));
/// // `a` is left out of the new version's check, not removed.
/// assert!(d.commitments[0].left_out && !d.commitments[0].worse);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct DiffError {
    /// The version it is in.
    pub side: Side,
    /// Its stable code (`E0102`).
    pub code: String,
    /// What is wrong.
    pub message: String,
    /// Its line (from 1), when it has one.
    pub line: Option<usize>,
}

impl PlanDiff {
    /// Whether something got worse: a met commitment no longer met, one not met finishing
    /// later (or no longer finishing in the horizon), a commitment removed, or the new
    /// version invalid (with errors) where the old one was not.
    ///
    /// ```
    /// let old = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 2\n}\nitem a {\n  team api\n  effort 30\n  commit PI1\n}\n";
    /// let opts = haalbaar::Options::default();
    /// // Less work: better, not worse.
    /// assert!(!haalbaar::report::diff::diff(old, &old.replace("effort 30", "effort 20"), &opts).worse());
    /// // A broken line: the new version is invalid.
    /// assert!(haalbaar::report::diff::diff(old, &old.replace("effort 30", "effort x"), &opts).worse());
    /// ```
    pub fn worse(&self) -> bool {
        let broken = |v: PlanVerdict| matches!(v, PlanVerdict::Invalid | PlanVerdict::Cancelled);
        (broken(self.after) && !broken(self.before)) || self.commitments.iter().any(|c| c.worse)
    }
}

/// One commitment in both versions.
///
/// ```
/// let old = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 2\n}\nitem a {\n  team api\n  effort 30\n  commit PI1\n}\n";
/// let new = old.replace("commit PI1", "commit PI2");
/// let diff = haalbaar::report::diff::diff(old, &new, &haalbaar::Options::default());
/// let a = &diff.commitments[0];
/// assert_eq!(a.before.as_ref().map(|s| s.status), Some(haalbaar::Status::Met));
/// assert_eq!(a.after.as_ref().map(|s| s.deadline.as_str()), Some("PI2.5"));
/// assert!(a.changed && !a.worse);
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct CommitmentChange {
    /// The committed item's id, or the epic's.
    pub item: String,
    /// An item's commitment or an epic's.
    pub kind: CommitmentKind,
    /// Its answer in the old version; `None`: the old version does not have it (or could not
    /// be checked).
    pub before: Option<Standing>,
    /// Its answer in the new version; `None`: removed (or the new version could not be
    /// checked).
    pub after: Option<Standing>,
    /// Whether its status, finish or deadline differs, or it was added or removed.
    pub changed: bool,
    /// Whether it got worse (see [`PlanDiff::worse`]).
    pub worse: bool,
    /// The new version still commits to it but left it out of its check: it needs an item
    /// with errors (see [`PlanDiff::errors`]). Neither removed nor worse.
    pub left_out: bool,
    /// For a changed commitment: the changed statements that touch it, or (when none does
    /// directly) those that reach it through a commitment ranked above it.
    pub causes: Vec<Cause>,
}

/// A commitment's answer in one version.
///
/// ```
/// let plan = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 2\n}\nitem a {\n  team api\n  effort 30\n  commit PI1\n}\n";
/// let diff = haalbaar::report::diff::diff(plan, plan, &haalbaar::Options::default());
/// let now = diff.commitments[0].after.as_ref().expect("in the new version");
/// assert_eq!((now.rank, now.finish.as_deref()), (1, Some("PI1.2")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Standing {
    /// Met, infeasible, conflict or unknown.
    pub status: Status,
    /// Where it finishes (`PI2.3`): for a met one its last iteration of work, for one not
    /// met the earliest it can be done by; `None` when dropped or not decided.
    pub finish: Option<String>,
    /// The iteration its deadline binds to.
    pub deadline: String,
    /// Its place in the rank order, from 1.
    pub rank: usize,
}

impl Standing {
    pub(crate) fn of(c: &CommitmentReport) -> Standing {
        Standing { status: c.status, finish: c.finish.clone(), deadline: c.deadline.clone(), rank: c.rank }
    }
}

/// What kind of change a cause is.
///
/// ```
/// assert_eq!(haalbaar::report::diff::CauseKind::Capacity.to_string(), "capacity");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CauseKind {
    /// An effort in its chain.
    Effort,
    /// A dependency (`after`) in its chain added, removed or changed.
    Dependency,
    /// An item of its chain moved to another team, or into or out of its epic.
    Team,
    /// A placement, earliest start or cap (`in`, `not before`, `max`) in its chain.
    Placement,
    /// The capacity of one of its teams: people, focus, reserve, hires, leavers, vacancies,
    /// loans, capacity statements, or the team itself added or removed.
    Capacity,
    /// Its own deadline (`commit`, `in`), or whether it is hard.
    Deadline,
    /// Its own rank (priority, WSJF), or its place in the file (which breaks ties) moved.
    Rank,
    /// Another commitment, ranked above it and sharing a team, added, removed, re-ranked or
    /// with its deadline moved: it competes differently now.
    Competition,
    /// An item of its chain added or removed.
    Item,
    /// The calendar or a plan-wide setting (start, horizon, iterations, holidays, load).
    Plan,
    /// A change that touches a commitment ranked above it and sharing a team, which then
    /// takes other capacity; or, for a commitment whose work only moved, one ranked below it
    /// that the schedule was rearranged to fit, or other work of a team it shares.
    Through,
}

impl std::fmt::Display for CauseKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(match self {
            CauseKind::Effort => "effort",
            CauseKind::Dependency => "dependency",
            CauseKind::Team => "team",
            CauseKind::Placement => "placement",
            CauseKind::Capacity => "capacity",
            CauseKind::Deadline => "deadline",
            CauseKind::Rank => "rank",
            CauseKind::Competition => "competition",
            CauseKind::Item => "item",
            CauseKind::Plan => "plan",
            CauseKind::Through => "through",
        })
    }
}

/// Which version a cause's line is in.
///
/// ```
/// assert_eq!(serde_json::to_string(&haalbaar::report::diff::Side::New).unwrap(), "\"new\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// The old version (the statement was removed there).
    Old,
    /// The new version.
    New,
}

/// A changed statement that touches a commitment.
///
/// ```
/// let old = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 2\n}\nitem a {\n  team api\n  effort 30\n  commit PI1\n}\n";
/// let new = old.replace("people 2", "people 1");
/// let diff = haalbaar::report::diff::diff(old, &new, &haalbaar::Options::default());
/// let cause = &diff.commitments[0].causes[0];
/// assert_eq!(cause.text, "team `api`: `people 2` → `people 1`");
/// assert_eq!((cause.side, cause.line), (haalbaar::report::diff::Side::New, Some(6)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Cause {
    /// What kind of change it is.
    pub kind: CauseKind,
    /// The change in words: the block and the statement before and after.
    pub text: String,
    /// The version its line is in: the new one, or the old one for a statement removed.
    pub side: Side,
    /// Its line (from 1) in that version.
    pub line: Option<usize>,
    /// Its place in that version's text.
    #[serde(skip)]
    pub span: Option<Span>,
}

/// Checks both versions and compares them: side by side where [`Options::threads`] allows
/// threads, else the new one re-checked on the old one's answer (so an edit that leaves the
/// solver's problem alone costs one check).
///
/// ```
/// let old = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 2\n}\nitem a {\n  team api\n  effort 30\n  commit PI1\n}\n";
/// let new = old.replace("effort 30", "effort 90 # grew");
/// let diff = haalbaar::report::diff::diff(old, &new, &haalbaar::Options::default());
/// assert_eq!(diff.commitments[0].causes[0].text, "item `a`: `effort 30` → `effort 90`");
/// ```
pub fn diff(old: &str, new: &str, options: &Options) -> PlanDiff {
    // Where threads may be used, the two versions are checked side by side; otherwise the
    // new one is re-checked on the old one's answer.
    let threads = options.threads == crate::Threads::Auto
        && !cfg!(target_arch = "wasm32")
        && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1);
    let side_by_side = threads.then(|| {
        std::thread::scope(|scope| {
            let old_side = std::thread::Builder::new()
                .name("haalbaar-diff".into())
                .spawn_scoped(scope, || crate::check::check_with(old, options))
                .ok()?;
            let after = crate::check::check_with(new, options);
            let before = old_side.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
            Some((before, after))
        })
    });
    let (before, after) = match side_by_side.flatten() {
        Some(both) => both,
        None => {
            let before = crate::check::check_with(old, options);
            let after = crate::check::recheck(&before, new, options);
            (before, after)
        }
    };
    diff_checked(old, &before, new, &after)
}

/// [`diff`] of two checks already made (`old` and `new` are the texts they checked).
///
/// ```
/// let old = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 2\n}\nitem a {\n  team api\n  effort 30\n  commit PI1\n}\n";
/// let new = old.replace("commit PI1", "commit PI1\n  priority 1");
/// let (a, b) = (haalbaar::check(old), haalbaar::check(&new));
/// let diff = haalbaar::report::diff::diff_checked(old, &a, &new, &b);
/// assert!(!diff.commitments[0].changed);
/// ```
pub fn diff_checked(old: &str, before: &Checked, new: &str, after: &Checked) -> PlanDiff {
    // Each text read once: for the changed statements and for the block headers.
    let (old_blocks, new_blocks) = (blocks(old), blocks(new));
    let changes = statement_changes(&old_blocks, &new_blocks);
    let (old_map, new_map) = (SourceMap::new(old), SourceMap::new(new));
    let reports = |c: &Checked| c.feasibility.as_ref().map(|f| f.commitments.clone()).unwrap_or_default();
    let (was, now) = (reports(before), reports(after));
    let (old_chains, new_chains) = (Chains::of(&before.plan), Chains::of(&after.plan));
    let mut commitments: Vec<CommitmentChange> = Vec::new();
    let key = |c: &CommitmentReport| (c.kind, c.item.clone());
    let old_by_key: BTreeMap<(CommitmentKind, String), &CommitmentReport> = was.iter().map(|c| (key(c), c)).collect();
    let new_keys: BTreeSet<(CommitmentKind, String)> = now.iter().map(key).collect();
    let both_decided = before.feasibility.is_some() && after.feasibility.is_some();
    for c in &now {
        let b = old_by_key.get(&key(c)).map(|o| Standing::of(o));
        commitments.push(change(c.item.clone(), c.kind, b, Some(Standing::of(c)), both_decided));
    }
    // Still committed to in the new plan but not in its check: left out for an error.
    let still = |c: &CommitmentReport| match c.kind {
        CommitmentKind::Epic => after.plan.epic(&c.item).is_some_and(|e| e.commit.is_some()),
        _ => after.plan.item(&c.item).is_some_and(|i| i.commit.is_some() || i.placed.is_some()),
    };
    for c in &was {
        if !new_keys.contains(&key(c)) {
            let mut x = change(c.item.clone(), c.kind, Some(Standing::of(c)), None, both_decided);
            if still(c) {
                x.left_out = true;
                x.changed = false;
                x.worse = false;
            }
            commitments.push(x);
        }
    }
    let errors: Vec<DiffError> = [(before, &old_map, Side::Old), (after, &new_map, Side::New)]
        .into_iter()
        .flat_map(|(checked, map, side)| {
            checked.diagnostics.iter().filter(|d| d.is_error() && !d.code.as_str().starts_with("E06")).map(move |d| {
                DiffError {
                    side,
                    code: d.code.to_string(),
                    message: d.message.clone(),
                    line: d.span.map(|s| map.locate(s.start).line),
                }
            })
        })
        .collect();
    // The statements that touch each commitment directly; a commitment none touches is
    // reached, if at all, through the nearest commitment ranked above it that shares a team
    // and is reached itself (its finish or its schedule changed, so the capacity left
    // changed): it inherits that one's causes, named through it.
    let ctx = Context { old_chains: &old_chains, new_chains: &new_chains, now: &now, was: &was };
    let mut direct: Vec<Vec<Cause>> = commitments
        .iter()
        .map(|c| {
            changes
                .iter()
                .filter_map(|ch| ctx.touches(ch, c.kind, &c.item))
                .map(|(kind, ch)| cause(kind, ch, &old_map, &new_map))
                .collect()
        })
        .collect();
    let teams: Vec<BTreeSet<String>> = commitments.iter().map(|c| ctx.teams(c.kind, &c.item)).collect();
    // A commitment left out of the new check (it needs an item with errors) no longer takes
    // capacity: the ones below it that share a team are reached by that error.
    let first_error = errors.iter().find(|e: &&DiffError| e.side == Side::New).and_then(|e| e.line);
    for j in (0..commitments.len()).filter(|&j| commitments[j].left_out) {
        let Some(rank) = commitments[j].before.as_ref().map(|s| s.rank) else { continue };
        for i in 0..commitments.len() {
            let below = commitments[i].before.as_ref().is_some_and(|s| s.rank > rank);
            if i != j && below && !teams[j].is_disjoint(&teams[i]) {
                direct[i].push(Cause {
                    kind: CauseKind::Competition,
                    text: format!(
                        "`{}` is left out of the new version's check: it needs an item with errors",
                        commitments[j].item
                    ),
                    side: Side::New,
                    line: first_error,
                    span: None,
                });
            }
        }
    }
    // A commitment none of the changes touches but whose place among the commitments of both
    // versions moved: blocks were reordered, and file order breaks ties in the ranking.
    let both: Vec<usize> =
        (0..commitments.len()).filter(|&i| commitments[i].before.is_some() && commitments[i].after.is_some()).collect();
    let place_in = |old_side: bool| -> BTreeMap<usize, usize> {
        let mut order: Vec<(usize, usize)> = both
            .iter()
            .filter_map(|&i| {
                let s = if old_side { commitments[i].before.as_ref() } else { commitments[i].after.as_ref() };
                s.map(|s| (s.rank, i))
            })
            .collect();
        order.sort_unstable();
        order.into_iter().enumerate().map(|(place, (_, i))| (i, place + 1)).collect()
    };
    let (was_at, now_at) = (place_in(true), place_in(false));
    for &i in &both {
        let (a, b) = (was_at.get(&i), now_at.get(&i));
        if a == b || !direct[i].is_empty() {
            continue;
        }
        let c = &commitments[i];
        let block = if c.kind == CommitmentKind::Epic { BlockKind::Epic } else { BlockKind::Item };
        let Some((header, _)) = new_blocks.0.get(&(kind_key(block), Some(c.item.clone()))) else { continue };
        direct[i].push(Cause {
            kind: CauseKind::Rank,
            text: format!(
                "blocks moved in the file: `{}` went from place {} to {} among the commitments (file order breaks ties in the ranking)",
                c.item,
                a.copied().unwrap_or(0),
                b.copied().unwrap_or(0)
            ),
            side: Side::New,
            line: Some(new_map.locate(header.start).line),
            span: Some(*header),
        });
    }
    let mut reached: Vec<Vec<Cause>> = Vec::with_capacity(commitments.len());
    for i in 0..commitments.len() {
        if !direct[i].is_empty() {
            reached.push(direct[i].clone());
            continue;
        }
        let above = (0..i).rev().find(|&j| !reached[j].is_empty() && !teams[j].is_disjoint(&teams[i]));
        let inherited = match above {
            Some(j) => {
                let d = &commitments[j];
                let now = match (&d.after, d.changed) {
                    (Some(s), true) => format!("now {s}"),
                    (Some(s), false) => format!("still {s}, scheduled differently"),
                    (None, _) => "removed".to_string(),
                };
                through(&reached[j], &format!("through `{}`, ranked above and sharing a team: {now}", d.item))
            }
            None => Vec::new(),
        };
        reached.push(inherited);
    }
    // The schedule itself: uncommitted work is placed with what is left and then all
    // work is pulled as early as it goes, so a change to any item of a team a met commitment
    // uses can move where that commitment's work lands.
    for i in 0..commitments.len() {
        if !commitments[i].changed || !reached[i].is_empty() {
            continue;
        }
        reached[i] = changes
            .iter()
            .filter(|ch| !matches!(ch.block, BlockKind::Plan | BlockKind::Team | BlockKind::Epic))
            .filter_map(|ch| {
                let id = ch.id.as_deref()?;
                let team = [old_chains.team_of.get(id), new_chains.team_of.get(id)]
                    .into_iter()
                    .flatten()
                    .find(|t| teams[i].contains(*t))?;
                let x = cause(CauseKind::Through, ch, &old_map, &new_map);
                Some(Cause {
                    text: format!("{} (work of team `{team}`, which it shares: the schedule moved its work)", x.text),
                    ..x
                })
            })
            .collect();
    }
    // A met commitment's finish is where the final schedule has its last work, and fitting
    // other commitments (below it too) rearranges that schedule: a changed commitment reached
    // by nothing above is reached through the nearest reached one that shares a team, ranked
    // below it or (passed on) above, until nothing more is reached.
    loop {
        let mut more = false;
        for i in 0..commitments.len() {
            if !commitments[i].changed || !reached[i].is_empty() {
                continue;
            }
            let near = (0..commitments.len())
                .filter(|&j| j != i && !reached[j].is_empty() && !teams[j].is_disjoint(&teams[i]))
                .min_by_key(|&j| (j.abs_diff(i), j));
            if let Some(j) = near {
                let (name, side) = (commitments[j].item.clone(), if j > i { "below" } else { "above" });
                let note = format!(
                    "through `{name}`, ranked {side} and sharing a team: the schedule that fits it moved this one's work"
                );
                reached[i] = through(&reached[j], &note);
                more = true;
            }
        }
        if !more {
            break;
        }
    }
    for (c, causes) in commitments.iter_mut().zip(reached) {
        if c.changed {
            c.causes = causes;
        }
    }
    PlanDiff { before: before.verdict(), after: after.verdict(), commitments, errors }
}

/// In words: `met by PI2.3`, `conflict, done by PI3.1`, `infeasible, not done in the horizon`.
///
/// ```
/// let plan = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 2\n}\nitem a {\n  team api\n  effort 30\n  commit PI1\n}\n";
/// let d = haalbaar::report::diff::diff(plan, plan, &haalbaar::Options::default());
/// assert_eq!(d.commitments[0].after.as_ref().unwrap().to_string(), "met by PI1.2");
/// ```
impl std::fmt::Display for Standing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(&match (&self.status, &self.finish) {
            (Status::Met, Some(at)) => format!("met by {at}"),
            (Status::Met, None) => "met".to_string(),
            (status, Some(at)) => format!("{status}, done by {at}"),
            (status, None) => format!("{status}, not done in the horizon"),
        })
    }
}

/// The changed statement a cause names, without the commitments it was passed through.
fn root(text: &str) -> &str {
    text.split(" (through `").next().unwrap_or(text)
}

/// `causes` passed on to another commitment: each changed statement with `note` saying how
/// it reaches that one.
fn through(causes: &[Cause], note: &str) -> Vec<Cause> {
    causes
        .iter()
        .map(|x| Cause { kind: CauseKind::Through, text: format!("{} ({note})", root(&x.text)), ..x.clone() })
        .collect()
}

fn change(
    item: String,
    kind: CommitmentKind,
    before: Option<Standing>,
    after: Option<Standing>,
    decided: bool,
) -> CommitmentChange {
    let changed = match (&before, &after) {
        (Some(b), Some(a)) => b.status != a.status || b.finish != a.finish || b.deadline != a.deadline,
        _ => decided,
    };
    let worse = match (&before, &after) {
        (Some(b), Some(a)) => worse(b, a),
        (Some(_), None) => decided,
        _ => false,
    };
    CommitmentChange { item, kind, before, after, changed, worse, left_out: false, causes: Vec::new() }
}

/// Met before and not now, or not met both times and finishing later now (or not at all).
pub(crate) fn worse(b: &Standing, a: &Standing) -> bool {
    let met = |s: &Standing| s.status == Status::Met;
    if met(b) {
        return !met(a);
    }
    if met(a) {
        return false;
    }
    match (&b.finish, &a.finish) {
        (Some(x), Some(y)) => later(y, x),
        (Some(_), None) => true,
        _ => false,
    }
}

/// Whether iteration label `a` (`PI3.2`) comes after `b`.
pub(crate) fn later(a: &str, b: &str) -> bool {
    let parse = |s: &str| -> Option<(u32, u32)> {
        let (pi, it) = s.strip_prefix("PI")?.split_once('.')?;
        Some((pi.parse().ok()?, it.parse().ok()?))
    };
    match (parse(a), parse(b)) {
        (Some(x), Some(y)) => x > y,
        _ => false,
    }
}

/// The JSON form of a diff (`haalbaar diff --format json`, docs/json-report.md): the two
/// versions with their file names and verdicts, then every commitment.
///
/// ```
/// use haalbaar::report::diff::{DiffReport, diff};
///
/// let old = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 2\n}\nitem a {\n  team api\n  effort 30\n  commit PI1\n}\n";
/// let d = diff(old, &old.replace("effort 30", "effort 90"), &haalbaar::Options::default());
/// let json = serde_json::to_value(DiffReport::new(&d, "old.plan", "new.plan")).unwrap();
/// assert_eq!(json["before"]["verdict"], "feasible");
/// assert_eq!(json["after"]["verdict"], "infeasible");
/// assert_eq!(json["commitments"][0]["causes"][0]["line"], 10);
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct DiffReport<'a> {
    /// [`DIFF_VERSION`].
    pub version: u32,
    /// The old version.
    pub before: DiffSide<'a>,
    /// The new version.
    pub after: DiffSide<'a>,
    /// Every commitment of either version (see [`PlanDiff::commitments`]).
    pub commitments: &'a [CommitmentChange],
    /// The errors of either version (see [`PlanDiff::errors`]).
    pub errors: &'a [DiffError],
}

/// One version in a [`DiffReport`].
///
/// ```
/// let side = haalbaar::report::diff::DiffSide { file: "a.plan", verdict: haalbaar::PlanVerdict::Feasible };
/// assert_eq!(serde_json::to_string(&side).unwrap(), r#"{"file":"a.plan","verdict":"feasible"}"#);
/// ```
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DiffSide<'a> {
    /// The file name as given.
    pub file: &'a str,
    /// Its verdict.
    pub verdict: PlanVerdict,
}

impl<'a> DiffReport<'a> {
    /// The JSON Schema of this report (`docs/diff.schema.json`).
    ///
    /// ```
    /// let schema = haalbaar::report::diff::DiffReport::schema();
    /// assert!(schema.contains("\"causes\""));
    /// ```
    #[cfg(feature = "schema")]
    pub fn schema() -> String {
        super::schema_text(schemars::schema_for!(DiffReport<'static>))
    }

    /// The report of `diff`, naming the two files.
    ///
    /// ```
    /// let plan = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\n";
    /// let d = haalbaar::report::diff::diff(plan, plan, &haalbaar::Options::default());
    /// let r = haalbaar::report::diff::DiffReport::new(&d, "a.plan", "b.plan");
    /// assert_eq!((r.version, r.after.file), (haalbaar::report::diff::DIFF_VERSION, "b.plan"));
    /// ```
    pub fn new(diff: &'a PlanDiff, old: &'a str, new: &'a str) -> Self {
        DiffReport {
            version: DIFF_VERSION,
            before: DiffSide { file: old, verdict: diff.before },
            after: DiffSide { file: new, verdict: diff.after },
            commitments: &diff.commitments,
            errors: &diff.errors,
        }
    }
}
