//! Writes a large, realistic board for trying twotrack at scale:
//! `cargo run --release --example generate -- /tmp/big.ron 10000`.

use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use twotrack::generate;
use twotrack::store::Store;

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(path), Some(count)) = (args.next(), args.next()) else {
        bail!("usage: generate PATH ITEMS (for example: generate /tmp/big.ron 10000)");
    };
    let count: usize = count.parse().with_context(|| format!("`{count}` is not a number of items"))?;
    let path = PathBuf::from(path);
    if path.exists() {
        bail!("{} exists already; pick a new path", path.display());
    }
    let board = generate::board(count, 1);
    let mut store = Store::open(&path, generate::epoch())?.store;
    store.save(&board).with_context(|| format!("cannot write {}", path.display()))?;
    println!("wrote {} items to {}", board.items().len(), path.display());
    Ok(())
}
