//! Replacing a file atomically: a temporary file in the same directory, fsync, a `.bak` of the
//! previous version, rename, directory fsync. Readers see the old file or the new one, never a
//! half-written one, a failure at any step leaves the old file as it was, and no step follows a
//! symbolic link (docs/FORMAT.md, "Files beside the board").

use std::fs::{File, Permissions};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;
use std::{fs, io};

use super::error::{ReplaceError, Step};
use super::paths::{directory_of, sibling};
use super::sidecar;
use super::sidecar::Temp;

/// Replaces `path` with what `write` puts into a fresh file, keeping the old one as `.bak`.
///
/// The new file keeps the old one's permission bits and (where allowed) its group, so a board in
/// a group-shared directory stays writable for the group; a new file in such a directory is made
/// group-writable (see [`sidecar`]). `path` must not be a symbolic link (callers resolve the
/// link the user chose first).
pub fn replace_with(
    path: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> Result<(), ReplaceError> {
    replace(path, write, true)
}

/// [`replace_with`] without the `.bak`: for files that are not boards, such as the temporary
/// file git hands a merge driver to write its result into.
pub fn replace_without_backup(
    path: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> Result<(), ReplaceError> {
    replace(path, write, false)
}

fn replace(
    path: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
    backup: bool,
) -> Result<(), ReplaceError> {
    let dir = directory_of(path);
    let old = match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => return Err(ReplaceError::Link(path.to_path_buf())),
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(ReplaceError::io(Step::Inspect, path)(e)),
    };
    let mut tmp = sidecar::temp(path, Temp::New)?;
    write(tmp.as_file_mut()).map_err(ReplaceError::io(Step::WriteNew, path))?;
    if let Some(old) = &old {
        tmp.as_file()
            .set_permissions(Permissions::from_mode(old.mode() & 0o7777))
            .map_err(ReplaceError::io(Step::Permissions, path))?;
        // Best effort: only the owner (or root) may hand a file to a group.
        if let Err(e) = std::os::unix::fs::fchown(tmp.as_file(), None, Some(old.gid())) {
            tracing::debug!(error = %e, file = %path.display(), "the new version keeps its own group");
        }
    }
    tmp.as_file().sync_all().map_err(ReplaceError::io(Step::FlushNew, path))?;
    if backup && old.is_some() {
        keep_backup(path)
            .map_err(|e| ReplaceError::Backup { path: path.to_path_buf(), source: Box::new(e) })?;
    }
    tmp.persist(path).map_err(|e| ReplaceError::io(Step::PutInPlace, path)(e.error))?;
    sync_directory(dir)
}

fn sync_directory(dir: &Path) -> Result<(), ReplaceError> {
    File::open(dir).and_then(|d| d.sync_all()).map_err(ReplaceError::io(Step::FlushDirectory, dir))
}

/// Makes `<file>.bak` the current version of `path` without following any link: a hard link made
/// under a fresh random name (or, where the filesystem has no hard links, a copy into a file
/// created exclusively), renamed over the old backup, so an old backup is never half-replaced
/// and a link planted at any name is replaced, never written through.
///
/// A writer killed after this step but before its rename leaves `<file>.bak` as another name of
/// the current file; that backup already holds this version, and linking again would leave the
/// staging name behind (renaming a name onto another name of the same file does nothing).
fn keep_backup(path: &Path) -> Result<(), ReplaceError> {
    let backup = sibling(path, "bak");
    if same_file(path, &backup) {
        return Ok(());
    }
    let dir = directory_of(path);
    let prefix = sidecar::temp_prefix(path, Temp::Backup);
    let linked = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(".tmp")
        .make_in(dir, |staging| fs::hard_link(path, staging));
    let staging = match linked {
        Ok(staging) => staging.into_temp_path(),
        Err(e) => {
            tracing::debug!(error = %e, file = %path.display(), "no hard link for the backup; copying");
            copy_to_temp(path)?
        }
    };
    let e = match staging.persist(&backup) {
        Ok(()) => return Ok(()),
        Err(e) => e,
    };
    let owner = fs::symlink_metadata(&backup).map(|m| m.uid()).ok();
    let Some(uid) = owner.filter(|uid| *uid != super::users::current_uid()) else {
        return Err(ReplaceError::BackupAs { path: path.to_path_buf(), backup, source: e.error });
    };
    // Someone else's `.bak` in a sticky directory cannot be replaced; it must not stop the save
    // (anyone could plant one): the backup goes to a name of this user's own instead.
    let login = super::users::name_of(super::users::current_uid())
        .replace(|c: char| !c.is_alphanumeric() && !"-_.".contains(c), "_");
    let own = sibling(path, &format!("bak-{login}"));
    match e.path.persist(&own) {
        Ok(()) => {
            tracing::warn!(backup = %backup.display(), owner = %super::users::name_of(uid), kept = %own.display(), "the backup belongs to someone else; kept under this user's name");
            Ok(())
        }
        Err(again) => {
            Err(ReplaceError::BackupOwned { owner: super::users::name_of(uid), backup, source: again.error })
        }
    }
}

/// Whether `a` and `b` are names of one file (neither name followed if it is a link).
fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::symlink_metadata(a), fs::symlink_metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// A copy of `path` (opened without following links) in a new temporary file of our own.
fn copy_to_temp(path: &Path) -> Result<tempfile::TempPath, ReplaceError> {
    let mut source = fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW)
        .open(path)
        .map_err(ReplaceError::io(Step::ReadToBackUp, path))?;
    let mut copy = sidecar::temp(path, Temp::Backup)?;
    io::copy(&mut source, copy.as_file_mut()).map_err(ReplaceError::io(Step::BackUp, path))?;
    Ok(copy.into_temp_path())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// The names in `dir`, sorted.
    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn replaces_content_and_keeps_backup_and_mode() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("board.ron");
        fs::write(&path, "old").expect("write");
        fs::set_permissions(&path, Permissions::from_mode(0o640)).expect("chmod");
        replace_with(&path, |f| f.write_all(b"new")).expect("replace");
        assert_eq!(fs::read_to_string(&path).expect("read"), "new");
        assert_eq!(fs::read_to_string(sibling(&path, "bak")).expect("read bak"), "old");
        let mode = fs::metadata(&path).expect("meta").mode() & 0o777;
        assert_eq!(mode, 0o640);
    }

    #[test]
    fn a_failing_writer_leaves_the_old_file_and_no_litter() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("board.ron");
        fs::write(&path, "precious").expect("write");
        let err = replace_with(&path, |f| {
            f.write_all(b"half")?;
            Err(io::Error::new(io::ErrorKind::StorageFull, "no space left on device"))
        })
        .expect_err("the write fails");
        let printed = crate::store::error::sentence(&err);
        assert!(printed.contains("no space left on device"), "{printed}");
        assert_eq!(fs::read_to_string(&path).expect("read"), "precious");
        assert_eq!(names_in(dir.path()), ["board.ron"]);
    }

    #[test]
    fn a_link_planted_at_the_backup_name_is_replaced_never_written_through() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("board.ron");
        let private = dir.path().join("private");
        fs::write(&private, "mine").expect("write");
        fs::set_permissions(&private, Permissions::from_mode(0o600)).expect("chmod");
        fs::write(&path, "old").expect("write");
        std::os::unix::fs::symlink(&private, sibling(&path, "bak")).expect("link");
        replace_with(&path, |f| f.write_all(b"new")).expect("replace");
        assert_eq!(fs::read_to_string(&private).expect("read"), "mine");
        assert_eq!(fs::metadata(&private).expect("meta").mode() & 0o777, 0o600);
        let backup = fs::symlink_metadata(sibling(&path, "bak")).expect("backup");
        assert!(backup.file_type().is_file(), "the backup is a file of its own now");
        assert_eq!(fs::read_to_string(sibling(&path, "bak")).expect("read"), "old");
        assert_eq!(names_in(dir.path()), ["board.ron", "board.ron.bak", "private"]);
    }

    #[test]
    fn a_backup_left_as_a_link_to_the_board_by_a_killed_writer_leaves_no_litter() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("board.ron");
        fs::write(&path, "current").expect("write");
        // Killed after keeping its backup, before renaming its new version in.
        fs::hard_link(&path, sibling(&path, "bak")).expect("link");
        replace_with(&path, |f| f.write_all(b"next")).expect("replace");
        assert_eq!(fs::read_to_string(&path).expect("read"), "next");
        assert_eq!(fs::read_to_string(sibling(&path, "bak")).expect("read"), "current");
        assert_eq!(names_in(dir.path()), ["board.ron", "board.ron.bak"]);
    }
}
