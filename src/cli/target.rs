//! The board a command works on, and who works on it. Commands read the board with [`open`] and
//! change it with [`Target::change`]: one change per run, through the session's write path
//! (lock, read the board as it is now, apply, save, journal). What they print of a change (new
//! ids) is here too, so no command module needs the dispatcher.

use std::path::Path;

use anyhow::{Result, bail};

use crate::cli::print::output;
use crate::cli::print::output::{eprintln, println};
use crate::domain::change::{Edit, Op};
use crate::model::{Board, Timestamp};
use crate::session::{Locked, Session, Writer};
use crate::store::Store;
use crate::store::error::sentence;

/// The board file of a command and the writer of its changes (the same for every command of
/// one run).
#[derive(Clone, Copy, Debug)]
pub struct Target<'a> {
    path: &'a Path,
    writer: &'a Writer,
}

impl<'a> Target<'a> {
    pub fn new(path: &'a Path, writer: &'a Writer) -> Target<'a> {
        Target { path, writer }
    }

    /// The author of this run's changes (`--user`, `TWOTRACK_USER`, the config's `user`, else
    /// the login name).
    pub fn author(&self) -> &'a str {
        self.writer.name()
    }

    /// Reads the board; a missing file is an error naming it (reading never creates anything).
    pub fn open(&self) -> Result<Board> {
        open(self.path)
    }

    /// Takes the board's lock for a change the caller makes through the session (archiving).
    pub fn lock(&self) -> Result<Locked> {
        Ok(Session::lock(self.path, self.writer.clone())?)
    }

    /// Applies one user request to the existing board under its lock, so concurrent commands
    /// never lose a change, and journals what changed under the same lock. Refused under
    /// `--readonly`, and for a user who may not write the board file, before anything happens.
    pub fn change<E>(&self, now: Timestamp, request: impl FnOnce(&Board) -> Result<Op, E>) -> Result<Op>
    where
        anyhow::Error: From<E>,
    {
        let locked = Session::lock(self.path, self.writer.clone())?;
        apply(locked, now, request)
    }
}

/// Reads the board at `path`; a missing file is an error naming it.
pub fn open(path: &Path) -> Result<Board> {
    Ok(Store::load(path)?.1)
}

/// Applies the request to the locked board, saves it and journals what changed; a journal that
/// cannot be written is a warning on stderr (the change is saved).
pub fn apply<E>(locked: Locked, now: Timestamp, request: impl FnOnce(&Board) -> Result<Op, E>) -> Result<Op>
where
    anyhow::Error: From<E>,
{
    let op = request(locked.board())?;
    if let Some(err) = locked.apply(&op, now)? {
        eprintln(&format!(
            "twotrack: warning: the change was saved, but not recorded in the journal: {}",
            sentence(&err)
        ));
    }
    Ok(op)
}

/// Prints the id of the item an op adds.
pub fn print_new_id(op: &Op) -> Result<()> {
    match &op.edit {
        Edit::Add(item) => println(&item.id.to_string()),
        _ => bail!("internal error: adding produced no item"),
    }
}

/// The ids of the items an op adds, one per line.
pub fn print_new_ids(op: &Op) -> Result<()> {
    let mut ids = String::new();
    if let Edit::Batch(edits) = &op.edit {
        for edit in edits {
            if let Edit::Add(item) = edit {
                ids.push_str(&format!("{}\n", item.id));
            }
        }
    }
    output::print(&ids)
}
