//! The fast reader and writer handle every field of an item: a field added to `Item` but not to
//! `item_text.rs` and `item_parse.rs` fails here, loudly, instead of quietly sending every board
//! through the slow RON parser (or, worse, writing text the parser reads differently).

use chrono::{DateTime, NaiveDate};
use serde::de::{self, Deserializer, Visitor};

use super::item_parse::{parse_board, parse_items};
use super::item_text::write_item;
use super::layout;
use super::written::Written;
use crate::domain::change::Edit;
use crate::generate;
use crate::model::{Board, CheckEntry, Item, Kind, Measure, Phase, Severity, Source, Stage, Track};

/// An item with every field set to something that is not its default (so the writer writes it).
/// Adding a field to `Item` breaks this literal on purpose: give the new field a value here too.
fn every_field_set() -> Item {
    let time = |s| DateTime::from_timestamp(s, 0).expect("time");
    let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).expect("date");
    Item {
        id: 42,
        title: "Every field, \"quoted\", with (parens), commas".into(),
        track: Track::Discovery,
        column: "exploring".into(),
        stage: Stage::Two,
        rank: -7,
        kind: Kind::Enabler,
        estimate: Some(8),
        tags: vec!["a, b".into(), "(c)".into()],
        assignee: Some("ana".into()),
        description: "two\nlines".into(),
        checklist: vec![
            CheckEntry { text: "Full test coverage".into(), done: true },
            CheckEntry { text: "with, (comma)".into(), done: false },
        ],
        links: vec![1, 2],
        question: Some("q?".into()),
        timebox: Some(day(30)),
        outcome: Some("o".into()),
        learned: Some("l".into()),
        drop_reason: Some("d".into()),
        promoted_from: Some(1),
        severity: Some(Severity::High),
        follow_up_of: Some(2),
        accepted: Some(day(2)),
        finished: Some(time(1_800_000_001)),
        accepted_by: Some("sign-off".into()),
        acceptance_note: Some("note, (with) \"quotes\"".into()),
        criteria: Some(vec!["a decision".into(), "second, (b)".into()]),
        experiment: Some(3),
        variant: Some("B".into()),
        winner: Some(4),
        initiative: Some("checkout".into()),
        phase: Some(Phase::Enhancement),
        sprint: Some("Sprint \"3\", (late)".into()),
        blocked: Some("waiting, (on) \"legal\"\nsecond line".into()),
        blocked_since: Some(time(1_800_000_002)),
        in_column_since: Some(time(1_800_000_003)),
        forced: Some("the demo, (today) \"at 3\"\nsecond line".into()),
        anticipated_debt: Some(5),
        measures: vec![
            Measure {
                name: "p95, (checkout) \"latency\"".into(),
                before: "480".parse().expect("a decimal"),
                after: "-0.25".parse().expect("a decimal"),
                unit: Some("ms, (p95)".into()),
            },
            Measure {
                name: "coverage".into(),
                before: "41".parse().expect("a decimal"),
                after: "68.5".parse().expect("a decimal"),
                unit: None,
            },
        ],
        drag: Some(6),
        source: Some(Box::new(Source {
            system: "jira".into(),
            origin: "SHOP, (the \"shop\")".into(),
            key: "SHOP-12".into(),
            url: Some("https://acme.atlassian.net/browse/SHOP-12".into()),
            fields: [("Priority", "High, (p1)"), ("Re\"porter\": x", "{ann}: \"b\"")]
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .collect(),
            last: [("title", "\"Every field\"")]
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .collect(),
        })),
        created: time(1_700_000_000),
        updated: time(1_800_000_000),
    }
}

/// The field names serde knows for `Item`, in declaration order: a deserializer that only asks.
fn serde_fields() -> &'static [&'static str] {
    struct Ask;
    #[derive(Debug)]
    struct Fields(&'static [&'static str]);
    impl std::fmt::Display for Fields {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "{:?}", self.0)
        }
    }
    impl std::error::Error for Fields {}
    impl de::Error for Fields {
        fn custom<T: std::fmt::Display>(_: T) -> Self {
            Fields(&[])
        }
    }
    impl<'de> Deserializer<'de> for Ask {
        type Error = Fields;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Fields> {
            Err(Fields(&[]))
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Fields> {
            Err(Fields(fields))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
            option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
            ignored_any
        }
    }
    match <Item as serde::Deserialize>::deserialize(Ask) {
        Err(Fields(fields)) => fields,
        Ok(_) => &[],
    }
}

#[test]
fn every_item_field_is_written_and_read_by_the_fast_path() {
    let item = every_field_set();
    let mut fast = String::new();
    write_item(&mut fast, &item);
    let written: Vec<&str> = fast
        .lines()
        .filter_map(|line| line.strip_prefix(layout::FIELD)?.split_once(':').map(|(name, _)| name))
        .collect();
    assert_eq!(
        written,
        serde_fields(),
        "every field of Item must be set in every_field_set() and written by src/store/item_text.rs \
         (and read by src/store/item_parse.rs), in declaration order"
    );
    assert_eq!(parse_items(&fast), Some(vec![item.clone()]), "the fast reader must read every field");
}

#[test]
fn the_fast_path_is_taken_for_every_board_the_writer_produces() {
    let mut odd = Board::new("odd");
    let mut item = every_field_set();
    for id in [1, 2] {
        let mut plain = generate::board(1, 1).items()[0].clone();
        plain.id = id;
        (plain.initiative, plain.phase) = (None, None);
        odd.apply(Edit::Add(Box::new(plain))).expect("add");
    }
    item.column = "exploring".into();
    // References to experiments and initiatives the small board does not have: the first test
    // covers those fields.
    (item.experiment, item.variant, item.winner, item.initiative, item.phase) =
        (None, None, None, None, None);
    odd.apply(Edit::Add(Box::new(item))).expect("add");
    for board in [odd, generate::board(300, 7), Board::new("empty")] {
        let text = Written::new(&board, None).expect("writes").text().to_owned();
        let fast = parse_board(&text);
        assert_eq!(fast.as_ref(), Some(&board), "the fast reader must take every board the writer writes");
        assert!(Written::adopt(&board, text).is_ok(), "and adopt its text for reuse");
    }
}

#[test]
fn dates_and_times_are_written_as_the_ron_serializer_writes_them() {
    let times = [
        DateTime::from_timestamp(0, 0),
        DateTime::from_timestamp(1_800_000_000, 1),
        DateTime::from_timestamp(1_800_000_000, 120_000_000),
        DateTime::from_timestamp(1_800_000_000, 123_400_000),
        DateTime::from_timestamp(1_800_000_000, 123_456_000),
        DateTime::from_timestamp(1_800_000_000, 999_999_999),
        // A leap second, and years outside 0..=9999, go through chrono itself.
        DateTime::from_timestamp(1_483_228_799, 1_500_000_000),
        DateTime::from_timestamp(-62_167_219_200, 0),
        DateTime::from_timestamp(-62_167_219_201, 5_000),
        DateTime::from_timestamp(253_402_300_799, 999_000_000),
        DateTime::from_timestamp(253_402_300_800, 0),
    ];
    let dates = [(0, 1, 1), (-1, 12, 31), (9999, 12, 31), (10_000, 1, 1), (2026, 2, 28)];
    let mut board = Board::new("times");
    for (n, time) in times.into_iter().enumerate() {
        let time = time.expect("a valid time");
        let (y, m, d) = dates[n % dates.len()];
        let mut item = generate::board(1, 1).items()[0].clone();
        item.id = n as u64 + 1;
        (item.initiative, item.phase, item.sprint) = (None, None, None);
        (item.created, item.updated, item.finished, item.blocked_since) =
            (time, time, Some(time), Some(time));
        item.accepted = NaiveDate::from_ymd_opt(y, m, d);
        item.criteria = Some(Vec::new());
        board.apply(Edit::Add(Box::new(item))).expect("add");
    }
    let fast = Written::new(&board, None).expect("writes");
    let mut serde = ron::Options::default().to_string_pretty(&board, layout::pretty()).expect("ron");
    serde.push('\n');
    assert_eq!(fast.text(), serde);
}

#[test]
fn a_source_record_is_written_as_the_ron_serializer_writes_it() {
    let mut board = Board::new("sources");
    let mut item = every_field_set();
    item.column = "exploring".into();
    (item.experiment, item.variant, item.winner, item.initiative, item.phase) =
        (None, None, None, None, None);
    (item.links, item.promoted_from, item.follow_up_of) = (Vec::new(), None, None);
    board.apply(Edit::Add(Box::new(item.clone()))).expect("add");
    let mut bare = item;
    bare.id = 43;
    if let Some(source) = bare.source.as_deref_mut() {
        (source.url, source.fields, source.last) = (None, Default::default(), Default::default());
    }
    board.apply(Edit::Add(Box::new(bare))).expect("add");
    let fast = Written::new(&board, None).expect("writes");
    let mut serde = ron::Options::default().to_string_pretty(&board, layout::pretty()).expect("ron");
    serde.push('\n');
    assert_eq!(fast.text(), serde);
    assert_eq!(parse_board(fast.text()).as_ref(), Some(&board));
}
