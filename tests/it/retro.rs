//! The retrospective as a team uses it: `twotrack retro` on the review fixture (four closed
//! sprints, pinned clock) with retro actions, drag and a value per point set through the command
//! line; its Markdown golden file; `--apply` and bad input; the `B` screen at 80x24 and in
//! presenter mode at 100x30, accepting the proposed ratio with one key and undoing it.

use crate::common::{self, Sandbox, golden, run_at};
use twotrack::app::input::keymap::Mode;
use twotrack::store::Store;

const NOW: &str = "2026-11-23T09:00:00Z";

fn saved(s: &Sandbox) -> twotrack::model::Board {
    Store::load(&s.board).expect("load").1
}

/// The review fixture with an open retro action, two logged follow-ups of #11 tagged
/// `payments`, one dragging 4 pt a sprint, and a point worth €800.
fn sandbox() -> Sandbox {
    let s = Sandbox::new();
    std::fs::copy("tests/fixtures/review.ron", &s.board).expect("fixture");
    let run = |args: &[&str]| run_at(&s, NOW, args).ok();
    run(&["add", "Pair on the flaky checkout tests", "--kind", "action", "--assignee", "ana"]);
    let first = run(&["followup", "11", "Gift card edge cases", "--estimate", "3"]).stdout;
    let second = run(&["followup", "11", "Gift card rounding", "--estimate", "2"]).stdout;
    run(&["edit", first.trim(), "--drag", "4", "--tag", "payments"]);
    run(&["edit", second.trim(), "--tag", "payments"]);
    run(&["policy", "point-value", "800", "€"]);
    s
}

#[test]
fn retro_markdown_matches_the_golden_file_and_changes_nothing() {
    let s = sandbox();
    let before = s.read();
    let run = run_at(&s, NOW, &["retro", "--markdown"]).ok();
    golden("retro.md", &run.stdout);
    assert_eq!(s.read(), before, "a retro changes nothing");
    let text = run_at(&s, NOW, &["retro"]).ok().stdout;
    assert!(text.contains("#12 Pair on the flaky checkout tests (ana, since 2026-11-23)"), "{text}");
    assert!(text.contains("Drag: ≈ 4 pt per sprint (≈ €3,200) from 1 debt item; paid so far ≈ 0 pt (≈ €0). 1 open debt item has no drag set."), "{text}");
    let json: serde_json::Value =
        serde_json::from_str(&run_at(&s, NOW, &["retro", "--json"]).ok().stdout).expect("json");
    assert_eq!(json["drag"]["per_sprint_money"], 3200);
    assert_eq!(json["actions"]["open"][0]["assignee"], "ana");
    assert_eq!(json["sprints"].as_array().map(Vec::len), Some(3));
    assert_eq!(json["sprints"][0]["spent"], serde_json::Value::Null, "closed before it was recorded");
    assert_eq!(
        json["proposal"]["proposed"], 25,
        "5 pt of debt over 3 sprints is 1.7 pt of 7 pt a sprint: 24 %"
    );
}

#[test]
fn drag_shows_on_the_item_the_register_and_the_review() {
    let s = sandbox();
    let show = run_at(&s, NOW, &["show", "13"]).ok().stdout;
    assert!(show.contains("≈ 4 pt per sprint, ≈ €3,200"), "{show}");
    let json: serde_json::Value =
        serde_json::from_str(&run_at(&s, NOW, &["show", "13", "--json"]).ok().stdout).expect("json");
    assert_eq!(json["drag"], 4);
    let debt = run_at(&s, NOW, &["debt"]).ok().stdout;
    assert!(debt.contains("Drag: ≈ 4 pt per sprint (≈ €3,200)"), "{debt}");
    let report = run_at(&s, NOW, &["report", "--markdown"]).ok().stdout;
    assert!(report.contains("## Debt in business terms"), "{report}");
    run_at(&s, NOW, &["edit", "13", "--drag", "none"]).ok();
    let debt = run_at(&s, NOW, &["debt"]).ok().stdout;
    assert!(debt.contains("Drag: not known: none of the 2 open debt items has a drag set"), "{debt}");
}

#[test]
fn bad_input_is_one_sentence_and_changes_nothing() {
    let s = sandbox();
    let before = s.read();
    for (args, said) in [
        (
            &["retro", "--last", "0"][..],
            "twotrack: --last counts the sprints to look back on, so it is 1 or more",
        ),
        (
            &["retro", "--sprint", "Sprint 15"][..],
            "twotrack: sprint \"Sprint 15\" is still open; a retrospective looks back on closed sprints",
        ),
        (
            &["edit", "13", "--drag", "-3"][..],
            "twotrack: drag is points per sprint, a whole number from 0 up, not `-3`",
        ),
        (
            &["edit", "13", "--drag", "lots"][..],
            "twotrack: drag is points per sprint, a whole number from 0 up, not `lots`",
        ),
        (
            &["edit", "11", "--drag", "2"][..],
            "twotrack: drag is what a debt item costs the team, and #11 is a feature",
        ),
        (
            &["policy", "point-value", "800"][..],
            "twotrack: a value per point needs its currency too (for example `policy point-value 800 €`)",
        ),
    ] {
        let run = run_at(&s, NOW, args);
        assert_eq!((run.code, run.stderr.trim()), (1, said), "{args:?}");
    }
    assert_eq!(s.read(), before);
    let empty = Sandbox::new().with_starter();
    let run = run_at(&empty, NOW, &["retro"]);
    assert_eq!(
        (run.code, run.stderr.trim()),
        (1, "twotrack: no sprint has closed yet, and a retrospective looks back on closed sprints")
    );
}

#[test]
fn apply_makes_the_proposal_the_target_once() {
    let s = sandbox();
    let run = run_at(&s, NOW, &["retro", "--apply"]).ok();
    assert!(
        run.stdout.starts_with("retro decision: stage-two target 30% → 25%. Open debt of 5 pt"),
        "{}",
        run.stdout
    );
    assert_eq!(saved(&s).capacity.stage_two_share, 25);
    let again = run_at(&s, NOW, &["retro", "--apply"]).ok();
    assert_eq!(again.stdout.trim(), "the stage-two target is already 25%, as proposed; nothing changed");
    let log = run_at(&s, NOW, &["log"]).ok().stdout;
    let last = log.lines().last().unwrap_or_default();
    assert!(last.contains("retro decision: stage-two target 30% → 25%. Open debt of 5 pt"), "{log}");
}

#[test]
fn the_retro_screen_accepts_the_ratio_with_one_key_and_undo_restores_it() {
    let s = sandbox();
    let mut app = common::app_at(&s, NOW);
    common::press(&mut app, "B");
    assert_eq!(app.mode(), Mode::Retro);
    insta::assert_snapshot!("retro_view_80x24", common::screen(&app, 80, 24));
    common::press(&mut app, "a");
    assert_eq!(saved(&s).capacity.stage_two_share, 25, "saved at once");
    assert_eq!(app.board().current_sprint().map(|sp| sp.targets(&app.board().capacity).stage_two), Some(25));
    let text = common::screen(&app, 120, 62);
    assert!(text.contains("Keep the stage-two target at 25%."), "the screen is worked out again:\n{text}");
    common::press(&mut app, "u");
    assert_eq!(saved(&s).capacity.stage_two_share, 30, "undone in the view");
    common::press(&mut app, "B");
    assert_eq!(app.mode(), Mode::Board);
    common::press(&mut app, "P B");
    insta::assert_snapshot!("retro_view_presenter_100x30", common::screen(&app, 100, 30));
    common::press(&mut app, "j j j j j j");
    assert!(common::screen(&app, 100, 30).contains("The balance"), "scrolled");
}
