//! The command line end to end against temporary files: every command, the JSON shapes, the
//! exit statuses, and bad files that must be reported and left untouched.

use crate::common;

use std::fs;

use crate::common::{Sandbox, twotrack};
use serde_json::json;

#[test]
fn first_add_creates_the_starter_board_at_the_default_location() {
    let home = tempfile::tempdir().expect("home");
    let at_home = |args: &[&str]| {
        common::Run::of(
            twotrack()
                .env("HOME", home.path())
                .env("XDG_DATA_HOME", home.path().join("data"))
                .args(args)
                .output()
                .expect("run"),
        )
    };
    let board = home.path().join("data/twotrack/board.ron");
    let run = at_home(&["list"]);
    assert_eq!(run.code, 1, "a read-only command on no board fails: {}", run.stderr);
    assert!(run.stderr.contains(&board.display().to_string()), "names the path: {}", run.stderr);
    assert!(!home.path().join("data").exists(), "and creates nothing");
    let run = at_home(&["add", "First"]).ok();
    assert!(board.exists(), "board created at {}", board.display());
    assert!(run.stderr.contains("created a new board"), "{}", run.stderr);
    assert_eq!(run.stdout, "11\n");
    assert!(at_home(&["list"]).ok().stdout.contains("Welcome"));
}

/// Every file and directory under `dir`, with its bytes (None for a directory).
fn tree(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Option<Vec<u8>>)> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).expect("list") {
        let path = entry.expect("entry").path();
        if fs::symlink_metadata(&path).expect("meta").is_dir() {
            out.push((path.clone(), None));
            out.extend(tree(&path));
        } else {
            out.push((path.clone(), fs::read(&path).ok()));
        }
    }
    out.sort();
    out
}

#[test]
fn read_only_commands_on_a_missing_board_create_nothing() {
    let s = Sandbox::new();
    let dangling = s.dir.path().join("link.ron");
    std::os::unix::fs::symlink(s.dir.path().join("missing/target.ron"), &dangling).expect("link");
    let before = tree(s.dir.path());
    for board in [s.board.clone(), s.dir.path().join("no-dir/board.ron"), dangling.clone()] {
        for args in [&["list"][..], &["list", "--json"], &["show", "1"], &["stats"], &["debt"], &["check"]] {
            let run = common::Run::of(twotrack().arg("--file").arg(&board).args(args).output().expect("run"));
            assert_eq!(run.code, 1, "{args:?} on {}: {}", board.display(), run.stderr);
            assert!(run.stderr.contains(&board.display().to_string()), "names the path: {}", run.stderr);
            assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
            assert_eq!(tree(s.dir.path()), before, "{args:?} on {} changed the file system", board.display());
        }
    }
    // Changing commands on a missing board say so too; only init and add create one.
    let run = s.run(&["move", "1", "done"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("does not exist"), "{}", run.stderr);
    assert_eq!(tree(s.dir.path()), before);
    let run = common::Run::of(twotrack().arg("--file").arg(&dangling).arg("init").output().expect("run"));
    assert_eq!(run.code, 1, "nothing is created through a dangling link: {}", run.stderr);
    assert!(run.stderr.contains("symbolic link"), "{}", run.stderr);
    let nested = s.dir.path().join("no-dir/board.ron");
    let run =
        common::Run::of(twotrack().arg("--file").arg(&nested).args(["add", "x"]).output().expect("run"));
    assert_eq!(run.code, 1, "no missing directory is created: {}", run.stderr);
    assert!(run.stderr.contains("does not exist"), "{}", run.stderr);
    assert_eq!(tree(s.dir.path()), before);
    assert_eq!(
        s.run(&["init"]).ok().stdout,
        format!("created {} from the starter board\n", s.board.display())
    );
    let run = s.run(&["init"]);
    assert_eq!(run.code, 1, "init never replaces a board");
    assert!(run.stderr.contains("already exists"), "{}", run.stderr);
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

/// The ids `twotrack list --json ARGS...` prints, in order.
fn listed(s: &Sandbox, args: &[&str]) -> Vec<u64> {
    let mut all = vec!["list", "--json"];
    all.extend_from_slice(args);
    s.run(&all).ok().json().as_array().expect("array").iter().map(|i| i["id"].as_u64().expect("id")).collect()
}

#[test]
fn list_is_in_board_order_and_filters() {
    let s = Sandbox::new().with_starter();
    let ids = |args: &[&str]| listed(&s, args);
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
            "board": "Small",
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

#[test]
fn edit_changes_only_the_fields_given_and_delete_removes() {
    let s = Sandbox::new().with_starter();
    let before = s.run(&["show", "5", "--json"]).ok().json();
    let run = s
        .run(&["edit", "5", "--title", "Export as CSV", "--estimate", "8", "--tag", "csv", "--tag", "api"])
        .ok();
    assert_eq!(run.stdout, "edited #5\n");
    let after = s.run(&["show", "5", "--json"]).ok().json();
    assert_eq!((after["title"].clone(), after["estimate"].clone()), (json!("Export as CSV"), json!(8)));
    assert_eq!(after["tags"], json!(["csv", "api"]));
    assert_eq!(after["assignee"], before["assignee"], "untouched");
    assert_eq!(after["description"], before["description"], "untouched");
    s.run(&["edit", "5", "--estimate", "none", "--assignee", "kim"]).ok();
    let after = s.run(&["show", "5", "--json"]).ok().json();
    assert_eq!((after["estimate"].clone(), after["assignee"].clone()), (json!(null), json!("kim")));
    let run = s.run(&["edit", "5"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("nothing to change"), "{}", run.stderr);
    assert_eq!(s.run(&["delete", "5"]).ok().stdout, "deleted #5 \"Export as CSV\"\n");
    assert_eq!(s.run(&["show", "5"]).code, 1);
}

#[test]
fn columns_are_named_by_id_or_by_name_in_any_case() {
    let s = Sandbox::new().with_starter();
    assert_eq!(s.run(&["move", "5", "In Progress"]).ok().stdout, "#5 moved to In progress\n");
    assert_eq!(s.run(&["move", "5", "REVIEW"]).ok().stdout, "#5 moved to Review\n");
    let ids = |column: &str| listed(&s, &["--column", column]);
    assert_eq!(ids("review"), ids("Review"));
    assert!(ids("review").contains(&5));
    s.run(&["add", "By name", "--column", "to explore"]).ok();
    assert_eq!(s.run(&["show", "11", "--json"]).ok().json()["column"], "explore");
}

#[test]
fn friendly_messages_for_fractional_estimates_and_unquoted_ids() {
    let s = Sandbox::new().with_starter();
    let run = s.run(&["add", "Half", "--estimate", "1.5"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("`1.5` is not an estimate: an estimate is a whole number"), "{}", run.stderr);
    // `twotrack show #7` in a shell: the `#7` is a comment, so no id arrives.
    let run = s.run(&["show"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("quote it: '#7'"), "{}", run.stderr);
    assert_eq!(s.run(&["show", "#7"]).ok().stdout.lines().next(), Some("#7 Cover CSV escaping with tests"));
}

#[test]
fn list_filters_by_assignee_and_tag_and_prints_markdown_csv_and_json() {
    let s = Sandbox::new().with_starter();
    s.run(&["add", "Quote, \"escape\" | pipe", "--tag", "Export", "--assignee", "Kim"]).ok();
    let ids = |args: &[&str]| listed(&s, args);
    assert_eq!(ids(&["--assignee", "kim"]), [11, 10, 9], "case does not matter");
    assert_eq!(ids(&["--tag", "export", "--assignee", "KIM"]), [11]);
    let md = s.run(&["list", "--format", "markdown", "--tag", "export"]).ok().stdout;
    let mut lines = md.lines();
    assert_eq!(
        lines.next(),
        Some("| id | title | track | column | stage | kind | estimate | tags | assignee |")
    );
    assert_eq!(lines.next(), Some("| --- | --- | --- | --- | --- | --- | --- | --- | --- |"));
    assert!(
        md.contains("| 11 | Quote, \"escape\" \\| pipe | delivery | Ready | 1 | feature |  | Export | Kim |"),
        "{md}"
    );
    let csv = s.run(&["list", "--format", "csv", "--assignee", "kim"]).ok().stdout;
    assert!(csv.starts_with("id,title,track,column,stage,kind,estimate,tags,assignee\r\n"), "{csv}");
    assert!(
        csv.contains("11,\"Quote, \"\"escape\"\" | pipe\",delivery,Ready,1,feature,,Export,Kim\r\n"),
        "{csv}"
    );
    assert_eq!(
        s.run(&["list", "--json", "--tag", "export"]).ok().json(),
        s.run(&["list", "--format", "json", "--tag", "export"]).ok().json()
    );
}

#[test]
fn completions_man_page_and_config_help_come_from_the_definitions() {
    for shell in ["bash", "zsh", "fish"] {
        let run = common::Run::of(twotrack().args(["completions", shell]).output().expect("run")).ok();
        assert!(run.stdout.contains("twotrack") && run.stdout.contains("completions"), "{shell}");
        assert!(run.stdout.contains("estimate"), "{shell} completes flags");
    }
    let man = common::Run::of(twotrack().arg("man").output().expect("run")).ok();
    assert!(man.stdout.starts_with(".ie") || man.stdout.contains(".TH twotrack"), "{}", &man.stdout[..80]);
    let home = tempfile::tempdir().expect("home");
    let path = common::Run::of(
        twotrack().env("XDG_CONFIG_HOME", home.path()).args(["config", "--path"]).output().expect("run"),
    )
    .ok();
    assert!(
        path.stdout.starts_with(&format!("{}/twotrack/config.ron", home.path().display())),
        "{}",
        path.stdout
    );
    let example = common::Run::of(twotrack().args(["config", "--example"]).output().expect("run")).ok();
    assert_eq!(example.stdout, include_str!("../../assets/config.ron"));
    let guide = include_str!("../../docs/guide/configuration.md");
    assert!(
        guide.contains(&format!("```ron\n{}```", include_str!("../../assets/config.ron"))),
        "the configuration page shows the whole example"
    );
    // The example is a config that works as it is.
    let s = Sandbox::new().with_starter();
    let config = s.dir.path().join("config.ron");
    fs::write(&config, &example.stdout).expect("write");
    s.run(&["--config", config.to_str().expect("utf-8"), "list"]).ok();
}

#[test]
fn a_config_file_names_the_board_and_a_broken_one_is_reported_with_its_place() {
    let s = Sandbox::new().with_starter();
    let config = s.dir.path().join("config.ron");
    fs::write(&config, format!("(file: \"{}\")", s.board.display())).expect("write");
    let run =
        common::Run::of(twotrack().arg("--config").arg(&config).args(["show", "1"]).output().expect("run"))
            .ok();
    assert!(run.stdout.starts_with("#1 Welcome"), "{}", run.stdout);
    fs::write(&config, "(\n  mouse: perhaps,\n)").expect("write");
    let run = common::Run::of(twotrack().arg("--config").arg(&config).arg("list").output().expect("run"));
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("line 2, column"), "{}", run.stderr);
}

#[test]
fn broken_references_and_huge_ids_are_reported_with_their_line() {
    let starter = twotrack::store::location::STARTER;
    let insert =
        |after_line: &str, line: &str| starter.replacen(after_line, &format!("{after_line}\n{line}"), 1);
    // (board text, words, line, column): refused on load by every command.
    let refused = [
        (
            insert("            id: 5,", "            follow_up_of: Some(5),"),
            "refers to itself in `follow_up_of`",
            104,
            13,
        ),
        (insert("            id: 5,", "            links: [3, 0],"), "`links` 0", 104, 13),
        (
            insert("            id: 6,", "            promoted_from: Some(9007199254740993),"),
            "which no item can have",
            117,
            13,
        ),
        (starter.replacen("next_id: 11,", "next_id: 18446744073709551615,", 1), "next_id", 4, 5),
        (
            insert("            id: 5,", "            follow_up_of: Some(6),").replacen(
                "            id: 6,",
                "            id: 6,\n            follow_up_of: Some(5),",
                1,
            ),
            "cycle",
            104,
            13,
        ),
    ];
    for (text, words, line, column) in refused {
        let s = Sandbox::new();
        s.write(&text);
        for args in [&["check"][..], &["list"], &["add", "x"]] {
            let run = s.run(args);
            assert_eq!(run.code, 1, "{words} {args:?}: {}", run.stderr);
            assert!(run.stderr.contains(words), "{}", run.stderr);
            assert!(run.stderr.contains(&format!("line {line}, column {column}")), "{}", run.stderr);
            assert_eq!(s.text(), text, "never touched");
        }
    }
    // A reference to a deleted item (older versions left those) loads, but check says where.
    let s = Sandbox::new();
    s.write(insert("            id: 7,", "            links: [999999],"));
    s.run(&["list"]).ok();
    let run = s.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("line 131, column 13: item #7 has `links` #999999, which does not exist"),
        "{}",
        run.stderr
    );
}
