//! The readable-titles rule (docs/guide/board-and-keys.md, "Readable cards"): when the open
//! columns of both tracks cannot each be [`READABLE_WIDTH`] wide, the track without the selection
//! folds to a strip with its counts, so that every card of the selected track shows two rows of
//! its title. Selecting a column of the folded track (`h`/`l` past the edge, or a click on the
//! strip) unfolds it and folds the other.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, StatefulWidget, Widget};

use super::super::ViewState;
use super::super::text::{self, truncate};
use super::super::theme::Theme;
use super::column::definition;
use super::layout::{READABLE_WIDTH, STRIP_WIDTH};
use crate::app::App;
use crate::app::input::mouse::Target;
use crate::model::{Stage, Track};

/// A folded track's strip, borders included: a column name cut to eight cells and its count,
/// or `!10 overdue`.
pub const FOLD_WIDTH: u16 = 13;

/// The screen columns of the track to fold, if any: `columns` are the columns shown, `own` the
/// selected track's, `done(c)` whether a column is a done column (collapsed to a strip unless
/// selected). Nothing folds when one track is shown or every open column gets its readable width.
pub fn folded(
    columns: Range<usize>,
    own: Range<usize>,
    done: impl Fn(usize) -> bool,
    selected: usize,
    width: u16,
) -> Option<Range<usize>> {
    if own.start <= columns.start && own.end >= columns.end {
        return None;
    }
    let need = |range: Range<usize>| {
        let strips = range.clone().filter(|c| done(*c) && *c != selected).count() as u16;
        (range.len() as u16 - strips) * READABLE_WIDTH + strips * STRIP_WIDTH
    };
    // Folding helps only where the selected track then reads; a narrower screen scrolls instead.
    if need(columns.clone()) <= width || need(own.clone()) + FOLD_WIDTH > width {
        return None;
    }
    // The tracks are side by side: the other one lies before or after the selected one.
    Some(if own.start > columns.start { columns.start..own.start } else { own.end..columns.end })
}

/// Where the strip goes in `area` (at the folded track's side) and the rest for the columns.
pub fn split(area: Rect, folded: &Range<usize>, own: &Range<usize>) -> (Rect, Rect) {
    let width = FOLD_WIDTH.min(area.width);
    let rest = Rect { width: area.width - width, ..area };
    if folded.start < own.start {
        (Rect { width, ..area }, Rect { x: area.x + width, ..rest })
    } else {
        (Rect { x: area.right() - width, width, ..area }, rest)
    }
}

/// A folded track: its name on the header row, then in a box its item count, its points, its
/// flags (overdue timeboxes, over the WIP limit) and each column's name and count. A click on it selects its first column.
pub struct TrackStrip<'a> {
    pub app: &'a App,
    pub columns: Range<usize>,
    pub theme: &'a Theme,
}

impl StatefulWidget for TrackStrip<'_> {
    type State = ViewState;

    fn render(self, area: Rect, buf: &mut Buffer, state: &mut ViewState) {
        let (app, theme) = (self.app, self.theme);
        if area.height < 2 || area.width < 3 {
            return;
        }
        let view = app.view();
        let track = view.column(self.columns.start).track;
        let width = usize::from(area.width);
        let header = Rect { height: 1, ..area };
        buf.set_style(header, theme.track(track));
        let name = format!(" {}", track.name().to_uppercase());
        buf.set_stringn(area.x, area.y, truncate(&name, width), width, theme.track(track));
        let body = Rect { y: area.y + 1, height: area.height - 1, ..area };
        let (count, points) = self
            .columns
            .clone()
            .map(|c| view.totals(c))
            .fold((0, 0u32), |(n, p), t| (n + t.count, p.saturating_add(t.points)));
        let block = Block::bordered()
            .border_style(theme.column_border)
            .title(Line::styled(truncate(&format!("{count} items"), width - 2), theme.column_title));
        let inner = block.inner(body);
        block.render(body, buf);
        let room = usize::from(inner.width);
        let mut lines = vec![(format!("{points} pt"), theme.estimate)];
        // The track header's flags, which a folded track must still raise.
        let overdue = if track == Track::Discovery { view.overdue } else { 0 };
        if overdue > 0 {
            lines.push((format!("!{overdue} overdue"), theme.error));
        }
        if view.track_load(app.board(), track).over() {
            lines.push(("! over WIP".to_owned(), theme.error));
        }
        lines.push((String::new(), theme.muted));
        for c in self.columns.clone() {
            let Some(def) = definition(app, c) else { continue };
            let n = view.totals(c).count.to_string();
            let name_room = room.saturating_sub(text::width(&n) + 1);
            lines.push((format!("{} {n}", truncate(&def.name, name_room)), theme.muted));
        }
        for (row, (line, style)) in (inner.y..inner.bottom()).zip(lines) {
            buf.set_stringn(inner.x, row, &line, room, style);
        }
        state.hits.push((area, Target::Lane { column: self.columns.start, stage: Stage::One }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_other_track_folds_only_when_the_open_columns_cannot_read() {
        let done = |c: usize| c == 2 || c == 6;
        // 80 cells: five open columns of 17 and two strips do not fit; the selection's track stays.
        assert_eq!(folded(0..7, 3..7, done, 3, 80), Some(0..3));
        assert_eq!(folded(0..7, 0..3, done, 0, 80), Some(3..7));
        // 100 cells (presenter mode at 100x30): both tracks read.
        assert_eq!(folded(0..7, 3..7, done, 3, 100), None);
        // 50 cells: the selected track would not read either; the board scrolls sideways.
        assert_eq!(folded(0..7, 3..7, done, 3, 50), None);
        // One track shown (zoomed): nothing to fold.
        assert_eq!(folded(3..7, 3..7, done, 3, 40), None);
    }

    #[test]
    fn the_strip_lies_at_the_folded_tracks_side() {
        let area = Rect::new(0, 0, 80, 20);
        let (strip, rest) = split(area, &(0..3), &(3..7));
        assert_eq!((strip.x, strip.width, rest.x, rest.width), (0, FOLD_WIDTH, FOLD_WIDTH, 80 - FOLD_WIDTH));
        let (strip, rest) = split(area, &(3..7), &(0..3));
        assert_eq!((strip.x, rest.x, rest.width), (80 - FOLD_WIDTH, 0, 80 - FOLD_WIDTH));
    }
}
