//! The merge note, `<board>.conflicts`: what `twotrack merge-file` could not merge, and the
//! items it renumbered, kept beside the board until its board screen next starts; the screen
//! shows it, moves it into the journal and removes it (docs/guide/teams-and-git.md, "A board in git").
//!
//! The note is a file of its own, in the journal's format, because a git merge driver must not
//! write the board's journal: git writes the merged journal after the driver has run, and a
//! line the driver appended would be lost or would stop the merge.

use std::path::{Path, PathBuf};
use std::time::Duration;
use std::{fs, io};

use super::BoardLock;
use super::error::{JournalError, LockError, NoteError};
use super::journal::Journal;
use super::paths::sibling;
use crate::domain::team::activity::Entry;

/// Where the note of the board at `board` is.
pub fn path(board: &Path) -> PathBuf {
    sibling(board, SUFFIX)
}

/// The note's suffix beside the board (docs/FORMAT.md).
const SUFFIX: &str = "conflicts";

/// Adds `entries` to the note (several merges before the screen starts add up).
pub fn add(board: &Path, entries: &[Entry], lock: &BoardLock) -> Result<(), JournalError> {
    Journal::beside(board, SUFFIX).append(entries, lock).map(drop)
}

/// The largest note read: thousands of conflicts of a real merge take a few hundred kilobytes.
const NOTE_CAP: u64 = 16 << 20;

/// The note's entries; none when there is no note. A note over [`NOTE_CAP`] is refused unread.
pub fn read(board: &Path) -> Result<Vec<Entry>, JournalError> {
    let note = Journal::beside(board, SUFFIX);
    let size = note.end();
    if size > NOTE_CAP {
        return Err(JournalError::TooLarge { path: note.path().to_path_buf(), size, cap: NOTE_CAP });
    }
    note.entries(None, None)
}

/// Takes the note: its entries go into the board's journal, then the note is removed.
pub fn take(board: &Path, lock: &BoardLock) -> Result<Vec<Entry>, NoteError> {
    let entries = read(board)?;
    Journal::of(board).append(&entries, lock)?;
    let note = path(board);
    match fs::remove_file(&note) {
        Err(source) if source.kind() != io::ErrorKind::NotFound => {
            Err(NoteError::Remove { path: note, source })
        }
        _ => Ok(entries),
    }
}

/// How long a starting board screen waits for the lock to take the note: the note is shown
/// either way, and a later start takes it when the lock is held now.
const START_PATIENCE: Duration = Duration::from_secs(1);

/// The note for a board screen that starts: taken into the journal by one that may write when
/// the lock comes within [`START_PATIENCE`], else only read (it stays for a later start).
pub fn at_start(board: &Path, writable: bool) -> Result<Vec<Entry>, NoteError> {
    if !path(board).exists() {
        return Ok(Vec::new());
    }
    if !writable {
        return Ok(read(board)?);
    }
    match BoardLock::acquire_within(board, START_PATIENCE) {
        Ok(lock) => take(board, &lock),
        Err(LockError::Busy { .. }) => Ok(read(board)?),
        Err(err) => Err(NoteError::Lock(err)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::team::activity::{Action, Stamp};

    fn entry(summary: &str) -> Entry {
        let stamp =
            Stamp { author: "alice".into(), session: String::new(), time: chrono::DateTime::UNIX_EPOCH };
        stamp.entry(Some(1), Action::Conflict, serde_json::Map::new(), summary.into())
    }

    #[test]
    fn notes_add_up_and_taking_them_moves_them_into_the_journal() {
        let dir = tempfile::tempdir().expect("tempdir");
        let board = dir.path().join("board.ron");
        let lock = BoardLock::acquire(&board).expect("lock");
        assert!(read(&board).expect("no note").is_empty());
        add(&board, &[entry("one")], &lock).expect("add");
        add(&board, &[entry("two")], &lock).expect("add");
        assert!(path(&board).ends_with("board.ron.conflicts"));
        let taken = take(&board, &lock).expect("take");
        assert_eq!(taken, [entry("one"), entry("two")]);
        assert!(!path(&board).exists(), "the note is removed");
        assert_eq!(Journal::of(&board).entries(None, None).expect("journal"), taken);
        assert!(take(&board, &lock).expect("nothing left").is_empty());
        assert_eq!(Journal::of(&board).entries(None, None).expect("journal").len(), 2, "taken once");
    }

    #[test]
    fn a_start_under_a_held_lock_shows_the_note_at_once_and_a_later_start_takes_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        let board = dir.path().join("board.ron");
        assert!(at_start(&board, true).expect("no note").is_empty());
        let lock = BoardLock::acquire(&board).expect("lock");
        add(&board, &[entry("one")], &lock).expect("add");
        let started = std::time::Instant::now();
        assert_eq!(at_start(&board, true).expect("read"), [entry("one")]);
        assert!(started.elapsed() < Duration::from_secs(5), "no half-minute wait");
        assert!(path(&board).exists(), "left for a later start");
        assert_eq!(at_start(&board, false).expect("read"), [entry("one")], "a viewer only reads");
        drop(lock);
        assert_eq!(at_start(&board, true).expect("take"), [entry("one")]);
        assert!(!path(&board).exists(), "taken");
        assert_eq!(Journal::of(&board).entries(None, None).expect("journal"), [entry("one")]);
    }
}
