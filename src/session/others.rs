//! What other writers did, as this session learns it: the journal lines they appended since this
//! session last read it (by whom, about what), who changed each field last, and a guess by the
//! file's owner at what changed that no journal line tells (a writer without a journal, a hand
//! edit).

use std::path::Path;

use super::Session;
use super::screen::Merged;
use crate::domain::change::fields;
use crate::domain::team::activity::{Action, Entry, Stamp};
use crate::domain::team::changes;
use crate::domain::team::merge::{Conflict, Side, Stranded, report};
use crate::model::{Board, ItemId};
use crate::store::journal::Journal;
use crate::store::users;

impl Session {
    /// What others wrote to the journal since this session last read it, by whom.
    pub(super) fn read_journal(&mut self) -> Merged {
        let mut merged = Merged::default();
        let Ok((entries, end)) = self.journal.read_since(self.journal_at) else {
            return merged;
        };
        self.journal_at = end;
        let writer = self.writer.clone();
        // The save a note heads (an import's summary): its writer's session and time.
        let mut noted: Option<(String, crate::model::Timestamp)> = None;
        for entry in entries {
            if writer.is_own_session(&entry.session) {
                // This session's own line (an archive filed beside its writer) is no news, but
                // it explains its item: the file's change is not guessed as someone else's.
                merged.items.push(entry.item);
                continue;
            }
            let who = self.who(&entry);
            if entry.action != Action::Conflict {
                self.remember(&entry, &who);
            }
            merged.items.push(entry.item);
            if entry.action == Action::Note {
                noted = Some((entry.session.clone(), entry.time));
            } else if noted
                .as_ref()
                .is_some_and(|(session, time)| *session == entry.session && *time == entry.time)
            {
                // Told by the note: one line for the whole import, not one per item.
                continue;
            }
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
            Some(name) if name == self.author() => "you were first".to_owned(),
            Some(name) => format!("{name} was first"),
            None => "someone else was first".to_owned(),
        };
        format!("{subject} not applied ({first})")
    }

    fn who(&self, entry: &Entry) -> String {
        if entry.author == self.author() { "another session of yours".into() } else { entry.author.clone() }
    }

    fn remember(&mut self, entry: &Entry, who: &str) {
        let mut names: Vec<String> = entry.changes.keys().cloned().collect();
        if matches!(entry.action, Action::Deleted | Action::Archived) {
            names = vec!["item".into()];
        }
        for name in names {
            self.recent.insert((entry.item, name), who.to_owned());
        }
    }

    /// Who wrote the value that a conflict kept.
    pub(super) fn first(&self, conflict: &Conflict) -> String {
        let top = conflict.field.split(['.', '[']).next().unwrap_or_default();
        self.who_changed(conflict.item, top).map_or_else(|| self.owner(), str::to_owned)
    }

    /// A journal entry for an item moved into a column the other side deleted, naming this
    /// session's author and "someone else" as the sides (as a conflict's line names its author);
    /// who changed the other side (the track's columns, or the item's column), as the journal
    /// read tells, else the file's owner, is its `first`, as a conflict's.
    pub(super) fn stranded_entry(&self, board: &Board, stranded: &Stranded, stamp: &Stamp) -> Entry {
        let track = board.item(stranded.item).map(|it| it.track.to_string()).unwrap_or_default();
        let (item, field) = match stranded.moved_by {
            Side::Ours => (None, track.as_str()),
            Side::Theirs => (Some(stranded.item), fields::MOVE_NAME),
        };
        let mut entry = report::stranded_entry(board, stranded, (self.author(), "someone else"), stamp);
        entry.first = Some(self.who_changed(item, field).map_or_else(|| self.owner(), str::to_owned));
        entry
    }

    /// What changed that no journal line read tells (a writer without a journal, a hand edit),
    /// by the file's owner.
    pub(super) fn guess(&self, before: &Board, theirs: &Board, told: &Merged) -> Vec<(String, String)> {
        let who = self.owner();
        let known = |id: Option<ItemId>| told.items.contains(&id);
        changes::describe_except(before, theirs, &known).into_iter().map(|line| (who.clone(), line)).collect()
    }

    /// Who saved the version of the file last read, by the file's owner.
    fn owner(&self) -> String {
        match self.store.writer() {
            Some(owner) if owner == users::current_uid() => "another session of yours".into(),
            Some(owner) => users::name_of(owner),
            None => "someone".into(),
        }
    }
}

/// Who made each value that `conflicts` kept, as the journal beside the board at `path` tells:
/// the author of the last entry that changed the field, `None` where no entry did (or the
/// journal cannot be read). One pass, parsing only the lines about the conflicts' items.
pub fn authors_of(path: &Path, conflicts: &[Conflict]) -> Vec<Option<String>> {
    let mut items: Vec<ItemId> = conflicts.iter().filter_map(|c| c.item).collect();
    items.sort_unstable();
    items.dedup();
    if items.is_empty() {
        return vec![None; conflicts.len()];
    }
    let entries = Journal::of(path).about(&items).unwrap_or_else(|e| {
        tracing::warn!(error = %crate::store::error::sentence(&e), "the journal could not be read for who changed what");
        Vec::new()
    });
    conflicts
        .iter()
        .map(|c| {
            let top = c.field.split(['.', '[']).next().unwrap_or_default();
            entries
                .iter()
                .rev()
                .find(|e| e.item == c.item && e.action != Action::Conflict && e.touches(top))
                .map(|e| e.author.clone())
        })
        .collect()
}
