//! `report [--sprint NAME] [--markdown]`: the sprint review a facilitator pastes to stakeholders.
//! Reads the board; changes nothing.

use std::path::Path;

use anyhow::Result;

use super::doc;
use crate::domain::{Timestamp, report};
use crate::store::Store;

pub fn run(path: &Path, sprint: Option<&str>, markdown: bool, now: Timestamp) -> Result<()> {
    let (_, board) = Store::load(path)?;
    let doc = report::report(&board, sprint, now)?;
    let text = if markdown { doc::markdown(&doc) } else { doc::text(&doc) };
    print!("{text}");
    Ok(())
}
