//! Properties of the board model: every edit is undone exactly by its inverse, failed edits
//! change nothing, and the ops keep lanes in order.

use crate::common::arb;
use proptest::prelude::*;
use twotrack::domain::capacity::Capacity;
use twotrack::domain::change::ops;
use twotrack::model::lanes::{LaneKey, Lanes, lane_items};
use twotrack::model::{Board, Stage, Track};

/// The board with its id counter set aside: ids are never reused, so undoing an add does not
/// give its id back.
fn without_counter(board: &Board) -> Board {
    let mut b = board.clone();
    b.next_id = 0;
    b
}

proptest! {
    #[test]
    fn inverse_restores_the_board((board, edit) in arb::board_and_edit()) {
        let mut changed = board.clone();
        match changed.apply(edit) {
            Ok(inverse) => {
                changed.apply(inverse).expect("the inverse applies");
                prop_assert_eq!(without_counter(&changed), without_counter(&board));
                prop_assert!(changed.next_id >= board.next_id);
            }
            Err(_) => prop_assert_eq!(&changed, &board),
        }
    }

    #[test]
    fn ops_keep_every_item_and_move_only_the_target(board in arb::board(12), pick in 0usize..12, op in 0u8..6) {
        let Some(item) = board.items().get(pick % board.items().len().max(1)).cloned() else {
            return Ok(());
        };
        let now = item.updated;
        let result = match op {
            0 => ops::step_column(&board, item.id, 1, now),
            1 => ops::step_column(&board, item.id, -1, now),
            2 => ops::set_stage(&board, item.id, item.stage.other(), now),
            3 => ops::to_other_track(&board, item.id, now),
            4 => ops::shift_in_lane(&board, item.id, 1, now),
            _ => ops::shift_in_lane(&board, item.id, -1, now),
        };
        let Ok(op) = result else { return Ok(()) };
        let mut after = board.clone();
        after.apply(op.edit).expect("an op's edit applies");
        prop_assert_eq!(after.items().len(), board.items().len());
        for (b, a) in board.items().iter().zip(after.items()) {
            prop_assert_eq!(b.id, a.id);
            prop_assert_eq!(&b.title, &a.title);
            if b.id != item.id {
                // Others may be renumbered, never moved to another lane.
                prop_assert_eq!((&b.track, &b.column, b.stage), (&a.track, &a.column, a.stage));
            }
        }
    }

    #[test]
    fn shifting_in_a_lane_swaps_with_the_neighbour(board in arb::board(16), pick in 0usize..16, down in any::<bool>()) {
        let Some(item) = board.items().get(pick % board.items().len().max(1)).cloned() else {
            return Ok(());
        };
        let key = twotrack::model::lanes::lane_of(&board, &item).expect("valid column");
        let before: Vec<u64> = lane_items(&board, key).iter().map(|it| it.id).collect();
        let Ok(op) = ops::shift_in_lane(&board, item.id, if down { 1 } else { -1 }, item.updated) else {
            return Ok(());
        };
        let mut after = board.clone();
        after.apply(op.edit).expect("applies");
        let mut expected = before.clone();
        let at = before.iter().position(|id| *id == item.id).expect("in lane");
        let other = if down { at + 1 } else { at - 1 };
        expected.swap(at, other);
        let got: Vec<u64> = lane_items(&after, key).iter().map(|it| it.id).collect();
        prop_assert_eq!(got, expected);
    }

    #[test]
    fn both_sides_of_each_split_add_up(board in arb::board(20)) {
        let c = Capacity::of(&board);
        for split in [c.points, c.items] {
            prop_assert_eq!(split.discovery.saturating_add(split.delivery), split.total);
            prop_assert_eq!(split.stage_one.saturating_add(split.stage_two), split.total);
        }
        if c.items.total > 0 {
            prop_assert!((0.0..=100.0).contains(&c.discovery_share));
            prop_assert!((0.0..=100.0).contains(&c.stage_two_share));
        }
    }

    #[test]
    fn lanes_hold_every_item_once_in_board_order(board in arb::board(20)) {
        let lanes = Lanes::build(&board);
        let mut ids: Vec<u64> = lanes.board_order().collect();
        prop_assert_eq!(ids.len(), board.items().len());
        ids.sort_unstable();
        let all: Vec<u64> = board.items().iter().map(|it| it.id).collect();
        prop_assert_eq!(ids, all);
        for track in Track::ALL {
            for column in 0..board.track(track).columns.len() {
                for stage in Stage::ALL {
                    let key = LaneKey { track, column, stage };
                    let direct: Vec<u64> = lane_items(&board, key).iter().map(|it| it.id).collect();
                    prop_assert_eq!(lanes.lane(key), direct.as_slice());
                }
            }
        }
    }
}
