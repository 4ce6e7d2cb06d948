//! Help: every binding of the current mode, read from the keymap, and what the marks on the
//! screen mean.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use super::card::kind_letter;
use super::theme::Theme;
use crate::app::App;
use crate::app::keymap::Mode;
use crate::domain::Kind;

pub fn draw_help(buf: &mut Buffer, area: Rect, app: &App, mode: Mode, scroll: u16, theme: &Theme) {
    let bindings = app.keymap().bindings(mode);
    let key_width = bindings
        .iter()
        .map(|(_, keys)| keys.iter().map(|k| k.to_string().chars().count() + 2).sum::<usize>())
        .max()
        .unwrap_or(0);
    let mut lines: Vec<Line> = bindings
        .iter()
        .map(|(action, keys)| {
            let keys = keys.iter().map(ToString::to_string).collect::<Vec<_>>().join("  ");
            Line::from(vec![
                Span::styled(format!("  {keys:<key_width$}"), theme.hint_key),
                Span::styled(action.describe(), theme.base),
            ])
        })
        .collect();
    if mode == Mode::Board {
        lines.push(Line::default());
        lines.push(Line::styled("  On the board", theme.overlay_title));
        let kinds = Kind::ALL.iter().map(|k| format!("{} {}", kind_letter(*k), k.name())).collect::<Vec<_>>();
        for text in [
            format!("cards: {}; the number at the right is the estimate", kinds.join(", ")),
            "↳ a stage-two follow-up of another item; □ definition of done not fully ticked".to_owned(),
            "⊘ blocked (the header counts them); ● committed to the open sprint; 3d: days in the column"
                .to_owned(),
            "search +sprint, +backlog, +blocked: the open sprint's items, the rest, blocked items".to_owned(),
            "discovery timebox: 3d = 3 days left, !2d = 2 days overdue, ? = open-ended (no outcome or timebox)"
                .to_owned(),
            "S1: stage-one lane (ship fast); S2: stage-two lane (refinement)".to_owned(),
            "column header: name, items (/WIP limit), points; ! when over the limit; ✓ done column"
                .to_owned(),
            "◀ n / n ▶: more columns that way; ↑ / ↓ n more: more cards in the lane".to_owned(),
        ] {
            lines.push(Line::styled(format!("  {text}"), theme.hint_text));
        }
    }
    let inner_height = area.height.saturating_sub(2);
    let max_scroll = (lines.len() as u16).saturating_sub(inner_height);
    let scroll = scroll.min(max_scroll);
    let mut block = Block::bordered()
        .border_style(theme.overlay_border)
        .title(Line::styled(format!(" Help: {} keys ", mode.title()), theme.overlay_title));
    if max_scroll > 0 {
        let below = max_scroll - scroll;
        let mark = if below > 0 { format!(" ↓ {below} more lines ") } else { " end ".to_owned() };
        block = block.title_bottom(Line::styled(mark, theme.overlay_title).right_aligned());
    }
    Paragraph::new(lines).block(block).scroll((scroll, 0)).render(area, buf);
}
