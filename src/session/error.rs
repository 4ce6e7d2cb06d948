//! Why a session did not write. A change from the command line fails with a [`ChangeError`],
//! whose source chain the command line prints as `what: why`. The board screen keeps its change
//! in memory and shows a [`SyncError`] or a [`RescueError`] on the status line: their text is the
//! whole sentence already (causes included), so they carry their causes as fields, not as sources.

use std::path::PathBuf;

use crate::domain::archive::ArchiveError;
use crate::domain::change::EditError;
use crate::domain::team::merge::MergeError;
use crate::store::error::{LockError, ReplaceError, WriteError, sentence};
use crate::store::{SaveError, StoreError};

/// Why a change from the command line was not made; nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum ChangeError {
    /// The session may not write, for this reason.
    #[error("read-only ({0}): nothing was changed")]
    ReadOnly(String),
    #[error("directory {} does not exist; twotrack does not create it", .0.display())]
    NoDirectory(PathBuf),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Lock(#[from] LockError),
    #[error(transparent)]
    Edit(#[from] EditError),
    #[error(transparent)]
    Archive(#[from] ArchiveError),
    #[error("the change was not saved")]
    NotSaved(#[source] SaveError),
}

/// Why the board screen's save, or its catch-up with the file, did not happen.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error("{}", sentence(.0))]
    Lock(LockError),
    #[error("the board file changed on disk but cannot be read ({}); it was not overwritten", sentence(.0))]
    Unreadable(StoreError),
    #[error("cannot merge with the board saved meanwhile: {0}")]
    Merge(MergeError),
    #[error("{}", sentence(.0))]
    Save(SaveError),
}

/// Why no recovery copy of the board was written.
#[derive(Debug, thiserror::Error)]
pub enum RescueError {
    #[error("{0}")]
    Text(WriteError),
    #[error("cannot write a recovery copy anywhere: {}", sentence(.0))]
    Nowhere(ReplaceError),
}
