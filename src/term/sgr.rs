//! Select Graphic Rendition: the shortest escape sequence that takes the terminal from one cell
//! style to the next. Over SSH every byte of a frame is latency (docs/ARCHITECTURE.md, "The
//! terminal"), so colours use the classic codes where they exist (`ESC[31m`, not
//! `ESC[38;5;1m`), attributes and colours share one sequence, and a reset is used where it is
//! shorter than undoing attributes one by one.

use ratatui::style::{Color, Modifier};

/// The look of one cell, as far as the terminal is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pen {
    pub fg: Color,
    pub bg: Color,
    pub underline: Color,
    pub modifier: Modifier,
}

impl Pen {
    /// The terminal's default: no colour, no attribute.
    pub const PLAIN: Pen =
        Pen { fg: Color::Reset, bg: Color::Reset, underline: Color::Reset, modifier: Modifier::empty() };
}

/// Which colour of a cell a code sets.
#[derive(Clone, Copy)]
enum Layer {
    Fg,
    Bg,
    Underline,
}

/// Attributes with the code that sets each and the one that clears it (22 clears bold and dim).
const ATTRIBUTES: [(Modifier, u8, u8); 9] = [
    (Modifier::BOLD, 1, 22),
    (Modifier::DIM, 2, 22),
    (Modifier::ITALIC, 3, 23),
    (Modifier::UNDERLINED, 4, 24),
    (Modifier::SLOW_BLINK, 5, 25),
    (Modifier::RAPID_BLINK, 6, 25),
    (Modifier::REVERSED, 7, 27),
    (Modifier::HIDDEN, 8, 28),
    (Modifier::CROSSED_OUT, 9, 29),
];

/// Appends to `out` the sequence that turns `from` (`None`: not known) into `to` (nothing when
/// they are equal). `basic` writes every colour as the nearest of the classic 16 (a terminal with
/// fewer than 256 colours).
pub fn transition(from: Option<Pen>, to: Pen, basic: bool, out: &mut Vec<u8>) {
    if from == Some(to) {
        return;
    }
    let fresh = params(vec![0], to, Pen::PLAIN, basic);
    let shorter = match from {
        Some(from) => {
            let step = params(step_by_step(from, to), to, from, basic);
            if fresh.len() < step.len() { fresh } else { step }
        }
        None => fresh,
    };
    out.extend_from_slice(b"\x1b[");
    // `ESC[m` is `ESC[0m`: a missing parameter is zero.
    if shorter != "0" {
        out.extend_from_slice(shorter.as_bytes());
    }
    out.push(b'm');
}

/// The attribute codes that take `from`'s attributes to `to`'s, one by one.
fn step_by_step(from: Pen, to: Pen) -> Vec<u8> {
    let (off, on) = (from.modifier - to.modifier, to.modifier - from.modifier);
    let mut codes: Vec<u8> = Vec::new();
    for (flag, _, clear) in ATTRIBUTES {
        if off.contains(flag) && !codes.contains(&clear) {
            codes.push(clear);
        }
    }
    // 22 and 25 clear a pair: whatever of the pair stays is set again.
    let cleared = codes.clone();
    for (flag, set, clear) in ATTRIBUTES {
        if on.contains(flag) || (cleared.contains(&clear) && to.modifier.contains(flag)) {
            codes.push(set);
        }
    }
    codes
}

/// `codes`, then the colours of `to` that differ from `had`, as one parameter list.
fn params(codes: Vec<u8>, to: Pen, had: Pen, basic: bool) -> String {
    let mut list: Vec<String> = codes.iter().map(u8::to_string).collect();
    if codes == [0] {
        list.extend(
            ATTRIBUTES
                .iter()
                .filter(|(flag, ..)| to.modifier.contains(*flag))
                .map(|(_, set, _)| set.to_string()),
        );
    }
    for (layer, want, have) in [
        (Layer::Fg, to.fg, had.fg),
        (Layer::Bg, to.bg, had.bg),
        (Layer::Underline, to.underline, had.underline),
    ] {
        if want != have {
            list.push(colour(layer, want, basic));
        }
    }
    list.join(";")
}

/// One colour's parameters.
fn colour(layer: Layer, colour: Color, basic: bool) -> String {
    let index = match colour {
        Color::Reset => {
            return match layer {
                Layer::Fg => "39",
                Layer::Bg => "49",
                Layer::Underline => "59",
            }
            .to_string();
        }
        Color::Indexed(i) if basic => super::colours::indexed_to_basic(i),
        Color::Rgb(r, g, b) if basic => super::colours::rgb_to_basic(r, g, b),
        Color::Rgb(r, g, b) => return format!("{};2;{r};{g};{b}", extended(layer)),
        Color::Indexed(i) if i >= 16 => return format!("{};5;{i}", extended(layer)),
        Color::Indexed(i) => i,
        named => named_index(named),
    };
    match (layer, index) {
        (Layer::Underline, i) => format!("58;5;{i}"),
        (Layer::Fg, i @ 0..8) => (30 + u16::from(i)).to_string(),
        (Layer::Fg, i) => (82 + u16::from(i)).to_string(),
        (Layer::Bg, i @ 0..8) => (40 + u16::from(i)).to_string(),
        (Layer::Bg, i) => (92 + u16::from(i)).to_string(),
    }
}

/// The code that introduces a 256-colour or RGB colour for `layer`.
fn extended(layer: Layer) -> u8 {
    match layer {
        Layer::Fg => 38,
        Layer::Bg => 48,
        Layer::Underline => 58,
    }
}

/// A named colour's place among the classic 16 (as the 256-colour palette numbers them).
fn named_index(colour: Color) -> u8 {
    match colour {
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        _ => 15,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seq(from: Pen, to: Pen, basic: bool) -> String {
        let mut out = Vec::new();
        transition(Some(from), to, basic, &mut out);
        String::from_utf8_lossy(&out).replace('\x1b', "^")
    }

    fn pen(fg: Color, bg: Color, modifier: Modifier) -> Pen {
        Pen { fg, bg, underline: Color::Reset, modifier }
    }

    #[test]
    fn colours_take_the_classic_codes_and_share_one_sequence_with_attributes() {
        let plain = Pen::PLAIN;
        assert_eq!(seq(plain, plain, false), "");
        assert_eq!(seq(plain, pen(Color::Red, Color::Reset, Modifier::BOLD), false), "^[1;31m");
        assert_eq!(
            seq(plain, pen(Color::Indexed(8), Color::LightYellow, Modifier::empty()), false),
            "^[90;103m"
        );
        assert_eq!(
            seq(plain, pen(Color::Indexed(208), Color::Reset, Modifier::empty()), false),
            "^[38;5;208m"
        );
        assert_eq!(
            seq(plain, pen(Color::Rgb(1, 2, 3), Color::Reset, Modifier::empty()), false),
            "^[38;2;1;2;3m"
        );
        assert_eq!(seq(plain, pen(Color::Indexed(196), Color::Reset, Modifier::empty()), true), "^[91m");
    }

    #[test]
    fn a_reset_is_used_where_it_is_shorter() {
        let bold_red = pen(Color::Red, Color::Reset, Modifier::BOLD | Modifier::REVERSED);
        assert_eq!(seq(bold_red, Pen::PLAIN, false), "^[m");
        // Clearing bold keeps dim: 22 clears both, so dim is set again (or all is reset).
        let both = pen(Color::Red, Color::Reset, Modifier::BOLD | Modifier::DIM);
        assert_eq!(seq(both, pen(Color::Red, Color::Reset, Modifier::DIM), false), "^[22;2m");
        assert_eq!(seq(both, pen(Color::Reset, Color::Reset, Modifier::DIM), false), "^[0;2m");
        // Only the colour changes: no attribute is touched.
        let red = pen(Color::Red, Color::Reset, Modifier::BOLD);
        assert_eq!(seq(red, pen(Color::Green, Color::Reset, Modifier::BOLD), false), "^[32m");
        assert_eq!(seq(red, pen(Color::Reset, Color::Reset, Modifier::BOLD), false), "^[39m");
    }

    /// Every transition, replayed on a terminal emulator, leaves the cell styled as asked (bold
    /// and dim together are left out: the emulator, like many terminals, shows one intensity).
    #[test]
    fn every_transition_lands_on_the_style_asked_for() {
        let colours = [Color::Reset, Color::Red, Color::LightCyan, Color::Indexed(3), Color::Indexed(200)];
        let modifiers = [
            Modifier::empty(),
            Modifier::BOLD,
            Modifier::DIM,
            Modifier::REVERSED | Modifier::UNDERLINED,
            Modifier::BOLD | Modifier::ITALIC | Modifier::REVERSED,
        ];
        let pens: Vec<Pen> = colours
            .iter()
            .flat_map(|fg| colours.iter().map(move |bg| (*fg, *bg)))
            .flat_map(|(fg, bg)| modifiers.iter().map(move |m| pen(fg, bg, *m)))
            .collect();
        for from in &pens {
            for to in &pens {
                let mut bytes = Vec::new();
                transition(None, *from, false, &mut bytes);
                transition(Some(*from), *to, false, &mut bytes);
                bytes.push(b'x');
                let mut parser = vt100::Parser::new(
                    std::num::NonZero::<u16>::MIN,
                    std::num::NonZero::<u16>::MIN.saturating_add(1),
                    0,
                );
                parser.process(&bytes);
                let cell = parser.screen().cell(0, 0).cloned();
                let cell = cell.as_ref().expect("a cell");
                let want = |c: Color| match c {
                    Color::Reset => vt100::Color::Default,
                    Color::Indexed(i) => vt100::Color::Idx(i),
                    named => vt100::Color::Idx(named_index(named)),
                };
                assert_eq!(cell.fgcolor(), want(to.fg), "{from:?} -> {to:?}");
                assert_eq!(cell.bgcolor(), want(to.bg), "{from:?} -> {to:?}");
                assert_eq!(cell.bold(), to.modifier.contains(Modifier::BOLD), "{from:?} -> {to:?}");
                assert_eq!(cell.dim(), to.modifier.contains(Modifier::DIM), "{from:?} -> {to:?}");
                assert_eq!(cell.inverse(), to.modifier.contains(Modifier::REVERSED), "{from:?} -> {to:?}");
                assert_eq!(cell.italic(), to.modifier.contains(Modifier::ITALIC), "{from:?} -> {to:?}");
                assert_eq!(
                    cell.underline(),
                    to.modifier.contains(Modifier::UNDERLINED),
                    "{from:?} -> {to:?}"
                );
            }
        }
    }
}
