//! The standup, the review and the retrospective at scale: a 10,000-item board with 50 closed
//! sprints and a 100,000-line activity journal (README "Performance"). In process (divan):
//! opening the standup view (the key, reading the journal from its end, building the standup,
//! drawing it at 100x30), the report's document, the retrospective (its screen opened, a key on
//! it, its document), and closing the open sprint (the op with its figures, rollover and cadence;
//! the close form with what the close would do); and the release binary's `twotrack standup`,
//! `twotrack report` and `twotrack retro` end to end (process start, load, journal, print); the
//! charts opened for the first time (with the journal read on the key, while the background
//! replay runs, and until its figures arrive), again, and switched; `report --html` and the
//! size of its page. Run with `cargo bench --bench rhythm` (`-- charts report` for these).

use std::path::{Path, PathBuf};
use std::process::Command;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use divan::Bencher;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use twotrack::app::App;
use twotrack::app::input::keymap::Keymap;
use twotrack::domain::rhythm::closing::{self, Next};
use twotrack::domain::rhythm::report;
use twotrack::domain::rhythm::retro;
use twotrack::generate;
use twotrack::store::journal::Journal;
use twotrack::store::{BoardLock, Store};
use twotrack::ui::Screen;
use twotrack::ui::theme::Theme;

const ITEMS: usize = 10_000;
const CLOSED_SPRINTS: usize = 50;
const JOURNAL_LINES: usize = 100_000;

fn main() {
    divan::main();
}

/// The board and its journal in a temporary directory (kept alive by the returned guard).
fn board_file() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("board.ron");
    let mut board = generate::board(ITEMS, 1);
    generate::sprints(&mut board, CLOSED_SPRINTS, 1);
    Store::open(&path, generate::epoch()).expect("create").store.save(&board).expect("save");
    let lock = BoardLock::acquire(&path).expect("lock");
    Journal::of(&path).append(&generate::journal(&board, JOURNAL_LINES, 1), &lock).expect("journal");
    (dir, path)
}

/// The board screen opened on `path`, with a 100x30 buffer to draw it in.
fn screen_at_100x30(path: &Path) -> (App, Screen, Buffer) {
    let opened = Store::open(path, generate::epoch()).expect("open");
    let app = App::new(opened.board, opened.store, Keymap::default_keymap(), generate::epoch());
    (app, Screen::new(Theme::standard()), Buffer::empty(Rect::new(0, 0, 100, 30)))
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[divan::bench(sample_count = 30)]
fn standup_view(bencher: Bencher) {
    let (_dir, path) = board_file();
    let (mut app, mut screen, mut buf) = screen_at_100x30(&path);
    bencher.bench_local(|| {
        app.handle_key(key(KeyCode::Char('w')));
        screen.draw(&app, buf.area, &mut buf);
        app.handle_key(key(KeyCode::Esc));
    });
}

#[divan::bench(sample_count = 30)]
fn report_document(bencher: Bencher) {
    let (_dir, path) = board_file();
    let board = Store::load(&path).expect("load").1;
    bencher.bench(|| report::report(&board, None, generate::epoch()).expect("report"));
}

#[divan::bench(sample_count = 30)]
fn retro_view(bencher: Bencher) {
    let (_dir, path) = board_file();
    let (mut app, mut screen, mut buf) = screen_at_100x30(&path);
    bencher.bench_local(|| {
        app.handle_key(key(KeyCode::Char('B')));
        screen.draw(&app, buf.area, &mut buf);
        app.handle_key(key(KeyCode::Esc));
    });
}

/// A key on the open retrospective (scrolling), drawn at 100x30: the document is not worked
/// out again.
#[divan::bench(sample_count = 30)]
fn retro_scroll(bencher: Bencher) {
    let (_dir, path) = board_file();
    let (mut app, mut screen, mut buf) = screen_at_100x30(&path);
    app.handle_key(key(KeyCode::Char('B')));
    bencher.bench_local(|| {
        app.handle_key(key(KeyCode::Char('j')));
        screen.draw(&app, buf.area, &mut buf);
    });
}

#[divan::bench(sample_count = 30)]
fn retro_document(bencher: Bencher) {
    let (_dir, path) = board_file();
    let board = Store::load(&path).expect("load").1;
    bencher.bench(|| retro::retro(&board, None, retro::LAST, generate::epoch()).expect("retro").doc);
}

#[divan::bench(sample_count = 30)]
fn close_op(bencher: Bencher) {
    let (_dir, path) = board_file();
    let board = Store::load(&path).expect("load").1;
    let rollover = twotrack::model::Rollover::Next;
    bencher.bench(|| closing::close(&board, rollover, Next::default(), generate::epoch()).expect("close"));
}

#[divan::bench(sample_count = 30)]
fn close_form(bencher: Bencher) {
    let (_dir, path) = board_file();
    let board = Store::load(&path).expect("load").1;
    let sprint = board.current_sprint().expect("an open sprint").clone();
    bencher.bench(|| twotrack::app::forms::sprint::close(&board, &sprint, generate::epoch()));
}

/// The release binary run as a user runs it, with the clock at the journal's end; its output.
fn run(path: &Path, args: &[&str]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_twotrack"))
        .arg("--file")
        .arg(path)
        .args(args)
        .env("TWOTRACK_NOW", generate::epoch().to_rfc3339())
        .output()
        .expect("run twotrack");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

#[divan::bench(sample_count = 20)]
fn standup_command(bencher: Bencher) {
    let (_dir, path) = board_file();
    bencher.bench_local(|| run(&path, &["standup"]));
}

#[divan::bench(sample_count = 20)]
fn retro_command(bencher: Bencher) {
    let (_dir, path) = board_file();
    bencher.bench_local(|| run(&path, &["retro", "--markdown"]));
}

#[divan::bench(sample_count = 20)]
fn report_command(bencher: Bencher) {
    let (_dir, path) = board_file();
    bencher.bench_local(|| run(&path, &["report", "--markdown"]));
}

/// The charts opened (`C`, the whole journal replayed, drawn at 100x30) by a session that has
/// not opened them before.
#[divan::bench(sample_count = 10)]
fn charts_first_open(bencher: Bencher) {
    let (_dir, path) = board_file();
    bencher.with_inputs(|| screen_at_100x30(&path)).bench_local_values(|(mut app, mut screen, mut buf)| {
        app.handle_key(key(KeyCode::Char('C')));
        screen.draw(&app, buf.area, &mut buf);
        app
    });
}

/// The charts opened the first time by a session whose board screen started the replay on its
/// own thread (as the terminal does when it opens the board) and had it done before `C`.
#[divan::bench(sample_count = 10)]
fn charts_first_open_replayed_in_background(bencher: Bencher) {
    let (_dir, path) = board_file();
    let ready = || {
        let (mut app, screen, buf) = screen_at_100x30(&path);
        app.replay_in_background(|| {});
        while !app.replay_ready() {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        (app, screen, buf)
    };
    bencher.with_inputs(ready).bench_local_values(|(mut app, mut screen, mut buf)| {
        app.handle_key(key(KeyCode::Char('C')));
        screen.draw(&app, buf.area, &mut buf);
        app
    });
}

/// `twotrack report --html` (process start to exit: the review, the journal replayed, five
/// charts drawn as SVG, the page on standard output). The page's size is printed once (target:
/// under 300 KB).
#[divan::bench(sample_count = 20)]
fn report_html_command(bencher: Bencher) {
    let (_dir, path) = board_file();
    let page = run(&path, &["report", "--html"]);
    eprintln!("report --html: the page is {} bytes ({} KB)", page.len(), page.len().div_ceil(1024));
    assert!(page.len() < 300 * 1024, "the page is {} bytes, over 300 KB", page.len());
    bencher.bench_local(|| run(&path, &["report", "--html"]));
}

/// `C` pressed while the first replay of the journal is still under way (as it is for a moment
/// after the board screen opens): the screen opens at once, saying the charts are being worked
/// out, drawn at 100x30. The replay is held back until the frame is drawn.
#[divan::bench(sample_count = 30, sample_size = 1)]
fn charts_open_while_replaying(bencher: Bencher) {
    let (_dir, path) = board_file();
    let pending = || {
        let (mut app, screen, buf) = screen_at_100x30(&path);
        let (release, gate) = std::sync::mpsc::channel::<()>();
        app.replay_in_background(move || _ = gate.recv());
        (Replaying { app, release: Some(release) }, screen, buf)
    };
    bencher.with_inputs(pending).bench_local_values(|(mut on, mut screen, mut buf)| {
        on.app.handle_key(key(KeyCode::Char('C')));
        screen.draw(&on.app, buf.area, &mut buf);
        on
    });
}

/// An app whose background replay is held back; dropped (after the sample), it lets the replay
/// end and waits for it, so that no replay runs on into the next sample.
struct Replaying {
    app: App,
    release: Option<std::sync::mpsc::Sender<()>>,
}

impl Drop for Replaying {
    fn drop(&mut self) {
        self.release.take();
        while !self.app.replay_ready() {
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
    }
}

/// From the board screen opening to the charts drawn with their figures: the whole journal
/// replayed on its own thread (started as the terminal starts it), `C` pressed at once, the
/// figures taken when the replay reports back, the chart drawn at 100x30.
#[divan::bench(sample_count = 10)]
fn charts_figures_arrive(bencher: Bencher) {
    let (_dir, path) = board_file();
    bencher.with_inputs(|| screen_at_100x30(&path)).bench_local_values(|(mut app, mut screen, mut buf)| {
        let (tell, told) = std::sync::mpsc::channel();
        app.replay_in_background(move || _ = tell.send(()));
        app.handle_key(key(KeyCode::Char('C')));
        told.recv().expect("the replay reports back");
        assert!(app.replay_finished(), "the charts take their figures");
        screen.draw(&app, buf.area, &mut buf);
        app
    });
}

/// The charts opened again: only what the journal gained since is read.
#[divan::bench(sample_count = 30)]
fn charts_open_again(bencher: Bencher) {
    let (_dir, path) = board_file();
    let (mut app, mut screen, mut buf) = screen_at_100x30(&path);
    app.handle_key(key(KeyCode::Char('C')));
    app.handle_key(key(KeyCode::Esc));
    bencher.bench_local(|| {
        app.handle_key(key(KeyCode::Char('C')));
        screen.draw(&app, buf.area, &mut buf);
        app.handle_key(key(KeyCode::Esc));
    });
}

/// The next chart (`j`, drawn at 100x30).
#[divan::bench(sample_count = 30)]
fn charts_switch(bencher: Bencher) {
    let (_dir, path) = board_file();
    let (mut app, mut screen, mut buf) = screen_at_100x30(&path);
    app.handle_key(key(KeyCode::Char('C')));
    bencher.bench_local(|| {
        app.handle_key(key(KeyCode::Char('j')));
        screen.draw(&app, buf.area, &mut buf);
    });
}
