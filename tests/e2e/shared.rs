//! Several people on one board: two real instances in two pseudo-terminals on one file, a
//! read-only viewer, users who cannot write, and group-shared directories.

use crate::common;

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};

use crate::common::Sandbox;
use crate::common::pty::Pty;

fn columns(s: &Sandbox) -> Vec<(u64, String)> {
    let list = s.run(&["list", "--json"]).ok().json();
    list.as_array()
        .expect("array")
        .iter()
        .map(|i| (i["id"].as_u64().expect("id"), i["column"].as_str().expect("column").to_owned()))
        .collect()
}

fn column_of(s: &Sandbox, id: u64) -> String {
    columns(s).into_iter().find(|(i, _)| *i == id).map(|(_, c)| c).expect("item exists")
}

#[test]
fn a_move_in_one_instance_shows_in_the_other() {
    let s = Sandbox::new().with_starter();
    let mut a = Pty::spawn(&s.board, &[], 100, 30, &[]);
    let b = Pty::spawn(&s.board, &[], 100, 30, &[]);
    a.wait_for("Welcome");
    b.wait_for("Welcome");
    a.keys(&["L"]);
    a.wait_for("#1 moved to In progress");
    let screen = b.wait_for("#1 moved to In progress");
    assert!(screen.contains("session of yours: #1 moved to In progress"), "says who and what:\n{screen}");
}

#[test]
fn moves_at_the_same_time_in_two_instances_both_land_in_the_file() {
    let s = Sandbox::new().with_starter();
    let mut a = Pty::spawn(&s.board, &[], 100, 30, &[]);
    let mut b = Pty::spawn(&s.board, &[], 100, 30, &[]);
    a.wait_for("Welcome");
    b.wait_for("Welcome");
    // B selects #5 (second card of Ready) first; then both move at once.
    b.keys(&["j"]);
    a.send("L");
    b.send("L");
    common::wait_until("both first moves are in the file", || {
        column_of(&s, 1) == "doing" && column_of(&s, 5) == "doing"
    });
    // A burst: both keep moving their item right, interleaved.
    for _ in 0..2 {
        a.send("L");
        b.send("L");
    }
    a.wait_for("Move #1 to Done?");
    b.wait_for("Move #5 to Done?");
    a.send("y");
    b.send("y");
    common::wait_until("both items reach Done", || column_of(&s, 1) == "done" && column_of(&s, 5) == "done");
    a.keys(&["q"]);
    b.keys(&["q"]);
    assert!(a.wait_exit() && b.wait_exit());
    assert_eq!(column_of(&s, 1), "done", "A's moves are in the file");
    assert_eq!(column_of(&s, 5), "done", "B's moves are in the file");
}

#[test]
fn deleting_an_item_another_is_editing_tells_the_editor() {
    let s = Sandbox::new().with_starter();
    let mut a = Pty::spawn(&s.board, &[], 100, 30, &[]);
    let mut b = Pty::spawn(&s.board, &[], 100, 30, &[]);
    a.wait_for("Welcome");
    b.wait_for("Welcome");
    b.keys(&["e"]);
    b.wait_for("Edit #1");
    b.keys(&["\x1b[F", "!"]);
    a.keys(&["d"]);
    a.wait_for("deleted #1");
    b.wait_for("#1 was deleted by");
    b.keys(&["\x1bOQ"]);
    let screen = b.wait_for("item #1 does not exist");
    assert!(!screen.contains("NOT SAVED"), "{screen}");
    b.keys(&["\x1b", "q"]);
    assert!(b.wait_exit());
    assert!(columns(&s).iter().all(|(id, _)| *id != 1), "the item stays deleted; nothing half-done");
}

#[test]
fn a_read_only_viewer_follows_along_and_refuses_edits() {
    let s = Sandbox::new().with_starter();
    let mut viewer = Pty::spawn(&s.board, &["--readonly"], 100, 30, &[]);
    viewer.wait_for("READ-ONLY");
    let before = s.read();
    viewer.keys(&["L"]);
    viewer.wait_for("read-only session, nothing was changed: started with --readonly");
    assert_eq!(s.read(), before);
    s.run(&["move", "5", "review"]).ok();
    viewer.wait_for("#5 moved to Review");
}

/// Root ignores permissions, so tests about other users run the binary as `nobody` when root.
fn running_as_root() -> bool {
    fs::metadata("/proc/self").map(|m| m.uid() == 0).unwrap_or(false)
}

#[test]
fn a_user_who_cannot_write_the_board_gets_a_read_only_session() {
    let s = Sandbox::new().with_starter();
    fs::set_permissions(&s.board, fs::Permissions::from_mode(0o444)).expect("chmod");
    let wrapper: &[&str] = if running_as_root() {
        &["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    } else {
        &[]
    };
    fs::set_permissions(s.dir.path(), fs::Permissions::from_mode(0o755)).expect("chmod dir");
    let mut pty = Pty::spawn_as(wrapper, &s.board, &[], 100, 30, &[]);
    let screen = pty.wait_for("READ-ONLY");
    assert!(screen.contains("you cannot"), "{screen}");
    let before = s.read();
    pty.keys(&["L"]);
    pty.wait_for("read-only session, nothing was changed");
    pty.keys(&["q"]);
    assert!(pty.wait_exit());
    assert_eq!(s.read(), before);
}

#[test]
fn a_board_in_a_group_shared_directory_stays_group_writable() {
    let s = Sandbox::new().with_starter();
    fs::set_permissions(s.dir.path(), fs::Permissions::from_mode(0o2777)).expect("shared dir");
    fs::set_permissions(&s.board, fs::Permissions::from_mode(0o664)).expect("group-writable board");
    let group = fs::metadata(&s.board).expect("meta").gid();
    if running_as_root() {
        // Another user of the board's group saves it.
        let run = common::Run::of(
            std::process::Command::new("setpriv")
                .args(["--reuid=65534", &format!("--regid={group}"), "--clear-groups"])
                .arg(env!("CARGO_BIN_EXE_twotrack"))
                .arg("--file")
                .arg(&s.board)
                .args(["move", "5", "doing"])
                .env("TWOTRACK_NOW", common::NOW)
                .output()
                .expect("setpriv"),
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert_eq!(fs::metadata(&s.board).expect("meta").uid(), 65534, "saved by the other user");
    } else {
        s.run(&["move", "5", "doing"]).ok();
    }
    let meta = fs::metadata(&s.board).expect("meta");
    assert_eq!(meta.mode() & 0o777, 0o664, "still group-writable");
    assert_eq!(meta.gid(), group, "still the group's");
    // And the first user can still save after the other one did.
    s.run(&["move", "5", "review"]).ok();
}

#[test]
fn a_burst_of_adds_and_moves_in_two_instances_loses_nothing() {
    let s = Sandbox::new().with_starter();
    let mut a = Pty::spawn(&s.board, &[], 100, 30, &[]);
    let mut b = Pty::spawn(&s.board, &[], 100, 30, &[]);
    a.wait_for("Welcome");
    b.wait_for("Welcome");
    // Both type as fast as they can, without waiting for the screen: add, save, label it stage
    // two, then go back to the stage-one lane for the next one.
    for n in 0..8 {
        a.send(&format!("a from A {n}\x1bOQ2\t"));
        b.send(&format!("a from B {n}\x1bOQ2\t"));
    }
    let titles = || -> Vec<String> {
        let list = s.run(&["list", "--json"]).ok().json();
        list.as_array()
            .expect("array")
            .iter()
            .map(|i| i["title"].as_str().expect("title").to_owned())
            .collect()
    };
    let all = || {
        let t = titles();
        (0..8).all(|n| t.contains(&format!("from A {n}")) && t.contains(&format!("from B {n}")))
    };
    let start = std::time::Instant::now();
    while !all() && start.elapsed() < common::pty::PATIENCE {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(all(), "missing items: {:?}\nA:\n{}\nB:\n{}", titles(), a.screen(), b.screen());
    let list = s.run(&["list", "--json"]).ok().json();
    let ids: Vec<u64> =
        list.as_array().expect("array").iter().map(|i| i["id"].as_u64().expect("id")).collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "every item has its own id");
    assert_eq!(ids.len(), 10 + 16);
    let stage_two = list
        .as_array()
        .expect("array")
        .iter()
        .filter(|i| i["title"].as_str().is_some_and(|t| t.starts_with("from")))
        .all(|i| i["stage"] == 2);
    assert!(stage_two, "every label after every add landed too");
}
