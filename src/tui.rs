//! The board in the terminal (not built yet: the board screen is the next issue).

use std::path::Path;

use anyhow::{Result, bail};

use crate::domain::Timestamp;

pub fn run(path: &Path, _now: Timestamp) -> Result<()> {
    bail!(
        "the board screen is not built yet; use a command such as `twotrack list` (board: {})",
        path.display()
    )
}
