//! Real users (via `setpriv`, so these run as root, as CI does): boards in group-shared
//! directories stay writable for the team whatever the umask; a user who may not write the board
//! is refused by every command and the file is left as it was; and files another user planted
//! beside a board (in a sticky `/tmp`-like directory or a setgid team directory) are never
//! written through.

use crate::common;

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::path::{Path, PathBuf};

use crate::common::Run;

const TEAM: u32 = 100;
const VICTIM: u32 = 65533;
const OTHER: u32 = 65534;

fn running_as_root() -> bool {
    fs::metadata("/proc/self").map(|m| m.uid() == 0).unwrap_or(false)
}

/// Runs `twotrack --file board args...` as `uid`:`gid` with `umask`.
fn as_user(uid: u32, gid: u32, board: &Path, args: &[&str]) -> Run {
    let out = std::process::Command::new("setpriv")
        .args([format!("--reuid={uid}"), format!("--regid={gid}"), "--clear-groups".into()])
        .args(["sh", "-c", "umask 022; exec \"$0\" \"$@\""])
        .arg(env!("CARGO_BIN_EXE_twotrack"))
        .arg("--file")
        .arg(board)
        .args(args)
        .env("TWOTRACK_NOW", common::NOW)
        .env_remove("TWOTRACK_FILE")
        .env("HOME", "/nonexistent")
        .output()
        .expect("setpriv runs");
    Run::of(out)
}

/// A directory with these bits, owner and group, inside a root-owned top directory others can enter.
fn dir(top: &Path, name: &str, mode: u32, owner: u32, group: u32) -> PathBuf {
    let path = top.join(name);
    fs::create_dir(&path).expect("mkdir");
    std::os::unix::fs::chown(&path, Some(owner), Some(group)).expect("chown");
    fs::set_permissions(&path, fs::Permissions::from_mode(mode)).expect("chmod");
    path
}

fn top() -> tempfile::TempDir {
    let top = tempfile::tempdir().expect("tempdir");
    fs::set_permissions(top.path(), fs::Permissions::from_mode(0o755)).expect("chmod");
    top
}

/// The victim's private file, and a check that it was never touched.
struct Private(PathBuf);

impl Private {
    fn new(top: &Path) -> Private {
        let home = dir(top, "victim-home", 0o700, VICTIM, VICTIM);
        let file = home.join("private");
        fs::write(&file, "secret").expect("write");
        std::os::unix::fs::chown(&file, Some(VICTIM), Some(VICTIM)).expect("chown");
        fs::set_permissions(&file, fs::Permissions::from_mode(0o600)).expect("chmod");
        Private(file)
    }

    fn assert_untouched(&self, what: &str) {
        let meta = fs::symlink_metadata(&self.0).expect("meta");
        assert_eq!(fs::read_to_string(&self.0).expect("read"), "secret", "{what}: content");
        assert_eq!(meta.mode() & 0o7777, 0o600, "{what}: mode");
        assert_eq!(meta.uid(), VICTIM, "{what}: owner");
        let home = self.0.parent().expect("home");
        assert_eq!(fs::read_dir(home).expect("list").count(), 1, "{what}: nothing created beside it");
    }
}

#[test]
fn a_board_created_in_a_setgid_team_directory_with_umask_022_is_the_teams() {
    if !running_as_root() {
        return;
    }
    let top = top();
    let team = dir(top.path(), "team", 0o2775, 0, TEAM);
    let board = team.join("board.ron");
    as_user(VICTIM, TEAM, &board, &["init"]).ok();
    for (path, what) in [(board.clone(), "board"), (team.join("board.ron.lock"), "lock")] {
        let meta = fs::metadata(&path).expect(what);
        assert_eq!(meta.mode() & 0o777, 0o664, "{what} is group-writable whatever the umask");
        assert_eq!(meta.gid(), TEAM, "{what} belongs to the team");
    }
    as_user(OTHER, TEAM, &board, &["add", "From a teammate"]).ok();
    as_user(VICTIM, TEAM, &board, &["add", "Back to the first"]).ok();
    let meta = fs::metadata(&board).expect("board");
    assert_eq!((meta.mode() & 0o777, meta.gid()), (0o664, TEAM), "and stays so");
    let titles = as_user(OTHER, TEAM, &board, &["list"]).ok().stdout;
    assert!(titles.contains("From a teammate") && titles.contains("Back to the first"), "{titles}");
}

#[test]
fn a_user_who_cannot_write_the_board_is_refused_by_every_command() {
    if !running_as_root() {
        return;
    }
    let top = top();
    let open = dir(top.path(), "open", 0o777, 0, 0);
    let board = open.join("board.ron");
    common::twotrack().arg("--file").arg(&board).arg("init").output().expect("init");
    fs::set_permissions(&board, fs::Permissions::from_mode(0o644)).expect("chmod");
    let before = fs::read(&board).expect("read");
    let commands: &[&[&str]] = &[
        &["add", "x"],
        &["move", "5", "doing"],
        &["stage", "5", "2"],
        &["followup", "5", "x"],
        &["accept", "5"],
        &["promote", "2", "x"],
        &["drop", "3", "--reason", "r"],
        &["init"],
    ];
    for args in commands {
        let run = as_user(OTHER, OTHER, &board, args);
        assert_eq!(run.code, 1, "{args:?}: {}", run.stderr);
        assert_eq!(run.stderr.lines().count(), 1, "{args:?}: one sentence: {}", run.stderr);
        let expected = if args[0] == "init" { "already exists" } else { "you cannot write board file" };
        assert!(run.stderr.contains(expected), "{args:?}: {}", run.stderr);
        let meta = fs::metadata(&board).expect("meta");
        assert_eq!((meta.uid(), meta.mode() & 0o7777), (0, 0o644), "{args:?}: owner and mode unchanged");
        assert_eq!(fs::read(&board).expect("read"), before, "{args:?}: content unchanged");
    }
    // Reading is still fine.
    as_user(OTHER, OTHER, &board, &["list"]).ok();
}

#[test]
fn links_planted_in_a_sticky_directory_are_never_written_through() {
    if !running_as_root() {
        return;
    }
    let top = top();
    let private = Private::new(top.path());
    let sticky = dir(top.path(), "tmp", 0o1777, 0, 0);
    let plant = |name: &str, target: &Path| {
        let link = sticky.join(name);
        symlink(target, &link).expect("plant");
        std::os::unix::fs::lchown(&link, Some(OTHER), Some(OTHER)).expect("lchown");
    };
    let profile = private.0.with_file_name(".profile");
    // The board path itself: a dangling link into the victim's home.
    plant("a.ron", &profile);
    for args in [&["list"][..], &["check"], &["init"], &["add", "x"]] {
        let run = as_user(VICTIM, VICTIM, &sticky.join("a.ron"), args);
        assert_eq!(run.code, 1, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains("symbolic link"), "{args:?}: {}", run.stderr);
    }
    assert!(!profile.exists(), "nothing was created where the link points");
    // The lock.
    plant("b.ron.lock", &private.0);
    let run = as_user(VICTIM, VICTIM, &sticky.join("b.ron"), &["init"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("b.ron.lock is a symbolic link"), "{}", run.stderr);
    // The backup: it cannot be replaced, so the save keeps it under the user's own name and goes
    // on (issue 30: a planted backup must not stop every save); the private file is untouched.
    plant("c.ron.bak", &private.0);
    as_user(VICTIM, VICTIM, &sticky.join("c.ron"), &["init"]).ok();
    let before = fs::read(sticky.join("c.ron")).expect("read");
    as_user(VICTIM, VICTIM, &sticky.join("c.ron"), &["add", "x"]).ok();
    let backups: Vec<PathBuf> = fs::read_dir(&sticky)
        .expect("list")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("c.ron.bak-")))
        .collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert_eq!(fs::read(&backups[0]).expect("read"), before, "the previous version is kept");
    assert!(fs::symlink_metadata(sticky.join("c.ron.bak")).expect("meta").file_type().is_symlink());
    // Another user's private lock file.
    let lock = sticky.join("d.ron.lock");
    fs::write(&lock, "").expect("write");
    std::os::unix::fs::chown(&lock, Some(OTHER), Some(OTHER)).expect("chown");
    fs::set_permissions(&lock, fs::Permissions::from_mode(0o600)).expect("chmod");
    let run = as_user(VICTIM, VICTIM, &sticky.join("d.ron"), &["init"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("d.ron.lock"), "{}", run.stderr);
    private.assert_untouched("sticky directory");
    let strays: Vec<_> = fs::read_dir(&sticky)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(strays.is_empty(), "no temporary files left: {strays:?}");
}

#[test]
fn links_planted_by_a_teammate_in_a_setgid_directory_are_replaced_or_refused() {
    if !running_as_root() {
        return;
    }
    let top = top();
    let private = Private::new(top.path());
    let team = dir(top.path(), "team", 0o2775, 0, TEAM);
    let board = team.join("board.ron");
    as_user(VICTIM, TEAM, &board, &["init"]).ok();
    let plant = |name: &str| {
        let link = team.join(name);
        let _ = fs::remove_file(&link);
        symlink(&private.0, &link).expect("plant");
        std::os::unix::fs::lchown(&link, Some(OTHER), Some(TEAM)).expect("lchown");
    };
    // A backup link is simply replaced by the next save.
    plant("board.ron.bak");
    as_user(VICTIM, TEAM, &board, &["add", "x"]).ok();
    let backup = fs::symlink_metadata(team.join("board.ron.bak")).expect("backup");
    assert!(backup.file_type().is_file(), "the backup is a file again");
    // A lock link is refused, naming it.
    plant("board.ron.lock");
    let before = fs::read(&board).expect("read");
    let run = as_user(VICTIM, TEAM, &board, &["add", "y"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("board.ron.lock is a symbolic link"), "{}", run.stderr);
    assert_eq!(fs::read(&board).expect("read"), before);
    private.assert_untouched("setgid directory");
}

#[test]
fn another_users_backup_in_a_sticky_directory_never_stops_a_save() {
    if !running_as_root() {
        return;
    }
    let top = top();
    let shared = dir(top.path(), "tmp", 0o1777, 0, 0);
    let board = shared.join("board.ron");
    as_user(VICTIM, VICTIM, &board, &["init"]).ok();
    // Another user plants the backup (a file of theirs: it cannot be replaced in a sticky
    // directory) and links where a recovery copy used to go.
    let planted = shared.join("board.ron.bak");
    fs::write(&planted, "theirs").expect("write");
    std::os::unix::fs::chown(&planted, Some(OTHER), Some(OTHER)).expect("chown");
    let private = Private::new(top.path());
    for second in 0..3 {
        let name = format!("board.ron.recovered-20261121-10000{second}.ron");
        symlink(&private.0, shared.join(name)).expect("link");
    }
    let run = as_user(VICTIM, VICTIM, &board, &["add", "still saved"]).ok();
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    assert!(as_user(VICTIM, VICTIM, &board, &["list"]).ok().stdout.contains("still saved"));
    assert_eq!(fs::read_to_string(&planted).expect("read"), "theirs", "their file is left alone");
    let own = fs::read_dir(&shared)
        .expect("list")
        .map(|e| e.expect("entry").path())
        .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("board.ron.bak-")))
        .expect("the backup under the user's own name");
    assert_eq!(fs::metadata(&own).expect("the backup under the user's own name").uid(), VICTIM);
    private.assert_untouched("links at the old recovery names");
}
