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

/// An edit applied to the board but not yet in the file.
#[derive(Debug)]
struct Pending {
    summary: String,
    edit: Edit,
    inverse: Edit,
}

#[derive(Debug)]
pub struct Saver {
    store: Store,
    state: SaveState,
    /// Edits applied since the file was last read or written, oldest first.
    pending: Vec<Pending>,
}

impl Saver {
    pub fn new(store: Store) -> Saver {
        Saver { store, state: SaveState::Saved, pending: Vec::new() }
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

    /// Notes an edit just applied to the board (and its inverse), to be saved and, if someone
    /// else saves first, replayed on their board.
    pub fn record(&mut self, summary: &str, edit: &Edit, inverse: &Edit) {
        self.pending.push(Pending {
            summary: summary.to_owned(),
            edit: edit.clone(),
            inverse: inverse.clone(),
        });
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
        match &result {
            Ok(_) => {
                self.pending.clear();
                self.state = SaveState::Saved;
            }
            Err(reason) => self.state = SaveState::Unsaved(reason.clone()),
        }
        result
    }

    /// Reads the file again if someone else saved it; `board` becomes theirs with this
    /// session's unsaved edits (if any) replayed and saved on top.
    pub fn follow(&mut self, board: &mut Board) -> Result<Option<Merged>, String> {
        if !self.store.changed_on_disk() {
            return Ok(None);
        }
        let mut merged = self.merge(board)?;
        if !self.pending.is_empty()
            && let Some(more) = self.save(board)?
        {
            merged.theirs.extend(more.theirs);
            merged.lost.extend(more.lost);
            merged.renumbered.extend(more.renumbered);
        }
        Ok(Some(merged))
    }

    /// Under the lock: read theirs, replay ours, save the result.
    fn merge_and_save(&mut self, board: &mut Board) -> Result<Merged, String> {
        let lock = BoardLock::acquire(self.store.path()).map_err(|e| format!("{e:#}"))?;
        let merged = self.merge(board)?;
        self.store.save_locked(board, &lock).map_err(|e| e.to_string())?;
        Ok(merged)
    }

    /// Replaces `board` by the file's board with the pending edits replayed on it.
    fn merge(&mut self, board: &mut Board) -> Result<Merged, String> {
        let theirs = self.store.reload().map_err(|e| {
            format!("the board file changed on disk but cannot be read ({e:#}); it was not overwritten")
        })?;
        // What they changed is measured against the board as this session last saw the file:
        // the board in memory without this session's unsaved edits.
        let described = if self.pending.is_empty() {
            changes::describe(board, &theirs)
        } else {
            let mut base = board.clone();
            for pending in self.pending.iter().rev() {
                if let Err(e) = base.apply(pending.inverse.clone()) {
                    // Only the description of their changes suffers: it may name one of ours.
                    tracing::warn!(error = %e, edit = %pending.summary, "cannot take back an unsaved edit");
                }
            }
            changes::describe(&base, &theirs)
        };
        let mut merged_board = theirs;
        let edits: Vec<Edit> = self.pending.iter().map(|p| p.edit.clone()).collect();
        let Replayed { outcomes, renumbered } = merge::replay(&mut merged_board, &edits);
        let mut lost = Vec::new();
        let mut still = Vec::new();
        for (pending, outcome) in self.pending.drain(..).zip(outcomes) {
            match outcome {
                Ok((edit, inverse)) => still.push(Pending { summary: pending.summary, edit, inverse }),
                Err(err) => lost.push((pending.summary, err)),
            }
        }
        self.pending = still;
        *board = merged_board;
        tracing::info!(
            by = %self.writer(),
            theirs = described.len(),
            replayed = self.pending.len(),
            lost = lost.len(),
            "merged with another writer's save"
        );
        Ok(Merged { by: self.writer(), theirs: described, lost, renumbered })
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
            // A new file, never one that is there already (a link someone planted included).
            match atomic::write_new(&path, text.as_bytes()) {
                Ok(()) => return Ok(path),
                Err(e) => last_error = Some(e),
            }
        }
        Err(last_error.unwrap_or_else(|| anyhow::anyhow!("no place to write to")))
            .context("cannot write a recovery copy anywhere")
    }
}
