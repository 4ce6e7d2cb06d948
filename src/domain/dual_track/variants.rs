//! Variants: an experiment of two to five sibling stage-one items that try different ways of
//! doing one thing (stage one deploys several quickly, with minimal polish). Picking the winner
//! archives the others as lost, in their track's done column but never counted as finished work
//! or repaid debt, and accepts the winner, whose follow-ups then go next: only the winning
//! implementation is refined.

use crate::domain::change::done::{self, Act};
use crate::domain::change::placement::{append_rank, place_at_index};
use crate::domain::change::{Edit, ItemChange, NewItem, Op, OpError, ops};
use crate::domain::two_stage;
use crate::domain::two_stage::Evidence;
use crate::model::lanes::{lane_items, lane_of};
use crate::model::{Board, Item, ItemId, Stage, Timestamp, Track};

/// Why variants cannot be made or a winner picked, in words the user can act on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum VariantError {
    #[error("#{0} is not a variant of an experiment; split an item into variants first")]
    NotAVariant(ItemId),
    #[error("an experiment needs at least two variants, so #{0} needs at least one more")]
    LonelyVariant(ItemId),
    #[error("an experiment has at most {max} variants, and #{id} would make {count}")]
    TooManyVariants { id: ItemId, count: usize, max: usize },
    #[error("experiment #{experiment} is decided already: #{winner} won")]
    Decided { experiment: ItemId, winner: ItemId },
    #[error("the {0} track has no done column to archive losing variants in")]
    NoArchive(Track),
    #[error(transparent)]
    Op(#[from] OpError),
}

/// The most variants an experiment has.
pub const MAX: usize = 5;

/// The letter of the `index`th variant: `A`, `B`, ...
pub fn letter(index: usize) -> String {
    let offset = u8::try_from(index % 26).unwrap_or(0);
    char::from(b'A' + offset).to_string()
}

/// Whether `item` is a variant that lost its experiment.
pub fn is_lost(item: &Item) -> bool {
    item.experiment.is_some() && item.winner.is_some_and(|w| w != item.id)
}

/// The short mark of a variant's card: `[A]`, `[A]✓` for the winner, `[B]✗` for a loser.
pub fn mark(item: &Item) -> Option<String> {
    item.experiment?;
    let letter = item.variant.as_deref().unwrap_or("?");
    let result = match item.winner {
        None => "",
        Some(w) if w == item.id => "✓",
        Some(_) => "✗",
    };
    Some(format!("[{letter}]{result}"))
}

/// The variants of `experiment`, by letter (then id).
pub fn group(board: &Board, experiment: ItemId) -> Vec<&Item> {
    let mut variants: Vec<&Item> =
        board.items().iter().filter(|it| it.experiment == Some(experiment)).collect();
    variants.sort_by(|a, b| (&a.variant, a.id).cmp(&(&b.variant, b.id)));
    variants
}

/// A variant as a list names it: `B #12`.
fn name(item: &Item) -> String {
    format!("{} #{}", item.variant.as_deref().unwrap_or("?"), item.id)
}

fn names(items: &[&Item]) -> String {
    items.iter().map(|it| name(it)).collect::<Vec<_>>().join(", ")
}

/// The winner of an experiment, if it was picked.
fn winner_of(variants: &[&Item]) -> Option<ItemId> {
    variants.iter().find_map(|v| v.winner)
}

/// Splits the stage-one item `id` into variants: it becomes variant `A` of a new experiment
/// (named by its id) and each title another variant, in the same lane right below it, with its
/// kind and tags. An item that is already a variant gets more variants in its experiment.
pub fn split(board: &Board, id: ItemId, titles: &[String], now: Timestamp) -> Result<Op, VariantError> {
    let item = board.item(id).ok_or(OpError::NoSuchItem(id))?;
    if item.stage != Stage::One {
        return Err(OpError::NotStageOne { id, what: "variants are made of" }.into());
    }
    let titles: Vec<&str> = titles.iter().map(|t| t.trim()).filter(|t| !t.is_empty()).collect();
    let experiment = item.experiment.unwrap_or(id);
    let existing = group(board, experiment);
    if let Some(winner) = winner_of(&existing) {
        return Err(VariantError::Decided { experiment, winner });
    }
    if titles.is_empty() {
        return Err(VariantError::LonelyVariant(id));
    }
    let count = existing.len().max(1) + titles.len();
    if count > MAX {
        return Err(VariantError::TooManyVariants { id, count, max: MAX });
    }
    // Each edit goes on a scratch board too, so the next variant gets the next id and its place.
    let mut scratch = board.clone();
    let mut edits = Vec::new();
    if item.experiment.is_none() {
        let change = ItemChange {
            experiment: Some(Some(id)),
            variant: Some(Some(letter(0))),
            ..ItemChange::default()
        };
        let edit = Edit::Change { id, change: Box::new(change), at: now };
        scratch.apply(edit.clone()).map_err(|_| OpError::NoSuchItem(id))?;
        edits.push(edit);
    }
    let used: Vec<String> = group(&scratch, experiment).iter().filter_map(|v| v.variant.clone()).collect();
    let mut free = (0..26).map(letter).filter(|l| !used.contains(l));
    let mut previous = existing.last().map_or(id, |v| v.id);
    for title in titles {
        let new = NewItem {
            title: title.to_owned(),
            track: Some(item.track),
            column: Some(item.column.clone()),
            stage: Some(Stage::One),
            kind: Some(item.kind),
            tags: item.tags.clone(),
            ..NewItem::default()
        };
        let Edit::Add(mut created) = ops::add(&scratch, new, now)?.edit else {
            return Err(OpError::NoSuchItem(id).into());
        };
        created.experiment = Some(experiment);
        created.variant = free.next();
        let new_id = created.id;
        let added = Edit::Add(created);
        scratch.apply(added.clone()).map_err(|_| OpError::NoSuchItem(id))?;
        edits.push(added);
        if let Some(placed) = right_below(&scratch, new_id, previous, now) {
            scratch.apply(placed.clone()).map_err(|_| OpError::NoSuchItem(id))?;
            edits.push(placed);
        }
        previous = new_id;
    }
    let all = group(&scratch, experiment);
    let summary = if item.experiment.is_some() {
        format!("experiment #{experiment} now has variants {}", names(&all))
    } else {
        format!("#{id} split into variants {}", names(&all))
    };
    Ok(Op { edit: Edit::Batch(edits), summary })
}

/// The edit that moves the item `id` right below `above`, when both share a lane on `board`.
fn right_below(board: &Board, id: ItemId, above: ItemId, now: Timestamp) -> Option<Edit> {
    let (item, anchor) = (board.item(id)?, board.item(above)?);
    let key = lane_of(board, anchor).filter(|key| Some(*key) == lane_of(board, item))?;
    let others: Vec<&Item> = lane_items(board, key).into_iter().filter(|it| it.id != id).collect();
    let index = others.iter().position(|it| it.id == above)? + 1;
    Some(place_at_index(board, item, key, index, now))
}

/// Picks the variant `id` as its experiment's winner, in one step: every variant records the
/// winner; the others move to the bottom of their track's done column as lost (without a
/// `finished` stamp: they are not finished work); the winner is accepted by A/B test and its
/// open follow-ups go next. Where stage one's definition of done is enforced, the winner's must
/// be ticked, or its acceptance forced first.
pub fn pick(board: &Board, id: ItemId, now: Timestamp) -> Result<Op, VariantError> {
    let item = board.item(id).ok_or(OpError::NoSuchItem(id))?;
    let experiment = item.experiment.ok_or(VariantError::NotAVariant(id))?;
    let variants = group(board, experiment);
    if let Some(winner) = winner_of(&variants) {
        return Err(VariantError::Decided { experiment, winner });
    }
    if variants.len() < 2 {
        return Err(VariantError::LonelyVariant(id));
    }
    // The winner is accepted, so an enforced definition of done holds here too: tick it, or
    // force the winner's acceptance with a reason first (`accept --force`; the reason stands).
    done::check(board, item, Act::Accept, None)?;
    let losers: Vec<&Item> = variants.iter().copied().filter(|v| v.id != id).collect();
    let won = ItemChange { winner: Some(Some(id)), ..ItemChange::default() };
    // The winner first, so that the selection lands on it.
    let mut edits = vec![Edit::Change { id, change: Box::new(won), at: now }];
    let mut scratch = board.clone();
    for loser in &losers {
        let edit = archive(&scratch, loser, id, now)?;
        scratch.apply(edit.clone()).map_err(|_| OpError::NoSuchItem(loser.id))?;
        edits.push(edit);
    }
    let note = format!("won experiment #{experiment} against {}", names(&losers));
    let evidence = Evidence { by: Some("ab-test".to_owned()), note: Some(note) };
    let accepted = two_stage::acceptance(board, item, evidence, now);
    edits.extend(accepted.edits);
    let summary =
        format!("{} won experiment #{experiment}; lost: {}; {}", name(item), names(&losers), accepted.next);
    Ok(Op { edit: Edit::Batch(edits), summary })
}

/// The edit that records `winner` on the losing variant `loser` and moves it to the bottom of
/// its lane in its track's done column, clearing any `finished` stamp.
fn archive(board: &Board, loser: &Item, winner: ItemId, now: Timestamp) -> Result<Edit, VariantError> {
    let done = board
        .track(loser.track)
        .columns
        .iter()
        .rev()
        .find(|c| c.done)
        .ok_or(VariantError::NoArchive(loser.track))?;
    let mut change = ItemChange { winner: Some(Some(winner)), ..ItemChange::default() };
    if !board.is_done_column(loser.track, &loser.column) {
        let rank = append_rank(board, loser.track, &done.id, loser.stage, loser.id);
        change.place = Some(crate::model::Place {
            track: loser.track,
            column: done.id.clone(),
            stage: loser.stage,
            rank,
        });
    }
    if loser.finished.is_some() {
        change.finished = Some(None);
    }
    Ok(Edit::Change { id: loser.id, change: Box::new(change), at: now })
}

/// The experiment of `item` in words for its details: `#5, variant A of 3: B #12 won; A #5,
/// C #13 lost`, or `#5, variant A of 2 (open): A #5, B #12`.
pub fn describe(board: &Board, item: &Item) -> Option<String> {
    let experiment = item.experiment?;
    let variants = group(board, experiment);
    let letter = item.variant.as_deref().unwrap_or("?");
    let head = format!("#{experiment}, variant {letter} of {}", variants.len());
    Some(match winner_of(&variants) {
        None => format!("{head} (open): {}", names(&variants)),
        Some(winner) => {
            let (won, lost): (Vec<&Item>, Vec<&Item>) = variants.iter().partition(|v| v.id == winner);
            format!("{head}: {} won; {} lost", names(&won), names(&lost))
        }
    })
}

#[cfg(test)]
#[path = "variants_tests.rs"]
mod tests;
