//! One column of the board: its bordered block with the name, the count against the WIP limit
//! and the points, and inside it the stage-one lane over the stage-two lane (each as tall as
//! what it holds); or, for a done column that is not selected, a strip with its counts.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, StatefulWidget, Widget};

use super::super::text::truncate;
use super::super::theme::Theme;
use super::super::{ViewState, text};
use super::lane::LaneView;
use super::layout::lane_areas;
use crate::app::App;
use crate::app::input::mouse::Target;
use crate::domain::capacity::wip::Load;
use crate::model::{Column, Stage};

/// An open column (screen column `column`) with its two lanes.
pub struct ColumnView<'a> {
    pub app: &'a App,
    pub column: usize,
    pub theme: &'a Theme,
}

/// A done column collapsed to a strip: its name as far as it fits and the card count of each
/// lane; selecting it opens it.
pub struct StripView<'a> {
    pub app: &'a App,
    pub column: usize,
    pub theme: &'a Theme,
}

/// The board's definition of screen column `col` (its name, WIP limit, whether it is done).
pub fn definition(app: &App, col: usize) -> Option<&Column> {
    let column = app.view().column(col);
    app.board().track(column.track).columns.get(column.index)
}

impl StatefulWidget for ColumnView<'_> {
    type State = ViewState;

    fn render(self, area: Rect, buf: &mut Buffer, state: &mut ViewState) {
        let (app, col, theme) = (self.app, self.column, self.theme);
        let Some(def) = definition(app, col) else { return };
        let view = app.view();
        let totals = view.totals(col);
        let selected = app.selection().column == col;
        let load = Load { count: totals.count, limit: def.wip_limit };
        let over = load.over();
        let room = usize::from(area.width.saturating_sub(2));
        let title = column_title(&def.name, &load, totals.blocked, def.done, room);
        let points = format!(" {}pt ", totals.points);
        let title_style = match (over, selected) {
            (true, _) => theme.warning,
            (false, true) => theme.column_title_selected,
            (false, false) => theme.column_title,
        };
        let mut block = Block::bordered()
            .border_style(if selected { theme.column_border_selected } else { theme.column_border })
            .title(Line::styled(truncate(&title, room), title_style));
        if text::width(&title) + text::width(&points) < room {
            block = block.title(Line::styled(points, theme.estimate).right_aligned());
        }
        if over && area.width > 20 {
            block = block.title_bottom(Line::styled(" ! over WIP limit ", theme.warning));
        }
        if selected {
            block = block.border_type(theme.selected_border_type);
        }
        let inner = block.inner(area);
        block.render(area, buf);
        let lens = [view.lane(col, Stage::One).len(), view.lane(col, Stage::Two).len()];
        let rows = card_rows(inner);
        let need = |n: usize| u16::try_from(n).unwrap_or(u16::MAX).saturating_mul(rows);
        let [one, separator, two] = lane_areas(inner, need(lens[0]), need(lens[1]));
        LaneView { app, column: col, stage: Stage::One, card_rows: rows, theme }.render(one, buf, state);
        if separator.height > 0 {
            let width = usize::from(separator.width);
            buf.set_stringn(separator.x, separator.y, "┄".repeat(width), width, theme.lane_separator);
            let label = if width >= 16 { " S2 stage two " } else { "S2" };
            buf.set_stringn(separator.x + 1, separator.y, label, width.saturating_sub(1), theme.lane_label);
            LaneView { app, column: col, stage: Stage::Two, card_rows: rows, theme }.render(two, buf, state);
        }
    }
}

impl StatefulWidget for StripView<'_> {
    type State = ViewState;

    fn render(self, area: Rect, buf: &mut Buffer, state: &mut ViewState) {
        let (app, col, theme) = (self.app, self.column, self.theme);
        let Some(def) = definition(app, col) else { return };
        let view = app.view();
        let inner_width = usize::from(area.width.saturating_sub(2));
        let block = Block::bordered()
            .border_style(theme.column_border)
            .title(Line::styled(truncate(&def.name, inner_width), theme.column_title));
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.height == 0 {
            return;
        }
        let counts = [view.lane(col, Stage::One).len(), view.lane(col, Stage::Two).len()];
        let [one, separator, two] = lane_areas(inner, 1, 1);
        buf.set_stringn(one.x, one.y, format!("✓{}", counts[0]), inner_width, theme.muted);
        if separator.height > 0 {
            let (x, y) = (separator.x, separator.y);
            buf.set_stringn(x, y, "┄".repeat(inner_width), inner_width, theme.lane_separator);
            if two.height > 0 {
                buf.set_stringn(two.x, two.y, format!("✓{}", counts[1]), inner_width, theme.muted);
            }
            state.hits.push((two, Target::Lane { column: col, stage: Stage::Two }));
        }
    }
}

/// A column header: `! name count/limit ⊘blocked ✓`, padded with spaces when it fits in `room`
/// cells, else tight with the name cut before the count.
fn column_title(name: &str, load: &Load, blocked: usize, done: bool, room: usize) -> String {
    let flag = if load.over() { "!" } else { "" };
    let mark = if done { " ✓" } else { "" };
    let count = match blocked {
        0 => load.label(),
        n => format!("{} ⊘{n}", load.label()),
    };
    let padded = format!(" {flag}{}{name} {count}{mark} ", if flag.is_empty() { "" } else { " " });
    if text::fits(&padded, room) {
        return padded;
    }
    let tail = format!(" {count}{mark}");
    let name_room = room.saturating_sub(text::width(&tail) + text::width(flag));
    format!("{flag}{}{tail}", truncate(name, name_room.max(1)))
}

/// Card rows in a lane of this column: two wherever the column is wide enough and tall enough
/// for a lane of two-row cards, so that every card shows two rows of its title (the readable-
/// titles rule, docs/guide/board-and-keys.md); a column with more cards than rows scrolls.
fn card_rows(inner: Rect) -> u16 {
    if inner.width >= 12 && inner.height >= 5 { 2 } else { 1 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wide_column_name_is_cut_by_cells_before_its_count() {
        let load = Load { count: 3, limit: Some(2) };
        assert_eq!(column_title("进行中", &load, 0, false, 20), " ! 进行中 3/2 ");
        // ` 3/2` and `!` leave 3 cells: one wide character and the ellipsis.
        assert_eq!(column_title("进行中", &load, 0, false, 8), "!进… 3/2");
        let calm = Load { count: 1, limit: None };
        assert_eq!(column_title("🚀 Launch", &calm, 1, false, 11), "🚀 La… 1 ⊘1");
        for room in 0..30 {
            let title = column_title("探索中的问题", &load, 2, true, room);
            assert!(text::width(&title) <= room.max(text::width(" 3/2 ⊘2 ✓") + 3), "{room}: {title}");
        }
    }
}
