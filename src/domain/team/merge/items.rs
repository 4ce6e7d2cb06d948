//! Merging the items of three versions of a board, item by item and, where both sides changed
//! an item, field by field.

use serde_json::Value;

use super::{Conflict, cascade};
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
        let left = bi
            .map(|bi| Bases { won: cascade::left_by(bi, base, won), lost: cascade::left_by(bi, base, lost) });
        let bases = left.as_ref().map(|left| left.borrowed().map(|item| &**item));
        if let Some(item) = merge_one(id, bases, wi, li, conflicts) {
            out.push(item);
        }
    }
    out
}

/// The base version of something as each side left it before its own edits: the same for both
/// but where a side's deletes dropped references ([`cascade`]).
#[derive(Clone, Copy, Debug)]
pub(super) struct Bases<T> {
    pub won: T,
    pub lost: T,
}

impl<T: Copy> Bases<T> {
    /// One base for both sides.
    pub fn alike(base: T) -> Self {
        Bases { won: base, lost: base }
    }
}

impl<T> Bases<T> {
    fn map<U>(self, f: impl Fn(T) -> U) -> Bases<U> {
        Bases { won: f(self.won), lost: f(self.lost) }
    }

    fn borrowed(&self) -> Bases<&T> {
        Bases { won: &self.won, lost: &self.lost }
    }
}

/// One item: unchanged, changed on one side, or changed on both (merged by field); each side's
/// edits are told from its own base. Only the item kept is cloned.
pub(super) fn merge_one(
    id: ItemId,
    base: Option<Bases<&Item>>,
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
        // The loser made no change of its own: the winner's item (or its delete), whose dropped
        // references are right, as the winner's deletes always hold.
        (won, lost) if lost == Some(base.lost) => won.cloned(),
        // The winner made none, but the loser's deletes dropped references: field by field, so
        // that a reference to an item whose delete is not applied (the winner changed it) stays.
        (Some(won), Some(lost)) if won == base.won && base.won != base.lost => {
            Some(merge_fields(base, won, lost, conflicts))
        }
        (won, lost) if won == Some(base.won) => lost.cloned(),
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

fn three_way(base: Bases<&Value>, won: &Value, lost: &Value) -> Take {
    if lost == base.lost || won == lost {
        Take::Won
    } else if won == base.won {
        Take::Lost
    } else {
        Take::Conflict
    }
}

/// An item both sides changed: field by field, the move as one field, rank and `updated`
/// without conflicts.
fn merge_fields(base: Bases<&Item>, won: &Item, lost: &Item, conflicts: &mut Vec<Conflict>) -> Item {
    let b = base.map(fields::of);
    let b = b.borrowed();
    let (w, l) = (fields::of(won), fields::of(lost));
    let mut out: Fields = w.clone();
    let base_move = b.map(fields::move_of);
    let moved = three_way(base_move.borrowed(), &fields::move_of(&w), &fields::move_of(&l));
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
        let (bv, wv, lv) = (b.map(|b| fields::get(b, name)), fields::get(&w, name), fields::get(&l, name));
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
    let rank = match three_way(b.map(|b| fields::get(b, RANK)), fields::get(&w, RANK), fields::get(&l, RANK))
    {
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
