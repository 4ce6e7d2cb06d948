//! The session's link to the board file. Every change is saved at once; when someone else saved
//! in between, their board is read again and this session's unsaved edits are replayed on top of
//! it, under the board's lock, so both survive. A save that fails keeps the change in memory and
//! is retried on the next change; on quit a recovery copy is written.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::domain::merge::{self, Replayed};
use crate::domain::{Board, Edit, EditError, ItemId, Timestamp, changes};
use crate::store::{BoardLock, SaveError, Store, atomic, format, users};

/// Whether the file on disk holds the board as the session has it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    /// The last save failed for this reason; the board in memory is newer than the file.
    Unsaved(String),
    /// This session does not write, for this reason (`--readonly`, or no write access).
    ReadOnly(String),
}

/// What another writer changed, and what became of this session's unsaved edits.
#[derive(Debug, Default)]
pub struct Merged {
    /// Who saved the version that was read ("alex", "another window").
    pub by: String,
    /// What they changed, a line per item.
    pub theirs: Vec<String>,
    /// This session's edits that no longer apply: what they did, and why they failed.
    pub lost: Vec<(String, EditError)>,
    /// Items this session added that got a new id because theirs was taken.
    pub renumbered: Vec<(ItemId, ItemId)>,
}

#[derive(Debug)]
pub struct Saver {
    store: Store,
    state: SaveState,
    /// The board as last read or written: what "their changes" are measured against.
    base: Board,
    /// Edits applied since `base`, not yet in the file, with what each did.
    pending: Vec<(String, Edit)>,
}

impl Saver {
    pub fn new(store: Store, board: &Board) -> Saver {
        Saver { store, state: SaveState::Saved, base: board.clone(), pending: Vec::new() }
    }

    /// From now on the session follows the file but never writes it.
    pub fn make_read_only(&mut self, reason: String) {
        self.state = SaveState::ReadOnly(reason);
    }

    pub fn path(&self) -> &Path {
        self.store.path()
    }

    pub fn state(&self) -> &SaveState {
        &self.state
    }

    /// Why this session cannot change the board, if it cannot.
    pub fn read_only_reason(&self) -> Option<&str> {
        match &self.state {
            SaveState::ReadOnly(reason) => Some(reason),
            _ => None,
        }
    }

    /// Notes an edit just applied to the board, to be saved (and replayed if need be).
    pub fn record(&mut self, summary: &str, edit: &Edit) {
        self.pending.push((summary.to_owned(), edit.clone()));
    }

    /// Saves `board`. When the file changed on disk, `board` becomes the file's board with this
    /// session's edits replayed on top, and that is saved; the merge is returned.
    pub fn save(&mut self, board: &mut Board) -> Result<Option<Merged>, String> {
        if self.read_only_reason().is_some() || self.pending.is_empty() && self.state == SaveState::Saved {
            return Ok(None);
        }
        let result = match self.store.save(board) {
            Ok(()) => Ok(None),
            Err(SaveError::ChangedOnDisk(_)) => self.merge_and_save(board).map(Some),
            Err(SaveError::Failed(err)) => Err(format!("{err:#}")),
        };
        self.settle(board, result)
    }

    /// Reads the file again if someone else saved it; `board` becomes theirs with this
    /// session's unsaved edits (if any) replayed and saved on top.
    pub fn follow(&mut self, board: &mut Board) -> Result<Option<Merged>, String> {
        if !self.store.changed_on_disk() {
            return Ok(None);
        }
        let mut merged = self.merge(board, None)?;
        if !self.pending.is_empty() {
            let saved = self.save(board)?;
            if let Some(more) = saved {
                merged.theirs.extend(more.theirs);
                merged.lost.extend(more.lost);
                merged.renumbered.extend(more.renumbered);
            }
        }
        Ok(Some(merged))
    }

    /// Remembers how a save ended.
    fn settle(
        &mut self,
        board: &Board,
        result: Result<Option<Merged>, String>,
    ) -> Result<Option<Merged>, String> {
        match &result {
            Ok(_) => {
                self.pending.clear();
                self.base = board.clone();
                self.state = SaveState::Saved;
            }
            Err(reason) => self.state = SaveState::Unsaved(reason.clone()),
        }
        result
    }

    /// Under the lock: read theirs, replay ours, save the result.
    fn merge_and_save(&mut self, board: &mut Board) -> Result<Merged, String> {
        let lock = BoardLock::acquire(self.store.path()).map_err(|e| format!("{e:#}"))?;
        let merged = self.merge(board, Some(&lock))?;
        self.store.save_locked(board, &lock).map_err(|e| e.to_string())?;
        Ok(merged)
    }

    /// Replaces `board` by the file's board with the pending edits replayed on it.
    fn merge(&mut self, board: &mut Board, _lock: Option<&BoardLock>) -> Result<Merged, String> {
        let theirs = self.store.reload().map_err(|e| {
            format!("the board file changed on disk but cannot be read ({e:#}); it was not overwritten")
        })?;
        let mut merged_board = theirs.clone();
        let edits: Vec<Edit> = self.pending.iter().map(|(_, e)| e.clone()).collect();
        let Replayed { outcomes, renumbered } = merge::replay(&mut merged_board, &edits);
        let mut lost = Vec::new();
        let mut still = Vec::new();
        for ((summary, _), outcome) in self.pending.drain(..).zip(outcomes) {
            match outcome {
                Ok(edit) => still.push((summary, edit)),
                Err(err) => lost.push((summary, err)),
            }
        }
        self.pending = still;
        let merged =
            Merged { by: self.writer(), theirs: changes::describe(&self.base, &theirs), lost, renumbered };
        self.base = theirs;
        *board = merged_board;
        Ok(merged)
    }

    /// Who saved the version of the file last read.
    fn writer(&self) -> String {
        match (self.store.writer(), users::current_uid()) {
            (Some(owner), Some(me)) if owner == me => "another session of yours".into(),
            (Some(owner), _) => users::name_of(owner),
            (None, _) => "someone".into(),
        }
    }

    /// Writes the board to a recovery file next to the board (or in the temporary directory if
    /// that is not writable) and returns where.
    pub fn rescue(&self, board: &Board, now: Timestamp) -> Result<PathBuf> {
        let text = format::to_text(board).map_err(anyhow::Error::msg)?;
        let stamp = now.format("%Y%m%d-%H%M%S");
        let name = format!(
            "{}.recovered-{stamp}.ron",
            self.path().file_name().map_or("board".into(), |n| n.to_string_lossy().into_owned())
        );
        let beside = atomic::directory_of(self.path()).join(&name);
        let candidates = [beside, std::env::temp_dir().join(&name)];
        let mut last_error = None;
        for path in candidates {
            match atomic::replace_with(&path, |file| std::io::Write::write_all(file, text.as_bytes())) {
                Ok(()) => return Ok(path),
                Err(e) => last_error = Some(e),
            }
        }
        Err(last_error.unwrap_or_else(|| anyhow::anyhow!("no place to write to")))
            .context("cannot write a recovery copy anywhere")
    }
}
