//! The command line end to end against temporary files: every command, the JSON shapes, the
//! exit statuses, and bad files that must be reported and left untouched.

mod common;

use std::fs;

use common::{Sandbox, twotrack};
use serde_json::json;

#[test]
fn first_run_creates_the_starter_board_at_the_default_location() {
    let home = tempfile::tempdir().expect("home");
    let run = common::Run::of(
        twotrack()
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("data"))
            .arg("list")
            .output()
            .expect("run"),
    )
    .ok();
    let board = home.path().join("data/twotrack/board.ron");
    assert!(board.exists(), "board created at {}", board.display());
    assert!(run.stderr.contains("created a new board"), "{}", run.stderr);
    assert!(run.stdout.contains("Welcome"), "{}", run.stdout);
}

#[test]
fn twotrack_file_selects_the_board_and_file_flag_wins() {
    let a = Sandbox::new().with_starter();
    let b = Sandbox::new().with_starter();
    let id = common::Run::of(
        twotrack().env("TWOTRACK_FILE", &a.board).args(["add", "via env"]).output().expect("run"),
    )
    .ok()
    .stdout;
    assert_eq!(id.trim(), "11");
    let run = common::Run::of(
        twotrack()
            .env("TWOTRACK_FILE", &a.board)
            .arg("--file")
            .arg(&b.board)
            .args(["show", "11"])
            .output()
            .expect("run"),
    );
    assert_eq!(run.code, 1, "item 11 only exists on board a");
    assert_eq!(run.stderr.trim(), "twotrack: item #11 does not exist");
}

#[test]
fn add_prints_the_new_id_alone_and_applies_every_option() {
    let s = Sandbox::new().with_starter();
    let run = s
        .run(&[
            "add",
            "Measure cold start",
            "--track",
            "discovery",
            "--stage",
            "2",
            "--column",
            "exploring",
            "--kind",
            "enabler",
            "--estimate",
            "3",
            "--tag",
            "perf",
            "--tag",
            "mobile",
            "--assignee",
            "ana",
        ])
        .ok();
    assert_eq!(run.stdout, "11\n");
    let item = s.run(&["show", "11", "--json"]).ok().json();
    assert_eq!(item["id"], 11);
    assert_eq!(item["title"], "Measure cold start");
    assert_eq!(item["track"], "discovery");
    assert_eq!(item["stage"], 2);
    assert_eq!(item["column"], "exploring");
    assert_eq!(item["kind"], "enabler");
    assert_eq!(item["estimate"], 3);
    assert_eq!(item["tags"], json!(["perf", "mobile"]));
    assert_eq!(item["assignee"], "ana");
    assert_eq!(item["created"], common::NOW);
}

#[test]
fn add_defaults_to_delivery_stage_one_first_column() {
    let s = Sandbox::new().with_starter();
    s.run(&["add", "Plain"]).ok();
    let item = s.run(&["show", "#11", "--json"]).ok().json();
    assert_eq!(
        (item["track"].clone(), item["stage"].clone(), item["column"].clone(), item["estimate"].clone()),
        (json!("delivery"), json!(1), json!("ready"), json!(null))
    );
}

#[test]
fn the_item_json_has_the_spec_fields_in_order() {
    let s = Sandbox::new().with_starter();
    let out = s.run(&["show", "6", "--json"]).ok().stdout;
    let keys: Vec<String> = serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&out)
        .expect("object")
        .keys()
        .cloned()
        .collect();
    let spec = ["id", "title", "track", "stage", "column", "kind", "estimate", "tags", "assignee"];
    assert_eq!(&keys[..spec.len()], spec);
    let item: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(
        json!({"id": item["id"], "title": item["title"], "track": item["track"], "stage": item["stage"],
               "column": item["column"], "kind": item["kind"], "estimate": item["estimate"],
               "tags": item["tags"], "assignee": item["assignee"]}),
        json!({"id": 6, "title": "Retry failed webhooks", "track": "delivery", "stage": 1, "column": "doing",
               "kind": "feature", "estimate": 3, "tags": ["webhooks"], "assignee": "alex"})
    );
}

#[test]
fn list_is_in_board_order_and_filters() {
    let s = Sandbox::new().with_starter();
    let ids = |args: &[&str]| -> Vec<u64> {
        let mut all = vec!["list", "--json"];
        all.extend_from_slice(args);
        s.run(&all)
            .ok()
            .json()
            .as_array()
            .expect("array")
            .iter()
            .map(|i| i["id"].as_u64().expect("id"))
            .collect()
    };
    assert_eq!(ids(&[]), [2, 3, 4, 1, 5, 7, 6, 10, 8, 9]);
    assert_eq!(ids(&["--track", "discovery"]), [2, 3, 4]);
    assert_eq!(ids(&["--stage", "2"]), [7, 10, 8]);
    assert_eq!(ids(&["--column", "ready"]), [1, 5, 7]);
    assert_eq!(ids(&["--column", "ready", "--stage", "2"]), [7]);
    let text = s.run(&["list"]).ok().stdout;
    assert_eq!(text.lines().count(), 10);
    assert!(text.lines().next().expect("first").contains("#2"), "{text}");
    let run = s.run(&["list", "--column", "nope"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("there is no column `nope`"), "{}", run.stderr);
}

#[test]
fn move_and_stage_change_the_item_and_say_so() {
    let s = Sandbox::new().with_starter();
    assert_eq!(s.run(&["move", "5", "review"]).ok().stdout, "#5 moved to Review\n");
    assert_eq!(s.run(&["stage", "5", "2"]).ok().stdout, "#5 labelled stage two\n");
    let item = s.run(&["show", "5", "--json"]).ok().json();
    assert_eq!((item["column"].clone(), item["stage"].clone()), (json!("review"), json!(2)));
    let before = s.read();
    assert_eq!(s.run(&["stage", "5", "2"]).ok().stdout, "#5 is already stage two\n");
    assert_eq!(s.read(), before, "a no-op does not rewrite the file");
}

#[test]
fn errors_are_one_sentence_with_status_one_and_change_nothing() {
    let s = Sandbox::new().with_starter();
    let before = s.read();
    let cases: &[(&[&str], &str)] = &[
        (&["show", "99"], "item #99 does not exist"),
        (&["move", "99", "done"], "item #99 does not exist"),
        (&["move", "5", "nope"], "there is no column `nope`"),
        (
            &["move", "5", "exploring"],
            "column `exploring` belongs to the discovery track, but item #5 is in the delivery track",
        ),
        (&["stage", "42", "2"], "item #42 does not exist"),
        (&["add", "   "], "a title cannot be empty"),
        (
            &["add", "x", "--track", "delivery", "--column", "explore"],
            "column `explore` belongs to the discovery track",
        ),
    ];
    for (args, expected) in cases {
        let run = s.run(args);
        assert_eq!(run.code, 1, "{args:?}: {}", run.stderr);
        assert_eq!(run.stderr.lines().count(), 1, "{args:?}: one line: {}", run.stderr);
        assert!(run.stderr.contains(expected), "{args:?}: {}", run.stderr);
        assert_eq!(s.read(), before, "{args:?} changed the file");
    }
}

#[test]
fn usage_errors_exit_with_two() {
    let s = Sandbox::new().with_starter();
    for args in [
        &["stage", "5", "3"][..],
        &["move", "5"],
        &["show", "abc"],
        &["add", "x", "--kind", "epic"],
        &["frobnicate"],
    ] {
        let run = s.run(args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stderr.starts_with("error: "), "{args:?}: {}", run.stderr);
    }
    let run = s.run(&["stage", "5", "3"]);
    assert!(run.stderr.contains("stage must be 1 or 2"), "{}", run.stderr);
}

#[test]
fn every_command_has_help() {
    for command in ["add", "list", "show", "move", "stage", "stats", "check"] {
        let run = common::Run::of(twotrack().args([command, "--help"]).output().expect("run")).ok();
        assert!(run.stdout.contains("Usage: twotrack"), "{command}: {}", run.stdout);
    }
    let top = common::Run::of(twotrack().arg("--help").output().expect("run")).ok();
    for command in ["add", "list", "show", "move", "stage", "stats", "check"] {
        assert!(top.stdout.contains(command), "{command} missing from --help");
    }
}

#[test]
fn stats_json_matches_the_spec_shape() {
    let s = Sandbox::new();
    fs::copy("tests/fixtures/small.ron", &s.board).expect("fixture");
    s.run(&["add", "Estimated", "--estimate", "6"]).ok();
    let stats = s.run(&["stats", "--json"]).ok().json();
    assert_eq!(
        stats,
        json!({
            "capacity": 20,
            "targets": {"discovery": 20, "stage_two": 30},
            "planned": {"total": 8, "discovery": 2, "delivery": 6, "stage_one": 8, "stage_two": 0},
            "planned_items": {"total": 3, "discovery": 1, "delivery": 2, "stage_one": 2, "stage_two": 1},
            "basis": "points",
            "shares": {"discovery": 25.0, "stage_two": 0.0},
            "unestimated": 1,
            "sprint": null,
            "backlog": null,
        })
    );
    let text = s.run(&["stats"]).ok().stdout;
    assert!(text.contains("8 of 20 points planned"), "{text}");
    assert!(text.contains("discovery"), "{text}");
}

#[test]
fn check_says_ok_or_points_at_the_problem() {
    let s = Sandbox::new().with_starter();
    assert_eq!(s.run(&["check"]).ok().stdout, "ok\n");
    let missing = Sandbox::new();
    let run = missing.run(&["check"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("does not exist"), "{}", run.stderr);
    assert!(!missing.board.exists(), "check never creates a board");
}

/// (fixture, position in the message or None, words the message must contain)
const BAD_FILES: &[(&str, Option<&str>, &str)] = &[
    ("truncated.ron", Some("line 32, column 19"), "truncated"),
    ("syntax_error.ron", Some("line 7, column 9"), "expected comma"),
    ("unknown_field.ron", Some("line 46, column 13"), "unknown field `colour` in an item"),
    ("missing_field.ron", Some("line 52, column 9"), "missing the field `title`"),
    ("newer_version.ron", Some("line 2, column 5"), "written by a newer twotrack (format version 2"),
    ("other_track.ron", Some("line 32, column 13"), "column `ready` belongs to the delivery track"),
    ("duplicate_ids.ron", Some("line 44, column 13"), "item id 1 is used twice"),
    ("not_utf8.ron", Some("line 45, column 30"), "not UTF-8"),
    ("empty.ron", None, "the file is empty"),
    ("duplicate_sprints.ron", Some("line 26, column 5"), "sprint name \"Sprint 1\" is used twice"),
];

#[test]
fn bad_files_are_reported_with_place_and_never_touched() {
    for (name, position, words) in BAD_FILES {
        let s = Sandbox::new();
        let bytes = fs::read(format!("tests/fixtures/bad/{name}")).expect("fixture");
        s.write(&bytes);
        for args in [&["check"][..], &["list"], &["add", "x"], &["move", "1", "done"], &["stats", "--json"]] {
            let run = s.run(args);
            assert_eq!(run.code, 1, "{name} {args:?}");
            let message = run.stderr.trim();
            assert_eq!(message.lines().count(), 1, "{name}: {message}");
            assert!(message.contains(&s.board.display().to_string()), "{name}: names the file: {message}");
            if let Some(position) = position {
                assert!(message.contains(position), "{name}: {message}");
            }
            assert!(message.contains(words), "{name}: {message}");
            assert_eq!(s.read(), bytes, "{name}: {args:?} changed the file");
            assert!(!s.dir.path().join("board.ron.bak").exists(), "{name}: nothing saved");
        }
    }
}

#[test]
fn a_board_in_a_directory_that_cannot_be_written_is_left_intact() {
    use std::os::unix::fs::PermissionsExt;
    let s = Sandbox::new().with_starter();
    let before = s.read();
    let dir = s.dir.path();
    fs::set_permissions(dir, fs::Permissions::from_mode(0o755)).expect("chmod dir");
    fs::set_permissions(&s.board, fs::Permissions::from_mode(0o644)).expect("chmod board");
    let lock = dir.join("board.ron.lock");
    let _ = fs::remove_file(&lock);
    fs::set_permissions(dir, fs::Permissions::from_mode(0o555)).expect("make read-only");
    // Root ignores permission bits; run as an unprivileged user then (setpriv is in util-linux).
    let running_as_root = fs::write(dir.join("probe"), "x").is_ok();
    let run = if running_as_root {
        let mut cmd = std::process::Command::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(env!("CARGO_BIN_EXE_twotrack"))
            .arg("--file")
            .arg(&s.board)
            .args(["move", "5", "doing"])
            .env("TWOTRACK_NOW", common::NOW);
        let _ = fs::remove_file(dir.join("probe"));
        common::Run::of(cmd.output().expect("setpriv runs"))
    } else {
        s.run(&["move", "5", "doing"])
    };
    fs::set_permissions(dir, fs::Permissions::from_mode(0o755)).expect("restore");
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("Permission denied") || run.stderr.contains("ermission"), "{}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert_eq!(s.read(), before);
}
