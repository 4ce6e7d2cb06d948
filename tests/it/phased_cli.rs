//! Phased delivery on the command line: creating initiatives, labelling items, progress and
//! warnings, the boundary decision with its refusals, the JSON shapes, and old boards that stay
//! byte for byte what they were.

use crate::common;

use crate::common::Sandbox;
use serde_json::json;

/// The starter board with the initiative `checkout` and five items labelled by phase: MVP #11
/// (3 pt) and #12 (2 pt), enhancement #13 (5 pt), polish #14 (2 pt) and #15 (unestimated).
fn checkout() -> Sandbox {
    let s = Sandbox::new().with_starter();
    let run = s
        .run(&[
            "initiative",
            "add",
            "Checkout",
            "--criteria-mvp",
            "Pay by card",
            "Under 2 s",
            "--criteria-polish",
            "Copy reviewed",
        ])
        .ok();
    assert_eq!(run.stdout, "checkout\n");
    for (title, phase, estimate) in [
        ("One-page checkout", "mvp", Some("3")),
        ("Card payment", "mvp", Some("2")),
        ("Saved cards", "enhancement", Some("5")),
        ("Error copy", "polish", Some("2")),
        ("Docs", "polish", None),
    ] {
        let mut args = vec!["add", title, "--initiative", "checkout", "--phase", phase];
        if let Some(e) = estimate {
            args.extend(["--estimate", e]);
        }
        s.run(&args).ok();
    }
    s
}

/// `decide checkout --boundary 1 --decision stop --review REVIEW --open-items CHOICE`.
fn stop(s: &Sandbox, review: &str, choice: &str) -> common::Run {
    let args = [
        "decide",
        "checkout",
        "--boundary",
        "1",
        "--decision",
        "stop",
        "--review",
        review,
        "--open-items",
        choice,
    ];
    s.run(&args).ok()
}

fn show(s: &Sandbox) -> serde_json::Value {
    s.run(&["initiative", "show", "checkout", "--json"]).ok().json()
}

fn warning_kinds(value: &serde_json::Value) -> Vec<String> {
    value["warnings"]
        .as_array()
        .expect("warnings")
        .iter()
        .map(|w| w["kind"].as_str().expect("kind").to_owned())
        .collect()
}

#[test]
fn the_json_shape_of_an_initiative_and_of_its_items() {
    let s = checkout();
    let value = show(&s);
    assert_eq!(
        value,
        json!({
            "id": "checkout",
            "name": "Checkout",
            "description": "",
            "status": "active",
            "criteria": {"mvp": ["Pay by card", "Under 2 s"], "enhancement": [], "polish": ["Copy reviewed"]},
            "basis": "points",
            "done": 0,
            "total": 12,
            "percent": 0.0,
            "unestimated": 1,
            "phase": "mvp",
            "phase_by_progress": "mvp",
            "phase_by_work": "mvp",
            "phases": {
                "mvp": {"done": 0, "total": 5, "items": 2, "open_items": 2, "started": 0, "share": 41.7},
                "enhancement": {"done": 0, "total": 5, "items": 1, "open_items": 1, "started": 0, "share": 41.7},
                "polish": {"done": 0, "total": 2, "items": 2, "open_items": 2, "started": 0, "share": 16.7},
            },
            "warnings": [{
                "kind": "mvp_not_minimal",
                "boundary": null,
                "message": "MVP not minimal: it holds 42% of the points (keep it at 30% or less)",
            }],
            "decisions": [],
            "items": {"mvp": [11, 12], "enhancement": [13], "polish": [14, 15]},
        })
    );
    let list = s.run(&["initiative", "list", "--json"]).ok().json();
    assert_eq!(list, json!([value]), "list prints the same shape for every initiative");
    let item = s.run(&["show", "13", "--json"]).ok().json();
    assert_eq!((&item["initiative"], &item["phase"]), (&json!("checkout"), &json!("enhancement")));
    let text = s.run(&["show", "13"]).ok().stdout;
    assert!(text.contains("  phase:    enhancement of initiative checkout\n"), "{text}");
    let lines = s.run(&["list", "--column", "ready"]).ok().stdout;
    assert!(lines.lines().any(|l| l.contains("Saved cards %checkout:enhancement")), "{lines}");
    let plain = s.run(&["show", "1", "--json"]).ok().json();
    assert_eq!((&plain["initiative"], &plain["phase"]), (&json!(null), &json!(null)));
}

#[test]
fn a_team_lead_follows_an_initiative_through_its_first_boundary() {
    let s = checkout();
    // Someone starts polish early: warned.
    s.run(&["move", "14", "doing"]).ok();
    assert_eq!(warning_kinds(&show(&s)), ["polish_before_core", "mvp_not_minimal"]);
    s.run(&["move", "14", "ready"]).ok();
    // Relabelling an MVP item makes the MVP minimal.
    assert_eq!(s.run(&["phase", "12", "enhancement"]).ok().stdout, "#12 is enhancement of checkout\n");
    assert!(warning_kinds(&show(&s)).is_empty());
    // The MVP ships: progress and phase move, and the review is due.
    s.run(&["move", "11", "done"]).ok();
    let value = show(&s);
    assert_eq!((value["percent"].as_f64(), &value["phase"]), (Some(25.0), &json!("enhancement")));
    assert_eq!(value["phase_by_progress"], "mvp");
    assert_eq!(warning_kinds(&value), ["boundary_review_due"]);
    assert_eq!(value["warnings"][0]["boundary"], 1);
    let run = s
        .run(&[
            "decide",
            "checkout",
            "--boundary",
            "1",
            "--decision",
            "continue",
            "--review",
            "Checkout works",
            "--plan",
            "Saved cards next",
            "--communicated",
            "sales, support",
        ])
        .ok();
    assert_eq!(run.stdout, "checkout: boundary 1 (MVP → enhancement) decided: continue\n");
    let value = show(&s);
    assert!(warning_kinds(&value).is_empty());
    let decision = &value["decisions"][0];
    assert_eq!(
        (&decision["date"], &decision["decision"], &decision["review"]),
        (&json!("2026-11-21"), &json!("continue"), &json!("Checkout works"))
    );
    assert!(decision["author"].as_str().is_some_and(|a| !a.is_empty()));
    let text = s.run(&["initiative", "show", "checkout"]).ok().stdout;
    assert!(
        text.contains("boundary 1 (MVP → enhancement): continue\n      review: Checkout works\n"),
        "{text}"
    );
    let table = s.run(&["initiative", "list"]).ok().stdout;
    assert!(
        table.lines().nth(1).is_some_and(|l| l.starts_with("checkout  active    enhancement   25%")),
        "{table}"
    );
}

#[test]
fn bad_input_is_one_sentence_exit_1_and_changes_nothing() {
    let s = checkout();
    let before = s.read();
    for (args, error) in [
        (
            vec!["add", "x", "--initiative", "search"],
            "there is no initiative `search` (the initiatives are checkout)",
        ),
        (
            vec!["add", "x", "--initiative", "checkout", "--phase", "core"],
            "unknown phase `core` (expected mvp, enhancement or polish)",
        ),
        (vec!["phase", "1", "polish"], "#1 belongs to no initiative; name one to give it a phase"),
        (vec!["phase", "11", "beta"], "unknown phase `beta` (expected mvp, enhancement or polish)"),
        (
            vec!["decide", "search", "--boundary", "1", "--decision", "continue", "--review", "ok"],
            "there is no initiative `search` (the initiatives are checkout)",
        ),
        (
            vec!["decide", "checkout", "--boundary", "1", "--decision", "continue"],
            "a decision needs a review note: what worked and what didn't",
        ),
        (
            vec!["decide", "checkout", "--boundary", "1", "--decision", "pivot", "--review", "meh"],
            "a pivot needs a plan note saying how the next phase changes",
        ),
        (
            vec!["decide", "checkout", "--boundary", "1", "--decision", "stop", "--review", "no"],
            "stopping `checkout` leaves 5 open items: say whether to drop them or move them to the backlog",
        ),
        (
            vec!["initiative", "add", "Again", "--id", "checkout"],
            "there is already an initiative `checkout`; give the new one another id",
        ),
        (
            vec!["initiative", "edit", "checkout", "--status", "stopped"],
            "initiative `checkout` is stopped by a decision at a boundary (stop), which says what happens to its open items",
        ),
        (vec!["initiative", "show", "nope"], "there is no initiative `nope` (the initiatives are checkout)"),
    ] {
        let run = s.run(&args);
        assert_eq!((run.code, run.stderr.trim()), (1, format!("twotrack: {error}").as_str()), "{args:?}");
        assert_eq!(s.read(), before, "{args:?} changed the file");
    }
    let run = s.run(&["decide", "checkout", "--boundary", "3", "--decision", "continue", "--review", "x"]);
    assert_eq!(run.code, 2, "a boundary other than 1 or 2 is a usage error");
}

#[test]
fn stop_with_the_open_items_moved_to_the_backlog() {
    let s = checkout();
    s.run(&["move", "11", "done"]).ok();
    s.run(&["move", "13", "doing"]).ok();
    let run = stop(&s, "Nobody paid", "backlog");
    assert_eq!(
        run.stdout,
        "checkout stopped at boundary 1 (MVP → enhancement); 4 open items moved to the backlog (#12, #14, #15, #13)\n"
    );
    let value = show(&s);
    assert_eq!(
        (&value["status"], &value["items"]),
        (&json!("stopped"), &json!({"mvp": [11], "enhancement": [], "polish": []}))
    );
    assert_eq!(
        (&value["decisions"][0]["open_items"], &value["decisions"][0]["items"]),
        (&json!("backlog"), &json!([12, 14, 15, 13]))
    );
    let saved = s.run(&["show", "13", "--json"]).ok().json();
    assert_eq!((&saved["column"], &saved["initiative"]), (&json!("ready"), &json!(null)));
    let run = s.run(&["add", "More", "--initiative", "checkout"]);
    assert_eq!(
        run.stderr.trim(),
        "twotrack: initiative `checkout` is stopped; make it active again before adding work to it"
    );
}

#[test]
fn stop_dropping_the_open_items_deletes_them() {
    let s = checkout();
    let run = stop(&s, "Wrong bet", "drop");
    assert!(run.stdout.contains("5 open items dropped (#11, #12, #13, #14, #15)"), "{}", run.stdout);
    assert_eq!(s.run(&["show", "11"]).code, 1, "dropped items are gone");
    assert_eq!(
        show(&s)["decisions"][0]["items"],
        json!([11, 12, 13, 14, 15]),
        "the decision keeps their ids"
    );
}

#[test]
fn editing_an_initiative_and_leaving_one() {
    let s = checkout();
    let run = s
        .run(&[
            "initiative",
            "edit",
            "Checkout",
            "--name",
            "Checkout v2",
            "--status",
            "paused",
            "--criteria-enhancement",
            "Saved cards",
        ])
        .ok();
    assert_eq!(run.stdout, "initiative checkout: name, success criteria, status active → paused changed\n");
    let value = show(&s);
    assert_eq!((&value["name"], &value["status"]), (&json!("Checkout v2"), &json!("paused")));
    assert_eq!(value["criteria"]["mvp"], json!(["Pay by card", "Under 2 s"]), "criteria not given are kept");
    assert_eq!(value["criteria"]["enhancement"], json!(["Saved cards"]));
    assert_eq!(s.run(&["phase", "15", "none"]).ok().stdout, "#15 left initiative checkout\n");
    s.run(&["phase", "15", "mvp", "--initiative", "checkout"]).ok();
    assert_eq!(s.run(&["show", "15", "--json"]).ok().json()["phase"], "mvp");
    let listed = s.run(&["list", "--json"]).ok().json();
    assert!(listed.as_array().expect("array").iter().all(|i| i.get("initiative").is_some()));
}

#[test]
fn boards_without_initiatives_keep_their_bytes_and_read_only_commands_write_nothing() {
    for fixture in ["tests/fixtures/small.ron", "tests/fixtures/sprint.ron"] {
        let s = Sandbox::new();
        let bytes = std::fs::read(fixture).expect("fixture");
        s.write(&bytes);
        for args in [vec!["initiative", "list"], vec!["initiative", "list", "--json"], vec!["check"]] {
            s.run(&args).ok();
        }
        // A change and its reverse leave the file as it was.
        s.run(&["initiative", "add", "Temp"]).ok();
        assert!(s.text().contains("initiatives: ["));
        let (mut store, mut board) = twotrack::store::Store::load(&s.board).expect("load");
        let remove = twotrack::domain::change::initiative_edit::InitiativeEdit::Remove("temp".into());
        board.apply(twotrack::domain::change::Edit::Initiative(remove)).expect("remove");
        store.save(&board).expect("save");
        assert_eq!(s.read(), bytes, "{fixture}");
    }
}

#[test]
fn a_file_naming_a_missing_initiative_is_refused_with_its_line() {
    let s = checkout();
    let good = s.text();
    s.write(good.replacen("initiative: Some(\"checkout\")", "initiative: Some(\"gone\")", 1));
    let run = s.run(&["check"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("item #11: there is no initiative `gone`"), "{}", run.stderr);
    assert!(run.stderr.contains(" line "), "{}", run.stderr);
    s.write(good.replacen("            phase: Some(mvp),\n", "", 1));
    let run = s.run(&["check"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("item #11: an item in an initiative needs a phase"), "{}", run.stderr);
}
