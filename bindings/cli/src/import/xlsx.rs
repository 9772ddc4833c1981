//! A workbook (`.xlsx`) read into tables: a capacity sheet (teams, their people, focus and
//! reserve, hires and leavers) and an item sheet (the columns of a Jira export), found by
//! their headers. Cells become text as the CSV would hold them; dates as `2026-03-02`.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use super::table::{Row, Table};

/// The sheets found.
#[derive(Debug, Default)]
pub struct Workbook {
    /// The capacity sheet: its name and rows.
    pub capacity: Option<(String, Table)>,
    /// The item sheet: its name and rows.
    pub items: Option<(String, Table)>,
}

/// A cell as text: numbers as written (`3`, `2.5`), dates as `YYYY-MM-DD`, errors empty.
fn text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => format!("{f}"),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => d.as_datetime().map_or_else(|| d.to_string(), |t| t.format("%Y-%m-%d").to_string()),
        Data::DateTimeIso(s) => s.get(..10).unwrap_or(s).to_string(),
        Data::DurationIso(s) => s.clone(),
    }
}

/// The header names a capacity sheet has.
pub const TEAM_HEADERS: &[&str] = &["Team"];
/// The header names an item sheet has (one of).
pub const KEY_HEADERS: &[&str] = &["Issue key", "Key"];

/// Reads the workbook's sheets; the first whose header has `Team` and `People` (or `Mensen`)
/// is the capacity sheet, the first with `Issue key` (or the mapping's key column) the item
/// sheet.
pub fn read(bytes: &[u8], key_column: Option<&str>) -> Result<Workbook, String> {
    if !bytes.starts_with(b"PK\x03\x04") {
        return Err("not a workbook (.xlsx); for a CSV export use `haalbaar import jira`".into());
    }
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec()))
        .map_err(|e| format!("not a workbook Excel or LibreOffice can save as .xlsx ({e})"))?;
    let mut out = Workbook::default();
    for name in book.sheet_names().to_vec() {
        let range = book.worksheet_range(&name).map_err(|e| format!("sheet `{name}`: {e}"))?;
        let (top, _) = range.start().unwrap_or((0, 0));
        let mut rows = range.rows();
        let Some(header) = rows.next() else { continue };
        let mut table =
            Table { headers: header.iter().map(text).collect(), rows: Vec::new(), separator: ',', encoding: None };
        for (n, row) in rows.enumerate() {
            // The sheet's own row number (from 1), as the planner sees it.
            table.rows.push(Row { line: top as usize + n + 2, cells: row.iter().map(text).collect() });
        }
        let has = |h: &str| table.column(h).is_some();
        if out.capacity.is_none() && has("Team") && (has("People") || has("Mensen")) {
            out.capacity = Some((name, table));
        } else if out.items.is_none() && (key_column.is_some_and(has) || KEY_HEADERS.iter().any(|h| has(h))) {
            out.items = Some((name, table));
        }
    }
    if out.capacity.is_none() && out.items.is_none() {
        return Err("no sheet with a capacity header (Team, People, …) or an item header (Issue key, …)".into());
    }
    Ok(out)
}
