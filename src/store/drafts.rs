//! The draft file: the text of a form that was open when a session ended by a signal or could
//! not save, kept beside the board for its user (`<board>.draft-<user>`) until that user's next
//! session reopens it. Nothing in the board file is touched by it.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::bounded;
use super::error::DraftError;
use super::paths::sibling;
use super::sidecar;

/// The draft of one user on one board.
#[derive(Clone, Debug)]
pub struct Draft {
    board: PathBuf,
    suffix: String,
    path: PathBuf,
}

impl Draft {
    /// The draft of `user` beside the board at `board` (the name keeps letters, digits, `-`,
    /// `_` and `.` of the user name).
    pub fn of(board: &Path, user: &str) -> Draft {
        let name: String =
            user.chars().map(|c| if c.is_alphanumeric() || "-_.".contains(c) { c } else { '_' }).collect();
        let suffix = format!("draft-{name}");
        Draft { board: board.to_owned(), path: sibling(board, &suffix), suffix }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes `text` as the draft (one write; a draft is small).
    pub fn write(&self, text: &str) -> Result<(), DraftError> {
        // Readable by its user alone, never through a link (the one place a draft is written).
        let mut file = sidecar::open_private(&self.board, &self.suffix)?;
        file.write_all(text.as_bytes())
            .map_err(|source| DraftError::Write { path: self.path.clone(), source })
    }

    /// The draft's text, if there is a draft no larger than a form could make
    /// ([`bounded::SMALL_CAP`]): a larger one (made by someone else in a shared directory) is
    /// left alone, unread, with a line in the log.
    pub fn read(&self) -> Option<String> {
        let file = sidecar::open_to_read(&self.board, &self.suffix).ok()??;
        let Some(bytes) = bounded::read_capped(file, bounded::SMALL_CAP).ok()? else {
            tracing::warn!(draft = %self.path.display(), cap = bounded::SMALL_CAP, "draft too large to reopen; left as it is");
            return None;
        };
        String::from_utf8(bytes).ok()
    }

    /// Removes the draft (it was reopened); a draft already gone is fine.
    pub fn remove(&self) {
        let _ = fs::remove_file(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_is_per_user_private_and_removed_once_reopened() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let board = dir.path().join("board.ron");
        let draft = Draft::of(&board, "ann marie/x");
        assert_eq!(draft.path().file_name().and_then(|n| n.to_str()), Some("board.ron.draft-ann_marie_x"));
        assert_eq!(draft.read(), None);
        draft.write("{\"a\":1}").expect("write");
        assert_eq!(draft.read().as_deref(), Some("{\"a\":1}"));
        assert_eq!(fs::metadata(draft.path()).expect("meta").mode() & 0o777, 0o600);
        assert_eq!(Draft::of(&board, "bob").read(), None, "each user has their own");
        draft.remove();
        assert_eq!(draft.read(), None);
    }

    #[test]
    fn a_sparse_gigabyte_draft_is_left_unread_at_once() {
        let dir = tempfile::tempdir().expect("tempdir");
        let board = dir.path().join("board.ron");
        let draft = Draft::of(&board, "ana");
        let file = fs::File::create(draft.path()).expect("create");
        file.set_len(1 << 30).expect("a sparse gigabyte");
        // Only the cap and one byte are read: a gigabyte would take seconds and a gigabyte.
        assert_eq!(draft.read(), None);
        draft.write("{}").expect("a form kept over it");
        assert_eq!(draft.read().as_deref(), Some("{}"));
    }
}
