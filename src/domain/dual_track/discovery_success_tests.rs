//! Discovery success on a pinned clock: on time and late, promoted, dropped and concluded, days
//! to a decision and their median, open-ended items, and the window.

use super::*;
use crate::domain::change::{Edit, NewItem, ops};
use crate::domain::dual_track;
use chrono::DateTime;
use proptest::prelude::*;

fn at(day: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(&format!("{day}T10:00:00Z")).expect("time").to_utc()
}

fn date(day: &str) -> NaiveDate {
    at(day).date_naive()
}

fn spike(board: &mut Board, logged: &str, timebox: Option<&str>, outcome: bool) -> ItemId {
    let new = NewItem {
        title: format!("spike logged {logged}"),
        track: Some(Track::Discovery),
        outcome: outcome.then(|| "a decision".to_owned()),
        timebox: timebox.map(date),
        ..NewItem::default()
    };
    let op = ops::add(board, new, at(logged)).expect("add");
    board.apply(op.edit).expect("apply");
    board.next_id - 1
}

fn apply<E: std::fmt::Debug>(board: &mut Board, op: Result<crate::domain::change::Op, E>) {
    let edit: Edit = op.expect("op").edit;
    board.apply(edit).expect("apply");
}

/// #1 promoted on time into #2; #3 dropped 2 days late; #4 concluded without a timebox; #5
/// decided long ago; #6 open-ended; #7 overdue.
fn board() -> Board {
    let mut board = Board::new("t");
    spike(&mut board, "2026-11-10", Some("2026-11-17"), true);
    let promote = dual_track::promote(
        &board,
        1,
        "yes",
        &["Build it".to_owned()],
        crate::model::Stage::One,
        at("2026-11-15"),
    );
    apply(&mut board, promote);
    spike(&mut board, "2026-11-01", Some("2026-11-10"), true);
    let drop = dual_track::drop(&board, 3, "too slow", at("2026-11-12"));
    apply(&mut board, drop);
    spike(&mut board, "2026-11-18", None, true);
    let conclude = ops::move_to_column(&board, 4, "concluded", at("2026-11-20"));
    apply(&mut board, conclude);
    spike(&mut board, "2026-09-01", Some("2026-09-30"), true);
    let drop = dual_track::drop(&board, 5, "no longer needed", at("2026-09-10"));
    apply(&mut board, drop);
    spike(&mut board, "2026-11-19", None, false);
    spike(&mut board, "2026-11-12", Some("2026-11-19"), true);
    board
}

#[test]
fn each_concluded_item_says_how_and_when_it_was_decided() {
    let board = board();
    let words = |id| outcome_of(&board, board.item(id).expect("item")).map(|o| o.words());
    assert_eq!(words(1).as_deref(), Some("promoted on 2026-11-15, on time, 5 days from start to decision"));
    assert_eq!(words(3).as_deref(), Some("dropped on 2026-11-12, 2d late, 11 days from start to decision"));
    assert_eq!(
        words(4).as_deref(),
        Some("concluded on 2026-11-20, no timebox, 2 days from start to decision")
    );
    assert_eq!(words(6), None, "still open");
    assert_eq!(words(2), None, "a delivery item");
}

#[test]
fn the_last_thirty_days_in_figures() {
    let board = board();
    let now = at("2026-11-21");
    let f = figures(&board, Period::last_days(now, WINDOW_DAYS), now.date_naive());
    let decided: Vec<ItemId> = f.decided.iter().map(|(id, _)| *id).collect();
    assert_eq!(decided, [4, 1, 3], "latest first; #5 is older than 30 days");
    assert_eq!((f.on_time, f.late, f.no_timebox), (1, 1, 1));
    assert_eq!(f.on_time_percent(), Some(50.0));
    assert_eq!((f.promoted, f.dropped, f.concluded), (1, 1, 1));
    assert_eq!(f.median_days, Some(5.0), "of 2, 5 and 11 days");
    assert_eq!((f.open, f.open_ended.as_slice(), f.overdue), (2, &[6][..], 1));
    // A window with nothing decided has no percentages or median.
    let empty = figures(&board, Period::last_days(at("2026-12-31"), 7), date("2026-12-31"));
    assert_eq!((empty.on_time_percent(), empty.median_days), (None, None));
    // The median of an even count is the mean of the middle two: 2, 5, 11 and the old 9.
    let all = figures(&board, Period::last_days(now, 365), now.date_naive());
    assert_eq!(all.median_days, Some(7.0));
}

proptest! {
    #[test]
    fn the_figures_always_add_up(spec in proptest::collection::vec((0i64..40, proptest::option::of(0i64..20), 0i64..20, 0u8..3), 0..12)) {
        let mut board = Board::new("t");
        let start = at("2026-10-01");
        for (logged, timebox, took, how) in spec {
            let created = start + chrono::Duration::days(logged);
            let new = NewItem {
                title: "spike".into(),
                track: Some(Track::Discovery),
                timebox: timebox.map(|d| (created + chrono::Duration::days(d)).date_naive()),
                ..NewItem::default()
            };
            let op = ops::add(&board, new, created).expect("add");
            board.apply(op.edit).expect("apply");
            let id = board.next_id - 1;
            let decided = created + chrono::Duration::days(took);
            let op = match how {
                0 => dual_track::drop(&board, id, "no", decided),
                1 => dual_track::promote(&board, id, "", &["x".to_owned()], crate::model::Stage::One, decided),
                _ => ops::move_to_column(&board, id, "concluded", decided).map_err(Into::into),
            };
            board.apply(op.expect("op").edit).expect("apply");
        }
        let now = at("2026-11-21");
        let f = figures(&board, Period::last_days(now, WINDOW_DAYS), now.date_naive());
        prop_assert_eq!(f.on_time + f.late + f.no_timebox, f.decided.len());
        prop_assert_eq!(f.promoted + f.dropped + f.concluded, f.decided.len());
        if let Some(percent) = f.on_time_percent() {
            prop_assert!((0.0..=100.0).contains(&percent));
        }
        if let Some(median) = f.median_days {
            let days: Vec<i64> = f.decided.iter().map(|(_, o)| o.days).collect();
            prop_assert!(days.iter().any(|d| *d as f64 <= median) && days.iter().any(|d| *d as f64 >= median));
        }
        prop_assert!(f.decided.iter().all(|(_, o)| f.period.contains(o.decided)));
    }
}
