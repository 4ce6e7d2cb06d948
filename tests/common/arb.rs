//! proptest strategies for boards and edits, built through the public API.

use chrono::{DateTime, NaiveDate, Utc};
use proptest::collection::{btree_set, vec};
use proptest::option;
use proptest::prelude::*;
use twotrack::domain::{
    Board, CheckEntry, Edit, Item, ItemChange, ItemId, Kind, Place, Severity, Stage, Track,
};

/// Text a user might type, including quotes, backslashes, newlines and non-ASCII.
pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ]{0,20}",
        "\\PC{0,30}",
        Just("quote \" back\\slash\nnew line\ttab r#raw#".to_owned()),
        Just("ünïcødé 🚀 ✓".to_owned()),
    ]
}

pub fn timestamp() -> impl Strategy<Value = DateTime<Utc>> {
    (0i64..6_000_000_000).prop_map(|s| DateTime::from_timestamp(s, 0).expect("in range"))
}

pub fn date() -> impl Strategy<Value = NaiveDate> {
    (0i64..200_000)
        .prop_map(|d| NaiveDate::from_ymd_opt(1970, 1, 1).expect("date") + chrono::Days::new(d as u64))
}

pub fn track() -> impl Strategy<Value = Track> {
    prop_oneof![Just(Track::Discovery), Just(Track::Delivery)]
}

pub fn stage() -> impl Strategy<Value = Stage> {
    prop_oneof![Just(Stage::One), Just(Stage::Two)]
}

pub fn kind() -> impl Strategy<Value = Kind> {
    proptest::sample::select(Kind::ALL.to_vec())
}

pub fn severity() -> impl Strategy<Value = Severity> {
    proptest::sample::select(Severity::ALL.to_vec())
}

/// A place on a board with the default columns.
pub fn place() -> impl Strategy<Value = Place> {
    (track(), 0usize..4, stage(), any::<i64>()).prop_map(|(track, col, stage, rank)| {
        let board = Board::new("x");
        let columns = &board.track(track).columns;
        Place { track, column: columns[col % columns.len()].id.clone(), stage, rank }
    })
}

pub fn checklist() -> impl Strategy<Value = Vec<CheckEntry>> {
    vec((text(), any::<bool>()).prop_map(|(text, done)| CheckEntry { text, done }), 0..3)
}

pub fn item(id: ItemId) -> impl Strategy<Value = Item> {
    let fields = (
        text(),
        place(),
        kind(),
        option::of(any::<u32>()),
        vec(text(), 0..3),
        option::of(text()),
        text(),
        checklist(),
        vec(1u64..50, 0..3),
    );
    let more = (option::of(date()), option::of(text()), option::of(severity()), timestamp(), timestamp());
    let links = (option::of(1u64..50), option::of(date()), option::of(timestamp()));
    let discovery = (option::of(text()), option::of(text()), option::of(text()), option::of(1u64..50));
    let rhythm = (option::of(text()), option::of(text()), option::of(timestamp()), option::of(timestamp()));
    (fields, more, links, discovery, rhythm).prop_map(
        move |(
            (title, place, kind, estimate, tags, assignee, description, checklist, links),
            (timebox, outcome, severity, created, updated),
            (follow_up_of, accepted, finished),
            (question, learned, drop_reason, promoted_from),
            (sprint, blocked, blocked_since, in_column_since),
        )| Item {
            id,
            title,
            track: place.track,
            column: place.column,
            stage: place.stage,
            rank: place.rank,
            kind,
            estimate,
            tags,
            assignee,
            description,
            checklist,
            links,
            question,
            timebox,
            outcome,
            learned,
            drop_reason,
            promoted_from,
            severity,
            follow_up_of,
            accepted,
            finished,
            sprint,
            blocked,
            blocked_since,
            in_column_since,
            created,
            updated,
        },
    )
}

/// A board with the default columns and up to `max` items with distinct ids.
pub fn board(max: usize) -> impl Strategy<Value = Board> {
    (text(), any::<u32>(), 0u8..=100, 0u8..=100, btree_set(1u64..200, 0..max))
        .prop_flat_map(|(name, points, discovery, stage_two, ids)| {
            let items: Vec<_> = ids.into_iter().map(item).collect();
            (Just((name, points, discovery, stage_two)), items)
        })
        .prop_map(|((name, points, discovery, stage_two), items)| {
            let mut board = Board::new(&name);
            board.capacity.points = points;
            board.capacity.discovery_share = discovery;
            board.capacity.stage_two_share = stage_two;
            for item in items {
                board.apply(Edit::Add(Box::new(item))).expect("distinct ids on default columns");
            }
            board
        })
}

/// Some fields of an item to change, with a valid place.
pub fn change() -> impl Strategy<Value = ItemChange> {
    (
        option::of(place()),
        option::of(text()),
        option::of(kind()),
        option::of(option::of(any::<u32>())),
        option::of(vec(text(), 0..3)),
        option::of(option::of(text())),
        option::of(text()),
        option::of(checklist()),
        option::of(option::of(date())),
        option::of(option::of(severity())),
    )
        .prop_map(
            |(place, title, kind, estimate, tags, assignee, description, checklist, timebox, severity)| {
                ItemChange {
                    place,
                    title,
                    kind,
                    estimate,
                    tags,
                    assignee,
                    description,
                    checklist,
                    timebox,
                    severity,
                    ..ItemChange::default()
                }
            },
        )
}

/// A board and an edit that applies to it.
pub fn board_and_edit() -> impl Strategy<Value = (Board, Edit)> {
    board(12).prop_flat_map(|board| {
        let ids: Vec<ItemId> = board.items().iter().map(|it| it.id).collect();
        let next = board.next_id;
        let edit = edit_for(ids, next);
        (Just(board), edit)
    })
}

fn edit_for(ids: Vec<ItemId>, next: ItemId) -> BoxedStrategy<Edit> {
    let add = item(next).prop_map(|it| Edit::Add(Box::new(it))).boxed();
    if ids.is_empty() {
        return add;
    }
    let pick = proptest::sample::select(ids);
    let remove = pick.clone().prop_map(Edit::Remove);
    let change = (pick, change(), timestamp()).prop_map(|(id, change, at)| Edit::Change {
        id,
        change: Box::new(change),
        at,
    });
    let single = prop_oneof![add, remove, change].boxed();
    prop_oneof![
        3 => single.clone(),
        1 => vec(single, 0..3).prop_map(|edits| {
            // Only the first edit of a batch is known to apply; the rest may fail, which must
            // roll the whole batch back.
            Edit::Batch(edits)
        }),
    ]
    .boxed()
}
