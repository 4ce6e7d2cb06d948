//! What a screen hands back after a key: the App carries it out (`app/effects.rs`). A screen
//! changes only its own state; everything else (the board, the selection, the stack of screens,
//! the status line) changes through an effect.

use crate::app::board::view::BoardView;
use crate::app::input::action::Action;
use crate::app::input::keymap::{Keymap, Mode};
use crate::app::screens::Overlay;
use crate::app::status::Status;
use crate::domain::change::Op;
use crate::domain::query::search::Query;
use crate::model::{Board, ItemId, Timestamp};
use crate::store::presence::Peer;

/// What to do after a screen carried out an action.
#[derive(Debug)]
pub enum Effect {
    /// Nothing more: the screen changed its own state, or there was nothing to do.
    Done,
    /// The screen does not carry this action out.
    Unhandled,
    /// Close the screen on top.
    Close,
    /// Close every screen of these modes.
    CloseAll(&'static [Mode]),
    /// Open a screen on top.
    Open(Overlay),
    /// Put a screen in place of the one on top (the capacity view's pages).
    Replace(Overlay),
    /// Say something on the status line.
    Say(Status),
    /// Change the board (a refusal is said as a warning).
    Change(Result<Op, String>),
    Undo,
    Redo,
    /// Select an item on the board, clearing a filter or zoom that hides it.
    GoTo(ItemId),
    /// Filter the board.
    Filter(Query),
    /// Clear the board's filter, saying so if there was one.
    ClearFilter,
    /// Save the form on top.
    Submit,
    /// Hand presenting over to this session.
    HandOver(String),
    /// Read the standup on top again (its settings changed).
    RefreshStandup,
    /// Work out the retrospective on top again (the board changed under it).
    RefreshRetro,
    /// Open the charts on top (from the retrospective: its page of charts).
    OpenCharts,
    /// Hand the terminal to the user's editor on the form's focused field (`forms/external.rs`).
    OpenEditor,
    /// Take an item back onto the board from a list of items off it: restore it from the
    /// journal, or unarchive it (`app/board/off_board.rs`).
    TakeBack(crate::app::screens::off_board::Shelf, ItemId),
    /// Carry out an action as if its key had been pressed (the command palette's Enter).
    Run(Action),
    /// Several effects, in order.
    Many(Vec<Effect>),
}

impl Effect {
    /// A change built by a domain op, its refusal in words.
    pub fn change<E: std::fmt::Display>(result: Result<Op, E>) -> Effect {
        Effect::Change(result.map_err(|e| e.to_string()))
    }

    /// Close the screen on top, then `then`.
    pub fn close_then(then: Effect) -> Effect {
        Effect::Many(vec![Effect::Close, then])
    }
}

/// What a screen may read while it handles a key: the board and its view, the keys, the time,
/// the others on the board, and whether this session may change anything.
pub struct Cx<'a> {
    pub board: &'a Board,
    pub view: &'a BoardView,
    pub keymap: &'a Keymap,
    pub now: Timestamp,
    pub peers: &'a [Peer],
    /// Why this session cannot change the board, if it cannot.
    pub read_only: Option<&'a str>,
}

impl Cx<'_> {
    /// The keys bound to `action` in `mode`, for messages ("" when unbound).
    pub fn keys(&self, mode: Mode, action: Action) -> String {
        self.keymap.short_keys(mode, &[action]).unwrap_or_default()
    }

    /// In a read-only session: the warning that `what` (e.g. "nothing was changed").
    pub fn refused(&self, what: &str) -> Option<Effect> {
        self.read_only.map(|reason| Effect::Say(Status::read_only(what, reason)))
    }
}
