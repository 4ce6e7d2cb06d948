//! The advisory lock on `<file>.lock` that serialises writers of one board.
//!
//! The operating system drops the lock when its holder exits, even by a crash, so a lock left
//! by a dead process never blocks anyone.

use std::fs::{File, OpenOptions, TryLockError};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use super::atomic::sibling;

/// How long a writer waits for another writer to finish before giving up.
const PATIENCE: Duration = Duration::from_secs(5);

/// Held while a writer reads, changes and saves the board; released on drop.
#[derive(Debug)]
pub struct BoardLock {
    _file: File,
}

impl BoardLock {
    /// Waits (up to a few seconds) for the lock of the board at `board_path`.
    pub fn acquire(board_path: &Path) -> Result<BoardLock> {
        super::Store::prepare_directory(board_path)?;
        let path = sibling(board_path, "lock");
        let file = open_lock_file(&path)?;
        let start = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(BoardLock { _file: file }),
                Err(TryLockError::WouldBlock) if start.elapsed() < PATIENCE => {
                    thread::sleep(Duration::from_millis(5));
                }
                Err(TryLockError::WouldBlock) => bail!(
                    "another program has held the lock {} for {} seconds; try again when it is done",
                    path.display(),
                    PATIENCE.as_secs()
                ),
                Err(TryLockError::Error(e)) => {
                    return Err(e).with_context(|| format!("cannot lock {}", path.display()));
                }
            }
        }
    }
}

/// Opens (creating if needed) the lock file; read-only is enough to lock it.
fn open_lock_file(path: &PathBuf) -> Result<File> {
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o666)
        .open(path)
        .or_else(|create_error| File::open(path).map_err(|_| create_error))
        .with_context(|| format!("cannot create the lock file {}", path.display()))
}
