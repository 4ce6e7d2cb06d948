//! Linear's CSV export (Settings → Import/Export): headers by name, so the 30- and the
//! 34-column variants read alike; the `'` Linear puts before a cell that a spreadsheet would
//! take for a formula is removed; labels are one cell split on `, `.

use super::error::ExchangeError;
use super::record::{Batch, Record};
use super::table::{self, Row};

const EXPECTED: &str = "a Linear CSV export";

/// Columns the reader maps; every other non-empty cell is kept on the item under its header.
const MAPPED: [&str; 12] = [
    "ID",
    "Title",
    "Description",
    "Status",
    "Estimate",
    "Assignee",
    "Labels",
    "Cycle Name",
    "Cycle Number",
    "Parent issue",
    "Completed",
    "Canceled",
];

/// The issues of a Linear CSV export, from the team their ids name (`ENG` of `ENG-42`).
pub fn read(text: &str) -> Result<Batch, ExchangeError> {
    let (_, rows) = table::read(text, EXPECTED, &["ID", "Title", "Status"])?;
    let mut batch = Batch { system: "linear", ..Batch::default() };
    for row in &rows {
        let record = record(row)?;
        if batch.origin.is_empty() {
            batch.origin = cell(row, "Team")
                .unwrap_or_else(|| record.key.split('-').next().unwrap_or_default().to_owned());
        }
        batch.records.push(record);
    }
    Ok(batch)
}

/// A cell without Linear's formula guard: `'=1+2` is the text `=1+2`.
fn unguard(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => text,
    }
}

fn cell(row: &Row, header: &str) -> Option<String> {
    row.get(header).map(|v| unguard(v).to_owned())
}

fn record(row: &Row) -> Result<Record, ExchangeError> {
    let at = format!("row {}", row.number);
    let Some(key) = cell(row, "ID") else { return Err(ExchangeError::record(at, "it has no ID")) };
    let at = format!("{at} ({key})");
    let estimate = match cell(row, "Estimate") {
        None => None,
        Some(text) => Some(
            text.parse::<f64>()
                .ok()
                .filter(|v| (0.0..=1_000_000.0).contains(v))
                .map(|v| v.ceil() as u32)
                .ok_or_else(|| {
                    ExchangeError::record(at.clone(), format!("its estimate \"{text}\" is not a number"))
                })?,
        ),
    };
    let status = cell(row, "Status");
    let finished = cell(row, "Completed").is_some() || cell(row, "Canceled").is_some();
    let sprint = cell(row, "Cycle Name").or_else(|| cell(row, "Cycle Number").map(|n| format!("Cycle {n}")));
    let mut record = Record {
        key: key.clone(),
        title: cell(row, "Title").unwrap_or_default(),
        description: cell(row, "Description").unwrap_or_default(),
        closed: finished,
        status,
        labels: row
            .all("Labels")
            .flat_map(|l| unguard(l).split(", "))
            .map(|l| l.trim().to_owned())
            .filter(|l| !l.is_empty())
            .collect(),
        assignee: cell(row, "Assignee"),
        estimate,
        sprint,
        links: cell(row, "Parent issue").into_iter().collect(),
        at,
        ..Record::default()
    };
    record.keep("Cycle", record.sprint.clone().unwrap_or_default().as_str());
    for header in ["Completed", "Canceled"] {
        if let Some(when) = cell(row, header) {
            record.keep(&header.to_lowercase(), &when);
        }
    }
    for (header, _) in &row.cells {
        if !MAPPED.iter().any(|m| m.eq_ignore_ascii_case(header)) {
            let value = row.all(header).map(unguard).collect::<Vec<_>>().join(", ");
            record.keep(header, &value);
        }
    }
    Ok(record)
}
