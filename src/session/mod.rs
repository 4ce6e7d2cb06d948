//! The one write path to the board file, for the command line and the board screen alike: take
//! the board's lock, catch up with other writers (merging field by field), apply, save
//! atomically, append what changed to the activity journal. Who writes and whether they may is a
//! [`Writer`] given when a session is made; stamping, journaling and the read-only refusal are
//! decided here and nowhere else. No terminal code.
//!
//! Two ways in, one way out: the command line locks first and builds its change on the board as
//! the file has it under the lock ([`Session::lock`], [`Locked::apply`]); the board screen applies
//! changes to the board the user sees, noting each ([`Session::note`]), then saves, merging with
//! another writer's save if there was one ([`Session::save`]). Both end in the same step, which
//! saves and journals under the lock.

mod archive;
mod command;
mod error;
pub mod front;
pub mod handed;
mod others;
pub mod queue;
mod screen;
pub mod worker;
mod writer;

#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::path::Path;

pub use archive::{Filed, Filing};
pub use command::Locked;
pub use error::{ChangeError, RescueError, SyncError};
pub use front::Front;
pub use others::authors_of;
pub use screen::{Merged, rescue};
pub use writer::Writer;

use crate::domain::change::{Edit, fields};
use crate::domain::team::activity;
use crate::domain::team::added::Line;
use crate::domain::team::base::Base;
use crate::domain::team::merge::{Conflict, Stranded};
use crate::model::{Board, ItemId, Timestamp};
use crate::store::error::JournalError;
use crate::store::journal::{Encoded, Journal};
use crate::store::written::Written;
use crate::store::{BoardLock, SaveError, Store};

/// Whether the file on disk holds the board as the session has it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    /// A change is on its way to the file (the board screen saves on a thread of its own).
    Saving,
    /// A change waits for the board's lock, held by someone else (who, in words).
    Waiting(String),
    /// The last save failed for this reason; the board in memory is newer than the file.
    Unsaved(String),
    /// This session does not write, for this reason (`--readonly`, or no write access).
    ReadOnly(String),
}

/// A session's link to the board file.
#[derive(Debug)]
pub struct Session {
    store: Store,
    journal: Journal,
    /// How far this session has read the journal: it starts at the end, so a long journal is
    /// never read at start-up, and each reload reads only the lines written since.
    journal_at: u64,
    writer: Writer,
    state: SaveState,
    /// The first version of what this session changed since the file was last read or written.
    base: Base,
    /// What merges found outside a save (a form over an item changed meanwhile, the board
    /// screen's merge with a file saved meanwhile), journaled next.
    found: Findings,
    /// Who last changed each field (`None`: a setting), from the journal lines read.
    recent: HashMap<(Option<ItemId>, String), String>,
    /// A line journaled first at the next save, heading its entries (an import's summary).
    heading: Option<String>,
    /// Told who holds the lock when a save has to wait for it; then the wait has no deadline
    /// (the board screen's writer thread, `worker.rs`). Without it a save waits half a minute.
    on_wait: Option<OnWait>,
    /// How many times the file was read again: a save that failed after reading it leaves a
    /// board merged with it that the screen must take.
    reloads: u64,
}

/// What merges found that the next save journals beside its changes, in the same group of
/// lines: this session's values not applied, and items moved into a column the other side
/// deleted.
#[derive(Clone, Debug, Default)]
pub struct Findings {
    pub conflicts: Vec<Conflict>,
    pub stranded: Vec<Stranded>,
}

impl Findings {
    pub fn is_empty(&self) -> bool {
        self.conflicts.is_empty() && self.stranded.is_empty()
    }

    /// Adds what `later` found.
    pub fn extend(&mut self, later: Findings) {
        self.conflicts.extend(later.conflicts);
        self.stranded.extend(later.stranded);
    }
}

/// Who to tell that a save waits for the lock, and who holds it.
pub struct OnWait(pub Box<dyn Fn(crate::store::lock_holder::Holder) + Send>);

impl std::fmt::Debug for OnWait {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("OnWait")
    }
}

/// From this many journal lines on, a save encodes them on another core while it writes the
/// board's text (below it, a thread costs more than it saves).
const MANY_LINES: usize = 256;

/// What the save-and-journal step did besides saving.
struct Wrote {
    /// The conflicts journaled, each with who changed the field first.
    conflicts: Vec<(Conflict, String)>,
    /// The journal could not be written (the change is saved all the same).
    journal: Result<(), JournalError>,
}

/// Who changed field `field` of `item` last in `recent` (who changed each field, from the
/// journal lines read); `column` stands for a move, and a delete counts for every field.
pub(crate) fn who_changed<'r>(
    recent: &'r HashMap<(Option<ItemId>, String), String>,
    item: Option<ItemId>,
    field: &str,
) -> Option<&'r str> {
    let names: &[&str] = if field == fields::MOVE_NAME { &fields::MOVE } else { &[field] };
    names
        .iter()
        .chain(std::iter::once(&"item"))
        .find_map(|name| recent.get(&(item, (*name).to_owned())))
        .map(String::as_str)
}

impl Session {
    /// A session on the board file of `store`, as read or written last, writing as `writer`.
    pub fn new(store: Store, writer: Writer) -> Session {
        let journal = Journal::of(store.path());
        let state = match writer.read_only_reason() {
            Some(reason) => SaveState::ReadOnly(reason.to_owned()),
            None => SaveState::Saved,
        };
        Session {
            journal_at: journal.end(),
            journal,
            store,
            writer,
            state,
            base: Base::default(),
            found: Findings::default(),
            recent: HashMap::new(),
            heading: None,
            on_wait: None,
            reloads: 0,
        }
    }

    /// This session, writing under another author name.
    pub fn named(mut self, name: String) -> Session {
        self.writer = self.writer.named(name);
        self
    }

    /// This session writing as `writer` (a read-only writer makes it a viewer).
    pub(super) fn set_writer(&mut self, writer: Writer) {
        if let Some(reason) = writer.read_only_reason() {
            self.state = SaveState::ReadOnly(reason.to_owned());
        }
        self.writer = writer;
    }

    /// This session as a viewer: it follows the file but never writes it.
    pub fn read_only(mut self, reason: String) -> Session {
        self.writer = self.writer.read_only(reason.clone());
        self.state = SaveState::ReadOnly(reason);
        self
    }

    pub fn path(&self) -> &Path {
        self.store.path()
    }

    pub fn author(&self) -> &str {
        self.writer.name()
    }

    pub fn state(&self) -> &SaveState {
        &self.state
    }

    /// Why this session cannot change the board, if it cannot.
    pub fn read_only_reason(&self) -> Option<&str> {
        self.writer.read_only_reason()
    }

    /// Refuses a change when this session may not write: the one read-only check of both ways in.
    fn may_write(writer: &Writer) -> Result<(), ChangeError> {
        match writer.read_only_reason() {
            Some(reason) => Err(ChangeError::ReadOnly(reason.to_owned())),
            None => Ok(()),
        }
    }

    /// Notes what `edit` is about to change on `board` (call it before applying the edit), so
    /// the save can journal it and, if someone else saved first, merge it.
    pub fn note(&mut self, board: &Board, edit: &Edit, summary: &str) {
        self.base.note(board, edit, summary);
    }

    /// Conflicts found outside a save, to be journaled by the next one.
    pub fn note_conflicts(&mut self, conflicts: &[Conflict]) {
        self.found.conflicts.extend_from_slice(conflicts);
    }

    /// Who changed field `field` of `item` (`None`: a setting) last, as far as the journal read
    /// by this session tells (`column` stands for a move).
    pub fn who_changed(&self, item: Option<ItemId>, field: &str) -> Option<&str> {
        who_changed(&self.recent, item, field)
    }

    /// Takes over the changes a board screen noted (and what its merges found) since it
    /// handed over its last save, to journal them with the next save (`worker.rs`).
    pub fn take_over(&mut self, base: Base, found: Findings) {
        self.base.absorb(base);
        self.found.extend(found);
    }

    /// Saves from now on wait for the lock as long as it takes, telling `on_wait` who holds it.
    pub fn tell_lock_waits(&mut self, on_wait: OnWait) {
        self.on_wait = Some(on_wait);
    }

    /// Takes the board's lock: with a deadline, or telling who holds it (see `on_wait`).
    fn take_lock(&self) -> Result<BoardLock, crate::store::error::LockError> {
        match &self.on_wait {
            Some(on_wait) => BoardLock::acquire_telling(self.store.path(), |holder| (on_wait.0)(holder)),
            None => BoardLock::acquire(self.store.path()),
        }
    }

    /// The step every change ends with, under `lock`: saves `board` unless all of this session's
    /// noted changes were in conflict (it is `theirs`, the board on disk, then), and appends to
    /// the journal what this session changed (measured from `theirs` when another writer saved in
    /// between) and what merges `found`, stamped with this session's writer. The journal is best
    /// effort: a saved change stays saved when its lines cannot be written.
    fn save_and_journal(
        &mut self,
        board: &Board,
        lock: &BoardLock,
        theirs: Option<&Board>,
        renumbered: &[(ItemId, ItemId)],
        found: Findings,
        now: Timestamp,
    ) -> Result<Wrote, SaveError> {
        // Lines a writer stopped between its save and its journal left missing go first.
        if let Err(e) = self.journal.settle(lock) {
            tracing::warn!(error = %crate::store::error::sentence(&e), "journal lines of a stopped save not recovered");
        }
        let stamp = self.writer.stamp(now);
        let mut entries = self.base.entries(theirs, board, renumbered, &stamp);
        if let Some(heading) = self.heading.take() {
            let note = stamp.entry(None, activity::Action::Note, serde_json::Map::new(), heading);
            entries.insert(0, note.into());
        }
        let mut told = Vec::with_capacity(found.conflicts.len());
        for conflict in found.conflicts {
            let first = self.first(&conflict);
            entries.push(activity::conflict_entry(&conflict, Some(first.clone()), &stamp).into());
            told.push((conflict, first));
        }
        entries.extend(
            found.stranded.iter().map(|stranded| self.stranded_entry(board, stranded, &stamp).into()),
        );
        let saving = !self.base.is_empty() && theirs != Some(board);
        let (lines, written) = self.encode_and_prepare(&entries, saving.then_some(board));
        drop(entries);
        if let Some(written) = written {
            // The lines are recorded before the board is replaced, so that a stop between the
            // save and the journal leaves them for the next writer (docs/FORMAT.md).
            let written = written?;
            self.intend(written.text(), &lines, lock);
            if let Err(e) = self.store.put_locked(written, lock) {
                self.journal.intended_done();
                return Err(e);
            }
        }
        let journal = lines
            .and_then(|lines| self.journal.append_encoded(&lines, lock))
            .map(|end| self.journal_at = end);
        if journal.is_ok() {
            self.journal.intended_done();
        }
        self.base = Base::default();
        Ok(Wrote { conflicts: told, journal })
    }

    /// The journal lines of `entries`, encoded once for the intent file and the journal alike,
    /// and the text of `board` when it is to be saved: side by side on two cores when the lines
    /// are many (an import's), else one after the other.
    fn encode_and_prepare(
        &self,
        entries: &[Line<'_>],
        board: Option<&Board>,
    ) -> (Result<Encoded, JournalError>, Option<Result<Written, SaveError>>) {
        let (journal, store) = (&self.journal, &self.store);
        let prepare = || board.map(|board| store.prepare(board));
        if entries.len() < MANY_LINES {
            return (journal.encode(entries), prepare());
        }
        std::thread::scope(|scope| {
            let encoding = scope.spawn(|| journal.encode(entries));
            let written = prepare();
            // An encoder that panicked goes on panicking here, as it would have on this thread.
            (encoding.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)), written)
        })
    }

    /// Records the intent file of a save of the board as `text` with its journal `lines` (a
    /// save goes on without it, as it would without a journal).
    fn intend(&self, text: &str, lines: &Result<Encoded, JournalError>, lock: &BoardLock) {
        let no_intent = |e: &JournalError| {
            tracing::warn!(error = %crate::store::error::sentence(e), "no intent file for this save");
        };
        match lines {
            Ok(lines) => self.journal.intend(text, lines, lock).map_or_else(|e| no_intent(&e), drop),
            Err(e) => no_intent(e),
        }
    }
}
