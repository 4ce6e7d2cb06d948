//! Saving after every change through the store, and what happens when a save fails: the change
//! stays in memory, the next change retries, and on quit a recovery copy is written.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::domain::{Board, Timestamp};
use crate::store::{Store, atomic, format};

/// Whether the file on disk holds the board as the session has it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    /// The last save failed for this reason; the board in memory is newer than the file.
    Unsaved(String),
}

#[derive(Debug)]
pub struct Saver {
    store: Store,
    state: SaveState,
}

impl Saver {
    pub fn new(store: Store) -> Saver {
        Saver { store, state: SaveState::Saved }
    }

    pub fn path(&self) -> &Path {
        self.store.path()
    }

    pub fn state(&self) -> &SaveState {
        &self.state
    }

    /// Saves the board; on failure remembers why and returns the reason.
    pub fn save(&mut self, board: &Board) -> Result<(), String> {
        match self.store.save(board) {
            Ok(()) => {
                self.state = SaveState::Saved;
                Ok(())
            }
            Err(err) => {
                let reason = err.to_string();
                self.state = SaveState::Unsaved(reason.clone());
                Err(reason)
            }
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
