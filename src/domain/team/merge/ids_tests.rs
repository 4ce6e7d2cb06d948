//! Ids across merges: items renumbered in an earlier merge are followed, never confused with
//! the item that now has their old id.

use crate::domain::change::{ItemChange, NewItem, ops};
use crate::domain::team::merge::{Cause, Renumbered, Side, merge3};
use crate::model::{Board, ItemId, Timestamp};

fn at(s: i64) -> Timestamp {
    chrono::DateTime::from_timestamp(1_800_000_000 + s, 0).expect("time")
}

fn add(board: &Board, title: &str, created: Timestamp) -> Board {
    let mut board = board.clone();
    let op = ops::add(&board, NewItem { title: title.into(), ..NewItem::default() }, created).expect("add");
    board.apply(op.edit).expect("apply");
    board
}

fn edit(board: &Board, id: ItemId, change: ItemChange) -> Board {
    let mut board = board.clone();
    board.apply(ops::update(&board, id, change, at(500)).expect("update").edit).expect("apply");
    board
}

fn title(board: &Board, id: ItemId, text: &str) -> Board {
    edit(board, id, ItemChange { title: Some(text.into()), ..Default::default() })
}

/// Three old items and alice's #4, linked from #1: the base of the later merges.
fn with_alices_item() -> Board {
    let mut board = Board::new("t");
    for name in ["a", "b", "c"] {
        board = add(&board, name, at(0));
    }
    let board = add(&board, "alice's", at(10));
    edit(&board, 1, ItemChange { links: Some(vec![4]), ..Default::default() })
}

/// Bob's board after he merged alice's #4 in: his own #4, hers renumbered to #5.
fn bobs_merge(alice: &Board) -> Board {
    let base = alice.clone_without_items_but(&[1, 2, 3]);
    let bob = add(&base, "bob's", at(20));
    let merged = merge3(&base, &bob, alice, Side::Ours).expect("merge");
    assert_eq!(merged.renumbered_on(Side::Theirs), [(4, 5)]);
    merged.board
}

impl Board {
    /// This board with only the listed items (a base from before some were added).
    fn clone_without_items_but(&self, keep: &[ItemId]) -> Board {
        let mut board = self.clone();
        board.items.retain(|it| keep.contains(&it.id));
        board.next_id = keep.iter().max().map_or(1, |m| m + 1);
        board.items.iter_mut().for_each(|it| it.links.clear());
        board
    }
}

#[test]
fn an_item_renumbered_by_an_earlier_merge_is_followed_by_the_side_that_kept_its_old_id() {
    let base = with_alices_item();
    let theirs = bobs_merge(&base);
    assert_eq!(theirs.item(4).expect("4").title, "bob's");
    // Alice keeps working on "her #4", then merges Bob's merge in.
    let ours = title(&base, 4, "alice's, edited");
    let merged = merge3(&base, &ours, &theirs, Side::Ours).expect("merge");
    let board = &merged.board;
    assert_eq!(board.item(4).expect("4").title, "bob's", "bob's item is not overwritten");
    assert_eq!(board.item(5).expect("5").title, "alice's, edited", "alice's edit follows her item");
    assert_eq!(board.item(1).expect("1").links, [5], "links follow");
    assert_eq!(board.items().len(), 5, "nothing twice");
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    assert_eq!(merged.renumbered, [Renumbered { side: Side::Ours, from: 4, to: 5, cause: Cause::Followed }]);
}

#[test]
fn a_rebase_replays_changes_onto_the_renumbered_item() {
    // git rebase: ours is the upstream (where bob's #4 became #5), theirs bob's next commit.
    let mut start = Board::new("t");
    start = add(&start, "a", at(0));
    let base = add(&start, "bob's", at(20));
    let upstream = add(&start, "alice's", at(10));
    let ours = merge3(&start, &upstream, &base, Side::Ours).expect("first replay").board;
    assert_eq!(ours.item(3).expect("bob's moved").title, "bob's");
    let theirs = title(&base, 2, "bob's, edited");
    let merged = merge3(&base, &ours, &theirs, Side::Ours).expect("merge");
    assert_eq!(merged.board.item(2).expect("2").title, "alice's");
    assert_eq!(merged.board.item(3).expect("3").title, "bob's, edited");
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    assert_eq!(merged.renumbered_on(Side::Theirs), [(2, 3)]);
}

#[test]
fn a_new_item_under_the_id_an_item_was_renumbered_to_moves_on() {
    let base = with_alices_item();
    let theirs = bobs_merge(&base);
    // Alice added #5 herself meanwhile: Bob's merge gave that id to her #4.
    let ours = add(&base, "carol's", at(30));
    let merged = merge3(&base, &ours, &theirs, Side::Ours).expect("merge");
    let titles: Vec<(ItemId, &str)> =
        merged.board.items().iter().map(|it| (it.id, it.title.as_str())).collect();
    assert_eq!(titles, [(1, "a"), (2, "b"), (3, "c"), (4, "bob's"), (5, "alice's"), (6, "carol's")]);
    assert_eq!(merged.board.next_id, 7);
    assert_eq!(
        merged.renumbered,
        [
            Renumbered { side: Side::Ours, from: 4, to: 5, cause: Cause::Followed },
            Renumbered { side: Side::Ours, from: 5, to: 6, cause: Cause::Added },
        ]
    );
}

#[test]
fn both_sides_with_the_same_renumbering_change_no_id() {
    let base = with_alices_item();
    let merged_once = bobs_merge(&base);
    let ours = title(&merged_once, 2, "ours");
    let theirs = title(&merged_once, 3, "theirs");
    let merged = merge3(&base, &ours, &theirs, Side::Ours).expect("merge");
    assert!(merged.renumbered.is_empty());
    assert_eq!(merged.board.item(5).expect("5").title, "alice's");
    assert_eq!(
        (merged.board.item(2).expect("2").title.as_str(), merged.board.item(3).expect("3").title.as_str()),
        ("ours", "theirs")
    );
}

#[test]
fn an_item_made_in_the_same_second_with_another_title_is_not_taken_for_a_deleted_one() {
    let base = with_alices_item();
    let mut theirs = base.clone();
    theirs.apply(ops::remove(&theirs, 4).expect("remove").edit).expect("apply");
    let theirs = add(&theirs, "unrelated", at(10));
    let merged = merge3(&base, &base, &theirs, Side::Ours).expect("merge");
    assert!(merged.board.item(4).is_none(), "deleted");
    assert_eq!(merged.board.item(5).expect("5").title, "unrelated");
    assert!(merged.renumbered.is_empty());
}

#[test]
fn a_reference_to_an_item_its_side_deleted_never_lands_on_the_other_sides_new_item() {
    let base = with_alices_item();
    // Ours adds #5, links #2 to it, and deletes #5 again: #2's link names a deleted item.
    let mut ours = add(&base, "gone soon", at(30));
    ours = edit(&ours, 2, ItemChange { links: Some(vec![5]), ..Default::default() });
    ours.apply(ops::remove(&ours, 5).expect("remove").edit).expect("apply");
    let theirs = add(&base, "theirs", at(40));
    for winner in [Side::Ours, Side::Theirs] {
        let merged = merge3(&base, &ours, &theirs, winner).expect("merge");
        let board = &merged.board;
        // The link to the deleted item goes, as a delete takes such links with it; it never
        // lands on their new item.
        assert_eq!(board.item(2).expect("2").links, Vec::<ItemId>::new(), "{winner:?} wins");
        assert_eq!(board.items().iter().filter(|it| it.title == "theirs").count(), 1);
        assert!(board.dangling_references().is_empty());
    }
}
