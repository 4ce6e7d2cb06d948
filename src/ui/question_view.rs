//! A question before a change (moving into a done column with unticked entries): what will
//! happen, why it asks, and the keys for yes and no.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::theme::Theme;
use crate::app::App;
use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;
use crate::app::screens::Question;

pub fn draw_question(buf: &mut Buffer, area: Rect, app: &App, question: &Question, theme: &Theme) {
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
