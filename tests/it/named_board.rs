//! A named board: `init --name/--empty`, `rename`, the settings form, and the name at the head
//! of the board screen, the standup, the review and `stats --json`; an empty name is refused
//! with nothing changed, and a board that never set one loads and saves as before.

use crate::common::{NOW, Sandbox, app_at, exists, press, screen, type_text};
use twotrack::app::input::keymap::Mode;

#[test]
fn init_names_the_board_and_empty_leaves_out_the_demo_items() {
    let s = Sandbox::new();
    let run = s.run(&["init", "--name", "  Checkout\tteam ", "--empty"]).ok();
    assert_eq!(
        run.stdout,
        format!("created {}, an empty board called \"Checkout team\"\n", s.board.display())
    );
    assert_eq!(s.run(&["list", "--json"]).ok().json(), serde_json::json!([]));
    assert_eq!(s.run(&["stats", "--json"]).ok().json()["board"], "Checkout team");
    assert_eq!(s.run(&["add", "First"]).ok().stdout, "1\n", "ids start at 1 on an empty board");
    assert!(s.run(&["standup"]).ok().stdout.starts_with("Standup: Checkout team"));
    // The demo board stays what a plain init gives, and an empty one without a name asks for one.
    let plain = Sandbox::new().with_starter();
    assert_eq!(plain.run(&["stats", "--json"]).ok().json()["board"], "Starter board");
    assert_eq!(plain.run(&["list", "--json"]).ok().json().as_array().map(Vec::len), Some(10));
    let untitled = Sandbox::new();
    let run = untitled.run(&["init", "--empty"]).ok();
    assert!(
        run.stdout.contains("an empty board called \"Untitled board\" (`twotrack rename NAME` names it)")
    );
}

#[test]
fn an_empty_name_is_one_sentence_exit_1_and_nothing_changes() {
    let s = Sandbox::new();
    for name in ["", "   ", "\u{7}\u{1b}\n", "\u{202e}"] {
        let run = s.run(&["init", "--name", name]);
        assert_eq!(run.code, 1, "{name:?}");
        assert_eq!(
            run.stderr,
            "twotrack: a board's name cannot be empty, nor only spaces and control characters\n"
        );
        assert!(!exists(&s.board), "no board is created");
    }
    let s = Sandbox::new().with_starter();
    let before = s.read();
    for name in ["", " \t ", "\u{1}"] {
        let run = s.run(&["rename", name]);
        assert_eq!((run.code, run.stderr.lines().count()), (1, 1), "{name:?}: {}", run.stderr);
    }
    assert_eq!(s.read(), before, "nothing changed");
    assert!(!s.board.with_extension("ron.journal").exists(), "nothing journaled");
}

#[test]
fn rename_heads_the_standup_the_review_and_stats_and_is_journaled() {
    let s = Sandbox::new();
    std::fs::copy("tests/fixtures/review.ron", &s.board).expect("fixture");
    let run = s.run(&["rename", "Payments team"]).ok();
    assert!(run.stdout.ends_with(" to \"Payments team\"\n"), "{}", run.stdout);
    assert_eq!(s.run(&["stats", "--json"]).ok().json()["board"], "Payments team");
    assert!(s.run(&["standup"]).ok().stdout.starts_with("Standup: Payments team\n"));
    let review = s.run(&["report"]).ok().stdout;
    assert!(review.lines().next().is_some_and(|l| l.ends_with("(Payments team)")), "{review}");
    let markdown = s.run(&["report", "--markdown"]).ok().stdout;
    assert!(markdown.lines().next().is_some_and(|l| l.starts_with("# ") && l.contains("Payments team")));
    let log = s.run(&["log"]).ok().stdout;
    assert!(log.lines().last().is_some_and(|l| l.ends_with(" to \"Payments team\"")), "{log}");
    let again = s.run(&["rename", "Payments team"]).ok();
    assert_eq!(again.stdout, "the board is already called \"Payments team\"\n");
}

#[test]
fn boards_without_the_new_fields_load_and_save_byte_for_byte() {
    for fixture in ["small.ron", "sprint.ron", "review.ron", "phased.ron", "standup.ron", "wide.ron"] {
        let s = Sandbox::new();
        std::fs::copy(format!("tests/fixtures/{fixture}"), &s.board).expect("fixture");
        let before = s.read();
        let name = serde_json::from_str::<serde_json::Value>(&s.run(&["stats", "--json"]).ok().stdout)
            .expect("json")["board"]
            .as_str()
            .expect("a name")
            .to_owned();
        // Renaming to the same name, and to another and back, writes the old file again.
        s.run(&["rename", &name]).ok();
        assert_eq!(s.read(), before, "{fixture}: the same name changes nothing");
        s.run(&["rename", "Other"]).ok();
        assert_ne!(s.read(), before);
        s.run(&["rename", &name]).ok();
        assert_eq!(s.read(), before, "{fixture}: byte for byte once the name is back");
    }
}

#[test]
fn the_settings_form_edits_the_name_and_the_open_sprints_capacity_in_one_undo_step() {
    let s = Sandbox::new();
    std::fs::copy("tests/fixtures/review.ron", &s.board).expect("fixture");
    let sprint = s.run(&["stats", "--json"]).ok().json()["sprint"]["name"].as_str().map(str::to_owned);
    let before = s.read();
    let mut app = app_at(&s, NOW);
    press(&mut app, "c e");
    assert_eq!(app.mode(), Mode::Form);
    let form = screen(&app, 100, 30);
    let capacity = app.board().current_sprint().map(|s| s.capacity).expect("an open sprint");
    let label = format!("Capacity of {}", sprint.as_deref().expect("sprint name"));
    let row = form.lines().find(|l| l.contains(&label)).unwrap_or_else(|| panic!("{label}:\n{form}"));
    assert!(row.contains(&format!(" {capacity} ")), "the sprint's capacity, not the board's: {row}");
    press(&mut app, "End");
    for _ in 0..30 {
        press(&mut app, "Backspace");
    }
    type_text(&mut app, "Payments team");
    press(&mut app, "Tab End Backspace Backspace Backspace");
    type_text(&mut app, "25");
    press(&mut app, "F2");
    assert_eq!(app.board().name, "Payments team");
    assert_eq!(app.board().current_sprint().map(|s| s.capacity), Some(25));
    assert!(screen(&app, 100, 30).lines().next().is_some_and(|l| l.starts_with("\" Payments team │")));
    press(&mut app, "Esc u");
    assert_eq!(s.read(), before, "one undo restores the name and the capacity");
}

#[test]
fn the_settings_form_refuses_an_empty_name_at_its_field() {
    let s = Sandbox::new().with_starter();
    let before = s.read();
    let mut app = app_at(&s, NOW);
    press(&mut app, "c e End");
    for _ in 0..20 {
        press(&mut app, "Backspace");
    }
    press(&mut app, "F2");
    assert_eq!(app.mode(), Mode::Form, "the form stays open");
    let status = app.status().expect("status").text.clone();
    assert_eq!(status, "a board's name cannot be empty, nor only spaces and control characters");
    assert_eq!(s.read(), before);
}
