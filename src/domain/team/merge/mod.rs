//! Three-way merge of whole boards, field by field: what two writers changed from a common base
//! comes together, and where both changed the same field to different values, one side (the
//! *winner*) keeps its value and the other value is reported as a conflict, never dropped
//! silently. Pure: no files, no terminal.
//!
//! The rules (docs/guide/teams-and-git.md, "Several people on one board"):
//! - a field changed on one side only takes that side's value; changed alike on both, that value;
//! - a field changed differently on both sides is a conflict: the winner's value stays;
//! - an item's track, column and `finished` stamp are one field (a move), so a merge never puts
//!   an item into one side's track and the other side's column;
//! - the order within a lane (`rank`) follows the move that was taken, else the side that changed
//!   it, without a conflict; `updated` takes the later time;
//! - deleted on one side and changed on the other is a conflict (the winner's choice stays);
//!   the references a side's deletes dropped are not that side's changes (`cascade.rs`);
//! - items added on both sides get distinct ids: the loser's are renumbered, and every reference
//!   to them (links, follow-ups, promotions) follows; `next_id` ends above every id;
//! - an item one side renumbered in an earlier merge is recognised by its creation stamp and
//!   title, and the other side's copy follows it to its new id;
//! - board settings merge per field; lists of records (columns) per record, keyed by `id`.
//!
//! A session saving over another writer's save merges with the file as the winner ("first
//! writer wins"); the git merge driver (`twotrack merge-file`) makes its own side the winner.

mod cascade;
mod ids;
mod items;
pub mod report;
mod settings;

use serde_json::Value;

use crate::domain::change::validate::Invalid;
use crate::model::{Board, Item, ItemId};
pub use ids::Cause;

/// Which side keeps its value when both changed a field differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Ours,
    Theirs,
}

impl Side {
    pub fn other(self) -> Side {
        match self {
            Side::Ours => Side::Theirs,
            Side::Theirs => Side::Ours,
        }
    }
}

/// A field both sides changed differently: the value kept and the value not applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// The item (by its id in the merged board), or `None` for the board's settings.
    pub item: Option<ItemId>,
    /// An item field's name (`title`), `column` for a move, `item` when one side deleted the
    /// item and the other changed it, or a path into the settings (`capacity.points`,
    /// `delivery.columns[doing].wip_limit`).
    pub field: String,
    /// The winner's value, which the merged board has (`null`: the item was deleted).
    pub kept: Value,
    /// The loser's value, which was not applied (`null`: a deletion not applied).
    pub lost: Value,
}

/// Why boards were not merged: the merged board would break a rule of the file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the merged board is not valid: {}", .0.message)]
pub struct MergeError(pub Invalid);

/// An item that one side had under another id than the merged board gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Renumbered {
    /// The side that had the item as `from`.
    pub side: Side,
    pub from: ItemId,
    pub to: ItemId,
    pub cause: Cause,
}

/// An item one side moved into a column the other side deleted: it stays where the other side
/// has it (or in the first column of its track). Nothing of it can be applied later.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stranded {
    pub item: ItemId,
    /// The side that moved the item into the column; the other side deleted the column.
    pub moved_by: Side,
    /// The deleted column's name, as the side that moved the item had it.
    pub into: String,
    /// The column's id the item stays in (in the item's track on the merged board).
    pub stays: String,
}

/// The merged board, what could not be merged, and the items that got new ids.
#[derive(Clone, Debug)]
pub struct Merge {
    pub board: Board,
    pub conflicts: Vec<Conflict>,
    /// Items moved into a column the other side deleted.
    pub stranded: Vec<Stranded>,
    /// Items of either side that are under another id in the merged board, by side and old id.
    pub renumbered: Vec<Renumbered>,
}

impl Merge {
    /// `(old id, new id)` of `side`'s items that moved (to remap that side's history).
    pub fn renumbered_on(&self, side: Side) -> Vec<(ItemId, ItemId)> {
        self.renumbered.iter().filter(|r| r.side == side).map(|r| (r.from, r.to)).collect()
    }
}

/// Merges what `ours` and `theirs` changed since `base`; `winner` keeps its value in conflicts.
///
/// Fails only when the merged board would break a rule of the file (two columns with one id
/// in different tracks, say); then nothing is merged.
pub fn merge3(base: &Board, ours: &Board, theirs: &Board, winner: Side) -> Result<Merge, MergeError> {
    let (won, lost) = match winner {
        Side::Ours => (ours, theirs),
        Side::Theirs => (theirs, ours),
    };
    let aligned = ids::align(base, won, lost);
    let (header, mut conflicts) = settings::merge(base, won, lost);
    let mut board = header;
    board.items = items::merge(&aligned.base, &aligned.won, &aligned.lost, &mut conflicts);
    board.next_id = aligned.next_id;
    let sides = Sides { won: (won, &aligned.won, winner), lost: (lost, &aligned.lost, winner.other()) };
    let stranded = keep_items_in_columns(&mut board, &sides);
    // One side deleted an item the other side referred to: the reference goes, as a delete
    // takes the references to the deleted item with it (`ops::remove`).
    board.drop_dangling_references();
    board.normalize().map_err(MergeError)?;
    let loser = winner.other();
    let renumbered = aligned
        .moved
        .iter()
        .filter(|m| board.item(m.to).is_some())
        .map(|m| Renumbered {
            side: if m.won { winner } else { loser },
            from: m.from,
            to: m.to,
            cause: m.cause,
        })
        .collect();
    Ok(Merge { board, conflicts, stranded, renumbered })
}

/// A change made to `opened` (giving `mine`) brought onto `current`, what the board has now:
/// the fields nobody else changed since apply, fields someone changed since to other values are
/// conflicts where `current` keeps its value (first writer wins). Returns the change to make.
pub fn rebase(
    opened: &Item,
    current: &Item,
    mine: &Item,
) -> (crate::domain::change::ItemChange, Vec<Conflict>) {
    let mut conflicts = Vec::new();
    let merged = items::merge_one(
        current.id,
        Some(items::Bases::alike(opened)),
        Some(current),
        Some(mine),
        &mut conflicts,
    );
    let change = merged
        .map_or_else(Default::default, |merged| crate::domain::change::ItemChange::between(current, &merged));
    (change, conflicts)
}

/// Each side's board, its items under the merge's ids, and which side it is.
struct Sides<'b> {
    won: (&'b Board, &'b [Item], Side),
    lost: (&'b Board, &'b [Item], Side),
}

/// An item merged into a column the merged settings no longer have (one side moved it there,
/// the other deleted the column) stays where the other side has it, else goes to the first
/// column of its track; each is returned, with the side that moved it.
fn keep_items_in_columns(board: &mut Board, sides: &Sides) -> Vec<Stranded> {
    let misplaced: Vec<usize> = (0..board.items.len())
        .filter(|&i| board.column(board.items[i].track, &board.items[i].column).is_none())
        .collect();
    let find = |items: &[Item], id: ItemId| {
        items.binary_search_by_key(&id, |it| it.id).ok().map(|i| items[i].clone())
    };
    let mut stranded = Vec::with_capacity(misplaced.len());
    for index in misplaced {
        let item = &board.items[index];
        let there = |side: &(&Board, &[Item], Side)| {
            find(side.1, item.id).filter(|it| (it.track, &it.column) == (item.track, &item.column))
        };
        let (mover, other) = match there(&sides.won) {
            Some(_) => (&sides.won, &sides.lost),
            None => (&sides.lost, &sides.won),
        };
        let into =
            mover.0.column(item.track, &item.column).map_or_else(|| item.column.clone(), |c| c.name.clone());
        let kept = find(other.1, item.id).filter(|it| board.column(it.track, &it.column).is_some());
        let first = board.track(item.track).columns.first().map(|c| c.id.clone()).unwrap_or_default();
        let item: &mut Item = &mut board.items[index];
        match kept {
            // The other side's place, the whole of it: a move is one field (its stamps and rank
            // go with it), so nothing of the move not applied is left to journal.
            Some(theirs) => {
                (item.track, item.column, item.rank) = (theirs.track, theirs.column, theirs.rank);
                (item.finished, item.in_column_since) = (theirs.finished, theirs.in_column_since);
            }
            None => item.column = first,
        }
        stranded.push(Stranded { item: item.id, moved_by: mover.2, into, stays: item.column.clone() });
    }
    stranded
}

#[cfg(test)]
mod tests;
