//! What git hands a merge driver and where it wants the result: three files (the common version
//! may be empty when both sides added the file), and the merged text written over OURS, to
//! another file (`-o OUT`) or to stdout (`-o -`).

use std::fs::{self, Permissions};
use std::io::{self, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::store::{atomic, location};

/// Where a merge driver's result goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Output {
    Stdout,
    File(PathBuf),
}

impl Output {
    /// `-o OUT` (`-` for stdout), else OURS itself, as git expects of a merge driver.
    pub fn of(output: Option<&Path>, ours: &Path) -> Output {
        match output {
            Some(path) if path.as_os_str() == "-" => Output::Stdout,
            Some(path) => Output::File(location::through_links(path.to_path_buf())),
            None => Output::File(ours.to_path_buf()),
        }
    }

    /// Writes the result: a file is replaced whole (a temporary file renamed over it, keeping
    /// its permission bits), so a reader never sees half a board, and no backup is left beside
    /// git's temporary files.
    pub fn write(&self, bytes: &[u8]) -> Result<()> {
        let Output::File(path) = self else {
            return io::stdout().lock().write_all(bytes).context("cannot print the merged result");
        };
        let what = || format!("cannot write the merged result to {}", path.display());
        let dir = atomic::directory_of(path);
        let mut tmp = tempfile::Builder::new()
            .prefix(".twotrack-merge.")
            .permissions(Permissions::from_mode(0o666))
            .tempfile_in(dir)
            .with_context(what)?;
        tmp.write_all(bytes).with_context(what)?;
        if let Ok(old) = fs::metadata(path) {
            fs::set_permissions(tmp.path(), Permissions::from_mode(old.mode() & 0o7777))
                .with_context(what)?;
        }
        tmp.as_file().sync_all().with_context(what)?;
        tmp.persist(path).map_err(|e| e.error).with_context(what)?;
        Ok(())
    }
}

/// The bytes of one of the versions to merge.
pub fn read(path: &Path) -> Result<Vec<u8>> {
    fs::read(path).with_context(|| format!("cannot read {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_result_replaces_ours_by_default_and_keeps_its_mode() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ours = dir.path().join(".merge_file_abc");
        fs::write(&ours, "old").expect("write");
        fs::set_permissions(&ours, Permissions::from_mode(0o640)).expect("chmod");
        let out = Output::of(None, &ours);
        assert_eq!(out, Output::File(ours.clone()));
        out.write(b"new").expect("write");
        assert_eq!(fs::read_to_string(&ours).expect("read"), "new");
        assert_eq!(fs::metadata(&ours).expect("meta").mode() & 0o777, 0o640);
        let names: Vec<_> =
            fs::read_dir(dir.path()).expect("ls").map(|e| e.expect("entry").file_name()).collect();
        assert_eq!(names, [std::ffi::OsString::from(".merge_file_abc")], "no backup, no litter");
        assert_eq!(Output::of(Some(Path::new("-")), &ours), Output::Stdout);
    }
}
