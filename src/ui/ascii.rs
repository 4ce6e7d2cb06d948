//! ASCII mode: the finished frame with every symbol outside ASCII replaced, for terminals whose
//! locale is not UTF-8 (or with fonts that lack the marks). Borders become `+ - |` (`=` for the
//! selected column's thick top and bottom), marks keep their meaning with ASCII letters, and any
//! other character (in a title, say) becomes `?`. Done once per frame on the buffer, so no
//! drawing code needs a second spelling of its marks; the help legend lists both.

use ratatui::buffer::Buffer;

/// Each mark of the screen and its ASCII stand-in, for the help legend and the fold below.
pub const MARKS: &[(&str, &str, &str)] = &[
    ("⊘", "/", "blocked (the column header counts them)"),
    ("●", "*", "committed to the open sprint"),
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

/// Replaces every non-ASCII symbol of `buf`.
pub fn fold(buf: &mut Buffer) {
    for cell in &mut buf.content {
        if let Some(ascii) = fold_symbol(cell.symbol()) {
            cell.set_symbol(ascii);
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
        buf.set_string(0, 0, "┏━□↳✓ é日本…⊘●▁▄█", Style::new());
        fold(&mut buf);
        let text: String = buf.content.iter().map(|c| c.symbol()).collect();
        assert!(text.is_ascii(), "{text}");
        assert!(text.starts_with("+=o^v ??"), "{text}");
        assert!(text.contains("/*_-#"), "blocked, sprint and a trend: {text}");
    }
}
