//! Every field of an item is seen by the field maps; a helper that lists the fields serde
//! knows, and a pair of items that differ in every field, for the tests of the merge, the undo
//! check and the journal.

use chrono::{DateTime, NaiveDate};
use serde::de;
use serde::de::{Deserializer, Visitor};

use super::*;
use crate::model::{CheckEntry, Kind, Measure, Phase, Severity, Source, Stage, Track};

/// The names of a struct's fields as its `Deserialize` knows them (what a file may contain).
pub(crate) fn serde_names<'de, T: serde::Deserialize<'de>>() -> &'static [&'static str] {
    struct Names(&'static [&'static str]);
    impl<'de> Deserializer<'de> for &mut Names {
        type Error = de::value::Error;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("not a struct"))
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            self.0 = fields;
            Err(de::Error::custom("only the names were wanted"))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
            option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
            ignored_any
        }
    }
    let mut names = Names(&[]);
    let _ = T::deserialize(&mut names);
    names.0
}

/// Two versions of item #5 that differ in every field but the id and the creation stamp.
/// Written without `..`: a new field of [`Item`] does not compile until it is given two values
/// here, and the tests below then check that the merge, the undo check and the journal see it.
pub(crate) fn full_pair() -> (Item, Item) {
    let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).expect("date");
    let time = |s: i64| DateTime::from_timestamp(1_800_000_000 + s, 0).expect("time");
    let a = Item {
        id: 5,
        title: "a".into(),
        track: Track::Discovery,
        column: "explore".into(),
        stage: Stage::One,
        rank: 1000,
        kind: Kind::Spike,
        estimate: Some(1),
        tags: vec!["x".into()],
        assignee: Some("ann".into()),
        description: "first".into(),
        checklist: vec![CheckEntry { text: "t".into(), done: false }],
        links: vec![1],
        question: Some("q".into()),
        timebox: Some(day(1)),
        outcome: Some("o".into()),
        learned: Some("l".into()),
        drop_reason: Some("r".into()),
        promoted_from: Some(1),
        severity: Some(Severity::Low),
        follow_up_of: Some(1),
        accepted: Some(day(1)),
        finished: Some(time(0)),
        accepted_by: Some("sign-off".into()),
        acceptance_note: Some("n".into()),
        criteria: Some(vec!["New technology".into()]),
        experiment: Some(1),
        variant: Some("A".into()),
        winner: Some(1),
        initiative: Some("checkout".into()),
        phase: Some(Phase::Mvp),
        sprint: Some("S1".into()),
        blocked: Some("waiting".into()),
        blocked_since: Some(time(0)),
        in_column_since: Some(time(0)),
        forced: Some("the demo".into()),
        anticipated_debt: Some(3),
        measures: vec![Measure {
            name: "p95".into(),
            before: "480".parse().expect("a decimal"),
            after: "210".parse().expect("a decimal"),
            unit: Some("ms".into()),
        }],
        drag: Some(3),
        source: Some(Box::new(Source {
            system: "github".into(),
            origin: "github.com/acme/shop".into(),
            key: "gh:1".into(),
            ..Source::default()
        })),
        created: time(0),
        updated: time(0),
    };
    let b = Item {
        id: 5,
        title: "b".into(),
        track: Track::Delivery,
        column: "doing".into(),
        stage: Stage::Two,
        rank: 2000,
        kind: Kind::Bug,
        estimate: Some(2),
        tags: vec!["y".into()],
        assignee: Some("bob".into()),
        description: "second".into(),
        checklist: vec![CheckEntry { text: "t".into(), done: true }],
        links: vec![2],
        question: Some("q2".into()),
        timebox: Some(day(2)),
        outcome: Some("o2".into()),
        learned: Some("l2".into()),
        drop_reason: Some("r2".into()),
        promoted_from: Some(2),
        severity: Some(Severity::High),
        follow_up_of: Some(2),
        accepted: Some(day(2)),
        finished: Some(time(5)),
        accepted_by: Some("ab-test".into()),
        acceptance_note: Some("n2".into()),
        criteria: Some(vec![]),
        experiment: Some(2),
        variant: Some("B".into()),
        winner: Some(2),
        initiative: Some("search".into()),
        phase: Some(Phase::Polish),
        sprint: Some("S2".into()),
        blocked: Some("still waiting".into()),
        blocked_since: Some(time(5)),
        in_column_since: Some(time(5)),
        forced: Some("the launch".into()),
        anticipated_debt: Some(8),
        measures: vec![],
        drag: Some(5),
        source: Some(Box::new(Source {
            system: "jira".into(),
            origin: "SHOP".into(),
            key: "SHOP-2".into(),
            ..Source::default()
        })),
        created: time(0),
        updated: time(5),
    };
    (a, b)
}

/// The fields a person changes: every serde field but the bookkeeping ones.
pub(crate) fn user_fields() -> Vec<&'static str> {
    serde_names::<Item>().iter().copied().filter(|n| !BOOKKEEPING.contains(n)).collect()
}

#[test]
fn the_pair_differs_in_every_field_a_person_changes() {
    let (a, b) = full_pair();
    let (fa, fb) = (of(&a), of(&b));
    let names = serde_names::<Item>();
    assert!(names.len() >= 25, "the names come from serde: {names:?}");
    for name in user_fields() {
        assert_ne!(get(&fa, name), get(&fb, name), "full_pair() must give `{name}` two values");
    }
    let changed: Vec<String> = diff(&a, &b).into_iter().map(|c| c.name).collect();
    assert_eq!(changed, user_fields(), "the journal's from→to sees every field");
}

#[test]
fn fields_read_back_as_the_same_item_and_left_out_values_are_null() {
    let (a, _) = full_pair();
    assert_eq!(to_item(of(&a)).expect("reads back"), a);
    let mut bare = a.clone();
    bare.estimate = None;
    bare.tags.clear();
    let fields = of(&bare);
    assert_eq!(get(&fields, "estimate"), &Value::Null);
    assert!(!fields.contains_key("tags"));
    let mut with_null = fields.clone();
    with_null.insert("assignee".into(), Value::Null);
    assert_eq!(to_item(with_null).expect("null is left out").assignee, None);
}

#[test]
fn every_id_valued_field_is_followed_when_renumbering() {
    let (mut a, _) = full_pair();
    let before = of(&a);
    a.references_mut().for_each(|id| *id = 99);
    let after = of(&a);
    let rewritten: Vec<&str> =
        names(&before, &after).into_iter().filter(|n| get(&before, n) != get(&after, n)).collect();
    assert_eq!(rewritten, ["links", "promoted_from", "follow_up_of", "experiment", "winner"]);
    let (mut b, _) = full_pair();
    let read: Vec<u64> = b.references().collect();
    assert_eq!(read, b.references_mut().map(|id| *id).collect::<Vec<_>>(), "both list the same fields");
}

#[test]
fn values_read_as_words() {
    assert_eq!(display(&Value::Null), "nothing");
    assert_eq!(display(&serde_json::json!(["a", "b"])), "a, b");
    assert_eq!(display(&serde_json::json!({"track": "delivery", "column": "doing"})), "doing");
    assert_eq!(display(&serde_json::json!(3)), "3");
}

#[test]
fn every_field_can_be_set_by_an_edit_and_set_back() {
    let (a, b) = full_pair();
    let mut item = a.clone();
    let old = crate::domain::change::ItemChange::between(&a, &b).apply_to(&mut item);
    item.updated = b.updated;
    let missed: Vec<String> = diff(&item, &b).into_iter().map(|c| c.name).collect();
    assert!(missed.is_empty(), "ItemChange::each_field does not list {missed:?}");
    old.apply_to(&mut item);
    item.updated = a.updated;
    assert_eq!(item, a);
    assert!(crate::domain::change::ItemChange::between(&a, &a).is_empty());
}
