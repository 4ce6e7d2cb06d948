//! The text of the board file and where each item lies in it. Saving builds the new text from
//! the old one: an item that did not change keeps its bytes, a changed one is written afresh
//! and read back before it is used, so nothing that cannot be read back is ever written and a
//! large board saves in a few milliseconds.

use std::hash::{Hash, Hasher};
use std::ops::Range;

use super::error::WriteError;
use super::item_text::write_item;
use super::layout::{self, ITEM_START, ITEMS_CLOSE, ITEMS_EMPTY, ITEMS_OPEN};
use crate::model::{Board, Item, ItemId};

/// Where one item's text lies, and which version of the item it is.
#[derive(Clone, Debug)]
struct Block {
    id: ItemId,
    fingerprint: u128,
    range: Range<usize>,
}

/// A file text that is not exactly what this layout writes of its board (edited by hand),
/// handed back by [`Written::adopt`] for the caller to read otherwise or to keep as it is.
#[derive(Debug)]
pub struct OtherLayout(pub String);

/// A board as file text, with its items' blocks.
#[derive(Clone, Debug, Default)]
pub struct Written {
    text: String,
    blocks: Vec<Block>,
}

/// A fast 128-bit fingerprint of an item, to notice that it changed since its text was written
/// (two independent 64-bit lanes with different constants). It is not cryptographic: two
/// different versions of one item share a fingerprint with a chance of about 2^-128 per change,
/// and then the save would keep the old text of that item. Crafting such a pair on purpose is
/// conceivable but gains nothing: whoever can put an item into the board can write the file.
#[derive(Default)]
struct ItemHasher {
    lanes: [u64; 2],
}

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
        // Only `fingerprint` is used; `Hasher` needs this.
        avalanche(self.lanes[0])
    }
}

impl ItemHasher {
    fn mix(&mut self, word: u64) {
        self.lanes[0] = (self.lanes[0] ^ word).wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(27);
        self.lanes[1] = (self.lanes[1] ^ word).wrapping_mul(0xc2b2_ae3d_27d4_eb4f).rotate_left(31);
    }
}

/// Spreads every bit of the state over the whole word.
fn avalanche(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

fn fingerprint(item: &Item) -> u128 {
    let mut hasher = ItemHasher::default();
    item.hash(&mut hasher);
    (u128::from(avalanche(hasher.lanes[0])) << 64) | u128::from(avalanche(hasher.lanes[1]))
}

/// The fingerprint of a whole file's bytes, as the intent file records the board a save is about
/// to write (`store/intent.rs`); the same hash, so the same odds, as an item's.
pub fn file_fingerprint(bytes: &[u8]) -> u128 {
    let mut hasher = ItemHasher::default();
    hasher.write(bytes);
    hasher.write_u64(bytes.len() as u64);
    (u128::from(avalanche(hasher.lanes[0])) << 64) | u128::from(avalanche(hasher.lanes[1]))
}

impl Written {
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The board as text, reusing the text of `previous` for items that did not change; items
    /// written afresh are read back first.
    pub fn new(board: &Board, previous: Option<&Written>) -> Result<Written, WriteError> {
        let header = header(board)?;
        let Some(split) = header.find(ITEMS_EMPTY) else {
            return Err(WriteError::NoItemsList);
        };
        if board.items().is_empty() {
            return Ok(Written { text: header, blocks: Vec::new() });
        }
        // At least about the size of the text before, so a text a little larger than the
        // estimate per item is not grown by doubling (a large board's peak memory would jump by
        // its size).
        let size = previous.map_or(0, |p| p.text.len() + p.text.len() / 32);
        let mut text = String::with_capacity((header.len() + board.items().len() * 512).max(size));
        text.push_str(&header[..split]);
        text.push_str(ITEMS_OPEN);
        let mut blocks = Vec::with_capacity(board.items().len());
        let mut afresh = Vec::new();
        for item in board.items() {
            let fingerprint = fingerprint(item);
            let start = text.len();
            match previous.and_then(|p| p.unchanged_text(item.id, fingerprint)) {
                Some(old) => text.push_str(old),
                None => {
                    write_item(&mut text, item);
                    afresh.push((item, start..text.len()));
                }
            }
            blocks.push(Block { id: item.id, fingerprint, range: start..text.len() });
        }
        check_blocks(&text, &afresh)?;
        text.push_str(ITEMS_CLOSE);
        text.push_str(&header[split + ITEMS_EMPTY.len()..]);
        Ok(Written { text, blocks })
    }

    /// The text `board` was read from, when it is exactly what this layout writes: then every
    /// item's text in it is known to read back and later saves reuse it. A text in another
    /// layout (hand-edited): the text is given back, for the caller to read otherwise or
    /// keep with [`Written::unadopted`].
    pub fn adopt(board: &Board, file_text: String) -> Result<Written, OtherLayout> {
        match adopted_blocks(board, &file_text) {
            Some(blocks) => Ok(Written { text: file_text, blocks }),
            None => Err(OtherLayout(file_text)),
        }
    }

    /// Keeps a text in another layout (hand-edited): the first save writes every item afresh.
    pub fn unadopted(OtherLayout(file_text): OtherLayout) -> Written {
        Written { text: file_text, blocks: Vec::new() }
    }

    /// The text as read or written last.
    pub fn bytes(&self) -> &[u8] {
        self.text.as_bytes()
    }

    /// The text of item `id`, when the text is in this layout.
    pub fn item_text(&self, id: ItemId) -> Option<&str> {
        self.block(id).map(|block| &self.text[block.range.clone()])
    }

    /// The text of item `id` if it was written from an item with this fingerprint.
    fn unchanged_text(&self, id: ItemId, fingerprint: u128) -> Option<&str> {
        let block = self.block(id).filter(|b| b.fingerprint == fingerprint)?;
        Some(&self.text[block.range.clone()])
    }

    fn block(&self, id: ItemId) -> Option<&Block> {
        self.blocks.binary_search_by_key(&id, |b| b.id).ok().map(|i| &self.blocks[i])
    }
}

/// The blocks of `text` if it is exactly how this layout writes `board`. Half the items are
/// checked on another core.
fn adopted_blocks(board: &Board, text: &str) -> Option<Vec<Block>> {
    let header = header_text(board).ok()?;
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
    let mut middle = start + (end - start) / 2;
    while !text.is_char_boundary(middle) {
        middle += 1;
    }
    let Some(found) = text[middle..end].find(ITEM_START) else {
        return Some((items, &[], end));
    };
    let id_text = &text[middle + found + ITEM_START.len()..];
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
        blocks.push(Block { id: item.id, fingerprint: fingerprint(item), range: at..at + scratch.len() });
        at += scratch.len();
    }
    Some((blocks, at))
}

/// The board without its items, as the RON serializer lays it out.
fn header_text(board: &Board) -> Result<String, WriteError> {
    let mut text = ron::Options::default()
        .to_string_pretty(&board.clone_without_items(), layout::pretty())
        .map_err(WriteError::Ron)?;
    text.push('\n');
    Ok(text)
}

/// [`header_text`], checked to read back as the same settings.
fn header(board: &Board) -> Result<String, WriteError> {
    let text = header_text(board)?;
    match ron::from_str::<Board>(&text) {
        Ok(back) if back == board.clone_without_items() => Ok(text),
        _ => Err(WriteError::Settings),
    }
}

/// Below this many items written afresh, reading them back on another core costs more than it
/// saves.
const CHECKED_ALONE: usize = 256;

/// Refuses the text unless each block written afresh reads back as its item (the first that
/// does not, in board order). Half of a large batch (an import) is read on another core.
fn check_blocks(text: &str, afresh: &[(&Item, Range<usize>)]) -> Result<(), WriteError> {
    let check = |blocks: &[(&Item, Range<usize>)]| -> Result<(), WriteError> {
        blocks.iter().try_for_each(|(item, range)| check_block(&text[range.clone()], item))
    };
    if afresh.len() < CHECKED_ALONE {
        return check(afresh);
    }
    let (first, second) = afresh.split_at(afresh.len() / 2);
    std::thread::scope(|scope| {
        let later = scope.spawn(|| check(second));
        let firsts = check(first);
        // A reader that panicked goes on panicking here, as it would have on this thread.
        let seconds = later.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        firsts.and(seconds)
    })
}

/// Refuses an item's text unless it reads back as the item.
fn check_block(block: &str, item: &Item) -> Result<(), WriteError> {
    let body = block.trim_end().trim_end_matches(',');
    match ron::from_str::<Item>(body) {
        Ok(back) if back == *item => Ok(()),
        Ok(_) => Err(WriteError::ItemDiffers(item.id)),
        Err(error) => Err(WriteError::ItemUnreadable { id: item.id, error }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::change::Edit;
    use crate::generate;
    use crate::model::{CheckEntry, Severity};

    /// The whole board as the RON serializer writes it.
    fn ron_text(board: &Board) -> String {
        let mut text = ron::Options::default().to_string_pretty(board, layout::pretty()).expect("ron");
        text.push('\n');
        text
    }

    fn odd_board() -> Board {
        let mut board = generate::board(300, 3);
        let odd = "quote \" back\\slash\nnew\tline ünï 🚀";
        let initiative = crate::model::Initiative {
            id: "odd-one_2".into(),
            name: odd.into(),
            description: odd.into(),
            criteria: crate::model::Criteria {
                polish: vec![odd.into(), String::new()],
                ..Default::default()
            },
            status: crate::model::Status::Paused,
            decisions: vec![crate::model::Decision {
                boundary: crate::model::Boundary::Two,
                decision: crate::model::Verdict::Stop,
                date: chrono::NaiveDate::from_ymd_opt(2026, 2, 29 - 1).expect("date"),
                author: odd.into(),
                review: odd.into(),
                plan: String::new(),
                communicated: "a, b".into(),
                open_items: Some(crate::model::OpenItems::Backlog),
                items: vec![1, 2],
            }],
        };
        let add = crate::domain::change::initiative_edit::InitiativeEdit::Add(Box::new(initiative));
        board.apply(Edit::Initiative(add)).expect("add initiative");
        let mut item = board.item(5).expect("item").clone();
        item.initiative = Some("odd-one_2".into());
        item.phase = Some(crate::model::Phase::Polish);
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
        item.accepted_by = Some("sign-off, \"Dana\"".into());
        item.acceptance_note = Some("A/B: +4% ✓\nsecond line".into());
        item.criteria = Some(vec!["Technical, uncertainty".into(), "ünï \"q\"".into()]);
        item.experiment = Some(999);
        item.variant = Some("B".into());
        item.winner = Some(1000);
        let mut none_applies = item.clone();
        none_applies.id = 1001;
        none_applies.criteria = Some(Vec::new());
        board.apply(Edit::Add(Box::new(item))).expect("add");
        board.apply(Edit::Add(Box::new(none_applies))).expect("add");
        board.entry_criteria = Some(vec!["Legal review".into(), "quote \" here".into()]);
        board.interest_weights = Some(crate::model::InterestWeights::default().with(Severity::Low, 0));
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
        assert_eq!(adopted.blocks.len(), board.items().len());
        let op =
            crate::domain::change::ops::move_to_column(&board, 7, "done", generate::epoch()).expect("op");
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
        assert!(Written::adopt(&board, text).is_err(), "another layout");
        let changed = ron_text(&board).replacen("title: \"", "title: \"x", 1);
        assert!(Written::adopt(&board, changed).is_err(), "a text that is not this board");
    }
}
