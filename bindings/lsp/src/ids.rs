//! Go to definition, find references and rename, for the ids of teams, epics, items,
//! milestones and scenarios.

use std::collections::HashMap;

use lsp_types::{
    GotoDefinitionParams, GotoDefinitionResponse, Location, PrepareRenameResponse, ReferenceParams, RenameParams,
    TextDocumentPositionParams, TextEdit, WorkspaceEdit,
};

use crate::document::Document;
use crate::server::{Failure, Server};
use crate::symbols::{self, Occurrence};
use crate::words::word;

/// The id under the cursor.
fn under(doc: &Document, position: lsp_types::Position) -> Option<&Occurrence> {
    symbols::at(&doc.parsed().occurrences, doc.offset(position))
}

/// Where the id under the cursor is defined.
pub fn definition(server: &Server, p: GotoDefinitionParams) -> Result<Option<GotoDefinitionResponse>, Failure> {
    let uri = p.text_document_position_params.text_document.uri;
    let doc = server.document(&uri)?;
    let Some(o) = under(doc, p.text_document_position_params.position) else { return Ok(None) };
    let found: Vec<Location> = symbols::all_of(&doc.parsed().occurrences, &o.name, o.kind)
        .filter(|d| d.definition)
        .map(|d| Location::new(uri.clone(), doc.range(d.span.start, d.span.end)))
        .collect();
    Ok(match found.len() {
        0 => None,
        1 => found.into_iter().next().map(GotoDefinitionResponse::Scalar),
        _ => Some(GotoDefinitionResponse::Array(found)),
    })
}

/// Every place the id under the cursor is written (its definition too when asked).
pub fn references(server: &Server, p: ReferenceParams) -> Result<Option<Vec<Location>>, Failure> {
    let uri = p.text_document_position.text_document.uri;
    let doc = server.document(&uri)?;
    let Some(o) = under(doc, p.text_document_position.position) else { return Ok(None) };
    let found = symbols::all_of(&doc.parsed().occurrences, &o.name, o.kind)
        .filter(|r| p.context.include_declaration || !r.definition)
        .map(|r| Location::new(uri.clone(), doc.range(r.span.start, r.span.end)))
        .collect();
    Ok(Some(found))
}

/// The id a rename at the cursor would change, and its range.
pub fn prepare_rename(
    server: &Server,
    p: TextDocumentPositionParams,
) -> Result<Option<PrepareRenameResponse>, Failure> {
    let doc = server.document(&p.text_document.uri)?;
    Ok(under(doc, p.position).map(|o| PrepareRenameResponse::RangeWithPlaceholder {
        range: doc.range(o.span.start, o.span.end),
        placeholder: o.name.clone(),
    }))
}

/// Every place of the id under the cursor, renamed; refused when the new id is not one the
/// language takes, or names something else of the same kind already.
pub fn rename(server: &Server, p: RenameParams) -> Result<Option<WorkspaceEdit>, Failure> {
    let uri = p.text_document_position.text_document.uri;
    let doc = server.document(&uri)?;
    let Some(o) = under(doc, p.text_document_position.position) else { return Ok(None) };
    let new = p.new_name.trim();
    if !haalbaar_grammar::is_valid_id(new) {
        let hint = haalbaar_grammar::suggest_id(new);
        return Err(Failure::refused(format!(
            "`{new}` {}: `{hint}`",
            word(
                "is not an id: an id starts with a lowercase letter and holds lowercase letters, digits, `-` and `_`; try",
                server.lang
            )
        )));
    }
    let all = &doc.parsed().occurrences;
    // Teams, epics, items, milestones and scenarios share one set of ids (E0204).
    if let Some(taken) = all.iter().find(|d| d.definition && d.name == new && new != o.name) {
        let lang = server.lang;
        return Err(Failure::refused(format!(
            "{} {} `{new}`",
            word("the plan already has a", lang),
            word(taken.kind.word(), lang)
        )));
    }
    let edits: Vec<TextEdit> = symbols::all_of(all, &o.name, o.kind)
        .map(|r| TextEdit::new(doc.range(r.span.start, r.span.end), new.to_string()))
        .collect();
    Ok(Some(WorkspaceEdit { changes: Some(HashMap::from([(uri, edits)])), ..WorkspaceEdit::default() }))
}
