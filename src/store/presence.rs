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
use std::fs::{File, TryLockError};
use std::io::{Read, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::{fs, io};

use serde::{Deserialize, Serialize};

use super::error::PresenceError;
use super::presence_dir::PresenceDir;
use super::{paths, users};
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
    /// Who owns the session's file: the user the system says wrote it (`None` in tests).
    pub owner: Option<Owner>,
}

/// The owner of a presence file, which nobody can declare.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Owner {
    pub uid: u32,
    pub login: String,
}

impl Peer {
    /// How the session is named on the screen: its declared name, after the file owner's login
    /// when the two differ (`mallory (as alice)`), so nobody passes for someone else.
    pub fn label(&self) -> String {
        match &self.owner {
            Some(owner) if owner.login != self.said.name => {
                format!("{} (as {})", owner.login, self.said.name)
            }
            _ => self.said.name.clone(),
        }
    }

    /// Whether `name` is this session's declared name or its owner's login.
    pub fn answers_to(&self, name: &str) -> bool {
        self.said.name == name || self.owner.as_ref().is_some_and(|o| o.login == name)
    }

    /// The user id of the file's owner, if known.
    pub fn uid(&self) -> Option<u32> {
        self.owner.as_ref().map(|o| o.uid)
    }
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

    /// The file name of `session`'s presence file.
    fn name_of(&self, session: &str) -> String {
        format!("{}.{session}{SUFFIX}", self.board)
    }

    /// The session a file name in the directory belongs to, if it is one of this board's.
    fn session_of<'n>(&self, name: &'n OsStr) -> Option<&'n str> {
        let (board, session) = name.to_str()?.strip_suffix(SUFFIX)?.rsplit_once('.')?;
        (board == self.board && !session.is_empty()).then_some(session)
    }

    /// Announces a new session: creates the directory if need be and the session's locked file.
    pub fn join(&self, session: &str, said: &Announcement) -> Result<SessionFile, PresenceError> {
        let (dir, mode, warning) = PresenceDir::prepare(&self.dir)?;
        let file = self.put(&dir, session, said, mode)?;
        Ok(SessionFile { sidecar: self.clone(), session: session.to_owned(), mode, dir, file, warning })
    }

    /// Writes `said` to a new file, locks it and renames it into place, all inside `dir`: the
    /// file under the session's name is always complete and always locked while the session lives.
    fn put(
        &self,
        dir: &PresenceDir,
        session: &str,
        said: &Announcement,
        mode: u32,
    ) -> Result<File, PresenceError> {
        let text = ron::to_string(said)?;
        let temporary = format!(".{}.{session}.tmp", self.board);
        dir.remove(&temporary);
        let written = dir.create(&temporary, mode).and_then(|mut file| {
            file.try_lock().map_err(io::Error::from)?;
            // The umask may have narrowed the mode asked for at creation.
            file.set_permissions(fs::Permissions::from_mode(mode))?;
            file.write_all(text.as_bytes())?;
            dir.rename(&temporary, &self.name_of(session))?;
            Ok(file)
        });
        written
            .inspect_err(|_| dir.remove(&temporary))
            .map_err(|source| PresenceError::Write { path: self.dir.clone(), source })
    }

    /// The live sessions of this board other than `me`, by name; files of sessions that are gone
    /// are ignored and removed (where allowed). Nothing is read through a link.
    pub fn scan(&self, me: &str) -> Vec<Peer> {
        let Ok(dir) = PresenceDir::open(&self.dir) else { return Vec::new() };
        let mut logins: Vec<Owner> = Vec::new();
        let mut peers: Vec<Peer> = dir
            .files()
            .into_iter()
            .filter_map(|name| {
                let session = self.session_of(&name).filter(|s| *s != me)?.to_owned();
                let mut file = dir.open_to_read(&name).ok()?;
                let meta = file.metadata().ok().filter(fs::Metadata::is_file)?;
                let said = judge(&dir, &name, &mut file)?;
                let owner = owner_of(meta.uid(), &mut logins);
                Some(Peer { session, said, owner: Some(owner) })
            })
            .collect();
        peers.sort_by(|a, b| (&a.said.name, &a.session).cmp(&(&b.said.name, &b.session)));
        peers
    }
}

/// The owner `uid` with its login, looked up once per scan.
fn owner_of(uid: u32, known: &mut Vec<Owner>) -> Owner {
    if let Some(owner) = known.iter().find(|o| o.uid == uid) {
        return owner.clone();
    }
    let owner = Owner { uid, login: users::name_of(uid) };
    known.push(owner.clone());
    owner
}

/// The announcement in `file` (opened as `name` in `dir`) if its session is alive. A file of a
/// session that is gone is removed: it is still linked (a replaced file is unlinked before its
/// lock is let go) and its lock could be taken, so nobody holds it.
fn judge(dir: &PresenceDir, name: &OsStr, file: &mut File) -> Option<Announcement> {
    match file.try_lock_shared() {
        Err(TryLockError::WouldBlock) => {}
        Err(TryLockError::Error(_)) => return None,
        Ok(()) => {
            if file.metadata().is_ok_and(|m| m.nlink() > 0) {
                let _ = dir.remove_if_same(name, file);
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
    /// The directory the file is in, held open.
    dir: PresenceDir,
    /// Held open for its lock: the lock says the session is alive.
    file: File,
    /// Something about the directory the user should hear once.
    warning: Option<String>,
}

impl SessionFile {
    pub fn session(&self) -> &str {
        &self.session
    }

    /// What the user should hear about the presence directory, once.
    pub fn take_warning(&mut self) -> Option<String> {
        self.warning.take()
    }

    /// Replaces the announcement; the old file keeps its lock until the new one is in place.
    /// A directory removed or replaced since is opened (or made) again; one swapped for a link
    /// is refused.
    pub fn update(&mut self, said: &Announcement) -> Result<(), PresenceError> {
        if !self.dir.is_current()? {
            let (dir, mode, warning) = PresenceDir::prepare(self.sidecar.dir())?;
            let file = self.sidecar.put(&dir, &self.session, said, mode)?;
            let name = self.sidecar.name_of(&self.session);
            let _ = self.dir.remove_if_same(name.as_ref(), &self.file);
            (self.dir, self.mode, self.file, self.warning) = (dir, mode, file, warning);
            return Ok(());
        }
        self.file = self.sidecar.put(&self.dir, &self.session, said, self.mode)?;
        Ok(())
    }
}

impl Drop for SessionFile {
    fn drop(&mut self) {
        // Unlinked before the lock goes with the file handle, so no reader takes it for dead.
        let name = self.sidecar.name_of(&self.session);
        let _ = self.dir.remove_if_same(name.as_ref(), &self.file);
    }
}

#[cfg(test)]
#[path = "presence_tests.rs"]
mod tests;
