//! `commit ID...` and `uncommit ID...`: the open sprint's work on the command line. Unknown ids
//! are all named and nothing changes; work whose stage does not fit the sprint's kind is
//! committed (a script cannot be asked) with a warning naming it.

use anyhow::{Result, bail};

use crate::cli::print::output::{eprintln, println};
use crate::cli::target::Target;
use crate::domain::change::Op;
use crate::domain::rhythm::planning;
use crate::model::{Board, ItemId, Timestamp};
use crate::words::id_list;

pub fn commit(target: Target, ids: &[ItemId], now: Timestamp) -> Result<()> {
    let mut misfits = String::new();
    let op = target.change(now, |board| {
        known(board, ids, "committed")?;
        misfits = mismatched(board, ids);
        Ok::<Op, anyhow::Error>(planning::commit(board, ids, now)?)
    })?;
    println(&op.summary)?;
    if !misfits.is_empty() {
        eprintln(&format!("twotrack: warning: {misfits} (the capacity view lists it as mismatched)"));
    }
    Ok(())
}

pub fn uncommit(target: Target, ids: &[ItemId], now: Timestamp) -> Result<()> {
    let op = target.change(now, |board| {
        known(board, ids, "taken out")?;
        Ok::<Op, anyhow::Error>(planning::uncommit(board, ids, now)?)
    })?;
    println(&op.summary)
}

/// Refuses when any id is not on the board, naming every one of them.
fn known(board: &Board, ids: &[ItemId], what: &str) -> Result<()> {
    let unknown: Vec<ItemId> = ids.iter().copied().filter(|id| board.item(*id).is_none()).collect();
    match unknown.as_slice() {
        [] => Ok(()),
        [one] => bail!("item #{one} does not exist: nothing was {what}"),
        _ => bail!("items {} do not exist: nothing was {what}", id_list(&unknown)),
    }
}

/// The items of `ids` not yet in the open sprint whose stage does not fit its kind, in words
/// ("#7 is stage-two work in delivery sprint \"Sprint 3\""); empty when all fit.
fn mismatched(board: &Board, ids: &[ItemId]) -> String {
    let Some(sprint) = board.current_sprint() else { return String::new() };
    let kind = sprint.kind();
    let misfits: Vec<ItemId> = ids
        .iter()
        .filter_map(|id| board.item(*id))
        .filter(|it| !sprint.holds(it) && !kind.takes(it.track, it.stage))
        .map(|it| it.id)
        .collect();
    let Some(first) = misfits.first().and_then(|id| board.item(*id)) else { return String::new() };
    let stage = first.stage.label().replace(' ', "-");
    let is = if misfits.len() == 1 { "is" } else { "are" };
    format!("{} {is} {stage} work in {} sprint \"{}\"", id_list(&misfits), kind.name(), sprint.name)
}
