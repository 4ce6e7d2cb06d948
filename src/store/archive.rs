//! `<board>.archive.ron`: the archived items, in the board file's own canonical layout (a board
//! whose items are the archived ones, sorted by id; docs/FORMAT.md, "The archive"). Read only
//! when a command needs it; never created by reading. Written under the board's lock, by the
//! session (`session::archive`), which decides the order of the two writes.

use std::path::{Path, PathBuf};

use super::error::StoreError;
use super::format::located;
use super::written::Written;
use super::{Store, paths};
use crate::domain::archive::{self, ArchiveError};
use crate::domain::change::validate::{Invalid, Subject};
use crate::model::{Board, ItemId};

/// Whether `path` names an archive (git's merge driver keeps its ids: they are the board's).
pub fn is_archive(path: &Path) -> bool {
    path.file_name().is_some_and(|name| name.to_string_lossy().ends_with(".archive.ron"))
}

/// The archive of the board at `board`.
pub fn path_of(board: &Path) -> PathBuf {
    paths::sibling(board, "archive.ron")
}

/// The archive of the board at `board` as a store (to save it later) and its content; an empty
/// archive when there is no file (none is created).
pub fn read(board: &Path) -> Result<(Store, Board), StoreError> {
    let path = path_of(board);
    match Store::read(&path)? {
        Some(found) => Ok(found),
        None => {
            let store = Store { path, seen: None, written: Written::default() };
            Ok((store, Board::new("")))
        }
    }
}

/// [`read`], without the items that are also on `live` (left by an interrupted write: the
/// board's copy wins, see [`archive::reconcile`]); returns their ids too. Another item under
/// an id of the board is an error naming the archive's line and column.
pub fn read_beside(board: &Path, live: &Board) -> Result<(Store, Board, Vec<ItemId>), StoreError> {
    let (store, mut archived) = read(board)?;
    match archive::reconcile(live, &mut archived) {
        Ok(both) => Ok((store, archived, both)),
        Err(error) => {
            let subject = match error {
                ArchiveError::Duplicate(id) => Subject::Item { id, occurrence: 0 },
                _ => Subject::Field("items"),
            };
            let invalid = Invalid { message: error.to_string(), subject };
            Err(located(store.path(), store.text(), invalid).into())
        }
    }
}
