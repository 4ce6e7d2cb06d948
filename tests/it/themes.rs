//! Themes: monochrome carries no colour at all, `NO_COLOR` selects it (no colour escapes reach
//! the terminal), the default theme keeps to the 16 basic colours, and presenter mode shows the
//! selected item's details.

use crate::common;

use crate::common::pty::Pty;
use crate::common::{Sandbox, app_on_starter, press};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;
use twotrack::app::App;
use twotrack::ui::Screen;
use twotrack::ui::theme::Theme;

fn draw(app: &App, theme: Theme, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    let mut screen = Screen::new(theme);
    terminal.draw(|f| screen.render(app, f)).expect("draw");
    terminal
}

fn colours(terminal: &Terminal<TestBackend>) -> Vec<Color> {
    terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .flat_map(|c| [c.fg, c.bg])
        .filter(|c| *c != Color::Reset)
        .collect()
}

#[test]
fn monochrome_board_80x24() {
    let (_s, app) = app_on_starter();
    let terminal = draw(&app, Theme::monochrome(), 80, 24);
    assert!(colours(&terminal).is_empty(), "monochrome uses no colour");
    insta::assert_snapshot!(terminal.backend().to_string());
}

#[test]
fn monochrome_capacity_view_and_presenter_mode_have_no_colour_either() {
    let (_s, mut app) = app_on_starter();
    press(&mut app, "c");
    assert!(colours(&draw(&app, Theme::monochrome(), 120, 40)).is_empty());
    press(&mut app, "Esc P");
    assert!(app.presenting());
    assert!(colours(&draw(&app, Theme::monochrome(), 120, 40)).is_empty(), "presenter mode stays monochrome");
}

#[test]
fn the_default_and_presenter_themes_use_only_the_sixteen_basic_colours() {
    let (_s, mut app) = app_on_starter();
    for presenting in [false, true] {
        if presenting {
            press(&mut app, "P");
        }
        for colour in colours(&draw(&app, Theme::standard(), 160, 48)) {
            assert!(
                !matches!(colour, Color::Rgb(..) | Color::Indexed(_)),
                "{colour:?} needs more than 16 colours"
            );
        }
    }
}

#[test]
fn presenter_mode_100x30_shows_the_selected_items_details() {
    let (_s, mut app) = app_on_starter();
    press(&mut app, "j P");
    let terminal = draw(&app, Theme::standard(), 100, 30);
    let text = terminal.backend().to_string();
    assert!(text.contains("#5 Export the board to CSV"), "{text}");
    assert!(text.contains("feature · stage one · Ready (delivery track) · 5 pt · #export"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn no_color_keeps_colour_escapes_off_the_terminal() {
    let s = Sandbox::new().with_starter();
    let mut pty = Pty::spawn(&s.board, &[], 100, 30, &[("NO_COLOR", "1")]);
    pty.wait_for("Welcome");
    pty.keys(&["l", "c", "\x1b", "P", "?", "\x1b", "q"]);
    assert!(pty.wait_exit());
    let raw = String::from_utf8_lossy(&pty.raw()).into_owned();
    // 30-37/40-47/90-97/100-107 set a colour, 38/48 an indexed or RGB one; 39/49 reset it.
    let colour_codes: Vec<Vec<u32>> = common::pty::sgr_sequences(&pty.raw())
        .into_iter()
        .filter(|params| params.iter().any(|p| matches!(p, 30..=38 | 40..=48 | 90..=97 | 100..=107)))
        .collect();
    assert!(colour_codes.is_empty(), "colour escapes with NO_COLOR: {colour_codes:?}");
    assert!(raw.contains("\x1b[1m") || raw.contains("\x1b[7m"), "bold or reverse still carry the structure");
}

#[test]
fn an_unknown_theme_is_a_clear_error() {
    let s = Sandbox::new().with_starter();
    let mut pty = Pty::spawn(&s.board, &["--theme", "neon"], 80, 24, &[]);
    assert!(!pty.wait_exit());
    assert!(
        pty.screen().contains("there is no theme `neon` (the themes are default, presenter, monochrome)")
    );
}
