//! What the document shows of itself: formatting (the text of `haalbaar fmt`), the outline of
//! its blocks, and after each `commit` line the commitment's answer as an inlay hint.

use haalbaar::Status;
use haalbaar::report::feasibility::CommitmentReport;
use haalbaar_grammar::{BlockKind, Statement};
use lsp_types::{
    DocumentFormattingParams, DocumentSymbol, DocumentSymbolParams, DocumentSymbolResponse, InlayHint, InlayHintLabel,
    InlayHintParams, InlayHintTooltip, Position, SymbolKind, TextEdit,
};

use crate::server::{Failure, Server};
use crate::words::word;

/// The whole text as `haalbaar fmt` writes it: one edit, or none when it is formatted already.
/// A file with syntax errors is not formatted (the first error says why).
pub fn formatting(server: &Server, p: DocumentFormattingParams) -> Result<Option<Vec<TextEdit>>, Failure> {
    let doc = server.document(&p.text_document.uri)?;
    match haalbaar_grammar::format(&doc.text) {
        Ok(text) if text == doc.text => Ok(Some(Vec::new())),
        Ok(text) => Ok(Some(vec![TextEdit::new(doc.range(0, doc.text.len()), text)])),
        Err(haalbaar_grammar::FormatError::Syntax(errors)) => {
            let first = errors
                .first()
                .map(|e| format!(" (line {}: {})", doc.range(e.span.start, e.span.start).start.line + 1, e.message))
                .unwrap_or_default();
            Err(Failure::refused(format!("haalbaar fmt: the file has syntax errors; fix them first{first}")))
        }
        Err(e) => Err(Failure::refused(format!("haalbaar fmt: {e}"))),
    }
}

/// The outline: the plan block, teams, epics, items, milestones and scenarios, in file order.
#[allow(deprecated)] // `DocumentSymbol::deprecated` must be written, and is `None`.
pub fn symbols(server: &Server, p: DocumentSymbolParams) -> Result<Option<DocumentSymbolResponse>, Failure> {
    let doc = server.document(&p.text_document.uri)?;
    let symbols = doc
        .parsed()
        .file
        .blocks
        .iter()
        .map(|block| {
            let kind = match block.kind {
                BlockKind::Plan => SymbolKind::NAMESPACE,
                BlockKind::Team => SymbolKind::CLASS,
                BlockKind::Epic => SymbolKind::PACKAGE,
                BlockKind::Item => SymbolKind::FUNCTION,
                BlockKind::Milestone => SymbolKind::EVENT,
                BlockKind::Scenario => SymbolKind::OBJECT,
            };
            let name = block.id.as_ref().map_or_else(|| block.kind.keyword().to_string(), |id| id.value.clone());
            let mut detail = vec![word(keyword(block.kind), server.lang).to_string()];
            detail.extend(block.title.as_ref().map(|t| t.value.clone()));
            for s in &block.statements {
                if let Statement::Epic(epic) = &s.value {
                    detail.push(format!("({} {})", word("epic", server.lang), epic.value));
                }
            }
            let selection = block.id.as_ref().map_or(block.header, |id| id.span);
            DocumentSymbol {
                name,
                detail: Some(detail.join(" ")),
                kind,
                tags: None,
                deprecated: None,
                range: doc.range(block.span.start, block.span.end),
                selection_range: doc.range(selection.start, selection.end),
                children: None,
            }
        })
        .collect();
    Ok(Some(DocumentSymbolResponse::Nested(symbols)))
}

fn keyword(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Plan => "plan",
        BlockKind::Team => "team",
        BlockKind::Epic => "epic",
        BlockKind::Item => "item",
        BlockKind::Milestone => "milestone",
        BlockKind::Scenario => "scenario",
    }
}

/// After each `commit` line in the range (or an item's `in PI..` line where it has no
/// `commit`: the placement counts as a commitment), what the latest check says of it.
pub fn inlay_hints(server: &Server, p: InlayHintParams) -> Result<Option<Vec<InlayHint>>, Failure> {
    let doc = server.document(&p.text_document.uri)?;
    let Some(analysis) = server.analysis(&p.text_document.uri) else { return Ok(Some(Vec::new())) };
    let Some(feasibility) = analysis.checked.feasibility.as_ref() else { return Ok(Some(Vec::new())) };
    let (from, to) = (doc.offset(p.range.start), doc.offset(p.range.end));
    let mut hints = Vec::new();
    for block in &doc.parsed().file.blocks {
        if !matches!(block.kind, BlockKind::Item | BlockKind::Epic) {
            continue;
        }
        let Some(id) = &block.id else { continue };
        let Some(c) = feasibility.commitments.iter().find(|c| c.item == id.value) else { continue };
        // The `commit` line; without one, an item's `in PI..` placement counts as its commitment.
        let has_commit = block.statements.iter().any(|s| matches!(s.value, Statement::Commit { .. }));
        let lines = block.statements.iter().filter(|s| match s.value {
            Statement::Commit { .. } => true,
            Statement::In(_) => !has_commit,
            _ => false,
        });
        for s in lines {
            if s.span.end < from || s.span.start > to {
                continue;
            }
            let end = doc.lines.line_end(&doc.text, doc.range(s.span.end, s.span.end).end.line as usize);
            let position: Position = doc.range(end, end).start;
            hints.push(InlayHint {
                position,
                label: InlayHintLabel::String(label(c, server.lang)),
                kind: None,
                text_edits: None,
                tooltip: c.reason.as_ref().map(|r| InlayHintTooltip::String(r.text().to_string())),
                padding_left: Some(true),
                padding_right: None,
                data: None,
            });
        }
    }
    Ok(Some(hints))
}

/// `met · PI2.3`, `infeasible · done by PI3.2`, `conflict · not done in the horizon`.
pub fn label(c: &CommitmentReport, lang: haalbaar::catalogue::Lang) -> String {
    let status = word(status_word(c.status), lang);
    match (&c.finish, c.status) {
        (_, Status::Unknown) => format!("→ {status}"),
        (Some(finish), Status::Met) => format!("→ {status} · {finish}"),
        (Some(finish), _) => format!("→ {status} · {} {finish}", word("done by", lang)),
        (None, _) => format!("→ {status} · {}", word("not done in the horizon", lang)),
    }
}

/// The status as the JSON report writes it, as a word to translate.
pub fn status_word(status: Status) -> &'static str {
    match status {
        Status::Met => "met",
        Status::Infeasible => "infeasible",
        Status::Conflict => "conflict",
        _ => "unknown",
    }
}
