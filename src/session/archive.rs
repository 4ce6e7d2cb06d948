//! Archiving and unarchiving under the board's lock: the one place that writes both the board
//! and its archive (docs/FORMAT.md, "The archive"), for the command line ([`Locked`]) and the
//! board screen (`Front::file`, through [`Locked::file`]) alike. The order makes a crash between the two writes
//! harmless: archiving writes the archive first, then the board; unarchiving writes the board
//! first, then the archive. Either way an interrupted run leaves the item in both files, and the
//! next reader of the archive takes the board's copy (`store::archive::read_beside`): an
//! interrupted archive is undone, an interrupted unarchive is finished; nothing is lost and
//! nothing counted twice. The board is written inside the same intent record as every save
//! (`store/intent.rs`), so a stop between the board and the journal leaves the `archived` or
//! `unarchived` lines for the next writer to append.

use super::{ChangeError, Locked, Session};
use crate::domain::archive::{self, ArchiveError};
use crate::domain::change::Op;
use crate::domain::team::activity;
use crate::model::{Board, Item, ItemId, Timestamp};
use crate::store::error::JournalError;
use crate::store::journal::Encoded;
use crate::store::{BoardLock, archive as file};

/// What an archive or unarchive run did.
#[derive(Debug)]
pub struct Filed {
    pub op: Op,
    /// The ids moved.
    pub ids: Vec<ItemId>,
    /// Why the journal could not be written, if it could not (the move is saved all the same).
    pub journal: Option<JournalError>,
    /// How many items the archive holds now.
    pub archived: usize,
}

/// Which items to archive, picked given the board and the archive.
pub type Request<'r> = Box<dyn FnOnce(&Board, &Board) -> Result<Op, ArchiveError> + 'r>;

/// Which way items go between the board and its archive.
pub enum Filing<'r> {
    /// Off the board: the items a request picks.
    Archive(Request<'r>),
    /// Back onto the board, where they were.
    Unarchive(&'r [ItemId]),
}

impl Locked {
    /// The archive beside the locked board, without copies of items that are on the board.
    pub fn archived(&self) -> Result<Board, ChangeError> {
        Ok(file::read_beside(self.session.path(), &self.board)?.1)
    }

    /// Moves the items `request` picks (given the board and the archive) off the board into the
    /// archive: the archive is written first, then the board, then the journal.
    pub fn archive(
        mut self,
        request: impl FnOnce(&Board, &Board) -> Result<Op, ArchiveError>,
        now: Timestamp,
    ) -> Result<Filed, ChangeError> {
        self.session.file_locked(&mut self.board, &self.lock, Filing::Archive(Box::new(request)), now)
    }

    /// Puts the archived items `ids` back on the board: the board is written first, then the
    /// archive, then the journal.
    pub fn unarchive(mut self, ids: &[ItemId], now: Timestamp) -> Result<Filed, ChangeError> {
        self.session.file_locked(&mut self.board, &self.lock, Filing::Unarchive(ids), now)
    }

    /// The board screen's archive or unarchive (`Front::file`): as the command line files, and
    /// with the board as the file has it afterwards, for the screen to take.
    pub fn file(mut self, filing: Filing, now: Timestamp) -> Result<(Filed, Board), ChangeError> {
        let filed = self.session.file_locked(&mut self.board, &self.lock, filing, now)?;
        Ok((filed, self.board))
    }
}

impl Session {
    /// Under `lock`, with `board` as the file has it: the archive read beside it, the request
    /// built on both, the two files written in the order of the filing, then the journal.
    fn file_locked(
        &mut self,
        board: &mut Board,
        lock: &BoardLock,
        filing: Filing,
        now: Timestamp,
    ) -> Result<Filed, ChangeError> {
        let (mut store, archived, _) = file::read_beside(self.store.path(), board)?;
        let archiving = matches!(filing, Filing::Archive(_));
        let (op, archived, items) = match filing {
            Filing::Archive(request) => {
                let op = request(board, &archived)?;
                let items: Vec<Item> = ids_of(&op).iter().filter_map(|id| board.item(*id)).cloned().collect();
                (op, archive::filed(board, archived, items.clone()), items)
            }
            Filing::Unarchive(ids) => {
                let op = archive::unarchive(board, &archived, ids)?;
                let (archived, items) = archive::unfiled(archived, &ids_of(&op));
                (op, archived, items)
            }
        };
        board.apply(op.edit.clone())?;
        if archiving {
            store.save_locked(&archived, lock).map_err(ChangeError::NotSaved)?;
        }
        let stamp = self.writer.stamp(now);
        let entries: Vec<_> =
            items.iter().map(|item| activity::filing_entry(item, archiving, &stamp)).collect();
        let lines = self.journal.encode(&entries);
        self.save_intended(board, lock, &lines)?;
        if !archiving {
            store.save_locked(&archived, lock).map_err(ChangeError::NotSaved)?;
        }
        let journal = match lines.and_then(|lines| self.journal.append_encoded(&lines, lock)) {
            Ok(end) => {
                self.journal_at = end;
                self.journal.intended_done();
                None
            }
            Err(e) => Some(e),
        };
        Ok(Filed { ids: ids_of(&op), op, journal, archived: archived.items.len() })
    }

    /// Saves `board` under `lock` inside an intent record of the journal `lines` (as
    /// `save_and_journal` does), after settling the lines a stopped save left missing.
    fn save_intended(
        &mut self,
        board: &Board,
        lock: &BoardLock,
        lines: &Result<Encoded, JournalError>,
    ) -> Result<(), ChangeError> {
        if let Err(e) = self.journal.settle(lock) {
            tracing::warn!(error = %crate::store::error::sentence(&e), "journal lines of a stopped save not recovered");
        }
        let written = self.store.prepare(board).map_err(ChangeError::NotSaved)?;
        self.intend(written.text(), lines, lock);
        self.store.put_locked(written, lock).map_err(|e| {
            self.journal.intended_done();
            ChangeError::NotSaved(e)
        })
    }
}

/// The items an archive or unarchive op takes off the board or puts back.
fn ids_of(op: &Op) -> Vec<ItemId> {
    let mut touched = Vec::new();
    op.edit.touched(&mut touched);
    touched.into_iter().flatten().collect()
}
