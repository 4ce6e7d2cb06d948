//! `variant ID TITLE...` splits an item into the variants of an experiment (printing the new
//! ids); `pick ID` picks the winner.

use std::path::Path;

use anyhow::Result;

use super::commands::change;
use crate::domain::dual_track::variants;
use crate::model::{ItemId, Timestamp};

pub fn split(path: &Path, id: ItemId, titles: &[String], now: Timestamp) -> Result<()> {
    let op = change(path, now, |board| variants::split(board, id, titles, now))?;
    super::commands::print_new_ids(&op)
}

pub fn pick(path: &Path, id: ItemId, now: Timestamp) -> Result<()> {
    let op = change(path, now, |board| variants::pick(board, id, now))?;
    super::output::println(&op.summary)?;
    Ok(())
}
