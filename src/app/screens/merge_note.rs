//! The note a git merge of the board left for its screen (README "A board in git"): shown once
//! at start, a line per conflict or renumbered item; `Enter` goes to the item.

use crate::app::App;
use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;
use crate::app::screens::{MergeNote, Overlay};
use crate::app::status::Status;
use crate::domain::team::activity::Entry;

impl App {
    /// Opens the note of a merge (nothing when `entries` is empty).
    pub fn show_merge_note(&mut self, entries: Vec<Entry>) {
        if !entries.is_empty() {
            self.overlays.push(Overlay::MergeNote(Box::new(MergeNote { entries, selected: 0 })));
        }
    }

    pub(crate) fn merge_note_action(&mut self, action: Action) -> bool {
        let Some(Overlay::MergeNote(note)) = self.overlays.last_mut() else { return false };
        match action {
            Action::SelectDown => {
                note.selected = (note.selected + 1).min(note.entries.len().saturating_sub(1))
            }
            Action::SelectUp => note.selected = note.selected.saturating_sub(1),
            Action::GoTo => {
                let item = note.entries.get(note.selected).and_then(|e| e.item);
                match item {
                    Some(id) if self.board.item(id).is_some() => {
                        self.overlays.pop();
                        self.go_to(id);
                    }
                    Some(id) => self.status = Some(Status::info(format!("#{id} is not on the board"))),
                    None => self.status = Some(Status::info("that line is about the board's settings")),
                }
            }
            Action::Help => self.overlays.push(Overlay::Help { mode: Mode::MergeNote, scroll: 0 }),
            Action::Close => _ = self.overlays.pop(),
            _ => return false,
        }
        true
    }
}
