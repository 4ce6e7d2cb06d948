//! A run: one kind of change made to several items as one step (a visual selection on the
//! board). Each item's change is built on a scratch board as the ones before it left it, as
//! `ops::add_many` does, so ranks stay right; the first refusal refuses the whole run.

use super::{Edit, Op, OpError};
use crate::model::{Board, ItemId, Timestamp};
use crate::words::id_list;

/// `op` made to each of `ids` in turn, as one batch (one undo step). A refusal for any item is
/// the run's refusal (the ops' refusals name their item); changes that change nothing are left
/// out. `what` is what happened to the items changed, for the summary ("labelled stage two").
pub fn each<E: From<OpError>>(
    board: &Board,
    ids: &[ItemId],
    now: Timestamp,
    what: &str,
    op: impl Fn(&Board, ItemId, Timestamp) -> Result<Op, E>,
) -> Result<Op, E> {
    let mut scratch = board.clone();
    let mut edits = Vec::with_capacity(ids.len());
    let mut changed = Vec::with_capacity(ids.len());
    for &id in ids {
        let edit = op(&scratch, id, now)?.edit;
        if edit.is_noop() {
            continue;
        }
        scratch.apply(edit.clone()).map_err(|_| OpError::NoSuchItem(id))?;
        edits.push(edit);
        changed.push(id);
    }
    let summary = match changed.as_slice() {
        [] => format!("nothing to change: {} already so", id_list(ids)),
        [one] => format!("#{one} {what}"),
        _ => format!("{} items {what} in one step: {}", changed.len(), id_list(&changed)),
    };
    Ok(Op { edit: Edit::Batch(edits), summary })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::change::{NewItem, ops};
    use crate::model::Stage;

    fn board(n: usize) -> Board {
        let mut board = Board::new("t");
        let news = (0..n).map(|i| NewItem { title: format!("item {i}"), ..NewItem::default() }).collect();
        board
            .apply(ops::add_many(&board, news, chrono::DateTime::UNIX_EPOCH).expect("add").edit)
            .expect("apply");
        board
    }

    #[test]
    fn a_run_is_one_batch_built_item_by_item_and_its_inverse_restores_the_board() {
        let mut board = board(4);
        let before = board.clone();
        let now = chrono::DateTime::UNIX_EPOCH;
        let op = each(&board, &[1, 2, 3], now, "moved to In progress", |b, id, now| {
            ops::step_column(b, id, 1, now)
        })
        .expect("run");
        assert_eq!(op.summary, "3 items moved to In progress in one step: #1, #2, #3");
        let inverse = board.apply(op.edit).expect("apply");
        let doing: Vec<ItemId> =
            board.items().iter().filter(|it| it.column == "doing").map(|it| it.id).collect();
        assert_eq!(doing, [1, 2, 3]);
        let lane = crate::model::Lanes::build(&board);
        let key =
            crate::model::LaneKey { track: crate::model::Track::Delivery, column: 1, stage: Stage::One };
        assert_eq!(lane.lane(key), [1, 2, 3], "each lands below the one before: ranks stay in order");
        board.apply(inverse).expect("undo");
        assert_eq!(board, before);
    }

    #[test]
    fn one_refusal_refuses_the_run_and_unchanged_items_are_left_out() {
        let board = board(3);
        let now = chrono::DateTime::UNIX_EPOCH;
        let err = each(&board, &[1, 2], now, "moved", |b, id, now| ops::step_column(b, id, -1, now))
            .expect_err("refused");
        assert_eq!(err.to_string(), "#1 is already in the first column of its track");
        let op = each(&board, &[1, 2], now, "labelled stage one", |b, id, now| {
            ops::set_stage(b, id, Stage::One, now)
        })
        .expect("run");
        assert!(op.edit.is_noop());
        assert_eq!(op.summary, "nothing to change: #1, #2 already so");
    }
}
