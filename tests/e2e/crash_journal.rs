//! Board and journal agree after any crash: writers killed 0–40 ms into a change, on the command
//! line and on the board screen, and after each kill every item on the board has its `added`
//! line (`log` shows the lines of a stopped save as `recovered` until the next writer writes
//! them) and no line names an item that never landed.

use std::collections::BTreeSet;
use std::process::Stdio;
use std::time::Duration;

use crate::common::pty::Pty;
use crate::common::{Sandbox, twotrack};
use crate::endurance::Lcg;

/// The ids of the items on the board.
fn board_ids(s: &Sandbox) -> BTreeSet<u64> {
    let list = s.run(&["list", "--json"]).ok().json();
    list.as_array().expect("array").iter().filter_map(|i| i["id"].as_u64()).collect()
}

/// The ids the journal says were added, each once at most.
fn added_ids(s: &Sandbox) -> BTreeSet<u64> {
    let log = s.run(&["log", "--json"]).ok().json();
    let mut ids = BTreeSet::new();
    for entry in log.as_array().expect("array").iter().filter(|e| e["action"] == "added") {
        let id = entry["item"].as_u64().expect("an added line names its item");
        assert!(ids.insert(id), "#{id} added twice in the journal: {log:#}");
    }
    ids
}

/// Board and journal tell the same story about the items added since `starter`.
fn assert_agree(s: &Sandbox, starter: &BTreeSet<u64>, run: usize) {
    let on_board: BTreeSet<u64> = board_ids(s).difference(starter).copied().collect();
    let journaled = added_ids(s);
    assert_eq!(on_board, journaled, "run {run}: board and journal disagree");
}

#[test]
fn commands_killed_at_any_moment_leave_board_and_journal_agreeing() {
    let s = Sandbox::new().with_starter();
    let starter = board_ids(&s);
    let mut rng = Lcg(29);
    for run in 0..240 {
        let mut child = twotrack()
            .arg("--file")
            .arg(&s.board)
            .args(["add", &format!("killed add {run}")])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(Duration::from_micros(rng.below(40_000)));
        let _ = child.kill();
        child.wait().expect("reap");
        assert_agree(&s, &starter, run);
    }
    // The next writer writes the missing lines for good, marked recovered, and the intent goes.
    s.run(&["add", "after the kills"]).ok();
    assert_agree(&s, &starter, 240);
    assert!(!s.dir.path().join("board.ron.intent").exists(), "the intent file is gone");
}

#[test]
fn board_screens_killed_while_saving_leave_board_and_journal_agreeing() {
    let s = Sandbox::new().with_starter();
    let starter = board_ids(&s);
    let mut rng = Lcg(31);
    for run in 0..100 {
        let mut pty = Pty::spawn(&s.board, &[], 80, 24, &[]);
        pty.wait_for("Welcome");
        pty.keys(&["a"]);
        pty.wait_for("Add item");
        pty.send(&format!("screen add {run}"));
        pty.send("\r");
        std::thread::sleep(Duration::from_micros(rng.below(40_000)));
        pty.kill_hard();
        assert_agree(&s, &starter, run);
    }
}

#[test]
fn imports_killed_at_any_moment_leave_board_and_journal_agreeing() {
    let s = Sandbox::new();
    s.run(&["init", "--empty"]).ok();
    let none = BTreeSet::new();
    let mut rng = Lcg(31);
    // Each run imports issues of another repository, so that each adds items of its own; an
    // import of 300 takes some 30 ms here, so most kills land in it.
    let file = |run: usize| {
        let path = s.dir.path().join(format!("issues-{run}.json"));
        std::fs::write(&path, crate::common::github_issues(&format!("acme/shop{run}"), 300)).expect("write");
        path
    };
    for run in 0..24 {
        let mut child = twotrack()
            .arg("--file")
            .arg(&s.board)
            .arg("import")
            .arg(file(run))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(Duration::from_micros(rng.below(60_000)));
        let _ = child.kill();
        child.wait().expect("reap");
        assert_agree(&s, &none, run);
    }
    s.run(&["import", file(24).to_str().unwrap_or_default()]).ok();
    assert_agree(&s, &none, 24);
    assert!(!s.dir.path().join("board.ron.intent").exists(), "the intent file is gone");
}
