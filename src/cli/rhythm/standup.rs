//! `standup [--since WHEN] [--markdown|--json]`: what moved since the last standup, who is blocked,
//! what sits still, and what is in progress by person. Reads the board and the end of its
//! journal; changes nothing.

use std::path::Path;

use anyhow::{Result, anyhow};

use crate::cli::print::{doc, output, standup_json};
use crate::cli::target::open;
use crate::clock;
use crate::domain::rhythm::standup;
use crate::domain::rhythm::standup::Since;
use crate::model::Timestamp;
use crate::store::journal::Journal;

/// How the standup is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Text,
    Markdown,
    Json,
}

impl Form {
    pub fn of(markdown: bool, json: bool) -> Form {
        match (markdown, json) {
            (_, true) => Form::Json,
            (true, false) => Form::Markdown,
            (false, false) => Form::Text,
        }
    }
}

pub fn run(
    path: &Path,
    since: Option<&str>,
    form: Form,
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
    let standup = standup::build(&board, &entries, since, now);
    match form {
        Form::Text => output::print(&doc::text(&standup.to_doc())),
        Form::Markdown => output::print(&doc::markdown(&standup.to_doc())),
        Form::Json => output::println_json(&serde_json::to_string_pretty(&standup_json::standup(&standup))?),
    }
}
