//! Sprints, commitments and blocked items on the command line (bad input refused with one
//! sentence and nothing changed), and properties of closing a sprint on any board.

use crate::common;

use std::path::Path;

use crate::common::{Sandbox, arb};
use proptest::prelude::*;
use twotrack::domain::rhythm::closing::{self, Next};
use twotrack::domain::rhythm::planning;
use twotrack::domain::rhythm::planning::NewSprint;
use twotrack::model::{Board, Model, Rollover, Track};
use twotrack::store::format::{from_bytes, to_text};

/// Runs a command that must fail with one sentence and leave the board byte for byte.
pub(crate) fn refused(s: &Sandbox, args: &[&str], message: &str) {
    let before = s.read();
    let run = s.run(args);
    assert_eq!(run.code, 1, "{args:?}: {}", run.stderr);
    assert_eq!(run.stderr.trim(), format!("twotrack: {message}"), "{args:?}");
    assert_eq!(run.stderr.trim().lines().count(), 1);
    assert_eq!(s.read(), before, "{args:?} changed nothing");
}

#[test]
fn bad_sprint_input_is_refused_in_one_sentence_and_changes_nothing() {
    let s = Sandbox::new().with_starter();
    refused(&s, &["sprint", "close"], "no sprint is open; start one first");
    refused(&s, &["commit", "1"], "no sprint is open; start one first");
    refused(
        &s,
        &["sprint", "start", "S1", "--end", "next friday", "--capacity", "30"],
        "the end `next friday` is not a date or a length: give one such as 2026-12-04, 2w or 10d",
    );
    refused(
        &s,
        &["sprint", "start", "S1", "--end", "2026-11-20", "--capacity", "30"],
        "a sprint cannot end (2026-11-20) before it starts (2026-11-21)",
    );
    for capacity in ["-3", "2.5", "lots"] {
        refused(
            &s,
            &["sprint", "start", "S1", "--end", "2w", "--capacity", capacity],
            &format!("the capacity must be a whole number of points (0 or more), not `{capacity}`"),
        );
    }
    refused(
        &s,
        &["sprint", "start", "S1", "--end", "2w", "--capacity", "30", "--start", "2026-02-30"],
        "the start `2026-02-30` is not a date: give one such as 2026-12-04",
    );
    s.run(&["sprint", "start", "S1", "--end", "2w", "--capacity", "30"]).ok();
    refused(
        &s,
        &["sprint", "start", "S2", "--end", "2w", "--capacity", "30"],
        "sprint \"S1\" is still open; close it before starting another",
    );
    refused(&s, &["commit", "1", "99"], "item #99 does not exist: nothing was committed");
    refused(&s, &["uncommit", "98", "1", "99"], "items #98, #99 do not exist: nothing was taken out");
    refused(&s, &["block", "1", "--reason", " "], "blocking #1 needs a reason");
    refused(&s, &["list", "--sprint", "nope"], "there is no sprint called \"nope\"");
    assert_eq!(s.run(&["sprint", "start", "--model", "weekly"]).code, 2, "an unknown model is a usage error");
}

#[test]
fn a_board_without_sprints_loads_and_saves_byte_identically_until_one_is_started() {
    let s = Sandbox::new().with_starter();
    let before = s.text();
    for read_only in [&["stats", "--json"][..], &["sprint", "list"], &["list", "--blocked"]] {
        s.run(read_only).ok();
    }
    s.run(&["move", "1", "doing"]).ok();
    s.run(&["move", "1", "ready"]).ok();
    let after = s.text();
    assert!(!after.contains("sprints:") && !after.contains("standup:"), "no sprint fields: {after}");
    assert_eq!(after.lines().count(), before.lines().count() + 1, "only #1's in_column_since is new");
    s.run(&["sprint", "start", "S1", "--end", "2026-12-04", "--capacity", "30"]).ok();
    assert!(s.text().contains("    sprints: [\n        (\n            name: \"S1\",\n"), "{}", s.text());
}

#[test]
fn commit_stats_close_and_list_as_a_facilitator_would() {
    let s = Sandbox::new().with_starter();
    s.run(&["sprint", "start", "Sprint 14", "--end", "2026-12-04", "--capacity", "20"]).ok();
    let run = s.run(&["commit", "1", "#5", "7"]).ok();
    assert_eq!(run.stdout.trim(), "committed #1, #5, #7 to sprint \"Sprint 14\" (8 of 20 points committed)");
    let stats = s.run(&["stats", "--json"]).ok().json();
    assert_eq!(stats["capacity"], 20, "the sprint's capacity");
    assert_eq!(stats["planned"]["total"], 8);
    assert_eq!(stats["sprint"]["name"], "Sprint 14");
    assert_eq!(stats["backlog"], serde_json::json!({"items": 5, "points": 15}));
    s.run(&["block", "5", "--reason", "waiting for the CSV spec"]).ok();
    let blocked = s.run(&["list", "--blocked", "--json"]).ok().json();
    assert_eq!(blocked.as_array().map(Vec::len), Some(1));
    assert_eq!(blocked[0]["id"], 5);
    assert_eq!(blocked[0]["blocked"], true);
    assert_eq!(blocked[0]["blocked_reason"], "waiting for the CSV spec");
    assert_eq!(blocked[0]["sprint"], "Sprint 14");
    assert_eq!(blocked[0]["in_column_since"], "2026-11-21T10:00:00Z");
    s.run(&["move", "1", "done"]).ok();
    let run = s.run(&["sprint", "close"]).ok();
    assert_eq!(
        run.stdout.trim(),
        "closed sprint \"Sprint 14\" on 2026-11-21: 1 of 8 points done, stage two 0% (target 30%); 2 unfinished \
         rolled over to \"Sprint 15\"; started sprint \"Sprint 15\" (2026-11-22 to 2026-12-05, 14 days, 20 points, split)"
    );
    let sprints = s.run(&["sprint", "list", "--json"]).ok().json();
    assert_eq!(sprints[0]["figures"]["rolled_over"], serde_json::json!([5, 7]));
    assert_eq!(sprints[1]["open"], true);
    assert_eq!(sprints[1]["committed"], serde_json::json!({"items": 2, "points": 7}));
    let unblocked = s.run(&["unblock", "5"]).ok();
    assert_eq!(unblocked.stdout.trim(), "#5 unblocked (it was blocked: waiting for the CSV spec)");
    assert_eq!(s.run(&["uncommit", "5"]).ok().stdout.trim(), "#5 back in the backlog");
    let text = s.run(&["sprint", "list"]).ok().stdout;
    assert!(text.contains("Sprint 14") && text.contains("closed 2026-11-21"), "{text}");
}

fn start_on(board: &Board, model: Model) -> Board {
    let now = common::now();
    let mut board = board.clone();
    let new = NewSprint {
        name: Some("P".into()),
        start: now.date_naive(),
        end: now.date_naive(),
        capacity: 10,
        model,
        ..NewSprint::default()
    };
    board.apply(planning::start(&board, new).expect("start").edit).expect("apply");
    board
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// On any board: commit any items, close either way with any items sent back one by one;
    /// the figures add up, unfinished work goes where it was asked, one undo restores the
    /// board, and the file reads back.
    #[test]
    fn closing_any_sprint_adds_up_and_undoes(
        board in arb::board(12),
        picks in proptest::collection::vec(any::<bool>(), 12),
        sent_back in proptest::collection::vec(any::<bool>(), 12),
        alternating in any::<bool>(),
        backlog in any::<bool>(),
    ) {
        let model = if alternating { Model::Cycle } else { Model::Split };
        let mut board = start_on(&board, model);
        let ids: Vec<u64> =
            board.items().iter().zip(&picks).filter(|(_, p)| **p).map(|(it, _)| it.id).collect();
        let now = common::now();
        board.apply(planning::commit(&board, &ids, now).expect("commit").edit).expect("apply");
        let before = board.clone();
        let rollover = if backlog { Rollover::Backlog } else { Rollover::Next };
        let unfinished = |id: &u64| {
            board.item(*id).is_some_and(|it| !board.is_done_column(it.track, &it.column))
        };
        let one_by_one: Vec<u64> =
            ids.iter().zip(&sent_back).filter(|(id, back)| **back && unfinished(id)).map(|(id, _)| *id).collect();
        let next = Next { backlog: one_by_one.clone(), ..Next::default() };
        let op = closing::close(&board, rollover, next, now).expect("close");
        let inverse = board.apply(op.edit).expect("apply");
        let f = board.sprint("P").and_then(|s| s.figures.clone()).expect("closed");
        prop_assert!(f.done.total <= f.committed.total);
        prop_assert_eq!(f.committed.discovery.saturating_add(f.committed.delivery), f.committed.total);
        prop_assert_eq!(f.done.stage_one.saturating_add(f.done.stage_two), f.done.total);
        prop_assert!(f.stage_two_share <= 100 && f.discovery_share <= 100);
        let next = board.current_sprint().expect("the next is open").name.clone();
        for id in &ids {
            let item = board.item(*id).expect("item");
            let done = board.is_done_column(item.track, &item.column);
            let expected = match (done, rollover) {
                (true, _) => Some("P"),
                (false, Rollover::Next) if one_by_one.contains(id) => None,
                (false, Rollover::Next) => Some(next.as_str()),
                (false, Rollover::Backlog) => None,
            };
            prop_assert_eq!(item.sprint.as_deref(), expected);
            prop_assert_eq!(f.rolled_over.contains(id), !done);
            prop_assert_eq!(f.went_to_backlog(*id), !done && expected.is_none());
        }
        let text = to_text(&board).expect("writes");
        prop_assert_eq!(&from_bytes(Path::new("b.ron"), text.as_bytes()).expect("reads back"), &board);
        board.apply(inverse).expect("undo");
        prop_assert_eq!(board, before);
    }
}

#[test]
fn discovery_items_commit_like_any_other() {
    let mut board = start_on(&Board::new("t"), Model::Split);
    let new = twotrack::domain::change::NewItem {
        title: "spike".into(),
        track: Some(Track::Discovery),
        ..Default::default()
    };
    board
        .apply(twotrack::domain::change::ops::add(&board, new, common::now()).expect("add").edit)
        .expect("apply");
    board.apply(planning::commit(&board, &[1], common::now()).expect("commit").edit).expect("apply");
    assert!(board.in_current_sprint(board.item(1).expect("item")));
}
