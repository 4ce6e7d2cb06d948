//! Flow figures from the activity journal (docs/guide/rhythm.md, "Charts"): the sprint's
//! burn-up, velocity by stage, cumulative flow per track, cycle time and throughput, the
//! stage-two share against its target. Pure: the journal is read by the caller and replayed
//! once ([`Replay`], fed as it grows); days the journal does not cover are `None`, never zero.
//!
//! Velocity and the stage-two share are read from the figures each sprint recorded at its close
//! (`model::Figures`, as the review and the retrospective read them), never computed again.

mod burn_up;
mod cycle;
pub mod doc;
mod replay;
mod step;
mod velocity;

use chrono::NaiveDate;

use crate::model::{Board, Sprint, Track};

pub use burn_up::{BurnUp, burn_up};
pub use cycle::{CycleTime, Group, Week, cycle_times, throughput};
pub use replay::{Finish, Points, Replay, Totals};
pub use step::Step;
pub use velocity::{Velocity, velocity};

/// How many closed sprints the velocity shows, days the cumulative flow covers, weeks of
/// throughput: what fits a screen at 80 columns and a review's page.
pub const SPRINTS: usize = 8;
pub const DAYS: u32 = 28;
pub const WEEKS: u32 = 12;

/// Every chart's figures as of one day: what the charts screen, the review and its HTML show.
#[derive(Clone, Debug, PartialEq)]
pub struct Flow {
    pub today: NaiveDate,
    /// The open sprint's burn-up, else the last closed sprint's (none: no sprint yet).
    pub burn_up: Option<BurnUp>,
    /// The last closed sprints, oldest first.
    pub velocity: Vec<Velocity>,
    /// Per track, in `Track::ALL` order.
    pub cfd: Vec<Cfd>,
    pub cycle: Vec<CycleTime>,
    pub throughput: Vec<Week>,
    /// The first day the journal tells of (none: no journal, or nothing in it).
    pub first_day: Option<NaiveDate>,
    /// Journal entries left out, and counted late: see [`Replay`].
    pub unknown: u32,
    pub skewed: u32,
}

impl Flow {
    /// The figures of `board` from its journal's `replay`, as of `today`, with the burn-up of
    /// the open sprint (else the last closed).
    pub fn of(board: &Board, replay: &Replay, today: NaiveDate) -> Flow {
        Flow::with_burn_up(board, replay, sprint_shown(board), today)
    }

    /// [`Flow::of`] with the burn-up of `sprint` (a review's sprint).
    pub fn with_burn_up(board: &Board, replay: &Replay, sprint: Option<&Sprint>, today: NaiveDate) -> Flow {
        Flow {
            today,
            burn_up: sprint.map(|s| burn_up(replay, s, today)),
            velocity: velocity(board, SPRINTS, today),
            cfd: Track::ALL.iter().map(|t| cfd(board, replay, *t, today, DAYS)).collect(),
            cycle: cycle_times(replay, None),
            throughput: throughput(replay, today, WEEKS),
            first_day: replay.first_day(),
            unknown: replay.unknown,
            skewed: replay.skewed,
        }
    }

    /// What the journal could not tell, in words (empty: nothing missing).
    pub fn missing(&self) -> Vec<String> {
        let mut out = Vec::new();
        match self.first_day {
            None => out.push(
                "The journal has no history yet: burn-up, flow and cycle time start with the next change."
                    .to_owned(),
            ),
            Some(first) => out.push(format!(
                "History from {first} on (the journal's first entry); days before it are gaps."
            )),
        }
        if self.unknown > 0 {
            out.push(format!(
                "{} about items the journal never added (older than it, or another board's): left out.",
                crate::words::count(u64::from(self.unknown), "change")
            ));
        }
        if self.skewed > 0 {
            out.push(format!(
                "{} stamped before the day the journal had reached (a writer's clock behind): counted on that day.",
                crate::words::count(u64::from(self.skewed), "change")
            ));
        }
        out
    }
}

/// The sprint whose burn-up shows: the open one, else the last closed.
fn sprint_shown(board: &Board) -> Option<&Sprint> {
    board
        .current_sprint()
        .or_else(|| board.closed_sprints().max_by_key(|(s, f)| (s.start, f.closed)).map(|(s, _)| s))
}

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
