//! Flow figures from the activity journal (docs/guide/rhythm.md, "Charts"): the sprint's
//! burn-up, velocity by stage, cumulative flow per track, cycle time and throughput, the
//! stage-two share against its target. Pure: the journal is read by the caller and replayed
//! once ([`Replay`], fed as it grows); days the journal does not cover are `None`, never zero.
//!
//! Velocity and the stage-two share are read from the figures each sprint recorded at its close
//! (`model::Figures`, as the review and the retrospective read them), never computed again.

mod burn_up;
mod cycle;
mod replay;
mod velocity;

use chrono::NaiveDate;

use crate::model::{Board, Track};

pub use burn_up::{BurnUp, burn_up};
pub use cycle::{CycleTime, Group, Week, cycle_times, throughput};
pub use replay::{Finish, Points, Replay, Totals};
pub use velocity::{Velocity, velocity};

/// Items per column of one track, per day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cfd {
    pub track: Track,
    /// The track's column names, in board order, and "other columns" last when the journal
    /// names columns the board no longer has.
    pub columns: Vec<String>,
    /// From `first` on, one row per day: a count per column (`None`: the journal does not
    /// cover the day).
    pub first: NaiveDate,
    pub days: Vec<Option<Vec<u32>>>,
}

/// The name of the band of columns the board no longer has.
pub const OTHER_COLUMNS: &str = "other columns";

/// The cumulative flow of `track` over the `days` days up to `today`.
pub fn cfd(board: &Board, replay: &Replay, track: Track, today: NaiveDate, days: u32) -> Cfd {
    let first = today - chrono::Duration::days(i64::from(days.max(1)) - 1);
    let own = &board.track(track).columns;
    let mut columns: Vec<String> = own.iter().map(|c| c.name.clone()).collect();
    let rows: Vec<Option<Vec<u32>>> = first
        .iter_days()
        .take_while(|d| *d <= today)
        .map(|date| {
            let totals = replay.totals(date)?;
            let mut row: Vec<u32> = own
                .iter()
                .map(|c| totals.columns.get(&(track, c.id.clone())).copied().unwrap_or(0))
                .collect();
            let other: u32 = totals
                .columns
                .iter()
                .filter(|((t, id), _)| *t == track && !own.iter().any(|c| &c.id == id))
                .map(|(_, n)| *n)
                .sum();
            row.push(other);
            Some(row)
        })
        .collect();
    let has_other = rows.iter().flatten().any(|r| r.last().is_some_and(|n| *n > 0));
    let rows = match has_other {
        true => {
            columns.push(OTHER_COLUMNS.to_owned());
            rows
        }
        false => rows.into_iter().map(|r| r.map(|mut r| (r.pop(), r).1)).collect(),
    };
    Cfd { track, columns, first, days: rows }
}

#[cfg(test)]
#[path = "flow_tests.rs"]
mod tests;
