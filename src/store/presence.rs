//! The presence sidecar (docs/guide/teams-and-git.md, "Facilitating over SSH"): every open board session keeps one
//! small file in `.twotrack-presence/` beside the board saying who it is, what it has selected
//! and whether it presents — nothing else.
//!
//! A session holds an exclusive `flock` on its own file for as long as it runs, and replaces the
//! file only by renaming a new, already locked one over it. So a file that is still linked but
//! whose lock can be taken belongs to a session that is gone (killed, crashed, a dropped SSH
//! connection): it is ignored and removed where allowed. The kernel drops the lock of a dead
//! process, so no pid, host name or clock is needed to tell.

use std::ffi::OsStr;
use std::fs::{DirBuilder, File, OpenOptions, TryLockError};
use std::io::{Read, Write};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::{fs, io};

use serde::{Deserialize, Serialize};

use super::error::PresenceError;
use super::paths;
use crate::model::{ItemId, Stage, Track};

/// The directory beside the board that holds one file per open session.
pub const DIRECTORY: &str = ".twotrack-presence";
const SUFFIX: &str = ".presence";
/// A presence file is a few hundred bytes; anything much larger is not ours.
const MAX_SIZE: u64 = 4096;
/// Names longer than this are cut: they only label a status bar and cards.
const MAX_NAME: usize = 32;

/// What one session tells the others: the whole content of its presence file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Announcement {
    /// The user's name.
    pub name: String,
    /// What the session has selected (`None` on an empty board).
    #[serde(default)]
    pub selected: Option<Selected>,
    /// Presenter mode is on: others may follow this session.
    #[serde(default)]
    pub presenting: bool,
    /// Only the selected track is shown.
    #[serde(default)]
    pub zoom: bool,
    /// What the session has open on top of the board, as far as others can follow it.
    #[serde(default)]
    pub view: Option<SharedView>,
    /// The session this one follows.
    #[serde(default)]
    pub follows: Option<String>,
    /// The session this one handed presenting over to.
    #[serde(default)]
    pub handed_to: Option<String>,
}

/// A selected place on the board: an item, or an empty lane of a column.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Selected {
    pub track: Track,
    /// The column's id.
    pub column: String,
    pub stage: Stage,
    #[serde(default)]
    pub item: Option<ItemId>,
}

/// A view on top of the board that followers open too.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SharedView {
    Capacity,
    /// The debt register with its selected row, sorted by interest or by severity.
    Debt {
        row: usize,
        #[serde(default)]
        by_interest: bool,
    },
    /// The selected item's details.
    Details,
    /// The capacity view's discovery page.
    Discovery,
    /// The initiatives, with the selected row.
    Initiatives {
        row: usize,
    },
    /// One initiative's details.
    Initiative {
        id: String,
    },
    /// The standup, scrolled by `scroll` lines.
    Standup {
        #[serde(default)]
        scroll: u16,
    },
    /// The retrospective of the last closed sprints, scrolled by `scroll` lines.
    Retro {
        #[serde(default)]
        scroll: u16,
    },
    /// The charts: which one (its place in the screen's order) and whose track's flow.
    Charts {
        #[serde(default)]
        chart: usize,
        #[serde(default)]
        discovery: bool,
    },
}

/// Another session on the same board.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Peer {
    /// The session's id (part of its file name).
    pub session: String,
    pub said: Announcement,
}

/// A new session id: random enough that two sessions never share one.
pub fn session_id() -> String {
    use std::hash::{BuildHasher, Hasher};
    // RandomState is seeded from the operating system's randomness once per process.
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u32(std::process::id());
    let nanos =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    hasher.write_u128(nanos);
    format!("{:016x}", hasher.finish())
}

/// The presence directory of one board (boards sharing a directory keep apart by file name).
#[derive(Clone, Debug)]
pub struct Sidecar {
    dir: PathBuf,
    board: String,
}

impl Sidecar {
    pub fn of(board_path: &Path) -> Sidecar {
        let board =
            board_path.file_name().map_or_else(|| "board".into(), |n| n.to_string_lossy().into_owned());
        Sidecar { dir: paths::directory_of(board_path).join(DIRECTORY), board }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn path_of(&self, session: &str) -> PathBuf {
        self.dir.join(format!("{}.{session}{SUFFIX}", self.board))
    }

    /// The session a file name in the directory belongs to, if it is one of this board's.
    fn session_of<'n>(&self, name: &'n OsStr) -> Option<&'n str> {
        let (board, session) = name.to_str()?.strip_suffix(SUFFIX)?.rsplit_once('.')?;
        (board == self.board && !session.is_empty()).then_some(session)
    }

    /// Announces a new session: creates the directory if need be and the session's locked file.
    pub fn join(&self, session: &str, said: &Announcement) -> Result<SessionFile, PresenceError> {
        let mode = self.prepare()?;
        let file = self.put(session, said, mode)?;
        Ok(SessionFile { sidecar: self.clone(), session: session.to_owned(), mode, file })
    }

    /// Creates the directory with the board directory's permission bits and group, so everyone
    /// who may write the board may announce themselves. Returns the mode for session files:
    /// readable by whom the board directory is readable, written only by their session.
    fn prepare(&self) -> Result<u32, PresenceError> {
        let parent = paths::directory_of(&self.dir);
        let board_dir = fs::metadata(parent)
            .map_err(|source| PresenceError::ReadParent { path: parent.to_owned(), source })?;
        let bits = board_dir.mode() & 0o7777;
        match fs::symlink_metadata(&self.dir) {
            Ok(meta) if meta.is_dir() => {}
            Ok(_) => return Err(PresenceError::NotADirectory(self.dir.clone())),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                match create_directory(&self.dir, bits) {
                    Err(source) if source.kind() != io::ErrorKind::AlreadyExists => {
                        return Err(PresenceError::Create { path: self.dir.clone(), source });
                    }
                    _ => {}
                }
                // The umask may have taken the group's bits; best effort, like the group below
                // (only the owner may change them, and a setgid directory sets the group anyway).
                let _ = fs::set_permissions(&self.dir, fs::Permissions::from_mode(bits));
                let _ = std::os::unix::fs::chown(&self.dir, None, Some(board_dir.gid()));
            }
            Err(source) => return Err(PresenceError::Read { path: self.dir.clone(), source }),
        }
        Ok(0o600 | (bits & 0o044))
    }

    /// Writes `said` to a new file, locks it and renames it into place: the file under the
    /// session's name is always complete and always locked while the session lives.
    fn put(&self, session: &str, said: &Announcement, mode: u32) -> Result<File, PresenceError> {
        let text = ron::to_string(said)?;
        let temporary = self.dir.join(format!(".{}.{session}.tmp", self.board));
        let _ = fs::remove_file(&temporary);
        let written = open_new(&temporary, mode).and_then(|mut file| {
            file.try_lock().map_err(io::Error::from)?;
            // The umask may have narrowed the mode asked for at creation.
            file.set_permissions(fs::Permissions::from_mode(mode))?;
            file.write_all(text.as_bytes())?;
            fs::rename(&temporary, self.path_of(session))?;
            Ok(file)
        });
        written
            .inspect_err(|_| _ = fs::remove_file(&temporary))
            .map_err(|source| PresenceError::Write { path: self.dir.clone(), source })
    }

    /// The live sessions of this board other than `me`, by name; files of sessions that are gone
    /// are ignored and removed (where allowed).
    pub fn scan(&self, me: &str) -> Vec<Peer> {
        let Ok(entries) = fs::read_dir(&self.dir) else { return Vec::new() };
        let mut peers: Vec<Peer> = entries
            .flatten()
            .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
            .filter_map(|entry| {
                let name = entry.file_name();
                let session = self.session_of(&name).filter(|s| *s != me)?.to_owned();
                let said = read_live(&entry.path())?;
                Some(Peer { session, said })
            })
            .collect();
        peers.sort_by(|a, b| (&a.said.name, &a.session).cmp(&(&b.said.name, &b.session)));
        peers
    }
}

/// The announcement in `path` if its session is alive. A file of a session that is gone is
/// removed: it is still linked (a replaced file is unlinked before its lock is let go) and its
/// lock could be taken, so nobody holds it.
fn read_live(path: &Path) -> Option<Announcement> {
    // Never through a link, never hanging on a FIFO someone put in the directory.
    let mut file =
        OpenOptions::new().read(true).custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK).open(path).ok()?;
    judge(&mut file, path)
}

/// [`read_live`] for `file`, opened at `path` (maybe before it was replaced).
fn judge(file: &mut File, path: &Path) -> Option<Announcement> {
    match file.try_lock_shared() {
        Err(TryLockError::WouldBlock) => {}
        Err(TryLockError::Error(_)) => return None,
        Ok(()) => {
            let same = |m: &fs::Metadata, n: &fs::Metadata| (m.dev(), m.ino()) == (n.dev(), n.ino());
            if let (Ok(mine), Ok(now)) = (file.metadata(), fs::symlink_metadata(path))
                && mine.nlink() > 0
                && same(&mine, &now)
            {
                let _ = fs::remove_file(path);
            }
            return None;
        }
    }
    let mut text = String::new();
    file.take(MAX_SIZE).read_to_string(&mut text).ok()?;
    let said: Announcement = ron::from_str(&text).ok()?;
    Some(said.sanitized())
}

impl Announcement {
    /// Names come from other users' files: no control characters, and short.
    fn sanitized(mut self) -> Announcement {
        self.name = self.name.chars().filter(|c| !c.is_control()).take(MAX_NAME).collect();
        if self.name.trim().is_empty() {
            self.name = "someone".into();
        }
        self
    }
}

/// This session's presence file, removed when the session ends.
#[derive(Debug)]
pub struct SessionFile {
    sidecar: Sidecar,
    session: String,
    mode: u32,
    /// Held open for its lock: the lock says the session is alive.
    file: File,
}

impl SessionFile {
    pub fn session(&self) -> &str {
        &self.session
    }

    /// Replaces the announcement; the old file keeps its lock until the new one is in place.
    pub fn update(&mut self, said: &Announcement) -> Result<(), PresenceError> {
        self.file = self.sidecar.put(&self.session, said, self.mode)?;
        Ok(())
    }
}

impl Drop for SessionFile {
    fn drop(&mut self) {
        // Unlinked before the lock goes with the file handle, so no reader takes it for dead.
        let _ = fs::remove_file(self.sidecar.path_of(&self.session));
    }
}

/// Every presence file is created here (exclusively, never through an existing name or link).
fn open_new(path: &Path, mode: u32) -> io::Result<File> {
    OpenOptions::new().write(true).create_new(true).mode(mode).open(path)
}

/// The presence directory is created here.
fn create_directory(path: &Path, mode: u32) -> io::Result<()> {
    DirBuilder::new().mode(mode).create(path)
}

#[cfg(test)]
#[path = "presence_tests.rs"]
mod tests;
