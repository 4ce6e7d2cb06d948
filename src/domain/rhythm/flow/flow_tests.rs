//! Every flow figure, hand-computed on a fixture journal with a pinned clock, and properties of
//! replays of random journals.

use chrono::{DateTime, NaiveDate};
use proptest::prelude::*;
use serde_json::{Map, Value, json};

use super::*;
use crate::domain::team::activity::{Action, Entry};
use crate::model::{Figures, Model, Rollover, Split, Sprint, Stage, Tally, Timestamp};

fn at(text: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(text).expect("time").to_utc()
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

/// The journal's lines as the replay reads them.
fn lean(entries: &[Entry]) -> Vec<Step> {
    entries.iter().map(Step::from).collect()
}

/// `replay` fed `steps`, the journal's lines up to byte `offset`.
fn feed(replay: &mut Replay, steps: &[Step], offset: u64) {
    steps.iter().for_each(|s| replay.step(s));
    replay.offset = offset;
}

fn entry(time: Timestamp, item: u64, action: Action, changes: Value) -> Entry {
    let changes: Map<String, Value> = match changes {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    Entry {
        time,
        author: "ana".into(),
        session: String::new(),
        item: Some(item),
        action,
        changes,
        summary: String::new(),
        first: None,
        recovered: false,
    }
}

fn added(time: &str, id: u64, track: &str, column: &str, stage: u8, estimate: u32, sprint: &str) -> Entry {
    let changes = json!({"track": [null, track], "column": [null, column], "stage": [null, stage],
        "estimate": [null, estimate], "sprint": [null, sprint], "title": [null, "t"]});
    entry(at(time), id, Action::Added, changes)
}

fn moved(time: &str, id: u64, from: &str, to: &str) -> Entry {
    entry(at(time), id, Action::Changed, json!({"column": [from, to]}))
}

fn sprint(name: &str, start: &str, end: &str, figures: Option<Figures>) -> Sprint {
    Sprint {
        name: name.into(),
        start: day(start),
        end: day(end),
        capacity: 20,
        model: Model::Split,
        stage: None,
        delivery_sprints: None,
        goal: None,
        figures,
    }
}

fn board() -> Board {
    let mut b = Board::new("Team");
    b.sprints.push(sprint("S1", "2026-11-01", "2026-11-13", None));
    b
}

/// The fixture journal: two delivery items and a spike committed to S1, a scope step on the
/// 4th, a change about an item never added, and a writer whose clock is behind.
fn journal() -> Vec<Entry> {
    vec![
        added("2026-11-02T09:00:00Z", 1, "delivery", "ready", 1, 3, "S1"),
        added("2026-11-02T10:00:00Z", 2, "delivery", "ready", 2, 5, "S1"),
        moved("2026-11-03T09:00:00Z", 1, "ready", "doing"),
        moved("2026-11-04T09:00:00Z", 1, "doing", "done"),
        added("2026-11-04T12:00:00Z", 3, "discovery", "explore", 1, 2, "S1"),
        moved("2026-11-05T09:00:00Z", 2, "ready", "doing"),
        moved("2026-11-05T21:00:00Z", 3, "explore", "exploring"),
        moved("2026-11-06T09:00:00Z", 2, "doing", "review"),
        moved("2026-11-06T15:00:00Z", 2, "review", "done"),
        moved("2026-11-06T16:00:00Z", 99, "ready", "doing"),
        entry(at("2026-11-05T08:00:00Z"), 3, Action::Changed, json!({"estimate": [2, 4]})),
    ]
}

fn replayed() -> (Board, Replay) {
    let b = board();
    let mut replay = Replay::new(&b);
    feed(&mut replay, &lean(&journal()), 1234);
    (b, replay)
}

const TODAY: &str = "2026-11-06";

#[test]
fn burn_up_steps_with_scope_and_leaves_days_before_the_journal_empty() {
    let (b, replay) = replayed();
    let burn = burn_up(&replay, &b.sprints[0], day(TODAY));
    let p = |scope, done| Some(Points { scope, done });
    assert_eq!(burn.days, vec![None, p(8, 0), p(8, 0), p(10, 3), p(10, 3), p(12, 8)]);
    assert_eq!(burn.length(), 13);
    assert_eq!(burn.scope(), Some(12));
    assert_eq!(burn.ideal(12), Some(12.0), "all of the scope by the end of the last day");
    assert_eq!(burn.ideal(0), Some(12.0 / 13.0));
    assert_eq!((replay.unknown, replay.skewed, replay.offset), (1, 1, 1234));
}

#[test]
fn a_closed_sprint_ends_on_the_figures_its_close_recorded() {
    let mut b = board();
    let mut figures = closed(0, 30, 8, 0);
    figures.closed = at("2026-11-06T17:00:00Z");
    b.sprints[0].figures = Some(figures);
    b.sprints[0].end = day("2026-11-06");
    let mut journal = journal();
    // The close rolls the unfinished spike (4 pt) over to the next sprint that same evening.
    journal.push(entry(at("2026-11-06T17:00:00Z"), 3, Action::Changed, json!({"sprint": ["S1", "S2"]})));
    let mut replay = Replay::new(&b);
    feed(&mut replay, &lean(&journal), 1);
    let burn = burn_up(&replay, &b.sprints[0], day("2026-11-20"));
    let last = burn.days.last().copied().flatten();
    assert_eq!(last, Some(Points { scope: 12, done: 8 }), "the scope does not fall on the last day");
    assert_eq!(burn.days.len(), 6);
}

#[test]
fn cumulative_flow_counts_items_per_column_per_day() {
    let (b, replay) = replayed();
    let delivery = cfd(&b, &replay, Track::Delivery, day(TODAY), 6);
    assert_eq!(delivery.columns, ["Ready", "In progress", "Review", "Done"]);
    assert_eq!(delivery.first, day("2026-11-01"));
    let rows = vec![
        None,
        Some(vec![2, 0, 0, 0]),
        Some(vec![1, 1, 0, 0]),
        Some(vec![1, 0, 0, 1]),
        Some(vec![0, 1, 0, 1]),
        Some(vec![0, 0, 0, 2]),
    ];
    assert_eq!(delivery.days, rows);
    let discovery = cfd(&b, &replay, Track::Discovery, day(TODAY), 3);
    assert_eq!(discovery.days, vec![Some(vec![1, 0, 0]), Some(vec![0, 1, 0]), Some(vec![0, 1, 0])]);
}

#[test]
fn a_column_the_board_no_longer_has_is_its_own_band() {
    let (mut b, mut replay) = replayed();
    feed(&mut replay, &lean(&[moved("2026-11-06T17:00:00Z", 2, "done", "shipped")]), 2000);
    let delivery = cfd(&b, &replay, Track::Delivery, day(TODAY), 1);
    assert_eq!(delivery.columns.last().map(String::as_str), Some(OTHER_COLUMNS));
    assert_eq!(delivery.days, vec![Some(vec![0, 0, 0, 1, 1])]);
    assert!(replay.fits(&b, 2000));
    b.delivery.columns.pop();
    assert!(!replay.fits(&b, 2000), "other columns read differently: replayed anew");
    assert!(!replay.fits(&board(), 1999), "a shorter journal was replaced");
}

#[test]
fn cycle_times_are_nearest_rank_per_track_and_stage() {
    let (_, replay) = replayed();
    let times = cycle_times(&replay, None);
    let of = |g: Group| times.iter().find(|c| c.group == g).cloned().expect("group");
    let delivery = of(Group::Track(Track::Delivery));
    assert_eq!((delivery.items, delivery.median, delivery.p85), (2, Some(1.0), Some(1.25)));
    let discovery = of(Group::Track(Track::Discovery));
    assert_eq!((discovery.items, discovery.median, discovery.p85), (0, None, None));
    assert_eq!(of(Group::Stage(Stage::One)).median, Some(1.0));
    assert_eq!(of(Group::Stage(Stage::Two)).p85, Some(1.25));
    assert_eq!(cycle::percentile(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0], 85), Some(6.0));
    assert_eq!(cycle::percentile(&[], 50), None);
}

#[test]
fn throughput_counts_weeks_the_journal_covers() {
    let (_, replay) = replayed();
    let weeks = throughput(&replay, day(TODAY), 2);
    assert_eq!(weeks[0], Week { monday: day("2026-10-26"), items: None });
    assert_eq!(weeks[1], Week { monday: day("2026-11-02"), items: Some(2) });
}

fn closed(share: u8, target: u8, one: u32, two: u32) -> Figures {
    let done =
        Split { total: one + two, discovery: 1, delivery: one + two - 1, stage_one: one, stage_two: two };
    Figures {
        closed: at("2026-10-30T17:00:00Z"),
        target_discovery: 20,
        target_stage_two: target,
        committed: Split { total: one + two + 4, ..done },
        done,
        discovery_share: 10,
        stage_two_share: share,
        debt_created: Tally::default(),
        debt_repaid: Tally::default(),
        open_debt: Tally::default(),
        spikes_concluded: 0,
        promoted: Vec::new(),
        dropped: Vec::new(),
        repaid: Vec::new(),
        rolled_over: Vec::new(),
        rollover: Rollover::Next,
        to_backlog: Vec::new(),
        at_close: None,
        spent: None,
    }
}

#[test]
fn velocity_reads_the_recorded_figures_and_the_one_on_target_rule() {
    let mut b = board();
    b.sprints.push(sprint("S0", "2026-10-19", "2026-10-30", Some(closed(27, 30, 14, 6))));
    b.sprints.push(sprint("S-1", "2026-10-05", "2026-10-16", Some(closed(10, 30, 18, 2))));
    let v = velocity(&b, 10, day(TODAY));
    assert_eq!(v.iter().map(|v| v.sprint.as_str()).collect::<Vec<_>>(), ["S-1", "S0"]);
    assert_eq!(
        (v[1].stage_one, v[1].stage_two, v[1].discovery, v[1].committed, v[1].done()),
        (14, 6, 1, 24, 20)
    );
    assert!(v[1].on_target, "27 % against 30 % is on target");
    assert!(!v[0].on_target, "10 % against 30 % is off");
    assert_eq!(velocity(&b, 1, day(TODAY)).len(), 1);
    assert!(velocity(&Board::new("x"), 5, day(TODAY)).is_empty());
    assert_eq!(velocity(&b, 10, day("2026-10-29")).len(), 0, "closed after the day asked for");
}

/// A random journal: adds, moves, re-estimates, commitments and deletes of a few items.
fn steps() -> impl Strategy<Value = Vec<(u8, u64, u8, u32, u8)>> {
    prop::collection::vec((0u8..5, 1u64..8, 0u8..7, 0u32..9, 0u8..3), 1..60)
}

const COLUMNS: [(&str, &str); 7] = [
    ("delivery", "ready"),
    ("delivery", "doing"),
    ("delivery", "review"),
    ("delivery", "done"),
    ("discovery", "explore"),
    ("discovery", "exploring"),
    ("discovery", "concluded"),
];

proptest! {
    #[test]
    fn burn_up_done_never_exceeds_scope_and_cfd_sums_to_the_items(steps in steps()) {
        let mut b = board();
        b.sprints.push(sprint("S2", "2026-11-14", "2026-11-27", None));
        let mut live = std::collections::BTreeMap::new();
        let mut alive_by_day = Vec::new();
        let mut journal = Vec::new();
        let start = at("2026-11-01T08:00:00Z");
        for (n, (what, id, column, estimate, sprint)) in steps.into_iter().enumerate() {
            let time = start + chrono::Duration::hours(13 * n as i64);
            let (track, col) = COLUMNS[usize::from(column)];
            let sprint = ["S1", "S2", ""][usize::from(sprint)];
            let sprint_value = if sprint.is_empty() { Value::Null } else { json!(sprint) };
            let e = match (what, live.contains_key(&id)) {
                (_, false) => {
                    live.insert(id, ());
                    let mut e = added("2026-01-01T00:00:00Z", id, track, col, 1, estimate, sprint);
                    e.changes.insert("sprint".into(), json!([null, sprint_value]));
                    e.time = time;
                    e
                }
                (0, true) => { live.remove(&id); entry(time, id, Action::Deleted, json!({})) }
                (1, true) => entry(time, id, Action::Changed, json!({"estimate": [0, estimate]})),
                (2, true) => entry(time, id, Action::Changed, json!({"sprint": [null, sprint_value]})),
                _ => entry(time, id, Action::Changed, json!({"track": [null, track], "column": [null, col]})),
            };
            journal.push(e);
            let date = time.date_naive();
            match alive_by_day.last_mut() {
                Some((d, n)) if *d == date => *n = live.len(),
                _ => alive_by_day.push((date, live.len())),
            }
        }
        let mut replay = Replay::new(&b);
        feed(&mut replay, &lean(&journal), 1);
        let today = alive_by_day.last().map(|(d, _)| *d).expect("a day");
        for s in &b.sprints {
            for p in burn_up(&replay, s, today).days.into_iter().flatten() {
                prop_assert!(p.done <= p.scope);
            }
        }
        let days = u32::try_from((today - day("2026-11-01")).num_days() + 1).expect("days");
        let both: Vec<Cfd> = Track::ALL.iter().map(|t| cfd(&b, &replay, *t, today, days)).collect();
        for (date, alive) in alive_by_day {
            let index = usize::try_from((date - day("2026-11-01")).num_days()).expect("index");
            let sum: u32 = both.iter().map(|c| c.days[index].as_ref().map_or(0, |r| r.iter().sum::<u32>())).sum();
            prop_assert_eq!(sum as usize, alive);
        }
    }
}

#[test]
fn a_journal_line_read_lean_is_the_entry_the_replay_reads() {
    for entry in journal() {
        let line = serde_json::to_string(&entry).expect("a line");
        let lean: Step = serde_json::from_str(&line).expect("read lean");
        assert_eq!(lean, Step::from(&entry), "{line}");
    }
}
