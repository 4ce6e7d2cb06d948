//! The recovery copy: the board with this session's unsaved changes, written when a session ends
//! and its last save failed. Its name is unpredictable and it is created exclusively
//! (`<board>.recovered-<time>-<random>.ron`), so nobody can plant a link or a file there first;
//! beside the board if possible, else in the user's own state directory, never in a shared
//! temporary directory (docs/FORMAT.md, "Files beside the board").

use std::fs;
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};

use super::error::{ReplaceError, Step};
use super::paths::directory_of;

/// Writes `text` as a recovery copy of `board` stamped `stamp` and returns where: beside the
/// board, else in the user's state directory (`$XDG_STATE_HOME/twotrack`, made private).
pub fn write(board: &Path, stamp: &str, text: &[u8]) -> Result<PathBuf, ReplaceError> {
    let name = board.file_name().map_or("board".into(), |n| n.to_string_lossy().into_owned());
    let prefix = format!("{name}.recovered-{stamp}-");
    let beside = write_in(directory_of(board), &prefix, text);
    let err = match beside {
        Ok(path) => return Ok(path),
        Err(err) => err,
    };
    tracing::warn!(error = %super::error::sentence(&err), "no recovery copy beside the board; trying the state directory");
    let Some(dir) = state_home() else { return Err(err) };
    write_in(&dir, &prefix, text)
}

/// The user's own state directory for twotrack, made (private) if need be (the user's state
/// file of a board lives there too, `user_state.rs`).
pub(super) fn state_home() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "twotrack")?;
    let dir = dirs.state_dir().unwrap_or_else(|| dirs.data_local_dir()).to_path_buf();
    fs::DirBuilder::new().recursive(true).mode(0o700).create(&dir).ok()?;
    Some(dir)
}

/// A new file in `dir` named `<prefix><random>.ron`, created exclusively (never through a link),
/// readable by this user alone, holding `text`, flushed.
fn write_in(dir: &Path, prefix: &str, text: &[u8]) -> Result<PathBuf, ReplaceError> {
    let mut file = tempfile::Builder::new()
        .prefix(prefix)
        .suffix(".ron")
        .rand_bytes(8)
        .permissions(fs::Permissions::from_mode(0o600))
        .tempfile_in(dir)
        .map_err(ReplaceError::io(Step::Create, dir))?;
    file.write_all(text).map_err(ReplaceError::io(Step::Write, dir))?;
    file.as_file().sync_all().map_err(ReplaceError::io(Step::Flush, dir))?;
    let (_, path) = file.keep().map_err(|e| ReplaceError::io(Step::Create, dir)(e.error))?;
    tracing::warn!(copy = %path.display(), "the board with the unsaved changes was written to a recovery copy");
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recovery_copy_is_new_private_and_unpredictable() {
        let dir = tempfile::tempdir().expect("tempdir");
        let board = dir.path().join("board.ron");
        let first = write(&board, "20261121-100000", b"one").expect("first");
        let second = write(&board, "20261121-100000", b"two").expect("second");
        assert_ne!(first, second, "the same second gives two names");
        let name = first.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
        assert!(name.starts_with("board.ron.recovered-20261121-100000-") && name.ends_with(".ron"), "{name}");
        assert_eq!(fs::read(&first).expect("read"), b"one");
        use std::os::unix::fs::MetadataExt;
        assert_eq!(fs::metadata(&second).expect("meta").mode() & 0o777, 0o600);
    }
}
