//! What a writer's unsaved changes are measured from: the first version of every item (and of
//! the settings) it changed since the file was last read or written. Keeping only those, not a
//! copy of the board, costs one item per change; the whole base board is put together only
//! when another writer saved in between and a three-way merge needs it.

use std::collections::BTreeMap;

use super::activity;
use super::activity::Stamp;
use super::added::{self, Line};
use crate::domain::change::Edit;
use crate::model::{Board, Item, ItemId};

#[derive(Clone, Debug, Default)]
pub struct Base {
    /// Each changed item as it was (`None`: it did not exist).
    items: BTreeMap<ItemId, Option<Item>>,
    /// The settings as they were, if any changed.
    settings: Option<Box<Board>>,
    /// The board's `next_id` before the first change.
    next_id: Option<ItemId>,
    /// The words of each change to the settings, for their journal line: a decision keeps its
    /// reason there ("retro decision: stage-two target 20% → 30%. Open debt of …").
    settings_why: Vec<String>,
}

impl Base {
    /// Notes what `edit` is about to change on `board`; call it before applying the edit.
    /// Only the first version of each item is kept.
    pub fn note(&mut self, board: &Board, edit: &Edit, summary: &str) {
        self.next_id.get_or_insert(board.next_id);
        let mut touched = Vec::new();
        edit.touched(&mut touched);
        for subject in touched {
            match subject {
                Some(id) => _ = self.items.entry(id).or_insert_with(|| board.item(id).cloned()),
                None => {
                    if self.settings.is_none() {
                        self.settings = Some(Box::new(board.clone_without_items()));
                    }
                    if !self.settings_why.iter().any(|s| s == summary) {
                        self.settings_why.push(summary.to_owned());
                    }
                }
            }
        }
    }

    /// Whether nothing was changed since the file was last read or written.
    pub fn is_empty(&self) -> bool {
        self.next_id.is_none()
    }

    /// The ids of the items changed.
    pub fn ids(&self) -> impl Iterator<Item = ItemId> + '_ {
        self.items.keys().copied()
    }

    /// Adds the notes of `later` (changes made after these): the first version of each item
    /// stays the one noted first.
    pub fn absorb(&mut self, later: Base) {
        if later.is_empty() {
            return;
        }
        for (id, noted) in later.items {
            self.items.entry(id).or_insert(noted);
        }
        if self.settings.is_none() {
            self.settings = later.settings;
        }
        self.next_id = self.next_id.or(later.next_id);
        for why in later.settings_why {
            if !self.settings_why.contains(&why) {
                self.settings_why.push(why);
            }
        }
    }

    /// The same changes measured from `file`, the board saved meanwhile that they were merged
    /// with: each changed item as `file` has it, under its id there (`renumbered`: an item of
    /// these changes that got a new id in the merge).
    pub fn rebase(&mut self, file: &Board, renumbered: &[(ItemId, ItemId)]) {
        if self.is_empty() {
            return;
        }
        let ids: Vec<ItemId> = self.items.keys().copied().collect();
        self.items = ids
            .into_iter()
            .map(|id| renumbered.iter().find(|(old, _)| *old == id).map_or(id, |(_, new)| *new))
            .map(|id| (id, file.item(id).cloned()))
            .collect();
        if self.settings.is_some() {
            self.settings = Some(Box::new(file.clone_without_items()));
        }
        self.next_id = Some(file.next_id);
    }

    /// `board` as it was before the noted changes (a copy of the board: for merging).
    pub fn restore(&self, board: &Board) -> Board {
        let mut base = match &self.settings {
            Some(settings) => settings.as_ref().clone(),
            None => board.clone_without_items(),
        };
        base.next_id = self.next_id.unwrap_or(board.next_id);
        let mut items: Vec<Item> =
            board.items().iter().filter(|it| !self.items.contains_key(&it.id)).cloned().collect();
        items.extend(self.items.values().flatten().cloned());
        items.sort_by_key(|it| it.id);
        base.items = items;
        base
    }

    /// The journal entries of the noted changes as `after` has them: measured from `before`
    /// (the board the save replaced) when given, else from the noted versions. `renumbered`
    /// gives the new ids of items that got one in a merge. An added item's line is written
    /// from the item in `after` when the journal is written.
    pub fn entries<'a>(
        &self,
        before: Option<&Board>,
        after: &'a Board,
        renumbered: &[(ItemId, ItemId)],
        stamp: &Stamp,
    ) -> Vec<Line<'a>> {
        let mut out = Vec::with_capacity(self.items.len());
        for (id, noted) in &self.items {
            let now = renumbered.iter().find(|(old, _)| old == id).map_or(*id, |(_, new)| *new);
            let was = match before {
                Some(board) => board.item(now),
                None => noted.as_ref(),
            };
            match (was, after.item(now)) {
                (None, Some(item)) => out.push(added::line(after, item, stamp)),
                (was, now) => out.extend(activity::item_entry(after, was, now, stamp).map(Line::from)),
            }
        }
        let settings_before = before.or(self.settings.as_deref());
        if let Some(old) = settings_before.filter(|_| self.settings.is_some()) {
            out.extend(activity::settings_entry(old, after, &self.settings_why, stamp).map(Line::from));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::change::{NewItem, ops};

    fn stamp() -> Stamp {
        Stamp { author: "a".into(), session: String::new(), time: chrono::DateTime::UNIX_EPOCH }
    }

    #[test]
    fn restores_the_board_as_it_was_and_journals_each_changed_item_once() {
        let mut board = Board::new("t");
        let now = stamp().time;
        for t in ["a", "b"] {
            let op = ops::add(&board, NewItem { title: t.into(), ..NewItem::default() }, now).expect("add");
            board.apply(op.edit).expect("apply");
        }
        let before = board.clone();
        let mut base = Base::default();
        assert!(base.is_empty());
        let edits = [
            ops::move_to_column(&board, 1, "doing", now).expect("op").edit,
            ops::move_to_column(&board, 1, "review", now).expect("op").edit,
            ops::remove(&board, 2).expect("op").edit,
            ops::add(&board, NewItem { title: "c".into(), ..NewItem::default() }, now).expect("op").edit,
            crate::domain::change::Edit::SetPolicy(crate::model::CapacityPolicy {
                points: 9,
                ..Default::default()
            }),
        ];
        for edit in edits {
            base.note(&board, &edit, "a change");
            board.apply(edit).expect("apply");
        }
        assert_eq!(base.restore(&board), before);
        let summaries: Vec<String> =
            base.entries(None, &board, &[], &stamp()).iter().map(|e| e.summary().to_owned()).collect();
        assert_eq!(
            summaries,
            ["#1 moved to Review", "deleted #2 \"b\"", "added #3 \"c\" in Ready", "a change"]
        );
        let renumbered = base.entries(Some(&before), &board, &[(3, 3)], &stamp());
        assert_eq!(renumbered.len(), 4);
    }
}
