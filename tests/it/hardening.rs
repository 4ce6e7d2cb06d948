//! Hostile text and closed pipes: what the command line prints can never drive the terminal,
//! and a reader that goes away ends a command quietly.

use crate::common;

use std::io::Read;
use std::process::Stdio;

use crate::common::{Sandbox, twotrack};

/// What a terminal must never receive from board text.
fn assert_harmless(what: &str, bytes: &[u8]) {
    assert!(
        !bytes.iter().any(|b| *b == 0x1b || *b == 0x07),
        "{what}: raw ESC or BEL in {:?}",
        String::from_utf8_lossy(bytes)
    );
    let text = String::from_utf8_lossy(bytes);
    assert!(
        !text.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c) || twotrack::escape::is_bidi_control(c)),
        "{what}: a C1 or bidi control in {text:?}"
    );
}

const HOSTILE: &str =
    "Pay \u{1b}]0;owned\u{7}now \u{1b}]52;c;ZXZpbA==\u{7}\u{1b}[5m\u{9b}31m\u{202e}exe.pdf\u{2066}";

fn hostile_board() -> Sandbox {
    let s = Sandbox::new().with_starter();
    let id = s
        .run(&[
            "add",
            HOSTILE,
            "--tag",
            HOSTILE,
            "--assignee",
            HOSTILE,
            "--description",
            HOSTILE,
            "--kind",
            "debt",
            "--severity",
            "high",
        ])
        .ok()
        .stdout;
    assert_eq!(id, "11\n");
    s.run(&["followup", "5", HOSTILE]).ok();
    s
}

#[test]
fn no_command_prints_a_terminal_escape_from_the_board() {
    let s = hostile_board();
    let commands: &[&[&str]] = &[
        &["list"],
        &["list", "--json"],
        &["show", "11"],
        &["show", "11", "--json"],
        &["debt"],
        &["debt", "--json"],
        &["stats"],
        &["stats", "--json"],
        &["check"],
        &["move", "11", "doing"],
        &["stage", "11", "1"],
        &["accept", "5"],
    ];
    for args in commands {
        let out = twotrack().arg("--file").arg(&s.board).args(*args).output().expect("run");
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        assert_harmless(&format!("{args:?} stdout"), &out.stdout);
        assert_harmless(&format!("{args:?} stderr"), &out.stderr);
    }
    let shown = s.run(&["show", "11"]).ok().stdout;
    assert!(shown.contains("Pay \\x1b]0;owned\\x07now"), "visible, not hidden: {shown}");
    let json = s.run(&["show", "11", "--json"]).ok().json();
    assert_eq!(json["title"], HOSTILE, "JSON carries the text itself, escaped the JSON way");
}

#[test]
fn no_error_prints_a_terminal_escape_from_what_was_typed_or_stored() {
    let s = hostile_board();
    let commands: &[&[&str]] = &[
        &["move", "11", HOSTILE],
        &["list", "--column", HOSTILE],
        &["add", "x", "--column", HOSTILE],
        &["show", HOSTILE],
        &["add", "x", "--kind", HOSTILE],
        &["promote", "11", "x"],
        &[HOSTILE],
    ];
    for args in commands {
        let out = twotrack().arg("--file").arg(&s.board).args(*args).output().expect("run");
        assert!(!out.status.success(), "{args:?} fails");
        assert!(!out.stderr.is_empty(), "{args:?} says why");
        assert_harmless(&format!("{args:?} stderr"), &out.stderr);
        assert_harmless(&format!("{args:?} stdout"), &out.stdout);
    }
    let missing = s.dir.path().join(format!("{HOSTILE}.ron"));
    let out = twotrack().arg("--file").arg(&missing).arg("list").output().expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert_harmless("a hostile file name", &out.stderr);
}

#[test]
fn a_reader_that_goes_away_ends_every_command_quietly() {
    let s = Sandbox::new();
    let mut board = twotrack::generate::board(3000, 4);
    board.definition_of_done.stage_one.push("Reviewed".into());
    let text = twotrack::store::format::to_text(&board).expect("text");
    s.write(text);
    let commands: &[&[&str]] = &[
        &["list"],
        &["list", "--json"],
        &["debt"],
        &["debt", "--json"],
        &["show", "7"],
        &["show", "7", "--json"],
        &["stats"],
        &["stats", "--json"],
        &["check"],
        &["--help"],
        &["list", "--help"],
    ];
    for args in commands {
        // Reads a little (like `head -c 100`) and closes the pipe; the big outputs are still
        // being written then, the small ones meet a closed pipe at once or fit in its buffer.
        let mut child = twotrack()
            .arg("--file")
            .arg(&s.board)
            .args(*args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let mut stdout = child.stdout.take().expect("stdout");
        let mut start = [0u8; 100];
        let _ = stdout.read(&mut start);
        drop(stdout);
        let out = child.wait_with_output().expect("wait");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(out.status.code(), Some(0), "{args:?} ends with success: {stderr}");
        assert!(stderr.is_empty(), "{args:?} ends quietly: {stderr}");
    }
}

#[test]
fn a_board_screen_ended_by_a_signal_exits_with_128_plus_the_signal() {
    let s = Sandbox::new().with_starter();
    let mut pty = common::pty::Pty::spawn(&s.board, &[], 80, 24, &[]);
    pty.wait_for("Welcome");
    let pid = pty.pid().expect("pid");
    let status =
        std::process::Command::new("sh").args(["-c", &format!("kill -TERM {pid}")]).status().expect("sh");
    assert!(status.success());
    assert_eq!(pty.wait_exit_code(), 128 + 15, "a script can tell the session did not end by a quit");
}

#[test]
fn the_board_screen_never_creates_a_board_at_a_path_that_was_given() {
    let s = Sandbox::new();
    let mut pty = common::pty::Pty::spawn(&s.board, &[], 80, 24, &[]);
    assert_eq!(pty.wait_exit_code(), 1);
    let screen = pty.screen();
    assert!(screen.contains("does not exist") && screen.contains("twotrack init"), "{screen}");
    assert!(!s.board.exists(), "a mistyped --file does not start a new board");
}
