//! Quick fixes: every repair of a commitment that is not met (each verified by the engine,
//! its edits exactly those `haalbaar fix` writes), and the did-you-mean fix of a finding.

use std::collections::HashMap;

use haalbaar::Subject;
use haalbaar::report::edits::Edit;
use haalbaar_grammar::BlockKind;
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CodeActionResponse, TextEdit, Uri, WorkspaceEdit,
};

use crate::analysis::Analysis;
use crate::server::{Failure, Server};
use crate::words::word;

/// The quick fixes for the lines in the range. None while the latest check is of an older
/// version than the editor's: its edits are for a text that is gone.
pub fn code_actions(server: &Server, p: CodeActionParams) -> Result<Option<CodeActionResponse>, Failure> {
    let uri = p.text_document.uri;
    let doc = server.document(&uri)?;
    let Some(a) = server.analysis(&uri).filter(|a| a.version == doc.version && a.text == doc.text) else {
        return Ok(Some(Vec::new()));
    };
    let (from, to) = (doc.offset(p.range.start), doc.offset(p.range.end));
    let touches = |start: usize, end: usize| start <= to && from <= end;
    let diagnostics = a.diagnostics(&uri);
    let mut actions: Vec<CodeActionOrCommand> = Vec::new();

    // Did-you-mean fixes of the findings in the range.
    for (record, diagnostic) in a.records.iter().zip(&diagnostics) {
        if record.edits.is_empty() || !touches(record.span.start, record.span.end) {
            continue;
        }
        let lang = server.lang;
        let title = match (record.edits.first(), &record.help) {
            (Some(e), _) if record.edits.len() == 1 && !e.new_text.contains('\n') => {
                let old = a.text.get(e.span.0..e.span.1).unwrap_or_default();
                format!("{} `{old}` {} `{}` ({})", word("replace", lang), word("with", lang), e.new_text, record.code)
            }
            (_, Some(help)) => format!("{}: {}", record.code, help.lines().next().unwrap_or(help)),
            _ => format!("{}", record.code),
        };
        actions.push(action(&a, &uri, title, &record.edits, vec![diagnostic.clone()], true));
    }

    // The repairs of each commitment whose block or finding lies in the range.
    let mut ids: Vec<String> = Vec::new();
    for block in &doc.parsed().file.blocks {
        if matches!(block.kind, BlockKind::Item | BlockKind::Epic)
            && touches(block.span.start, block.span.end)
            && let Some(id) = &block.id
        {
            ids.push(id.value.clone());
        }
    }
    for record in a.records.iter().filter(|r| touches(r.span.start, r.span.end)) {
        if let Some(Subject::Item(id) | Subject::Epic(id)) = &record.subject {
            ids.push(id.clone());
        }
    }
    ids.dedup();
    if let Some(feasibility) = a.checked.feasibility.as_ref() {
        for c in feasibility.commitments.iter().filter(|c| ids.contains(&c.item)) {
            let related: Vec<lsp_types::Diagnostic> = a
                .records
                .iter()
                .zip(&diagnostics)
                .filter(|(r, _)| matches!(&r.subject, Some(Subject::Item(id) | Subject::Epic(id)) if *id == c.item))
                .filter(|(r, _)| r.code.to_string().starts_with("E06"))
                .map(|(_, d)| d.clone())
                .collect();
            for (i, repair) in c.repairs.iter().enumerate() {
                if repair.edits().is_empty() {
                    continue;
                }
                let mut title = format!("{} `{}`: {}", word("repair", server.lang), c.item, repair.text());
                if !repair.worse().is_empty() {
                    title.push_str(&format!(" ({}: {})", word("makes worse", server.lang), repair.worse().join(", ")));
                }
                actions.push(action(&a, &uri, title, repair.edits(), related.clone(), i == 0));
            }
        }
    }
    Ok(Some(actions))
}

fn action(
    a: &Analysis,
    uri: &Uri,
    title: String,
    edits: &[Edit],
    diagnostics: Vec<lsp_types::Diagnostic>,
    preferred: bool,
) -> CodeActionOrCommand {
    let edits: Vec<TextEdit> =
        edits.iter().map(|e| TextEdit::new(a.lines.range(&a.text, e.span.0, e.span.1), e.new_text.clone())).collect();
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: (!diagnostics.is_empty()).then_some(diagnostics),
        edit: Some(WorkspaceEdit { changes: Some(HashMap::from([(uri.clone(), edits)])), ..WorkspaceEdit::default() }),
        command: None,
        is_preferred: Some(preferred),
        disabled: None,
        data: None,
    })
}
