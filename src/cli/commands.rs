//! The dispatcher of the non-interactive commands: each loads the board, maybe applies one edit
//! (through [`Target`], the session's write path), prints. Everything printed goes through
//! `output` (escaped; a closed pipe ends quietly). Only `init`, `add` and the board screen on the
//! default location create a board; the others read one that exists. The command modules never
//! import this one.

use std::process::ExitCode;

use anyhow::Result;

use super::target::{Target, print_new_id, print_new_ids};
use crate::cli::items::{board, create, edit, inspect, list};
use crate::cli::phases::initiative;
use crate::cli::print::output::println;
use crate::cli::workflow::{accept, criteria, debt, variant};
use crate::cli::{Cli, Command, ReportArgs, RetroArgs, config_cmd};
use crate::clock;
use crate::config::Config;
use crate::domain::change::ops;
use crate::domain::{dual_track, two_stage};
use crate::session::Writer;
use crate::store::{location, users};

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
    // else the login name. Who writes, and whether they may, is the same for every command of
    // this run.
    let mut writer = Writer::new(users::author(cli.user.as_deref().or(config.user())));
    if cli.readonly {
        writer = writer.read_only("--readonly".into());
    }
    // git's drivers and the setup name their own files: no board location is needed.
    match &cli.command {
        Some(Command::MergeFile(args)) => {
            return crate::cli::git::merge_file::run(args, &writer.stamp(now)).map(|()| ExitCode::SUCCESS);
        }
        Some(Command::MergeJournal(args)) => {
            return crate::cli::git::merge_journal::run(args).map(|()| ExitCode::SUCCESS);
        }
        Some(Command::GitSetup(args)) => {
            return crate::cli::git::git_setup::run(args, given.as_deref()).map(|()| ExitCode::SUCCESS);
        }
        _ => {}
    }
    let location = location::board_path(given.as_deref())?;
    let path = location.path.as_path();
    let Some(command) = cli.command else {
        let options = board_options(&cli, &config, writer.name().to_owned())?;
        return crate::tui::run(&location, now, options);
    };
    let target = Target::new(path, &writer);
    match command {
        Command::Init { name, empty } => create::init(&location, &writer, name.as_deref(), empty, now)?,
        Command::Rename { name } => board::rename(target, &name, now)?,
        Command::Policy(command) => board::policy(target, command, now)?,
        Command::Add(args) => create::add(&location, &writer, args, now)?,
        Command::List(args) => list::list(path, &args, now)?,
        Command::Edit(args) => edit::edit(target, args, now)?,
        Command::Delete { id } => {
            let op = target.change(now, |board| ops::remove(board, id))?;
            println(&op.summary)?;
        }
        Command::Show { id, json } => inspect::show(path, id, json, now)?,
        Command::Move { id, column, force } => board::move_item(target, id, &column, &force, now)?,
        Command::Followup { id, title, estimate, severity } => {
            let op = target.change(now, |b| two_stage::follow_up(b, id, &title, estimate, severity, now))?;
            print_new_id(&op)?;
        }
        Command::Accept { id, by, note, force } => {
            accept::run(target, id, by.as_deref(), note.as_deref(), &force, now)?
        }
        Command::Variant { id, titles } => variant::split(target, id, &titles, now)?,
        Command::Pick { id } => variant::pick(target, id, now)?,
        Command::Criteria { id, criteria } => criteria::run(target, id, &criteria, now)?,
        Command::Promote { id, titles, learned, stage } => {
            let op = target.change(now, |b| dual_track::promote(b, id, &learned, &titles, stage, now))?;
            print_new_ids(&op)?;
        }
        Command::Drop { id, reason } => {
            let op = target.change(now, |board| dual_track::drop(board, id, &reason, now))?;
            println(&op.summary)?;
        }
        Command::Debt { json, sort } => debt::run(path, json, sort, now)?,
        Command::Stage { id, stage } => {
            let op = target.change(now, |board| ops::set_stage(board, id, stage, now))?;
            println(&op.summary)?;
        }
        Command::Stats { json } => inspect::stats(path, json)?,
        Command::Sprint(command) => crate::cli::rhythm::sprint::run(target, command, now)?,
        Command::Commit { ids } => crate::cli::rhythm::commit::commit(target, &ids, now)?,
        Command::Uncommit { ids } => crate::cli::rhythm::commit::uncommit(target, &ids, now)?,
        Command::Measure { id, name, before, after, unit, remove } => {
            let typed = (before.as_deref(), after.as_deref(), unit.as_deref());
            crate::cli::workflow::measure::run(target, id, &name, typed, remove, now)?
        }
        Command::Block { id, reason } => crate::cli::items::block::block(target, id, &reason, now)?,
        Command::Unblock { id } => crate::cli::items::block::unblock(target, id, now)?,
        Command::Restore(args) => crate::cli::items::restore::restore(target, path, &args, now)?,
        Command::Trash(args) => crate::cli::items::restore::list(path, args.json)?,
        Command::Standup { since, markdown, json, stale_days } => {
            let form = crate::cli::rhythm::standup::Form::of(markdown, json);
            crate::cli::rhythm::standup::run(path, since.as_deref(), form, stale_days, now)?
        }
        Command::Report(ReportArgs { sprint, markdown, json, html }) => {
            use crate::cli::rhythm::report::{Destination, Format, run};
            let format = match (json, markdown, html.html) {
                (_, _, true) => Format::Html(Destination { output: html.output, force: html.force }),
                (true, _, _) => Format::Json,
                (false, true, _) => Format::Markdown,
                (false, false, _) => Format::Text,
            };
            run(path, sprint.as_deref(), format, now)?
        }
        Command::Retro(args) => {
            let RetroArgs { sprint, last, markdown, json, apply, html } = args;
            let html = html.html.then_some(crate::cli::rhythm::report::Destination {
                output: html.output,
                force: html.force,
            });
            let ask = crate::cli::rhythm::retro::Ask {
                sprint: sprint.as_deref(),
                last,
                markdown,
                json,
                apply,
                html,
            };
            crate::cli::rhythm::retro::run(target, path, ask, now)?
        }
        Command::Log(args) => crate::cli::rhythm::log::run(path, &args)?,
        Command::Check => inspect::check(path)?,
        Command::Import(args) => crate::cli::exchange::import::run(&location, &writer, &args, &config, now)?,
        Command::Export(args) => crate::cli::exchange::export::run(path, &args)?,
        Command::Initiative(command) => initiative::run(target, command, now)?,
        Command::Phase(args) => initiative::phase(target, args, now)?,
        Command::Decide(args) => initiative::decide(target, args, now)?,
        Command::Archive(args) => crate::cli::archive::run(target, args, now)?,
        Command::Unarchive(args) => crate::cli::archive::unarchive(target, args, now)?,
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
        label_keeps_place: config.label_keeps_place(),
        keymap,
        note,
        author,
        follow: cli.follow.clone().map(|name| Some(name).filter(|n| !n.is_empty())),
    })
}
