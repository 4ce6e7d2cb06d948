//! `twotrack standup` against a fixture board and journal on a pinned clock (Monday morning, so
//! "since the previous working day" reaches back to Friday), with a Markdown golden file.

use crate::common;

use crate::common::{Sandbox, golden, twotrack};

/// A Monday, 09:30.
const MONDAY: &str = "2026-11-23T09:30:00Z";

fn sandbox() -> Sandbox {
    let s = Sandbox::new();
    std::fs::copy("tests/fixtures/standup.ron", &s.board).expect("board");
    std::fs::copy("tests/fixtures/standup.ron.journal", s.dir.path().join("board.ron.journal"))
        .expect("journal");
    s
}

fn standup(s: &Sandbox, args: &[&str]) -> common::Run {
    let mut cmd = twotrack();
    cmd.env("TWOTRACK_NOW", MONDAY).arg("--file").arg(&s.board).arg("standup").args(args);
    common::Run::of(cmd.output().expect("run"))
}

#[test]
fn standup_markdown_matches_the_golden_file() {
    let s = sandbox();
    let before = (s.read(), std::fs::read(s.dir.path().join("board.ron.journal")).expect("journal"));
    let run = standup(&s, &["--markdown"]).ok();
    golden("standup.md", &run.stdout);
    let after = (s.read(), std::fs::read(s.dir.path().join("board.ron.journal")).expect("journal"));
    assert_eq!(before, after, "a standup changes no file");
    let files = std::fs::read_dir(s.dir.path()).expect("dir").count();
    assert_eq!(files, 2, "and creates none (no lock, no backup)");
}

#[test]
fn plain_text_since_a_given_time_names_people_moves_and_ages() {
    let s = sandbox();
    let text = standup(&s, &["--since", "2026-11-16"]).ok().stdout;
    for line in [
        "Since Mon 2026-11-16 00:00 UTC (--since 2026-11-16), as of Mon 2026-11-23 09:30 UTC",
        "Sprint 14 (split): day 8 of 12, 5 of 26 committed points done",
        "  kim · spikes (discovery)\n    - moved #5 Can we cache prices?: To explore → Exploring",
        "    - moved #3 Receipts by e-mail: Ready → In progress",
        "  ben · delivery (stage one)\n    - accepted #2 Saved carts by sign-off",
        "  ben · refinement (stage two)\n    - added #7 Cover the tax rules with tests",
        "Debt since then\n  logged 1 item (2 points) · repaid 0 items (0 points) · net +2 points",
        "    - #1 Checkout redesign: 1 follow-up (#7), 2 pt against 1 anticipated — @ana",
        "    - added #8 Try a new font (deleted)",
        "    - #3 Receipts by e-mail — @ana, 3d: waiting for the mail provider's API key",
        "    - #4 Refactor the cart totals — @ben, 9d in In progress",
    ] {
        assert!(text.contains(line), "missing {line:?} in:\n{text}");
    }
    let later = standup(&s, &["--since", "2h", "--stale-days", "7"]).ok().stdout;
    assert!(later.contains("nothing was moved, finished or added since then"), "{later}");
    assert!(later.contains("Not moved for 7 days or more (1)"), "{later}");
}

#[test]
fn a_standup_without_a_journal_still_shows_the_board_and_bad_input_is_one_sentence() {
    let s = sandbox();
    std::fs::remove_file(s.dir.path().join("board.ron.journal")).expect("remove journal");
    let text = standup(&s, &[]).ok().stdout;
    assert!(text.contains("nothing was moved") && text.contains("Blocked (1)"), "{text}");
    let run = standup(&s, &["--since", "last week"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr.trim(),
        "twotrack: `last week` is not a time: give a date (2026-11-20), a time (2026-11-20 14:00, or 09:30 \
         for today), or a length back from now (2h, 1d, 1w)"
    );
    let missing = Sandbox::new();
    let run = standup(&missing, &[]);
    assert_eq!(run.code, 1, "no board: an error, and nothing is created");
    assert!(!missing.board.exists());
}

#[test]
fn standup_json_splits_work_totals_debt_and_flags_more_debt_than_anticipated() {
    let s = sandbox();
    let run = standup(&s, &["--json"]).ok();
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(v["board"], "Checkout team");
    assert_eq!(v["since"], "2026-11-20T00:00:00+00:00");
    let ben = v["people"].as_array().and_then(|p| p.iter().find(|p| p["name"] == "ben")).expect("ben");
    assert_eq!(
        ben["delivery"]["finished"],
        serde_json::json!([{"id": 2, "title": "Saved carts", "outcome": "accepted", "detail": "by sign-off"}])
    );
    assert_eq!(ben["refinement"]["added"][0]["id"], 7);
    assert_eq!(ben["gone"]["added"][0]["id"], 8);
    assert_eq!(ben["spikes"]["moved"], serde_json::json!([]));
    assert_eq!(
        v["debt"],
        serde_json::json!({"created": {"items": 1, "points": 2}, "repaid": {"items": 0, "points": 0}})
    );
    assert_eq!(
        v["anticipated_debt_exceeded"],
        serde_json::json!([{"id": 1, "title": "Checkout redesign", "assignee": "ana", "anticipated": 1,
            "follow_ups": [7], "points": 2, "unestimated": 0}])
    );
    assert_eq!(v["blocked"][0]["note"], "waiting for the mail provider's API key");
    assert_eq!(v["in_progress"][0]["assignee"], "ana");
    let both = standup(&s, &["--json", "--markdown"]);
    assert_eq!(both.code, 2, "one form at a time is a usage error");
}

#[test]
fn the_review_flags_the_same_item_as_the_standup() {
    let s = sandbox();
    let mut cmd = twotrack();
    cmd.env("TWOTRACK_NOW", MONDAY).arg("--file").arg(&s.board).args(["report", "--markdown"]);
    let text = common::Run::of(cmd.output().expect("run")).ok().stdout;
    assert!(text.contains("## More debt than anticipated"), "{text}");
    assert!(text.contains("- #1 Checkout redesign: 1 follow-up (#7), 2 pt against 1 anticipated"), "{text}");
}

#[test]
fn anticipated_debt_is_set_shown_cleared_and_bad_values_change_nothing() {
    let s = sandbox();
    let run = |args: &[&str]| common::run_at(&s, MONDAY, args);
    assert_eq!(run(&["edit", "6", "--anticipated-debt", "3"]).ok().stdout, "edited #6\n");
    assert!(
        s.text().contains("            anticipated_debt: Some(3),\n            created:"),
        "written after forced"
    );
    assert!(run(&["show", "6"]).ok().stdout.contains("anticipated debt: 3 points"));
    let json: serde_json::Value =
        serde_json::from_str(&run(&["show", "6", "--json"]).ok().stdout).expect("JSON");
    assert_eq!(json["anticipated_debt"], 3);
    let before = s.read();
    for bad in ["-2", "lots", "2.5"] {
        let failed = run(&["edit", "6", "--anticipated-debt", bad]);
        assert_eq!(failed.code, 1, "{bad}");
        assert_eq!(
            failed.stderr.trim(),
            format!(
                "twotrack: anticipated debt is a whole number of points (0 or more), such as 3, or `none`; `{bad}` is not"
            )
        );
        assert_eq!(run(&["add", "New", "--anticipated-debt", bad]).code, 1);
        assert_eq!(s.read(), before, "nothing changed by {bad}");
    }
    let added = run(&["add", "Search", "--anticipated-debt", "2"]).ok().stdout;
    let id = added.trim().to_owned();
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&run(&["show", &id, "--json"]).ok().stdout).expect("JSON")
            ["anticipated_debt"],
        2
    );
    run(&["edit", "6", "--anticipated-debt", "none"]).ok();
    assert!(!run(&["show", "6"]).ok().stdout.contains("anticipated debt"));
    let before = s.read();
    for (args, said) in [
        (&["edit", "4", "--anticipated-debt", "2"][..], "#4 is stage two"),
        (&["edit", "5", "--anticipated-debt", "2"][..], "#5 is in the discovery track"),
        (&["add", "Tidy", "--stage", "2", "--anticipated-debt", "2"][..], "the new item is stage two"),
    ] {
        let refused = run(args);
        let sentence = format!("twotrack: anticipated debt is said of stage-one delivery work, and {said}");
        assert_eq!((refused.code, refused.stderr.trim()), (1, sentence.as_str()), "{args:?}");
        assert_eq!(s.read(), before, "nothing changed by {args:?}");
    }
    run(&["edit", "4", "--anticipated-debt", "none"]).ok();
}

#[test]
fn the_dollar_key_sets_anticipated_debt_on_the_selected_item_and_u_undoes_it() {
    let s = sandbox();
    let mut app = common::app_at(&s, MONDAY);
    common::press(&mut app, "$");
    assert_eq!(app.mode(), twotrack::app::input::keymap::Mode::Form, "{:?}", app.status().map(|st| &st.text));
    common::type_text(&mut app, "4x");
    common::press(&mut app, "Enter");
    let text = common::screen(&app, 100, 30);
    assert!(text.contains("`4x` is not"), "refused in the form: {text}");
    common::press(&mut app, "Backspace Enter");
    let load = || twotrack::store::Store::load(&s.board).expect("load").1;
    let set: Vec<u64> =
        load().items().iter().filter(|it| it.anticipated_debt == Some(4)).map(|it| it.id).collect();
    assert_eq!(set.len(), 1, "the selected item: {set:?}");
    common::press(&mut app, "u");
    assert!(load().items().iter().all(|it| it.anticipated_debt != Some(4)), "undone");
}
