//! A question before a change: the change waits for a yes (moving an item whose definition of
//! done is not fully ticked into a done column, accepting it).

use super::Effect;
use crate::app::input::action::Action;
use crate::app::status::Status;
use crate::domain::change::Op;

/// A change that waits for the user's yes, and what to ask.
#[derive(Debug)]
pub struct Question {
    pub title: String,
    pub lines: Vec<String>,
    /// What yes does, in a few words ("move it").
    pub yes: &'static str,
    pub op: Op,
}

impl Question {
    pub fn update(&mut self, action: Action) -> Effect {
        match action {
            Action::Confirm => Effect::close_then(Effect::Change(Ok(self.op.clone()))),
            Action::Close => Effect::close_then(Effect::Say(Status::info("nothing changed"))),
            _ => Effect::Unhandled,
        }
    }
}
