//! `debt [--json] [--sort severity|interest]`: the debt register.

use std::path::Path;

use anyhow::Result;

use crate::cli::print::{json, text};
use crate::cli::target::open;
use crate::domain::two_stage::debt;
use crate::domain::two_stage::debt::Sort;
use crate::model::Timestamp;

pub fn run(path: &Path, as_json: bool, sort: Sort, now: Timestamp) -> Result<()> {
    let board = open(path)?;
    let register = debt::register(&board, now).sorted(sort);
    if as_json {
        crate::cli::print::output::println_json(&serde_json::to_string_pretty(&json::debt(
            &board, &register, now,
        ))?)
    } else {
        crate::cli::print::output::print(&text::debt(&board, &register))
    }
}
