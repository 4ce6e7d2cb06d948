//! Merging the items of three versions of a board, item by item and, where both sides changed
//! an item, field by field.

use serde_json::Value;

use super::Conflict;
use crate::domain::change::fields;
use crate::domain::change::fields::{BOOKKEEPING, Fields, MOVE, MOVE_NAME, RANK};
use crate::model::{Item, ItemId};

/// The merged items, sorted by id; conflicts are added to `conflicts`.
pub(super) fn merge<'i>(
    base: &'i [Item],
    won: &'i [Item],
    lost: &'i [Item],
    conflicts: &mut Vec<Conflict>,
) -> Vec<Item> {
    let mut out = Vec::with_capacity(won.len().max(lost.len()));
    let (mut b, mut w, mut l) = (0, 0, 0);
    loop {
        let id_at = |items: &[Item], i: usize| items.get(i).map(|it| it.id);
        let Some(id) = [id_at(base, b), id_at(won, w), id_at(lost, l)].into_iter().flatten().min() else {
            break;
        };
        let take = |items: &'i [Item], i: &mut usize| -> Option<&'i Item> {
            let found = items.get(*i).filter(|it| it.id == id);
            *i += usize::from(found.is_some());
            found
        };
        let (bi, wi, li) = (take(base, &mut b), take(won, &mut w), take(lost, &mut l));
        if let Some(item) = merge_one(id, bi, wi, li, conflicts) {
            out.push(item);
        }
    }
    out
}

/// One item: unchanged, changed on one side, or changed on both (merged by field). Only the
/// item kept is cloned.
pub(super) fn merge_one(
    id: ItemId,
    base: Option<&Item>,
    won: Option<&Item>,
    lost: Option<&Item>,
    conflicts: &mut Vec<Conflict>,
) -> Option<Item> {
    if won == lost {
        return won.cloned();
    }
    let Some(base) = base else {
        // Added on one side (the ids were made distinct before).
        return won.or(lost).cloned();
    };
    match (won, lost) {
        (won, Some(lost)) if won == Some(base) => Some(lost.clone()),
        (won, None) if won == Some(base) => None,
        (won, lost) if lost == Some(base) => won.cloned(),
        (None, Some(lost)) => {
            conflicts.push(whole(id, Value::Null, item_value(lost)));
            None
        }
        (Some(won), None) => {
            conflicts.push(whole(id, item_value(won), Value::Null));
            Some(won.clone())
        }
        (Some(won), Some(lost)) => Some(merge_fields(base, won, lost, conflicts)),
        (None, None) => None,
    }
}

fn whole(id: ItemId, kept: Value, lost: Value) -> Conflict {
    Conflict { item: Some(id), field: "item".into(), kept, lost }
}

fn item_value(item: &Item) -> Value {
    Value::Object(fields::of(item))
}

/// How a field (or the move) went: whose value the merge takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Take {
    Won,
    Lost,
    /// Both changed it differently: the winner's value stays.
    Conflict,
}

fn three_way(base: &Value, won: &Value, lost: &Value) -> Take {
    if lost == base || won == lost {
        Take::Won
    } else if won == base {
        Take::Lost
    } else {
        Take::Conflict
    }
}

/// An item both sides changed: field by field, the move as one field, rank and `updated`
/// without conflicts.
fn merge_fields(base: &Item, won: &Item, lost: &Item, conflicts: &mut Vec<Conflict>) -> Item {
    let (b, w, l) = (fields::of(base), fields::of(won), fields::of(lost));
    let mut out: Fields = w.clone();
    let moved = three_way(&fields::move_of(&b), &fields::move_of(&w), &fields::move_of(&l));
    match moved {
        Take::Won => {}
        Take::Lost => {
            for name in MOVE {
                fields::set(&mut out, name, fields::get(&l, name).clone());
            }
        }
        Take::Conflict => conflicts.push(Conflict {
            item: Some(won.id),
            field: MOVE_NAME.into(),
            kept: fields::move_of(&w),
            lost: fields::move_of(&l),
        }),
    }
    let special = |name: &str| MOVE.contains(&name) || BOOKKEEPING.contains(&name) || name == RANK;
    for name in fields::names(&w, &l).into_iter().filter(|n| !special(n)) {
        let (bv, wv, lv) = (fields::get(&b, name), fields::get(&w, name), fields::get(&l, name));
        match three_way(bv, wv, lv) {
            Take::Won => {}
            Take::Lost => fields::set(&mut out, name, lv.clone()),
            Take::Conflict => conflicts.push(Conflict {
                item: Some(won.id),
                field: name.to_owned(),
                kept: wv.clone(),
                lost: lv.clone(),
            }),
        }
    }
    // The rank belongs to the lane the item ends up in: the taken move's, else whoever changed it.
    let rank = match three_way(fields::get(&b, RANK), fields::get(&w, RANK), fields::get(&l, RANK)) {
        Take::Lost => lost.rank,
        Take::Conflict if moved == Take::Lost => lost.rank,
        Take::Won | Take::Conflict => won.rank,
    };
    let updated = won.updated.max(lost.updated);
    match fields::to_item(out) {
        Ok(mut item) => {
            item.rank = rank;
            item.updated = updated;
            item
        }
        // Values taken from valid items always make a valid item; should that ever fail, the
        // winner's item stays whole and the loser's is reported.
        Err(_) => {
            conflicts.push(whole(won.id, item_value(won), item_value(lost)));
            won.clone()
        }
    }
}
