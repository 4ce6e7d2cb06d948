//! Quick estimates: stepping an item's estimate along the usual planning scale.

use super::edit::ItemChange;
use super::ops;
use super::ops::{Op, OpError};
use crate::model::{Board, ItemId, Timestamp};

/// The steps `+` and `-` walk through (a modified Fibonacci scale, as planning poker uses).
pub const SCALE: [u32; 9] = [1, 2, 3, 5, 8, 13, 20, 40, 100];

/// The estimate one step up (`delta > 0`) or down from `current`: from none up is 1, from 1 down
/// is none, a value between steps goes to the nearest step that way, and 100 up stays 100.
pub fn next(current: Option<u32>, delta: i32) -> Option<u32> {
    match (current, delta > 0) {
        (None, true) => Some(SCALE[0]),
        (None, false) => None,
        (Some(now), true) => Some(SCALE.iter().copied().find(|s| *s > now).unwrap_or(now.max(SCALE[8]))),
        (Some(now), false) => SCALE.iter().copied().rev().find(|s| *s < now),
    }
}

/// Steps the item's estimate up or down the scale.
pub fn step(board: &Board, id: ItemId, delta: i32, now: Timestamp) -> Result<Op, OpError> {
    let item = board.item(id).ok_or(OpError::NoSuchItem(id))?;
    set(board, id, next(item.estimate, delta), now)
}

/// Sets (or clears) the item's estimate.
pub fn set(board: &Board, id: ItemId, estimate: Option<u32>, now: Timestamp) -> Result<Op, OpError> {
    let change = ItemChange { estimate: Some(estimate), ..ItemChange::default() };
    let mut op = ops::update(board, id, change, now)?;
    op.summary = match estimate {
        Some(points) => format!("#{id} estimated at {points} points"),
        None => format!("#{id} has no estimate now"),
    };
    Ok(op)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn steps_walk_the_scale() {
        assert_eq!(next(None, 1), Some(1));
        assert_eq!(next(Some(1), 1), Some(2));
        assert_eq!(next(Some(5), 1), Some(8));
        assert_eq!(next(Some(4), 1), Some(5));
        assert_eq!(next(Some(4), -1), Some(3));
        assert_eq!(next(Some(1), -1), None);
        assert_eq!(next(None, -1), None);
        assert_eq!(next(Some(100), 1), Some(100));
        assert_eq!(next(Some(250), 1), Some(250));
        assert_eq!(next(Some(250), -1), Some(100));
    }

    proptest! {
        #[test]
        fn up_then_down_returns_to_a_step(n in 0u32..500) {
            let up = next(Some(n), 1).expect("up always has a value");
            prop_assert!(up >= n);
            if let Some(down) = next(Some(up), -1) {
                prop_assert!(down < up);
                prop_assert!(SCALE.contains(&down));
            }
        }
    }
}
