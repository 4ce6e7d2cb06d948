//! An item as named fields, through its serde form: what the merge, the undo check and the
//! activity journal compare. Going through serde means a field added to [`Item`] is covered
//! without being listed anywhere here (docs/guide/teams-and-git.md, "Several people on one board").
//!
//! Only items that differ are turned into fields, so this is never paid for a whole board.

use serde_json::{Map, Value};

use crate::model::Item;

/// An item's fields by name, as its serde form has them. A field left out (an empty optional
/// value) reads as `null`.
pub type Fields = Map<String, Value>;

/// The fields that are one unit when merging: where the item is (its track and column, and the
/// `finished` and `in_column_since` stamps that a move sets). Two moves of one item are one
/// conflict, never a track from one and a column from the other.
pub const MOVE: [&str; 4] = ["track", "column", "finished", "in_column_since"];

/// What a conflict about [`MOVE`] is called.
pub const MOVE_NAME: &str = "column";

/// Fields that say nothing a person changed: the id and creation stamp never change, `updated`
/// is stamped by every change.
pub const BOOKKEEPING: [&str; 3] = ["id", "created", "updated"];

/// The position within a lane: resolved without a conflict (docs/guide/teams-and-git.md, "Merges when two people save at once").
pub const RANK: &str = "rank";

const NULL: Value = Value::Null;

/// The fields of `item`.
pub fn of(item: &Item) -> Fields {
    match serde_json::to_value(item) {
        Ok(Value::Object(fields)) => fields,
        // An item always serializes to an object (it is a struct of plain values).
        _ => Map::new(),
    }
}

/// The item these fields describe; `null` values are left out so the field takes its default.
pub fn to_item(mut fields: Fields) -> Result<Item, serde_json::Error> {
    fields.retain(|_, v| !v.is_null());
    serde_json::from_value(Value::Object(fields))
}

/// The value of `name` (`null` when left out).
pub fn get<'f>(fields: &'f Fields, name: &str) -> &'f Value {
    fields.get(name).unwrap_or(&NULL)
}

/// Sets `name`, leaving it out when `value` is `null`.
pub fn set(fields: &mut Fields, name: &str, value: Value) {
    if value.is_null() {
        fields.remove(name);
    } else {
        fields.insert(name.to_owned(), value);
    }
}

/// Every field name of `a` and `b`, in `a`'s order then `b`'s.
pub fn names<'f>(a: &'f Fields, b: &'f Fields) -> Vec<&'f str> {
    let mut names: Vec<&str> = a.keys().map(String::as_str).collect();
    names.extend(b.keys().map(String::as_str).filter(|k| !a.contains_key(*k)));
    names
}

/// One field that differs: its name, the value before and the value after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Changed {
    pub name: String,
    pub from: Value,
    pub to: Value,
}

/// The fields that differ between two versions of an item, except `updated` (every change
/// stamps it), in field order.
pub fn diff(before: &Item, after: &Item) -> Vec<Changed> {
    let (a, b) = (of(before), of(after));
    names(&a, &b)
        .into_iter()
        .filter(|name| *name != "updated")
        .filter(|name| get(&a, name) != get(&b, name))
        .map(|name| Changed { name: name.to_owned(), from: get(&a, name).clone(), to: get(&b, name).clone() })
        .collect()
}

/// The fields of [`MOVE`] as one value (an object), for comparing and reporting a move.
pub fn move_of(fields: &Fields) -> Value {
    let mut unit = Map::new();
    for name in MOVE {
        set(&mut unit, name, get(fields, name).clone());
    }
    Value::Object(unit)
}

/// A value as a person reads it in a message: text without quotes marks, lists joined.
pub fn display(value: &Value) -> String {
    match value {
        Value::Null => "nothing".into(),
        Value::String(text) => text.clone(),
        Value::Array(values) if values.is_empty() => "nothing".into(),
        Value::Array(values) => values.iter().map(display).collect::<Vec<_>>().join(", "),
        Value::Object(map) => match (map.get("column"), map.get("title")) {
            (Some(column), _) => display(column),
            (None, Some(title)) => display(title),
            (None, None) => value.to_string(),
        },
        other => other.to_string(),
    }
}

#[cfg(test)]
#[path = "fields_tests.rs"]
pub(crate) mod tests;
