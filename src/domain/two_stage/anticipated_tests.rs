//! Anticipated debt against the follow-ups logged: both flags, the window, reading POINTS.

use chrono::DateTime;

use super::*;
use crate::domain::change::{Edit, ItemChange, NewItem, ops};
use crate::domain::two_stage::follow_up;

fn at(text: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(text).expect("time").to_utc()
}

fn feature(board: &mut Board, title: &str, anticipated: Option<u32>) -> ItemId {
    let new = NewItem { title: title.into(), ..NewItem::default() };
    board.apply(ops::add(board, new, at("2026-11-01T09:00:00Z")).expect("add").edit).expect("apply");
    let id = board.next_id - 1;
    let change = ItemChange { anticipated_debt: Some(anticipated), ..ItemChange::default() };
    board
        .apply(Edit::Change { id, change: Box::new(change), at: at("2026-11-01T09:00:00Z") })
        .expect("apply");
    id
}

fn log(board: &mut Board, parent: ItemId, points: Option<u32>, when: &str) {
    let op = follow_up(board, parent, "shortcut", points, None, at(when)).expect("follow-up");
    board.apply(op.edit).expect("apply");
}

/// #1 anticipated 3, follow-ups 2 + 2 (over); #2 anticipated 5, follow-up 5 (not over);
/// #3 none anticipated, two follow-ups (flagged); #4 none anticipated, one follow-up (not).
fn board() -> Board {
    let mut b = Board::new("t");
    let (one, two) = (feature(&mut b, "Checkout", Some(3)), feature(&mut b, "Receipts", Some(5)));
    let (three, four) = (feature(&mut b, "Search", None), feature(&mut b, "Export", None));
    log(&mut b, one, Some(2), "2026-11-10T09:00:00Z");
    log(&mut b, one, Some(2), "2026-11-12T09:00:00Z");
    log(&mut b, two, Some(5), "2026-11-12T09:00:00Z");
    log(&mut b, three, None, "2026-11-03T09:00:00Z");
    log(&mut b, three, Some(1), "2026-11-12T09:00:00Z");
    log(&mut b, four, Some(8), "2026-11-12T09:00:00Z");
    b
}

#[test]
fn follow_ups_over_the_anticipated_points_and_two_unannounced_ones_are_flagged() {
    let b = board();
    let flagged = overruns(&b, at("2026-11-01T00:00:00Z"), at("2026-11-30T00:00:00Z"));
    let ids: Vec<ItemId> = flagged.iter().map(|o| o.id).collect();
    assert_eq!(ids, [1, 3]);
    assert_eq!(
        (flagged[0].points, flagged[0].anticipated, flagged[0].follow_ups.clone()),
        (4, Some(3), vec![5, 6])
    );
    assert_eq!(flagged[0].line(), "#1 Checkout: 2 follow-ups (#5, #6), 4 pt against 3 anticipated");
    assert_eq!(flagged[1].line(), "#3 Search: 2 follow-ups (#8, #9), 1 pt, 1 unestimated, none anticipated");
}

#[test]
fn only_items_with_a_follow_up_logged_in_the_window_are_flagged_and_all_their_follow_ups_count() {
    let b = board();
    let late = overruns(&b, at("2026-11-11T00:00:00Z"), at("2026-11-30T00:00:00Z"));
    assert_eq!(late.iter().map(|o| (o.id, o.points)).collect::<Vec<_>>(), [(1, 4), (3, 1)]);
    let early = overruns(&b, at("2026-11-02T00:00:00Z"), at("2026-11-04T00:00:00Z"));
    assert_eq!(early.iter().map(|o| o.id).collect::<Vec<_>>(), [3]);
    assert!(overruns(&b, at("2026-11-20T00:00:00Z"), at("2026-11-30T00:00:00Z")).is_empty());
}

#[test]
fn points_are_whole_and_none_clears() {
    assert_eq!(parse("3"), Ok(Some(3)));
    assert_eq!(parse(" 0 "), Ok(Some(0)));
    assert_eq!(parse("none"), Ok(None));
    assert_eq!(parse("-2"), Err(AnticipatedError("-2".into())));
    assert_eq!(
        parse("lots").map_err(|e| e.to_string()),
        Err("anticipated debt is a whole number of points (0 or more), such as 3, or `none`; `lots` is not"
            .into())
    );
}
