//! Which views on top of the board a follower opens too: one row per overlay in each direction
//! (what the presenter has open → what it is called in the presence file → what the follower
//! opens). Views not listed here (help, forms, questions, search) stay the presenter's own.

use super::form::Purpose;
use super::overlay::Overlay;
use crate::store::presence::SharedView;

/// What a session shows others it has open: the topmost overlay that followers can open too.
pub fn on_top(overlays: &[Overlay]) -> Option<SharedView> {
    overlays.iter().rev().find_map(|overlay| match overlay {
        Overlay::Capacity => Some(SharedView::Capacity),
        Overlay::Debt { selected } => Some(SharedView::Debt { row: *selected }),
        // Editing an item or reading its details: the follower reads the same details.
        Overlay::Details => Some(SharedView::Details),
        Overlay::Form(form) if matches!(form.purpose, Purpose::EditItem(_)) => Some(SharedView::Details),
        _ => None,
    })
}

/// The overlay a follower opens for what its presenter has open.
pub fn for_follower(view: SharedView) -> Overlay {
    match view {
        SharedView::Capacity => Overlay::Capacity,
        SharedView::Debt { row } => Overlay::Debt { selected: row },
        SharedView::Details => Overlay::Details,
    }
}

/// Whether an overlay was opened by following (and is replaced when the presenter's changes).
pub fn is_followed(overlay: &Overlay) -> bool {
    matches!(overlay, Overlay::Capacity | Overlay::Debt { .. } | Overlay::Details)
}
