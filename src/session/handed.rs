//! What the board screen hands its writer with each save: the board as the screen has it. The
//! writer keeps its own copy of that board, so each save hands over only what changed since
//! the last one: the items the screen noted as changed, as it has them now, and
//! the board's other parts (settings, columns, sprints, initiatives: small beside the items).
//! A whole copy of a large board made on the event loop would make the next key wait (2 ms at
//! 10,000 items, over 100 ms at 100,000); the changes cost a microsecond or two per item.
//!
//! The writer's copy plus the changes is the screen's board as long as every change of the
//! screen's board was noted: the screen changes its board only by `Board::apply` after
//! `Front::note` (`app/commit.rs`, `app/board/undo.rs`), and an edit changes no item it does not
//! name (`Edit::touched`). When the screen takes a board the writer did not make (a merge of
//! its own, a filing), the next hand-over is the whole board again (`front.rs`).

use crate::model::{Board, Item, ItemId};

/// The board as the screen has it, for the writer.
#[derive(Debug)]
pub enum Handed {
    /// The whole board.
    Whole(Box<Board>),
    /// What changed since the last hand-over.
    Changes(Changes),
}

/// The changes since the last hand-over.
#[derive(Debug)]
pub struct Changes {
    /// Everything of the board but its items.
    header: Box<Board>,
    /// Each changed item as the screen has it now (`None`: it is gone), sorted by id.
    items: Vec<(ItemId, Option<Item>)>,
}

impl Changes {
    /// The items `ids` (sorted) as `board` has them, and its other parts.
    pub fn of(board: &Board, ids: impl Iterator<Item = ItemId>) -> Changes {
        let items = ids.map(|id| (id, board.item(id).cloned())).collect();
        Changes { header: Box::new(board.clone_without_items()), items }
    }

    /// Brings `board` (the board as last handed over) up to these changes: items replaced in
    /// place, those gone removed in one pass, new ones put in their place by id.
    pub fn apply_to(self, board: &mut Board) {
        let items = std::mem::take(&mut board.items);
        *board = *self.header;
        board.items = items;
        let mut gone = Vec::new();
        let mut added = Vec::new();
        for (id, item) in self.items {
            match (board.index_of(id), item) {
                (Ok(at), Some(item)) => board.items[at] = item,
                (Ok(_), None) => gone.push(id),
                (Err(_), Some(item)) => added.push(item),
                (Err(_), None) => {}
            }
        }
        if !gone.is_empty() {
            // `gone` is sorted: the ids came sorted.
            board.items.retain(|it| gone.binary_search(&it.id).is_err());
        }
        if let Some(first) = added.first() {
            let in_order = board.items.last().is_none_or(|last| last.id < first.id);
            board.items.extend(added);
            if !in_order {
                // Two sorted runs: the stable sort merges them in one pass.
                board.items.sort_by_key(|it| it.id);
            }
        }
    }
}

impl Handed {
    /// The screen's board, from the board as last handed over (which it replaces).
    pub fn into_board(self, last: &mut Board) {
        match self {
            Handed::Whole(board) => *last = *board,
            Handed::Changes(changes) => changes.apply_to(last),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::change::{Edit, NewItem, ops};
    use crate::domain::team::base::Base;

    fn now() -> crate::model::Timestamp {
        chrono::DateTime::from_timestamp(1_800_000_000, 0).expect("time")
    }

    fn board(items: usize) -> Board {
        let mut board = Board::new("t");
        for n in 0..items {
            let new = NewItem { title: format!("item {n}"), ..NewItem::default() };
            let op = ops::add(&board, new, now()).expect("add");
            board.apply(op.edit).expect("apply");
        }
        board
    }

    /// Applies `edits` to `screen`, noting them, then hands the changes to `writer`.
    fn hand_over(writer: &mut Board, screen: &mut Board, edits: Vec<Edit>) {
        let mut base = Base::default();
        for edit in edits {
            base.note(screen, &edit, "a change");
            screen.apply(edit).expect("apply");
        }
        Handed::Changes(Changes::of(screen, base.ids())).into_board(writer);
    }

    #[test]
    fn the_writers_copy_and_the_changes_make_the_screens_board() {
        let mut screen = board(6);
        let mut writer = screen.clone();
        let add = |board: &Board, title: &str| {
            ops::add(board, NewItem { title: title.into(), ..NewItem::default() }, now()).expect("add").edit
        };
        // A move, a delete in the middle and at the end, an add, a setting.
        let edits = vec![
            ops::move_to_column(&screen, 2, "doing", now()).expect("move").edit,
            ops::remove(&screen, 3).expect("remove").edit,
            ops::remove(&screen, 6).expect("remove").edit,
            add(&screen, "new"),
            Edit::SetName("renamed".into()),
        ];
        hand_over(&mut writer, &mut screen, edits);
        assert_eq!(writer, screen);
        // An item deleted then put back (an undo) under its own id, before the last one.
        let removed = screen.item(4).cloned().expect("#4");
        let edits = vec![ops::remove(&screen, 4).expect("remove").edit];
        hand_over(&mut writer, &mut screen, edits);
        assert_eq!(writer, screen);
        hand_over(&mut writer, &mut screen, vec![Edit::Add(Box::new(removed))]);
        assert_eq!(writer, screen);
        assert_eq!(writer.items().iter().map(|it| it.id).collect::<Vec<_>>(), [1, 2, 4, 5, 7]);
        // Added then deleted before a hand-over: nothing to hand over of it.
        let added = add(&screen, "short-lived");
        let mut base = Base::default();
        base.note(&screen, &added, "add");
        screen.apply(added).expect("apply");
        let gone = ops::remove(&screen, 8).expect("remove").edit;
        base.note(&screen, &gone, "remove");
        screen.apply(gone).expect("apply");
        Handed::Changes(Changes::of(&screen, base.ids())).into_board(&mut writer);
        assert_eq!(writer, screen);
    }

    #[test]
    fn the_whole_board_replaces_the_writers_copy() {
        let mut writer = board(2);
        let screen = board(5);
        Handed::Whole(Box::new(screen.clone())).into_board(&mut writer);
        assert_eq!(writer, screen);
    }
}
