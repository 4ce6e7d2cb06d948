//! Where the board lives when no path is given, and the starter board a first run begins with.

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::error::LocationError;
use crate::model::{Board, Timestamp};

/// The starter board shipped in `assets/`: a few items that teach the workflow.
pub const STARTER: &str = include_str!("../../assets/starter.ron");

/// Which board file to use, and whether it is the default one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoardPath {
    /// The file itself: a symbolic link the user chose is resolved to the file it points at.
    pub path: PathBuf,
    /// No path was given: `board.ron` in the per-user data directory, which twotrack may create.
    pub default: bool,
}

/// The board file to use: the one given (by `--file` or `TWOTRACK_FILE`), else `board.ron` in
/// the per-user data directory; a symbolic link is followed to its file.
pub fn board_path(given: Option<&Path>) -> Result<BoardPath, LocationError> {
    if let Some(path) = given.filter(|p| !p.as_os_str().is_empty()) {
        return Ok(BoardPath { path: through_links(path.to_path_buf())?, default: false });
    }
    let dirs = directories::ProjectDirs::from("", "", "twotrack").ok_or(LocationError::NoHome)?;
    Ok(BoardPath { path: through_links(dirs.data_dir().join("board.ron"))?, default: true })
}

/// The file a symbolic link points at (saves replace files by renaming, which would otherwise
/// replace the link itself and leave its target behind); any other path as it is. A link whose
/// target does not exist is refused: nothing is ever created through a link.
pub fn through_links(path: PathBuf) -> Result<PathBuf, LocationError> {
    let link = std::fs::symlink_metadata(&path).ok().filter(|m| m.file_type().is_symlink());
    let Some(link) = link else { return Ok(path) };
    if let Some(owner) = foreign_in_sticky(&path, link.uid()) {
        return Err(LocationError::ForeignLink { path, owner });
    }
    match std::fs::canonicalize(&path) {
        Ok(real) => Ok(real),
        Err(_) => {
            let target = std::fs::read_link(&path).unwrap_or_default();
            Err(LocationError::DanglingLink { path, target })
        }
    }
}

/// The owner of a link at `path` owned by `uid` when it must not be followed: in a sticky
/// directory anyone may write (a shared `/tmp`), a link that is neither yours nor the
/// directory owner's could lead you to a file of its owner's choosing (the kernel's
/// `fs.protected_symlinks` rule, applied whatever the kernel is set to).
fn foreign_in_sticky(path: &Path, uid: u32) -> Option<String> {
    let dir = std::fs::metadata(super::paths::directory_of(path)).ok()?;
    let sticky_and_open = dir.mode() & 0o1000 != 0 && dir.mode() & 0o002 != 0;
    let trusted = [super::users::current_uid(), dir.uid()].contains(&uid);
    (sticky_and_open && !trusted).then(|| super::users::name_of(uid))
}

/// What a new board starts as: the starter board (the default), or an empty one; with the
/// board's name when one is given (already checked: see `domain::change::settings::clean_name`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fresh {
    pub name: Option<String>,
    pub empty: bool,
}

/// The name of an empty board made without one (`init --empty`): it asks to be renamed.
pub const UNTITLED: &str = "Untitled board";

/// The board a new file starts with: the starter board, or with `empty` its settings and
/// columns without the demo items; named as `fresh` says.
pub fn fresh_board(now: Timestamp, fresh: &Fresh) -> Board {
    let mut board = starter_board(now);
    if fresh.empty {
        // Ids start again at 1: the demo items never existed on this board.
        board = Board { name: UNTITLED.to_owned(), next_id: 1, ..board.clone_without_items() };
    }
    if let Some(name) = &fresh.name {
        board.name = name.clone();
    }
    board
}

/// The day the starter board's dates are written relative to.
const STARTER_DAY: (i32, u32, u32) = (2026, 1, 5);

/// The starter board, with every item stamped as created now and its timeboxes moved so they
/// lie as far ahead of today as they lie ahead of the starter's own day.
pub fn starter_board(now: Timestamp) -> Board {
    let mut board = super::format::from_bytes(Path::new("assets/starter.ron"), STARTER.as_bytes())
        .expect("the embedded starter board is valid (tested)");
    let (y, m, d) = STARTER_DAY;
    let shift = NaiveDate::from_ymd_opt(y, m, d).map_or(0, |day| (now.date_naive() - day).num_days());
    for item in &mut board.items {
        item.created = now;
        item.updated = now;
        item.timebox = item.timebox.and_then(|t| t.checked_add_signed(chrono::Duration::days(shift)));
    }
    board
}
