//! The archive's rules on generated boards: what is refused, what `filed` keeps loadable, and how
//! an item in both files is resolved.

use super::*;
use crate::generate;
use crate::model::{Board, Column, ItemId};

fn done_ids(board: &Board) -> Vec<ItemId> {
    board.items().iter().filter(|it| board.is_done_column(it.track, &it.column)).map(|it| it.id).collect()
}

#[test]
fn only_done_items_are_archived_and_never_twice() {
    let board = generate::board(60, 3);
    let done = done_ids(&board);
    let open = board.items().iter().find(|it| !done.contains(&it.id)).expect("an open item").id;
    let empty = Board::new("");
    assert!(matches!(archive(&board, &empty, &[open], "x"), Err(ArchiveError::NotDone { .. })));
    assert_eq!(
        archive(&board, &empty, &[], "none matched"),
        Err(ArchiveError::Nothing("none matched".into()))
    );
    let items = done.iter().filter_map(|id| board.item(*id)).cloned().collect();
    let filed = filed(&board, empty, items);
    let mut live = board.clone();
    live.apply(archive(&board, &filed, &done, "x").expect("archive").edit).expect("apply");
    assert_eq!(archive(&live, &filed, &done[..1], "x"), Err(ArchiveError::AlreadyArchived(done[0])));
    assert_eq!(unarchive(&board, &filed, &done[..1]), Err(ArchiveError::NotArchived(done[0])));
    assert_eq!(unarchive(&live, &filed, &[999_999]), Err(ArchiveError::NoSuchItem(999_999)));
}

#[test]
fn an_archive_keeps_the_columns_its_items_need_and_unarchive_falls_back_to_the_first() {
    let mut board = generate::board(40, 5);
    board.delivery.columns.push(Column::new("shipped", "Shipped", true));
    let id = board.items().iter().find(|it| it.track == crate::model::Track::Delivery).expect("item").id;
    board.item_mut(id).expect("item").column = "shipped".into();
    let item = board.item(id).expect("item").clone();
    let mut filed = filed(&board, Board::new(""), vec![item]);
    // The board drops the column afterwards; the archive still loads.
    board.apply(crate::domain::change::Edit::Remove(id)).expect("remove");
    board.delivery.columns.retain(|c| c.id != "shipped");
    let again = super::filed(&board, filed.clone(), Vec::new());
    assert!(again.column(crate::model::Track::Delivery, "shipped").is_some());
    filed.normalize().expect("the archive is a valid board");
    let op = unarchive(&board, &again, &[id]).expect("unarchive");
    board.apply(op.edit).expect("apply");
    assert_eq!(board.item(id).expect("back").column, board.delivery.columns[0].id);
}

#[test]
fn policy_and_dates_pick_done_items_only() {
    let board = generate::board(300, 7);
    let done = done_ids(&board);
    let far = chrono::NaiveDate::from_ymd_opt(2999, 1, 1).expect("day");
    assert_eq!(done_before(&board, far), done);
    let early = chrono::NaiveDate::from_ymd_opt(1999, 1, 1).expect("day");
    assert!(done_before(&board, early).is_empty());
    assert!(closed_sprints(&board, 0).iter().all(|id| done.contains(id)));
    assert!(policy_due(&board).is_empty(), "off by default");
}

#[test]
fn an_item_in_both_files_stays_on_the_board_once() {
    let board = generate::board(30, 9);
    let done = done_ids(&board);
    let items: Vec<_> = done.iter().filter_map(|id| board.item(*id)).cloned().collect();
    let mut archived = filed(&board, Board::new(""), items);
    assert_eq!(reconcile(&board, &mut archived), Ok(done.clone()));
    assert!(archived.items().is_empty());
    let mut other = filed(&board, Board::new(""), vec![board.items()[0].clone()]);
    other.items[0].created -= chrono::Duration::days(1);
    assert_eq!(reconcile(&board, &mut other), Err(ArchiveError::Duplicate(board.items()[0].id)));
}

#[test]
fn a_batch_of_removes_in_one_pass_is_the_same_as_one_by_one() {
    use crate::domain::change::Edit;
    let board = generate::board(200, 11);
    let ids: Vec<ItemId> = board.items().iter().map(|it| it.id).filter(|id| id % 3 == 0).rev().collect();
    let mut fast = board.clone();
    let inverse = fast.apply(Edit::Batch(ids.iter().map(|id| Edit::Remove(*id)).collect())).expect("batch");
    let mut slow = board.clone();
    let mut inverses: Vec<Edit> = ids.iter().map(|id| slow.apply(Edit::Remove(*id)).expect("one")).collect();
    inverses.reverse();
    assert_eq!((&fast, &inverse), (&slow, &Edit::Batch(inverses)));
    fast.apply(inverse).expect("undo");
    assert_eq!(fast, board);
    let twice = Edit::Batch(vec![Edit::Remove(ids[0]), Edit::Remove(ids[0])]);
    let mut same = board.clone();
    assert!(same.apply(twice).is_err());
    assert_eq!(same, board, "all or nothing");
}

#[test]
fn what_the_close_form_announces_is_what_the_policy_archives_once_closed() {
    use crate::domain::rhythm::closing::{self, Next};
    use crate::model::Rollover;
    let mut board = generate::board(300, 7);
    generate::sprints(&mut board, 4, 7);
    let open = board.current_sprint().expect("an open sprint").name.clone();
    // Some done items belong to the open sprint and to every closed one.
    let done: Vec<ItemId> = done_ids(&board);
    let names: Vec<String> = board.sprints.iter().map(|s| s.name.clone()).collect();
    for (at, id) in done.iter().enumerate() {
        board.item_mut(*id).expect("item").sprint = Some(names[at % names.len()].clone());
    }
    for n in [0, 1, 2, 4, 9] {
        let mut policy = board.clone();
        policy.archive_after = Some(n);
        let announced = policy_due_at_close(&policy, &open);
        let now = generate::epoch();
        let op = closing::close(&policy, Rollover::Next, Next::default(), now).expect("close");
        policy.apply(op.edit).expect("apply");
        assert_eq!(announced, policy_due(&policy), "archive-after {n}");
        assert_eq!(announced.is_empty(), n >= 5, "archive-after {n}: {announced:?}");
    }
    assert!(policy_due_at_close(&board, &open).is_empty(), "no policy, nothing announced");
}
