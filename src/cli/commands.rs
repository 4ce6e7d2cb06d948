//! The non-interactive commands: each loads the board, maybe applies one edit, prints.

use std::path::Path;

use anyhow::{Context, Result, bail};

use super::{AddArgs, Cli, Command, ListArgs, json, text};
use crate::clock;
use crate::domain::backlinks::Backlinks;
use crate::domain::capacity::Capacity;
use crate::domain::lanes::Lanes;
use crate::domain::ops::{self, NewItem, Op, OpError};
use crate::domain::{Board, Edit, Item, ItemId, Timestamp, debt, dual_track, timebox, two_stage};
use crate::store::{BoardLock, Opened, Store, location};

pub fn run(cli: Cli) -> Result<()> {
    let path = location::through_links(location::board_path(cli.file.as_deref())?);
    let now = clock::now()?;
    let Some(command) = cli.command else {
        let options =
            crate::tui::Options { readonly: cli.readonly, presenter: cli.presenter, theme: cli.theme };
        return crate::tui::run(&path, now, options);
    };
    match command {
        Command::Add(args) => add(&path, args, now),
        Command::List(args) => list(&path, &args, now),
        Command::Show { id, json } => show(&path, id, json, now),
        Command::Move { id, column } => {
            let op = change(&path, now, |board| ops::move_to_column(board, id, &column, now))?;
            println!("{}", op.summary);
            warn_unticked(&path, id, now)
        }
        Command::Followup { id, title, estimate, severity } => {
            let op = change(&path, now, |b| two_stage::follow_up(b, id, &title, estimate, severity, now))?;
            print_new_id(&op)
        }
        Command::Accept { id } => {
            let op = change(&path, now, |board| two_stage::accept(board, id, now))?;
            println!("{}", op.summary);
            Ok(())
        }
        Command::Promote { id, titles, learned, stage } => {
            let op = change(&path, now, |b| dual_track::promote(b, id, &learned, &titles, stage, now))?;
            if let Edit::Batch(edits) = &op.edit {
                for edit in edits {
                    if let Edit::Add(item) = edit {
                        println!("{}", item.id);
                    }
                }
            }
            Ok(())
        }
        Command::Drop { id, reason } => {
            let op = change(&path, now, |board| dual_track::drop(board, id, &reason, now))?;
            println!("{}", op.summary);
            Ok(())
        }
        Command::Debt { json } => {
            let board = open(&path, now)?;
            let register = debt::register(&board, now);
            if json {
                println!("{}", serde_json::to_string_pretty(&json::debt(&board, &register, now))?);
            } else {
                print!("{}", text::debt(&board, &register));
            }
            Ok(())
        }
        Command::Stage { id, stage } => {
            let op = change(&path, now, |board| ops::set_stage(board, id, stage, now))?;
            println!("{}", op.summary);
            Ok(())
        }
        Command::Stats { json } => stats(&path, json, now),
        Command::Sprint(command) => super::sprint::run(&path, command, now),
        Command::Commit { ids } => super::sprint::commit(&path, &ids, now),
        Command::Uncommit { ids } => super::sprint::uncommit(&path, &ids, now),
        Command::Block { id, reason } => super::block::block(&path, id, &reason, now),
        Command::Unblock { id } => super::block::unblock(&path, id, now),
        Command::Standup { since, markdown, stale_days } => {
            super::standup::run(&path, since.as_deref(), markdown, stale_days, now)
        }
        Command::Report { sprint, markdown } => super::report::run(&path, sprint.as_deref(), markdown, now),
        Command::Check => {
            Store::load(&path)?;
            println!("ok");
            Ok(())
        }
    }
}

fn add(path: &Path, args: AddArgs, now: Timestamp) -> Result<()> {
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
    let op = change(path, now, |board| ops::add(board, new, now))?;
    print_new_id(&op)
}

fn print_new_id(op: &Op) -> Result<()> {
    match &op.edit {
        Edit::Add(item) => println!("{}", item.id),
        _ => bail!("internal error: adding produced no item"),
    }
    Ok(())
}

/// After a move into a done column, says on stderr which definition-of-done entries are unticked.
fn warn_unticked(path: &Path, id: ItemId, now: Timestamp) -> Result<()> {
    let board = open(path, now)?;
    if let Some(item) = board.item(id).filter(|it| board.is_done_column(it.track, &it.column)) {
        let unticked = two_stage::unticked(&board, item);
        if !unticked.is_empty() {
            eprintln!(
                "twotrack: warning: #{id} is done with unticked definition-of-done entries: {}",
                unticked.join("; ")
            );
        }
    }
    Ok(())
}

fn list(path: &Path, args: &ListArgs, now: Timestamp) -> Result<()> {
    let board = open(path, now)?;
    if let Some(column) = &args.column {
        ops::find_column(&board, column)?;
    }
    if let Some(sprint) = args.sprint.as_ref().filter(|s| board.sprint(s).is_none()) {
        return Err(OpError::NoSuchSprint(sprint.clone()).into());
    }
    let lanes = Lanes::build(&board);
    let items: Vec<&Item> = lanes
        .board_order()
        .filter_map(|id| board.item(id))
        .filter(|it| args.track.is_none_or(|t| it.track == t))
        .filter(|it| args.stage.is_none_or(|s| it.stage == s))
        .filter(|it| args.column.as_ref().is_none_or(|c| &it.column == c))
        .filter(|it| !args.blocked || it.blocked.is_some())
        .filter(|it| args.sprint.as_ref().is_none_or(|s| it.sprint.as_ref() == Some(s)))
        .collect();
    if args.json {
        let links = Backlinks::of(&board);
        let rows: Vec<_> = items.iter().map(|it| json::item(&board, &links, it, now)).collect();
        println!("{}", serde_json::to_string_pretty(&rows)?);
    } else {
        print!("{}", text::list(&board, &items));
    }
    Ok(())
}

fn show(path: &Path, id: ItemId, as_json: bool, now: Timestamp) -> Result<()> {
    let board = open(path, now)?;
    let item = board.item(id).ok_or(OpError::NoSuchItem(id))?;
    if as_json {
        let links = Backlinks::of(&board);
        println!("{}", serde_json::to_string_pretty(&json::item(&board, &links, item, now))?);
    } else {
        print!("{}", text::show(&board, item, now));
    }
    Ok(())
}

fn stats(path: &Path, as_json: bool, now: Timestamp) -> Result<()> {
    let board = open(path, now)?;
    let capacity = Capacity::of(&board);
    if as_json {
        println!("{}", serde_json::to_string_pretty(&json::stats(&capacity))?);
    } else {
        print!("{}", text::stats(&capacity));
    }
    Ok(())
}

/// Opens the board for reading, creating it from the starter board on first use.
fn open(path: &Path, now: Timestamp) -> Result<Board> {
    let opened = Store::open(path, now)?;
    note_created(&opened);
    Ok(opened.board)
}

/// Applies one user request under the board's lock, so concurrent commands never lose a change.
pub(super) fn change(
    path: &Path,
    now: Timestamp,
    request: impl FnOnce(&Board) -> Result<Op, OpError>,
) -> Result<Op> {
    let lock = BoardLock::acquire(path)?;
    let opened = Store::open_locked(path, now, &lock)?;
    note_created(&opened);
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
        eprintln!(
            "twotrack: created a new board at {} from the starter board",
            opened.store.path().display()
        );
    }
}
