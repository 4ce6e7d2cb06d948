//! What a hostile or careless teammate can put beside a board: huge names and lines in the
//! journal, drafts and notes of any size and content, links and hard links. Every reading
//! command answers (no panic, no stall) and nothing is written where it should not be.

use std::fs;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;

use proptest::prelude::*;

use crate::common::{Sandbox, twotrack};

fn append(path: &std::path::Path, bytes: &[u8]) {
    let mut file = fs::OpenOptions::new().create(true).append(true).open(path).expect("open");
    file.write_all(bytes).expect("append");
}

fn journal(s: &Sandbox) -> std::path::PathBuf {
    s.dir.path().join("board.ron.journal")
}

#[test]
fn a_huge_author_name_is_cut_when_written_and_log_never_panics_on_one() {
    let s = Sandbox::new().with_starter();
    let huge = "a".repeat(65_536);
    s.run(&["--user", &huge, "add", "x"]).ok();
    // A line an older release wrote, with the whole name.
    let line = format!(
        "{{\"time\":\"2026-11-21T09:00:00Z\",\"author\":\"{huge}\",\"action\":\"settings\",\"summary\":\"old\"}}\n"
    );
    append(&journal(&s), line.as_bytes());
    let log = s.run(&["log"]).ok().stdout;
    let authors: Vec<usize> =
        log.lines().map(|l| l.split("  ").nth(1).map_or(0, |a| a.trim_end().len())).collect();
    assert_eq!(authors, [64, 64], "{log}");
    assert!(log.contains("added #11") && log.contains("old"), "{log}");
    let json = s.run(&["log", "--json"]).ok().json();
    assert_eq!(json[0]["author"].as_str().map(str::len), Some(64), "written cut to the cap");
}

#[test]
fn a_forty_megabyte_line_without_an_end_is_skipped_and_said_once() {
    let s = Sandbox::new().with_starter();
    s.run(&["--user", "ana", "add", "before"]).ok();
    append(&journal(&s), &vec![b'x'; 40 << 20]);
    let run = s.run(&["log"]).ok();
    assert!(run.stdout.contains("added #11"), "{}", run.stdout);
    assert_eq!(run.stderr, "note: 1 line in the journal longer than 1 MiB skipped\n");
    s.run(&["standup", "--since", "1w"]).ok();
    // The next change starts on a line of its own and is read.
    s.run(&["--user", "ana", "add", "after"]).ok();
    assert!(s.run(&["log"]).ok().stdout.contains("added #12"));
}

#[test]
fn a_link_to_a_file_that_is_not_a_board_is_refused_before_any_file_is_made() {
    let s = Sandbox::new();
    let notes = s.dir.path().join("notes.txt");
    fs::write(&notes, "my notes\n").expect("write");
    std::os::unix::fs::symlink(&notes, &s.board).expect("link");
    let out = s.run(&["add", "x"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.contains("notes.txt"), "{}", out.stderr);
    let mut names: Vec<String> = fs::read_dir(s.dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into())
        .collect();
    names.sort();
    assert_eq!(names, ["board.ron", "notes.txt"], "no lock file beside the target or the link");
    assert_eq!(fs::read_to_string(&notes).expect("read"), "my notes\n");
}

#[test]
fn a_hard_link_planted_at_the_journal_is_never_appended_to() {
    let s = Sandbox::new().with_starter();
    let victim = s.dir.path().join("bashrc");
    fs::write(&victim, "alias ll='ls -l'\n").expect("write");
    fs::hard_link(&victim, journal(&s)).expect("link");
    let out = s.run(&["add", "$(touch pwned)"]).ok();
    assert!(
        out.stderr.contains("hard links"),
        "the change is saved and the journal refusal said: {}",
        out.stderr
    );
    assert_eq!(fs::read_to_string(&victim).expect("read"), "alias ll='ls -l'\n");
    assert!(s.run(&["list"]).ok().stdout.contains("touch pwned"));
}

#[test]
fn a_board_link_of_another_user_in_a_sticky_directory_is_refused() {
    if nix::unistd::Uid::effective().as_raw() != 0 {
        return; // Making a link owned by someone else needs root, as CI runs.
    }
    let s = Sandbox::new().with_starter();
    let shared = s.dir.path().join("tmp");
    fs::create_dir(&shared).expect("dir");
    fs::set_permissions(&shared, fs::Permissions::from_mode(0o1777)).expect("sticky");
    let link = shared.join("board.ron");
    std::os::unix::fs::symlink(&s.board, &link).expect("link");
    std::os::unix::fs::lchown(&link, Some(65_534), Some(65_534)).expect("give the link away");
    let out = twotrack().arg("--file").arg(&link).arg("list").output().expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("symbolic link made by") && stderr.contains("anyone can write"), "{stderr}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Whatever lines a teammate appends to the journal and whatever a draft or a merge note
    /// holds, every command that reads them answers with an ordinary exit status.
    #[test]
    fn reading_commands_answer_whatever_the_files_beside_the_board_hold(
        lines in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..300), 0..6),
        json_like in "\\{\"time\":\"2026-11-2[0-9]T0[0-9]:00:00Z\",\"author\":\"[^\"]{0,40}\",\"action\":\"(added|changed|conflict)\",\"item\":[0-9]{1,3},\"summary\":\"[^\"]{0,20}\"\\}",
        draft in prop::collection::vec(any::<u8>(), 0..300),
    ) {
        let s = Sandbox::new().with_starter();
        let mut bytes = Vec::new();
        for line in &lines {
            bytes.extend_from_slice(line);
            bytes.push(b'\n');
        }
        bytes.extend_from_slice(json_like.as_bytes());
        append(&journal(&s), &bytes);
        fs::write(s.dir.path().join("board.ron.conflicts"), &bytes).expect("note");
        fs::write(s.dir.path().join("board.ron.draft-ana"), &draft).expect("draft");
        fs::write(s.dir.path().join("board.ron.intent"), &bytes).expect("intent");
        for args in [&["log"][..], &["log", "--json"], &["standup", "--since", "1w"], &["report"], &["check"]] {
            let out = s.run(args);
            prop_assert!(out.code == 0 || out.code == 1, "{args:?}: {} {}", out.code, out.stderr);
            prop_assert!(!out.stderr.contains("panicked"), "{args:?}: {}", out.stderr);
        }
    }
}
