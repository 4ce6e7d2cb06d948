//! The debt register on a pinned clock: its two orders, interest totals and trend, the sentence
//! for stakeholders, and losing variants that never count as repaid.

use super::*;
use crate::domain::change::{Edit, ItemChange, NewItem, ops};
use crate::model::ItemId;
use chrono::DateTime;

fn at(text: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(text).expect("time").to_utc()
}

fn now() -> Timestamp {
    at("2026-11-21T10:00:00Z")
}

fn debt(board: &mut Board, severity: Severity, estimate: u32, logged: &str) -> ItemId {
    let new = NewItem {
        title: format!("{severity} debt"),
        kind: Some(Kind::Debt),
        severity: Some(severity),
        estimate: Some(estimate),
        ..NewItem::default()
    };
    let op = ops::add(board, new, at(logged)).expect("add");
    board.apply(op.edit).expect("apply");
    board.next_id - 1
}

/// #1 critical, logged 2 days ago; #2 low, 41 days ago; #3 high, 10 days ago.
fn board() -> Board {
    let mut board = Board::new("t");
    debt(&mut board, Severity::Critical, 1, "2026-11-19T09:00:00Z");
    debt(&mut board, Severity::Low, 8, "2026-10-11T09:00:00Z");
    debt(&mut board, Severity::High, 3, "2026-11-11T09:00:00Z");
    board
}

fn ids(register: &Register) -> Vec<ItemId> {
    register.open.iter().map(|it| it.id).collect()
}

#[test]
fn the_register_sorts_by_severity_or_by_the_interest_accrued() {
    let board = board();
    let r = register(&board, now());
    assert_eq!(ids(&r), [1, 3, 2], "severity first");
    let interest: Vec<u64> = r.open.iter().map(|it| r.interest(it)).collect();
    assert_eq!(interest, [8 * 2, 4 * 10, 41]);
    let by_interest = r.sorted(Sort::Interest);
    assert_eq!(ids(&by_interest), [2, 3, 1], "41 > 40 > 16: old low debt has cost the most");
    assert_eq!(by_interest.total_interest, 16 + 40 + 41);
    assert_eq!(by_interest.oldest(), Some(41));
    assert_eq!("interest".parse::<Sort>(), Ok(Sort::Interest));
    assert!("cost".parse::<Sort>().is_err());
}

#[test]
fn the_trend_compares_with_the_interest_open_a_window_ago() {
    let board = board();
    let r = register(&board, now());
    // On 7 November only #2 was open, 27 days old at the low weight.
    assert_eq!(r.interest_before, 27);
    assert_eq!(r.trend(), "up 70 in 14 days");
    assert_eq!(r.in_words(), "3 debt items, 1 critical, oldest 41 days; interest 97, up 70 in 14 days");
    let mut repaid = board.clone();
    let op = ops::move_to_column(&repaid, 2, "done", now()).expect("repay");
    repaid.apply(op.edit).expect("apply");
    let op = ops::move_to_column(&repaid, 3, "done", now()).expect("repay");
    repaid.apply(op.edit).expect("apply");
    let after = register(&repaid, now());
    assert_eq!((after.total_interest, after.interest_before, after.repaid), (16, 27, 2));
    assert_eq!(after.trend(), "down 11 in 14 days");
    assert_eq!(register(&Board::new("t"), now()).in_words(), "no open debt items");
}

#[test]
fn a_losing_variant_archived_in_done_is_not_repaid_debt() {
    let mut board = board();
    let lost = ItemChange { experiment: Some(Some(3)), winner: Some(Some(9)), ..ItemChange::default() };
    board.apply(Edit::Change { id: 3, change: Box::new(lost), at: now() }).expect("mark lost");
    let op = ops::move_to_column(&board, 3, "done", now()).expect("move");
    board.apply(op.edit).expect("apply");
    let r = register(&board, now());
    assert_eq!((r.open.len(), r.repaid), (2, 0));
}
