//! WIP limits: moving or adding an item into a column over its limit is allowed, with a warning.

use super::{After, Check, Notice};
use crate::app::board::view::BoardView;
use crate::domain::capacity::wip;
use crate::model::{Board, ItemId, Track};

pub struct Wip;

/// Where an item is: its track and column.
fn place(board: &Board, id: Option<ItemId>) -> Option<(Track, String)> {
    id.and_then(|id| board.item(id)).map(|it| (it.track, it.column.clone()))
}

impl Check for Wip {
    fn before(&self, board: &Board, _: &BoardView, subject: Option<ItemId>) -> After {
        let before = place(board, subject);
        Box::new(move |board| match place(board, subject).filter(|now| Some(now) != before.as_ref()) {
            Some((track, column)) => {
                wip::warnings(board, track, &column).into_iter().map(Notice::Warning).collect()
            }
            None => Vec::new(),
        })
    }
}
