//! The references between items (follow-ups, promotions, links, the winner of an experiment)
//! and the bounds on ids: what a board read from a file must satisfy, and what `check` reports
//! (docs/FORMAT.md, "References"). An item's `experiment` names its experiment by the id of the
//! item it was split from: a name that may outlive that item, so it is bounded but not required
//! to exist, and the first variant (and the winner) may name itself.
//!
//! Loading refuses what no version of twotrack ever wrote: ids at or past 2^53 (JSON readers lose
//! exactness there), a reference to id 0 or to the item itself, and follow-up or promotion
//! cycles. A reference to an item that is not there is refused by `check` but still loads: older
//! versions left such references behind when an item was deleted, and those boards must open.

use std::collections::{HashMap, HashSet};

use super::edit::ItemChange;
use super::validate::{Invalid, Subject};
use crate::model::{Board, Item, ItemId, MAX_ID};

/// The single-valued references of an item that form chains: (field, target).
fn chain_fields(item: &Item) -> [(&'static str, Option<ItemId>); 2] {
    [("follow_up_of", item.follow_up_of), ("promoted_from", item.promoted_from)]
}

/// Every reference of an item that must name another, existing item: (field, target).
fn references(item: &Item) -> impl Iterator<Item = (&'static str, ItemId)> + '_ {
    chain_fields(item)
        .into_iter()
        .filter_map(|(field, target)| target.map(|t| (field, t)))
        .chain(item.links.iter().map(|l| ("links", *l)))
}

/// The variant fields: ids within bounds, which may name the item itself (variant A names its
/// experiment by its own id; the winner records itself).
fn variant_fields(item: &Item) -> impl Iterator<Item = (&'static str, ItemId)> {
    [("experiment", item.experiment), ("winner", item.winner)]
        .into_iter()
        .filter_map(|(field, target)| target.map(|t| (field, t)))
}

/// The change that takes from `item` every reference (follow-up, promotion, link, winner) to an
/// item that `gone` says is gone; `None` when it holds none. Deleting an item does this to the
/// items that refer to it (`ops::remove`), and so does a merge to the references a deletion on
/// the other side left behind.
pub(crate) fn without_references(item: &Item, gone: impl Fn(ItemId) -> bool) -> Option<ItemChange> {
    let cleared = |target: Option<ItemId>| target.filter(|t| gone(*t)).map(|_| None);
    let change = ItemChange {
        follow_up_of: cleared(item.follow_up_of),
        promoted_from: cleared(item.promoted_from),
        winner: cleared(item.winner),
        links: item
            .links
            .iter()
            .any(|l| gone(*l))
            .then(|| item.links.iter().copied().filter(|l| !gone(*l)).collect()),
        ..ItemChange::default()
    };
    (!change.is_empty()).then_some(change)
}

fn at(item: &Item, field: &'static str, message: String) -> Invalid {
    Invalid { message, subject: Subject::ItemField { id: item.id, field } }
}

impl Board {
    /// Ids within bounds, no reference to 0, past the bound or to the item itself, no cycles.
    pub(super) fn check_references(&self) -> Result<(), Invalid> {
        if self.next_id > MAX_ID {
            return Err(Invalid {
                message: format!(
                    "next_id {} is too large; ids must stay below 2^53 ({MAX_ID})",
                    self.next_id
                ),
                subject: Subject::Field("next_id"),
            });
        }
        for item in &self.items {
            if item.id >= MAX_ID {
                return Err(Invalid {
                    message: format!("item id {} is too large; ids must stay below 2^53 ({MAX_ID})", item.id),
                    subject: Subject::Item { id: item.id, occurrence: 0 },
                });
            }
            for (field, target) in references(item) {
                if target == 0 || target >= MAX_ID {
                    return Err(at(
                        item,
                        field,
                        format!("item #{} has `{field}` {target}, which no item can have", item.id),
                    ));
                }
                if target == item.id {
                    return Err(at(item, field, format!("item #{} refers to itself in `{field}`", item.id)));
                }
            }
            for (field, target) in variant_fields(item) {
                if target == 0 || target >= MAX_ID {
                    return Err(at(
                        item,
                        field,
                        format!("item #{} has `{field}` {target}, which no item can have", item.id),
                    ));
                }
            }
        }
        self.check_cycles()
    }

    /// Following `follow_up_of` (or `promoted_from`) from any item never comes back to it.
    fn check_cycles(&self) -> Result<(), Invalid> {
        for (index, field) in ["follow_up_of", "promoted_from"].into_iter().enumerate() {
            let next: HashMap<ItemId, ItemId> =
                self.items.iter().filter_map(|it| chain_fields(it)[index].1.map(|t| (it.id, t))).collect();
            // Absent: not seen yet; false: on the path being walked; true: known to end.
            let mut ends: HashMap<ItemId, bool> = HashMap::with_capacity(next.len());
            for start in self.items.iter().map(|it| it.id).filter(|id| next.contains_key(id)) {
                let mut path = Vec::new();
                let mut id = start;
                loop {
                    match ends.get(&id) {
                        Some(false) => {
                            return Err(Invalid {
                                message: format!(
                                    "item #{id} is part of a `{field}` cycle (it leads back to itself)"
                                ),
                                subject: Subject::ItemField { id, field },
                            });
                        }
                        Some(true) => break,
                        None => {}
                    }
                    ends.insert(id, false);
                    path.push(id);
                    match next.get(&id) {
                        Some(target) => id = *target,
                        None => break,
                    }
                }
                for id in path {
                    ends.insert(id, true);
                }
            }
        }
        Ok(())
    }

    /// References to items that are not on the board, in file order: what `check` reports.
    pub fn dangling_references(&self) -> Vec<Invalid> {
        self.dangling_references_except(&|_| false)
    }

    /// [`Board::dangling_references`], but a reference to an item that `elsewhere` holds (the
    /// archive) is not dangling.
    pub fn dangling_references_except(&self, elsewhere: &dyn Fn(ItemId) -> bool) -> Vec<Invalid> {
        let mut out = Vec::new();
        for item in &self.items {
            let winner = item.winner.map(|w| ("winner", w));
            for (field, target) in references(item).chain(winner) {
                if self.item(target).is_none() && !elsewhere(target) {
                    out.push(at(
                        item,
                        field,
                        format!("item #{} has `{field}` #{target}, which does not exist", item.id),
                    ));
                }
            }
            if let Some(name) = item.sprint.as_deref().filter(|name| self.sprint(name).is_none()) {
                let message = format!("item #{} has `sprint` \"{name}\", which does not exist", item.id);
                out.push(at(item, "sprint", message));
            }
        }
        out
    }

    /// Drops the references to items that are not on the board, as deleting an item drops the
    /// references to it: after a merge in which one side deleted an item the other side linked
    /// to, say.
    pub(crate) fn drop_dangling_references(&mut self) {
        let ids: HashSet<ItemId> = self.items.iter().map(|it| it.id).collect();
        let sprints: HashSet<String> = self.sprints.iter().map(|s| s.name.clone()).collect();
        for item in &mut self.items {
            if let Some(change) = without_references(item, |target| !ids.contains(&target)) {
                change.apply_to(item);
            }
            // A sprint the merge did not keep: the item goes back to the backlog.
            if item.sprint.as_ref().is_some_and(|name| !sprints.contains(name)) {
                item.sprint = None;
            }
        }
    }

    /// The items that refer to `id`, for deleting it cleanly.
    pub fn referrers(&self, id: ItemId) -> impl Iterator<Item = &Item> {
        self.items
            .iter()
            .filter(move |it| it.id != id && (references(it).any(|(_, t)| t == id) || it.winner == Some(id)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate;

    #[test]
    fn dangling_references_are_dropped_and_the_rest_kept() {
        let mut board = generate::board(30, 2);
        let (a, b) = (board.items[0].id, board.items[1].id);
        board.items[0].links = vec![b, 999_999];
        board.items[0].follow_up_of = Some(999_998);
        board.items[1].promoted_from = Some(a);
        board.items[1].winner = Some(999_997);
        board.drop_dangling_references();
        assert_eq!(board.items[0].links, vec![b]);
        assert_eq!((board.items[0].follow_up_of, board.items[1].winner), (None, None));
        assert_eq!(board.items[1].promoted_from, Some(a));
        assert!(board.dangling_references().is_empty());
        let dropped = board.clone();
        board.drop_dangling_references();
        assert_eq!(board, dropped, "nothing left to drop");
    }

    fn board_with(change: impl Fn(&mut Item)) -> Board {
        let mut board = generate::board(30, 2);
        if let Some(item) = board.items.iter_mut().find(|it| it.id == 20) {
            change(item);
        }
        board
    }

    #[test]
    fn refuses_impossible_references_and_cycles() {
        type Breaking = Box<dyn Fn(&mut Item)>;
        let cases: Vec<(Breaking, &str)> = vec![
            (Box::new(|it| it.follow_up_of = Some(20)), "refers to itself in `follow_up_of`"),
            (Box::new(|it| it.promoted_from = Some(0)), "`promoted_from` 0"),
            (Box::new(|it| it.links = vec![3, 20]), "refers to itself in `links`"),
            (Box::new(|it| it.links = vec![MAX_ID]), "which no item can have"),
            (Box::new(|it| it.id = MAX_ID), "too large"),
        ];
        for (change, words) in cases {
            let err = board_with(change).check_references().expect_err(words);
            assert!(err.message.contains(words), "{}", err.message);
        }
        let mut board = board_with(|it| it.follow_up_of = Some(21));
        if let Some(other) = board.items.iter_mut().find(|it| it.id == 21) {
            other.follow_up_of = Some(20);
        }
        let err = board.check_references().expect_err("a cycle");
        assert!(err.message.contains("cycle"), "{}", err.message);
        assert!(generate::board(300, 2).check_references().is_ok());
    }

    #[test]
    fn dangling_references_are_listed_for_check() {
        let board = board_with(|it| {
            it.links = vec![999];
            it.follow_up_of = Some(998);
        });
        let found: Vec<String> = board.dangling_references().into_iter().map(|i| i.message).collect();
        assert_eq!(
            found,
            [
                "item #20 has `follow_up_of` #998, which does not exist",
                "item #20 has `links` #999, which does not exist"
            ]
        );
    }

    #[test]
    fn an_item_naming_a_sprint_that_is_not_there_is_listed_and_a_merge_drops_it() {
        let mut board = board_with(|it| it.sprint = Some("Sprint 9".into()));
        let found: Vec<String> = board.dangling_references().into_iter().map(|i| i.message).collect();
        assert_eq!(found, ["item #20 has `sprint` \"Sprint 9\", which does not exist"]);
        board.drop_dangling_references();
        assert!(board.dangling_references().is_empty());
        assert_eq!(board.item(20).and_then(|it| it.sprint.clone()), None);
    }
}
