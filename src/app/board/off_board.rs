//! The board screen's side of what is off the board: opening the recently deleted items (read
//! from the journal when the list opens) and the archive (read when its list opens), taking an
//! item back (a restore is a change like any other, one undo step; an unarchive is a filing
//! through the session's write order), the archive policy after a sprint is closed on the
//! screen, and the count of archived items the header shows (docs/guide/archive.md).

use std::path::Path;
use std::sync::{Arc, OnceLock};

use crate::app::App;
use crate::app::screens::Overlay;
use crate::app::screens::off_board::{OffBoard, Row, Shelf};
use crate::app::status::Status;
use crate::domain::archive;
use crate::domain::team::trash;
use crate::model::{Board, ItemId, Track};
use crate::session::{Filed, Filing};
use crate::store::archive as archive_file;
use crate::store::error::sentence;
use crate::store::journal::Journal;

/// Above this size the archive's items are counted on a thread of their own, so a large
/// archive never holds up the first frame; below it counting takes about a millisecond.
const COUNT_AT_ONCE: u64 = 4 << 20;

/// How many items the archive holds, as far as is known: counted at start-up (see
/// [`COUNT_AT_ONCE`]) and set again whenever this session reads or writes the archive.
#[derive(Debug, Default)]
pub struct ArchiveCount(Arc<OnceLock<usize>>);

impl ArchiveCount {
    /// Starts counting the archive beside the board at `path`.
    pub fn start(path: &Path) -> ArchiveCount {
        let count = ArchiveCount::default();
        if archive_file::size(path) <= COUNT_AT_ONCE {
            if let Some(n) = archive_file::count(path) {
                _ = count.0.set(n);
            }
        } else {
            let (cell, path) = (Arc::clone(&count.0), path.to_path_buf());
            let counting = std::thread::Builder::new().name("archive count".into()).spawn(move || {
                if let Some(n) = archive_file::count(&path) {
                    _ = cell.set(n);
                }
            });
            if let Err(e) = counting {
                tracing::warn!(error = %e, "the archive's items were not counted");
            }
        }
        count
    }

    /// The count, once known.
    pub fn get(&self) -> Option<usize> {
        self.0.get().copied()
    }

    fn known(n: usize) -> ArchiveCount {
        ArchiveCount(Arc::new(OnceLock::from(n)))
    }
}

/// An item's place in words: its column's name (the id when the board has no such column) and
/// its track, "Review (delivery)".
fn place(board: &Board, track: Track, column: &str) -> String {
    let name = board.column(track, column).map_or(column, |c| c.name.as_str());
    format!("{name} ({track})")
}

impl App {
    /// How many items the archive holds, once known.
    pub fn archived_count(&self) -> Option<usize> {
        self.archived.get()
    }

    /// `y` / `O`: the list of recently deleted or archived items; a file that cannot be read is
    /// said in one sentence and nothing opens.
    pub(crate) fn open_off_board(&mut self, shelf: Shelf) {
        match self.off_board_rows(shelf) {
            Ok(rows) => {
                let empty = rows.is_empty();
                self.overlays.push(Overlay::OffBoard(Box::new(OffBoard::new(shelf, rows))));
                if empty {
                    self.status = Some(Status::info(shelf.empty()));
                }
            }
            Err(reason) => self.status = Some(Status::error(reason)),
        }
    }

    fn off_board_rows(&mut self, shelf: Shelf) -> Result<Vec<Row>, String> {
        let path = self.session.path().to_path_buf();
        match shelf {
            Shelf::Deleted => {
                let entries = Journal::of(&path).deletes().map_err(|e| sentence(&e))?;
                let deleted = trash::trash(&self.board, &entries);
                Ok(deleted
                    .into_iter()
                    .map(|d| {
                        let place = match d.track.parse::<Track>() {
                            Ok(track) => place(&self.board, track, &d.column),
                            Err(_) => d.column.clone(),
                        };
                        Row { id: d.id, title: d.title, place, when: d.time, who: d.author }
                    })
                    .collect())
            }
            Shelf::Archived => {
                let (_, archived, _) =
                    archive_file::read_beside(&path, &self.board).map_err(|e| sentence(&e))?;
                self.archived = ArchiveCount::known(archived.items.len());
                Ok(archived
                    .items()
                    .iter()
                    .map(|item| Row {
                        id: item.id,
                        title: item.title.clone(),
                        place: place(&archived, item.track, &item.column),
                        when: item.finished.or(item.in_column_since).unwrap_or(item.updated),
                        who: item.assignee.clone().unwrap_or_default(),
                    })
                    .collect())
            }
        }
    }

    /// `Enter` in a list off the board: item `id` back on the board, its row gone from the list.
    pub(crate) fn take_back(&mut self, shelf: Shelf, id: ItemId) {
        let back = match shelf {
            Shelf::Deleted => self.restore(id),
            Shelf::Archived => self.unarchive(id),
        };
        if back && let Some(Overlay::OffBoard(list)) = self.overlays.last_mut() {
            list.taken_back(id);
        }
    }

    /// A deleted item back from the journal, as `twotrack restore` does: one change, one undo
    /// step. Returns whether it is back.
    fn restore(&mut self, id: ItemId) -> bool {
        if !self.may_change("nothing was restored") {
            return false;
        }
        // Built on the board as the file has it now, as the command builds it under the lock:
        // someone may have restored it, or reused nothing, meanwhile.
        self.file_changed();
        match Journal::of(self.session.path()).about_deleted(id) {
            Ok(entries) => self.commit(trash::restore(&self.board, &entries, id, self.now)),
            Err(e) => self.status = Some(Status::error(sentence(&e))),
        }
        self.board.item(id).is_some()
    }

    /// An archived item back where it was, as `twotrack unarchive` does (not an undo step: the
    /// status line says how to archive it again). Returns whether it is back.
    fn unarchive(&mut self, id: ItemId) -> bool {
        if !self.may_change("nothing was unarchived") {
            return false;
        }
        if !self.session.settled() {
            self.deferred = Some(Deferred::Unarchive(id));
            self.status =
                Some(Status::info(format!("saving your last change first; then #{id} is unarchived")));
            return false;
        }
        let filed = self.file(Filing::Unarchive(&[id]));
        if let Some(filed) = &filed {
            let again = format!("`twotrack archive {id}` archives it again");
            self.status = Some(Status::info(format!("{}; {again}", filed.op.summary)));
        }
        filed.is_some()
    }

    /// After a sprint closed on the screen: the board's archive policy, when it has one and
    /// anything is due, through the session's write order; said after the close's own message.
    pub(crate) fn archive_due(&mut self) {
        let due = archive::policy_due(&self.board);
        if due.is_empty() {
            return;
        }
        if !self.session.settled() {
            // The close is still being saved: the policy files after it, on the board it saved.
            self.deferred = Some(Deferred::Policy);
            return;
        }
        let closed = self.status.take().map(|s| s.text);
        let request =
            move |board: &Board, archived: &Board| archive::archive(board, archived, &due, "nothing due");
        if let Some(filed) = self.file(Filing::Archive(Box::new(request))) {
            let policy = self.board.archive_after.map_or(String::new(), |n| format!(" (archive-after {n})"));
            let text = format!("{}; {}{policy}", closed.unwrap_or_default(), filed.op.summary);
            self.status = Some(Status::info(text.trim_start_matches("; ").to_owned()));
        }
    }

    /// Carries out a filing on the board as the file has it (the screen's own changes are all
    /// saved by now): the board taken, the view rebuilt on the item, the count updated; a
    /// refusal or failure said in one sentence.
    fn file(&mut self, filing: Filing) -> Option<Filed> {
        let selected = self.selection.item(&self.view);
        match self.session.file(filing, self.now) {
            Ok((filed, board)) => {
                self.board = board;
                let keep = filed.ids.first().copied().filter(|id| self.board.item(*id).is_some());
                self.refresh_view(self.view.query.clone(), keep.or(selected));
                self.archived = ArchiveCount::known(filed.archived);
                if let Some(e) = &filed.journal {
                    tracing::warn!(error = %sentence(e), "a filing not recorded in the journal");
                }
                // What others saved before it is told by the writer's next read of the file.
                self.file_changed();
                Some(filed)
            }
            Err(reason) => {
                self.status = Some(Status::warning(sentence(&reason)));
                None
            }
        }
    }

    /// A filing asked for while a save was under way, carried out once the screen's changes
    /// are all on disk (after the writer's report that settles them).
    pub(crate) fn file_deferred(&mut self) {
        if !self.session.settled() {
            return;
        }
        match self.deferred.take() {
            Some(Deferred::Unarchive(id)) => self.take_back(Shelf::Archived, id),
            Some(Deferred::Policy) => self.archive_due(),
            None => {}
        }
    }
}

/// A filing that waits for the screen's last save.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Deferred {
    Unarchive(ItemId),
    /// The archive policy after a sprint closed on the screen.
    Policy,
}
