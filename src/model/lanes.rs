//! Board order: columns left to right, within a column the stage-one lane then the stage-two
//! lane, within a lane by rank (then id).

use super::board::Board;
use super::item::{Item, ItemId};
use super::labels::{Stage, Track};

/// Identifies one lane: a track, the index of a column in it, and a stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LaneKey {
    pub track: Track,
    pub column: usize,
    pub stage: Stage,
}

/// The items of every lane in order, computed once from a board.
#[derive(Clone, Debug, Default)]
pub struct Lanes {
    /// Lanes in board order (see [`Lanes::slot`]).
    lanes: Vec<Vec<ItemId>>,
    discovery_columns: usize,
}

impl Lanes {
    pub fn build(board: &Board) -> Lanes {
        Lanes::build_where(board, |_| true)
    }

    /// Like [`Lanes::build`], keeping only the items that pass `keep` (a search filter).
    pub fn build_where(board: &Board, keep: impl Fn(&Item) -> bool) -> Lanes {
        let discovery_columns = board.discovery.columns.len();
        let slots = 2 * (discovery_columns + board.delivery.columns.len());
        let mut lanes = Lanes { lanes: vec![Vec::new(); slots], discovery_columns };
        let mut keyed: Vec<(usize, i64, ItemId)> = board
            .items()
            .iter()
            .filter(|item| keep(item))
            .filter_map(|item| {
                let key = lane_of(board, item)?;
                Some((lanes.slot(key), item.rank, item.id))
            })
            .collect();
        keyed.sort_unstable();
        for (slot, _, id) in keyed {
            lanes.lanes[slot].push(id);
        }
        lanes
    }

    fn slot(&self, key: LaneKey) -> usize {
        let offset = match key.track {
            Track::Discovery => 0,
            Track::Delivery => self.discovery_columns,
        };
        2 * (offset + key.column) + usize::from(key.stage == Stage::Two)
    }

    /// The ids in one lane, top to bottom; empty for a lane that does not exist.
    pub fn lane(&self, key: LaneKey) -> &[ItemId] {
        self.lanes.get(self.slot(key)).map_or(&[], Vec::as_slice)
    }

    /// Every item id in board order.
    pub fn board_order(&self) -> impl Iterator<Item = ItemId> + '_ {
        self.lanes.iter().flatten().copied()
    }
}

/// The lane an item sits in, or `None` if its column does not exist.
pub fn lane_of(board: &Board, item: &Item) -> Option<LaneKey> {
    let column = board.track(item.track).columns.iter().position(|c| c.id == item.column)?;
    Some(LaneKey { track: item.track, column, stage: item.stage })
}

/// The items of one lane in order, computed directly (for one-off questions).
pub fn lane_items(board: &Board, key: LaneKey) -> Vec<&Item> {
    let Some(column) = board.track(key.track).columns.get(key.column) else {
        return Vec::new();
    };
    let mut items: Vec<&Item> = board
        .items()
        .iter()
        .filter(|it| it.track == key.track && it.stage == key.stage && it.column == column.id)
        .collect();
    items.sort_by_key(|it| (it.rank, it.id));
    items
}
