//! Running the real binary in a pseudo-terminal and reading its screen with a terminal emulator.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// A fixed "now" so that runs are reproducible.
pub const NOW: &str = "2026-11-21T10:00:00Z";

/// How long to wait for the screen to show something before the test fails. Generous: this is
/// not a timing assertion, only a bound so a broken build does not hang the suite.
pub const PATIENCE: Duration = Duration::from_secs(20);

pub struct Pty {
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote to the terminal so far.
    written: Arc<AtomicUsize>,
    /// Those bytes themselves.
    raw: Arc<Mutex<Vec<u8>>>,
}

impl Pty {
    /// Starts `twotrack --file board args...` in a `cols` x `rows` terminal with a fixed clock.
    pub fn spawn(board: &Path, args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Pty {
        Pty::spawn_as(&[], board, args, cols, rows, env)
    }

    /// Like [`Pty::spawn`], with the binary run through `wrapper` (such as setpriv).
    pub fn spawn_as(
        wrapper: &[&str],
        board: &Path,
        args: &[&str],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 })
            .expect("open a pty");
        let binary = env!("CARGO_BIN_EXE_twotrack");
        let mut cmd = match wrapper.split_first() {
            Some((program, args)) => {
                let mut cmd = CommandBuilder::new(program);
                cmd.args(args);
                cmd.arg(binary);
                cmd
            }
            None => CommandBuilder::new(binary),
        };
        cmd.arg("--file");
        cmd.arg(board);
        for arg in args {
            cmd.arg(arg);
        }
        cmd.env("TERM", "xterm-256color");
        // A UTF-8 locale unless a test says otherwise: without one the board is drawn in ASCII.
        cmd.env("LANG", "C.UTF-8");
        cmd.env_remove("LC_ALL");
        cmd.env_remove("LC_CTYPE");
        cmd.env("TWOTRACK_NOW", NOW);
        cmd.env_remove("NO_COLOR");
        // The user's own state (undo history, last selection) away from the tester's home: one
        // directory for every run, each board's file named by its own path.
        cmd.env("XDG_STATE_HOME", Path::new(env!("CARGO_TARGET_TMPDIR")).join("pty-state"));
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn twotrack in the pty");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(nonzero(rows), nonzero(cols), 0)));
        let written = Arc::new(AtomicUsize::new(0));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (p, w, r) = (Arc::clone(&parser), Arc::clone(&written), Arc::clone(&raw));
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                r.lock().expect("raw").extend_from_slice(&buf[..n]);
                p.lock().expect("parser").process(&buf[..n]);
                w.fetch_add(n, Ordering::SeqCst);
            }
        });
        Pty { master: pair.master, child, writer, parser, written, raw }
    }

    /// Sends raw bytes as if typed.
    pub fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).expect("write to pty");
        self.writer.flush().expect("flush pty");
    }

    /// Sends keys one at a time, waiting for the screen to settle after each.
    pub fn keys(&mut self, keys: &[&str]) {
        for key in keys {
            let before = self.written();
            self.send(key);
            self.settle(before);
        }
    }

    /// Waits until output has started after `before` bytes and then stopped for a moment.
    pub fn settle(&self, before: usize) {
        let start = Instant::now();
        while self.written() == before && start.elapsed() < Duration::from_secs(2) {
            std::thread::sleep(Duration::from_millis(5));
        }
        let mut last = self.written();
        loop {
            std::thread::sleep(Duration::from_millis(60));
            let now = self.written();
            if now == last || start.elapsed() > PATIENCE {
                return;
            }
            last = now;
        }
    }

    /// Everything the program wrote to the terminal so far.
    pub fn raw(&self) -> Vec<u8> {
        self.raw.lock().expect("raw").clone()
    }

    pub fn written(&self) -> usize {
        self.written.load(Ordering::SeqCst)
    }

    pub fn screen(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    /// Runs `check` on the screen parser.
    pub fn with_screen<T>(&self, check: impl FnOnce(&vt100::Screen) -> T) -> T {
        check(self.parser.lock().expect("parser").screen())
    }

    /// Waits until the screen contains `text`; panics with the screen if it never does.
    pub fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(start.elapsed() < PATIENCE, "the screen never showed {text:?}:\n{screen}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.master.resize(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).expect("resize pty");
        self.parser.lock().expect("parser").screen_mut().set_size(nonzero(rows), nonzero(cols));
    }

    /// Kills the program at once and reaps it: SIGKILL, so no handler of its runs (as a crash or
    /// the out-of-memory killer would stop it).
    pub fn kill_hard(&mut self) {
        if let Some(pid) = self.child.process_id() {
            let _ = std::process::Command::new("kill").args(["-KILL", &pid.to_string()]).status();
        }
        let _ = self.child.wait();
    }

    /// Waits for the program to exit and returns whether it succeeded.
    pub fn wait_exit(&mut self) -> bool {
        self.wait_exit_code() == 0
    }

    /// Waits for the program to exit and returns its exit status.
    pub fn wait_exit_code(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("poll child") {
                // Let the reader drain what the program wrote last.
                std::thread::sleep(Duration::from_millis(100));
                return status.exit_code();
            }
            assert!(start.elapsed() < PATIENCE, "twotrack did not exit:\n{}", self.screen());
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// The parameters of every SGR sequence (`ESC [ 1 ; 33 m`) in `raw`, one list per sequence.
pub fn sgr_sequences(raw: &[u8]) -> Vec<Vec<u32>> {
    let raw = String::from_utf8_lossy(raw);
    raw.split("\x1b[")
        .skip(1)
        .filter_map(|s| s.split_once('m').map(|(p, _)| p))
        .filter(|sgr| sgr.chars().all(|c| c.is_ascii_digit() || c == ';'))
        .map(|sgr| sgr.split(';').filter_map(|p| p.parse().ok()).collect())
        .collect()
}

impl Pty {
    /// The process id of the program (of the wrapper, when there is one).
    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }

    /// Waits for a complete frame of the board screen, `cols` wide, started at `start`: the
    /// key hints on the last line, or for a follower (whose status line takes the last lines)
    /// what it follows (`following NAME`, or `following LOGIN (as NAME)` when the declared name
    /// is not the owner's login).
    pub fn wait_frame(&self, cols: u16, start: Instant) {
        loop {
            let done = self.with_screen(|screen| {
                let last = screen.rows(0, cols).last().unwrap_or_default();
                (last.contains("help") && last.contains("quit")) || last.contains("following ")
            });
            if done {
                return;
            }
            assert!(start.elapsed() < PATIENCE, "no first frame:\n{}", self.screen());
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    /// The high-water mark of the program's resident memory so far, in KiB, from /proc (0 when
    /// it cannot be read).
    pub fn peak_rss_kb(&self) -> u64 {
        let status = self.pid().map(|pid| std::fs::read_to_string(format!("/proc/{pid}/status")));
        status
            .and_then(Result::ok)
            .unwrap_or_default()
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.split_whitespace().next()?.parse().ok())
            .unwrap_or(0)
    }

    /// The processor time the program has used so far (user and system), in clock ticks.
    pub fn cpu_ticks(&self) -> u64 {
        let stat = self.pid().map(|pid| std::fs::read_to_string(format!("/proc/{pid}/stat")));
        let stat = stat.and_then(Result::ok).unwrap_or_default();
        // The fields after the command's name in parentheses (which may hold spaces).
        let fields: Vec<&str> =
            stat.rsplit_once(')').map_or(Vec::new(), |(_, rest)| rest.split_whitespace().collect());
        fields
            .get(11)
            .zip(fields.get(12))
            .map_or(0, |(user, system)| user.parse::<u64>().unwrap_or(0) + system.parse::<u64>().unwrap_or(0))
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n.max(1)).expect("at least 1")
}
