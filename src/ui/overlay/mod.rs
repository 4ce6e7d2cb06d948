//! The overlays drawn over the board (help, the command palette, forms, the capacity and discovery pages, the debt
//! register, the criteria question, details, initiatives, hand-over, standup, merge note,
//! questions, the lists of items off the board): each a widget of its own; [`OverlayView`] gives each its centred box, as wide
//! as the screen allows up to what it can use.

mod capacity;
mod chart_draw;
mod chart_legend;
mod charts;
mod criteria;
mod debt;
pub mod details;
mod discovery;
mod form;
mod hand_over;
mod help;
mod initiative;
mod initiatives;
mod merge_note;
mod off_board;
mod palette;
mod phase_bar;
mod question;
mod sprint_room;
mod standup;
mod trends;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Widget};

use super::theme::Theme;
use crate::app::App;
use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;
use crate::app::screens::Overlay;

/// One overlay of the app, drawn over the board's area.
pub struct OverlayView<'a> {
    pub app: &'a App,
    pub overlay: &'a Overlay,
    pub theme: &'a Theme,
    /// No braille in charts: ASCII mode or a 16-colour terminal.
    pub plain: bool,
}

impl Widget for OverlayView<'_> {
    fn render(self, board: Rect, buf: &mut Buffer) {
        let (app, theme) = (self.app, self.theme);
        let rows = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
        let (width, height) = match self.overlay {
            // Wide enough for two columns of help on a wide screen.
            Overlay::Help(_) => (if board.width >= 170 { 160 } else { 100 }, board.height),
            Overlay::Form(_) => (100, 30),
            Overlay::Palette(p) => (76, palette::wanted_height(p)),
            Overlay::Capacity => {
                let room = app.view().room.as_ref().map_or(0, sprint_room::height);
                (110, 26u16.saturating_add(room))
            }
            Overlay::Debt(_) => (120, 40),
            Overlay::Discovery => (120, 30),
            Overlay::Criteria(prompt) => (80, rows(prompt.entries.len()).saturating_add(8)),
            Overlay::Details => (100, 24),
            Overlay::HandOver(_) => (72, rows(app.presence().peers().len()).saturating_add(2)),
            Overlay::Confirm(question) => (72, rows(question.lines.len()).saturating_add(5)),
            Overlay::Initiatives(_) => (110, 40),
            Overlay::InitiativeDetails(_) => (110, 44),
            Overlay::MergeNote(note) => {
                let width = 100.min(board.width.saturating_sub(2));
                (width, merge_note::wanted_height(note, width))
            }
            Overlay::Standup(_) | Overlay::Retro(_) => (120, 60),
            Overlay::Charts(_) => (120, 40),
            Overlay::OffBoard(list) => (110, off_board::wanted_height(list)),
            // Drawn in the status bar, so the filtered board stays in view.
            Overlay::Search(_) => return,
        };
        let area = popup(board, width, height);
        Clear.render(area, buf);
        match self.overlay {
            Overlay::Help(help) => help::HelpView { app, help, theme }.render(area, buf),
            Overlay::Palette(palette) => palette::PaletteView { app, palette, theme }.render(area, buf),
            Overlay::Form(form) => form::FormView { form, keymap: app.keymap(), theme }.render(area, buf),
            Overlay::Capacity => capacity::CapacityView { app, theme }.render(area, buf),
            Overlay::Debt(debt) => {
                debt::DebtView { app, selected: debt.selected, sort: debt.sort, theme }.render(area, buf);
            }
            Overlay::Discovery => discovery::DiscoveryView { app, theme }.render(area, buf),
            Overlay::Criteria(prompt) => criteria::CriteriaView { app, prompt, theme }.render(area, buf),
            Overlay::Details => details::DetailsView { app, theme }.render(area, buf),
            Overlay::HandOver(chooser) => {
                hand_over::HandOverView { app, selected: &chooser.selected, theme }.render(area, buf)
            }
            Overlay::Confirm(question) => question::QuestionView { app, question, theme }.render(area, buf),
            Overlay::Initiatives(list) => {
                initiatives::InitiativesView { app, selected: list.selected, theme }.render(area, buf);
            }
            Overlay::InitiativeDetails(details) => {
                initiative::InitiativeView { app, id: &details.id, scroll: details.scroll, theme }
                    .render(area, buf);
            }
            Overlay::MergeNote(note) => merge_note::MergeNoteView { app, note, theme }.render(area, buf),
            Overlay::Standup(standup) => {
                let (mode, key) =
                    (Mode::Standup, (Action::SetMark, "set the mark: the next standup counts from now"));
                standup::StandupView { app, doc: &standup.doc, scroll: standup.scroll, theme, mode, key }
                    .render(area, buf);
            }
            Overlay::Retro(retro) => {
                let (mode, key) =
                    (Mode::Retro, (Action::AcceptRatio, "accept the proposed stage-two target"));
                standup::StandupView { app, doc: &retro.doc, scroll: retro.scroll, theme, mode, key }
                    .render(area, buf);
            }
            Overlay::Charts(charts) => {
                charts::ChartsView { app, charts, theme, plain: self.plain }.render(area, buf);
            }
            Overlay::OffBoard(list) => off_board::OffBoardView { app, list, theme }.render(area, buf),
            Overlay::Search(_) => {}
        }
    }
}

/// A centred box of at most `width` x `height` inside `area`, leaving a margin (a column each
/// side, a row in all). An odd cell left over goes right or below, where overlays have always
/// sat (ratatui's `Flex::Center` would put it on the other side and move every overlay of an
/// odd width by a cell).
fn popup(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width.saturating_sub(2)).max(1);
    let h = height.min(area.height.saturating_sub(1)).max(1);
    let centre = |total: u16, size: u16| {
        [Constraint::Length(total.saturating_sub(size) / 2), Constraint::Length(size), Constraint::Fill(1)]
    };
    let [_, column, _] = area.layout(&Layout::horizontal(centre(area.width, w)));
    let [_, rect, _] = column.layout(&Layout::vertical(centre(area.height, h)));
    rect
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

/// The first of a list of groups of rows (an initiative's lines, an entry of a merge note) to
/// show so that group `selected` is in view in `rows` rows: as low as it must be, with as many
/// groups before it as fit.
fn first_in_view(heights: &[usize], selected: usize, rows: usize) -> usize {
    let Some(chosen) = heights.get(selected) else { return 0 };
    let mut used = *chosen;
    let mut first = selected;
    while first > 0 && used + heights[first - 1] <= rows {
        first -= 1;
        used += heights[first];
    }
    first
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_selected_group_is_always_in_view() {
        let heights = [2, 3, 2];
        assert_eq!(first_in_view(&heights, 0, 3), 0);
        assert_eq!(first_in_view(&heights, 2, 5), 1);
        assert_eq!(first_in_view(&heights, 2, 4), 2);
        assert_eq!(first_in_view(&heights, 2, 1), 2, "too little room: the selected one first");
        assert_eq!(first_in_view(&heights, 7, 9), 0, "no such group");
    }

    #[test]
    fn popups_are_centred_with_a_margin() {
        for (aw, ah) in [(40, 7), (41, 8), (80, 20), (81, 21), (160, 44), (201, 47)] {
            let area = Rect::new(0, 1, aw, ah);
            for (w, h) in [(1, 1), (20, 5), (39, 6), (72, 9), (100, 30), (120, 60)] {
                let rect = popup(area, w, h);
                let (w, h) = (w.min(aw - 2), h.min(ah - 1));
                assert_eq!((rect.width, rect.height), (w, h), "{aw}x{ah}: {w}x{h}");
                assert_eq!(rect.x, (aw - w) / 2, "{aw}x{ah}: {w}x{h}");
                assert_eq!(rect.y, 1 + (ah - h) / 2, "{aw}x{ah}: {w}x{h}");
            }
        }
    }
}
