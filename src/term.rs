//! The terminal the board runs in: what it can show (UTF-8 or only ASCII, 16 colours or more),
//! setting it up (raw mode, alternate screen, bracketed paste, the mouse) and restoring it on
//! every way out, panics included.
//!
//! Colours: the themes use the 16 basic colours, which crossterm writes as 256-colour codes
//! (`ESC[38;5;3m`). A terminal that says it has fewer than 256 colours gets the classic codes
//! (`ESC[33m`) instead, through [`Output`], so an old xterm or the Linux console shows them right.

use std::io::{self, Stdout, Write};

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

/// What the terminal can show, as the environment tells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Capabilities {
    /// Only ASCII reaches the screen intact (the locale is not UTF-8, or the Linux console).
    pub ascii: bool,
    /// Fewer than 256 colours: colours are written with the classic 16-colour codes.
    pub basic_colours: bool,
}

impl Capabilities {
    /// From the process environment.
    pub fn detect() -> Capabilities {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        Capabilities::from_env(
            var("LC_ALL").or_else(|| var("LC_CTYPE")).or_else(|| var("LANG")).as_deref(),
            var("TERM").as_deref(),
            var("COLORTERM").as_deref(),
        )
    }

    /// `locale` is the first of `LC_ALL`, `LC_CTYPE`, `LANG` that is set.
    pub fn from_env(locale: Option<&str>, term: Option<&str>, colorterm: Option<&str>) -> Capabilities {
        let utf8 = locale.is_some_and(|l| {
            let l = l.to_ascii_lowercase();
            l.contains("utf-8") || l.contains("utf8")
        });
        let term = term.unwrap_or("");
        // The Linux console's fonts lack the marks (□ ✓ ↳) even in a UTF-8 locale.
        let ascii = !utf8 || term == "linux";
        let many = colorterm.is_some_and(|c| c == "truecolor" || c == "24bit")
            || ["256color", "truecolor", "direct", "kitty", "alacritty", "foot", "wezterm"]
                .iter()
                .any(|t| term.contains(t));
        Capabilities { ascii, basic_colours: !many }
    }
}

/// Where the frames go: standard output, with 256-colour codes for the first 16 colours turned
/// into the classic codes on a terminal with fewer colours. Bytes are held until a flush, so
/// every escape sequence is rewritten whole.
pub struct Output {
    out: Stdout,
    pending: Vec<u8>,
    basic_colours: bool,
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let bytes = std::mem::take(&mut self.pending);
        if self.basic_colours {
            self.out.write_all(&basic_colours(&bytes))?;
        } else {
            self.out.write_all(&bytes)?;
        }
        self.out.flush()
    }
}

/// `bytes` with every SGR colour of the 256-colour or RGB forms written in the 16-colour codes
/// (30–37, 90–97 for the foreground; 40–47, 100–107 for the background).
pub fn basic_colours(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(b"\x1b[")
            && let Some(len) = bytes[i + 2..].iter().position(|b| !(b.is_ascii_digit() || *b == b';'))
            && bytes[i + 2 + len] == b'm'
        {
            let params = String::from_utf8_lossy(&bytes[i + 2..i + 2 + len]).into_owned();
            out.extend_from_slice(b"\x1b[");
            out.extend_from_slice(rewrite_sgr(&params).as_bytes());
            out.push(b'm');
            i += len + 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

fn rewrite_sgr(params: &str) -> String {
    let numbers: Vec<u32> = params.split(';').map(|p| p.parse().unwrap_or(0)).collect();
    let mut out: Vec<u32> = Vec::new();
    let mut i = 0;
    while i < numbers.len() {
        let n = numbers[i];
        let (base, bright) = match n {
            38 => (30, 90),
            48 => (40, 100),
            _ => {
                out.push(n);
                i += 1;
                continue;
            }
        };
        let colour = match numbers.get(i + 1) {
            Some(5) => {
                i += 3;
                numbers.get(i - 1).map(|c| indexed_to_basic(*c))
            }
            Some(2) => {
                i += 5;
                let rgb = numbers.get(i - 3..i).unwrap_or(&[0, 0, 0]);
                Some(rgb_to_basic(rgb[0], rgb[1], rgb[2]))
            }
            _ => {
                i += 1;
                None
            }
        };
        match colour {
            Some(c) if c < 8 => out.push(base + c),
            Some(c) => out.push(bright + c - 8),
            None => out.push(if base == 30 { 39 } else { 49 }),
        }
    }
    out.iter().map(u32::to_string).collect::<Vec<_>>().join(";")
}

/// A colour of the 256-colour palette as the nearest of the first 16.
fn indexed_to_basic(index: u32) -> u32 {
    match index {
        0..=15 => index,
        16..=231 => {
            let cube = index - 16;
            let level = |v: u32| if v == 0 { 0 } else { 55 + v * 40 };
            rgb_to_basic(level(cube / 36), level(cube / 6 % 6), level(cube % 6))
        }
        _ => {
            let grey = 8 + (index - 232) * 10;
            rgb_to_basic(grey, grey, grey)
        }
    }
}

/// The basic colour nearest to an RGB colour (by the xterm defaults of the 16).
fn rgb_to_basic(r: u32, g: u32, b: u32) -> u32 {
    const PALETTE: [(u32, u32, u32); 16] = [
        (0, 0, 0),
        (205, 0, 0),
        (0, 205, 0),
        (205, 205, 0),
        (0, 0, 238),
        (205, 0, 205),
        (0, 205, 205),
        (229, 229, 229),
        (127, 127, 127),
        (255, 0, 0),
        (0, 255, 0),
        (255, 255, 0),
        (92, 92, 255),
        (255, 0, 255),
        (0, 255, 255),
        (255, 255, 255),
    ];
    let distance =
        |(pr, pg, pb): (u32, u32, u32)| pr.abs_diff(r).pow(2) + pg.abs_diff(g).pow(2) + pb.abs_diff(b).pow(2);
    (0..16).min_by_key(|i| distance(PALETTE[*i as usize])).unwrap_or(7)
}

pub type Screen = Terminal<CrosstermBackend<Output>>;

/// Raw mode, the alternate screen, bracketed paste and (when asked) the mouse; a panic hook
/// restores the terminal before the panic message prints.
pub fn setup(capabilities: Capabilities, mouse: bool) -> io::Result<Screen> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore(true);
        hook(info);
    }));
    enable_raw_mode()?;
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, EnableBracketedPaste)?;
    if mouse {
        execute!(out, EnableMouseCapture)?;
    }
    let output = Output { out, pending: Vec::new(), basic_colours: capabilities.basic_colours };
    Terminal::new(CrosstermBackend::new(output))
}

/// Takes the terminal back after another program had it (the user's editor): raw mode, the
/// alternate screen, bracketed paste and the mouse as [`setup`] left them.
pub fn resume(mouse: bool) -> io::Result<()> {
    enable_raw_mode()?;
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, EnableBracketedPaste)?;
    if mouse {
        execute!(out, EnableMouseCapture)?;
    }
    Ok(())
}

/// Leaves the terminal as it was found (every step is tried even if one fails).
pub fn restore(mouse: bool) {
    let mut out = io::stdout();
    if mouse {
        let _ = execute!(out, DisableMouseCapture);
    }
    let _ = disable_raw_mode();
    let _ = execute!(out, DisableBracketedPaste, LeaveAlternateScreen, crossterm::cursor::Show);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_locale_and_term_decide() {
        let caps = |l, t, c| Capabilities::from_env(l, t, c);
        assert!(!caps(Some("en_US.UTF-8"), Some("xterm-256color"), None).ascii);
        assert!(!caps(Some("C.utf8"), Some("xterm-256color"), None).basic_colours);
        assert!(caps(Some("C"), Some("xterm-256color"), None).ascii);
        assert!(caps(None, Some("xterm-256color"), None).ascii, "no locale is the C locale");
        assert!(caps(Some("en_US.UTF-8"), Some("linux"), None).ascii);
        assert!(caps(Some("en_US.UTF-8"), Some("xterm"), None).basic_colours);
        assert!(!caps(Some("en_US.UTF-8"), Some("xterm"), Some("truecolor")).basic_colours);
    }

    #[test]
    fn colour_codes_become_the_sixteen_classic_ones() {
        let out = basic_colours(
            b"a\x1b[38;5;3mb\x1b[48;5;9m\x1b[1;38;5;8;48;5;0mc\x1b[39m\x1b[2J\x1b[38;2;250;250;250m",
        );
        assert_eq!(String::from_utf8_lossy(&out), "a\x1b[33mb\x1b[101m\x1b[1;90;40mc\x1b[39m\x1b[2J\x1b[97m");
        assert_eq!(indexed_to_basic(196), 9);
        assert_eq!(indexed_to_basic(232), 0);
    }
}
