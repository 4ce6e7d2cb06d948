//! A form's description written in the user's own editor (docs/guide/board-and-keys.md,
//! "Forms"): `Ctrl-o` hands the terminal over (cooked mode, the board's reader paused so the
//! editor gets every key), the text comes back into the field, and a failing editor changes
//! nothing but says so in the form.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::common::Sandbox;
use crate::common::pty::Pty;

const TAB: &str = "\t";
const CTRL_O: &str = "\x0f";

/// A shell script made executable, for `$EDITOR`.
fn script(dir: &Path, name: &str, body: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).expect("write the editor script");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("make it executable");
    path.display().to_string()
}

/// Opens item #1's form and focuses its description (after ten fields).
fn to_the_description(pty: &mut Pty) {
    pty.wait_for("Welcome");
    pty.keys(&["e"]);
    pty.wait_for("Edit #1");
    pty.keys(&[TAB; 10]);
    pty.wait_for("editor");
}

#[test]
fn the_editor_gets_the_terminal_and_its_lines_come_back_into_the_description() {
    let s = Sandbox::new().with_starter();
    let dir = tempfile::tempdir().expect("tempdir");
    let stty = dir.path().join("stty.txt");
    let body = format!(
        "stty -a > '{}'\nprintf 'editor here, type a line\\n'\nread line\nprintf '%s\\n' \"$line\" >> \"$1\"\nprintf 'second added\\nthird added\\n' >> \"$1\"",
        stty.display()
    );
    let editor = script(dir.path(), "editor.sh", &body);
    let mut pty = Pty::spawn(&s.board, &[], 80, 24, &[("EDITOR", &editor), ("VISUAL", "")]);
    to_the_description(&mut pty);
    pty.keys(&[CTRL_O]);
    pty.wait_for("editor here, type a line");
    // Typed into the editor, not read by the board behind it.
    pty.send("typed in the editor\r");
    pty.wait_for("third added");
    let modes = std::fs::read_to_string(&stty).expect("the editor ran");
    assert!(modes.contains(" icanon") && !modes.contains("-icanon"), "cooked mode for the editor:\n{modes}");
    pty.keys(&[TAB, "\r"]);
    pty.wait_for("edited #1");
    pty.keys(&["q"]);
    assert!(pty.wait_exit());
    let list = s.run(&["list", "--json"]).ok().json();
    let one = list.as_array().expect("array").iter().find(|i| i["id"] == 1).expect("item 1").clone();
    let description = one["description"].as_str().expect("a description").to_owned();
    assert!(description.starts_with("Two tracks side by side"), "{description}");
    assert!(description.ends_with("typed in the editor\nsecond added\nthird added"), "{description}");
}

#[test]
fn a_failing_editor_says_so_in_the_form_and_the_field_keeps_its_text() {
    let s = Sandbox::new().with_starter();
    let dir = tempfile::tempdir().expect("tempdir");
    let editor = script(dir.path(), "fails.sh", "echo lost >> \"$1\"; exit 4");
    let mut pty = Pty::spawn(&s.board, &[], 80, 24, &[("EDITOR", &editor), ("VISUAL", "")]);
    to_the_description(&mut pty);
    pty.keys(&[CTRL_O]);
    let screen = pty.wait_for("ended with status 4");
    assert!(!screen.contains("lost"), "{screen}");
    pty.keys(&["\x1b", "q"]);
    assert!(pty.wait_exit());
    let list = s.run(&["list", "--json"]).ok().json();
    let one = list.as_array().expect("array").iter().find(|i| i["id"] == 1).expect("item 1").clone();
    assert!(!one["description"].as_str().unwrap_or_default().contains("lost"), "{one}");
}
