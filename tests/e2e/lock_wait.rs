//! A held lock never freezes the board screen (issue 30 item 2): another process holds the
//! board's lock with `flock` (an empty lock file: "held by another process") while the screen
//! takes keys; they are answered, the status line says whom the save waits for, and the change
//! is saved once the lock frees. A command-line writer kept waiting says so on stderr.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::common::Sandbox;
use crate::common::pty::Pty;
use twotrack::store::BoardLock;

/// Holds the board's lock from another process (`cat` under `flock`, an empty lock file) until
/// its input closes.
fn hold_lock(s: &Sandbox) -> Child {
    let lock_file = s.board.with_extension("ron.lock");
    let holder =
        Command::new("flock").arg(&lock_file).arg("cat").stdin(Stdio::piped()).spawn().expect("flock");
    crate::common::wait_until("flock holds the lock", || {
        BoardLock::acquire_within(&s.board, Duration::from_millis(20)).is_err()
    });
    holder
}

#[test]
fn keys_are_answered_under_a_held_lock_and_the_change_is_saved_after_release() {
    let s = Sandbox::new().with_starter();
    let mut holder = hold_lock(&s);
    let mut pty = Pty::spawn(&s.board, &[], 120, 30, &[]);
    pty.wait_for("Welcome");
    pty.keys(&["L"]);
    pty.wait_for("#1 moved to In progress");
    pty.wait_for("waiting for the lock (held by another process)");
    // Keys are still answered while the save waits.
    pty.keys(&["2"]);
    pty.wait_for("#1 labelled stage two");
    let list = s.run(&["list", "--json"]).ok().json();
    let one = list.as_array().expect("array").iter().find(|i| i["id"] == 1).expect("item 1").clone();
    assert_eq!(one["column"].as_str(), Some("ready"), "nothing written while the lock is held");
    drop(holder.stdin.take());
    holder.wait().expect("flock ended, the lock released");
    pty.wait_for("✓ saved");
    let list = s.run(&["list", "--json"]).ok().json();
    let one = list.as_array().expect("array").iter().find(|i| i["id"] == 1).expect("item 1").clone();
    assert_eq!((one["column"].as_str(), one["stage"].as_u64()), (Some("doing"), Some(2)));
    pty.keys(&["q"]);
    assert!(pty.wait_exit(), "twotrack exits with success");
}

#[test]
fn a_command_kept_waiting_says_whom_for_on_stderr_and_saves_after_release() {
    let s = Sandbox::new().with_starter();
    let mut holder = hold_lock(&s);
    let mut cmd = crate::common::twotrack();
    cmd.arg("--file").arg(&s.board).args(["move", "1", "doing"]);
    let waiter = std::thread::spawn(move || crate::common::Run::of(cmd.output().expect("run twotrack")));
    // Past the quiet second, the line is out; then the lock frees.
    std::thread::sleep(Duration::from_millis(1500));
    drop(holder.stdin.take());
    holder.wait().expect("flock ended, the lock released");
    let run = waiter.join().expect("thread").ok();
    let lines: Vec<&str> = run.stderr.lines().filter(|l| l.contains("waiting for the lock")).collect();
    assert_eq!(lines.len(), 1, "one line: {}", run.stderr);
    assert!(
        lines[0].contains("board.ron.lock (held by another process); giving up after 30 s"),
        "{}",
        lines[0]
    );
    let item = s.run(&["show", "1", "--json"]).ok().json();
    assert_eq!(item["column"].as_str(), Some("doing"), "the move saved once the lock freed");
}
