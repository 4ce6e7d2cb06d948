//! Where an item goes in a lane: the rank that puts it at a position, renumbering a lane only when
//! no gap is left, and the stamps a move sets (`finished`, `in_column_since`).

use super::edit::{Edit, ItemChange};
use crate::model::lanes::{LaneKey, lane_items};
use crate::model::{Board, Item, ItemId, Place, Stage, Timestamp, Track};

/// Gap between the ranks of neighbouring items, so most moves touch one item only.
pub const RANK_STEP: i64 = 1000;

/// The edit that puts `item` at position `index` of the lane `key` (counted without the item),
/// renumbering the lane only when there is no gap left between its neighbours.
pub fn place_at_index(board: &Board, item: &Item, key: LaneKey, index: usize, now: Timestamp) -> Edit {
    let column = board.track(key.track).columns[key.column].id.clone();
    let others: Vec<&Item> = lane_items(board, key).into_iter().filter(|it| it.id != item.id).collect();
    let index = index.min(others.len());
    let before = index.checked_sub(1).map(|i| others[i].rank);
    let after = others.get(index).map(|it| it.rank);
    let gap_rank = match (before, after) {
        (None, None) => Some(RANK_STEP),
        (Some(b), None) => b.checked_add(RANK_STEP),
        (None, Some(a)) => a.checked_sub(RANK_STEP),
        (Some(b), Some(a)) => a.checked_sub(b).filter(|gap| *gap >= 2).map(|gap| b + gap / 2),
    };
    let place = |rank| Place { track: key.track, column: column.clone(), stage: key.stage, rank };
    if let Some(rank) = gap_rank {
        return moved(board, item, place(rank), now);
    }
    // No room: renumber the whole lane with fresh gaps, the item included.
    let mut order: Vec<&Item> = others;
    order.insert(index, item);
    let mut edits = renumber(board, &order, &place, &|id| id == item.id, now);
    // The moved item first, so that the batch's subject is the item the user moved.
    edits.swap(0, index);
    Edit::Batch(edits)
}

/// The edits that put `items` at the top of lane `key`, in the given order, above what is there.
pub fn place_at_top(board: &Board, items: &[&Item], key: LaneKey, now: Timestamp) -> Vec<Edit> {
    let column = board.track(key.track).columns[key.column].id.clone();
    let place = |rank| Place { track: key.track, column: column.clone(), stage: key.stage, rank };
    let moving = |id: ItemId| items.iter().any(|it| it.id == id);
    let others: Vec<&Item> = lane_items(board, key).into_iter().filter(|it| !moving(it.id)).collect();
    let top = others.first().map_or(RANK_STEP * (items.len() as i64 + 1), |it| it.rank);
    let ranks: Option<Vec<i64>> =
        (0..items.len()).map(|i| top.checked_sub(RANK_STEP.checked_mul((items.len() - i) as i64)?)).collect();
    match ranks {
        Some(ranks) => items.iter().zip(ranks).map(|(it, rank)| moved(board, it, place(rank), now)).collect(),
        None => {
            let order: Vec<&Item> = items.iter().copied().chain(others).collect();
            renumber(board, &order, &place, &moving, now)
        }
    }
}

/// Fresh ranks for a whole lane in `order`; only the `touched` items are stamped as updated now.
fn renumber(
    board: &Board,
    order: &[&Item],
    place: &dyn Fn(i64) -> Place,
    touched: &dyn Fn(ItemId) -> bool,
    now: Timestamp,
) -> Vec<Edit> {
    order
        .iter()
        .zip(1..)
        .map(|(it, n)| {
            let at = if touched(it.id) { now } else { it.updated };
            moved(board, it, place(n * RANK_STEP), at)
        })
        .collect()
}

/// Moves `item` to the bottom of a lane.
pub fn place_at_end(
    board: &Board,
    item: &Item,
    track: Track,
    column: &str,
    stage: Stage,
    now: Timestamp,
) -> Edit {
    let rank = append_rank(board, track, column, stage, item.id);
    moved(board, item, Place { track, column: column.to_owned(), stage, rank }, now)
}

/// The change that puts `item` at `place`, stamping `finished` when it enters a done column and
/// clearing it when it leaves one, and `in_column_since` when it enters another column (the age
/// in its column that cards and standups show). A forced done's reason (`forced`) goes when the
/// item moves to a column that is not done: it is no longer done despite its definition.
pub fn moved(board: &Board, item: &Item, place: Place, at: Timestamp) -> Edit {
    let was_done = board.is_done_column(item.track, &item.column);
    let is_done = board.is_done_column(place.track, &place.column);
    let finished = match (was_done, is_done) {
        (false, true) => Some(Some(at)),
        (true, false) => Some(None),
        _ => None,
    };
    let other_column = place.track != item.track || place.column != item.column;
    let in_column_since = other_column.then_some(Some(at));
    let forced = (other_column && !is_done && item.forced.is_some()).then_some(None);
    let change =
        ItemChange { place: Some(place), finished, in_column_since, forced, ..ItemChange::default() };
    Edit::Change { id: item.id, change: Box::new(change), at }
}

/// A rank below every other item of the lane (ignoring `id` itself).
pub fn append_rank(board: &Board, track: Track, column: &str, stage: Stage, id: ItemId) -> i64 {
    board
        .items()
        .iter()
        .filter(|it| it.track == track && it.stage == stage && it.column == column && it.id != id)
        .map(|it| it.rank)
        .max()
        .map_or(RANK_STEP, |max| max.saturating_add(RANK_STEP))
}
