//! The figures a sprint records at close, computed by hand on a fixture: the split and the
//! alternating model, rollover both ways, and debt counted in one sprint only.

use chrono::{DateTime, NaiveDate};

use super::*;
use crate::domain::change::{NewItem, ops};
use crate::domain::rhythm::closing::{self, Next};
use crate::domain::rhythm::planning;
use crate::domain::rhythm::planning::NewSprint;
use crate::model::{Item, Kind, Model, Stage};

fn at(text: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(text).expect("time").to_utc()
}

fn day(text: &str) -> NaiveDate {
    text.parse().expect("date")
}

/// An item added at `created` with `f` applied to it.
fn put(board: &mut Board, title: &str, column: &str, created: &str, f: impl FnOnce(&mut Item)) {
    let new = NewItem { title: title.into(), column: Some(column.into()), ..NewItem::default() };
    let mut edit = ops::add(board, new, at(created)).expect("add").edit;
    let mut f = Some(f);
    edit.for_each_add(&mut |item| f.take().into_iter().for_each(|f| f(item)));
    board.apply(edit).expect("apply");
}

fn started(board: &mut Board, name: &str, start: &str, end: &str, model: Model) {
    let new = NewSprint {
        name: Some(name.into()),
        start: day(start),
        end: day(end),
        capacity: 30,
        model,
        stage: None,
        delivery_sprints: None,
        goal: None,
    };
    board.apply(planning::start(board, new).expect("start").edit).expect("apply");
}

fn done(finished: &str) -> impl FnOnce(&mut Item) {
    let time = at(finished);
    move |item| {
        item.finished = Some(time);
        item.in_column_since = Some(time);
    }
}

/// Sprint 1 (split, 2026-11-02 to 11-13) with committed work of every sort, and items around it.
fn fixture() -> Board {
    let mut b = Board::new("fixture");
    started(&mut b, "Sprint 1", "2026-11-02", "2026-11-13", Model::Split);
    let s1 = |item: &mut Item| item.sprint = Some("Sprint 1".into());
    put(&mut b, "feature done", "done", "2026-11-01T09:00:00Z", |it| {
        s1(it);
        it.estimate = Some(8);
        done("2026-11-05T10:00:00Z")(it);
    });
    put(&mut b, "feature unfinished", "doing", "2026-11-01T09:00:00Z", |it| {
        s1(it);
        it.estimate = Some(5);
    });
    put(&mut b, "old debt repaid", "done", "2026-10-20T09:00:00Z", |it| {
        s1(it);
        (it.kind, it.stage, it.estimate) = (Kind::Debt, Stage::Two, Some(3));
        done("2026-11-06T10:00:00Z")(it);
    });
    put(&mut b, "new debt repaid", "done", "2026-11-03T09:00:00Z", |it| {
        s1(it);
        (it.kind, it.stage, it.estimate) = (Kind::Debt, Stage::Two, Some(2));
        done("2026-11-10T10:00:00Z")(it);
    });
    put(&mut b, "spike dropped", "concluded", "2026-11-01T09:00:00Z", |it| {
        s1(it);
        (it.track, it.kind, it.estimate) = (Track::Discovery, Kind::Spike, Some(3));
        it.drop_reason = Some("nobody wants it".into());
        done("2026-11-04T10:00:00Z")(it);
    });
    put(&mut b, "spike promoted", "concluded", "2026-11-01T09:00:00Z", |it| {
        s1(it);
        (it.track, it.kind, it.estimate) = (Track::Discovery, Kind::Spike, Some(2));
        done("2026-11-07T10:00:00Z")(it);
    });
    put(&mut b, "from the spike", "ready", "2026-11-07T10:00:00Z", |it| it.promoted_from = Some(6));
    put(&mut b, "debt logged, open", "ready", "2026-11-12T09:00:00Z", |it| {
        (it.kind, it.stage, it.estimate) = (Kind::Debt, Stage::Two, Some(5));
    });
    put(&mut b, "debt repaid before the sprint", "done", "2026-10-01T09:00:00Z", |it| {
        (it.kind, it.estimate) = (Kind::Debt, Some(1));
        done("2026-10-30T10:00:00Z")(it);
    });
    b
}

fn split(total: u32, discovery: u32, delivery: u32, stage_one: u32, stage_two: u32) -> Split {
    Split { total, discovery, delivery, stage_one, stage_two }
}

#[test]
fn a_split_sprint_records_its_figures_by_hand() {
    let board = fixture();
    let sprint = board.current_sprint().expect("open").clone();
    let f = record(&board, &sprint, Rollover::Next, at("2026-11-13T16:00:00Z"));
    assert_eq!(f.committed, split(23, 5, 18, 18, 5));
    assert_eq!(f.done, split(18, 5, 13, 13, 5));
    assert_eq!((f.discovery_share, f.target_discovery), (28, 20), "5 of 18 done points");
    assert_eq!((f.stage_two_share, f.target_stage_two), (28, 30), "5 of 18 done points");
    assert_eq!(f.debt_created, Tally { items: 2, points: 7 }, "#4 and #8, not #3 (older)");
    assert_eq!(f.debt_repaid, Tally { items: 2, points: 5 }, "#3 and #4, not #9 (before the sprint)");
    assert_eq!(f.repaid, [3, 4]);
    assert_eq!(f.open_debt, Tally { items: 1, points: 5 });
    assert_eq!((f.spikes_concluded, f.promoted.as_slice(), f.dropped.as_slice()), (2, &[6][..], &[5][..]));
    assert_eq!(f.rolled_over, [2]);
    assert!(f.stage_two_happened());
}

#[test]
fn closing_rolls_unfinished_work_over_to_the_next_sprint_or_back_to_the_backlog() {
    for (rollover, expected) in [(Rollover::Next, Some("Sprint 2")), (Rollover::Backlog, None)] {
        let mut board = fixture();
        let before = board.clone();
        let op =
            closing::close(&board, rollover, Next::default(), at("2026-11-13T16:00:00Z")).expect("close");
        let inverse = board.apply(op.edit).expect("apply");
        let closed = board.sprint("Sprint 1").expect("kept");
        assert_eq!(closed.figures.as_ref().map(|f| f.rollover), Some(rollover));
        let next = board.current_sprint().expect("the next sprint is open");
        assert_eq!(
            (next.name.as_str(), next.start, next.end, next.capacity),
            ("Sprint 2", day("2026-11-14"), day("2026-11-25"), 30),
            "closed on its last day: the next starts the day after and is as long"
        );
        assert_eq!(board.item(2).expect("unfinished").sprint.as_deref(), expected, "{rollover:?}");
        assert_eq!(board.item(1).expect("done").sprint.as_deref(), Some("Sprint 1"), "done work stays");
        board.apply(inverse).expect("undo");
        assert_eq!(board, before, "one undo reverts the close");
    }
}

#[test]
fn debt_is_counted_in_one_sprint_only_when_the_next_starts_the_day_after_an_early_close() {
    let mut board = fixture();
    // Closed early: the sprint ends that day and the next starts the day after; what happens
    // after the close that day belongs to the next sprint.
    let op =
        closing::close(&board, Rollover::Next, Next::default(), at("2026-11-12T12:00:00Z")).expect("close");
    board.apply(op.edit).expect("apply");
    assert_eq!(board.current_sprint().expect("open").start, day("2026-11-13"));
    assert_eq!(board.sprint("Sprint 1").map(|s| s.end), Some(day("2026-11-12")));
    put(&mut board, "debt after the close", "ready", "2026-11-12T13:00:00Z", |it| {
        (it.kind, it.estimate) = (Kind::Debt, Some(1));
    });
    let first = board.sprint("Sprint 1").and_then(|s| s.figures.clone()).expect("closed");
    assert_eq!(first.debt_created, Tally { items: 2, points: 7 }, "#8 (logged 09:00) is in sprint 1");
    let op =
        closing::close(&board, Rollover::Next, Next::default(), at("2026-11-20T12:00:00Z")).expect("close");
    board.apply(op.edit).expect("apply");
    let second = board.sprint("Sprint 2").and_then(|s| s.figures.clone()).expect("closed");
    assert_eq!(second.debt_created, Tally { items: 1, points: 1 }, "only the debt logged after the close");
    assert_eq!(second.debt_repaid, Tally::default(), "#3 and #4 were repaid in sprint 1");
    assert_eq!(second.spikes_concluded, 0);
    assert_eq!(second.committed, split(5, 0, 5, 5, 0), "the rolled-over item");
    assert_eq!(board.sprint("Sprint 1").and_then(|s| s.figures.clone()), Some(first), "never recomputed");
}

#[test]
fn an_alternating_sprint_is_measured_against_its_own_stage_and_the_next_takes_the_other() {
    let mut board = Board::new("alternating");
    started(&mut board, "D1", "2026-11-02", "2026-11-13", Model::Cycle);
    assert_eq!(board.current_sprint().and_then(|s| s.stage), Some(Stage::One), "delivery first");
    put(&mut board, "ship it", "done", "2026-11-03T09:00:00Z", |it| {
        it.sprint = Some("D1".into());
        it.estimate = Some(5);
        done("2026-11-04T09:00:00Z")(it);
    });
    put(&mut board, "its debt", "ready", "2026-11-04T09:00:00Z", |it| {
        (it.kind, it.stage, it.estimate) = (Kind::Debt, Stage::Two, Some(3));
    });
    let op =
        closing::close(&board, Rollover::Next, Next::default(), at("2026-11-13T12:00:00Z")).expect("close");
    board.apply(op.edit).expect("apply");
    let d1 = board.sprint("D1").and_then(|s| s.figures.clone()).expect("closed");
    assert_eq!((d1.stage_two_share, d1.target_stage_two), (0, 0), "a delivery sprint targets no stage two");
    let d2 = board.current_sprint().expect("next").clone();
    // Named after its kind, not after "D1" (the cycle's refinement sprint is no delivery sprint).
    assert_eq!((d2.name.as_str(), d2.stage, d2.model), ("Refinement 1", Some(Stage::Two), Model::Cycle));
    board
        .apply(planning::commit(&board, &[2], at("2026-11-14T09:00:00Z")).expect("commit").edit)
        .expect("apply");
    let repay = ops::move_to_column(&board, 2, "done", at("2026-11-20T09:00:00Z")).expect("move");
    board.apply(repay.edit).expect("apply");
    let op =
        closing::close(&board, Rollover::Next, Next::default(), at("2026-11-27T12:00:00Z")).expect("close");
    board.apply(op.edit).expect("apply");
    let f = board.sprint("Refinement 1").and_then(|s| s.figures.clone()).expect("closed");
    assert_eq!((f.stage_two_share, f.target_stage_two), (100, 100), "a refinement sprint targets all of it");
    assert_eq!((f.debt_repaid, f.repaid.as_slice()), (Tally { items: 1, points: 3 }, &[2][..]));
    assert_eq!(board.current_sprint().and_then(|s| s.stage), Some(Stage::One), "and back to delivery");
    let closed: Vec<&Figures> = board.closed_sprints().map(|(_, f)| f).collect();
    assert!(!stage_two_skipped_twice(closed.into_iter()));
}

#[test]
fn stage_two_skipped_twice_needs_two_sprints_in_a_row_without_it() {
    let board = fixture();
    let sprint = board.current_sprint().expect("open").clone();
    let mut none = record(&board, &sprint, Rollover::Next, at("2026-11-13T16:00:00Z"));
    let some = none.clone();
    none.stage_two_share = 0;
    assert!(stage_two_skipped_twice([&none, &none].into_iter()));
    assert!(!stage_two_skipped_twice([&none, &some].into_iter()));
    assert!(!stage_two_skipped_twice([&none, &none, &some].into_iter()));
    assert!(stage_two_skipped_twice([&some, &none, &none].into_iter()));
    assert!(!stage_two_skipped_twice([&none].into_iter()), "one sprint is not twice");
    let mut delivery = none.clone();
    delivery.target_stage_two = 0;
    assert!(!stage_two_skipped_twice([&delivery, &delivery].into_iter()), "a delivery sprint plans none");
    assert!(stage_two_skipped_twice([&none, &delivery, &none].into_iter()), "between two that planned it");
}

#[test]
fn shares_round_to_whole_percent() {
    assert_eq!(
        (percent(5, 18), percent(1, 3), percent(2, 3), percent(0, 0), percent(7, 7)),
        (28, 33, 67, 0, 100)
    );
}

#[test]
fn the_close_records_the_items_the_review_names_by_hand() {
    let mut board = fixture();
    put(&mut board, "debt repaid outside the sprint", "done", "2026-11-03T09:00:00Z", |it| {
        (it.kind, it.stage, it.estimate) = (Kind::Debt, Stage::Two, Some(4));
        it.measures = vec![crate::model::Measure {
            name: "build time".into(),
            before: "9.5".parse().expect("a decimal"),
            after: "4".parse().expect("a decimal"),
            unit: Some("min".into()),
        }];
        done("2026-11-08T10:00:00Z")(it);
    });
    let sprint = board.current_sprint().expect("open").clone();
    let f = record(&board, &sprint, Rollover::Next, at("2026-11-13T16:00:00Z"));
    let at_close = f.at_close.expect("recorded");
    let ids = |pick: fn(&crate::model::ItemAtClose) -> bool| -> Vec<(ItemId, bool)> {
        at_close.items.iter().filter(|it| pick(it)).map(|it| (it.id, it.committed)).collect()
    };
    assert_eq!(ids(|it| it.shipped()), [(1, true)], "the feature done; not the spikes, not #2 (unfinished)");
    assert_eq!(ids(|it| it.bought()), [(3, true), (4, true), (10, false)], "#9 was before the window");
    assert_eq!(ids(|it| !it.done), [(2, false)].map(|(id, _)| (id, true)), "the unfinished, committed");
    let bought: u32 =
        at_close.items.iter().filter(|it| it.bought() && it.committed).filter_map(|it| it.estimate).sum();
    assert_eq!(bought, f.done.stage_two, "stage two bought (committed) is the table's stage two done");
    let measured = at_close.items.iter().find(|it| it.id == 10).expect("#10");
    assert_eq!(measured.measures[0].to_string(), "build time 9.5 → 4 min");
}
