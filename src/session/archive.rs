//! Archiving and unarchiving under the board's lock: the one place that writes both the board
//! and its archive (docs/FORMAT.md, "The archive"). The order makes a crash between the two
//! writes harmless: archiving writes the archive first, then the board; unarchiving writes the
//! board first, then the archive. Either way an interrupted run leaves the item in both files,
//! and the next reader of the archive takes the board's copy (`store::archive::read_beside`):
//! an interrupted archive is undone, an interrupted unarchive is finished; nothing is lost and
//! nothing counted twice. The journal is written last, as for every change.

use super::{ChangeError, Locked};
use crate::domain::archive::{self, ArchiveError};
use crate::domain::change::Op;
use crate::domain::team::activity;
use crate::model::{Board, Item, ItemId, Timestamp};
use crate::store::error::JournalError;
use crate::store::{Store, archive as file};

/// What an archive or unarchive run did.
#[derive(Debug)]
pub struct Filed {
    pub op: Op,
    /// The ids moved.
    pub ids: Vec<ItemId>,
    /// Why the journal could not be written, if it could not (the move is saved all the same).
    pub journal: Option<JournalError>,
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
        let (mut store, archived, _) = file::read_beside(self.session.path(), &self.board)?;
        let op = request(&self.board, &archived)?;
        let ids = ids_of(&op);
        let items: Vec<Item> = ids.iter().filter_map(|id| self.board.item(*id)).cloned().collect();
        let archived = archive::filed(&self.board, archived, items.clone());
        self.board.apply(op.edit.clone())?;
        store.save_locked(&archived, &self.lock).map_err(ChangeError::NotSaved)?;
        self.save_board()?;
        let journal = self.journal(&items, true, now);
        Ok(Filed { op, ids, journal })
    }

    /// Puts the archived items `ids` back on the board: the board is written first, then the
    /// archive, then the journal.
    pub fn unarchive(mut self, ids: &[ItemId], now: Timestamp) -> Result<Filed, ChangeError> {
        let (mut store, archived, _) = file::read_beside(self.session.path(), &self.board)?;
        let op = archive::unarchive(&self.board, &archived, ids)?;
        let ids = ids_of(&op);
        let (archived, _) = archive::unfiled(archived, &ids);
        self.board.apply(op.edit.clone())?;
        self.save_board()?;
        store.save_locked(&archived, &self.lock).map_err(ChangeError::NotSaved)?;
        let items: Vec<Item> = ids.iter().filter_map(|id| self.board.item(*id)).cloned().collect();
        let journal = self.journal(&items, false, now);
        Ok(Filed { op, ids, journal })
    }

    fn save_board(&mut self) -> Result<(), ChangeError> {
        let store: &mut Store = &mut self.session.store;
        store.save_locked(&self.board, &self.lock).map_err(ChangeError::NotSaved)
    }

    fn journal(&mut self, items: &[Item], archived: bool, now: Timestamp) -> Option<JournalError> {
        let stamp = self.session.writer.stamp(now);
        let entries: Vec<_> =
            items.iter().map(|item| activity::filing_entry(item, archived, &stamp)).collect();
        self.session.journal.append(&entries, &self.lock).err()
    }
}

/// The items an archive or unarchive op takes off the board or puts back.
fn ids_of(op: &Op) -> Vec<ItemId> {
    let mut touched = Vec::new();
    op.edit.touched(&mut touched);
    touched.into_iter().flatten().collect()
}
