//! Definitions of done that hold: whether an item may become done (enter a done column, or be
//! accepted) with entries of its stage's definition unticked. Under `warn` it may; under
//! `enforce` only when forced with a reason, which the item keeps (`forced`) while it stays done.
//! Every op that makes an item done asks here, so the screen, the command line and bulk moves
//! refuse alike.

use super::op_error::OpError;
use crate::model::{Board, DonePolicy, Item};

/// What is being done to the item, in the words of a refusal ("cannot move to Done").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Act<'a> {
    /// Entering the done column called this.
    Enter(&'a str),
    Accept,
    /// Adding a new item straight into the done column called this.
    Add(&'a str),
}

impl Act<'_> {
    fn words(self) -> String {
        match self {
            Act::Enter(column) => format!("move to {column}"),
            Act::Accept => "be accepted".to_owned(),
            Act::Add(column) => format!("be added to {column} (add it elsewhere, then force the move)"),
        }
    }
}

/// What making the item done records: `Some(reason)` when it is forced past unticked entries
/// (the reason goes into its `forced` field), `None` when nothing needs recording (everything is
/// ticked, the stage only warns and no force was given, or the item was forced already: its
/// reason stands). Refused under `enforce` with unticked entries and no force, naming them; a
/// force whose reason is blank is refused whatever the policy.
pub fn check(board: &Board, item: &Item, act: Act, force: Option<&str>) -> Result<Option<String>, OpError> {
    let reason = match force {
        Some(text) => Some(clean_reason(text).ok_or(OpError::NoForceReason(item.id))?),
        None => None,
    };
    let entries = board.definition_of_done.unticked(item);
    if entries.is_empty() {
        return Ok(None);
    }
    match (reason, board.definition_of_done.policy(item.stage)) {
        (Some(reason), _) => Ok(Some(reason)),
        (None, DonePolicy::Warn) => Ok(None),
        (None, DonePolicy::Enforce) if item.forced.is_some() => Ok(None),
        (None, DonePolicy::Enforce) => {
            Err(OpError::Unticked { id: item.id, act: act.words(), stage: item.stage, entries })
        }
    }
}

/// A reason on one line, its runs of white space made one space; `None` when nothing is left.
pub fn clean_reason(text: &str) -> Option<String> {
    let reason = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!reason.is_empty()).then_some(reason)
}
