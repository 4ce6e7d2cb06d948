//! A question before a change (moving into a done column with unticked entries): what will
//! happen, why it asks, and the keys for yes and no.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use crate::app::App;
use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;
use crate::app::screens::Question;
use crate::ui::theme::Theme;

/// The question with its yes and no keys.
pub struct QuestionView<'a> {
    pub app: &'a App,
    pub question: &'a Question,
    pub theme: &'a Theme,
}

impl Widget for QuestionView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, question, theme) = (self.app, self.question, self.theme);
        let keys = |a: Action| app.keymap().short_keys(Mode::Confirm, &[a]).unwrap_or_default();
        let block = Block::bordered()
            .border_style(theme.warning)
            .title(Line::styled(format!(" {} ", question.title), theme.overlay_title))
            .title_bottom(Line::styled(
                format!(" {} yes, {} · {} no ", keys(Action::Confirm), question.yes, keys(Action::Close)),
                theme.overlay_title,
            ));
        let lines: Vec<Line> = question.lines.iter().map(|l| Line::styled(l.clone(), theme.base)).collect();
        Paragraph::new(lines).block(block).wrap(Wrap { trim: false }).render(area, buf);
    }
}
