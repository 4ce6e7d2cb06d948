//! The question "why is this discovery work?": the entry criteria to tick for one item, numbered
//! so a digit ticks one, with the keys to save, answer that none applies, or decide later.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use crate::app::App;
use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;
use crate::app::screens::criteria::CriteriaPrompt;
use crate::ui::text::truncate;
use crate::ui::theme::Theme;

/// The entry criteria of the prompt's item, to tick.
pub struct CriteriaView<'a> {
    pub app: &'a App,
    pub prompt: &'a CriteriaPrompt,
    pub theme: &'a Theme,
}

impl Widget for CriteriaView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let CriteriaView { app, prompt, theme } = self;
        let block = Block::bordered()
            .border_style(if prompt.asked { theme.warning } else { theme.overlay_border })
            .title(Line::styled(format!(" Why is #{} discovery work? ", prompt.id), theme.overlay_title))
            .title_bottom(super::key_line(
                app,
                Mode::Criteria,
                &[
                    (&[Action::Tick], "tick"),
                    (&[Action::Save], "save"),
                    (&[Action::NoneApplies], "none applies"),
                    (&[Action::Close], "later"),
                ],
                theme,
            ));
        let inner = block.inner(area);
        block.render(area, buf);
        let width = usize::from(inner.width);
        let intro = if prompt.asked {
            format!("\"{}\" entered discovery without an entry criterion. Tick what applies:", prompt.title)
        } else {
            format!("Tick the criteria that make \"{}\" discovery work:", prompt.title)
        };
        let mut lines = vec![Line::styled(intro, theme.base), Line::default()];
        for (n, (entry, ticked)) in prompt.entries.iter().zip(&prompt.ticked).enumerate() {
            let selected = n == prompt.selected;
            let marker = if selected { "▶" } else { " " };
            let text = format!("{marker} {} [{}] {entry}", n + 1, if *ticked { "x" } else { " " });
            let style = if selected { theme.field_focused } else { theme.base };
            lines.push(Line::styled(truncate(&text, width), style));
        }
        if prompt.entries.is_empty() {
            lines.push(Line::styled("  the board lists no entry criteria", theme.muted));
        }
        if let Some(error) = &prompt.error {
            lines.push(Line::default());
            lines.push(Line::styled(format!("! {error}"), theme.warning));
        }
        Paragraph::new(lines).wrap(Wrap { trim: false }).render(inner, buf);
    }
}
