//! Evidence on the board, as a team drives it through the keys: why work is discovery (asked
//! when it enters the track), the discovery page of the capacity view, variants and their
//! winner, acceptance on evidence, and the debt register by interest.

use crate::common::{Sandbox, app_at, app_on_starter, press, run_at, screen, type_text};
use serde_json::json;
use twotrack::app::App;
use twotrack::app::input::keymap::Mode;
use twotrack::model::Stage;

fn status(app: &App) -> String {
    app.status().map(|s| s.text.clone()).unwrap_or_default()
}

fn selected(app: &App) -> Option<u64> {
    app.selected_item().map(|it| it.id)
}

fn criteria(app: &App, id: u64) -> Option<Vec<String>> {
    app.board().item(id).expect("item").criteria.clone()
}

#[test]
fn a_spike_added_to_discovery_is_asked_why_and_the_answer_is_recorded() {
    let (s, mut app) = app_on_starter();
    press(&mut app, "h h h a");
    type_text(&mut app, "Try a vector index");
    press(&mut app, "F2");
    assert_eq!(app.mode(), Mode::Criteria, "added, and asked why");
    assert!(app.board().item(11).is_some(), "a question, not a block: the item is there");
    let question = screen(&app, 80, 24);
    assert!(question.contains("Why is #11 discovery work?"), "{question}");
    assert!(question.contains("1 [ ] Technical uncertainty"), "{question}");
    // Saving with nothing ticked is refused, saying how to answer.
    press(&mut app, "Enter");
    assert_eq!(app.mode(), Mode::Criteria);
    assert_eq!(status(&app), "tick at least one (Space or its number), or n: none applies");
    // A digit ticks an entry; Space ticks the selected one.
    type_text(&mut app, "3");
    press(&mut app, "k k Space Enter");
    assert_eq!(app.mode(), Mode::Board);
    assert_eq!(status(&app), "#11 is discovery work because of: Technical uncertainty, New technology");
    assert_eq!(criteria(&app, 11), Some(vec!["Technical uncertainty".into(), "New technology".into()]));
    let saved = s.run(&["show", "11", "--json"]).ok().json();
    assert_eq!(saved["criteria"], json!(["Technical uncertainty", "New technology"]));
    // The answer is its own step to undo; the item stays.
    press(&mut app, "u");
    assert_eq!(criteria(&app, 11), None);
    // E asks again; n records that none applies.
    assert_eq!(selected(&app), Some(11));
    press(&mut app, "E");
    assert_eq!(app.mode(), Mode::Criteria);
    press(&mut app, "n");
    assert_eq!(status(&app), "#11: no entry criterion applies (recorded)");
    assert_eq!(criteria(&app, 11), Some(Vec::new()));
    press(&mut app, "e");
    assert!(screen(&app, 120, 40).contains("criteria: none applies"), "the details say so");
}

#[test]
fn moving_an_item_into_discovery_asks_and_later_leaves_it_unanswered_with_a_warning() {
    let (s, mut app) = app_on_starter();
    assert_eq!(selected(&app), Some(1));
    press(&mut app, "E");
    assert_eq!(status(&app), "entry criteria are for discovery items, and #1 is in the delivery track");
    press(&mut app, "t");
    assert_eq!(app.mode(), Mode::Criteria);
    press(&mut app, "Esc");
    assert_eq!(app.mode(), Mode::Board);
    assert_eq!(status(&app), "#1 does not say why it is discovery work; E asks again");
    assert_eq!(s.run(&["show", "1", "--json"]).ok().json()["criteria"], json!(null));
    // Moving within discovery does not ask again.
    press(&mut app, "L");
    assert_eq!(app.mode(), Mode::Board);
}

/// The starter board with discovery decided over November: #11 promoted on time into #12, #13
/// dropped 5 days late, and #2's criterion said.
fn decided_discovery() -> Sandbox {
    let s = Sandbox::new().with_starter();
    let add = |when: &str, title: &str, criterion: &str| {
        let args = [
            "add",
            title,
            "--track",
            "discovery",
            "--criteria",
            criterion,
            "--outcome",
            "a decision",
            "--timebox",
            "5d",
        ];
        run_at(&s, when, &args).ok();
    };
    add("2026-11-01", "Which queue?", "new-technology");
    run_at(&s, "2026-11-04", &["promote", "11", "Adopt the queue", "--learned", "it scales"]).ok();
    add("2026-11-02", "A new pricing page", "high-risk-change");
    run_at(&s, "2026-11-12", &["drop", "13", "--reason", "too risky before the launch"]).ok();
    s.run(&["criteria", "2", "technical-uncertainty", "unclear-requirements"]).ok();
    s
}

#[test]
fn discovery_success_figures_80x24() {
    let s = decided_discovery();
    let mut app = app_at(&s, "2026-11-21T10:00:00Z");
    press(&mut app, "c Tab");
    assert_eq!(app.mode(), Mode::Discovery);
    let text = screen(&app, 80, 24);
    assert!(text.contains("Concluded   2: 1 on time, 1 late, 0 without a timebox · 50% on time"), "{text}");
    assert!(text.contains("1 promoted · 1 dropped"), "{text}");
    insta::assert_snapshot!(text);
    press(&mut app, "Tab");
    assert_eq!(app.mode(), Mode::Capacity, "Tab goes back to the split");
    press(&mut app, "c");
    assert_eq!(app.mode(), Mode::Board);
}

#[test]
fn the_entry_criteria_are_edited_from_the_discovery_page_and_undone() {
    let (s, mut app) = app_on_starter();
    press(&mut app, "c Tab e");
    assert_eq!(app.mode(), Mode::Form);
    press(&mut app, "End Enter");
    type_text(&mut app, "Legal review");
    press(&mut app, "F2");
    assert_eq!(app.mode(), Mode::Discovery, "back on the page");
    assert_eq!(status(&app), "entry criteria changed");
    assert!(screen(&app, 80, 24).contains("Legal review"));
    assert!(s.text().contains("entry_criteria: Some(["), "saved on the board");
    press(&mut app, "u");
    assert!(!s.text().contains("entry_criteria"), "the defaults are not written");
}

#[test]
fn an_experiment_ends_with_the_winner_refined_and_the_losers_archived() {
    let (s, mut app) = app_on_starter();
    press(&mut app, "j V");
    assert_eq!(app.mode(), Mode::Form);
    type_text(&mut app, "Streamed CSV export");
    press(&mut app, "Enter");
    type_text(&mut app, "Zipped CSV export");
    press(&mut app, "F2");
    assert_eq!(status(&app), "#5 split into variants A #5, B #11, C #12");
    assert_eq!(app.view().lane(3, Stage::One), [1, 5, 11, 12]);
    let board = screen(&app, 80, 24);
    let line = board.lines().find(|l| l.contains("#11")).expect("card #11");
    assert!(line.contains("[B]"), "a variant's card carries its letter: {line}");
    // The winner-to-be logs its follow-up; then B wins.
    press(&mut app, "j f");
    type_text(&mut app, "Tests for streaming");
    press(&mut app, "F2");
    assert_eq!(selected(&app), Some(11));
    press(&mut app, "W");
    assert_eq!(
        status(&app),
        "B #11 won experiment #5; lost: A #5, C #12; 1 follow-up is next, on top of Ready"
    );
    assert_eq!(selected(&app), Some(11), "the winner stays selected");
    for loser in [5, 12] {
        let item = app.board().item(loser).expect("loser");
        assert_eq!((item.column.as_str(), item.winner, item.finished), ("done", Some(11), None));
    }
    assert_eq!(app.view().lane(3, Stage::Two)[0], 13, "the winner's follow-up is next");
    let winner = s.run(&["show", "11", "--json"]).ok().json();
    assert_eq!((winner["accepted_by"].clone(), winner["lost"].clone()), (json!("ab-test"), json!(false)));
    assert_eq!(s.run(&["show", "5", "--json"]).ok().json()["lost"], json!(true));
    press(&mut app, "l l l");
    // Where the columns are wide enough, the done column's cards keep their variant marks beside
    // two-row titles (the selected column no longer widens at 100 columns: the columns share
    // the width equally once each reads, see the guide's "Readable cards").
    let done = screen(&app, 160, 40);
    assert!(done.contains("[A]✗") && done.contains("[C]✗"), "the losers are marked lost:\n{done}");
    press(&mut app, "j e");
    let details = screen(&app, 120, 40);
    assert!(details.contains("experiment: #5, variant A of 3: B #11 won; A #5, C #12 lost"), "{details}");
    press(&mut app, "Esc u");
    assert_eq!(app.board().item(5).expect("A").column, "ready", "one undo brings the losers back");
    assert!(app.board().items().iter().all(|it| it.winner.is_none()));
    for _ in 0..10 {
        if selected(&app) == Some(1) {
            break;
        }
        press(&mut app, "k");
    }
    assert_eq!(selected(&app), Some(1));
    press(&mut app, "W");
    assert_eq!(status(&app), "#1 is not a variant of an experiment; split an item into variants first");
}

#[test]
fn acceptance_asks_on_what_evidence_and_takes_the_teams_own_words() {
    let (s, mut app) = app_on_starter();
    press(&mut app, "A");
    assert_eq!(app.mode(), Mode::Form);
    assert!(screen(&app, 80, 24).contains("How was \"Welcome: press ? for every key, q to quit\" accepted?"));
    type_text(&mut app, "o");
    press(&mut app, "F2");
    assert_eq!(app.mode(), Mode::Form, "other needs words");
    assert!(status(&app).starts_with("say in a few words how it was accepted"));
    type_text(&mut app, "beta customers");
    press(&mut app, "Tab");
    type_text(&mut app, "12 of 15 kept it on");
    press(&mut app, "F2");
    // Its definition of done is not ticked: accepting it anyway is asked.
    assert_eq!(app.mode(), Mode::Confirm);
    press(&mut app, "y");
    assert_eq!(status(&app), "#1 accepted on 2026-11-21 by beta customers; it has no open follow-ups");
    let item = s.run(&["show", "1", "--json"]).ok().json();
    assert_eq!(
        (item["accepted_by"].clone(), item["acceptance_note"].clone()),
        (json!("beta customers"), json!("12 of 15 kept it on"))
    );
    // Accepting again starts from what was recorded.
    press(&mut app, "A");
    let form = screen(&app, 80, 24);
    assert!(form.contains("◀ other ▶") && form.contains("beta customers"), "{form}");
}

/// The starter board with two more debt items logged in October and November.
fn aged_debt() -> Sandbox {
    let s = Sandbox::new().with_starter();
    let debt = |when: &str, title: &str, severity: &str| {
        let args =
            ["add", title, "--kind", "debt", "--stage", "2", "--severity", severity, "--estimate", "2"];
        run_at(&s, when, &args).ok();
    };
    debt("2026-10-11", "Flaky payment retries", "low");
    debt("2026-11-15", "SQL in the controller", "critical");
    s
}

#[test]
fn debt_register_sorted_by_interest_80x24() {
    let s = aged_debt();
    let mut app = app_at(&s, "2026-12-01T10:00:00Z");
    press(&mut app, "r s");
    let text = screen(&app, 80, 24);
    insta::assert_snapshot!(text);
    // 16 days critical (128), 51 days low (51), then the starter's 10-day debt: high, medium, low.
    press(&mut app, "Enter");
    assert_eq!(selected(&app), Some(12), "the most interest is on top");
    let json = run_at(&s, "2026-12-01", &["debt", "--sort", "interest", "--json"]).ok().json();
    let ids: Vec<u64> =
        json["open"].as_array().expect("open").iter().map(|i| i["id"].as_u64().expect("id")).collect();
    assert_eq!(ids, [12, 11, 8, 7, 10], "the screen and the command line agree");
    assert_eq!(json["interest"]["total"], 128 + 51 + 40 + 20 + 10);
}

#[test]
fn interest_weights_are_set_in_the_settings_and_undone() {
    let s = aged_debt();
    let mut app = app_at(&s, "2026-12-01T10:00:00Z");
    // The last field of the settings is the weight of critical debt.
    press(&mut app, "c e Shift-Tab Shift-Tab End Backspace");
    type_text(&mut app, "20");
    press(&mut app, "F2");
    assert_eq!(status(&app), "critical debt interest weight 8 → 20");
    let json = run_at(&s, "2026-12-01", &["debt", "--json"]).ok().json();
    assert_eq!(json["interest"]["weights"]["critical"], 20);
    assert_eq!(json["interest"]["total"], 20 * 16 + 51 + 40 + 20 + 10);
    assert!(s.text().contains("interest_weights: Some("));
    press(&mut app, "u");
    assert!(!s.text().contains("interest_weights"), "the defaults are not written");
}

#[test]
fn every_evidence_screen_draws_at_any_size() {
    let s = aged_debt();
    let mut app = app_at(&s, "2026-12-01T10:00:00Z");
    // The discovery page, the register by interest, the criteria question, the accept and
    // variant forms, and a variant's details in presenter mode.
    for (keys, mode) in [
        ("c Tab", Mode::Discovery),
        ("Esc r s", Mode::Debt),
        ("Esc h h h E", Mode::Criteria),
        ("Esc l l l l A", Mode::Form),
        ("Esc V", Mode::Form),
        ("Esc P", Mode::Board),
    ] {
        press(&mut app, keys);
        assert_eq!(app.mode(), mode, "{keys}");
        for (width, height) in [(1, 1), (10, 3), (250, 70)] {
            screen(&app, width, height);
        }
        for width in 38..64 {
            for height in 8..18 {
                screen(&app, width, height);
            }
        }
    }
}
