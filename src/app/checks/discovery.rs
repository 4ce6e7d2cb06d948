//! Dual-track entry criteria: an item this change took into the discovery track without saying
//! why is asked about (a question, not a block: the change is made either way).

use super::{After, Check, Notice};
use crate::app::board::view::BoardView;
use crate::app::screens::Overlay;
use crate::app::screens::criteria::CriteriaPrompt;
use crate::domain::dual_track::criteria;
use crate::model::{Board, ItemId, Track};

pub struct DiscoveryEntry;

fn in_discovery(board: &Board, id: Option<ItemId>) -> bool {
    id.and_then(|id| board.item(id)).is_some_and(|it| it.track == Track::Discovery)
}

impl Check for DiscoveryEntry {
    fn before(&self, board: &Board, _: &BoardView, subject: Option<ItemId>) -> After {
        let was = in_discovery(board, subject);
        Box::new(move |board| {
            // This change (not another writer's, merged in while saving) took the item there.
            if was || !in_discovery(board, subject) {
                return Vec::new();
            }
            let ask = move |saved: &Board| {
                let item = subject.and_then(|id| saved.item(id))?;
                let prompt = CriteriaPrompt::new(saved, item, true);
                criteria::unanswered(saved, item).then(|| Overlay::Criteria(Box::new(prompt)))
            };
            vec![Notice::Ask(Box::new(ask))]
        })
    }
}
