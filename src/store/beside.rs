//! Reading a board whose text is mostly the text of a board already read: the base and their
//! version in a git merge, beside ours (docs/ARCHITECTURE.md, "One command"). An item whose
//! text is byte for byte the text of the same item in the known board is that item; only the
//! items whose text differs are read, and each of those counts only if it writes back to its
//! very text, as on every fast load. Anything else reads the whole file the usual way.

use std::path::Path;

use super::error::FileError;
use super::item_text::write_item;
use super::layout::{ITEM_CLOSE, ITEM_OPEN};
use super::written::Written;
use super::{format, item_parse};
use crate::model::{Board, FORMAT_VERSION, Item};

/// The board in `bytes` (the file at `path`), read beside `known` and its text.
pub fn read(path: &Path, bytes: Vec<u8>, known: &Board, known_text: &Written) -> Result<Board, FileError> {
    match std::str::from_utf8(&bytes).ok().and_then(|text| by_items(text, known, known_text)) {
        Some(board) => Ok(board),
        None => {
            tracing::info!(file = %path.display(), "read beside declined: not in twotrack's own layout");
            format::read(path, bytes).map(|(board, _)| board)
        }
    }
}

/// The board of `text` if it is in twotrack's layout, its items taken from `known` where their
/// text is the same.
fn by_items(text: &str, known: &Board, known_text: &Written) -> Option<Board> {
    let (header, items_text) = item_parse::split_items(text)?;
    let mut board: Board = ron::from_str(&header).ok()?;
    if board.version != FORMAT_VERSION {
        return None;
    }
    let mut items = Vec::with_capacity(known.items().len());
    let mut scratch = String::new();
    let close = format!("\n{ITEM_CLOSE}\n");
    let mut rest = items_text;
    while !rest.is_empty() {
        let (block, after) = next_block(rest, &close)?;
        items.push(item(block, known, known_text, &mut scratch)?);
        rest = after;
    }
    board.items = items;
    board.normalize().ok()?;
    Some(board)
}

/// The first item's text in `text` (from its opening line to its closing line, both included)
/// and the text after it; `close` is the closing line with the line breaks around it.
fn next_block<'t>(text: &'t str, close: &str) -> Option<(&'t str, &'t str)> {
    let opened = text.strip_prefix(ITEM_OPEN)?.strip_prefix('\n')?;
    let end = text.len() - opened.len() + opened.find(close)? + close.len();
    Some(text.split_at(end))
}

/// The item written as `block`: the known one when its text is the same, else read and checked.
fn item(block: &str, known: &Board, known_text: &Written, scratch: &mut String) -> Option<Item> {
    let id = block_id(block)?;
    if known_text.item_text(id) == Some(block) {
        return known.item(id).cloned();
    }
    let mut read = item_parse::parse_items(block)?;
    let item = read.pop().filter(|_| read.is_empty())?;
    scratch.clear();
    write_item(scratch, &item);
    (scratch.as_str() == block).then_some(item)
}

/// The id on the first field line of an item's text.
fn block_id(block: &str) -> Option<u64> {
    let line = block.lines().nth(1)?;
    line.trim_start().strip_prefix("id: ")?.strip_suffix(',')?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate;

    fn text(board: &Board) -> String {
        format::to_text(board).expect("text")
    }

    fn known(board: &Board) -> (Board, Written) {
        format::read(Path::new("known.ron"), text(board).into_bytes()).expect("reads")
    }

    #[test]
    fn a_board_read_beside_another_is_the_board_read_alone() {
        let base = generate::board(300, 7);
        let mut other = base.clone();
        other.items[4].title = "changed \"here\" ünï".into();
        other.items.remove(8);
        let mut added = other.items[11].clone();
        added.id = 1000;
        other.items.push(added);
        other.normalize().expect("valid");
        let (known, known_text) = known(&base);
        let beside = read(Path::new("other.ron"), text(&other).into_bytes(), &known, &known_text)
            .expect("reads beside");
        assert_eq!(beside, other);
        assert!(by_items(&text(&other), &known, &known_text).is_some(), "read by items, not whole");
    }

    #[test]
    fn a_changed_item_that_would_not_write_back_is_read_the_usual_way() {
        let base = generate::board(50, 3);
        let (known, known_text) = known(&base);
        // Two spaces more before a field: still RON, not the layout.
        let odd = text(&base).replacen("            title: ", "              title: ", 1);
        assert!(by_items(&odd, &known, &known_text).is_none());
        let read_back = read(Path::new("odd.ron"), odd.into_bytes(), &known, &known_text).expect("reads");
        assert_eq!(read_back, base);
    }

    #[test]
    fn a_broken_file_is_refused_with_its_place_as_on_any_load() {
        let base = generate::board(20, 3);
        let (known, known_text) = known(&base);
        let broken = text(&base).replacen("track: delivery", "track: elsewhere", 1);
        let err =
            read(Path::new("theirs.ron"), broken.into_bytes(), &known, &known_text).expect_err("refused");
        assert!(err.position.is_some(), "{err}");
        assert!(err.to_string().starts_with("board file theirs.ron line"), "{err}");
    }
}
