//! What git hands a merge driver and where it wants the result: three files (the common version
//! may be empty when both sides added the file), and the merged text written over OURS, to
//! another file (`-o OUT`) or to stdout (`-o -`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::{fs, io};

use anyhow::{Context, Result};

use crate::store::{BoardLock, atomic, location};

/// The three versions git hands a merge driver, and where the result goes.
#[derive(Debug, clap::Args)]
pub struct Versions {
    /// The common ancestor's version (git's %O); empty when both sides added the file.
    pub base: PathBuf,
    /// Our version (git's %A): replaced by the merged result unless -o is given.
    pub ours: PathBuf,
    /// Their version (git's %B).
    pub theirs: PathBuf,
    /// Write the merged result here instead of over OURS (`-` prints it).
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    pub output: Option<PathBuf>,
}

impl Versions {
    /// Where the result goes.
    pub fn output(&self) -> Result<Output> {
        Output::of(self.output.as_deref(), &self.ours)
    }
}

/// Where a merge driver's result goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Output {
    Stdout,
    /// Over OURS, as git expects: no backup is left beside git's temporary file.
    Ours(PathBuf),
    /// A file named with `-o` (a board, say): replaced as a save replaces it, the old version
    /// kept as `<file>.bak`.
    File(PathBuf),
}

impl Output {
    /// `-o OUT` (`-` for stdout), else OURS itself, as git expects of a merge driver.
    pub fn of(output: Option<&Path>, ours: &Path) -> Result<Output> {
        Ok(match output {
            Some(path) if path.as_os_str() == "-" => Output::Stdout,
            Some(path) => Output::File(location::through_links(path.to_path_buf())?),
            None => Output::Ours(ours.to_path_buf()),
        })
    }

    /// Writes the result; a file is replaced whole (a temporary file renamed over it, keeping
    /// its permission bits), so a reader never sees half a board.
    pub fn write(&self, bytes: &[u8]) -> Result<()> {
        match self {
            Output::Stdout => io::stdout().lock().write_all(bytes).context("cannot print the merged result"),
            Output::Ours(path) => Ok(atomic::replace_without_backup(path, |file| file.write_all(bytes))?),
            Output::File(path) => {
                // A board may be open in a session: write as a save does, under the board's lock.
                let _lock = BoardLock::acquire(path)?;
                Ok(atomic::replace_with(path, |file| file.write_all(bytes))?)
            }
        }
    }
}

/// The bytes of one of the versions to merge.
pub fn read(path: &Path) -> Result<Vec<u8>> {
    fs::read(path).with_context(|| format!("cannot read {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs::Permissions;
    use std::os::unix::fs::{MetadataExt, PermissionsExt};

    #[test]
    fn the_result_replaces_ours_by_default_and_keeps_its_mode() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ours = dir.path().join(".merge_file_abc");
        fs::write(&ours, "old").expect("write");
        fs::set_permissions(&ours, Permissions::from_mode(0o640)).expect("chmod");
        let out = Output::of(None, &ours).expect("ours");
        assert_eq!(out, Output::Ours(ours.clone()));
        out.write(b"new").expect("write");
        assert_eq!(fs::read_to_string(&ours).expect("read"), "new");
        assert_eq!(fs::metadata(&ours).expect("meta").mode() & 0o777, 0o640);
        let names: Vec<_> =
            fs::read_dir(dir.path()).expect("ls").map(|e| e.expect("entry").file_name()).collect();
        assert_eq!(names, [std::ffi::OsString::from(".merge_file_abc")], "no backup, no litter");
        assert_eq!(Output::of(Some(Path::new("-")), &ours).expect("stdout"), Output::Stdout);
        let board = dir.path().join("board.ron");
        fs::write(&board, "old board").expect("write");
        Output::of(Some(&board), &ours).expect("board").write(b"merged").expect("write");
        assert_eq!(
            fs::read_to_string(crate::store::paths::sibling(&board, "bak")).expect("bak"),
            "old board",
            "-o keeps a backup"
        );
    }
}
