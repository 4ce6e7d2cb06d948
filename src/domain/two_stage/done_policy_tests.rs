//! Definitions of done that hold: warn against enforce, per stage, forcing with a reason, and
//! undo, for moves into a done column and for acceptance.

use super::*;
use crate::domain::change::ops::{force_to_column, move_to_column};
use crate::domain::change::settings::{clean_name, rename};
use chrono::DateTime;

fn now() -> Timestamp {
    DateTime::parse_from_rfc3339("2026-11-21T10:00:00Z").expect("time").to_utc()
}

/// A board with a stage-one feature #1 and a stage-two item #2 in Review, nothing ticked.
fn board() -> Board {
    let mut board = Board::new("t");
    for (title, stage) in [("Feature", Stage::One), ("Refactor", Stage::Two)] {
        let new = NewItem {
            title: title.into(),
            stage: Some(stage),
            column: Some("review".into()),
            ..NewItem::default()
        };
        let op = ops::add(&board, new, now()).expect("add");
        board.apply(op.edit).expect("applies");
    }
    board
}

fn enforce(board: &mut Board, stage: Stage) {
    board.apply(set_policy(board, stage, DonePolicy::Enforce).edit).expect("policy");
}

/// Applies `op` and checks that undoing it gives back the board before it, field for field.
fn apply_and_undo(board: &Board, op: Op) -> Board {
    let mut after = board.clone();
    let inverse = after.apply(op.edit).expect("applies");
    let mut undone = after.clone();
    undone.apply(inverse).expect("undoes");
    assert_eq!(&undone, board, "undo restores everything");
    after
}

#[test]
fn under_warn_an_unticked_item_moves_into_done_and_nothing_is_recorded() {
    let board = board();
    let op = move_to_column(&board, 1, "done", now()).expect("warn lets it through");
    assert_eq!(op.summary, "#1 moved to Done");
    let after = apply_and_undo(&board, op);
    let item = after.item(1).expect("item");
    assert_eq!((item.column.as_str(), item.forced.as_deref()), ("done", None));
}

#[test]
fn enforce_refuses_naming_the_unticked_entries_of_that_stage_only() {
    let mut board = board();
    enforce(&mut board, Stage::One);
    let err = move_to_column(&board, 1, "Done", now()).expect_err("refused");
    assert_eq!(
        err.to_string(),
        "#1 cannot move to Done: its stage one definition of done is enforced and these entries are \
         unticked: \"Critical paths tested\", \"Minimal docs written\", \"Known issues logged as \
         stage-two items\"; force it with a reason to do it anyway"
    );
    let err = accept(&board, 1, Evidence::default(), now()).expect_err("refused");
    assert!(err.to_string().starts_with("#1 cannot be accepted: its stage one definition"), "{err}");
    // Stage two still only warns.
    assert!(move_to_column(&board, 2, "done", now()).is_ok(), "stage two is not enforced");
    enforce(&mut board, Stage::Two);
    assert!(matches!(
        move_to_column(&board, 2, "done", now()),
        Err(OpError::Unticked { stage: Stage::Two, .. })
    ));
}

#[test]
fn a_ticked_definition_passes_and_only_the_unticked_rest_is_named() {
    let mut board = board();
    enforce(&mut board, Stage::One);
    let item = board.item(1).expect("item").clone();
    let ticks = with_ticks(&board, &item, &[true, false, true]);
    let change = ItemChange { checklist: Some(ticks), ..ItemChange::default() };
    board.apply(ops::update(&board, 1, change, now()).expect("tick").edit).expect("ticked");
    let err = move_to_column(&board, 1, "done", now()).expect_err("one left");
    assert!(err.to_string().contains("this entry is unticked: \"Minimal docs written\";"), "{err}");
    let item = board.item(1).expect("item").clone();
    let change =
        ItemChange { checklist: Some(with_ticks(&board, &item, &[true; 3])), ..ItemChange::default() };
    board.apply(ops::update(&board, 1, change, now()).expect("tick").edit).expect("ticked");
    assert_eq!(move_to_column(&board, 1, "done", now()).expect("all ticked").summary, "#1 moved to Done");
}

#[test]
fn forcing_with_a_reason_moves_it_keeps_the_reason_and_undo_restores_everything() {
    let mut board = board();
    enforce(&mut board, Stage::One);
    let op = force_to_column(&board, 1, "done", "  launch day,\n legal signed off ", now()).expect("forced");
    assert_eq!(op.summary, "#1 moved to Done, forced: launch day, legal signed off");
    let mut after = apply_and_undo(&board, op);
    let item = after.item(1).expect("item");
    assert_eq!(item.forced.as_deref(), Some("launch day, legal signed off"));
    assert_eq!(item.finished, Some(now()), "done like any other");
    // Back out of Done: the reason goes with it (it is no longer done despite its definition).
    let op = move_to_column(&after, 1, "review", now()).expect("back");
    let back = apply_and_undo(&after, op.clone());
    assert_eq!(back.item(1).expect("item").forced, None);
    after.apply(op.edit).expect("applies");
    assert_eq!(after.item(1).expect("item").forced, None);
}

#[test]
fn a_force_without_a_reason_is_refused_whatever_the_policy_and_the_move() {
    let mut board = board();
    for reason in ["", "  \n\t "] {
        assert_eq!(force_to_column(&board, 1, "done", reason, now()), Err(OpError::NoForceReason(1)));
        assert_eq!(force_to_column(&board, 1, "doing", reason, now()), Err(OpError::NoForceReason(1)));
        let forced = accept_forced(&board, 1, Evidence::default(), reason, now());
        assert_eq!(forced.map(|op| op.summary), Err(OpError::NoForceReason(1)));
    }
    enforce(&mut board, Stage::One);
    let err = force_to_column(&board, 1, "done", " ", now()).expect_err("no reason");
    assert_eq!(err.to_string(), "forcing #1 past its definition of done needs a reason");
}

#[test]
fn a_forced_acceptance_records_the_reason_with_the_acceptance_and_undoes_in_one_step() {
    let mut board = board();
    enforce(&mut board, Stage::One);
    let evidence = Evidence::new(Some("sign-off"), Some("Dana"));
    let op = accept_forced(&board, 1, evidence, "the demo is tomorrow", now()).expect("forced");
    assert!(op.summary.ends_with("; forced: the demo is tomorrow"), "{}", op.summary);
    let after = apply_and_undo(&board, op);
    let item = after.item(1).expect("item");
    assert_eq!(item.forced.as_deref(), Some("the demo is tomorrow"));
    assert_eq!((item.accepted, item.accepted_by.as_deref()), (Some(now().date_naive()), Some("sign-off")));
}

#[test]
fn adding_an_item_straight_into_an_enforced_done_column_is_refused() {
    let mut board = board();
    let new = || NewItem { title: "Late".into(), column: Some("done".into()), ..NewItem::default() };
    assert!(ops::add(&board, new(), now()).is_ok(), "warn: allowed");
    enforce(&mut board, Stage::One);
    let err = ops::add(&board, new(), now()).expect_err("refused");
    assert!(
        err.to_string().contains("cannot be added to Done (add it elsewhere, then force the move)"),
        "{err}"
    );
}

#[test]
fn the_policy_is_one_undoable_step_and_setting_it_again_changes_nothing() {
    let board = board();
    let op = set_policy(&board, Stage::Two, DonePolicy::Enforce);
    assert_eq!(op.summary, "the stage two definition of done is now enforced");
    let after = apply_and_undo(&board, op);
    assert_eq!(after.definition_of_done.policy(Stage::Two), DonePolicy::Enforce);
    assert_eq!(after.definition_of_done.policy(Stage::One), DonePolicy::Warn);
    let again = set_policy(&after, Stage::Two, DonePolicy::Enforce);
    assert_eq!(
        (again.edit, again.summary.as_str()),
        (Edit::Batch(Vec::new()), "the stage two definition of done is already enforced")
    );
}

#[test]
fn a_name_is_kept_clean_and_an_empty_one_is_refused() {
    assert_eq!(clean_name("  Checkout\tteam \n").as_deref(), Ok("Checkout team"));
    assert_eq!(clean_name("Check\u{7}out\u{202e}").as_deref(), Ok("Checkout"));
    for empty in ["", "   ", "\u{1b}\u{7}\n", "\u{202e}\u{200f}"] {
        assert_eq!(clean_name(empty), Err(OpError::EmptyName), "{empty:?}");
    }
    let board = board();
    let op = rename(&board, "Checkout team").expect("renamed");
    assert_eq!(op.summary, "board renamed from \"t\" to \"Checkout team\"");
    assert_eq!(apply_and_undo(&board, op).name, "Checkout team");
    assert_eq!(rename(&board, " t ").expect("same").edit, Edit::Batch(Vec::new()));
}
