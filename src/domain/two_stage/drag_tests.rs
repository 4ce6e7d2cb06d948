//! Drag on a pinned clock: totals, interest paid by whole sprints, money, and the refusals.

use super::*;
use crate::domain::change::NewItem;
use chrono::DateTime;

fn at(text: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(text).expect("time").to_utc()
}

fn now() -> Timestamp {
    at("2026-11-21T10:00:00Z")
}

fn add(board: &mut Board, kind: Kind, logged: &str) -> ItemId {
    let new = NewItem { title: format!("{kind} item"), kind: Some(kind), ..NewItem::default() };
    let op = ops::add(board, new, at(logged)).expect("add");
    board.apply(op.edit).expect("apply");
    board.next_id - 1
}

fn with_drag(board: &mut Board, id: ItemId, drag: Option<u32>) {
    let op = set(board, id, drag, now()).expect("set drag");
    board.apply(op.edit).expect("apply");
}

/// #1 debt logged 30 days ago (2 whole sprints of 14 days) dragging 4 pt; #2 debt logged 15
/// days ago (1 sprint) dragging 2 pt; #3 debt without a drag; #4 a feature.
fn board() -> Board {
    let mut board = Board::new("t");
    let one = add(&mut board, Kind::Debt, "2026-10-22T09:00:00Z");
    let two = add(&mut board, Kind::Debt, "2026-11-06T09:00:00Z");
    add(&mut board, Kind::Debt, "2026-11-20T09:00:00Z");
    add(&mut board, Kind::Feature, "2026-11-20T09:00:00Z");
    with_drag(&mut board, one, Some(4));
    with_drag(&mut board, two, Some(2));
    board
}

#[test]
fn totals_count_whole_sprints_and_name_the_items_without_a_drag() {
    let drag = drag(&board(), now());
    assert_eq!((drag.per_sprint, drag.paid, drag.with, drag.without), (6, 4 * 2 + 2, 2, 1));
    assert_eq!(
        drag.line(),
        "Drag: ≈ 6 pt per sprint from 2 debt items; paid so far ≈ 10 pt. 1 open debt item has no drag set."
    );
}

#[test]
fn a_value_per_point_says_it_as_money() {
    let mut board = board();
    board.point_value = Some(point_value("800", Some("€")).expect("value"));
    let line = drag(&board, now()).line();
    assert!(
        line.starts_with(
            "Drag: ≈ 6 pt per sprint (≈ €4,800) from 2 debt items; paid so far ≈ 10 pt (≈ €8,000)."
        ),
        "{line}"
    );
    let francs = point_value("1,250", Some("CHF")).expect("value");
    assert_eq!(francs.of(6), "7,500 CHF");
}

#[test]
fn no_drag_set_is_said_not_invented() {
    let mut board = Board::new("t");
    add(&mut board, Kind::Debt, "2026-11-20T09:00:00Z");
    add(&mut board, Kind::Debt, "2026-11-20T09:00:00Z");
    let drag = drag(&board, now());
    assert_eq!((drag.per_sprint, drag.paid), (0, 0));
    assert_eq!(
        drag.line(),
        "Drag: not known: none of the 2 open debt items has a drag set (edit ID --drag POINTS)."
    );
    assert_eq!(super::drag(&Board::new("t"), now()).line(), "Drag: no open debt.");
}

#[test]
fn bad_drags_and_values_are_refused_and_undo_restores() {
    assert_eq!(parse("-3"), Err(DragError::BadDrag("-3".into())));
    assert_eq!(parse("lots"), Err(DragError::BadDrag("lots".into())));
    assert_eq!((parse(" 5 "), parse("none")), (Ok(Some(5)), Ok(None)));
    assert_eq!(point_value("800", None), Err(DragError::NoCurrency));
    assert_eq!(point_value("800", Some(" ")), Err(DragError::NoCurrency));
    assert_eq!(point_value("-1", Some("€")), Err(DragError::BadAmount("-1".into())));
    let mut board = board();
    assert_eq!(set(&board, 4, Some(1), now()), Err(DragError::NotDebt { id: 4, kind: Kind::Feature }));
    let before = board.clone();
    let op = set(&board, 3, Some(7), now()).expect("set");
    let undo = board.apply(op.edit).expect("apply");
    assert_eq!(board.item(3).expect("#3").drag, Some(7));
    board.apply(undo).expect("undo");
    assert_eq!(board, before);
}
