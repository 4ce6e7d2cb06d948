//! What can go wrong with the board's files, one typed error per part of the store, each worded
//! for the user. An error names what was being done; its source says why (an `io::Error`, say),
//! so the command line prints the whole chain as `what: why` (see [`sentence`]).

use std::error::Error;
use std::path::{Path, PathBuf};
use std::{fmt, io};

use crate::model::ItemId;

/// `err` and its causes on one line, `what: why: why`, as the command line prints an error.
pub fn sentence(err: &(dyn Error + 'static)) -> String {
    let mut text = err.to_string();
    let mut cause = err.source();
    while let Some(next) = cause {
        text.push_str(": ");
        text.push_str(&next.to_string());
        cause = next.source();
    }
    text
}

/// The last cause of `err`: what the operating system said, usually.
pub fn root_cause<'e>(err: &'e (dyn Error + 'static)) -> &'e (dyn Error + 'static) {
    let mut last = err;
    while let Some(next) = last.source() {
        last = next;
    }
    last
}

/// A board file that cannot be used, with the place in it where that was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub path: PathBuf,
    /// 1-based line and column, when the problem has a place.
    pub position: Option<(usize, usize)>,
    pub message: String,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "board file {}", self.path.display())?;
        if let Some((line, col)) = self.position {
            write!(f, " line {line}, column {col}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for FileError {}

/// Why there is no board file to use.
#[derive(Debug, thiserror::Error)]
pub enum LocationError {
    #[error("cannot find a home directory for the board; pass --file PATH or set TWOTRACK_FILE")]
    NoHome,
    #[error(
        "board file {} is a symbolic link to {}, which does not exist; twotrack does not create \
         files through a link",
        .path.display(),
        .target.display()
    )]
    DanglingLink { path: PathBuf, target: PathBuf },
    #[error(
        "board file {} is a symbolic link made by {owner} in a directory anyone can write; \
         twotrack does not follow it (open the file it points at directly if you trust it)",
        .path.display()
    )]
    ForeignLink { path: PathBuf, owner: String },
}

/// Why a file beside the board could not be opened or made (docs/FORMAT.md, "Files beside the
/// board").
#[derive(Debug, thiserror::Error)]
pub enum SidecarError {
    #[error(
        "{} is a symbolic link; twotrack never follows links beside the board (remove it if you \
         did not put it there)",
        .0.display()
    )]
    Link(PathBuf),
    #[error("you cannot open {}{}: permission denied", .path.display(), whose(.owner.as_deref()))]
    Denied { path: PathBuf, owner: Option<String> },
    #[error("cannot open {}", .path.display())]
    Open { path: PathBuf, source: io::Error },
    #[error("cannot create {}", .path.display())]
    Create { path: PathBuf, source: io::Error },
    #[error("cannot open {}: it keeps appearing and disappearing", .0.display())]
    Unsteady(PathBuf),
    #[error("cannot read {}", .path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("{} is not a regular file; twotrack will not use it (remove it if it is not yours)", .0.display())]
    NotAFile(PathBuf),
    #[error(
        "{} has {links} names (hard links); twotrack will not use a file beside the board that is \
         also somewhere else (remove it if you did not make it)",
        .path.display()
    )]
    HardLinked { path: PathBuf, links: u64 },
    #[error(
        "{} belongs to {owner}, not to you or the board's owner, in a directory anyone can write; \
         twotrack will not use it (ask them or an administrator to remove it)",
        .path.display()
    )]
    Untrusted { path: PathBuf, owner: String },
    #[error(
        "{} is not a file of yours; twotrack will not write your draft into it (remove it if it is \
         not yours)",
        .0.display()
    )]
    NotYours(PathBuf),
    #[error("cannot empty {}", .path.display())]
    Empty { path: PathBuf, source: io::Error },
    #[error("cannot create a temporary file in {}", .dir.display())]
    Temporary { dir: PathBuf, source: io::Error },
}

/// " (it belongs to NAME)" when the owner is known.
fn whose(owner: Option<&str>) -> String {
    owner.map(|o| format!(" (it belongs to {o})")).unwrap_or_default()
}

/// Why the board's lock was not taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error(transparent)]
    Sidecar(#[from] SidecarError),
    #[error("cannot lock {}", .path.display())]
    Lock { path: PathBuf, source: io::Error },
    #[error(
        "another program has held the lock {} for {seconds} seconds; try again when it is done",
        .path.display()
    )]
    Busy { path: PathBuf, seconds: u64 },
}

/// A step of replacing a file (or writing a new one) that failed, worded with the file's path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Inspect,
    WriteNew,
    Permissions,
    FlushNew,
    PutInPlace,
    FlushDirectory,
    Write,
    Flush,
    Create,
    ReadToBackUp,
    BackUp,
}

impl Step {
    fn describe(self, path: &Path) -> String {
        let path = path.display();
        match self {
            Step::Inspect => format!("cannot read {path}"),
            Step::WriteNew => format!("cannot write the new version of {path}"),
            Step::Permissions => format!("cannot give the new file the permissions of {path}"),
            Step::FlushNew => format!("cannot flush the new version of {path} to disk"),
            Step::PutInPlace => format!("cannot put the new version in place at {path}"),
            Step::FlushDirectory => format!("cannot flush directory {path}"),
            Step::Write => format!("cannot write {path}"),
            Step::Flush => format!("cannot flush {path} to disk"),
            Step::Create => format!("cannot create {path}"),
            Step::ReadToBackUp => format!("cannot read {path} to back it up"),
            Step::BackUp => format!("cannot back up {path}"),
        }
    }
}

/// Why a file was not replaced (or a new one not written); the old file is as it was.
#[derive(Debug, thiserror::Error)]
pub enum ReplaceError {
    #[error("{} is a symbolic link; it is not replaced", .0.display())]
    Link(PathBuf),
    #[error(transparent)]
    Sidecar(#[from] SidecarError),
    #[error("{}", .step.describe(.path))]
    Io { step: Step, path: PathBuf, source: io::Error },
    #[error("cannot keep a backup of {}", .path.display())]
    Backup { path: PathBuf, source: Box<ReplaceError> },
    #[error("cannot replace the backup {}, which belongs to {owner}; ask them to remove it", .backup.display())]
    BackupOwned { backup: PathBuf, owner: String, source: io::Error },
    #[error("cannot keep a backup of {} as {}", .path.display(), .backup.display())]
    BackupAs { path: PathBuf, backup: PathBuf, source: io::Error },
}

impl ReplaceError {
    /// `step` on `path` failed with `source`.
    pub fn io(step: Step, path: &Path) -> impl FnOnce(io::Error) -> ReplaceError {
        move |source| ReplaceError::Io { step, path: path.to_path_buf(), source }
    }
}

/// Why the board could not be written as text: nothing was written. The message says it all
/// (a RON error is part of it), so it has no source.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("cannot write the board as RON: {0}")]
    Ron(ron::Error),
    #[error("the board's layout has no items list")]
    NoItemsList,
    #[error("the board's settings would not read back the same; nothing was written")]
    Settings,
    #[error("item #{0} would not read back the same; nothing was written")]
    ItemDiffers(ItemId),
    #[error("item #{id} would not read back ({error}); nothing was written")]
    ItemUnreadable { id: ItemId, error: ron::error::SpannedError },
}

/// Why a save did not happen. Either way the file on disk is as it was.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error(
        "board file {} changed on disk since it was loaded (another program saved it), so it was \
         not overwritten",
        .0.display()
    )]
    ChangedOnDisk(PathBuf),
    #[error(transparent)]
    Lock(#[from] LockError),
    #[error(transparent)]
    Text(#[from] WriteError),
    #[error(transparent)]
    Replace(#[from] ReplaceError),
    #[error("cannot read back board file {}", .path.display())]
    ReadBack { path: PathBuf, source: io::Error },
    #[error("cannot check board file {}", .path.display())]
    Check { path: PathBuf, source: io::Error },
    #[error("cannot read board file {}", .path.display())]
    Read { path: PathBuf, source: io::Error },
}

/// Why the board file could not be opened, read or made.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "board file {} does not exist (create it with `twotrack init --file {}`)",
        .0.display(),
        .0.display()
    )]
    Missing(PathBuf),
    #[error("cannot read board file {}", .path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error(transparent)]
    File(#[from] FileError),
    #[error("cannot create directory {}", .dir.display())]
    CreateDirectory { dir: PathBuf, source: io::Error },
    #[error("you cannot write board file {} (permission denied), so nothing was changed", .0.display())]
    NotWritable(PathBuf),
    #[error("cannot open board file {} for writing", .path.display())]
    OpenForWriting { path: PathBuf, source: io::Error },
    #[error(transparent)]
    Lock(#[from] LockError),
    #[error(transparent)]
    Save(#[from] SaveError),
}

/// Why this user cannot save the board where it is; a sentence for the read-only board screen.
#[derive(Debug, thiserror::Error)]
pub enum NoAccess {
    #[error("you cannot write {} ({kind})", .path.display())]
    File { path: PathBuf, kind: io::ErrorKind },
    /// No new file can be made beside the board (an atomic save needs one); the operating
    /// system's reason is part of the sentence.
    #[error("you cannot create files in {} ({})", .dir.display(), root_cause(.error))]
    Directory { dir: PathBuf, error: SidecarError },
}

/// Why the journal was not read or written.
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    #[error(transparent)]
    Sidecar(#[from] SidecarError),
    #[error("cannot write the journal {}", .path.display())]
    Write { path: PathBuf, source: io::Error },
    #[error("cannot write the journal {}", .path.display())]
    Encode { path: PathBuf, source: serde_json::Error },
    #[error("cannot read the journal {}", .path.display())]
    Open { path: PathBuf, source: SidecarError },
    #[error("cannot read the journal {}", .path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("{} holds {size} bytes, more than the {cap} a note may; it was left unread", .path.display())]
    TooLarge { path: PathBuf, size: u64, cap: u64 },
}

/// Why the note of a git merge was not taken into the journal.
#[derive(Debug, thiserror::Error)]
pub enum NoteError {
    #[error(transparent)]
    Journal(#[from] JournalError),
    #[error(transparent)]
    Lock(#[from] LockError),
    #[error("cannot remove the merge note {}", .path.display())]
    Remove { path: PathBuf, source: io::Error },
}

/// Why a form could not be kept as a draft.
#[derive(Debug, thiserror::Error)]
pub enum DraftError {
    #[error(transparent)]
    Sidecar(#[from] SidecarError),
    #[error("cannot write the draft {}", .path.display())]
    Write { path: PathBuf, source: io::Error },
    #[error("cannot write the draft")]
    Encode(#[from] serde_json::Error),
}

/// Why the user's own state of a board (undo history, last selection) was not read or kept.
#[derive(Debug, thiserror::Error)]
pub enum UserStateError {
    #[error("cannot read {}", .path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("{} is larger than twotrack writes", .0.display())]
    TooLarge(PathBuf),
    #[error("{} cannot be read: {why}", .path.display())]
    Corrupt { path: PathBuf, why: String },
    #[error("it was written by a newer twotrack (format {0})")]
    Newer(u32),
    #[error("cannot write {}", .path.display())]
    Write { path: PathBuf, source: io::Error },
    #[error("cannot write the undo history")]
    Encode(#[from] ron::Error),
}

/// Why this session could not announce itself to the others on the board.
#[derive(Debug, thiserror::Error)]
pub enum PresenceError {
    #[error("cannot read directory {}", .path.display())]
    ReadParent { path: PathBuf, source: io::Error },
    #[error("{} is not a directory", .0.display())]
    NotADirectory(PathBuf),
    #[error("{} is a link; presence files are never written through one", .0.display())]
    Link(PathBuf),
    #[error("cannot create {}", .path.display())]
    Create { path: PathBuf, source: io::Error },
    #[error("cannot read {}", .path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("cannot write the presence announcement")]
    Encode(#[from] ron::Error),
    #[error("cannot write a presence file in {}", .path.display())]
    Write { path: PathBuf, source: io::Error },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_names_what_was_done_then_each_cause_as_the_command_line_prints_it() {
        let err = || ReplaceError::Backup {
            path: PathBuf::from("b.ron"),
            source: Box::new(ReplaceError::io(Step::BackUp, Path::new("b.ron"))(io::Error::from(
                io::ErrorKind::PermissionDenied,
            ))),
        };
        assert_eq!(sentence(&err()), format!("{:#}", anyhow::Error::from(err())));
        assert_eq!(
            sentence(&err()),
            "cannot keep a backup of b.ron: cannot back up b.ron: permission denied"
        );
        assert_eq!(root_cause(&err()).to_string(), "permission denied");
    }

    #[test]
    fn a_transparent_error_keeps_the_words_of_what_it_wraps() {
        let lock = LockError::from(SidecarError::Link(PathBuf::from("b.ron.lock")));
        assert!(sentence(&lock).starts_with("b.ron.lock is a symbolic link; twotrack never follows links"));
        let missing = StoreError::Missing(PathBuf::from("x.ron"));
        assert_eq!(
            sentence(&missing),
            "board file x.ron does not exist (create it with `twotrack init --file x.ron`)"
        );
    }
}
