//! Debt interest by hand on a pinned clock: ages, weights, totals as they stood on a past day.

use super::*;
use crate::domain::change::settings::set_weights;
use crate::domain::change::{Edit, NewItem, ops};
use crate::model::{Severity, Track};
use chrono::DateTime;

fn at(text: &str) -> crate::model::Timestamp {
    DateTime::parse_from_rfc3339(text).expect("time").to_utc()
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

fn debt(board: &mut Board, severity: Option<Severity>, logged: &str) -> u64 {
    let new = NewItem { title: "debt".into(), kind: Some(Kind::Debt), severity, ..NewItem::default() };
    let op = ops::add(board, new, at(logged)).expect("add");
    board.apply(op.edit).expect("apply");
    board.next_id - 1
}

#[test]
fn interest_is_the_severity_weight_times_the_age_in_days() {
    let mut board = Board::new("t");
    let critical = debt(&mut board, Some(Severity::Critical), "2026-10-11T16:00:00Z");
    let unrated = debt(&mut board, None, "2026-11-11T08:00:00Z");
    let today = day("2026-11-21");
    let weights = board.interest_weights();
    assert_eq!(weights, InterestWeights { low: 1, medium: 2, high: 4, critical: 8 });
    let item = |id| board.item(id).expect("item");
    // 11 October to 21 November: 41 days, whatever the hour it was logged.
    assert_eq!(age_days(item(critical), today), 41);
    assert_eq!(interest(&weights, item(critical), today), 8 * 41);
    assert_eq!(interest(&weights, item(unrated), today), 10, "unrated debt accrues at the low weight");
    assert_eq!(age_days(item(unrated), day("2026-11-01")), 0, "never negative");
    assert_eq!(total_on(&board, today), 328 + 10);
}

#[test]
fn the_total_on_a_past_day_counts_the_debt_open_then_as_it_stood() {
    let mut board = Board::new("t");
    let old = debt(&mut board, Some(Severity::High), "2026-11-01T09:00:00Z");
    let repaid = debt(&mut board, Some(Severity::Medium), "2026-11-01T09:00:00Z");
    debt(&mut board, Some(Severity::Low), "2026-11-15T09:00:00Z");
    let op = ops::move_to_column(&board, repaid, "done", at("2026-11-10T12:00:00Z")).expect("move");
    board.apply(op.edit).expect("repay");
    // On 7 November: #1 (6 days, high) and #2 (6 days, medium); #3 was not logged yet.
    assert_eq!(total_on(&board, day("2026-11-07")), 4 * 6 + 2 * 6);
    // On 21 November: #1 (20 days, high) and #3 (6 days, low); #2 was repaid on the 10th.
    assert_eq!(total_on(&board, day("2026-11-21")), 4 * 20 + 6);
    assert!(!open_on(&board, board.item(repaid).expect("repaid"), day("2026-11-10")));
    assert!(open_on(&board, board.item(old).expect("old"), day("2026-11-10")));
    let feature = NewItem { title: "a feature".into(), track: Some(Track::Delivery), ..NewItem::default() };
    let op = ops::add(&board, feature, at("2026-11-01T00:00:00Z")).expect("add");
    board.apply(op.edit).expect("apply");
    assert_eq!(total_on(&board, day("2026-11-21")), 86, "only debt accrues interest");
}

#[test]
fn weights_are_stored_only_when_they_differ_from_the_defaults() {
    let mut board = Board::new("t");
    assert_eq!(set_weights(&board, InterestWeights::default()), None);
    let steeper = InterestWeights::default().with(Severity::Critical, 20);
    let edit = set_weights(&board, steeper).expect("a change");
    assert_eq!(edit, Edit::SetInterestWeights(Some(steeper)));
    let inverse = board.apply(edit).expect("apply");
    assert_eq!(board.interest_weights().critical, 20);
    assert_eq!(set_weights(&board, InterestWeights::default()), Some(Edit::SetInterestWeights(None)));
    board.apply(inverse).expect("undo");
    assert_eq!(board.interest_weights, None);
}
