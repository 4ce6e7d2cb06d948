//! Follow-ups, acceptance and the definition of done, on hand-built boards.

use super::*;
use crate::domain::change::ops::{move_to_column, set_stage};
use crate::model::lanes::lane_items;
use chrono::DateTime;

fn now() -> Timestamp {
    DateTime::parse_from_rfc3339("2026-11-21T10:00:00Z").expect("time").to_utc()
}

fn apply<E: std::fmt::Debug>(board: &mut Board, op: impl FnOnce(&Board) -> Result<Op, E>) -> Edit {
    let op = op(board).expect("op");
    board.apply(op.edit).expect("applies")
}

/// A board with a stage-one feature #1 in Ready and a stage-two item #2 already in Ready's
/// stage-two lane.
fn board() -> Board {
    let mut board = Board::new("t");
    let feature = NewItem { title: "Feature".into(), ..NewItem::default() };
    apply(&mut board, |b| ops::add(b, feature, now()));
    let other = NewItem { title: "Other".into(), stage: Some(Stage::Two), ..NewItem::default() };
    apply(&mut board, |b| ops::add(b, other, now()));
    board
}

fn ready_stage_two(board: &Board) -> Vec<ItemId> {
    lane_items(board, LaneKey { track: Track::Delivery, column: 0, stage: Stage::Two })
        .iter()
        .map(|it| it.id)
        .collect()
}

#[test]
fn a_follow_up_is_stage_two_debt_linked_to_its_parent() {
    let mut board = board();
    let op = follow_up(&board, 1, "Add tests", Some(3), Some(Severity::High), now()).expect("follow-up");
    assert_eq!(op.summary, "added #3 as a stage-two follow-up of #1");
    board.apply(op.edit).expect("apply");
    let f = board.item(3).expect("created");
    assert_eq!(
        (f.kind, f.stage, f.track, f.column.as_str()),
        (Kind::Debt, Stage::Two, Track::Delivery, "ready")
    );
    assert_eq!((f.follow_up_of, f.estimate, f.severity), (Some(1), Some(3), Some(Severity::High)));
    assert_eq!(ready_stage_two(&board), [2, 3], "logged at the bottom of the lane");
    assert_eq!(follow_ups(&board, 1).iter().map(|f| f.id).collect::<Vec<_>>(), [3]);
}

#[test]
fn follow_ups_and_acceptance_are_for_stage_one_items() {
    let board = board();
    let err = follow_up(&board, 2, "x", None, None, now()).expect_err("stage two");
    assert_eq!(err.to_string(), "follow-ups are logged for stage-one items, and #2 is stage two");
    assert_eq!(
        accept(&board, 2, Evidence::default(), now()).expect_err("stage two").to_string(),
        "acceptance is for stage-one items, and #2 is stage two"
    );
    assert_eq!(follow_up(&board, 9, "x", None, None, now()), Err(OpError::NoSuchItem(9)));
}

#[test]
fn acceptance_puts_open_follow_ups_on_top_in_board_order_and_leaves_done_ones() {
    let mut board = board();
    for title in ["first", "second", "third", "fourth"] {
        apply(&mut board, |b| follow_up(b, 1, title, None, None, now()));
    }
    // #3 first, #4 second (moved on to Review), #5 third (done), #6 fourth (relabelled stage one).
    apply(&mut board, |b| move_to_column(b, 4, "review", now()));
    apply(&mut board, |b| move_to_column(b, 5, "done", now()));
    apply(&mut board, |b| set_stage(b, 6, Stage::One, now()));
    let before = board.clone();
    let op = accept(&board, 1, Evidence::default(), now()).expect("accept");
    assert_eq!(op.summary, "#1 accepted on 2026-11-21; 3 follow-ups are next, on top of Ready");
    let inverse = board.apply(op.edit).expect("apply");
    assert_eq!(board.item(1).expect("feature").accepted, Some(now().date_naive()));
    // Board order before: Ready S1 (#6), Ready S2 (#3), Review S2 (#4); then the other item #2.
    assert_eq!(ready_stage_two(&board), [6, 3, 4, 2]);
    assert_eq!(board.item(5).expect("done").column, "done", "done follow-ups stay done");
    assert_eq!(board.item(6).expect("relabelled").stage, Stage::Two);
    // One undo reverts all of it.
    board.apply(inverse).expect("undo");
    assert_eq!(board, before);
}

#[test]
fn accepting_again_keeps_the_first_date() {
    let mut board = board();
    apply(&mut board, |b| accept(b, 1, Evidence::default(), now()));
    let later = now() + chrono::Duration::days(3);
    let op = accept(&board, 1, Evidence::default(), later).expect("again");
    assert_eq!(op.summary, "#1 accepted on 2026-11-21; it has no open follow-ups");
    board.apply(op.edit).expect("apply");
    assert_eq!(board.item(1).expect("item").accepted, Some(now().date_naive()));
}

#[test]
fn evidence_names_the_known_ways_in_any_spelling_and_keeps_other_words() {
    let by = |text: &str| Evidence::new(Some(text), None).by;
    assert_eq!(by("A/B test").as_deref(), Some("ab-test"));
    assert_eq!(by(" Sign off ").as_deref(), Some("sign-off"));
    assert_eq!(by("EVALUATION").as_deref(), Some("evaluation"));
    assert_eq!(by("beta customers said yes").as_deref(), Some("beta customers said yes"));
    assert_eq!(Evidence::new(Some("  "), Some(" ")), Evidence::default());
    assert_eq!(Evidence::new(None, Some(" Dana ")).note.as_deref(), Some("Dana"));
}

#[test]
fn acceptance_records_its_evidence_and_undo_takes_it_back() {
    let mut board = board();
    let before = board.clone();
    let evidence = Evidence::new(Some("sign-off"), Some("Dana (product) signed off in the review"));
    let op = accept(&board, 1, evidence, now()).expect("accept");
    assert_eq!(op.summary, "#1 accepted on 2026-11-21 by sign-off; it has no open follow-ups");
    let inverse = board.apply(op.edit).expect("apply");
    let item = board.item(1).expect("item");
    assert_eq!(item.accepted_by.as_deref(), Some("sign-off"));
    assert_eq!(item.acceptance_note.as_deref(), Some("Dana (product) signed off in the review"));
    // Accepting again on new evidence replaces the old, note and all; the date stays.
    let later = now() + chrono::Duration::days(2);
    let again = accept(&board, 1, Evidence::new(Some("ab-test"), None), later).expect("again");
    assert_eq!(again.summary, "#1 accepted on 2026-11-21 by ab-test; it has no open follow-ups");
    let second = board.apply(again.edit).expect("apply");
    let item = board.item(1).expect("item");
    assert_eq!((item.accepted_by.as_deref(), item.acceptance_note.as_deref()), (Some("ab-test"), None));
    assert_eq!(item.accepted, Some(now().date_naive()));
    // Accepting with no evidence keeps what was recorded.
    let op = accept(&board, 1, Evidence::default(), later).expect("no evidence");
    assert!(op.edit.is_noop(), "nothing to change: {:?}", op.edit);
    assert_eq!(op.summary, "#1 accepted on 2026-11-21 by ab-test; it has no open follow-ups");
    board.apply(second).expect("undo the second");
    board.apply(inverse).expect("undo the first");
    assert_eq!(board, before);
}

#[test]
fn the_checklist_is_the_stage_definition_ticked_per_item() {
    let mut board = board();
    let item = board.item(1).expect("item").clone();
    assert_eq!(unticked(&board, &item).len(), 3);
    let ticks = with_ticks(&board, &item, &[true, false, true]);
    assert_eq!(ticks.len(), 2);
    let change = ItemChange { checklist: Some(ticks), ..ItemChange::default() };
    board.apply(Edit::Change { id: 1, change: Box::new(change), at: now() }).expect("tick");
    let item = board.item(1).expect("item").clone();
    assert_eq!(unticked(&board, &item), ["Minimal docs written"]);
    // Stage two has its own list; the stage-one ticks are kept for when it comes back.
    apply(&mut board, |b| set_stage(b, 1, Stage::Two, now()));
    let item = board.item(1).expect("item").clone();
    assert_eq!(unticked(&board, &item).len(), 4);
    let ticks = with_ticks(&board, &item, &[true, true, true, true]);
    assert_eq!(ticks.len(), 6, "two stage-one ticks kept, four stage-two ticks added");
}

#[test]
fn entering_a_done_column_stamps_finished_and_leaving_clears_it() {
    let mut board = board();
    apply(&mut board, |b| move_to_column(b, 1, "done", now()));
    assert_eq!(board.item(1).expect("item").finished, Some(now()));
    apply(&mut board, |b| move_to_column(b, 1, "review", now()));
    assert_eq!(board.item(1).expect("item").finished, None);
}
