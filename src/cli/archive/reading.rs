//! Reading the archive for `list --archived` and `show`: the archive beside the board, without
//! the copies an interrupted write left of items on the board. Reading creates no file.

use std::path::Path;

use anyhow::Result;

use crate::model::Board;
use crate::store::{Store, archive};

/// The board at `path` and its archive.
pub fn both(path: &Path) -> Result<(Board, Board)> {
    let (_, board) = Store::load(path)?;
    let (_, archived, _) = archive::read_beside(path, &board)?;
    Ok((board, archived))
}
