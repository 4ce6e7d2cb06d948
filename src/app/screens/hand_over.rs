//! Who presents next: the presenter picks a session on the board to hand presenting to.

use super::{Cx, Effect};
use crate::app::input::action::Action;

#[derive(Debug)]
pub struct HandOver {
    /// The session highlighted in the chooser.
    pub selected: String,
}

impl HandOver {
    pub fn update(&mut self, action: Action, cx: &Cx) -> Effect {
        let peers = cx.peers;
        let at = peers.iter().position(|p| p.session == self.selected).unwrap_or(0);
        let step = |to: Option<usize>| to.and_then(|i| peers.get(i)).map(|p| p.session.clone());
        match action {
            Action::SelectDown => {
                if let Some(next) = step(Some(at + 1)) {
                    self.selected = next;
                }
            }
            Action::SelectUp => {
                if let Some(previous) = step(at.checked_sub(1)) {
                    self.selected = previous;
                }
            }
            Action::Confirm => {
                return match step(Some(at)) {
                    Some(session) => Effect::close_then(Effect::HandOver(session)),
                    None => Effect::Close,
                };
            }
            _ => return Effect::Unhandled,
        }
        Effect::Done
    }
}
