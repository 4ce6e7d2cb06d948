//! `twotrack merge-file` and `merge-journal` as git calls them: the result over OURS, exit
//! statuses 0 / 1 / 2, a board added on both sides, a file that is not a board.

use std::path::PathBuf;

use crate::common::{Run, twotrack};
use twotrack::domain::change::{NewItem, ops};
use twotrack::model::{Board, Timestamp};
use twotrack::store::format;

fn at(s: i64) -> Timestamp {
    chrono::DateTime::from_timestamp(1_800_000_000 + s, 0).expect("time")
}

fn with(board: &Board, title: &str, created: Timestamp) -> Board {
    let mut board = board.clone();
    let op = ops::add(&board, NewItem { title: title.into(), ..NewItem::default() }, created).expect("add");
    board.apply(op.edit).expect("apply");
    board
}

struct Files {
    dir: tempfile::TempDir,
}

impl Files {
    fn new() -> Files {
        Files { dir: tempfile::tempdir().expect("tempdir") }
    }

    fn put(&self, name: &str, text: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, text).expect("write");
        path
    }

    fn board(&self, name: &str, board: &Board) -> PathBuf {
        self.put(name, &format::to_text(board).expect("text"))
    }

    fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.dir.path().join(name)).expect("read")
    }

    fn merge(&self, args: &[&str]) -> Run {
        let mut cmd = twotrack();
        Run::of(cmd.current_dir(self.dir.path()).arg("merge-file").args(args).output().expect("run"))
    }
}

#[test]
fn a_clean_merge_replaces_ours_says_nothing_and_exits_0() {
    let files = Files::new();
    let base = with(&Board::new("t"), "one", at(0));
    files.board("base", &base);
    files.board("ours", &with(&base, "ours", at(1)));
    let theirs = {
        let mut b = base.clone();
        b.capacity.points = 12;
        b
    };
    files.board("theirs", &theirs);
    let run = files.merge(&["base", "ours", "theirs"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let merged =
        format::from_bytes(&files.dir.path().join("ours"), files.read("ours").as_bytes()).expect("board");
    assert_eq!((merged.items().len(), merged.capacity.points), (2, 12));
    assert_eq!(files.read("ours"), format::to_text(&merged).expect("text"), "as a save writes it");
    let printed = files.merge(&["base", "base", "theirs", "-o", "-"]).ok();
    assert_eq!(printed.stdout, format::to_text(&theirs).expect("text"), "-o - prints the result");
}

#[test]
fn a_board_added_on_both_sides_keeps_both_sides_items() {
    let files = Files::new();
    files.put("base", "");
    files.board("ours", &with(&Board::new("t"), "mine", at(1)));
    files.board("theirs", &with(&Board::new("t"), "theirs", at(2)));
    let run = files.merge(&["base", "ours", "theirs", "-o", "out.ron"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("#1 \"theirs\" from their side is now #2"), "{}", run.stderr);
    let merged = format::from_bytes(&files.dir.path().join("out.ron"), files.read("out.ron").as_bytes())
        .expect("board");
    let titles: Vec<&str> = merged.items().iter().map(|it| it.title.as_str()).collect();
    assert_eq!(titles, ["mine", "theirs"]);
    assert!(files.dir.path().join("out.ron.conflicts").exists(), "-o names the board the note goes beside");
}

#[test]
fn a_version_that_is_not_a_board_merges_nothing_and_exits_2() {
    let files = Files::new();
    let base = with(&Board::new("t"), "one", at(0));
    files.board("base", &base);
    let ours = files.board("ours", &with(&base, "ours", at(1)));
    let before = std::fs::read(&ours).expect("read");
    files.put("theirs", "<<<<<<< HEAD\n(version: 1,\n");
    let run = files.merge(&["base", "ours", "theirs", "--board", "plans/board.ron"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("plans/board.ron (theirs)"),
        "names the version, not git's file: {}",
        run.stderr
    );
    assert!(run.stderr.contains("nothing was merged"), "{}", run.stderr);
    assert_eq!(std::fs::read(&ours).expect("read"), before, "ours is as it was");
    files.put("empty", "");
    let run = files.merge(&["base", "empty", "base"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("is empty; expected a twotrack board"), "{}", run.stderr);
}

#[test]
fn conflicts_exit_1_and_quiet_keeps_stderr_to_the_summary() {
    let files = Files::new();
    let base = with(&Board::new("t"), "one", at(0));
    files.board("base", &base);
    let mut ours = base.clone();
    ours.capacity.points = 1;
    let mut theirs = base.clone();
    theirs.capacity.points = 2;
    files.board("ours", &ours);
    files.board("theirs", &theirs);
    let run = files.merge(&["base", "ours", "theirs", "--quiet"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr, "twotrack: merged with 1 conflict: our values kept, theirs not applied\n");
    assert!(files.read("ours").contains("points: 1,"));
}

#[test]
fn journals_merge_in_time_order() {
    let files = Files::new();
    let line = |t: &str, who: &str| {
        format!(
            "{{\"time\":\"2026-11-21T{t}:00Z\",\"author\":\"{who}\",\"action\":\"settings\",\"summary\":\"{who} {t}\"}}\n"
        )
    };
    files.put("base", &line("09:00", "setup"));
    files.put("ours", &[line("09:00", "setup"), line("10:30", "alice")].concat());
    files.put("theirs", &[line("09:00", "setup"), line("10:00", "bob")].concat());
    let mut cmd = twotrack();
    let run = Run::of(
        cmd.current_dir(files.dir.path())
            .args(["merge-journal", "base", "ours", "theirs"])
            .output()
            .expect("run"),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        files.read("ours"),
        [line("09:00", "setup"), line("10:00", "bob"), line("10:30", "alice")].concat()
    );
}
