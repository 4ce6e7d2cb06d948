//! `block` and `unblock`: marking an item blocked with a reason, and clearing it.

use std::path::Path;

use anyhow::Result;

use super::commands::change;
use super::output::println;
use crate::domain::change::blocking;
use crate::model::{ItemId, Timestamp};

pub fn block(path: &Path, id: ItemId, reason: &str, now: Timestamp) -> Result<()> {
    let op = change(path, now, |board| blocking::block(board, id, reason, now))?;
    println(&op.summary)
}

pub fn unblock(path: &Path, id: ItemId, now: Timestamp) -> Result<()> {
    let op = change(path, now, |board| blocking::unblock(board, id, now))?;
    println(&op.summary)
}
