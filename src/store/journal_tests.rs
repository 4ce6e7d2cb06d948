//! The journal file: appends, reading from an offset, a line cut by a crash, filters.

use std::fs;

use super::*;
use crate::domain::team::activity::{Action, Entry};

fn entry(n: u64, author: &str) -> Entry {
    Entry {
        time: chrono::DateTime::from_timestamp(1_800_000_000 + n as i64 * 3600, 0).expect("time"),
        author: author.into(),
        session: String::new(),
        item: Some(n),
        action: Action::Changed,
        changes: serde_json::Map::new(),
        summary: format!("#{n} changed"),
        first: None,
        recovered: false,
    }
}

fn setup() -> (tempfile::TempDir, std::path::PathBuf, Journal) {
    let dir = tempfile::tempdir().expect("tempdir");
    let board = dir.path().join("board.ron");
    let journal = Journal::of(&board);
    (dir, board, journal)
}

#[test]
fn appends_read_back_from_an_offset_and_nothing_is_read_twice() {
    let (_dir, board, journal) = setup();
    assert_eq!(journal.end(), 0);
    assert_eq!(journal.read_since(0).expect("no journal yet"), (Vec::new(), 0));
    let lock = BoardLock::acquire(&board).expect("lock");
    let first = journal.append(&[entry(1, "alice"), entry(2, "bob")], &lock).expect("append");
    assert_eq!(first, journal.end());
    let end = journal.append(&[entry(3, "carol")], &lock).expect("append");
    let (all, offset) = journal.read_since(0).expect("read");
    assert_eq!(all.iter().map(|e| e.author.as_str()).collect::<Vec<_>>(), ["alice", "bob", "carol"]);
    assert_eq!(offset, end);
    let (new, _) = journal.read_since(first).expect("read");
    assert_eq!(new, [entry(3, "carol")]);
    assert!(journal.read_since(end).expect("read").0.is_empty());
    assert_eq!(journal.path().file_name().and_then(|n| n.to_str()), Some("board.ron.journal"));
}

#[test]
fn a_line_cut_short_by_a_crash_is_ignored_and_does_not_swallow_the_next_entry() {
    let (_dir, board, journal) = setup();
    let lock = BoardLock::acquire(&board).expect("lock");
    journal.append(&[entry(1, "alice")], &lock).expect("append");
    let mut file = fs::OpenOptions::new().append(true).open(journal.path()).expect("open");
    file.write_all(b"{\"time\":\"2026-11-2").expect("cut");
    let (seen, offset) = journal.read_since(0).expect("a cut line is not an error");
    assert_eq!(seen.len(), 1);
    assert!(offset < journal.end(), "the cut line is left unread");
    journal.append(&[entry(2, "bob")], &lock).expect("append after a crash");
    let (later, _) = journal.read_since(offset).expect("read");
    assert_eq!(later, [entry(2, "bob")]);
    assert_eq!(journal.entries(None, None).expect("all").len(), 2);
}

#[test]
fn entries_since_a_time_and_for_an_item() {
    let (_dir, board, journal) = setup();
    let lock = BoardLock::acquire(&board).expect("lock");
    journal.append(&[entry(1, "a"), entry(2, "b"), entry(3, "c"), entry(2, "d")], &lock).expect("append");
    let since = entry(2, "").time;
    let authors = |entries: Vec<Entry>| entries.into_iter().map(|e| e.author).collect::<Vec<_>>();
    assert_eq!(authors(journal.entries(Some(since), None).expect("since")), ["b", "c", "d"]);
    assert_eq!(authors(journal.entries(None, Some(2)).expect("item")), ["b", "d"]);
    assert_eq!(
        authors(journal.entries(Some(entry(3, "").time), Some(2)).expect("both")),
        Vec::<String>::new()
    );
}

#[test]
fn a_journal_replaced_by_a_shorter_one_is_read_from_its_start() {
    let (_dir, board, journal) = setup();
    let lock = BoardLock::acquire(&board).expect("lock");
    let end = journal.append(&[entry(1, "a"), entry(2, "b")], &lock).expect("append");
    fs::remove_file(journal.path()).expect("rm");
    journal.append(&[entry(3, "c")], &lock).expect("append");
    assert_eq!(journal.read_since(end).expect("read").0, [entry(3, "c")]);
}

#[test]
fn recent_entries_are_read_backwards_across_chunks_and_long_lines() {
    let (_dir, board, journal) = setup();
    let lock = BoardLock::acquire(&board).expect("lock");
    assert!(journal.recent(entry(0, "").time).expect("no journal").is_empty());
    // Enough entries (some with long summaries) that the reading crosses many chunks.
    let mut all: Vec<Entry> = (1..=3000).map(|n| entry(n, "a")).collect();
    for (n, e) in all.iter_mut().enumerate().filter(|(n, _)| n % 97 == 0) {
        e.summary = "x".repeat(70_000 + n);
    }
    journal.append(&all, &lock).expect("append");
    let mut file = fs::OpenOptions::new().append(true).open(journal.path()).expect("open");
    file.write_all(b"not json\n{\"time\":\"2026-11-2").expect("a broken line and a cut one");
    let since = entry(2500, "").time;
    let recent = journal.recent(since).expect("read");
    assert_eq!(recent.len(), 501);
    assert_eq!(recent, &all[2499..], "in the order written, long lines whole");
    assert_eq!(journal.recent(entry(1, "").time).expect("all").len(), 3000);
    assert!(journal.recent(entry(9999, "").time).expect("none").is_empty());
}

#[test]
fn recent_allows_for_writers_whose_clocks_differ_a_little() {
    let (_dir, board, journal) = setup();
    let lock = BoardLock::acquire(&board).expect("lock");
    let at = |minutes: i64, author: &str| {
        let mut e = entry(4, author);
        e.time += chrono::Duration::minutes(minutes);
        e
    };
    // "x" was saved by a machine whose clock is 8 minutes behind, between "y" and "w".
    journal.append(&[at(-60, "old"), at(0, "y"), at(-8, "x"), at(1, "w")], &lock).expect("append");
    let authors = |since| -> Vec<String> {
        journal.recent(since).expect("read").into_iter().map(|e| e.author).collect()
    };
    assert_eq!(authors(at(-1, "").time), ["y", "w"], "reading goes on past the skewed entry");
    assert_eq!(authors(at(-9, "").time), ["y", "x", "w"]);
}
