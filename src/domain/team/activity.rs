//! The activity journal's entries: who changed what on the board, when, from what to what, and
//! the values that were not applied because someone else changed the field first. Pure: the
//! file is `store::journal`. The format is documented in docs/guide/teams-and-git.md ("The activity journal").

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::merge::Conflict;
use crate::domain::change::fields;
use crate::domain::change::fields::{BOOKKEEPING, MOVE, MOVE_NAME};
use crate::model::{Board, Item, ItemId, Timestamp};

/// What an entry records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// An item was added; `changes` holds its fields as `[null, value]`.
    Added,
    /// An item's fields changed; `changes` holds each as `[from, to]`.
    Changed,
    /// An item was deleted; `changes` holds its last fields as `[value, null]`.
    Deleted,
    /// The board's settings changed; `changes` holds each setting as `[from, to]`.
    Settings,
    /// An item moved off the board into the archive (`<board>.archive.ron`), unchanged.
    Archived,
    /// An archived item was put back on the board; `changes` holds its column if that changed.
    Unarchived,
    /// A change that was not applied because someone changed the same field first;
    /// `changes` holds each field as `[kept, not applied]`.
    Conflict,
    /// A line about the entries saved with it, which follow it: an import's summary
    /// ("imported 140 from github.com/acme/shop: 132 new, 8 updated, 1 conflict").
    Note,
}

/// One line of the journal. `changes` is a map of JSON values as read; an added item's line is
/// written straight from the item (`added.rs`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(bound(serialize = "C: Serialize + Changes", deserialize = "C: Deserialize<'de> + Default"))]
pub struct Entry<C = Map<String, Value>> {
    /// When the change was saved.
    pub time: Timestamp,
    /// Who made it (`--user`, `TWOTRACK_USER`, or the login name).
    pub author: String,
    /// Which running session wrote it (opaque; tells two sessions of one user apart).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub session: String,
    /// The item, or `None` for the board's settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<ItemId>,
    pub action: Action,
    /// Field name → `[from, to]` (`[kept, not applied]` for a conflict).
    #[serde(default, skip_serializing_if = "Changes::is_empty")]
    pub changes: C,
    /// What happened, in words ("#12 moved to Review").
    pub summary: String,
    /// For a conflict: who wrote the value that was kept, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<String>,
    /// Written at the next open by another writer, for a save whose writer was stopped between
    /// saving the board and writing this line (docs/FORMAT.md, "The intent file").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub recovered: bool,
}

/// What an entry's `changes` can be: left out of the line when empty.
pub trait Changes {
    fn is_empty(&self) -> bool;
}

impl Changes for Map<String, Value> {
    fn is_empty(&self) -> bool {
        Map::is_empty(self)
    }
}

impl Entry {
    /// The `[from, to]` of field `name`, if the entry changed it.
    pub fn change(&self, name: &str) -> Option<(&Value, &Value)> {
        match self.changes.get(name)?.as_array()?.as_slice() {
            [from, to] => Some((from, to)),
            _ => None,
        }
    }

    /// Whether this entry changed field `name` (the move when `name` is `column`).
    pub fn touches(&self, name: &str) -> bool {
        match name {
            MOVE_NAME => MOVE.iter().any(|n| self.changes.contains_key(*n)),
            _ => self.changes.contains_key(name),
        }
    }
}

/// Who writes entries: the author, the session, and the time of the save.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub author: String,
    pub session: String,
    pub time: Timestamp,
}

impl Stamp {
    /// An entry stamped with this author, session and time.
    pub fn entry<C>(&self, item: Option<ItemId>, action: Action, changes: C, summary: String) -> Entry<C> {
        Entry {
            time: self.time,
            author: self.author.clone(),
            session: self.session.clone(),
            item,
            action,
            changes,
            summary,
            first: None,
            recovered: false,
        }
    }
}

fn pair(from: Value, to: Value) -> Value {
    Value::Array(vec![from, to])
}

/// The entry for one item that went from `before` to `after` (`None`: not there); no entry
/// when nothing a person changed differs. `board` (the board after) names the columns.
pub fn item_entry(
    board: &Board,
    before: Option<&Item>,
    after: Option<&Item>,
    stamp: &Stamp,
) -> Option<Entry> {
    let whole = |item: &Item, added: bool| -> Map<String, Value> {
        fields::of(item)
            .into_iter()
            .filter(|(name, _)| !BOOKKEEPING.contains(&name.as_str()))
            .map(|(name, v)| (name, if added { pair(Value::Null, v) } else { pair(v, Value::Null) }))
            .collect()
    };
    let (id, action, changes) = match (before, after) {
        (None, Some(item)) => (item.id, Action::Added, whole(item, true)),
        (Some(item), None) => (item.id, Action::Deleted, whole(item, false)),
        (Some(old), Some(new)) => {
            let changes: Map<String, Value> =
                fields::diff(old, new).into_iter().map(|c| (c.name, pair(c.from, c.to))).collect();
            if changes.is_empty() {
                return None;
            }
            (new.id, Action::Changed, changes)
        }
        (None, None) => return None,
    };
    Some(stamp.entry(Some(id), action, changes, summary(board, before, after)))
}

/// In words, what happened to an item between `before` and `after`.
pub fn summary(board: &Board, before: Option<&Item>, after: Option<&Item>) -> String {
    match (before, after) {
        (None, Some(item)) => {
            format!("added #{} \"{}\" in {}", item.id, item.title, column_name(board, item))
        }
        (Some(item), None) => format!("deleted #{} \"{}\"", item.id, item.title),
        (Some(old), Some(new)) => {
            let changed = fields::diff(old, new);
            let mut parts = Vec::new();
            if changed.iter().any(|c| c.name == "track" || c.name == "column") {
                parts.push(match old.track == new.track {
                    true => format!("moved to {}", column_name(board, new)),
                    false => format!("moved to {} in the {} track", column_name(board, new), new.track),
                });
            }
            if old.stage != new.stage {
                parts.push(format!("labelled {}", new.stage.label()));
            }
            if old.initiative != new.initiative || old.phase != new.phase {
                parts.push(match (&new.initiative, new.phase, &old.initiative) {
                    (Some(initiative), Some(phase), _) => format!("is {} of {initiative}", phase.label()),
                    (_, _, Some(left)) => format!("left initiative {left}"),
                    _ => "left its initiative".to_owned(),
                });
            }
            parts.extend(rhythm_summary(old, new));
            let membership = |n: &str| n == "initiative" || n == "phase";
            let rhythm = |n: &str| n == "sprint" || n == "blocked" || n == "blocked_since" || n == "forced";
            let plain = |n: &str| {
                !MOVE.contains(&n) && n != "stage" && n != fields::RANK && !membership(n) && !rhythm(n)
            };
            let others: Vec<&fields::Changed> = changed.iter().filter(|c| plain(&c.name)).collect();
            match others.as_slice() {
                [] => {}
                [one] => parts.push(format!("{} set to \"{}\"", one.name, short(&fields::display(&one.to)))),
                many => {
                    let names: Vec<&str> = many.iter().map(|c| c.name.as_str()).collect();
                    parts.push(format!("edited ({})", names.join(", ")));
                }
            }
            if parts.is_empty() && !changed.is_empty() {
                parts.push("reordered".into());
            }
            format!("#{} {}", new.id, parts.join(", "))
        }
        (None, None) => String::new(),
    }
}

/// A commitment to a sprint, a block and a forced done, in words ("committed to Sprint 2",
/// "blocked: legal", "done forced: launch day").
fn rhythm_summary(old: &Item, new: &Item) -> Vec<String> {
    let mut parts = Vec::new();
    if old.sprint != new.sprint {
        parts.push(match (&new.sprint, &old.sprint) {
            (Some(sprint), _) => format!("committed to {sprint}"),
            (None, Some(sprint)) => format!("taken out of {sprint} to the backlog"),
            (None, None) => String::new(),
        });
    }
    if old.forced != new.forced
        && let Some(reason) = &new.forced
    {
        parts.push(format!("done forced: {}", short(reason)));
    }
    if old.blocked != new.blocked {
        parts.push(match &new.blocked {
            Some(reason) => format!("blocked: {}", short(reason)),
            None => "unblocked".to_owned(),
        });
    }
    parts
}

fn column_name(board: &Board, item: &Item) -> String {
    board.column(item.track, &item.column).map_or_else(|| item.column.clone(), |c| c.name.clone())
}

/// A value cut to a length that fits in a status line.
pub(crate) fn short(text: &str) -> String {
    const MAX: usize = 40;
    match text.char_indices().nth(MAX) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// The entry for a change of the board's settings, if any changed, in the words of the changes
/// that made it (`why`; a generic line naming the settings when none were given).
pub fn settings_entry(before: &Board, after: &Board, why: &[String], stamp: &Stamp) -> Option<Entry> {
    let header = |board: &Board| match serde_json::to_value(board.clone_without_items()) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    };
    let (old, new) = (header(before), header(after));
    let changes: Map<String, Value> = fields::names(&old, &new)
        .into_iter()
        .filter(|name| *name != "next_id" && *name != "items")
        .filter(|name| fields::get(&old, name) != fields::get(&new, name))
        .map(|name| (name.to_owned(), pair(fields::get(&old, name).clone(), fields::get(&new, name).clone())))
        .collect();
    if changes.is_empty() {
        return None;
    }
    let names: Vec<&str> = changes.keys().map(String::as_str).collect();
    let summary = match why.is_empty() {
        true => format!("settings changed ({})", names.join(", ").replace('_', " ")),
        false => why.join("; "),
    };
    Some(stamp.entry(None, Action::Settings, changes, summary))
}

/// The entry for an item moved into the archive (`archived`) or back out of it.
pub fn filing_entry(item: &Item, archived: bool, stamp: &Stamp) -> Entry {
    let (action, verb) =
        if archived { (Action::Archived, "archived") } else { (Action::Unarchived, "unarchived") };
    let summary = format!("{verb} #{} \"{}\"", item.id, item.title);
    stamp.entry(Some(item.id), action, Map::new(), summary)
}

/// The entry for a conflict: the value kept and the value not applied. `first` is who wrote the
/// kept value, when known.
pub fn conflict_entry(conflict: &Conflict, first: Option<String>, stamp: &Stamp) -> Entry {
    let mut changes = Map::new();
    changes.insert(conflict.field.clone(), pair(conflict.kept.clone(), conflict.lost.clone()));
    let mut entry =
        stamp.entry(conflict.item, Action::Conflict, changes, conflict_summary(conflict, &stamp.author));
    entry.first = first;
    entry
}

/// "#6 title: kept "bob's"; alice's "mine" not applied".
pub fn conflict_summary(conflict: &Conflict, author: &str) -> String {
    let subject = match conflict.item {
        Some(id) => format!("#{id} {}", conflict.field),
        None => conflict.field.replace('_', " "),
    };
    match (conflict.field.as_str(), conflict.kept.is_null()) {
        ("item", true) => format!("#{}: deleted first; {author}'s change not applied", id_of(conflict)),
        ("item", false) => format!("#{}: changed first; {author}'s delete not applied", id_of(conflict)),
        _ => format!(
            "{subject}: kept \"{}\"; {author}'s \"{}\" not applied",
            short(&fields::display(&conflict.kept)),
            short(&fields::display(&conflict.lost))
        ),
    }
}

fn id_of(conflict: &Conflict) -> String {
    conflict.item.map_or_else(String::new, |id| id.to_string())
}

#[cfg(test)]
#[path = "activity_tests.rs"]
mod tests;
