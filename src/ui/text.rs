//! Text measured in terminal cells: the width of a string as the screen shows it, and cutting
//! and padding to a width. Titles, names and notes are whatever someone typed, so a character
//! may take two cells (CJK, emoji) or none (a combining accent); every width on the screen comes
//! from here, never from a count of characters or bytes.
//!
//! Widths are measured grapheme by grapheme with ratatui's own measure (unicode-width, plus the
//! halfwidth sound marks terminals draw as cells of their own), so what is measured here is what
//! the buffer draws: a cut never splits a wide character or leaves half of one.

use ratatui::buffer::CellWidth;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthChar;

/// The graphemes of `text` (an emoji with its modifiers, a letter with its accents); ASCII,
/// nearly every title, is cut byte by byte without the segmentation tables, which a frame
/// would otherwise consult for every character it draws.
pub fn graphemes(text: &str) -> impl Iterator<Item = &str> {
    let ascii = text.is_ascii();
    let mut bytes = 0..text.len();
    let mut segmented = text.graphemes(true);
    std::iter::from_fn(move || match ascii {
        true => bytes.next().map(|at| &text[at..=at]),
        false => segmented.next(),
    })
}

/// Whether `c` is a grapheme of its own wherever it stands: Latin, punctuation, arrows, box
/// drawing, the marks the screen draws. Accents, joiners, variation selectors and the scripts
/// beyond may combine with their neighbours, which only the segmentation tables tell. (The
/// headers, notes and hints a frame measures are mostly made of these.)
fn stands_alone(c: char) -> bool {
    matches!(c, '\0'..='\u{2ff}' | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205f}'
        | '\u{2070}'..='\u{20cf}' | '\u{2100}'..='\u{2bff}')
}

/// The cells one grapheme takes: none for a control character (ratatui never draws one).
fn grapheme_width(piece: &str) -> usize {
    match piece.as_bytes() {
        [byte] => usize::from(!byte.is_ascii_control()),
        _ if piece.contains(char::is_control) => 0,
        _ => usize::from(piece.cell_width()),
    }
}

/// The pieces of `text` that take cells on the screen, with their widths, without the control
/// characters and zero-width pieces that ratatui never draws.
fn cells(text: &str) -> impl Iterator<Item = (&str, usize)> {
    graphemes(text).map(|g| (g, grapheme_width(g))).filter(|(_, w)| *w > 0)
}

/// The cells `text` takes on the screen.
pub fn width(text: &str) -> usize {
    if text.is_ascii() {
        return text.bytes().filter(|b| !b.is_ascii_control()).count();
    }
    simple_width(text).unwrap_or_else(|| cells(text).map(|(_, w)| w).sum())
}

/// The width of text whose every character stands alone, measured character by character as
/// the segmented measure would (`None` for other text).
fn simple_width(text: &str) -> Option<usize> {
    text.chars().try_fold(0, |sum, c| {
        let cells = if c.is_control() { 0 } else { UnicodeWidthChar::width(c).unwrap_or(0) };
        stands_alone(c).then_some(sum + cells)
    })
}

/// Whether `text` fits in `room` cells, measuring only as far as the room goes (a very long
/// title costs no more than a short one).
pub fn fits(text: &str, room: usize) -> bool {
    // No character takes more cells than it has bytes.
    if text.len() <= room {
        return true;
    }
    let mut used = 0;
    cells(text).all(|(_, w)| {
        used += w;
        used <= room
    })
}

/// The longest start of `text` that fits in `room` cells, cut between graphemes.
pub fn prefix(text: &str, room: usize) -> &str {
    let mut used = 0;
    let mut end = 0;
    for g in graphemes(text) {
        used += grapheme_width(g);
        if used > room {
            break;
        }
        end += g.len();
    }
    &text[..end]
}

/// Whether `piece` takes two cells: an ideograph, a kana, a hangul syllable, a wide emoji.
/// Text in these scripts may break between any two of them, spaces or not.
pub fn is_wide(piece: &str) -> bool {
    width(piece) > 1
}

/// `text` in at most `room` cells, ending in `…` when cut. A cut inside a word of spaced text
/// falls back to the space before it when that keeps two thirds of what fits, so no word is
/// chopped into nonsense; next to a wide character it stays where it is (ideographs break
/// anywhere, and backing up would drop a whole run of them).
pub fn truncate(text: &str, room: usize) -> String {
    // A pile of combining marks on one letter is drawn as a few (escape::MAX_MARKS).
    let text = &*crate::escape::cap_marks(text);
    if fits(text, room) {
        return text.to_owned();
    }
    if room == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    let mut next_is_wide = false;
    for (g, w) in cells(text) {
        if used + w + 1 > room {
            next_is_wide = w > 1;
            break;
        }
        out.push_str(g);
        used += w;
    }
    let last_is_wide = !out.is_ascii() && out.trim_end().graphemes(true).next_back().is_some_and(is_wide);
    if let Some(space) = out.trim_end().rfind(' ')
        && !(next_is_wide || last_is_wide)
        && width(&out[..space]) * 3 >= used * 2
    {
        out.truncate(space);
    }
    let mut out = out.trim_end().to_owned();
    out.push('…');
    out
}

/// `text` followed by spaces up to `room` cells (as `{:<room$}` pads, but by cells, not
/// characters); longer text stays whole.
pub fn pad(text: &str, room: usize) -> String {
    let mut out = text.to_owned();
    out.extend(std::iter::repeat_n(' ', room.saturating_sub(width(text))));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_take_two_cells_and_accents_none() {
        assert_eq!(width("abc"), 3);
        assert_eq!(width("进行中"), 6);
        assert_eq!(width("🚀 Launch"), 9);
        assert_eq!(width("e\u{301}"), 1, "a combining accent adds no cell");
        assert_eq!(width("a\tb"), 2, "control characters are never drawn");
        assert_eq!(width("👩‍👩‍👧"), 2, "a family of emoji is one picture");
        assert_eq!(width("☕\u{fe0f} ok"), 5, "an emoji with its variation selector");
        // Characters that stand alone are measured one by one, as the segmented measure would.
        for text in ["· 3 pt ⊘1 ✓", "┄ S2 stage two", "▶ é ↳ □ ● ⌚ █", "\u{80}x\u{ad}"] {
            assert_eq!(simple_width(text), Some(cells(text).map(|(_, w)| w).sum()), "{text}");
        }
        assert_eq!(simple_width("e\u{301}"), None, "an accent that combines");
    }

    #[test]
    fn truncation_marks_the_cut_and_prefers_word_boundaries() {
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("Export the board to CSV", 12), "Export the…");
        assert_eq!(truncate("Supercalifragilistic", 8), "Superca…");
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(truncate("日本語のタイトル", 7), "日本語…");
        // Two cells of room left for a wide character's one: the cut leaves a cell empty
        // rather than half a character.
        assert_eq!(truncate("日本語のタイトル", 8), "日本語…");
        assert_eq!(truncate("Export the board", 13), "Export the…", "a space two thirds along");
        // Ideographs break anywhere: a long run of them is cut where the room ends, not at the
        // space before it.
        assert_eq!(truncate("数据库 迁移到新集群", 10), "数据库 迁…");
        assert_eq!(truncate("#3 进行中 日本語のタイトルは長い", 20), "#3 进行中 日本語の…");
        assert_eq!(truncate("Ship 🚀 emoji support", 8), "Ship 🚀…");
        for room in 0..30 {
            for text in ["数据库迁移到新集群", "Ship 🚀 emoji support", "ＡＢＣ mixed 中文 words"]
            {
                let cut = truncate(text, room);
                assert!(width(&cut) <= room, "{text} in {room}: {cut}");
                assert!(cut == text || cut.ends_with('…') || cut.is_empty(), "{text} in {room}: {cut}");
            }
        }
    }

    #[test]
    fn prefixes_and_padding_count_cells() {
        assert_eq!(prefix("进行中", 3), "进");
        assert_eq!(prefix("进行中", 4), "进行");
        assert_eq!(prefix("abc", 9), "abc");
        assert_eq!(pad("进行", 6), "进行  ");
        assert_eq!(pad("abc", 2), "abc");
        assert!(fits("进行中", 6) && !fits("进行中", 5));
    }
}
