//! A file the user names with `-o` (`export`, `report --html`, `retro --html`): never over an
//! existing file without `--force`, never through a symbolic link (refused like the store's
//! sidecars, whoever planted it), never over another user's file in a directory anyone may
//! write; written beside it and renamed into place, so a reader never sees half a file.

use std::io::{self, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Why the file was not written, in one sentence.
#[derive(Debug, thiserror::Error)]
pub enum OutFileError {
    #[error("{} already exists; nothing was written (--force replaces it)", .0.display())]
    Exists(PathBuf),
    #[error("{} is a symbolic link; nothing was written (name the file itself)", .0.display())]
    Link(PathBuf),
    #[error("{} is not a regular file; nothing was written", .0.display())]
    NotAFile(PathBuf),
    #[error("{} belongs to {owner} in a directory anyone may write; nothing was written", .path.display())]
    NotYours { path: PathBuf, owner: String },
    #[error("cannot write {}: {}", .path.display(), .source.to_string().to_lowercase())]
    Write { path: PathBuf, source: io::Error },
}

/// Writes `text` to `path` (see the module documentation); `force` replaces a file there.
pub fn write(path: &Path, text: &str, force: bool) -> Result<(), OutFileError> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => return Err(OutFileError::Link(path.to_path_buf())),
        Ok(meta) if !meta.file_type().is_file() => return Err(OutFileError::NotAFile(path.to_path_buf())),
        Ok(_) if !force => return Err(OutFileError::Exists(path.to_path_buf())),
        Ok(meta) if !trusted(meta.uid(), dir) => {
            let owner = crate::store::users::name_of(meta.uid());
            return Err(OutFileError::NotYours { path: path.to_path_buf(), owner });
        }
        Ok(_) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(source) => return Err(OutFileError::Write { path: path.to_path_buf(), source }),
    }
    // A link planted after the check is replaced by the rename, never written through.
    let fail = |source| OutFileError::Write { path: path.to_path_buf(), source };
    // Made as any new file is (0666 less the umask), not private as temporary files are.
    let mut temp = tempfile::Builder::new()
        .permissions(std::fs::Permissions::from_mode(0o666))
        .tempfile_in(dir)
        .map_err(fail)?;
    temp.write_all(text.as_bytes()).map_err(fail)?;
    temp.as_file().sync_all().map_err(fail)?;
    temp.persist(path).map(|_| ()).map_err(|e| fail(e.error))
}

/// Whether a file of `uid`'s in `dir` may be replaced: anywhere only you or your team can
/// write, and in a directory anyone may write (a sticky `/tmp`) only your own or root's.
fn trusted(uid: u32, dir: &Path) -> bool {
    let anyone = std::fs::metadata(dir).is_ok_and(|m| m.mode() & 0o002 != 0);
    !anyone || uid == 0 || uid == crate::store::users::current_uid()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_an_existing_file_without_force_and_replaces_it_with() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("review.html");
        write(&path, "one", false).expect("new file");
        let err = write(&path, "two", false).expect_err("exists");
        assert!(
            err.to_string().ends_with("already exists; nothing was written (--force replaces it)"),
            "{err}"
        );
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "one");
        write(&path, "two", true).expect("forced");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "two");
    }

    #[test]
    fn never_writes_through_a_symbolic_link_even_forced() {
        let dir = tempfile::tempdir().expect("tempdir");
        let victim = dir.path().join("bashrc");
        std::fs::write(&victim, "alias ll='ls -l'\n").expect("write");
        let path = dir.path().join("review.html");
        std::os::unix::fs::symlink(&victim, &path).expect("link");
        for force in [false, true] {
            let err = write(&path, "<html>", force).expect_err("a link is refused");
            assert!(err.to_string().contains("is a symbolic link; nothing was written"), "{err}");
        }
        let dangling = dir.path().join("dangling.html");
        std::os::unix::fs::symlink(dir.path().join("nowhere"), &dangling).expect("link");
        assert!(matches!(write(&dangling, "x", true), Err(OutFileError::Link(_))));
        assert!(!dir.path().join("nowhere").exists());
        assert_eq!(std::fs::read_to_string(&victim).expect("read"), "alias ll='ls -l'\n");
        assert!(matches!(write(dir.path(), "x", true), Err(OutFileError::NotAFile(_))));
    }
}
