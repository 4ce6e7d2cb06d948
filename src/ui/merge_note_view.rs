//! The note of a git merge: what was not merged (our value kept, theirs not applied) and which
//! items got new ids, one entry per line group, the selected one marked with `▶`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget};
use unicode_width::UnicodeWidthChar;

use super::theme::Theme;
use crate::app::App;
use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;
use crate::app::screens::MergeNote;
use crate::domain::team::activity::{Action as Did, Entry};

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

pub fn draw_merge_note(buf: &mut Buffer, area: Rect, app: &App, note: &MergeNote, theme: &Theme) {
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
    let groups: Vec<Vec<String>> = note
        .entries
        .iter()
        .map(|e| wrap(&format!("{} {}", mark(e), e.summary), width.saturating_sub(2)))
        .collect();
    for (i, group) in groups.iter().enumerate().skip(first_shown(&groups, note.selected, rows)) {
        let style = if i == note.selected { theme.card_selected } else { theme.base };
        for (n, text) in group.iter().enumerate() {
            let marker = if i == note.selected && n == 0 { "▶ " } else { "  " };
            lines.push(Line::styled(format!("{marker}{text}"), style));
        }
    }
    Paragraph::new(lines).render(inner, buf);
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

/// The first entry to show so that the selected one is in view in `rows` rows (as low as it
/// must be, with as many entries before it as fit).
fn first_shown(groups: &[Vec<String>], selected: usize, rows: usize) -> usize {
    let Some(chosen) = groups.get(selected) else { return 0 };
    let mut used = chosen.len();
    let mut first = selected;
    while first > 0 && used + groups[first - 1].len() <= rows {
        first -= 1;
        used += groups[first].len();
    }
    first
}

/// `text` in lines of at most `width` columns, broken between words (inside a word only when
/// it is longer than a line): a note about values not applied must show them whole.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let len: usize = word.chars().map(|c| c.width().unwrap_or(0)).sum();
        if used > 0 && used + 1 + len > width {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if used > 0 {
            line.push(' ');
            used += 1;
        }
        for c in word.chars() {
            let w = c.width().unwrap_or(0);
            if used > 0 && used + w > width {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push(c);
            used += w;
        }
    }
    lines.push(line);
    lines
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

    #[test]
    fn the_selected_entry_is_always_in_view() {
        let groups = vec![vec!["a".to_owned(); 2], vec!["b".to_owned(); 3], vec!["c".to_owned(); 2]];
        assert_eq!(first_shown(&groups, 0, 3), 0);
        assert_eq!(first_shown(&groups, 2, 5), 1);
        assert_eq!(first_shown(&groups, 2, 4), 2);
        assert_eq!(first_shown(&groups, 2, 1), 2, "too little room: the selected one first");
    }
}
