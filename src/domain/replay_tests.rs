//! Two sessions editing one board: both changes survive; deleted items make edits fail whole.

use super::*;
use crate::domain::ops::{self, NewItem};
use crate::domain::{Stage, Timestamp};
use chrono::DateTime;

fn now() -> Timestamp {
    DateTime::from_timestamp(1_800_000_000, 0).expect("time")
}

fn base() -> Board {
    let mut board = Board::new("t");
    for title in ["a", "b", "c"] {
        let op = ops::add(&board, NewItem { title: title.into(), ..NewItem::default() }, now()).expect("add");
        board.apply(op.edit).expect("apply");
    }
    board
}

#[test]
fn moves_of_different_items_both_survive() {
    let base = base();
    let mut theirs = base.clone();
    theirs.apply(ops::move_to_column(&base, 1, "doing", now()).expect("op").edit).expect("theirs");
    let mine = ops::move_to_column(&base, 2, "review", now()).expect("op").edit;
    let replayed = replay(&mut theirs, &[mine]);
    assert_eq!(replayed.failures().count(), 0);
    assert_eq!(theirs.item(1).expect("1").column, "doing");
    assert_eq!(theirs.item(2).expect("2").column, "review");
}

#[test]
fn an_edit_of_a_deleted_item_fails_whole_and_the_rest_applies() {
    let base = base();
    let mut theirs = base.clone();
    theirs.apply(ops::remove(&base, 2).expect("op").edit).expect("delete");
    let edits = vec![
        ops::set_stage(&base, 2, Stage::Two, now()).expect("op").edit,
        ops::set_stage(&base, 3, Stage::Two, now()).expect("op").edit,
    ];
    let before = theirs.clone();
    let replayed = replay(&mut theirs, &edits);
    assert_eq!(replayed.failures().collect::<Vec<_>>(), [&EditError::NoSuchItem(2)]);
    assert!(replayed.outcomes[1].is_ok());
    assert_eq!(theirs.item(3).expect("3").stage, Stage::Two);
    assert!(theirs.item(2).is_none());
    assert_eq!(theirs.items().len(), before.items().len());
}

#[test]
fn both_sessions_adding_get_distinct_ids_and_later_edits_follow_the_new_id() {
    let base = base();
    let mut theirs = base.clone();
    let their_add =
        ops::add(&base, NewItem { title: "theirs".into(), ..NewItem::default() }, now()).expect("op");
    theirs.apply(their_add.edit).expect("theirs");
    // Mine: add #4 as well, then move it.
    let mut mine_board = base.clone();
    let my_add = ops::add(&mine_board, NewItem { title: "mine".into(), ..NewItem::default() }, now())
        .expect("op")
        .edit;
    mine_board.apply(my_add.clone()).expect("mine");
    let my_move = ops::move_to_column(&mine_board, 4, "doing", now()).expect("op").edit;
    let replayed = replay(&mut theirs, &[my_add, my_move]);
    assert_eq!(replayed.failures().count(), 0, "{:?}", replayed.outcomes);
    assert_eq!(replayed.renumbered, [(4, 5)]);
    assert_eq!(theirs.item(4).expect("theirs").title, "theirs");
    let mine = theirs.item(5).expect("mine");
    assert_eq!((mine.title.as_str(), mine.column.as_str()), ("mine", "doing"));
    assert_eq!(theirs.next_id, 6);
}

#[test]
fn a_failing_batch_changes_nothing() {
    let base = base();
    let mut theirs = base.clone();
    theirs.apply(ops::remove(&base, 3).expect("op").edit).expect("delete");
    let batch = Edit::Batch(vec![
        ops::set_stage(&base, 1, Stage::Two, now()).expect("op").edit,
        ops::set_stage(&base, 3, Stage::Two, now()).expect("op").edit,
    ]);
    let replayed = replay(&mut theirs, &[batch]);
    assert_eq!(replayed.failures().count(), 1);
    assert_eq!(theirs.item(1).expect("1").stage, Stage::One, "nothing half-done");
}
