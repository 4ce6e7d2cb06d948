//! The dual-track workflow as a user drives it: timeboxed discovery with countdowns and overdue
//! flags, promotion into delivery with links both ways, drop, and the command line.

use crate::common;

use crate::common::{Sandbox, app_at, app_on_starter, press, screen, type_text};
use serde_json::json;
use twotrack::app::input::keymap::Mode;

#[test]
fn a_spike_added_with_a_three_day_timebox_counts_down_and_goes_overdue() {
    let (s, mut app) = app_on_starter();
    // To explore is the first column; its stage-one lane.
    press(&mut app, "h h h a");
    assert_eq!(app.mode(), Mode::Form);
    let form = screen(&app, 100, 30);
    assert!(form.contains("Question") && form.contains("Timebox"), "discovery asks for them:\n{form}");
    type_text(&mut app, "Try the new search engine");
    // Title, kind, estimate, tags, assignee, severity, question, outcome, timebox.
    press(&mut app, "Tab Tab Tab Tab Tab Tab");
    type_text(&mut app, "Is it fast enough for 1M items?");
    press(&mut app, "Tab");
    type_text(&mut app, "Latency numbers and a go/no-go");
    press(&mut app, "Tab");
    type_text(&mut app, "3d");
    press(&mut app, "F2");
    let item = app.board().item(11).expect("added");
    assert_eq!(item.timebox.map(|d| d.to_string()).as_deref(), Some("2026-11-24"));
    assert_eq!(item.question.as_deref(), Some("Is it fast enough for 1M items?"));
    let wide = screen(&app, 160, 48);
    assert!(wide.contains("3d left"), "{wide}");
    let narrow = screen(&app, 80, 24);
    assert!(narrow.contains("3d left"), "on the two-row card or the preview line:\n{narrow}");
    // Five days later it is two days overdue, on the card and in the track header.
    let later = app_at(&s, "2026-11-26T10:00:00Z");
    let wide = screen(&later, 160, 48);
    assert!(wide.contains("2d overdue"), "{wide}");
    assert!(wide.contains("! 2 overdue"), "#11 and the starter's #3 are overdue:\n{wide}");
    let json = s.run(&["show", "11", "--json"]).ok().json();
    assert_eq!(json["overdue"], false);
    let run = common::run_at(&s, "2026-11-26", &["show", "11", "--json"]);
    assert_eq!(run.json()["overdue"], true);
}

#[test]
fn a_timebox_that_cannot_be_read_is_refused_with_a_message() {
    let (_s, mut app) = app_on_starter();
    press(&mut app, "h h h a");
    type_text(&mut app, "Spike");
    press(&mut app, "Tab Tab Tab Tab Tab Tab Tab Tab");
    type_text(&mut app, "soon");
    press(&mut app, "F2");
    assert_eq!(app.mode(), Mode::Form);
    let status = app.status().expect("status").text.clone();
    assert!(status.contains("`soon` is not a timebox"), "{status}");
}

#[test]
fn overdue_and_open_ended_cards() {
    let s = Sandbox::new().with_starter();
    s.run(&["add", "Explore pricing", "--track", "discovery"]).ok();
    let app = app_at(&s, "2026-11-25T10:00:00Z");
    insta::assert_snapshot!(screen(&app, 160, 48));
}

#[test]
fn promoting_into_two_items_links_them_both_ways_and_undo_reverts_it() {
    let (s, mut app) = app_on_starter();
    // #2, the spike in To explore.
    press(&mut app, "h h h");
    assert_eq!(app.selected_item().map(|it| it.id), Some(2));
    press(&mut app, "p");
    assert_eq!(app.mode(), Mode::Form);
    // The expected outcome is only a suggestion: typing replaces it.
    type_text(&mut app, "Yes, flat at 40 MB");
    press(&mut app, "Tab");
    type_text(&mut app, "Stream CSV exports");
    press(&mut app, "Enter");
    type_text(&mut app, "Stream PDF exports");
    press(&mut app, "F2");
    assert_eq!(app.status().expect("status").text, "#2 promoted into #11, #12");
    let spike = app.board().item(2).expect("spike");
    assert_eq!(spike.column, "concluded");
    assert_eq!(spike.learned.as_deref(), Some("Yes, flat at 40 MB"));
    // Jump from the spike to each item and back.
    assert_eq!(app.selected_item().map(|it| it.id), Some(2));
    press(&mut app, "o");
    assert_eq!(app.selected_item().map(|it| it.id), Some(11));
    press(&mut app, "o");
    assert_eq!(app.selected_item().map(|it| it.id), Some(2));
    press(&mut app, "o");
    assert_eq!(app.selected_item().map(|it| it.id), Some(12), "the next link after the one we came from");
    press(&mut app, "e");
    assert!(screen(&app, 120, 40).contains("from #2 \"Can we stream exports instead of batching them?\""));
    press(&mut app, "Esc o e");
    assert!(
        screen(&app, 120, 40)
            .contains("promoted into #11 \"Stream CSV exports\", #12 \"Stream PDF exports\"")
    );
    press(&mut app, "Esc");
    // The JSON of all three shows the links.
    let spike = s.run(&["show", "2", "--json"]).ok().json();
    assert_eq!(spike["promoted_into"], json!([11, 12]));
    assert_eq!(spike["promoted_from"], json!(null));
    for id in ["11", "12"] {
        let item = s.run(&["show", id, "--json"]).ok().json();
        assert_eq!((item["promoted_from"].clone(), item["track"].clone()), (json!(2), json!("delivery")));
    }
    press(&mut app, "u");
    assert!(app.board().item(11).is_none() && app.board().item(12).is_none());
    assert_eq!(app.board().item(2).expect("spike").column, "explore");
}

#[test]
fn dropping_records_why_and_undoes_in_one_step() {
    let (_s, mut app) = app_on_starter();
    press(&mut app, "h h h x");
    type_text(&mut app, "Batching is fast enough");
    press(&mut app, "Enter");
    assert_eq!(app.status().expect("status").text, "#2 dropped: Batching is fast enough");
    assert_eq!(app.board().items().len(), 10, "nothing created");
    press(&mut app, "u");
    assert_eq!(app.board().item(2).expect("spike").drop_reason, None);
}

#[test]
fn a_drop_without_a_reason_keeps_the_form_open_so_the_reason_is_not_run_as_keys() {
    let (_s, mut app) = app_on_starter();
    press(&mut app, "h h h x Enter");
    assert_eq!(app.mode(), Mode::Form, "refused, still open");
    assert!(app.status().expect("status").text.contains("say why"));
    // What is typed next is the reason, not board commands (`u` would undo, `p` promote).
    type_text(&mut app, "up to product");
    press(&mut app, "Enter");
    assert_eq!(app.board().item(2).expect("spike").drop_reason.as_deref(), Some("up to product"));
}

#[test]
fn an_untouched_learned_suggestion_is_taken_as_it_is() {
    let (_s, mut app) = app_on_starter();
    press(&mut app, "h h h p Tab");
    type_text(&mut app, "Stream exports");
    press(&mut app, "F2");
    let spike = app.board().item(2).expect("spike");
    assert_eq!(spike.learned.as_deref(), Some("A yes/no with the memory numbers for a 1 GB export"));
}

#[test]
fn promote_and_drop_are_for_discovery_items() {
    let (_s, mut app) = app_on_starter();
    press(&mut app, "p");
    assert_eq!(app.mode(), Mode::Board);
    assert_eq!(
        app.status().expect("status").text,
        "promotion is for discovery items, and #1 is in the delivery track"
    );
    press(&mut app, "x");
    assert_eq!(
        app.status().expect("status").text,
        "dropping is for discovery items, and #1 is in the delivery track"
    );
}

#[test]
fn the_command_line_promotes_drops_and_reports_discovery_fields() {
    let s = Sandbox::new().with_starter();
    let id = s
        .run(&[
            "add",
            "Try a cache",
            "--track",
            "discovery",
            "--question",
            "Does it help?",
            "--outcome",
            "p95 numbers",
            "--timebox",
            "2w",
        ])
        .ok()
        .stdout;
    assert_eq!(id, "11\n");
    let item = s.run(&["show", "11", "--json"]).ok().json();
    assert_eq!(
        json!([item["question"], item["outcome"], item["timebox"], item["overdue"], item["promoted_from"]]),
        json!(["Does it help?", "p95 numbers", "2026-12-05", false, null])
    );
    let run = s.run(&["add", "x", "--timebox", "soon"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("`soon` is not a timebox"), "{}", run.stderr);
    assert_eq!(
        s.run(&["promote", "11", "Add the cache", "Monitor hit rate", "--learned", "2x faster"]).ok().stdout,
        "12\n13\n"
    );
    let spike = s.run(&["show", "11", "--json"]).ok().json();
    assert_eq!((spike["column"].clone(), spike["learned"].clone()), (json!("concluded"), json!("2x faster")));
    assert_eq!(s.run(&["show", "13", "--json"]).ok().json()["promoted_from"], 11);
    assert_eq!(
        s.run(&["drop", "3", "--reason", "Users want the call"]).ok().stdout,
        "#3 dropped: Users want the call\n"
    );
    let run = s.run(&["promote", "5", "x"]);
    assert_eq!(
        (run.code, run.stderr.trim()),
        (1, "twotrack: promotion is for discovery items, and #5 is in the delivery track")
    );
    assert_eq!(s.run(&["drop", "2"]).code, 2, "a reason is required");
}
