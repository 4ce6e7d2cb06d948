//! What a session leaves for the next one of the same user on the same board: the undo history
//! and where the selection stood. The terminal loop finds the file (`store/user_state.rs`) and
//! hands it over at start and at the end; here the app takes its state back and leaves it. A
//! step kept from an earlier session is checked against the board before it applies, like any
//! other (`board/undo.rs`): it never reverts what someone changed in the meantime.

use super::App;
use super::status::Status;
use crate::domain::change::history::History;
use crate::model::Track;
use crate::store::error::UserStateError;
use crate::store::user_state::{Remembered, Spot, UserState};

impl App {
    /// Takes back the undo history and the selection the user's last session on this board left
    /// in `state` (none: nothing to take back); a file that cannot be read is said, not fatal.
    pub fn resume_from(&mut self, state: Option<&UserState>) {
        match state.map(UserState::read).transpose() {
            Ok(remembered) => {
                if let Some(remembered) = remembered.flatten() {
                    self.resume(remembered);
                }
            }
            Err(err) => self.resume_failed(&err),
        }
    }

    /// Keeps the undo history and the selection in `state` for the user's next session on this
    /// board; a failure only goes to the log (the board itself is saved already).
    pub fn keep_for_next_time(&self, state: Option<&UserState>) {
        if let Some(state) = state
            && let Err(err) = state.write(&self.remembered())
        {
            tracing::warn!(error = %crate::store::error::sentence(&err), "undo history and selection not kept");
        }
    }

    /// The undo history and the selection, to keep for the next session.
    pub fn remembered(&self) -> Remembered {
        let (undo, redo) = self.history.stacks();
        Remembered { selection: self.spot(), undo: undo.to_vec(), redo: redo.to_vec() }
    }

    /// Takes back what the last session left: its undo history, and its selection (the item if
    /// it still shows, else the first card of its column, else where the board starts).
    pub fn resume(&mut self, remembered: Remembered) {
        self.history = History::resumed(remembered.undo, remembered.redo);
        if let Some(spot) = remembered.selection {
            self.resume_selection(&spot);
        }
    }

    /// Says in one sentence that what the last session left was not read, and starts without it.
    pub fn resume_failed(&mut self, err: &UserStateError) {
        let sentence = format!("your undo history and last selection on this board were not read: {err}");
        tracing::warn!(error = %crate::store::error::sentence(err), "user state ignored");
        if self.status.is_none() {
            self.status = Some(Status::warning(sentence));
        }
    }

    fn spot(&self) -> Option<Spot> {
        let column = self.view.column(self.selection.column);
        let name = self.board.track(column.track).columns.get(column.index)?.id.clone();
        let item = self.selection.item(&self.view);
        Some(Spot {
            item,
            track: column.track,
            column: name,
            stage: self.selection.stage,
            zoom: self.display.zoom,
        })
    }

    fn resume_selection(&mut self, spot: &Spot) {
        let kept = spot.item.is_some_and(|id| self.selection.select_item(&self.view, id));
        if !kept && let Some(column) = self.screen_column(spot.track, &spot.column) {
            self.selection.column = column;
            self.selection.stage = spot.stage;
            self.selection.index = 0;
            if self.selection.item(&self.view).is_none() {
                self.selection.first(&self.view);
            }
        }
        self.display.zoom = spot.zoom;
    }

    /// The screen column of `track`'s column `id`, if the board still has it.
    fn screen_column(&self, track: Track, id: &str) -> Option<usize> {
        let index = self.board.track(track).columns.iter().position(|c| c.id == id)?;
        (0..self.view.column_count()).find(|&c| {
            let column = self.view.column(c);
            column.track == track && column.index == index
        })
    }
}
