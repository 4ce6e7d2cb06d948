//! Phased delivery: a change that raises one of an initiative's warnings (a phase boundary
//! passed without a decision, work added to a later phase first ...) says so at once.

use super::{After, Check, Notice};
use crate::app::board::view::BoardView;
use crate::domain::phases::progress::{self, Snapshot};
use crate::model::{Board, ItemId};

pub struct InitiativeNews;

impl Check for InitiativeNews {
    fn before(&self, _: &Board, view: &BoardView, _: Option<ItemId>) -> After {
        // The warnings before the change, as the view has them (nothing to keep without initiatives).
        let all = &view.initiatives;
        let before: Option<Snapshot> =
            (!all.is_empty()).then(|| all.iter().map(|(id, p)| (id.clone(), p.warnings.clone())).collect());
        Box::new(move |board| match before {
            Some(before) => progress::news(&before, board).into_iter().map(Notice::Warning).collect(),
            None => Vec::new(),
        })
    }
}
