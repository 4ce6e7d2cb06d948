//! Entry criteria: the board's list and its defaults, naming criteria, ticking them on an item
//! and grouping the open discovery items by them.

use super::*;
use crate::domain::change::{NewItem, ops};
use chrono::DateTime;

fn now() -> Timestamp {
    DateTime::parse_from_rfc3339("2026-11-21T10:00:00Z").expect("time").to_utc()
}

fn add(board: &mut Board, title: &str, track: Track) -> ItemId {
    let new = NewItem { title: title.into(), track: Some(track), ..NewItem::default() };
    let op = ops::add(board, new, now()).expect("add");
    board.apply(op.edit).expect("apply");
    board.next_id - 1
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn a_board_without_a_list_has_the_defaults_and_keeping_them_stores_nothing() {
    let mut board = Board::new("t");
    assert_eq!(board.entry_criteria(), names(&ENTRY_CRITERIA));
    assert_eq!(set_list(&board, &names(&ENTRY_CRITERIA)), None, "unchanged: no edit");
    let edit = set_list(&board, &names(&["  Legal review ", "", "Legal review", "New technology"]))
        .expect("a change");
    assert_eq!(edit, Edit::SetEntryCriteria(Some(names(&["Legal review", "New technology"]))));
    let inverse = board.apply(edit).expect("apply");
    assert_eq!(board.entry_criteria(), ["Legal review", "New technology"]);
    // Going back to the defaults stores them as absent, so the file is as it was.
    let back = set_list(&board, &names(&ENTRY_CRITERIA)).expect("a change");
    assert_eq!(back, Edit::SetEntryCriteria(None));
    board.apply(inverse).expect("undo");
    assert_eq!(board.entry_criteria, None);
}

#[test]
fn criteria_are_named_by_text_slug_or_number_and_unknown_ones_are_refused() {
    let board = Board::new("t");
    let resolve = |list: &[&str]| resolve(&board, &names(list));
    assert_eq!(
        resolve(&["new-technology", "technical uncertainty"]),
        Ok(names(&["Technical uncertainty", "New technology"])),
        "in the board's order"
    );
    assert_eq!(resolve(&["HIGH-RISK CHANGE", "2"]), Ok(names(&["High-risk change"])), "no repeats");
    assert_eq!(resolve(&["4"]), Ok(names(&["Unclear requirements"])));
    assert_eq!(resolve(&["none"]), Ok(Vec::new()), "none applies");
    let err = resolve(&["risky"]).expect_err("unknown");
    assert_eq!(
        err.to_string(),
        "there is no entry criterion `risky` (the criteria are technical-uncertainty, high-risk-change, \
         new-technology, unclear-requirements, or none)"
    );
    assert!(resolve(&["5"]).is_err(), "there are four");
    assert_eq!(resolve(&["none", "new-technology"]), Err(CriteriaError::NoneWithOthers));
}

#[test]
fn ticking_criteria_is_one_undoable_change_and_only_for_discovery_items() {
    let mut board = Board::new("t");
    let spike = add(&mut board, "Try the engine", Track::Discovery);
    let feature = add(&mut board, "Ship it", Track::Delivery);
    let item = board.item(spike).expect("spike").clone();
    assert!(unanswered(&board, &item), "a new spike has not said why");
    let before = board.clone();
    let op = set(&board, spike, names(&["New technology"]), now()).expect("set");
    assert_eq!(op.summary, "#1 is discovery work because of: New technology");
    let inverse = board.apply(op.edit).expect("apply");
    let item = board.item(spike).expect("spike").clone();
    assert_eq!(item.criteria, Some(names(&["New technology"])));
    assert!(!unanswered(&board, &item));
    // The same answer again changes nothing.
    assert!(set(&board, spike, names(&["New technology"]), now()).expect("same").edit.is_noop());
    board.apply(inverse).expect("undo");
    assert_eq!(board, before);
    let none = set(&board, spike, Vec::new(), now()).expect("none applies");
    assert_eq!(none.summary, "#1: no entry criterion applies (recorded)");
    board.apply(none.edit).expect("apply");
    assert_eq!(board.item(spike).expect("spike").criteria, Some(Vec::new()));
    assert!(!unanswered(&board, board.item(spike).expect("spike")), "none applies is an answer");
    assert_eq!(
        set(&board, feature, Vec::new(), now()).expect_err("delivery").to_string(),
        "entry criteria are for discovery items, and #2 is in the delivery track"
    );
    assert_eq!(set(&board, 9, Vec::new(), now()), Err(OpError::NoSuchItem(9).into()));
}

#[test]
fn a_board_with_no_criteria_asks_nothing_and_concluded_items_are_not_asked() {
    let mut board = Board::new("t");
    let spike = add(&mut board, "Spike", Track::Discovery);
    let op = ops::move_to_column(&board, spike, "concluded", now()).expect("move");
    board.apply(op.edit).expect("apply");
    assert!(!unanswered(&board, board.item(spike).expect("spike")), "concluded work is not asked");
    let open = add(&mut board, "Open spike", Track::Discovery);
    board.apply(Edit::SetEntryCriteria(Some(Vec::new()))).expect("no criteria");
    assert!(!unanswered(&board, board.item(open).expect("open")), "nothing to answer with");
}

#[test]
fn open_discovery_items_are_grouped_by_criterion() {
    let mut board = Board::new("t");
    for title in ["a", "b", "c", "d", "e"] {
        add(&mut board, title, Track::Discovery);
    }
    add(&mut board, "delivery work", Track::Delivery);
    let tick = |board: &mut Board, id: ItemId, list: &[&str]| {
        let change = ItemChange { criteria: Some(Some(names(list))), ..ItemChange::default() };
        board.apply(Edit::Change { id, change: Box::new(change), at: now() }).expect("tick");
    };
    tick(&mut board, 1, &["Technical uncertainty", "New technology"]);
    tick(&mut board, 2, &["Technical uncertainty"]);
    tick(&mut board, 3, &[]);
    tick(&mut board, 4, &["Old reason"]);
    let groups = by_criterion(&board);
    let shown: Vec<(String, Vec<ItemId>)> = groups.iter().map(|(r, ids)| (r.label(), ids.clone())).collect();
    assert_eq!(
        shown,
        [
            ("Technical uncertainty".to_owned(), vec![1, 2]),
            ("High-risk change".to_owned(), vec![]),
            ("New technology".to_owned(), vec![1]),
            ("Unclear requirements".to_owned(), vec![]),
            ("Old reason (no longer listed)".to_owned(), vec![4]),
            ("none applies".to_owned(), vec![3]),
            ("not said".to_owned(), vec![5]),
        ]
    );
}
