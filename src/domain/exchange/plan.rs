//! What an import would do, worked out before anything changes: items created, items updated
//! field by field, unchanged, conflicts (changed here and there since the last import: this
//! board's value kept, the source's reported) and items gone from the source (reported, never
//! deleted). `--dry-run` prints it; the import applies its one edit (docs/guide/import-export.md).

use std::collections::{BTreeMap, HashMap};

use serde_json::Value;

use super::error::ExchangeError;
use super::mapping::Mapping;
use super::plan_apply::{self, Matched};
use super::record::{Batch, Record};
use super::wanted::{NAMES, Wanted, item_value};
use crate::domain::change::Op;
use crate::model::{Board, Item, ItemId, Source, Timestamp};

/// A field an import changes: its name (one of `wanted::NAMES`, or `links`), before and after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldChange {
    pub name: &'static str,
    pub from: Value,
    pub to: Value,
}

/// A field changed both on this board and at the source since the last import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clash {
    pub id: ItemId,
    pub key: String,
    pub field: &'static str,
    /// This board's value, which stays.
    pub local: Value,
    /// The source's value, reported and journaled, not applied.
    pub source: Value,
}

/// The import worked out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub system: &'static str,
    pub origin: String,
    /// Records read from the file.
    pub read: usize,
    /// New items: id, key and title.
    pub created: Vec<(ItemId, String, String)>,
    /// Items changed: id, key and the fields.
    pub updated: Vec<(ItemId, String, Vec<FieldChange>)>,
    pub unchanged: usize,
    pub conflicts: Vec<Clash>,
    /// Items an earlier import of this source created that the file no longer has: id and key.
    pub gone: Vec<(ItemId, String)>,
    /// The one edit (and its summary) that carries it out; an empty batch when nothing changes.
    pub op: Op,
}

impl Plan {
    /// Works out the import of `batch` into `board` under `mapping`, at `now`.
    pub fn make(board: &Board, batch: &Batch, mapping: &Mapping, now: Timestamp) -> Result<Plan, ExchangeError> {
        let mut by_key: HashMap<&str, &Item> = HashMap::new();
        for item in board.items() {
            if let Some(source) = item.source.as_deref().filter(|s| s.system == batch.system && s.origin == batch.origin) {
                by_key.insert(source.key.as_str(), item);
            }
        }
        let mut seen: HashMap<&str, &Record> = HashMap::new();
        let mut matched = Vec::with_capacity(batch.records.len());
        for record in &batch.records {
            if let Some(first) = seen.insert(record.key.as_str(), record) {
                return Err(ExchangeError::record(
                    record.at.clone(),
                    format!("its key {} is also the key of {}: each item must come once", record.key, first.at),
                ));
            }
            let wanted = Wanted::of(record, mapping, board)?;
            let item = by_key.get(record.key.as_str()).copied().or_else(|| own_item(board, batch, record));
            matched.push(Matched { record, wanted, item });
        }
        let gone = by_key
            .iter()
            .filter(|(key, _)| !seen.contains_key(*key))
            .map(|(key, item)| (item.id, (*key).to_owned()))
            .collect::<BTreeMap<_, _>>()
            .into_iter()
            .collect();
        plan_apply::build(board, batch, matched, gone, now)
    }

    /// "imported 140 from github.com/acme/shop: 132 new, 8 updated, 1 conflict".
    pub fn summary(&self) -> String {
        let mut parts = vec![format!("{} new", self.created.len()), format!("{} updated", self.updated.len())];
        if self.unchanged > 0 {
            parts.push(format!("{} unchanged", self.unchanged));
        }
        if !self.conflicts.is_empty() {
            parts.push(crate::words::count(self.conflicts.len(), "conflict"));
        }
        if !self.gone.is_empty() {
            parts.push(format!("{} gone from the source", self.gone.len()));
        }
        format!("imported {} from {}: {}", self.read, self.origin, parts.join(", "))
    }
}

/// This board's own item a record names by id (twotrack's exports carry the id): only when the
/// record is from this board (the same creation stamp, or the board's name in an Obsidian file)
/// and the item came from no other source.
fn own_item<'b>(board: &'b Board, batch: &Batch, record: &Record) -> Option<&'b Item> {
    let item = board.item(record.id?)?;
    let ours = match &record.exact {
        Some(exact) => exact.created == Some(item.created),
        None => batch.board.as_deref() == Some(board.name.as_str()),
    };
    (ours && item.source.is_none()).then_some(item)
}

/// The source record an import keeps on an item: the record's key, page and unmapped fields,
/// and the mapped values as set now (the base of the next import's comparison).
pub fn source_of(batch: &Batch, record: &Record, wanted: &Wanted) -> Source {
    Source {
        system: batch.system.to_owned(),
        origin: batch.origin.clone(),
        key: record.key.clone(),
        url: record.url.clone(),
        fields: record.fields.clone(),
        last: NAMES.iter().map(|name| ((*name).to_owned(), wanted.value(name).to_string())).collect(),
    }
}

/// How one field of an item compares: `None` when nothing is to be done.
pub enum Verdict {
    /// The source changed it and this board did not: take the source's value.
    Take(Value),
    /// Both changed it: keep this board's value, report the source's.
    Clash(Value, Value),
}

/// Compares field `name` of `item` with the record's value and the last import's.
pub fn verdict(item: &Item, wanted: &Wanted, name: &'static str) -> Option<Verdict> {
    let incoming = wanted.value(name);
    let local = item_value(item, name);
    if incoming == local {
        return None;
    }
    let Some(source) = item.source.as_deref() else { return Some(Verdict::Take(incoming)) };
    let base: Option<Value> = source.last.get(name).and_then(|text| serde_json::from_str(text).ok());
    match base {
        Some(base) if base == incoming => None,
        Some(base) if base != local => Some(Verdict::Clash(local, incoming)),
        _ => Some(Verdict::Take(incoming)),
    }
}
