//! Which column, lane and card is selected, and how the navigation keys move that.

use crate::app::board::view::BoardView;
use crate::model::{ItemId, Stage};

/// The selected place on the board. `index` is meaningful when the lane has cards; an empty lane
/// can be selected too (to add an item there).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Selection {
    pub column: usize,
    pub stage: Stage,
    pub index: usize,
}

impl Default for Selection {
    fn default() -> Self {
        Selection { column: 0, stage: Stage::One, index: 0 }
    }
}

impl Selection {
    /// The selected item, if the selected lane has cards.
    pub fn item(&self, view: &BoardView) -> Option<ItemId> {
        view.lane(self.column, self.stage).get(self.index).copied()
    }

    /// Keeps the selection inside `columns` and the lane's cards.
    pub fn clamp(&mut self, view: &BoardView, columns: std::ops::Range<usize>) {
        if !columns.contains(&self.column) {
            self.column = self.column.clamp(columns.start, columns.end.saturating_sub(1).max(columns.start));
        }
        let len = view.lane(self.column, self.stage).len();
        self.index = self.index.min(len.saturating_sub(1));
    }

    /// One column left (`-1`) or right (`+1`) within `columns`, keeping the lane.
    pub fn step_column(&mut self, view: &BoardView, delta: isize, columns: std::ops::Range<usize>) -> bool {
        let Some(target) = self.column.checked_add_signed(delta).filter(|c| columns.contains(c)) else {
            return false;
        };
        self.column = target;
        self.clamp(view, columns);
        true
    }

    /// The next card down the column: through the stage-one lane, then into stage two.
    pub fn down(&mut self, view: &BoardView) -> bool {
        let len = view.lane(self.column, self.stage).len();
        if self.index + 1 < len {
            self.index += 1;
            return true;
        }
        if self.stage == Stage::One && !view.lane(self.column, Stage::Two).is_empty() {
            *self = Selection { stage: Stage::Two, index: 0, ..*self };
            return true;
        }
        false
    }

    /// The previous card up the column: back from stage two into stage one.
    pub fn up(&mut self, view: &BoardView) -> bool {
        if self.index > 0 && !view.lane(self.column, self.stage).is_empty() {
            self.index -= 1;
            return true;
        }
        let above = view.lane(self.column, Stage::One).len();
        if self.stage == Stage::Two && above > 0 {
            *self = Selection { stage: Stage::One, index: above - 1, ..*self };
            return true;
        }
        false
    }

    /// The other lane of the same column, at the same height where possible.
    pub fn other_lane(&mut self, view: &BoardView) {
        self.stage = self.stage.other();
        let len = view.lane(self.column, self.stage).len();
        self.index = self.index.min(len.saturating_sub(1));
    }

    /// The first card of the column (stage one first).
    pub fn first(&mut self, view: &BoardView) {
        let stage = if view.lane(self.column, Stage::One).is_empty()
            && !view.lane(self.column, Stage::Two).is_empty()
        {
            Stage::Two
        } else {
            Stage::One
        };
        *self = Selection { stage, index: 0, ..*self };
    }

    /// The first card of the selected lane.
    pub fn lane_first(&mut self) {
        self.index = 0;
    }

    /// The last card of the selected lane.
    pub fn lane_last(&mut self, view: &BoardView) {
        self.index = view.lane(self.column, self.stage).len().saturating_sub(1);
    }

    /// Moves to the first card of the nearest column in `columns` that shows any.
    pub fn nearest_card(&mut self, view: &BoardView, columns: std::ops::Range<usize>) {
        let has_cards = |c: usize| Stage::ALL.iter().any(|s| !view.lane(c, *s).is_empty());
        let here = self.column;
        let nearest = columns.filter(|&c| has_cards(c)).min_by_key(|&c| c.abs_diff(here));
        if let Some(column) = nearest {
            self.column = column;
            self.first(view);
        }
    }

    /// Selects the card of item `id` if it is shown.
    pub fn select_item(&mut self, view: &BoardView, id: ItemId) -> bool {
        match view.locate(id) {
            Some((column, stage, index)) => {
                *self = Selection { column, stage, index };
                true
            }
            None => false,
        }
    }
}
