//! What the board screen shows, computed once per change: the columns of both tracks in screen
//! order, the (filtered) lanes, and per-column totals. Navigation and drawing read only this.
//!
//! Totals count the whole board under a search (a WIP limit is the team's, whatever one person
//! looks for), except under the sprint filter (`M`, `+sprint`): the board is then the sprint's,
//! and every count and total on it (column and track headers, WIP loads, overdue discovery work)
//! counts only what shows.

use chrono::NaiveDate;

use crate::domain::capacity::wip::Load;
use crate::domain::capacity::{Capacity, SprintRoom};
use crate::domain::dual_track::timebox;
use crate::domain::phases::progress::Progress;
use crate::domain::query::search::{self, Query};
use crate::model::lanes::{LaneKey, Lanes};
use crate::model::{Board, ItemId, Stage, Track};

/// A column by its track and its index within the track.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ColumnRef {
    pub track: Track,
    pub index: usize,
}

/// Totals of one column: over all its items, or under the sprint filter over the sprint's.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ColumnTotals {
    pub count: usize,
    pub points: u32,
    /// Items marked blocked.
    pub blocked: usize,
}

#[derive(Clone, Debug)]
pub struct BoardView {
    /// Discovery's columns, then delivery's: the screen's column numbers index this.
    columns: Vec<ColumnRef>,
    lanes: Lanes,
    totals: Vec<ColumnTotals>,
    /// The search the lanes are filtered by (empty: no filter).
    pub query: Query,
    /// The totals count only the open sprint's items (the sprint filter is on).
    pub sprint_only: bool,
    /// The capacity split of the whole board (the filter does not change it).
    pub capacity: Capacity,
    /// The open sprint's room per stage and track, work outside it, misfits (`None`: no sprint).
    pub room: Option<SprintRoom>,
    /// The day timeboxes are measured against.
    pub today: NaiveDate,
    /// Open discovery items whose timebox has passed (under the sprint filter, the sprint's).
    pub overdue: usize,
    /// Each initiative's id and progress, open ones first (the initiatives view's order).
    pub initiatives: Vec<(String, Progress)>,
    /// The items on the board, filtered or not.
    total: usize,
}

impl BoardView {
    pub fn build(board: &Board, query: Query, today: NaiveDate) -> BoardView {
        let columns: Vec<ColumnRef> = Track::ALL
            .into_iter()
            .flat_map(|track| {
                (0..board.track(track).columns.len()).map(move |index| ColumnRef { track, index })
            })
            .collect();
        let lanes = if query.is_empty() {
            Lanes::build(board)
        } else {
            Lanes::build_where(board, |it| query.matches_on(board, it))
        };
        let sprint_only = query.text().eq_ignore_ascii_case(search::SPRINT);
        // The headers count what the filter shows (the sprint filter's items among them).
        let counted = |it: &&crate::model::Item| query.is_empty() || query.matches_on(board, it);
        let mut totals = vec![ColumnTotals::default(); columns.len()];
        for item in board.items().iter().filter(counted) {
            let found = columns.iter().position(|c| {
                c.track == item.track && board.track(c.track).columns[c.index].id == item.column
            });
            if let Some(col) = found {
                totals[col].count += 1;
                totals[col].points = totals[col].points.saturating_add(item.estimate.unwrap_or(0));
                totals[col].blocked += usize::from(item.blocked.is_some());
            }
        }
        let overdue =
            board.items().iter().filter(counted).filter(|it| timebox::overdue(board, it, today)).count();
        let initiatives = Progress::by_status(board).into_iter().map(|(it, p)| (it.id.clone(), p)).collect();
        BoardView {
            columns,
            lanes,
            totals,
            query,
            sprint_only,
            capacity: Capacity::of(board),
            room: SprintRoom::of(board),
            today,
            overdue,
            initiatives,
            total: board.items().len(),
        }
    }

    /// How many items the filter shows, of how many on the board ("3 of 60").
    pub fn shown_of_total(&self) -> (usize, usize) {
        (self.totals.iter().map(|t| t.count).sum(), self.total)
    }

    pub fn column_count(&self) -> usize {
        self.columns.len()
    }

    pub fn column(&self, col: usize) -> ColumnRef {
        self.columns.get(col).copied().unwrap_or(ColumnRef { track: Track::Delivery, index: 0 })
    }

    pub fn totals(&self, col: usize) -> ColumnTotals {
        self.totals.get(col).copied().unwrap_or_default()
    }

    /// The screen columns of one track.
    pub fn columns_of(&self, track: Track) -> std::ops::Range<usize> {
        let start = self.columns.iter().position(|c| c.track == track).unwrap_or(0);
        let len = self.columns.iter().filter(|c| c.track == track).count();
        start..start + len
    }

    /// The items in a track's not-done columns against the track's WIP limit.
    pub fn track_load(&self, board: &Board, track: Track) -> Load {
        let def = board.track(track);
        let count = self
            .columns_of(track)
            .filter(|&col| !def.columns[self.column(col).index].done)
            .map(|col| self.totals(col).count)
            .sum();
        Load { count, limit: def.wip_limit }
    }

    /// The shown items of one lane, top to bottom.
    pub fn lane(&self, col: usize, stage: Stage) -> &[ItemId] {
        let c = self.column(col);
        self.lanes.lane(LaneKey { track: c.track, column: c.index, stage })
    }

    /// Where an item is shown: screen column, lane and position.
    pub fn locate(&self, id: ItemId) -> Option<(usize, Stage, usize)> {
        (0..self.columns.len()).find_map(|col| {
            Stage::ALL.into_iter().find_map(|stage| {
                self.lane(col, stage).iter().position(|i| *i == id).map(|index| (col, stage, index))
            })
        })
    }
}
