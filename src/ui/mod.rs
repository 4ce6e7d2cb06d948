//! Drawing only: reads the [`App`] and writes nothing but its own scroll state.

pub mod ascii;
mod board_view;
mod capacity_view;
mod card;
mod criteria_view;
mod debt_view;
mod details_view;
mod discovery_view;
mod form_view;
mod handover_view;
mod help;
mod initiative_details_view;
mod initiatives_view;
pub mod layout;
mod merge_note_view;
mod phase_bar;
mod preview;
mod question_view;
mod standup_view;
mod status_bar;
mod summary;
pub mod theme;
pub mod theme_roles;
mod trends_view;
pub mod wrap;

use std::collections::HashMap;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Widget};

use crate::app::App;
use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;
use crate::app::input::mouse::Target;
use crate::app::screens::Overlay;
use crate::model::Stage;
use layout::{MIN_HEIGHT, MIN_WIDTH};
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
}

impl Screen {
    pub fn new(theme: Theme) -> Screen {
        let presenter_theme = theme.for_presenting();
        Screen { theme, presenter_theme, state: ViewState::default(), ascii: false }
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
        drop_bidi_controls(frame.buffer_mut(), area);
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
            let note = format!(
                "Terminal too small ({}x{}): twotrack needs {MIN_WIDTH}x{MIN_HEIGHT}",
                area.width, area.height
            );
            for (row, line) in wrap::wrap(&note, usize::from(area.width), "").iter().enumerate() {
                let Ok(row) = u16::try_from(row) else { break };
                if row >= area.height {
                    break;
                }
                buf.set_stringn(area.x, area.y + row, line, usize::from(area.width), theme.warning);
            }
            return;
        }
        let top = Rect { height: 1, ..area };
        let mut board = Rect { y: area.y + 1, height: area.height - 3, ..area };
        let status = Rect { y: area.bottom() - 2, height: 2, ..area };
        summary::draw_summary(buf, top, app, theme);
        // Presenter mode keeps the selected item's details in view below the board; otherwise
        // one line shows the selected card whole, however narrow its column.
        let details = DETAILS_HEIGHT.min(board.height.saturating_sub(MIN_HEIGHT - 3));
        if app.presenting() && details >= 3 {
            board.height -= details;
            let rect = Rect { y: board.bottom(), height: details, ..board };
            details_view::draw_details(buf, rect, app, theme);
        } else if board.height > 8 {
            board.height -= 1;
            preview::draw_preview(buf, Rect { y: board.bottom(), height: 1, ..board }, app, theme);
        }
        board_view::draw_board(buf, board, app, &mut self.state, theme);
        status_bar::draw_status(buf, status, app, theme);
        for overlay in app.overlays() {
            draw_overlay(buf, board, app, overlay, theme);
        }
    }
}

/// One overlay over the board, as wide as the screen allows up to what it can use.
fn draw_overlay(buf: &mut Buffer, board: Rect, app: &App, overlay: &Overlay, theme: &Theme) {
    match overlay {
        Overlay::Help(help) => {
            let rect = popup(board, 100, board.height);
            Clear.render(rect, buf);
            help::draw_help(buf, rect, app, help.mode, help.scroll, theme);
        }
        Overlay::Form(form) => {
            let rect = popup(board, 100, 30);
            Clear.render(rect, buf);
            form_view::draw_form(buf, rect, form, app.keymap(), theme);
        }
        Overlay::Capacity => {
            let rect = popup(board, 110, 26);
            Clear.render(rect, buf);
            capacity_view::draw_capacity(buf, rect, app, theme);
        }
        Overlay::Debt(debt) => {
            let rect = popup(board, 120, 40);
            Clear.render(rect, buf);
            debt_view::draw_debt(buf, rect, app, (debt.selected, debt.sort), theme);
        }
        Overlay::Discovery => {
            let rect = popup(board, 120, 30);
            Clear.render(rect, buf);
            discovery_view::draw_discovery(buf, rect, app, theme);
        }
        Overlay::Criteria(prompt) => {
            let rows = u16::try_from(prompt.entries.len()).unwrap_or(u16::MAX).saturating_add(8);
            let rect = popup(board, 80, rows);
            Clear.render(rect, buf);
            criteria_view::draw_criteria(buf, rect, app, prompt, theme);
        }
        Overlay::Details => {
            let rect = popup(board, 100, 24);
            Clear.render(rect, buf);
            details_view::draw_details(buf, rect, app, theme);
        }
        Overlay::HandOver(chooser) => {
            let rows = u16::try_from(app.presence().peers().len()).unwrap_or(u16::MAX);
            let rect = popup(board, 72, rows.saturating_add(2));
            Clear.render(rect, buf);
            handover_view::draw_hand_over(buf, rect, app, &chooser.selected, theme);
        }
        Overlay::Confirm(question) => {
            let rect = popup(board, 72, question.lines.len() as u16 + 5);
            Clear.render(rect, buf);
            question_view::draw_question(buf, rect, app, question, theme);
        }
        Overlay::Initiatives(list) => {
            let rect = popup(board, 110, 40);
            Clear.render(rect, buf);
            initiatives_view::draw_initiatives(buf, rect, app, list.selected, theme);
        }
        Overlay::InitiativeDetails(details) => {
            let rect = popup(board, 110, 44);
            Clear.render(rect, buf);
            initiative_details_view::draw_initiative(buf, rect, app, &details.id, details.scroll, theme);
        }
        Overlay::MergeNote(note) => {
            let width = 100.min(board.width.saturating_sub(2));
            let rect = popup(board, width, merge_note_view::wanted_height(note, width));
            Clear.render(rect, buf);
            merge_note_view::draw_merge_note(buf, rect, app, note, theme);
        }
        Overlay::Standup(standup) => {
            let rect = popup(board, 120, 60);
            Clear.render(rect, buf);
            standup_view::draw_standup(buf, rect, app, &standup.doc, standup.scroll, theme);
        }
        // Drawn in the status bar, so the filtered board stays in view.
        Overlay::Search(_) => {}
    }
}

/// Removes bidi controls from every cell: board text is whatever someone typed, and a right-to-
/// left override would make the screen read differently from the board (ratatui already keeps
/// the other control characters off the screen). One pass over the finished frame catches every
/// view, overlay and message at once.
fn drop_bidi_controls(buf: &mut Buffer, area: Rect) {
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let Some(cell) = buf.cell_mut((x, y)) else { continue };
            if let std::borrow::Cow::Owned(clean) = crate::escape::strip_bidi(cell.symbol()) {
                cell.set_symbol(if clean.is_empty() { " " } else { &clean });
            }
        }
    }
}

/// An overlay's bottom line of keys: for each group of actions, its keys in `mode` (from the
/// keymap) and what they do, e.g. ` j/k select · Enter go to the item · Esc close `.
fn key_line(app: &App, mode: Mode, hints: &[(&[Action], &str)], theme: &Theme) -> Line<'static> {
    let parts: Vec<String> = hints
        .iter()
        .map(|(actions, what)| {
            format!("{} {what}", app.keymap().short_keys(mode, actions).unwrap_or_default())
        })
        .collect();
    Line::styled(format!(" {} ", parts.join(" · ")), theme.overlay_title)
}

/// A centred rectangle of at most `width` x `height` inside `area`, leaving a margin.
fn popup(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width.saturating_sub(2)).max(1);
    let h = height.min(area.height.saturating_sub(1)).max(1);
    Rect { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h }
}
