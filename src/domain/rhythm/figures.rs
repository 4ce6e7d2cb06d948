//! The figures a sprint records when it is closed (docs/guide/rhythm.md, "Closing a sprint"): committed and
//! done points by track and stage, the shares achieved against the targets, debt created and
//! repaid, spikes concluded, promoted and dropped, what rolled over, and the work done by kind. Pure.
//!
//! Debt and spikes are counted in the sprint's window: from the close of the sprint before it,
//! else from its start, up to the close. Windows never overlap and leave no hole (what happens
//! after an early close, or between two sprints, counts in the next), so an item is counted in
//! one sprint only.

use crate::domain::rhythm::at_close;
use crate::domain::two_stage::debt;
use crate::model::{Board, Figures, ItemId, Kind, Rollover, Spent, Split, Sprint, Tally, Timestamp, Track};

/// When the sprint's window opens: the close of the sprint before it (the latest close of a
/// sprint that started earlier), else its first day.
pub fn window_start(board: &Board, sprint: &Sprint) -> Timestamp {
    let previous = board
        .closed_sprints()
        .filter(|(s, _)| s.name != sprint.name && s.start <= sprint.start)
        .map(|(_, f)| f.closed)
        .max();
    previous.unwrap_or_else(|| sprint.start_time())
}

/// The figures of `sprint` if it closed at `now`, its unfinished items going `rollover`.
pub fn record(board: &Board, sprint: &Sprint, rollover: Rollover, now: Timestamp) -> Figures {
    let work = Work::of(board, sprint);
    let from = window_start(board, sprint);
    let window = Window::of(board, from, now);
    // Shares of points, or of items when nothing done was estimated (as the capacity split).
    let basis = if work.done.total > 0 { work.done } else { work.done_items };
    let register = debt::register(board, now);
    let targets = sprint.targets(&board.capacity);
    Figures {
        closed: now,
        target_discovery: targets.discovery,
        target_stage_two: targets.stage_two,
        committed: work.committed,
        done: work.done,
        discovery_share: percent(basis.discovery, basis.total),
        stage_two_share: percent(basis.stage_two, basis.total),
        debt_created: window.debt_created,
        debt_repaid: window.debt_repaid,
        open_debt: Tally {
            items: u32::try_from(register.open.len()).unwrap_or(u32::MAX),
            points: register.total_cost,
        },
        spikes_concluded: window.spikes_concluded,
        promoted: window.promoted,
        dropped: window.dropped,
        repaid: window.repaid,
        rolled_over: work.unfinished,
        rollover,
        to_backlog: Vec::new(),
        at_close: Some(at_close::record(board, sprint, from, now)),
        spent: Some(work.spent),
    }
}

/// The work committed to a sprint: its points, the points and items done, what is unfinished.
struct Work {
    committed: Split,
    done: Split,
    done_items: Split,
    spent: Spent,
    unfinished: Vec<ItemId>,
}

impl Work {
    fn of(board: &Board, sprint: &Sprint) -> Work {
        let mut work = Work {
            committed: Split::default(),
            done: Split::default(),
            done_items: Split::default(),
            spent: Spent::default(),
            unfinished: Vec::new(),
        };
        for item in board.items().iter().filter(|it| sprint.holds(it)) {
            let points = item.estimate.unwrap_or(0);
            work.committed.add(item, points);
            if board.is_done_column(item.track, &item.column) {
                work.done.add(item, points);
                work.done_items.add(item, 1);
                work.spent.add(item);
            } else {
                work.unfinished.push(item.id);
            }
        }
        work
    }
}

/// What happened on the board within a sprint's window: debt logged and repaid, discovery
/// concluded.
#[derive(Default)]
struct Window {
    debt_created: Tally,
    debt_repaid: Tally,
    repaid: Vec<ItemId>,
    spikes_concluded: u32,
    promoted: Vec<ItemId>,
    dropped: Vec<ItemId>,
}

/// Debt logged and debt repaid between two times: the one definition the sprint's figures and
/// the standup's totals share. Logged is a `debt` item created in the window; repaid is a
/// `debt` item that is done and finished in it (both ends included).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DebtFlow {
    pub created: Tally,
    pub repaid: Tally,
    /// The repaid items, in board order.
    pub repaid_ids: Vec<ItemId>,
}

impl DebtFlow {
    pub fn of(board: &Board, from: Timestamp, to: Timestamp) -> DebtFlow {
        let within = |time: Option<Timestamp>| time.is_some_and(|t| t >= from && t <= to);
        let mut flow = DebtFlow::default();
        for item in board.items().iter().filter(|it| it.kind == Kind::Debt) {
            if within(Some(item.created)) {
                flow.created.add(item);
            }
            if board.is_done_column(item.track, &item.column) && within(item.finished) {
                flow.repaid.add(item);
                flow.repaid_ids.push(item.id);
            }
        }
        flow
    }
}

impl Window {
    fn of(board: &Board, from: Timestamp, to: Timestamp) -> Window {
        let within = |time: Option<Timestamp>| time.is_some_and(|t| t >= from && t <= to);
        let flow = DebtFlow::of(board, from, to);
        let mut window = Window {
            debt_created: flow.created,
            debt_repaid: flow.repaid,
            repaid: flow.repaid_ids,
            ..Window::default()
        };
        for item in board.items() {
            let done = board.is_done_column(item.track, &item.column);
            if item.track == Track::Discovery && done && within(item.finished) {
                window.spikes_concluded += 1;
                let promoted =
                    item.learned.is_some() || board.items().iter().any(|o| o.promoted_from == Some(item.id));
                if item.drop_reason.is_some() {
                    window.dropped.push(item.id);
                } else if promoted {
                    window.promoted.push(item.id);
                }
            }
        }
        window
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

/// Stage two did not happen in the last two closed sprints that planned any (docs/guide/rhythm.md,
/// "Trends"): a delivery sprint of a cycle targets none, so skipping it there is the plan.
pub fn stage_two_skipped_twice<'f>(closed: impl DoubleEndedIterator<Item = &'f Figures>) -> bool {
    let last: Vec<&Figures> = closed.rev().filter(|f| f.target_stage_two > 0).take(2).collect();
    last.len() == 2 && last.iter().all(|f| !f.stage_two_happened())
}

#[cfg(test)]
#[path = "figures_tests.rs"]
mod tests;
