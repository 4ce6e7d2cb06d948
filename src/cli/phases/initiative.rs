//! The phased-delivery commands: `initiative add|list|show|edit`, `phase` and `decide`.

use anyhow::{Result, anyhow};
use clap::{Args, Subcommand};

use crate::cli::parse_id;
use crate::cli::phases::initiative_out;
use crate::cli::phases::initiative_out::Style;
use crate::cli::target::Target;
use crate::domain::change::Edit;
use crate::domain::change::initiative_edit::InitiativeChange;
use crate::domain::phases::initiatives;
use crate::domain::phases::initiatives::{DecisionInput, NewInitiative};
use crate::domain::phases::progress::Progress;
use crate::model::{Boundary, Criteria, ItemId, OpenItems, Phase, Status, Timestamp, Verdict};

#[derive(Debug, Subcommand)]
pub enum InitiativeCommand {
    /// Create an initiative and print its id (made from the name unless --id is given).
    Add {
        /// What the initiative is called.
        name: String,
        /// A short id of your own (lower-case letters, digits, `-`, `_`).
        #[arg(long)]
        id: Option<String>,
        /// What it is for.
        #[arg(long)]
        description: Option<String>,
        #[command(flatten)]
        criteria: CriteriaArgs,
    },
    /// List the initiatives with their progress, phase and warnings.
    List {
        /// Print a JSON array instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Show one initiative: progress per phase, warnings, criteria, decisions and items.
    Show {
        /// Its id or name.
        id: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Change an initiative's name, description, success criteria or status.
    Edit {
        /// Its id or name.
        id: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        description: Option<String>,
        /// active, paused or finished (a decision at a boundary stops an initiative).
        #[arg(long, value_parser = parse_status)]
        status: Option<Status>,
        #[command(flatten)]
        criteria: CriteriaArgs,
    },
}

/// Success criteria per phase; each flag may be repeated, one criterion each.
#[derive(Debug, Args)]
pub struct CriteriaArgs {
    /// A success criterion of the MVP; repeat for more.
    #[arg(long = "criteria-mvp", value_name = "TEXT", num_args = 1..)]
    pub mvp: Option<Vec<String>>,
    /// A success criterion of the enhancement phase; repeat for more.
    #[arg(long = "criteria-enhancement", value_name = "TEXT", num_args = 1..)]
    pub enhancement: Option<Vec<String>>,
    /// A success criterion of the polish phase; repeat for more.
    #[arg(long = "criteria-polish", value_name = "TEXT", num_args = 1..)]
    pub polish: Option<Vec<String>>,
}

impl CriteriaArgs {
    fn given(&self) -> bool {
        self.mvp.is_some() || self.enhancement.is_some() || self.polish.is_some()
    }

    /// The criteria given, keeping `old`'s for a phase without the flag.
    fn over(self, old: &Criteria) -> Criteria {
        Criteria {
            mvp: self.mvp.unwrap_or_else(|| old.mvp.clone()),
            enhancement: self.enhancement.unwrap_or_else(|| old.enhancement.clone()),
            polish: self.polish.unwrap_or_else(|| old.polish.clone()),
        }
    }
}

#[derive(Debug, Args)]
pub struct PhaseArgs {
    #[arg(value_parser = parse_id)]
    pub id: ItemId,
    /// mvp, enhancement or polish; `none` takes the item out of its initiative.
    pub phase: String,
    /// The initiative to put the item into (needed when it is in none yet).
    #[arg(long, value_name = "ID")]
    pub initiative: Option<String>,
}

#[derive(Debug, Args)]
pub struct DecideArgs {
    /// The initiative's id or name.
    pub initiative: String,
    /// 1 (MVP → enhancement) or 2 (enhancement → polish).
    #[arg(long, value_parser = parse_boundary)]
    pub boundary: Boundary,
    /// continue, pivot or stop.
    #[arg(long, value_parser = parse_verdict)]
    pub decision: Verdict,
    /// What worked and what didn't (required).
    #[arg(long, default_value = "")]
    pub review: String,
    /// How the next phase changes (required for a pivot).
    #[arg(long, default_value = "")]
    pub plan: String,
    /// Who was told.
    #[arg(long, default_value = "")]
    pub communicated: String,
    /// For a stop: drop the open items, or move them to the backlog (out of the initiative).
    #[arg(long, value_parser = parse_open_items)]
    pub open_items: Option<OpenItems>,
}

fn parse_status(text: &str) -> Result<Status, String> {
    text.parse()
}

fn parse_boundary(text: &str) -> Result<Boundary, String> {
    text.parse()
}

fn parse_verdict(text: &str) -> Result<Verdict, String> {
    text.parse()
}

fn parse_open_items(text: &str) -> Result<OpenItems, String> {
    text.parse()
}

/// A phase named on the command line; an unknown one is a one-sentence error (exit 1).
pub fn parse_phase(text: Option<&str>) -> Result<Option<Phase>> {
    text.map(|t| t.parse::<Phase>().map_err(|e| anyhow!(e))).transpose()
}

pub fn run(target: Target, command: InitiativeCommand, now: Timestamp) -> Result<()> {
    match command {
        InitiativeCommand::Add { name, id, description, criteria } => {
            let new = NewInitiative {
                name,
                id,
                description: description.unwrap_or_default(),
                criteria: criteria.over(&Criteria::default()),
            };
            let op = target.change(now, |board| initiatives::create(board, new))?;
            match &op.edit {
                Edit::Initiative(crate::domain::change::initiative_edit::InitiativeEdit::Add(it)) => {
                    crate::cli::print::output::println(&it.id)
                }
                _ => crate::cli::print::output::println(&op.summary),
            }
        }
        InitiativeCommand::List { json } => {
            let board = target.open()?;
            let all = Progress::by_status(&board);
            if json {
                let rows: Vec<_> =
                    all.iter().map(|(it, progress)| initiative_out::json(&board, it, progress)).collect();
                crate::cli::print::output::println_json(&serde_json::to_string_pretty(&rows)?)
            } else {
                crate::cli::print::output::print(&initiative_out::list(&all))
            }
        }
        InitiativeCommand::Show { id, json } => {
            let board = target.open()?;
            let initiative = initiatives::find(&board, &id)?;
            let progress = Progress::of(&board, initiative);
            if json {
                let value = initiative_out::json(&board, initiative, &progress);
                crate::cli::print::output::println_json(&serde_json::to_string_pretty(&value)?)
            } else {
                crate::cli::print::output::print(&initiative_out::describe(
                    &board,
                    initiative,
                    &progress,
                    Style::Text,
                    true,
                ))
            }
        }
        InitiativeCommand::Edit { id, name, description, status, criteria } => {
            let op = target.change(now, |board| {
                let old = initiatives::find(board, &id)?;
                let criteria = criteria.given().then(|| criteria.over(&old.criteria));
                initiatives::edit(board, &id, InitiativeChange { name, description, criteria, status })
            })?;
            crate::cli::print::output::println(&op.summary)?;
            Ok(())
        }
    }
}

/// `phase ID P [--initiative I]`, or `phase ID none`.
pub fn phase(target: Target, args: PhaseArgs, now: Timestamp) -> Result<()> {
    let phase = match args.phase.trim() {
        "none" => None,
        text => parse_phase(Some(text))?,
    };
    let op = target.change(now, |board| match (phase, &args.initiative) {
        (None, _) => initiatives::label(board, args.id, None, None, now),
        (Some(phase), Some(initiative)) => {
            initiatives::label(board, args.id, Some(initiative), Some(phase), now)
        }
        (Some(phase), None) => initiatives::set_phase(board, args.id, phase, now),
    })?;
    crate::cli::print::output::println(&op.summary)?;
    Ok(())
}

/// `decide`: records the decision, by this session's user, and says what it did.
pub fn decide(target: Target, args: DecideArgs, now: Timestamp) -> Result<()> {
    let input = DecisionInput {
        boundary: args.boundary,
        verdict: args.decision,
        review: args.review,
        plan: args.plan,
        communicated: args.communicated,
        open_items: args.open_items,
    };
    let author = target.author();
    let op = target.change(now, |board| initiatives::decide(board, &args.initiative, input, author, now))?;
    crate::cli::print::output::println(&op.summary)?;
    Ok(())
}
