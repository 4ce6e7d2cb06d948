//! Drawing only: the screen as ratatui widgets, small views that borrow the [`App`] and write
//! nothing but their own scroll state ([`ViewState`]). [`Screen`] lays the frame out with
//! `Layout` (the summary line, the board, the preview or details under it, the status lines)
//! and draws the overlays on top. `board/` holds the board, its columns, lanes and cards;
//! `overlay/` one widget per overlay; `text` measures every width in terminal cells, so that
//! wide characters (CJK, emoji) are never split.

pub mod ascii;
mod board;
mod overlay;
mod preview;
mod status_bar;
mod summary;
mod text;
pub mod theme;
pub mod theme_roles;
pub mod wrap;

use std::collections::HashMap;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{StatefulWidget, Widget};

use crate::app::App;
use crate::app::input::mouse::Target;
use crate::model::Stage;
use board::BoardView;
use board::layout::{MIN_HEIGHT, MIN_WIDTH};
use overlay::OverlayView;
use overlay::details::DetailsView;
use preview::Preview;
use status_bar::StatusBar;
use summary::Summary;
use theme::Theme;

/// Rows of the details panel in presenter mode.
const DETAILS_HEIGHT: u16 = 5;

/// Scroll positions that persist between frames so the view moves only when it must.
#[derive(Clone, Debug, Default)]
pub struct ViewState {
    /// The leftmost screen column shown.
    pub first_column: usize,
    /// The first card shown in each lane, by screen column and stage.
    pub lane_offsets: HashMap<(usize, Stage), usize>,
    /// What the last frame drew where, for the mouse (later entries lie on top).
    pub hits: Vec<(Rect, Target)>,
}

/// The screen: its themes (everyday and presenter mode) and the scroll state.
#[derive(Clone, Debug)]
pub struct Screen {
    pub theme: Theme,
    /// Used in presenter mode: the presenter theme, unless colour is off.
    pub presenter_theme: Theme,
    pub state: ViewState,
    /// Only ASCII reaches the terminal (see [`ascii`]).
    pub ascii: bool,
    /// Fewer than 256 colours: charts draw with plain markers, as in ASCII mode.
    pub basic_colours: bool,
}

impl Screen {
    pub fn new(theme: Theme) -> Screen {
        let presenter_theme = theme.for_presenting();
        Screen { theme, presenter_theme, state: ViewState::default(), ascii: false, basic_colours: false }
    }

    /// What the last frame drew at a screen position (nothing while an overlay is open: clicks
    /// never reach the board through it).
    pub fn hit(&self, app: &App, x: u16, y: u16) -> Option<Target> {
        if !app.overlays().is_empty() {
            return None;
        }
        let at = ratatui::layout::Position { x, y };
        self.state.hits.iter().rev().find(|(rect, _)| rect.contains(at)).map(|(_, target)| *target)
    }

    pub fn render(&mut self, app: &App, frame: &mut Frame) {
        let area = frame.area();
        self.draw(app, area, frame.buffer_mut());
        clean_cells(frame.buffer_mut(), area);
    }

    /// Draws the whole screen into `buf`.
    pub fn draw(&mut self, app: &App, area: Rect, buf: &mut Buffer) {
        self.state.hits.clear();
        self.draw_frame(app, area, buf);
        if self.ascii {
            ascii::fold(buf);
        }
    }

    fn draw_frame(&mut self, app: &App, area: Rect, buf: &mut Buffer) {
        let theme = if app.presenting() { &self.presenter_theme } else { &self.theme };
        buf.set_style(area, theme.base);
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            TooSmall { theme }.render(area, buf);
            return;
        }
        let areas = FrameAreas::of(area, app.presenting());
        Summary { app, theme }.render(areas.top, buf);
        match areas.under {
            Under::Details(rect) => DetailsView { app, theme }.render(rect, buf),
            Under::Preview(rect) => Preview { app, theme }.render(rect, buf),
            Under::Nothing => {}
        }
        BoardView { app, theme }.render(areas.board, buf, &mut self.state);
        StatusBar { app, theme, ascii: self.ascii }.render(areas.status, buf);
        for overlay in app.overlays() {
            let plain = self.ascii || self.basic_colours;
            OverlayView { app, overlay, theme, plain }.render(areas.board, buf);
        }
    }
}

/// Where the parts of the screen go: the summary line on top, the board, what is under it, and
/// the two status lines at the bottom.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct FrameAreas {
    top: Rect,
    board: Rect,
    under: Under,
    status: Rect,
}

/// What is drawn under the board.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Under {
    /// Presenter mode keeps the selected item's details in view.
    Details(Rect),
    /// Otherwise one line shows the selected card whole, however narrow its column.
    Preview(Rect),
    /// Too little height for either.
    Nothing,
}

impl FrameAreas {
    fn of(area: Rect, presenting: bool) -> FrameAreas {
        let [top, middle, status] = area.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(2),
        ]));
        let details = DETAILS_HEIGHT.min(middle.height.saturating_sub(MIN_HEIGHT - 3));
        let under = match (presenting && details >= 3, middle.height > 8) {
            (true, _) => details,
            (false, true) => 1,
            (false, false) => 0,
        };
        let [board, below] =
            middle.layout(&Layout::vertical([Constraint::Fill(1), Constraint::Length(under)]));
        let under = match under {
            0 => Under::Nothing,
            1 => Under::Preview(below),
            _ => Under::Details(below),
        };
        FrameAreas { top, board, under, status }
    }
}

/// The note shown instead of the board when the terminal is smaller than it needs.
struct TooSmall<'a> {
    theme: &'a Theme,
}

impl Widget for TooSmall<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let note = format!(
            "Terminal too small ({}x{}): twotrack needs {MIN_WIDTH}x{MIN_HEIGHT}",
            area.width, area.height
        );
        for (row, line) in area.rows().zip(wrap::wrap(&note, usize::from(area.width), "")) {
            buf.set_stringn(row.x, row.y, line, usize::from(row.width), self.theme.warning);
        }
    }
}

/// Removes bidi controls from every cell, and cuts a pile of combining marks on one letter to a
/// few (`escape::MAX_MARKS`): board text is whatever someone typed, and a right-to-left override
/// would make the screen read differently from the board (ratatui already keeps the other
/// control characters off the screen), a pile of marks would be sent to the terminal on every
/// redraw. One pass over the finished frame catches every view, overlay and message at once.
fn clean_cells(buf: &mut Buffer, area: Rect) {
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let Some(cell) = buf.cell_mut((x, y)) else { continue };
            let capped = crate::escape::cap_marks(cell.symbol());
            let cut = matches!(capped, std::borrow::Cow::Owned(_));
            if !cut && !capped.contains(crate::escape::is_bidi_control) {
                continue;
            }
            let clean = crate::escape::strip_bidi(&capped).into_owned();
            drop(capped);
            cell.set_symbol(if clean.is_empty() { " " } else { &clean });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_frame_has_a_line_on_top_two_below_and_the_preview_or_details_under_the_board() {
        let areas = FrameAreas::of(Rect::new(0, 0, 80, 24), false);
        assert_eq!(areas.top, Rect::new(0, 0, 80, 1));
        assert_eq!(areas.board, Rect::new(0, 1, 80, 20));
        assert_eq!(areas.under, Under::Preview(Rect::new(0, 21, 80, 1)));
        assert_eq!(areas.status, Rect::new(0, 22, 80, 2));
        let presenting = FrameAreas::of(Rect::new(0, 0, 100, 30), true);
        assert_eq!(presenting.board, Rect::new(0, 1, 100, 22));
        assert_eq!(presenting.under, Under::Details(Rect::new(0, 23, 100, 5)));
        assert_eq!(FrameAreas::of(Rect::new(0, 0, 40, 10), true).under, Under::Nothing, "no room");
        for height in MIN_HEIGHT..90 {
            for presenting in [false, true] {
                let a = FrameAreas::of(Rect::new(0, 0, 40, height), presenting);
                let under = match a.under {
                    Under::Details(r) | Under::Preview(r) => r.height,
                    Under::Nothing => 0,
                };
                assert_eq!(a.top.height + a.board.height + under + a.status.height, height);
                assert_eq!(a.status.bottom(), height);
            }
        }
    }
}
