//! The board in the terminal: load before touching the terminal, then a loop that waits for a
//! key, a resize or a change of the board file (no timer: an idle board writes nothing) and
//! draws only after something changed; the terminal is restored on every exit.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::{self, Receiver, Sender};

use anyhow::{Context, Result, bail};
use crossterm::event::{self, Event, KeyEventKind};
use notify::{RecommendedWatcher, RecursiveMode, Watcher};
use ratatui::DefaultTerminal;

use crate::app::App;
use crate::app::keymap::Keymap;
use crate::app::saver::SaveState;
use crate::app::status::Status;
use crate::clock;
use crate::domain::Timestamp;
use crate::store::location::BoardPath;
use crate::store::{Opened, Store, atomic};
use crate::ui::Screen;
use crate::ui::theme::Theme;

/// How the board screen starts.
#[derive(Debug, Default)]
pub struct Options {
    pub readonly: bool,
    pub presenter: bool,
    pub theme: Option<String>,
}

/// What the loop waits for.
enum Message {
    Terminal(Event),
    TerminalGone(std::io::Error),
    /// Something happened to the board file (maybe our own save).
    BoardFile,
    /// The process was asked to stop by this signal (`kill`, a hang-up): quit cleanly.
    Stop(i32),
}

/// Runs the board screen on the board at `location` until the user quits; the exit status says
/// whether the session ended cleanly (README, "Exit status").
pub fn run(location: &BoardPath, now: Timestamp, options: Options) -> Result<ExitCode> {
    let path = location.path.as_path();
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        bail!("the board needs a terminal; without one, use a command such as `twotrack list` (see --help)");
    }
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = Theme::choose(options.theme.as_deref(), no_color).map_err(anyhow::Error::msg)?;
    // A board that cannot be read is reported before the terminal is touched. Only the default
    // board is created here (a mistyped --file must not quietly start a new board).
    if location.default && !path.exists() {
        Store::prepare_directory(path)?;
    }
    let opened =
        if location.default { Store::open(path, now)? } else { Store::load(path).map(Opened::from)? };
    let access = opened.store.write_access();
    let mut app = App::new(opened.board, opened.store, Keymap::default_keymap(), now);
    if opened.created {
        app.set_status(Status::info(format!(
            "new board created from the starter board at {}",
            path.display()
        )));
    }
    if options.readonly {
        app = app.read_only("started with --readonly".into());
    } else if let Err(reason) = access {
        app = app.read_only(reason);
    }
    if options.presenter {
        app = app.presenter();
    }
    let (sender, messages) = mpsc::channel();
    let _watcher = match watch(path, sender.clone()) {
        Ok(watcher) => Some(watcher),
        Err(err) => {
            app.set_status(Status::warning(format!("not following changes by others: {err:#}")));
            None
        }
    };
    let mut screen = Screen::new(theme);
    // Sets a panic hook that restores the terminal before the panic message prints.
    let mut terminal = ratatui::try_init().context("cannot set up the terminal")?;
    stop_on_signals(sender.clone());
    read_terminal(sender);
    let result = event_loop(&mut terminal, &mut app, &mut screen, &messages);
    let _ = terminal.show_cursor();
    ratatui::restore();
    if let Some(note) = app.exit_note() {
        crate::cli::output::eprintln(&format!("twotrack: {note}"));
    }
    let signal = result?;
    Ok(match (signal, app.saver().state()) {
        (Some(signal), _) => ExitCode::from(u8::try_from(128 + signal).unwrap_or(255)),
        (None, SaveState::Unsaved(_)) => ExitCode::FAILURE,
        (None, _) => ExitCode::SUCCESS,
    })
}

/// Watches the board's directory: an atomic save replaces the file, so watching the file itself
/// would lose track of it after the first save.
fn watch(path: &Path, sender: Sender<Message>) -> Result<RecommendedWatcher> {
    let dir: PathBuf = atomic::directory_of(path).to_path_buf();
    let name = path.file_name().map(ToOwned::to_owned);
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| match event {
        Ok(event) if event.paths.iter().any(|p| p.file_name() == name.as_deref()) => {
            let _ = sender.send(Message::BoardFile);
        }
        Ok(_) => {}
        Err(e) => tracing::warn!(error = %e, "the directory watcher reported an error"),
    })
    .context("cannot watch the board file")?;
    watcher
        .watch(&dir, RecursiveMode::NonRecursive)
        .with_context(|| format!("cannot watch {}", dir.display()))?;
    Ok(watcher)
}

/// Turns SIGTERM, SIGINT, SIGHUP and SIGQUIT into a clean quit, so the terminal is restored and
/// nothing unsaved is lost when someone kills the process or the SSH connection drops.
fn stop_on_signals(sender: Sender<Message>) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let mut signals = match signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP, SIGQUIT]) {
        Ok(signals) => signals,
        Err(e) => {
            tracing::warn!(error = %e, "signals will end the program without a last save");
            return;
        }
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let _ = sender.send(Message::Stop(signal));
        }
    });
}

/// Reads terminal events on a thread of their own, so the loop can wait for them and for file
/// changes at once.
fn read_terminal(sender: Sender<Message>) {
    std::thread::spawn(move || {
        loop {
            let message = match event::read() {
                Ok(event) => Message::Terminal(event),
                Err(err) => Message::TerminalGone(err),
            };
            let gone = matches!(message, Message::TerminalGone(_));
            if sender.send(message).is_err() || gone {
                return;
            }
        }
    });
}

/// Runs until the user quits (`None`) or a signal stops the session (`Some(signal)`).
fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    screen: &mut Screen,
    messages: &Receiver<Message>,
) -> Result<Option<i32>> {
    let mut dirty = true;
    let mut stopped_by = None;
    loop {
        if dirty {
            terminal.draw(|frame| screen.render(app, frame)).context("cannot draw the board")?;
            dirty = false;
        }
        let first = messages.recv().context("the terminal reader stopped")?;
        // Take everything already waiting, so a burst of file events is read once.
        let mut file_changed = false;
        for message in std::iter::once(first).chain(messages.try_iter()) {
            match message {
                Message::Terminal(Event::Key(key)) if key.kind == KeyEventKind::Press => {
                    app.set_now(clock::now()?);
                    app.handle_key(key);
                    dirty = true;
                }
                Message::Terminal(Event::Resize(..)) => dirty = true,
                Message::Terminal(_) => {}
                Message::TerminalGone(err) => return Err(err).context("cannot read from the terminal"),
                Message::BoardFile => file_changed = true,
                Message::Stop(signal) => {
                    stopped_by = Some(signal);
                    app.stop();
                }
            }
            if app.should_quit() {
                return Ok(stopped_by);
            }
        }
        if file_changed && app.file_changed() {
            dirty = true;
        }
    }
}
