//! Leaving: quitting by the key (after the last save, or with a recovery copy if saving fails)
//! and being stopped by a signal (the open form is kept as a draft too). A save in flight is
//! waited for, saying so after a moment; a save that cannot take the lock in time leaves the
//! board in a recovery copy, and the user is told where.

use std::time::{Duration, Instant};

use super::App;
use super::status::Status;
use crate::session::SaveState;

/// How long a quit waits before it says that it waits.
const MOMENT: Duration = Duration::from_millis(300);

/// How long a quit waits for the last save (for a held lock, say) before it writes the board to a
/// recovery copy instead.
pub const QUIT_PATIENCE: Duration = Duration::from_secs(5);

impl App {
    /// Quits at once (the process was asked to stop): a last save, or a recovery copy.
    pub fn stop(&mut self) {
        self.keep_draft();
        self.leaving.armed = true;
        self.quit();
    }

    pub(super) fn quit(&mut self) {
        if self.leaving.since.is_some() {
            // Quit again while the last save waits: leave now, the board in a recovery copy.
            self.give_up_saving();
            return;
        }
        self.leaving.since = Some(Instant::now());
        // A save that failed is tried once more.
        self.session.retry();
        self.pump_saves();
        self.leave_if_saved();
    }

    /// Leaves once quitting waits for nothing any more.
    pub(super) fn leave_if_saved(&mut self) {
        if self.leaving.since.is_none() || !self.session.settled() {
            return;
        }
        self.leaving.since = None;
        if let SaveState::Unsaved(reason) = self.session.state().clone() {
            let file = self.session.path().display().to_string();
            match crate::session::rescue(self.session.path(), &self.board, self.now) {
                Ok(path) => {
                    self.leaving.note = Some(format!(
                        "could not save {file} ({reason}); the board with all your changes was written to {}",
                        path.display()
                    ));
                }
                Err(err) if !self.leaving.armed => {
                    self.leaving.armed = true;
                    self.status = Some(Status::error(format!(
                        "cannot save ({reason}) nor write a recovery copy ({err:#}); quit again to leave anyway"
                    )));
                    return;
                }
                Err(_) => {}
            }
        }
        self.leaving.requested = true;
    }

    /// When the terminal loop should call [`App::tick`]: while quitting waits for a save.
    pub fn next_timer(&self) -> Option<Instant> {
        let since = self.leaving.since?;
        Some(if self.leaving.told { since + QUIT_PATIENCE } else { since + MOMENT })
    }

    /// Time passed while quitting waits for the last save: say so, and after [`QUIT_PATIENCE`]
    /// leave with the board in a recovery copy.
    pub fn tick(&mut self) {
        let Some(since) = self.leaving.since else { return };
        if since.elapsed() >= QUIT_PATIENCE {
            self.give_up_saving();
            return;
        }
        if since.elapsed() >= MOMENT {
            self.leaving.told = true;
            let seconds = QUIT_PATIENCE.as_secs();
            self.status = Some(match self.session.state() {
                SaveState::Waiting(holder) => Status::warning(format!(
                    "saving before quitting: waiting for the lock ({holder}); after {seconds} s your changes go to a recovery copy"
                )),
                _ => Status::info("saving before quitting…"),
            });
        }
    }

    /// The last save did not come in time: the board goes to a recovery copy and the program
    /// ends (a save that lands after all only writes what the copy has too).
    fn give_up_saving(&mut self) {
        let why = match self.session.state() {
            SaveState::Waiting(holder) => format!("the board's lock is still {holder}"),
            _ => "the last save did not finish".to_owned(),
        };
        self.session.stop_saving(why);
        self.leaving.armed = true;
        self.leave_if_saved();
        // A save still in flight keeps `settled` false: leave all the same, with the copy.
        if !self.leaving.requested {
            self.leaving.since = None;
            self.rescue_and_leave();
        }
    }

    fn rescue_and_leave(&mut self) {
        let file = self.session.path().display().to_string();
        let reason = match self.session.state() {
            SaveState::Unsaved(reason) => reason.clone(),
            _ => "the last save did not finish".to_owned(),
        };
        self.leaving.note = Some(match crate::session::rescue(self.session.path(), &self.board, self.now) {
            Ok(path) => format!(
                "{file} may not have your last changes ({reason}); the board with all of them was written to {}",
                path.display()
            ),
            Err(err) => format!(
                "{file} may not have your last changes ({reason}) and no recovery copy could be written: {err:#}"
            ),
        });
        self.leaving.requested = true;
    }
}
