//! The standup view: the standup document (and the retrospective's) drawn large enough for a
//! shared screen, wrapped to the width, scrolled with the keys its bottom line names. Only the lines in view are built, so
//! a standup of thousands of lines scrolls as fast as a short one.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block as Frame, Paragraph, Widget};

use crate::app::App;
use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;
use crate::domain::rhythm::doc::{Block, Doc, table_lines};
use crate::ui::text::{self, truncate};
use crate::ui::theme::Theme;

/// One paragraph of the document: what goes before its first line and before the others, its
/// text, and its style.
struct Row<'d> {
    first: &'static str,
    rest: &'static str,
    text: std::borrow::Cow<'d, str>,
    style: Style,
}

/// A document (the standup's, the retrospective's), scrolled down `scroll` lines, with what its
/// screen's own key does on the bottom line.
pub struct StandupView<'a> {
    pub app: &'a App,
    pub doc: &'a Doc,
    pub scroll: u16,
    pub theme: &'a Theme,
    /// The screen's mode, and its own key with what it does ("set the mark: ...").
    pub mode: Mode,
    pub key: (Action, &'a str),
}

impl Widget for StandupView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let StandupView { app, doc, scroll, theme, mode, key } = self;
        let keys = |a: &[Action]| app.keymap().short_keys(mode, a).unwrap_or_default();
        let width = usize::from(area.width.saturating_sub(2));
        let height = usize::from(area.height.saturating_sub(2));
        let rows = rows(doc, theme);
        let wrapped: Vec<Vec<Range<usize>>> = rows.iter().map(|r| wrap(r, width)).collect();
        let total: usize = wrapped.iter().map(Vec::len).sum();
        let scroll = usize::from(scroll).min(total.saturating_sub(height));
        let mut lines = Vec::with_capacity(height);
        let mut skipped = 0;
        for (row, ranges) in rows.iter().zip(&wrapped) {
            for (n, range) in ranges.iter().enumerate() {
                if skipped < scroll {
                    skipped += 1;
                    continue;
                }
                if lines.len() == height {
                    break;
                }
                let lead = if n == 0 { row.first } else { row.rest };
                let text = format!("{lead}{}", &row.text[range.clone()]);
                lines.push(Line::from(Span::styled(truncate(&text, width), row.style)));
            }
        }
        let more = match total.saturating_sub(scroll + height) {
            0 => String::new(),
            n => format!("↓ {n} more · "),
        };
        let frame = Frame::bordered()
            .border_style(theme.overlay_border)
            .title(Line::styled(format!(" {} ", doc.title), theme.overlay_title))
            .title_bottom(Line::styled(format!(" {more}{} {} ", keys(&[key.0]), key.1), theme.overlay_title));
        Paragraph::new(lines).block(frame).render(area, buf);
    }
}

/// The document as paragraphs, a blank one between sections.
fn rows<'d>(doc: &'d Doc, theme: &Theme) -> Vec<Row<'d>> {
    let row = |first, rest, text: &'d str, style| Row { first, rest, text: text.into(), style };
    let mut out: Vec<Row<'d>> = doc.intro.iter().map(|l| row("", "", l, theme.hint_text)).collect();
    for section in &doc.sections {
        out.push(row("", "", "", theme.base));
        out.push(row("", "", &section.heading, theme.overlay_title));
        for block in &section.blocks {
            match block {
                Block::Para(text) => out.push(row("  ", "  ", text, theme.base)),
                Block::Warning(text) => out.push(row("  ! ", "    ", text, theme.warning)),
                Block::Sub(text) => out.push(row(" ", " ", text, theme.field_focused)),
                Block::List(items) => out.extend(items.iter().map(|i| row("   • ", "     ", i, theme.base))),
                Block::Table { header, rows } => {
                    out.extend(table_lines(header, rows).into_iter().map(|l| Row {
                        first: "  ",
                        rest: "  ",
                        text: l.into(),
                        style: theme.base,
                    }))
                }
            }
        }
    }
    out
}

/// The byte ranges of a row's text that make its lines at `width` columns, broken at spaces; a
/// word longer than a line is a line of its own (cut when drawn).
fn wrap(row: &Row, width: usize) -> Vec<Range<usize>> {
    let text: &str = &row.text;
    let mut lines = Vec::new();
    let mut current: Option<(usize, usize, usize)> = None;
    for (start, word) in words(text) {
        let end = start + word.len();
        let room = width.saturating_sub(if lines.is_empty() {
            text::width(row.first)
        } else {
            text::width(row.rest)
        });
        current = match current {
            Some((from, _, used)) if used + 1 + text::width(word) <= room => {
                Some((from, end, used + 1 + text::width(word)))
            }
            Some((from, to, _)) => {
                lines.push(from..to);
                Some((start, end, text::width(word)))
            }
            None => Some((start, end, text::width(word))),
        };
    }
    lines.push(current.map_or(0..0, |(from, to, _)| from..to));
    lines
}

/// The words of `text` with where each starts.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(' ')
        .scan(0, |at, word| {
            let start = *at;
            *at += word.len() + 1;
            Some((start, word))
        })
        .filter(|(_, word)| !word.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(first: &'static str, rest: &'static str, text: &str, width: usize) -> Vec<String> {
        let row = Row { first, rest, text: text.into(), style: Style::new() };
        wrap(&row, width).into_iter().map(|r| text[r].to_owned()).collect()
    }

    #[test]
    fn paragraphs_wrap_at_spaces_within_their_indent() {
        assert_eq!(
            lines("  • ", "    ", "moved #1 Checkout redesign: Review", 20),
            ["moved #1", "Checkout", "redesign: Review"]
        );
        assert_eq!(lines("", "", "short", 20), ["short"]);
        assert_eq!(lines("", "", "", 20), [""]);
        assert_eq!(lines("", "", "Unbreakablewordhere and more", 8), ["Unbreakablewordhere", "and more"]);
        assert_eq!(lines("", "", "日本語 のタイトル", 8), ["日本語", "のタイトル"]);
    }
}
