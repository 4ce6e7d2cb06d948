//! Reading the items of a board file in the exact layout twotrack writes, line by line, many
//! times faster than the general RON parser. Anything unexpected gives up (`None`) and the file
//! is read by the RON parser instead; a result is only trusted after the board writes back to
//! the very same text, which proves it is what the RON parser would have read.

use chrono::{DateTime, NaiveDate};

use super::layout::{FIELD, ITEM_CLOSE, ITEM_OPEN, ITEMS_CLOSE, ITEMS_EMPTY, ITEMS_OPEN};
use crate::model::{Board, CheckEntry, Item, Kind, Measure, Phase, Place, Severity, Stage, Timestamp, Track};

/// The board of a file in twotrack's layout: its settings read by the RON parser (they are
/// short), its items line by line.
pub fn parse_board(text: &str) -> Option<Board> {
    if text.contains(&format!("\n{ITEMS_EMPTY}")) {
        // No items: only settings, which the RON parser reads.
        return ron::from_str(text).ok();
    }
    let (header, items) = split_items(text)?;
    // Half the items on another core: a 10,000-item board reads in half the time.
    let mut middle = items.len() / 2;
    while !items.is_char_boundary(middle) {
        middle += 1;
    }
    let item_line = format!("\n{ITEM_OPEN}\n");
    let cut = middle + items[middle..].find(&item_line).map_or(items.len() - middle, |i| i + 1);
    let (first, second) = items.split_at(cut);
    std::thread::scope(|scope| {
        let later = scope.spawn(|| parse_items(second));
        let mut board: Board = ron::from_str(&header).ok()?;
        let mut all = parse_items(first)?;
        all.extend(later.join().ok()??);
        board.items = all;
        Some(board)
    })
}

/// The settings of a file with items, as the text of a board without items, and the text of
/// its items between `    items: [` and `    ],` (which start and end on lines of their own).
pub fn split_items(text: &str) -> Option<(String, &str)> {
    let open = text.find(&format!("\n{ITEMS_OPEN}"))? + 1;
    let items_start = open + ITEMS_OPEN.len();
    let close = text.rfind(&format!("\n{ITEMS_CLOSE}"))? + 1;
    let items = text.get(items_start..close)?;
    let header = format!("{}{ITEMS_EMPTY}{}", &text[..open], &text[close + ITEMS_CLOSE.len()..]);
    Some((header, items))
}

/// The items of the text between `    items: [` and `    ],` (exclusive), or `None`.
pub fn parse_items(text: &str) -> Option<Vec<Item>> {
    let mut items = Vec::new();
    let mut lines = text.lines();
    let mut fields = Vec::with_capacity(32);
    while let Some(line) = lines.next() {
        if line != ITEM_OPEN {
            return None;
        }
        fields.clear();
        for line in lines.by_ref() {
            if line == ITEM_CLOSE {
                break;
            }
            let (name, value) = line.strip_prefix(FIELD)?.strip_suffix(',')?.split_once(':')?;
            let value = value.strip_prefix(' ')?;
            fields.push((name, value));
        }
        items.push(item(&fields)?);
    }
    Some(items)
}

/// Builds an item from its `name: value` pairs, which must come in the layout's order.
fn item(fields: &[(&str, &str)]) -> Option<Item> {
    let mut at = 0;
    let mut next = |name: &str| -> Option<&str> {
        let (n, v) = fields.get(at)?;
        (*n == name).then(|| {
            at += 1;
            *v
        })
    };
    let id = next("id")?.parse().ok()?;
    let title = string(next("title")?)?;
    let track = match next("track")? {
        "discovery" => Track::Discovery,
        "delivery" => Track::Delivery,
        _ => return None,
    };
    let column = string(next("column")?)?;
    let stage = Stage::try_from(next("stage")?.parse::<u8>().ok()?).ok()?;
    let rank = next("rank")?.parse().ok()?;
    let kind = next("kind")?.parse::<Kind>().ok()?;
    // `created` and `updated` are read last, like every other field, in file order.
    let mut item = Item::new(id, title, Place { track, column, stage, rank }, kind, DateTime::UNIX_EPOCH);
    if let Some(v) = next("estimate") {
        item.estimate = Some(some(v)?.parse().ok()?);
    }
    if let Some(v) = next("tags") {
        item.tags = list(v, string)?;
    }
    if let Some(v) = next("assignee") {
        item.assignee = Some(string(some(v)?)?);
    }
    if let Some(v) = next("description") {
        item.description = string(v)?;
    }
    if let Some(v) = next("checklist") {
        item.checklist = list(v, check_entry)?;
    }
    if let Some(v) = next("links") {
        item.links = list(v, |n| n.parse().ok())?;
    }
    if let Some(v) = next("question") {
        item.question = Some(string(some(v)?)?);
    }
    if let Some(v) = next("timebox") {
        item.timebox = Some(date(some(v)?)?);
    }
    if let Some(v) = next("outcome") {
        item.outcome = Some(string(some(v)?)?);
    }
    if let Some(v) = next("learned") {
        item.learned = Some(string(some(v)?)?);
    }
    if let Some(v) = next("drop_reason") {
        item.drop_reason = Some(string(some(v)?)?);
    }
    if let Some(v) = next("promoted_from") {
        item.promoted_from = Some(some(v)?.parse().ok()?);
    }
    if let Some(v) = next("severity") {
        item.severity = Some(some(v)?.parse::<Severity>().ok()?);
    }
    if let Some(v) = next("follow_up_of") {
        item.follow_up_of = Some(some(v)?.parse().ok()?);
    }
    if let Some(v) = next("accepted") {
        item.accepted = Some(date(some(v)?)?);
    }
    if let Some(v) = next("finished") {
        item.finished = Some(timestamp(some(v)?)?);
    }
    if let Some(v) = next("accepted_by") {
        item.accepted_by = Some(string(some(v)?)?);
    }
    if let Some(v) = next("acceptance_note") {
        item.acceptance_note = Some(string(some(v)?)?);
    }
    if let Some(v) = next("criteria") {
        item.criteria = Some(list(some(v)?, string)?);
    }
    if let Some(v) = next("experiment") {
        item.experiment = Some(some(v)?.parse().ok()?);
    }
    if let Some(v) = next("variant") {
        item.variant = Some(string(some(v)?)?);
    }
    if let Some(v) = next("winner") {
        item.winner = Some(some(v)?.parse().ok()?);
    }
    if let Some(v) = next("initiative") {
        item.initiative = Some(string(some(v)?)?);
    }
    if let Some(v) = next("phase") {
        let name = some(v)?;
        item.phase = Some(Phase::ALL.into_iter().find(|p| p.name() == name)?);
    }
    if let Some(v) = next("sprint") {
        item.sprint = Some(string(some(v)?)?);
    }
    if let Some(v) = next("blocked") {
        item.blocked = Some(string(some(v)?)?);
    }
    if let Some(v) = next("blocked_since") {
        item.blocked_since = Some(timestamp(some(v)?)?);
    }
    if let Some(v) = next("in_column_since") {
        item.in_column_since = Some(timestamp(some(v)?)?);
    }
    if let Some(v) = next("forced") {
        item.forced = Some(string(some(v)?)?);
    }
    if let Some(v) = next("anticipated_debt") {
        item.anticipated_debt = Some(some(v)?.parse().ok()?);
    }
    if let Some(v) = next("measures") {
        item.measures = list(v, measure)?;
    }
    if let Some(v) = next("drag") {
        item.drag = Some(some(v)?.parse().ok()?);
    }
    if let Some(v) = next("source") {
        item.source = Some(Box::new(super::source_parse::source(some(v)?)?));
    }
    item.created = timestamp(next("created")?)?;
    item.updated = timestamp(next("updated")?)?;
    (at == fields.len()).then_some(item)
}

pub(super) fn some(value: &str) -> Option<&str> {
    value.strip_prefix("Some(")?.strip_suffix(')')
}

fn date(value: &str) -> Option<NaiveDate> {
    string(value)?.parse().ok()
}

fn timestamp(value: &str) -> Option<Timestamp> {
    Some(DateTime::parse_from_rfc3339(&string(value)?).ok()?.to_utc())
}

fn check_entry(value: &str) -> Option<CheckEntry> {
    let inner = value.strip_prefix("(text: ")?.strip_suffix(')')?;
    let (text, done) = inner.rsplit_once(", done: ")?;
    Some(CheckEntry { text: string(text)?, done: done.parse().ok()? })
}

/// `(name: "p95", before: "480", after: "210", unit: Some("ms"))`, the unit left out when none.
fn measure(value: &str) -> Option<Measure> {
    let rest = value.strip_prefix('(')?.strip_suffix(')')?;
    let (name, rest) = named_field(rest, "name")?;
    let (before, rest) = named_field(rest, "before")?;
    let (after, rest) = named_field(rest, "after")?;
    let unit = match rest.is_empty() {
        true => None,
        false => {
            let (unit, rest) = named_field(rest, "unit")?;
            if !rest.is_empty() {
                return None;
            }
            Some(string(some(unit)?)?)
        }
    };
    Some(Measure {
        name: string(name)?,
        before: string(before)?.parse().ok()?,
        after: string(after)?.parse().ok()?,
        unit,
    })
}

/// `name: value, rest` split into the value and the rest.
pub(super) fn named_field<'t>(text: &'t str, name: &str) -> Option<(&'t str, &'t str)> {
    let end = element_end(text)?;
    let value = text[..end].strip_prefix(name)?.strip_prefix(": ")?;
    Some((value, text[end..].strip_prefix(", ").unwrap_or(&text[end..])))
}

/// `[a, b, c]`, each element read by `element` (strings may contain `, `).
fn list<T>(value: &str, element: impl Fn(&str) -> Option<T>) -> Option<Vec<T>> {
    let mut rest = value.strip_prefix('[')?.strip_suffix(']')?;
    let mut out = Vec::new();
    while !rest.is_empty() {
        let end = element_end(rest)?;
        out.push(element(&rest[..end])?);
        rest = rest[end..].strip_prefix(", ").unwrap_or(&rest[end..]);
        if !rest.is_empty() && end == 0 {
            return None;
        }
    }
    Some(out)
}

/// Where the first element of a list body ends: at the first `,` outside quotes and outside
/// parentheses and braces (a checklist entry `(text: "x", done: true)` has a comma of its own,
/// a source's `fields: {"a": "b", "c": "d"}` too).
pub(super) fn element_end(text: &str) -> Option<usize> {
    let mut in_string = false;
    let mut escaped = false;
    let mut depth = 0usize;
    // Byte by byte: every mark looked for is ASCII, and no byte of a multi-byte character is.
    for (i, b) in text.bytes().enumerate() {
        match b {
            _ if escaped => escaped = false,
            b'\\' if in_string => escaped = true,
            b'"' => in_string = !in_string,
            _ if in_string => {}
            b'(' | b'{' => depth += 1,
            b')' | b'}' => depth = depth.checked_sub(1)?,
            b',' if depth == 0 => return Some(i),
            _ => {}
        }
    }
    (!in_string && depth == 0).then_some(text.len())
}

/// A quoted, escaped string as the RON writer makes it.
pub(super) fn string(value: &str) -> Option<String> {
    let inner = value.strip_prefix('"')?.strip_suffix('"')?;
    if !inner.contains('\\') {
        return (!inner.contains('"')).then(|| inner.to_owned());
    }
    let mut out = String::with_capacity(inner.len());
    let mut rest = inner;
    // The text up to each backslash or quote is copied whole (both are ASCII, so the cut falls
    // between characters).
    while let Some(at) = rest.bytes().position(|b| b == b'\\' || b == b'"') {
        out.push_str(&rest[..at]);
        let mut chars = rest[at..].chars();
        match chars.next()? {
            '"' => return None,
            _ => out.push(match chars.next()? {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                '0' => '\0',
                '\\' => '\\',
                '"' => '"',
                '\'' => '\'',
                'u' => {
                    let (hex, after) = chars.as_str().strip_prefix('{')?.split_once('}')?;
                    chars = after.chars();
                    char::from_u32(u32::from_str_radix(hex, 16).ok()?)?
                }
                _ => return None,
            }),
        }
        rest = chars.as_str();
    }
    out.push_str(rest);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate;
    use crate::store::item_text::write_item;

    #[test]
    fn reads_back_what_the_writer_writes() {
        let board = generate::board(400, 9);
        let mut text = String::new();
        for item in board.items() {
            write_item(&mut text, item);
        }
        assert_eq!(parse_items(&text).expect("parses"), board.items());
    }

    #[test]
    fn a_generated_board_with_every_field_is_read_line_by_line() {
        // A field the fast reader missed would send every load through the slow RON parser.
        let mut board = generate::board(2000, 1);
        let text = crate::store::format::to_text(&board).expect("text");
        let mut parsed = parse_board(&text).expect("read line by line");
        parsed.normalize().expect("valid");
        board.normalize().expect("valid");
        assert_eq!(parsed, board);
        assert!(
            crate::store::written::Written::adopt(&parsed, text.clone()).is_ok(),
            "trusted: it writes back the same"
        );
    }

    #[test]
    fn a_board_with_initiatives_is_read_line_by_line() {
        let board = generate::board(600, 2);
        assert!(!board.initiatives().is_empty() && board.items().iter().any(|it| it.phase.is_some()));
        let text = crate::store::format::to_text(&board).expect("text");
        assert_eq!(parse_board(&text), Some(board.clone()), "the fast reader reads the whole board");
        let (read, _) =
            crate::store::format::read(std::path::Path::new("b.ron"), text.into_bytes()).expect("reads");
        assert_eq!(read, board);
    }

    #[test]
    fn odd_strings_survive() {
        for s in
            ["a, b", "quote \" back\\slash", "new\nline\ttab", "it's", "\u{7}\u{301}ünï 🚀", "[x], (y)", ""]
        {
            let quoted: String =
                std::iter::once('"').chain(s.chars().flat_map(char::escape_debug)).chain(['"']).collect();
            assert_eq!(string(&quoted).as_deref(), Some(s), "{quoted}");
        }
        assert_eq!(list("[\"a, b\", \"c\"]", string), Some(vec!["a, b".to_owned(), "c".to_owned()]));
    }

    #[test]
    fn anything_unexpected_gives_up() {
        let mut text = String::new();
        write_item(&mut text, &generate::board(1, 1).items()[0]);
        for broken in [
            text.replace("            id:", "          id:"),
            text.replace("kind: ", "kind:"),
            text.replacen("            title", "            colour: 1,\n            title", 1),
            text.replace("        ),", "        )"),
        ] {
            assert!(parse_items(&broken).is_none(), "{broken}");
        }
    }
}
