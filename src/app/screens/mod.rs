//! What can lie on top of the board and take the keys: help, forms, the search prompt, the
//! capacity view and its discovery page, the debt register, questions, an item's details, the
//! initiatives, the hand-over chooser, the standup, and the note of a git merge.

pub mod criteria;
pub mod evidence;
pub mod initiatives;
pub mod merge_note;
pub mod standup;

use ratatui_textarea::TextArea;

use crate::app::forms::form::Form;
use crate::app::input::keymap::Mode;
use crate::app::screens::criteria::CriteriaPrompt;
use crate::domain::change::Op;
use crate::domain::rhythm::doc::Doc;
use crate::domain::two_stage::debt::Sort;

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
    /// The debt register, with the selected row and its order.
    Debt { selected: usize, sort: Sort },
    /// A question before a change: the change waits for a yes.
    Confirm(Box<Question>),
    /// The capacity view's discovery page: why work is discovery, and how it ended lately.
    Discovery,
    /// Why an item is discovery work: its entry criteria to tick.
    Criteria(Box<CriteriaPrompt>),
    /// The selected item's details, to read (what `e` opens in a read-only session, and a
    /// follower's view of what its presenter opened).
    Details,
    /// The initiatives, with the selected one (in the view's order).
    Initiatives { selected: usize },
    /// One initiative's details, scrolled by `scroll` lines.
    InitiativeDetails { id: String, scroll: u16 },
    /// Who presents next: the session highlighted in the chooser.
    HandOver { selected: String },
    /// The standup, computed when opened, scrolled by `scroll` lines.
    Standup { doc: Box<Doc>, scroll: u16 },
    /// What a git merge of the board could not merge, shown once at start.
    MergeNote(Box<MergeNote>),
}

/// The note a merge left beside the board (README "A board in git"), with the selected line.
#[derive(Debug)]
pub struct MergeNote {
    pub entries: Vec<crate::domain::team::activity::Entry>,
    pub selected: usize,
}

/// A change that waits for the user's yes, and what to ask.
#[derive(Debug)]
pub struct Question {
    pub title: String,
    pub lines: Vec<String>,
    /// What yes does, in a few words ("move it").
    pub yes: &'static str,
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
            Overlay::Discovery => Mode::Discovery,
            Overlay::Criteria(_) => Mode::Criteria,
            Overlay::Details => Mode::Details,
            Overlay::Initiatives { .. } => Mode::Initiatives,
            Overlay::InitiativeDetails { .. } => Mode::Initiative,
            Overlay::HandOver { .. } => Mode::HandOver,
            Overlay::MergeNote(_) => Mode::MergeNote,
            Overlay::Standup { .. } => Mode::Standup,
        }
    }
}
