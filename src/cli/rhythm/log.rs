//! `twotrack log`: the activity journal, as lines for people or as JSON. Reads only; never
//! creates or changes a file.

use std::fmt::Write;
use std::path::Path;

use anyhow::Result;
use clap::Args;

use crate::domain::team::activity::{Action, Entry};
use crate::model::{ItemId, Timestamp};
use crate::store::bounded::LINE_CAP;
use crate::store::journal::Journal;
use crate::store::users::{NAME_CAP, capped};

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
    let reading = Journal::of(board).read_entries(args.since, args.item)?;
    if reading.too_long > 0 {
        crate::cli::print::output::eprintln(&format!(
            "note: {} in the journal longer than {} MiB skipped",
            crate::words::count(reading.too_long as u64, "line"),
            LINE_CAP >> 20
        ));
    }
    let entries = reading.entries;
    if args.json {
        crate::cli::print::output::println_json(&serde_json::to_string_pretty(&entries)?)
    } else {
        crate::cli::print::output::print(&text(&entries))
    }
}

/// One line per entry: time, author, a `!` on conflicts, what happened, `(recovered)` on lines
/// written after their writer was stopped. Authors are cut to the name cap, so the padding is
/// never wider than that whatever a line holds.
fn text(entries: &[Entry]) -> String {
    let width = entries.iter().map(|e| e.author.chars().count().min(NAME_CAP)).max().unwrap_or(0);
    let mut out = String::new();
    for entry in entries {
        let mark = if entry.action == Action::Conflict { "! " } else { "" };
        let recovered = if entry.recovered { " (recovered)" } else { "" };
        let author = capped(&entry.author);
        let pad = " ".repeat(width.saturating_sub(author.chars().count()));
        let _ = writeln!(
            out,
            "{}  {author}{pad}  {mark}{}{recovered}",
            entry.time.format("%Y-%m-%d %H:%M"),
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
