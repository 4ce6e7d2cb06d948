//! `measure ID NAME BEFORE AFTER [UNIT]` and `measure ID NAME --remove`: what an item improved.
//! Numbers are checked before the board is locked, so bad input changes nothing.

use anyhow::Result;

use crate::cli::print::output;
use crate::cli::target::Target;
use crate::domain::two_stage::measures::{self, Typed};
use crate::model::{ItemId, Timestamp};

/// `typed` is BEFORE, AFTER and UNIT as given (clap requires the first two unless removing).
pub fn run(
    target: Target,
    id: ItemId,
    name: &str,
    typed: (Option<&str>, Option<&str>, Option<&str>),
    remove: bool,
    now: Timestamp,
) -> Result<()> {
    let op = match (remove, typed) {
        (true, _) => target.change(now, |board| measures::remove(board, id, name, now))?,
        (false, (Some(before), Some(after), unit)) => {
            let measure = Typed { name, before, after, unit }.measure()?;
            target.change(now, |board| measures::set(board, id, measure, now))?
        }
        (false, _) => {
            anyhow::bail!("a measure needs a number before and after: measure ID NAME BEFORE AFTER [UNIT]")
        }
    };
    output::println(&op.summary)
}
