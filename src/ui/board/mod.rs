//! The board: track headers over columns side by side, each with its stage-one and stage-two
//! lanes, done columns collapsed to strips until selected, and marks where more columns lie out
//! of view. Which columns show and how wide is [`layout::plan_columns`]; every card, lane and
//! column drawn is recorded in the [`ViewState`] for the mouse.

mod card;
mod column;
mod fold;
mod headers;
mod lane;
pub mod layout;
pub mod marks;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{StatefulWidget, Widget};

use super::theme::Theme;
use super::{ViewState, text};
use crate::app::App;
use crate::app::input::mouse::Target;
use crate::model::Stage;
use column::{ColumnView, StripView};
use headers::TrackHeaders;
use layout::{ColumnSlot, plan_columns};

/// The board's columns in `area` (its top row the track headers), scrolled sideways to the
/// selection; its state is the scroll positions and what was drawn where.
pub struct BoardView<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl StatefulWidget for BoardView<'_> {
    type State = ViewState;

    fn render(self, area: Rect, buf: &mut Buffer, state: &mut ViewState) {
        if area.height < 2 || area.width == 0 {
            return;
        }
        let (app, theme) = (self.app, self.theme);
        let view = app.view();
        let own = view.columns_of(app.selected_track());
        let track_start = own.start;
        let done = |c: usize| column::definition(app, c).is_some_and(|d| d.done);
        let selected = app.selection().column;
        let mut shown = app.shown_columns();
        let mut area = area;
        if let Some(other) = fold::folded(shown.clone(), own.clone(), done, selected, area.width) {
            let (strip, rest) = fold::split(area, &other, &own);
            fold::TrackStrip { app, columns: other, theme }.render(strip, buf, state);
            (area, shown) = (rest, own);
        }
        let (slots, first) =
            plan_columns(shown.clone(), done, selected, state.first_column, track_start, area.width);
        state.first_column = first;
        let [header, body] = area.layout(&Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]));
        // The widths fill the board's width exactly (see `plan_columns`).
        let side_by_side = Layout::horizontal(slots.iter().map(|s| Constraint::Length(s.width)));
        let heads: Vec<(ColumnSlot, Rect)> =
            slots.iter().copied().zip(side_by_side.split(header).iter().copied()).collect();
        TrackHeaders { app, columns: &heads, theme }.render(header, buf);
        let hidden = (first - shown.start, shown.end - (first + slots.len()));
        render_hidden_marks(header, buf, hidden, theme);
        for (slot, rect) in slots.into_iter().zip(side_by_side.split(body).iter().copied()) {
            state.hits.push((rect, Target::Lane { column: slot.column, stage: Stage::One }));
            if slot.strip {
                StripView { app, column: slot.column, theme }.render(rect, buf, state);
            } else {
                ColumnView { app, column: slot.column, theme }.render(rect, buf, state);
            }
        }
    }
}

/// `◀2` and `3▶` at the ends of the header row: how many columns lie out of view each side.
fn render_hidden_marks(row: Rect, buf: &mut Buffer, (left, right): (usize, usize), theme: &Theme) {
    if left > 0 {
        buf.set_stringn(row.x, row.y, format!("◀{left} "), 4, theme.warning);
    }
    if right > 0 {
        let mark = format!(" {right}▶");
        let x = row.right().saturating_sub(text::width(&mark) as u16);
        buf.set_stringn(x, row.y, mark, usize::from(row.width), theme.warning);
    }
}
