//! Writes a large, realistic board for trying twotrack at scale:
//! `cargo run --release --example generate -- /tmp/big.ron 10000`, optionally with closed
//! sprints and an activity journal for the standup and the review:
//! `cargo run --release --example generate -- /tmp/big.ron 10000 --sprints 50 --journal 100000`,
//! and an archive of done items beside it (`<board>.archive.ron`):
//! `cargo run --release --example generate -- /tmp/old.ron 1000 --archived 1000000`.

use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use twotrack::generate;
use twotrack::store::journal::Journal;
use twotrack::store::{BoardLock, Store};

const USAGE: &str = "usage: generate PATH ITEMS [--sprints N] [--journal LINES] [--archived N]";

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(path), Some(count)) = (args.next(), args.next()) else {
        bail!("{USAGE} (for example: generate /tmp/big.ron 10000)");
    };
    let number = |text: &str| -> Result<usize> {
        text.parse().with_context(|| format!("`{text}` is not a number; {USAGE}"))
    };
    let count = number(&count)?;
    let (mut sprints, mut journal, mut archived) = (0, 0, 0);
    while let Some(flag) = args.next() {
        let value = args.next().with_context(|| format!("{flag} needs a number; {USAGE}"))?;
        match flag.as_str() {
            "--sprints" => sprints = number(&value)?,
            "--journal" => journal = number(&value)?,
            "--archived" => archived = number(&value)?,
            other => bail!("unknown option {other}; {USAGE}"),
        }
    }
    let path = PathBuf::from(path);
    if path.exists() {
        bail!("{} exists already; pick a new path", path.display());
    }
    let mut board = generate::board(count, 1);
    if sprints > 0 {
        generate::sprints(&mut board, sprints, 1);
    }
    if archived > 0 {
        // Written first, as archiving does: the board's `next_id` moves past the archive's ids.
        let archive = generate::archive(&mut board, archived, 2);
        let file = twotrack::store::archive::path_of(&path);
        let text = twotrack::store::format::to_text(&archive)?;
        std::fs::write(&file, text).with_context(|| format!("cannot write {}", file.display()))?;
    }
    let mut store = Store::open(&path, generate::epoch())?.store;
    store.save(&board).with_context(|| format!("cannot write {}", path.display()))?;
    if journal > 0 {
        let lock = BoardLock::acquire(&path)?;
        Journal::of(&path).append(&generate::journal(&board, journal, 1), &lock)?;
    }
    println!(
        "wrote {} items, {sprints} closed sprints, {journal} journal lines and {archived} archived items to {}",
        board.items().len(),
        path.display()
    );
    Ok(())
}
