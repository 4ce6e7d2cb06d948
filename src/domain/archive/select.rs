//! Which done items an archive request names: those finished before a date, those of sprints
//! closed more than N sprints ago (`archive --closed-sprints N`, and the board's policy at each
//! sprint close).

use chrono::NaiveDate;

use crate::model::{Board, Item, ItemId};

fn is_done(board: &Board, item: &Item) -> bool {
    board.is_done_column(item.track, &item.column)
}

/// The done items finished before `date` (an item with no finish time counts from when it
/// entered its column, else from its last change).
pub fn done_before(board: &Board, date: NaiveDate) -> Vec<ItemId> {
    board
        .items()
        .iter()
        .filter(|item| is_done(board, item))
        .filter(|item| {
            let when = item.finished.or(item.in_column_since).unwrap_or(item.updated);
            when.date_naive() < date
        })
        .map(|item| item.id)
        .collect()
}

/// The done items committed to a sprint that closed more than `n` sprints ago: every closed
/// sprint but the `n` closed last (sprints close in start order).
pub fn closed_sprints(board: &Board, n: u32) -> Vec<ItemId> {
    let closed: Vec<&str> = board.closed_sprints().map(|(s, _)| s.name.as_str()).collect();
    done_in_old(board, &closed, n)
}

/// The done items of the sprints of `closed` (in closing order) but the last `n`.
fn done_in_old(board: &Board, closed: &[&str], n: u32) -> Vec<ItemId> {
    let keep = usize::try_from(n).unwrap_or(usize::MAX).min(closed.len());
    let old = &closed[..closed.len() - keep];
    board
        .items()
        .iter()
        .filter(|item| is_done(board, item))
        .filter(|item| item.sprint.as_deref().is_some_and(|s| old.contains(&s)))
        .map(|item| item.id)
        .collect()
}

/// What the board's archive policy archives now (none when it is off).
pub fn policy_due(board: &Board) -> Vec<ItemId> {
    board.archive_after.map(|n| closed_sprints(board, n)).unwrap_or_default()
}

/// What the policy will archive once the open sprint `closing` is closed, for the close form to
/// say beforehand (its done items stay done: the close only rolls unfinished work over).
pub fn policy_due_at_close(board: &Board, closing: &str) -> Vec<ItemId> {
    let Some(n) = board.archive_after else { return Vec::new() };
    let mut closed: Vec<&str> = board.closed_sprints().map(|(s, _)| s.name.as_str()).collect();
    if !closed.contains(&closing) {
        closed.push(closing);
    }
    done_in_old(board, &closed, n)
}
