//! The board in the terminal: load before touching the terminal, then a loop that waits for a
//! key, a resize, a change of the board file or of who is on the board (no timer while idle:
//! an idle board writes nothing) and draws only after something changed; the terminal is
//! restored on every exit.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;
use std::sync::mpsc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};

use crate::app::App;
use crate::app::input::keymap::Keymap;
use crate::app::input::mouse::Gesture;
use crate::app::status::Status;
use crate::editor::EditorError;
use crate::model::Timestamp;
use crate::reader::Reader;
use crate::session::SaveState;
use crate::store::location::BoardPath;
use crate::store::presence::Sidecar;
use crate::store::user_state::UserState;
use crate::store::{Opened, Store, merge_note};
use crate::term::Capabilities;
use crate::ui::Screen;
use crate::ui::theme::Theme;
use crate::watch::{Change, Watch};
use crate::{clock, editor, term};

/// After a change of presence, the directory is read once more this much later: a killed
/// session's file may tell it closed a moment before the kernel drops its lock.
const RECHECK: Duration = Duration::from_secs(1);

/// How the board screen starts.
#[derive(Debug)]
pub struct Options {
    pub readonly: bool,
    pub presenter: bool,
    pub theme: Theme,
    /// The theme presenter mode switches to.
    pub presenter_theme: Theme,
    /// ASCII borders and marks: always, never, or (`None`) when the locale is not UTF-8.
    pub ascii: Option<bool>,
    /// Clicks and the wheel.
    pub mouse: bool,
    /// After a label (`1`/`2`) the selection stays in place instead of going with the item.
    pub label_keeps_place: bool,
    pub keymap: Keymap,
    /// Something to say on the status line at the start (a problem in the config file).
    pub note: Option<String>,
    /// The author name of this session's changes (and the name others see it under).
    pub author: String,
    /// `--follow [NAME]`: follow the presenter called NAME, else whoever presents.
    pub follow: Option<Option<String>>,
}

/// What the loop waits for.
enum Message {
    Terminal(Event),
    TerminalGone(std::io::Error),
    /// Something happened to the board file (maybe our own save).
    BoardFile,
    /// Someone joined, moved, presents or left (maybe this session itself).
    Presence,
    /// Time to read who is on the board once more after a change.
    Recheck,
    /// The process was asked to stop by this signal (`kill`, a hang-up): quit cleanly.
    Stop(i32),
    /// What the board's writer thread did (`session/worker.rs`).
    Saving(crate::session::worker::Report),
    /// Time for the app's timer (quitting waits for the last save).
    Tick,
    /// The charts' first replay of the journal is over (`app/board/charts.rs`).
    Replayed,
}

/// Runs the board screen; the exit status says whether a signal ended it (128 + the signal) or
/// the last changes could only go to a recovery copy (1).
pub fn run(location: &BoardPath, now: Timestamp, options: Options) -> Result<ExitCode> {
    let path = location.path.as_path();
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        bail!("the board needs a terminal; without one, use a command such as `twotrack list` (see --help)");
    }
    // A board that cannot be read is reported before the terminal is touched. Only the default
    // board is created here (a mistyped --file must not quietly start a new board).
    if location.default && !path.exists() {
        Store::prepare_directory(path)?;
    }
    let opened =
        if location.default { Store::open(path, now)? } else { Store::load(path).map(Opened::from)? };
    let access = opened.store.write_access();
    let writable = !options.readonly && access.is_ok();
    let mut app = App::new(opened.board, opened.store, options.keymap, now)
        .author(options.author.clone())
        .label_keeps_place(options.label_keeps_place);
    if opened.created {
        // One line at 80 columns for the usual data directory: the home directory as `~`.
        app.set_status(Status::info(format!("new starter board: {}", tilde(path))));
    }
    if let Some(note) = options.note {
        app.set_status(Status::warning(note));
    }
    if options.readonly {
        app = app.read_only("started with --readonly".into());
    } else if let Err(reason) = access {
        app = app.read_only(reason.to_string());
    }
    if options.presenter {
        app = app.presenter();
    }
    // Taken into the journal when the lock comes within a second; else shown, left for later.
    match merge_note::at_start(path, writable) {
        Ok(entries) => app.show_merge_note(entries),
        Err(err) => app.set_status(Status::warning(format!(
            "the note of a git merge cannot be read: {}",
            crate::store::error::sentence(&err)
        ))),
    }
    let user_state = UserState::of(path, &options.author);
    app.resume_from(user_state.as_ref());
    app.offer_draft();
    let (sender, messages) = mpsc::channel();
    // The charts' first replay of the journal, on a thread of its own: `C` never waits for it.
    let replayed = sender.clone();
    app.replay_in_background(move || _ = replayed.send(Message::Replayed));
    // Saves from here on run on the writer thread: no key waits for the disk or the lock.
    let saving = sender.clone();
    app.save_in_background(move |report| _ = saving.send(Message::Saving(report)))
        .context("cannot start the board's writer thread")?;
    let sidecar = Sidecar::of(path);
    // Announce first (that creates the presence directory), then watch, then read who is here:
    // nobody who joins meanwhile is missed.
    app.join(&sidecar, options.author);
    let mut watch = start_watch(path, &sidecar, sender.clone(), &mut app);
    app.peers_changed(sidecar.scan(app.presence().session()));
    if let Some(wanted) = options.follow {
        app = app.following(wanted);
    }
    app.announce();
    let capabilities = Capabilities::detect();
    let mut screen = Screen::new(options.theme);
    screen.presenter_theme = options.presenter_theme;
    screen.ascii = options.ascii.unwrap_or(capabilities.ascii);
    screen.basic_colours = capabilities.basic_colours;
    let mut terminal = term::setup(capabilities, options.mouse).context("cannot set up the terminal")?;
    stop_on_signals(sender.clone());
    let reader = read_terminal(sender);
    let mut others = Others { sidecar: &sidecar, watch: watch.as_mut(), recheck: None };
    let mut term = Terminal { screen: &mut terminal, reader, mouse: options.mouse };
    let result = event_loop(&mut term, &mut app, &mut screen, &messages, &mut others);
    if result.is_err() {
        // The terminal is gone: the last save is still waited for (a while), without a screen.
        finish_saves(&mut app, &messages);
    }
    // Leave the board before touching the terminal again: on a dropped connection the terminal
    // is gone, and a failing restore may end the process before anything else runs.
    app.leave();
    app.keep_for_next_time(user_state.as_ref());
    term::restore(options.mouse);
    if let Some(note) = app.exit_note() {
        crate::cli::print::output::eprintln(&format!("twotrack: {note}"));
    }
    let signal = result?;
    Ok(match (signal, app.session().state()) {
        (Some(signal), _) => ExitCode::from(u8::try_from(128 + signal).unwrap_or(255)),
        (None, SaveState::Unsaved(_)) => ExitCode::FAILURE,
        (None, _) => ExitCode::SUCCESS,
    })
}

/// Watches the board file and the presence directory; without a watcher the session still
/// works, and says it does not see others' changes.
fn start_watch(path: &Path, sidecar: &Sidecar, sender: Sender<Message>, app: &mut App) -> Option<Watch> {
    let watch = Watch::start(path, sidecar.dir(), move |change| {
        let _ = sender.send(match change {
            Change::Board => Message::BoardFile,
            Change::Presence => Message::Presence,
        });
    });
    match watch {
        Ok(watch) => Some(watch),
        Err(err) => {
            app.set_status(Status::warning(format!("not following changes by others: {err:#}")));
            None
        }
    }
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

/// Reads terminal events on a thread of their own (`reader.rs`), so the loop can wait for them
/// and for file changes at once.
fn read_terminal(sender: Sender<Message>) -> Reader {
    Reader::start(move |event| {
        let message = match event {
            Ok(event) => Message::Terminal(event),
            Err(err) => Message::TerminalGone(err),
        };
        sender.send(message).is_ok()
    })
}

/// Hands the terminal to the user's editor on `text` and takes it back (`editor.rs`): the reader
/// pauses so that it reads none of the editor's keys, and the screen is drawn afresh after.
fn hand_over(term: &mut Terminal, text: &str) -> Result<Result<String, EditorError>> {
    if !term.reader.pause() {
        term.reader.resume();
        return Ok(Err(EditorError::Busy));
    }
    term::restore(term.mouse);
    let visual = std::env::var("VISUAL").ok();
    let editor = std::env::var("EDITOR").ok();
    let result = editor::edit(&editor::command(visual.as_deref(), editor.as_deref()), text);
    let back = term::resume(term.screen, term.mouse);
    term.reader.resume();
    back.context("cannot take the terminal back from the editor")?;
    // A resize to the current size clears the screen and makes the next frame draw every cell,
    // without asking the terminal where its cursor is (`clear` does, and may wait for it).
    let size = term.screen.size().context("cannot read the terminal's size after the editor")?;
    term.screen.resize(size.into()).context("cannot redraw after the editor")?;
    Ok(result)
}

/// The terminal as the loop uses it: the screen it draws on, the reader of its events, and
/// whether the mouse is on (to turn it back on after the editor).
struct Terminal<'a> {
    screen: &'a mut term::Screen,
    reader: Reader,
    mouse: bool,
}

/// Who is on the board: where to read it, and when to read it once more.
struct Others<'a> {
    sidecar: &'a Sidecar,
    watch: Option<&'a mut Watch>,
    recheck: Option<Instant>,
}

impl Others<'_> {
    /// The next message, or the recheck or the app's `timer` when one is due.
    fn next(&mut self, messages: &Receiver<Message>, timer: Option<Instant>) -> Result<Message> {
        let Some(at) = [self.recheck, timer].into_iter().flatten().min() else {
            return messages.recv().context("the terminal reader stopped");
        };
        match messages.recv_timeout(at.saturating_duration_since(Instant::now())) {
            Ok(message) => Ok(message),
            Err(RecvTimeoutError::Timeout) if self.recheck.is_some_and(|r| r <= Instant::now()) => {
                self.recheck = None;
                Ok(Message::Recheck)
            }
            Err(RecvTimeoutError::Timeout) => Ok(Message::Tick),
            Err(RecvTimeoutError::Disconnected) => bail!("the terminal reader stopped"),
        }
    }

    /// Reads who is on the board (and, after a change, once more in a moment); returns whether
    /// the screen may have changed.
    fn read(&mut self, app: &mut App, again: bool) -> bool {
        if let Some(watch) = self.watch.as_deref_mut() {
            watch.presence_appeared();
        }
        if again {
            self.recheck = Some(Instant::now() + RECHECK);
        }
        app.peers_changed(self.sidecar.scan(app.presence().session()))
    }
}

fn event_loop(
    terminal: &mut Terminal,
    app: &mut App,
    screen: &mut Screen,
    messages: &Receiver<Message>,
    others: &mut Others,
) -> Result<Option<i32>> {
    let mut dirty = true;
    let mut stopped_by = None;
    loop {
        if dirty {
            terminal.screen.draw(|frame| screen.render(app, frame)).context("cannot draw the board")?;
            dirty = false;
        }
        // The frame is out: now the writer gets the change (the board's copy is made here).
        dirty |= app.pump_saves();
        if dirty {
            continue;
        }
        let first = others.next(messages, app.next_timer())?;
        // Take everything already waiting, so a burst of file events is read once.
        let mut file_changed = false;
        let mut presence_changed = None;
        for message in std::iter::once(first).chain(messages.try_iter()) {
            match message {
                Message::Terminal(Event::Key(key)) if key.kind == KeyEventKind::Press => {
                    app.set_now(clock::now()?);
                    app.handle_key(key);
                    if let Some(text) = app.take_editor_request() {
                        let result = hand_over(terminal, &text)?;
                        app.editor_finished(result);
                    }
                    dirty = true;
                }
                Message::Terminal(Event::Paste(text)) => {
                    app.set_now(clock::now()?);
                    app.handle_paste(&text);
                    dirty = true;
                }
                Message::Terminal(Event::Mouse(mouse)) => {
                    let gesture = match mouse.kind {
                        MouseEventKind::Down(MouseButton::Left) => Gesture::Click,
                        MouseEventKind::ScrollDown => Gesture::WheelDown,
                        MouseEventKind::ScrollUp => Gesture::WheelUp,
                        _ => continue,
                    };
                    let target = screen.hit(app, mouse.column, mouse.row);
                    dirty |= app.handle_mouse(target, gesture, std::time::Instant::now());
                }
                Message::Terminal(Event::Resize(..)) => dirty = true,
                Message::Terminal(_) => {}
                Message::TerminalGone(err) => {
                    // The connection dropped: save what can be saved and keep an open form.
                    app.stop();
                    return Err(err).context("cannot read from the terminal");
                }
                Message::BoardFile => file_changed = true,
                Message::Presence => presence_changed = Some(true),
                Message::Recheck => presence_changed = presence_changed.or(Some(false)),
                Message::Stop(signal) => {
                    stopped_by = Some(signal);
                    app.stop();
                    dirty = true;
                }
                Message::Saving(report) => {
                    app.saving_report(report);
                    dirty = true;
                }
                Message::Tick => {
                    app.tick();
                    dirty = true;
                }
                Message::Replayed => dirty |= app.replay_finished(),
            }
            if app.should_quit() {
                return Ok(stopped_by);
            }
        }
        if file_changed && app.file_changed() {
            dirty = true;
        }
        if let Some(again) = presence_changed
            && others.read(app, again)
        {
            dirty = true;
        }
        dirty |= app.announce();
    }
}

/// Waits, without a screen, for the last save of an app that is quitting (or for its timer to
/// give up and write the recovery copy).
fn finish_saves(app: &mut App, messages: &Receiver<Message>) {
    while !app.should_quit() {
        let Some(at) = app.next_timer() else { return };
        match messages.recv_timeout(at.saturating_duration_since(Instant::now())) {
            Ok(Message::Saving(report)) => app.saving_report(report),
            Ok(_) => {}
            Err(RecvTimeoutError::Timeout) => app.tick(),
            Err(RecvTimeoutError::Disconnected) => return,
        }
    }
}

/// `path` with the home directory written `~`, as people type it.
fn tilde(path: &Path) -> String {
    let home = directories::BaseDirs::new().map(|dirs| dirs.home_dir().to_owned());
    match home.as_deref().and_then(|home| path.strip_prefix(home).ok()) {
        Some(rest) => format!("~/{}", rest.display()),
        None => path.display().to_string(),
    }
}
