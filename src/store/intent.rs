//! `<board>.intent`: the journal lines of the save under way, written (under the board's lock)
//! before the board file is replaced and removed once the lines are in the journal. A writer
//! stopped between the two leaves it behind; the next writer finds it under the lock and appends
//! the lines the journal misses, marked `recovered`, if the board file is the version the intent
//! names, and drops it otherwise: that change never landed (docs/FORMAT.md, "The intent file").
//! Readers that do not write show those lines as the next writer will write them.

use std::fs;
use std::io::{BufReader, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::bounded::{self, Line, Lines};
use super::error::JournalError;
use super::sidecar::{self, Access};
use super::written::file_fingerprint;
use crate::domain::team::activity::Entry;

/// The intent file's suffix beside the board (docs/FORMAT.md).
pub const SUFFIX: &str = "intent";

/// The intent file's first line: which board the save writes and where the journal ended.
#[derive(Debug, Serialize, Deserialize)]
struct Header {
    /// [`file_fingerprint`] of the board file the save writes, as 32 hexadecimal digits.
    board: String,
    /// The journal's length when the save began: its lines go right after.
    journal: u64,
}

/// A save's journal lines that may not have reached the journal.
#[derive(Debug)]
pub struct Pending {
    /// The journal's length when that save began.
    pub journal: u64,
    /// Its lines, in the order they were to be appended.
    pub entries: Vec<Entry>,
}

/// Records, before the board file at `board` is replaced by `text`, the journal `lines` (one
/// JSON entry each, as encoded for the journal) the save is about to append to a journal now
/// `journal_end` bytes long. Not flushed to disk: it guards against a writer that is stopped,
/// as the board's own save does against a machine that is.
pub fn write(board: &Path, text: &str, journal_end: u64, lines: &[u8]) -> Result<(), JournalError> {
    let path = sidecar::path_of(board, SUFFIX);
    let header =
        Header { board: format!("{:032x}", file_fingerprint(text.as_bytes())), journal: journal_end };
    let mut first =
        serde_json::to_vec(&header).map_err(|source| JournalError::Encode { path: path.clone(), source })?;
    first.push(b'\n');
    let mut file = sidecar::open(board, SUFFIX, Access::ReadWrite)?;
    file.set_len(0)
        .and_then(|()| file.write_all(&first))
        .and_then(|()| file.write_all(lines))
        .map_err(|source| JournalError::Write { path, source })
}

/// The save an intent file beside `board` names, if there is one and the board file holds what
/// that save wrote; `None` when there is none, it does not read, or that save never landed.
pub fn landed(board: &Path) -> Option<Pending> {
    let file = match sidecar::open_to_read(board, SUFFIX) {
        Ok(file) => file?,
        Err(e) => {
            tracing::warn!(error = %super::error::sentence(&e), "intent file not read");
            return None;
        }
    };
    let mut lines = Lines::new(BufReader::new(file), bounded::LINE_CAP);
    let Ok(Some(Line::Whole(first))) = lines.next_line() else { return None };
    let header: Header = serde_json::from_slice(&first).ok()?;
    // The board is read whole here, as every open reads it; only after a stopped save.
    let on_disk = fs::read(board).ok()?;
    if header.board != format!("{:032x}", file_fingerprint(&on_disk)) {
        return None;
    }
    let mut entries = Vec::new();
    while let Ok(Some(line)) = lines.next_line() {
        if let Line::Whole(line) = line
            && let Ok(entry) = serde_json::from_slice::<Entry>(&line)
        {
            entries.push(entry);
        }
    }
    Some(Pending { journal: header.journal, entries })
}

/// Removes the intent file beside `board` (its lines are in the journal, or never will be).
pub fn remove(board: &Path) {
    let path = sidecar::path_of(board, SUFFIX);
    match fs::remove_file(&path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => tracing::warn!(file = %path.display(), error = %e, "intent file not removed"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::team::activity::{Action, Stamp};

    fn entry(summary: &str) -> Entry {
        let stamp = Stamp { author: "ana".into(), session: "s".into(), time: chrono::Utc::now() };
        stamp.entry(None, Action::Settings, serde_json::Map::new(), summary.into())
    }

    #[test]
    fn an_intent_counts_only_when_the_board_holds_what_its_save_wrote() {
        let dir = tempfile::tempdir().expect("tempdir");
        let board = dir.path().join("board.ron");
        fs::write(&board, "old").expect("write");
        let lines = [entry("one"), entry("two")].map(|e| serde_json::to_string(&e).expect("json") + "\n");
        write(&board, "new", 7, lines.concat().as_bytes()).expect("intent");
        assert!(landed(&board).is_none(), "the board still holds the old version");
        fs::write(&board, "new").expect("write");
        let pending = landed(&board).expect("landed");
        assert_eq!(pending.journal, 7);
        let summaries: Vec<&str> = pending.entries.iter().map(|e| e.summary.as_str()).collect();
        assert_eq!(summaries, ["one", "two"]);
        remove(&board);
        assert!(landed(&board).is_none());
        remove(&board);
    }
}
