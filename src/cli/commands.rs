//! The non-interactive commands: each loads the board, maybe applies one edit, and prints what
//! it has to say once, through `output` (escaped, quiet on a closed pipe).

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use super::output::{self, eprintln, println};
use super::{AddArgs, Cli, Command, ListArgs, json, text};
use crate::clock;
use crate::domain::capacity::Capacity;
use crate::domain::lanes::Lanes;
use crate::domain::ops::{self, NewItem, Op, OpError};
use crate::domain::{Board, Edit, Item, ItemId, Timestamp, debt, dual_track, timebox, two_stage};
use crate::store::location::BoardPath;
use crate::store::{BoardLock, Opened, Store, location};

pub fn run(cli: Cli) -> Result<ExitCode> {
    let location = location::board_path(cli.file.as_deref())?;
    let path = location.path.as_path();
    let now = clock::now()?;
    let Some(command) = cli.command else {
        let options =
            crate::tui::Options { readonly: cli.readonly, presenter: cli.presenter, theme: cli.theme };
        return crate::tui::run(&location, now, options);
    };
    match command {
        Command::Init => init(&location, now)?,
        Command::Add(args) => add(&location, args, now)?,
        Command::List(args) => list(path, &args, now)?,
        Command::Show { id, json } => show(path, id, json, now)?,
        Command::Move { id, column } => {
            let op = change(path, |board| ops::move_to_column(board, id, &column, now))?;
            println(&op.summary)?;
            warn_unticked(path, id)?;
        }
        Command::Followup { id, title, estimate, severity } => {
            let op = change(path, |b| two_stage::follow_up(b, id, &title, estimate, severity, now))?;
            print_new_id(&op)?;
        }
        Command::Accept { id } => {
            let op = change(path, |board| two_stage::accept(board, id, now))?;
            println(&op.summary)?;
        }
        Command::Promote { id, titles, learned, stage } => {
            let op = change(path, |b| dual_track::promote(b, id, &learned, &titles, stage, now))?;
            let mut ids = String::new();
            if let Edit::Batch(edits) = &op.edit {
                for edit in edits {
                    if let Edit::Add(item) = edit {
                        ids.push_str(&format!("{}\n", item.id));
                    }
                }
            }
            output::print(&ids)?;
        }
        Command::Drop { id, reason } => {
            let op = change(path, |board| dual_track::drop(board, id, &reason, now))?;
            println(&op.summary)?;
        }
        Command::Debt { json } => {
            let (_, board) = Store::load(path)?;
            let register = debt::register(&board, now);
            if json {
                output::println_json(&serde_json::to_string_pretty(&json::debt(&board, &register, now))?)?;
            } else {
                output::print(&text::debt(&board, &register))?;
            }
        }
        Command::Stage { id, stage } => {
            let op = change(path, |board| ops::set_stage(board, id, stage, now))?;
            println(&op.summary)?;
        }
        Command::Stats { json } => stats(path, json)?,
        Command::Check => check(path)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// `check`: the file loads, and every reference points at an item that is there.
fn check(path: &Path) -> Result<()> {
    let (store, board) = Store::load(path)?;
    let mut dangling = board.dangling_references().into_iter();
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

/// `init`: creates the board from the starter board; an existing board is left alone.
fn init(location: &BoardPath, now: Timestamp) -> Result<()> {
    let path = &location.path;
    if path.exists() {
        bail!("board file {} already exists; nothing was changed", path.display());
    }
    let (opened, _lock) = create(location, now)?;
    if !opened.created {
        bail!("board file {} already exists; nothing was changed", path.display());
    }
    println(&format!("created {} from the starter board", path.display()))
}

/// Opens the board at `location` under its lock, creating it from the starter board if there is
/// none: in twotrack's own data directory (made if need be), or in a directory that exists.
fn create(location: &BoardPath, now: Timestamp) -> Result<(Opened, BoardLock)> {
    let path = &location.path;
    if location.default {
        Store::prepare_directory(path)?;
    } else {
        let dir = crate::store::atomic::directory_of(path);
        if !dir.is_dir() {
            bail!("directory {} does not exist; twotrack does not create it", dir.display());
        }
    }
    let lock = BoardLock::acquire(path)?;
    let opened = Store::open_locked(path, now, &lock)?;
    Ok((opened, lock))
}

fn add(location: &BoardPath, args: AddArgs, now: Timestamp) -> Result<()> {
    let new = NewItem {
        title: args.title,
        track: args.track,
        column: args.column,
        stage: args.stage,
        kind: args.kind,
        estimate: args.estimate,
        tags: args.tags,
        assignee: args.assignee,
        description: args.description.unwrap_or_default(),
        severity: args.severity,
        question: args.question,
        outcome: args.outcome,
        timebox: args
            .timebox
            .map(|t| timebox::parse(&t, now.date_naive()))
            .transpose()
            .map_err(anyhow::Error::msg)?,
    };
    Store::check_writable(&location.path)?;
    let (opened, lock) = create(location, now)?;
    note_created(&opened);
    let op = apply(opened, lock, |board| ops::add(board, new, now))?;
    print_new_id(&op)
}

fn print_new_id(op: &Op) -> Result<()> {
    match &op.edit {
        Edit::Add(item) => println(&item.id.to_string()),
        _ => bail!("internal error: adding produced no item"),
    }
}

/// After a move into a done column, says on stderr which definition-of-done entries are unticked.
fn warn_unticked(path: &Path, id: ItemId) -> Result<()> {
    let (_, board) = Store::load(path)?;
    if let Some(item) = board.item(id).filter(|it| board.is_done_column(it.track, &it.column)) {
        let unticked = two_stage::unticked(&board, item);
        if !unticked.is_empty() {
            eprintln(&format!(
                "twotrack: warning: #{id} is done with unticked definition-of-done entries: {}",
                unticked.join("; ")
            ));
        }
    }
    Ok(())
}

fn list(path: &Path, args: &ListArgs, now: Timestamp) -> Result<()> {
    let (_, board) = Store::load(path)?;
    if let Some(column) = &args.column {
        ops::find_column(&board, column)?;
    }
    let lanes = Lanes::build(&board);
    let items: Vec<&Item> = lanes
        .board_order()
        .filter_map(|id| board.item(id))
        .filter(|it| args.track.is_none_or(|t| it.track == t))
        .filter(|it| args.stage.is_none_or(|s| it.stage == s))
        .filter(|it| args.column.as_ref().is_none_or(|c| &it.column == c))
        .collect();
    if args.json {
        let listing = json::Listing::of(&board);
        let rows: Vec<_> = items.iter().map(|it| json::item(&board, &listing, it, now)).collect();
        output::println_json(&serde_json::to_string_pretty(&rows)?)
    } else {
        output::print(&text::list(&board, &items))
    }
}

fn show(path: &Path, id: ItemId, as_json: bool, now: Timestamp) -> Result<()> {
    let (_, board) = Store::load(path)?;
    let item = board.item(id).ok_or(OpError::NoSuchItem(id))?;
    if as_json {
        let listing = json::Listing::of(&board);
        output::println_json(&serde_json::to_string_pretty(&json::item(&board, &listing, item, now))?)
    } else {
        output::print(&text::show(&board, item, now))
    }
}

fn stats(path: &Path, as_json: bool) -> Result<()> {
    let (_, board) = Store::load(path)?;
    let capacity = Capacity::of(&board);
    if as_json {
        output::println_json(&serde_json::to_string_pretty(&json::stats(&capacity))?)
    } else {
        output::print(&text::stats(&capacity))
    }
}

/// Applies one user request to an existing board under its lock, so concurrent commands never
/// lose a change. A user who may not write the board file is refused before anything happens.
fn change(path: &Path, request: impl FnOnce(&Board) -> Result<Op, OpError>) -> Result<Op> {
    Store::check_writable(path)?;
    if !path.exists() {
        // Say so before a lock file is made beside a board that is not there.
        Store::load(path)?;
    }
    let lock = BoardLock::acquire(path)?;
    let opened = Opened::from(Store::load(path)?);
    apply(opened, lock, request)
}

/// Applies the request to the opened board and saves it while `lock` is held.
fn apply(opened: Opened, lock: BoardLock, request: impl FnOnce(&Board) -> Result<Op, OpError>) -> Result<Op> {
    let Opened { mut store, mut board, .. } = opened;
    let op = request(&board)?;
    if !op.edit.is_noop() {
        board.apply(op.edit.clone())?;
        store.save_locked(&board, &lock).with_context(|| "the change was not saved".to_string())?;
    }
    Ok(op)
}

fn note_created(opened: &Opened) {
    if opened.created {
        eprintln(&format!(
            "twotrack: created a new board at {} from the starter board",
            opened.store.path().display()
        ));
    }
}
