//! `<board>.archive.ron`: the archived items, in the board file's own canonical layout (a board
//! whose items are the archived ones, sorted by id; docs/FORMAT.md, "The archive"). Read only
//! when a command needs it; never created by reading. Written under the board's lock, by the
//! session (`session::archive`), which decides the order of the two writes.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::error::StoreError;
use super::format::located;
use super::layout::ITEM_START;
use super::written::Written;
use super::{Store, paths, sidecar};
use crate::domain::archive::{self, ArchiveError};
use crate::domain::change::validate::{Invalid, Subject};
use crate::model::{Board, ItemId};

/// Whether `path` names an archive (git's merge driver keeps its ids: they are the board's).
pub fn is_archive(path: &Path) -> bool {
    path.file_name().is_some_and(|name| name.to_string_lossy().ends_with(".archive.ron"))
}

/// The archive of the board at `board`.
pub fn path_of(board: &Path) -> PathBuf {
    paths::sibling(board, SUFFIX)
}

/// The archive's suffix beside the board.
const SUFFIX: &str = "archive.ron";

/// The archive's size in bytes (0 when there is none), for a caller deciding whether
/// [`count`] is worth doing off the key path.
pub fn size(board: &Path) -> u64 {
    std::fs::metadata(path_of(board)).map_or(0, |meta| meta.len())
}

/// How many items the archive beside `board` holds, counted in its text without parsing it: one
/// item-opening line each in the canonical layout (`layout::ITEM_START`), so a large archive
/// costs a read and a scan, never a parse. 0 when there is none; `None` when it cannot be read.
pub fn count(board: &Path) -> Option<usize> {
    let mut file = match sidecar::open_to_read(board, SUFFIX) {
        Ok(Some(file)) => file,
        Ok(None) => return Some(0),
        Err(_) => return None,
    };
    let mut text = String::new();
    file.read_to_string(&mut text).ok()?;
    // The first item follows the items line directly, with the same opening.
    Some(text.matches(ITEM_START).count())
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
