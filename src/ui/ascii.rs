//! ASCII mode: the finished frame with every symbol outside ASCII replaced, for terminals whose
//! locale is not UTF-8 (or with fonts that lack the marks). Borders become `+ - |` (`=` for the
//! selected column's thick top and bottom), marks keep their meaning with ASCII letters, and any
//! other character (in a title, say) becomes `?`. Done once per frame on the buffer, so no
//! drawing code needs a second spelling of its marks; the help legend lists both.

use ratatui::buffer::Buffer;

use super::text;

/// Each mark of the screen and its ASCII stand-in, for the help legend and the fold below.
pub const MARKS: &[(&str, &str, &str)] = &[
    ("⊘", "/", "blocked (the column header counts them)"),
    ("●", "*", "committed to the open sprint (leads the card, in every column)"),
    ("▸", ">", "in the visual selection (leads the card)"),
    ("□", "o", "definition of done not fully ticked"),
    ("↳", "^", "a stage-two follow-up of another item"),
    ("✓", "v", "done column; saved"),
    ("✗", "x", "not saved"),
    ("◀", "<", "more columns to the left; a choice to cycle"),
    ("▶", ">", "more columns to the right; the focused field"),
    ("↑", "^", "more cards above"),
    ("↓", "v", "more cards below"),
    ("…", "~", "text cut to fit"),
    ("·", "-", "separator"),
    ("┄", "-", "line between the stage lanes"),
    ("▼", "v", "target marker in the capacity bars"),
];

/// The ASCII stand-in of one symbol (a cell's grapheme).
fn fold_symbol(symbol: &str) -> Option<&'static str> {
    if symbol.is_ascii() {
        return None;
    }
    if let Some((_, ascii, _)) = MARKS.iter().find(|(mark, _, _)| *mark == symbol) {
        return Some(ascii);
    }
    Some(match symbol {
        "─" | "┈" | "╌" => "-",
        "━" | "═" => "=",
        "│" | "┃" | "║" | "┆" => "|",
        "┌" | "┐" | "└" | "┘" | "┏" | "┓" | "┗" | "┛" | "╔" | "╗" | "╚" | "╝" | "├" | "┤" | "┬" | "┴"
        | "┼" | "╭" | "╮" | "╰" | "╯" => "+",
        "←" => "<",
        "→" => ">",
        // The cursor after what is typed in the help filter and the palette.
        "▏" => "_",
        "•" | "—" => "-",
        // The bars of a trend, lowest to highest (the value is in words beside it).
        "▁" | "▂" => "_",
        "▃" => ".",
        "▄" | "▅" => "-",
        "▆" => "=",
        "▇" | "█" | "▓" => "#",
        "░" => ".",
        _ => "?",
    })
}

/// Replaces every non-ASCII symbol of `buf`. A wide character (CJK, emoji) becomes one `?`
/// and the cell it also covered stays blank, in its style, so that a highlight (the selected
/// card) keeps no gap where it stood.
pub fn fold(buf: &mut Buffer) {
    let width = usize::from(buf.area.width).max(1);
    for at in 0..buf.content.len() {
        let cell = &buf.content[at];
        let Some(ascii) = fold_symbol(cell.symbol()) else { continue };
        let covered = text::width(cell.symbol()).saturating_sub(1);
        let style = cell.style();
        buf.content[at].set_symbol(ascii);
        // Cells covered on the same row only.
        let row_end = ((at / width + 1) * width).min(buf.content.len());
        for next in buf.content[at + 1..row_end].iter_mut().take(covered) {
            next.set_style(style);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    #[test]
    fn a_folded_buffer_is_pure_ascii() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 20, 1));
        buf.set_string(0, 0, "┏━□↳✓ é日本…⊘●▁▄█▏", Style::new());
        fold(&mut buf);
        let text: String = buf.content.iter().map(|c| c.symbol()).collect();
        assert!(text.is_ascii(), "{text}");
        assert!(text.starts_with("+=o^v ??"), "{text}");
        assert!(text.contains("/*_-#_"), "blocked, sprint, a trend and the typing cursor: {text}");
    }

    #[test]
    fn a_wide_character_folds_to_one_mark_and_a_blank_in_its_style() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 2));
        let reversed = Style::new().add_modifier(ratatui::style::Modifier::REVERSED);
        buf.set_string(0, 0, "a进b", reversed);
        buf.set_string(4, 0, "中", reversed);
        fold(&mut buf);
        let row = |y: u16| (0..6).map(|x| buf[(x, y)].symbol().to_owned()).collect::<String>();
        assert_eq!(row(0), "a? b? ");
        assert!((0..6).all(|x| buf[(x, 0)].modifier.contains(ratatui::style::Modifier::REVERSED)));
        assert!(
            !buf[(0, 1)].modifier.contains(ratatui::style::Modifier::REVERSED),
            "the next row is left alone"
        );
    }
}
