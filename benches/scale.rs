//! twotrack on a board of two busy years (issue 28): the release binary as people run it, on a
//! generated board of 100,000 items with 50 closed sprints and a 1,000,000-line journal (a
//! 61 MB board file, a 193 MB journal). Each command is timed from process start to exit
//! (median of 5, fastest in brackets) with its peak memory (GNU time's maximum resident set size,
//! when /usr/bin/time is there); the board screen's first frame in an 80x24 pseudo-terminal
//! (median of 5) and its peak memory once it has nothing left to do; and a board of 1,000 items
//! with 1,000,000 archived items beside it, started against the same board without them.
//!
//! Run with `cargo bench --bench scale` (`-- 10000` for other sizes; `-- screen`, `-- commands` or
//! `-- archive` for those rows alone). The boards are generated once into `$TWOTRACK_SCALE_DIR` (by default
//! `twotrack-scale` in the system's temporary directory): about five minutes at 100,000 items.
//! README.md ("Performance") holds the figures, with the load average of the machine beside them.

#[allow(dead_code)]
#[path = "../tests/common/pty.rs"]
mod pty;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use pty::Pty;
use twotrack::domain::change::{ItemChange, ops};
use twotrack::generate;
use twotrack::model::Board;
use twotrack::store::journal::Journal;
use twotrack::store::{BoardLock, Store, archive, format};

const RUNS: usize = 5;
const ARCHIVED: usize = 1_000_000;
/// The clock of every command: the generated journal's last line.
const NOW: &str = "2026-09-21T14:13:20Z";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let sizes: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    // `screen`, `commands` or `archive` run those rows alone.
    let parts: Vec<&str> =
        args.iter().map(String::as_str).filter(|a| ["screen", "commands", "archive"].contains(a)).collect();
    let wanted = |part: &str| parts.is_empty() || parts.contains(&part);
    println!("load average at the start: {}", load());
    if wanted("screen") || wanted("commands") {
        for items in if sizes.is_empty() { vec![100_000] } else { sizes } {
            commands_table(items, wanted("screen"), wanted("commands"));
        }
    }
    if wanted("archive") {
        archive_table();
    }
    println!("\nload average at the end: {}", load());
}

/// Every command and the screen on a board of `items` items.
fn commands_table(items: usize, screen_row: bool, command_rows: bool) {
    let board = generated(items);
    println!("\n| at {items} items | median (fastest) | peak memory | load |");
    println!("|---|---:|---:|---:|");
    if screen_row {
        let (frame, memory) = screen(&board, 80, 24);
        println!(
            "| the board screen's first frame (80x24; memory once idle) | {frame} | {memory} | {} |",
            load()
        );
    }
    if !command_rows {
        return;
    }
    for (name, args) in [
        ("`check`", &["check"][..]),
        ("`standup`", &["standup"]),
        ("`report`", &["report"]),
        ("`list --json` (to /dev/null)", &["list", "--json"]),
    ] {
        row(name, &command(&board, args));
    }
    // A copy, so that the generated board stays as it was.
    let work = tempfile::tempdir().expect("tempdir");
    let copy = work.path().join("board.ron");
    std::fs::copy(&board, &copy).expect("copy the board");
    std::fs::copy(Journal::of(&board).path(), Journal::of(&copy).path()).expect("copy the journal");
    let (_, loaded) = Store::load(&board).expect("load");
    let id = loaded.items()[items / 2..]
        .iter()
        .find(|it| it.column == "doing")
        .expect("an item in progress")
        .id
        .to_string();
    // Once unmeasured, so that the lock file is there as it is after any first change.
    run(&copy, &["move", &id, "review"]);
    let back_and_there = [["move", &id, "doing"], ["move", &id, "review"]];
    row("a CLI `move` (lock, load, apply, save, journal)", &runs(|n| run(&copy, &back_and_there[n % 2])));
    row("`merge-file` of three boards (as git runs it)", &merge_file(&loaded, &board, work.path()));
}

/// The board of `items` items with its sprints and journal, generated the first time.
fn generated(items: usize) -> PathBuf {
    let dir = scale_dir().join(format!("{items}"));
    let path = dir.join("board.ron");
    if dir.join("ready").exists() {
        return path;
    }
    eprintln!("generating a board of {items} items into {} (once)…", dir.display());
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a directory for the board");
    let mut board = generate::board(items, 1);
    generate::sprints(&mut board, 50, 1);
    Store::open(&path, generate::epoch()).expect("create").store.save(&board).expect("save");
    let lock = BoardLock::acquire(&path).expect("lock");
    Journal::of(&path).append(&generate::journal(&board, items * 10, 1), &lock).expect("journal");
    std::fs::write(dir.join("ready"), "").expect("mark the board generated");
    path
}

/// 1,000 items on the board and 1,000,000 in its archive, and the same board alone.
fn archived() -> (PathBuf, PathBuf) {
    let dir = scale_dir().join(format!("archive-{ARCHIVED}"));
    let (with, without) = (dir.join("with").join("board.ron"), dir.join("without").join("board.ron"));
    if dir.join("ready").exists() {
        return (with, without);
    }
    eprintln!("generating a board with {ARCHIVED} archived items into {} (once)…", dir.display());
    let _ = std::fs::remove_dir_all(&dir);
    for path in [&with, &without] {
        std::fs::create_dir_all(path.parent().expect("a directory")).expect("a directory for the board");
    }
    let mut board = generate::board(1_000, 1);
    generate::sprints(&mut board, 50, 1);
    let archive = generate::archive(&mut board, ARCHIVED, 2);
    std::fs::write(archive::path_of(&with), format::to_text(&archive).expect("text")).expect("write");
    for path in [&with, &without] {
        Store::open(path, generate::epoch()).expect("create").store.save(&board).expect("save");
    }
    std::fs::write(dir.join("ready"), "").expect("mark the boards generated");
    (with, without)
}

fn scale_dir() -> PathBuf {
    std::env::var_os("TWOTRACK_SCALE_DIR")
        .map_or_else(|| std::env::temp_dir().join("twotrack-scale"), PathBuf::from)
}

/// The first frame with and without a million archived items beside the board.
fn archive_table() {
    let (with, without) = archived();
    println!("\n| 1,000 items on the board | first frame, median of 9 (fastest) | peak memory | load |");
    println!("|---|---:|---:|---:|");
    for (name, path) in
        [("without an archive".to_owned(), &without), (format!("with {ARCHIVED} archived items"), &with)]
    {
        let frames: Vec<(Duration, u64)> =
            (0..9).map(|_| first_frame(path, 80, 24, Duration::ZERO)).collect();
        let memory = frames.iter().map(|(_, kb)| *kb).max().unwrap_or(0);
        let times = frames.iter().map(|(time, _)| *time).collect();
        println!("| {name} | {} | {} | {} |", median(times), mib(Some(memory)), load());
    }
}

/// The screen's first frame (median of [`RUNS`]) and its peak memory once it is idle.
fn screen(board: &Path, cols: u16, rows: u16) -> (String, String) {
    let settle = Duration::from_millis(500);
    let runs: Vec<(Duration, u64)> = (0..RUNS).map(|_| first_frame(board, cols, rows, settle)).collect();
    let memory = runs.iter().map(|(_, kb)| *kb).max().unwrap_or(0);
    (median(runs.iter().map(|(time, _)| *time).collect()), mib(Some(memory)))
}

/// The time to the first complete frame, and the peak memory once the program has used no
/// processor time for `idle` (its background reading done), then it quits.
fn first_frame(board: &Path, cols: u16, rows: u16, idle: Duration) -> (Duration, u64) {
    let start = Instant::now();
    let mut pty = Pty::spawn(board, &[], cols, rows, &[]);
    pty.wait_frame(cols, start);
    let frame = start.elapsed();
    if !idle.is_zero() {
        let mut last = (pty.cpu_ticks(), Instant::now());
        while last.1.elapsed() < idle && start.elapsed() < pty::PATIENCE {
            std::thread::sleep(Duration::from_millis(50));
            let ticks = pty.cpu_ticks();
            if ticks != last.0 {
                last = (ticks, Instant::now());
            }
        }
    }
    let memory = pty.peak_rss_kb();
    pty.send("q");
    pty.wait_exit();
    (frame, memory)
}

/// `merge-file` on three versions of the board: ours and theirs each move a hundred items and
/// retitle one, the same one, differently (a conflict, recorded).
fn merge_file(base: &Board, board: &Path, dir: &Path) -> Vec<(Duration, Option<u64>)> {
    for (name, side) in [("ours.ron", 1), ("theirs.ron", 2)] {
        std::fs::write(dir.join(name), format::to_text(&changed(base, side)).expect("text")).expect("write");
    }
    std::fs::copy(board, dir.join("base.ron")).expect("copy");
    let args = ["merge-file", "base.ron", "ours.ron", "theirs.ron", "-o", "out.ron", "--quiet"];
    runs(|_| timed(Command::new(env!("CARGO_BIN_EXE_twotrack")).current_dir(dir).args(args), &[0, 1]))
}

/// `base` with a hundred items moved a column on, and item 100 retitled, by side 1 or 2.
fn changed(base: &Board, side: u64) -> Board {
    let mut board = base.clone();
    let now = generate::epoch() + chrono::Duration::hours(side as i64);
    let n = base.items().len() as u64;
    for k in 0..100 {
        let id = 1 + (k * 997 + side * 4_999) % n;
        if let Ok(op) =
            ops::step_column(&board, id, 1, now).or_else(|_| ops::step_column(&board, id, -1, now))
        {
            board.apply(op.edit).expect("apply a move");
        }
    }
    let title = ItemChange { title: Some(format!("side {side}")), ..Default::default() };
    board.apply(ops::update(&board, 100, title, now).expect("retitle").edit).expect("apply a title");
    board
}

/// [`RUNS`] runs of `once` (given the run's number).
fn runs(mut once: impl FnMut(usize) -> (Duration, Option<u64>)) -> Vec<(Duration, Option<u64>)> {
    (0..RUNS).map(&mut once).collect()
}

fn command(board: &Path, args: &[&str]) -> Vec<(Duration, Option<u64>)> {
    runs(|_| run(board, args))
}

/// `twotrack --file board args`, its output thrown away, with the fixed clock.
fn run(board: &Path, args: &[&str]) -> (Duration, Option<u64>) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_twotrack"));
    command.arg("--file").arg(board).args(args);
    timed(&mut command, &[0])
}

/// How long `command` takes, and its peak memory in KiB (through GNU time when it is there);
/// it must exit with one of `ok`.
fn timed(command: &mut Command, ok: &[i32]) -> (Duration, Option<u64>) {
    let report = tempfile::NamedTempFile::new().expect("a file for time's report");
    let gnu_time = Path::new("/usr/bin/time").exists();
    let mut run = match gnu_time {
        true => {
            let mut wrapped = Command::new("/usr/bin/time");
            wrapped.args(["-f", "%M", "-o"]).arg(report.path()).arg(command.get_program());
            wrapped.args(command.get_args());
            if let Some(dir) = command.get_current_dir() {
                wrapped.current_dir(dir);
            }
            wrapped
        }
        false => std::mem::replace(command, Command::new("true")),
    };
    let start = Instant::now();
    let out = run
        .env("TWOTRACK_NOW", NOW)
        .env("TWOTRACK_USER", "bench")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .expect("run twotrack");
    let time = start.elapsed();
    let code = out.status.code().unwrap_or(-1);
    assert!(ok.contains(&code), "exit {code}: {}", String::from_utf8_lossy(&out.stderr));
    let memory =
        std::fs::read_to_string(report.path()).ok().and_then(|t| t.trim().lines().last()?.parse().ok());
    (time, memory.filter(|_| gnu_time))
}

fn row(name: &str, runs: &[(Duration, Option<u64>)]) {
    let memory = runs.iter().filter_map(|(_, kb)| *kb).max();
    println!(
        "| {name} | {} | {} | {} |",
        median(runs.iter().map(|(t, _)| *t).collect()),
        mib(memory),
        load()
    );
}

/// `123 ms (118)`: the median and the fastest.
fn median(mut times: Vec<Duration>) -> String {
    times.sort();
    let ms = |t: Duration| t.as_secs_f64() * 1000.0;
    format!("{:.0} ms ({:.0})", ms(times[times.len() / 2]), ms(times[0]))
}

fn mib(kb: Option<u64>) -> String {
    kb.map_or("—".to_owned(), |kb| format!("{:.0} MiB", kb as f64 / 1024.0))
}

/// The one-minute load average.
fn load() -> String {
    let text = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    text.split_whitespace().next().unwrap_or("?").to_owned()
}
