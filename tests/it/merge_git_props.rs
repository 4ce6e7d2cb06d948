//! Property of the merge as git uses it (ours wins, theirs renumbered): for random concurrent
//! edit sequences on one base, including adds, follow-ups, links, acceptance and deletes, the
//! merged board is valid and writes back, no change that did not conflict is lost, references
//! point at the items they meant, and merging in either order gives the same board up to
//! renumbering (only the conflicted fields differ, each order keeping its own side).
//!
//! Items are told apart by their description, which every item gets once and no request
//! changes: ids are what the merge may change.

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use serde_json::{Map, Value};
use twotrack::domain::change::fields::{MOVE, MOVE_NAME};
use twotrack::domain::change::{ItemChange, NewItem, Op, OpError, fields, ops};
use twotrack::domain::team::merge::{Merge, Side, merge3};
use twotrack::domain::two_stage;
use twotrack::model::{Board, ItemId, Stage, Timestamp};
use twotrack::store::format;

fn at(s: i64) -> Timestamp {
    chrono::DateTime::from_timestamp(1_800_000_000 + s, 0).expect("time")
}

#[derive(Clone, Debug)]
enum Request {
    Add,
    Title(usize, u8),
    Move(usize, usize),
    Stage(usize, bool),
    Estimate(usize, Option<u32>),
    Remove(usize),
    Link(usize, usize),
    FollowUp(usize),
    Accept(usize),
    Points(u8),
}

fn request() -> impl Strategy<Value = Request> {
    let slot = 0usize..8;
    prop_oneof![
        Just(Request::Add),
        (slot.clone(), 0u8..2).prop_map(|(s, t)| Request::Title(s, t)),
        (slot.clone(), 0usize..4).prop_map(|(s, c)| Request::Move(s, c)),
        (slot.clone(), any::<bool>()).prop_map(|(s, two)| Request::Stage(s, two)),
        (slot.clone(), proptest::option::of(0u32..3)).prop_map(|(s, e)| Request::Estimate(s, e)),
        slot.clone().prop_map(Request::Remove),
        (slot.clone(), slot.clone()).prop_map(|(a, b)| Request::Link(a, b)),
        slot.clone().prop_map(Request::FollowUp),
        slot.prop_map(Request::Accept),
        (0u8..2).prop_map(Request::Points),
    ]
}

fn base() -> Board {
    let mut board = Board::new("p");
    for n in 0..5 {
        let new =
            NewItem { title: format!("base {n}"), description: format!("base {n}"), ..NewItem::default() };
        let op = ops::add(&board, new, at(n));
        board.apply(op.expect("add").edit).expect("apply");
    }
    board
}

/// Plays `requests` on `board` as `side` would; every item it creates gets a description naming
/// it and a creation time of that side's own.
fn play(board: &Board, requests: &[Request], side: &str, clock: i64) -> Board {
    let mut board = board.clone();
    for (n, request) in requests.iter().enumerate() {
        let now = at(clock + n as i64);
        let id = |slot: usize| board.items().get(slot % board.items().len().max(1)).map(|it| it.id);
        let change = |id: ItemId, c: ItemChange| ops::update(&board, id, c, now);
        let op: Option<Result<Op, OpError>> = match request {
            Request::Add => Some(ops::add(
                &board,
                NewItem { title: format!("{side} added {n}"), ..NewItem::default() },
                now,
            )),
            Request::Title(slot, t) => id(*slot).map(|id| {
                change(id, ItemChange { title: Some(format!("{side} title {t}")), ..Default::default() })
            }),
            Request::Move(slot, column) => id(*slot).map(|id| {
                let track = board.item(id).map(|it| it.track).expect("item");
                let columns = &board.track(track).columns;
                ops::move_to_column(&board, id, &columns[column % columns.len()].id, now)
            }),
            Request::Stage(slot, two) => id(*slot)
                .map(|id| ops::set_stage(&board, id, if *two { Stage::Two } else { Stage::One }, now)),
            Request::Estimate(slot, e) => {
                id(*slot).map(|id| change(id, ItemChange { estimate: Some(*e), ..Default::default() }))
            }
            Request::Remove(slot) => id(*slot).map(|id| ops::remove(&board, id)),
            Request::Link(from, to) => id(*from)
                .zip(id(*to))
                .map(|(from, to)| change(from, ItemChange { links: Some(vec![to]), ..Default::default() })),
            Request::FollowUp(slot) => id(*slot)
                .map(|id| two_stage::follow_up(&board, id, &format!("{side} debt {n}"), None, None, now)),
            Request::Accept(slot) => {
                id(*slot).map(|id| two_stage::accept(&board, id, Default::default(), now))
            }
            Request::Points(p) => {
                board.capacity.points = 40 + u32::from(*p) + if side == "A" { 10 } else { 20 };
                None
            }
        };
        if let Some(Ok(mut op)) = op {
            op.edit.for_each_add(&mut |item| {
                item.description = format!("{side} {n}");
                item.created = now;
            });
            board.apply(op.edit).expect("an op's edit applies");
        }
    }
    board
}

/// The fields that name other items.
const REFERENCES: [&str; 3] = ["links", "follow_up_of", "promoted_from"];

/// Which item `id` names on `board` (its description): one of the board's, else the item of
/// the merge's common version with that id (which this board deleted), else `gone`.
fn who(board: &Board, base: &Board, id: ItemId) -> Value {
    let item = board.item(id).or_else(|| base.item(id));
    Value::String(item.map_or_else(|| "gone".to_owned(), |it| it.description.clone()))
}

/// `fields` without the references to items not in `present`: the merge drops a reference to an
/// item the other side deleted, as deleting an item drops the references to it.
fn settle(fields: &Map<String, Value>, present: &BTreeSet<String>) -> Map<String, Value> {
    let names_present = |v: &Value| matches!(v, Value::String(name) if present.contains(name));
    let mut out = fields.clone();
    for name in REFERENCES {
        let settled = match fields::get(fields, name) {
            Value::Array(list) => Value::Array(list.iter().filter(|v| names_present(v)).cloned().collect()),
            Value::Null => Value::Null,
            one if names_present(one) => one.clone(),
            _ => Value::Null,
        };
        fields::set(&mut out, name, settled);
    }
    out
}

/// An item's fields as a person sees them, references by whom they name; without its id, its
/// creation and its rank (a lane position the merge may settle either way at a tie).
fn view(board: &Board, base: &Board, id: ItemId) -> Map<String, Value> {
    let item = board.item(id).expect("item");
    let mut out = fields::of(item);
    for name in ["id", "created", "rank"] {
        out.remove(name);
    }
    fields::set(&mut out, "links", item.links.iter().map(|l| who(board, base, *l)).collect());
    out.insert("follow_up_of".into(), item.follow_up_of.map_or(Value::Null, |p| who(board, base, p)));
    out.insert("promoted_from".into(), item.promoted_from.map_or(Value::Null, |p| who(board, base, p)));
    out
}

/// Every item of `board` by description, references settled against `present`.
fn by_name(board: &Board, base: &Board, present: &BTreeSet<String>) -> BTreeMap<String, Map<String, Value>> {
    board
        .items()
        .iter()
        .map(|it| (it.description.clone(), settle(&view(board, base, it.id), present)))
        .collect()
}

fn names(board: &Board) -> BTreeSet<String> {
    board.items().iter().map(|it| it.description.clone()).collect()
}

/// A field group's value: the move is one field.
fn group(fields: &Map<String, Value>, name: &str) -> Value {
    if name == MOVE_NAME {
        return MOVE.iter().map(|n| fields::get(fields, n).clone()).collect();
    }
    fields::get(fields, name).clone()
}

/// The groups that people change (the move as one), `updated` aside.
fn groups(fields: &Map<String, Value>) -> Vec<String> {
    let mut out: Vec<String> = vec![MOVE_NAME.into()];
    out.extend(fields.keys().filter(|n| !MOVE.contains(&n.as_str()) && *n != "updated").cloned());
    out
}

/// `(item description, field)` of every conflict (`None`: the board's settings).
fn conflicted(merge: &Merge) -> BTreeSet<(Option<String>, String)> {
    let name = |id: Option<ItemId>, lost: &Value| match id.and_then(|id| merge.board.item(id)) {
        Some(item) => Some(item.description.clone()),
        None => lost.get("description").and_then(Value::as_str).map(str::to_owned),
    };
    merge
        .conflicts
        .iter()
        .map(|c| (name(c.item, &c.lost).or_else(|| name(c.item, &c.kept)), c.field.clone()))
        .collect()
}

/// Valid (writes back to itself; ids unique, as the reader checks) and lossless: every change
/// that did not conflict is in the merge, every conflict is reported with ours kept, and
/// references name the items they meant.
fn lossless(base: &Board, ours: &Board, theirs: &Board, merged: &Merge) -> Result<(), TestCaseError> {
    let text = format::to_text(&merged.board).expect("writes");
    let back = format::from_bytes(std::path::Path::new("merged"), text.as_bytes()).expect("reads back");
    prop_assert_eq!(&back, &merged.board);
    prop_assert!(merged.board.next_id > merged.board.items().last().map_or(0, |it| it.id));
    let present = names(&merged.board);
    let by = |board: &Board| by_name(board, base, &present);
    let (o_items, t_items, m_items) = (by(ours), by(theirs), by(&merged.board));
    // Each side's changes are told from the base as its own deletes left it: a delete drops the
    // references to the deleted item, and that is no edit of the items that held them (when the
    // delete is not applied, they keep those references).
    let left_by = |side: &Board| by_name(base, base, &present.intersection(&names(side)).cloned().collect());
    let (bo_items, bt_items) = (left_by(ours), left_by(theirs));
    let conflicts = conflicted(merged);
    let is_conflict =
        |name: &str, field: &str| conflicts.contains(&(Some(name.to_owned()), field.to_owned()));
    // No change that did not conflict is lost; references name the items they meant.
    for name in o_items.keys().chain(t_items.keys()).chain(bo_items.keys()) {
        let (bo, bt) = (bo_items.get(name), bt_items.get(name));
        let (o, t) = (o_items.get(name), t_items.get(name));
        let m = m_items.get(name);
        match (o, t) {
            (Some(o), Some(t)) => {
                let m = m.expect("kept by both sides");
                for field in groups(o) {
                    let (ov, tv, mv) = (group(o, &field), group(t, &field), group(m, &field));
                    let (bov, btv) = (bo.map(|b| group(b, &field)), bt.map(|b| group(b, &field)));
                    // Ours may have changed a reference to an item theirs deleted: the
                    // conflict is reported, ours kept, and the dangling reference dropped.
                    let ours_kept = mv == ov && is_conflict(name, &field);
                    // Theirs unchanged first: when neither side changed a reference but each
                    // side's deletes dropped others, ours (the winner's) is kept.
                    if btv.as_ref() == Some(&tv) || ov == tv {
                        prop_assert_eq!(&mv, &ov, "{} {}: only ours changed it", name, field);
                    } else if bov.as_ref() == Some(&ov) && !ours_kept {
                        prop_assert_eq!(&mv, &tv, "{} {}: only theirs changed it", name, field);
                    } else {
                        prop_assert_eq!(&mv, &ov, "{} {}: ours is kept", name, field);
                        prop_assert!(
                            is_conflict(name, &field),
                            "{} {}: the conflict is reported",
                            name,
                            field
                        );
                    }
                }
            }
            // Kept on one side: measured from the base as that side left it.
            (Some(side), None) | (None, Some(side)) => match if o.is_some() { bo } else { bt } {
                None => prop_assert_eq!(m, Some(side), "{}: added on one side, kept whole", name),
                Some(b) if b == side => prop_assert!(m.is_none(), "{}: deleted, untouched elsewhere", name),
                Some(_) => {
                    prop_assert!(is_conflict(name, "item"), "{}: delete against change reported", name)
                }
            },
            (None, None) => prop_assert!(m.is_none(), "{} deleted on both sides", name),
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(160))]

    #[test]
    fn git_merges_are_valid_lose_nothing_and_do_not_depend_on_the_order(
        a in proptest::collection::vec(request(), 0..10),
        b in proptest::collection::vec(request(), 0..10),
    ) {
        let base = base();
        let ours = play(&base, &a, "A", 1000);
        let theirs = play(&base, &b, "B", 2000);
        let merged = merge3(&base, &ours, &theirs, Side::Ours).expect("boards made by ops merge");
        let swapped = merge3(&base, &theirs, &ours, Side::Ours).expect("either order merges");
        lossless(&base, &ours, &theirs, &merged)?;
        lossless(&base, &theirs, &ours, &swapped)?;
        let present = names(&merged.board);
        let conflicts = conflicted(&merged);
        let is_conflict = |name: &str, field: &str| conflicts.contains(&(Some(name.to_owned()), field.to_owned()));
        // Either order: the same items and values, but for what conflicted.
        let both: BTreeSet<String> = present.intersection(&names(&swapped.board)).cloned().collect();
        let (m_items, s_items) = (by_name(&merged.board, &base, &both), by_name(&swapped.board, &base, &both));
        prop_assert_eq!(conflicted(&swapped), conflicts.clone(), "the same conflicts either way");
        let names: BTreeSet<&String> = m_items.keys().chain(s_items.keys()).collect();
        for name in names {
            if is_conflict(name, "item") {
                continue;
            }
            let (m, s) = (m_items.get(name).expect("in one order"), s_items.get(name).expect("so in the other"));
            for field in groups(m) {
                if !is_conflict(name, &field) {
                    prop_assert_eq!(group(m, &field), group(s, &field), "{} {}: either order", name, field);
                }
            }
        }
        let settings_conflict = conflicts.iter().any(|(item, _)| item.is_none());
        if !settings_conflict {
            prop_assert_eq!(merged.board.capacity.points, swapped.board.capacity.points);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    /// A second round: B merged A's work in (A's new items renumbered), and A, who kept working
    /// meanwhile, merges B's merge. A's later changes land on its items under their new ids.
    #[test]
    fn a_second_round_follows_the_items_the_first_renumbered(
        a in proptest::collection::vec(request(), 0..8),
        b in proptest::collection::vec(request(), 0..8),
        again in proptest::collection::vec(request(), 0..8),
    ) {
        let base = base();
        let alice = play(&base, &a, "A", 1000);
        let bob = play(&base, &b, "B", 2000);
        let bobs_merge = merge3(&base, &bob, &alice, Side::Ours).expect("first round");
        let alice_again = play(&alice, &again, "C", 3000);
        let merged = merge3(&alice, &alice_again, &bobs_merge.board, Side::Ours).expect("second round");
        lossless(&alice, &alice_again, &bobs_merge.board, &merged)?;
    }
}
