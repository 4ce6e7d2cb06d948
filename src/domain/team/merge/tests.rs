//! The merge rules one by one, and a check that covers every field of an item.

use serde_json::json;

use super::*;
use crate::domain::change::fields::tests::{full_pair, user_fields};
use crate::domain::change::fields::{MOVE, MOVE_NAME};
use crate::domain::change::{NewItem, fields, ops};
use crate::model::{Stage, Timestamp, Track};

fn now() -> Timestamp {
    chrono::DateTime::from_timestamp(1_800_000_000, 0).expect("time")
}

fn later() -> Timestamp {
    chrono::DateTime::from_timestamp(1_800_000_100, 0).expect("time")
}

fn base() -> Board {
    let mut board = Board::new("t");
    for title in ["a", "b", "c"] {
        let op = ops::add(&board, NewItem { title: title.into(), ..NewItem::default() }, now()).expect("add");
        board.apply(op.edit).expect("apply");
    }
    board
}

fn apply(board: &Board, op: Result<ops::Op, ops::OpError>) -> Board {
    let mut board = board.clone();
    board.apply(op.expect("op").edit).expect("apply");
    board
}

fn title(board: &Board, id: ItemId, text: &str, at: Timestamp) -> Board {
    let change = crate::domain::change::ItemChange { title: Some(text.into()), ..Default::default() };
    apply(board, ops::update(board, id, change, at))
}

#[test]
fn changes_to_different_fields_of_one_item_both_survive() {
    let base = base();
    let ours = title(&base, 1, "ours", now());
    let theirs = apply(&base, ops::move_to_column(&base, 1, "review", later()));
    let merged = merge3(&base, &ours, &theirs, Side::Theirs).expect("merge");
    let item = merged.board.item(1).expect("1");
    assert_eq!((item.title.as_str(), item.column.as_str()), ("ours", "review"));
    assert!(merged.conflicts.is_empty());
    assert_eq!(item.updated, later(), "the later stamp");
}

#[test]
fn the_same_field_changed_differently_keeps_the_winners_value_and_reports_the_other() {
    let base = base();
    let ours = title(&base, 1, "mine", now());
    let theirs = title(&base, 1, "bob's", now());
    let merged = merge3(&base, &ours, &theirs, Side::Theirs).expect("merge");
    assert_eq!(merged.board.item(1).expect("1").title, "bob's");
    assert_eq!(
        merged.conflicts,
        [Conflict { item: Some(1), field: "title".into(), kept: json!("bob's"), lost: json!("mine") }]
    );
    let merged = merge3(&base, &ours, &theirs, Side::Ours).expect("merge");
    assert_eq!(merged.board.item(1).expect("1").title, "mine", "the winner is a parameter");
    assert_eq!(merged.conflicts[0].lost, json!("bob's"));
}

#[test]
fn two_moves_of_one_item_are_one_conflict_and_never_mix_track_and_column() {
    let base = base();
    let ours = apply(&base, ops::move_to_column(&base, 1, "doing", now()));
    let theirs = apply(&base, ops::to_other_track(&base, 1, now()));
    let merged = merge3(&base, &ours, &theirs, Side::Theirs).expect("merge");
    let item = merged.board.item(1).expect("1");
    assert_eq!((item.track, item.column.as_str()), (Track::Discovery, "explore"));
    assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
    assert_eq!(merged.conflicts[0].field, MOVE_NAME);
    assert_eq!(fields::display(&merged.conflicts[0].lost), "doing");
    // The same two moves with our side winning: ours, whole.
    let merged = merge3(&base, &ours, &theirs, Side::Ours).expect("merge");
    let item = merged.board.item(1).expect("1");
    assert_eq!((item.track, item.column.as_str()), (Track::Delivery, "doing"));
}

#[test]
fn a_move_and_a_block_of_one_item_both_apply_and_the_move_keeps_its_age_stamp() {
    let base = base();
    let ours = apply(&base, crate::domain::change::blocking::block(&base, 1, "legal", now()));
    let theirs = apply(&base, ops::move_to_column(&base, 1, "review", later()));
    let merged = merge3(&base, &ours, &theirs, Side::Ours).expect("merge");
    let item = merged.board.item(1).expect("1");
    assert_eq!((item.column.as_str(), item.blocked.as_deref()), ("review", Some("legal")));
    assert_eq!(item.in_column_since, Some(later()), "the stamp travels with the move");
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    // Two moves: the winner's column and its stamp, whole.
    let other = apply(&base, ops::move_to_column(&base, 1, "doing", now()));
    let merged = merge3(&base, &other, &theirs, Side::Ours).expect("merge");
    let item = merged.board.item(1).expect("1");
    assert_eq!((item.column.as_str(), item.in_column_since), ("doing", Some(now())));
    assert_eq!(merged.conflicts.len(), 1);
}

#[test]
fn a_stage_label_and_a_move_of_one_item_both_apply_and_the_rank_follows_the_move() {
    let base = base();
    let ours = apply(&base, ops::set_stage(&base, 2, Stage::Two, now()));
    let theirs = apply(&base, ops::move_to_column(&base, 2, "review", now()));
    let merged = merge3(&base, &ours, &theirs, Side::Theirs).expect("merge");
    let item = merged.board.item(2).expect("2");
    assert_eq!((item.column.as_str(), item.stage), ("review", Stage::Two));
    assert_eq!(item.rank, theirs.item(2).expect("2").rank);
    assert!(merged.conflicts.is_empty(), "rank is resolved silently");
}

#[test]
fn deleted_on_one_side_and_changed_on_the_other_is_a_conflict_the_winner_decides() {
    let base = base();
    let ours = title(&base, 2, "changed", now());
    let theirs = apply(&base, ops::remove(&base, 2));
    let merged = merge3(&base, &ours, &theirs, Side::Theirs).expect("merge");
    assert!(merged.board.item(2).is_none(), "their delete came first");
    assert_eq!(merged.conflicts[0].field, "item");
    assert!(merged.conflicts[0].kept.is_null());
    assert_eq!(merged.conflicts[0].lost["title"], json!("changed"), "our version is kept in the report");
    let merged = merge3(&base, &ours, &theirs, Side::Ours).expect("merge");
    assert_eq!(merged.board.item(2).expect("kept").title, "changed");
    // Deleted on one side and untouched on the other: simply deleted.
    let merged = merge3(&base, &base, &theirs, Side::Ours).expect("merge");
    assert!(merged.board.item(2).is_none() && merged.conflicts.is_empty());
}

fn link(board: &Board, from: ItemId, to: Vec<ItemId>) -> Board {
    let change = crate::domain::change::ItemChange { links: Some(to), ..Default::default() };
    apply(board, ops::update(board, from, change, now()))
}

#[test]
fn a_reference_dropped_by_a_delete_is_not_a_change_of_the_item_that_held_it() {
    // #1 links to #2. Ours deletes #2, which takes #1's link with it; theirs deletes #1.
    let base = link(&base(), 1, vec![2]);
    let ours = apply(&base, ops::remove(&base, 2));
    assert!(ours.item(1).expect("1").links.is_empty(), "the delete dropped the link");
    let theirs = apply(&base, ops::remove(&base, 1));
    for winner in [Side::Ours, Side::Theirs] {
        let merged = merge3(&base, &ours, &theirs, winner).expect("merge");
        assert!(merged.board.item(1).is_none() && merged.board.item(2).is_none(), "both deletes hold");
        assert!(merged.conflicts.is_empty(), "nobody changed #1: {:?}", merged.conflicts);
    }
    // Theirs links #1 to #3 as well: that is the only change to #1's links, and it is kept.
    let theirs = link(&base, 1, vec![2, 3]);
    for winner in [Side::Ours, Side::Theirs] {
        let merged = merge3(&base, &ours, &theirs, winner).expect("merge");
        assert_eq!(merged.board.item(1).expect("1").links, [3], "#2 is gone, #3 stays");
        assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    }
    // Theirs changes #2 and wins: #2 stays, and so does #1's link to it, which ours dropped only
    // along with the delete that was not applied.
    let theirs = title(&base, 2, "changed", now());
    let merged = merge3(&base, &ours, &theirs, Side::Theirs).expect("merge");
    assert_eq!(merged.board.item(2).expect("kept").title, "changed");
    assert_eq!(merged.board.item(1).expect("1").links, [2]);
    assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
    assert_eq!(merged.conflicts[0].lost, json!(null), "our deletion, not applied");
}

#[test]
fn items_added_on_both_sides_get_distinct_ids_and_references_follow() {
    let base = base();
    let theirs =
        apply(&base, ops::add(&base, NewItem { title: "theirs".into(), ..NewItem::default() }, now()));
    let mut ours =
        apply(&base, ops::add(&base, NewItem { title: "mine".into(), ..NewItem::default() }, now()));
    // A follow-up of our new item, and an old item linking to it.
    let follow = crate::domain::two_stage::follow_up(&ours, 4, "debt", None, None, now());
    ours = apply(&ours, follow);
    let link = crate::domain::change::ItemChange { links: Some(vec![4]), ..Default::default() };
    ours = apply(&ours, ops::update(&ours, 1, link, now()));
    let merged = merge3(&base, &ours, &theirs, Side::Theirs).expect("merge");
    assert_eq!(merged.renumbered_on(Side::Ours), [(4, 6)], "only the id both sides took moves");
    assert_eq!(merged.renumbered.len(), 1);
    assert_eq!(merged.renumbered[0].cause, Cause::Added);
    let board = &merged.board;
    assert_eq!(board.item(4).expect("4").title, "theirs");
    assert_eq!(board.item(6).expect("6").title, "mine");
    assert_eq!(board.item(5).expect("5").follow_up_of, Some(6), "the follow-up follows its parent");
    assert_eq!(board.item(1).expect("1").links, [6], "links follow");
    assert_eq!(board.next_id, 7, "next_id ends above every id");
    assert!(merged.conflicts.is_empty());
}

#[test]
fn settings_merge_per_field_and_columns_per_record() {
    let base = base();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.capacity.points = 50;
    theirs.capacity.stage_two_share = 25;
    ours.delivery.columns[1].wip_limit = Some(3);
    theirs.delivery.columns[2].wip_limit = Some(2);
    theirs.definition_of_done.stage_one = vec!["theirs".into()];
    ours.definition_of_done.stage_one = vec!["ours".into()];
    let merged = merge3(&base, &ours, &theirs, Side::Theirs).expect("merge");
    let board = &merged.board;
    assert_eq!((board.capacity.points, board.capacity.stage_two_share), (50, 25));
    assert_eq!(board.delivery.columns[1].wip_limit, Some(3));
    assert_eq!(board.delivery.columns[2].wip_limit, Some(2));
    assert_eq!(board.definition_of_done.stage_one, ["theirs"]);
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].field, "definition_of_done.stage_one");
    assert_eq!(merged.conflicts[0].item, None);
    // A path into a list of records names the record.
    ours.delivery.columns[2].wip_limit = Some(9);
    let merged = merge3(&base, &ours, &theirs, Side::Theirs).expect("merge");
    assert!(merged.conflicts.iter().any(|c| c.field == "delivery.columns[review].wip_limit"));
}

#[test]
fn every_field_of_an_item_merges() {
    let (a, b) = full_pair();
    let board_with = |item: &Item| {
        let mut board = Board::new("t");
        // The initiatives the pair's items belong to.
        board.initiatives = ["checkout", "search"]
            .map(|id| crate::model::Initiative {
                id: id.into(),
                name: id.into(),
                description: String::new(),
                criteria: crate::model::Criteria::default(),
                status: crate::model::Status::Active,
                decisions: Vec::new(),
            })
            .to_vec();
        // The sprints the pair's items are committed to (a merge drops a sprint no longer there).
        let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 11, d).expect("date");
        board.sprints = [("S1", 2), ("S2", 16)]
            .map(|(name, start)| crate::model::Sprint {
                name: name.into(),
                start: day(start),
                end: day(start + 13),
                capacity: 40,
                model: crate::model::Model::Split,
                stage: None,
                delivery_sprints: None,
                goal: None,
                figures: None,
            })
            .to_vec();
        // The items the pair's references name, so that no reference dangles (a merge drops
        // those).
        let referenced: std::collections::BTreeSet<ItemId> =
            a.references().chain(b.references()).filter(|id| *id != item.id).collect();
        board.items = referenced
            .iter()
            .map(|&id| {
                let mut other = a.clone();
                other.id = id;
                other.title = format!("#{id}");
                (other.links, other.promoted_from, other.follow_up_of) = (Vec::new(), None, None);
                (other.experiment, other.variant, other.winner) = (None, None, None);
                other
            })
            .chain([item.clone()])
            .collect();
        board.items.sort_by_key(|it| it.id);
        board.next_id = board.items.iter().map(|it| it.id).max().unwrap_or(0) + 1;
        board
    };
    let base = board_with(&a);
    let fa = fields::of(&a);
    let fb = fields::of(&b);
    for name in user_fields() {
        // The move is one field: its parts change together.
        let names: Vec<&str> = if MOVE.contains(&name) { MOVE.to_vec() } else { vec![name] };
        let mut changed = fa.clone();
        for n in &names {
            fields::set(&mut changed, n, fields::get(&fb, n).clone());
        }
        let ours = board_with(&fields::to_item(changed).expect("valid"));
        let merged = merge3(&base, &ours, &base, Side::Theirs).expect("merge");
        let got = fields::of(merged.board.item(5).expect("5"));
        assert_eq!(fields::get(&got, name), fields::get(&fb, name), "ours alone changed `{name}`");
        let merged = merge3(&base, &base, &ours, Side::Theirs).expect("merge");
        let got = fields::of(merged.board.item(5).expect("5"));
        assert_eq!(fields::get(&got, name), fields::get(&fb, name), "theirs alone changed `{name}`");
        let merged = merge3(&base, &ours, &ours, Side::Theirs).expect("merge");
        let got = fields::of(merged.board.item(5).expect("5"));
        assert_eq!(fields::get(&got, name), fields::get(&fb, name), "both changed `{name}` alike");
        assert!(merged.conflicts.is_empty(), "changed alike on both sides is no conflict: `{name}`");
    }
}
