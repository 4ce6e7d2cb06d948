//! `restore ID` and `trash`: deleted items brought back from the activity journal, with their
//! fields, place and links (docs/guide/command-line.md, "Nothing lost by a slip").

use std::path::Path;

use anyhow::Result;
use clap::Args;
use serde_json::json;

use crate::cli::print::output::{println, println_json};
use crate::cli::target::Target;
use crate::domain::team::trash;
use crate::model::{Board, ItemId, Timestamp};
use crate::store::journal::Journal;

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The id of the deleted item (`twotrack trash` lists them).
    pub id: ItemId,
}

#[derive(Debug, Args)]
pub struct TrashArgs {
    /// Print JSON: a list of {id, title, track, column, deleted, by}.
    #[arg(long)]
    pub json: bool,
}

/// Restores item `args.id` under the board's lock; the journal is append-only, so it is read first.
pub fn restore(target: Target, path: &Path, args: &RestoreArgs, now: Timestamp) -> Result<()> {
    let entries = Journal::of(path).about_deleted(args.id)?;
    let op = target.change(now, |board| trash::restore(board, &entries, args.id, now))?;
    println(&op.summary)
}

/// The items that can be restored, the most recently deleted first.
pub fn list(path: &Path, json: bool) -> Result<()> {
    let board = crate::cli::target::open(path)?;
    let deleted = trash::trash(&board, &Journal::of(path).deletes()?);
    if json {
        let rows: Vec<_> = deleted
            .iter()
            .map(|d| {
                json!({"id": d.id, "title": d.title, "track": d.track, "column": d.column,
                       "deleted": d.time, "by": d.author})
            })
            .collect();
        return println_json(&serde_json::to_string_pretty(&rows)?);
    }
    if deleted.is_empty() {
        return println("nothing deleted to restore");
    }
    let lines: Vec<String> = deleted.iter().map(|d| line(&board, d)).collect();
    println(&lines.join("\n"))
}

/// `#12 "Title" · Review (delivery) · deleted 2026-11-21 14:00 by ana`.
fn line(board: &Board, d: &trash::Deleted) -> String {
    let column = Some(&d.track)
        .and_then(|t| t.parse().ok())
        .and_then(|t| board.track(t).columns.iter().find(|c| c.id == d.column))
        .map_or(d.column.as_str(), |c| c.name.as_str());
    format!(
        "#{} \"{}\" · {column} ({}) · deleted {} by {}",
        d.id,
        d.title,
        d.track,
        d.time.format("%Y-%m-%d %H:%M"),
        d.author
    )
}
