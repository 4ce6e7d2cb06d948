//! One card: kind letter, `#id`, the title cut to fit with an ellipsis, marks and the estimate;
//! on two rows, the rest of the title and the timebox or the assignee, and the age in the column.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use crate::domain::timebox::{self, Standing};
use crate::domain::{Board, Item, Kind, Timestamp, age};

/// The letter that marks a kind on a card (the help legend explains them).
pub fn kind_letter(kind: Kind) -> &'static str {
    match kind {
        Kind::Feature => "F",
        Kind::Spike => "S",
        Kind::Enabler => "E",
        Kind::Debt => "D",
        Kind::Bug => "B",
    }
}

/// A mark on a card: a symbol the help legend explains, and how loud it is.
pub type Mark = (String, Style);

/// What a card shows besides the item's own fields.
pub struct CardMarks {
    /// Symbols before the estimate: `⊘` blocked; `●` committed to the open sprint; `↳` a
    /// follow-up of another item; `□` unticked definition-of-done entries remain (quiet while
    /// under way, a warning once done).
    pub marks: Vec<Mark>,
    /// For open discovery items, the timebox: short (`3d`, `!2d`, `?`) for one-row cards, in
    /// words (`3d left`, `2d overdue`, `open-ended`) for two-row cards.
    pub timebox: Option<(String, String, Style)>,
    /// How long an open item has sat in its column, for two-row cards: short (`3d`) and long
    /// (`3d in Review`); absent under a day.
    pub age: Option<(String, String)>,
}

impl CardMarks {
    pub fn of(board: &Board, item: &Item, now: Timestamp, theme: &Theme) -> CardMarks {
        let today = now.date_naive();
        let mut marks = Vec::new();
        if item.blocked.is_some() {
            marks.push(("⊘".to_owned(), theme.error));
        }
        if board.in_current_sprint(item) {
            marks.push(("●".to_owned(), theme.estimate));
        }
        if item.follow_up_of.is_some() {
            marks.push(("↳".to_owned(), theme.estimate));
        }
        let entries = board.definition_of_done.for_stage(item.stage);
        if entries.iter().any(|text| !item.checklist.iter().any(|e| e.done && e.text == *text)) {
            let done = board.is_done_column(item.track, &item.column);
            marks.push(("□".to_owned(), if done { theme.warning } else { theme.muted }));
        }
        let timebox = timebox::standing(board, item, today).map(|standing| {
            let style = match standing {
                Standing::Overdue(_) => theme.error,
                Standing::OpenEnded | Standing::Left(0) => theme.warning,
                Standing::Left(_) => theme.hint_text,
            };
            (standing.short(), standing.label(), style)
        });
        let days = age::days_in_column(item, now);
        let open = !board.is_done_column(item.track, &item.column);
        let age = (open && days > 0).then(|| (format!("{days}d"), age::label(board, item, now)));
        CardMarks { marks, timebox, age }
    }
}

/// Draws `item` in `area`: one row, or two when the lane is tall (the title wraps onto the
/// second row, with the timebox in words or the assignee at its right).
pub fn draw_card(buf: &mut Buffer, area: Rect, item: &Item, card: &CardMarks, selected: bool, theme: &Theme) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let two_rows = area.height >= 2;
    let base = if selected { theme.card_selected } else { theme.card };
    buf.set_style(area, base);
    let style = |s: Style| if selected { base } else { s };
    let width = usize::from(area.width);
    let mut marks: Vec<Mark> = card.marks.clone();
    if let (false, Some((short, _, s))) = (two_rows, &card.timebox) {
        marks.push((short.clone(), *s));
    }
    if let Some(e) = item.estimate {
        marks.push((e.to_string(), theme.estimate));
    }
    let (after_kind, _) =
        buf.set_stringn(area.x, area.y, kind_letter(item.kind), width, style(theme.kind(item.kind)));
    let x = after_kind + 1;
    let (x, _) = buf.set_stringn(
        x,
        area.y,
        format!("#{} ", item.id),
        width.saturating_sub(usize::from(x - area.x)),
        style(theme.card_id),
    );
    let used = usize::from(x - area.x);
    let right_width: usize = marks.iter().map(|(m, _)| m.width() + 1).sum();
    let room = width.saturating_sub(used + right_width);
    if right_width <= width.saturating_sub(used) {
        let mut rx = area.right() - right_width as u16;
        for (mark, mark_style) in &marks {
            (rx, _) = buf.set_stringn(rx + 1, area.y, mark, mark.width(), style(*mark_style));
        }
    }
    if !two_rows {
        buf.set_stringn(x, area.y, truncate(&item.title, room), room, base);
        return;
    }
    let (first, rest) = wrap_once(&item.title, room);
    buf.set_stringn(x, area.y, &first, room, base);
    let (note, note_style) = {
        // Leave the rest of the title some room (measured only as far as it could show).
        let rest_room: usize = rest.chars().take(10).filter_map(unicode_width::UnicodeWidthChar::width).sum();
        second_row_note(item, card, width.saturating_sub(used + rest_room), theme)
    };
    let note_style = if note.is_empty() { base } else { note_style };
    let room2 = width.saturating_sub(used + note.width());
    buf.set_stringn(x, area.y + 1, truncate(rest, room2), room2, base);
    if !note.is_empty() && note.width() < width {
        buf.set_stringn(
            area.right() - note.width() as u16,
            area.y + 1,
            &note,
            note.width(),
            style(note_style),
        );
    }
}

/// The right end of a card's second row: the timebox in words, else the assignee, with the age
/// in the column (`3d in Review` when there is room, else `3d`); the longest that fits in `room`.
fn second_row_note(item: &Item, card: &CardMarks, room: usize, theme: &Theme) -> (String, Style) {
    let (first, style) = match (&card.timebox, &item.assignee) {
        (Some((_, words, s)), _) => (Some(words.clone()), *s),
        (None, Some(who)) => (Some(format!("@{who}")), theme.card_id),
        (None, None) => (None, theme.card_id),
    };
    let join = |age: Option<&String>| -> String {
        let parts: Vec<&str> = first.iter().chain(age).map(String::as_str).collect();
        if parts.is_empty() { String::new() } else { format!(" {}", parts.join(" · ")) }
    };
    let candidates = match &card.age {
        Some((short, long)) => vec![join(Some(long)), join(Some(short)), join(None)],
        None => vec![join(None)],
    };
    let note =
        candidates.iter().find(|c| c.width() <= room).or(candidates.last()).cloned().unwrap_or_default();
    (note, style)
}

/// The words of `text` that fit in `width` columns, and the rest (`first` is cut with an
/// ellipsis only when its first word alone is too long).
fn wrap_once(text: &str, width: usize) -> (String, &str) {
    // Widths add up word by word, so a very long title costs no more than the room it gets.
    let mut end = 0;
    let mut used = 0;
    let mut start = 0;
    for (at, _) in text.match_indices(' ').chain(std::iter::once((text.len(), ""))) {
        used += text[start..at].width();
        if used > width {
            break;
        }
        end = at;
        start = at;
    }
    if end == 0 {
        return (truncate(text, width), "");
    }
    (text[..end].to_owned(), text[end..].trim_start())
}

/// `text` in at most `width` columns, ending in `…` when cut.
pub fn truncate(text: &str, width: usize) -> String {
    // Measure only as far as the room goes, so a very long text costs no more than a short one.
    let mut measured = 0;
    let fits = text.chars().all(|c| {
        measured += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        measured <= width
    });
    if fits {
        return text.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    // Cut at a word boundary when that keeps most of the room, so no word is chopped into nonsense.
    if let Some(space) = out.trim_end().rfind(' ')
        && space * 3 >= out.len() * 2
    {
        out.truncate(space);
    }
    let mut out = out.trim_end().to_owned();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::truncate;

    #[test]
    fn truncation_marks_the_cut_and_prefers_word_boundaries() {
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("Export the board to CSV", 12), "Export the…");
        assert_eq!(truncate("Supercalifragilistic", 8), "Superca…");
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(truncate("日本語のタイトル", 7), "日本語…");
    }

    #[test]
    fn wrapping_keeps_whole_words_on_the_first_row() {
        assert_eq!(
            super::wrap_once("Export the board to CSV", 12),
            ("Export the".to_owned(), "board to CSV")
        );
        assert_eq!(super::wrap_once("short", 12), ("short".to_owned(), ""));
        assert_eq!(super::wrap_once("Unbreakablewordhere and more", 8), ("Unbreak…".to_owned(), ""));
    }
}
