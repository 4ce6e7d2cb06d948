//! The board in the terminal: load before touching the terminal, then a loop that waits for a
//! key, a resize or a change of the board file (no timer: an idle board writes nothing) and
//! draws only after something changed; the terminal is restored on every exit.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};

use anyhow::{Context, Result, bail};
use crossterm::event::{self, Event, KeyEventKind};
use notify::{RecommendedWatcher, RecursiveMode, Watcher};
use ratatui::DefaultTerminal;

use crate::app::App;
use crate::app::keymap::Keymap;
use crate::app::status::Status;
use crate::clock;
use crate::domain::Timestamp;
use crate::store::{BoardLock, Store, atomic, merge_note};
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
    /// The process was asked to stop (`kill`, a hang-up): quit cleanly.
    Stop,
}

pub fn run(path: &Path, now: Timestamp, options: Options) -> Result<()> {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        bail!("the board needs a terminal; without one, use a command such as `twotrack list` (see --help)");
    }
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = Theme::choose(options.theme.as_deref(), no_color).map_err(anyhow::Error::msg)?;
    // A board that cannot be read is reported before the terminal is touched.
    let opened = Store::open(path, now)?;
    let access = opened.store.write_access();
    let writable = !options.readonly && access.is_ok();
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
    match merge_note(path, writable) {
        Ok(entries) => app.show_merge_note(entries),
        Err(err) => {
            app.set_status(Status::warning(format!("the note of a git merge cannot be read: {err:#}")))
        }
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
        eprintln!("twotrack: {note}");
    }
    result
}

/// The note a git merge left beside the board (README "A board in git"): taken into the journal
/// and removed by a session that can write, only read by one that cannot.
fn merge_note(path: &Path, writable: bool) -> Result<Vec<crate::domain::activity::Entry>> {
    if !merge_note::path(path).exists() {
        return Ok(Vec::new());
    }
    if !writable {
        return merge_note::read(path);
    }
    let lock = BoardLock::acquire(path)?;
    merge_note::take(path, &lock)
}

/// Watches the board's directory: an atomic save replaces the file, so watching the file itself
/// would lose track of it after the first save.
fn watch(path: &Path, sender: Sender<Message>) -> Result<RecommendedWatcher> {
    let dir: PathBuf = atomic::directory_of(path).to_path_buf();
    let name = path.file_name().map(ToOwned::to_owned);
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event
            && event.paths.iter().any(|p| p.file_name() == name.as_deref())
        {
            let _ = sender.send(Message::BoardFile);
        }
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
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP, SIGQUIT]) else {
        return;
    };
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            let _ = sender.send(Message::Stop);
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

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    screen: &mut Screen,
    messages: &Receiver<Message>,
) -> Result<()> {
    let mut dirty = true;
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
                Message::Stop => app.stop(),
            }
            if app.should_quit() {
                return Ok(());
            }
        }
        if file_changed && app.file_changed() {
            dirty = true;
        }
    }
}
