//! twotrack's own `list --json`: items of another board (or of this one, exported and edited),
//! with their exact track, stage, kind and column, keyed by their id there (`tt:12`).

use serde_json::Value;

use super::error::ExchangeError;
use super::record::{Batch, Exact, Record};
use crate::model::{CheckEntry, Kind, Stage, Track};

/// Parses JSON, a syntax error named by its line and column.
pub fn json(text: &str, expected: &'static str) -> Result<Value, ExchangeError> {
    parse(text, expected)
}

/// [`json`], read as `T` (borrowing from `text` where `T` does).
pub fn parse<'a, T: serde::Deserialize<'a>>(
    text: &'a str,
    expected: &'static str,
) -> Result<T, ExchangeError> {
    serde_json::from_str(text).map_err(|e| ExchangeError::NotThatFormat {
        expected,
        why: format!("line {}, column {}: {}", e.line(), e.column(), plain(&e)),
    })
}

/// serde_json's message without its own " at line L column C" (the sentence says where).
fn plain(error: &serde_json::Error) -> String {
    let text = error.to_string();
    text.split(" at line ").next().unwrap_or(&text).to_owned()
}

/// The items of `list --json` output; `origin` names the board they came from.
pub fn read(text: &str, origin: &str) -> Result<Batch, ExchangeError> {
    let Value::Array(items) = json(text, "twotrack's list --json")? else {
        return Err(ExchangeError::NotThatFormat {
            expected: "twotrack's list --json",
            why: "it is not a list of items".into(),
        });
    };
    let mut batch = Batch { system: "twotrack", origin: origin.to_owned(), ..Batch::default() };
    for (index, item) in items.iter().enumerate() {
        batch.records.push(record(item, index)?);
    }
    Ok(batch)
}

fn record(item: &Value, index: usize) -> Result<Record, ExchangeError> {
    let at = format!("item at index {index}");
    let bad = |why: &str| ExchangeError::record(at.clone(), why.to_owned());
    let id = item.get("id").and_then(Value::as_u64).ok_or_else(|| bad("it has no id"))?;
    let text = |name: &str| item.get(name).and_then(Value::as_str).map(str::to_owned);
    let track: Track = text("track")
        .and_then(|t| t.parse().ok())
        .ok_or_else(|| bad("its track is not discovery or delivery"))?;
    let stage =
        item.get("stage").and_then(Value::as_u64).and_then(|s| Stage::try_from(u8::try_from(s).ok()?).ok());
    let kind: Option<Kind> = text("kind").and_then(|k| k.parse().ok());
    let (Some(stage), Some(kind), Some(column)) = (stage, kind, text("column")) else {
        return Err(bad("its stage, kind or column is missing or unknown"));
    };
    let strings = |name: &str| -> Vec<String> {
        item.get(name)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect()
    };
    let checklist = item.get("checklist").and_then(Value::as_array).into_iter().flatten();
    let ids = item.get("links").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_u64);
    Ok(Record {
        key: format!("tt:{id}"),
        at: format!("{at} (#{id})"),
        title: text("title").unwrap_or_default(),
        description: text("description").unwrap_or_default(),
        status: Some(column.clone()),
        labels: strings("tags"),
        assignee: text("assignee"),
        estimate: item.get("estimate").and_then(Value::as_u64).and_then(|e| u32::try_from(e).ok()),
        sprint: text("sprint"),
        checklist: checklist
            .filter_map(|e| {
                Some(CheckEntry {
                    text: e.get("text")?.as_str()?.to_owned(),
                    done: e.get("done")?.as_bool()?,
                })
            })
            .collect(),
        links: ids.map(|l| format!("tt:{l}")).collect(),
        id: Some(id),
        exact: Some(Exact {
            track,
            stage,
            kind,
            column,
            created: text("created").and_then(|c| c.parse().ok()),
        }),
        ..Record::default()
    })
}
