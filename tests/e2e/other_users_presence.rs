//! Presence among real users (via `setpriv`, so this runs as root, as CI does), in a setgid team
//! directory: a teammate cannot remove or replace the presenter's presence file, is shown under
//! their own login when they announce themselves under the presenter's name, cannot hand
//! presenting to a session that does not follow them, and cannot make a session write its
//! presence through a link they swapped in for the directory.

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::pty::Pty;
use crate::common::{self, wait_until};

const TEAM: u32 = 100;
const PRESENTER: u32 = 65533;
const MALLORY: u32 = 65534;

fn running_as_root() -> bool {
    fs::metadata("/proc/self").map(|m| m.uid() == 0).unwrap_or(false)
}

fn as_uid(uid: u32) -> [String; 4] {
    ["setpriv".into(), format!("--reuid={uid}"), format!("--regid={TEAM}"), "--clear-groups".into()]
}

/// A shell command run as `uid` in the team group; whether it succeeded.
fn shell_as(uid: u32, script: &str) -> bool {
    let [program, args @ ..] = as_uid(uid);
    Command::new(program).args(args).args(["sh", "-c", script]).status().is_ok_and(|s| s.success())
}

fn session_as(uid: u32, board: &Path, args: &[&str], name: &str) -> Pty {
    let wrapper = as_uid(uid);
    let wrapper: Vec<&str> = wrapper.iter().map(String::as_str).collect();
    let pty = Pty::spawn_as(
        &wrapper,
        board,
        args,
        100,
        30,
        &[("TWOTRACK_USER", name), ("XDG_CONFIG_HOME", "/nonexistent")],
    );
    pty.wait_for("#1 ");
    pty
}

/// The presence file of the session run by `uid`.
fn file_of(presence: &Path, uid: u32) -> Option<PathBuf> {
    fs::read_dir(presence).ok()?.flatten().map(|e| e.path()).find(|p| {
        p.extension().is_some_and(|x| x == "presence") && fs::metadata(p).is_ok_and(|m| m.uid() == uid)
    })
}

#[test]
fn a_teammate_can_neither_remove_impersonate_hand_over_nor_redirect_presence() {
    if !running_as_root() {
        return;
    }
    let top = tempfile::tempdir().expect("tempdir");
    fs::set_permissions(top.path(), fs::Permissions::from_mode(0o755)).expect("chmod");
    let team = top.path().join("team");
    fs::create_dir(&team).expect("mkdir");
    std::os::unix::fs::chown(&team, Some(PRESENTER), Some(TEAM)).expect("chown");
    fs::set_permissions(&team, fs::Permissions::from_mode(0o2770)).expect("chmod");
    let board = team.join("board.ron");
    let cli = |args: &[&str]| {
        let [program, rest @ ..] = as_uid(PRESENTER);
        let out = Command::new(program)
            .args(rest)
            .arg(env!("CARGO_BIN_EXE_twotrack"))
            .arg("--file")
            .arg(&board)
            .args(args)
            .env("TWOTRACK_NOW", common::NOW)
            .env("HOME", "/nonexistent")
            .output()
            .expect("setpriv runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    };
    cli(&["init"]);
    cli(&["add", "First"]);
    cli(&["add", "Second"]);

    let mut presenter = session_as(PRESENTER, &board, &["--presenter"], "alice");
    let presence = team.join(".twotrack-presence");
    let mode = fs::metadata(&presence).expect("presence directory").mode() & 0o7777;
    assert_eq!(mode, 0o3770, "group-shared like the team directory, and sticky");
    let alices = file_of(&presence, PRESENTER).expect("the presenter's file");
    let inode = fs::metadata(&alices).expect("meta").ino();

    // Removing or replacing the presenter's file is refused by the sticky bit.
    let path = alices.display();
    assert!(!shell_as(MALLORY, &format!("rm -f '{path}'")), "removing someone else's file");
    let fake = presence.join(".fake");
    let swap = format!(
        "echo '(name: \"alice\", presenting: true)' > '{}' && mv -f '{}' '{path}'",
        fake.display(),
        fake.display()
    );
    assert!(!shell_as(MALLORY, &swap), "replacing someone else's file");
    assert_eq!(fs::metadata(&alices).expect("still there").ino(), inode, "the presenter's file is untouched");

    // A follower; then the teammate announces themselves under the presenter's name.
    let follower = Pty::spawn(&board, &["--readonly", "--follow"], 140, 30, &[("TWOTRACK_USER", "dana")]);
    follower.wait_for("following uid 65533 (as alice)");
    let mut mallory = session_as(MALLORY, &board, &["--presenter"], "alice");
    follower.wait_for("▶nobody (as alice)");
    // The teammate hands presenting to the follower, who follows someone else: not taken.
    mallory.send("T");
    mallory.wait_for("Hand presenting over to");
    mallory.send("j");
    mallory.send("\r");
    follower.wait_for("nobody (as alice) handed presenting to you, but you do not follow them: not taken");
    assert!(follower.screen().contains("following uid 65533 (as alice)"), "{}", follower.screen());
    mallory.keys(&["q"]);
    assert!(mallory.wait_exit());
    // The follower leaves too: a session that finds the directory gone makes it again.
    let mut follower = follower;
    follower.keys(&["q"]);
    assert!(follower.wait_exit());

    // The teammate moves the presence directory away and puts a link to their own in its place.
    let theirs = top.path().join("mallory");
    fs::create_dir(&theirs).expect("mkdir");
    fs::set_permissions(&theirs, fs::Permissions::from_mode(0o777)).expect("chmod");
    let redirect = format!(
        "mv '{0}' '{1}/moved' && ln -s '{2}' '{0}'",
        presence.display(),
        team.display(),
        theirs.display()
    );
    assert!(shell_as(MALLORY, &redirect), "a group member may rename entries of a setgid directory");
    assert!(fs::symlink_metadata(&presence).expect("link").file_type().is_symlink(), "swapped");
    presenter.send("l");
    presenter.wait_for("is a link; presence files are never written through one");
    wait_until("nothing is written through the link", || {
        fs::read_dir(&theirs).map(Iterator::count).unwrap_or(1) == 0
    });
    presenter.keys(&["q"]);
    assert!(presenter.wait_exit());
    assert_eq!(fs::read_dir(&theirs).expect("list").count(), 0, "nothing written there, ever");
}
