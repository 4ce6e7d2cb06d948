//! Starting sprints, committing and uncommitting items, names, and the refusals.

use chrono::DateTime;

use super::*;
use crate::domain::change::{NewItem, ops};
use crate::domain::rhythm::cadence::{default_name, next_name};
use crate::domain::rhythm::closing::{Next, close};
use crate::model::Rollover;

fn now() -> Timestamp {
    DateTime::parse_from_rfc3339("2026-11-16T09:00:00Z").expect("time").to_utc()
}

fn day(text: &str) -> NaiveDate {
    text.parse().expect("date")
}

fn new(name: &str) -> NewSprint {
    NewSprint {
        name: Some(name.into()),
        start: day("2026-11-16"),
        end: day("2026-11-27"),
        capacity: 30,
        model: Model::Split,
        stage: None,
        delivery_sprints: None,
        goal: None,
    }
}

fn board_with_items(estimates: &[Option<u32>]) -> Board {
    let mut board = Board::new("t");
    for (n, estimate) in estimates.iter().enumerate() {
        let item = NewItem { title: format!("item {n}"), estimate: *estimate, ..NewItem::default() };
        board.apply(ops::add(&board, item, now()).expect("add").edit).expect("apply");
    }
    board
}

#[test]
fn starting_checks_the_name_the_dates_and_that_no_sprint_is_open() {
    let mut board = board_with_items(&[]);
    assert_eq!(start(&board, new("  ")), Err(SprintError::EmptySprintName));
    let backwards = NewSprint { end: day("2026-11-15"), ..new("S") };
    assert_eq!(
        start(&board, backwards).map(|op| op.summary).expect_err("end before start").to_string(),
        "a sprint cannot end (2026-11-15) before it starts (2026-11-16)"
    );
    let op = start(&board, new(" Sprint   14 ")).expect("start");
    assert_eq!(
        op.summary,
        "started sprint \"Sprint 14\" (2026-11-16 to 2026-11-27, 12 days, 30 points, split)"
    );
    let before = board.clone();
    let inverse = board.apply(op.edit).expect("apply");
    assert_eq!(board.current_sprint().map(|s| s.name.as_str()), Some("Sprint 14"));
    assert_eq!(start(&board, new("Sprint 15")), Err(SprintError::SprintOpen("Sprint 14".into())));
    board.apply(inverse).expect("undo");
    assert_eq!(board, before);
    assert!(board.sprints.is_empty(), "undo removes the sprint");
}

#[test]
fn an_alternating_sprint_starts_with_stage_one_unless_told() {
    let board = board_with_items(&[]);
    let stage_of = |new: NewSprint| {
        let mut after = board.clone();
        after.apply(start(&board, new).expect("op").edit).expect("apply");
        after.current_sprint().expect("started").stage
    };
    let alternating = |stage| NewSprint { model: Model::Cycle, stage, ..new("A") };
    assert_eq!(stage_of(alternating(None)), Some(Stage::One));
    assert_eq!(stage_of(alternating(Some(Stage::Two))), Some(Stage::Two));
    let split = NewSprint { stage: Some(Stage::Two), ..new("S") };
    assert_eq!(stage_of(split), None, "a split sprint holds both stages");
}

#[test]
fn committing_and_uncommitting_say_the_load_and_skip_what_is_already_there() {
    let mut board = board_with_items(&[Some(8), Some(5), None]);
    assert_eq!(commit(&board, &[1], now()), Err(SprintError::NoOpenSprint));
    board.apply(start(&board, new("S1")).expect("start").edit).expect("apply");
    assert_eq!(commit(&board, &[1, 9], now()), Err(OpError::NoSuchItem(9).into()));
    let op = commit(&board, &[1, 2, 1], now()).expect("commit");
    assert_eq!(op.summary, "committed #1, #2 to sprint \"S1\" (13 of 30 points committed)");
    board.apply(op.edit).expect("apply");
    let again = commit(&board, &[2], now()).expect("again");
    assert!(again.edit.is_noop());
    assert_eq!(again.summary, "#2 already in sprint \"S1\" (13 of 30 points committed)");
    let op = uncommit(&board, &[2], now()).expect("take out");
    assert_eq!(op.summary, "#2 back in the backlog");
    board.apply(op.edit).expect("apply");
    assert_eq!(board.item(2).expect("item").sprint, None);
    assert!(uncommit(&board, &[3], now()).expect("nothing to do").edit.is_noop());
    board.apply(commit(&board, &[3], now()).expect("commit").edit).expect("apply");
    assert!(board.in_current_sprint(board.item(3).expect("item")));
}

#[test]
fn an_item_of_a_closed_sprint_cannot_be_uncommitted_from_it() {
    let mut board = board_with_items(&[Some(1)]);
    board.apply(start(&board, new("S1")).expect("start").edit).expect("apply");
    board.apply(commit(&board, &[1], now()).expect("commit").edit).expect("apply");
    board.apply(ops::move_to_column(&board, 1, "done", now()).expect("move").edit).expect("apply");
    board.apply(close(&board, Rollover::Next, Next::default(), now()).expect("close").edit).expect("apply");
    assert_eq!(
        uncommit(&board, &[1], now()),
        Err(SprintError::InClosedSprint { id: 1, sprint: "S1".into() }),
        "done work keeps its sprint"
    );
    assert_eq!(
        close(&Board::new("t"), Rollover::Next, Next::default(), now()),
        Err(SprintError::NoOpenSprint)
    );
}

#[test]
fn next_names_count_up_and_never_repeat() {
    let mut board = board_with_items(&[]);
    assert_eq!(default_name(&board.sprints, SprintKind::Split), "Sprint 1");
    assert_eq!(next_name(&board.sprints, "Sprint 14"), "Sprint 15");
    assert_eq!(next_name(&board.sprints, "2026-W07"), "2026-W08");
    assert_eq!(next_name(&board.sprints, "Orion"), "Orion 2");
    board.apply(start(&board, new("Sprint 15")).expect("start").edit).expect("apply");
    assert_eq!(next_name(&board.sprints, "Sprint 14"), "Sprint 16", "taken names are skipped");
    assert_eq!(default_name(&board.sprints, SprintKind::Split), "Sprint 16");
}

#[test]
fn closing_with_a_named_next_sprint_and_a_new_capacity() {
    let mut board = board_with_items(&[Some(3)]);
    board.apply(start(&board, new("S1")).expect("start").edit).expect("apply");
    let next = Next {
        name: Some("Big one".into()),
        end: Some(dates::End::On(day("2026-12-20"))),
        capacity: Some(45),
        ..Next::default()
    };
    let later = DateTime::parse_from_rfc3339("2026-11-25T09:00:00Z").expect("time").to_utc();
    board.apply(close(&board, Rollover::Backlog, next, later).expect("close").edit).expect("apply");
    let open = board.current_sprint().expect("next");
    assert_eq!(
        (open.name.as_str(), open.start, open.end, open.capacity),
        ("Big one", day("2026-11-26"), day("2026-12-20"), 45),
        "closed early: the next starts the day after"
    );
    assert_eq!(board.sprint("S1").map(|s| s.end), Some(day("2026-11-25")), "S1 ended on the day it closed");
    let taken = Next { name: Some("S1".into()), ..Next::default() };
    assert_eq!(close(&board, Rollover::Next, taken, later), Err(SprintError::SprintNameTaken("S1".into())));
}

#[test]
fn a_sprint_never_starts_before_the_last_one_ended() {
    let mut board = board_with_items(&[]);
    board.apply(start(&board, new("S1")).expect("start").edit).expect("apply");
    let closed_early = DateTime::parse_from_rfc3339("2026-11-20T17:00:00Z").expect("time").to_utc();
    board
        .apply(close(&board, Rollover::Next, Next::default(), closed_early).expect("close").edit)
        .expect("apply");
    // The sprint the close started, taken away by hand: only the closed one is left.
    board.apply(Edit::SetSprint { name: "S2".into(), sprint: None }).expect("apply");
    let overlapping = NewSprint { start: day("2026-11-20"), end: day("2026-12-01"), ..new("T") };
    assert_eq!(
        start(&board, overlapping).map(|op| op.summary).expect_err("overlaps").to_string(),
        "sprint \"S1\" runs until 2026-11-20; start the next one on 2026-11-21 or later"
    );
    let after = NewSprint { start: day("2026-11-21"), end: day("2026-12-01"), ..new("T") };
    assert!(start(&board, after).is_ok(), "the day after is fine");
}
