//! The dual-track workflow: a discovery item concludes by being promoted into delivery items
//! (recording what was learned) or dropped (recording why); and links between items both ways.

use crate::domain::change::placement::place_at_end;
use crate::domain::change::{Edit, ItemChange, NewItem, Op, OpError, ops};
use crate::domain::two_stage;
use crate::model::lanes::Lanes;
use crate::model::{Board, Item, ItemId, Stage, Timestamp, Track};

/// Why a discovery item cannot be concluded, in words the user can act on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ConcludeError {
    #[error("promoting #{0} needs at least one delivery item to create; to conclude it without one, drop it")]
    NothingToPromote(ItemId),
    #[error("dropping #{0} needs a reason")]
    NoReason(ItemId),
    #[error("the discovery track has no done column to conclude items in")]
    NoDoneColumn,
    #[error(transparent)]
    Op(#[from] OpError),
}

fn discovery_item<'b>(board: &'b Board, id: ItemId, what: &'static str) -> Result<&'b Item, OpError> {
    let item = board.item(id).ok_or(OpError::NoSuchItem(id))?;
    if item.track != Track::Discovery {
        return Err(OpError::NotDiscovery { id, what });
    }
    Ok(item)
}

/// The edit that moves a discovery item to its track's done column with `change` recorded.
fn conclude(
    board: &Board,
    item: &Item,
    mut change: ItemChange,
    now: Timestamp,
) -> Result<Edit, ConcludeError> {
    let done = board.discovery.columns.iter().rev().find(|c| c.done).ok_or(ConcludeError::NoDoneColumn)?;
    if let Edit::Change { change: moved, .. } =
        place_at_end(board, item, Track::Discovery, &done.id, item.stage, now)
    {
        change.place = moved.place;
        change.finished = moved.finished;
        change.in_column_since = moved.in_column_since;
    }
    Ok(Edit::Change { id: item.id, change: Box::new(change), at: now })
}

/// Concludes the discovery item `id` by promoting it: records what was `learned`, moves it to
/// the done column and creates a delivery item per title (in `stage`, in the first delivery
/// column) linked back to it. One step to undo.
pub fn promote(
    board: &Board,
    id: ItemId,
    learned: &str,
    titles: &[String],
    stage: Stage,
    now: Timestamp,
) -> Result<Op, ConcludeError> {
    let item = discovery_item(board, id, "promotion is for")?;
    let titles: Vec<&str> = titles.iter().map(|t| t.trim()).filter(|t| !t.is_empty()).collect();
    if titles.is_empty() {
        return Err(ConcludeError::NothingToPromote(id));
    }
    let learned = Some(learned.trim().to_owned()).filter(|l| !l.is_empty());
    let mut edits =
        vec![conclude(board, item, ItemChange { learned: Some(learned), ..ItemChange::default() }, now)?];
    let news = titles
        .into_iter()
        .map(|title| NewItem {
            title: title.to_owned(),
            track: Some(Track::Delivery),
            stage: Some(stage),
            ..NewItem::default()
        })
        .collect();
    let mut added = ops::add_many(board, news, now)?.edit;
    let mut ids = Vec::new();
    added.for_each_add(&mut |created| {
        created.promoted_from = Some(id);
        ids.push(format!("#{}", created.id));
    });
    if let Edit::Batch(adds) = added {
        edits.extend(adds);
    }
    Ok(Op { edit: Edit::Batch(edits), summary: format!("#{id} promoted into {}", ids.join(", ")) })
}

/// Concludes the discovery item `id` by dropping it: records why and moves it to the done
/// column without creating anything.
pub fn drop(board: &Board, id: ItemId, reason: &str, now: Timestamp) -> Result<Op, ConcludeError> {
    let item = discovery_item(board, id, "dropping is for")?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(ConcludeError::NoReason(id));
    }
    let change = ItemChange { drop_reason: Some(Some(reason.to_owned())), ..ItemChange::default() };
    let edit = conclude(board, item, change, now)?;
    Ok(Op { edit, summary: format!("#{id} dropped: {reason}") })
}

/// The items promoted from `id`, in board order.
pub fn promoted_into(board: &Board, id: ItemId) -> Vec<&Item> {
    let lanes = Lanes::build_where(board, |it| it.promoted_from == Some(id));
    lanes.board_order().filter_map(|i| board.item(i)).collect()
}

/// Every item linked to `item`, both ways: where it came from (follow-up of, promoted from),
/// what came from it (promoted into, follow-ups), then plain links. No duplicates.
pub fn linked(board: &Board, item: &Item) -> Vec<ItemId> {
    let mut out: Vec<ItemId> = Vec::new();
    let from = item.follow_up_of.into_iter().chain(item.promoted_from);
    let into = promoted_into(board, item.id)
        .into_iter()
        .chain(two_stage::follow_ups(board, item.id))
        .map(|it| it.id);
    for id in from.chain(into).chain(item.links.iter().copied()) {
        if !out.contains(&id) && id != item.id {
            out.push(id);
        }
    }
    out
}

#[cfg(test)]
#[path = "conclude_tests.rs"]
mod tests;
