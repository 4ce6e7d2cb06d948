//! `accept ID [--by HOW] [--note TEXT] [--force --reason TEXT]`: accept a stage-one item on its
//! evidence (forced with a reason past an enforced definition of done).

use anyhow::{Result, anyhow};

use crate::cli::ForceArgs;
use crate::cli::target::Target;
use crate::domain::two_stage::{self, Evidence};
use crate::model::{ItemId, Timestamp};

pub fn run(
    target: Target,
    id: ItemId,
    by: Option<&str>,
    note: Option<&str>,
    force: &ForceArgs,
    now: Timestamp,
) -> Result<()> {
    let reason = force.reason().map_err(|e| anyhow!(e))?;
    let op = target.change(now, |board| {
        let evidence = Evidence::new(by, note);
        match reason {
            Some(reason) => two_stage::accept_forced(board, id, evidence, reason, now),
            None => two_stage::accept(board, id, evidence, now),
        }
    })?;
    crate::cli::print::output::println(&op.summary)?;
    Ok(())
}
