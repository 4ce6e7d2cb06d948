//! How long an item has sat in its column: from the `in_column_since` stamp that every move to
//! another column sets, or from its creation when it never moved.

use crate::model::{Board, Item, Timestamp};

/// Whole days since the item entered its column, as of `now` (never negative).
pub fn days_in_column(item: &Item, now: Timestamp) -> i64 {
    (now - item.entered_column()).num_days().max(0)
}

/// "3d in Review": the age with the column's name.
pub fn label(board: &Board, item: &Item, now: Timestamp) -> String {
    let column = board.column(item.track, &item.column).map_or(item.column.as_str(), |c| c.name.as_str());
    format!("{}d in {column}", days_in_column(item, now))
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;
    use crate::domain::change::{NewItem, ops};

    #[test]
    fn a_move_to_another_column_restarts_the_age_and_a_reorder_does_not() {
        let mut board = Board::new("t");
        let t0 = chrono::DateTime::from_timestamp(1_800_000_000, 0).expect("time");
        let add = ops::add(&board, NewItem { title: "a".into(), ..NewItem::default() }, t0).expect("add");
        board.apply(add.edit).expect("apply");
        let item = |b: &Board| b.item(1).expect("item").clone();
        assert_eq!(item(&board).in_column_since, None, "a new item is dated by its creation");
        assert_eq!(label(&board, &item(&board), t0 + Duration::days(3)), "3d in Ready");
        let t1 = t0 + Duration::days(4);
        let moved = ops::move_to_column(&board, 1, "doing", t1).expect("move");
        board.apply(moved.edit).expect("apply");
        assert_eq!(item(&board).in_column_since, Some(t1));
        assert_eq!(label(&board, &item(&board), t1 + Duration::hours(47)), "1d in In progress");
        let staged = ops::set_stage(&board, 1, crate::model::Stage::Two, t1 + Duration::days(1)).expect("op");
        board.apply(staged.edit).expect("apply");
        assert_eq!(item(&board).in_column_since, Some(t1), "changing lane is not leaving the column");
        assert_eq!(days_in_column(&item(&board), t0), 0, "a clock behind the stamp reads as 0 days");
    }
}
