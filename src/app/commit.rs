//! Changing the board: apply an op's edit, record its inverse, follow its item, save.

use super::App;
use super::status::Status;
use crate::app::board::view::BoardView;
use crate::domain::capacity::wip;
use crate::domain::change::Op;
use crate::model::{Board, ItemId, Timestamp, Track};

impl App {
    /// Runs an op on the selected item and commits it.
    pub(super) fn on_selected<E: std::fmt::Display>(
        &mut self,
        op: impl FnOnce(&Board, ItemId, Timestamp) -> Result<Op, E>,
    ) {
        match self.selection.item(&self.view) {
            Some(id) => {
                let result = op(&self.board, id, self.now);
                self.commit(result);
            }
            None => self.status = Some(Status::info("no item selected here")),
        }
    }

    /// Whether this session may change the board; if not, says so.
    pub(super) fn may_change(&mut self, what: &str) -> bool {
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
        let place =
            |board: &Board| subject.and_then(|id| board.item(id)).map(|it| (it.track, it.column.clone()));
        let before = place(&self.board);
        let watched = self.watch_initiatives();
        let forward = op.edit.clone();
        self.saver.note(&self.board, &op.edit);
        match self.board.apply(op.edit) {
            Ok(inverse) => {
                self.history.record(op.summary.clone(), forward, inverse);
                let mut status = Status::info(op.summary);
                // Whether this change (not another writer's, merged in while saving) took the
                // item into the discovery track.
                let was_discovery = before.as_ref().is_some_and(|(track, _)| *track == Track::Discovery);
                let entered =
                    !was_discovery && place(&self.board).is_some_and(|(track, _)| track == Track::Discovery);
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
                if entered {
                    self.ask_why_if_needed(subject);
                }
            }
            Err(err) => self.status = Some(Status::error(err.to_string())),
        }
    }

    /// Commits an op that cannot have been refused (built here, or confirmed by the user).
    pub(super) fn commit_op(&mut self, op: Op) {
        self.commit(Ok::<Op, std::convert::Infallible>(op));
    }

    /// After the board changed: recompute the view, keep the selection on `subject`, save.
    pub(super) fn after_change(&mut self, subject: Option<ItemId>, status: Status) {
        self.view = BoardView::build(&self.board, self.view.query.clone(), self.now.date_naive());
        let followed = subject.is_some_and(|id| self.selection.select_item(&self.view, id));
        if !followed {
            self.selection.clamp(&self.view, 0..self.view.column_count());
        }
        self.status = Some(status);
        self.save();
    }
}
