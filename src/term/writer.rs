//! The frames' way to the terminal: ratatui's backend for this program. It writes only the
//! cells ratatui found changed, as crossterm's backend does, but in fewer bytes: one SGR sequence
//! per change of style in its shortest form ([`sgr`](super::sgr)), a short cursor step forward
//! within a row, no reset of every colour at the end of each frame, and the cursor hidden once,
//! not at every frame. A frame is held until the flush and written with one call.

use std::io::{self, Write};

use crossterm::terminal::{self, ClearType as TermClear};
use crossterm::{cursor, queue};
use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

use super::sgr::{self, Pen};
use super::shadow::{Shadow, looks_same, one_column};

/// A backend writing to `out` (standard output, or a buffer in tests).
pub struct FrameWriter<W: Write> {
    out: W,
    frame: Vec<u8>,
    /// Only the 16 classic colours: others are written as the nearest of them.
    basic_colours: bool,
    /// The style the terminal draws with now, when known.
    pen: Option<Pen>,
    /// Where the terminal's cursor is, when known.
    at: Option<Position>,
    /// Whether the cursor is hidden, when known.
    hidden: Option<bool>,
    /// What the screen shows, as far as known.
    shadow: Shadow,
}

impl<W: Write> FrameWriter<W> {
    pub fn new(out: W, basic_colours: bool) -> FrameWriter<W> {
        FrameWriter {
            out,
            frame: Vec::new(),
            basic_colours,
            pen: None,
            at: None,
            hidden: None,
            shadow: Shadow::unknown(),
        }
    }

    /// Forgets what the terminal shows (another program had it): the next writes assume nothing.
    pub fn forget(&mut self) {
        (self.pen, self.at, self.hidden) = (None, None, None);
        self.shadow = Shadow::unknown();
    }

    /// The writer's output (tests read what was written).
    #[cfg(test)]
    pub fn output(&self) -> &W {
        &self.out
    }

    /// Moves the cursor to `to` in the fewest bytes from where it is: a short step forward on
    /// the same row writes the cells stepped over again, where they are known and shorter.
    fn move_to(&mut self, to: Position) {
        if self.at == Some(to) {
            return;
        }
        if let (Some(at), Some(pen)) = (self.at, self.pen)
            && at.y == to.y
            && at.x < to.x
            && to.x - at.x <= 3
            && let Some(cells) = self.shadow.rewrite(to.y, at.x, to.x, pen)
            && cells.len() < if to.x - at.x == 1 { 3 } else { 4 }
        {
            self.frame.extend_from_slice(cells.as_bytes());
            self.at = Some(to);
            return;
        }
        let (row, col) = (u32::from(to.y) + 1, u32::from(to.x) + 1);
        let step = match self.at {
            Some(at) if at.y == to.y && at.x < to.x => Some(to.x - at.x),
            _ => None,
        };
        let bytes = match step {
            Some(1) => "\x1b[C".to_string(),
            Some(n) => format!("\x1b[{n}C"),
            None if col == 1 => format!("\x1b[{row}H"),
            None => format!("\x1b[{row};{col}H"),
        };
        self.frame.extend_from_slice(bytes.as_bytes());
        self.at = Some(to);
    }

    /// Makes the terminal draw with `pen`.
    fn pen(&mut self, pen: Pen) {
        sgr::transition(self.pen, pen, self.basic_colours, &mut self.frame);
        self.pen = Some(pen);
    }

    /// Back to the terminal's default style (before clearing: a cleared cell takes the current
    /// background colour).
    fn plain(&mut self) {
        if self.pen != Some(Pen::PLAIN) {
            self.pen(Pen::PLAIN);
        }
    }
}

impl<W: Write> Backend for FrameWriter<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        for (x, y, cell) in content {
            self.move_to(Position { x, y });
            let (symbol, want) = (
                cell.symbol(),
                Pen { fg: cell.fg, bg: cell.bg, underline: cell.underline_color, modifier: cell.modifier },
            );
            // A blank that looks the same with the pen at hand keeps it.
            let pen = match self.pen {
                Some(pen) if looks_same(symbol, want, pen) => pen,
                _ => {
                    self.pen(want);
                    want
                }
            };
            self.frame.extend_from_slice(symbol.as_bytes());
            self.shadow.set(x, y, symbol, pen);
            // Where a terminal may disagree on a symbol's width, the next cell is placed anew.
            self.at = one_column(symbol).then_some(Position { x: x + 1, y });
        }
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.hidden != Some(true) {
            queue!(self.frame, cursor::Hide)?;
            self.hidden = Some(true);
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.hidden != Some(false) {
            queue!(self.frame, cursor::Show)?;
            self.hidden = Some(false);
        }
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.flush()?;
        let (x, y) = cursor::position()?;
        self.at = Some(Position { x, y });
        Ok(Position { x, y })
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.move_to(position.into());
        Ok(())
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.plain();
        let clear = match clear_type {
            ClearType::All => TermClear::All,
            ClearType::AfterCursor => TermClear::FromCursorDown,
            ClearType::BeforeCursor => TermClear::FromCursorUp,
            ClearType::CurrentLine => TermClear::CurrentLine,
            ClearType::UntilNewLine => TermClear::UntilNewLine,
        };
        self.shadow = match (clear_type, self.size()) {
            (ClearType::All, Ok(size)) => Shadow::blank(size.width, size.height),
            _ => Shadow::unknown(),
        };
        queue!(self.frame, terminal::Clear(clear))
    }

    fn size(&self) -> io::Result<Size> {
        let (width, height) = terminal::size()?;
        Ok(Size { width, height })
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let size = terminal::window_size()?;
        Ok(WindowSize {
            columns_rows: Size { width: size.columns, height: size.rows },
            pixels: Size { width: size.width, height: size.height },
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.frame.is_empty() {
            self.out.write_all(&self.frame)?;
            self.frame.clear();
        }
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Modifier, Style};

    use super::*;

    /// A writer on a cleared screen of `area`'s size (as `term::setup` leaves it).
    fn writer_on(area: Rect) -> FrameWriter<Vec<u8>> {
        let mut writer = FrameWriter::new(Vec::new(), false);
        writer.shadow = Shadow::blank(area.width, area.height);
        writer
    }

    /// Draws each frame in turn (only the changed cells, as ratatui does); returns the last
    /// frame's bytes and what a terminal emulator shows after all of them.
    fn frames(frames: &[Buffer]) -> (Vec<u8>, vt100::Parser) {
        let area = frames[0].area;
        let mut writer = writer_on(area);
        let mut last = Buffer::empty(area);
        let mut start = 0;
        for frame in frames {
            start = writer.output().len();
            writer.draw(last.diff(frame).into_iter()).expect("draw");
            writer.hide_cursor().expect("hide");
            writer.flush().expect("flush");
            last = frame.clone();
        }
        let size = |n: u16| std::num::NonZero::new(n).expect("a screen of some size");
        let mut parser = vt100::Parser::new(size(area.height), size(area.width), 0);
        parser.process(writer.output());
        (writer.output()[start..].to_vec(), parser)
    }

    /// Every cell the emulator shows is the frame's: symbol, colours, attributes.
    fn assert_shows(parser: &vt100::Parser, frame: &Buffer) {
        let screen = parser.screen();
        let colour = |c: Color| match c {
            Color::Reset => vt100::Color::Default,
            Color::Indexed(i) => vt100::Color::Idx(i),
            Color::Red => vt100::Color::Idx(1),
            Color::Gray => vt100::Color::Idx(7),
            Color::DarkGray => vt100::Color::Idx(8),
            other => panic!("no test colour {other:?}"),
        };
        for y in 0..frame.area.height {
            for x in 0..frame.area.width {
                let want = &frame[(x, y)];
                let got = screen.cell(y, x).expect("a cell");
                let shown = if got.contents().is_empty() { " " } else { got.contents() };
                assert_eq!(shown, want.symbol(), "({x},{y})");
                let blank = want.symbol() == " ";
                let visible = Modifier::REVERSED | Modifier::UNDERLINED;
                if !blank || want.modifier.intersects(visible) {
                    assert_eq!(got.fgcolor(), colour(want.fg), "fg at ({x},{y})");
                    assert_eq!(got.bold(), want.modifier.contains(Modifier::BOLD), "bold at ({x},{y})");
                }
                assert_eq!(got.bgcolor(), colour(want.bg), "bg at ({x},{y})");
                assert_eq!(got.inverse(), want.modifier.contains(Modifier::REVERSED), "reverse at ({x},{y})");
                assert_eq!(
                    got.underline(),
                    want.modifier.contains(Modifier::UNDERLINED),
                    "underline at ({x},{y})"
                );
            }
        }
    }

    fn board(selected: u16) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, 30, 4));
        for row in 0..4u16 {
            buf.set_string(0, row, format!("#{row} a card title"), Style::new().fg(Color::Gray));
            buf.set_string(18, row, "□ 3", Style::new().fg(Color::DarkGray));
            buf.set_string(22, row, "é→✓", Style::new());
        }
        buf.set_style(
            Rect::new(0, selected, 30, 1),
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        );
        buf
    }

    #[test]
    fn the_terminal_shows_the_frame_asked_for() {
        let (before, after) = (board(0), board(2));
        let (_, parser) = frames(&[before, after.clone()]);
        assert_shows(&parser, &after);
        assert!(parser.screen().hide_cursor(), "the cursor stays hidden");
    }

    #[test]
    fn a_frame_costs_its_changed_cells_and_little_more() {
        let (bytes, _) = frames(&[board(0), board(2)]);
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("?25l"), "the cursor is hidden once: {text:?}");
        assert!(!text.contains("38;5;"), "classic colour codes: {text:?}");
        // Two rows of 30 cells change (one loses the bar, one gains it), with a few multi-byte
        // marks: the bytes stay close to the cells.
        assert!(bytes.len() < 2 * 30 + 2 * 12 + 40, "{} bytes: {text:?}", bytes.len());
    }

    #[test]
    fn a_short_gap_is_written_again_rather_than_stepped_over() {
        let mut before = Buffer::empty(Rect::new(0, 0, 10, 1));
        before.set_string(0, 0, "abcdef", Style::new());
        let mut after = before.clone();
        after.set_string(0, 0, "x", Style::new());
        after.set_string(2, 0, "y", Style::new());
        let (bytes, parser) = frames(&[before, after.clone()]);
        assert_eq!(String::from_utf8_lossy(&bytes).replace('\x1b', "^"), "^[1Hxby");
        assert_shows(&parser, &after);
    }

    #[test]
    fn a_clear_starts_from_the_plain_style() {
        let mut writer = FrameWriter::new(Vec::new(), true);
        let mut buf = Buffer::empty(Rect::new(0, 0, 3, 1));
        buf.set_string(0, 0, "x", Style::new().bg(Color::Indexed(196)));
        writer.draw(Buffer::empty(buf.area).diff(&buf).into_iter()).expect("draw");
        writer.clear().expect("clear");
        writer.flush().expect("flush");
        let text = String::from_utf8_lossy(writer.output()).replace('\x1b', "^");
        assert_eq!(text, "^[1H^[0;101mx^[m^[2J");
    }

    /// One cell of a random frame: a symbol and a look. Symbols are one column wide: where a
    /// narrow symbol overwrites half of a wide one, what the terminal shows in the other half is
    /// ratatui's diff's business, not the writer's (its own backend does the same).
    fn any_cell() -> impl Strategy<Value = (u16, u16, &'static str, Style)> {
        let symbols = prop::sample::select(vec![" ", "a", "Z", "□", "é", "━"]);
        let colours = prop::sample::select(vec![Color::Reset, Color::Red, Color::Gray, Color::Indexed(200)]);
        let modifiers = prop::sample::select(vec![
            Modifier::empty(),
            Modifier::BOLD,
            Modifier::REVERSED,
            Modifier::UNDERLINED | Modifier::BOLD,
        ]);
        (0..12u16, 0..3u16, symbols, colours.clone(), colours, modifiers)
            .prop_map(|(x, y, s, fg, bg, m)| (x, y, s, Style::new().fg(fg).bg(bg).add_modifier(m)))
    }

    proptest! {
        /// Whatever the frames, after each one the terminal shows exactly that frame.
        #[test]
        fn any_sequence_of_frames_reaches_the_screen_whole(
            changes in prop::collection::vec(prop::collection::vec(any_cell(), 0..20), 1..6)
        ) {
            let mut frame = Buffer::empty(Rect::new(0, 0, 12, 3));
            let mut sequence = Vec::new();
            for change in changes {
                for (x, y, symbol, style) in change {
                    frame.set_string(x, y, symbol, style);
                }
                sequence.push(frame.clone());
            }
            let (_, parser) = frames(&sequence);
            assert_shows(&parser, &frame);
        }
    }
}
