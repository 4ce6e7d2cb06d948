//! Help: every binding of the mode it was opened from, scrolled line by line.

use super::Effect;
use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;

#[derive(Debug)]
pub struct Help {
    /// The mode whose bindings are shown.
    pub mode: Mode,
    /// Lines scrolled past.
    pub scroll: u16,
}

impl Help {
    pub fn new(mode: Mode) -> Help {
        Help { mode, scroll: 0 }
    }

    pub fn update(&mut self, action: Action) -> Effect {
        match action {
            Action::ScrollDown => self.scroll = self.scroll.saturating_add(1),
            Action::ScrollUp => self.scroll = self.scroll.saturating_sub(1),
            _ => return Effect::Unhandled,
        }
        Effect::Done
    }
}
