//! `variant ID TITLE...` splits an item into the variants of an experiment (printing the new
//! ids); `pick ID` picks the winner.

use anyhow::Result;

use crate::cli::target::{Target, print_new_ids};
use crate::domain::dual_track::variants;
use crate::model::{ItemId, Timestamp};

pub fn split(target: Target, id: ItemId, titles: &[String], now: Timestamp) -> Result<()> {
    let op = target.change(now, |board| variants::split(board, id, titles, now))?;
    print_new_ids(&op)
}

pub fn pick(target: Target, id: ItemId, now: Timestamp) -> Result<()> {
    let op = target.change(now, |board| variants::pick(board, id, now))?;
    crate::cli::print::output::println(&op.summary)?;
    Ok(())
}
