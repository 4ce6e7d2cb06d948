//! What the terminal shows, as far as the frame writer knows: each cell's symbol and the pen it
//! was written with. A short gap between two changed cells of a row is cheaper to write again
//! from here than to step over with a cursor sequence (`ESC[C` is three bytes, a letter one).

use ratatui::buffer::Cell;
use ratatui::style::Modifier;
use unicode_width::UnicodeWidthStr;

use super::sgr::Pen;

/// The screen's cells, row by row; `None` where not known.
#[derive(Default)]
pub struct Shadow {
    width: u16,
    cells: Vec<Option<Cell>>,
}

impl Shadow {
    /// Nothing known (another program drew, or the size is not known).
    pub fn unknown() -> Shadow {
        Shadow::default()
    }

    /// A cleared screen: blanks in the plain style.
    pub fn blank(width: u16, height: u16) -> Shadow {
        Shadow { width, cells: vec![Some(Cell::default()); usize::from(width) * usize::from(height)] }
    }

    fn index(&self, x: u16, y: u16) -> Option<usize> {
        let i = usize::from(y) * usize::from(self.width) + usize::from(x);
        (x < self.width && i < self.cells.len()).then_some(i)
    }

    /// `symbol` was written at (`x`, `y`) with `pen`; a symbol that is not surely one column wide
    /// leaves the cells it may cover unknown.
    pub fn set(&mut self, x: u16, y: u16, symbol: &str, pen: Pen) {
        let Some(i) = self.index(x, y) else { return };
        if !one_column(symbol) {
            let end = (i + usize::from(self.width - x)).min(i + 3);
            self.cells[i..end].iter_mut().for_each(|c| *c = None);
            return;
        }
        let mut cell = Cell::new(" ");
        cell.set_symbol(symbol);
        (cell.fg, cell.bg, cell.underline_color, cell.modifier) =
            (pen.fg, pen.bg, pen.underline, pen.modifier);
        self.cells[i] = Some(cell);
    }

    /// The bytes that write cells `from..to` of row `y` again as they are, with `pen`, if every
    /// one of them is known, one column wide, and looks the same written with `pen`.
    pub fn rewrite(&self, y: u16, from: u16, to: u16, pen: Pen) -> Option<String> {
        let mut text = String::new();
        for x in from..to {
            let cell = self.cells[self.index(x, y)?].as_ref()?;
            let had =
                Pen { fg: cell.fg, bg: cell.bg, underline: cell.underline_color, modifier: cell.modifier };
            if !looks_same(cell.symbol(), had, pen) {
                return None;
            }
            text.push_str(cell.symbol());
        }
        Some(text)
    }
}

/// Whether a symbol is surely one column wide on every terminal.
pub fn one_column(symbol: &str) -> bool {
    symbol.width() == 1 && (symbol.is_ascii() || symbol.chars().count() == 1)
}

/// Whether `symbol` written with `with` looks as it does written with `want`: the same pen, or a
/// blank whose background shows the same (its colour and boldness cannot be seen).
pub fn looks_same(symbol: &str, want: Pen, with: Pen) -> bool {
    let shows_on_blank = Modifier::REVERSED | Modifier::UNDERLINED | Modifier::CROSSED_OUT;
    want == with
        || (symbol == " "
            && want.bg == with.bg
            && !want.modifier.intersects(shows_on_blank)
            && !with.modifier.intersects(shows_on_blank))
}
