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
        let subject = op.edit.subject();
        let place =
            |board: &Board| subject.and_then(|id| board.item(id)).map(|it| (it.track, it.column.clone()));
        let before = place(&self.board);
        match self.board.apply(op.edit) {
            Ok(inverse) => {
                self.history.record(op.summary.clone(), inverse);
                let mut status = Status::info(op.summary);
                if let Some((track, column)) = place(&self.board).filter(|now| Some(now) != before.as_ref()) {
                    let warnings = wip::warnings(&self.board, track, &column);
                    if !warnings.is_empty() {
                        status = Status::warning(format!("{}; {}", status.text, warnings.join("; ")));
                    }
                }
                self.after_change(subject, status);
            }
            Err(err) => self.status = Some(Status::error(err.to_string())),
        }
    }

    pub(super) fn undo(&mut self) {
        let Some(step) = self.history.take_undo() else {
            self.status = Some(Status::info("nothing to undo"));
            return;
        };
        let subject = step.edit.subject();
        match self.board.apply(step.edit.clone()) {
            Ok(redo) => {
                let message = format!("undid: {}", step.summary);
                self.history.push_redo(step.summary, redo);
                self.after_change(subject, Status::info(message));
            }
            Err(err) => {
                self.status = Some(Status::error(format!("cannot undo {}: {err}", step.summary)));
                self.history.restore_undo(step);
            }
        }
    }

    pub(super) fn redo(&mut self) {
        let Some(step) = self.history.take_redo() else {
            self.status = Some(Status::info("nothing to redo"));
            return;
        };
        let subject = step.edit.subject();
        match self.board.apply(step.edit.clone()) {
            Ok(undo) => {
                let message = format!("redid: {}", step.summary);
                self.history.push_undo(step.summary, undo);
                self.after_change(subject, Status::info(message));
            }
            Err(err) => {
                self.status = Some(Status::error(format!("cannot redo {}: {err}", step.summary)));
                self.history.restore_redo(step);
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
        if let Err(reason) = self.saver.save(&self.board) {
            self.status = Some(Status::error(format!(
                "not saved: {reason}; the change is kept here and saving is retried on the next change"
            )));
        }
    }
}
