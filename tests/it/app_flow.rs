//! Keys through the real keymap on the starter board: selection, moves, stages, the form,
//! delete, undo and redo, search and zoom, and what happens when saving fails.

use crate::common;

use crate::common::{app_on_starter, press, type_text};
use twotrack::app::App;
use twotrack::app::input::keymap::Mode;
use twotrack::model::{Stage, Track};
use twotrack::session::SaveState;
use twotrack::store::Store;

fn selected(app: &App) -> Option<u64> {
    app.selected_item().map(|it| it.id)
}

fn column_of(app: &App, id: u64) -> String {
    app.board().item(id).expect("item").column.clone()
}

fn saved_board(sandbox: &common::Sandbox) -> twotrack::model::Board {
    Store::load(&sandbox.board).expect("load").1
}

#[test]
fn starts_on_the_first_delivery_card() {
    let (_s, app) = app_on_starter();
    assert_eq!(selected(&app), Some(1));
    assert_eq!(app.selected_track(), Track::Delivery);
    assert_eq!(app.mode(), Mode::Board);
}

#[test]
fn selection_walks_columns_across_tracks_and_lanes_down_a_column() {
    let (_s, mut app) = app_on_starter();
    press(&mut app, "h");
    assert_eq!(selected(&app), Some(4), "from Ready back into discovery's Concluded");
    assert_eq!(app.selected_track(), Track::Discovery);
    press(&mut app, "l");
    assert_eq!(selected(&app), Some(1), "from discovery into delivery");
    press(&mut app, "j j");
    assert_eq!(selected(&app), Some(7), "past the stage-one lane into the stage-two lane");
    assert_eq!(app.selection().stage, Stage::Two);
    press(&mut app, "k");
    assert_eq!(selected(&app), Some(5));
    press(&mut app, "Tab");
    assert_eq!(selected(&app), Some(7));
    press(&mut app, "Tab g");
    assert_eq!(selected(&app), Some(1), "g: first card of the lane");
    press(&mut app, "G");
    assert_eq!(selected(&app), Some(5), "G: last card of the lane, not of the column");
    press(&mut app, "Tab G");
    assert_eq!(selected(&app), Some(7));
    press(&mut app, "Right Right Right Right Right");
    assert_eq!(app.selection().column, 6, "stops at the last column");
    press(&mut app, "Left");
    assert_eq!(selected(&app), Some(8));
}

#[test]
fn moving_an_item_from_ready_to_done_one_column_at_a_time() {
    let (s, mut app) = app_on_starter();
    for (expected, answer) in [("doing", ""), ("review", ""), ("done", "y")] {
        // Done asks first: the welcome card's definition of done is not ticked.
        press(&mut app, "L");
        press(&mut app, answer);
        assert_eq!(column_of(&app, 1), expected);
        assert_eq!(selected(&app), Some(1), "the selection follows the item");
    }
    press(&mut app, "L");
    assert_eq!(column_of(&app, 1), "done", "no column after Done");
    assert!(app.status().expect("status").text.contains("already in the last column"));
    assert_eq!(saved_board(&s).item(1).expect("saved").column, "done", "saved after every change");
    press(&mut app, "H");
    assert_eq!(column_of(&app, 1), "review");
}

#[test]
fn stage_labels_move_the_item_between_lanes() {
    let (s, mut app) = app_on_starter();
    press(&mut app, "2");
    assert_eq!(app.board().item(1).expect("item").stage, Stage::Two);
    assert_eq!(app.view().lane(3, Stage::Two), [7, 1], "#1 went to the bottom of the stage-two lane");
    // By default the selection goes with the item, so the next `e` edits it again.
    assert_eq!((app.selection().stage, app.selection().index), (Stage::Two, 1), "the selection went along");
    assert_eq!(selected(&app), Some(1));
    assert_eq!(saved_board(&s).item(1).expect("saved").stage, Stage::Two);
    press(&mut app, "s");
    assert_eq!(app.board().item(1).expect("item").stage, Stage::One);
}

#[test]
fn labelling_follows_the_item_and_with_the_setting_keeps_its_place_so_2_j_2_j_labels_a_run() {
    let (_s, app) = app_on_starter();
    // `label_keeps_place: true` in the config: the old way.
    let mut app = app.label_keeps_place(true);
    for n in 0..3 {
        press(&mut app, "a");
        type_text(&mut app, &format!("Story {n}"));
        press(&mut app, "Enter");
    }
    press(&mut app, "g");
    assert_eq!(app.view().lane(3, Stage::One), [1, 5, 11, 12, 13]);
    press(&mut app, "j j 2 j 2 j");
    assert_eq!(app.view().lane(3, Stage::One), [1, 5, 13], "#11 and #12, a run, went to stage two");
    assert_eq!(app.view().lane(3, Stage::Two), [7, 11, 12]);
    assert_eq!(selected(&app), Some(13), "the selection is on the next card of the run");
    press(&mut app, "2");
    assert_eq!(app.view().lane(3, Stage::One), [1, 5]);
    assert_eq!(selected(&app), Some(5), "after the last card the selection steps up");
}

#[test]
fn reordering_within_a_lane_and_changing_track() {
    let (_s, mut app) = app_on_starter();
    press(&mut app, "J");
    assert_eq!(app.view().lane(3, Stage::One), [5, 1]);
    assert_eq!(selected(&app), Some(1));
    press(&mut app, "K");
    assert_eq!(app.view().lane(3, Stage::One), [1, 5]);
    press(&mut app, "t");
    let item = app.board().item(1).expect("item");
    assert_eq!((item.track, item.column.as_str()), (Track::Discovery, "explore"));
    assert_eq!(selected(&app), Some(1));
}

#[test]
fn adding_an_item_with_an_estimate_through_the_form() {
    let (s, mut app) = app_on_starter();
    press(&mut app, "Tab a");
    assert_eq!(app.mode(), Mode::Form);
    type_text(&mut app, "Rate-limit the export");
    press(&mut app, "Tab Down");
    type_text(&mut app, "5");
    press(&mut app, "Tab");
    type_text(&mut app, "export, api");
    press(&mut app, "F2");
    assert_eq!(app.mode(), Mode::Board);
    let item = app.board().item(11).expect("added");
    assert_eq!(item.title, "Rate-limit the export");
    assert_eq!((item.column.as_str(), item.stage, item.estimate), ("ready", Stage::Two, Some(5)));
    assert_eq!(item.tags, ["export", "api"]);
    assert_eq!(selected(&app), Some(11));
    assert!(saved_board(&s).item(11).is_some());
}

#[test]
fn ctrl_u_clears_a_field_as_in_a_shell() {
    let (s, mut app) = app_on_starter();
    press(&mut app, "e");
    assert_eq!(app.mode(), Mode::Form);
    press(&mut app, "Ctrl-u");
    type_text(&mut app, "A new title");
    press(&mut app, "Enter");
    assert_eq!(app.mode(), Mode::Board);
    assert_eq!(saved_board(&s).item(1).expect("#1").title, "A new title");
}

#[test]
fn the_save_button_is_reached_with_tab_and_enter_saves() {
    let (_s, mut app) = app_on_starter();
    press(&mut app, "a");
    type_text(&mut app, "Via the button");
    press(&mut app, "Shift-Tab Enter");
    assert_eq!(app.mode(), Mode::Board);
    assert_eq!(app.board().item(11).expect("added").title, "Via the button");
}

#[test]
fn an_estimate_that_is_not_a_number_is_refused_with_a_message() {
    let (_s, mut app) = app_on_starter();
    press(&mut app, "a");
    type_text(&mut app, "Broken estimate");
    press(&mut app, "Tab Tab");
    type_text(&mut app, "three");
    press(&mut app, "F2");
    assert_eq!(app.mode(), Mode::Form, "the form stays open");
    let status = app.status().expect("status").text.clone();
    assert!(status.contains("whole number of points, not `three`"), "{status}");
    assert!(app.board().item(11).is_none());
    press(&mut app, "Esc");
    assert_eq!(app.mode(), Mode::Board);
    assert!(app.board().item(11).is_none(), "Esc cancels without change");
}

#[test]
fn editing_changes_only_what_was_typed() {
    let (_s, mut app) = app_on_starter();
    let before = app.board().item(1).expect("item").clone();
    press(&mut app, "e End");
    type_text(&mut app, " now");
    press(&mut app, "Tab Tab Tab Tab");
    type_text(&mut app, "kim");
    press(&mut app, "F2");
    let after = app.board().item(1).expect("item").clone();
    assert_eq!(after.title, format!("{} now", before.title));
    assert_eq!(after.assignee.as_deref(), Some("kim"));
    assert_eq!(
        (after.estimate, &after.tags, &after.description),
        (before.estimate, &before.tags, &before.description)
    );
    press(&mut app, "Enter Esc");
    assert_eq!(app.board().item(1).expect("item"), &after);
}

#[test]
fn delete_asks_nothing_and_undo_redo_name_what_they_do() {
    let (s, mut app) = app_on_starter();
    press(&mut app, "d");
    assert!(app.board().item(1).is_none());
    assert_eq!(selected(&app), Some(5), "the next card is selected");
    assert!(saved_board(&s).item(1).is_none());
    press(&mut app, "u");
    assert!(app.board().item(1).is_some());
    assert_eq!(
        app.status().expect("status").text,
        "undid: deleted #1 \"Welcome: press ? for every key, q to quit\""
    );
    assert_eq!(selected(&app), Some(1));
    assert!(saved_board(&s).item(1).is_some(), "undo is saved too");
    press(&mut app, "U");
    assert!(app.board().item(1).is_none());
    assert!(app.status().expect("status").text.starts_with("redid: deleted #1"));
}

#[test]
fn undo_twice_after_a_move_and_an_add() {
    let (_s, mut app) = app_on_starter();
    let original = app.board().clone();
    press(&mut app, "L a");
    type_text(&mut app, "Extra");
    press(&mut app, "F2");
    press(&mut app, "u u");
    let mut expected = original.clone();
    expected.next_id = app.board().next_id;
    assert_eq!(app.board(), &expected);
    press(&mut app, "u");
    assert_eq!(app.status().expect("status").text, "nothing to undo");
}

#[test]
fn search_filters_and_escape_clears() {
    let (_s, mut app) = app_on_starter();
    press(&mut app, "/");
    assert_eq!(app.mode(), Mode::Search);
    type_text(&mut app, "webhook");
    let shown: Vec<u64> = (0..7)
        .flat_map(|c| [Stage::One, Stage::Two].map(|s| app.view().lane(c, s).to_vec()))
        .flatten()
        .collect();
    assert_eq!(shown, [6, 8]);
    assert!(matches!(selected(&app), Some(6 | 8)));
    press(&mut app, "Enter");
    assert_eq!(app.mode(), Mode::Board);
    assert_eq!(app.view().query.text(), "webhook");
    press(&mut app, "Esc");
    assert!(app.view().query.is_empty());
    assert_eq!(app.view().lane(3, Stage::One), [1, 5]);
}

#[test]
fn zoom_keeps_the_selection_in_its_track() {
    let (_s, mut app) = app_on_starter();
    press(&mut app, "z");
    assert!(app.zoomed());
    assert_eq!(app.shown_columns(), 3..7);
    press(&mut app, "h");
    assert_eq!(app.selection().column, 3, "no crossing into a hidden track");
    press(&mut app, "z");
    press(&mut app, "h");
    assert_eq!(app.selection().column, 2);
}

#[test]
fn help_opens_and_closes() {
    let (_s, mut app) = app_on_starter();
    press(&mut app, "?");
    assert_eq!(app.mode(), Mode::Help);
    press(&mut app, "j j k");
    press(&mut app, "q");
    assert_eq!(app.mode(), Mode::Board);
    assert!(!app.should_quit(), "q closes help, it does not quit");
    press(&mut app, "q");
    assert!(app.should_quit());
}

#[test]
fn another_writers_save_is_merged_not_clobbered() {
    let (s, mut app) = app_on_starter();
    s.run(&["move", "6", "review"]).ok();
    press(&mut app, "L");
    assert!(matches!(app.session().state(), SaveState::Saved));
    let status = app.status().expect("status").text.clone();
    assert!(status.contains("#6 moved to Review"), "says what the other writer did: {status}");
    let saved = saved_board(&s);
    assert_eq!(saved.item(6).expect("theirs").column, "review");
    assert_eq!(saved.item(1).expect("mine").column, "doing");
}

#[test]
fn a_failed_save_keeps_the_change_retries_and_leaves_a_recovery_copy() {
    let (s, mut app) = app_on_starter();
    // Someone breaks the file by hand: our next save must not overwrite it.
    s.write("(version: 1, name: \"half an edit\"");
    let theirs = s.read();
    press(&mut app, "L");
    assert_eq!(column_of(&app, 1), "doing", "the change is kept in memory");
    assert!(matches!(app.session().state(), SaveState::Unsaved(_)));
    let status = app.status().expect("status").text.clone();
    assert!(status.starts_with("not saved: the board file changed on disk but cannot be read"), "{status}");
    assert_eq!(s.read(), theirs, "the other writer's file is untouched");
    press(&mut app, "2");
    assert!(matches!(app.session().state(), SaveState::Unsaved(_)), "retried on the next change");
    press(&mut app, "q");
    assert!(app.should_quit());
    let note = app.exit_note().expect("a note on exit").to_owned();
    assert!(note.contains("written to"), "{note}");
    let recovery = note.rsplit("written to ").next().expect("path").trim();
    let (_, rescued) = Store::load(std::path::Path::new(recovery)).expect("the recovery copy loads");
    let item = rescued.item(1).expect("item");
    assert_eq!((item.column.as_str(), item.stage), ("doing", Stage::Two));
    assert_eq!(s.read(), theirs);
}

#[test]
fn quick_add_is_a_then_the_title_then_enter() {
    let (s, mut app) = app_on_starter();
    press(&mut app, "a");
    type_text(&mut app, "Quick one");
    press(&mut app, "Enter");
    assert_eq!(app.mode(), Mode::Board, "Enter in a one-line field saves the form");
    assert_eq!(app.board().item(11).expect("added").title, "Quick one");
    assert!(saved_board(&s).item(11).is_some());
}

#[test]
fn the_cursor_starts_at_the_end_and_enter_saves_an_edit() {
    let (_s, mut app) = app_on_starter();
    press(&mut app, "Tab Tab Tab Tab Tab Tab");
    assert_eq!(selected(&app), Some(1));
    press(&mut app, "e Tab Tab");
    type_text(&mut app, "3");
    press(&mut app, "Enter");
    assert_eq!(app.mode(), Mode::Board);
    assert_eq!(app.board().item(1).expect("item").estimate, Some(13), "typed after the 1 already there");
}

#[test]
fn enter_in_the_description_adds_a_line_and_ctrl_s_saves() {
    let (_s, mut app) = app_on_starter();
    press(&mut app, "a");
    type_text(&mut app, "Two lines");
    press(&mut app, "Shift-Tab Shift-Tab");
    type_text(&mut app, "first");
    press(&mut app, "Enter");
    type_text(&mut app, "second");
    assert_eq!(app.mode(), Mode::Form, "Enter in a multi-line field starts a new line");
    press(&mut app, "Ctrl-s");
    assert_eq!(app.board().item(11).expect("added").description, "first\nsecond");
}

#[test]
fn a_refused_form_stays_open_with_the_field_focused() {
    let (_s, mut app) = app_on_starter();
    press(&mut app, "a Enter");
    assert_eq!(app.mode(), Mode::Form, "an empty title is refused");
    let Some(twotrack::app::screens::Overlay::Form(form)) = app.overlays().last() else {
        panic!("the form is open")
    };
    assert_eq!(form.focus, 0, "the title is focused");
    assert!(form.error.as_deref().is_some_and(|e| e.contains("title")), "{:?}", form.error);
}

#[test]
fn plus_and_minus_step_the_estimate_and_equals_asks_for_it() {
    let (s, mut app) = app_on_starter();
    press(&mut app, "j");
    assert_eq!((selected(&app), app.board().item(5).expect("item").estimate), (Some(5), Some(5)));
    press(&mut app, "+");
    assert_eq!(app.board().item(5).expect("item").estimate, Some(8));
    press(&mut app, "- - - - -");
    assert_eq!(app.board().item(5).expect("item").estimate, None, "below 1 is no estimate");
    press(&mut app, "u");
    assert_eq!(app.board().item(5).expect("item").estimate, Some(1), "each step is one undo");
    press(&mut app, "=");
    assert_eq!(app.mode(), Mode::Form);
    press(&mut app, "Backspace");
    type_text(&mut app, "13");
    press(&mut app, "Enter");
    assert_eq!(app.mode(), Mode::Board);
    assert_eq!(saved_board(&s).item(5).expect("item").estimate, Some(13));
    assert_eq!(selected(&app), Some(5));
}

#[test]
fn accepting_with_unticked_entries_asks_and_lists_them() {
    let (_s, mut app) = app_on_starter();
    // First how it was accepted (the evidence form), then the question.
    press(&mut app, "A F2");
    assert_eq!(app.mode(), Mode::Confirm);
    let Some(twotrack::app::screens::Overlay::Confirm(question)) = app.overlays().last() else {
        panic!("a question")
    };
    assert!(question.lines.iter().any(|l| l.contains("Critical paths tested")), "{:?}", question.lines);
    press(&mut app, "n");
    assert!(app.board().item(1).expect("item").accepted.is_none(), "no: nothing changed");
    press(&mut app, "A F2 y");
    assert!(app.board().item(1).expect("item").accepted.is_some());
}

#[test]
fn every_action_a_mode_accepts_is_carried_out_there() {
    use twotrack::app::dispatch::Outcome;
    // Keys that open each mode on the starter board (the welcome card selected); the details
    // are what `e` opens in a read-only session.
    let openers = [
        (Mode::Board, ""),
        (Mode::Help, "?"),
        (Mode::Form, "a"),
        (Mode::Search, "/"),
        (Mode::HelpFilter, "? /"),
        (Mode::Palette, ":"),
        (Mode::Capacity, "c"),
        (Mode::Debt, "r"),
        (Mode::Confirm, "L L L"),
        (Mode::Discovery, "c Tab"),
        (Mode::Criteria, "h h h E"),
        (Mode::Details, "e"),
        (Mode::Initiatives, "i"),
        (Mode::Initiative, "i Enter"),
        (Mode::HandOver, "P T"),
        // Opened at start when a git merge left a note; no key opens it.
        (Mode::MergeNote, ""),
        (Mode::Standup, "w"),
        // On the review fixture: a retrospective needs closed sprints.
        (Mode::Retro, "B"),
        (Mode::Charts, "C"),
        // The recently deleted list, after a delete so that it has a row to restore.
        (Mode::OffBoard, "d y"),
        (Mode::OffBoardFilter, "d y /"),
        (Mode::Visual, "v"),
    ];
    let open = |mode: Mode, keys: &str| {
        let (s, app) = match mode {
            Mode::Initiatives | Mode::Initiative => common::app_on_fixture("phased.ron"),
            Mode::Retro => common::app_on_fixture("review.ron"),
            _ => app_on_starter(),
        };
        let mut app = if mode == Mode::Details { app.read_only("a test".into()) } else { app };
        if mode == Mode::HandOver {
            // Someone else on the board to hand presenting to.
            use twotrack::store::presence::{Announcement, Peer};
            let bob = Announcement { name: "bob".into(), ..Default::default() };
            app.peers_changed(vec![Peer { session: "b".into(), said: bob, owner: None }]);
        }
        if mode == Mode::MergeNote {
            use twotrack::domain::team::activity::{Action, Stamp};
            let stamp =
                Stamp { author: "alice".into(), session: String::new(), time: chrono::DateTime::UNIX_EPOCH };
            let summary = "#1 column: kept \"Review\" (ours), not applied \"Done\" (theirs)";
            let entry = stamp.entry(Some(1), Action::Conflict, serde_json::Map::new(), summary.into());
            app.show_merge_note(vec![entry]);
        }
        press(&mut app, keys);
        assert_eq!(app.mode(), mode, "{keys:?} opens {mode:?}");
        (s, app)
    };
    for mode in Mode::ALL {
        let opener = openers.iter().find(|(m, _)| *m == mode).map(|(_, keys)| *keys);
        let opener = opener.unwrap_or_else(|| panic!("no way to open {mode:?} in this test"));
        for action in mode.actions() {
            let (_s, mut app) = open(mode, opener);
            assert_eq!(app.dispatch(*action), Outcome::Done, "{action:?} in {mode:?}");
        }
        let (_s, mut app) = open(mode, opener);
        let foreign = twotrack::app::input::action::Action::GoTo;
        if !mode.accepts(foreign) {
            assert_eq!(app.dispatch(foreign), Outcome::NotHere, "{mode:?} says so");
            assert!(app.status().is_some_and(|s| s.text.contains("does nothing")));
        }
    }
}

#[test]
fn a_pasted_list_becomes_items_in_one_undo_step_and_a_paste_elsewhere_is_only_text() {
    let (_s, mut app) = app_on_starter();
    app.handle_paste("First story\r\n2. Second story\r\n\r\n");
    assert_eq!(app.mode(), Mode::Form);
    press(&mut app, "F2");
    assert_eq!(app.view().lane(3, Stage::One), [1, 5, 11, 12]);
    assert_eq!(app.board().item(12).expect("added").title, "Second story");
    press(&mut app, "u");
    assert!(app.board().item(11).is_none() && app.board().item(12).is_none(), "one step undoes both");
    // Over an overlay that takes no text, a paste does nothing at all.
    press(&mut app, "?");
    app.handle_paste("q");
    assert_eq!(app.mode(), Mode::Help, "the pasted q did not close help");
    press(&mut app, "Esc /");
    app.handle_paste("web\nhook");
    assert_eq!(app.view().query.text(), "web hook");
}
