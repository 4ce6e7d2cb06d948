//! Moving items between the board and the archive: the edits that take them off the board or
//! put them back (through `Board::apply`, so they are journaled, merged and undone like any
//! other), the archive's content after either, and the repair of an item left in both files by
//! an interrupted write (docs/FORMAT.md, "The archive").

use std::collections::BTreeSet;

use super::ArchiveError;
use crate::domain::change::{Edit, Op};
use crate::model::{Board, Item, ItemId};

/// The edit that takes the done items `ids` off `board` into the archive. An empty `ids` is
/// refused with `none`, which says why nothing matched.
pub fn archive(board: &Board, archived: &Board, ids: &[ItemId], none: &str) -> Result<Op, ArchiveError> {
    let ids: BTreeSet<ItemId> = ids.iter().copied().collect();
    let mut edits = Vec::with_capacity(ids.len());
    for &id in &ids {
        let Some(item) = board.item(id) else {
            return Err(match archived.item(id) {
                Some(_) => ArchiveError::AlreadyArchived(id),
                None => ArchiveError::NoSuchItem(id),
            });
        };
        if !board.is_done_column(item.track, &item.column) {
            let column = board.column(item.track, &item.column).map_or(&item.column, |c| &c.name);
            return Err(ArchiveError::NotDone { id, column: column.clone() });
        }
        edits.push(Edit::Remove(id));
    }
    let summary = match (ids.len(), ids.first().and_then(|id| board.item(*id))) {
        (0, _) => return Err(ArchiveError::Nothing(none.to_owned())),
        (1, Some(item)) => format!("archived #{} \"{}\"", item.id, item.title),
        (n, _) => format!("archived {n} items"),
    };
    Ok(Op { edit: Edit::Batch(edits), summary })
}

/// The edit that puts the archived items `ids` back on `board` where they were: their column,
/// or the first column of their track if that column is gone (and out of an initiative the
/// board no longer has).
pub fn unarchive(board: &Board, archived: &Board, ids: &[ItemId]) -> Result<Op, ArchiveError> {
    let ids: BTreeSet<ItemId> = ids.iter().copied().collect();
    let mut edits = Vec::with_capacity(ids.len());
    let mut last = String::new();
    for &id in &ids {
        if board.item(id).is_some() {
            return Err(ArchiveError::NotArchived(id));
        }
        let item = archived.item(id).ok_or(ArchiveError::NoSuchItem(id))?;
        let item = placed_back(board, item.clone());
        let column = board.column(item.track, &item.column).map_or(&item.column, |c| &c.name);
        last = format!("unarchived #{id} \"{}\" into {column}", item.title);
        edits.push(Edit::Add(Box::new(item)));
    }
    let summary = match ids.len() {
        0 => return Err(ArchiveError::NoIds),
        1 => last,
        n => format!("unarchived {n} items"),
    };
    Ok(Op { edit: Edit::Batch(edits), summary })
}

/// `item` as it goes back on `board`: a column that is gone becomes the track's first one; an
/// initiative that is gone is left.
fn placed_back(board: &Board, mut item: Item) -> Item {
    if board.column(item.track, &item.column).is_none()
        && let Some(first) = board.track(item.track).columns.first()
    {
        item.column = first.id.clone();
    }
    if item.initiative.as_deref().is_some_and(|id| board.initiative(id).is_none()) {
        item.initiative = None;
        item.phase = None;
    }
    item
}

/// The archive holding `archived`'s items and `items` (sorted by id), under a header made from
/// `board`: its name and columns, `next_id`, and the initiatives the archived items name. A
/// column the board no longer has is kept (as done) so that every archived item still loads.
pub fn filed(board: &Board, archived: Board, items: Vec<Item>) -> Board {
    let mut out = Board::new(&board.name);
    out.discovery = board.discovery.clone();
    out.delivery = board.delivery.clone();
    out.next_id = board.next_id.max(archived.next_id);
    let Board { items: mut all, initiatives: old_initiatives, .. } = archived;
    all.extend(items);
    all.sort_by_key(|item| item.id);
    all.dedup_by_key(|item| item.id);
    for item in &all {
        if out.column(item.track, &item.column).is_none() {
            let column = crate::model::Column::new(&item.column, &item.column, true);
            out.track_mut(item.track).columns.push(column);
        }
        let Some(name) = item.initiative.as_deref() else { continue };
        if out.initiative(name).is_some() {
            continue;
        }
        let known = board.initiative(name).or_else(|| old_initiatives.iter().find(|i| i.id == name));
        if let Some(initiative) = known {
            let at = out.initiative_index(name).unwrap_or_else(|at| at);
            out.initiatives.insert(at, initiative.clone());
        }
    }
    out.items = all;
    out
}

/// The archive without the items `ids`, and those items.
pub fn unfiled(mut archived: Board, ids: &[ItemId]) -> (Board, Vec<Item>) {
    let (taken, kept): (Vec<Item>, Vec<Item>) =
        std::mem::take(&mut archived.items).into_iter().partition(|item| ids.contains(&item.id));
    archived.items = kept;
    (archived, taken)
}

/// Takes out of the archive every item that is also on the board: the board's copy wins. An
/// interrupted archive (archive written, board not yet) or unarchive (board written, archive not
/// yet) leaves the same item in both, and the board holds what the user last saw in either
/// case. The same item means the same creation time (a title may have changed in a merge);
/// another item under one id is refused ([`ArchiveError::Duplicate`]). Returns the ids taken out.
pub fn reconcile(board: &Board, archived: &mut Board) -> Result<Vec<ItemId>, ArchiveError> {
    let mut both = Vec::new();
    for item in &archived.items {
        if let Some(live) = board.item(item.id) {
            if live.created != item.created {
                return Err(ArchiveError::Duplicate(item.id));
            }
            both.push(item.id);
        }
    }
    if !both.is_empty() {
        archived.items.retain(|item| both.binary_search(&item.id).is_err());
    }
    Ok(both)
}

/// `policy archive-after N|off`.
pub fn set_policy(board: &Board, after: Option<u32>) -> Op {
    let summary = match after {
        Some(n) => format!(
            "archive policy: at each sprint close, the done items of sprints closed more than {n} \
             sprints ago are archived"
        ),
        None => "archive policy: off".to_owned(),
    };
    let edit =
        if board.archive_after == after { Edit::Batch(Vec::new()) } else { Edit::SetArchiveAfter(after) };
    Op { edit, summary }
}
