//! The board file's text: the fixed pretty layout we write, and reading with errors that say
//! where (line and column) and what was expected.

use std::path::Path;

use serde::Deserialize;

use super::error::{FileError, WriteError};
use super::item_parse;
use super::written::{OtherLayout, Written};
use crate::domain::change::validate::{Invalid, Subject};
use crate::model::{Board, FORMAT_VERSION};

/// The board as file text. Refuses to return text that does not read back as the same board.
pub fn to_text(board: &Board) -> Result<String, WriteError> {
    Written::new(board, None).map(|w| w.text().to_owned())
}

/// Reads a board from the bytes of the file at `path`, keeping the file's text (a save then
/// rewrites only the items that changed when the file is in twotrack's own layout).
pub fn read(path: &Path, bytes: Vec<u8>) -> Result<(Board, Written), FileError> {
    let fail = |position, message: String| FileError { path: path.to_path_buf(), position, message };
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let valid_up_to = e.utf8_error().valid_up_to();
        let valid = std::str::from_utf8(&bytes[..valid_up_to]).unwrap_or_default();
        let at = position_of(valid, valid.len());
        fail(Some(at), "the file is not UTF-8 text; it may not be a twotrack board".into())
    })?;
    if text.trim().is_empty() {
        return Err(fail(None, "the file is empty; expected a twotrack board".into()));
    }
    // A file in twotrack's own layout is read line by line; the result counts only if it
    // writes back byte for byte to the same text.
    match item_parse::parse_board(&text) {
        Some(mut board) => {
            if board.version == FORMAT_VERSION && board.normalize().is_ok() {
                match Written::adopt(&board, text) {
                    Ok(written) => return Ok((board, written)),
                    Err(OtherLayout(back)) => text = back,
                }
                tracing::info!(file = %path.display(), "fast load declined: not exactly what twotrack writes");
            } else {
                tracing::info!(file = %path.display(), "fast load declined: another version or an invalid board");
            }
        }
        None => tracing::info!(file = %path.display(), "fast load declined: not in twotrack's own layout"),
    }
    let mut board: Board = ron::from_str(&text).map_err(|e| {
        // A newer file often fails on a field this version does not know: say why.
        if let Some((position, message)) = probe_version(&text).and_then(|v| newer(&text, v)) {
            return fail(position, message);
        }
        let at = (e.span.start.line, e.span.start.col);
        let mut message = describe(&e.code);
        if on_last_line(&text, at.0) && !matches!(e.code, ron::Error::Eof) {
            message.push_str("; the file ends there, so it looks truncated");
        }
        fail(Some(at), message)
    })?;
    if let Some((position, message)) = newer(&text, board.version) {
        return Err(fail(position, message));
    }
    board.normalize().map_err(|invalid| {
        let at = locate(&text, &invalid.subject).map(|offset| position_of(&text, offset));
        fail(at, invalid.message)
    })?;
    let written = Written::adopt(&board, text).unwrap_or_else(Written::unadopted);
    Ok((board, written))
}

/// The error for a broken rule of the board read from `text`, at its line and column.
pub fn located(path: &Path, text: &str, invalid: Invalid) -> FileError {
    let position = locate(text, &invalid.subject).map(|offset| position_of(text, offset));
    FileError { path: path.to_path_buf(), position, message: invalid.message }
}

/// Reads a board from the bytes of the file at `path`.
pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Board, FileError> {
    read(path, bytes.to_vec()).map(|(board, _)| board)
}

/// The `version` of a file that does not read as a board (if it parses that far).
fn probe_version(text: &str) -> Option<u32> {
    #[derive(Deserialize)]
    struct Probe {
        #[serde(default)]
        version: u32,
    }
    ron::from_str::<Probe>(text).ok().map(|p| p.version)
}

/// The refusal of a file written by a newer twotrack, with where its version is.
fn newer(text: &str, version: u32) -> Option<(Option<(usize, usize)>, String)> {
    (version > FORMAT_VERSION).then(|| {
        let at = locate(text, &Subject::Field("version")).map(|o| position_of(text, o));
        let message = format!(
            "it was written by a newer twotrack (format version {version}; this one reads version \
             {FORMAT_VERSION}), so it is left untouched; upgrade twotrack to open it"
        );
        (at, message)
    })
}

fn describe(code: &ron::Error) -> String {
    let what = |outer: &Option<String>| match outer.as_deref() {
        Some("Item") => "an item".to_owned(),
        Some("Board") | None => "the board".to_owned(),
        Some(other) => format!("a {}", other.to_lowercase()),
    };
    match code {
        ron::Error::Eof => "the file ends too early; it looks truncated".into(),
        ron::Error::NoSuchStructField { expected, found, outer } => format!(
            "unknown field `{found}` in {} (this version knows {})",
            what(outer),
            expected.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(", ")
        ),
        ron::Error::MissingStructField { field, outer } => {
            format!("{} is missing the field `{field}`", what(outer))
        }
        ron::Error::DuplicateStructField { field, outer } => {
            format!("{} has the field `{field}` twice", what(outer))
        }
        other => {
            let text = other.to_string();
            let mut chars = text.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => text,
            }
        }
    }
}

/// Whether `line` is the last line of `text` that is not blank.
fn on_last_line(text: &str, line: usize) -> bool {
    let last = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()).map(|(i, _)| i + 1).last();
    last.is_none_or(|last| line >= last)
}

/// Byte offset in `text` of what `subject` names, found by its `key: value` in the text.
fn locate(text: &str, subject: &Subject) -> Option<usize> {
    match subject {
        Subject::Item { id, occurrence } => {
            let items = find_key(text, "items", |_| true).next()?;
            find_key(&text[items..], "id", |value| leading_number(value) == Some(*id))
                .nth(*occurrence)
                .map(|o| items + o)
        }
        Subject::ItemField { id, field } => {
            let item = locate(text, &Subject::Item { id: *id, occurrence: 0 })?;
            find_key(&text[item..], field, |_| true).next().map(|o| item + o)
        }
        Subject::Column { id, occurrence } => {
            let quoted = format!("\"{id}\"");
            find_key(text, "id", |value| value.starts_with(&quoted)).nth(*occurrence)
        }
        Subject::Field(name) => find_key(text, name, |_| true).next(),
    }
}

/// Offsets of `key` used as a field name (`key:`), whose value passes `accept`.
fn find_key<'t>(
    text: &'t str,
    key: &'t str,
    accept: impl Fn(&str) -> bool + 't,
) -> impl Iterator<Item = usize> + 't {
    text.match_indices(key).filter_map(move |(at, _)| {
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            return None;
        }
        let rest = text[at + key.len()..].trim_start();
        let value = rest.strip_prefix(':')?.trim_start();
        accept(value).then_some(at)
    })
}

fn leading_number(text: &str) -> Option<u64> {
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// 1-based line and column (in characters) of a byte offset.
fn position_of(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}
