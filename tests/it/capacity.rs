//! The capacity split on screen, in the capacity view, in the settings form and in `stats`:
//! a stage-two share of 10 % against a 30 % target is seen at once and fixed from the app.

use crate::common::{Sandbox, app_on_fixture, press, screen, type_text};
use serde_json::json;
use twotrack::app::input::keymap::Mode;
use twotrack::model::Stage;

#[test]
fn the_board_flags_an_off_target_stage_two_share_in_its_summary_line() {
    let (_s, app) = app_on_fixture("sprint.ron");
    let wide = screen(&app, 160, 48);
    let top = wide.lines().next().expect("first line");
    assert!(top.starts_with("\" Sprint 14 │ "), "the board's name heads the line: {top}");
    assert!(top.contains("planned 50/40 pt ! over"), "{top}");
    assert!(top.contains("stage two 10% (target 30%) ! off"), "{top}");
    let narrow = screen(&app, 80, 24);
    let top = narrow.lines().next().expect("first line");
    // The name still heads it; both shares in one format, shortened together, still flagged.
    assert!(top.starts_with("\" Sprint 14 │ "), "{top}");
    assert!(top.contains("S2 10% !") && top.contains("disc 0% !"), "{top}");
}

#[test]
fn capacity_view_80x24() {
    let (_s, mut app) = app_on_fixture("sprint.ron");
    press(&mut app, "c");
    assert_eq!(app.mode(), Mode::Capacity);
    let text = screen(&app, 80, 24);
    assert!(text.contains("! OFF TARGET: 20.0 pp below"), "{text}");
    insta::assert_snapshot!(text);
    press(&mut app, "c");
    assert_eq!(app.mode(), Mode::Board, "c toggles the view");
}

#[test]
fn capacity_view_160x48() {
    let (_s, mut app) = app_on_fixture("sprint.ron");
    press(&mut app, "c");
    insta::assert_snapshot!(screen(&app, 160, 48));
}

#[test]
fn changing_the_target_from_the_app_is_saved_undoable_and_agrees_with_stats() {
    let (s, mut app) = app_on_fixture("sprint.ron");
    press(&mut app, "c e Tab Tab Tab End Backspace Backspace");
    type_text(&mut app, "10");
    press(&mut app, "F2");
    assert_eq!(app.mode(), Mode::Capacity, "back in the capacity view");
    assert_eq!(app.status().expect("status").text, "stage-two target 30% → 10%");
    let view = screen(&app, 160, 48);
    assert!(view.contains("stage two 10.0% · target 10% · on target"), "{view}");
    let stats = s.run(&["stats", "--json"]).ok().json();
    assert_eq!(stats["targets"], json!({"discovery": 20, "stage_two": 10}));
    assert_eq!(stats["shares"]["stage_two"], json!(10.0));
    let top = screen(&app, 160, 48).lines().next().expect("line").to_owned();
    assert!(
        top.contains("stage two 10% (target 10%)") && !top.contains("stage two 10% (target 10%) !"),
        "{top}"
    );
    press(&mut app, "u");
    assert_eq!(app.status().expect("status").text, "undid: stage-two target 30% → 10%");
    assert_eq!(s.run(&["stats", "--json"]).ok().json()["targets"]["stage_two"], 30);
}

#[test]
fn wip_limits_are_edited_in_the_app_and_shown_on_the_board() {
    let (s, mut app) = app_on_fixture("sprint.ron");
    // Fields: name, capacity, 2 targets, discovery WIP, 3 discovery columns, delivery WIP, Ready...
    press(&mut app, "c e Tab Tab Tab Tab Tab Tab Tab Tab");
    type_text(&mut app, "3");
    press(&mut app, "Tab");
    type_text(&mut app, "2");
    press(&mut app, "F2 Esc");
    let board = s.run(&["show", "1", "--json"]).ok();
    assert_eq!(board.code, 0);
    let file = s.text();
    assert!(file.contains("(id: \"ready\", name: \"Ready\", wip_limit: Some(2), done: false)"), "{file}");
    assert!(file.contains("wip_limit: Some(3),"), "track limit saved: {file}");
    let text = screen(&app, 160, 48);
    assert!(text.contains("Ready 2/2"), "{text}");
    // Ready 2 + In progress 1 + Review 1; Done does not count.
    assert!(text.contains("WIP 4/3 ! OVER WIP LIMIT"), "the delivery track header:\n{text}");
}

#[test]
fn an_over_limit_column_is_flagged_and_moving_into_it_warns() {
    let (_s, mut app) = app_on_fixture("sprint.ron");
    // Ready's first card, #1, into In progress (limit 1, holding #2).
    assert_eq!(app.selected_item().map(|it| it.id), Some(1));
    press(&mut app, "L");
    assert_eq!(app.board().item(1).expect("item").column, "doing", "the move is allowed");
    let status = app.status().expect("status");
    assert_eq!(status.text, "#1 moved to In progress; In progress is over its WIP limit (2/1)");
    let text = screen(&app, 160, 48);
    assert!(text.contains("! In progress 2/1") && text.contains("! over WIP limit"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn stats_json_and_text_for_the_fixture() {
    let s = Sandbox::new();
    std::fs::copy("tests/fixtures/sprint.ron", &s.board).expect("fixture");
    assert_eq!(
        s.run(&["stats", "--json"]).ok().json(),
        json!({
            "board": "Sprint 14",
            "capacity": 40,
            "targets": {"discovery": 20, "stage_two": 30},
            "planned": {"total": 50, "discovery": 0, "delivery": 50, "stage_one": 45, "stage_two": 5},
            "planned_items": {"total": 5, "discovery": 1, "delivery": 4, "stage_one": 4, "stage_two": 1},
            "basis": "points",
            "shares": {"discovery": 0.0, "stage_two": 10.0},
            "unestimated": 1,
            "sprint": null,
            "backlog": null,
        })
    );
    insta::assert_snapshot!(s.run(&["stats"]).ok().stdout);
}

#[test]
fn a_stage_label_changes_the_split_on_screen_at_once() {
    let (_s, mut app) = app_on_fixture("sprint.ron");
    press(&mut app, "2");
    assert_eq!(app.board().item(1).expect("item").stage, Stage::Two);
    let top = screen(&app, 160, 48).lines().next().expect("line").to_owned();
    assert!(top.contains("stage two 50% (target 30%) ! off"), "{top}");
}
