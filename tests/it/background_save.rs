//! The board screen's writer thread (issue 28 item 2, issue 30 item 2): keys during a slow save
//! (the test hook delays each save) are answered at once, in order, and all land on disk; a
//! quit during a save waits for it; another writer's save arriving while ours is in flight
//! merges with the changes made meanwhile; a held lock keeps the change pending, never lost.

use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::common::{self, app_on_starter, press, type_text};
use twotrack::app::App;
use twotrack::session::SaveState;
use twotrack::session::worker::Report;
use twotrack::store::{BoardLock, Store};

/// The app saving on its thread, each save delayed by `delay`; reports come through the receiver.
fn in_background(app: &mut App, delay: Duration) -> mpsc::Receiver<Report> {
    let (tell, reports) = mpsc::channel();
    app.delay_saves(delay);
    app.save_in_background(move |report| _ = tell.send(report)).expect("writer thread");
    reports
}

/// Runs the loop's part of saving until `done` holds (or fails after 20 s).
fn pump_until(app: &mut App, reports: &mpsc::Receiver<Report>, mut done: impl FnMut(&App) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !done(app) {
        assert!(Instant::now() < deadline, "the writer did not finish in time");
        app.pump_saves();
        if let Ok(report) = reports.recv_timeout(Duration::from_millis(20)) {
            app.saving_report(report);
        }
        app.tick();
    }
}

fn titles(board: &twotrack::model::Board) -> Vec<String> {
    board.items().iter().map(|it| it.title.clone()).collect()
}

fn add(app: &mut App, title: &str) {
    press(app, "a");
    type_text(app, title);
    press(app, "Enter");
}

#[test]
fn keys_during_a_slow_save_are_answered_in_order_and_all_land_on_disk() {
    let (s, mut app) = app_on_starter();
    let reports = in_background(&mut app, Duration::from_millis(300));
    let started = Instant::now();
    for title in ["one", "two", "three", "four"] {
        add(&mut app, title);
        app.pump_saves();
    }
    press(&mut app, "L");
    assert!(started.elapsed() < Duration::from_millis(250), "no key waited for the save");
    assert_eq!(app.session().state(), &SaveState::Saving);
    let on_screen = app.board().clone();
    assert_ne!(titles(&Store::load(&s.board).expect("load").1), titles(&on_screen), "not on disk yet");
    pump_until(&mut app, &reports, |app| app.session().settled());
    assert_eq!(app.session().state(), &SaveState::Saved);
    let (_, saved) = Store::load(&s.board).expect("load");
    assert_eq!(saved, on_screen, "every change is on disk, as on the screen");
    let added: Vec<String> = common::journal(&s)
        .into_iter()
        .filter(|e| e.summary.starts_with("added"))
        .map(|e| e.summary)
        .collect();
    let order: Vec<usize> = ["one", "two", "three", "four"]
        .iter()
        .filter_map(|t| added.iter().position(|a| a.contains(t)))
        .collect();
    assert_eq!(order, [0, 1, 2, 3], "journaled in the order typed: {added:?}");
}

#[test]
fn a_quit_during_a_save_waits_for_it_and_the_file_has_everything() {
    let (s, mut app) = app_on_starter();
    let reports = in_background(&mut app, Duration::from_millis(400));
    add(&mut app, "first");
    app.pump_saves();
    add(&mut app, "second");
    press(&mut app, "q");
    assert!(!app.should_quit(), "quitting waits for the save in flight");
    pump_until(&mut app, &reports, App::should_quit);
    assert!(app.exit_note().is_none(), "{:?}", app.exit_note());
    let saved = titles(&Store::load(&s.board).expect("load").1);
    assert!(saved.contains(&"first".to_owned()) && saved.contains(&"second".to_owned()), "{saved:?}");
}

#[test]
fn another_writers_save_during_ours_merges_with_the_changes_made_meanwhile() {
    let (s, mut app) = app_on_starter();
    let reports = in_background(&mut app, Duration::from_millis(1500));
    add(&mut app, "ours in flight");
    app.pump_saves();
    // While our save waits, someone else adds an item and moves #1 (the CLI saves at once).
    common::run_at(&s, "2027-01-05", &["add", "theirs"]).ok();
    common::run_at(&s, "2027-01-05", &["move", "1", "doing"]).ok();
    add(&mut app, "ours made meanwhile");
    pump_until(&mut app, &reports, |app| app.session().settled());
    let (_, saved) = Store::load(&s.board).expect("load");
    let names = titles(&saved);
    for title in ["ours in flight", "theirs", "ours made meanwhile"] {
        assert_eq!(names.iter().filter(|t| *t == title).count(), 1, "{title} once: {names:?}");
    }
    assert_eq!(saved.item(1).expect("#1").column, "doing", "their move kept");
    assert_eq!(&saved, app.board(), "the screen shows what the file has");
    let ids: std::collections::BTreeSet<u64> = saved.items().iter().map(|it| it.id).collect();
    assert_eq!(ids.len(), saved.items().len(), "no id twice");
}

#[test]
fn a_held_lock_keeps_the_change_pending_says_who_holds_it_and_saves_when_it_frees() {
    let (s, mut app) = app_on_starter();
    let reports = in_background(&mut app, Duration::ZERO);
    let lock = BoardLock::acquire(&s.board).expect("someone takes the lock");
    let started = Instant::now();
    add(&mut app, "under the lock");
    app.pump_saves();
    press(&mut app, "j");
    assert!(started.elapsed() < Duration::from_millis(250), "keys never wait for the lock");
    pump_until(&mut app, &reports, |app| matches!(app.session().state(), SaveState::Waiting(_)));
    let SaveState::Waiting(holder) = app.session().state().clone() else { unreachable!("waited for it") };
    assert_eq!(holder, format!("held by pid {}, user {}", std::process::id(), whoami()));
    assert!(common::screen(&app, 100, 30).contains("waiting for the lock (held by pid"));
    assert!(!titles(&Store::load(&s.board).expect("load").1).contains(&"under the lock".to_owned()));
    drop(lock);
    pump_until(&mut app, &reports, |app| app.session().settled());
    assert_eq!(app.session().state(), &SaveState::Saved);
    assert!(titles(&Store::load(&s.board).expect("load").1).contains(&"under the lock".to_owned()));
}

#[test]
fn a_quit_under_a_held_lock_waits_then_writes_the_recovery_copy_and_says_where() {
    let (s, mut app) = app_on_starter();
    let reports = in_background(&mut app, Duration::ZERO);
    let _lock = BoardLock::acquire(&s.board).expect("someone takes the lock");
    add(&mut app, "kept somewhere");
    app.pump_saves();
    press(&mut app, "q");
    pump_until(&mut app, &reports, |app| app.status().is_some_and(|st| st.text.contains("before quitting")));
    assert!(!app.should_quit());
    pump_until(&mut app, &reports, App::should_quit);
    let note = app.exit_note().expect("a note").to_owned();
    assert!(note.contains("lock") && note.contains("written to"), "{note}");
    let copy = note.rsplit("written to ").next().expect("path").trim();
    let (_, rescued) = Store::load(std::path::Path::new(copy)).expect("the recovery copy loads");
    assert!(titles(&rescued).contains(&"kept somewhere".to_owned()));
    assert!(matches!(app.session().state(), SaveState::Unsaved(_)), "the exit status says so");
}

fn whoami() -> String {
    twotrack::store::users::name_of(twotrack::store::users::current_uid())
}

/// Moves the selected card right (`L`) until it is in column `id` (four moves at most).
fn move_selected_to(app: &mut App, id: &str) -> u64 {
    let item = app.selected_item().expect("a card selected").id;
    let column = |app: &App| app.board().item(item).expect("the card").column.clone();
    for _ in 0..4 {
        if column(app) != id {
            press(app, "L");
        }
    }
    assert_eq!(column(app), id, "#{item} moved into {id}");
    item
}

#[test]
fn a_move_made_during_a_save_into_a_column_the_file_lost_is_said_and_journaled() {
    let (s, mut app) = app_on_starter();
    let reports = in_background(&mut app, Duration::from_millis(800));
    add(&mut app, "in flight");
    app.pump_saves();
    // While our save waits, someone removes Review from the file (#8 taken out of it first).
    let (mut store, mut theirs) = Store::load(&s.board).expect("load");
    let out = twotrack::domain::change::ops::move_to_column(&theirs, 8, "done", common::now()).expect("#8");
    theirs.apply(out.edit).expect("applies");
    theirs.delivery.columns.retain(|c| c.id != "review");
    store.save(&theirs).expect("saved");
    press(&mut app, "g");
    let id = move_selected_to(&mut app, "review");
    let title = app.board().item(id).expect("the card").title.clone();
    pump_until(&mut app, &reports, |app| app.session().settled());
    // Titles in these lines are cut after 40 characters.
    let cut: String = title.chars().take(40).collect();
    let line =
        format!("moved #{id} \"{cut}…\" into \"Review\", which someone else deleted; it stays in \"Ready\"");
    let shown = app.status().map(|st| st.text.clone()).unwrap_or_default();
    assert!(shown.contains(&format!("you {line}")), "{shown}");
    let (_, saved) = Store::load(&s.board).expect("load");
    assert_eq!(saved.item(id).expect("kept").column, "ready");
    assert_eq!(&saved, app.board(), "the screen shows what the file has");
    let log = common::run_at(&s, "2027-01-05", &["log"]);
    assert_eq!(log.code, 0, "{}", log.stderr);
    assert!(log.stdout.contains(&format!("! {} {line}", whoami())), "{}", log.stdout);
}

#[test]
fn after_every_save_the_file_has_the_screens_board_whatever_happened_meanwhile() {
    let (s, mut app) = app_on_starter();
    let reports = in_background(&mut app, Duration::from_millis(150));
    for round in 0..6 {
        // Changes made during a save in flight: an add, an estimate, a move within the lane, a
        // delete, its undo and a redo.
        add(&mut app, &format!("round {round}"));
        app.pump_saves();
        press(&mut app, "+ K");
        app.pump_saves();
        press(&mut app, "g d u");
        if round % 3 == 0 {
            press(&mut app, "U");
        }
        // Someone else saves meanwhile, every other round: our save merges with theirs, and the
        // screen merges the changes it made meanwhile with the file.
        if round % 2 == 1 {
            common::run_at(&s, "2027-01-05", &["add", &format!("theirs {round}")]).ok();
            common::run_at(&s, "2027-01-05", &["move", "5", if round % 4 == 1 { "doing" } else { "ready" }])
                .ok();
            add(&mut app, &format!("after theirs {round}"));
        }
        pump_until(&mut app, &reports, |app| app.session().settled());
        assert_eq!(app.mode(), twotrack::app::input::keymap::Mode::Board, "round {round}: no question asked");
        assert_eq!(app.session().state(), &SaveState::Saved, "round {round}");
        let (_, saved) = Store::load(&s.board).expect("load");
        assert_eq!(&saved, app.board(), "round {round}: the file has what the screen shows");
    }
    let names = titles(app.board());
    for title in ["round 5", "theirs 5", "after theirs 5"] {
        assert!(names.contains(&title.to_owned()), "{title}: {names:?}");
    }
}

#[test]
fn a_reference_the_screens_merge_drops_on_an_item_it_did_not_change_is_dropped_on_disk_too() {
    let (s, mut app) = app_on_starter();
    let reports = in_background(&mut app, Duration::from_millis(600));
    assert_eq!(app.selected_item().map(|it| it.id), Some(1));
    press(&mut app, "+");
    app.pump_saves();
    // While our save waits, someone logs a follow-up of #5; meanwhile #5 is deleted here. The
    // screen's merge with the file drops the follow-up's reference to #5: an item the screen
    // never changed, so the next save hands the writer the whole board.
    let run = common::run_at(&s, "2027-01-05", &["followup", "5", "debt of five"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    press(&mut app, "j");
    assert_eq!(app.selected_item().map(|it| it.id), Some(5));
    press(&mut app, "d");
    pump_until(&mut app, &reports, |app| app.session().settled());
    let (_, saved) = Store::load(&s.board).expect("a board that reads back");
    let follow_up = saved.items().iter().find(|it| it.title == "debt of five").expect("their follow-up");
    assert_eq!(follow_up.follow_up_of, None, "no reference to the deleted #5");
    assert!(saved.item(5).is_none());
    assert_eq!(&saved, app.board(), "the file has what the screen shows");
}
