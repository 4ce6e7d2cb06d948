//! Boards for the phased-delivery tests: one initiative, `checkout`, and items given by phase,
//! estimate and column.

use super::initiatives;
use super::initiatives::NewInitiative;
use crate::domain::change::{NewItem, ops};
use crate::model::{Board, ItemId, Phase, Timestamp};

pub fn now() -> Timestamp {
    chrono::DateTime::parse_from_rfc3339("2026-11-21T10:00:00Z").expect("time").to_utc()
}

/// A board with the initiative `checkout` ("Checkout") and no items.
pub fn empty() -> Board {
    let mut board = Board::new("phased");
    let new = NewInitiative { name: "Checkout".into(), ..NewInitiative::default() };
    board.apply(initiatives::create(&board, new).expect("create").edit).expect("apply");
    board
}

/// Adds a delivery item in `column`, in `checkout` at `phase`; returns its id.
pub fn add(board: &mut Board, phase: Phase, estimate: Option<u32>, column: &str) -> ItemId {
    let new = NewItem {
        title: format!("{phase} work"),
        estimate,
        column: Some(column.into()),
        ..NewItem::default()
    };
    let op = ops::add(board, new, now()).expect("add");
    let id = board.next_id;
    board.apply(op.edit).expect("apply add");
    let op = initiatives::label(board, id, Some("checkout"), Some(phase), now()).expect("label");
    board.apply(op.edit).expect("apply label");
    id
}

/// The board with `items` (phase, estimate, column) added in order.
pub fn board(items: &[(Phase, Option<u32>, &str)]) -> Board {
    let mut board = empty();
    for (phase, estimate, column) in items {
        add(&mut board, *phase, *estimate, column);
    }
    board
}

/// Makes an op on the board and applies its edit, returning the inverse.
pub fn apply<E: std::fmt::Debug>(
    board: &mut Board,
    op: impl FnOnce(&Board) -> Result<ops::Op, E>,
) -> crate::domain::change::Edit {
    let edit = op(board).expect("op").edit;
    board.apply(edit).expect("apply")
}
