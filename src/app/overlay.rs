//! What can lie on top of the board and take the keys: help, the item form, the search prompt.

use ratatui_textarea::TextArea;

use super::form::ItemForm;
use super::keymap::Mode;

#[derive(Debug)]
pub enum Overlay {
    /// Every binding of `mode`, scrolled by `scroll` lines.
    Help { mode: Mode, scroll: u16 },
    /// Adding or editing an item.
    Form(Box<ItemForm>),
    /// The search prompt; the board is filtered as it is typed.
    Search(Box<TextArea<'static>>),
}

impl Overlay {
    /// The keymap mode that applies while this overlay is on top.
    pub fn mode(&self) -> Mode {
        match self {
            Overlay::Help { .. } => Mode::Help,
            Overlay::Form(_) => Mode::Form,
            Overlay::Search(_) => Mode::Search,
        }
    }
}
