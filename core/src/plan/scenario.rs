//! Scenarios: named blocks of changes to the plan above them (`scenario vacatures-open {
//! team toegang without vacancy }`), checked apart from the plan itself. A scenario is applied
//! to the syntax tree: its lines replace, add to or take out statements of the blocks they
//! name, and the result is read and checked like any file, so every diagnostic still points
//! at the line that says it (the scenario's line where it changed something).

use haalbaar_grammar as syn;
use haalbaar_grammar::{Block, BlockKind, ChangeKind, Span, Spanned, Statement, Without};
use serde::Serialize;

use crate::codes::Code;
use crate::diagnostic::Diagnostic;

/// A scenario of a plan file: its id and title, and where it is.
///
/// ```
/// let source = "plan {\n  start 2025-01-06\n  horizon 6 months\n}\nteam api {\n  people 4\n}\n\
///               scenario krap \"Krap\" {\n  team api people 3\n}\n";
/// let checked = haalbaar::check(source);
/// let s = &checked.scenarios[0];
/// assert_eq!((s.id.as_str(), s.title.as_deref(), s.changes), ("krap", Some("Krap"), 1));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Scenario {
    /// Its id: `haalbaar check --scenario ID`.
    pub id: String,
    /// Its title, if it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// How many lines of changes it has.
    pub changes: usize,
    /// Its block in the text, header to closing brace.
    #[serde(skip)]
    pub span: Span,
}

/// The scenarios of a parsed file, in file order.
pub(crate) fn list(file: &syn::SourceFile) -> Vec<Scenario> {
    file.blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Scenario)
        .filter_map(|b| {
            Some(Scenario {
                id: b.id.as_ref()?.value.clone(),
                title: b.title.as_ref().map(|t| t.value.clone()),
                changes: b.statements.len(),
                span: b.span,
            })
        })
        .collect()
}

/// Diagnostics of the scenario blocks themselves: an id given to two scenarios.
pub(crate) fn duplicates(file: &syn::SourceFile) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut seen: Vec<&Spanned<String>> = Vec::new();
    for b in file.blocks.iter().filter(|b| b.kind == BlockKind::Scenario) {
        let Some(id) = &b.id else { continue };
        if let Some(first) = seen.iter().find(|s| s.value == id.value) {
            out.push(
                Diagnostic::new(Code::E0703, format!("scenario `{}` is given twice", id.value), Some(id.span))
                    .with_label("second scenario with this id")
                    .with_secondary(Some(first.span), "first one here")
                    .with_help("give each scenario its own id, or merge the two"),
            );
        } else {
            seen.push(id);
        }
    }
    out
}

/// The file as scenario `id` says: its blocks without any scenario, changed by the
/// scenario's lines in order, and a diagnostic for each line that names something the plan
/// does not have or takes out something it does not say. `None` when it has no such scenario.
pub(crate) fn apply(file: &syn::SourceFile, id: &str) -> Option<(syn::SourceFile, Vec<Diagnostic>)> {
    let scenario =
        file.blocks.iter().find(|b| b.kind == BlockKind::Scenario && b.id.as_ref().is_some_and(|i| i.value == id))?;
    let mut out = syn::SourceFile {
        blocks: file.blocks.iter().filter(|b| b.kind != BlockKind::Scenario).cloned().collect(),
        errors: file.errors.clone(),
    };
    let mut diagnostics = Vec::new();
    for line in &scenario.statements {
        let Statement::Change(change) = &line.value else { continue };
        if let Some(d) = change_one(&mut out.blocks, change, line.span) {
            diagnostics.push(d);
        }
    }
    Some((out, diagnostics))
}

/// Every scenario applied in turn, for the diagnostics of its lines alone (a check of the plan
/// reports what is wrong in its scenarios too).
pub(crate) fn applied(file: &syn::SourceFile) -> Vec<(Span, syn::SourceFile, Vec<Diagnostic>)> {
    let mut out = Vec::new();
    let mut done: Vec<&str> = Vec::new();
    for b in file.blocks.iter().filter(|b| b.kind == BlockKind::Scenario) {
        let Some(id) = &b.id else { continue };
        if done.contains(&id.value.as_str()) {
            continue;
        }
        done.push(&id.value);
        if let Some((f, d)) = apply(file, &id.value) {
            out.push((b.span, f, d));
        }
    }
    out
}

fn describe(kind: BlockKind, id: &str) -> String {
    match kind {
        BlockKind::Plan => "the plan".into(),
        k => format!("{} `{id}`", k.keyword()),
    }
}

fn change_one(blocks: &mut Vec<Block>, change: &syn::Change, line: Span) -> Option<Diagnostic> {
    let id = change.id.as_ref();
    let find = |blocks: &[Block]| {
        blocks.iter().position(|b| {
            b.kind == change.target
                && (change.target == BlockKind::Plan || b.id.as_ref().map(|i| &i.value) == id.map(|i| &i.value))
        })
    };
    let at = find(blocks);
    if let ChangeKind::Add { title } = &change.kind {
        let id = id?;
        if let Some(k) = at {
            let first = blocks[k].id.as_ref().map(|i| i.span);
            return Some(
                Diagnostic::new(
                    Code::E0204,
                    format!("the plan already has {}", describe(change.target, &id.value)),
                    Some(id.span),
                )
                .with_label("added again here")
                .with_secondary(first, "first defined here")
                .with_help(format!(
                    "change it with lines such as `{} {} ...`, or add it under another id",
                    change.target.keyword(),
                    id.value
                )),
            );
        }
        blocks.push(Block {
            kind: change.target,
            id: Some(id.clone()),
            title: title.clone(),
            statements: Vec::new(),
            span: line,
            header: line,
        });
        return None;
    }
    let Some(k) = at else {
        // The plan block is missing: that is said already.
        let id = id?;
        let known: Vec<&str> = blocks
            .iter()
            .filter(|b| b.kind == change.target)
            .filter_map(|b| b.id.as_ref().map(|i| i.value.as_str()))
            .collect();
        let meant = syn::did_you_mean(&id.value, known.iter().copied());
        let mut d = Diagnostic::new(
            Code::E0701,
            format!("this scenario changes {}, which the plan does not have", describe(change.target, &id.value)),
            Some(id.span),
        )
        .with_label(format!("no {} with this id", change.target.keyword()));
        d = match meant {
            Some(m) => d.with_help(format!("did you mean `{m}`?")).with_edit(id.span, m.to_string()),
            None => d.with_help(format!(
                "use the id of a block of the plan, or add it first: add {} {}",
                change.target.keyword(),
                id.value
            )),
        };
        return Some(d);
    };
    let who = describe(change.target, id.map_or("", |i| i.value.as_str()));
    let block = &mut blocks[k];
    match &change.kind {
        ChangeKind::Add { .. } => None,
        ChangeKind::Set { statement } => {
            block.statements.retain(|old| !replaces(&statement.value, &old.value));
            block.statements.push(statement.clone());
            None
        }
        ChangeKind::Without(w) => {
            let before = block.statements.len();
            block.statements.retain(|old| !takes_out(&w.value, &old.value));
            (block.statements.len() == before).then(|| nothing(&who, &w.value, w.span))
        }
        ChangeKind::VacanciesFilled => {
            let mut filled = 0;
            for st in &mut block.statements {
                if let Statement::Vacancy { count, date, ramp, .. } = &st.value {
                    st.value = Statement::Hire { count: count.clone(), date: date.clone(), ramp: ramp.clone() };
                    filled += 1;
                }
            }
            (filled == 0).then(|| {
                Diagnostic::new(Code::E0702, format!("{who} has no `vacancy` to fill"), Some(line))
                    .with_label("nothing to fill")
                    .with_help("the team has no `vacancy` line (in the plan, or in this scenario above this line): remove this line, or name the team with the vacancies")
            })
        }
    }
}

fn nothing(who: &str, w: &Without, span: Span) -> Diagnostic {
    let what = match w {
        Without::Hire(Some(d)) | Without::Leave(Some(d)) | Without::Vacancy(Some(d)) => {
            format!("`{} on {}`", w.keyword(), date_text(&d.value))
        }
        Without::Lend(Some(to)) => format!("`lend to {}`", to.value),
        Without::After(Some(item)) => format!("`after {}`", item.value),
        Without::Capacity(Some(p)) => format!("`capacity {}`", period_text(&p.value)),
        _ => format!("`{}`", w.keyword()),
    };
    Diagnostic::new(Code::E0702, format!("{who} has no {what} to take out"), Some(span))
        .with_label("nothing to take out")
        .with_help("remove this line, or say what the block has (its date, team or item)")
}

fn date_text(d: &syn::Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

fn period_text(p: &syn::Period) -> String {
    match p {
        syn::Period::Pi { pi, iteration: Some(i) } => format!("PI{pi}.{i}"),
        syn::Period::Pi { pi, iteration: None } => format!("PI{pi}"),
        syn::Period::Quarter { year, quarter } => format!("{year}-Q{quarter}"),
        syn::Period::Date { date } => date_text(date),
    }
}

/// Whether `new`, set by a scenario, replaces `old`: a block holds at most one statement of
/// most kinds (`people`, `effort`, `commit`, ...); `hire`, `leave`, `vacancy`, `lend`,
/// `holiday` and `after` add to the others (an `after` replaces the one on the same item, a
/// `capacity PI3 ...` the one for the same period).
fn replaces(new: &Statement, old: &Statement) -> bool {
    use Statement as S;
    match (new, old) {
        (
            S::Holiday { .. }
            | S::Hire { .. }
            | S::Leave { .. }
            | S::Vacancy { .. }
            | S::Lend { .. }
            | S::Absent { .. },
            _,
        ) => false,
        (S::After { item: a, .. }, S::After { item: b, .. }) => a.value == b.value,
        (S::After { .. }, _) => false,
        (S::Done { by: a, .. }, S::Done { by: b, .. }) => match (a, b) {
            (None, None) => true,
            (Some(a), Some(b)) => a.value == b.value,
            _ => false,
        },
        (S::Done { .. }, _) => false,
        (S::Horizon(_) | S::End(_), S::Horizon(_) | S::End(_)) => true,
        (
            S::CapacityOverride { period: a, .. } | S::CapacityAdjust { period: a, .. },
            S::CapacityOverride { period: b, .. } | S::CapacityAdjust { period: b, .. },
        ) => a.value == b.value,
        (S::CapacityOverride { .. } | S::CapacityAdjust { .. }, _) => false,
        (S::CapacityPerIteration(_), S::CapacityPerIteration(_)) => true,
        (S::CapacityPerIteration(_), _) => false,
        (S::MaxPeople(_) | S::MaxPerIteration(_), S::MaxPeople(_) | S::MaxPerIteration(_)) => true,
        (n, o) => std::mem::discriminant(n) == std::mem::discriminant(o),
    }
}

/// Whether a `without` line takes `old` out.
fn takes_out(w: &Without, old: &Statement) -> bool {
    use Statement as S;
    let on = |want: &Option<Spanned<syn::Date>>, date: &Spanned<syn::Date>| {
        want.as_ref().is_none_or(|d| d.value == date.value)
    };
    match (w, old) {
        (Without::Hire(want), S::Hire { date, .. }) => on(want, date),
        (Without::Leave(want), S::Leave { date, .. }) => on(want, date),
        (Without::Vacancy(want), S::Vacancy { date, .. }) => on(want, date),
        (Without::Lend(want), S::Lend { to, .. }) => want.as_ref().is_none_or(|t| t.value == to.value),
        (Without::Reserve, S::Reserve { .. }) => true,
        (Without::Capacity(want), S::CapacityOverride { period, .. } | S::CapacityAdjust { period, .. }) => {
            want.as_ref().is_none_or(|p| p.value == period.value)
        }
        (Without::Capacity(None), S::CapacityPerIteration(_)) => true,
        (Without::Velocity, S::Velocity(_)) => true,
        (Without::After(want), S::After { item, .. }) => want.as_ref().is_none_or(|i| i.value == item.value),
        (Without::Commit, S::Commit { .. }) => true,
        (Without::In, S::In(_)) => true,
        (Without::NotBefore, S::NotBefore(_)) => true,
        (Without::Target, S::Target(_)) => true,
        (Without::Max, S::MaxPeople(_) | S::MaxPerIteration(_)) => true,
        (Without::Epic, S::Epic(_)) => true,
        (Without::Done, S::Done { .. }) => true,
        (Without::Remaining, S::Remaining(_)) => true,
        (Without::Finished, S::Finished(_)) => true,
        (Without::Started, S::Started(_)) => true,
        _ => false,
    }
}
