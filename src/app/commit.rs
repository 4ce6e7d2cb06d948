//! Changing the board: apply an op's edit, record its inverse, hear what the features' checks
//! notice (`checks/`), keep the selection on the item, save; after a sprint's close, the archive
//! policy (`board/off_board.rs`).

use super::App;
use super::checks::{self, Notice};
use super::status::Status;
use crate::domain::change::Op;
use crate::model::{Board, ItemId, Timestamp};

impl App {
    /// Runs an op on the selected item and commits it.
    pub(super) fn on_selected<E: std::fmt::Display>(
        &mut self,
        op: impl FnOnce(&Board, ItemId, Timestamp) -> Result<Op, E>,
    ) {
        if let Some(id) = self.selected_or_say() {
            let result = op(&self.board, id, self.now);
            self.commit(result);
        }
    }

    /// Whether this session may change the board; if not, says so.
    pub(super) fn may_change(&mut self, what: &str) -> bool {
        match self.session.read_only_reason() {
            Some(reason) => {
                self.status = Some(Status::read_only(what, reason));
                false
            }
            None => true,
        }
    }

    /// Applies an op, records its inverse, says what the checks noticed, keeps its item
    /// selected and saves; then opens what a check asks (if it still applies once saved).
    pub(super) fn commit<E: std::fmt::Display>(&mut self, result: Result<Op, E>) {
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
        let after: Vec<_> = checks::ALL.iter().map(|c| c.before(&self.board, &self.view, subject)).collect();
        let forward = op.edit.clone();
        let closed = self.board.closed_sprints().count();
        self.session.note(&self.board, &op.edit, &op.summary);
        let inverse = match self.board.apply(op.edit) {
            Ok(inverse) => inverse,
            Err(err) => {
                self.status = Some(Status::error(err.to_string()));
                return;
            }
        };
        self.history.record(op.summary.clone(), forward, inverse);
        let (mut warnings, mut asks) = (Vec::new(), Vec::new());
        for notice in after.into_iter().flat_map(|look| look(&self.board)) {
            match notice {
                Notice::Warning(text) => warnings.push(text),
                Notice::Ask(ask) => asks.push(ask),
            }
        }
        let status = match warnings.is_empty() {
            true => Status::info(op.summary),
            false => Status::warning(format!("{}; {}", op.summary, warnings.join("; "))),
        };
        self.after_change(subject, status);
        for ask in asks {
            if let Some(overlay) = ask(&self.board) {
                self.overlays.push(overlay);
            }
        }
        // A sprint closed here (the form, or its question): the archive policy, as the command
        // line applies it after `sprint close`.
        if self.board.closed_sprints().count() > closed {
            self.archive_due();
        }
    }

    /// Commits an op that cannot have been refused (built here, or confirmed by the user).
    pub(super) fn commit_op(&mut self, op: Op) {
        self.commit(Ok::<Op, std::convert::Infallible>(op));
    }

    /// After the board changed: recompute the view, keep the selection on `subject`, save.
    pub(super) fn after_change(&mut self, subject: Option<ItemId>, status: Status) {
        self.refresh_view(self.view.query.clone(), subject);
        self.status = Some(status);
        self.save();
    }
}
