//! The text of the board file and where each item lies in it. Saving builds the new text from
//! the old one: an item that did not change keeps its bytes, a changed one is written afresh
//! and read back before it is used, so nothing that cannot be read back is ever written and a
//! large board saves in a few milliseconds.

use std::hash::{Hash, Hasher};
use std::ops::Range;

use super::format::layout;
use super::item_text::write_item;
use crate::domain::{Board, Item, ItemId};

/// Where one item's text lies, and which version of the item it is.
#[derive(Clone, Debug)]
struct Block {
    id: ItemId,
    hash: u64,
    range: Range<usize>,
    /// Known to read back as the item it was written from.
    verified: bool,
}

/// A board as file text, with its items' blocks.
#[derive(Clone, Debug, Default)]
pub struct Written {
    text: String,
    blocks: Vec<Block>,
}

const ITEMS_EMPTY: &str = "    items: [],\n";
const ITEMS_OPEN: &str = "    items: [\n";
const ITEMS_CLOSE: &str = "    ],\n";

/// A fast 64-bit hash of an item, to notice that it changed since it was written. Each step
/// (xor a word, multiply by an odd constant, rotate) is a bijection of the state, so two items
/// that differ in a field of the same length can never collide; a final mix spreads the bits.
#[derive(Default)]
struct ItemHasher(u64);

impl Hasher for ItemHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.mix(u64::from_le_bytes(word));
        }
        let mut tail = [0u8; 8];
        tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        self.mix(u64::from_le_bytes(tail) ^ ((chunks.remainder().len() as u64) << 56));
    }

    fn write_u64(&mut self, n: u64) {
        self.mix(n);
    }

    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h
    }
}

impl ItemHasher {
    fn mix(&mut self, word: u64) {
        self.0 = (self.0 ^ word).wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(27);
    }
}

fn hash(item: &Item) -> u64 {
    let mut hasher = ItemHasher::default();
    item.hash(&mut hasher);
    hasher.finish()
}

impl Written {
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The board as text, reusing the verified blocks of `previous` for unchanged items.
    pub fn new(board: &Board, previous: Option<&Written>) -> Result<Written, String> {
        // About the size of the text before, so a text a little larger than the estimate per
        // item is not grown by doubling (a large board's peak memory would jump by its size).
        let size = previous.map_or(0, |p| p.text.len() + p.text.len() / 32);
        Written::build(board, size, |item, hash| {
            let block = previous?.block(item.id).filter(|b| b.verified && b.hash == hash)?;
            Some(&previous?.text[block.range.clone()])
        })
    }

    /// Takes the text `board` was read from if it is exactly what this layout writes: then every
    /// item's block in it is known to read back and later saves reuse them. Else gives the text
    /// back.
    pub fn adopt(board: &Board, file_text: String) -> Result<Written, String> {
        match adopted_blocks(board, &file_text) {
            Some(blocks) => Ok(Written { text: file_text, blocks }),
            None => Err(file_text),
        }
    }

    /// Keeps a text in another layout (hand-edited): the first save writes every item afresh.
    pub fn unadopted(file_text: String) -> Written {
        Written { text: file_text, blocks: Vec::new() }
    }

    /// The text as read or written last.
    pub fn bytes(&self) -> &[u8] {
        self.text.as_bytes()
    }

    fn build<'p>(
        board: &Board,
        size: usize,
        reuse: impl Fn(&Item, u64) -> Option<&'p str>,
    ) -> Result<Written, String> {
        Written::assemble(board, size, &mut |item, hash| reuse(item, hash).map(str::to_owned), true)
    }

    /// Lays out the header and every item; `reuse` may give an item's text from before.
    fn assemble(
        board: &Board,
        size: usize,
        reuse: &mut dyn FnMut(&Item, u64) -> Option<String>,
        verify: bool,
    ) -> Result<Written, String> {
        let header = header(board, verify)?;
        let Some(split) = header.find(ITEMS_EMPTY) else {
            return Err("the board's layout has no items list".into());
        };
        if board.items().is_empty() {
            return Ok(Written { text: header, blocks: Vec::new() });
        }
        let mut text = String::with_capacity((header.len() + board.items().len() * 512).max(size));
        text.push_str(&header[..split]);
        text.push_str(ITEMS_OPEN);
        let mut blocks = Vec::with_capacity(board.items().len());
        for item in board.items() {
            let hash = hash(item);
            let start = text.len();
            let verified = match reuse(item, hash) {
                Some(old) => {
                    text.push_str(&old);
                    true
                }
                None => {
                    write_item(&mut text, item);
                    if verify {
                        check_block(&text[start..], item)?;
                    }
                    verify
                }
            };
            blocks.push(Block { id: item.id, hash, range: start..text.len(), verified });
        }
        text.push_str(ITEMS_CLOSE);
        text.push_str(&header[split + ITEMS_EMPTY.len()..]);
        Ok(Written { text, blocks })
    }

    fn block(&self, id: ItemId) -> Option<&Block> {
        self.blocks.binary_search_by_key(&id, |b| b.id).ok().map(|i| &self.blocks[i])
    }
}

/// The blocks of `text` if it is exactly how this layout writes `board`. Half the items are
/// checked on another core.
fn adopted_blocks(board: &Board, text: &str) -> Option<Vec<Block>> {
    let header = header(board, false).ok()?;
    let split = header.find(ITEMS_EMPTY)?;
    if board.items().is_empty() {
        return (text == header).then(Vec::new);
    }
    let prefix = format!("{}{ITEMS_OPEN}", &header[..split]);
    let suffix = format!("{ITEMS_CLOSE}{}", &header[split + ITEMS_EMPTY.len()..]);
    let end = text.len().checked_sub(suffix.len())?;
    if !text.starts_with(&prefix) || !text.ends_with(&suffix) || end < prefix.len() {
        return None;
    }
    // Split where the text's middle item starts, as the reader does: a short search.
    let (first, second, second_start) = split_at_middle(board.items(), text, prefix.len(), end)?;
    let (firsts, seconds) = std::thread::scope(|scope| {
        let later = scope.spawn(|| blocks_at(second, text, second_start));
        (blocks_at(first, text, prefix.len()), later.join().ok().flatten())
    });
    let (first_blocks, first_end) = firsts?;
    let (second_blocks, second_end) = seconds?;
    (first_end == second_start && second_end == end).then(|| [first_blocks, second_blocks].concat())
}

/// The items before and after the item that starts nearest the middle of `text[start..end]`,
/// and where that item starts.
fn split_at_middle<'i>(
    items: &'i [Item],
    text: &str,
    start: usize,
    end: usize,
) -> Option<(&'i [Item], &'i [Item], usize)> {
    const ITEM: &str = "\n        (\n            id: ";
    let mut middle = start + (end - start) / 2;
    while !text.is_char_boundary(middle) {
        middle += 1;
    }
    let Some(found) = text[middle..end].find(ITEM) else {
        return Some((items, &[], end));
    };
    let id_text = &text[middle + found + ITEM.len()..];
    let id: u64 = id_text[..id_text.find(',')?].parse().ok()?;
    let index = items.binary_search_by_key(&id, |it| it.id).ok()?;
    let (first, second) = items.split_at(index);
    Some((first, second, middle + found + 1))
}

/// The blocks of `items` written one after another from `start` in `text`, and where they end;
/// `None` if the text differs from what the writer makes of them.
fn blocks_at(items: &[Item], text: &str, start: usize) -> Option<(Vec<Block>, usize)> {
    let mut scratch = String::with_capacity(2048);
    let mut blocks = Vec::with_capacity(items.len());
    let mut at = start;
    for item in items {
        scratch.clear();
        write_item(&mut scratch, item);
        if !text.get(at..)?.starts_with(&scratch) {
            return None;
        }
        blocks.push(Block { id: item.id, hash: hash(item), range: at..at + scratch.len(), verified: true });
        at += scratch.len();
    }
    Some((blocks, at))
}

/// The board without its items, as the RON serializer lays it out, checked to read back.
fn header(board: &Board, verify: bool) -> Result<String, String> {
    let bare = board.clone_without_items();
    let mut text = ron::Options::default()
        .to_string_pretty(&bare, layout())
        .map_err(|e| format!("cannot write the board as RON: {e}"))?;
    text.push('\n');
    if verify {
        match ron::from_str::<Board>(&text) {
            Ok(back) if back == bare => {}
            _ => return Err("the board's settings would not read back the same; nothing was written".into()),
        }
    }
    Ok(text)
}

/// Refuses an item's text unless it reads back as the item.
fn check_block(block: &str, item: &Item) -> Result<(), String> {
    let body = block.trim_end().trim_end_matches(',');
    match ron::from_str::<Item>(body) {
        Ok(back) if back == *item => Ok(()),
        Ok(_) => Err(format!("item #{} would not read back the same; nothing was written", item.id)),
        Err(e) => Err(format!("item #{} would not read back ({e}); nothing was written", item.id)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{CheckEntry, Edit, Severity};
    use crate::generate;

    /// The whole board as the RON serializer writes it.
    fn ron_text(board: &Board) -> String {
        let mut text = ron::Options::default().to_string_pretty(board, layout()).expect("ron");
        text.push('\n');
        text
    }

    fn odd_board() -> Board {
        let mut board = generate::board(300, 3);
        let mut item = board.item(5).expect("item").clone();
        item.id = 1000;
        item.title = "quote \" back\\slash\nnew\tline \u{7} bell \u{301}accent ünï 🚀 r#\"raw\"#".into();
        item.tags = vec!["a,b".into(), "\"".into()];
        item.checklist = vec![
            CheckEntry { text: "x\ny".into(), done: true },
            CheckEntry { text: String::new(), done: false },
        ];
        item.links = vec![1, 2, 3];
        item.severity = Some(Severity::Critical);
        item.finished = Some(chrono::DateTime::from_timestamp(1_800_000_000, 123_456_789).expect("time"));
        item.sprint = Some("Sprint \"14\", the one".into());
        item.blocked = Some("waiting on legal\nsee #3".into());
        item.blocked_since = Some(chrono::DateTime::from_timestamp(1_800_000_100, 0).expect("time"));
        item.in_column_since = Some(chrono::DateTime::from_timestamp(1_800_000_200, 5).expect("time"));
        item.rank = i64::MIN;
        board.apply(Edit::Add(Box::new(item))).expect("add");
        board
    }

    #[test]
    fn the_fast_writer_writes_exactly_what_the_ron_serializer_writes() {
        for board in [Board::new("empty"), generate::board(200, 1), odd_board()] {
            let written = Written::new(&board, None).expect("writes");
            assert_eq!(written.text(), ron_text(&board));
        }
    }

    #[test]
    fn unchanged_items_keep_their_bytes_and_changed_ones_are_rewritten() {
        let mut board = odd_board();
        let first = Written::new(&board, None).expect("writes");
        let adopted = Written::adopt(&board, first.text().to_owned()).expect("in layout");
        assert!(adopted.blocks.iter().all(|b| b.verified), "a file in this layout is adopted whole");
        assert_eq!(adopted.blocks.len(), board.items().len());
        let op = crate::domain::ops::move_to_column(&board, 7, "done", generate::epoch()).expect("op");
        board.apply(op.edit).expect("apply");
        let second = Written::new(&board, Some(&adopted)).expect("writes");
        assert_eq!(second.text(), ron_text(&board));
        let text = |w: &Written, id| w.block(id).map(|b| w.text[b.range.clone()].to_owned());
        let changed: Vec<ItemId> =
            board.items().iter().map(|i| i.id).filter(|id| text(&first, *id) != text(&second, *id)).collect();
        assert_eq!(changed, [7], "only the moved item's text changed");
    }

    #[test]
    fn a_file_in_another_layout_is_not_adopted() {
        let board = generate::board(20, 1);
        let text = ron_text(&board).replace("    ", "  ");
        assert_eq!(Written::adopt(&board, text.clone()).expect_err("another layout"), text);
        let changed = ron_text(&board).replacen("title: \"", "title: \"x", 1);
        assert!(Written::adopt(&board, changed).is_err(), "a text that is not this board");
    }
}
