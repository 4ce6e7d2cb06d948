//! The two-stage workflow as a user drives it: follow-ups, acceptance with undo and redo, the
//! definition of done when moving to Done, the debt register, and the command line.

use crate::common::{Sandbox, app_on_starter, press, screen, type_text};
use serde_json::json;
use twotrack::app::input::keymap::Mode;
use twotrack::model::Stage;

fn ready_stage_two(app: &twotrack::app::App) -> Vec<u64> {
    app.view().lane(3, Stage::Two).to_vec()
}

#[test]
fn two_follow_ups_then_acceptance_puts_them_on_top_and_undo_redo_revert_it() {
    let (s, mut app) = app_on_starter();
    // #5 "Export the board to CSV" is the second card of Ready.
    press(&mut app, "j");
    assert_eq!(app.selected_item().map(|it| it.id), Some(5));
    press(&mut app, "f");
    assert_eq!(app.mode(), Mode::Form);
    type_text(&mut app, "Escape quotes in CSV");
    press(&mut app, "Tab");
    type_text(&mut app, "2");
    press(&mut app, "F2");
    assert_eq!(app.selected_item().map(|it| it.id), Some(5), "the parent stays selected");
    press(&mut app, "f");
    type_text(&mut app, "Stream large exports");
    press(&mut app, "F2");
    assert_eq!(ready_stage_two(&app), [7, 11, 12]);
    let cards = screen(&app, 160, 48);
    let line = cards.lines().find(|l| l.contains("#11")).expect("card #11 on screen");
    assert!(line.contains("↳"), "a follow-up carries the link mark: {line}");
    // Acceptance asks on what evidence (sign-off is the first answer offered), then, since the
    // definition of done is not ticked, whether to accept anyway.
    press(&mut app, "A");
    assert_eq!(app.mode(), Mode::Form);
    press(&mut app, "F2");
    assert_eq!(app.mode(), Mode::Confirm);
    press(&mut app, "y");
    assert_eq!(
        app.status().expect("status").text,
        "#5 accepted on 2026-11-21 by sign-off; 2 follow-ups are next, on top of Ready"
    );
    assert_eq!(ready_stage_two(&app), [11, 12, 7]);
    let saved = s.run(&["list", "--json", "--column", "ready", "--stage", "2"]).ok().json();
    let ids: Vec<u64> =
        saved.as_array().expect("array").iter().map(|i| i["id"].as_u64().expect("id")).collect();
    assert_eq!(ids, [11, 12, 7], "saved in that order");
    press(&mut app, "u");
    assert!(app.status().expect("status").text.starts_with("undid: #5 accepted"));
    assert_eq!(ready_stage_two(&app), [7, 11, 12]);
    assert_eq!(app.board().item(5).expect("item").accepted, None);
    press(&mut app, "U");
    assert_eq!(ready_stage_two(&app), [11, 12, 7]);
    // The details list the links both ways.
    press(&mut app, "e");
    let details = screen(&app, 160, 48);
    assert!(
        details.contains("follow-ups: #11 \"Escape quotes in CSV\", #12 \"Stream large exports\""),
        "{details}"
    );
    assert!(details.contains("accepted: 2026-11-21 by sign-off"), "{details}");
}

#[test]
fn follow_ups_are_refused_for_stage_two_items() {
    let (_s, mut app) = app_on_starter();
    press(&mut app, "Tab f");
    assert_eq!(app.mode(), Mode::Board);
    assert_eq!(
        app.status().expect("status").text,
        "follow-ups are logged for stage-one items, and #7 is stage two"
    );
    press(&mut app, "A");
    assert_eq!(app.status().expect("status").text, "acceptance is for stage-one items, and #7 is stage two");
}

#[test]
fn moving_to_done_with_unticked_entries_asks_and_lists_them() {
    let (_s, mut app) = app_on_starter();
    // #8 "Refactor the webhook client" is stage two, in Review.
    press(&mut app, "l l Tab");
    assert_eq!(app.selected_item().map(|it| it.id), Some(8));
    press(&mut app, "L");
    assert_eq!(app.mode(), Mode::Confirm);
    let question = screen(&app, 80, 24);
    assert!(question.contains("Move #8 to Done?"), "{question}");
    for entry in
        ["Full test coverage", "Refactored to team standards", "Docs complete", "Performance checked"]
    {
        assert!(question.contains(&format!("[ ] {entry}")), "{entry}: {question}");
    }
    press(&mut app, "n");
    assert_eq!(app.board().item(8).expect("item").column, "review", "no means no move");
    press(&mut app, "L y");
    assert_eq!(app.board().item(8).expect("item").column, "done");
    let board = screen(&app, 160, 48);
    let line = board.lines().find(|l| l.contains("#8")).expect("card #8 on screen");
    assert!(line.contains("□ 3┃"), "the card in Done keeps its mark: {line}");
}

#[test]
fn ticking_the_whole_checklist_in_the_details_moves_to_done_without_asking() {
    let (_s, mut app) = app_on_starter();
    press(&mut app, "l l Tab e");
    // Title, kind, estimate, tags, assignee, severity, drag (a debt item), then the four entries.
    press(&mut app, "Tab Tab Tab Tab Tab Tab Tab");
    for _ in 0..4 {
        type_text(&mut app, " ");
        press(&mut app, "Tab");
    }
    press(&mut app, "F2");
    let item = app.board().item(8).expect("item");
    assert_eq!(item.checklist.len(), 4);
    press(&mut app, "L");
    assert_eq!(app.mode(), Mode::Board, "nothing to ask");
    assert_eq!(app.board().item(8).expect("item").column, "done");
}

#[test]
fn the_definitions_of_done_are_edited_in_the_app() {
    let (s, mut app) = app_on_starter();
    press(&mut app, "D");
    assert_eq!(app.mode(), Mode::Form);
    press(&mut app, "End Enter");
    type_text(&mut app, "Reviewed by a second engineer");
    press(&mut app, "F2");
    assert_eq!(app.status().expect("status").text, "definition of done changed for stage one");
    let text = s.run(&["show", "1"]).ok().stdout;
    assert!(text.contains("[ ] Reviewed by a second engineer"), "{text}");
    press(&mut app, "u");
    assert!(!s.run(&["show", "1"]).ok().stdout.contains("second engineer"));
}

#[test]
fn debt_register_view() {
    let (_s, mut app) = app_on_starter();
    press(&mut app, "r");
    assert_eq!(app.mode(), Mode::Debt);
    insta::assert_snapshot!(screen(&app, 100, 30));
    press(&mut app, "j Enter");
    assert_eq!(app.mode(), Mode::Board);
    assert_eq!(app.selected_item().map(|it| it.id), Some(7), "went to the second debt item");
}

#[test]
fn the_command_line_logs_accepts_and_lists_debt_like_the_screen() {
    let s = Sandbox::new().with_starter();
    assert_eq!(
        s.run(&["followup", "5", "Escape quotes", "--estimate", "2", "--severity", "high"]).ok().stdout,
        "11\n"
    );
    assert_eq!(s.run(&["followup", "#5", "Stream exports"]).ok().stdout, "12\n");
    let run = s.run(&["followup", "7", "x"]);
    assert_eq!(
        (run.code, run.stderr.trim()),
        (1, "twotrack: follow-ups are logged for stage-one items, and #7 is stage two")
    );
    let out = s.run(&["accept", "5"]).ok().stdout;
    assert_eq!(out, "#5 accepted on 2026-11-21; 2 follow-ups are next, on top of Ready\n");
    let item = s.run(&["show", "11", "--json"]).ok().json();
    assert_eq!(item["follow_up_of"], 5);
    assert_eq!(item["severity"], "high");
    assert_eq!(item["kind"], "debt");
    assert_eq!(item["stage"], 2);
    assert_eq!(item["accepted"], json!(null));
    assert_eq!(item["checklist"], json!([]), "only what the item ticked, never the whole definition");
    assert_eq!(item["done_when"], json!({"ticked": 0, "total": 4}));
    let parent = s.run(&["show", "5", "--json"]).ok().json();
    assert_eq!(parent["accepted"], "2026-11-21");
    assert_eq!(parent["follow_ups"], json!([11, 12]));
    let debt = s.run(&["debt", "--json"]).ok().json();
    let ids: Vec<u64> =
        debt["open"].as_array().expect("open").iter().map(|i| i["id"].as_u64().expect("id")).collect();
    assert_eq!(ids, [8, 11, 7, 10, 12], "severity first, then cost");
    assert_eq!(debt["totals"]["count"], 5);
    assert_eq!(debt["totals"]["cost"], 8);
    // The starter board's three debt items were created today too.
    assert_eq!(debt["last_14_days"], json!({"created": 5, "repaid": 0, "interest_before": 0}));
    let text = s.run(&["debt"]).ok().stdout;
    assert!(
        text.starts_with("5 open debt items, 8 points to repay; last 14 days: 5 created, 0 repaid"),
        "{text}"
    );
    // Repaying: moving debt to Done counts, and the CLI warns about the unticked checklist.
    let run = s.run(&["move", "8", "done"]).ok();
    assert!(
        run.stderr.contains("warning: #8 is done with unticked definition-of-done entries"),
        "{}",
        run.stderr
    );
    let debt = s.run(&["debt", "--json"]).ok().json();
    assert_eq!(debt["last_14_days"]["repaid"], 1);
}
