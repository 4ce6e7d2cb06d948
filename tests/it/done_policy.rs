//! Definitions of done that hold, as users meet them: `policy dod`, refused and forced moves and
//! acceptances on the command line (exit codes, messages, the file untouched on a refusal), the
//! journal and the review keeping the reason, and the force form on the board screen.

use crate::common::{NOW, Sandbox, app_at, press, screen, type_text};
use twotrack::app::input::keymap::Mode;

/// The starter board with stage one's definition of done enforced.
fn enforced() -> Sandbox {
    let s = Sandbox::new().with_starter();
    let run = s.run(&["policy", "dod", "1", "enforce"]).ok();
    assert_eq!(run.stdout, "the stage one definition of done is now enforced\n");
    s
}

#[test]
fn the_policy_is_written_only_once_set_and_an_old_board_goes_back_byte_for_byte() {
    let s = Sandbox::new();
    std::fs::copy("tests/fixtures/sprint.ron", &s.board).expect("fixture");
    let before = s.read();
    assert_eq!(s.run(&["policy", "dod"]).ok().stdout, "stage one: warn\nstage two: warn\n");
    assert_eq!(
        s.run(&["policy", "dod", "2", "warn"]).ok().stdout,
        "the stage two definition of done already warns\n"
    );
    assert_eq!(s.read(), before, "setting what is set writes nothing");
    s.run(&["policy", "dod", "2", "enforce"]).ok();
    assert!(s.text().contains("stage_two_policy: enforce,"), "{}", s.text());
    assert!(!s.text().contains("stage_one_policy"), "the default is left out");
    assert_eq!(s.run(&["policy", "dod", "2"]).ok().stdout, "stage two: enforce\n");
    s.run(&["policy", "dod", "2", "warn"]).ok();
    assert_eq!(s.read(), before, "back to warn, the file is the old one byte for byte");
    let run = s.run(&["policy", "dod", "3", "enforce"]);
    assert_eq!(run.code, 2, "a usage error: {}", run.stderr);
    let run = s.run(&["policy", "dod", "1", "hold"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(s.read(), before);
}

#[test]
fn an_enforced_definition_refuses_a_move_naming_the_entries_and_changes_nothing() {
    let s = enforced();
    let before = s.read();
    let run = s.run(&["move", "1", "done"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "twotrack: #1 cannot move to Done: its stage one definition of done is enforced and these \
         entries are unticked: \"Critical paths tested\", \"Minimal docs written\", \"Known issues \
         logged as stage-two items\"; force it with a reason to do it anyway\n"
    );
    assert_eq!(s.read(), before, "the file is untouched");
    // Stage two only warns: #8 goes, with the warning as before.
    let run = s.run(&["move", "8", "done"]).ok();
    assert!(
        run.stderr.contains("warning: #8 is done with unticked definition-of-done entries"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_force_needs_a_reason_and_a_reason_needs_the_force() {
    let s = enforced();
    let before = s.read();
    for args in [
        &["move", "1", "done", "--force"][..],
        &["move", "1", "done", "--force", "--reason", "  "],
        &["move", "1", "doing", "--force"],
        &["accept", "1", "--force"],
    ] {
        let run = s.run(args);
        assert_eq!(run.code, 1, "{args:?}");
        assert_eq!(
            run.stderr, "twotrack: forcing #1 past its definition of done needs a reason\n",
            "{args:?}"
        );
    }
    let run = s.run(&["move", "1", "done", "--reason", "launch"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(run.stderr.contains("give --force with it; nothing was changed"), "{}", run.stderr);
    assert_eq!(s.read(), before, "nothing changed");
}

#[test]
fn a_forced_move_keeps_its_reason_on_the_item_in_the_journal_and_in_the_review() {
    let s = enforced();
    s.run(&["sprint", "start", "Sprint 1", "--end", "2w", "--capacity", "30"]).ok();
    s.run(&["commit", "1"]).ok();
    let run = s.run(&["move", "1", "done", "--force", "--reason", "launch day; legal signed off"]).ok();
    assert_eq!(run.stdout, "#1 moved to Done, forced: launch day; legal signed off\n");
    assert_eq!(run.stderr, "", "the summary says it was forced: no warning on top");
    let item = s.run(&["show", "1", "--json"]).ok().json();
    assert_eq!(item["forced"], "launch day; legal signed off");
    assert!(s.run(&["show", "1"]).ok().stdout.contains("done past its definition of done: launch day"));
    let log = s.run(&["log"]).ok().stdout;
    assert!(log.contains("#1 moved to Done, done forced: launch day; legal signed off"), "{log}");
    let journal = std::fs::read_to_string(s.board.with_extension("ron.journal")).expect("journal");
    assert!(journal.contains("launch day; legal signed off"), "the journal keeps the reason: {journal}");
    let review = s.run(&["report"]).ok().stdout;
    assert!(review.contains("Forced done"), "{review}");
    assert!(
        review.contains(
            "#1 Welcome: press ? for every key, q to quit (stage one): launch day; legal signed off"
        ),
        "{review}"
    );
    assert!(review.contains("unticked: Critical paths tested; Minimal docs written"), "{review}");
    // Back out of Done, the reason goes; the review no longer lists it.
    s.run(&["move", "1", "review"]).ok();
    assert_eq!(s.run(&["show", "1", "--json"]).ok().json()["forced"], serde_json::Value::Null);
    assert!(!s.run(&["report"]).ok().stdout.contains("Forced done"));
}

#[test]
fn acceptance_holds_to_the_definition_too_and_is_forced_the_same_way() {
    let s = enforced();
    let before = s.read();
    let run = s.run(&["accept", "1", "--by", "sign-off"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with("twotrack: #1 cannot be accepted: its stage one definition"),
        "{}",
        run.stderr
    );
    assert_eq!(s.read(), before);
    s.run(&["sprint", "start", "Sprint 1", "--end", "2w", "--capacity", "30"]).ok();
    let run = s.run(&["accept", "1", "--by", "sign-off", "--force", "--reason", "the demo is tomorrow"]).ok();
    assert!(run.stdout.trim_end().ends_with("; forced: the demo is tomorrow"), "{}", run.stdout);
    let item = s.run(&["show", "1", "--json"]).ok().json();
    assert_eq!(
        (item["accepted"].as_str(), item["forced"].as_str()),
        (Some(&NOW[..10]), Some("the demo is tomorrow"))
    );
    let review = s.run(&["report"]).ok().stdout;
    assert!(review.contains("(stage one): the demo is tomorrow"), "the review lists it: {review}");
}

#[test]
fn on_the_board_a_refused_move_opens_the_force_form_and_undo_restores_everything() {
    let s = enforced();
    let mut app = app_at(&s, NOW);
    // #1 is first in Ready; Review is one step from Done.
    press(&mut app, "L L");
    let before = s.read();
    press(&mut app, "L");
    assert_eq!(app.mode(), Mode::Form, "the force form, not a silent refusal");
    let status = app.status().expect("status").text.clone();
    assert!(
        status.starts_with("#1 cannot move to Done: its stage one definition of done is enforced"),
        "{status}"
    );
    insta::assert_snapshot!(screen(&app, 80, 24));
    press(&mut app, "F2");
    assert_eq!(app.mode(), Mode::Form, "no reason: the form stays open");
    assert!(app.status().expect("status").text.starts_with("a forced done needs a reason"));
    press(&mut app, "Esc");
    assert_eq!(app.mode(), Mode::Board);
    assert_eq!(s.read(), before, "Esc leaves everything as it was");
    press(&mut app, "L");
    type_text(&mut app, "launch day");
    press(&mut app, "F2");
    let item = app.board().item(1).expect("item");
    assert_eq!((item.column.as_str(), item.forced.as_deref()), ("done", Some("launch day")));
    assert_eq!(app.status().expect("status").text, "#1 moved to Done, forced: launch day");
    press(&mut app, "u");
    assert_eq!(s.read(), before, "one undo restores the file as it was");
}

#[test]
fn on_the_board_an_acceptance_gives_way_to_the_force_form_with_its_evidence() {
    let s = enforced();
    let mut app = app_at(&s, NOW);
    press(&mut app, "P");
    let accept = app.keymap().short_keys(Mode::Board, &[twotrack::app::input::action::Action::Accept]);
    press(&mut app, accept.as_deref().expect("an accept key"));
    assert_eq!(app.mode(), Mode::Form);
    press(&mut app, "F2");
    assert_eq!(app.mode(), Mode::Form, "the force form replaces the acceptance form");
    let form = screen(&app, 100, 30);
    assert!(form.contains("Force the acceptance of #1"), "{form}");
    // As the room sees it over a screen share (presenter mode was turned on first).
    insta::assert_snapshot!("force_acceptance_presenter_100x30", screen(&app, 100, 30));
    type_text(&mut app, "the demo is tomorrow");
    press(&mut app, "F2");
    assert_eq!(app.mode(), Mode::Board);
    let item = app.board().item(1).expect("item");
    assert_eq!(
        (item.accepted_by.as_deref(), item.forced.as_deref()),
        (Some("sign-off"), Some("the demo is tomorrow"))
    );
}
