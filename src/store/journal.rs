//! The activity journal file, `<board>.journal`: one JSON object per line (docs/guide/teams-and-git.md, "The activity
//! journal"), appended by every save under the board's lock in a single `write` to a file opened
//! with `O_APPEND`, never rewritten. A line that does not read (a crash in the middle of a write)
//! is skipped, never fatal.
//!
//! Reading API, for the board screen and for later features (standups, sprint history):
//! - [`Journal::end`]: where the journal ends now, without reading it (a session starts there);
//! - [`Journal::read_since`]: the entries appended after a byte offset, and the new offset
//!   ([`Journal::each_since`] hands them over one by one, for the charts' replay);
//! - [`Journal::entries`]: every entry, optionally since a time and for one item, in order;
//! - [`Journal::about_deleted`], [`Journal::deletes`]: what a restore and the trash read;
//! - [`Journal::recent`]: the entries since a time, read backwards from the end, so that the cost
//!   follows the entries wanted and not the journal's length (standups, every morning).

use std::io::{BufReader, Read, Seek, SeekFrom, Write};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};

use super::bounded::{LINE_CAP, Line, Lines};
use super::error::JournalError;
use super::paths::sibling;
use super::sidecar::Access;
use super::{BoardLock, intent, sidecar};
use crate::domain::team::activity::{Action, Entry};
use crate::model::{ItemId, Timestamp};

/// The journal of one board.
#[derive(Clone, Debug)]
pub struct Journal {
    board: PathBuf,
    suffix: &'static str,
    path: PathBuf,
}

/// Journal lines, one JSON object each, encoded once ([`Journal::encode`]).
#[derive(Debug, Default)]
pub struct Encoded(Vec<u8>);

/// The journal's suffix beside the board (docs/FORMAT.md).
const SUFFIX: &str = "journal";

impl Journal {
    /// The journal beside the board file at `board`.
    pub fn of(board: &Path) -> Journal {
        Journal::beside(board, SUFFIX)
    }

    /// A file in the journal's format beside the board, `<board>.<suffix>` (the merge note
    /// beside the board is one).
    pub fn beside(board: &Path, suffix: &'static str) -> Journal {
        Journal { board: board.to_owned(), suffix, path: sibling(board, suffix) }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The byte offset where the journal ends now (0 when there is none), read from its size.
    pub fn end(&self) -> u64 {
        std::fs::metadata(&self.path).map_or(0, |m| m.len())
    }

    /// Appends `entries` in one write, while the caller holds the board's lock; returns where
    /// the journal ends after them.
    pub fn append(&self, entries: &[Entry], lock: &BoardLock) -> Result<u64, JournalError> {
        self.append_encoded(&self.encode(entries)?, lock)
    }

    /// `entries` as the journal's lines, encoded once for the intent file and the journal alike.
    pub fn encode<T: serde::Serialize>(&self, entries: &[T]) -> Result<Encoded, JournalError> {
        let mut text = Vec::new();
        for entry in entries {
            serde_json::to_writer(&mut text, entry)
                .map_err(|source| JournalError::Encode { path: self.path.clone(), source })?;
            text.push(b'\n');
        }
        Ok(Encoded(text))
    }

    /// Appends the encoded `lines` in one write, while the caller holds the board's lock;
    /// returns where the journal ends after them.
    pub fn append_encoded(&self, lines: &Encoded, _lock: &BoardLock) -> Result<u64, JournalError> {
        let failed = |source| JournalError::Write { path: self.path.clone(), source };
        if lines.0.is_empty() {
            return Ok(self.end());
        }
        // Created (group-shared in a shared directory) and opened the one safe way for sidecars.
        let file = sidecar::open(&self.board, self.suffix, Access::Append)?;
        // A line cut short by a crash must not swallow the first entry written after it.
        let len = file.metadata().map_err(failed)?.len();
        let mut last = [0u8; 1];
        let cut_short = len > 0 && file.read_exact_at(&mut last, len - 1).is_ok() && last[0] != b'\n';
        // One write either way (the line ending first only after a crash, so copying is rare).
        match cut_short {
            true => (&file).write_all(&[b"\n".as_slice(), &lines.0].concat()),
            false => (&file).write_all(&lines.0),
        }
        .map_err(failed)?;
        Ok(file.metadata().map_err(failed)?.len())
    }

    /// The entries appended after byte `offset`, and the offset after the last whole line read.
    /// A last line without its newline (being written, or cut by a crash) is left for later,
    /// unless it is already longer than a line may be: it is skipped then, as it will be when
    /// whole. A journal shorter than `offset` was replaced: it is read from its start.
    pub fn read_since(&self, offset: u64) -> Result<(Vec<Entry>, u64), JournalError> {
        let mut entries = Vec::new();
        let end = self.each_since(offset, |entry| entries.push(entry))?;
        Ok((entries, end))
    }

    /// [`Journal::read_since`] streamed: each line read as `T` and handed to `each` as it is
    /// read, so a long journal is never held whole. A reader that needs a few fields of each
    /// line names only those (unknown fields are skipped, not built); lines that do not read as
    /// `T` are skipped like any unreadable line. Returns the offset after the last whole line.
    pub fn each_since<T: serde::de::DeserializeOwned>(
        &self,
        offset: u64,
        mut each: impl FnMut(T),
    ) -> Result<u64, JournalError> {
        let failed = self.read_failed();
        let Some(mut file) = self.open_to_read(self.suffix)? else {
            return Ok(0);
        };
        let len = file.metadata().map_err(failed)?.len();
        let start = if len < offset { 0 } else { offset };
        file.seek(SeekFrom::Start(start)).map_err(failed)?;
        let mut lines = Lines::new(BufReader::new(file.take(len - start)), LINE_CAP);
        let (mut at, mut too_long) = (start, 0);
        while let Some(read) = lines.next_read().map_err(failed)? {
            match read.line {
                Line::Whole(_) if !read.ended => break,
                // Checked as UTF-8 once, so the JSON reader need not check each string again.
                Line::Whole(line) => {
                    if let Some(entry) =
                        std::str::from_utf8(&line).ok().and_then(|l| serde_json::from_str(l).ok())
                    {
                        each(entry);
                    }
                }
                Line::TooLong => too_long += 1,
            }
            at += read.len;
        }
        warn_too_long(&self.path, too_long);
        Ok(at)
    }

    /// Every entry in the order written, those since `since` (inclusive) and about `item`
    /// when given. Reads the whole file: for the command line and reports, not for each key.
    pub fn entries(
        &self,
        since: Option<Timestamp>,
        item: Option<ItemId>,
    ) -> Result<Vec<Entry>, JournalError> {
        Ok(self.read_entries(since, item)?.entries)
    }

    /// [`Journal::entries`], with how many lines were too long to read; the lines of a save
    /// whose writer was stopped before journaling them come last, marked `recovered`.
    pub fn read_entries(
        &self,
        since: Option<Timestamp>,
        item: Option<ItemId>,
    ) -> Result<Reading, JournalError> {
        let wanted = |entry: &Entry| {
            since.is_none_or(|t| entry.time >= t) && item.is_none_or(|id| entry.item == Some(id))
        };
        let mut reading = Reading::default();
        // No journal yet is no line yet: a first save stopped before its line still has one.
        if let Some(file) = self.open_to_read(self.suffix)? {
            let mut lines = Lines::new(BufReader::new(file), LINE_CAP);
            while let Some(line) = lines.next_line().map_err(self.read_failed())? {
                match line {
                    Line::Whole(line) => reading.entries.extend(parse(&line).filter(|e| wanted(e))),
                    Line::TooLong => reading.too_long += 1,
                }
            }
            warn_too_long(&self.path, reading.too_long);
        }
        reading.entries.extend(self.missing().into_iter().filter(|e| wanted(e)));
        Ok(reading)
    }

    /// The entries, in the order written, whose line contains `needle`: a text search first, so
    /// that a 100,000-line journal is parsed only where it matters (restore, trash).
    pub fn containing(&self, needle: &str) -> Result<Vec<Entry>, JournalError> {
        self.containing_any(&[needle])
    }

    /// [`Journal::containing`] for lines that contain any of `needles`, in one pass.
    pub fn containing_any(&self, needles: &[&str]) -> Result<Vec<Entry>, JournalError> {
        let Some(file) = self.open_to_read(self.suffix)? else {
            return Ok(Vec::new());
        };
        let (mut out, mut too_long) = (Vec::new(), 0);
        let mut lines = Lines::new(BufReader::new(file), LINE_CAP);
        while let Some(line) = lines.next_line().map_err(self.read_failed())? {
            match line {
                Line::Whole(line)
                    if std::str::from_utf8(&line).is_ok_and(|t| needles.iter().any(|n| t.contains(n))) =>
                {
                    out.extend(parse(&line))
                }
                Line::Whole(_) => {}
                Line::TooLong => too_long += 1,
            }
        }
        warn_too_long(&self.path, too_long);
        Ok(out)
    }

    /// The entries about any of `items`, in the order written.
    pub fn about(&self, items: &[ItemId]) -> Result<Vec<Entry>, JournalError> {
        let needles: Vec<String> = items.iter().map(|id| format!("\"item\":{id},")).collect();
        let needles: Vec<&str> = needles.iter().map(String::as_str).collect();
        let mut entries = self.containing_any(&needles)?;
        entries.retain(|e| e.item.is_some_and(|id| items.contains(&id)));
        Ok(entries)
    }

    /// What a restore of `id` reads: the entries about `id`, and those of the save that last
    /// deleted it (the references other items lost), in the order written.
    pub fn about_deleted(&self, id: ItemId) -> Result<Vec<Entry>, JournalError> {
        let mut entries = self.containing(&format!("\"item\":{id},"))?;
        let last_delete = entries.iter().rev().find(|e| e.action == Action::Deleted);
        let Some(time) = last_delete.and_then(|e| serde_json::to_string(&e.time).ok()) else {
            return Ok(entries);
        };
        let same_save = self.containing(&format!("\"time\":{time}"))?;
        entries.extend(same_save.into_iter().filter(|e| e.item != Some(id)));
        Ok(entries)
    }

    /// The entries of deletes, in the order written (`trash`).
    pub fn deletes(&self) -> Result<Vec<Entry>, JournalError> {
        self.containing("\"action\":\"deleted\"")
    }

    /// Opens `<board>.<suffix>` to read, if it is there.
    fn open_to_read(&self, suffix: &str) -> Result<Option<std::fs::File>, JournalError> {
        sidecar::open_to_read(&self.board, suffix)
            .map_err(|source| JournalError::Open { path: self.path.clone(), source })
    }

    /// The error for a read of the journal that failed.
    fn read_failed(&self) -> impl Fn(std::io::Error) -> JournalError + Copy + '_ {
        |source| JournalError::Read { path: self.path.clone(), source }
    }
}

/// How far back of `since` reading goes on before it stops: writers' clocks may differ a little,
/// so the journal is in time order only to within this.
const CLOCK_SLACK_MINUTES: i64 = 10;

/// Bytes read from the end at a time.
const CHUNK: u64 = 64 * 1024;

impl Journal {
    /// The entries written at or after `since`, in the order written. Reads backwards from the
    /// end, a chunk at a time, and stops at the first entry older than `since` by more than the
    /// clock slack; lines that do not read are skipped.
    pub fn recent(&self, since: Timestamp) -> Result<Vec<Entry>, JournalError> {
        let failed = self.read_failed();
        let mut newest_first = self.missing();
        newest_first.retain(|e| e.time >= since);
        let Some(file) = self.open_to_read(SUFFIX)? else {
            return Ok(newest_first);
        };
        newest_first.reverse();
        let stop = since - chrono::Duration::minutes(CLOCK_SLACK_MINUTES);
        let mut pos = file.metadata().map_err(failed)?.len();
        // The start of a line whose beginning lies in the chunk before; never longer than a line
        // may be, so a line with no end costs one pass, not a pass per chunk.
        let mut carry: Vec<u8> = Vec::new();
        let mut overlong = false;
        let mut too_long = 0;
        while pos > 0 {
            let start = pos.saturating_sub(CHUNK);
            let mut chunk = vec![0u8; usize::try_from(pos - start).unwrap_or(0)];
            file.read_exact_at(&mut chunk, start).map_err(failed)?;
            pos = start;
            if overlong {
                // The rest of the line too long to read lies in this chunk, up to its last newline.
                let Some(newline) = chunk.iter().rposition(|b| *b == b'\n') else { continue };
                chunk.truncate(newline + 1);
                (overlong, too_long) = (false, too_long + 1);
            } else {
                chunk.extend_from_slice(&carry);
            }
            let first_whole = match (start, chunk.iter().position(|b| *b == b'\n')) {
                (0, _) => 0,
                (_, Some(newline)) => newline + 1,
                (_, None) => chunk.len(),
            };
            for line in chunk[first_whole..].rsplit(|b| *b == b'\n') {
                if line.len() > LINE_CAP {
                    too_long += 1;
                    continue;
                }
                let Some(entry) = parse(line) else { continue };
                if entry.time < stop {
                    warn_too_long(&self.path, too_long);
                    newest_first.reverse();
                    return Ok(newest_first);
                }
                if entry.time >= since {
                    newest_first.push(entry);
                }
            }
            chunk.truncate(first_whole);
            carry = chunk;
            if carry.len() > LINE_CAP {
                (carry, overlong) = (Vec::new(), true);
            }
        }
        too_long += usize::from(overlong);
        warn_too_long(&self.path, too_long);
        newest_first.reverse();
        Ok(newest_first)
    }
}

impl Journal {
    /// Records the lines a save of the board as `text` is about to append (`store/intent.rs`),
    /// before the board file is replaced, while the caller holds the board's lock.
    pub fn intend(&self, text: &str, lines: &Encoded, _lock: &BoardLock) -> Result<(), JournalError> {
        intent::write(&self.board, text, self.end(), &lines.0)
    }

    /// The save's lines are in the journal (or the save failed): its intent file goes.
    pub fn intended_done(&self) {
        intent::remove(&self.board);
    }

    /// Appends, under the board's lock, the lines a writer stopped between saving the board and
    /// journaling left missing (`recovered`), then removes its intent file; returns how many.
    /// When the journal cannot be written the intent file stays for the next writer.
    pub fn settle(&self, lock: &BoardLock) -> Result<usize, JournalError> {
        let missing = self.missing();
        if !missing.is_empty() {
            self.append(&missing, lock)?;
            tracing::info!(journal = %self.path.display(), lines = missing.len(), "journal lines of a stopped save recovered");
        }
        intent::remove(&self.board);
        Ok(missing.len())
    }

    /// The lines of a save whose board landed but whose journal lines did not (all of them, or
    /// those after a line cut short), marked `recovered`; empty almost always.
    pub fn missing(&self) -> Vec<Entry> {
        if self.suffix != SUFFIX {
            return Vec::new();
        }
        let Some(pending) = intent::landed(&self.board) else { return Vec::new() };
        // Lines after the offset the save began at are its own: every other writer settles
        // before it writes, under the same lock.
        let written = match self.end() >= pending.journal {
            true => self.read_since(pending.journal).map_or(0, |(entries, _)| entries.len()),
            false => 0,
        };
        let mut missing: Vec<Entry> = pending.entries.into_iter().skip(written).collect();
        for entry in &mut missing {
            entry.recovered = true;
        }
        missing
    }
}

/// What reading the whole journal found.
#[derive(Debug, Default)]
pub struct Reading {
    pub entries: Vec<Entry>,
    /// Lines longer than [`LINE_CAP`], skipped.
    pub too_long: usize,
}

/// Says once per read that lines were skipped for their length.
fn warn_too_long(path: &Path, count: usize) {
    if count > 0 {
        tracing::warn!(journal = %path.display(), count, cap = LINE_CAP, "journal lines too long to read were skipped");
    }
}

fn parse(line: &[u8]) -> Option<Entry> {
    serde_json::from_slice(line).ok()
}

#[cfg(test)]
#[path = "journal_tests.rs"]
mod tests;
