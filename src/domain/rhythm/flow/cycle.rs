//! Cycle time and throughput from the journal's replay: how long items took from first entering
//! an in-progress column (neither their track's first column nor done) to entering done, per
//! track and per stage (median and 85th percentile), and how many items entered done per week.
//! Percentiles are nearest-rank, so each figure is a time some item really took.

use chrono::{Datelike, Duration, NaiveDate};

use super::replay::{Finish, Replay};
use crate::model::{Stage, Track};

/// Which items a cycle time is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    Track(Track),
    Stage(Stage),
}

impl Group {
    /// The four groups, in the order the chart shows them.
    pub const ALL: [Group; 4] = [
        Group::Track(Track::Delivery),
        Group::Track(Track::Discovery),
        Group::Stage(Stage::One),
        Group::Stage(Stage::Two),
    ];

    pub fn label(self) -> String {
        match self {
            Group::Track(track) => track.name().to_owned(),
            Group::Stage(stage) => stage.label().to_owned(),
        }
    }

    fn holds(self, f: &Finish) -> bool {
        match self {
            Group::Track(track) => f.track == track,
            Group::Stage(stage) => f.stage == stage,
        }
    }
}

/// The cycle times of one group.
#[derive(Clone, Debug, PartialEq)]
pub struct CycleTime {
    pub group: Group,
    /// Items finished with a known start.
    pub items: u32,
    /// In days; `None` when no item of the group finished with a known start.
    pub median: Option<f64>,
    pub p85: Option<f64>,
}

/// The cycle times of the items finished since `since` (all: `None`), per group.
pub fn cycle_times(replay: &Replay, since: Option<NaiveDate>) -> Vec<CycleTime> {
    Group::ALL
        .iter()
        .map(|group| {
            let mut days: Vec<f64> = replay
                .finishes
                .iter()
                .filter(|f| group.holds(f) && since.is_none_or(|s| f.when.date_naive() >= s))
                .filter_map(|f| f.days)
                .collect();
            days.sort_by(f64::total_cmp);
            CycleTime {
                group: *group,
                items: u32::try_from(days.len()).unwrap_or(u32::MAX),
                median: percentile(&days, 50),
                p85: percentile(&days, 85),
            }
        })
        .collect()
}

/// The nearest-rank percentile `p` of sorted `values`: the smallest value with at least `p`
/// percent of the values at or below it.
pub fn percentile(values: &[f64], p: u32) -> Option<f64> {
    let n = values.len();
    let rank = (n * p as usize).div_ceil(100).max(1);
    values.get(rank - 1).copied()
}

/// Items that entered done in one week (Monday to Sunday).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Week {
    pub monday: NaiveDate,
    /// `None`: the journal does not cover the week.
    pub items: Option<u32>,
}

/// The `weeks` weeks up to the one of `today`, oldest first.
pub fn throughput(replay: &Replay, today: NaiveDate, weeks: u32) -> Vec<Week> {
    let monday = |d: NaiveDate| d - Duration::days(i64::from(d.weekday().num_days_from_monday()));
    let this = monday(today);
    let covered = replay.first_day().map(monday);
    (0..weeks)
        .rev()
        .map(|back| {
            let start = this - Duration::weeks(i64::from(back));
            let items = covered.filter(|c| *c <= start).map(|_| {
                let n = replay.finishes.iter().filter(|f| monday(f.when.date_naive()) == start).count();
                u32::try_from(n).unwrap_or(u32::MAX)
            });
            Week { monday: start, items }
        })
        .collect()
}
