//! The user's own state of a board, kept across restarts: the undo history and the last
//! selection. It lives in the user's state directory (`$XDG_STATE_HOME/twotrack`), never beside
//! the shared board: one file per board and user, named by a fingerprint of the board's
//! canonical path and the user name. The board screen writes it once, when the session ends (off
//! the key path), and reads it at start-up; it holds at most [`MAX_STEPS`] steps a stack and
//! [`CAP`] bytes. A file that cannot be read, is too large or comes from a newer twotrack is
//! ignored with one sentence (docs/FORMAT.md, "The user's own state").

use std::fs;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::bounded;
use super::error::UserStateError;
use crate::domain::change::history::Step;
use crate::model::{ItemId, Stage, Track};

/// The format this twotrack writes, on the first line of the file.
pub const VERSION: u32 = 1;
/// The first line's words before the version.
const MAGIC: &str = "twotrack-user-state";
/// The most steps kept of each stack (the newest).
pub const MAX_STEPS: usize = 100;
/// The most bytes the steps take in the file (the newest steps that fit are kept).
pub const CAP: usize = 1 << 20;

/// Where the selection stood: the item, else its column (by id) and lane; and whether one track
/// was shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spot {
    pub item: Option<ItemId>,
    pub track: Track,
    pub column: String,
    pub stage: Stage,
    pub zoom: bool,
}

/// What a session leaves for the next one on the same board.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Remembered {
    pub selection: Option<Spot>,
    /// Oldest step first, as the history holds them.
    pub undo: Vec<Step>,
    pub redo: Vec<Step>,
}

/// The file's content after its first line: the board and user it is about (checked on reading,
/// so a fingerprint shared by two boards never mixes them up) and the state.
#[derive(Serialize, Deserialize)]
struct Content {
    board: PathBuf,
    user: String,
    state: Remembered,
}

/// The state file of one user on one board.
#[derive(Clone, Debug)]
pub struct UserState {
    path: PathBuf,
    board: PathBuf,
    user: String,
}

impl UserState {
    /// The state file of `user` on the board at `board`, in the user's state directory; `None`
    /// when the system names none (no home directory).
    pub fn of(board: &Path, user: &str) -> Option<UserState> {
        Some(UserState::in_dir(&super::recovery::state_home()?, board, user))
    }

    /// The state file of `user` on `board` in `dir`.
    pub fn in_dir(dir: &Path, board: &Path, user: &str) -> UserState {
        let board = board.canonicalize().unwrap_or_else(|_| board.to_owned());
        let key = format!("{}\0{user}", board.display());
        let name = format!("board-{:032x}.ron", super::written::file_fingerprint(key.as_bytes()));
        UserState { path: dir.join(name), board, user: user.to_owned() }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// What the last session left, `None` if it left nothing (or it was about another board).
    pub fn read(&self) -> Result<Option<Remembered>, UserStateError> {
        let file = match fs::File::open(&self.path) {
            Ok(file) => file,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => return Err(UserStateError::Read { path: self.path.clone(), source }),
        };
        let read = bounded::read_capped(file, (CAP + CAP / 4) as u64);
        let bytes = read
            .map_err(|source| UserStateError::Read { path: self.path.clone(), source })?
            .ok_or_else(|| UserStateError::TooLarge(self.path.clone()))?;
        let text = String::from_utf8(bytes).map_err(|_| self.corrupt("it is not text"))?;
        let (first, rest) = text.split_once('\n').ok_or_else(|| self.corrupt("its first line is missing"))?;
        let version = first
            .strip_prefix(MAGIC)
            .and_then(|v| v.trim().parse::<u32>().ok())
            .ok_or_else(|| self.corrupt("its first line is not twotrack's"))?;
        if version > VERSION {
            return Err(UserStateError::Newer(version));
        }
        let content: Content = ron::from_str(rest).map_err(|err| self.corrupt(&err.to_string()))?;
        Ok((content.board == self.board && content.user == self.user).then_some(content.state))
    }

    /// Keeps `state` for the next session: the newest steps within the bounds, written to a
    /// private temporary file and renamed over the old one (a crash leaves one or the other).
    pub fn write(&self, state: &Remembered) -> Result<(), UserStateError> {
        let mut budget = CAP;
        let undo = newest(&state.undo, &mut budget)?;
        let redo = newest(&state.redo, &mut budget)?;
        let state = Remembered { selection: state.selection.clone(), undo, redo };
        let content = Content { board: self.board.clone(), user: self.user.clone(), state };
        let text = format!("{MAGIC} {VERSION}\n{}\n", ron::to_string(&content)?);
        let dir = self.path.parent().unwrap_or(Path::new("."));
        let io = |source| UserStateError::Write { path: self.path.clone(), source };
        let mut file = tempfile::Builder::new()
            .prefix(".user-state-")
            .permissions(fs::Permissions::from_mode(0o600))
            .tempfile_in(dir)
            .map_err(io)?;
        file.write_all(text.as_bytes()).map_err(io)?;
        file.persist(&self.path).map_err(|err| io(err.error))?;
        Ok(())
    }

    fn corrupt(&self, why: &str) -> UserStateError {
        UserStateError::Corrupt { path: self.path.clone(), why: why.to_owned() }
    }
}

/// The newest steps of `steps` (at most [`MAX_STEPS`]) whose text fits in `budget` bytes, oldest
/// first; the budget is spent by what is kept.
fn newest(steps: &[Step], budget: &mut usize) -> Result<Vec<Step>, UserStateError> {
    let mut kept = Vec::new();
    for step in steps.iter().rev().take(MAX_STEPS) {
        let size = ron::to_string(step)?.len();
        if size > *budget {
            break;
        }
        *budget -= size;
        kept.push(step.clone());
    }
    kept.reverse();
    Ok(kept)
}

#[cfg(test)]
#[path = "user_state_tests.rs"]
mod tests;
