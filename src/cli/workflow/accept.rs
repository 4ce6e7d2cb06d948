//! `accept ID [--by HOW] [--note TEXT]`: accept a stage-one item on its evidence.

use anyhow::Result;

use crate::cli::target::Target;
use crate::domain::two_stage::{self, Evidence};
use crate::model::{ItemId, Timestamp};

pub fn run(target: Target, id: ItemId, by: Option<&str>, note: Option<&str>, now: Timestamp) -> Result<()> {
    let op = target.change(now, |board| two_stage::accept(board, id, Evidence::new(by, note), now))?;
    crate::cli::print::output::println(&op.summary)?;
    Ok(())
}
