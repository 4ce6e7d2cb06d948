//! Saving off the key path: a change asks for a save (`Front::changed`), the terminal loop hands
//! the job to the writer after it drew the frame ([`App::pump_saves`]) and gives back what the
//! writer reports ([`App::saving_report`]). A job done may bring the file's board (someone
//! else saved): it is taken as it is, or, when the user changed the board meanwhile, merged
//! with those changes (theirs win where both changed a field, as in every save).

use crate::app::App;
use crate::app::status::Status;
use crate::domain::team::merge::{self, Side, report};
use crate::model::Board;
use crate::session::Merged;
use crate::session::queue::Kind;
use crate::session::worker::{Done, Report};

impl App {
    /// The board changed: it is saved next (at once when the writer works in place).
    pub(crate) fn save(&mut self) {
        self.session.changed();
        if !self.session.in_thread() {
            self.pump_saves();
        }
    }

    /// The board file may have changed on disk: read it with the next job (at once when the
    /// writer works in place). Returns whether anything on screen changed already.
    pub fn file_changed(&mut self) -> bool {
        self.session.file_changed();
        !self.session.in_thread() && self.pump_saves()
    }

    /// Hands the writer its next job if it is free and something waits; in place, takes what
    /// it did. Returns whether anything on screen changed.
    pub fn pump_saves(&mut self) -> bool {
        let mut shown = false;
        while let Some(done) = self.session.pump(&self.board, self.now) {
            shown |= self.finished(done);
        }
        shown
    }

    /// Saves on a thread of their own from now on; what it does comes through `tell`, to be
    /// handed to [`App::saving_report`] in the loop.
    pub fn save_in_background(
        &mut self,
        tell: impl Fn(Report) + Send + Sync + 'static,
    ) -> std::io::Result<()> {
        self.session.in_background(tell)
    }

    /// Makes every save wait `delay` before it starts (the test hook; before
    /// [`App::save_in_background`]).
    pub fn delay_saves(&mut self, delay: std::time::Duration) {
        self.session.delay_saves(delay);
    }

    /// What the writer thread reports: a wait for the lock, or a job done.
    pub fn saving_report(&mut self, report: Report) {
        match report {
            Report::Waiting(holder) => self.session.waiting(&holder),
            Report::Done(done) => _ = self.finished(done),
        }
    }

    /// A job done: take the file's board if it came, say what happened. Returns whether
    /// anything on screen changed.
    fn finished(&mut self, done: Box<Done>) -> bool {
        let mut done = *done;
        self.session.finished(&mut done);
        let selected = self.selection.item(&self.view);
        let place = |board: &Board| selected.and_then(|id| board.item(id)).map(|it| it.place());
        let before = place(&self.board);
        let file = done.board.take();
        let shown = match done.result {
            Ok(None) => false,
            Ok(Some(mut merged)) => {
                if let Some(file) = file {
                    self.adopt(file, &mut merged);
                }
                // What this session just did stays in the message unless it was not applied.
                let own = match done.kind {
                    Kind::Save => self.status.take().filter(|_| merged.conflicts.is_empty()),
                    Kind::CatchUp => None,
                };
                self.merged(merged, selected);
                match (own, &mut self.status) {
                    (Some(own), Some(status)) if !status.text.is_empty() => {
                        status.text = format!("{}; {}", own.text, status.text);
                    }
                    (Some(own), _) => self.status = Some(own),
                    (None, _) => {}
                }
                true
            }
            Err(reason) => {
                if let Some(file) = file {
                    let mut merged = Merged::default();
                    self.adopt(file, &mut merged);
                    self.merged(merged, selected);
                }
                self.status = Some(Status::error(match done.kind {
                    Kind::Save => format!(
                        "not saved: {reason}; the change is kept here and saving is retried on the next change"
                    ),
                    Kind::CatchUp => reason,
                }));
                true
            }
        };
        let moved = place(&self.board).is_some_and(|now| {
            before.is_some_and(|was| {
                was.column != now.column || was.track != now.track || was.stage != now.stage
            })
        });
        if let Some(id) = selected.filter(|_| moved) {
            self.recent.moved_under = Some((id, std::time::Instant::now()));
        }
        if shown {
            self.refollow();
        }
        self.file_deferred();
        self.leave_if_saved();
        shown
    }

    /// Takes `file`, the board the file has now, with the changes the user made since the last
    /// save was handed over merged in (measured from the board the screen had then; the file
    /// wins where both changed a field, and ours not applied are said and journaled).
    fn adopt(&mut self, file: Board, merged: &mut Merged) {
        let unsent = self.session.unsent();
        if unsent.is_empty() {
            self.board = file;
            self.session.took_writers_board();
            return;
        }
        let before = unsent.restore(&self.board);
        match merge::merge3(&before, &self.board, &file, Side::Theirs) {
            Ok(result) => {
                let renumbered = result.renumbered_on(Side::Ours);
                for conflict in &result.conflicts {
                    let top = conflict.field.split(['.', '[']).next().unwrap_or_default();
                    let who = self.session.who_changed(conflict.item, top).unwrap_or("someone else").to_owned();
                    merged.conflicts.push((conflict.clone(), who));
                }
                self.session.note_conflicts(&result.conflicts);
                let lines = result.stranded.iter().map(|s| report::stranded_line(&result.board, s, report::SCREEN_SIDES));
                merged.stranded.extend(lines);
                self.session.note_stranded(result.stranded);
                self.session.rebase(&file, &renumbered);
                // The ids this session's items have in the file include those of the save.
                merged.renumbered = renumbered;
                self.board = result.board;
            }
            Err(err) => self.session.stop_saving(format!(
                "your latest changes cannot be merged with the board saved meanwhile ({err}); they go to a recovery copy when you quit"
            )),
        }
    }
}
