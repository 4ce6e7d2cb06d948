//! What changed between two versions of a board, in a few words ("#12 moved to Review"), for
//! telling a user what someone else just did.

use super::board::Board;
use super::item::Item;

/// One line per changed item or setting, in id order.
pub fn describe(old: &Board, new: &Board) -> Vec<String> {
    let mut out = Vec::new();
    let (mut a, mut b) = (old.items().iter().peekable(), new.items().iter().peekable());
    loop {
        match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if x.id == y.id => {
                if x != y {
                    out.push(item_change(new, x, y));
                }
                a.next();
                b.next();
            }
            (Some(x), Some(y)) if x.id < y.id => {
                out.push(format!("#{} deleted", x.id));
                a.next();
            }
            (Some(_), Some(y)) | (None, Some(y)) => {
                out.push(format!("#{} added", y.id));
                b.next();
            }
            (Some(x), None) => {
                out.push(format!("#{} deleted", x.id));
                a.next();
            }
            (None, None) => break,
        }
    }
    if old.capacity != new.capacity || old.discovery != new.discovery || old.delivery != new.delivery {
        out.push("settings changed".into());
    }
    if old.definition_of_done != new.definition_of_done {
        out.push("definition of done changed".into());
    }
    out.extend(super::sprint::describe_changes(old, new));
    out
}

fn item_change(board: &Board, old: &Item, new: &Item) -> String {
    let id = new.id;
    if old.column != new.column || old.track != new.track {
        let name = board.column(new.track, &new.column).map_or(new.column.as_str(), |c| c.name.as_str());
        format!("#{id} moved to {name}")
    } else if old.stage != new.stage {
        format!("#{id} labelled {}", new.stage.label())
    } else if old.rank != new.rank {
        format!("#{id} reordered")
    } else {
        format!("#{id} edited")
    }
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
            ["#1 moved to Review", "#2 labelled stage two", "#3 deleted", "#5 added"]
        );
        assert!(describe(&new, &new).is_empty());
    }
}
