//! The checks that run after a change on the board screen: a feature registers its check here (in
//! [`ALL`]); `commit` calls every check before it applies a change and hears what each notices
//! after, without knowing what they look at.

mod discovery;
mod initiatives;
mod wip;

use crate::app::board::view::BoardView;
use crate::app::screens::Overlay;
use crate::model::{Board, ItemId};

/// Something a check noticed about a change.
pub enum Notice {
    /// Said after the change's summary.
    Warning(String),
    /// A screen to open once the change is saved, if it still applies to the board as saved
    /// (another writer's change, merged in while saving, may have made it moot).
    Ask(Question),
}

/// What a check asks once the change is saved: the screen to open, if any.
pub type Question = Box<dyn FnOnce(&Board) -> Option<Overlay>>;

/// What a check keeps of the board before a change, to look again after it.
pub type After = Box<dyn FnOnce(&Board) -> Vec<Notice>>;

/// A feature's look at every change the user makes on the board screen.
pub trait Check {
    /// Called just before a change about `subject` (its first item) is applied; keeps what it
    /// needs of the board as it was (cheaply: `view` holds what the screen computed already).
    fn before(&self, board: &Board, view: &BoardView, subject: Option<ItemId>) -> After;
}

/// Every check, in the order their warnings are said: WIP limits, then phased-delivery warnings,
/// then the question why an item that entered discovery is discovery work.
pub const ALL: &[&dyn Check] = &[&wip::Wip, &initiatives::InitiativeNews, &discovery::DiscoveryEntry];
