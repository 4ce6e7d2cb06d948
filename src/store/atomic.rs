//! Replacing a file atomically: a temporary file in the same directory, fsync, a `.bak` of the
//! previous version, rename, directory fsync. Readers see the old file or the new one, never a
//! half-written one, and a failure at any step leaves the old file as it was.

use std::fs::{self, File, Permissions};
use std::io;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// `<file>.<suffix>` next to `path`.
pub fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".");
    name.push(suffix);
    path.with_file_name(name)
}

/// The directory `path` lives in (`.` for a bare file name).
pub fn directory_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// Replaces `path` with what `write` puts into a fresh file, keeping the old one as `.bak`.
///
/// The new file keeps the old one's permission bits and (where allowed) its group, so a board in
/// a group-shared directory stays writable for the group.
pub fn replace_with(path: &Path, write: impl FnOnce(&mut File) -> io::Result<()>) -> Result<()> {
    replace(path, write, true)
}

/// [`replace_with`] without the `.bak`: for files that are not boards, such as the temporary
/// file git hands a merge driver to write its result into.
pub fn replace_without_backup(path: &Path, write: impl FnOnce(&mut File) -> io::Result<()>) -> Result<()> {
    replace(path, write, false)
}

fn replace(path: &Path, write: impl FnOnce(&mut File) -> io::Result<()>, backup: bool) -> Result<()> {
    let dir = directory_of(path);
    let old = fs::metadata(path).ok();
    let prefix = format!(".{}.", path.file_name().unwrap_or_default().to_string_lossy());
    let mut tmp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(".tmp")
        // New files get the usual 0666 less the umask; existing ones their own bits below.
        .permissions(Permissions::from_mode(0o666))
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    write(tmp.as_file_mut())
        .with_context(|| format!("cannot write the new version of {}", path.display()))?;
    if let Some(old) = &old {
        fs::set_permissions(tmp.path(), Permissions::from_mode(old.mode() & 0o7777))
            .with_context(|| format!("cannot give the new file the permissions of {}", path.display()))?;
        // Best effort: only the owner (or root) may hand a file to a group.
        let _ = std::os::unix::fs::fchown(tmp.as_file(), None, Some(old.gid()));
    }
    tmp.as_file()
        .sync_all()
        .with_context(|| format!("cannot flush the new version of {} to disk", path.display()))?;
    if backup && old.is_some() {
        keep_backup(path).with_context(|| format!("cannot keep a backup of {}", path.display()))?;
    }
    tmp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("cannot put the new version in place at {}", path.display()))?;
    File::open(dir)
        .and_then(|d| d.sync_all())
        .with_context(|| format!("cannot flush directory {}", dir.display()))?;
    Ok(())
}

/// Makes `<file>.bak` the current version of `path`: a hard link when the filesystem allows,
/// else a copy; put in place by rename so an old backup is never half-replaced.
fn keep_backup(path: &Path) -> io::Result<()> {
    let backup = sibling(path, "bak");
    let staging = sibling(path, &format!("bak.{}.tmp", std::process::id()));
    let _ = fs::remove_file(&staging);
    if fs::hard_link(path, &staging).is_err() {
        fs::copy(path, &staging)?;
    }
    fs::rename(&staging, &backup).inspect_err(|_| {
        let _ = fs::remove_file(&staging);
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

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
        assert!(format!("{err:#}").contains("no space left on device"), "{err:#}");
        assert_eq!(fs::read_to_string(&path).expect("read"), "precious");
        let names: Vec<_> =
            fs::read_dir(dir.path()).expect("list").map(|e| e.expect("entry").file_name()).collect();
        assert_eq!(names, vec![std::ffi::OsString::from("board.ron")]);
    }
}
