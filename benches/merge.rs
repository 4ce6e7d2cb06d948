//! The git merge driver on three 10,000-item boards, each side with 100 changes (moves, new
//! titles, stage labels, new items under ids both sides take, some items changed on both sides,
//! a few fields changed on both): the whole `twotrack merge-file` as git runs it (a process that
//! reads three files, merges and writes), and the in-process merge alone. Run with
//! `cargo bench --bench merge` (divan, medians; README.md holds the numbers).

use std::path::Path;
use std::process::Command;

use divan::Bencher;
use twotrack::domain::change::{ItemChange, NewItem, ops};
use twotrack::domain::team::merge::{Side, merge3};
use twotrack::generate;
use twotrack::model::{Board, Stage, Timestamp};
use twotrack::store::format;

const ITEMS: usize = 10_000;
const CHANGES: u64 = 100;

fn main() {
    divan::main();
}

fn apply(board: &mut Board, op: Result<ops::Op, ops::OpError>) {
    if let Ok(op) = op {
        let _ = board.apply(op.edit);
    }
}

/// `base` with `CHANGES` changes of one side (`side` 1 or 2), made as a person would.
fn changed(base: &Board, side: u64) -> Board {
    let mut board = base.clone();
    let now: Timestamp = generate::epoch() + chrono::Duration::hours(side as i64);
    for k in 0..CHANGES {
        // The first ten items are changed by both sides (different fields, and the same field
        // on two of them); the rest are spread over the board.
        let id = if k < 10 { 100 + k } else { 1 + (k * 89 + side * 4_999) % ITEMS as u64 };
        let retitle = |board: &Board, text: String| {
            ops::update(board, id, ItemChange { title: Some(text), ..Default::default() }, now)
        };
        let op = match (k < 10, k % 4) {
            (true, _) if k < 2 || side == 2 => retitle(&board, format!("side {side} title {k}")),
            (true, _) | (false, 0) => {
                ops::step_column(&board, id, 1, now).or_else(|_| ops::step_column(&board, id, -1, now))
            }
            (false, 1) => retitle(&board, format!("side {side} title {k}")),
            (false, 2) => {
                let stage = board.item(id).map_or(Stage::One, |it| it.stage.other());
                ops::set_stage(&board, id, stage, now)
            }
            _ => {
                ops::add(&board, NewItem { title: format!("side {side} new {k}"), ..NewItem::default() }, now)
            }
        };
        apply(&mut board, op);
    }
    board
}

/// The three versions as files in a temporary directory (kept alive by the returned guard).
fn files() -> (tempfile::TempDir, Board, Board, Board) {
    let dir = tempfile::tempdir().expect("tempdir");
    let base = generate::board(ITEMS, 1);
    let (ours, theirs) = (changed(&base, 1), changed(&base, 2));
    for (name, board) in [("base.ron", &base), ("ours.ron", &ours), ("theirs.ron", &theirs)] {
        std::fs::write(dir.path().join(name), format::to_text(board).expect("text")).expect("write");
    }
    (dir, base, ours, theirs)
}

fn merge_file(dir: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_twotrack"))
        .current_dir(dir)
        .args(["merge-file", "base.ron", "ours.ron", "theirs.ron", "-o", "out.ron", "--quiet"])
        .output()
        .expect("run merge-file")
}

/// `twotrack merge-file` as git runs it: process start, three reads, the merge, the write.
#[divan::bench(sample_count = 15)]
fn merge_file_10000(bencher: Bencher) {
    let (dir, ..) = files();
    let first = merge_file(dir.path());
    assert_eq!(
        first.status.code(),
        Some(1),
        "two same-field conflicts: {}",
        String::from_utf8_lossy(&first.stderr)
    );
    bencher.bench_local(|| merge_file(dir.path()));
}

/// The three-way merge of the loaded boards alone.
#[divan::bench(sample_count = 30)]
fn merge3_10000(bencher: Bencher) {
    let (_dir, base, ours, theirs) = files();
    bencher.bench_local(|| merge3(&base, &ours, &theirs, Side::Ours).expect("merge"));
}
