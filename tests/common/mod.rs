//! Helpers shared by the integration tests: running the binary, and board strategies.

#![allow(dead_code)]

pub mod arb;
pub mod history;
pub mod pty;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fixed "now" so that files written by tests are reproducible.
pub const NOW: &str = pty::NOW;

/// A temporary directory holding a board file (not created yet).
pub struct Sandbox {
    pub dir: tempfile::TempDir,
    pub board: PathBuf,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        let dir = tempfile::tempdir().expect("create a temporary directory");
        let board = dir.path().join("board.ron");
        Sandbox { dir, board }
    }

    /// Runs `twotrack --file <board> args...` with a fixed clock.
    pub fn run(&self, args: &[&str]) -> Run {
        let mut cmd = twotrack();
        cmd.arg("--file").arg(&self.board).args(args);
        Run::of(cmd.output().expect("run twotrack"))
    }

    pub fn write(&self, text: impl AsRef<[u8]>) {
        std::fs::write(&self.board, text).expect("write board");
    }

    pub fn read(&self) -> Vec<u8> {
        std::fs::read(&self.board).expect("read board")
    }

    pub fn text(&self) -> String {
        String::from_utf8(self.read()).expect("board is UTF-8")
    }

    /// Creates the board from the starter board.
    pub fn with_starter(self) -> Sandbox {
        self.run(&["init"]).ok();
        self
    }
}

/// The built binary, with a clean environment for the board location and the clock.
pub fn twotrack() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_twotrack"));
    cmd.env_remove("TWOTRACK_FILE").env("TWOTRACK_NOW", NOW).env("NO_COLOR", "1");
    cmd
}

/// What a finished run printed, and its exit status.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn of(out: Output) -> Run {
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    pub fn ok(self) -> Run {
        assert_eq!(self.code, 0, "stderr: {}", self.stderr);
        self
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).expect("stdout is JSON")
    }
}

pub fn exists(path: &Path) -> bool {
    path.exists()
}

/// Waits (up to the pty patience) until `check` holds; panics with `what` if it never does.
pub fn wait_until(what: &str, mut check: impl FnMut() -> bool) {
    let start = std::time::Instant::now();
    while !check() {
        assert!(start.elapsed() < pty::PATIENCE, "never happened: {what}");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// The fixed clock as a timestamp.
pub fn now() -> twotrack::model::Timestamp {
    chrono::DateTime::parse_from_rfc3339(NOW).expect("time").to_utc()
}

/// An app on a fresh starter board in a sandbox, with the default keymap.
pub fn app_on_starter() -> (Sandbox, twotrack::app::App) {
    let sandbox = Sandbox::new();
    let opened = twotrack::store::Store::open(&sandbox.board, now()).expect("create starter board");
    let keymap = twotrack::app::input::keymap::Keymap::default_keymap();
    let app = twotrack::app::App::new(opened.board, opened.store, keymap, now());
    (sandbox, app)
}

/// Presses keys given as keymap names separated by spaces (`"l l J"`, `"Esc"`, `"Shift-Tab"`).
pub fn press(app: &mut twotrack::app::App, keys: &str) {
    for key in keys.split(' ').filter(|k| !k.is_empty()) {
        let binding: twotrack::app::input::keymap::KeyBinding = key.parse().expect("key");
        app.handle_key(crossterm::event::KeyEvent::new(binding.code, binding.modifiers));
    }
}

/// Types text character by character (as text entry, not through the keymap names).
pub fn type_text(app: &mut twotrack::app::App, text: &str) {
    for c in text.chars() {
        app.handle_key(crossterm::event::KeyEvent::new(
            crossterm::event::KeyCode::Char(c),
            crossterm::event::KeyModifiers::NONE,
        ));
    }
}

/// Reopens the sandbox's board in an app whose clock says `when` (RFC 3339).
pub fn app_at(s: &Sandbox, when: &str) -> twotrack::app::App {
    let now = chrono::DateTime::parse_from_rfc3339(when).expect("time").to_utc();
    let opened = twotrack::store::Store::open(&s.board, now).expect("open");
    twotrack::app::App::new(
        opened.board,
        opened.store,
        twotrack::app::input::keymap::Keymap::default_keymap(),
        now,
    )
}

/// Runs `twotrack --file <board> args...` with the clock at `when` (a date or RFC 3339 time).
pub fn run_at(s: &Sandbox, when: &str, args: &[&str]) -> Run {
    Run::of(
        twotrack().env("TWOTRACK_NOW", when).arg("--file").arg(&s.board).args(args).output().expect("run"),
    )
}

/// An app on a copy of `tests/fixtures/<name>` in a sandbox.
pub fn app_on_fixture(name: &str) -> (Sandbox, twotrack::app::App) {
    let sandbox = Sandbox::new();
    std::fs::copy(format!("tests/fixtures/{name}"), &sandbox.board).expect("copy fixture");
    let opened = twotrack::store::Store::open(&sandbox.board, now()).expect("open fixture");
    let keymap = twotrack::app::input::keymap::Keymap::default_keymap();
    let app = twotrack::app::App::new(opened.board, opened.store, keymap, now());
    (sandbox, app)
}

/// Draws the app on a test terminal of the given size and returns the screen as text.
pub fn screen(app: &twotrack::app::App, width: u16, height: u16) -> String {
    render(app, width, height).backend().to_string()
}

/// Draws the app on a test terminal of the given size, for checks of the buffer's styles.
pub fn render(
    app: &twotrack::app::App,
    width: u16,
    height: u16,
) -> ratatui::Terminal<ratatui::backend::TestBackend> {
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height)).expect("test terminal");
    let mut screen = twotrack::ui::Screen::new(twotrack::ui::theme::Theme::standard());
    terminal.draw(|frame| screen.render(app, frame)).expect("draw");
    terminal
}

/// A board-screen session on the sandbox's board as `author` (a second session of a test is a
/// second person at the same board).
pub fn session(sandbox: &Sandbox, author: &str) -> twotrack::app::App {
    let opened = twotrack::store::Store::open(&sandbox.board, now()).expect("open board");
    let keymap = twotrack::app::input::keymap::Keymap::default_keymap();
    twotrack::app::App::new(opened.board, opened.store, keymap, now()).author(author.to_owned())
}

/// The board's activity journal, every entry.
pub fn journal(sandbox: &Sandbox) -> Vec<twotrack::domain::team::activity::Entry> {
    twotrack::store::journal::Journal::of(&sandbox.board).entries(None, None).expect("read journal")
}

/// Compares `actual` with the golden file `tests/golden/<name>`; `UPDATE_GOLDEN=1` rewrites it.
pub fn golden(name: &str, actual: &str) {
    let path = Path::new("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).expect("write golden file");
    }
    let expected = std::fs::read_to_string(&path).expect("golden file (UPDATE_GOLDEN=1 writes it)");
    assert_eq!(actual, expected, "differs from {}", path.display());
}

/// `gh issue list --json …` output: `count` issues of `repo`, with labels, an assignee and a
/// milestone, every fourth closed.
pub fn github_issues(repo: &str, count: usize) -> String {
    let labels = ["bug", "spike", "tech-debt", "estimate:3", "5pt", "payments", "ui"];
    let issues: Vec<serde_json::Value> = (1..=count)
        .map(|n| {
            serde_json::json!({
                "number": n,
                "title": format!("Issue \"{n}\" about the checkout"),
                "body": "Steps to reproduce:\n1. open the cart\n2. pay",
                "labels": [{"name": labels[n % labels.len()]}, {"name": labels[(n / 7) % labels.len()]}],
                "assignees": [{"login": format!("dev{}", n % 9)}],
                "state": if n % 4 == 0 { "CLOSED" } else { "OPEN" },
                "milestone": {"title": format!("Sprint {}", n % 12)},
                "url": format!("https://github.com/{repo}/issues/{n}"),
                "createdAt": "2026-11-02T09:15:00Z",
                "closedAt": null,
            })
        })
        .collect();
    serde_json::to_string(&issues).expect("JSON")
}
