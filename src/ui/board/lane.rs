//! One lane of a column: its cards from the lane's scroll position (kept so the view moves only
//! when the selection leaves it, see [`lane_window`]), `↑ n more` and `↓ n more` where cards lie
//! out of view, and on an empty selected lane the key that adds a card there.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{StatefulWidget, Widget};

use super::super::ViewState;
use super::super::text::truncate;
use super::super::theme::Theme;
use super::card::CardView;
use super::layout::lane_window;
use super::marks::CardMarks;
use crate::app::App;
use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;
use crate::app::input::mouse::Target;
use crate::model::Stage;

/// The lane of screen column `column` and `stage`, its cards `card_rows` rows high.
pub struct LaneView<'a> {
    pub app: &'a App,
    pub column: usize,
    pub stage: Stage,
    pub card_rows: u16,
    pub theme: &'a Theme,
}

impl StatefulWidget for LaneView<'_> {
    type State = ViewState;

    fn render(self, area: Rect, buf: &mut Buffer, state: &mut ViewState) {
        let (app, col, stage, theme) = (self.app, self.column, self.stage, self.theme);
        state.hits.push((area, Target::Lane { column: col, stage }));
        let ids = app.view().lane(col, stage);
        let selection = app.selection();
        let selected_here = selection.column == col && selection.stage == stage;
        let slots = usize::from(area.height / self.card_rows.max(1));
        let offset = state.lane_offsets.get(&(col, stage)).copied().unwrap_or(0);
        let window = lane_window(ids.len(), slots, offset, selected_here.then_some(selection.index));
        state.lane_offsets.insert((col, stage), window.offset);
        let width = usize::from(area.width);
        let picked = app.picked_ids();
        let mut y = area.y;
        if window.more_above {
            buf.set_stringn(area.x, y, format!("↑ {} more", window.offset), width, theme.muted);
            y += self.card_rows;
        }
        for (i, id) in ids.iter().enumerate().skip(window.offset).take(window.count) {
            if let Some(item) = app.board().item(*id) {
                let rect = Rect { y, height: self.card_rows, ..area };
                let marks = CardMarks::of(app.board(), item, app.now(), theme)
                    .visited_by(app.presence().visitors(item.id), theme);
                let selected = selected_here && i == selection.index;
                let picked = picked.contains(&item.id);
                CardView { item, marks: &marks, selected, picked, theme }.render(rect, buf);
                state.hits.push((rect, Target::Card { column: col, stage, index: i }));
            }
            y += self.card_rows;
        }
        if window.more_below {
            let below = ids.len() - window.offset - window.count;
            buf.set_stringn(area.x, y, format!("↓ {below} more"), width, theme.muted);
        }
        if ids.is_empty() && selected_here && area.height > 0 {
            let add = app.keymap().short_keys(Mode::Board, &[Action::Add]).unwrap_or_default();
            let note = format!("(empty: {add} adds here)");
            buf.set_style(Rect { height: 1, ..area }, theme.card_selected);
            buf.set_stringn(area.x, area.y, truncate(&note, width), width, theme.card_selected);
        }
    }
}
