//! `criteria ID C...`: why a discovery item is discovery work; and the entry criteria of `add`,
//! with the warning for a discovery item added without them.

use anyhow::Result;

use crate::cli::target::Target;
use crate::domain::change::{Edit, NewItem, Op, ops};
use crate::domain::dual_track::criteria::{self, CriteriaError};
use crate::model::{Board, ItemId, Timestamp};

/// Records the criteria named on the command line (or `none`) on the discovery item `id`.
pub fn run(target: Target, id: ItemId, names: &[String], now: Timestamp) -> Result<()> {
    let op = target.change(now, |board| {
        let chosen = criteria::resolve(board, names)?;
        criteria::set(board, id, chosen, now)
    })?;
    crate::cli::print::output::println(&op.summary)?;
    Ok(())
}

/// Adds `new` with the criteria named on the command line, if any.
pub fn add(board: &Board, mut new: NewItem, names: &[String], now: Timestamp) -> Result<Op, CriteriaError> {
    if !names.is_empty() {
        new.criteria = Some(criteria::resolve(board, names)?);
    }
    Ok(ops::add(board, new, now)?)
}

/// The warning for an add that put an item into discovery without saying why: it is added all
/// the same, and told how to say it.
pub fn unanswered_warning(board: &Board, op: &Op) -> Option<String> {
    let Edit::Add(item) = &op.edit else { return None };
    if !criteria::unanswered(board, item) {
        return None;
    }
    let known: Vec<String> = board.entry_criteria().iter().map(|c| criteria::slug(c)).collect();
    Some(format!(
        "twotrack: warning: #{id} is discovery work that does not say why; record it with `twotrack \
         criteria {id} CRITERION...` ({}) or `twotrack criteria {id} none`",
        known.join(", "),
        id = item.id
    ))
}
