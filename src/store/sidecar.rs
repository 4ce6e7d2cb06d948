//! The one way to create or open a file beside the board: its lock, journal, drafts, presence
//! files and the temporary files of a save. Nothing here ever follows a symbolic link.
//!
//! How the other parts use it (see docs/FORMAT.md for the names):
//! - A named sidecar `<board>.<suffix>` (`lock`, `journal`, `draft.<user>`, `presence.<user>`):
//!   [`open`] with an [`Access`]. It opens the file if it is there, else creates it exclusively
//!   (`O_CREAT|O_EXCL`), always with `O_NOFOLLOW`: a symbolic link at that name is refused with
//!   an error naming it, never written through; so is anything that is not a regular file.
//! - A temporary file for a save, a backup or a recovery copy: [`temp`] with a [`Temp`] kind. Its
//!   name is random and recognisable (`.<board>.<kind>-XXXXXX.tmp`), so [`remove_stale`], called
//!   under the board's lock, removes what a writer killed mid-save left behind.
//! - Every file created here in a group-shared directory (group-writable or setgid, like git's
//!   shared repositories) is made group-readable and -writable whatever the umask, so teammates
//!   can lock, append and save; elsewhere the umask decides.
//! - A file made by a teammate is normal in a shared directory. Only in a directory that anyone
//!   may write (a sticky `/tmp`-like one) is a file in the way that belongs to someone other than
//!   you, the board's owner or root an attack: it is refused with an error naming it and its owner.

use std::fs::{File, OpenOptions};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::{fs, io};

use super::error::SidecarError;
use super::paths::{directory_of, sibling};
use super::users;

/// What a sidecar is opened for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Reading is enough (a lock: `flock` works on a read-only descriptor, so a teammate's lock
    /// file that you may only read still serialises you).
    Lock,
    /// Appending records (a journal).
    Append,
    /// Reading and rewriting (drafts, presence).
    ReadWrite,
}

/// The temporary files of a save, named so that leftovers of a killed writer can be found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Temp {
    /// The new version of a file before it is renamed into place.
    New,
    /// A hard link (or copy) of the previous version before it is renamed to `<file>.bak`.
    Backup,
}

impl Temp {
    const ALL: [Temp; 2] = [Temp::New, Temp::Backup];

    fn tag(self) -> &'static str {
        match self {
            Temp::New => "new",
            Temp::Backup => "bak",
        }
    }
}

/// Opens `<board>.<suffix>`, creating it if it is not there (see the module documentation).
pub fn open(board: &Path, suffix: &str, access: Access) -> Result<File, SidecarError> {
    let path = sibling(board, suffix);
    // Two tries: a file that appears between "not there" and "create" is opened the second time.
    for _ in 0..2 {
        match open_existing(&path, access) {
            Ok(file) => return checked(file, &path, board),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(refusal(e, &path)),
        }
        match create_new(&path, access) {
            Ok(file) => {
                share_with_group(&file, directory_of(board));
                return Ok(file);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(source) => return Err(SidecarError::Create { path, source }),
        }
    }
    Err(SidecarError::Unsteady(path))
}

/// Opens `<board>.<suffix>` for reading if it is there (`None` if not): never through a link,
/// never hanging on a FIFO, and only a regular file from someone it is safe to share with.
pub fn open_to_read(board: &Path, suffix: &str) -> Result<Option<File>, SidecarError> {
    let path = sibling(board, suffix);
    match open_existing(&path, Access::Lock) {
        Ok(file) => checked(file, &path, board).map(Some),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(refusal(e, &path)),
    }
}

/// Opens `<board>.<suffix>` for this user alone (a draft may hold text not meant for the team
/// yet): created readable and writable by its user only, never shared with the group. A file
/// already there must be a regular file of this user's; it is emptied.
pub fn open_private(board: &Path, suffix: &str) -> Result<File, SidecarError> {
    let path = sibling(board, suffix);
    let file =
        options(Access::ReadWrite).create(true).mode(0o600).open(&path).map_err(|e| refusal(e, &path))?;
    let meta = match file.metadata() {
        Ok(meta) => meta,
        Err(source) => return Err(SidecarError::Read { path, source }),
    };
    if !meta.file_type().is_file() || meta.uid() != users::current_uid() {
        return Err(SidecarError::NotYours(path));
    }
    if meta.nlink() > 1 {
        return Err(SidecarError::HardLinked { path, links: meta.nlink() });
    }
    match file.set_len(0) {
        Ok(()) => Ok(file),
        Err(source) => Err(SidecarError::Empty { path, source }),
    }
}

/// A new temporary file of `kind` in the board's directory, created exclusively under a random
/// name, group-shared like any sidecar. Dropping it removes it.
pub fn temp(board: &Path, kind: Temp) -> Result<tempfile::NamedTempFile, SidecarError> {
    let dir = directory_of(board);
    let file = tempfile::Builder::new()
        .prefix(&temp_prefix(board, kind))
        .suffix(".tmp")
        // New files get the usual 0666 less the umask; a save then gives them the old file's bits.
        .permissions(fs::Permissions::from_mode(0o666))
        .tempfile_in(dir)
        .map_err(|source| SidecarError::Temporary { dir: dir.to_path_buf(), source })?;
    share_with_group(file.as_file(), dir);
    Ok(file)
}

/// Removes the temporary files that writers killed in the middle of a save left beside `board`.
/// Call it only while holding the board's lock: every writer makes its temporary files under
/// that lock, so any there now belong to a writer that is gone. Returns how many were removed.
pub fn remove_stale(board: &Path) -> usize {
    let dir = directory_of(board);
    let Ok(entries) = fs::read_dir(dir) else { return 0 };
    let prefixes: Vec<String> = Temp::ALL.iter().map(|kind| temp_prefix(board, *kind)).collect();
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !name.ends_with(".tmp") || !prefixes.iter().any(|p| name.starts_with(p.as_str())) {
            continue;
        }
        // Removing a name never follows a link; in a sticky directory another user's file
        // cannot be removed, which is fine: it is theirs.
        match fs::remove_file(entry.path()) {
            Ok(()) => {
                removed += 1;
                tracing::info!(file = %entry.path().display(), "removed a temporary file left by a killed save");
            }
            Err(e) => {
                tracing::debug!(file = %entry.path().display(), error = %e, "stale temporary file kept")
            }
        }
    }
    removed
}

/// Whether new files in `dir` are for a group: the directory is group-writable or setgid.
pub fn is_group_shared(dir: &Path) -> bool {
    fs::metadata(dir).is_ok_and(|m| m.mode() & 0o2000 != 0 || m.mode() & 0o020 != 0)
}

/// Makes a file just created in `dir` group-readable and -writable when `dir` is group-shared,
/// whatever the umask. Best effort: a file whose mode cannot be changed stays as created.
pub fn share_with_group(file: &File, dir: &Path) {
    if !is_group_shared(dir) {
        return;
    }
    let Ok(meta) = file.metadata() else { return };
    let mode = meta.mode() & 0o7777;
    if mode & 0o060 != 0o060
        && let Err(e) = file.set_permissions(fs::Permissions::from_mode(mode | 0o060))
    {
        tracing::warn!(error = %e, dir = %dir.display(), "cannot make a new file group-writable");
    }
}

/// `.<board file name>.<kind>-`, the start of every temporary file name of that kind.
pub(super) fn temp_prefix(board: &Path, kind: Temp) -> String {
    let name = board.file_name().unwrap_or_default().to_string_lossy();
    format!(".{name}.{}-", kind.tag())
}

fn options(access: Access) -> OpenOptions {
    let mut options = OpenOptions::new();
    match access {
        Access::Lock => options.read(true),
        Access::Append => options.read(true).append(true),
        Access::ReadWrite => options.read(true).write(true),
    };
    // Never through a link; never hang on a FIFO someone put there.
    options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    options
}

fn open_existing(path: &Path, access: Access) -> io::Result<File> {
    options(access).open(path)
}

fn create_new(path: &Path, access: Access) -> io::Result<File> {
    let mut options = options(access);
    if access == Access::Lock {
        // Created for a lock, but teammates may need to write it later (or append to it).
        options.write(true);
    }
    options.create_new(true).mode(0o666).open(path)
}

/// Accepts an opened sidecar only if it is a regular file with one name, from someone it is safe
/// to share with.
fn checked(file: File, path: &Path, board: &Path) -> Result<File, SidecarError> {
    let meta = file.metadata().map_err(|source| SidecarError::Read { path: path.to_path_buf(), source })?;
    if !meta.file_type().is_file() {
        return Err(SidecarError::NotAFile(path.to_path_buf()));
    }
    // A second name elsewhere (where `fs.protected_hardlinks` is off, anyone may link a file of
    // yours into the board's directory) would have the journal appended to, or a draft emptied
    // into, that other file.
    if meta.nlink() > 1 {
        return Err(SidecarError::HardLinked { path: path.to_path_buf(), links: meta.nlink() });
    }
    if !trusted_owner(meta.uid(), directory_of(board), board) {
        return Err(SidecarError::Untrusted { path: path.to_path_buf(), owner: users::name_of(meta.uid()) });
    }
    Ok(file)
}

/// Whether a file owned by `uid` in `dir` may be used: anything in a directory that only you
/// or your team can write; in a directory anyone can write, only yours, the board owner's or
/// root's.
fn trusted_owner(uid: u32, dir: &Path, board: &Path) -> bool {
    let world_writable = fs::metadata(dir).is_ok_and(|m| m.mode() & 0o002 != 0);
    if !world_writable || uid == 0 || uid == users::current_uid() {
        return true;
    }
    fs::symlink_metadata(board).is_ok_and(|m| m.uid() == uid)
}

/// The error for a sidecar that could not be opened, in words that say what is in the way.
fn refusal(error: io::Error, path: &Path) -> SidecarError {
    let path = path.to_path_buf();
    if error.raw_os_error() == Some(libc::ELOOP) {
        return SidecarError::Link(path);
    }
    if error.kind() == io::ErrorKind::PermissionDenied {
        let owner = fs::symlink_metadata(&path).map(|m| users::name_of(m.uid())).ok();
        return SidecarError::Denied { path, owner };
    }
    SidecarError::Open { path, source: error }
}

/// Where `<board>.<suffix>` is.
pub fn path_of(board: &Path, suffix: &str) -> PathBuf {
    sibling(board, suffix)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn board_in(dir: &tempfile::TempDir) -> PathBuf {
        dir.path().join("board.ron")
    }

    #[test]
    fn creates_then_reopens_the_same_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let board = board_in(&dir);
        let first = open(&board, "lock", Access::Lock).expect("created");
        let second = open(&board, "lock", Access::Lock).expect("reopened");
        let (a, b) = (first.metadata().expect("meta"), second.metadata().expect("meta"));
        assert_eq!((a.dev(), a.ino()), (b.dev(), b.ino()));
        assert!(path_of(&board, "lock").is_file());
    }

    #[test]
    fn a_symbolic_link_is_refused_and_its_target_untouched() {
        let dir = tempfile::tempdir().expect("tempdir");
        let board = board_in(&dir);
        let target = dir.path().join("private");
        fs::write(&target, "secret").expect("write");
        std::os::unix::fs::symlink(&target, path_of(&board, "journal")).expect("link");
        let dangling = dir.path().join("nowhere");
        std::os::unix::fs::symlink(&dangling, path_of(&board, "lock")).expect("link");
        for (suffix, access) in [("journal", Access::Append), ("lock", Access::Lock)] {
            let err = open(&board, suffix, access).expect_err("a link is refused");
            let text = format!("{err:#}");
            assert!(text.contains("is a symbolic link") && text.contains(suffix), "{text}");
        }
        assert_eq!(fs::read_to_string(&target).expect("read"), "secret");
        assert!(!dangling.exists(), "nothing was created where the dangling link points");
    }

    #[test]
    fn a_fifo_or_directory_in_the_way_is_refused_without_hanging() {
        let dir = tempfile::tempdir().expect("tempdir");
        let board = board_in(&dir);
        fs::create_dir(path_of(&board, "draft.ana")).expect("dir");
        let err = open(&board, "draft.ana", Access::ReadWrite).expect_err("a directory");
        assert!(format!("{err:#}").contains("draft.ana"), "{err:#}");
        let fifo = path_of(&board, "lock");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let err = open(&board, "lock", Access::Lock).expect_err("a fifo");
            assert!(format!("{err:#}").contains("not a regular file"), "{err:#}");
        }
    }

    #[test]
    fn a_sidecar_with_a_second_name_is_refused_and_the_other_file_untouched() {
        let dir = tempfile::tempdir().expect("tempdir");
        let board = board_in(&dir);
        let victim = dir.path().join("bashrc");
        fs::write(&victim, "alias ll='ls -l'\n").expect("write");
        fs::hard_link(&victim, path_of(&board, "journal")).expect("link");
        fs::hard_link(&victim, path_of(&board, "draft-ana")).expect("link");
        let err = open(&board, "journal", Access::Append).expect_err("a hard link is refused");
        assert!(format!("{err:#}").contains("hard links"), "{err:#}");
        assert!(open_private(&board, "draft-ana").is_err(), "a draft is never emptied into it");
        assert!(open_to_read(&board, "journal").is_err());
        assert_eq!(fs::read_to_string(&victim).expect("read"), "alias ll='ls -l'\n");
    }

    #[test]
    fn files_in_a_group_shared_directory_are_group_writable_whatever_the_umask() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o2770)).expect("setgid");
        let board = board_in(&dir);
        let lock = open(&board, "lock", Access::Lock).expect("lock");
        // Whatever the umask did at creation, the group may read and write.
        lock.set_permissions(fs::Permissions::from_mode(0o600)).expect("narrow it");
        drop(lock);
        fs::remove_file(path_of(&board, "lock")).expect("remove");
        let lock = open(&board, "lock", Access::Lock).expect("lock");
        assert_eq!(lock.metadata().expect("meta").mode() & 0o060, 0o060);
        let tmp = temp(&board, Temp::New).expect("temp");
        assert_eq!(tmp.as_file().metadata().expect("meta").mode() & 0o060, 0o060);
    }

    #[test]
    fn stale_temporary_files_are_recognised_and_only_ours_removed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let board = board_in(&dir);
        let new = temp(&board, Temp::New).expect("temp");
        let bak = temp(&board, Temp::Backup).expect("temp");
        let (new, bak) =
            (new.into_temp_path().keep().expect("keep"), bak.into_temp_path().keep().expect("keep"));
        let other = dir.path().join(".notes.ron.new-abc.tmp");
        let recovered = dir.path().join(".board.ron.recovered-1.ron.new-abc.tmp");
        fs::write(&other, "").expect("write");
        fs::write(&recovered, "").expect("write");
        assert_eq!(remove_stale(&board), 2);
        assert!(!new.exists() && !bak.exists());
        assert!(other.exists() && recovered.exists(), "other boards' files are left alone");
    }
}
