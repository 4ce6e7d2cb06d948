//! An archive for a generated board: the done items of a team's past years, to measure what a
//! large `<board>.archive.ron` costs the commands and the screen that do not read it.

use crate::domain::archive;
use crate::model::{Board, Item, Track};

/// The board generated once and copied over and over (under new ids): generating a million items
/// one by one would take long, and the archive's content only needs to be realistic item by item.
const PATTERN: usize = 10_000;

/// An archive of `count` done items for `board`, as `archive` would have written it: items like
/// the generator's, each in the last done column of its track and finished, under ids after the
/// board's (the board's `next_id` moves past them, so no id is ever taken twice). The archive's
/// references point within it, as archived items' do.
pub fn archive(board: &mut Board, count: usize, seed: u64) -> Board {
    let pattern = super::board(count.min(PATTERN), seed);
    let first = board.next_id;
    let mut items = Vec::with_capacity(count);
    for n in 0..count {
        let Some(item) = pattern.items().get(n % pattern.items().len().max(1)) else { break };
        let offset = first - 1 + (n / PATTERN * PATTERN) as u64;
        items.push(archived(board, item, offset));
    }
    board.next_id = first + count as u64;
    archive::filed(board, Board::new(""), items)
}

/// `item` moved to the done column of its track, renumbered by `offset` with its references.
fn archived(board: &Board, item: &Item, offset: u64) -> Item {
    let mut item = item.clone();
    item.id += offset;
    for id in item.references_mut() {
        *id += offset;
    }
    let done = |track: Track| board.track(track).columns.iter().rev().find(|c| c.done).map(|c| c.id.clone());
    if let Some(column) = done(item.track) {
        item.column = column;
    }
    item.finished = item.finished.or(Some(item.created));
    item.sprint = None;
    // The pattern board may have initiatives the board has not: the archive names only the board's.
    if item.initiative.as_deref().is_some_and(|id| board.initiative(id).is_none()) {
        (item.initiative, item.phase) = (None, None);
    }
    item
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::format;

    #[test]
    fn the_archive_holds_done_items_under_new_ids_and_loads_beside_its_board() {
        let mut board = super::super::board(300, 5);
        let live: Vec<u64> = board.items().iter().map(|it| it.id).collect();
        let archived = archive(&mut board, 700, 5);
        assert_eq!(archived.items().len(), 700);
        assert!(archived.items().windows(2).all(|w| w[0].id < w[1].id), "sorted by id, none twice");
        assert!(archived.items().iter().all(|it| !live.contains(&it.id)));
        assert!(archived.items().iter().all(|it| archived.is_done_column(it.track, &it.column)));
        assert!(board.next_id > archived.items().last().map_or(0, |it| it.id));
        let text = format::to_text(&archived).expect("saves");
        assert_eq!(
            format::from_bytes(std::path::Path::new("a.ron"), text.as_bytes()).expect("loads"),
            archived
        );
    }
}
