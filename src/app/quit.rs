//! Leaving: quitting by the key (a last save, or a recovery copy if saving fails) and being
//! stopped by a signal (the open form is kept as a draft too).

use super::App;
use super::status::Status;
use crate::session::SaveState;

impl App {
    /// Quits at once (the process was asked to stop): a last save, or a recovery copy.
    pub fn stop(&mut self) {
        self.keep_draft();
        self.leaving.armed = true;
        self.quit();
        self.leaving.requested = true;
    }

    pub(super) fn quit(&mut self) {
        if let SaveState::Unsaved(_) = self.session.state()
            && let Err(reason) = self.session.save(&mut self.board, self.now)
        {
            let file = self.session.path().display().to_string();
            match self.session.rescue(&self.board, self.now) {
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
}
