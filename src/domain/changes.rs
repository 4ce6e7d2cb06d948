//! What changed between two versions of a board, in a few words ("#12 moved to Review"), for
//! telling a user what someone else just did.

use super::activity;
use super::board::Board;
use super::item::ItemId;

/// One line per changed item or setting, in id order.
pub fn describe(old: &Board, new: &Board) -> Vec<String> {
    describe_except(old, new, &|_| false)
}

/// [`describe`], leaving out what `known` says is already described (an item id, or `None`
/// for the settings).
pub fn describe_except(old: &Board, new: &Board, known: &dyn Fn(Option<ItemId>) -> bool) -> Vec<String> {
    let mut out = Vec::new();
    let (mut a, mut b) = (old.items().iter().peekable(), new.items().iter().peekable());
    loop {
        match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if x.id == y.id => {
                if x != y && !known(Some(x.id)) {
                    out.push(activity::summary(new, Some(x), Some(y)));
                }
                a.next();
                b.next();
            }
            (Some(x), Some(y)) if x.id < y.id => {
                out.extend((!known(Some(x.id))).then(|| activity::summary(new, Some(x), None)));
                a.next();
            }
            (Some(_), Some(y)) | (None, Some(y)) => {
                out.extend((!known(Some(y.id))).then(|| activity::summary(new, None, Some(y))));
                b.next();
            }
            (Some(x), None) => {
                out.extend((!known(Some(x.id))).then(|| activity::summary(new, Some(x), None)));
                a.next();
            }
            (None, None) => break,
        }
    }
    if known(None) {
        return out;
    }
    if old.capacity != new.capacity
        || old.discovery != new.discovery
        || old.delivery != new.delivery
        || old.interest_weights != new.interest_weights
    {
        out.push("settings changed".into());
    }
    if old.definition_of_done != new.definition_of_done {
        out.push("definition of done changed".into());
    }
    if old.entry_criteria != new.entry_criteria {
        out.push("entry criteria changed".into());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ops::{self, NewItem};
    use crate::domain::{Edit, Stage};

    #[test]
    fn says_what_happened_to_each_item() {
        let now = chrono::DateTime::UNIX_EPOCH;
        let mut old = Board::new("t");
        for t in ["a", "b", "c", "d"] {
            let op = ops::add(&old, NewItem { title: t.into(), ..NewItem::default() }, now).expect("add");
            old.apply(op.edit).expect("apply");
        }
        let mut new = old.clone();
        for op in [
            ops::move_to_column(&new, 1, "review", now),
            ops::set_stage(&new, 2, Stage::Two, now),
            ops::remove(&new, 3),
            ops::add(&new, NewItem { title: "e".into(), ..NewItem::default() }, now),
        ] {
            let edit: Edit = op.expect("op").edit;
            new.apply(edit).expect("apply");
        }
        assert_eq!(
            describe(&old, &new),
            ["#1 moved to Review", "#2 labelled stage two", "deleted #3 \"c\"", "added #5 \"e\" in Ready"]
        );
        assert!(describe(&new, &new).is_empty());
    }
}
