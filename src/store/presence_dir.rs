//! The presence directory held open (docs/FORMAT.md, "Presence"): every presence file is
//! created, renamed, read and removed relative to a descriptor of the directory opened with
//! `O_NOFOLLOW|O_DIRECTORY`, never through its path, so a teammate who swaps the directory for a
//! link after a session joined cannot make it write elsewhere.
//!
//! The directory is sticky (like `/tmp`): members of the board's group may add their own files
//! but not remove or replace each other's. A session makes an existing directory sticky when it
//! owns it, and otherwise says once that others could remove its file.

use std::ffi::{OsStr, OsString};
use std::fs::{DirBuilder, File};
use std::io;
use std::os::fd::OwnedFd;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{DirBuilderExt, MetadataExt};
use std::path::{Path, PathBuf};

use nix::dir::Dir;
use nix::errno::Errno;
use nix::fcntl::{AtFlags, OFlag, openat, renameat};
use nix::sys::stat::{FileStat, Mode, fchmod, fstat, fstatat};
use nix::unistd::{Gid, UnlinkatFlags, fchown, unlinkat};

use super::error::PresenceError;
use super::{paths, users};

/// The sticky bit: in a directory, only a file's owner (or the directory's) may remove it.
const STICKY: u32 = 0o1000;

/// The presence directory, open.
#[derive(Debug)]
pub struct PresenceDir {
    path: PathBuf,
    fd: OwnedFd,
    /// Device and inode of what `fd` is, to tell when the path names something else.
    at: (u64, u64),
}

/// What a session should be told about the directory it joined (said once).
pub type Warning = Option<String>;

impl PresenceDir {
    /// Opens the directory at `path`, creating it with the board directory's permission bits and
    /// group plus the sticky bit. Returns the mode for presence files (readable by whom the
    /// board directory is readable, written only by their session) and what to warn about.
    pub fn prepare(path: &Path) -> Result<(PresenceDir, u32, Warning), PresenceError> {
        let parent = paths::directory_of(path);
        let board_dir = std::fs::metadata(parent)
            .map_err(|source| PresenceError::ReadParent { path: parent.to_owned(), source })?;
        let bits = board_dir.mode() & 0o7777;
        let created = match DirBuilder::new().mode(bits | STICKY).create(path) {
            Ok(()) => true,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => false,
            Err(source) => return Err(PresenceError::Create { path: path.to_owned(), source }),
        };
        let dir = PresenceDir::open(path)?;
        let mut warning = None;
        if created {
            // The umask may have taken the group's bits, and a setgid directory sets the group
            // anyway; best effort, like any chown by someone who is not root.
            let _ = fchmod(&dir.fd, Mode::from_bits_truncate(bits | STICKY));
            let _ = fchown(&dir.fd, None, Some(Gid::from_raw(board_dir.gid())));
        } else {
            warning = dir.make_sticky();
        }
        Ok((dir, 0o600 | (bits & 0o044), warning))
    }

    /// Opens the directory at `path` as it is, refusing a link or anything but a directory.
    pub fn open(path: &Path) -> Result<PresenceDir, PresenceError> {
        let flags = OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC;
        let fd = nix::fcntl::open(path, flags, Mode::empty()).map_err(|errno| match errno {
            Errno::ELOOP => PresenceError::Link(path.to_owned()),
            Errno::ENOTDIR => PresenceError::NotADirectory(path.to_owned()),
            errno => PresenceError::Read { path: path.to_owned(), source: errno.into() },
        })?;
        let stat = fstat(&fd)
            .map_err(|errno| PresenceError::Read { path: path.to_owned(), source: errno.into() })?;
        Ok(PresenceDir { path: path.to_owned(), fd, at: identity(&stat) })
    }

    /// Sets the sticky bit of a directory this user owns; for one owned by someone else, says
    /// that others may remove this session's file.
    fn make_sticky(&self) -> Warning {
        let stat = fstat(&self.fd).ok()?;
        if stat.st_mode & STICKY != 0 {
            return None;
        }
        if stat.st_uid == users::current_uid() {
            let _ = fchmod(&self.fd, Mode::from_bits_truncate((stat.st_mode & 0o7777) | STICKY));
            return None;
        }
        Some(format!(
            "{} is not sticky and belongs to {}: others on this board could remove your presence",
            self.path.display(),
            users::name_of(stat.st_uid)
        ))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the path still names the directory held open (not removed, renamed or swapped).
    pub fn is_current(&self) -> Result<bool, PresenceError> {
        match std::fs::symlink_metadata(&self.path) {
            Ok(meta) if meta.file_type().is_symlink() => Err(PresenceError::Link(self.path.clone())),
            Ok(meta) => Ok((meta.dev(), meta.ino()) == self.at),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
            Err(source) => Err(PresenceError::Read { path: self.path.clone(), source }),
        }
    }

    /// Creates `name` exclusively with `mode`, never through a link.
    pub fn create(&self, name: &str, mode: u32) -> io::Result<File> {
        let flags = OFlag::O_WRONLY | OFlag::O_CREAT | OFlag::O_EXCL | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC;
        Ok(File::from(openat(&self.fd, name, flags, Mode::from_bits_truncate(mode))?))
    }

    /// Opens `name` to read, never through a link, never hanging on a FIFO.
    pub fn open_to_read(&self, name: &OsStr) -> io::Result<File> {
        let flags = OFlag::O_RDONLY | OFlag::O_NOFOLLOW | OFlag::O_NONBLOCK | OFlag::O_CLOEXEC;
        Ok(File::from(openat(&self.fd, name, flags, Mode::empty())?))
    }

    pub fn rename(&self, from: &str, to: &str) -> io::Result<()> {
        Ok(renameat(&self.fd, from, &self.fd, to)?)
    }

    /// Removes `name` if it is still the file `file` is open on.
    pub fn remove_if_same(&self, name: &OsStr, file: &File) -> io::Result<()> {
        let now = fstatat(&self.fd, name, AtFlags::AT_SYMLINK_NOFOLLOW)?;
        let mine = file.metadata()?;
        if identity(&now) == (mine.dev(), mine.ino()) {
            unlinkat(&self.fd, name, UnlinkatFlags::NoRemoveDir)?;
        }
        Ok(())
    }

    /// Removes `name`, whatever it is now (a temporary file of this session's).
    pub fn remove(&self, name: &str) {
        let _ = unlinkat(&self.fd, name, UnlinkatFlags::NoRemoveDir);
    }

    /// The names of the regular files in the directory.
    pub fn files(&self) -> Vec<OsString> {
        let flags = OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC;
        let Ok(mut listing) = Dir::openat(&self.fd, ".", flags, Mode::empty()) else { return Vec::new() };
        listing
            .iter()
            .flatten()
            .filter(|entry| matches!(entry.file_type(), Some(nix::dir::Type::File) | None))
            .map(|entry| OsStr::from_bytes(entry.file_name().to_bytes()).to_owned())
            .collect()
    }
}

fn identity(stat: &FileStat) -> (u64, u64) {
    (stat.st_dev, stat.st_ino)
}
