//! The command palette: the letters typed in its title, then the matching actions best first,
//! each with its keys on the board (so the palette teaches them) and the words help shows; the
//! chosen row is marked with ▶ as well as highlighted.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use crate::app::App;
use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;
use crate::app::screens::palette::Palette;
use crate::ui::text;
use crate::ui::theme::Theme;

/// The palette's box height for `palette`: its rows, at most a dozen, and the two borders.
pub fn wanted_height(palette: &Palette) -> u16 {
    u16::try_from(palette.shown.len().clamp(1, 12)).unwrap_or(12).saturating_add(2)
}

pub struct PaletteView<'a> {
    pub app: &'a App,
    pub palette: &'a Palette,
    pub theme: &'a Theme,
}

impl Widget for PaletteView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let PaletteView { app, palette, theme } = self;
        let title =
            format!(" Run: {}▏ ({} of {}) ", palette.query, palette.shown.len(), palette.entries.len());
        let block = Block::bordered()
            .border_style(theme.overlay_border)
            .title(Line::styled(title, theme.overlay_title))
            .title_bottom(super::key_line(
                app,
                Mode::Palette,
                &[
                    (&[Action::SelectDown, Action::SelectUp], "choose"),
                    (&[Action::Confirm], "run"),
                    (&[Action::Close], "close"),
                ],
                theme,
            ));
        let inner = block.inner(area);
        block.render(area, buf);
        let rows = usize::from(inner.height);
        let width = usize::from(inner.width);
        // The chosen row stays in view: the list scrolls by whole pages of the box.
        let first = palette.chosen / rows.max(1) * rows.max(1);
        let key_width =
            palette.entries.iter().map(|e| text::width(&e.keys)).max().unwrap_or(0).min(width / 3);
        let mut lines: Vec<Line> = palette
            .shown
            .iter()
            .enumerate()
            .skip(first)
            .take(rows)
            .filter_map(|(row, &i)| palette.entries.get(i).map(|entry| (row == palette.chosen, entry)))
            .map(|(chosen, entry)| {
                let mark = if chosen { "▶ " } else { "  " };
                let keys = text::pad(&text::truncate(&entry.keys, key_width), key_width);
                let what = text::truncate(entry.text, width.saturating_sub(key_width + 3));
                let style = if chosen { theme.card_selected } else { theme.base };
                Line::from(vec![
                    Span::styled(format!("{mark}{keys} "), if chosen { style } else { theme.hint_key }),
                    Span::styled(what, style),
                ])
            })
            .collect();
        if lines.is_empty() {
            lines.push(Line::styled(format!("  no action matches \"{}\"", palette.query), theme.hint_text));
        }
        Paragraph::new(lines).render(inner, buf);
    }
}
