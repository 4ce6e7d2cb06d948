//! Which item is which in the three versions of a board, and the id each ends up with, before
//! the items are merged id by id (docs/guide/teams-and-git.md, "A board in git": ids and renumbering).
//!
//! An item is the same item in two versions when it has the same id and the same creation
//! stamp (`created` never changes). Ids change in two ways, both reported:
//! - both sides added an item under one id: the losing side's item gets a fresh id;
//! - one side gave a base item a new id in an earlier merge (its old id now names another item
//!   there): the item is found again by its creation stamp and title, and the other side
//!   follows, so that side's changes land on the right item.
//!
//! Every reference to an item whose id changes follows it (`Item::references_mut`).

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crate::model::{Board, Item, ItemId, Timestamp};

/// Why an item's id changed in a merge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cause {
    /// Both sides added an item under this id; this side's item moved.
    Added,
    /// The other side had already given this item a new id (in an earlier merge).
    Followed,
}

/// One side's item that ends up under another id: on the winner's side or the loser's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Moved {
    pub won: bool,
    pub from: ItemId,
    pub to: ItemId,
    pub cause: Cause,
}

/// The three versions' items under their final ids, sorted by id; borrowed when nothing moved.
pub(super) struct Aligned<'b> {
    pub base: Cow<'b, [Item]>,
    pub won: Cow<'b, [Item]>,
    pub lost: Cow<'b, [Item]>,
    pub moved: Vec<Moved>,
    /// Above every id of the three versions and of the merge.
    pub next_id: ItemId,
}

/// Ids handed out to items that must move: above every id any version has used.
struct Fresh(ItemId);

impl Fresh {
    fn take(&mut self) -> ItemId {
        self.0 += 1;
        self.0 - 1
    }
}

/// Lines the three versions up: base items under the id they end with, the sides' own items
/// under ids that collide with nothing.
pub(super) fn align<'b>(base: &'b Board, won: &'b Board, lost: &'b Board) -> Aligned<'b> {
    let top = |b: &Board| b.items().last().map_or(0, |it| it.id + 1).max(b.next_id);
    let mut fresh = Fresh(top(base).max(top(won)).max(top(lost)));
    let won_renames = renames(base, won);
    let lost_renames = renames(base, lost);
    let finals = base_finals(base, &won_renames, &lost_renames, &mut fresh);
    let final_of = |id: ItemId| finals.get(&id).copied().unwrap_or(id);
    let taken = |id: ItemId| {
        finals.values().any(|f| *f == id) || (base.item(id).is_some() && !finals.contains_key(&id))
    };
    let mut won_map = side_map(base, won, &won_renames, &final_of);
    let mut lost_map = side_map(base, lost, &lost_renames, &final_of);
    let mut moved = Vec::new();
    // The winner's own items keep their ids unless a base item ends there.
    let won_adds: Vec<&Item> = won.items().iter().filter(|it| !won_map.known.contains(&it.id)).collect();
    for item in &won_adds {
        if taken(item.id) {
            won_map.set(item.id, fresh.take());
        }
    }
    let won_final = |id: ItemId| won_map.ids.get(&id).copied().unwrap_or(id);
    let won_at: HashMap<ItemId, &Item> = won_adds.iter().map(|it| (won_final(it.id), *it)).collect();
    let lost_adds: Vec<&Item> = lost.items().iter().filter(|it| !lost_map.known.contains(&it.id)).collect();
    for item in lost_adds {
        let collides = taken(item.id)
            || match won_at.get(&item.id) {
                Some(theirs) => *theirs != item,
                // The winner took this id for an item it deleted again: ids are never reused.
                None => item.id >= base.next_id && item.id < won.next_id && won.item(item.id).is_none(),
            };
        if collides {
            lost_map.set(item.id, fresh.take());
        }
    }
    for (map, is_won) in [(&won_map, true), (&lost_map, false)] {
        for (&from, &to) in &map.ids {
            let cause = if map.known.contains(&from) { Cause::Followed } else { Cause::Added };
            moved.push(Moved { won: is_won, from, to, cause });
        }
    }
    moved.sort_by_key(|m| (!m.won, m.from));
    let occupied = |id: ItemId| taken(id) || won_map.holds(won, id) || lost_map.holds(lost, id);
    let dangling = dangling(base, [base, won, lost], &occupied, &mut fresh);
    let renaming = |version, own| Renaming { version, own, base, finals: &finals, dangling: &dangling };
    Aligned {
        base: rewrite(base.items(), &renaming(base, &finals)),
        won: rewrite(won.items(), &renaming(won, &won_map.ids)),
        lost: rewrite(lost.items(), &renaming(lost, &lost_map.ids)),
        moved,
        next_id: fresh.0,
    }
}

/// Base items that `side` gave another id: `(base id, id on the side)`, by base id.
///
/// A base item is looked for only when its id is gone from the side or names another item
/// there (another creation stamp); it is found among the side's other items by the same
/// creation stamp and title. Not found, it was deleted (or changed beyond recognition, and
/// then it is kept twice rather than lost).
fn renames(base: &Board, side: &Board) -> Vec<(ItemId, ItemId)> {
    let same = |a: &Item, b: &Item| a.created == b.created;
    let gone: Vec<&Item> =
        base.items().iter().filter(|b| side.item(b.id).is_none_or(|s| !same(s, b))).collect();
    if gone.is_empty() {
        return Vec::new();
    }
    let mut newcomers: HashMap<Timestamp, Vec<&Item>> = HashMap::new();
    for item in side.items().iter().filter(|s| base.item(s.id).is_none_or(|b| !same(s, b))) {
        newcomers.entry(item.created).or_default().push(item);
    }
    let mut claimed = HashSet::new();
    let mut out = Vec::new();
    for b in gone {
        let found: Vec<&&Item> = newcomers
            .get(&b.created)
            .into_iter()
            .flatten()
            .filter(|s| s.title == b.title && !claimed.contains(&s.id))
            .collect();
        if let [only] = found.as_slice() {
            claimed.insert(only.id);
            out.push((b.id, only.id));
        }
    }
    out
}

/// The id each base item ends with, where it is not its base id: the winner's new id, else the
/// loser's. Where two items would end under one id, the winner's renamed item keeps it, then an
/// item that kept its id, then the loser's renamed item; the others get fresh ids.
fn base_finals(
    base: &Board,
    won: &[(ItemId, ItemId)],
    lost: &[(ItemId, ItemId)],
    fresh: &mut Fresh,
) -> HashMap<ItemId, ItemId> {
    let mut finals: BTreeMap<ItemId, (ItemId, u8)> = won.iter().map(|&(from, to)| (from, (to, 0))).collect();
    for &(from, to) in lost {
        finals.entry(from).or_insert((to, 2));
    }
    let mut claims: BTreeMap<ItemId, Vec<(u8, ItemId)>> = BTreeMap::new();
    for (&from, &(to, rank)) in &finals {
        claims.entry(to).or_default().push((rank, from));
    }
    for (target, claimants) in &mut claims {
        if base.item(*target).is_some() && !finals.contains_key(target) {
            claimants.push((1, *target));
        }
        claimants.sort_unstable();
        for &(_, from) in claimants.iter().skip(1) {
            finals.insert(from, (fresh.take(), 3));
        }
    }
    finals.into_iter().filter(|(from, (to, _))| from != to).map(|(from, (to, _))| (from, to)).collect()
}

/// One side's id changes, and which of its ids are base items.
struct SideMap {
    /// Side id → final id, where they differ.
    ids: HashMap<ItemId, ItemId>,
    /// The side's ids that hold base items (under their base id or a renamed one).
    known: HashSet<ItemId>,
}

impl SideMap {
    fn set(&mut self, from: ItemId, to: ItemId) {
        self.ids.insert(from, to);
    }

    /// Whether this side puts one of its items under `id` in the merged board.
    fn holds(&self, side: &Board, id: ItemId) -> bool {
        (side.item(id).is_some() && !self.ids.contains_key(&id)) || self.ids.values().any(|to| *to == id)
    }
}

fn side_map(
    base: &Board,
    side: &Board,
    renames: &[(ItemId, ItemId)],
    final_of: &dyn Fn(ItemId) -> ItemId,
) -> SideMap {
    let mut map = SideMap { ids: HashMap::new(), known: HashSet::new() };
    let renamed: HashMap<ItemId, ItemId> = renames.iter().map(|&(b, s)| (s, b)).collect();
    for item in side.items() {
        let base_id = match renamed.get(&item.id) {
            Some(b) => *b,
            None if base.item(item.id).is_some_and(|b| b.created == item.created) => item.id,
            None => continue,
        };
        map.known.insert(item.id);
        let to = final_of(base_id);
        if to != item.id {
            map.set(item.id, to);
        }
    }
    map
}

/// References, in any version, to an id that version does not hold and that was never a base
/// item's (an item it added and deleted again, or deleted before the base): where another item
/// ends up under that id, they get an id of their own that nothing will ever have, so that a
/// reference to a deleted item never lands on another one. The same in every version, so that
/// a field nobody changed stays equal.
fn dangling(
    base: &Board,
    versions: [&Board; 3],
    occupied: &dyn Fn(ItemId) -> bool,
    fresh: &mut Fresh,
) -> BTreeMap<ItemId, ItemId> {
    let mut ids = BTreeSet::new();
    for version in versions {
        for item in version.items() {
            ids.extend(item.references().filter(|r| version.item(*r).is_none() && base.item(*r).is_none()));
        }
    }
    ids.into_iter().filter(|id| occupied(*id)).map(|id| (id, fresh.take())).collect()
}

/// How one version's ids and references map to the merged board's.
struct Renaming<'a> {
    version: &'a Board,
    /// The version's own items: its id → the final id, where they differ.
    own: &'a HashMap<ItemId, ItemId>,
    base: &'a Board,
    /// Base items: base id → final id, where they differ.
    finals: &'a HashMap<ItemId, ItemId>,
    dangling: &'a BTreeMap<ItemId, ItemId>,
}

impl Renaming<'_> {
    fn changes_nothing(&self) -> bool {
        self.own.is_empty() && self.finals.is_empty() && self.dangling.is_empty()
    }

    fn item(&self, id: ItemId) -> ItemId {
        self.own.get(&id).copied().unwrap_or(id)
    }

    /// A reference names the version's own item when it has one under that id, else the base
    /// item (deleted in this version), else a deleted item.
    fn reference(&self, id: ItemId) -> ItemId {
        let moved = if self.version.item(id).is_some() {
            self.own.get(&id)
        } else if self.base.item(id).is_some() {
            self.finals.get(&id)
        } else {
            self.dangling.get(&id)
        };
        moved.copied().unwrap_or(id)
    }
}

/// The items under their new ids, references followed, sorted by id; borrowed when nothing
/// changes.
fn rewrite<'b>(items: &'b [Item], renaming: &Renaming<'_>) -> Cow<'b, [Item]> {
    if renaming.changes_nothing() {
        return Cow::Borrowed(items);
    }
    let mut items = items.to_vec();
    for item in &mut items {
        item.id = renaming.item(item.id);
        item.references_mut().for_each(|id| *id = renaming.reference(*id));
    }
    items.sort_by_key(|it| it.id);
    Cow::Owned(items)
}

#[cfg(test)]
#[path = "ids_tests.rs"]
mod tests;
