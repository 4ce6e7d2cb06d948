//! `twotrack log`: the activity journal, as lines for people or as JSON. Reads only; never
//! creates or changes a file.

use std::fmt::Write;
use std::path::Path;

use anyhow::Result;
use clap::Args;

use crate::domain::team::activity::{Action, Entry};
use crate::model::{ItemId, Timestamp};
use crate::store::journal::Journal;

#[derive(Debug, Args)]
pub struct LogArgs {
    /// Only entries since WHEN: a date (2026-11-21), a time (2026-11-21 14:00, 14:00 today),
    /// or a length of time back from now (30m, 2h, 1d, 1w). Times are UTC.
    #[arg(long, value_name = "WHEN", value_parser = parse_when)]
    pub since: Option<Timestamp>,
    /// Only entries about this item.
    #[arg(long, value_parser = crate::cli::parse_id)]
    pub item: Option<ItemId>,
    /// Print the entries as a JSON array (the journal's own fields).
    #[arg(long)]
    pub json: bool,
}

pub fn run(board: &Path, args: &LogArgs) -> Result<()> {
    let entries = Journal::of(board).entries(args.since, args.item)?;
    if args.json {
        crate::cli::print::output::println_json(&serde_json::to_string_pretty(&entries)?)
    } else {
        crate::cli::print::output::print(&text(&entries))
    }
}

/// One line per entry: time, author, a `!` on conflicts, what happened.
fn text(entries: &[Entry]) -> String {
    let width = entries.iter().map(|e| e.author.chars().count()).max().unwrap_or(0);
    let mut out = String::new();
    for entry in entries {
        let mark = if entry.action == Action::Conflict { "! " } else { "" };
        let _ = writeln!(
            out,
            "{}  {:<width$}  {mark}{}",
            entry.time.format("%Y-%m-%d %H:%M"),
            entry.author,
            entry.summary
        );
    }
    if entries.is_empty() {
        out.push_str("no changes recorded\n");
    }
    out
}

/// `--since`: a bad `WHEN` is a usage error, like any other bad argument.
fn parse_when(text: &str) -> Result<Timestamp, String> {
    let now = crate::clock::now().map_err(|e| format!("{e:#}"))?;
    crate::clock::parse_when(text, now)
}
