//! `variant ID TITLE...` splits an item into the variants of an experiment (printing the new
//! ids); `pick ID` picks the winner.

use std::path::Path;

use anyhow::Result;

use super::commands::change;
use crate::domain::{Edit, ItemId, Timestamp, variants};

pub fn split(path: &Path, id: ItemId, titles: &[String], now: Timestamp) -> Result<()> {
    let op = change(path, now, |board| variants::split(board, id, titles, now))?;
    let mut out = String::new();
    if let Edit::Batch(edits) = &op.edit {
        for edit in edits {
            if let Edit::Add(item) = edit {
                out.push_str(&format!("{}\n", item.id));
            }
        }
    }
    print!("{out}");
    Ok(())
}

pub fn pick(path: &Path, id: ItemId, now: Timestamp) -> Result<()> {
    let op = change(path, now, |board| variants::pick(board, id, now))?;
    println!("{}", op.summary);
    Ok(())
}
