//! `show`, `stats` and `check`: commands that read the board (and, where they need it, the
//! archive) and change nothing.

use std::path::Path;

use anyhow::{Result, bail};

use crate::cli::print::output::println;
use crate::cli::print::{json, output, text};
use crate::cli::target::open;
use crate::domain::capacity::Capacity;
use crate::domain::change::{Edit, OpError};
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

/// The warning for item `id` once `edit` is made on `board`: in a done column with unticked
/// entries of its definition of done and not forced (a definition that only warns).
pub fn unticked_after(board: &Board, id: ItemId, edit: &Edit) -> Option<String> {
    let mut item = board.item(id)?.clone();
    changed(&mut item, edit);
    let done = board.is_done_column(item.track, &item.column) && item.forced.is_none();
    let unticked = if done { two_stage::unticked(board, &item) } else { Vec::new() };
    (!unticked.is_empty()).then(|| {
        format!(
            "twotrack: warning: #{id} is done with unticked definition-of-done entries: {}",
            unticked.join("; ")
        )
    })
}

/// `item` with the changes `edit` makes to it.
fn changed(item: &mut Item, edit: &Edit) {
    match edit {
        Edit::Change { id, change, .. } if *id == item.id => _ = change.as_ref().clone().apply_to(item),
        Edit::Batch(edits) => edits.iter().for_each(|edit| changed(item, edit)),
        _ => {}
    }
}
