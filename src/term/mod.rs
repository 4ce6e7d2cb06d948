//! The terminal the board runs in: what it can show (UTF-8 or only ASCII, 16 colours or more),
//! setting it up (raw mode, alternate screen, bracketed paste, the mouse) and restoring it on
//! every way out, panics included. Frames reach it through [`writer::FrameWriter`], in as few
//! bytes as the changed cells allow; a terminal that says it has fewer than 256 colours gets every
//! colour in the classic 16-colour codes (`ESC[33m`), so an old xterm or the Linux console shows
//! them right.

mod colours;
mod sgr;
mod shadow;
pub mod writer;

use std::io::{self, Stdout};

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::style::{Attribute, SetAttribute};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use ratatui::Terminal;

use writer::FrameWriter;

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

pub type Screen = Terminal<FrameWriter<Stdout>>;

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
    // A cleared screen is one the frame writer knows cell by cell (the writer's own clear: the
    // terminal's would ask where the cursor is, and may wait for the answer).
    let mut writer = FrameWriter::new(out, capabilities.basic_colours);
    ratatui::backend::Backend::clear(&mut writer)?;
    Terminal::new(writer)
}

/// Takes the terminal back after another program had it (the user's editor): raw mode, the
/// alternate screen, bracketed paste and the mouse as [`setup`] left them. The other program drew,
/// moved the cursor and showed it, so the frame writer assumes nothing of the screen any more.
pub fn resume(screen: &mut Screen, mouse: bool) -> io::Result<()> {
    screen.backend_mut().forget();
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
    // A frame leaves the terminal in its last cell's style: back to the plain one first.
    let _ = execute!(
        out,
        SetAttribute(Attribute::Reset),
        DisableBracketedPaste,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
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
}
