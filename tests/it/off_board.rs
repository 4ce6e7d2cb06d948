//! The lists of items off the board on the screen (docs/guide/board-and-keys.md, "Off the
//! board"): `y` lists the recently deleted items and `Enter` restores one as `twotrack restore`
//! does (one undo step); `O` lists the archive and `Enter` unarchives as `twotrack unarchive`
//! does; the top line counts the archive; a sprint closed on the screen applies the archive
//! policy its form announced. Snapshots of both lists at 80x24 and 100x30, and in ASCII.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use twotrack::app::App;
use twotrack::app::input::keymap::Mode;
use twotrack::ui::Screen;
use twotrack::ui::theme::Theme;

use crate::common::{Sandbox, app_at, press, run_at, screen, type_text};

const WHEN: &str = "2026-11-21T10:00:00Z";

fn archived_ids(s: &Sandbox) -> Vec<u64> {
    let run = s.run(&["list", "--archived", "--json"]).ok();
    run.json().as_array().expect("array").iter().filter_map(|r| r["id"].as_u64()).collect()
}

/// The screen as text, folded to ASCII when `ascii`.
fn shot(app: &App, width: u16, height: u16, ascii: bool) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    let mut view = Screen::new(Theme::standard());
    view.ascii = ascii;
    terminal.draw(|frame| view.render(app, frame)).expect("draw");
    terminal.backend().to_string()
}

#[test]
fn delete_then_the_list_then_enter_restores_it_in_place_as_one_undo_step() {
    let s = Sandbox::new().with_starter();
    let mut app = app_at(&s, WHEN);
    let item = app.selected_item().expect("a selected card").clone();
    let (id, title) = (item.id, item.title.clone());
    let before = s.run(&["show", &id.to_string(), "--json"]).ok().json();
    press(&mut app, "d");
    assert!(app.board().item(id).is_none());
    press(&mut app, "y");
    assert_eq!(app.mode(), Mode::OffBoard);
    let shown = screen(&app, 80, 24);
    assert!(shown.contains(&format!("#{id}")) && shown.contains(&title[..10]), "{shown}");
    assert!(shown.contains("deleted 2026-11-21 10:00 by"), "who and when: {shown}");
    press(&mut app, "Enter");
    let status = app.status().expect("a message").text.clone();
    assert_eq!(status, format!("restored #{id} \"{title}\""));
    assert_eq!(app.board().item(id).map(|i| i.place()), Some(item.place()), "back where it was");
    assert!(screen(&app, 80, 24).contains("nothing deleted to restore"), "its row is gone");
    press(&mut app, "Esc");
    assert_eq!(app.selected_item().map(|i| i.id), Some(id), "selected on the board");
    let after = s.run(&["show", &id.to_string(), "--json"]).ok().json();
    for key in ["title", "column", "track", "stage", "links", "created"] {
        assert_eq!(after[key], before[key], "{key}");
    }
    press(&mut app, "u");
    assert!(app.board().item(id).is_none(), "one undo step takes the restore back");
}

#[test]
fn the_filter_narrows_the_list_and_a_restore_that_cannot_happen_is_one_sentence() {
    let s = Sandbox::new().with_starter();
    run_at(&s, WHEN, &["delete", "6"]).ok();
    run_at(&s, WHEN, &["delete", "5"]).ok();
    let mut app = app_at(&s, WHEN);
    press(&mut app, "y /");
    assert_eq!(app.mode(), Mode::OffBoardFilter);
    type_text(&mut app, "webhook");
    press(&mut app, "Enter");
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("/webhook (1 of 2)") && !shown.contains("#5 "), "{shown}");
    // Someone else restores #6 meanwhile: the id is on the board again.
    run_at(&s, WHEN, &["restore", "6"]).ok();
    let board = s.read();
    press(&mut app, "r");
    let status = app.status().expect("a message").text.clone();
    assert!(status.contains("#6 is on the board now") && !status.contains('\n'), "{status}");
    assert_eq!(s.read(), board, "nothing written");
}

#[test]
fn the_archive_list_unarchives_and_the_top_line_counts_the_archive() {
    let s = Sandbox::new().with_starter();
    s.run(&["archive", "9", "4"]).ok();
    let mut app = app_at(&s, WHEN);
    assert_eq!(app.archived_count(), Some(2));
    assert!(screen(&app, 250, 40).lines().next().expect("top line").contains("2 archived"));
    press(&mut app, "c");
    assert!(screen(&app, 120, 40).contains("2 archived · O lists them"), "the capacity page counts it too");
    press(&mut app, "Esc");
    press(&mut app, "O");
    assert_eq!(app.mode(), Mode::OffBoard);
    let shown = screen(&app, 100, 30);
    assert!(shown.contains("Archive (2 of 2)") && shown.contains("#9") && shown.contains("#4"), "{shown}");
    press(&mut app, "/");
    type_text(&mut app, "#9");
    press(&mut app, "Enter Enter");
    let status = app.status().expect("a message").text.clone();
    assert!(status.starts_with("unarchived #9") && status.contains("twotrack archive 9"), "{status}");
    assert!(app.board().item(9).is_some());
    assert_eq!(archived_ids(&s), [4], "the archive file lost it");
    assert!(s.run(&["show", "9", "--json"]).ok().json()["archived"] != true);
    assert_eq!(app.archived_count(), Some(1));
    let log = s.run(&["log"]).ok().stdout;
    assert!(log.contains("unarchived #9"), "{log}");
    s.run(&["check"]).ok();
}

#[test]
fn closing_a_sprint_on_the_screen_applies_the_archive_policy_its_form_announced() {
    let s = Sandbox::new().with_starter();
    run_at(&s, "2026-11-16T08:00:00Z", &["sprint", "start", "S1", "--start", "2026-11-16", "--end", "2w"])
        .ok();
    run_at(&s, "2026-11-16T09:00:00Z", &["commit", "9"]).ok();
    s.run(&["policy", "archive-after", "0"]).ok();
    let mut app = app_at(&s, WHEN);
    press(&mut app, "c x");
    assert_eq!(app.mode(), Mode::Form);
    let form = screen(&app, 100, 30);
    assert!(form.contains("Then archive-after 0 archives 1 done item: #9."), "{form}");
    press(&mut app, "F2");
    while app.mode() == Mode::Confirm {
        press(&mut app, "y");
    }
    let status = app.status().expect("a message").text.clone();
    assert!(status.contains("archived #9") && status.contains("(archive-after 0)"), "{status}");
    assert!(app.board().item(9).is_none());
    assert_eq!(archived_ids(&s), [9]);
    assert_eq!(app.archived_count(), Some(1));
    let log = s.run(&["log"]).ok().stdout;
    assert!(log.contains("archived #9"), "{log}");
}

#[test]
fn both_lists_at_80x24_and_100x30_and_in_ascii() {
    let s = Sandbox::new().with_starter();
    run_at(&s, "2026-11-20T16:30:00Z", &["--user", "ana", "delete", "5"]).ok();
    run_at(&s, WHEN, &["--user", "bob", "delete", "6"]).ok();
    s.run(&["archive", "9", "4"]).ok();
    for (key, name) in [("y", "deleted"), ("O", "archive")] {
        let mut app = app_at(&s, WHEN);
        press(&mut app, key);
        for (width, height) in [(80, 24), (100, 30)] {
            insta::assert_snapshot!(
                format!("off_board_{name}_{width}x{height}"),
                shot(&app, width, height, false)
            );
        }
        let ascii = shot(&app, 80, 24, true);
        assert!(ascii.is_ascii(), "{ascii}");
        insta::assert_snapshot!(format!("off_board_{name}_ascii_80x24"), ascii);
    }
}
