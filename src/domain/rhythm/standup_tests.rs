//! The standup from a hand-made journal and board on a fixed clock.

use chrono::{DateTime, Duration};
use serde_json::{Map, Value, json};

use super::*;
use crate::domain::change::{Edit, ItemChange, NewItem, ops};
use crate::domain::rhythm::doc::Block;
use crate::model::StandupSettings;

pub(super) fn at(text: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(text).expect("time").to_utc()
}

pub(super) fn entry(time: &str, author: &str, item: ItemId, action: Action, changes: Value) -> Entry {
    let changes: Map<String, Value> = match changes {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    Entry {
        time: at(time),
        author: author.into(),
        session: String::new(),
        item: Some(item),
        action,
        changes,
        summary: String::new(),
        first: None,
        recovered: false,
    }
}

fn board() -> Board {
    let mut b = Board::new("Team");
    let add = |b: &mut Board, title: &str, column: &str, who: Option<&str>, created: &str| {
        let new = NewItem {
            title: title.into(),
            column: Some(column.into()),
            assignee: who.map(str::to_owned),
            ..NewItem::default()
        };
        b.apply(ops::add(b, new, at(created)).expect("add").edit).expect("apply");
    };
    add(&mut b, "Checkout", "review", Some("ana"), "2026-11-10T09:00:00Z");
    add(&mut b, "Saved carts", "done", Some("ben"), "2026-11-10T09:00:00Z");
    add(&mut b, "Receipts", "doing", Some("ana"), "2026-11-19T09:00:00Z");
    add(&mut b, "Backlog thing", "ready", None, "2026-11-01T09:00:00Z");
    add(&mut b, "Spike", "exploring", Some("kim"), "2026-11-01T09:00:00Z");
    let spike = ItemChange {
        outcome: Some(Some("a decision".into())),
        timebox: Some(Some("2026-11-18".parse().expect("date"))),
        ..ItemChange::default()
    };
    b.apply(Edit::Change { id: 5, change: Box::new(spike), at: at("2026-11-01T09:00:00Z") }).expect("apply");
    b.apply(
        crate::domain::change::blocking::block(
            &b,
            3,
            "waiting for the printer API",
            at("2026-11-19T12:00:00Z"),
        )
        .expect("block")
        .edit,
    )
    .expect("apply");
    b
}

fn journal() -> Vec<Entry> {
    vec![
        entry("2026-11-19T08:00:00Z", "ana", 1, Action::Changed, json!({"column": ["ready", "doing"]})),
        entry("2026-11-20T09:10:00Z", "ana", 1, Action::Changed, json!({"column": ["doing", "review"]})),
        entry(
            "2026-11-20T09:20:00Z",
            "ben",
            2,
            Action::Changed,
            json!({"column": ["review", "done"], "finished": [null, "2026-11-20T09:20:00Z"]}),
        ),
        entry("2026-11-20T10:00:00Z", "ana", 3, Action::Added, json!({"title": [null, "Receipts"]})),
        entry("2026-11-20T11:00:00Z", "ben", 9, Action::Added, json!({"title": [null, "Gone soon"]})),
        entry("2026-11-20T11:05:00Z", "ben", 4, Action::Changed, json!({"column": ["ready", "doing"]})),
        entry("2026-11-20T11:06:00Z", "ben", 4, Action::Changed, json!({"column": ["doing", "ready"]})),
        entry("2026-11-20T12:00:00Z", "kim", 5, Action::Changed, json!({"title": ["Spike", "Spike"]})),
    ]
}

#[test]
fn the_previous_working_day_skips_the_weekend() {
    for (now, expected) in [
        ("2026-11-20T10:00:00Z", "2026-11-19T00:00:00Z"), // Friday → Thursday
        ("2026-11-23T08:00:00Z", "2026-11-20T00:00:00Z"), // Monday → Friday
        ("2026-11-22T08:00:00Z", "2026-11-20T00:00:00Z"), // Sunday → Friday
        ("2026-11-21T08:00:00Z", "2026-11-20T00:00:00Z"), // Saturday → Friday
    ] {
        assert_eq!(previous_working_day(at(now)), at(expected), "{now}");
    }
}

#[test]
fn the_mark_wins_over_the_default_unless_it_lies_in_the_future() {
    let mut b = board();
    let now = at("2026-11-23T09:30:00Z");
    assert_eq!(Since::default_for(&b, now).time, at("2026-11-20T00:00:00Z"));
    b.standup = StandupSettings { mark: Some(at("2026-11-20T09:00:00Z")), stale_days: None };
    assert_eq!(
        Since::default_for(&b, now),
        Since { time: at("2026-11-20T09:00:00Z"), why: "the last standup".into() }
    );
    b.standup.mark = Some(now + Duration::hours(1));
    assert_eq!(Since::default_for(&b, now).why, "the start of the previous working day");
}

#[test]
fn per_person_moves_are_first_from_last_to_and_finishing_is_told_once() {
    let b = board();
    let since = Since { time: at("2026-11-20T00:00:00Z"), why: "test".into() };
    let s = build(&b, &journal(), since, at("2026-11-21T10:00:00Z"));
    let names: Vec<&str> = s.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["ana", "ben"], "kim only edited; the entry before the mark is left out");
    let ana = &s.people[0];
    assert_eq!(ana.moved.len(), 1);
    assert_eq!((ana.moved[0].from.as_str(), ana.moved[0].to.as_str()), ("In progress", "Review"));
    assert_eq!(ana.added, [ItemRef { id: 3, title: "Receipts".into(), work: Some(Work::Delivery) }]);
    let ben = &s.people[1];
    assert!(ben.moved.is_empty(), "into done is finished; ready → doing → ready is no move");
    let saved = ItemRef { id: 2, title: "Saved carts".into(), work: Some(Work::Delivery) };
    assert_eq!(ben.finished, [Finished { item: saved, outcome: "finished", detail: String::new() }]);
    assert_eq!(
        ben.added,
        [ItemRef { id: 9, title: "Gone soon (deleted)".into(), work: None }],
        "a deleted item keeps its title, and no longer has a kind of work"
    );
}

#[test]
fn blocked_overdue_stale_and_in_progress_come_from_the_board() {
    let b = board();
    let since = Since { time: at("2026-11-20T00:00:00Z"), why: "test".into() };
    let s = build(&b, &[], since, at("2026-11-21T10:00:00Z"));
    assert_eq!(s.blocked.len(), 1);
    assert_eq!(
        (s.blocked[0].item.id, s.blocked[0].days, s.blocked[0].note.as_str()),
        (3, 1, "waiting for the printer API")
    );
    assert_eq!(s.overdue.iter().map(|c| (c.item.id, c.days)).collect::<Vec<_>>(), [(5, 3)]);
    assert_eq!(s.stale_days, 3);
    let stale: Vec<(ItemId, i64)> = s.stale.iter().map(|c| (c.item.id, c.days)).collect();
    assert_eq!(stale, [(5, 20), (1, 11)], "#3 is 2 days in its column; #4 has not started");
    let people: Vec<(Option<&str>, Vec<ItemId>)> = s
        .in_progress
        .iter()
        .map(|(who, items)| (who.as_deref(), items.iter().map(|c| c.item.id).collect()))
        .collect();
    assert_eq!(people, [(Some("ana"), vec![1, 3]), (Some("kim"), vec![5])]);
    let doc = s.to_doc();
    assert_eq!(doc.title, "Standup: Team");
    assert_eq!(doc.sections.len(), 7);
}

#[test]
fn long_lists_show_the_first_fifteen_and_count_the_rest() {
    let mut b = Board::new("Big");
    for n in 0..40 {
        let new = NewItem {
            title: format!("item {n}"),
            column: Some("doing".into()),
            assignee: Some("ana".into()),
            ..NewItem::default()
        };
        b.apply(ops::add(&b, new, at("2026-11-01T09:00:00Z")).expect("add").edit).expect("apply");
    }
    let since = Since { time: at("2026-11-20T00:00:00Z"), why: "test".into() };
    let doc = build(&b, &[], since, at("2026-11-21T10:00:00Z")).to_doc();
    let stale = doc.sections.iter().find(|s| s.heading.starts_with("Not moved")).expect("stale section");
    assert_eq!(stale.heading, "Not moved for 3 days or more (40)");
    match stale.blocks.as_slice() {
        [Block::List(lines)] => {
            assert_eq!(lines.len(), 16);
            assert_eq!(lines.last().map(String::as_str), Some("… and 25 more"));
        }
        other => assert!(other.is_empty(), "a list was expected: {other:?}"),
    }
}
