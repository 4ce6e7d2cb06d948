//! Items added on both sides under one id: the losing side's item gets a fresh id, and every
//! reference to it on that side follows, before the items are merged.

use std::collections::HashMap;

use crate::domain::board::Board;
use crate::domain::item::{Item, ItemId};

/// The losing side's items with new ids where theirs collided.
pub(super) struct Renumbered {
    /// The loser's items, renumbered and sorted by id; `None` when no id had to change.
    pub items: Option<Vec<Item>>,
    /// `(old id, new id)` pairs, by old id.
    pub pairs: Vec<(ItemId, ItemId)>,
    /// The id after every id used on either side.
    pub next_id: ItemId,
}

/// Gives every item `lost` added whose id the winner also used (for another item) a new id
/// above every id of both sides, rewriting the loser's references to it.
pub(super) fn renumber(base: &Board, won: &Board, lost: &Board) -> Renumbered {
    let top = |board: &Board| board.items().last().map_or(0, |it| it.id + 1).max(board.next_id);
    let mut next = top(won).max(top(lost));
    let collides = |item: &Item| {
        base.item(item.id).is_none()
            && match won.item(item.id) {
                Some(theirs) => theirs != item,
                // The winner took this id for an item it deleted again: ids are never reused.
                None => item.id >= base.next_id && item.id < won.next_id,
            }
    };
    let mut pairs = Vec::new();
    for item in lost.items().iter().filter(|it| collides(it)) {
        pairs.push((item.id, next));
        next += 1;
    }
    if pairs.is_empty() {
        return Renumbered { items: None, pairs, next_id: next };
    }
    let map: HashMap<ItemId, ItemId> = pairs.iter().copied().collect();
    let follow = |id: &mut ItemId| {
        if let Some(new) = map.get(id) {
            *id = *new;
        }
    };
    let mut items = lost.items().to_vec();
    for item in &mut items {
        follow(&mut item.id);
        item.references_mut().for_each(follow);
    }
    items.sort_by_key(|it| it.id);
    Renumbered { items: Some(items), pairs, next_id: next }
}
