//! A table as an export holds it: a header (names may repeat: Jira writes one `Sprint`,
//! `Labels` or link column per value) and rows, each with the line of the file it starts on.

/// A header and its rows.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// The column names, as written.
    pub headers: Vec<String>,
    /// The rows under the header.
    pub rows: Vec<Row>,
    /// The separator of a CSV file (`,`, `;` or a tab).
    pub separator: char,
    /// The encoding, when the file is not UTF-8.
    pub encoding: Option<&'static str>,
}

/// One row.
#[derive(Debug, Clone)]
pub struct Row {
    /// Where the row starts: the line of a CSV file, the row of a sheet (from 1).
    pub line: usize,
    /// Its cells (as many as the row has; missing ones read as empty).
    pub cells: Vec<String>,
}

impl Row {
    /// The cell in column `c`, trimmed (empty where the row is short).
    pub fn cell(&self, c: usize) -> &str {
        self.cells.get(c).map_or("", |s| s.trim())
    }

    /// Every non-empty cell of the columns `cs` (a repeated column's values).
    pub fn cells_of(&self, cs: &[usize]) -> Vec<&str> {
        cs.iter().map(|&c| self.cell(c)).filter(|s| !s.is_empty()).collect()
    }

    /// Whether every cell is empty.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
}

impl Table {
    /// Every column named `name` (trimmed, case does not matter), in order.
    pub fn columns(&self, name: &str) -> Vec<usize> {
        let want = name.trim().to_lowercase();
        self.headers.iter().enumerate().filter(|(_, h)| h.trim().to_lowercase() == want).map(|(i, _)| i).collect()
    }

    /// The first column named `name`.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns(name).first().copied()
    }

    /// The first of `names` the header has, and its name as written.
    pub fn first_of<'a>(&self, names: &[&'a str]) -> Option<(usize, &'a str)> {
        names.iter().find_map(|n| self.column(n).map(|c| (c, *n)))
    }

    /// A CSV file's text as a table: the first record is the header; quoted fields may hold
    /// separators, quotes and line breaks; a byte-order mark is left out. The separator is a
    /// comma, or a semicolon or tab when the header line has more of those (as Excel saves CSV
    /// where the decimal separator is a comma).
    pub fn from_csv(bytes: &[u8]) -> Result<Table, String> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if bytes.starts_with(b"PK\x03\x04") {
            return Err("this is a workbook (.xlsx), not CSV: use `haalbaar import xlsx`".into());
        }
        // Not UTF-8: the Windows code page Excel saves "CSV" in (every byte is a character
        // there, so nothing is lost).
        let decoded;
        let mut encoding = None;
        let bytes = if std::str::from_utf8(bytes).is_err() {
            decoded = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned();
            encoding = Some("Windows-1252");
            decoded.as_bytes()
        } else {
            bytes
        };
        let first = &bytes[..bytes.iter().position(|&b| b == b'\n').unwrap_or(bytes.len())];
        let count = |c: u8| first.iter().filter(|&&b| b == c).count();
        let separator = [b';', b'\t'].into_iter().find(|&c| count(c) > count(b',')).unwrap_or(b',');
        let mut reader =
            csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(separator).from_reader(bytes);
        let mut table = Table { separator: separator as char, encoding, ..Table::default() };
        // Lines counted from the bytes (a line break inside a quoted field counts too).
        let (mut seen, mut line) = (0usize, 1usize);
        let mut line_of = |byte: usize| {
            // A record of a CRLF file may be placed at the `\n` of the line break before it.
            let mut to = byte.min(bytes.len());
            while to < bytes.len() && matches!(bytes[to], b'\r' | b'\n') {
                to += 1;
            }
            if to > seen {
                line += bytes[seen..to].iter().filter(|&&b| b == b'\n').count();
                seen = to;
            }
            line
        };
        for (n, record) in reader.byte_records().enumerate() {
            let record = record.map_err(|e| match e.position() {
                Some(p) => format!("line {}: {}", line_of(p.byte() as usize), e.kind_message()),
                None => e.to_string(),
            })?;
            let line = record.position().map_or(0, |p| line_of(p.byte() as usize));
            let mut cells = Vec::with_capacity(record.len());
            for field in record.iter() {
                let text = std::str::from_utf8(field)
                    .map_err(|_| format!("line {line}: not UTF-8 text; export the file as UTF-8 (Jira does)"))?;
                cells.push(text.to_string());
            }
            if n == 0 {
                table.headers = cells;
            } else {
                table.rows.push(Row { line, cells });
            }
        }
        if table.headers.iter().all(|h| h.trim().is_empty()) {
            return Err("the file is empty: no header line".into());
        }
        if table.rows.iter().all(Row::is_blank) {
            return Err("the export has a header and no issues".into());
        }
        Ok(table)
    }
}

/// What a CSV error says, without its position (given apart).
trait KindMessage {
    fn kind_message(&self) -> String;
}

impl KindMessage for csv::Error {
    fn kind_message(&self) -> String {
        match self.kind() {
            csv::ErrorKind::Io(e) => e.to_string(),
            csv::ErrorKind::Utf8 { .. } => "not UTF-8 text".into(),
            csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
                format!("{len} fields where the header has {expected_len}")
            }
            _ => self.to_string(),
        }
    }
}
