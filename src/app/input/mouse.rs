//! The mouse: a click selects a card or a lane, a double click opens the card's details, the
//! wheel scrolls what is under it (a lane's cards, or the overlay on top: help lines, register
//! rows, form fields). The mouse never changes the board: every change still takes a key.

use std::time::{Duration, Instant};

use crate::app::App;
use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;
use crate::model::Stage;

/// What lies under the pointer, as the screen drew it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Card { column: usize, stage: Stage, index: usize },
    Lane { column: usize, stage: Stage },
}

/// What the mouse did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gesture {
    Click,
    WheelDown,
    WheelUp,
}

/// Two clicks on the same card within this time are a double click.
const DOUBLE_CLICK: Duration = Duration::from_millis(500);

impl App {
    /// A mouse gesture at `target` (`None`: nothing the board drew, or an overlay is on top).
    /// Returns whether anything changed on screen.
    pub fn handle_mouse(&mut self, target: Option<Target>, gesture: Gesture, at: Instant) -> bool {
        let mode = self.mode();
        match gesture {
            Gesture::WheelDown | Gesture::WheelUp if mode != Mode::Board => {
                let down = gesture == Gesture::WheelDown;
                let wanted = if down {
                    [Action::ScrollDown, Action::SelectDown, Action::NextField]
                } else {
                    [Action::ScrollUp, Action::SelectUp, Action::PrevField]
                };
                mode.first_of(&wanted).is_some_and(|action| {
                    self.dispatch(action);
                    true
                })
            }
            _ if mode != Mode::Board => false,
            Gesture::WheelDown | Gesture::WheelUp => {
                let Some(Target::Card { column, stage, .. } | Target::Lane { column, stage }) = target else {
                    return false;
                };
                if (self.selection.column, self.selection.stage) != (column, stage) {
                    self.selection.column = column;
                    self.selection.stage = stage;
                    self.selection.clamp(&self.view, self.shown_columns());
                }
                let len = self.view.lane(column, stage).len();
                self.selection.index = match gesture {
                    Gesture::WheelDown => (self.selection.index + 1).min(len.saturating_sub(1)),
                    _ => self.selection.index.saturating_sub(1),
                };
                true
            }
            Gesture::Click => self.click(target, at),
        }
    }

    fn click(&mut self, target: Option<Target>, at: Instant) -> bool {
        let last = self.recent.last_click.replace((target, at));
        match target {
            Some(Target::Card { column, stage, index }) => {
                self.selection.column = column;
                self.selection.stage = stage;
                self.selection.index = index;
                let double =
                    last.is_some_and(|(t, when)| t == target && at.duration_since(when) < DOUBLE_CLICK);
                if double {
                    self.recent.last_click = None;
                    self.dispatch(Action::Edit);
                }
                true
            }
            Some(Target::Lane { column, stage }) => {
                self.selection.column = column;
                self.selection.stage = stage;
                self.selection.clamp(&self.view, self.shown_columns());
                true
            }
            None => false,
        }
    }
}
