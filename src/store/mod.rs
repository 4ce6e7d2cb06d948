//! Reading and saving the board file (docs/FORMAT.md): line/column errors on load, atomic saves with a
//! backup, a lock that serialises writers, and a refusal to overwrite another writer's change.

pub mod archive;
pub mod atomic;
pub mod beside;
pub mod bounded;
pub mod drafts;
pub mod error;
pub mod format;
pub mod intent;
pub mod item_parse;
pub mod item_text;
pub mod journal;
pub mod journal_merge;
pub mod layout;
pub mod location;
pub mod lock;
pub mod lock_holder;
pub mod merge_note;
pub mod paths;
pub mod presence;
pub mod presence_dir;
pub mod recovery;
pub mod sidecar;
pub mod source_parse;
pub mod user_state;
pub mod users;
pub mod written;

use std::io::Write;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::{fs, io};

use crate::model::{Board, Timestamp};
pub use error::{FileError, NoAccess, SaveError, StoreError};
pub use lock::BoardLock;
use written::Written;

/// What identifies the version of the file that we last read or wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Seen {
    len: u64,
    modified: (i64, i64),
    inode: (u64, u64),
    /// Who owns that version of the file: whoever saved it last.
    owner: u32,
}

impl Seen {
    fn of(meta: &fs::Metadata) -> Seen {
        Seen {
            len: meta.len(),
            modified: (meta.mtime(), meta.mtime_nsec()),
            inode: (meta.dev(), meta.ino()),
            owner: meta.uid(),
        }
    }

    fn same_metadata(&self, meta: &fs::Metadata) -> bool {
        self.len == meta.len()
            && self.modified == (meta.mtime(), meta.mtime_nsec())
            && self.inode == (meta.dev(), meta.ino())
    }
}

/// The board file of one session.
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    /// The version of the file this session last read or wrote (`None`: there was no file).
    seen: Option<Seen>,
    /// Its text, so that a save rewrites only the items that changed.
    written: Written,
}

/// A board opened from its file.
#[derive(Debug)]
pub struct Opened {
    pub store: Store,
    pub board: Board,
    /// The file did not exist and was created from the starter board.
    pub created: bool,
}

impl From<(Store, Board)> for Opened {
    /// A board that was there already.
    fn from((store, board): (Store, Board)) -> Opened {
        Opened { store, board, created: false }
    }
}

impl Store {
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Opens the board at `path`, creating it from the starter board if there is no file yet
    /// (in an existing directory).
    pub fn open(path: &Path, now: Timestamp) -> Result<Opened, StoreError> {
        if let Some((store, board)) = Store::read(path)? {
            return Ok(Opened { store, board, created: false });
        }
        let lock = BoardLock::acquire(path)?;
        Store::open_locked(path, &lock, || location::starter_board(now))
    }

    /// Creates the directory a new board goes into: only for the default location, which is
    /// twotrack's own directory (a path the user gives must be in a directory that exists).
    pub fn prepare_directory(path: &Path) -> Result<(), StoreError> {
        match path.parent().filter(|d| !d.as_os_str().is_empty()) {
            Some(dir) => fs::create_dir_all(dir)
                .map_err(|source| StoreError::CreateDirectory { dir: dir.to_path_buf(), source }),
            None => Ok(()),
        }
    }

    /// [`Store::open`] for a caller that already holds the board's lock, creating the board
    /// `first` makes when there is no file yet.
    pub fn open_locked(
        path: &Path,
        lock: &BoardLock,
        first: impl FnOnce() -> Board,
    ) -> Result<Opened, StoreError> {
        // Another process may have created the file while we waited for the lock.
        if let Some((store, board)) = Store::read(path)? {
            return Ok(Opened { store, board, created: false });
        }
        let board = first();
        let mut store = Store { path: path.to_path_buf(), seen: None, written: Written::default() };
        store.save_locked(&board, lock)?;
        Ok(Opened { store, board, created: true })
    }

    /// Loads the board at `path`; a missing file is an error naming it.
    pub fn load(path: &Path) -> Result<(Store, Board), StoreError> {
        Store::read(path)?.ok_or_else(|| StoreError::Missing(path.to_path_buf()))
    }

    /// Fails with one sentence when this user may not write the board file itself: a save by
    /// rename would otherwise replace a file they cannot write, taking it over.
    pub fn check_writable(path: &Path) -> Result<(), StoreError> {
        match fs::OpenOptions::new().append(true).custom_flags(libc::O_NONBLOCK).open(path) {
            Ok(_) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
                Err(StoreError::NotWritable(path.to_path_buf()))
            }
            Err(source) => Err(StoreError::OpenForWriting { path: path.to_path_buf(), source }),
        }
    }

    /// The file's text as this session last read or wrote it.
    pub fn text(&self) -> &str {
        self.written.text()
    }

    /// The user id of whoever wrote the version of the file this session last read or wrote.
    pub fn writer(&self) -> Option<u32> {
        self.seen.as_ref().map(|s| s.owner)
    }

    /// Whether the file on disk is no longer the version this session last read or wrote.
    pub fn changed_on_disk(&self) -> bool {
        matches!(self.check_unchanged(), Err(SaveError::ChangedOnDisk(_)))
    }

    /// Why this user cannot save the board here, if they cannot: the file is not writable,
    /// or no new file can be made in its directory (an atomic save needs both).
    pub fn write_access(&self) -> Result<(), NoAccess> {
        if let Err(e) = fs::OpenOptions::new().append(true).custom_flags(libc::O_NONBLOCK).open(&self.path)
            && e.kind() != io::ErrorKind::NotFound
        {
            return Err(NoAccess::File { path: self.path.clone(), kind: e.kind() });
        }
        let dir = paths::directory_of(&self.path);
        // A probe named like a save's temporary file: removed at once, and by the next save if not.
        sidecar::temp(&self.path, sidecar::Temp::New)
            .map(drop)
            .map_err(|error| NoAccess::Directory { dir: dir.to_path_buf(), error })
    }

    /// Reads the file again, for a caller that wants what is on disk now.
    pub fn reload(&mut self) -> Result<Board, StoreError> {
        let (store, board) = Store::load(&self.path)?;
        *self = store;
        Ok(board)
    }

    /// `Ok(None)` when there is no file at `path`.
    fn read(path: &Path) -> Result<Option<(Store, Board)>, StoreError> {
        let failed = |source| StoreError::Read { path: path.to_path_buf(), source };
        let bytes = match fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(failed(e)),
        };
        let meta = fs::metadata(path).map_err(failed)?;
        let (board, written) = format::read(path, bytes)?;
        let seen = Seen::of(&meta);
        let store = Store { path: path.to_path_buf(), seen: Some(seen), written };
        Ok(Some((store, board)))
    }

    /// Saves the board, taking the board's lock for the time of the write.
    pub fn save(&mut self, board: &Board) -> Result<(), SaveError> {
        let lock = BoardLock::acquire(&self.path)?;
        self.save_locked(board, &lock)
    }

    /// Saves the board while the caller holds the board's lock.
    pub fn save_locked(&mut self, board: &Board, lock: &BoardLock) -> Result<(), SaveError> {
        let written = self.prepare(board)?;
        self.put_locked(written, lock)
    }

    /// The text the next save of `board` writes, made without touching the file: a caller can
    /// record what is about to be written ([`intent`]) before [`Store::put_locked`] writes it.
    pub fn prepare(&self, board: &Board) -> Result<Written, SaveError> {
        Ok(Written::new(board, Some(&self.written))?)
    }

    /// Writes `written` (from [`Store::prepare`]) as the board file, while the caller holds the
    /// board's lock.
    pub fn put_locked(&mut self, written: Written, _lock: &BoardLock) -> Result<(), SaveError> {
        let text = written.text();
        self.check_unchanged()?;
        sidecar::remove_stale(&self.path);
        atomic::replace_with(&self.path, |file| file.write_all(text.as_bytes()))?;
        let meta = fs::metadata(&self.path)
            .map_err(|source| SaveError::ReadBack { path: self.path.clone(), source })?;
        self.seen = Some(Seen::of(&meta));
        self.written = written;
        Ok(())
    }

    /// Fails when the file on disk is not the version this session last read or wrote.
    fn check_unchanged(&self) -> Result<(), SaveError> {
        let changed = || SaveError::ChangedOnDisk(self.path.clone());
        let meta = match fs::metadata(&self.path) {
            // Deleted meanwhile: writing it again overwrites nobody's work.
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(source) => return Err(SaveError::Check { path: self.path.clone(), source }),
            Ok(meta) => meta,
        };
        let Some(seen) = &self.seen else {
            return Err(changed());
        };
        if seen.same_metadata(&meta) {
            return Ok(());
        }
        // Touched or copied but the same content: nothing would be lost.
        let bytes =
            fs::read(&self.path).map_err(|source| SaveError::Read { path: self.path.clone(), source })?;
        if bytes == self.written.bytes() { Ok(()) } else { Err(changed()) }
    }
}

#[cfg(test)]
#[path = "fast_path_tests.rs"]
mod fast_path_tests;
