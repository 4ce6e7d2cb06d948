//! The cadence on the command line: a cycle run without retyping the model, closing early with
//! items sent back one by one, a changed model, gaps shown, exact dates, the JSON of `sprint
//! list`, bad input refused in one sentence with the file unchanged, and boards of the previous
//! release read and written back byte for byte.

use std::path::Path;

use serde_json::json;

use crate::common::{Sandbox, run_at};
use crate::sprints::refused;
use twotrack::store::format::{from_bytes, to_text};

#[test]
fn a_two_to_one_cycle_runs_without_retyping_the_model() {
    let s = Sandbox::new().with_starter();
    let run = s.run(&[
        "sprint",
        "start",
        "--model",
        "cycle",
        "--delivery-sprints",
        "2",
        "--capacity",
        "20",
        "--goal",
        "Import CSV",
    ]);
    assert_eq!(
        run.ok().stdout.trim(),
        "started sprint \"Delivery 1\" (2026-11-21 to 2026-12-04, 14 days, 20 points, delivery sprint, 2:1 cycle); \
         goal: Import CSV"
    );
    let standup = s.run(&["standup"]).ok().stdout;
    assert!(standup.contains("Delivery 1 (delivery sprint, 2:1 cycle): day 1 of 14"), "{standup}");
    assert!(standup.contains("Sprint goal: Import CSV"), "{standup}");
    let review = s.run(&["report", "--markdown"]).ok().stdout;
    assert!(review.contains("Sprint goal: Import CSV"), "{review}");
    for (when, started) in [
        ("2026-12-04T17:00:00Z", "\"Delivery 2\" (2026-12-05 to 2026-12-18, 14 days"),
        ("2026-12-18T17:00:00Z", "\"Refinement 1\" (2026-12-19 to 2027-01-01, 14 days"),
        ("2027-01-01T17:00:00Z", "\"Delivery 3\" (2027-01-02 to 2027-01-15, 14 days"),
    ] {
        let out = run_at(&s, when, &["sprint", "close"]).ok().stdout;
        assert!(out.contains(&format!("started sprint {started}")), "{when}: {out}");
    }
    let sprints = s.run(&["sprint", "list", "--json"]).ok().json();
    let column =
        |key: &str| sprints.as_array().map(|all| all.iter().map(|s| s[key].clone()).collect::<Vec<_>>());
    assert_eq!(
        column("name"),
        Some(vec![json!("Delivery 1"), json!("Delivery 2"), json!("Refinement 1"), json!("Delivery 3")])
    );
    assert_eq!(
        column("kind"),
        Some(vec![json!("delivery"), json!("delivery"), json!("refinement"), json!("delivery")])
    );
    assert_eq!(column("model"), Some(vec![json!("cycle"); 4]));
    assert_eq!(column("delivery_sprints"), Some(vec![json!(2); 4]));
    assert_eq!(column("capacity"), Some(vec![json!(20); 4]));
    assert_eq!(column("goal"), Some(vec![json!("Import CSV"), json!(null), json!(null), json!(null)]));
    assert_eq!(column("gap_before"), Some(vec![json!(null), json!(0), json!(0), json!(0)]));
    assert_eq!(
        (&sprints[2]["start"], &sprints[2]["end"], &sprints[2]["days"]),
        (&json!("2026-12-19"), &json!("2027-01-01"), &json!(14))
    );
    let text = s.run(&["sprint", "list"]).ok().stdout;
    assert!(text.contains("refinement sprint, 2:1 cycle") && text.contains("goal: Import CSV"), "{text}");
    assert!(!text.contains("without a sprint"), "no gap: {text}");
}

#[test]
fn closing_early_sends_items_one_by_one_and_the_next_sprint_takes_the_chosen_model() {
    let s = Sandbox::new().with_starter();
    s.run(&["sprint", "start", "S", "--end", "2w", "--capacity", "20"]).ok();
    s.run(&["commit", "5", "6", "7"]).ok();
    let args = ["sprint", "close", "--backlog", "7", "--model", "stage", "--stage", "2", "--capacity", "12"];
    let out = run_at(&s, "2026-11-25T16:00:00Z", &args).ok().stdout;
    assert_eq!(
        out.trim(),
        "closed sprint \"S\" on 2026-11-25: 0 of 10 points done, stage two 0% (target 30%); 2 unfinished rolled \
         over to \"Refinement 1\", 1 back to the backlog; started sprint \"Refinement 1\" (2026-11-26 to \
         2026-12-09, 14 days, 12 points, refinement sprint); #5 is stage one work in refinement sprint \
         \"Refinement 1\"; #6 is stage one work in refinement sprint \"Refinement 1\""
    );
    let shown = s.run(&["show", "7", "--json"]).ok().json();
    assert_eq!(shown["sprint"], json!(null), "#7 went back to the backlog");
    let sprints = s.run(&["sprint", "list", "--json"]).ok().json();
    assert_eq!(
        (&sprints[0]["end"], &sprints[0]["days"]),
        (&json!("2026-11-25"), &json!(5)),
        "ended the day it closed"
    );
    assert_eq!(sprints[0]["figures"]["to_backlog"], json!([7]));
    assert_eq!(sprints[1]["mismatched"], json!([5, 6]));
    // Late: the next starts on the day of the close, and the days between show as a gap.
    run_at(&s, "2026-12-15T09:00:00Z", &["sprint", "close", "--rollover", "backlog", "--end", "10d"]).ok();
    let sprints = s.run(&["sprint", "list", "--json"]).ok().json();
    assert_eq!(
        (&sprints[2]["name"], &sprints[2]["start"], &sprints[2]["end"]),
        (&json!("Delivery 1"), &json!("2026-12-15"), &json!("2026-12-24"))
    );
    assert_eq!(sprints[2]["gap_before"], json!(5));
    let text = s.run(&["sprint", "list"]).ok().stdout;
    assert!(text.contains("(5 days without a sprint)"), "{text}");
    let report = s.run(&["report", "--sprint", "S"]).ok().stdout;
    assert!(
        report.contains(
            "2 rolled over to the next sprint (#5 Export the board to CSV, #6 Retry failed webhooks), \
             1 went back to the backlog (#7 Cover CSV escaping with tests)"
        ),
        "{report}"
    );
}

#[test]
fn bad_cadences_and_dates_are_one_sentence_and_change_nothing() {
    let s = Sandbox::new().with_starter();
    for n in ["0", "10", "-1", "two"] {
        refused(
            &s,
            &["sprint", "start", "--model", "cycle", "--delivery-sprints", n],
            &format!("a cycle has 1 to 9 delivery sprints before each refinement sprint, not `{n}`"),
        );
    }
    for end in ["0d", "2 weeks", "2026-02-30"] {
        refused(
            &s,
            &["sprint", "start", "--end", end],
            &format!("the end `{end}` is not a date or a length: give one such as 2026-12-04, 2w or 10d"),
        );
    }
    refused(
        &s,
        &["sprint", "start", "--start", "monday"],
        "the start `monday` is not a date: give one such as 2026-12-04",
    );
    refused(
        &s,
        &["sprint", "start", "--end", "2026-11-20"],
        "a sprint cannot end (2026-11-20) before it starts (2026-11-21)",
    );
    refused(&s, &["sprint", "start", "--goal", "x", "  "], "a sprint needs a name");
    s.run(&["sprint", "start", "S", "--capacity", "20"]).ok();
    s.run(&["commit", "5", "9"]).ok();
    refused(
        &s,
        &["sprint", "close", "--backlog", "5,9"],
        "#9 is not unfinished work of sprint \"S\", so it cannot go to the backlog at its close",
    );
    refused(
        &s,
        &["sprint", "close", "--delivery-sprints", "12"],
        "a cycle has 1 to 9 delivery sprints before each refinement sprint, not `12`",
    );
    refused(
        &s,
        &["sprint", "close", "--end", "3x"],
        "the end `3x` is not a date or a length: give one such as 2026-12-04, 2w or 10d",
    );
}

/// A closed 1:1 cycle sprint (`alternating`) and an open split sprint, as the previous release
/// wrote them.
fn previous_release_board() -> String {
    let review = std::fs::read_to_string("tests/fixtures/review.ron").expect("fixture");
    let first = "            model: split,\n";
    let at = review.find(first).expect("a split sprint");
    let mut text = review.clone();
    text.replace_range(
        at..at + first.len(),
        "            model: alternating,\n            stage: Some(2),\n",
    );
    text
}

#[test]
fn boards_of_the_previous_release_load_and_save_byte_identically() {
    for (name, text) in [
        ("review.ron", std::fs::read_to_string("tests/fixtures/review.ron").expect("fixture")),
        ("alternating", previous_release_board()),
    ] {
        let board = from_bytes(Path::new("b.ron"), text.as_bytes()).expect(name);
        assert_eq!(to_text(&board).expect("writes"), text, "{name} is written back as it was");
        let s = Sandbox::new();
        s.write(&text);
        for read_only in [&["sprint", "list", "--json"][..], &["sprint", "list"], &["report"]] {
            s.run(read_only).ok();
        }
        s.run(&["edit", "1", "--title", "renamed"]).ok();
        s.run(&["edit", "1", "--title", board.item(1).expect("#1").title.as_str()]).ok();
        let after = s.text();
        let sprints = |t: &str| {
            let from = t.find("    sprints: [").expect("sprints");
            let to = from + t[from..].find("\n    ],\n").expect("their end");
            t[from..to].to_owned()
        };
        assert_eq!(sprints(&after), sprints(&text), "{name}: the sprints are written back byte for byte");
    }
    let s = Sandbox::new();
    s.write(previous_release_board());
    let sprints = s.run(&["sprint", "list", "--json"]).ok().json();
    assert_eq!(
        (&sprints[0]["model"], &sprints[0]["kind"], &sprints[0]["delivery_sprints"]),
        (&json!("cycle"), &json!("refinement"), &json!(1))
    );
}
