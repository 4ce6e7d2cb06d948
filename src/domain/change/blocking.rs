//! Blocked items: marking an item blocked with a reason (and the time), and unblocking it.

use super::edit::{Edit, ItemChange};
use super::ops::{Op, OpError};
use crate::model::{Board, ItemId, Timestamp};

/// Marks the item blocked, saying why; an item already blocked gets the new reason and keeps
/// the time it was first blocked.
pub fn block(board: &Board, id: ItemId, reason: &str, now: Timestamp) -> Result<Op, OpError> {
    let item = board.item(id).ok_or(OpError::NoSuchItem(id))?;
    let reason = reason.split_whitespace().collect::<Vec<_>>().join(" ");
    if reason.is_empty() {
        return Err(OpError::NoBlockReason(id));
    }
    let change = ItemChange {
        blocked: Some(Some(reason.clone())),
        blocked_since: item.blocked_since.is_none().then_some(Some(now)),
        ..ItemChange::default()
    };
    Ok(Op {
        edit: Edit::Change { id, change: Box::new(change), at: now },
        summary: format!("#{id} blocked: {reason}"),
    })
}

/// Clears the item's blocked mark.
pub fn unblock(board: &Board, id: ItemId, now: Timestamp) -> Result<Op, OpError> {
    let item = board.item(id).ok_or(OpError::NoSuchItem(id))?;
    let Some(reason) = &item.blocked else {
        return Ok(Op { edit: Edit::Batch(Vec::new()), summary: format!("#{id} is not blocked") });
    };
    let change = ItemChange { blocked: Some(None), blocked_since: Some(None), ..ItemChange::default() };
    Ok(Op {
        edit: Edit::Change { id, change: Box::new(change), at: now },
        summary: format!("#{id} unblocked (it was blocked: {reason})"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::change::{NewItem, ops};

    #[test]
    fn block_needs_a_reason_keeps_its_first_time_and_unblock_undoes() {
        let t0 = chrono::DateTime::from_timestamp(1_800_000_000, 0).expect("time");
        let t1 = t0 + chrono::Duration::hours(5);
        let mut board = Board::new("t");
        board
            .apply(
                ops::add(&board, NewItem { title: "a".into(), ..NewItem::default() }, t0).expect("add").edit,
            )
            .expect("apply");
        assert_eq!(block(&board, 1, "  ", t0), Err(OpError::NoBlockReason(1)));
        assert_eq!(block(&board, 9, "x", t0), Err(OpError::NoSuchItem(9)));
        let before = board.clone();
        let op = block(&board, 1, " waiting  for legal ", t0).expect("block");
        assert_eq!(op.summary, "#1 blocked: waiting for legal");
        board.apply(op.edit).expect("apply");
        board.apply(block(&board, 1, "still legal", t1).expect("again").edit).expect("apply");
        let item = board.item(1).expect("item");
        assert_eq!((item.blocked.as_deref(), item.blocked_since), (Some("still legal"), Some(t0)));
        let op = unblock(&board, 1, t1).expect("unblock");
        assert_eq!(op.summary, "#1 unblocked (it was blocked: still legal)");
        board.apply(op.edit).expect("apply");
        assert_eq!(
            (board.item(1).expect("item").blocked.clone(), board.item(1).expect("item").blocked_since),
            (None, None)
        );
        assert!(unblock(&board, 1, t1).expect("noop").edit.is_noop());
        let mut again = before.clone();
        let inverse = again.apply(block(&before, 1, "x", t0).expect("op").edit).expect("apply");
        again.apply(inverse).expect("undo");
        assert_eq!(again, before);
    }
}
