//! The advisory lock on `<file>.lock` that serialises writers of one board.
//!
//! Writers wait in the kernel (a blocking `flock`) rather than polling, so under heavy load each
//! gets its turn instead of losing every race to whoever polls at the right moment. The wait has
//! a deadline: a writer that would wait longer gives up with a message; one that waits more than
//! a second says on stderr whom it waits for (always, terminal or not, like a build tool's
//! "waiting for file lock": a script reading stdout is not disturbed). The operating system
//! drops the lock when its holder exits, even by a crash, so a lock left by a dead process never
//! blocks anyone.

use std::fs::{File, TryLockError};
use std::io::Write;
use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::error::LockError;
use super::lock_holder::{self, Holder};
use super::sidecar::{self, Access};

/// How long a writer waits for other writers before giving up. Generous: a writer queued behind
/// thirty others on a large board on a slow machine still gets its turn.
const PATIENCE: Duration = Duration::from_secs(30);

/// How long a writer waits quietly before it says whom it waits for.
const QUIET: Duration = Duration::from_secs(1);

/// Held while a writer reads, changes and saves the board; released on drop. The lock file names
/// the holder meanwhile (`lock_holder.rs`).
#[derive(Debug)]
pub struct BoardLock {
    _file: File,
    /// The lock file opened for writing, when this process could write itself into it.
    claim: Option<File>,
}

impl Drop for BoardLock {
    fn drop(&mut self) {
        if let Some(claim) = &self.claim {
            lock_holder::release(claim);
        }
    }
}

impl BoardLock {
    /// Waits (up to half a minute) for the lock of the board at `board_path`, saying on stderr
    /// whom it waits for after a second.
    pub fn acquire(board_path: &Path) -> Result<BoardLock, LockError> {
        BoardLock::acquire_noting(board_path, PATIENCE, QUIET)
    }

    /// Waits up to `patience` for the lock of the board at `board_path`, quietly.
    pub fn acquire_within(board_path: &Path, patience: Duration) -> Result<BoardLock, LockError> {
        BoardLock::acquire_noting(board_path, patience, patience)
    }

    /// Waits up to `patience` for the lock of the board at `board_path`; after `quiet`, if
    /// that is sooner, says once on stderr who holds it.
    fn acquire_noting(
        board_path: &Path,
        patience: Duration,
        quiet: Duration,
    ) -> Result<BoardLock, LockError> {
        let path = sidecar::path_of(board_path, "lock");
        let file = sidecar::open(board_path, "lock", Access::Lock)?;
        match file.try_lock() {
            Ok(()) => return Ok(BoardLock::held(board_path, file)),
            Err(TryLockError::WouldBlock) => {}
            Err(TryLockError::Error(source)) => return Err(LockError::Lock { path, source }),
        }
        let start = Instant::now();
        tracing::debug!(lock = %path.display(), "waiting for another writer");
        let note = || note_wait(&path, &lock_holder::read(board_path), patience);
        let file = match wait_for(file, patience, quiet, note) {
            Ok(Some(file)) => file,
            Ok(None) => return Err(LockError::Busy { path, seconds: patience.as_secs() }),
            Err(source) => return Err(LockError::Lock { path, source }),
        };
        tracing::debug!(lock = %path.display(), waited_ms = start.elapsed().as_millis() as u64, "lock taken");
        Ok(BoardLock::held(board_path, file))
    }

    /// Waits for the lock of the board at `board_path` for as long as it takes, telling
    /// `waiting` who holds it first if it is held: for a writer that waits off the screen's key
    /// path (the board screen's writer thread), which the user never waits for.
    pub fn acquire_telling(board_path: &Path, waiting: impl FnOnce(Holder)) -> Result<BoardLock, LockError> {
        let path = sidecar::path_of(board_path, "lock");
        let file = sidecar::open(board_path, "lock", Access::Lock)?;
        match file.try_lock() {
            Ok(()) => return Ok(BoardLock::held(board_path, file)),
            Err(TryLockError::WouldBlock) => {}
            Err(TryLockError::Error(source)) => return Err(LockError::Lock { path, source }),
        }
        waiting(lock_holder::read(board_path));
        file.lock().map_err(|source| LockError::Lock { path, source })?;
        Ok(BoardLock::held(board_path, file))
    }

    /// The lock just taken on `file`, with this process written into the lock file.
    fn held(board_path: &Path, file: File) -> BoardLock {
        let claim = lock_holder::claim(board_path, &file);
        BoardLock { _file: file, claim }
    }
}

/// The line a writer kept waiting writes to stderr (the holder's name is cut to safe
/// characters, the path escaped).
fn wait_line(lock: &Path, holder: &Holder, patience: Duration) -> String {
    let lock = crate::escape::for_terminal(&lock.display().to_string()).into_owned();
    format!("twotrack: waiting for the lock {lock} ({holder}); giving up after {} s", patience.as_secs())
}

/// Says on stderr whom this writer waits for (a closed stderr is ignored: nobody to tell).
fn note_wait(lock: &Path, holder: &Holder, patience: Duration) {
    let _ = writeln!(std::io::stderr().lock(), "{}", wait_line(lock, holder, patience));
}

/// A blocking lock with a deadline: a thread blocks in the kernel and hands the locked file back;
/// `note` runs once if it is not back after `quiet`. When the deadline passes first, the thread
/// keeps waiting alone and closes the file (dropping the lock at once) when it finally gets it,
/// since nobody takes it any more.
fn wait_for(
    file: File,
    patience: Duration,
    quiet: Duration,
    note: impl FnOnce(),
) -> std::io::Result<Option<File>> {
    let (sender, receiver) = mpsc::channel();
    std::thread::Builder::new().name("board-lock".into()).spawn(move || {
        let result = file.lock().map(|()| file);
        // A closed receiver means the waiter gave up: the file (and its lock) is dropped here.
        let _ = sender.send(result);
    })?;
    let start = Instant::now();
    let first = match receiver.recv_timeout(quiet.min(patience)) {
        Err(mpsc::RecvTimeoutError::Timeout) if quiet < patience => {
            note();
            receiver.recv_timeout(patience.saturating_sub(start.elapsed()))
        }
        other => other,
    };
    match first {
        Ok(result) => result.map(Some),
        Err(mpsc::RecvTimeoutError::Timeout) => Ok(None),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            Err(std::io::Error::other("the thread waiting for the lock stopped"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_waits_and_gets_the_lock_when_the_first_lets_go() {
        let dir = tempfile::tempdir().expect("tempdir");
        let board = dir.path().join("board.ron");
        let first = BoardLock::acquire(&board).expect("first");
        let err = BoardLock::acquire_within(&board, Duration::from_millis(50)).expect_err("held");
        assert!(format!("{err:#}").contains("another program has held the lock"), "{err:#}");
        let waiter = std::thread::spawn(move || BoardLock::acquire(&board).map(drop));
        std::thread::sleep(Duration::from_millis(50));
        drop(first);
        waiter.join().expect("thread").expect("second writer gets the lock");
    }

    #[test]
    fn a_writer_kept_waiting_says_whom_for_once_and_still_gets_the_lock() {
        let dir = tempfile::tempdir().expect("tempdir");
        let board = dir.path().join("board.ron");
        let first = BoardLock::acquire(&board).expect("first");
        let file = sidecar::open(&board, "lock", Access::Lock).expect("lock file");
        let notes = std::cell::Cell::new(0);
        let waited = wait_for(file, Duration::from_millis(300), Duration::from_millis(20), || {
            notes.set(notes.get() + 1)
        })
        .expect("wait");
        assert!(waited.is_none(), "held all along: the deadline passes");
        assert_eq!(notes.get(), 1, "said once");
        let releaser = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            drop(first);
        });
        let file = sidecar::open(&board, "lock", Access::Lock).expect("lock file");
        let waited =
            wait_for(file, Duration::from_secs(5), Duration::from_secs(5), || notes.set(9)).expect("wait");
        releaser.join().expect("thread");
        assert!(waited.is_some(), "the lock taken once released");
        assert_eq!(notes.get(), 1, "a wait as long as its patience never speaks");
        let holder = Holder { named: Some((7, "bo".into())) };
        let line = wait_line(Path::new("/b/board.ron.lock\x1b"), &holder, PATIENCE);
        assert_eq!(
            line,
            "twotrack: waiting for the lock /b/board.ron.lock\\x1b (held by pid 7, user bo); giving up after 30 s"
        );
    }
}
