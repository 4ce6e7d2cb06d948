//! `block` and `unblock`: marking an item blocked with a reason, and clearing it.

use anyhow::Result;

use crate::cli::print::output::println;
use crate::cli::target::Target;
use crate::domain::change::blocking;
use crate::model::{ItemId, Timestamp};

pub fn block(target: Target, id: ItemId, reason: &str, now: Timestamp) -> Result<()> {
    let op = target.change(now, |board| blocking::block(board, id, reason, now))?;
    println(&op.summary)
}

pub fn unblock(target: Target, id: ItemId, now: Timestamp) -> Result<()> {
    let op = target.change(now, |board| blocking::unblock(board, id, now))?;
    println(&op.summary)
}
