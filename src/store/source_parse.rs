//! Reading an item's `source` record in the layout `item_text.rs` writes it, for the fast reader
//! (`item_parse.rs`); anything unexpected gives up and the RON parser reads the file.

use std::collections::BTreeMap;

use super::item_parse::{element_end, named_field, some, string};
use crate::model::Source;

/// `(system: "github", origin: "…", key: "gh:1", url: Some("…"), fields: {…}, last: {…})`.
pub fn source(value: &str) -> Option<Source> {
    let rest = value.strip_prefix('(')?.strip_suffix(')')?;
    let (system, rest) = named_field(rest, "system")?;
    let (origin, rest) = named_field(rest, "origin")?;
    let (key, mut rest) = named_field(rest, "key")?;
    let mut source =
        Source { system: string(system)?, origin: string(origin)?, key: string(key)?, ..Source::default() };
    if rest.starts_with("url: ") {
        let (url, after) = named_field(rest, "url")?;
        source.url = Some(string(some(url)?)?);
        rest = after;
    }
    if rest.starts_with("fields: ") {
        let (fields, after) = named_field(rest, "fields")?;
        source.fields = map(fields)?;
        rest = after;
    }
    if rest.starts_with("last: ") {
        let (last, after) = named_field(rest, "last")?;
        source.last = map(last)?;
        rest = after;
    }
    // An empty map is left out by the writer: one written anyway is not this layout.
    let written_empty = source.fields.is_empty() && value.contains("fields: {}")
        || source.last.is_empty() && value.contains("last: {}");
    (rest.is_empty() && !written_empty).then_some(source)
}

/// `{"a": "b", "c": "d"}`, keys in order (a `BTreeMap` is written sorted).
fn map(value: &str) -> Option<BTreeMap<String, String>> {
    let mut rest = value.strip_prefix('{')?.strip_suffix('}')?;
    let mut out = BTreeMap::new();
    while !rest.is_empty() {
        let end = element_end(rest)?;
        let (key, value) = pair(&rest[..end])?;
        if out.keys().next_back().is_some_and(|last: &String| *last >= key) {
            return None;
        }
        out.insert(key, value);
        rest = rest[end..].strip_prefix(", ").unwrap_or(&rest[end..]);
        if !rest.is_empty() && end == 0 {
            return None;
        }
    }
    Some(out)
}

/// `"key": "value"`: the colon after the closing quote of the key.
fn pair(text: &str) -> Option<(String, String)> {
    let mut escaped = false;
    // Byte by byte: the marks are ASCII, and no byte of a multi-byte character is.
    for (i, c) in text.bytes().enumerate().skip(1) {
        match c {
            _ if escaped => escaped = false,
            b'\\' => escaped = true,
            b'"' => {
                let (key, rest) = text.split_at(i + 1);
                return Some((string(key)?, string(rest.strip_prefix(": ")?)?));
            }
            _ => {}
        }
    }
    None
}
