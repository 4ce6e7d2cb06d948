//! Entry criteria of discovery work: why an item belongs in the discovery track. The board holds
//! the list (the defaults when it has none); each discovery item ticks the criteria that put it
//! there, or records that none applies, so no spike slips into discovery without saying why.

use crate::domain::change::{Edit, ItemChange, Op, OpError};
use crate::model::{Board, ENTRY_CRITERIA, Item, ItemId, Timestamp, Track};

/// Why entry criteria cannot be recorded, in words the user can act on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CriteriaError {
    #[error("there is no entry criterion `{name}` (the criteria are {known}, or none)")]
    UnknownCriterion { name: String, known: String },
    #[error("`none` says that no entry criterion applies, so it cannot be given with others")]
    NoneWithOthers,
    #[error(transparent)]
    Op(#[from] OpError),
}

/// The word that answers "none of the criteria applies" on the command line.
pub const NONE: &str = "none";

fn defaults() -> Vec<String> {
    ENTRY_CRITERIA.iter().map(|c| (*c).to_owned()).collect()
}

/// The edit that makes the board's list `lines` (trimmed, blank and repeated lines dropped), or
/// `None` when that is the list already. The defaults are stored as absent, so a board that
/// keeps them writes nothing new.
pub fn set_list(board: &Board, lines: &[String]) -> Option<Edit> {
    let mut list: Vec<String> = Vec::new();
    for line in lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
        if !list.iter().any(|c| c == line) {
            list.push(line.to_owned());
        }
    }
    if list == board.entry_criteria() {
        return None;
    }
    Some(Edit::SetEntryCriteria(if list == defaults() { None } else { Some(list) }))
}

/// A criterion as typed on the command line: lower case, words joined by `-`.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push('-');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// The board's criteria that `names` name, in the board's order: by their text or its slug
/// (`high-risk-change`), in any case, or by number from 1. `none` alone means none applies
/// (an empty list).
pub fn resolve(board: &Board, names: &[String]) -> Result<Vec<String>, CriteriaError> {
    let list = board.entry_criteria();
    let mut picked = vec![false; list.len()];
    let mut said_none = false;
    for name in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        if slug(name) == NONE && !list.iter().any(|c| c == name) {
            said_none = true;
            continue;
        }
        // The exact text first, then its slug in any case, then a number.
        let by_number =
            || name.parse::<usize>().ok().and_then(|n| n.checked_sub(1)).filter(|i| *i < list.len());
        let found = list
            .iter()
            .position(|c| c == name)
            .or_else(|| list.iter().position(|c| slug(c) == slug(name)))
            .or_else(by_number);
        match found {
            Some(index) => picked[index] = true,
            None => {
                let known: Vec<String> = list.iter().map(|c| slug(c)).collect();
                return Err(CriteriaError::UnknownCriterion {
                    name: name.to_owned(),
                    known: known.join(", "),
                });
            }
        }
    }
    let chosen: Vec<String> = list.into_iter().zip(picked).filter(|(_, p)| *p).map(|(c, _)| c).collect();
    if said_none && !chosen.is_empty() {
        return Err(CriteriaError::NoneWithOthers);
    }
    Ok(chosen)
}

/// Records the criteria (texts of the board's list; empty: none applies) that put the discovery
/// item `id` there.
pub fn set(board: &Board, id: ItemId, criteria: Vec<String>, now: Timestamp) -> Result<Op, CriteriaError> {
    let item = board.item(id).ok_or(OpError::NoSuchItem(id))?;
    if item.track != Track::Discovery {
        return Err(OpError::CriteriaNotDiscovery(id).into());
    }
    let summary = if criteria.is_empty() {
        format!("#{id}: no entry criterion applies (recorded)")
    } else {
        format!("#{id} is discovery work because of: {}", criteria.join(", "))
    };
    if item.criteria.as_ref() == Some(&criteria) {
        return Ok(Op { edit: Edit::Batch(Vec::new()), summary });
    }
    let change = ItemChange { criteria: Some(Some(criteria)), ..ItemChange::default() };
    Ok(Op { edit: Edit::Change { id, change: Box::new(change), at: now }, summary })
}

/// Whether `item` is open discovery work that has not said why it is there, on a board that has
/// criteria to say it with.
pub fn unanswered(board: &Board, item: &Item) -> bool {
    item.criteria.is_none() && is_open_discovery(board, item) && !board.entry_criteria().is_empty()
}

fn is_open_discovery(board: &Board, item: &Item) -> bool {
    item.track == Track::Discovery && !board.is_done_column(item.track, &item.column)
}

/// What a group of open discovery items has in common.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// A criterion on the board's list.
    Criterion(String),
    /// A criterion an item ticked that is no longer on the list (renamed or removed).
    Retired(String),
    /// The item recorded that none of the criteria applies.
    NoneApplies,
    /// Nobody said why the item is discovery work.
    NotSaid,
}

impl Reason {
    pub fn label(&self) -> String {
        match self {
            Reason::Criterion(text) => text.clone(),
            Reason::Retired(text) => format!("{text} (no longer listed)"),
            Reason::NoneApplies => "none applies".into(),
            Reason::NotSaid => "not said".into(),
        }
    }
}

/// The open discovery items by reason: every criterion of the list (even with no items), then
/// retired criteria, "none applies" and "not said" when they have items. An item with two
/// criteria is in both groups.
pub fn by_criterion(board: &Board) -> Vec<(Reason, Vec<ItemId>)> {
    let mut groups: Vec<(Reason, Vec<ItemId>)> =
        board.entry_criteria().into_iter().map(|c| (Reason::Criterion(c), Vec::new())).collect();
    let mut none = Vec::new();
    let mut not_said = Vec::new();
    for item in board.items().iter().filter(|it| is_open_discovery(board, it)) {
        let Some(ticked) = &item.criteria else {
            not_said.push(item.id);
            continue;
        };
        if ticked.is_empty() {
            none.push(item.id);
        }
        for text in ticked {
            let at = groups
                .iter()
                .position(|(r, _)| matches!(r, Reason::Criterion(c) | Reason::Retired(c) if c == text));
            match at {
                Some(at) => groups[at].1.push(item.id),
                None => groups.push((Reason::Retired(text.clone()), vec![item.id])),
            }
        }
    }
    for (reason, ids) in [(Reason::NoneApplies, none), (Reason::NotSaid, not_said)] {
        if !ids.is_empty() {
            groups.push((reason, ids));
        }
    }
    groups
}

#[cfg(test)]
#[path = "criteria_tests.rs"]
mod tests;
