//! Every id in a plan file, where it is defined and where it is used: for go to definition,
//! find references, rename, the outline and the colours of ids.

use haalbaar_grammar::{Block, BlockKind, ChangeKind, SourceFile, Span, Spanned, Statement, Without};

/// What an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A team.
    Team,
    /// An epic.
    Epic,
    /// An item.
    Item,
    /// A milestone.
    Milestone,
    /// A scenario.
    Scenario,
}

impl Kind {
    fn of(block: BlockKind) -> Option<Kind> {
        match block {
            BlockKind::Team => Some(Kind::Team),
            BlockKind::Epic => Some(Kind::Epic),
            BlockKind::Item => Some(Kind::Item),
            BlockKind::Milestone => Some(Kind::Milestone),
            BlockKind::Scenario => Some(Kind::Scenario),
            BlockKind::Plan => None,
        }
    }

    /// The word for it in messages.
    pub fn word(self) -> &'static str {
        match self {
            Kind::Team => "team",
            Kind::Epic => "epic",
            Kind::Item => "item",
            Kind::Milestone => "milestone",
            Kind::Scenario => "scenario",
        }
    }
}

/// One place an id is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// The id.
    pub name: String,
    /// What it names (for `after X`, whatever the file defines `X` as).
    pub kind: Kind,
    /// The bytes of the id.
    pub span: Span,
    /// Whether this is where it is defined (a block's header, a scenario's `add`).
    pub definition: bool,
}

/// What a reference may name before the file says: `after` names an item, an epic or a
/// milestone.
#[derive(Clone, Copy)]
enum Wants {
    One(Kind),
    AfterTarget,
}

/// Every occurrence of an id in `file`, in file order.
pub fn occurrences(file: &SourceFile) -> Vec<Occurrence> {
    let mut defined: Vec<(String, Kind)> = Vec::new();
    let mut found: Vec<(String, Wants, Span, bool)> = Vec::new();
    for block in &file.blocks {
        if let (Some(kind), Some(id)) = (Kind::of(block.kind), &block.id) {
            defined.push((id.value.clone(), kind));
            found.push((id.value.clone(), Wants::One(kind), id.span, true));
        }
        for statement in &block.statements {
            statement_refs(block, &statement.value, &mut defined, &mut found);
        }
    }
    let resolve = |name: &str, wants: Wants| match wants {
        Wants::One(kind) => kind,
        Wants::AfterTarget => [Kind::Item, Kind::Epic, Kind::Milestone]
            .into_iter()
            .find(|k| defined.iter().any(|(n, d)| n == name && d == k))
            .unwrap_or(Kind::Item),
    };
    let mut out: Vec<Occurrence> = found
        .into_iter()
        .map(|(name, wants, span, definition)| {
            let kind = resolve(&name, wants);
            Occurrence { name, kind, span, definition }
        })
        .collect();
    out.sort_by_key(|o| (o.span.start, o.span.end));
    out.dedup();
    out
}

fn statement_refs(
    block: &Block,
    statement: &Statement,
    defined: &mut Vec<(String, Kind)>,
    found: &mut Vec<(String, Wants, Span, bool)>,
) {
    let mut add = |s: &Spanned<String>, wants: Wants| found.push((s.value.clone(), wants, s.span, false));
    match statement {
        Statement::Team(team) if block.kind != BlockKind::Plan => add(team, Wants::One(Kind::Team)),
        Statement::Epic(epic) => add(epic, Wants::One(Kind::Epic)),
        Statement::After { item, .. } => add(item, Wants::AfterTarget),
        Statement::Lend { to, .. } => add(to, Wants::One(Kind::Team)),
        Statement::Change(change) => {
            let kind = Kind::of(change.target);
            if let (Some(kind), Some(id)) = (kind, &change.id) {
                let definition = matches!(change.kind, ChangeKind::Add { .. });
                if definition {
                    defined.push((id.value.clone(), kind));
                }
                found.push((id.value.clone(), Wants::One(kind), id.span, definition));
            }
            match &change.kind {
                ChangeKind::Set { statement } => statement_refs(block, &statement.value, defined, found),
                ChangeKind::Without(without) => match &without.value {
                    Without::Lend(Some(to)) => found.push((to.value.clone(), Wants::One(Kind::Team), to.span, false)),
                    Without::After(Some(item)) => {
                        found.push((item.value.clone(), Wants::AfterTarget, item.span, false))
                    }
                    _ => {}
                },
                ChangeKind::VacanciesFilled | ChangeKind::Add { .. } => {}
            }
        }
        _ => {}
    }
}

/// The occurrence at byte `offset` (its end included, so a cursor just past an id finds it).
pub fn at(occurrences: &[Occurrence], offset: usize) -> Option<&Occurrence> {
    occurrences.iter().find(|o| o.span.start <= offset && offset <= o.span.end)
}

/// Every occurrence of the id `name` naming a `kind`.
pub fn all_of<'a>(occurrences: &'a [Occurrence], name: &'a str, kind: Kind) -> impl Iterator<Item = &'a Occurrence> {
    occurrences.iter().filter(move |o| o.name == name && o.kind == kind)
}

/// The ids the file defines of `kind`, in file order, each once.
pub fn defined(occurrences: &[Occurrence], kind: Kind) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    for o in occurrences.iter().filter(|o| o.definition && o.kind == kind) {
        if !names.contains(&o.name.as_str()) {
            names.push(&o.name);
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_resolve_to_what_the_file_defines() {
        let text = "team api {\n  people 2\n  lend 1 to web PI1\n}\nteam web {\n  people 1\n}\n\
                    milestone m \"M\" 2025-02-01\nitem a {\n  team api\n  after m\n}\nitem b {\n  team web\n  after a\n}\n\
                    scenario s {\n  item b without after a\n  add item c\n  item c team api\n}\n";
        let all = occurrences(&haalbaar_grammar::parse(text));
        let names = |name: &str, kind| all_of(&all, name, kind).count();
        assert_eq!(names("api", Kind::Team), 3);
        assert_eq!(names("web", Kind::Team), 3);
        assert_eq!(names("m", Kind::Milestone), 2);
        assert_eq!(names("a", Kind::Item), 3);
        assert_eq!(names("c", Kind::Item), 2);
        assert_eq!(defined(&all, Kind::Item), vec!["a", "b", "c"]);
    }
}
