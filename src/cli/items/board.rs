//! `rename`, `policy dod` and `move`: the board's name, its definitions of done that warn or
//! hold, and moving an item (forced into a done column with a reason where they hold).

use anyhow::{Result, anyhow};

use crate::cli::items::inspect;
use crate::cli::print::output::println;
use crate::cli::target::Target;
use crate::cli::{ForceArgs, PolicyCommand};
use crate::domain::change::{ops, settings};
use crate::domain::two_stage;
use crate::model::{ItemId, Stage, Timestamp};

/// `rename NAME`: an empty name, or one of only control characters, is refused.
pub fn rename(target: Target, name: &str, now: Timestamp) -> Result<()> {
    let op = target.change(now, |board| settings::rename(board, name))?;
    println(&op.summary)
}

/// `policy dod [1|2 [warn|enforce]]`: sets a stage's policy, or prints the policies.
pub fn policy(target: Target, command: PolicyCommand, now: Timestamp) -> Result<()> {
    let PolicyCommand::Dod { stage, policy } = command;
    if let (Some(stage), Some(policy)) = (stage, policy) {
        let op = target
            .change(now, |board| Ok::<_, anyhow::Error>(two_stage::set_policy(board, stage, policy)))?;
        return println(&op.summary);
    }
    let board = target.open()?;
    let stages = stage.map_or(Stage::ALL.to_vec(), |s| vec![s]);
    let lines: Vec<String> = stages
        .into_iter()
        .map(|s| format!("{}: {}", s.label(), board.definition_of_done.policy(s)))
        .collect();
    println(&lines.join("\n"))
}

/// `move ID COLUMN [--force --reason TEXT]`; under a definition of done that only warns, a
/// move into a done column with unticked entries says so on stderr.
pub fn move_item(target: Target, id: ItemId, column: &str, force: &ForceArgs, now: Timestamp) -> Result<()> {
    let reason = force.reason().map_err(|e| anyhow!(e))?;
    let op = target.change(now, |board| match reason {
        Some(reason) => ops::force_to_column(board, id, column, reason, now),
        None => ops::move_to_column(board, id, column, now),
    })?;
    println(&op.summary)?;
    inspect::warn_unticked(&target.open()?, id)
}
