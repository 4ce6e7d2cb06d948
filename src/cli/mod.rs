//! The command line (SPEC §5): arguments, dispatch, and the exit status.

mod block;
mod commands;
mod doc;
mod json;
mod report;
mod sprint;
mod standup;
mod text;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::domain::sprint::{Model, Rollover};
use crate::domain::{ItemId, Kind, Severity, Stage, Track};

/// A keyboard-driven planning board for dual-track, two-stage delivery.
///
/// Without a command it opens the board in the terminal.
#[derive(Debug, Parser)]
#[command(name = "twotrack", version, propagate_version = true)]
pub struct Cli {
    /// The board file (default: board.ron in your data directory; created from the starter
    /// board if missing).
    #[arg(long, short = 'f', global = true, env = "TWOTRACK_FILE", value_name = "PATH")]
    pub file: Option<PathBuf>,

    /// Board screen: follow the file but refuse every change (for people who only watch).
    #[arg(long)]
    pub readonly: bool,

    /// Board screen: start in presenter mode (high contrast, details always shown).
    #[arg(long)]
    pub presenter: bool,

    /// Board screen: default, presenter or monochrome (default: monochrome when NO_COLOR is set).
    #[arg(long, value_name = "NAME")]
    pub theme: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Add an item and print its new id.
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
    /// Move an item to another column of its track.
    Move {
        #[arg(value_parser = parse_id)]
        id: ItemId,
        /// The column's id, e.g. `doing`.
        column: String,
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
        #[arg(long)]
        estimate: Option<u32>,
        /// low, medium, high or critical.
        #[arg(long, value_parser = parse_severity)]
        severity: Option<Severity>,
    },
    /// Accept a stage-one item: its open follow-ups go to the top of the first delivery column.
    Accept {
        #[arg(value_parser = parse_id)]
        id: ItemId,
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
    /// What moved since the last standup, per person; what is blocked, overdue, or has not
    /// moved for days; what is in progress by person.
    Standup {
        /// From when: a date, a time, or a length back (2h, 1d, 1w) (default: the last standup
        /// mark, else the start of the previous working day).
        #[arg(long, value_name = "WHEN")]
        since: Option<String>,
        /// Print Markdown (for a chat or meeting notes).
        #[arg(long)]
        markdown: bool,
        /// Call out items not moved for this many days (default: the board's setting, 3).
        #[arg(long, value_name = "N")]
        stale_days: Option<u32>,
    },
    /// The sprint review: figures, the trend of the last sprints, debt repaid, discovery outcomes.
    Report {
        /// The sprint to review (default: the last closed one, else the open one).
        #[arg(long, value_name = "NAME")]
        sprint: Option<String>,
        /// Print Markdown (to paste to stakeholders).
        #[arg(long)]
        markdown: bool,
    },
    /// Validate the board file: print `ok`, or the error with its line and column (exit 1).
    Check,
}

#[derive(Debug, Subcommand)]
pub enum SprintCommand {
    /// Start a sprint (from today unless --start says otherwise); no other may be open.
    Start {
        /// The sprint's name, unique on the board ("Sprint 14").
        name: String,
        /// The last day: a date (2026-12-04) or a length from the start (2w, 10d).
        #[arg(long)]
        end: String,
        /// Points the team can take on, a whole number.
        #[arg(long, allow_hyphen_values = true)]
        capacity: String,
        /// split (both stages every sprint, at the board's targets) or alternating (whole
        /// sprints for one stage, the next for the other).
        #[arg(long, default_value = "split", value_parser = parse_model)]
        model: Model,
        /// The first day (default: today).
        #[arg(long)]
        start: Option<String>,
        /// Alternating model: the stage of this sprint, 1 or 2 (default 1).
        #[arg(long, value_parser = parse_stage)]
        stage: Option<Stage>,
    },
    /// Close the open sprint: record its figures, roll unfinished items over, start the next.
    Close {
        /// Where unfinished items go: next (the next sprint) or backlog.
        #[arg(long, default_value = "next", value_parser = parse_rollover)]
        rollover: Rollover,
        /// The next sprint's name (default: the closed one's number plus one).
        #[arg(long, value_name = "NAME")]
        next: Option<String>,
        /// The next sprint's last day (default: as long as the closed one).
        #[arg(long)]
        end: Option<String>,
        /// The next sprint's capacity (default: the closed one's).
        #[arg(long, allow_hyphen_values = true)]
        capacity: Option<String>,
    },
    /// List the sprints with the figures recorded when they closed.
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The item's title.
    pub title: String,
    /// discovery or delivery (default: the column's track, else delivery).
    #[arg(long, value_parser = parse_track)]
    pub track: Option<Track>,
    /// 1 or 2 (default 1).
    #[arg(long, value_parser = parse_stage)]
    pub stage: Option<Stage>,
    /// Column id (default: the first column of the track).
    #[arg(long)]
    pub column: Option<String>,
    /// feature, spike, enabler, debt or bug (default: spike in discovery, feature in delivery).
    #[arg(long, value_parser = parse_kind)]
    pub kind: Option<Kind>,
    /// Estimate in points.
    #[arg(long)]
    pub estimate: Option<u32>,
    /// A tag; repeat for more.
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Who works on it.
    #[arg(long)]
    pub assignee: Option<String>,
    /// Longer text.
    #[arg(long)]
    pub description: Option<String>,
    /// For debt: low, medium, high or critical.
    #[arg(long, value_parser = parse_severity)]
    pub severity: Option<Severity>,
    /// For discovery: the question to answer.
    #[arg(long)]
    pub question: Option<String>,
    /// For discovery: the outcome expected.
    #[arg(long)]
    pub outcome: Option<String>,
    /// For discovery: the decide-by date, as a date (2026-12-01) or a length (5d, 2w).
    #[arg(long)]
    pub timebox: Option<String>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Print a JSON array instead of text.
    #[arg(long)]
    pub json: bool,
    /// Only this track.
    #[arg(long, value_parser = parse_track)]
    pub track: Option<Track>,
    /// Only this stage (1 or 2).
    #[arg(long, value_parser = parse_stage)]
    pub stage: Option<Stage>,
    /// Only this column (by id).
    #[arg(long)]
    pub column: Option<String>,
    /// Only blocked items.
    #[arg(long)]
    pub blocked: bool,
    /// Only items committed to this sprint.
    #[arg(long, value_name = "NAME")]
    pub sprint: Option<String>,
}

fn parse_id(text: &str) -> Result<ItemId, String> {
    text.trim_start_matches('#')
        .parse::<ItemId>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| format!("`{text}` is not an item id (a positive number such as 7 or #7)"))
}

fn parse_stage(text: &str) -> Result<Stage, String> {
    text.parse()
}

fn parse_track(text: &str) -> Result<Track, String> {
    text.parse()
}

fn parse_kind(text: &str) -> Result<Kind, String> {
    text.parse()
}

fn parse_severity(text: &str) -> Result<Severity, String> {
    text.parse()
}

fn parse_model(text: &str) -> Result<Model, String> {
    text.parse()
}

fn parse_rollover(text: &str) -> Result<Rollover, String> {
    text.parse()
}

/// Runs the program with the process's arguments; the exit status follows SPEC §5.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("twotrack: {err:#}");
            ExitCode::FAILURE
        }
    }
}
