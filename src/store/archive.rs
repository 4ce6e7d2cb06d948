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
/// costs a read and a scan, never a parse, and never more memory than a chunk of it (a
/// million-item archive is about 600 MB). 0 when there is none; `None` when it cannot be read.
pub fn count(board: &Path) -> Option<usize> {
    match sidecar::open_to_read(board, SUFFIX) {
        Ok(Some(file)) => count_in(file).ok(),
        Ok(None) => Some(0),
        Err(_) => None,
    }
}

/// The item-opening lines in what `reader` gives, read a chunk at a time. The end of each chunk,
/// one byte shorter than the line, is read again with the next one: a line across two chunks is
/// found there, and none is counted twice (too short to hold one).
fn count_in(mut reader: impl Read) -> std::io::Result<usize> {
    let finder = memchr::memmem::Finder::new(ITEM_START);
    let keep = ITEM_START.len() - 1;
    let mut chunk = vec![0; 1 << 16];
    let (mut held, mut count) = (0, 0);
    loop {
        let read = match reader.read(&mut chunk[held..]) {
            Ok(0) => return Ok(count),
            Ok(read) => read,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let end = held + read;
        count += finder.find_iter(&chunk[..end]).count();
        held = keep.min(end);
        chunk.copy_within(end - held..end, 0);
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Gives its text a few bytes at a time, as a pipe or a slow disk may.
    struct Trickle<'t>(&'t [u8], usize);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.1.min(buf.len()).min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn items_are_counted_chunk_by_chunk_as_in_the_whole_text() {
        let mut board = crate::generate::board(40, 3);
        let archived = crate::generate::archive(&mut board, 150, 3);
        let text = crate::store::format::to_text(&archived).expect("text");
        // Long enough that the 64 KiB chunks cut item lines.
        let text = text.repeat(1 + (3 << 16) / text.len());
        let whole = text.matches(ITEM_START).count();
        assert!(whole >= 150);
        for step in [1, 7, ITEM_START.len(), 1000, usize::MAX] {
            assert_eq!(count_in(Trickle(text.as_bytes(), step)).expect("read"), whole, "{step} bytes a read");
        }
    }
}
