//! The figures a sprint records when it is closed (README "Closing a sprint"): committed and
//! done points by track and stage, the shares achieved against the targets, debt created and
//! repaid, spikes concluded, promoted and dropped, and what rolled over. Pure.
//!
//! Debt and spikes are counted in the sprint's window: from its start, or from the close of the
//! sprint before when that was later, up to the close. Windows never overlap, so an item is
//! counted in one sprint only.

use super::board::Board;
use super::capacity::Split;
use super::debt;
use super::item::{Item, Kind, Timestamp, Track};
use super::sprint::{Figures, Rollover, Sprint, Tally};

/// When the sprint's window opens: its first day, or the close of the previous sprint if later.
pub fn window_start(board: &Board, sprint: &Sprint) -> Timestamp {
    let previous = board
        .closed_sprints()
        .filter(|(s, _)| s.name != sprint.name)
        .map(|(_, f)| f.closed)
        .filter(|closed| *closed >= sprint.start_time())
        .max();
    previous.unwrap_or_else(|| sprint.start_time())
}

/// The figures of `sprint` if it closed at `now`, its unfinished items going `rollover`.
pub fn record(board: &Board, sprint: &Sprint, rollover: Rollover, now: Timestamp) -> Figures {
    let from = window_start(board, sprint);
    let within = |time: Option<Timestamp>| time.is_some_and(|t| t >= from && t <= now);
    let done = |item: &Item| board.is_done_column(item.track, &item.column);
    let mut committed = Split::default();
    let mut achieved = Split::default();
    let mut done_items = Split::default();
    let mut rolled_over = Vec::new();
    for item in board.items().iter().filter(|it| sprint.holds(it)) {
        committed.add(item, item.estimate.unwrap_or(0));
        if done(item) {
            achieved.add(item, item.estimate.unwrap_or(0));
            done_items.add(item, 1);
        } else {
            rolled_over.push(item.id);
        }
    }
    // Shares of points, or of items when nothing done was estimated (as the capacity split).
    let basis = if achieved.total > 0 { achieved } else { done_items };
    let mut debt_created = Tally::default();
    let mut debt_repaid = Tally::default();
    let mut repaid = Vec::new();
    let (mut spikes_concluded, mut promoted, mut dropped) = (0, Vec::new(), Vec::new());
    for item in board.items() {
        if item.kind == Kind::Debt && within(Some(item.created)) {
            debt_created.add(item);
        }
        if item.kind == Kind::Debt && done(item) && within(item.finished) {
            debt_repaid.add(item);
            repaid.push(item.id);
        }
        if item.track == Track::Discovery && done(item) && within(item.finished) {
            spikes_concluded += 1;
            if item.drop_reason.is_some() {
                dropped.push(item.id);
            } else if item.learned.is_some() || board.items().iter().any(|o| o.promoted_from == Some(item.id))
            {
                promoted.push(item.id);
            }
        }
    }
    let register = debt::register(board, now);
    let targets = sprint.targets(board);
    Figures {
        closed: now,
        target_discovery: targets.discovery,
        target_stage_two: targets.stage_two,
        committed,
        done: achieved,
        discovery_share: percent(basis.discovery, basis.total),
        stage_two_share: percent(basis.stage_two, basis.total),
        debt_created,
        debt_repaid,
        open_debt: Tally {
            items: u32::try_from(register.open.len()).unwrap_or(u32::MAX),
            points: register.total_cost,
        },
        spikes_concluded,
        promoted,
        dropped,
        repaid,
        rolled_over,
        rollover,
    }
}

/// `part` of `whole` in whole percent, rounded (0 when `whole` is 0).
fn percent(part: u32, whole: u32) -> u8 {
    if whole == 0 {
        return 0;
    }
    let share = (u64::from(part) * 200 + u64::from(whole)) / (u64::from(whole) * 2);
    u8::try_from(share.min(100)).unwrap_or(100)
}

/// Stage two did not happen in the last two closed sprints (README "Trends").
pub fn stage_two_skipped_twice<'f>(closed: impl DoubleEndedIterator<Item = &'f Figures>) -> bool {
    let last: Vec<&Figures> = closed.rev().take(2).collect();
    last.len() == 2 && last.iter().all(|f| !f.stage_two_happened())
}

#[cfg(test)]
#[path = "figures_tests.rs"]
mod tests;
