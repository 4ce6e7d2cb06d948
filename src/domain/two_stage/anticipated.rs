//! Anticipated debt: the points of debt a stage-one item is expected to leave, weighed against
//! the follow-ups logged for it. The standup and the review flag the same items through
//! [`overruns`]: follow-ups worth more points than anticipated, or two or more follow-ups where
//! nothing was anticipated.

use std::collections::HashMap;

use crate::domain::change::{ItemChange, Op, OpError, ops};
use crate::model::{Board, Item, ItemId, Timestamp};
use crate::words::{count, id_list};

/// Anticipated debt that is not a whole number of points (0 or more).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("anticipated debt is a whole number of points (0 or more), such as 3, or `none`; `{0}` is not")]
pub struct AnticipatedError(pub String);

/// Reads `POINTS` for `--anticipated-debt`: a whole number, or `none` (or nothing) to clear it.
pub fn parse(text: &str) -> Result<Option<u32>, AnticipatedError> {
    let text = text.trim();
    if text.is_empty() || text.eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    text.parse::<u32>().map(Some).map_err(|_| AnticipatedError(text.to_owned()))
}

/// Whether the item is stage-one delivery work, the work that anticipated debt is said of.
pub fn applies_to(item: &Item) -> bool {
    item.is_stage_one_delivery()
}

/// Sets (or with `None` clears) the debt item `id` is expected to leave.
pub fn set(board: &Board, id: ItemId, points: Option<u32>, now: Timestamp) -> Result<Op, OpError> {
    let change = ItemChange { anticipated_debt: Some(points), ..ItemChange::default() };
    let mut op = ops::update(board, id, change, now)?;
    op.summary = match points {
        Some(points) => format!("#{id} is expected to leave {}", count(points, "point") + " of debt"),
        None => format!("#{id} has no anticipated debt now"),
    };
    Ok(op)
}

/// An item that left more debt than its team expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overrun {
    pub id: ItemId,
    pub title: String,
    pub assignee: Option<String>,
    /// The points anticipated; `None` when nothing was said.
    pub anticipated: Option<u32>,
    /// Its follow-ups, by id.
    pub follow_ups: Vec<ItemId>,
    /// Their estimated points (unestimated follow-ups count 0 and are counted apart).
    pub points: u32,
    pub unestimated: usize,
}

impl Overrun {
    /// "#11 Checkout: 3 follow-ups (#20, #21, #22), 8 pt against 3 anticipated".
    pub fn line(&self) -> String {
        let unestimated = match self.unestimated {
            0 => String::new(),
            n => format!(", {n} unestimated"),
        };
        let against = match self.anticipated {
            Some(points) => format!("{} pt against {points} anticipated{unestimated}", self.points),
            None => format!("{} pt{unestimated}, none anticipated", self.points),
        };
        let noun = if self.follow_ups.len() == 1 { "follow-up" } else { "follow-ups" };
        format!(
            "#{} {}: {} {noun} ({}), {against}",
            self.id,
            self.title,
            self.follow_ups.len(),
            id_list(&self.follow_ups)
        )
    }
}

/// The items whose logged follow-ups exceed the debt anticipated for them (by points), or that
/// spawned two or more with none anticipated, among those with a follow-up logged between
/// `from` and `to` (all of their follow-ups count). Ordered by id.
pub fn overruns(board: &Board, from: Timestamp, to: Timestamp) -> Vec<Overrun> {
    let mut by_parent: HashMap<ItemId, Vec<&Item>> = HashMap::new();
    for item in board.items() {
        if let Some(parent) = item.follow_up_of {
            by_parent.entry(parent).or_default().push(item);
        }
    }
    let mut out: Vec<Overrun> = by_parent
        .into_iter()
        .filter(|(_, children)| children.iter().any(|c| c.created >= from && c.created <= to))
        .filter_map(|(parent, mut children)| {
            let item = board.item(parent)?;
            children.sort_by_key(|c| c.id);
            let points = children.iter().fold(0u32, |sum, c| sum.saturating_add(c.estimate.unwrap_or(0)));
            let over = match item.anticipated_debt {
                Some(anticipated) => points > anticipated,
                None => children.len() >= 2,
            };
            over.then(|| Overrun {
                id: item.id,
                title: item.title.clone(),
                assignee: item.assignee.clone(),
                anticipated: item.anticipated_debt,
                follow_ups: children.iter().map(|c| c.id).collect(),
                points,
                unestimated: children.iter().filter(|c| c.estimate.is_none()).count(),
            })
        })
        .collect();
    out.sort_by_key(|o| o.id);
    out
}

#[cfg(test)]
#[path = "anticipated_tests.rs"]
mod tests;
