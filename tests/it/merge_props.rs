//! Property: for random pairs of concurrent edit sequences on one board, the three-way merge
//! never loses a field change that did not conflict, reports every one that did, and keeps
//! every item either side added.

use proptest::prelude::*;
use serde_json::Value;
use twotrack::domain::change::fields::{MOVE, MOVE_NAME, RANK};
use twotrack::domain::change::{ItemChange, NewItem, fields, ops};
use twotrack::domain::team::merge::{Side, merge3};
use twotrack::model::{Board, ItemId, Stage, Timestamp};

fn at(s: i64) -> Timestamp {
    chrono::DateTime::from_timestamp(1_800_000_000 + s, 0).expect("time")
}

const ITEMS: u64 = 5;

fn base() -> Board {
    let mut board = Board::new("p");
    for n in 0..ITEMS {
        let op = ops::add(&board, NewItem { title: format!("base {n}"), ..NewItem::default() }, at(0));
        board.apply(op.expect("add").edit).expect("apply");
    }
    board
}

/// One request a user might make, on item `id` (which may not exist by then).
#[derive(Clone, Debug)]
enum Request {
    Move(ItemId, usize),
    Stage(ItemId, bool),
    OtherTrack(ItemId),
    Title(ItemId, u8),
    Estimate(ItemId, Option<u32>),
    Tags(ItemId, u8),
    Remove(ItemId),
    Add,
}

fn request() -> impl Strategy<Value = Request> {
    let id = 1..=ITEMS + 2;
    prop_oneof![
        (id.clone(), 0usize..4).prop_map(|(i, c)| Request::Move(i, c)),
        (id.clone(), any::<bool>()).prop_map(|(i, s)| Request::Stage(i, s)),
        id.clone().prop_map(Request::OtherTrack),
        (id.clone(), 0u8..3).prop_map(|(i, t)| Request::Title(i, t)),
        (id.clone(), proptest::option::of(0u32..4)).prop_map(|(i, e)| Request::Estimate(i, e)),
        (id.clone(), 0u8..3).prop_map(|(i, t)| Request::Tags(i, t)),
        id.prop_map(Request::Remove),
        Just(Request::Add),
    ]
}

/// Applies the requests that still make sense; `side` tells added items apart (their
/// description names them: titles may be changed to one another's).
fn play(board: &Board, requests: &[Request], side: &str) -> Board {
    let mut board = board.clone();
    for (n, request) in requests.iter().enumerate() {
        let now = at(n as i64 + 1);
        let change = |c: ItemChange, id| ops::update(&board, id, c, now);
        let op = match request {
            Request::Move(id, column) => {
                board.item(*id).map(|it| board.track(it.track).columns.clone()).and_then(|cols| {
                    cols.get(column % cols.len()).map(|c| ops::move_to_column(&board, *id, &c.id, now))
                })
            }
            Request::Stage(id, two) => {
                Some(ops::set_stage(&board, *id, if *two { Stage::Two } else { Stage::One }, now))
            }
            Request::OtherTrack(id) => Some(ops::to_other_track(&board, *id, now)),
            Request::Title(id, t) => Some(change(
                ItemChange { title: Some(format!("{side} title {t}")), ..Default::default() },
                *id,
            )),
            Request::Estimate(id, e) => {
                Some(change(ItemChange { estimate: Some(*e), ..Default::default() }, *id))
            }
            Request::Tags(id, t) => {
                Some(change(ItemChange { tags: Some(vec![format!("t{t}")]), ..Default::default() }, *id))
            }
            Request::Remove(id) => Some(ops::remove(&board, *id)),
            Request::Add => {
                let title = format!("{side} added {n}");
                let new = NewItem { description: title.clone(), title, ..NewItem::default() };
                Some(ops::add(&board, new, now))
            }
        };
        if let Some(Ok(op)) = op {
            board.apply(op.edit).expect("an op's edit applies");
        }
    }
    board
}

/// The fields these requests change, with the move as one: (name reported, names in it).
fn groups() -> Vec<(String, Vec<String>)> {
    let mut out = vec![(MOVE_NAME.to_owned(), MOVE.iter().map(|n| (*n).to_owned()).collect())];
    for name in ["title", "stage", "estimate", "tags"] {
        out.push((name.to_owned(), vec![name.to_owned()]));
    }
    out
}

fn value(board: &Board, id: ItemId, names: &[String]) -> Value {
    let fields = fields::of(board.item(id).expect("item"));
    Value::Array(names.iter().map(|n| fields::get(&fields, n).clone()).collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn merging_never_loses_a_change_that_did_not_conflict(
        mine in proptest::collection::vec(request(), 0..8),
        other in proptest::collection::vec(request(), 0..8),
        ours_win in any::<bool>(),
    ) {
        let base = base();
        let ours = play(&base, &mine, "ours");
        let theirs = play(&base, &other, "theirs");
        let winner = if ours_win { Side::Ours } else { Side::Theirs };
        let merged = merge3(&base, &ours, &theirs, winner).expect("boards made by ops merge");
        let (won, lost) = if ours_win { (&ours, &theirs) } else { (&theirs, &ours) };
        let board = &merged.board;
        let conflicted = |id: ItemId, field: &str| {
            merged.conflicts.iter().any(|c| c.item == Some(id) && c.field == field)
        };
        for item in base.items() {
            let id = item.id;
            match (won.item(id), lost.item(id)) {
                (Some(_), Some(_)) => {
                    for (name, parts) in groups() {
                        let (b, w, l) = (value(&base, id, &parts), value(won, id, &parts), value(lost, id, &parts));
                        let m = value(board, id, &parts);
                        if w == b {
                            prop_assert_eq!(&m, &l, "#{} {}: only one side changed it", id, name);
                        } else if l == b || l == w {
                            prop_assert_eq!(&m, &w, "#{} {}: only the winner changed it", id, name);
                        } else {
                            prop_assert_eq!(&m, &w, "#{} {}: the winner keeps its value", id, name);
                            prop_assert!(conflicted(id, &name), "#{} {}: the conflict is reported", id, name);
                        }
                    }
                    let rank = |b: &Board| fields::get(&fields::of(b.item(id).expect("item")), RANK).clone();
                    prop_assert!(rank(board) == rank(won) || rank(board) == rank(lost), "the rank is one side's");
                }
                (None, None) => prop_assert!(board.item(id).is_none()),
                (Some(w), None) => {
                    let kept = if w == item { None } else { Some(w) };
                    prop_assert_eq!(board.item(id), kept, "#{} deleted by the loser", id);
                    prop_assert_eq!(kept.is_some(), conflicted(id, "item"));
                }
                (None, Some(l)) => {
                    let kept = if l == item { None } else { Some(l) };
                    prop_assert!(board.item(id).is_none(), "#{} deleted by the winner stays deleted", id);
                    prop_assert_eq!(kept.is_some(), conflicted(id, "item"));
                }
            }
        }
        // Every item either side added is on the merged board, under some id.
        let anonymous = |it: &twotrack::model::Item| {
            let mut it = it.clone();
            it.id = 0;
            it
        };
        let on_board: Vec<_> = board.items().iter().map(anonymous).collect();
        for side in [&ours, &theirs] {
            let added: Vec<_> = side.items().iter().filter(|it| base.item(it.id).is_none()).map(anonymous).collect();
            for item in &added {
                let wanted = added.iter().filter(|a| *a == item).count();
                let found = on_board.iter().filter(|a| *a == item).count();
                prop_assert!(found >= wanted, "{} is kept", item.title);
            }
        }
        let top = board.items().iter().map(|it| it.id).max().unwrap_or(0);
        prop_assert!(board.next_id > top);
        prop_assert!(board.next_id >= ours.next_id.max(theirs.next_id));
    }
}
