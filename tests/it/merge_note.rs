//! The note a git merge leaves for the board screen: shown once at start over the board, keys
//! through the real keymap, the screen at 80x24 and 160x48, and the real binary taking the note
//! into the journal.

use crate::common::pty::Pty;
use crate::common::{Sandbox, app_on_starter, now, press, screen};
use twotrack::app::App;
use twotrack::app::input::keymap::Mode;
use twotrack::domain::change::{NewItem, ops};
use twotrack::domain::team::activity::{Action, Entry, Stamp};
use twotrack::domain::team::merge::{Side, merge3, report};
use twotrack::model::{Board, Timestamp};
use twotrack::store::{Store, journal::Journal, merge_note};

fn apply(board: &Board, op: Result<ops::Op, ops::OpError>) -> Board {
    let mut board = board.clone();
    board.apply(op.expect("op").edit).expect("apply");
    board
}

fn later(minutes: i64) -> Timestamp {
    now() + chrono::Duration::minutes(minutes)
}

/// What merging two edits of `base` reports: #1 moved to two columns, both sides added an item.
fn merge_entries(base: &Board) -> Vec<Entry> {
    let ours = apply(base, ops::move_to_column(base, 1, "review", later(1)));
    let ours =
        apply(&ours, ops::add(&ours, NewItem { title: "Ours".into(), ..NewItem::default() }, later(2)));
    let theirs = apply(base, ops::move_to_column(base, 1, "done", later(3)));
    let theirs =
        apply(&theirs, ops::add(&theirs, NewItem { title: "Theirs".into(), ..NewItem::default() }, later(4)));
    let merged = merge3(base, &ours, &theirs, Side::Ours).expect("merge");
    let stamp = Stamp { author: "alice".into(), session: "s".into(), time: later(10) };
    report::entries(&merged, Side::Ours, &stamp)
}

fn app_with_note() -> (Sandbox, App) {
    let (sandbox, mut app) = app_on_starter();
    let entries = merge_entries(app.board());
    app.show_merge_note(entries);
    (sandbox, app)
}

#[test]
fn the_note_opens_over_the_board_and_goes_to_the_items_it_names() {
    let (_s, mut app) = app_with_note();
    assert_eq!(app.mode(), Mode::MergeNote);
    press(&mut app, "?");
    assert_eq!(app.mode(), Mode::Help, "help lists the note's keys");
    press(&mut app, "Esc");
    assert_eq!(app.mode(), Mode::MergeNote);
    press(&mut app, "j j j");
    press(&mut app, "Enter");
    assert_eq!(app.mode(), Mode::MergeNote, "#12 is not on this board: the note stays");
    press(&mut app, "k k Enter");
    assert_eq!(app.mode(), Mode::Board);
    assert_eq!(app.selected_item().map(|it| it.id), Some(1), "went to #1");
    let (_s, mut app) = app_with_note();
    press(&mut app, "Esc");
    assert_eq!(app.mode(), Mode::Board, "Esc closes it");
}

#[test]
fn nothing_to_note_opens_nothing() {
    let (_s, mut app) = app_on_starter();
    app.show_merge_note(Vec::new());
    assert_eq!(app.mode(), Mode::Board);
}

#[test]
fn merge_note_80x24() {
    let (_s, app) = app_with_note();
    let text = screen(&app, 80, 24);
    assert!(text.contains("not applied \"Done\" (theirs)"), "the lost value is shown whole:\n{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn merge_note_160x48() {
    let (_s, app) = app_with_note();
    insta::assert_snapshot!(screen(&app, 160, 48));
}

#[test]
fn the_note_never_breaks_the_screen_at_any_size() {
    let (_s, mut app) = app_with_note();
    for (w, h) in [(1, 1), (20, 5), (40, 10), (41, 11), (80, 24), (250, 70)] {
        assert_eq!(app.mode(), Mode::MergeNote, "the note stays open while its lines are walked");
        let _ = screen(&app, w, h);
        press(&mut app, "j");
    }
}

#[test]
fn the_board_screen_takes_the_note_into_the_journal_and_shows_it_once() {
    let s = Sandbox::new().with_starter();
    let (_, board) = Store::load(&s.board).expect("load");
    let entries = merge_entries(&board);
    let lock = twotrack::store::BoardLock::acquire(&s.board).expect("lock");
    merge_note::add(&s.board, &entries, &lock).expect("note");
    drop(lock);
    let mut pty = Pty::spawn(&s.board, &[], 80, 24, &[]);
    pty.wait_for("Merged by git: 1 conflict, 1 item renumbered");
    pty.wait_for("from their side is now #12");
    assert!(!merge_note::path(&s.board).exists(), "the note is taken");
    let journal = Journal::of(&s.board).entries(None, None).expect("journal");
    assert_eq!(journal, entries, "and is in the journal");
    assert_eq!(journal[0].action, Action::Conflict);
    pty.keys(&["\x1b", "q"]);
    assert!(pty.wait_exit());
    // The next start shows the board at once.
    let mut pty = Pty::spawn(&s.board, &[], 80, 24, &[]);
    pty.wait_for("Welcome");
    assert!(!pty.screen().contains("Merged by git"));
    pty.keys(&["q"]);
    assert!(pty.wait_exit());
}

#[test]
fn a_read_only_session_shows_the_note_and_leaves_it() {
    let s = Sandbox::new().with_starter();
    let (_, board) = Store::load(&s.board).expect("load");
    let lock = twotrack::store::BoardLock::acquire(&s.board).expect("lock");
    merge_note::add(&s.board, &merge_entries(&board), &lock).expect("note");
    drop(lock);
    let mut pty = Pty::spawn(&s.board, &["--readonly"], 80, 24, &[]);
    pty.wait_for("Merged by git");
    pty.keys(&["\x1b", "q"]);
    assert!(pty.wait_exit());
    assert!(merge_note::path(&s.board).exists(), "left for a session that can write");
    assert!(Journal::of(&s.board).entries(None, None).expect("journal").is_empty());
}
