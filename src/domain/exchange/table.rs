//! CSV exports read by header name with the `csv` crate (RFC 4180: quoted fields, doubled
//! quotes, line breaks inside quotes), repeated headers kept as repeated cells.

use super::error::ExchangeError;

/// One row: `(header, cell)` pairs in the file's order, a header repeated as often as the file
/// repeats it (`Labels,Labels`), and the row's number as a spreadsheet counts it (the header is 1).
pub struct Row {
    pub number: u64,
    pub cells: Vec<(String, String)>,
}

impl Row {
    /// The first non-empty cell under `header` (names compared ignoring case).
    pub fn get<'r>(&'r self, header: &'r str) -> Option<&'r str> {
        self.all(header).next()
    }

    /// Every non-empty cell under `header`, repeated columns included.
    pub fn all<'r>(&'r self, header: &'r str) -> impl Iterator<Item = &'r str> + 'r {
        self.cells
            .iter()
            .filter(move |(h, v)| h.eq_ignore_ascii_case(header) && !v.trim().is_empty())
            .map(|(_, v)| v.trim())
    }
}

/// The header and rows of `text`; a row with more or fewer cells than the header (an unclosed
/// quote swallows the rest of the file into one cell) is named by its line.
pub fn read(
    text: &str,
    expected: &'static str,
    required: &[&str],
) -> Result<(Vec<String>, Vec<Row>), ExchangeError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| ExchangeError::NotThatFormat { expected, why: e.to_string() })?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    if let Some(missing) = required.iter().find(|r| !headers.iter().any(|h| h == *r)) {
        return Err(ExchangeError::NotThatFormat {
            expected,
            why: format!("its first line has no {missing} column"),
        });
    }
    let mut rows = Vec::new();
    let mut starts = Vec::new();
    for result in reader.records() {
        let record = result.map_err(|e| {
            let line = e.position().map_or(0, csv::Position::line);
            ExchangeError::record(format!("the row at line {line}"), row_error(&e))
        })?;
        let number = record.position().map_or(0, csv::Position::line);
        starts.push((number, record.position().map_or(0, |p| p.byte() as usize)));
        let cells = headers.iter().cloned().zip(record.iter().map(str::to_owned)).collect();
        rows.push(Row { number, cells });
    }
    unclosed_quote(text, &starts)?;
    Ok((headers, rows))
}

/// A quote opened and never closed makes the rest of the file one cell, which the reader takes
/// without complaint: an odd number of quotes from a row on names that row.
fn unclosed_quote(text: &str, starts: &[(u64, usize)]) -> Result<(), ExchangeError> {
    if text.matches('"').count().is_multiple_of(2) {
        return Ok(());
    }
    let mut end = text.len();
    for (line, start) in starts.iter().rev() {
        let quotes = text.get(*start..end).map_or(0, |row| row.matches('"').count());
        if !quotes.is_multiple_of(2) {
            return Err(ExchangeError::record(
                format!("the row at line {line}"),
                "a quote opens a cell and is never closed",
            ));
        }
        end = *start;
    }
    Err(ExchangeError::record("the first line", "a quote opens a cell and is never closed"))
}

fn row_error(error: &csv::Error) -> String {
    match error.kind() {
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => format!(
            "it has {len} cells where the header has {expected_len} (a quote left open swallows the rows after it)"
        ),
        csv::ErrorKind::Utf8 { .. } => "it is not UTF-8 text".into(),
        _ => error.to_string(),
    }
}
