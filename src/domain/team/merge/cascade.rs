//! The references a side's deletes took away, which are not that side's edits.
//!
//! Deleting an item drops every reference to it (`ops::remove`, through `without_references`):
//! links, follow-ups, promotions, a winner. That follows from the delete; nobody edited the
//! items that held those references. So a merge measures each side's edits of an item from the
//! base version *as that side's deletes left it*. Measured from the plain base, an item whose
//! only difference is such a dropped reference would count as changed: deleted on the other
//! side, it would come back as a delete-against-change conflict, and a link the other side
//! added beside the dropped one would conflict too. A reference the merge keeps to an item the
//! merge deletes goes afterwards (`Board::drop_dangling_references`), as a delete takes it.

use std::borrow::Cow;

use crate::domain::change::references::without_references;
use crate::model::{Item, ItemId};

/// `item` of the base as `side` left it: without its references to the base items `side`
/// deleted. Borrowed when it has none. Both lists are sorted by id, under the merge's ids.
pub(super) fn left_by<'a>(item: &'a Item, base: &[Item], side: &[Item]) -> Cow<'a, Item> {
    let holds = |items: &[Item], id: ItemId| items.binary_search_by_key(&id, |it| it.id).is_ok();
    // Only base items: a reference the base already had to a missing item (older versions left
    // some behind) was not dropped by anyone, and stays part of the base.
    let deleted = |id: ItemId| holds(base, id) && !holds(side, id);
    match without_references(item, deleted) {
        Some(change) => {
            let mut item = item.clone();
            change.apply_to(&mut item);
            Cow::Owned(item)
        }
        None => Cow::Borrowed(item),
    }
}
