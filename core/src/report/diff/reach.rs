//! What a change can reach: each commitment's chain and teams in one version, and whether a
//! changed statement touches a commitment (and as what kind of cause).

use std::collections::{BTreeMap, BTreeSet};

use haalbaar_grammar::BlockKind;

use super::CauseKind;
use super::statements::Change;
use crate::feasibility::{CommitmentKind, CommitmentReport};
use crate::model::Plan;

/// Each commitment's chain (its items and everything they wait for) and its teams, in one
/// version of the plan.
pub(super) struct Chains {
    /// (kind, id) → items of its chain.
    pub(super) items: BTreeMap<(CommitmentKind, String), BTreeSet<String>>,
    /// Item id → team id.
    pub(super) team_of: BTreeMap<String, String>,
    /// Team id → the teams it lends people to: what changes its capacity changes theirs.
    pub(super) lends_to: BTreeMap<String, BTreeSet<String>>,
}

impl Chains {
    pub(super) fn of(plan: &Plan) -> Chains {
        let team_of: BTreeMap<String, String> =
            plan.items.iter().filter_map(|i| i.team.as_ref().map(|t| (i.id.clone(), t.id.clone()))).collect();
        let after: BTreeMap<&str, Vec<&str>> =
            plan.items.iter().map(|i| (i.id.as_str(), i.after.iter().map(|d| d.item.id.as_str()).collect())).collect();
        let closure = |start: Vec<&str>| -> BTreeSet<String> {
            let mut seen = BTreeSet::new();
            let mut stack = start;
            while let Some(id) = stack.pop() {
                if seen.insert(id.to_string()) {
                    stack.extend(after.get(id).into_iter().flatten().copied());
                }
            }
            seen
        };
        let mut items = BTreeMap::new();
        // An item's commitment: `commit`, or an `in` placement.
        for i in plan.items.iter().filter(|i| i.commit.is_some() || i.placed.is_some()) {
            items.insert((CommitmentKind::Item, i.id.clone()), closure(vec![i.id.as_str()]));
        }
        for e in plan.epics.iter().filter(|e| e.commit.is_some()) {
            let members: Vec<&str> = plan
                .items
                .iter()
                .filter(|i| i.epic.as_ref().is_some_and(|r| r.id == e.id))
                .map(|i| i.id.as_str())
                .collect();
            items.insert((CommitmentKind::Epic, e.id.clone()), closure(members));
        }
        let lends_to =
            plan.teams.iter().map(|t| (t.id.clone(), t.lends.iter().map(|l| l.to.id.clone()).collect())).collect();
        Chains { items, team_of, lends_to }
    }

    pub(super) fn chain(&self, kind: CommitmentKind, id: &str) -> Option<&BTreeSet<String>> {
        self.items.get(&(kind, id.to_string()))
    }

    pub(super) fn teams(&self, kind: CommitmentKind, id: &str) -> BTreeSet<String> {
        self.chain(kind, id).into_iter().flatten().filter_map(|i| self.team_of.get(i).cloned()).collect()
    }
}

pub(super) struct Context<'a> {
    pub(super) old_chains: &'a Chains,
    pub(super) new_chains: &'a Chains,
    pub(super) now: &'a [CommitmentReport],
    pub(super) was: &'a [CommitmentReport],
}

impl Context<'_> {
    /// The teams of a commitment's chain in either version.
    pub(super) fn teams(&self, kind: CommitmentKind, id: &str) -> BTreeSet<String> {
        let mut t = self.old_chains.teams(kind, id);
        t.extend(self.new_chains.teams(kind, id));
        t
    }

    pub(super) fn in_chain(&self, kind: CommitmentKind, id: &str, item: &str) -> bool {
        [self.old_chains, self.new_chains].iter().any(|c| c.chain(kind, id).is_some_and(|ch| ch.contains(item)))
    }

    /// The rank of a commitment in a version's reports.
    fn rank(reports: &[CommitmentReport], kind: CommitmentKind, id: &str) -> Option<usize> {
        reports.iter().find(|c| c.kind == kind && c.item == id).map(|c| c.rank)
    }

    /// Whether commitment `other` is ranked above `(kind, id)` in either version and shares a
    /// team with it.
    pub(super) fn competes(&self, other: (CommitmentKind, &str), kind: CommitmentKind, id: &str) -> bool {
        let above =
            [self.was, self.now].iter().any(|r| match (Self::rank(r, other.0, other.1), Self::rank(r, kind, id)) {
                (Some(a), Some(b)) => a < b,
                (Some(_), None) => true,
                _ => false,
            });
        above && !self.teams(other.0, other.1).is_disjoint(&self.teams(kind, id))
    }

    /// The kind of cause `ch` is for commitment `(kind, id)`, when it touches it.
    pub(super) fn touches<'c>(
        &self,
        ch: &'c Change,
        kind: CommitmentKind,
        id: &str,
    ) -> Option<(CauseKind, &'c Change)> {
        let block_id = ch.id.as_deref().unwrap_or("");
        let own = |k: CommitmentKind| k == kind && block_id == id;
        let commitment_word = matches!(ch.keyword.as_str(), "commit" | "in" | "hard" | "priority" | "wsjf");
        let found = match ch.block {
            BlockKind::Plan => Some(CauseKind::Plan),
            BlockKind::Team => {
                let mut teams = vec![block_id.to_string()];
                // What changes a lending team's capacity changes what it lends (in either
                // version).
                for chains in [self.old_chains, self.new_chains] {
                    teams.extend(chains.lends_to.get(block_id).into_iter().flatten().cloned());
                }
                // A loan touches the team it goes to as well.
                for side in [&ch.old, &ch.new].into_iter().flatten() {
                    let words: Vec<&str> = side.0.split(' ').collect();
                    if let Some(k) = words.iter().position(|w| *w == "to") {
                        teams.extend(words.get(k + 1).map(|t| t.to_string()));
                    }
                }
                let mine = self.teams(kind, id);
                teams.iter().any(|t| mine.contains(t)).then_some(CauseKind::Capacity)
            }
            BlockKind::Epic if ch.keyword.is_empty() => (own(CommitmentKind::Epic)
                || self.competes((CommitmentKind::Epic, block_id), kind, id))
            .then_some(CauseKind::Competition),
            BlockKind::Epic if commitment_word => {
                if own(CommitmentKind::Epic) {
                    Some(if matches!(ch.keyword.as_str(), "priority" | "wsjf") {
                        CauseKind::Rank
                    } else {
                        CauseKind::Deadline
                    })
                } else {
                    self.competes((CommitmentKind::Epic, block_id), kind, id).then_some(CauseKind::Competition)
                }
            }
            BlockKind::Epic => None,
            _ if commitment_word => {
                if own(CommitmentKind::Item) {
                    Some(if matches!(ch.keyword.as_str(), "priority" | "wsjf") {
                        CauseKind::Rank
                    } else {
                        CauseKind::Deadline
                    })
                } else if self.competes((CommitmentKind::Item, block_id), kind, id) {
                    Some(CauseKind::Competition)
                } else if ch.keyword == "in" && self.in_chain(kind, id, block_id) {
                    Some(CauseKind::Placement)
                } else {
                    None
                }
            }
            _ => {
                let chained = self.in_chain(kind, id, block_id);
                let epic_moved = ch.keyword == "epic"
                    && kind == CommitmentKind::Epic
                    && [&ch.old, &ch.new].into_iter().flatten().any(|s| s.0.split(' ').nth(1) == Some(id));
                // `after X` added or removed where X is in its chain: the waiting item now
                // needs X done sooner (or no longer), which moves X's commitment.
                let waits_on_chain = ch.keyword == "after"
                    && [&ch.old, &ch.new]
                        .into_iter()
                        .flatten()
                        .filter_map(|s| s.0.split(' ').nth(1))
                        .any(|x| self.in_chain(kind, id, x));
                match ch.keyword.as_str() {
                    "after" if waits_on_chain => Some(CauseKind::Dependency),
                    "" if chained => Some(CauseKind::Item),
                    "" => self.competes((CommitmentKind::Item, block_id), kind, id).then_some(CauseKind::Competition),
                    "effort" if chained => Some(CauseKind::Effort),
                    "after" if chained => Some(CauseKind::Dependency),
                    "team" if chained => Some(CauseKind::Team),
                    "epic" if chained || epic_moved => Some(CauseKind::Team),
                    "max" | "not" | "in" if chained => Some(CauseKind::Placement),
                    _ => None,
                }
            }
        };
        found.map(|k| (k, ch))
    }
}
