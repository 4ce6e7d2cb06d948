//! The words a git merge prints and records: sides named, values quoted, columns by name.

use serde_json::json;

use super::*;
use crate::domain::change::{ItemChange, NewItem, ops};
use crate::domain::team::merge::merge3;
use crate::model::Timestamp;

fn at(s: i64) -> Timestamp {
    chrono::DateTime::from_timestamp(1_800_000_000 + s, 0).expect("time")
}

fn stamp() -> Stamp {
    Stamp { author: "alice".into(), session: "s".into(), time: at(99) }
}

fn apply(board: &Board, op: Result<ops::Op, ops::OpError>) -> Board {
    let mut board = board.clone();
    board.apply(op.expect("op").edit).expect("apply");
    board
}

fn base() -> Board {
    let board = Board::new("t");
    let board =
        apply(&board, ops::add(&board, NewItem { title: "Export".into(), ..NewItem::default() }, at(0)));
    apply(&board, ops::add(&board, NewItem { title: "Import".into(), ..NewItem::default() }, at(0)))
}

fn retitle(board: &Board, id: u64, title: &str) -> Board {
    let change = ItemChange { title: Some(title.into()), ..Default::default() };
    apply(board, ops::update(board, id, change, at(5)))
}

#[test]
fn a_field_conflict_names_the_item_the_values_and_the_sides() {
    let base = base();
    let ours = apply(
        &base,
        ops::update(&base, 1, ItemChange { estimate: Some(Some(3)), ..Default::default() }, at(1)),
    );
    let theirs = apply(
        &base,
        ops::update(&base, 1, ItemChange { estimate: Some(Some(5)), ..Default::default() }, at(2)),
    );
    let merged = merge3(&base, &ours, &theirs, Side::Ours).expect("merge");
    assert_eq!(lines(&merged, Side::Ours), ["#1 \"Export\" estimate: kept 3 (ours), not applied 5 (theirs)"]);
    let ours = retitle(&base, 2, "Import CSV");
    let theirs = retitle(&base, 2, "Import JSON");
    let merged = merge3(&base, &ours, &theirs, Side::Ours).expect("merge");
    assert_eq!(
        lines(&merged, Side::Ours),
        ["#2 \"Import CSV\" title: kept \"Import CSV\" (ours), not applied \"Import JSON\" (theirs)"]
    );
}

#[test]
fn a_move_conflict_names_the_columns() {
    let base = base();
    let ours = apply(&base, ops::move_to_column(&base, 1, "review", at(1)));
    let theirs = apply(&base, ops::move_to_column(&base, 1, "done", at(2)));
    let merged = merge3(&base, &ours, &theirs, Side::Ours).expect("merge");
    assert_eq!(
        lines(&merged, Side::Ours),
        ["#1 \"Export\" column: kept \"Review\" (ours), not applied \"Done\" (theirs)"]
    );
}

#[test]
fn deletions_against_changes_say_which_side_did_what() {
    let base = base();
    let ours = apply(&base, ops::remove(&base, 1));
    let theirs = retitle(&base, 1, "Export all");
    let merged = merge3(&base, &ours, &theirs, Side::Ours).expect("merge");
    assert_eq!(
        lines(&merged, Side::Ours),
        ["#1 \"Export all\": deleted on our side; their changes to it not applied"]
    );
    let merged = merge3(&base, &theirs, &ours, Side::Ours).expect("merge");
    assert_eq!(
        lines(&merged, Side::Ours),
        ["#1 \"Export all\": changed on our side and kept; their deletion not applied"]
    );
}

#[test]
fn settings_conflicts_and_renumbering_read_as_sentences() {
    let base = base();
    let mut ours = base.clone();
    ours.capacity.points = 50;
    let mut theirs = base.clone();
    theirs.capacity.points = 45;
    let ours = apply(&ours, ops::add(&ours, NewItem { title: "Mine".into(), ..NewItem::default() }, at(3)));
    let theirs =
        apply(&theirs, ops::add(&theirs, NewItem { title: "Yours".into(), ..NewItem::default() }, at(4)));
    let merged = merge3(&base, &ours, &theirs, Side::Ours).expect("merge");
    assert_eq!(
        lines(&merged, Side::Ours),
        [
            "capacity.points: kept 50 (ours), not applied 45 (theirs)",
            "#3 \"Yours\" from their side is now #4"
        ]
    );
}

#[test]
fn the_journal_gets_a_conflict_entry_per_conflict_and_an_id_change_per_renumbered_item() {
    let base = base();
    let ours = retitle(&base, 1, "A");
    let ours = apply(&ours, ops::add(&ours, NewItem { title: "Mine".into(), ..NewItem::default() }, at(3)));
    let theirs = retitle(&base, 1, "B");
    let theirs =
        apply(&theirs, ops::add(&theirs, NewItem { title: "Yours".into(), ..NewItem::default() }, at(4)));
    let merged = merge3(&base, &ours, &theirs, Side::Ours).expect("merge");
    let entries = entries(&merged, Side::Ours, &stamp());
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0].action, Action::Conflict);
    assert_eq!(entries[0].change("title"), Some((&json!("A"), &json!("B"))));
    assert_eq!(entries[0].summary, "#1 \"A\" title: kept \"A\" (ours), not applied \"B\" (theirs)");
    assert_eq!((entries[1].action, entries[1].item), (Action::Changed, Some(4)));
    assert_eq!(entries[1].change("id"), Some((&json!(3), &json!(4))));
    assert_eq!(entries[1].summary, "#3 \"Yours\" from their side is now #4");
    assert!(entries.iter().all(|e| e.author == "alice" && e.time == at(99)));
}

fn without_review(board: &Board) -> Board {
    let mut board = board.clone();
    board.delivery.columns.retain(|c| c.id != "review");
    board
}

#[test]
fn a_move_into_a_column_the_other_side_deleted_names_who_moved_and_who_deleted() {
    let base = base();
    let moved = apply(&base, ops::move_to_column(&base, 1, "review", at(1)));
    let deleted = without_review(&base);
    // Ours moved #1 into Review, theirs deleted Review; then the other way round.
    for (ours, theirs, line) in [
        (
            &moved,
            &deleted,
            "ours moved #1 \"Export\" into \"Review\", which theirs deleted; it stays in \"Ready\"",
        ),
        (
            &deleted,
            &moved,
            "theirs moved #1 \"Export\" into \"Review\", which ours deleted; it stays in \"Ready\"",
        ),
    ] {
        let merged = merge3(&base, ours, theirs, Side::Ours).expect("merge");
        assert_eq!(lines(&merged, Side::Ours), [line]);
        assert!(merged.conflicts.is_empty(), "nothing to apply later: the column is gone");
        let item = merged.board.item(1).expect("kept");
        assert_eq!(item.column, "ready", "it stays where the other side has it");
        let was = base.item(1).expect("#1");
        assert_eq!(
            (item.rank, item.finished, item.in_column_since),
            (was.rank, was.finished, was.in_column_since),
            "the move not applied leaves none of its stamps"
        );
        let entries = entries(&merged, Side::Ours, &stamp());
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].summary, line);
        assert_eq!(entries[0].changes.get("column"), Some(&json!(["ready", "Review"])));
    }
}

#[test]
fn a_session_is_told_its_move_went_into_a_column_someone_else_deleted() {
    let base = base();
    let mine = apply(&base, ops::move_to_column(&base, 1, "review", at(1)));
    // A session saving over another writer's save: the file (theirs) wins.
    let merged = merge3(&base, &mine, &without_review(&base), Side::Theirs).expect("merge");
    let said: Vec<String> =
        merged.stranded.iter().map(|s| stranded_line(&merged.board, s, SCREEN_SIDES)).collect();
    assert_eq!(
        said,
        ["you moved #1 \"Export\" into \"Review\", which someone else deleted; it stays in \"Ready\""]
    );
    assert!(merged.conflicts.is_empty());
}
