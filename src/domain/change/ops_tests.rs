//! Hand-computed cases for the ops: defaults, edges, errors and lane renumbering.

use super::*;
use crate::model::Place;
use crate::model::lanes::{LaneKey, lane_items};
use chrono::DateTime;

fn now() -> Timestamp {
    DateTime::from_timestamp(1_800_000_000, 0).expect("valid")
}

fn board_with(titles: &[(&str, Track, &str, Stage)]) -> Board {
    let mut board = Board::new("test");
    for (title, track, column, stage) in titles {
        let new = NewItem {
            title: (*title).to_owned(),
            track: Some(*track),
            column: Some((*column).to_owned()),
            stage: Some(*stage),
            ..NewItem::default()
        };
        let op = add(&board, new, now()).expect("add");
        board.apply(op.edit).expect("apply");
    }
    board
}

fn lane_titles(board: &Board, track: Track, column: usize, stage: Stage) -> Vec<String> {
    lane_items(board, LaneKey { track, column, stage }).iter().map(|it| it.title.clone()).collect()
}

#[test]
fn add_uses_the_documented_defaults() {
    let mut board = Board::new("t");
    let op = add(&board, NewItem { title: "  Ship   it ".into(), ..NewItem::default() }, now()).expect("add");
    assert_eq!(op.summary, "added #1 \"Ship it\"");
    board.apply(op.edit).expect("apply");
    let item = board.item(1).expect("added");
    assert_eq!(
        (item.track, item.column.as_str(), item.stage, item.kind),
        (Track::Delivery, "ready", Stage::One, Kind::Feature)
    );
    let spike = add(
        &board,
        NewItem { title: "Q".into(), column: Some("exploring".into()), ..NewItem::default() },
        now(),
    )
    .expect("add spike");
    let Edit::Add(spike) = spike.edit else { panic!("an add") };
    assert_eq!((spike.id, spike.track, spike.kind), (2, Track::Discovery, Kind::Spike));
}

#[test]
fn add_refuses_empty_titles_and_mismatched_columns() {
    let board = Board::new("t");
    assert_eq!(
        add(&board, NewItem { title: " \n ".into(), ..NewItem::default() }, now()),
        Err(OpError::EmptyTitle)
    );
    let err = add(
        &board,
        NewItem {
            title: "x".into(),
            track: Some(Track::Delivery),
            column: Some("explore".into()),
            ..NewItem::default()
        },
        now(),
    )
    .expect_err("wrong track");
    assert_eq!(err.to_string(), "column `explore` belongs to the discovery track, not the delivery track");
}

#[test]
fn moves_between_columns_stop_at_the_edges() {
    let board = board_with(&[("a", Track::Delivery, "ready", Stage::One)]);
    assert_eq!(
        step_column(&board, 1, -1, now()).expect_err("edge").to_string(),
        "#1 is already in the first column of its track"
    );
    let mut board = board;
    for expected in ["In progress", "Review", "Done"] {
        let op = step_column(&board, 1, 1, now()).expect("step");
        assert_eq!(op.summary, format!("#1 moved to {expected}"));
        board.apply(op.edit).expect("apply");
    }
    assert!(step_column(&board, 1, 1, now()).is_err());
}

#[test]
fn moving_to_a_column_of_the_other_track_is_refused() {
    let board = board_with(&[("a", Track::Delivery, "ready", Stage::One)]);
    let err = move_to_column(&board, 1, "exploring", now()).expect_err("other track");
    assert_eq!(
        err.to_string(),
        "column `exploring` belongs to the discovery track, but item #1 is in the delivery track"
    );
    let err = move_to_column(&board, 1, "nowhere", now()).expect_err("unknown");
    assert!(
        err.to_string().starts_with("there is no column `nowhere` (the columns are explore (To explore), "),
        "{err}"
    );
    assert_eq!(move_to_column(&board, 9, "done", now()), Err(OpError::NoSuchItem(9)));
}

#[test]
fn stage_labels_move_to_the_bottom_of_the_other_lane() {
    let mut board = board_with(&[
        ("a", Track::Delivery, "ready", Stage::One),
        ("b", Track::Delivery, "ready", Stage::Two),
    ]);
    let op = set_stage(&board, 1, Stage::Two, now()).expect("label");
    assert_eq!(op.summary, "#1 labelled stage two");
    board.apply(op.edit).expect("apply");
    assert_eq!(lane_titles(&board, Track::Delivery, 0, Stage::Two), ["b", "a"]);
    assert!(set_stage(&board, 1, Stage::Two, now()).expect("same stage").edit.is_noop());
}

#[test]
fn other_track_lands_in_its_first_column() {
    let mut board = board_with(&[("a", Track::Delivery, "review", Stage::Two)]);
    board.apply(to_other_track(&board, 1, now()).expect("op").edit).expect("apply");
    let item = board.item(1).expect("item");
    assert_eq!((item.track, item.column.as_str(), item.stage), (Track::Discovery, "explore", Stage::Two));
}

#[test]
fn shifting_without_a_gap_renumbers_the_lane_and_undo_restores_ranks() {
    let mut board = board_with(&[
        ("a", Track::Delivery, "ready", Stage::One),
        ("b", Track::Delivery, "ready", Stage::One),
        ("c", Track::Delivery, "ready", Stage::One),
    ]);
    // Squeeze the ranks together so that no item fits between two others.
    for (id, rank) in [(1, 5), (2, 6), (3, 7)] {
        let item = board.item(id).expect("item").clone();
        let place = Place { rank, ..item.place() };
        let edit = Edit::Change {
            id,
            change: Box::new(ItemChange { place: Some(place), ..ItemChange::default() }),
            at: item.updated,
        };
        board.apply(edit).expect("squeeze");
    }
    let before = board.clone();
    let op = shift_in_lane(&board, 3, -1, now()).expect("shift");
    assert!(matches!(&op.edit, Edit::Batch(edits) if edits.len() == 3), "{:?}", op.edit);
    let inverse = board.apply(op.edit).expect("apply");
    assert_eq!(lane_titles(&board, Track::Delivery, 0, Stage::One), ["a", "c", "b"]);
    // Renumbered neighbours keep their updated time: only the moved item changed.
    assert_eq!(board.item(1).expect("a").updated, before.item(1).expect("a").updated);
    board.apply(inverse).expect("undo");
    assert_eq!(board, before);
}

#[test]
fn shifting_past_the_ends_is_refused() {
    let board = board_with(&[
        ("a", Track::Delivery, "ready", Stage::One),
        ("b", Track::Delivery, "ready", Stage::One),
    ]);
    assert_eq!(
        shift_in_lane(&board, 1, -1, now()).expect_err("top").to_string(),
        "#1 is already at the top of its lane"
    );
    assert_eq!(
        shift_in_lane(&board, 2, 1, now()).expect_err("bottom").to_string(),
        "#2 is already at the bottom of its lane"
    );
}

#[test]
fn removing_and_undoing_keeps_the_id_counter_moving_forward() {
    let mut board = board_with(&[("a", Track::Delivery, "ready", Stage::One)]);
    let inverse = board.apply(remove(&board, 1).expect("remove").edit).expect("apply");
    assert!(board.item(1).is_none());
    board.apply(inverse).expect("undo");
    assert_eq!(board.item(1).expect("back").title, "a");
    let op = add(&board, NewItem { title: "b".into(), ..NewItem::default() }, now()).expect("add");
    let inverse = board.apply(op.edit).expect("apply");
    board.apply(inverse).expect("undo add");
    let op = add(&board, NewItem { title: "c".into(), ..NewItem::default() }, now()).expect("add");
    assert_eq!(op.summary, "added #3 \"c\"", "id 2 is never reused");
}

#[test]
fn deleting_an_item_drops_the_references_to_it_and_undo_brings_them_back() {
    let mut board = crate::generate::board(80, 5);
    let target = board.items().iter().find_map(|it| it.follow_up_of).expect("a follow-up exists");
    let before = board.clone();
    let op = remove(&board, target).expect("remove");
    let inverse = board.apply(op.edit).expect("apply");
    assert!(board.item(target).is_none());
    assert!(board.referrers(target).next().is_none(), "no reference to the deleted item is left");
    assert!(board.dangling_references().iter().all(|d| !d.message.contains(&format!("#{target},"))));
    board.apply(inverse).expect("undo");
    assert_eq!(board, before);
}
