//! A Trello board as its "Export as JSON" writes it: `lists` become the status (and so the
//! column), `cards` the records with their `labels`, `checklists` their checklist, the first of
//! `idMembers` the assignee; an archived (`closed`) card or a card of an archived list is closed.

use std::collections::HashMap;

use serde_json::Value;

use super::error::ExchangeError;
use super::record::{Batch, Record};
use crate::model::CheckEntry;

const EXPECTED: &str = "a Trello board JSON export";

/// The cards of a Trello board export, from the board its URL (or name) names.
pub fn read(input: &str) -> Result<Batch, ExchangeError> {
    let board = super::own::json(input, EXPECTED)?;
    let (Some(lists), Some(cards)) = (array(&board, "lists"), array(&board, "cards")) else {
        return Err(ExchangeError::NotThatFormat {
            expected: EXPECTED,
            why: "it has no lists and cards".into(),
        });
    };
    let by_id = |items: &[Value]| -> HashMap<String, Value> {
        items.iter().filter_map(|v| Some((v.get("id")?.as_str()?.to_owned(), v.clone()))).collect()
    };
    let lists = by_id(lists);
    let members = by_id(array(&board, "members").unwrap_or(&[]));
    let mut checklists: HashMap<&str, Vec<CheckEntry>> = HashMap::new();
    for list in array(&board, "checklists").unwrap_or(&[]) {
        let Some(card) = text(list, "idCard") else { continue };
        let items = array(list, "checkItems").unwrap_or(&[]);
        let mut items: Vec<&Value> = items.iter().collect();
        items.sort_by(|a, b| pos(a).total_cmp(&pos(b)));
        checklists.entry(card).or_default().extend(items.into_iter().filter_map(|i| {
            Some(CheckEntry { text: text(i, "name")?.to_owned(), done: text(i, "state") == Some("complete") })
        }));
    }
    let origin =
        text(&board, "shortUrl").or(text(&board, "url")).or(text(&board, "name")).unwrap_or("trello");
    let mut batch = Batch {
        system: "trello",
        origin: origin.trim_start_matches("https://").to_owned(),
        ..Batch::default()
    };
    for (index, card) in cards.iter().enumerate() {
        let mut record = card_record(card, index, &lists, &members)?;
        record.checklist = checklists.remove(text(card, "id").unwrap_or_default()).unwrap_or_default();
        batch.records.push(record);
    }
    Ok(batch)
}

fn array<'v>(value: &'v Value, name: &str) -> Option<&'v [Value]> {
    value.get(name)?.as_array().map(Vec::as_slice)
}

fn text<'v>(value: &'v Value, name: &str) -> Option<&'v str> {
    value.get(name)?.as_str().filter(|s| !s.is_empty())
}

fn pos(value: &Value) -> f64 {
    value.get("pos").and_then(Value::as_f64).unwrap_or(0.0)
}

fn card_record(
    card: &Value,
    index: usize,
    lists: &HashMap<String, Value>,
    members: &HashMap<String, Value>,
) -> Result<Record, ExchangeError> {
    let at = format!("card at index {index}");
    let key = match (card.get("idShort").and_then(Value::as_u64), text(card, "id")) {
        (Some(short), _) => format!("trello:{short}"),
        (None, Some(id)) => format!("trello:{id}"),
        (None, None) => return Err(ExchangeError::record(at, "it has no id")),
    };
    let list = text(card, "idList").and_then(|id| lists.get(id));
    let archived = card.get("closed") == Some(&Value::Bool(true));
    let list_archived = list.and_then(|l| l.get("closed")) == Some(&Value::Bool(true));
    let member = array(card, "idMembers")
        .unwrap_or(&[])
        .iter()
        .filter_map(Value::as_str)
        .find_map(|id| members.get(id));
    let mut record = Record {
        at: format!("{at} ({key})"),
        key,
        url: text(card, "shortUrl").or(text(card, "url")).map(str::to_owned),
        title: text(card, "name").unwrap_or_default().to_owned(),
        description: text(card, "desc").unwrap_or_default().to_owned(),
        status: list.and_then(|l| text(l, "name")).map(str::to_owned),
        closed: archived || list_archived,
        labels: array(card, "labels")
            .unwrap_or(&[])
            .iter()
            .filter_map(|l| text(l, "name"))
            .map(str::to_owned)
            .collect(),
        assignee: member.and_then(|m| text(m, "username")).map(str::to_owned),
        ..Record::default()
    };
    if archived || list_archived {
        record.keep("archived", "yes");
    }
    record.keep("due", text(card, "due").unwrap_or_default());
    Ok(record)
}
