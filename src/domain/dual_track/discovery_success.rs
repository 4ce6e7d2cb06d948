//! How discovery work ended. Per item: decided within its timebox or late, promoted or dropped,
//! and the days from its start to the decision. Over a period (the last 30 days, or a sprint):
//! the share concluded on time, promoted against dropped, the median days to a decision, and
//! the open-ended items still open: the success of discovery is less uncertainty, sooner.

use std::collections::HashSet;

use chrono::{Duration, NaiveDate};

use super::timebox::Standing;
use super::{timebox, variants};
use crate::model::{Board, Item, ItemId, Timestamp, Track};

/// How far back the capacity view looks.
pub const WINDOW_DAYS: i64 = 30;

/// The span of time a set of figures covers (both ends included).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub start: Timestamp,
    pub end: Timestamp,
}

impl Period {
    /// The `days` up to `now`.
    pub fn last_days(now: Timestamp, days: i64) -> Period {
        Period { start: now - Duration::days(days), end: now }
    }

    pub fn contains(&self, time: Timestamp) -> bool {
        self.start <= time && time <= self.end
    }
}

/// How a concluded discovery item was decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Delivery items were made from what it learned.
    Promoted,
    /// It was dropped, saying why.
    Dropped,
    /// It was moved to the done column without either.
    Concluded,
}

impl Decision {
    pub fn name(self) -> &'static str {
        match self {
            Decision::Promoted => "promoted",
            Decision::Dropped => "dropped",
            Decision::Concluded => "concluded",
        }
    }
}

/// When the decision came against the timebox.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Timing {
    /// On or before the decide-by date.
    OnTime,
    /// This many days after it.
    Late(i64),
    /// The item had no timebox.
    NoTimebox,
}

impl Timing {
    pub fn label(self) -> String {
        match self {
            Timing::OnTime => "on time".into(),
            Timing::Late(days) => format!("{days}d late"),
            Timing::NoTimebox => "no timebox".into(),
        }
    }
}

/// How one discovery item ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// When it entered the done column.
    pub decided: Timestamp,
    pub decision: Decision,
    pub timing: Timing,
    /// Whole days from its start (when it was logged) to the decision.
    pub days: i64,
}

impl Outcome {
    /// "promoted on 2026-11-20, on time, 5 days from start to decision".
    pub fn words(&self) -> String {
        let days = if self.days == 1 { "1 day".to_owned() } else { format!("{} days", self.days) };
        format!(
            "{} on {}, {}, {days} from start to decision",
            self.decision.name(),
            self.decided.date_naive(),
            self.timing.label()
        )
    }
}

/// How `item` ended, if it is concluded discovery work: in its track's done column with the time
/// it got there (a losing variant is not concluded). `promoted`: items were promoted from it.
pub fn outcome(board: &Board, item: &Item, promoted: bool) -> Option<Outcome> {
    if item.track != Track::Discovery
        || !board.is_done_column(item.track, &item.column)
        || variants::is_lost(item)
    {
        return None;
    }
    let decided = item.finished?;
    let decision = if item.drop_reason.is_some() {
        Decision::Dropped
    } else if promoted || item.learned.is_some() {
        Decision::Promoted
    } else {
        Decision::Concluded
    };
    let day = decided.date_naive();
    let timing = match item.timebox {
        None => Timing::NoTimebox,
        Some(by) if day <= by => Timing::OnTime,
        Some(by) => Timing::Late((day - by).num_days()),
    };
    let days = (day - item.created.date_naive()).num_days().max(0);
    Some(Outcome { decided, decision, timing, days })
}

/// [`outcome`] for one item, looking up whether anything was promoted from it.
pub fn outcome_of(board: &Board, item: &Item) -> Option<Outcome> {
    let promoted = board.items().iter().any(|it| it.promoted_from == Some(item.id));
    outcome(board, item, promoted)
}

/// Discovery success over a period.
#[derive(Clone, Debug, PartialEq)]
pub struct Figures {
    pub period: Period,
    /// Items decided within the period, the latest decision first.
    pub decided: Vec<(ItemId, Outcome)>,
    pub on_time: usize,
    pub late: usize,
    pub no_timebox: usize,
    pub promoted: usize,
    pub dropped: usize,
    /// Moved to the done column without being promoted or dropped.
    pub concluded: usize,
    /// The median of the days from start to decision.
    pub median_days: Option<f64>,
    /// Open discovery items now.
    pub open: usize,
    /// Open items without an outcome or a timebox: work with no clear end.
    pub open_ended: Vec<ItemId>,
    pub overdue: usize,
}

impl Figures {
    /// The share of timeboxed items decided on time, in percent.
    pub fn on_time_percent(&self) -> Option<f64> {
        let timed = self.on_time + self.late;
        (timed > 0).then(|| (self.on_time as f64 * 1000.0 / timed as f64).round() / 10.0)
    }

    /// "median 4 days from start to decision" (a median of an even count can end in a half
    /// day), or "no decisions yet".
    pub fn median_words(&self) -> String {
        match self.median_days {
            Some(days) if days.fract() == 0.0 => format!("median {days:.0} days from start to decision"),
            Some(days) => format!("median {days:.1} days from start to decision"),
            None => "no decisions yet".to_owned(),
        }
    }
}

/// Discovery success over `period`; open items are counted as of `today`.
pub fn figures(board: &Board, period: Period, today: NaiveDate) -> Figures {
    let promoted_from: HashSet<ItemId> = board.items().iter().filter_map(|it| it.promoted_from).collect();
    let mut decided: Vec<(ItemId, Outcome)> = board
        .items()
        .iter()
        .filter_map(|it| outcome(board, it, promoted_from.contains(&it.id)).map(|o| (it.id, o)))
        .filter(|(_, o)| period.contains(o.decided))
        .collect();
    decided.sort_by_key(|(id, o)| (std::cmp::Reverse(o.decided), *id));
    let count = |f: &dyn Fn(&Outcome) -> bool| decided.iter().filter(|(_, o)| f(o)).count();
    let mut days: Vec<i64> = decided.iter().map(|(_, o)| o.days).collect();
    days.sort_unstable();
    let median_days = match days.len() {
        0 => None,
        n if n % 2 == 1 => Some(days[n / 2] as f64),
        n => Some((days[n / 2 - 1] + days[n / 2]) as f64 / 2.0),
    };
    let mut open = 0;
    let mut open_ended = Vec::new();
    let mut overdue = 0;
    for item in board.items() {
        match timebox::standing(board, item, today) {
            None => continue,
            Some(Standing::OpenEnded) => open_ended.push(item.id),
            Some(Standing::Overdue(_)) => overdue += 1,
            Some(Standing::Left(_)) => {}
        }
        open += 1;
    }
    Figures {
        period,
        on_time: count(&|o| o.timing == Timing::OnTime),
        late: count(&|o| matches!(o.timing, Timing::Late(_))),
        no_timebox: count(&|o| o.timing == Timing::NoTimebox),
        promoted: count(&|o| o.decision == Decision::Promoted),
        dropped: count(&|o| o.decision == Decision::Dropped),
        concluded: count(&|o| o.decision == Decision::Concluded),
        decided,
        median_days,
        open,
        open_ended,
        overdue,
    }
}

#[cfg(test)]
#[path = "discovery_success_tests.rs"]
mod tests;
