use super::*;
use crate::domain::change::{NewItem, ops};
use crate::domain::team::activity::{Stamp, item_entry};

fn at(minutes: i64) -> Timestamp {
    chrono::DateTime::UNIX_EPOCH + chrono::Duration::minutes(minutes)
}

/// The journal entries of the step from `before` to `after`, as a save writes them.
fn journal(before: &Board, after: &Board, minutes: i64) -> Vec<Entry> {
    let stamp = Stamp { author: "ana".into(), session: "s1".into(), time: at(minutes) };
    let mut ids: Vec<ItemId> = before.items().iter().chain(after.items()).map(|i| i.id).collect();
    ids.sort_unstable();
    ids.dedup();
    ids.iter().filter_map(|id| item_entry(after, before.item(*id), after.item(*id), &stamp)).collect()
}

fn step(board: &mut Board, entries: &mut Vec<Entry>, op: Op, minutes: i64) {
    let before = board.clone();
    board.apply(op.edit).expect("apply");
    entries.extend(journal(&before, board, minutes));
}

/// Two items, the second linked to the first, then the first deleted.
fn deleted_with_a_link() -> (Board, Vec<Entry>) {
    let mut board = Board::new("t");
    let mut entries = Vec::new();
    for (title, column) in [("Keep me", "review"), ("Links to it", "ready")] {
        let new = NewItem {
            title: title.into(),
            column: Some(column.into()),
            estimate: Some(3),
            ..NewItem::default()
        };
        let op = ops::add(&board, new, at(0)).expect("add");
        step(&mut board, &mut entries, op, 0);
    }
    let (first, second) = (board.items()[0].id, board.items()[1].id);
    let change = ItemChange { links: Some(vec![first]), ..ItemChange::default() };
    let op = ops::update(&board, second, change, at(1)).expect("link");
    step(&mut board, &mut entries, op, 1);
    let op = ops::remove(&board, first).expect("delete");
    step(&mut board, &mut entries, op, 2);
    (board, entries)
}

#[test]
fn a_restore_brings_back_fields_place_and_links_as_one_step() {
    let (mut board, entries) = deleted_with_a_link();
    let original_rank = entries[0].change("rank").map(|(_, to)| to.clone());
    assert_eq!(trash(&board, &entries).iter().map(|d| d.id).collect::<Vec<_>>(), [1]);
    let op = restore(&board, &entries, 1, at(5)).expect("restore");
    assert_eq!(op.summary, "restored #1 \"Keep me\"");
    board.apply(op.edit).expect("apply");
    let item = board.item(1).expect("back");
    assert_eq!(
        (item.column.as_str(), item.estimate, item.created, item.updated),
        ("review", Some(3), at(0), at(5))
    );
    assert_eq!(Some(Value::from(item.rank)), original_rank, "the same rank in its lane");
    assert_eq!(board.item(2).expect("other").links, [1], "the link the delete took is back");
    assert!(trash(&board, &entries).is_empty(), "a restored item is not in the trash");
}

#[test]
fn a_restore_that_cannot_happen_says_why_and_changes_nothing() {
    let (board, entries) = deleted_with_a_link();
    assert!(matches!(restore(&board, &entries, 9, at(5)), Err(RestoreError::NeverDeleted(9))));
    assert!(matches!(restore(&board, &entries, 2, at(5)), Err(RestoreError::NeverDeleted(2))));
    // The id came back (restored already): not twice.
    let mut again = board.clone();
    again.apply(restore(&board, &entries, 1, at(5)).expect("restore").edit).expect("apply");
    assert!(matches!(restore(&again, &entries, 1, at(6)), Err(RestoreError::OnBoard(1))));
    // The column was removed since.
    let mut narrower = board.clone();
    narrower.delivery.columns.retain(|c| c.id != "review");
    let err = restore(&narrower, &entries, 1, at(5)).expect_err("no column");
    assert_eq!(
        err.to_string(),
        "#1 lay in column \"review\" of the delivery track, which the board no longer has"
    );
}
