//! What can lie on top of the board and take the keys: help, forms, the search prompt, the
//! capacity view, the debt register, questions and the standup.

use ratatui_textarea::TextArea;

use super::form::Form;
use super::keymap::Mode;
use crate::domain::doc::Doc;
use crate::domain::ops::Op;

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
    /// The debt register, with the selected row.
    Debt { selected: usize },
    /// A question before a change: the change waits for a yes.
    Confirm(Box<Question>),
    /// The standup, computed when opened, scrolled by `scroll` lines.
    Standup { doc: Box<Doc>, scroll: u16 },
}

/// A change that waits for the user's yes, and what to ask.
#[derive(Debug)]
pub struct Question {
    pub title: String,
    pub lines: Vec<String>,
    pub op: Op,
}

impl Overlay {
    /// The keymap mode that applies while this overlay is on top.
    pub fn mode(&self) -> Mode {
        match self {
            Overlay::Help { .. } => Mode::Help,
            Overlay::Form(_) => Mode::Form,
            Overlay::Search(_) => Mode::Search,
            Overlay::Capacity => Mode::Capacity,
            Overlay::Debt { .. } => Mode::Debt,
            Overlay::Confirm(_) => Mode::Confirm,
            Overlay::Standup { .. } => Mode::Standup,
        }
    }
}
