//! The cadence over many sprints: a 3:1 cycle's kinds, names, dates and rollover; closing early
//! and late; changing the model at a close; the cycle's N; stage mismatches.

use chrono::{DateTime, Days, NaiveDate};

use super::*;
use crate::domain::change::{NewItem, ops};
use crate::domain::rhythm::closing::{Next, close};
use crate::domain::rhythm::dates::End;
use crate::domain::rhythm::planning::{NewSprint, SprintError, start};
use crate::model::{Rollover, Timestamp, Track};

fn at(text: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(text).expect("time").to_utc()
}

fn day(text: &str) -> NaiveDate {
    text.parse().expect("date")
}

/// A board with a stage-one feature (#1, 3 points), a stage-two item (#2, 2 points) and a
/// discovery spike (#3), none of them done.
fn board() -> Board {
    let mut board = Board::new("t");
    let items = [
        NewItem { title: "feature".into(), estimate: Some(3), ..NewItem::default() },
        NewItem {
            title: "refactor".into(),
            estimate: Some(2),
            stage: Some(Stage::Two),
            ..NewItem::default()
        },
        NewItem { title: "spike".into(), track: Some(Track::Discovery), ..NewItem::default() },
    ];
    for item in items {
        board.apply(ops::add(&board, item, at("2026-11-01T09:00:00Z")).expect("add").edit).expect("apply");
    }
    board
}

fn started(board: &mut Board, model: Model, delivery_sprints: Option<u8>, first: &str) {
    let new = NewSprint {
        name: None,
        start: day(first),
        end: End::Days(14).from(day(first)),
        capacity: 20,
        model,
        stage: None,
        delivery_sprints,
        goal: None,
    };
    board.apply(start(board, new).expect("start").edit).expect("apply");
    let ids: Vec<ItemId> = board.items().iter().map(|it| it.id).collect();
    let commit = crate::domain::rhythm::planning::commit(board, &ids, at(&format!("{first}T09:00:00Z")));
    board.apply(commit.expect("commit").edit).expect("apply");
}

/// Closes the open sprint at 17:00 on `when`, returning the close's summary.
fn closed(board: &mut Board, when: NaiveDate, next: Next) -> String {
    let op = close(board, Rollover::Next, next, at(&format!("{when}T17:00:00Z"))).expect("close");
    board.apply(op.edit).expect("apply");
    op.summary
}

fn open(board: &Board) -> &Sprint {
    board.current_sprint().expect("an open sprint")
}

/// Closes the open sprint on its last day.
fn closed_on_time(board: &mut Board, next: Next) -> String {
    let last = open(board).end;
    closed(board, last, next)
}

#[test]
fn a_three_to_one_cycle_over_eight_sprints() {
    let mut board = board();
    started(&mut board, Model::Cycle, Some(3), "2026-11-16");
    let expected = [
        ("Delivery 1", SprintKind::Delivery),
        ("Delivery 2", SprintKind::Delivery),
        ("Delivery 3", SprintKind::Delivery),
        ("Refinement 1", SprintKind::Refinement),
        ("Delivery 4", SprintKind::Delivery),
        ("Delivery 5", SprintKind::Delivery),
        ("Delivery 6", SprintKind::Delivery),
        ("Refinement 2", SprintKind::Refinement),
    ];
    let mut summaries = Vec::new();
    for (n, (name, kind)) in expected.iter().enumerate() {
        let sprint = open(&board).clone();
        let first = day("2026-11-16").checked_add_days(Days::new(14 * n as u64)).expect("date");
        assert_eq!((sprint.name.as_str(), sprint.kind()), (*name, *kind), "sprint {}", n + 1);
        assert_eq!(
            (sprint.start, sprint.end),
            (first, first + Days::new(13)),
            "{name}: fourteen days, no gap"
        );
        assert_eq!(sprint.delivery_sprints(), 3, "{name} keeps the cycle without retyping it");
        for id in [1, 2, 3] {
            assert!(sprint.holds(board.item(id).expect("item")), "#{id} rolled into {name}");
        }
        summaries.push(closed(&mut board, sprint.end, Next::default()));
    }
    // Rolling stage-one work into a refinement sprint, or stage two into a delivery sprint, is
    // said at the close; the discovery spike never is.
    assert!(
        summaries[2].ends_with("; #1 is stage one work in refinement sprint \"Refinement 1\""),
        "{}",
        summaries[2]
    );
    assert!(
        summaries[3].ends_with("; #2 is stage two work in delivery sprint \"Delivery 4\""),
        "{}",
        summaries[3]
    );
    assert!(
        summaries[0].ends_with("; #2 is stage two work in delivery sprint \"Delivery 2\""),
        "{}",
        summaries[0]
    );
    assert!(!summaries[2].contains("#2 is"), "stage two into refinement fits: {}", summaries[2]);
    assert!(summaries.iter().all(|s| !s.contains("#3 is")));
    assert_eq!(board.sprints.len(), 9);
    assert_eq!(open(&board).name, "Delivery 7");
    let written = crate::store::format::to_text(&board).expect("text");
    assert_eq!(written.matches("delivery_sprints: Some(3)").count(), 9, "N is kept on every sprint");
}

#[test]
fn closing_early_ends_the_sprint_that_day_and_the_next_starts_the_day_after() {
    let mut board = board();
    started(&mut board, Model::Split, None, "2026-11-16");
    let summary = closed(&mut board, day("2026-11-20"), Next::default());
    assert!(summary.starts_with("closed sprint \"Sprint 1\" on 2026-11-20:"), "{summary}");
    assert!(summary.contains("started sprint \"Sprint 2\" (2026-11-21 to 2026-12-04, 14 days"), "{summary}");
    assert_eq!(board.sprint("Sprint 1").map(|s| s.end), Some(day("2026-11-20")));
    // Late: the sprint keeps its last day, the next starts on the day of the close.
    closed(&mut board, day("2026-12-07"), Next { end: Some(End::Days(10)), ..Next::default() });
    let late = board.sprint("Sprint 2").expect("closed");
    let next = open(&board);
    assert_eq!((late.end, next.start, next.end), (day("2026-12-04"), day("2026-12-07"), day("2026-12-16")));
    assert_eq!(crate::domain::rhythm::dates::gap(late, next), 2);
}

#[test]
fn each_unfinished_item_goes_its_own_way() {
    let mut board = board();
    started(&mut board, Model::Split, None, "2026-11-16");
    let refused = close(
        &board,
        Rollover::Next,
        Next { backlog: vec![9], ..Next::default() },
        at("2026-11-29T17:00:00Z"),
    );
    assert_eq!(
        refused.map(|op| op.summary).expect_err("not unfinished").to_string(),
        "#9 is not unfinished work of sprint \"Sprint 1\", so it cannot go to the backlog at its close"
    );
    let summary = closed(&mut board, day("2026-11-29"), Next { backlog: vec![2], ..Next::default() });
    assert!(summary.contains("2 unfinished rolled over to \"Sprint 2\", 1 back to the backlog"), "{summary}");
    assert_eq!(board.item(1).and_then(|it| it.sprint.as_deref()), Some("Sprint 2"));
    assert_eq!(board.item(2).and_then(|it| it.sprint.as_deref()), None);
    let figures = board.sprint("Sprint 1").and_then(|s| s.figures.clone()).expect("figures");
    assert_eq!((figures.rolled_over, figures.to_backlog), (vec![1, 2, 3], vec![2]));
}

#[test]
fn the_model_changes_at_a_close_and_names_follow_the_kind() {
    let mut board = board();
    started(&mut board, Model::Split, None, "2026-11-16");
    let cycle =
        Next { model: Some(Model::Cycle), delivery_sprints: Some(2), capacity: Some(25), ..Next::default() };
    closed(&mut board, day("2026-11-29"), cycle);
    assert_eq!((open(&board).name.as_str(), open(&board).capacity), ("Delivery 1", 25));
    closed_on_time(&mut board, Next::default());
    assert_eq!(open(&board).name, "Delivery 2");
    closed_on_time(&mut board, Next { name: Some("Polish".into()), ..Next::default() });
    assert_eq!((open(&board).name.as_str(), open(&board).kind()), ("Polish", SprintKind::Refinement));
    closed_on_time(&mut board, Next { model: Some(Model::Split), ..Next::default() });
    assert_eq!((open(&board).name.as_str(), open(&board).kind()), ("Sprint 2", SprintKind::Split));
    assert_eq!(open(&board).delivery_sprints, None, "only the cycle keeps an N");
    let stage = Next { model: Some(Model::Stage), stage: Some(Stage::Two), ..Next::default() };
    closed_on_time(&mut board, stage);
    assert_eq!((open(&board).name.as_str(), open(&board).kind()), ("Refinement 2", SprintKind::Refinement));
    closed_on_time(&mut board, Next { goal: Some("  ship\tthe importer ".into()), ..Next::default() });
    assert_eq!(open(&board).kind(), SprintKind::Delivery, "the stage model starts stage one unless told");
    assert_eq!(open(&board).goal.as_deref(), Some("ship the importer"));
}

#[test]
fn a_cycle_has_one_to_nine_delivery_sprints() {
    assert_eq!(delivery_sprints(" 3 "), Ok(3));
    for bad in ["0", "10", "-1", "x", "", "2.5", "300"] {
        assert_eq!(
            delivery_sprints(bad).map_err(|e| e.to_string()),
            Err(format!(
                "a cycle has 1 to 9 delivery sprints before each refinement sprint, not `{}`",
                bad.trim()
            ))
        );
    }
    let mut board = board();
    started(&mut board, Model::Split, None, "2026-11-16");
    let next = Next { model: Some(Model::Cycle), delivery_sprints: Some(12), ..Next::default() };
    let refused = close(&board, Rollover::Next, next, at("2026-11-29T17:00:00Z")).map(|op| op.summary);
    assert_eq!(refused, Err(SprintError::Cadence(CadenceError("12".into()))));
}

#[test]
fn stage_mismatches_name_the_item_the_stage_and_the_sprint() {
    let mut board = board();
    started(&mut board, Model::Stage, None, "2026-11-16");
    let sprint = open(&board).clone();
    let found: Vec<String> = mismatched(&board, &sprint).map(|m| m.to_string()).collect();
    assert_eq!(found, ["#2 is stage two work in delivery sprint \"Delivery 1\""]);
    let mut refinement = sprint.clone();
    refinement.stage = Some(Stage::Two);
    let item = |id| board.item(id).expect("item");
    assert_eq!(mismatch(item(1), &refinement).map(|m| (m.id, m.stage)), Some((1, Stage::One)));
    assert_eq!(mismatch(item(2), &refinement), None);
    assert_eq!(mismatch(item(3), &refinement), None, "discovery goes on in every sprint");
    let mut split = sprint;
    split.model = Model::Split;
    assert!([1, 2, 3].iter().all(|id| mismatch(item(*id), &split).is_none()), "a split sprint takes both");
}

#[test]
fn default_names_count_per_kind_and_skip_taken_names() {
    let mut board = board();
    assert_eq!(default_name(&board.sprints, SprintKind::Split), "Sprint 1");
    assert_eq!(default_name(&board.sprints, SprintKind::Delivery), "Delivery 1");
    let new = NewSprint {
        name: Some("Refinement 1".into()),
        start: day("2026-11-16"),
        end: day("2026-11-29"),
        capacity: 1,
        model: Model::Stage,
        stage: Some(Stage::One),
        delivery_sprints: None,
        goal: None,
    };
    board.apply(start(&board, new).expect("start").edit).expect("apply");
    assert_eq!(
        default_name(&board.sprints, SprintKind::Delivery),
        "Delivery 2",
        "one delivery sprint so far"
    );
    assert_eq!(default_name(&board.sprints, SprintKind::Refinement), "Refinement 2", "the name is taken");
    assert_eq!(next_name(&board.sprints, "2026-W07"), "2026-W08");
    assert_eq!(next_name(&board.sprints, "Orion"), "Orion 2");
}
