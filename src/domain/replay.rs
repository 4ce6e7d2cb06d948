//! Replaying a session's unsaved edits on top of a board someone else saved meanwhile, so that
//! both people's changes survive. An edit that no longer applies (its item was deleted) is
//! skipped whole and reported; an added item whose id was taken meanwhile gets the next free id.

use super::board::Board;
use super::edit::{Edit, EditError};
use super::item::ItemId;

/// What replaying did.
#[derive(Debug, Default)]
pub struct Replayed {
    /// For each edit given, in order: the edit as applied (ids remapped) and its inverse, or
    /// why it no longer applies.
    pub outcomes: Vec<Result<(Edit, Edit), EditError>>,
    /// Items added under a new id because theirs was taken: (old id, new id).
    pub renumbered: Vec<(ItemId, ItemId)>,
}

impl Replayed {
    pub fn failures(&self) -> impl Iterator<Item = &EditError> {
        self.outcomes.iter().filter_map(|o| o.as_ref().err())
    }
}

/// Applies `edits` to `board` in order, each all-or-nothing.
pub fn replay(board: &mut Board, edits: &[Edit]) -> Replayed {
    let mut out = Replayed::default();
    for edit in edits {
        let mut edit = edit.clone();
        edit.remap(&out.renumbered);
        for (old, new) in take_free_ids(board, &mut edit) {
            out.renumbered.push((old, new));
        }
        let outcome = board.apply(edit.clone()).map(|inverse| (edit, inverse));
        out.outcomes.push(outcome);
    }
    out
}

/// Gives every item `edit` adds whose id is taken on `board` the next free id, and says which.
fn take_free_ids(board: &Board, edit: &mut Edit) -> Vec<(ItemId, ItemId)> {
    let mut next = board.next_id;
    let mut moved = Vec::new();
    edit.for_each_add(&mut |item| {
        if board.item(item.id).is_some() || moved.iter().any(|(_, n)| *n == item.id) {
            let new = next;
            next += 1;
            moved.push((item.id, new));
            item.id = new;
        } else {
            next = next.max(item.id + 1);
        }
    });
    // Later parts of the same edit (a batch that adds then changes) follow the new ids.
    edit.remap(&moved);
    moved
}

#[cfg(test)]
#[path = "replay_tests.rs"]
mod tests;
