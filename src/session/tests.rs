//! The session: the command line's change and the board screen's change end in the same
//! save-and-journal step, the read-only refusal is decided once, and the journal names the
//! writer the session was given.

use std::path::{Path, PathBuf};

use super::*;
use crate::domain::change::{Op, ops};
use crate::domain::team::activity::Entry;
use crate::store::StoreError;
use crate::store::location::BoardPath;

fn now() -> Timestamp {
    chrono::DateTime::from_timestamp(1_800_000_000, 0).expect("time")
}

/// A directory with the starter board in it.
fn starter() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("board.ron");
    let location = BoardPath { path: path.clone(), default: false };
    let locked = Session::lock_or_create(&location, Writer::new("setup".into()), now()).expect("create");
    assert!(locked.created());
    (dir, path)
}

fn journal(path: &Path) -> Vec<Entry> {
    Journal::of(path).entries(None, None).expect("journal")
}

/// Moves #1 of the starter board (in Ready) to In progress.
fn move_one(board: &Board) -> Op {
    ops::move_to_column(board, 1, "doing", now()).expect("a move the starter board allows")
}

/// A board screen's session on the board at `path`, as `writer`.
fn screen(path: &Path, writer: Writer) -> (Session, Board) {
    let (store, board) = Store::load(path).expect("load");
    (Session::new(store, writer), board)
}

/// The screen's way: an op built on the board on screen is applied to it, noted, then saved.
fn apply_on_screen(
    session: &mut Session,
    board: &mut Board,
    build: impl FnOnce(&Board) -> Op,
) -> Option<Merged> {
    let op = build(board);
    session.note(board, &op.edit, &op.summary);
    board.apply(op.edit.clone()).expect("applies");
    session.save(board, now()).expect("saves")
}

#[test]
fn a_change_from_the_command_line_and_one_from_the_screen_save_and_journal_alike() {
    let (_a, cli) = starter();
    let (_b, tui) = starter();
    let locked = Session::lock(&cli, Writer::new("ana".into())).expect("lock");
    let op = move_one(locked.board());
    assert!(locked.apply(&op, now()).expect("applied").is_none(), "journaled");
    let (mut session, mut board) = screen(&tui, Writer::new("ana".into()));
    assert!(apply_on_screen(&mut session, &mut board, move_one).is_none(), "nothing to tell");
    assert_eq!(session.state(), &SaveState::Saved);
    let read = |path: &Path| std::fs::read_to_string(path).expect("read");
    assert_eq!(read(&cli), read(&tui), "the same file");
    let entries = |path: &Path| -> Vec<(String, Option<ItemId>, String)> {
        journal(path).into_iter().map(|e| (e.author, e.item, e.summary)).collect()
    };
    assert_eq!(entries(&cli), entries(&tui), "the same journal");
    assert_eq!(entries(&cli), [("ana".to_owned(), Some(1), "#1 moved to In progress".to_owned())]);
}

#[test]
fn the_journal_names_the_writer_the_session_was_given_and_its_session() {
    let (_dir, path) = starter();
    let writer = Writer::new("bea".into());
    let locked = Session::lock(&path, writer.clone()).expect("lock");
    let op = move_one(locked.board());
    locked.apply(&op, now()).expect("applied");
    let (mut session, mut board) = screen(&path, writer.clone().named("cleo".into()));
    apply_on_screen(&mut session, &mut board, |b| {
        ops::set_stage(b, 1, crate::model::Stage::Two, now()).expect("stage")
    });
    let stamped: Vec<(String, String)> = journal(&path).into_iter().map(|e| (e.author, e.session)).collect();
    let session_id = writer.stamp(now()).session;
    assert_eq!(stamped, [("bea".to_owned(), session_id.clone()), ("cleo".to_owned(), session_id)]);
}

#[test]
fn a_read_only_writer_is_refused_before_anything_happens_on_either_way_in() {
    let (dir, path) = starter();
    let before = std::fs::read(&path).expect("read");
    let viewer = Writer::new("dee".into()).read_only("--readonly".into());
    let err = Session::lock(&path, viewer.clone()).expect_err("refused");
    assert_eq!(err.to_string(), "read-only (--readonly): nothing was changed");
    let elsewhere = BoardPath { path: dir.path().join("new.ron"), default: false };
    let err = Session::lock_or_create(&elsewhere, viewer.clone(), now()).expect_err("refused");
    assert!(matches!(err, ChangeError::ReadOnly(_)), "{err}");
    assert!(!elsewhere.path.exists() && !crate::store::paths::sibling(&elsewhere.path, "lock").exists());
    // The screen's session is a viewer: it keeps the change on screen and never writes.
    let (mut session, mut board) = screen(&path, viewer);
    assert_eq!(session.read_only_reason(), Some("--readonly"));
    assert_eq!(session.state(), &SaveState::ReadOnly("--readonly".into()));
    assert!(apply_on_screen(&mut session, &mut board, move_one).is_none());
    assert_eq!(std::fs::read(&path).expect("read"), before, "nothing was written");
    assert!(journal(&path).is_empty());
}

#[test]
fn a_screen_saving_after_a_command_merges_and_says_who_did_what() {
    let (_dir, path) = starter();
    let (mut session, mut board) = screen(&path, Writer::new("eve".into()));
    let locked = Session::lock(&path, Writer::new("finn".into())).expect("lock");
    let op = ops::move_to_column(locked.board(), 5, "doing", now()).expect("move #5");
    locked.apply(&op, now()).expect("applied");
    let merged = apply_on_screen(&mut session, &mut board, move_one).expect("merged");
    assert_eq!(merged.theirs, [("finn".to_owned(), "#5 moved to In progress".to_owned())]);
    assert!(merged.conflicts.is_empty() && merged.warning.is_none());
    let (_, saved) = Store::load(&path).expect("load");
    for id in [1, 5] {
        assert_eq!(saved.item(id).expect("item").column, "doing", "#{id}");
    }
    assert_eq!(board, saved, "the screen shows what was saved");
}

#[test]
fn a_journal_that_cannot_be_written_leaves_the_change_saved_and_says_so() {
    let (_dir, path) = starter();
    std::fs::create_dir(crate::store::paths::sibling(&path, "journal")).expect("a directory in the way");
    let locked = Session::lock(&path, Writer::new("gus".into())).expect("lock");
    let op = move_one(locked.board());
    let err = locked.apply(&op, now()).expect("saved").expect("but not journaled");
    assert!(crate::store::error::sentence(&err).contains("board.ron.journal"), "{err}");
    let (mut session, mut board) = screen(&path, Writer::new("gus".into()));
    assert_eq!(board.item(1).expect("1").column, "doing", "saved");
    let merged = apply_on_screen(&mut session, &mut board, move_one_back).expect("told");
    let warning = merged.warning.expect("a warning");
    assert!(warning.starts_with("saved, but not recorded in the journal: "), "{warning}");
    assert_eq!(session.state(), &SaveState::Saved);
}

fn move_one_back(board: &Board) -> Op {
    ops::move_to_column(board, 1, "ready", now()).expect("back to Ready")
}

#[test]
fn a_board_is_created_only_in_a_directory_that_exists() {
    let dir = tempfile::tempdir().expect("tempdir");
    let nowhere = BoardPath { path: dir.path().join("missing/board.ron"), default: false };
    let err = Session::lock_or_create(&nowhere, Writer::new("hal".into()), now()).expect_err("no directory");
    assert_eq!(
        err.to_string(),
        format!(
            "directory {} does not exist; twotrack does not create it",
            dir.path().join("missing").display()
        )
    );
    let missing = dir.path().join("board.ron");
    let err = Session::lock(&missing, Writer::new("hal".into())).expect_err("no board");
    assert!(matches!(err, ChangeError::Store(StoreError::Missing(_))), "{err}");
    assert!(!crate::store::paths::sibling(&missing, "lock").exists(), "no lock file beside a missing board");
}

#[test]
fn a_move_into_a_column_someone_else_deleted_is_journaled_with_the_saves_lines() {
    let (_dir, path) = starter();
    let (mut session, mut board) = screen(&path, Writer::new("ivy".into()));
    // Someone else deletes Review by hand (no edit removes a column), #8 taken out of it first.
    let (mut store, mut theirs) = Store::load(&path).expect("load");
    theirs.apply(ops::move_to_column(&theirs, 8, "done", now()).expect("#8 out").edit).expect("applies");
    theirs.delivery.columns.retain(|c| c.id != "review");
    store.save(&theirs).expect("saved");
    let op = |b: &Board| {
        let into_review = ops::move_to_column(b, 1, "review", now()).expect("#1 into Review");
        let five = ops::move_to_column(b, 5, "doing", now()).expect("#5 into In progress");
        Op { edit: Edit::Batch(vec![into_review.edit, five.edit]), summary: "two moves".into() }
    };
    let merged = apply_on_screen(&mut session, &mut board, op).expect("merged");
    let welcome = "#1 \"Welcome: press ? for every key, q to qui…\"";
    assert_eq!(
        merged.stranded,
        [format!("you moved {welcome} into \"Review\", which someone else deleted; it stays in \"Ready\"")]
    );
    assert_eq!(board.item(1).expect("#1").column, "ready");
    let lines = journal(&path);
    let [moved, stranded] = lines.as_slice() else { panic!("two lines: {lines:?}") };
    assert_eq!(moved.summary, "#5 moved to In progress");
    assert_eq!((stranded.action, stranded.item), (activity::Action::Conflict, Some(1)));
    assert_eq!(
        stranded.summary,
        format!("ivy moved {welcome} into \"Review\", which someone else deleted; it stays in \"Ready\"")
    );
    assert_eq!(stranded.changes.get("column"), Some(&serde_json::json!(["ready", "Review"])));
    assert!(stranded.first.is_some(), "who deleted the column, as far as known");
    let group = |e: &Entry| (e.author.clone(), e.session.clone(), e.time);
    assert_eq!(group(moved), group(stranded), "one group: the save's");
}
