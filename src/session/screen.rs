//! The board screen's way in. Every change is applied to the board the user sees and saved at
//! once, under the board's lock, with what it changed appended to the activity journal. When
//! someone else saved in between, their board is read and merged with this session's changes
//! field by field (their values win where both changed a field: first writer wins), and the
//! conflicts are journaled and reported. A save that fails keeps the change in memory and is
//! retried on the next change; on quit a recovery copy is written.

use std::path::PathBuf;

use super::{Findings, RescueError, SaveState, Session, SyncError};
use crate::domain::team::merge::{self, Conflict, Side, report};
use crate::model::{Board, ItemId, Timestamp};
use crate::store::error::sentence;
use crate::store::{format, recovery};

/// What other writers changed, and what became of this session's changes.
#[derive(Debug, Default)]
pub struct Merged {
    /// What others did, each with who did it ("bob", "#6 moved to Review").
    pub theirs: Vec<(String, String)>,
    /// This session's values that were not applied, each with who changed the field first.
    pub conflicts: Vec<(Conflict, String)>,
    /// Items moved into a column the other side deleted, in words ("you moved #6 into …").
    pub stranded: Vec<String>,
    /// Items this session added that got a new id because theirs was taken.
    pub renumbered: Vec<(ItemId, ItemId)>,
    /// Something went wrong that lost nothing (the journal could not be written).
    pub warning: Option<String>,
    /// The board was replaced by the file's (merged with this session's changes, if any).
    pub replaced: bool,
    /// What the journal lines read were about (`None`: the settings).
    pub(super) items: Vec<Option<ItemId>>,
}

impl Merged {
    pub(super) fn is_empty(&self) -> bool {
        self.theirs.is_empty()
            && self.conflicts.is_empty()
            && self.stranded.is_empty()
            && self.renumbered.is_empty()
            && self.warning.is_none()
            && !self.replaced
    }
}

impl Session {
    /// Saves `board`. When the file changed on disk, `board` becomes the merge of the file's
    /// board and this session's changes, and that is saved; what happened is returned.
    pub fn save(&mut self, board: &mut Board, now: Timestamp) -> Result<Option<Merged>, SyncError> {
        let idle = self.base.is_empty() && self.found.is_empty() && self.state == SaveState::Saved;
        if Session::may_write(&self.writer).is_err() || idle {
            return Ok(None);
        }
        let result = self.merge_and_save(board, now);
        match &result {
            Ok(_) => self.state = SaveState::Saved,
            Err(reason) => self.state = SaveState::Unsaved(reason.to_string()),
        }
        result
    }

    /// Reads the file again if someone else saved it; `board` becomes theirs, merged with this
    /// session's unsaved changes (if any), which are then saved.
    pub fn catch_up(&mut self, board: &mut Board, now: Timestamp) -> Result<Option<Merged>, SyncError> {
        let pending = !self.base.is_empty() || !self.found.is_empty();
        if pending && self.store.changed_on_disk() {
            return self.save(board, now);
        }
        // Writers save the board, then append to the journal, both under the lock: holding it,
        // what is read of both is one version. A viewer that may not write reads without it,
        // journal first, so a line read always comes with the board it describes.
        let lock = self.read_only_reason().is_none().then(|| self.take_lock().ok());
        let mut merged = self.read_journal();
        if !self.store.changed_on_disk() {
            // The journal may have news all the same (a conflict that changed nothing).
            return Ok((!merged.is_empty()).then_some(merged));
        }
        let theirs = self.reload()?;
        let later = self.read_journal();
        merged.items.extend(later.items);
        merged.theirs.extend(later.theirs);
        let guessed = self.guess(board, &theirs, &merged);
        merged.theirs.extend(guessed);
        *board = theirs;
        merged.replaced = true;
        drop(lock);
        Ok(Some(merged))
    }

    /// Under the lock: merge with the file if it changed, save, journal.
    fn merge_and_save(&mut self, board: &mut Board, now: Timestamp) -> Result<Option<Merged>, SyncError> {
        let lock = self.take_lock().map_err(SyncError::Lock)?;
        let mut found = std::mem::take(&mut self.found);
        let theirs = match self.store.changed_on_disk() {
            true => Some(self.reload().inspect_err(|_| self.found = found.clone())?),
            false => None,
        };
        let mut merged = self.read_journal();
        if let Some(theirs) = &theirs {
            merged.replaced = true;
            // The board as this session last read it: what the other writer changed is measured
            // from it, and it is the merge's base. A copy of the board, made only here.
            let base = self.base.restore(board);
            let guessed = self.guess(&base, theirs, &merged);
            merged.theirs.extend(guessed);
            if self.base.is_empty() {
                *board = theirs.clone();
            } else {
                let result = merge::merge3(&base, board, theirs, Side::Theirs).map_err(SyncError::Merge)?;
                merged.renumbered = result.renumbered_on(Side::Ours);
                let sides = report::SCREEN_SIDES;
                merged.stranded =
                    result.stranded.iter().map(|s| report::stranded_line(&result.board, s, sides)).collect();
                *board = result.board;
                found.extend(Findings { conflicts: result.conflicts, stranded: result.stranded });
            }
        }
        let wrote = self
            .save_and_journal(board, &lock, theirs.as_ref(), &merged.renumbered, found, now)
            .map_err(SyncError::Save)?;
        merged.conflicts.extend(wrote.conflicts);
        if let Err(err) = wrote.journal {
            merged.warning = Some(format!("saved, but not recorded in the journal: {}", sentence(&err)));
        }
        Ok((!merged.is_empty()).then_some(merged))
    }

    /// The board on disk, read again.
    pub(super) fn reload(&mut self) -> Result<Board, SyncError> {
        self.reloads += 1;
        self.store.reload().map_err(SyncError::Unreadable)
    }

    /// How many times this session read the file again.
    pub(super) fn reloads(&self) -> u64 {
        self.reloads
    }

    /// Writes the board to a recovery copy (see [`rescue`]).
    pub fn rescue(&self, board: &Board, now: Timestamp) -> Result<PathBuf, RescueError> {
        rescue(self.path(), board, now)
    }
}

/// Writes `board` to a recovery copy under a fresh name next to the board file at `path` (or in
/// the user's state directory if that is not writable) and returns where (`store/recovery.rs`).
pub fn rescue(path: &std::path::Path, board: &Board, now: Timestamp) -> Result<PathBuf, RescueError> {
    let text = format::to_text(board).map_err(RescueError::Text)?;
    let stamp = now.format("%Y%m%d-%H%M%S").to_string();
    recovery::write(path, &stamp, text.as_bytes()).map_err(RescueError::Nowhere)
}
