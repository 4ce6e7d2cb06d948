//! Drawing only: reads the [`App`] and writes nothing but its own scroll state.

mod board_view;
mod capacity_view;
mod card;
mod debt_view;
mod details_view;
mod form_view;
mod help;
pub mod layout;
mod question_view;
mod standup_view;
mod status_bar;
mod summary;
pub mod theme;
mod trends_view;

use std::collections::HashMap;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Widget};

use crate::app::App;
use crate::app::overlay::Overlay;
use crate::domain::Stage;
use layout::{MIN_HEIGHT, MIN_WIDTH};
use theme::Theme;

/// Rows of the details panel in presenter mode.
const DETAILS_HEIGHT: u16 = 7;

/// Scroll positions that persist between frames so the view moves only when it must.
#[derive(Clone, Debug, Default)]
pub struct ViewState {
    /// The leftmost screen column shown.
    pub first_column: usize,
    /// The first card shown in each lane, by screen column and stage.
    pub lane_offsets: HashMap<(usize, Stage), usize>,
}

/// The screen: its themes (everyday and presenter mode) and the scroll state.
#[derive(Clone, Debug)]
pub struct Screen {
    pub theme: Theme,
    /// Used in presenter mode: the presenter theme, unless colour is off.
    pub presenter_theme: Theme,
    pub state: ViewState,
}

impl Screen {
    pub fn new(theme: Theme) -> Screen {
        let presenter_theme = if theme.name == "monochrome" { theme.clone() } else { Theme::presenter() };
        Screen { theme, presenter_theme, state: ViewState::default() }
    }

    pub fn render(&mut self, app: &App, frame: &mut Frame) {
        let area = frame.area();
        self.draw(app, area, frame.buffer_mut());
    }

    /// Draws the whole screen into `buf`.
    pub fn draw(&mut self, app: &App, area: Rect, buf: &mut Buffer) {
        let theme = if app.presenting() { &self.presenter_theme } else { &self.theme };
        buf.set_style(area, theme.base);
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            let note = format!(
                "Terminal too small ({}x{}): twotrack needs {MIN_WIDTH}x{MIN_HEIGHT}",
                area.width, area.height
            );
            buf.set_stringn(area.x, area.y, note, usize::from(area.width), theme.warning);
            return;
        }
        let top = Rect { height: 1, ..area };
        let mut board = Rect { y: area.y + 1, height: area.height - 3, ..area };
        let status = Rect { y: area.bottom() - 2, height: 2, ..area };
        summary::draw_summary(buf, top, app, theme);
        // Presenter mode keeps the selected item's details in view below the board.
        let details = DETAILS_HEIGHT.min(board.height.saturating_sub(MIN_HEIGHT - 3));
        if app.presenting() && details >= 3 {
            board.height -= details;
            let rect = Rect { y: board.bottom(), height: details, ..board };
            details_view::draw_details(buf, rect, app, theme);
        }
        board_view::draw_board(buf, board, app, &mut self.state, theme);
        status_bar::draw_status(buf, status, app, theme);
        for overlay in app.overlays() {
            match overlay {
                Overlay::Help { mode, scroll } => {
                    let rect = popup(board, 84, 30);
                    Clear.render(rect, buf);
                    help::draw_help(buf, rect, app, *mode, *scroll, theme);
                }
                Overlay::Form(form) => {
                    let rect = popup(board, 80, 26);
                    Clear.render(rect, buf);
                    form_view::draw_form(buf, rect, form, theme);
                }
                Overlay::Capacity => {
                    let rect = popup(board, 110, 26);
                    Clear.render(rect, buf);
                    capacity_view::draw_capacity(buf, rect, app, theme);
                }
                Overlay::Debt { selected } => {
                    let rect = popup(board, 110, 30);
                    Clear.render(rect, buf);
                    debt_view::draw_debt(buf, rect, app, *selected, theme);
                }
                Overlay::Confirm(question) => {
                    let rect = popup(board, 64, question.lines.len() as u16 + 5);
                    Clear.render(rect, buf);
                    question_view::draw_question(buf, rect, app, question, theme);
                }
                Overlay::Standup { doc, scroll } => {
                    let rect = popup(board, 120, 60);
                    Clear.render(rect, buf);
                    standup_view::draw_standup(buf, rect, app, doc, *scroll, theme);
                }
                // Drawn in the status bar, so the filtered board stays in view.
                Overlay::Search(_) => {}
            }
        }
    }
}

/// A centred rectangle of at most `width` x `height` inside `area`, leaving a margin.
fn popup(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width.saturating_sub(2)).max(1);
    let h = height.min(area.height.saturating_sub(1)).max(1);
    Rect { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h }
}
