//! Debt interest: what open technical debt costs while it waits, as one figure a team can reason
//! with: the weight of its severity times its age in days. Debt compounds, so the default weights
//! double with each severity; a board can set its own.

use chrono::NaiveDate;

use crate::model::{Board, InterestWeights, Item, Kind};

/// Whole days since the item was logged (0 on its first day, never negative).
pub fn age_days(item: &Item, today: NaiveDate) -> i64 {
    (today - item.created.date_naive()).num_days().max(0)
}

/// The interest an item has accrued by `today`: its severity's weight times its age.
pub fn interest(weights: &InterestWeights, item: &Item, today: NaiveDate) -> u64 {
    u64::from(weights.of(item.severity)).saturating_mul(age_days(item, today).unsigned_abs())
}

/// Whether `item` was open debt at the end of `day`: logged by then, and not yet in a done
/// column (or it entered one later; a losing variant archived there has no such date).
pub fn open_on(board: &Board, item: &Item, day: NaiveDate) -> bool {
    if item.kind != Kind::Debt || item.created.date_naive() > day {
        return false;
    }
    if !board.is_done_column(item.track, &item.column) {
        return true;
    }
    item.finished.is_some_and(|f| f.date_naive() > day)
}

/// The total interest of the debt that was open at the end of `day`, as it stood that day.
pub fn total_on(board: &Board, day: NaiveDate) -> u64 {
    let weights = board.interest_weights();
    board
        .items()
        .iter()
        .filter(|it| open_on(board, it, day))
        .map(|it| interest(&weights, it, day))
        .fold(0, u64::saturating_add)
}

#[cfg(test)]
#[path = "interest_tests.rs"]
mod tests;
