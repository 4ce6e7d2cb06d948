//! The release binary measured as a user meets it, in a pseudo-terminal: time from process start
//! to the first complete frame, peak memory, bytes written to the terminal per navigation key
//! and per item move, and bytes written while nobody types; then, with others on the board,
//! the bytes a session writes when another user moves their selection and how long a follower
//! takes to draw its presenter's new selection. Run with `cargo bench --bench terminal` (it
//! prints two tables; `-- presence` only the second; README.md holds the numbers). The boards
//! carry 50 closed sprints and a 100,000-line activity journal. `-- bytes` prints only the
//! third table: at 120x40, the bytes written per navigation key (`j` `k` `h` `l`) and per card
//! move against the cells that really change on screen (two vt100 screens compared).

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
    // `cargo bench --bench terminal -- presence` runs only the second table.
    if std::env::args().any(|a| a == "presence") {
        presence_table();
        return;
    }
    if std::env::args().any(|a| a == "bytes") {
        bytes_table();
        return;
    }
    println!(
        "| items | terminal | first frame (median of {RUNS}) | peak RSS | bytes per navigation key | bytes per item move | bytes while idle (2 s) |"
    );
    println!("|---:|---|---:|---:|---:|---:|---:|");
    for items in ITEMS {
        let (_dir, path) = board_file(items);
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
    presence_table();
    bytes_table();
}

/// The keys measured by [`bytes_table`], each pair pressed in turn from the first delivery card:
/// walking a column, to the next column of the track and back, to the other track and back
/// (which unfolds it: the whole board is laid out again), moving a card across and within
/// columns.
const BYTE_KEYS: [(&str, [&str; 2]); 5] = [
    ("j/k", ["j", "k"]),
    ("l/h (same track)", ["l", "h"]),
    ("h/l (other track)", ["h", "l"]),
    ("L/H (move)", ["L", "H"]),
    ("J/K (move)", ["J", "K"]),
];

/// Bytes per key at 120x40 and the cells each key really changes, with the ratio of the bytes
/// to the cells (a cell takes at least one byte; cursor moves and styles add to it).
fn bytes_table() {
    println!();
    println!(
        "| items | key at 120x40 | bytes per key (median of {KEYS}) | cells changed | rows changed | bytes per changed cell |"
    );
    println!("|---:|---|---:|---:|---:|---:|");
    for items in ITEMS {
        let (_dir, path) = board_file(items);
        let (_, mut pty) = first_frame(&path, 120, 40);
        pty.settle(pty.written());
        for (name, keys) in BYTE_KEYS {
            let mut bytes = Vec::new();
            let mut cells = Vec::new();
            for n in 0..KEYS {
                let screen = pty.with_screen(Clone::clone);
                bytes.push(bytes_for(&mut pty, keys[n % 2]));
                cells.push(pty.with_screen(|now| changed_cells(&screen, now)));
            }
            cells.sort();
            let (bytes, (cells, rows)) = (median(bytes), cells[cells.len() / 2]);
            let per_cell = bytes as f64 / cells.max(1) as f64;
            println!("| {items} | {name} | {bytes} | {cells} | {rows} | {per_cell:.2} |");
        }
        pty.send("q");
        pty.wait_exit();
    }
}

/// Bytes per other user's selection move, and how long a follower takes to follow.
fn presence_table() {
    println!();
    println!(
        "| items | terminal | bytes per other user's selection move | cells changed on screen | follow latency (median of {KEYS}) |"
    );
    println!("|---:|---|---:|---:|---:|");
    for items in ITEMS {
        let (_dir, path) = board_file(items);
        for (cols, rows) in SIZES {
            let (bytes, cells) = others_move(&path, cols, rows);
            let latency = follow_latency(&path, cols, rows);
            println!(
                "| {items} | {cols}x{rows} | {bytes} | {cells} | {:.1} ms |",
                latency.as_secs_f64() * 1000.0
            );
        }
    }
}

/// A session at `cols` x `rows` watches another user walk up and down a column both have on
/// screen: the median bytes it writes per move, and the cells that change on its screen (and on
/// how many rows), to hold against the two cards involved.
fn others_move(path: &std::path::Path, cols: u16, rows: u16) -> (usize, String) {
    let (_, watcher) = first_frame_as(path, cols, rows, "watcher", &[]);
    let (_, mut mover) = first_frame_as(path, 80, 24, "mover", &[]);
    settle_both(&watcher, &mover);
    let mut bytes = Vec::new();
    let mut changed = Vec::new();
    for n in 0..KEYS {
        let before = watcher.written();
        let screen = watcher.with_screen(Clone::clone);
        mover.send(if n % 2 == 0 { "j" } else { "k" });
        wait_for_bytes(&watcher, before);
        settle_both(&watcher, &mover);
        bytes.push(watcher.written() - before);
        changed.push(watcher.with_screen(|now| changed_cells(&screen, now)));
    }
    changed.sort();
    let (cells, rows) = changed[changed.len() / 2];
    (median(bytes), format!("{cells} on {rows} rows"))
}

/// How many cells differ between two screens, and on how many rows.
fn changed_cells(before: &vt100::Screen, after: &vt100::Screen) -> (usize, usize) {
    let (rows, cols) = after.size();
    let mut cells = 0;
    let mut touched = 0;
    for row in 0..rows.get() {
        let here = (0..cols.get()).filter(|&col| before.cell(row, col) != after.cell(row, col)).count();
        cells += here;
        touched += usize::from(here > 0);
    }
    (cells, touched)
}

/// A presenter at 80x24 moves its selection; the median time until a follower at `cols` x
/// `rows` writes its new frame.
fn follow_latency(path: &std::path::Path, cols: u16, rows: u16) -> Duration {
    let (_, mut presenter) = first_frame_as(path, 80, 24, "presenter", &["--presenter"]);
    let (_, follower) = first_frame_as(path, cols, rows, "follower", &["--readonly", "--follow"]);
    settle_both(&presenter, &follower);
    let mut times: Vec<Duration> = (0..KEYS)
        .map(|n| {
            let before = follower.written();
            let start = Instant::now();
            presenter.send(if n % 2 == 0 { "j" } else { "k" });
            wait_for_bytes(&follower, before);
            let took = start.elapsed();
            settle_both(&presenter, &follower);
            took
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

/// Starts the binary as user `name` and waits for its first complete frame.
fn first_frame_as(
    path: &std::path::Path,
    cols: u16,
    rows: u16,
    name: &str,
    args: &[&str],
) -> (Duration, Pty) {
    let start = Instant::now();
    let pty = Pty::spawn(path, args, cols, rows, &[("TWOTRACK_USER", name)]);
    pty.wait_frame(cols, start);
    (start.elapsed(), pty)
}

fn wait_for_bytes(pty: &Pty, before: usize) {
    let start = Instant::now();
    while pty.written() == before {
        assert!(start.elapsed() < pty::PATIENCE, "nothing was drawn:\n{}", pty.screen());
        std::thread::sleep(Duration::from_micros(200));
    }
}

/// Waits until neither session writes for a moment (the one-second presence recheck included).
fn settle_both(a: &Pty, b: &Pty) {
    loop {
        let before = (a.written(), b.written());
        std::thread::sleep(Duration::from_millis(1200));
        if (a.written(), b.written()) == before {
            return;
        }
    }
}

/// A generated board of `items` items in a directory of its own.
fn board_file(items: usize) -> (tempfile::TempDir, std::path::PathBuf) {
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
    (dir, path)
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
    let peak_rss_kb = pty.peak_rss_kb();
    pty.send("q");
    pty.wait_exit();
    Row { first_frame: frames[RUNS / 2], peak_rss_kb, nav_bytes, move_bytes, idle_bytes }
}

/// Starts the binary and waits for the first complete frame (the key hints on the last line).
fn first_frame(path: &std::path::Path, cols: u16, rows: u16) -> (Duration, Pty) {
    let start = Instant::now();
    let pty = Pty::spawn(path, &[], cols, rows, &[]);
    pty.wait_frame(cols, start);
    (start.elapsed(), pty)
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
