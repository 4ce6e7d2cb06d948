//! The note of a git merge: what was not merged (our value kept, theirs not applied) and which
//! items got new ids, one entry per line group, the selected one marked with `▶`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget};

use crate::app::App;
use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;
use crate::app::screens::MergeNote;
use crate::domain::team::activity::{Action as Did, Entry};
use crate::ui::theme::Theme;

/// Rows above the entries: who merged, what that means, a blank line.
const INTRO_ROWS: usize = 3;

/// The rows the note wants at `width` columns (borders included), so a short note is a short
/// box.
pub fn wanted_height(note: &MergeNote, width: u16) -> u16 {
    let room = usize::from(width).saturating_sub(4);
    let rows: usize = note.entries.iter().map(|e| wrap(&line(e), room).len()).sum();
    u16::try_from(rows + INTRO_ROWS + 2).unwrap_or(u16::MAX)
}

/// An entry as the note shows it.
fn line(entry: &Entry) -> String {
    format!("{} {}", mark(entry), entry.summary)
}

/// The note, its selected entry marked and in view.
pub struct MergeNoteView<'a> {
    pub app: &'a App,
    pub note: &'a MergeNote,
    pub theme: &'a Theme,
}

impl Widget for MergeNoteView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let MergeNoteView { app, note, theme } = self;
        let conflicts = note.entries.iter().filter(|e| e.action == Did::Conflict).count();
        let block = Block::bordered()
            .border_style(theme.warning)
            .title(Line::styled(
                format!(" Merged by git: {} ", counts(conflicts, note.entries.len() - conflicts)),
                theme.overlay_title,
            ))
            .title_bottom(super::key_line(
                app,
                Mode::MergeNote,
                &[
                    (&[Action::SelectDown, Action::SelectUp], "select"),
                    (&[Action::GoTo], "go to the item"),
                    (&[Action::Close], "close"),
                ],
                theme,
            ));
        let inner = block.inner(area);
        block.render(area, buf);
        let width = usize::from(inner.width);
        let mut lines = vec![
            Line::styled(intro(note.entries.first()), theme.base),
            Line::styled(
                "Where both sides changed a value, ours was kept and theirs is listed here.",
                theme.hint_text,
            ),
            Line::default(),
        ];
        let rows = usize::from(inner.height).saturating_sub(lines.len());
        let groups: Vec<Vec<String>> =
            note.entries.iter().map(|e| wrap(&line(e), width.saturating_sub(2))).collect();
        let heights: Vec<usize> = groups.iter().map(Vec::len).collect();
        for (i, group) in groups.iter().enumerate().skip(super::first_in_view(&heights, note.selected, rows))
        {
            let style = if i == note.selected { theme.card_selected } else { theme.base };
            for (n, text) in group.iter().enumerate() {
                let marker = if i == note.selected && n == 0 { "▶ " } else { "  " };
                lines.push(Line::styled(format!("{marker}{text}"), style));
            }
        }
        Paragraph::new(lines).render(inner, buf);
    }
}

fn counts(conflicts: usize, renumbered: usize) -> String {
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match (conflicts, renumbered) {
        (c, 0) => plural(c, "conflict", "conflicts"),
        (0, r) => plural(r, "item renumbered", "items renumbered"),
        (c, r) => format!(
            "{}, {}",
            plural(c, "conflict", "conflicts"),
            plural(r, "item renumbered", "items renumbered")
        ),
    }
}

/// Who merged and when.
fn intro(first: Option<&Entry>) -> String {
    first.map_or_else(String::new, |e| {
        format!("{} merged the board on {}.", e.author, e.time.format("%Y-%m-%d at %H:%M UTC"))
    })
}

/// A text mark, so that the kind of line never rests on colour.
fn mark(entry: &Entry) -> &'static str {
    if entry.action == Did::Conflict { "! conflict:" } else { "# renumbered:" }
}

/// `text` in lines of at most `width` cells, broken between words (inside a word only when it
/// is longer than a line), a run of spaces read as one: a note about values not applied must
/// show them whole.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
    crate::ui::wrap::wrap(&words.join(" "), width, "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_breaks_between_words_and_keeps_every_character() {
        assert_eq!(
            wrap("kept \"Review\" (ours), not applied", 14),
            ["kept \"Review\"", "(ours), not", "applied"]
        );
        assert_eq!(wrap("abcdefghij xy", 4), ["abcd", "efgh", "ij", "xy"]);
        assert_eq!(wrap("", 5), [""]);
        assert_eq!(wrap("日本語 ab", 4), ["日本", "語", "ab"]);
    }
}
