//! What can lie on top of the board and take the keys: help, forms, the search prompt, the
//! capacity view.

use ratatui_textarea::TextArea;

use super::form::Form;
use super::keymap::Mode;

#[derive(Debug)]
pub enum Overlay {
    /// Every binding of `mode`, scrolled by `scroll` lines.
    Help { mode: Mode, scroll: u16 },
    /// A form: adding or editing an item, or the settings.
    Form(Box<Form>),
    /// The capacity split against its targets.
    Capacity,
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
            Overlay::Capacity => Mode::Capacity,
        }
    }
}
