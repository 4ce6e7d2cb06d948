//! The board in the terminal: load before touching the terminal, then a loop that draws only
//! after something changed and blocks on input otherwise; the terminal is restored on every exit.

use std::io::IsTerminal;
use std::path::Path;

use anyhow::{Context, Result, bail};
use crossterm::event::{self, Event, KeyEventKind};
use ratatui::DefaultTerminal;

use crate::app::App;
use crate::app::keymap::Keymap;
use crate::app::status::Status;
use crate::clock;
use crate::domain::Timestamp;
use crate::store::Store;
use crate::ui::Screen;
use crate::ui::theme::Theme;

pub fn run(path: &Path, now: Timestamp) -> Result<()> {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        bail!("the board needs a terminal; without one, use a command such as `twotrack list` (see --help)");
    }
    // A board that cannot be read is reported before the terminal is touched.
    let opened = Store::open(path, now)?;
    let mut app = App::new(opened.board, opened.store, Keymap::default_keymap(), now);
    if opened.created {
        app.set_status(Status::info(format!(
            "new board created from the starter board at {}",
            path.display()
        )));
    }
    let mut screen = Screen::new(Theme::standard());
    // Sets a panic hook that restores the terminal before the panic message prints.
    let mut terminal = ratatui::try_init().context("cannot set up the terminal")?;
    let result = event_loop(&mut terminal, &mut app, &mut screen);
    let _ = terminal.show_cursor();
    ratatui::restore();
    if let Some(note) = app.exit_note() {
        eprintln!("twotrack: {note}");
    }
    result
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App, screen: &mut Screen) -> Result<()> {
    let mut dirty = true;
    loop {
        if dirty {
            terminal.draw(|frame| screen.render(app, frame)).context("cannot draw the board")?;
            dirty = false;
        }
        match event::read().context("cannot read from the terminal")? {
            Event::Key(key) if key.kind == KeyEventKind::Press => {
                app.set_now(clock::now()?);
                app.handle_key(key);
                dirty = true;
            }
            Event::Resize(..) => dirty = true,
            _ => {}
        }
        if app.should_quit() {
            return Ok(());
        }
    }
}
