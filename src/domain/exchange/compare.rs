//! One matched item against its record: which fields to take from the source, which clash
//! with a change made here since the last import, and the source record the item keeps.

use serde_json::Value;

use super::record::{Batch, Record};
use super::wanted::{NAMES, Wanted, item_value};
use crate::model::{Board, Item, Source};

/// This board's own item a record names by id (twotrack's exports carry the id): only when the
/// record is from this board (the same creation stamp, or the board's name in an Obsidian file)
/// and the item came from no other source.
pub fn own_item<'b>(board: &'b Board, batch: &Batch, record: &Record) -> Option<&'b Item> {
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
