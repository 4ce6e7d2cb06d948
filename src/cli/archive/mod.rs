//! `archive` and `unarchive`: done items off the board into `<board>.archive.ron` and back
//! (docs/guide/archive.md). Both go through the session's archive step, which writes the two
//! files in the order that survives a crash; `list --archived` and `show` read the archive.

pub mod reading;

use anyhow::Result;
use clap::Args;

use super::args::parse_id;
use crate::cli::print::output::{eprintln, println};
use crate::cli::target::Target;
use crate::domain::archive;
use crate::domain::rhythm::dates;
use crate::model::{ItemId, Timestamp};
use crate::session::Filed;
use crate::store::error::sentence;

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("which").required(true).args(["ids", "done_before", "closed_sprints"])))]
pub struct ArchiveArgs {
    /// The items to archive (each in a done column).
    #[arg(value_parser = parse_id)]
    pub ids: Vec<ItemId>,
    /// Every done item finished before this day (2026-12-04).
    #[arg(long, value_name = "DATE")]
    pub done_before: Option<String>,
    /// The done items of sprints closed more than N sprints ago.
    #[arg(long, value_name = "N")]
    pub closed_sprints: Option<u32>,
}

#[derive(Debug, Args)]
pub struct UnarchiveArgs {
    /// The archived items to put back where they were.
    #[arg(required = true, value_parser = parse_id)]
    pub ids: Vec<ItemId>,
}

/// `archive ID...`, `archive --done-before DATE`, `archive --closed-sprints N`.
pub fn run(target: Target, args: ArchiveArgs, now: Timestamp) -> Result<()> {
    let before = args.done_before.as_deref().map(|d| dates::date(d, "date")).transpose()?;
    let filed = target.lock()?.archive(
        |board, archived| match (before, args.closed_sprints) {
            (Some(day), _) => {
                let none = format!("no done item was finished before {day}");
                archive::archive(board, archived, &archive::done_before(board, day), &none)
            }
            (None, Some(n)) => {
                let none = format!("no done item belongs to a sprint closed more than {n} sprints ago");
                archive::archive(board, archived, &archive::closed_sprints(board, n), &none)
            }
            (None, None) => archive::archive(board, archived, &args.ids, "no item given"),
        },
        now,
    )?;
    tell(&filed)
}

/// `unarchive ID...`.
pub fn unarchive(target: Target, args: UnarchiveArgs, now: Timestamp) -> Result<()> {
    let filed = target.lock()?.unarchive(&args.ids, now)?;
    tell(&filed)
}

/// After a sprint closed: the board's archive policy, if it has one and anything is due.
pub fn after_close(target: Target, now: Timestamp) -> Result<()> {
    let locked = target.lock()?;
    let due = archive::policy_due(locked.board());
    if due.is_empty() {
        return Ok(());
    }
    let filed =
        locked.archive(|board, archived| archive::archive(board, archived, &due, "nothing due"), now)?;
    tell(&filed)
}

fn tell(filed: &Filed) -> Result<()> {
    if let Some(err) = &filed.journal {
        eprintln(&format!(
            "twotrack: warning: the items were moved, but not recorded in the journal: {}",
            sentence(err)
        ));
    }
    println(&filed.op.summary)
}
