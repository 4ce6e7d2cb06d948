//! Merging the board's settings (everything but the items) through their serde form: objects
//! per field, lists of records per record (keyed by `id`, or `name`), anything else as one
//! value. Settings added to the board later are covered without a line here.

use serde_json::{Map, Value};

use super::Conflict;
use crate::model::Board;

/// The merged settings as a board without items, and the conflicts found. Should the merged
/// settings not read back as a board (they always do when taken from boards), the winner's stay.
pub(super) fn merge(base: &Board, won: &Board, lost: &Board) -> (Board, Vec<Conflict>) {
    let header = |board: &Board| {
        let mut value = serde_json::to_value(board.clone_without_items()).unwrap_or(Value::Null);
        if let Value::Object(map) = &mut value {
            // Merged on their own: the items item by item, `next_id` as the largest.
            map.remove("items");
            map.remove("next_id");
        }
        value
    };
    let (b, w, l) = (header(base), header(won), header(lost));
    if w == l || l == b {
        return (won.clone_without_items(), Vec::new());
    }
    let mut conflicts = Vec::new();
    let mut merged = value(String::new(), &b, &w, &l, &mut conflicts);
    if let Value::Object(map) = &mut merged {
        map.insert("items".into(), Value::Array(Vec::new()));
        map.insert("next_id".into(), Value::from(won.next_id));
    }
    match serde_json::from_value::<Board>(merged) {
        Ok(board) => (board, conflicts),
        Err(err) => {
            let conflict = Conflict {
                item: None,
                field: "settings".into(),
                kept: w,
                lost: Value::String(format!("not merged: {err}")),
            };
            (won.clone_without_items(), vec![conflict])
        }
    }
}

fn value(path: String, b: &Value, w: &Value, l: &Value, conflicts: &mut Vec<Conflict>) -> Value {
    if l == b || w == l {
        return w.clone();
    }
    if w == b {
        return l.clone();
    }
    match (b, w, l) {
        (Value::Object(b), Value::Object(w), Value::Object(l)) => {
            Value::Object(object(&path, b, w, l, conflicts))
        }
        (Value::Array(b), Value::Array(w), Value::Array(l)) if keyed(b) && keyed(w) && keyed(l) => {
            Value::Array(records(&path, b, w, l, conflicts))
        }
        _ => {
            conflicts.push(Conflict { item: None, field: path, kept: w.clone(), lost: l.clone() });
            w.clone()
        }
    }
}

fn object(
    path: &str,
    b: &Map<String, Value>,
    w: &Map<String, Value>,
    l: &Map<String, Value>,
    conflicts: &mut Vec<Conflict>,
) -> Map<String, Value> {
    let mut out = Map::new();
    let names = w.keys().chain(l.keys().filter(|k| !w.contains_key(*k)));
    for name in names {
        let get = |m: &Map<String, Value>| m.get(name).cloned().unwrap_or(Value::Null);
        let at = if path.is_empty() { name.clone() } else { format!("{path}.{name}") };
        let merged = value(at, &get(b), &get(w), &get(l), conflicts);
        if !merged.is_null() {
            out.insert(name.clone(), merged);
        }
    }
    out
}

/// The key of a record in a list of records: its `id`, else its `name`.
fn key(record: &Value) -> Option<String> {
    let field = record.get("id").or_else(|| record.get("name"))?;
    Some(match field {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    })
}

fn keyed(list: &[Value]) -> bool {
    !list.is_empty() && list.iter().all(|r| r.is_object() && key(r).is_some())
}

/// Lists of records, record by record: the winner's order (the loser's if only the loser
/// reordered), records added by the loser at the end, a record deleted on one side and changed
/// on the other is a conflict.
fn records(path: &str, b: &[Value], w: &[Value], l: &[Value], conflicts: &mut Vec<Conflict>) -> Vec<Value> {
    let find = |list: &[Value], k: &str| list.iter().find(|r| key(r).as_deref() == Some(k)).cloned();
    let keys = |list: &[Value]| list.iter().filter_map(key).collect::<Vec<_>>();
    let (bk, wk, lk) = (keys(b), keys(w), keys(l));
    let common = |list: &[String], other: &[String]| {
        list.iter().filter(|k| other.contains(k)).cloned().collect::<Vec<_>>()
    };
    let winner_reordered = common(&wk, &bk) != common(&bk, &wk);
    let mut order = if winner_reordered { wk.clone() } else { lk.clone() };
    let others = if winner_reordered { &lk } else { &wk };
    for k in others.iter().chain(&bk) {
        if !order.contains(k) {
            order.push(k.clone());
        }
    }
    let mut out = Vec::new();
    for k in order {
        let at = format!("{path}[{k}]");
        let get = |list: &[Value]| find(list, &k).unwrap_or(Value::Null);
        let merged = value(at, &get(b), &get(w), &get(l), conflicts);
        if !merged.is_null() {
            out.push(merged);
        }
    }
    out
}
