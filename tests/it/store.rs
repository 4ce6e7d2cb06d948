//! The board file: round trips, the fixed layout, conflicts with other writers, and locking.

use crate::common;

use std::fs;
use std::path::Path;

use crate::common::{Sandbox, arb};
use proptest::prelude::*;
use twotrack::domain::change::ops;
use twotrack::store::format::{from_bytes, to_text};
use twotrack::store::location::STARTER;
use twotrack::store::{BoardLock, SaveError, Store};

fn now() -> twotrack::model::Timestamp {
    chrono::DateTime::parse_from_rfc3339(common::NOW).expect("time").to_utc()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]
    #[test]
    fn any_board_survives_save_and_load(board in arb::board(10)) {
        let text = to_text(&board).expect("writes");
        let back = from_bytes(Path::new("b.ron"), text.as_bytes()).expect("reads back");
        prop_assert_eq!(&back, &board);
        prop_assert_eq!(to_text(&back).expect("writes again"), text);
    }
}

#[test]
fn any_board_survives_a_real_save_and_load() {
    let sandbox = Sandbox::new();
    let opened = Store::open(&sandbox.board, now()).expect("create");
    assert!(opened.created);
    let (mut store, mut board) = (opened.store, opened.board);
    let op = ops::move_to_column(&board, 5, "doing", now()).expect("move");
    board.apply(op.edit).expect("apply");
    store.save(&board).expect("save");
    let (_, loaded) = Store::load(&sandbox.board).expect("load");
    assert_eq!(loaded, board);
}

#[test]
fn the_starter_asset_is_in_the_canonical_layout() {
    let board = from_bytes(Path::new("starter.ron"), STARTER.as_bytes()).expect("starter is valid");
    assert_eq!(to_text(&board).expect("text"), STARTER);
}

#[test]
fn saving_an_unchanged_board_is_byte_identical() {
    let sandbox = Sandbox::new().with_starter();
    let before = sandbox.read();
    let (mut store, board) = Store::load(&sandbox.board).expect("load");
    store.save(&board).expect("save");
    assert_eq!(sandbox.read(), before);
}

#[test]
fn changing_one_item_changes_only_its_lines() {
    let sandbox = Sandbox::new().with_starter();
    let before = sandbox.text();
    sandbox.run(&["stage", "5", "2"]).ok();
    let after = sandbox.text();
    let (old, new): (Vec<&str>, Vec<&str>) = (before.lines().collect(), after.lines().collect());
    assert_eq!(old.len(), new.len());
    let changed: Vec<usize> = (0..old.len()).filter(|&i| old[i] != new[i]).collect();
    assert!(!changed.is_empty());
    // Every changed line lies inside the block of item 5.
    let start = old.iter().position(|l| l.trim() == "id: 5,").expect("item 5");
    let end = start + old[start..].iter().position(|l| l.trim() == "),").expect("end of item 5");
    assert!(
        changed.iter().all(|i| (start..end).contains(i)),
        "changed lines {changed:?} outside {start}..{end}"
    );
}

#[test]
fn a_file_changed_on_disk_is_never_overwritten() {
    let sandbox = Sandbox::new().with_starter();
    let (mut store, mut board) = Store::load(&sandbox.board).expect("load");
    // Another writer moves an item meanwhile.
    sandbox.run(&["move", "6", "review"]).ok();
    let theirs = sandbox.read();
    let op = ops::move_to_column(&board, 5, "doing", now()).expect("move");
    board.apply(op.edit).expect("apply");
    let err = store.save(&board).expect_err("must refuse");
    assert!(matches!(err, SaveError::ChangedOnDisk(_)), "{err}");
    assert!(err.to_string().contains("changed on disk since it was loaded"), "{err}");
    assert_eq!(sandbox.read(), theirs, "the other writer's change is kept");
    // After reloading, saving works again.
    let fresh = store.reload().expect("reload");
    store.save(&fresh).expect("save after reload");
}

#[test]
fn touching_the_file_without_changing_it_is_not_a_conflict() {
    let sandbox = Sandbox::new().with_starter();
    let (mut store, board) = Store::load(&sandbox.board).expect("load");
    let bytes = sandbox.read();
    fs::remove_file(&sandbox.board).expect("remove");
    fs::write(&sandbox.board, &bytes).expect("rewrite same bytes");
    store.save(&board).expect("same content is fine");
}

#[test]
fn a_writer_waits_for_the_lock() {
    let sandbox = Sandbox::new().with_starter();
    let lock = BoardLock::acquire(&sandbox.board).expect("lock");
    let mut child = common::twotrack()
        .arg("--file")
        .arg(&sandbox.board)
        .args(["add", "Waited"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(child.try_wait().expect("poll").is_none(), "the writer must wait while the lock is held");
    drop(lock);
    let out = child.wait_with_output().expect("finish");
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "11");
}

#[test]
fn a_save_keeps_the_previous_version_and_the_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let sandbox = Sandbox::new().with_starter();
    fs::set_permissions(&sandbox.board, fs::Permissions::from_mode(0o660)).expect("chmod");
    let before = sandbox.read();
    sandbox.run(&["move", "5", "doing"]).ok();
    let backup = sandbox.dir.path().join("board.ron.bak");
    assert_eq!(fs::read(backup).expect("backup"), before);
    let mode = fs::metadata(&sandbox.board).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o660);
}

#[test]
fn concurrent_writers_all_land() {
    let sandbox = Sandbox::new().with_starter();
    let children: Vec<_> = (0..8)
        .map(|n| {
            common::twotrack()
                .arg("--file")
                .arg(&sandbox.board)
                .args(["add", &format!("parallel {n}")])
                .stdout(std::process::Stdio::null())
                .spawn()
                .expect("spawn")
        })
        .collect();
    for mut child in children {
        assert!(child.wait().expect("wait").success());
    }
    let list = sandbox.run(&["list", "--json"]).ok().json();
    let titles: Vec<&str> =
        list.as_array().expect("array").iter().filter_map(|i| i["title"].as_str()).collect();
    for n in 0..8 {
        assert!(titles.contains(&format!("parallel {n}").as_str()), "lost parallel {n}");
    }
}

#[test]
fn a_hand_formatted_file_loads_and_saves_in_the_standard_layout() {
    let sandbox = Sandbox::new().with_starter();
    let standard = sandbox.text();
    // Someone re-indents the file by hand: still valid RON, another layout.
    sandbox.write(standard.replace("    ", "  "));
    let (mut store, board) = Store::load(&sandbox.board).expect("loads");
    let (_, expected) = Store::load(&sandbox.board).expect("loads");
    assert_eq!(board, expected);
    store.save(&board).expect("saves");
    assert_eq!(sandbox.text(), standard, "written back in the standard layout");
}

#[test]
fn a_board_behind_a_symbolic_link_is_saved_where_the_link_points() {
    let sandbox = Sandbox::new().with_starter();
    let link = sandbox.dir.path().join("link.ron");
    std::os::unix::fs::symlink(&sandbox.board, &link).expect("symlink");
    let run = common::Run::of(
        common::twotrack().arg("--file").arg(&link).args(["move", "5", "doing"]).output().expect("run"),
    )
    .ok();
    assert_eq!(run.stdout, "#5 moved to In progress\n");
    assert!(fs::symlink_metadata(&link).expect("link").file_type().is_symlink(), "the link is still a link");
    assert!(sandbox.text().contains("column: \"doing\""), "the target file holds the change");
}

#[test]
fn a_lock_left_by_a_dead_process_never_blocks() {
    let sandbox = Sandbox::new().with_starter();
    let lock = sandbox.dir.path().join("board.ron.lock");
    // Another process takes the board's lock and dies holding it (util-linux flock).
    // --no-fork: flock itself becomes `sleep`, so killing it leaves no other holder behind.
    let mut holder = std::process::Command::new("flock")
        .arg("--no-fork")
        .arg(&lock)
        .args(["sleep", "60"])
        .spawn()
        .expect("flock runs");
    common::wait_until("the other process holds the lock", || {
        let file = fs::File::open(&lock);
        file.is_ok_and(|f| matches!(f.try_lock(), Err(fs::TryLockError::WouldBlock)))
    });
    holder.kill().expect("kill the holder");
    holder.wait().expect("reap");
    let run = sandbox.run(&["add", "After the crash"]).ok();
    assert_eq!(run.stdout, "11\n");
}
