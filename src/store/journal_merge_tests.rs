//! Journals merged: both sides' new lines present once, in time order, after the common ones.

use super::*;
use crate::domain::team::activity::Action;

fn line(hour: i64, author: &str) -> String {
    let entry = Entry {
        time: chrono::DateTime::from_timestamp(1_800_000_000 + hour * 3600, 0).expect("time"),
        author: author.into(),
        session: String::new(),
        item: Some(1),
        action: Action::Changed,
        changes: serde_json::Map::new(),
        summary: format!("{author} at {hour}"),
        first: None,
        recovered: false,
    };
    let mut text = serde_json::to_string(&entry).expect("json");
    text.push('\n');
    text
}

fn text(lines: &[String]) -> Vec<u8> {
    lines.concat().into_bytes()
}

fn authors(merged: &[u8]) -> Vec<String> {
    lines(merged)
        .into_iter()
        .map(|l| serde_json::from_slice::<Entry>(l).map_or_else(|_| "?".into(), |e| e.summary))
        .collect()
}

#[test]
fn lines_appended_on_both_sides_come_after_the_common_ones_in_time_order() {
    let base = [line(0, "base")];
    let ours = [line(0, "base"), line(1, "alice"), line(4, "alice")];
    let theirs = [line(0, "base"), line(2, "bob"), line(3, "bob"), line(5, "bob")];
    let merged = merge(&text(&base), &text(&ours), &text(&theirs));
    assert_eq!(
        authors(&merged),
        ["base at 0", "alice at 1", "bob at 2", "bob at 3", "alice at 4", "bob at 5"]
    );
    // Either way round, the same journal.
    assert_eq!(merge(&text(&base), &text(&theirs), &text(&ours)), merged);
}

#[test]
fn a_line_both_sides_appended_is_kept_once_and_a_tie_keeps_ours_first() {
    let base: [String; 0] = [];
    let ours = [line(1, "same"), line(2, "alice")];
    let theirs = [line(1, "same"), line(2, "bob")];
    let merged = merge(&text(&base), &text(&ours), &text(&theirs));
    assert_eq!(authors(&merged), ["same at 1", "alice at 2", "bob at 2"]);
}

#[test]
fn a_cut_line_stays_with_the_line_before_it_and_nothing_is_lost() {
    let base = [line(0, "base")];
    let ours = [line(0, "base"), line(3, "alice"), "{\"time\": \"cut\n".to_owned()];
    let theirs = [line(0, "base"), line(1, "bob"), line(5, "bob")];
    let merged = merge(&text(&base), &text(&ours), &text(&theirs));
    assert_eq!(authors(&merged), ["base at 0", "bob at 1", "alice at 3", "?", "bob at 5"]);
    assert!(merged.ends_with(b"\n"));
}

#[test]
fn lines_one_side_cut_from_the_common_version_stay_cut() {
    let base = [line(0, "old"), line(1, "base")];
    let ours = [line(1, "base"), line(2, "alice")];
    let theirs = [line(0, "old"), line(1, "base")];
    let merged = merge(&text(&base), &text(&ours), &text(&theirs));
    assert_eq!(authors(&merged), ["base at 1", "alice at 2"]);
}
