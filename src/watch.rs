//! One watcher for the board's directory (another writer saved the board or wrote its journal)
//! and the presence directory beside it (someone joined, moved, presents or left). Nothing is
//! polled: an idle board wakes nobody.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use notify::event::{AccessKind, AccessMode};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use crate::store::journal::Journal;
use crate::store::paths;
use crate::store::presence::DIRECTORY;

/// What changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// Something happened to the board file or its journal (maybe this session's own save; a
    /// conflict another session reports may change nothing on the board but the journal).
    Board,
    /// A presence file (or the presence directory) changed.
    Presence,
}

pub struct Watch {
    watcher: RecommendedWatcher,
    presence_dir: PathBuf,
    presence_watched: bool,
}

impl Watch {
    /// Watches the directory of the board at `board` (an atomic save replaces the file, so
    /// watching the file itself would lose it after the first save) and `presence_dir`.
    pub fn start(board: &Path, presence_dir: &Path, tell: impl Fn(Change) + Send + 'static) -> Result<Watch> {
        let dir = paths::directory_of(board).to_path_buf();
        let names: Vec<OsString> = [board.to_path_buf(), Journal::of(board).path().to_path_buf()]
            .iter()
            .filter_map(|p| p.file_name().map(ToOwned::to_owned))
            .collect();
        let presence = presence_dir.to_path_buf();
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| match event {
                Ok(event) => {
                    for change in classify(&event, &names, &presence) {
                        tell(change);
                    }
                }
                Err(e) => tracing::warn!(error = %e, "the directory watcher reported an error"),
            })
            .context("cannot watch the board file")?;
        watcher
            .watch(&dir, RecursiveMode::NonRecursive)
            .with_context(|| format!("cannot watch {}", dir.display()))?;
        let mut watch = Watch { watcher, presence_dir: presence_dir.to_path_buf(), presence_watched: false };
        watch.presence_appeared();
        Ok(watch)
    }

    /// Starts watching the presence directory if it exists now and is not watched yet (a
    /// session that could not create it learns of it when someone else does).
    pub fn presence_appeared(&mut self) {
        if !self.presence_watched {
            self.presence_watched =
                self.watcher.watch(&self.presence_dir, RecursiveMode::NonRecursive).is_ok();
        }
    }
}

/// What an event means. Reading a presence file (opening it, as every session does on each
/// change) is not a change, or sessions would wake each other forever; closing a file that was
/// written is, because that is how a killed session's file tells it is gone.
fn classify(event: &notify::Event, board: &[OsString], presence_dir: &Path) -> Vec<Change> {
    let mut changes = Vec::new();
    let written = match event.kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    };
    // Reading the board or its journal is not a change either: the writer thread reads both
    // after every file event, and would wake the screen forever.
    let board_file =
        event.paths.iter().any(|p| p.file_name().is_some_and(|name| board.iter().any(|b| b == name)));
    if written && board_file {
        changes.push(Change::Board);
    }
    let presence = event.paths.iter().any(|p| {
        p.parent() == Some(presence_dir) || p == presence_dir || p.file_name() == Some(DIRECTORY.as_ref())
    });
    if written && presence {
        changes.push(Change::Presence);
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{CreateKind, ModifyKind, RemoveKind};

    fn event(kind: EventKind, path: &str) -> notify::Event {
        notify::Event::new(kind).add_path(PathBuf::from(path))
    }

    #[test]
    fn reading_presence_or_board_files_wakes_nobody_but_writing_and_closing_do() {
        let board = [OsString::from("board.ron"), OsString::from("board.ron.journal")];
        let dir = Path::new("/b/.twotrack-presence");
        let file = "/b/.twotrack-presence/board.ron.1.presence";
        let cases = [
            (EventKind::Access(AccessKind::Open(AccessMode::Any)), file, vec![]),
            (EventKind::Access(AccessKind::Close(AccessMode::Read)), file, vec![]),
            (EventKind::Access(AccessKind::Close(AccessMode::Write)), file, vec![Change::Presence]),
            (EventKind::Create(CreateKind::File), file, vec![Change::Presence]),
            (EventKind::Modify(ModifyKind::Any), file, vec![Change::Presence]),
            (EventKind::Remove(RemoveKind::File), file, vec![Change::Presence]),
            (EventKind::Create(CreateKind::Folder), "/b/.twotrack-presence", vec![Change::Presence]),
            (EventKind::Modify(ModifyKind::Any), "/b/board.ron", vec![Change::Board]),
            (EventKind::Access(AccessKind::Open(AccessMode::Any)), "/b/board.ron", vec![]),
            (EventKind::Access(AccessKind::Close(AccessMode::Read)), "/b/board.ron.journal", vec![]),
            (
                EventKind::Access(AccessKind::Close(AccessMode::Write)),
                "/b/board.ron.journal",
                vec![Change::Board],
            ),
            (EventKind::Modify(ModifyKind::Any), "/b/board.ron.journal", vec![Change::Board]),
            (EventKind::Modify(ModifyKind::Any), "/b/other.ron", vec![]),
        ];
        for (kind, path, expected) in cases {
            assert_eq!(classify(&event(kind, path), &board, dir), expected, "{kind:?} {path}");
        }
    }
}
