//! Read-only sessions are consistent: no editing key in the hints, editing keys open no form and
//! say "read-only", details can still be read; every changing command refuses `--readonly`.

use crate::common::{Sandbox, app_on_starter, press, screen};
use twotrack::app::input::keymap::Mode;

#[test]
fn a_read_only_screen_lists_no_editing_key_and_opens_no_form() {
    let (s, app) = app_on_starter();
    let mut app = app.read_only("started with --readonly".into());
    let hints = screen(&app, 160, 48).lines().last().expect("hint line").to_owned();
    for editing in ["H/L move", "1/2 stage", "a add", "u undo", "f follow-up", "A accept"] {
        assert!(!hints.contains(editing), "{editing} in {hints}");
    }
    assert!(hints.contains("e details") && hints.contains("q quit"), "{hints}");
    let before = s.read();
    for key in ["a", "f", "p", "x", "D", "d", "L", "1", "t", "u", "R", "N"] {
        press(&mut app, key);
        assert_eq!(app.mode(), Mode::Board, "{key} opens nothing");
        let text = app.status().expect("status").text.clone();
        assert!(text.starts_with("read-only session"), "{key}: {text}");
    }
    press(&mut app, "e");
    assert_eq!(app.mode(), Mode::Details, "details can still be read");
    assert!(screen(&app, 100, 30).contains("#1 Welcome"));
    press(&mut app, "Esc c e");
    assert_eq!(app.mode(), Mode::Capacity, "the settings are shown, not edited");
    assert_eq!(s.read(), before, "nothing was written");
}

#[test]
fn every_changing_command_refuses_readonly_and_changes_nothing() {
    let s = Sandbox::new().with_starter();
    let before = s.read();
    let commands: &[&[&str]] = &[
        &["add", "x"],
        &["move", "1", "doing"],
        &["stage", "1", "2"],
        &["followup", "1", "debt"],
        &["accept", "1"],
        &["promote", "2", "y"],
        &["drop", "2", "--reason", "no"],
        &["sprint", "start", "S1", "--end", "2w", "--capacity", "10"],
        &["commit", "1"],
        &["block", "1", "--reason", "legal"],
        &["rename", "Checkout team"],
        &["policy", "dod", "1", "enforce"],
        &["move", "1", "done", "--force", "--reason", "launch"],
    ];
    for args in commands {
        let mut with = vec!["--readonly"];
        with.extend_from_slice(args);
        let run = s.run(&with);
        assert_eq!(run.code, 1, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains("read-only"), "{args:?}: {}", run.stderr);
        // The flag is global: after the command too.
        let mut after = args.to_vec();
        after.push("--readonly");
        assert_eq!(s.run(&after).code, 1, "{args:?} --readonly");
    }
    assert_eq!(s.read(), before);
    assert!(!s.board.with_extension("ron.journal").exists(), "nothing journaled");
    for args in [
        &["list"][..],
        &["show", "1"],
        &["stats"],
        &["debt"],
        &["check"],
        &["log"],
        &["standup"],
        &["sprint", "list"],
        &["policy", "dod"],
    ] {
        let mut with = vec!["--readonly"];
        with.extend_from_slice(args);
        assert_eq!(s.run(&with).code, 0, "{args:?} reads fine");
    }
}

#[test]
fn the_details_overlay_draws_at_every_size() {
    let (_s, app) = app_on_starter();
    let mut app = app.read_only("started with --readonly".into());
    press(&mut app, "e");
    assert_eq!(app.mode(), Mode::Details);
    for (w, h) in [(1, 1), (10, 3), (40, 10), (41, 11), (80, 24), (160, 48), (250, 70)] {
        let text = screen(&app, w, h);
        assert_eq!(text.lines().count(), usize::from(h));
    }
    assert!(screen(&app, 80, 24).contains("e close"), "its own hints");
}
