//! The review of a sprint closed by this release (issue 25): Shipped and Stage two bought with
//! titles, evidence and measures recorded at the close; every figure of the table the same in
//! the prose; the review unchanged by later edits and deletions; `report --json`; `measure`.
//! Built on `tests/fixtures/review.ron` with the command line as a team would, clock pinned.

use serde_json::json;

use crate::common::{Run, Sandbox, golden, run_at};

const DURING: &str = "2026-11-23T09:00:00Z";
const CLOSE: &str = "2026-11-27T16:00:00Z";
const LATER: &str = "2026-12-03T10:00:00Z";

/// Sprint 15 worked through and closed: two features shipped (one with evidence and an
/// initiative), measured stage-two work, debt finished outside the commitment, one feature
/// rolled over.
fn closed_sprint() -> Sandbox {
    let s = Sandbox::new();
    std::fs::copy("tests/fixtures/review.ron", &s.board).expect("fixture");
    let ok = |args: &[&str]| run_at(&s, DURING, args).ok().stdout.trim().to_owned();
    ok(&["initiative", "add", "Saved cards", "--id", "cards"]);
    let card = ok(&["add", "Pay with a saved card", "--estimate", "5", "--initiative", "cards"]);
    let bug = ok(&["add", "Coupon total off by one cent", "--kind", "bug", "--estimate", "2"]);
    let cache = ok(&["add", "Cache product pages", "--stage", "2", "--kind", "debt", "--estimate", "3"]);
    let tests =
        ok(&["add", "Cover refunds with tests", "--stage", "2", "--kind", "enabler", "--estimate", "2"]);
    let late = ok(&["add", "Show delivery dates", "--estimate", "8"]);
    let hack = ok(&["add", "Remove the currency shim", "--stage", "2", "--kind", "debt", "--estimate", "1"]);
    ok(&["commit", &card, &bug, &cache, &tests, &late]);
    ok(&["accept", &card, "--by", "sign-off", "--note", "Dana signed"]);
    ok(&["measure", &cache, "p95 checkout latency", "480", "210", "ms"]);
    ok(&["measure", &tests, "coverage", "41", "68.5", "%"]);
    for id in [&card, &bug, &cache, &tests, &hack] {
        ok(&["move", id, "done"]);
    }
    run_at(&s, CLOSE, &["sprint", "close"]).ok();
    s
}

fn report(s: &Sandbox, args: &[&str]) -> String {
    let mut all = vec!["report", "--sprint", "Sprint 15"];
    all.extend_from_slice(args);
    run_at(s, LATER, &all).ok().stdout
}

#[test]
fn the_review_opens_with_what_shipped_and_what_stage_two_bought() {
    let s = closed_sprint();
    let text = report(&s, &["--markdown"]);
    golden("report-recorded.md", &text);
    let shipped = text.find("## Shipped").expect("shipped");
    assert!(shipped < text.find("## The sprint in figures").expect("figures"), "shipped comes first");
    assert!(text.contains("- #12 Pay with a saved card (feature, 5 pt) · accepted by sign-off: Dana signed · initiative Saved cards"), "{text}");
    assert!(
        text.contains("- #13 Coupon total off by one cent (bug, 2 pt) · no acceptance evidence recorded"),
        "{text}"
    );
    assert!(
        text.contains("- #14 Cache product pages (debt, 3 pt): p95 checkout latency 480 → 210 ms"),
        "{text}"
    );
    assert!(text.contains("- #15 Cover refunds with tests (enabler, 2 pt): coverage 41 → 68.5 %"), "{text}");
    assert!(text.contains("without being committed to it:\n\n- #17 Remove the currency shim (debt, 1 pt): no measure recorded"), "{text}");
    assert!(
        text.contains("1 unfinished item rolled over to the next sprint: #16 Show delivery dates."),
        "{text}"
    );
    assert!(text.contains("- Saved cards (cards): active, 1 of 1 item done"), "{text}");
}

#[test]
fn every_figure_of_the_table_is_the_same_in_the_prose() {
    let s = closed_sprint();
    let json = serde_json::from_str::<serde_json::Value>(&report(&s, &["--json"])).expect("json");
    let text = report(&s, &[]);
    let (done, committed) = (&json["done"], &json["committed"]);
    assert_eq!((done["total"].clone(), committed["total"].clone()), (json!(12), json!(20)));
    assert!(
        text.contains(&format!("{} of {} committed points done", done["total"], committed["total"])),
        "{text}"
    );
    // The table's stage two done is the points of "Stage two bought" (committed stage-two work).
    assert!(
        text.contains(&format!(
            "committed to the sprint and done ({} points: the table's stage two done)",
            done["stage_two"]
        )),
        "{text}"
    );
    let row = |name: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(name))
            .map(|l| l.split_whitespace().map(str::to_owned).collect::<Vec<_>>())
    };
    assert_eq!(
        row("stage two").expect("row")[2..],
        [committed["stage_two"].to_string(), done["stage_two"].to_string()]
    );
    assert_eq!(row("total").expect("row")[1..], [committed["total"].to_string(), done["total"].to_string()]);
    // Debt finished in the window says its own scope: it counts #17 too, which the table does not.
    let repaid = &json["debt_repaid_in_window"];
    assert_eq!((repaid["items"].clone(), repaid["points"].clone()), (json!(2), json!(4)));
    assert!(text.contains("Debt items finished in the sprint's window, committed to it or not: 4 points paid back in 2 items"), "{text}");
    // The shares in the prose are the recorded ones, judged by the one rule.
    let share = &json["stage_two_share"];
    assert!(
        text.contains(&format!(
            "Stage-two share of the work done: {}% against a target of {}%",
            share["actual"], share["target"]
        )),
        "{text}"
    );
    assert_eq!(json["discovery_share"]["on_target"], json!(false), "0% against 20% is off target");
    assert_eq!(json["shipped"].as_array().map(Vec::len), Some(2));
    assert_eq!(
        json["stage_two_bought"][0]["measures"][0],
        json!({"name": "p95 checkout latency", "before": "480", "after": "210", "unit": "ms"})
    );
    assert_eq!(json["rolled_over"], json!([{"id": 16, "title": "Show delivery dates", "to_backlog": false}]));
    assert_eq!(json["recorded_at_close"], json!(true));
}

#[test]
fn a_past_review_is_unchanged_by_later_edits_and_deletions() {
    let s = closed_sprint();
    let (text, markdown, json) = (report(&s, &[]), report(&s, &["--markdown"]), report(&s, &["--json"]));
    let ok = |args: &[&str]| run_at(&s, LATER, args).ok();
    ok(&["edit", "12", "--title", "Renamed later"]);
    ok(&["measure", "14", "p95 checkout latency", "480", "150", "ms"]);
    ok(&["delete", "13"]);
    ok(&["delete", "16"]);
    ok(&["initiative", "edit", "cards", "--name", "Wallet"]);
    assert_eq!(report(&s, &[]), text);
    assert_eq!(report(&s, &["--markdown"]), markdown);
    assert_eq!(report(&s, &["--json"]), json);
}

#[test]
fn an_old_close_says_its_items_were_not_recorded() {
    let s = Sandbox::new();
    std::fs::copy("tests/fixtures/review.ron", &s.board).expect("fixture");
    let text = run_at(&s, LATER, &["report", "--sprint", "Sprint 14"]).ok().stdout;
    assert!(
        text.contains("Shipped\n  Not recorded when this sprint closed (it was closed by an earlier release"),
        "{text}"
    );
    assert!(
        text.contains("rolled over") || text.contains("went back to the backlog: #11."),
        "bare ids, never today's titles: {text}"
    );
    let json = run_at(&s, LATER, &["report", "--sprint", "Sprint 14", "--json"]).ok().json();
    assert_eq!((json["recorded_at_close"].clone(), json["shipped"].clone()), (json!(false), json!(null)));
    assert_eq!(
        std::fs::read(&s.board).expect("board"),
        std::fs::read("tests/fixtures/review.ron").expect("fixture"),
        "reports change nothing"
    );
}

#[test]
fn measure_refuses_words_in_one_sentence_and_changes_nothing() {
    let s = Sandbox::new();
    std::fs::copy("tests/fixtures/review.ron", &s.board).expect("fixture");
    let before = std::fs::read(&s.board).expect("board");
    let run: Run = run_at(&s, DURING, &["measure", "1", "latency", "fast", "210", "ms"]);
    assert_eq!(
        (run.code, run.stderr.trim()),
        (
            1,
            "twotrack: the before value of a measure must be a number: `fast` is not a number (write it like 480, -3 or 0.95)"
        )
    );
    let run = run_at(&s, DURING, &["measure", "1", "latency", "--remove"]);
    assert_eq!(
        (run.code, run.stderr.trim()),
        (1, "twotrack: #1 has no measure called `latency` (it has none)")
    );
    assert_eq!(std::fs::read(&s.board).expect("board"), before);
    run_at(&s, DURING, &["measure", "1", "error rate", "-0.5", "0.25"]).ok();
    let show = run_at(&s, DURING, &["show", "1", "--json"]).ok().json();
    assert_eq!(
        show["measures"],
        json!([{"name": "error rate", "before": "-0.5", "after": "0.25", "unit": null}])
    );
    assert!(run_at(&s, DURING, &["show", "1"]).ok().stdout.contains("error rate -0.5 → 0.25"));
    let removed = run_at(&s, DURING, &["measure", "1", "Error Rate", "--remove"]).ok().stdout;
    assert_eq!(removed.trim(), "#1 measure removed: error rate -0.5 → 0.25");
}
