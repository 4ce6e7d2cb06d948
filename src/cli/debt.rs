//! `debt [--json] [--sort severity|interest]`: the debt register.

use std::path::Path;

use anyhow::Result;

use super::target::open;
use super::{json, text};
use crate::domain::two_stage::debt;
use crate::domain::two_stage::debt::Sort;
use crate::model::Timestamp;

pub fn run(path: &Path, as_json: bool, sort: Sort, now: Timestamp) -> Result<()> {
    let board = open(path)?;
    let register = debt::register(&board, now).sorted(sort);
    if as_json {
        super::output::println_json(&serde_json::to_string_pretty(&json::debt(&board, &register, now))?)
    } else {
        super::output::print(&text::debt(&board, &register))
    }
}
