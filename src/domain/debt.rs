//! The debt register: open debt items by severity and repayment cost (their estimate), with
//! totals, and how much debt was created and repaid lately.

use chrono::Duration;

use super::board::Board;
use super::item::{Item, Kind, Severity, Timestamp};

/// How far back "lately" reaches.
pub const WINDOW_DAYS: i64 = 14;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Register<'b> {
    /// Open debt: most severe first, then the largest cost; no severity and no estimate last.
    pub open: Vec<&'b Item>,
    /// Open items and summed cost per severity, `None` (unrated) last.
    pub by_severity: Vec<(Option<Severity>, usize, u32)>,
    pub total_cost: u32,
    /// Open debt items without an estimate (their cost is unknown).
    pub unestimated: usize,
    /// Debt items created within the window (still on the board).
    pub created: usize,
    /// Debt items that entered a done column within the window.
    pub repaid: usize,
}

pub fn register(board: &Board, now: Timestamp) -> Register<'_> {
    let since = now - Duration::days(WINDOW_DAYS);
    let debt: Vec<&Item> = board.items().iter().filter(|it| it.kind == Kind::Debt).collect();
    let is_open = |it: &&Item| !board.is_done_column(it.track, &it.column);
    let mut open: Vec<&Item> = debt.iter().copied().filter(is_open).collect();
    open.sort_by_key(|it| {
        (
            std::cmp::Reverse(it.severity),
            std::cmp::Reverse(it.estimate.unwrap_or(0)),
            it.estimate.is_none(),
            it.id,
        )
    });
    let mut by_severity: Vec<(Option<Severity>, usize, u32)> = Vec::new();
    for severity in Severity::ALL.iter().rev().map(|s| Some(*s)).chain([None]) {
        let mine: Vec<&&Item> = open.iter().filter(|it| it.severity == severity).collect();
        if !mine.is_empty() {
            let cost = mine.iter().map(|it| it.estimate.unwrap_or(0)).fold(0u32, u32::saturating_add);
            by_severity.push((severity, mine.len(), cost));
        }
    }
    Register {
        total_cost: by_severity.iter().map(|(_, _, c)| *c).fold(0, u32::saturating_add),
        unestimated: open.iter().filter(|it| it.estimate.is_none()).count(),
        created: debt.iter().filter(|it| it.created >= since).count(),
        repaid: debt.iter().filter(|it| !is_open(it) && it.finished.is_some_and(|f| f >= since)).count(),
        open,
        by_severity,
    }
}
