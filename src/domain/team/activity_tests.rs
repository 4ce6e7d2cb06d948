//! Journal entries: what each records, in words and as from→to per field.

use serde_json::json;

use super::*;
use crate::domain::change::fields::tests::{full_pair, user_fields};
use crate::domain::change::{NewItem, ops};

fn stamp() -> Stamp {
    Stamp { author: "alice".into(), session: "s1".into(), time: chrono::DateTime::UNIX_EPOCH }
}

fn board() -> Board {
    let mut board = Board::new("t");
    let op = ops::add(&board, NewItem { title: "Ship it".into(), ..NewItem::default() }, stamp().time);
    board.apply(op.expect("add").edit).expect("apply");
    board
}

#[test]
fn a_move_records_from_and_to_and_says_where() {
    let before = board();
    let mut after = before.clone();
    after.apply(ops::move_to_column(&after, 1, "review", stamp().time).expect("op").edit).expect("move");
    let entry = item_entry(&after, before.item(1), after.item(1), &stamp()).expect("changed");
    assert_eq!(entry.action, Action::Changed);
    assert_eq!(entry.summary, "#1 moved to Review");
    assert_eq!(entry.change("column"), Some((&json!("ready"), &json!("review"))));
    assert!(entry.touches("column") && !entry.touches("title"));
    assert_eq!((entry.author.as_str(), entry.item), ("alice", Some(1)));
    assert!(item_entry(&after, after.item(1), after.item(1), &stamp()).is_none(), "no change, no entry");
}

#[test]
fn adds_and_deletes_keep_the_whole_item() {
    let board = board();
    let item = board.item(1);
    let added = item_entry(&board, None, item, &stamp()).expect("added");
    assert_eq!(added.action, Action::Added);
    assert_eq!(added.summary, "added #1 \"Ship it\" in Ready");
    assert_eq!(added.change("title"), Some((&json!(null), &json!("Ship it"))));
    let deleted = item_entry(&board, item, None, &stamp()).expect("deleted");
    assert_eq!(deleted.summary, "deleted #1 \"Ship it\"");
    assert_eq!(deleted.change("title"), Some((&json!("Ship it"), &json!(null))), "recoverable");
}

#[test]
fn every_field_a_person_changes_is_recorded() {
    let (a, b) = full_pair();
    let entry = item_entry(&Board::new("t"), Some(&a), Some(&b), &stamp()).expect("changed");
    let names: Vec<&str> = entry.changes.keys().map(String::as_str).collect();
    assert_eq!(names, user_fields());
}

#[test]
fn summaries_name_one_field_with_its_value_and_several_by_name() {
    let before = board();
    let (mut one, mut two) = (before.clone(), before.clone());
    let title = crate::domain::change::ItemChange { title: Some("New".into()), ..Default::default() };
    one.apply(ops::update(&one, 1, title.clone(), stamp().time).expect("op").edit).expect("apply");
    let both = crate::domain::change::ItemChange { estimate: Some(Some(3)), ..title };
    two.apply(ops::update(&two, 1, both, stamp().time).expect("op").edit).expect("apply");
    assert_eq!(summary(&one, before.item(1), one.item(1)), "#1 title set to \"New\"");
    assert_eq!(summary(&two, before.item(1), two.item(1)), "#1 edited (title, estimate)");
}

#[test]
fn settings_and_conflicts_have_entries_of_their_own() {
    let before = board();
    let mut after = before.clone();
    after.capacity.points = 12;
    let entry = settings_entry(&before, &after, &[], &stamp()).expect("changed");
    assert_eq!((entry.action, entry.item), (Action::Settings, None));
    assert_eq!(entry.summary, "settings changed (capacity)");
    let why = ["retro decision: stage-two target 30% → 25%. Open debt of 5 pt …".to_owned()];
    let decided = settings_entry(&before, &after, &why, &stamp()).expect("changed");
    assert_eq!(decided.summary, why[0], "a decision keeps its reason in the journal");
    assert!(decided.changes.contains_key("capacity"));
    assert!(settings_entry(&after, &after, &why, &stamp()).is_none());
    let conflict =
        Conflict { item: Some(6), field: "title".into(), kept: json!("bob's"), lost: json!("mine") };
    let entry = conflict_entry(&conflict, Some("bob".into()), &stamp());
    assert_eq!(entry.action, Action::Conflict);
    assert_eq!(entry.summary, "#6 title: kept \"bob's\"; alice's \"mine\" not applied");
    assert_eq!(
        entry.change("title"),
        Some((&json!("bob's"), &json!("mine"))),
        "the value not applied is kept"
    );
    assert_eq!(entry.first.as_deref(), Some("bob"));
    let line = serde_json::to_string(&entry).expect("json");
    assert_eq!(serde_json::from_str::<Entry>(&line).expect("reads back"), entry);
}

#[test]
fn commitments_and_blocks_are_told_in_words() {
    let mut board = board();
    let new = crate::domain::rhythm::planning::NewSprint {
        name: Some("Sprint 2".into()),
        start: stamp().time.date_naive(),
        end: stamp().time.date_naive(),
        capacity: 10,
        model: crate::model::Model::Split,
        stage: None,
        ..Default::default()
    };
    board.apply(crate::domain::rhythm::planning::start(&board, new).expect("start").edit).expect("apply");
    type Step<'s> = &'s dyn Fn(&Board) -> ops::Op;
    let steps: [(Step, &str); 4] = [
        (
            &|b| crate::domain::rhythm::planning::commit(b, &[1], stamp().time).expect("commit"),
            "#1 committed to Sprint 2",
        ),
        (
            &|b| crate::domain::change::blocking::block(b, 1, "legal", stamp().time).expect("block"),
            "#1 blocked: legal",
        ),
        (&|b| crate::domain::change::blocking::unblock(b, 1, stamp().time).expect("unblock"), "#1 unblocked"),
        (
            &|b| crate::domain::rhythm::planning::uncommit(b, &[1], stamp().time).expect("uncommit"),
            "#1 taken out of Sprint 2 to the backlog",
        ),
    ];
    for (step, expected) in steps {
        let before = board.clone();
        board.apply(step(&board).edit).expect("apply");
        assert_eq!(summary(&board, before.item(1), board.item(1)), expected);
    }
}
