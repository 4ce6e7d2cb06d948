//! Jira's CSV export ("Export Excel CSV (all fields)"): columns by header name, repeated columns
//! (`Labels,Labels`, `Sprint,Sprint`, `Watchers,Watchers`) all read, Story Points found by the
//! custom field's name, the description's wiki markup as Markdown, dates as Jira writes them.

use chrono::NaiveDateTime;

use super::error::ExchangeError;
use super::jira_markup;
use super::record::{Batch, Record};
use super::table::{self, Row};

const EXPECTED: &str = "a Jira CSV export";

/// Columns the reader maps; every other non-empty cell is kept on the item under its header.
const MAPPED: [&str; 12] = [
    "Summary",
    "Issue key",
    "Description",
    "Status",
    "Issue Type",
    "Labels",
    "Assignee",
    "Sprint",
    "Resolution",
    "Status Category",
    "Parent",
    "Custom field (Epic Link)",
];

/// The issues of a Jira CSV export, from the project their keys name (`SHOP` of `SHOP-12`).
pub fn read(text: &str) -> Result<Batch, ExchangeError> {
    let (headers, rows) = table::read(text, EXPECTED, &["Issue key", "Summary"])?;
    let points = headers.iter().find(|h| is_story_points(h)).cloned();
    let mut batch = Batch { system: "jira", ..Batch::default() };
    for row in &rows {
        let record = record(row, points.as_deref())?;
        if batch.origin.is_empty() {
            batch.origin = row.get("Project key").map_or_else(|| project_of(&record.key), str::to_owned);
        }
        batch.records.push(record);
    }
    Ok(batch)
}

/// `Custom field (Story Points)`, `Custom field (Story point estimate)`, or the bare names.
fn is_story_points(header: &str) -> bool {
    let lower = header.to_lowercase();
    lower.contains("story points") || lower.contains("story point estimate")
}

fn project_of(key: &str) -> String {
    key.rsplit_once('-').map_or(key, |(project, _)| project).to_owned()
}

fn record(row: &Row, points: Option<&str>) -> Result<Record, ExchangeError> {
    let at = format!("row {}", row.number);
    let Some(key) = row.get("Issue key") else {
        return Err(ExchangeError::record(at, "it has no Issue key"));
    };
    let at = format!("{at} ({key})");
    let estimate = match points.and_then(|p| row.get(p)) {
        None => None,
        Some(text) => Some(whole_points(text).ok_or_else(|| {
            ExchangeError::record(at.clone(), format!("its story points \"{text}\" are not a number"))
        })?),
    };
    let category = row.get("Status Category").unwrap_or_default();
    let resolution = row.get("Resolution").filter(|r| !r.eq_ignore_ascii_case("unresolved"));
    let mut record = Record {
        key: key.to_owned(),
        title: row.get("Summary").unwrap_or_default().to_owned(),
        description: jira_markup::to_markdown(row.get("Description").unwrap_or_default()),
        status: row.get("Status").map(str::to_owned),
        closed: category.eq_ignore_ascii_case("done") || (category.is_empty() && resolution.is_some()),
        labels: row.all("Labels").map(str::to_owned).collect(),
        assignee: row.get("Assignee").map(str::to_owned),
        estimate,
        // The last sprint listed is the one it is in now (Jira lists the ones it rolled over from first).
        sprint: row.all("Sprint").last().map(str::to_owned),
        links: row.all("Parent").chain(row.all("Custom field (Epic Link)")).map(str::to_owned).collect(),
        at,
        ..Record::default()
    };
    record.labels.extend(row.get("Issue Type").map(str::to_owned));
    // Every sprint it was in, kept whole: the board may not have them.
    record.keep("Sprint", &row.all("Sprint").collect::<Vec<_>>().join(", "));
    for (header, _) in &row.cells {
        if MAPPED.iter().any(|m| m.eq_ignore_ascii_case(header)) || Some(header.as_str()) == points {
            continue;
        }
        if record.fields.contains_key(header) {
            continue;
        }
        let values: Vec<String> = row.all(header).map(|v| date(v).unwrap_or_else(|| v.to_owned())).collect();
        record.keep(header, &values.join(", "));
    }
    Ok(record)
}

/// `5`, `5.0` or `2.5` story points as whole points (halves round up: planning is in points).
fn whole_points(text: &str) -> Option<u32> {
    let value: f64 = text.trim().replace(',', ".").parse().ok()?;
    (value.is_finite() && (0.0..=1_000_000.0).contains(&value)).then(|| value.ceil() as u32)
}

/// A date as Jira's CSV writes it (`12/Mar/24 10:15 AM` by default, or the site's ISO-like
/// formats) in ISO form, `2024-03-12 10:15`; anything else is not a date.
fn date(text: &str) -> Option<String> {
    const FORMATS: [&str; 5] =
        ["%d/%b/%y %I:%M %p", "%d/%b/%Y %I:%M %p", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M", "%Y/%m/%d %H:%M"];
    FORMATS
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
        .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_points_as_jira_writes_them() {
        assert_eq!(date("12/Mar/24 9:05 AM").as_deref(), Some("2024-03-12 09:05"));
        assert_eq!(date("12/Mar/2024 10:15 PM").as_deref(), Some("2024-03-12 22:15"));
        assert_eq!(date("2024-03-12 10:15").as_deref(), Some("2024-03-12 10:15"));
        assert_eq!(date("High"), None);
        assert_eq!((whole_points("5.0"), whole_points("2.5"), whole_points("x")), (Some(5), Some(3), None));
    }
}
