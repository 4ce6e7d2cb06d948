//! Deleted items brought back from the activity journal (docs/guide/command-line.md, `restore`
//! and `trash`). A delete journals the item's last fields as `[value, null]` and, in the same
//! save, the references other items lost to it; a restore puts both back as one edit (one undo),
//! so it works after a restart and on any machine that has the journal. Pure: the journal file
//! is `store::journal`.

use serde_json::Value;
use thiserror::Error;

use super::activity::{Action, Entry};
use crate::domain::change::edit::ItemChange;
use crate::domain::change::fields;
use crate::domain::change::{Edit, Op, OpError};
use crate::model::{Board, Item, ItemId, Timestamp};

/// Why a deleted item cannot come back; the board is unchanged.
#[derive(Debug, Error)]
pub enum RestoreError {
    #[error(
        "#{0} was never deleted from this board (the journal has no delete of it; `twotrack trash` lists what can be restored)"
    )]
    NeverDeleted(ItemId),
    #[error("#{0} is on the board now (restored already, or its id was given to a new item)")]
    OnBoard(ItemId),
    #[error("#{id} lay in column \"{column}\" of the {track} track, which the board no longer has")]
    ColumnGone { id: ItemId, column: String, track: String },
    #[error("#{id}'s journal entry does not read as an item: {source}")]
    Unreadable { id: ItemId, source: serde_json::Error },
    #[error(transparent)]
    Op(#[from] OpError),
}

/// A deleted item that can be restored: its last delete.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deleted {
    pub id: ItemId,
    pub title: String,
    /// The column's id and track, as the journal has them.
    pub column: String,
    pub track: String,
    pub time: Timestamp,
    pub author: String,
}

/// The items whose last journal entry is a delete and that are not on the board now, the most
/// recently deleted first. `entries` are the journal's, in the order written.
pub fn trash(board: &Board, entries: &[Entry]) -> Vec<Deleted> {
    let mut out: Vec<Deleted> = Vec::new();
    for entry in entries.iter().rev() {
        let Some(id) = entry.item else { continue };
        if entry.action != Action::Deleted || board.item(id).is_some() || out.iter().any(|d| d.id == id) {
            continue;
        }
        let text =
            |name: &str| entry.change(name).and_then(|(from, _)| from.as_str()).unwrap_or("").to_owned();
        out.push(Deleted {
            id,
            title: text("title"),
            column: text("column"),
            track: text("track"),
            time: entry.time,
            author: entry.author.clone(),
        });
    }
    out
}

/// The edit that brings item `id` back as its last delete left it: its fields, its column and
/// rank, its links, and the references other items lost when it was deleted (where those items
/// are still there). `entries` are the journal entries that mention `id`, in the order written.
pub fn restore(board: &Board, entries: &[Entry], id: ItemId, now: Timestamp) -> Result<Op, RestoreError> {
    let Some(at) = entries.iter().rposition(|e| e.item == Some(id) && e.action == Action::Deleted) else {
        return Err(RestoreError::NeverDeleted(id));
    };
    if board.item(id).is_some() {
        return Err(RestoreError::OnBoard(id));
    }
    let deleted = &entries[at];
    let created = entries
        .iter()
        .find(|e| e.item == Some(id) && e.action == Action::Added)
        .map_or(deleted.time, |e| e.time);
    let mut values: fields::Fields =
        deleted.changes.iter().map(|(name, pair)| (name.clone(), first(pair))).collect();
    values.insert("id".into(), Value::from(id));
    values.insert("created".into(), serde_json::to_value(created).unwrap_or(Value::Null));
    values.insert("updated".into(), serde_json::to_value(now).unwrap_or(Value::Null));
    let mut item = fields::to_item(values).map_err(|source| RestoreError::Unreadable { id, source })?;
    if !board.track(item.track).columns.iter().any(|c| c.id == item.column) {
        return Err(RestoreError::ColumnGone { id, column: item.column, track: item.track.to_string() });
    }
    // Links to items deleted since then would not load; they stay out.
    item.links.retain(|l| board.item(*l).is_some());
    for reference in [&mut item.promoted_from, &mut item.follow_up_of, &mut item.experiment, &mut item.winner]
    {
        if reference.is_some_and(|r| board.item(r).is_none()) {
            *reference = None;
        }
    }
    let summary = format!("restored #{id} \"{}\"", item.title);
    let mut edits = vec![Edit::Add(Box::new(item))];
    // The same save's entries of other items: the references the delete took away from them.
    let same_save =
        |e: &&Entry| e.time == deleted.time && e.session == deleted.session && e.author == deleted.author;
    for entry in
        entries.iter().filter(same_save).filter(|e| e.action == Action::Changed && e.item != Some(id))
    {
        let Some(other) = entry.item.and_then(|o| board.item(o)) else { continue };
        if let Some(edit) = references_back(other, entry, id) {
            edits.push(edit);
        }
    }
    let edit = if edits.len() == 1 { edits.remove(0) } else { Edit::Batch(edits) };
    Ok(Op { edit, summary })
}

/// The `from` of a journal `[from, to]` pair.
fn first(pair: &Value) -> Value {
    pair.as_array().and_then(|p| p.first()).cloned().unwrap_or(Value::Null)
}

/// The change that gives `other` back the references to `id` that `entry` (the delete's cleanup)
/// took away; none when it holds them again or holds others now.
fn references_back(other: &Item, entry: &Entry, id: ItemId) -> Option<Edit> {
    let lost = |name: &str| {
        entry.change(name).is_some_and(|(from, _)| match from {
            Value::Array(ids) => ids.iter().any(|v| v.as_u64() == Some(id)),
            v => v.as_u64() == Some(id),
        })
    };
    let mut back = other.clone();
    if lost("links") && !back.links.contains(&id) {
        back.links.push(id);
    }
    for (name, slot) in [
        ("promoted_from", &mut back.promoted_from),
        ("follow_up_of", &mut back.follow_up_of),
        ("experiment", &mut back.experiment),
        ("winner", &mut back.winner),
    ] {
        if lost(name) && slot.is_none() {
            *slot = Some(id);
        }
    }
    let change = ItemChange::between(other, &back);
    // Not an edit of that item by the user: its own time stays (as when the delete took them).
    (!change.is_empty()).then(|| Edit::Change { id: other.id, change: Box::new(change), at: other.updated })
}

#[cfg(test)]
#[path = "trash_tests.rs"]
mod tests;
