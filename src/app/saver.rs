//! The session's link to the board file. Every change is saved at once, under the board's lock,
//! with what it changed appended to the activity journal. When someone else saved in between,
//! their board is read and merged with this session's changes field by field (their values win
//! where both changed a field: first writer wins), and the conflicts are journaled and reported.
//! A save that fails keeps the change in memory and is retried on the next change; on quit a
//! recovery copy is written.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::domain::change::{Edit, fields};
use crate::domain::team::activity::{Action, Entry, Stamp};
use crate::domain::team::base::Base;
use crate::domain::team::merge::{Conflict, Side};
use crate::domain::team::{activity, changes, merge};
use crate::model::{Board, ItemId, Timestamp};
use crate::store::error::sentence;
use crate::store::journal::Journal;
use crate::store::{BoardLock, Store, atomic, format, paths, users};

/// Whether the file on disk holds the board as the session has it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    /// The last save failed for this reason; the board in memory is newer than the file.
    Unsaved(String),
    /// This session does not write, for this reason (`--readonly`, or no write access).
    ReadOnly(String),
}

/// What other writers changed, and what became of this session's changes.
#[derive(Debug, Default)]
pub struct Merged {
    /// What others did, each with who did it ("bob", "#6 moved to Review").
    pub theirs: Vec<(String, String)>,
    /// This session's values that were not applied, each with who changed the field first.
    pub conflicts: Vec<(Conflict, String)>,
    /// Items this session added that got a new id because theirs was taken.
    pub renumbered: Vec<(ItemId, ItemId)>,
    /// Something went wrong that lost nothing (the journal could not be written).
    pub warning: Option<String>,
    /// What the journal lines read were about (`None`: the settings).
    items: Vec<Option<ItemId>>,
}

impl Merged {
    fn is_empty(&self) -> bool {
        self.theirs.is_empty()
            && self.conflicts.is_empty()
            && self.renumbered.is_empty()
            && self.warning.is_none()
    }
}

#[derive(Debug)]
pub struct Saver {
    store: Store,
    journal: Journal,
    /// How far this session has read the journal: it starts at the end, so a long journal is
    /// never read at start-up, and each reload reads only the lines written since.
    journal_at: u64,
    author: String,
    session: String,
    state: SaveState,
    /// The first version of what this session changed since the file was last read or written.
    base: Base,
    /// Conflicts found outside a save (a form over an item changed meanwhile), journaled next.
    conflicts: Vec<Conflict>,
    /// Who last changed each field (`None`: a setting), from the journal lines read.
    recent: HashMap<(Option<ItemId>, String), String>,
}

impl Saver {
    pub fn new(store: Store, author: String) -> Saver {
        let journal = Journal::of(store.path());
        Saver {
            journal_at: journal.end(),
            journal,
            store,
            author,
            session: users::session_id(),
            state: SaveState::Saved,
            base: Base::default(),
            conflicts: Vec::new(),
            recent: HashMap::new(),
        }
    }

    pub fn set_author(&mut self, author: String) {
        self.author = author;
    }

    /// From now on the session follows the file but never writes it.
    pub fn make_read_only(&mut self, reason: String) {
        self.state = SaveState::ReadOnly(reason);
    }

    pub fn path(&self) -> &Path {
        self.store.path()
    }

    pub fn author(&self) -> &str {
        &self.author
    }

    pub fn state(&self) -> &SaveState {
        &self.state
    }

    /// Why this session cannot change the board, if it cannot.
    pub fn read_only_reason(&self) -> Option<&str> {
        match &self.state {
            SaveState::ReadOnly(reason) => Some(reason),
            _ => None,
        }
    }

    /// Notes what `edit` is about to change on `board` (call it before applying the edit), so
    /// the save can journal it and, if someone else saved first, merge it.
    pub fn note(&mut self, board: &Board, edit: &Edit) {
        self.base.note(board, edit);
    }

    /// Conflicts found outside a save, to be journaled by the next one.
    pub fn note_conflicts(&mut self, conflicts: &[Conflict]) {
        self.conflicts.extend_from_slice(conflicts);
    }

    /// Who changed field `field` of `item` (`None`: a setting) last, as far as the journal read
    /// by this session tells (`column` stands for a move).
    pub fn who_changed(&self, item: Option<ItemId>, field: &str) -> Option<&str> {
        let names: &[&str] = if field == fields::MOVE_NAME { &fields::MOVE } else { &[field] };
        names
            .iter()
            .chain(std::iter::once(&"item"))
            .find_map(|name| self.recent.get(&(item, (*name).to_owned())))
            .map(String::as_str)
    }

    /// Saves `board`. When the file changed on disk, `board` becomes the merge of the file's
    /// board and this session's changes, and that is saved; what happened is returned.
    pub fn save(&mut self, board: &mut Board, now: Timestamp) -> Result<Option<Merged>, String> {
        let idle = self.base.is_empty() && self.conflicts.is_empty() && self.state == SaveState::Saved;
        if self.read_only_reason().is_some() || idle {
            return Ok(None);
        }
        let result = self.save_locked(board, now);
        match &result {
            Ok(_) => self.state = SaveState::Saved,
            Err(reason) => self.state = SaveState::Unsaved(reason.clone()),
        }
        result
    }

    /// Reads the file again if someone else saved it; `board` becomes theirs, merged with this
    /// session's unsaved changes (if any), which are then saved.
    pub fn follow(&mut self, board: &mut Board, now: Timestamp) -> Result<Option<Merged>, String> {
        let pending = !self.base.is_empty() || !self.conflicts.is_empty();
        if pending && self.store.changed_on_disk() {
            return self.save(board, now);
        }
        // Writers save the board, then append to the journal, both under the lock: holding it,
        // what is read of both is one version. A viewer that may not write reads without it,
        // journal first, so a line read always comes with the board it describes.
        let lock = self.read_only_reason().is_none().then(|| BoardLock::acquire(self.store.path()).ok());
        let mut merged = self.read_journal();
        if !self.store.changed_on_disk() {
            // The journal may have news all the same (a conflict that changed nothing).
            return Ok((!merged.is_empty()).then_some(merged));
        }
        let theirs = self.reload()?;
        let later = self.read_journal();
        merged.items.extend(later.items);
        merged.theirs.extend(later.theirs);
        let guessed = self.guess(board, &theirs, &merged);
        merged.theirs.extend(guessed);
        *board = theirs;
        drop(lock);
        Ok(Some(merged))
    }

    /// Under the lock: merge with the file if it changed, save, journal.
    fn save_locked(&mut self, board: &mut Board, now: Timestamp) -> Result<Option<Merged>, String> {
        let lock = BoardLock::acquire(self.store.path()).map_err(|e| sentence(&e))?;
        let mut conflicts = std::mem::take(&mut self.conflicts);
        let theirs = match self.store.changed_on_disk() {
            true => Some(self.reload().inspect_err(|_| self.conflicts = conflicts.clone())?),
            false => None,
        };
        let mut merged = self.read_journal();
        if let Some(theirs) = &theirs {
            // The board as this session last read it: what the other writer changed is measured
            // from it, and it is the merge's base. A copy of the board, made only here.
            let base = self.base.restore(board);
            let guessed = self.guess(&base, theirs, &merged);
            merged.theirs.extend(guessed);
            if self.base.is_empty() {
                *board = theirs.clone();
            } else {
                let result = merge::merge3(&base, board, theirs, Side::Theirs)
                    .map_err(|e| format!("cannot merge with the board saved meanwhile: {e}"))?;
                merged.renumbered = result.renumbered_on(Side::Ours);
                *board = result.board;
                conflicts.extend(result.conflicts);
            }
        }
        // Nothing to write when all of this session's changes were in conflict.
        if !self.base.is_empty() && theirs.as_ref() != Some(board) {
            self.store.save_locked(board, &lock).map_err(|e| sentence(&e))?;
        }
        let stamp = Stamp { author: self.author.clone(), session: self.session.clone(), time: now };
        let mut entries = self.base.entries(theirs.as_ref(), board, &merged.renumbered, &stamp);
        for conflict in conflicts {
            let first = self.first(&conflict);
            entries.push(activity::conflict_entry(&conflict, Some(first.clone()), &stamp));
            merged.conflicts.push((conflict, first));
        }
        match self.journal.append(&entries, &lock) {
            Ok(end) => self.journal_at = end,
            Err(err) => {
                merged.warning = Some(format!("saved, but not recorded in the journal: {}", sentence(&err)))
            }
        }
        self.base = Base::default();
        Ok((!merged.is_empty()).then_some(merged))
    }

    /// The board on disk, read again.
    fn reload(&mut self) -> Result<Board, String> {
        self.store.reload().map_err(|e| {
            format!(
                "the board file changed on disk but cannot be read ({}); it was not overwritten",
                sentence(&e)
            )
        })
    }

    /// What others wrote to the journal since this session last read it, by whom.
    fn read_journal(&mut self) -> Merged {
        let mut merged = Merged::default();
        let Ok((entries, end)) = self.journal.read_since(self.journal_at) else {
            return merged;
        };
        self.journal_at = end;
        let session = self.session.clone();
        for entry in entries.into_iter().filter(|e| e.session.is_empty() || e.session != session) {
            let who = self.who(&entry);
            if entry.action != Action::Conflict {
                self.remember(&entry, &who);
            }
            merged.items.push(entry.item);
            let what = match entry.action {
                Action::Conflict => self.not_applied(&entry),
                _ => entry.summary,
            };
            merged.theirs.push((who, what));
        }
        merged
    }

    /// Another session's conflict, as this session reads it: "#6 title not applied (you were
    /// first)"; its full values are in the journal.
    fn not_applied(&self, entry: &Entry) -> String {
        let fields: Vec<&str> = entry.changes.keys().map(String::as_str).collect();
        let subject =
            entry.item.map_or_else(|| fields.join(", "), |id| format!("#{id} {}", fields.join(", ")));
        let first = match entry.first.as_deref() {
            Some(name) if name == self.author => "you were first".to_owned(),
            Some(name) => format!("{name} was first"),
            None => "someone else was first".to_owned(),
        };
        format!("{subject} not applied ({first})")
    }

    fn who(&self, entry: &Entry) -> String {
        if entry.author == self.author { "another session of yours".into() } else { entry.author.clone() }
    }

    fn remember(&mut self, entry: &Entry, who: &str) {
        let mut names: Vec<String> = entry.changes.keys().cloned().collect();
        if entry.action == Action::Deleted {
            names = vec!["item".into()];
        }
        for name in names {
            self.recent.insert((entry.item, name), who.to_owned());
        }
    }

    /// Who wrote the value that a conflict kept.
    fn first(&self, conflict: &Conflict) -> String {
        let top = conflict.field.split(['.', '[']).next().unwrap_or_default();
        self.who_changed(conflict.item, top).map_or_else(|| self.writer(), str::to_owned)
    }

    /// What changed that no journal line read tells (a writer without a journal, a hand edit),
    /// by the file's owner.
    fn guess(&self, before: &Board, theirs: &Board, told: &Merged) -> Vec<(String, String)> {
        let who = self.writer();
        let known = |id: Option<ItemId>| told.items.contains(&id);
        changes::describe_except(before, theirs, &known).into_iter().map(|line| (who.clone(), line)).collect()
    }

    /// Who saved the version of the file last read, by the file's owner.
    fn writer(&self) -> String {
        match self.store.writer() {
            Some(owner) if owner == users::current_uid() => "another session of yours".into(),
            Some(owner) => users::name_of(owner),
            None => "someone".into(),
        }
    }

    /// Writes the board to a recovery file next to the board (or in the temporary directory if
    /// that is not writable) and returns where.
    pub fn rescue(&self, board: &Board, now: Timestamp) -> Result<PathBuf> {
        let text = format::to_text(board).map_err(anyhow::Error::msg)?;
        let stamp = now.format("%Y%m%d-%H%M%S");
        let name = format!(
            "{}.recovered-{stamp}.ron",
            self.path().file_name().map_or("board".into(), |n| n.to_string_lossy().into_owned())
        );
        let beside = paths::directory_of(self.path()).join(&name);
        let candidates = [beside, std::env::temp_dir().join(&name)];
        let mut last_error = None;
        for path in candidates {
            // A new file, never one that is there already (a link someone planted included).
            match atomic::write_new(&path, text.as_bytes()) {
                Ok(()) => return Ok(path),
                Err(e) => last_error = Some(e),
            }
        }
        Err(last_error.map_or_else(|| anyhow::anyhow!("no place to write to"), anyhow::Error::from))
            .context("cannot write a recovery copy anywhere")
    }
}
