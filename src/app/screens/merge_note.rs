//! The note a git merge of the board left for its screen (docs/guide/teams-and-git.md, "A board in git"): shown once
//! at start, a line per conflict or renumbered item; `Enter` goes to the item.

use super::{Cx, Effect};
use crate::app::input::action::Action;
use crate::app::status::Status;
use crate::domain::team::activity::Entry;

/// The note a merge left beside the board, with the selected line.
#[derive(Debug)]
pub struct MergeNote {
    pub entries: Vec<Entry>,
    pub selected: usize,
}

impl MergeNote {
    pub fn update(&mut self, action: Action, cx: &Cx) -> Effect {
        match action {
            Action::SelectDown => {
                self.selected = (self.selected + 1).min(self.entries.len().saturating_sub(1))
            }
            Action::SelectUp => self.selected = self.selected.saturating_sub(1),
            Action::GoTo => {
                return match self.entries.get(self.selected).and_then(|e| e.item) {
                    Some(id) if cx.board.item(id).is_some() => Effect::close_then(Effect::GoTo(id)),
                    Some(id) => Effect::Say(Status::info(format!("#{id} is not on the board"))),
                    None => Effect::Say(Status::info("that line is about the board's settings")),
                };
            }
            _ => return Effect::Unhandled,
        }
        Effect::Done
    }
}
