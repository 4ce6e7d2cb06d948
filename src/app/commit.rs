//! Changing the board: apply an op's edit, record its inverse, follow its item, save; and undo
//! and redo through the same path.

use super::App;
use super::status::Status;
use super::view::BoardView;
use crate::domain::ops::{Op, OpError};
use crate::domain::{Board, ItemId, Timestamp, wip};

impl App {
    /// Runs an op on the selected item and commits it.
    pub(super) fn on_selected(&mut self, op: impl FnOnce(&Board, ItemId, Timestamp) -> Result<Op, OpError>) {
        match self.selection.item(&self.view) {
            Some(id) => {
                let result = op(&self.board, id, self.now);
                self.commit(result);
            }
            None => self.status = Some(Status::info("no item selected here")),
        }
    }

    /// Whether this session may change the board; if not, says so.
    fn may_change(&mut self, what: &str) -> bool {
        match self.saver.read_only_reason() {
            Some(reason) => {
                self.status = Some(Status::warning(format!("read-only session, {what}: {reason}")));
                false
            }
            None => true,
        }
    }

    /// Applies an op, records its inverse, follows its item and saves. Moving or adding into a
    /// column over its WIP limit is allowed, with a warning.
    pub(super) fn commit(&mut self, result: Result<Op, OpError>) {
        let op = match result {
            Ok(op) => op,
            Err(err) => {
                self.status = Some(Status::warning(err.to_string()));
                return;
            }
        };
        if op.edit.is_noop() {
            self.status = Some(Status::info(op.summary));
            return;
        }
        if !self.may_change("nothing was changed") {
            return;
        }
        let subject = op.edit.subject();
        let place =
            |board: &Board| subject.and_then(|id| board.item(id)).map(|it| (it.track, it.column.clone()));
        let before = place(&self.board);
        let watched = self.watch_initiatives();
        let forward = op.edit.clone();
        match self.board.apply(op.edit) {
            Ok(inverse) => {
                self.saver.record(&op.summary, &forward, &inverse);
                self.history.record(op.summary.clone(), inverse);
                let mut status = Status::info(op.summary);
                if let Some((track, column)) = place(&self.board).filter(|now| Some(now) != before.as_ref()) {
                    let warnings = wip::warnings(&self.board, track, &column);
                    if !warnings.is_empty() {
                        status = Status::warning(format!("{}; {}", status.text, warnings.join("; ")));
                    }
                }
                let news = self.initiative_news(watched);
                if !news.is_empty() {
                    status = Status::warning(format!("{}; {}", status.text, news.join("; ")));
                }
                self.after_change(subject, status);
            }
            Err(err) => self.status = Some(Status::error(err.to_string())),
        }
    }

    pub(super) fn undo(&mut self) {
        self.step_history(true);
    }

    pub(super) fn redo(&mut self) {
        self.step_history(false);
    }

    /// Undoes (or redoes) the last step: applies its stored edit and keeps the inverse on the
    /// other stack.
    fn step_history(&mut self, undo: bool) {
        let (verb, past) = if undo { ("undo", "undid") } else { ("redo", "redid") };
        if !self.may_change(&format!("nothing to {verb}")) {
            return;
        }
        let taken = if undo { self.history.take_undo() } else { self.history.take_redo() };
        let Some(step) = taken else {
            self.status = Some(Status::info(format!("nothing to {verb}")));
            return;
        };
        let subject = step.edit.subject();
        match self.board.apply(step.edit.clone()) {
            Ok(inverse) => {
                let message = format!("{past}: {}", step.summary);
                self.saver.record(&message, &step.edit, &inverse);
                if undo {
                    self.history.push_redo(step.summary, inverse);
                } else {
                    self.history.push_undo(step.summary, inverse);
                }
                self.after_change(subject, Status::info(message));
            }
            Err(err) => {
                self.status = Some(Status::error(format!("cannot {verb} {}: {err}", step.summary)));
                if undo { self.history.restore_undo(step) } else { self.history.restore_redo(step) }
            }
        }
    }

    /// After the board changed: recompute the view, keep the selection on `subject`, save.
    fn after_change(&mut self, subject: Option<ItemId>, status: Status) {
        self.view = BoardView::build(&self.board, self.view.query.clone(), self.now.date_naive());
        let followed = subject.is_some_and(|id| self.selection.select_item(&self.view, id));
        if !followed {
            self.selection.clamp(&self.view, 0..self.view.column_count());
        }
        self.status = Some(status);
        self.save();
    }
}
