//! What lies on top of the board and takes the keys: help, forms, the search prompt, the
//! command palette, the capacity view and its discovery page, the debt register, questions, an item's details, the
//! initiatives, the hand-over chooser, the standup, the note of a git merge, and the lists of
//! items off the board (recently deleted, archived).
//!
//! Each screen owns its state and its keys: `update` carries out an action on it and hands back
//! an [`Effect`] for the App to carry out (close it, open another, change the board, say
//! something); `ui/` draws it. A new screen is a module here, a variant of [`Overlay`], its mode
//! (`input/keymap.rs`, `input/accepts.rs`) and its widget (`ui/`).

pub mod charts;
pub mod criteria;
pub mod debt;
mod effect;
mod form;
pub mod hand_over;
pub mod help;
pub mod initiatives;
pub mod merge_note;
pub mod off_board;
pub mod pages;
pub mod palette;
pub mod question;
pub mod retro;
pub mod search;
pub mod standup;

use crossterm::event::KeyEvent;

pub use self::effect::{Cx, Effect};
pub use self::merge_note::MergeNote;
pub use self::question::Question;
use crate::app::forms::form::Form;
use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;
use crate::app::screens::charts::Charts;
use crate::app::screens::criteria::CriteriaPrompt;
use crate::app::screens::debt::Debt;
use crate::app::screens::hand_over::HandOver;
use crate::app::screens::help::Help;
use crate::app::screens::initiatives::{InitiativeDetails, Initiatives};
use crate::app::screens::off_board::OffBoard;
use crate::app::screens::palette::Palette;
use crate::app::screens::retro::Retro;
use crate::app::screens::search::Search;
use crate::app::screens::standup::Standup;
use crate::app::status::Status;

#[derive(Debug)]
pub enum Overlay {
    /// Every binding of a mode.
    Help(Box<Help>),
    /// The command palette: an action found by name, run on the selection.
    Palette(Box<Palette>),
    /// A form: adding or editing an item, the settings, a workflow step.
    Form(Box<Form>),
    /// The capacity split against its targets.
    Capacity,
    /// The search prompt; the board is filtered as it is typed.
    Search(Box<Search>),
    /// The debt register.
    Debt(Debt),
    /// A question before a change: the change waits for a yes.
    Confirm(Box<Question>),
    /// The capacity view's discovery page: why work is discovery, and how it ended lately.
    Discovery,
    /// Why an item is discovery work: its entry criteria to tick.
    Criteria(Box<CriteriaPrompt>),
    /// The selected item's details, to read (what `e` opens in a read-only session, and a
    /// follower's view of what its presenter opened).
    Details,
    /// The initiatives.
    Initiatives(Initiatives),
    /// One initiative's details.
    InitiativeDetails(InitiativeDetails),
    /// Who presents next.
    HandOver(HandOver),
    /// The standup, computed when opened.
    Standup(Box<Standup>),
    /// The retrospective, computed when opened.
    Retro(Box<Retro>),
    /// What a git merge of the board could not merge, shown once at start.
    MergeNote(Box<MergeNote>),
    /// The charts, their figures worked out when opened.
    Charts(Box<Charts>),
    /// The recently deleted items, or the archive: a list to take an item back from.
    OffBoard(Box<OffBoard>),
}

impl Overlay {
    /// The keymap mode that applies while this overlay is on top.
    pub fn mode(&self) -> Mode {
        match self {
            Overlay::Help(help) => help.keys(),
            Overlay::Palette(_) => Mode::Palette,
            Overlay::Form(_) => Mode::Form,
            Overlay::Search(_) => Mode::Search,
            Overlay::Capacity => Mode::Capacity,
            Overlay::Debt(_) => Mode::Debt,
            Overlay::Confirm(_) => Mode::Confirm,
            Overlay::Discovery => Mode::Discovery,
            Overlay::Criteria(_) => Mode::Criteria,
            Overlay::Details => Mode::Details,
            Overlay::Initiatives(_) => Mode::Initiatives,
            Overlay::InitiativeDetails(_) => Mode::Initiative,
            Overlay::HandOver(_) => Mode::HandOver,
            Overlay::MergeNote(_) => Mode::MergeNote,
            Overlay::Standup(_) => Mode::Standup,
            Overlay::Retro(_) => Mode::Retro,
            Overlay::Charts(_) => Mode::Charts,
            Overlay::OffBoard(list) => list.keys(),
        }
    }

    /// Carries out `action` (one the mode's table lists) on this screen. What every screen does
    /// alike is here: `Help` opens help on its mode, `Close` closes it, `Undo`/`Redo` undo and
    /// redo on the board; a screen handles them itself where it does more.
    pub fn update(&mut self, action: Action, cx: &Cx) -> Effect {
        let mode = self.mode();
        let effect = match self {
            Overlay::Help(help) => help.update(action),
            Overlay::Palette(palette) => palette.update(action),
            Overlay::Form(form) => form::update(form, action),
            Overlay::Capacity => pages::capacity(action, cx),
            Overlay::Discovery => pages::discovery(action, cx),
            Overlay::Search(search) => search.update(action, cx),
            Overlay::Debt(debt) => debt.update(action, cx),
            Overlay::Confirm(question) => question.update(action),
            Overlay::Criteria(prompt) => prompt.update(action, cx),
            Overlay::Details => Effect::Unhandled,
            Overlay::Initiatives(list) => list.update(action, cx),
            Overlay::InitiativeDetails(details) => details.update(action, cx),
            Overlay::HandOver(chooser) => chooser.update(action, cx),
            Overlay::Standup(standup) => standup.update(action, cx),
            Overlay::Retro(retro) => retro.update(action, cx),
            Overlay::MergeNote(note) => note.update(action, cx),
            Overlay::Charts(charts) => charts.update(action, cx),
            Overlay::OffBoard(list) => list.update(action),
        };
        match (effect, action) {
            (Effect::Unhandled, Action::Help) if !matches!(mode, Mode::Help | Mode::HelpFilter) => {
                Effect::Open(Overlay::Help(Box::new(Help::new(mode))))
            }
            (Effect::Unhandled, Action::Close) => Effect::Close,
            (Effect::Unhandled, Action::Undo) => Effect::Undo,
            (Effect::Unhandled, Action::Redo) => Effect::Redo,
            (effect, _) => effect,
        }
    }

    /// A key no binding claims: text, for the screens that take text.
    pub fn input(&mut self, key: KeyEvent) -> Effect {
        match self {
            Overlay::Form(form) => form.input(key),
            Overlay::Criteria(prompt) => prompt.input(key),
            Overlay::Search(search) => return search.input(key),
            Overlay::Help(help) => help.input(key),
            Overlay::Palette(palette) => palette.input(key),
            Overlay::OffBoard(list) => list.input(key),
            _ => {}
        }
        Effect::Done
    }

    /// Pasted text, for the screens that take text (a paste is never keys).
    pub fn paste(&mut self, text: &str) -> Effect {
        match self {
            Overlay::Form(form) => form.paste(text),
            Overlay::Search(search) => return search.paste(text),
            _ => return Effect::Say(Status::info("nothing here takes text: the paste was ignored")),
        }
        Effect::Done
    }
}
