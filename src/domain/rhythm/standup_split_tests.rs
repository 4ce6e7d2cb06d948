//! The standup through the two-stage lens on a fixed clock: each person's lines split by work,
//! the debt logged and repaid since the mark (as the sprint figures count it), the words for
//! what became of finished items, and the items with more debt than anticipated.

use serde_json::json;

use super::tests::{at, entry};
use super::*;
use crate::domain::change::{Edit, ItemChange, NewItem, ops};
use crate::domain::dual_track;
use crate::domain::rhythm::doc::Block;
use crate::domain::two_stage::{self, Evidence};
use crate::model::Kind;

const BEFORE: &str = "2026-11-10T09:00:00Z";
const SINCE: &str = "2026-11-20T00:00:00Z";
const TODAY: &str = "2026-11-20T10:00:00Z";

fn apply(b: &mut Board, edit: Edit) {
    b.apply(edit).expect("apply");
}

fn add(b: &mut Board, new: NewItem, when: &str) -> ItemId {
    apply(b, ops::add(b, new, at(when)).expect("add").edit);
    b.next_id - 1
}

fn item(title: &str, column: &str, stage: Stage, kind: Kind, estimate: u32) -> NewItem {
    NewItem {
        title: title.into(),
        column: Some(column.into()),
        stage: Some(stage),
        kind: Some(kind),
        estimate: Some(estimate),
        ..NewItem::default()
    }
}

/// #1 Checkout (stage one, 3 pt anticipated) with follow-ups #2 (5 pt, logged today) and #3
/// (debt 2 pt, logged before, repaid today); #4 Search (none anticipated) with follow-ups #5
/// and #6 logged today; #7 a spike dropped today; #8 a spike promoted today into #9 and #10;
/// #11 a feature accepted by sign-off today.
fn board() -> Board {
    let mut b = Board::new("Team");
    let one = add(&mut b, item("Checkout", "doing", Stage::One, Kind::Feature, 5), BEFORE);
    let anticipated = ItemChange { anticipated_debt: Some(Some(3)), ..ItemChange::default() };
    apply(&mut b, Edit::Change { id: one, change: Box::new(anticipated), at: at(BEFORE) });
    let log = |b: &mut Board, parent, points, when| {
        let op =
            two_stage::follow_up(b, parent, "shortcut", Some(points), None, at(when)).expect("follow-up");
        apply(b, op.edit);
    };
    log(&mut b, one, 5, TODAY);
    log(&mut b, one, 2, BEFORE);
    let repay = ops::move_to_column(&b, 3, "done", at(TODAY)).expect("repay");
    apply(&mut b, repay.edit);
    let search = add(&mut b, item("Search", "doing", Stage::One, Kind::Feature, 3), BEFORE);
    log(&mut b, search, 1, TODAY);
    log(&mut b, search, 1, TODAY);
    let spike = |b: &mut Board, title| add(b, item(title, "exploring", Stage::One, Kind::Spike, 2), BEFORE);
    let dropped = spike(&mut b, "Cache prices?");
    let drop = dual_track::drop(&b, dropped, "no demand", at(TODAY)).expect("drop");
    apply(&mut b, drop.edit);
    let promoted = spike(&mut b, "Gift cards?");
    let titles = ["Gift cards".to_owned(), "Gift card admin".to_owned()];
    let op = dual_track::promote(&b, promoted, "people want them", &titles, Stage::One, at(TODAY))
        .expect("promote");
    apply(&mut b, op.edit);
    let receipts = add(&mut b, item("Receipts", "review", Stage::One, Kind::Feature, 2), BEFORE);
    let evidence = Evidence::new(Some("sign-off"), None);
    let accept = two_stage::accept(&b, receipts, evidence, at(TODAY)).expect("accept");
    apply(&mut b, accept.edit);
    b
}

fn finished(time: &str, author: &str, item: ItemId) -> Entry {
    entry(time, author, item, Action::Changed, json!({"finished": [null, time]}))
}

fn standup() -> Standup {
    let journal = [
        finished(TODAY, "ana", 3),
        finished(TODAY, "kim", 7),
        finished(TODAY, "kim", 8),
        finished(TODAY, "ben", 11),
    ];
    build(&board(), &journal, Since { time: at(SINCE), why: "test".into() }, at("2026-11-20T12:00:00Z"))
}

#[test]
fn each_persons_lines_are_split_into_delivery_refinement_and_spikes() {
    let s = standup();
    let works = |name: &str| -> Vec<(ItemId, Option<Work>)> {
        let person = s.people.iter().find(|p| p.name == name).expect("person");
        person.finished.iter().map(|f| (f.item.id, f.item.work)).collect()
    };
    assert_eq!(works("ana"), [(3, Some(Work::Refinement))]);
    assert_eq!(works("kim"), [(7, Some(Work::Spikes)), (8, Some(Work::Spikes))]);
    assert_eq!(works("ben"), [(11, Some(Work::Delivery))]);
    let doc = s.to_doc();
    let activity = &doc.sections[0];
    let subs: Vec<&str> = activity
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Sub(text) => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        subs,
        ["ana · refinement (stage two)", "ben · delivery (stage one)", "kim · spikes (discovery)"]
    );
}

#[test]
fn debt_logged_and_repaid_since_the_mark_is_counted_as_the_sprint_figures_count_it() {
    let s = standup();
    // Logged since the mark: #2 (5 pt), #5 and #6 (1 pt each); #3 was logged before it.
    assert_eq!((s.debt.created.items, s.debt.created.points), (3, 7));
    // Repaid: #3 (2 pt), done today.
    assert_eq!((s.debt.repaid.items, s.debt.repaid.points, s.debt.repaid_ids.clone()), (1, 2, vec![3]));
    let b = board();
    assert_eq!(
        s.debt,
        crate::domain::rhythm::figures::DebtFlow::of(&b, at(SINCE), at("2026-11-20T12:00:00Z"))
    );
    let doc = s.to_doc();
    assert_eq!(doc.sections[1].heading, "Debt since then");
    assert_eq!(
        doc.sections[1].blocks,
        [Block::Para("logged 3 items (7 points) · repaid 1 item (2 points) · net +5 points".into())]
    );
}

#[test]
fn finished_items_say_what_happened_to_them() {
    let s = standup();
    let lines: Vec<String> = s.people.iter().flat_map(|p| p.finished.iter().map(Finished::line)).collect();
    assert_eq!(
        lines,
        [
            "finished #3 shortcut",
            "accepted #11 Receipts by sign-off",
            "dropped #7 Cache prices? (no demand)",
            "promoted #8 Gift cards? into #9, #10",
        ]
    );
}

#[test]
fn the_standup_flags_more_debt_than_anticipated_in_both_cases() {
    let s = standup();
    let flagged: Vec<String> = s.overruns.iter().map(|o| o.line()).collect();
    assert_eq!(
        flagged,
        [
            "#1 Checkout: 2 follow-ups (#2, #3), 7 pt against 3 anticipated",
            "#4 Search: 2 follow-ups (#5, #6), 2 pt, none anticipated",
        ]
    );
    let doc = s.to_doc();
    assert_eq!(doc.sections[2].heading, "More debt than anticipated (2)");
}
