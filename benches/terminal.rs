//! The release binary measured as a user meets it, in a pseudo-terminal: time from process start
//! to the first complete frame, peak memory, bytes written to the terminal per navigation key
//! and per item move, and bytes written while nobody types. Run with
//! `cargo bench --bench terminal` (it prints a table; README.md holds the numbers). The boards
//! carry 50 closed sprints and a 100,000-line activity journal.

#[allow(dead_code)]
#[path = "../tests/common/pty.rs"]
mod pty;

use std::time::{Duration, Instant};

use pty::Pty;
use twotrack::generate;
use twotrack::store::Store;

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];
const ITEMS: [usize; 2] = [1_000, 10_000];
const RUNS: usize = 9;
const KEYS: usize = 20;

fn main() {
    println!(
        "| items | terminal | first frame (median of {RUNS}) | peak RSS | bytes per navigation key | bytes per item move | bytes while idle (2 s) |"
    );
    println!("|---:|---|---:|---:|---:|---:|---:|");
    for items in ITEMS {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("board.ron");
        // With 50 closed sprints and a 100,000-line journal: start-up must not read the journal.
        let mut board = generate::board(items, 1);
        generate::sprints(&mut board, 50, 1);
        Store::open(&path, generate::epoch()).expect("create").store.save(&board).expect("save");
        let lock = twotrack::store::BoardLock::acquire(&path).expect("lock");
        let journal = twotrack::store::journal::Journal::of(&path);
        journal.append(&generate::journal(&board, 100_000, 1), &lock).expect("journal");
        drop(lock);
        for (cols, rows) in SIZES {
            let row = measure(&path, cols, rows);
            println!(
                "| {items} | {cols}x{rows} | {:.1} ms | {:.1} MB | {} | {} | {} |",
                row.first_frame.as_secs_f64() * 1000.0,
                row.peak_rss_kb as f64 / 1024.0,
                row.nav_bytes,
                row.move_bytes,
                row.idle_bytes
            );
        }
    }
}

struct Row {
    first_frame: Duration,
    peak_rss_kb: u64,
    nav_bytes: usize,
    move_bytes: usize,
    idle_bytes: usize,
}

fn measure(path: &std::path::Path, cols: u16, rows: u16) -> Row {
    let mut frames: Vec<Duration> = (0..RUNS).map(|_| first_frame(path, cols, rows).0).collect();
    frames.sort();
    let (_, mut pty) = first_frame(path, cols, rows);
    // Settle after the first frame, then walk down and up a column.
    pty.settle(pty.written());
    let nav_bytes =
        median((0..KEYS).map(|n| bytes_for(&mut pty, if n % 4 < 2 { "j" } else { "k" })).collect());
    // Move the selected item right and back: each move applies, saves and redraws.
    let move_bytes =
        median((0..KEYS).map(|n| bytes_for(&mut pty, if n % 2 == 0 { "L" } else { "H" })).collect());
    let before = pty.written();
    std::thread::sleep(Duration::from_secs(2));
    let idle_bytes = pty.written() - before;
    let peak_rss_kb = pty.pid().map_or(0, peak_rss_kb);
    pty.send("q");
    pty.wait_exit();
    Row { first_frame: frames[RUNS / 2], peak_rss_kb, nav_bytes, move_bytes, idle_bytes }
}

/// Starts the binary and waits for the first complete frame (the key hints on the last line).
fn first_frame(path: &std::path::Path, cols: u16, rows: u16) -> (Duration, Pty) {
    let start = Instant::now();
    let pty = Pty::spawn(path, &[], cols, rows, &[]);
    loop {
        let done = pty.with_screen(|screen| {
            let last = screen.rows(0, cols).last().unwrap_or_default();
            last.contains("help") && last.contains("quit")
        });
        if done {
            return (start.elapsed(), pty);
        }
        assert!(start.elapsed() < pty::PATIENCE, "no first frame:\n{}", pty.screen());
        std::thread::sleep(Duration::from_millis(1));
    }
}

/// Bytes the program writes in answer to one key.
fn bytes_for(pty: &mut Pty, key: &str) -> usize {
    let before = pty.written();
    pty.send(key);
    pty.settle(before);
    pty.written() - before
}

fn median(mut values: Vec<usize>) -> usize {
    values.sort_unstable();
    values[values.len() / 2]
}

/// The high-water mark of the process's resident memory, from /proc.
fn peak_rss_kb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}
