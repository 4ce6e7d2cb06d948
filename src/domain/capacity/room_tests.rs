//! The open sprint's room, computed by hand: points left per stage and track, work in progress
//! outside the sprint, and committed work that does not fit the sprint's kind.

use super::*;
use crate::domain::change::{Edit, NewItem, ops};
use crate::domain::rhythm::planning;
use crate::model::{Board, Model};

/// title, column, stage, estimate, committed
type Row<'a> = (&'a str, &'a str, Stage, Option<u32>, bool);

/// An open sprint "S" of 30 points, set directly (how a sprint starts is the rhythm's concern).
fn sprint(model: Model, stage: Option<Stage>) -> Sprint {
    let day = chrono::DateTime::UNIX_EPOCH.date_naive();
    Sprint {
        name: "S".into(),
        start: day,
        end: day,
        capacity: 30,
        model,
        stage,
        delivery_sprints: None,
        goal: Some("Ship the importer".into()),
        figures: None,
    }
}

fn board(model: Model, stage: Option<Stage>, items: &[Row]) -> Board {
    let now = chrono::DateTime::UNIX_EPOCH;
    let mut board = Board::new("t");
    let set = Edit::SetSprint { name: "S".into(), sprint: Some(Box::new(sprint(model, stage))) };
    board.apply(set).expect("open a sprint");
    for (title, column, stage, estimate, committed) in items {
        let new = NewItem {
            title: (*title).into(),
            column: Some((*column).into()),
            stage: Some(*stage),
            estimate: *estimate,
            ..NewItem::default()
        };
        let op = ops::add(&board, new, now).expect("add");
        let id = op.edit.subject().expect("an add has a subject");
        board.apply(op.edit).expect("apply");
        if *committed {
            board.apply(planning::commit(&board, &[id], now).expect("commit").edit).expect("apply");
        }
    }
    board
}

#[test]
fn a_split_sprint_has_room_per_stage_and_track_at_its_targets() {
    // Capacity 30 at the default targets: stage two 30% (9 pt), discovery 20% (6 pt).
    let room = SprintRoom::of(&board(
        Model::Split,
        None,
        &[
            ("a", "ready", Stage::One, Some(5), true),
            ("b", "doing", Stage::Two, Some(3), true),
            ("c", "explore", Stage::One, Some(8), true),
            ("d", "done", Stage::One, Some(2), true),
            ("e", "ready", Stage::Two, Some(13), false),
        ],
    ))
    .expect("a sprint is open");
    assert_eq!(room.stage_one, Room { target: 21, committed: 15 });
    assert_eq!(room.stage_two, Room { target: 9, committed: 3 });
    assert_eq!(room.discovery, Room { target: 6, committed: 8 });
    assert_eq!(room.delivery, Room { target: 24, committed: 10 });
    assert_eq!(room.stage_two.words(), "6 pt left");
    assert_eq!(room.discovery.words(), "over by 2 pt");
    assert_eq!(Room { target: 4, committed: 4 }.words(), "no room left");
    assert!(room.mismatched.is_empty(), "a split sprint takes both stages");
    assert_eq!(room.goal.as_deref(), Some("Ship the importer"));
    assert_eq!(room.misfit_stage(), None);
}

#[test]
fn work_in_progress_outside_the_sprint_is_named_and_not_started_or_done_work_is_not() {
    let room = SprintRoom::of(&board(
        Model::Split,
        None,
        &[
            ("ready", "ready", Stage::One, None, false),
            ("doing", "doing", Stage::One, None, false),
            ("review", "review", Stage::Two, None, false),
            ("exploring", "exploring", Stage::One, None, false),
            ("done", "done", Stage::One, None, false),
            ("concluded", "concluded", Stage::One, None, false),
            ("committed", "doing", Stage::One, None, true),
        ],
    ))
    .expect("a sprint is open");
    assert_eq!(room.outside, [2, 3, 4]);
}

#[test]
fn a_refinement_sprint_flags_stage_one_work_and_has_no_stage_one_room() {
    let room = SprintRoom::of(&board(
        Model::Stage,
        Some(Stage::Two),
        &[("feature", "ready", Stage::One, Some(3), true), ("tests", "ready", Stage::Two, Some(5), true)],
    ))
    .expect("a sprint is open");
    assert_eq!(room.kind, SprintKind::Refinement);
    assert_eq!(room.mismatched, [1]);
    assert_eq!(room.misfit_stage(), Some(Stage::One));
    assert_eq!(room.stage_one.words(), "over by 3 pt");
    assert_eq!(room.stage_two.words(), "25 pt left");
}

#[test]
fn only_delivery_work_of_the_other_stage_is_a_mismatch_and_a_split_sprint_takes_both() {
    use crate::model::Track::{Delivery, Discovery};
    for stage in Stage::ALL {
        assert!(SprintKind::Split.takes(Delivery, stage));
        for kind in [SprintKind::Delivery, SprintKind::Refinement] {
            assert!(kind.takes(Discovery, stage), "discovery goes on beside every sprint");
        }
    }
    assert!(
        SprintKind::Delivery.takes(Delivery, Stage::One) && !SprintKind::Delivery.takes(Delivery, Stage::Two)
    );
    assert!(
        !SprintKind::Refinement.takes(Delivery, Stage::One)
            && SprintKind::Refinement.takes(Delivery, Stage::Two)
    );
    assert_eq!(SprintRoom::of(&Board::new("t")), None, "no sprint, no room");
}

#[test]
fn room_reads_as_the_part_it_belongs_to() {
    assert_eq!(Room { target: 9, committed: 0 }.of_part("stage two"), "9 pt of stage-two room left");
    assert_eq!(Room { target: 9, committed: 9 }.of_part("stage two"), "no stage-two room left");
    assert_eq!(Room { target: 6, committed: 8 }.of_part("discovery"), "discovery over its room by 2 pt");
}
