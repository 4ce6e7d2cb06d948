//! The standup view: the standup document drawn large enough for a shared screen, wrapped to
//! the width, scrolled with the keys its bottom line names.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block as Frame, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use crate::app::App;
use crate::app::action::Action;
use crate::app::keymap::Mode;
use crate::domain::doc::{Block, Doc, table_lines};

pub fn draw_standup(buf: &mut Buffer, area: Rect, app: &App, doc: &Doc, scroll: u16, theme: &Theme) {
    let keys = |a: &[Action]| app.keymap().short_keys(Mode::Standup, a).unwrap_or_default();
    let width = usize::from(area.width.saturating_sub(2));
    let lines = doc_lines(doc, width, theme);
    let height = usize::from(area.height.saturating_sub(2));
    let max_scroll = lines.len().saturating_sub(height);
    let scroll = usize::from(scroll).min(max_scroll);
    let more = match max_scroll - scroll {
        0 => String::new(),
        n => format!("↓ {n} more · "),
    };
    let frame = Frame::bordered()
        .border_style(theme.overlay_border)
        .title(Line::styled(format!(" {} ", doc.title), theme.overlay_title))
        .title_bottom(Line::styled(
            format!(" {more}{} set the mark: the next standup counts from now ", keys(&[Action::SetMark])),
            theme.overlay_title,
        ));
    let shown: Vec<Line> = lines.into_iter().skip(scroll).take(height).collect();
    Paragraph::new(shown).block(frame).render(area, buf);
}

/// The document as screen lines of at most `width` columns.
fn doc_lines(doc: &Doc, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for line in &doc.intro {
        push(&mut out, "", "", line, width, theme.hint_text);
    }
    for section in &doc.sections {
        out.push(Line::default());
        push(&mut out, "", "", &section.heading, width, theme.overlay_title);
        for block in &section.blocks {
            match block {
                Block::Para(text) => push(&mut out, "  ", "  ", text, width, theme.base),
                Block::Warning(text) => push(&mut out, "  ! ", "    ", text, width, theme.warning),
                Block::Sub(text) => push(&mut out, " ", " ", text, width, theme.field_focused),
                Block::List(items) => {
                    for item in items {
                        push(&mut out, "   • ", "     ", item, width, theme.base);
                    }
                }
                Block::Table { header, rows } => {
                    for line in table_lines(header, rows) {
                        push(&mut out, "  ", "  ", &line, width, theme.base);
                    }
                }
            }
        }
    }
    out
}

/// `text` wrapped at word boundaries to `width`, its first line after `first`, the rest after
/// `rest`; a word longer than the line is cut.
fn push(out: &mut Vec<Line<'static>>, first: &str, rest: &str, text: &str, width: usize, style: Style) {
    let mut line = first.to_owned();
    let mut fresh = true;
    for word in text.split_whitespace() {
        let room = width.saturating_sub(line.width());
        if !fresh && word.width() + 1 > room {
            out.push(Line::from(Span::styled(std::mem::replace(&mut line, rest.to_owned()), style)));
            fresh = true;
        }
        if !fresh {
            line.push(' ');
        }
        line.push_str(word);
        fresh = false;
    }
    out.push(Line::from(Span::styled(super::card::truncate(&line, width), style)));
}
