//! The archive (issue 28): done items moved into `<board>.archive.ron` and back, byte for byte;
//! refusals that change neither file; a corrupt or newer archive named with line and column; an
//! interrupted write resolved (the board's copy wins, nothing twice, nothing lost); the policy
//! over eight sprint closes; an old review unchanged by archiving its items; reads create nothing.

use proptest::prelude::*;

use crate::common::{Run, Sandbox, arb, run_at};
use twotrack::domain::archive;
use twotrack::domain::change::{NewItem, ops};
use twotrack::model::{Board, ItemId};

fn archive_path(s: &Sandbox) -> std::path::PathBuf {
    twotrack::store::archive::path_of(&s.board)
}

fn bytes(path: &std::path::Path) -> Option<Vec<u8>> {
    std::fs::read(path).ok()
}

fn ids(run: &Run) -> Vec<u64> {
    let rows = run.json();
    rows.as_array().expect("array").iter().map(|r| r["id"].as_u64().expect("id")).collect()
}

#[test]
fn archive_then_unarchive_gives_the_board_back_byte_for_byte() {
    let s = Sandbox::new().with_starter();
    let before = s.read();
    assert_eq!(s.run(&["archive", "9", "4"]).ok().stdout.trim(), "archived 2 items");
    assert!(s.run(&["list", "--json"]).ok().stdout.find("\"id\": 9").is_none());
    assert_eq!(ids(&s.run(&["list", "--archived", "--json"]).ok()), [4, 9]);
    let shown = s.run(&["show", "9"]).ok().stdout;
    assert!(shown.contains("archived in") && shown.contains("unarchive 9"), "{shown}");
    assert_eq!(s.run(&["show", "9", "--json"]).ok().json()["archived"], true);
    // A new item never takes an archived id.
    assert_eq!(s.run(&["add", "New"]).ok().stdout.trim(), "11");
    s.run(&["delete", "11"]).ok();
    let back = s.run(&["unarchive", "4", "9"]).ok().stdout;
    assert_eq!(back.trim(), "unarchived 2 items");
    assert_eq!(
        String::from_utf8(s.read()).expect("utf-8"),
        String::from_utf8(before).expect("utf-8").replace("next_id: 11", "next_id: 12")
    );
    assert_eq!(ids(&s.run(&["list", "--archived", "--json"]).ok()), Vec::<u64>::new());
    let log = s.run(&["log"]).ok().stdout;
    assert!(log.contains("archived #9") && log.contains("unarchived #9"), "{log}");
    // A reference to an archived item holds for `check`.
    s.run(&["followup", "9", "Tidy the redirect code"]).ok();
    s.run(&["archive", "9"]).ok();
    s.run(&["check"]).ok();
}

#[test]
fn refusals_name_the_item_and_change_neither_file() {
    let s = Sandbox::new().with_starter();
    s.run(&["archive", "9"]).ok();
    let (board, archived) = (s.read(), bytes(&archive_path(&s)));
    for (args, says) in [
        (&["archive", "5"][..], "item #5 is in \"Ready\", not in a done column"),
        (&["archive", "99"], "item #99 does not exist"),
        (&["archive", "9"], "item #9 is already archived"),
        (&["archive", "--done-before", "yesterday"], "the date `yesterday` is not a date"),
        (&["archive", "--done-before", "2000-01-01"], "no done item was finished before 2000-01-01"),
        (&["unarchive", "5"], "item #5 is on the board, not in the archive"),
        (&["unarchive", "77"], "item #77 does not exist"),
    ] {
        let run = s.run(args);
        assert_eq!(run.code, 1, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains(says), "{args:?}: {}", run.stderr);
        assert_eq!(run.stderr.lines().count(), 1, "one sentence: {}", run.stderr);
        assert_eq!((s.read(), bytes(&archive_path(&s))), (board.clone(), archived.clone()), "{args:?}");
    }
}

#[test]
fn a_corrupt_truncated_or_newer_archive_is_named_with_line_and_column_and_left_alone() {
    let s = Sandbox::new().with_starter();
    s.run(&["archive", "9"]).ok();
    let good = std::fs::read_to_string(archive_path(&s)).expect("archive");
    let newer = good.replacen("version: 1,", "version: 7,\n    colour: \"red\",", 1);
    for (text, says) in [
        (good[..good.len() / 2].to_owned(), "truncated"),
        (good.replacen("title:", "titel:", 1), "titel"),
        (newer, "newer twotrack"),
    ] {
        std::fs::write(archive_path(&s), &text).expect("write");
        let board = s.read();
        for args in [&["archive", "4"][..], &["unarchive", "9"], &["list", "--archived"], &["show", "9"]] {
            let run = s.run(args);
            assert_eq!(run.code, 1, "{args:?}");
            assert!(run.stderr.contains("board.ron.archive.ron line "), "{args:?}: {}", run.stderr);
            assert!(run.stderr.contains(says), "{args:?}: {}", run.stderr);
            assert_eq!(s.read(), board);
            assert_eq!(std::fs::read_to_string(archive_path(&s)).expect("archive"), text);
        }
    }
}

#[test]
fn an_item_left_in_both_files_by_an_interrupted_write_is_counted_once() {
    let s = Sandbox::new().with_starter();
    s.run(&["archive", "9"]).ok();
    let written = std::fs::read(archive_path(&s)).expect("archive");
    s.run(&["unarchive", "9"]).ok();
    // The archive as the first step of archiving #9 wrote it, the board not yet written: the
    // same state an unarchive leaves when killed after its first step.
    std::fs::write(archive_path(&s), &written).expect("write");
    assert_eq!(ids(&s.run(&["list", "--archived", "--json"]).ok()), Vec::<u64>::new());
    assert!(!s.run(&["show", "9"]).ok().stdout.contains("archived in"));
    s.run(&["archive", "4"]).ok();
    assert_eq!(ids(&s.run(&["list", "--archived", "--json"]).ok()), [4]);
    let archive = std::fs::read_to_string(archive_path(&s)).expect("archive");
    assert!(!archive.contains("id: 9,"), "the stale copy is gone from the file");
    // Another item under an id of the board is not resolved by guessing.
    let other = archive.replacen("created: \"20", "created: \"19", 1).replacen("id: 4,", "id: 5,", 1);
    std::fs::write(archive_path(&s), &other).expect("write");
    let run = s.run(&["list", "--archived"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("board.ron.archive.ron line ") && run.stderr.contains("item #5"),
        "{}",
        run.stderr
    );
}

#[test]
fn reading_creates_no_archive_file() {
    let s = Sandbox::new().with_starter();
    for args in [&["list", "--archived"][..], &["show", "9"], &["check"], &["policy", "archive-after"]] {
        s.run(args).ok();
    }
    assert!(!archive_path(&s).exists());
}

/// A sprint of one finished item, closed `n` weeks after the first started.
fn sprint_of_one(s: &Sandbox, n: u32) -> ItemId {
    let day =
        chrono::NaiveDate::from_ymd_opt(2026, 1, 5).expect("day") + chrono::Days::new(u64::from(n) * 14);
    let at = |hour: u32| format!("{day}T{hour:02}:00:00Z");
    let id = run_at(s, &at(9), &["add", &format!("Work of sprint {n}"), "--estimate", "1"]).ok().stdout;
    let id = id.trim().to_owned();
    run_at(s, &at(9), &["commit", &id]).ok();
    run_at(s, &at(10), &["move", &id, "done"]).ok();
    run_at(s, &at(17), &["sprint", "close"]).ok();
    id.parse().expect("id")
}

#[test]
fn the_policy_archives_at_each_close_and_old_reviews_stay_the_same() {
    let s = Sandbox::new();
    s.run(&["init", "--empty"]).ok();
    s.run(&["policy", "archive-after", "2"]).ok();
    run_at(&s, "2026-01-05T08:00:00Z", &["sprint", "start", "S1", "--start", "2026-01-05", "--end", "2w"])
        .ok();
    let mut done = Vec::new();
    let mut first_review = String::new();
    for n in 0..8 {
        done.push(sprint_of_one(&s, n));
        if n == 0 {
            first_review = s.run(&["report", "--sprint", "S1", "--markdown"]).ok().stdout;
        }
        let archived = ids(&s.run(&["list", "--archived", "--json"]).ok());
        let expected: Vec<u64> = done.iter().take(done.len().saturating_sub(2)).copied().collect();
        assert_eq!(archived, expected, "after close {}", n + 1);
    }
    assert_eq!(s.run(&["report", "--sprint", "S1", "--markdown"]).ok().stdout, first_review);
    assert!(first_review.contains("Work of sprint 0"), "{first_review}");
    s.run(&["policy", "archive-after", "off"]).ok();
    assert_eq!(s.run(&["policy", "archive-after"]).ok().stdout.trim(), "archive policy: off");
}

/// Every done item of a board moved into an archive and back: the same board.
fn round_trip(board: &Board) -> Board {
    let done: Vec<ItemId> = board
        .items()
        .iter()
        .filter(|it| board.is_done_column(it.track, &it.column))
        .map(|it| it.id)
        .collect();
    let empty = Board::new("");
    let mut live = board.clone();
    let Ok(op) = archive::archive(&live, &empty, &done, "none") else {
        assert!(done.is_empty());
        return live;
    };
    let items = done.iter().filter_map(|id| live.item(*id)).cloned().collect();
    let filed = archive::filed(&live, empty, items);
    live.apply(op.edit).expect("archive");
    let next = ops::add(&live, NewItem { title: "new".into(), ..NewItem::default() }, crate::common::now());
    let new_id = next.ok().and_then(|op| match op.edit {
        twotrack::domain::change::Edit::Add(item) => Some(item.id),
        _ => None,
    });
    assert!(new_id.is_none_or(|id| filed.items().iter().all(|it| it.id < id)), "ids never reused");
    let op = archive::unarchive(&live, &filed, &done).expect("unarchive");
    live.apply(op.edit).expect("unarchive");
    live
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn archiving_and_unarchiving_done_items_gives_the_same_board(board in arb::board(40)) {
        prop_assert_eq!(round_trip(&board), board);
    }
}
