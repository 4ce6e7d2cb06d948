//! Carrying out an action: the mode's table says whether it means something here; the board's
//! own keys are `board/keys.rs`, a screen on top carries out its keys itself and hands back an
//! effect (`effects.rs`).

use crossterm::event::KeyEvent;

use super::App;
use super::input::action::Action;
use super::input::keymap::Mode;
use super::screens::{Cx, Effect};
use super::status::Status;

/// Whether an action was carried out. `Unhandled` is a bug (the [`Mode::accepts`] table says the
/// mode carries the action out): it is reported on the status line, never swallowed silently.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Done,
    /// The mode does not carry this action out (a user's keymap cannot bind it; see help).
    NotHere,
    Unhandled,
}

impl App {
    /// Carries out `action` in the current mode, if the mode's table accepts it. In a read-only
    /// session an action that would change the board is refused with a message (it counts as
    /// done: the user was answered).
    pub fn dispatch(&mut self, action: Action) -> Outcome {
        let mode = self.mode();
        if !mode.accepts(action) {
            self.status =
                Some(Status::info(format!("{} does nothing in {} mode", action.name(), mode.name())));
            return Outcome::NotHere;
        }
        if action.changes_board() && mode != Mode::Form && !self.may_change("nothing was changed") {
            return Outcome::Done;
        }
        if mode == Mode::Board && self.stale_move(action) {
            return Outcome::Done;
        }
        let done = match self.top_and_cx() {
            (None, _) => self.board_action(action),
            (Some(top), cx) => {
                let effect = top.update(action, &cx);
                let done = !matches!(effect, Effect::Unhandled);
                self.apply(effect);
                done
            }
        };
        if done {
            return Outcome::Done;
        }
        self.status = Some(Status::error(format!(
            "internal error: {} is listed for {} mode but not carried out there",
            action.name(),
            mode.name()
        )));
        Outcome::Unhandled
    }

    /// The screen on top (if any), and what it may read while it handles a key.
    fn top_and_cx(&mut self) -> (Option<&mut super::screens::Overlay>, Cx<'_>) {
        let App { overlays, board, view, keymap, now, presence, session, .. } = self;
        let cx = Cx {
            board,
            view,
            keymap,
            now: *now,
            peers: presence.peers(),
            read_only: session.read_only_reason(),
        };
        (overlays.last_mut(), cx)
    }

    /// Keys no binding claims: text for the screen on top, if it takes text.
    pub(super) fn text_input(&mut self, key: KeyEvent) {
        if let Some(top) = self.overlays.last_mut() {
            let effect = top.input(key);
            self.apply(effect);
        } else if self.mode() == Mode::Visual {
            // Refused, never carried out on one card of the run (board/visual.rs).
            let end = self.keymap.short_keys(Mode::Visual, &[Action::Close]).unwrap_or_default();
            let key = super::input::keymap::KeyBinding::from_event(key);
            let text = format!("{key} does nothing in a visual selection; {end} ends it first");
            self.status = Some(Status::info(text));
        }
    }
}
