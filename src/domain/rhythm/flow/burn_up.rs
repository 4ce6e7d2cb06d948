//! A sprint's burn-up: its scope and done points at the end of each day, from the journal's
//! replay; scope changes show as steps, and the ideal line runs from nothing on the first day
//! to the scope as it stands on the last.

use chrono::NaiveDate;

use super::replay::{Points, Replay};
use crate::model::Sprint;

/// The burn-up of one sprint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BurnUp {
    pub sprint: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// From the first day to the last day passed (the end, or today while the sprint runs);
    /// `None` for a day the journal does not cover.
    pub days: Vec<Option<Points>>,
}

impl BurnUp {
    /// The sprint's length in days, its first and last included.
    pub fn length(&self) -> u32 {
        u32::try_from((self.end - self.start).num_days() + 1).unwrap_or(1).max(1)
    }

    /// The scope as last known: where the ideal line ends.
    pub fn scope(&self) -> Option<u32> {
        self.days.iter().rev().flatten().next().map(|p| p.scope)
    }

    /// The ideal line's points at day `index` (0: the first day): the scope spread evenly so
    /// that all of it is done at the end of the last day.
    pub fn ideal(&self, index: u32) -> Option<f64> {
        let scope = f64::from(self.scope()?);
        Some(scope * f64::from(index + 1) / f64::from(self.length()))
    }
}

/// The burn-up of `sprint` up to `today` (a sprint not yet started has no days).
pub fn burn_up(replay: &Replay, sprint: &Sprint, today: NaiveDate) -> BurnUp {
    let last = sprint.end.min(today);
    let days = sprint
        .start
        .iter_days()
        .take_while(|d| *d <= last)
        .map(|date| replay.totals(date).map(|t| t.sprints.get(&sprint.name).copied().unwrap_or_default()))
        .collect::<Vec<_>>();
    // The day a sprint closed ends on the figures its close recorded (the one definition of its
    // committed and done points): the journal's end of that day has the rollover already, which
    // would show the scope falling on the last day.
    let mut days = days;
    if let Some(figures) = &sprint.figures {
        let index = (figures.closed.date_naive() - sprint.start).num_days();
        if let Some(slot) = usize::try_from(index).ok().and_then(|i| days.get_mut(i)) {
            *slot = Some(Points { scope: figures.committed.total, done: figures.done.total });
        }
    }
    BurnUp { sprint: sprint.name.clone(), start: sprint.start, end: sprint.end.max(sprint.start), days }
}
