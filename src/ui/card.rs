//! One card: kind letter, `#id`, the title cut to fit with an ellipsis, the estimate, markers.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use crate::domain::{Item, Kind};

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

/// Draws `item` on one row of `area`.
pub fn draw_card(buf: &mut Buffer, area: Rect, item: &Item, selected: bool, theme: &Theme) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let base = if selected { theme.card_selected } else { theme.card };
    buf.set_style(area, base);
    let style = |s: Style| if selected { base } else { s };
    let width = usize::from(area.width);
    let right = item.estimate.map(|e| format!(" {e}")).unwrap_or_default();
    let id = format!("#{} ", item.id);
    let mut x = area.x;
    let (after_kind, _) =
        buf.set_stringn(x, area.y, kind_letter(item.kind), width, style(theme.kind(item.kind)));
    x = after_kind + 1;
    let used = usize::from(x - area.x);
    let (after_id, _) = buf.set_stringn(x, area.y, &id, width.saturating_sub(used), style(theme.card_id));
    x = after_id;
    let room = width.saturating_sub(usize::from(x - area.x) + right.width());
    let title = truncate(&item.title, room);
    buf.set_stringn(x, area.y, &title, room, base);
    if !right.is_empty() && right.width() <= width.saturating_sub(usize::from(x - area.x)) {
        let rx = area.x + area.width - right.width() as u16;
        buf.set_stringn(rx, area.y, &right, right.width(), style(theme.estimate));
    }
}

/// `text` in at most `width` columns, ending in `…` when cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
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
}
