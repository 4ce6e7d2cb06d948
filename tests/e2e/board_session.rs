//! The real binary in a pseudo-terminal: keys in, screen and file checked, terminal restored.

use crate::common::Sandbox;
use crate::common::pty::Pty;

const RIGHT: &str = "\x1b[C";

#[test]
fn a_session_moves_labels_adds_undoes_and_restores_the_terminal() {
    let s = Sandbox::new().with_starter();
    let mut pty = Pty::spawn(&s.board, &[], 80, 24, &[]);
    pty.wait_for("Welcome");
    assert!(pty.with_screen(|screen| screen.alternate_screen()), "the board uses the alternate screen");
    // Ready -> In progress -> Review -> Done, one column at a time.
    pty.keys(&["L", "L", "L"]);
    pty.wait_for("Move #1 to Done?");
    pty.keys(&["y"]);
    pty.wait_for("#1 moved to Done");
    pty.keys(&["2"]);
    pty.wait_for("#1 labelled stage two");
    // Add an item with an estimate in the selected column.
    pty.keys(&["a"]);
    pty.wait_for("Add item");
    pty.send("Pair on the release notes");
    pty.keys(&["\t", "\t", "8", "\r"]);
    pty.wait_for("added #11");
    pty.keys(&["u"]);
    pty.wait_for("undid: added #11");
    pty.keys(&["u"]);
    pty.wait_for("undid: #1 labelled stage two");
    pty.keys(&["z"]);
    pty.wait_for("showing only the delivery track");
    pty.keys(&["?"]);
    pty.wait_for("Help: Board keys");
    pty.keys(&["\x1b", "q"]);
    assert!(pty.wait_exit(), "twotrack exits with success");
    pty.with_screen(|screen| {
        assert!(!screen.alternate_screen(), "the alternate screen was left");
        assert!(!screen.hide_cursor(), "the cursor is visible again");
    });
    let list = s.run(&["list", "--json"]).ok().json();
    let one = list.as_array().expect("array").iter().find(|i| i["id"] == 1).expect("item 1").clone();
    assert_eq!((one["column"].as_str(), one["stage"].as_u64()), (Some("done"), Some(1)));
    assert!(list.as_array().expect("array").iter().all(|i| i["id"] != 11), "the add was undone");
}

#[test]
fn resizing_down_to_tiny_and_back_keeps_working() {
    let s = Sandbox::new().with_starter();
    let mut pty = Pty::spawn(&s.board, &[], 200, 50, &[]);
    pty.wait_for("DISCOVERY");
    pty.resize(10, 3);
    pty.wait_for("Terminal");
    pty.resize(80, 24);
    // As a user does: the board is back on screen before the next key (a key read before the
    // resize reaches the program meets the too-small screen, which takes no keys).
    pty.wait_for("DELIVERY");
    pty.keys(&[RIGHT]);
    pty.wait_for("Retry failed webhooks");
    pty.keys(&["q"]);
    assert!(pty.wait_exit());
}

#[test]
fn a_bad_board_file_is_reported_before_the_terminal_is_touched() {
    let s = Sandbox::new();
    s.write("(version: 1,");
    let mut pty = Pty::spawn(&s.board, &[], 80, 24, &[]);
    assert!(!pty.wait_exit(), "exits with failure");
    let screen = pty.screen();
    assert!(screen.contains("line 1, column"), "{screen}");
    assert!(!pty.with_screen(|screen| screen.alternate_screen()));
    assert_eq!(s.read(), b"(version: 1,", "the file is untouched");
}

#[test]
fn being_killed_restores_the_terminal() {
    let s = Sandbox::new().with_starter();
    let mut pty = Pty::spawn(&s.board, &[], 80, 24, &[]);
    pty.wait_for("Welcome");
    pty.keys(&["L"]);
    pty.wait_for("#1 moved to In progress");
    let pid = pty.pid().expect("pid");
    // The shell's own kill, so the test needs no procps.
    let status =
        std::process::Command::new("sh").args(["-c", &format!("kill -TERM {pid}")]).status().expect("sh");
    assert!(status.success());
    pty.wait_exit();
    pty.with_screen(|screen| {
        assert!(!screen.alternate_screen(), "the alternate screen was left");
        assert!(!screen.hide_cursor(), "the cursor is visible again");
    });
    assert!(s.text().contains("column: \"doing\""), "the change was saved");
}

#[test]
fn a_slip_of_d_is_undone_after_a_restart_with_restore() {
    let s = Sandbox::new().with_starter();
    let mut pty = Pty::spawn(&s.board, &[], 80, 24, &[]);
    pty.wait_for("Welcome");
    pty.keys(&["d"]);
    // The message says what happened and both ways back.
    let screen = pty.wait_for("undoes it");
    let said = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(said.contains("u undoes it; later: y or twotrack restore 1"), "{screen}");
    pty.keys(&["q"]);
    assert!(pty.wait_exit(), "twotrack exits with success");
    assert!(s.run(&["trash"]).ok().stdout.starts_with("#1 \"Welcome"), "the trash lists it");
    let restored = s.run(&["restore", "1"]).ok().stdout;
    assert_eq!(restored.trim(), "restored #1 \"Welcome: press ? for every key, q to quit\"");
    let mut pty = Pty::spawn(&s.board, &[], 80, 24, &[]);
    // Back on its card (the selection stays where the last session left it).
    pty.wait_for("#1 Welcome:");
    pty.keys(&["q"]);
    assert!(pty.wait_exit());
    let one = s.run(&["show", "1", "--json"]).ok().json();
    assert_eq!((one["column"].as_str(), one["estimate"].as_u64()), (Some("ready"), Some(1)));
}

/// The screen's rows above the status lines (which say what the last key did).
fn board_rows(pty: &Pty) -> Vec<String> {
    pty.with_screen(|screen| {
        let rows: Vec<String> = screen.rows(0, 80).map(|row| row.trim_end().to_owned()).collect();
        rows[..rows.len() - 2].to_vec()
    })
}

#[test]
fn the_selection_and_the_undo_history_survive_a_restart() {
    let s = Sandbox::new().with_starter();
    // The user's state directory, away from the board's (which others share).
    let home = tempfile::tempdir().expect("tempdir");
    let state = home.path().join("state");
    let env = [("XDG_STATE_HOME", state.to_str().expect("UTF-8 path"))];
    let mut pty = Pty::spawn(&s.board, &[], 80, 24, &env);
    pty.wait_for("Welcome");
    pty.keys(&["d"]);
    pty.wait_for("undoes it");
    // Away from where the board starts: the second card of the next column.
    let before = pty.written();
    pty.keys(&["l", "j"]);
    pty.settle(before);
    let seen = board_rows(&pty);
    pty.keys(&["q"]);
    assert!(pty.wait_exit());
    assert_eq!(state.join("twotrack").read_dir().expect("the state directory").count(), 1, "one state file");
    let mut pty = Pty::spawn(&s.board, &[], 80, 24, &env);
    pty.wait_for("quit");
    pty.settle(0);
    assert_eq!(board_rows(&pty), seen, "the same selection, the same screen");
    pty.keys(&["u"]);
    pty.wait_for("undid: deleted #1");
    pty.keys(&["q"]);
    assert!(pty.wait_exit());
    let one = s.run(&["show", "1", "--json"]).ok().json();
    assert_eq!(one["column"].as_str(), Some("ready"), "the delete undone after the restart");
}

#[test]
fn deleted_quit_started_again_and_restored_from_the_recently_deleted_list() {
    let s = Sandbox::new().with_starter();
    let mut pty = Pty::spawn(&s.board, &[], 80, 24, &[]);
    pty.wait_for("Welcome");
    pty.keys(&["d"]);
    pty.wait_for("undoes it");
    pty.keys(&["q"]);
    assert!(pty.wait_exit(), "twotrack exits with success");
    let mut pty = Pty::spawn(&s.board, &[], 80, 24, &[]);
    pty.wait_for("q quit");
    pty.keys(&["y"]);
    let list = pty.wait_for("Recently deleted");
    assert!(list.contains("#1") && list.contains("Welcome"), "{list}");
    pty.keys(&["\r"]);
    let screen = pty.wait_for("restored #1");
    assert!(screen.contains("nothing deleted to restore"), "{screen}");
    pty.keys(&["q", "q"]);
    assert!(pty.wait_exit());
    let one = s.run(&["show", "1", "--json"]).ok().json();
    assert_eq!((one["column"].as_str(), one["estimate"].as_u64()), (Some("ready"), Some(1)));
    assert_eq!(s.run(&["trash"]).ok().stdout.trim(), "nothing deleted to restore");
}
