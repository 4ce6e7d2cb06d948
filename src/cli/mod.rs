//! The command line (docs/guide/command-line.md): arguments, dispatch, and the exit status.

mod archive;
mod args;
mod commands;
mod config_cmd;
mod exchange;
mod exit;
mod git;
mod items;
mod phases;
pub mod print;
pub mod rhythm;
mod target;
mod workflow;

use self::print::output;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

use crate::domain::two_stage::debt::Sort;
use crate::model::{ItemId, Severity, Stage};
pub use args::{
    AddArgs, ConfigArgs, EditArgs, ForceArgs, ListArgs, ListFormat, NewEstimate, PolicyCommand, ReportArgs,
    RetroArgs, SprintArgs, SprintCommand,
};
use args::{parse_estimate, parse_id, parse_severity, parse_sort, parse_stage};

/// A keyboard-driven planning board for dual-track, two-stage delivery.
///
/// Without a command it opens the board in the terminal.
#[derive(Debug, Parser)]
#[command(name = "twotrack", version, propagate_version = true)]
pub struct Cli {
    /// The board file (default: the config file's `file`, else board.ron in your data
    /// directory, created from the starter board when the board screen first opens there;
    /// elsewhere `init` or `add` create one).
    #[arg(long, short = 'f', global = true, env = "TWOTRACK_FILE", value_name = "PATH")]
    pub file: Option<PathBuf>,

    /// The config file (default: twotrack/config.ron in your config directory; see `config`).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Write a diagnostic log to FILE (level from TWOTRACK_LOG, default debug).
    #[arg(long, global = true, value_name = "FILE")]
    pub log: Option<PathBuf>,

    /// ASCII borders and marks (the default when the locale's character set is not UTF-8).
    #[arg(long, global = true)]
    pub ascii: bool,

    /// Board screen: no mouse (clicks and the wheel go to the terminal, for selecting text).
    #[arg(long)]
    pub no_mouse: bool,

    /// Change nothing: the board screen follows the file but refuses every change, and commands
    /// that would change the board refuse (exit 1).
    #[arg(long, global = true)]
    pub readonly: bool,

    /// The author name of this session's changes in the journal (default: your login name).
    #[arg(long, global = true, env = "TWOTRACK_USER", value_name = "NAME")]
    pub user: Option<String>,

    /// Board screen: start in presenter mode (high contrast, details always shown).
    #[arg(long)]
    pub presenter: bool,

    /// Board screen: follow the presenter (the one called NAME, else whoever presents), keeping
    /// the selection, zoom and open view in step; your own keys stop following, the follow key
    /// (see `?`) resumes.
    #[arg(long, value_name = "NAME", num_args = 0..=1, default_missing_value = "")]
    pub follow: Option<String>,

    /// Board screen: default, presenter or monochrome (default: monochrome when NO_COLOR is set).
    #[arg(long, value_name = "NAME")]
    pub theme: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create the board file from the starter board (never over an existing one).
    Init {
        /// The board's name (it heads the board screen, the standup and the review).
        #[arg(long)]
        name: Option<String>,
        /// Start without the starter board's demo items (its columns and settings stay).
        #[arg(long)]
        empty: bool,
    },
    /// Rename the board.
    Rename {
        /// The new name.
        name: String,
    },
    /// The board's policies: `policy dod 1 enforce` holds the team to stage one's definition
    /// of done.
    #[command(subcommand)]
    Policy(PolicyCommand),
    /// Add an item and print its new id (creates the board if there is none yet).
    Add(AddArgs),
    /// List items in board order: track, column, lane, position.
    List(ListArgs),
    /// Show one item with all its fields.
    Show {
        /// The item's id (`7` or `#7`).
        #[arg(value_parser = parse_id)]
        id: ItemId,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Change fields of an item; only the fields given change.
    Edit(EditArgs),
    /// Delete an item.
    Delete {
        #[arg(value_parser = parse_id)]
        id: ItemId,
    },
    /// Move an item to another column of its track.
    Move {
        #[arg(value_parser = parse_id)]
        id: ItemId,
        /// The column, by id or name in any case (`doing`, `"In progress"`).
        column: String,
        #[command(flatten)]
        force: ForceArgs,
    },
    /// Label an item stage one (ship fast) or stage two (refinement).
    Stage {
        #[arg(value_parser = parse_id)]
        id: ItemId,
        /// 1 or 2.
        #[arg(value_parser = parse_stage)]
        stage: Stage,
    },
    /// Log a stage-two follow-up (a debt item) for a stage-one item; prints the new id.
    Followup {
        #[arg(value_parser = parse_id)]
        id: ItemId,
        /// The follow-up's title.
        title: String,
        /// Repayment cost in points.
        #[arg(long, value_parser = parse_estimate)]
        estimate: Option<u32>,
        /// low, medium, high or critical.
        #[arg(long, value_parser = parse_severity)]
        severity: Option<Severity>,
    },
    /// Accept a stage-one item: its open follow-ups go to the top of the first delivery column.
    Accept {
        #[arg(value_parser = parse_id)]
        id: ItemId,
        /// How it was accepted: ab-test, sign-off, evaluation, or your own words.
        #[arg(long, value_name = "HOW")]
        by: Option<String>,
        /// What backs it: who signed off, the test result.
        #[arg(long)]
        note: Option<String>,
        #[command(flatten)]
        force: ForceArgs,
    },
    /// Split a stage-one item into variants of an experiment (it is variant A, each title another);
    /// prints the new ids.
    Variant {
        #[arg(value_parser = parse_id)]
        id: ItemId,
        /// Titles of the other variants (one to four).
        titles: Vec<String>,
    },
    /// Pick the winning variant of an experiment: the others are archived as lost, the winner is
    /// accepted and its follow-ups go next.
    Pick {
        #[arg(value_parser = parse_id)]
        id: ItemId,
    },
    /// Record why a discovery item is discovery work: entry criteria by name or number, or `none`.
    Criteria {
        #[arg(value_parser = parse_id)]
        id: ItemId,
        /// Criteria such as high-risk-change or 2; `none` when none applies.
        #[arg(required = true)]
        criteria: Vec<String>,
    },
    /// Promote a discovery item into delivery items (one per title); prints the new ids.
    Promote {
        #[arg(value_parser = parse_id)]
        id: ItemId,
        /// Titles of the delivery items to create.
        #[arg(required = true)]
        titles: Vec<String>,
        /// What was learned.
        #[arg(long, default_value = "")]
        learned: String,
        /// Stage of the new items (default 1).
        #[arg(long, value_parser = parse_stage, default_value = "1")]
        stage: Stage,
    },
    /// Drop a discovery item, saying why; nothing is created.
    Drop {
        #[arg(value_parser = parse_id)]
        id: ItemId,
        /// Why it was dropped.
        #[arg(long, required = true)]
        reason: String,
    },
    /// The debt register: open debt by severity and cost, and debt created and repaid lately.
    Debt {
        #[arg(long)]
        json: bool,
        /// severity (then cost) or interest (the most accrued first).
        #[arg(long, value_parser = parse_sort, default_value = "severity")]
        sort: Sort,
    },
    /// Show the capacity split: planned work by track and by stage against the targets.
    Stats {
        #[arg(long)]
        json: bool,
    },
    /// Sprints: start one, close the open one, list them.
    #[command(subcommand)]
    Sprint(SprintCommand),
    /// Commit items to the open sprint.
    Commit {
        #[arg(required = true, value_parser = parse_id)]
        ids: Vec<ItemId>,
    },
    /// Take items out of the open sprint, back to the backlog.
    Uncommit {
        #[arg(required = true, value_parser = parse_id)]
        ids: Vec<ItemId>,
    },
    /// Record what an item improved, before and after: `measure 21 "p95 checkout latency" 480 210 ms`
    /// (the same name again replaces it; `--remove` takes it away). Shown in `show` and in the
    /// review's "Stage two bought".
    Measure {
        #[arg(value_parser = parse_id)]
        id: ItemId,
        /// What was measured: "p95 checkout latency", "coverage".
        name: String,
        /// The number before the work (480, 41, 0.95).
        #[arg(required_unless_present = "remove", allow_negative_numbers = true)]
        before: Option<String>,
        /// The number after it.
        #[arg(required_unless_present = "remove", allow_negative_numbers = true)]
        after: Option<String>,
        /// Its unit: ms, %, MB.
        unit: Option<String>,
        /// Remove the item's measure of this name instead.
        #[arg(long, conflicts_with_all = ["before", "after", "unit"])]
        remove: bool,
    },
    /// Mark an item blocked, saying why.
    Block {
        #[arg(value_parser = parse_id)]
        id: ItemId,
        /// What it is waiting for.
        #[arg(long, required = true)]
        reason: String,
    },
    /// Clear an item's blocked mark.
    Unblock {
        #[arg(value_parser = parse_id)]
        id: ItemId,
    },
    /// What moved since the last standup, per person, split into delivery, refinement and
    /// spikes; debt logged and repaid; items with more debt than anticipated; what is blocked,
    /// overdue, or has not moved for days; what is in progress by person.
    Standup {
        /// From when: a date, a time, or a length back (2h, 1d, 1w) (default: the last standup
        /// mark, else the start of the previous working day).
        #[arg(long, value_name = "WHEN")]
        since: Option<String>,
        /// Print Markdown (for a chat or meeting notes).
        #[arg(long, conflicts_with = "json")]
        markdown: bool,
        /// Print JSON (every list in full; the shape is in docs/guide/command-line.md).
        #[arg(long)]
        json: bool,
        /// Call out items not moved for this many days (default: the board's setting, 3).
        #[arg(long, value_name = "N")]
        stale_days: Option<u32>,
    },
    /// The sprint review: figures, the trend of the last sprints, debt repaid, discovery outcomes.
    Report(ReportArgs),
    /// The retrospective of the last sprints: the balance against the targets, where debt grows
    /// fastest, where the capacity went, discovery, drag, open retro actions, and the stage-two
    /// target proposed for the next sprints (`--apply` makes it the board's).
    Retro(RetroArgs),
    /// Validate the board file: print `ok`, or the error with its line and column (exit 1).
    Check,
    /// Bring in items from GitHub, Jira, Linear, Trello, an Obsidian Kanban board or another
    /// twotrack board; run it again to update them (docs/guide/import-export.md).
    Import(exchange::import::Args),
    /// Write the board as an Obsidian Kanban board, a Jira CSV, GitHub-issues JSON, Markdown or CSV.
    Export(exchange::export::Args),
    /// Where the config file is read from, or a complete commented example of one.
    Config(ConfigArgs),
    /// Print a shell completion script: `twotrack completions bash > ~/.local/share/bash-completion/completions/twotrack`.
    Completions {
        /// bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `twotrack man > twotrack.1`.
    Man,
    /// The activity journal: who changed what and when, and values not applied in conflicts.
    Log(rhythm::log::LogArgs),
    /// Bring a deleted item back from the journal with its fields, place and links.
    Restore(items::restore::RestoreArgs),
    /// List the deleted items that `restore` can bring back, the most recent first.
    Trash(items::restore::TrashArgs),
    /// Phased delivery: add, list, show and edit initiatives.
    #[command(subcommand)]
    Initiative(phases::initiative::InitiativeCommand),
    /// Put an item into a phase (mvp, enhancement, polish) of its initiative; `none` takes it out.
    Phase(phases::initiative::PhaseArgs),
    /// Record the decision at a phase boundary of an initiative: review, decide, plan, tell.
    Decide(phases::initiative::DecideArgs),
    /// Merge three versions of a board file as boards (git's merge driver; see git-setup).
    ///
    /// Exit status 0: merged; 1: merged with conflicts recorded (ours kept, the file is a valid
    /// board); 2: nothing merged.
    MergeFile(git::merge_file::Args),
    /// Merge three versions of a board's journal: every line once, in time order (git's merge
    /// driver for the journal).
    MergeJournal(git::merge_journal::Args),
    /// Set up the git repository that holds the board to merge it with twotrack (run once per
    /// clone): .gitattributes, .gitignore and the merge drivers in the git config.
    GitSetup(git::git_setup::Args),
    /// Move done items off the board into <board>.archive.ron (they keep their ids).
    Archive(archive::ArchiveArgs),
    /// Put archived items back where they were (their column, or their track's first column).
    Unarchive(archive::UnarchiveArgs),
}

/// Help, the version, or a usage error (which may quote what was typed: escaped like all
/// output), with a hint where a shell probably ate the item id: an unquoted `#7` starts a
/// comment, so the id never arrives.
fn usage(err: &clap::Error) -> ExitCode {
    let text = err.render().to_string();
    if err.use_stderr() {
        output::eprint(&text);
        let missing_id =
            err.kind() == clap::error::ErrorKind::MissingRequiredArgument && text.contains("<ID>");
        if missing_id {
            output::eprintln(
                "hint: a shell reads `#7` as the start of a comment; write the id as 7, or quote it: '#7'",
            );
        }
    } else if let Err(e) = output::print(&text)
        && !e.is::<output::OutputClosed>()
    {
        return ExitCode::FAILURE;
    }
    ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(2))
}

/// Runs the program with the process's arguments. Exit status (docs/guide/command-line.md, "Exit status"): 0
/// success (also when the reader of the output went away), 1 failure, 2 usage error, and for the
/// board screen 1 when the last changes could only go to a recovery copy and 128 + the signal
/// when a signal ended it.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return usage(&err),
    };
    if let Err(err) = crate::diagnostics::init(cli.log.as_deref()) {
        output::eprintln(&format!("twotrack: {err:#}"));
        return ExitCode::FAILURE;
    }
    match commands::run(cli) {
        Ok(code) => code,
        Err(err) if err.is::<output::OutputClosed>() => ExitCode::SUCCESS,
        Err(err) => {
            output::eprintln(&format!("twotrack: {err:#}"));
            ExitCode::from(exit::code(&err))
        }
    }
}

/// The clap definition, for completions and the man page.
pub fn definition() -> clap::Command {
    Cli::command()
}
