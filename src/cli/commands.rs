//! The non-interactive commands: each loads the board, maybe applies one edit, prints. Everything
//! printed goes through `output` (escaped; a closed pipe ends quietly). Only `init`, `add` and
//! the board screen on the default location create a board; the others read one that exists.

use std::path::Path;
use std::process::ExitCode;
use std::sync::OnceLock;

use anyhow::{Context, Result, bail};

use super::output::{eprintln, println};
use super::{
    AddArgs, Cli, Command, accept, config_cmd, criteria, debt, edit, initiative, json, list, output, text,
    variant,
};
use crate::clock;
use crate::config::Config;
use crate::domain::capacity::Capacity;
use crate::domain::change::{Edit, NewItem, Op, OpError, ops};
use crate::domain::dual_track::timebox;
use crate::domain::phases::initiatives;
use crate::domain::team::activity::Stamp;
use crate::domain::team::base::Base;
use crate::domain::{dual_track, two_stage};
use crate::model::{Board, ItemId, Timestamp};
use crate::store::error::sentence;
use crate::store::journal::Journal;
use crate::store::location::BoardPath;
use crate::store::{BoardLock, Opened, Store, location, users};

/// Who this process writes as, and whether it may write at all: the same for every command
/// of one run, so it is set once and `change` reads it (its callers stay as they are).
struct Writer {
    stamp: Stamp,
    readonly: bool,
}

static WRITER: OnceLock<Writer> = OnceLock::new();

/// The author of this run's changes (`--user`, `TWOTRACK_USER`, the config's `user`, else the
/// login name).
pub(super) fn author() -> String {
    WRITER.get().map_or_else(|| users::author(None), |w| w.stamp.author.clone())
}

pub fn run(cli: Cli) -> Result<ExitCode> {
    // These need no board and no config (a broken config must not hide where it is).
    match &cli.command {
        Some(Command::Config(args)) => return config_cmd::config(&cli, args).map(|()| ExitCode::SUCCESS),
        Some(Command::Completions { shell }) => {
            return config_cmd::completions(*shell).map(|()| ExitCode::SUCCESS);
        }
        Some(Command::Man) => return config_cmd::man().map(|()| ExitCode::SUCCESS),
        _ => {}
    }
    let config = Config::load(cli.config.as_deref())?;
    let given = cli.file.clone().or_else(|| config.board_file());
    let now = clock::now()?;
    // --user, else TWOTRACK_USER (clap reads it into the same flag), else the config's `user`,
    // else the login name.
    let author = users::author(cli.user.as_deref().or(config.user()));
    let stamp = Stamp { author, session: users::session_id(), time: now };
    let _ = WRITER.set(Writer { stamp: stamp.clone(), readonly: cli.readonly });
    // git's drivers and the setup name their own files: no board location is needed.
    match &cli.command {
        Some(Command::MergeFile(args)) => {
            return super::merge_file::run(args, &stamp).map(|()| ExitCode::SUCCESS);
        }
        Some(Command::MergeJournal(args)) => {
            return super::merge_journal::run(args).map(|()| ExitCode::SUCCESS);
        }
        Some(Command::GitSetup(args)) => {
            return super::git_setup::run(args, given.as_deref()).map(|()| ExitCode::SUCCESS);
        }
        _ => {}
    }
    let location = location::board_path(given.as_deref())?;
    let path = location.path.as_path();
    let Some(command) = cli.command else {
        let options = board_options(&cli, &config, stamp.author)?;
        return crate::tui::run(&location, now, options);
    };
    match command {
        Command::Init => init(&location, now)?,
        Command::Add(args) => add(&location, args, now)?,
        Command::List(args) => list::list(path, &args, now)?,
        Command::Edit(args) => edit::edit(path, args, now)?,
        Command::Delete { id } => {
            let op = change(path, now, |board| ops::remove(board, id))?;
            println(&op.summary)?;
        }
        Command::Show { id, json } => show(path, id, json, now)?,
        Command::Move { id, column } => {
            let op = change(path, now, |board| ops::move_to_column(board, id, &column, now))?;
            println(&op.summary)?;
            warn_unticked(path, id)?;
        }
        Command::Followup { id, title, estimate, severity } => {
            let op = change(path, now, |b| two_stage::follow_up(b, id, &title, estimate, severity, now))?;
            print_new_id(&op)?;
        }
        Command::Accept { id, by, note } => accept::run(path, id, by.as_deref(), note.as_deref(), now)?,
        Command::Variant { id, titles } => variant::split(path, id, &titles, now)?,
        Command::Pick { id } => variant::pick(path, id, now)?,
        Command::Criteria { id, criteria } => criteria::run(path, id, &criteria, now)?,
        Command::Promote { id, titles, learned, stage } => {
            let op = change(path, now, |b| dual_track::promote(b, id, &learned, &titles, stage, now))?;
            print_new_ids(&op)?;
        }
        Command::Drop { id, reason } => {
            let op = change(path, now, |board| dual_track::drop(board, id, &reason, now))?;
            println(&op.summary)?;
        }
        Command::Debt { json, sort } => debt::run(path, json, sort, now)?,
        Command::Stage { id, stage } => {
            let op = change(path, now, |board| ops::set_stage(board, id, stage, now))?;
            println(&op.summary)?;
        }
        Command::Stats { json } => stats(path, json)?,
        Command::Sprint(command) => super::sprint::run(path, command, now)?,
        Command::Commit { ids } => super::sprint::commit(path, &ids, now)?,
        Command::Uncommit { ids } => super::sprint::uncommit(path, &ids, now)?,
        Command::Block { id, reason } => super::block::block(path, id, &reason, now)?,
        Command::Unblock { id } => super::block::unblock(path, id, now)?,
        Command::Standup { since, markdown, stale_days } => {
            super::standup::run(path, since.as_deref(), markdown, stale_days, now)?
        }
        Command::Report { sprint, markdown } => super::report::run(path, sprint.as_deref(), markdown, now)?,
        Command::Log(args) => super::log::run(path, &args)?,
        Command::Check => check(path)?,
        Command::Initiative(command) => initiative::run(path, command, now)?,
        Command::Phase(args) => initiative::phase(path, args, now)?,
        Command::Decide(args) => initiative::decide(path, args, now)?,
        Command::Config(_)
        | Command::Completions { .. }
        | Command::Man
        | Command::MergeFile(_)
        | Command::MergeJournal(_)
        | Command::GitSetup(_) => {}
    }
    Ok(ExitCode::SUCCESS)
}

/// How the board screen starts: flags over the config file over what the terminal says.
fn board_options(cli: &Cli, config: &Config, author: String) -> Result<crate::tui::Options> {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let (theme, mut problems) = config.theme(cli.theme.as_deref(), no_color)?;
    let mut presenter_theme = theme.for_presenting();
    config.restyle(&mut presenter_theme);
    problems.extend(config.unread().map(str::to_owned));
    let (keymap, keymap_problems) = config.keymap();
    problems.extend(keymap_problems);
    let note = match problems.as_slice() {
        [] => None,
        [one] => Some(one.clone()),
        [first, rest @ ..] => Some(format!("{first} (and {} more problems in it)", rest.len())),
    };
    Ok(crate::tui::Options {
        readonly: cli.readonly,
        presenter: cli.presenter,
        theme,
        presenter_theme,
        ascii: if cli.ascii { Some(true) } else { config.ascii() },
        mouse: !cli.no_mouse && config.mouse().unwrap_or(true),
        keymap,
        note,
        author,
        follow: cli.follow.clone().map(|name| Some(name).filter(|n| !n.is_empty())),
    })
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
    refuse_if_readonly()?;
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
        let dir = crate::store::paths::directory_of(path);
        if !dir.is_dir() {
            bail!("directory {} does not exist; twotrack does not create it", dir.display());
        }
    }
    let lock = BoardLock::acquire(path)?;
    let opened = Store::open_locked(path, now, &lock)?;
    Ok((opened, lock))
}

fn add(location: &BoardPath, args: AddArgs, now: Timestamp) -> Result<()> {
    let phase = initiative::parse_phase(args.phase.as_deref())?;
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
        criteria: None,
    };
    refuse_if_readonly()?;
    Store::check_writable(&location.path)?;
    let (opened, lock) = create(location, now)?;
    note_created(&opened);
    let mut unanswered = None;
    let op = apply(opened, lock, now, |board| -> Result<Op> {
        let op = criteria::add(board, new, &args.criteria, now)?;
        unanswered = criteria::unanswered_warning(board, &op);
        Ok(match &args.initiative {
            Some(id) => initiatives::add_to(board, op, id, phase)?,
            None => op,
        })
    })?;
    print_new_id(&op)?;
    if let Some(warning) = unanswered {
        eprintln(&warning);
    }
    Ok(())
}

pub(super) fn print_new_id(op: &Op) -> Result<()> {
    match &op.edit {
        Edit::Add(item) => println(&item.id.to_string()),
        _ => bail!("internal error: adding produced no item"),
    }
}

/// The ids of the items an op adds, one per line.
pub(super) fn print_new_ids(op: &Op) -> Result<()> {
    let mut ids = String::new();
    if let Edit::Batch(edits) = &op.edit {
        for edit in edits {
            if let Edit::Add(item) = edit {
                ids.push_str(&format!("{}\n", item.id));
            }
        }
    }
    output::print(&ids)
}

/// After a move into a done column, says on stderr which definition-of-done entries are unticked.
fn warn_unticked(path: &Path, id: ItemId) -> Result<()> {
    let board = open(path)?;
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

fn show(path: &Path, id: ItemId, as_json: bool, now: Timestamp) -> Result<()> {
    let board = open(path)?;
    let item = board.item(id).ok_or(OpError::NoSuchItem(id))?;
    if as_json {
        let listing = json::Listing::of(&board);
        output::println_json(&serde_json::to_string_pretty(&json::item(&board, &listing, item, now))?)
    } else {
        output::print(&text::show(&board, item, now))
    }
}

fn stats(path: &Path, as_json: bool) -> Result<()> {
    let board = open(path)?;
    let capacity = Capacity::of(&board);
    if as_json {
        output::println_json(&serde_json::to_string_pretty(&json::stats(&capacity))?)
    } else {
        output::print(&text::stats(&capacity))
    }
}

/// Reads the board; a missing file is an error naming it (reading never creates anything).
pub(super) fn open(path: &Path) -> Result<Board> {
    Ok(Store::load(path)?.1)
}

/// Refuses a change under `--readonly`.
fn refuse_if_readonly() -> Result<()> {
    if WRITER.get().is_some_and(|w| w.readonly) {
        bail!("read-only (--readonly): nothing was changed");
    }
    Ok(())
}

/// Applies one user request to an existing board under its lock, so concurrent commands never
/// lose a change, and appends what changed to the journal under the same lock. Refused under
/// `--readonly`, and for a user who may not write the board file, before anything happens.
pub(super) fn change<E>(
    path: &Path,
    now: Timestamp,
    request: impl FnOnce(&Board) -> Result<Op, E>,
) -> Result<Op>
where
    anyhow::Error: From<E>,
{
    refuse_if_readonly()?;
    Store::check_writable(path)?;
    if !path.exists() {
        // Say so before a lock file is made beside a board that is not there.
        Store::load(path)?;
    }
    let lock = BoardLock::acquire(path)?;
    let opened = Opened::from(Store::load(path)?);
    apply(opened, lock, now, request)
}

/// Applies the request to the opened board, saves it and journals what changed, while `lock` is
/// held.
fn apply<E>(
    opened: Opened,
    lock: BoardLock,
    now: Timestamp,
    request: impl FnOnce(&Board) -> Result<Op, E>,
) -> Result<Op>
where
    anyhow::Error: From<E>,
{
    let Opened { mut store, mut board, .. } = opened;
    let op = request(&board)?;
    if !op.edit.is_noop() {
        let mut base = Base::default();
        base.note(&board, &op.edit);
        board.apply(op.edit.clone())?;
        store.save_locked(&board, &lock).with_context(|| "the change was not saved".to_string())?;
        let stamp = WRITER.get().map_or_else(
            || Stamp { author: users::author(None), session: String::new(), time: now },
            |w| w.stamp.clone(),
        );
        let entries = base.entries(None, &board, &[], &stamp);
        if let Err(err) = Journal::of(store.path()).append(&entries, &lock) {
            eprintln(&format!(
                "twotrack: warning: the change was saved, but not recorded in the journal: {}",
                sentence(&err)
            ));
        }
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
