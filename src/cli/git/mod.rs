//! git's side: the merge drivers for the board and its journal (`merge-file`, `merge-journal`),
//! what git hands a driver, and `git-setup`.

pub(super) mod git_setup;
pub(super) mod merge_file;
pub(super) mod merge_io;
pub(super) mod merge_journal;
