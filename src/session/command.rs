//! The command line's way in: one change per run, made under the board's lock on the board as the
//! file has it then, so concurrent commands never lose a change; saved and journaled under the
//! same lock. Refused under read-only, and for a user who may not write the board file, before
//! anything happens.

use std::path::Path;

use super::{ChangeError, Findings, Session, Writer};
use crate::domain::change::Op;
use crate::domain::team::merge::Conflict;
use crate::model::{Board, Timestamp};
use crate::store::error::JournalError;
use crate::store::location::{self, BoardPath, Fresh};
use crate::store::{BoardLock, Store, paths};

/// A session holding the board's lock, with the board as the file has it now.
#[derive(Debug)]
pub struct Locked {
    pub(super) session: Session,
    pub(super) board: Board,
    pub(super) lock: BoardLock,
    created: bool,
}

impl Session {
    /// Takes the lock of the board at `path`, which must exist, and reads it, for one change by
    /// `writer`.
    pub fn lock(path: &Path, writer: Writer) -> Result<Locked, ChangeError> {
        Session::may_write(&writer)?;
        Store::check_writable(path)?;
        Session::board_before_lock(path)?;
        let lock = BoardLock::acquire(path)?;
        let (store, board) = Store::load(path)?;
        Ok(Locked { session: Session::new(store, writer), board, lock, created: false })
    }

    /// [`Session::lock`], creating the board from the starter board if there is none: in
    /// twotrack's own data directory (made if need be), or in a directory that exists.
    pub fn lock_or_create(
        location: &BoardPath,
        writer: Writer,
        now: Timestamp,
    ) -> Result<Locked, ChangeError> {
        Session::lock_or_create_as(location, writer, now, &Fresh::default())
    }

    /// [`Session::lock_or_create`], creating the board `fresh` describes (`init --name --empty`).
    pub fn lock_or_create_as(
        location: &BoardPath,
        writer: Writer,
        now: Timestamp,
        fresh: &Fresh,
    ) -> Result<Locked, ChangeError> {
        let path = &location.path;
        Session::may_write(&writer)?;
        Store::check_writable(path)?;
        if location.default {
            Store::prepare_directory(path)?;
        } else {
            let dir = paths::directory_of(path);
            if !dir.is_dir() {
                return Err(ChangeError::NoDirectory(dir.to_path_buf()));
            }
        }
        if path.exists() {
            Session::board_before_lock(path)?;
        }
        let lock = BoardLock::acquire(path)?;
        let opened = Store::open_locked(path, &lock, || location::fresh_board(now, fresh))?;
        let session = Session::new(opened.store, writer);
        Ok(Locked { session, board: opened.board, lock, created: opened.created })
    }
}

impl Session {
    /// Reads the board at `path` before its first lock file is made beside it: a path that is
    /// not there, or a file that is not a board (a link to something else), is refused before
    /// any file is created. Once the lock file exists this costs nothing.
    fn board_before_lock(path: &Path) -> Result<(), ChangeError> {
        if !paths::sibling(path, "lock").exists() {
            Store::load(path)?;
        }
        Ok(())
    }
}

impl Locked {
    /// The board as the file has it now: build the change on it.
    pub fn board(&self) -> &Board {
        &self.board
    }

    /// Whether the file did not exist and was created from the starter board.
    pub fn created(&self) -> bool {
        self.created
    }

    pub fn path(&self) -> &Path {
        self.session.path()
    }

    /// Applies `op` (built on [`Locked::board`]), saves the board and journals what changed,
    /// then lets go of the lock; an op that changes nothing writes nothing. Returns why the
    /// journal could not be written, if it could not: the change is saved all the same.
    pub fn apply(self, op: &Op, now: Timestamp) -> Result<Option<JournalError>, ChangeError> {
        self.apply_with(op.clone(), Vec::new(), false, now)
    }

    /// [`Locked::apply`], journaling the op's summary as a note heading its entries and
    /// `conflicts` beside them: values that were not applied (an import's, where this board's
    /// value was kept; docs/guide/import-export.md), each with who made the value kept when that
    /// is known ([`authors_of`](super::authors_of)). The op is taken, not copied: an import's
    /// holds every item it adds.
    pub fn apply_noting(
        mut self,
        op: Op,
        conflicts: Vec<(Conflict, Option<String>)>,
        now: Timestamp,
    ) -> Result<Option<JournalError>, ChangeError> {
        let mut plain = Vec::with_capacity(conflicts.len());
        for (conflict, author) in conflicts {
            if let Some(author) = author {
                self.session.recent.insert((conflict.item, conflict.field.clone()), author);
            }
            plain.push(conflict);
        }
        self.apply_with(op, plain, true, now)
    }

    fn apply_with(
        mut self,
        op: Op,
        conflicts: Vec<Conflict>,
        heading: bool,
        now: Timestamp,
    ) -> Result<Option<JournalError>, ChangeError> {
        if op.edit.is_noop() {
            return Ok(None);
        }
        self.session.note(&self.board, &op.edit, &op.summary);
        if heading {
            self.session.heading = Some(op.summary);
        }
        self.board.apply(op.edit)?;
        let wrote = self
            .session
            .save_and_journal(
                &self.board,
                &self.lock,
                None,
                &[],
                Findings { conflicts, stranded: Vec::new() },
                now,
            )
            .map_err(ChangeError::NotSaved)?;
        Ok(wrote.journal.err())
    }
}
