//! `show`, `stats` and `check`: commands that read the board (and, where they need it, the
//! archive) and change nothing.

use std::path::Path;

use anyhow::{Result, bail};

use crate::cli::print::output::{eprintln, println};
use crate::cli::print::{json, output, text};
use crate::cli::target::open;
use crate::domain::capacity::Capacity;
use crate::domain::change::OpError;
use crate::domain::two_stage;
use crate::model::{Board, Item, ItemId, Timestamp};
use crate::store::Store;

/// `check`: the file loads, and every reference points at an item that is there.
pub fn check(path: &Path) -> Result<()> {
    let (store, board) = Store::load(path)?;
    let mut dangling = board.dangling_references();
    if !dangling.is_empty() {
        // A reference to an archived item holds: the archive is read only when it matters.
        let (_, archived, _) = crate::store::archive::read_beside(path, &board)?;
        dangling = board.dangling_references_except(&|id| archived.item(id).is_some());
    }
    let mut dangling = dangling.into_iter();
    if let Some(first) = dangling.next() {
        let more = match dangling.len() {
            0 => String::new(),
            n => format!(" (and {n} more broken references)"),
        };
        let error = crate::store::format::located(path, store.text(), first);
        bail!("{error}{more}");
    }
    println("ok")
}

/// `show ID`: an item of the board, else of the archive (read only then), marked as archived.
pub fn show(path: &Path, id: ItemId, as_json: bool, now: Timestamp) -> Result<()> {
    let board = open(path)?;
    if let Some(item) = board.item(id) {
        return show_item(&board, item, None, as_json, now);
    }
    let (_, archived) = crate::cli::archive::reading::both(path)?;
    let item = archived.item(id).ok_or(OpError::NoSuchItem(id))?;
    let file = crate::store::archive::path_of(path);
    show_item(&archived, item, Some(&file), as_json, now)
}

fn show_item(
    board: &Board,
    item: &Item,
    archive: Option<&Path>,
    as_json: bool,
    now: Timestamp,
) -> Result<()> {
    if as_json {
        let listing = json::Listing::of(board);
        let mut value = serde_json::to_value(json::item(board, &listing, item, now))?;
        if let (Some(object), Some(_)) = (value.as_object_mut(), archive) {
            object.insert("archived".into(), true.into());
        }
        return output::println_json(&serde_json::to_string_pretty(&value)?);
    }
    let mut out = text::show(board, item, now);
    if let Some(file) = archive {
        out.push_str(&format!(
            "archived in {} (`twotrack unarchive {}` puts it back)\n",
            file.display(),
            item.id
        ));
    }
    output::print(&out)
}

pub fn stats(path: &Path, as_json: bool) -> Result<()> {
    let board = open(path)?;
    let capacity = Capacity::of(&board);
    if as_json {
        output::println_json(&serde_json::to_string_pretty(&json::stats(&board.name, &capacity))?)
    } else {
        output::print(&text::stats(&capacity))
    }
}

/// After a move into a done column, says on stderr which definition-of-done entries are
/// unticked (a forced done says so in its summary already).
pub fn warn_unticked(board: &Board, id: ItemId) -> Result<()> {
    let done = |it: &&Item| board.is_done_column(it.track, &it.column) && it.forced.is_none();
    if let Some(item) = board.item(id).filter(done) {
        let unticked = two_stage::unticked(board, item);
        if !unticked.is_empty() {
            eprintln(&format!(
                "twotrack: warning: #{id} is done with unticked definition-of-done entries: {}",
                unticked.join("; ")
            ));
        }
    }
    Ok(())
}
