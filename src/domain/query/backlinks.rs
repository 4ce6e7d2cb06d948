//! Links seen from the other end, for every item at once: the follow-ups of each item and the
//! items promoted from it, in board order, and the variants of each experiment. For output about
//! many items (one pass, not one per item).

use std::collections::HashMap;

use crate::model::lanes::Lanes;
use crate::model::{Board, ItemId};

#[derive(Debug, Default)]
pub struct Backlinks {
    follow_ups: HashMap<ItemId, Vec<ItemId>>,
    promoted_into: HashMap<ItemId, Vec<ItemId>>,
    variants: HashMap<ItemId, Vec<ItemId>>,
}

impl Backlinks {
    pub fn of(board: &Board) -> Backlinks {
        let mut links = Backlinks::default();
        for id in Lanes::build(board).board_order() {
            let Some(item) = board.item(id) else { continue };
            if let Some(parent) = item.follow_up_of {
                links.follow_ups.entry(parent).or_default().push(id);
            }
            if let Some(source) = item.promoted_from {
                links.promoted_into.entry(source).or_default().push(id);
            }
        }
        for item in board.items() {
            if let Some(experiment) = item.experiment {
                links.variants.entry(experiment).or_default().push(item.id);
            }
        }
        // By letter, as `variants::group` lists them.
        for ids in links.variants.values_mut() {
            ids.sort_by_key(|id| (board.item(*id).and_then(|it| it.variant.clone()), *id));
        }
        links
    }

    pub fn follow_ups(&self, id: ItemId) -> &[ItemId] {
        self.follow_ups.get(&id).map_or(&[], Vec::as_slice)
    }

    pub fn promoted_into(&self, id: ItemId) -> &[ItemId] {
        self.promoted_into.get(&id).map_or(&[], Vec::as_slice)
    }

    /// The variants of `experiment`, by letter.
    pub fn variants(&self, experiment: ItemId) -> &[ItemId] {
        self.variants.get(&experiment).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dual_track::variants;
    use crate::domain::{dual_track, two_stage};
    use crate::generate;

    #[test]
    fn agrees_with_the_one_item_questions() {
        let board = generate::board(400, 4);
        let links = Backlinks::of(&board);
        for item in board.items() {
            let follow: Vec<ItemId> = two_stage::follow_ups(&board, item.id).iter().map(|i| i.id).collect();
            let promoted: Vec<ItemId> =
                dual_track::promoted_into(&board, item.id).iter().map(|i| i.id).collect();
            assert_eq!(links.follow_ups(item.id), follow.as_slice());
            assert_eq!(links.promoted_into(item.id), promoted.as_slice());
            let variants: Vec<ItemId> = variants::group(&board, item.id).iter().map(|v| v.id).collect();
            assert_eq!(links.variants(item.id), variants.as_slice());
        }
    }
}
