//! `standup [--since WHEN] [--markdown]`: what moved since the last standup, who is blocked,
//! what sits still, and what is in progress by person. Reads the board and the end of its
//! journal; changes nothing.

use std::path::Path;

use anyhow::{Result, anyhow};

use crate::cli::print::{doc, output};
use crate::cli::target::open;
use crate::clock;
use crate::domain::rhythm::standup;
use crate::domain::rhythm::standup::Since;
use crate::model::Timestamp;
use crate::store::journal::Journal;

pub fn run(
    path: &Path,
    since: Option<&str>,
    markdown: bool,
    stale_days: Option<u32>,
    now: Timestamp,
) -> Result<()> {
    let mut board = open(path)?;
    let since = match since {
        Some(text) => Since {
            time: clock::parse_when(text, now).map_err(|e| anyhow!(e))?,
            why: format!("--since {text}"),
        },
        None => Since::default_for(&board, now),
    };
    if let Some(days) = stale_days {
        board.standup.stale_days = Some(days);
    }
    let entries = Journal::of(path).recent(since.time)?;
    let doc = standup::build(&board, &entries, since, now).to_doc();
    let text = if markdown { doc::markdown(&doc) } else { doc::text(&doc) };
    output::print(&text)
}
