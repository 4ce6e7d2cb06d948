//! `rename`, `policy dod`, `policy point-value`, `policy archive-after` and `move`: the board's name, its definitions of
//! done that warn or hold, what a point is worth, and moving an item (forced into a done column with a reason where they hold).

use anyhow::{Result, anyhow};

use crate::cli::items::inspect;
use crate::cli::print::output::{eprintln, println};
use crate::cli::target::Target;
use crate::cli::{ForceArgs, PolicyCommand};
use crate::domain::archive;
use crate::domain::change::{OpError, ops, settings};
use crate::domain::two_stage;
use crate::domain::two_stage::drag;
use crate::model::{ItemId, Stage, Timestamp};

/// `rename NAME`: an empty name, or one of only control characters, is refused.
pub fn rename(target: Target, name: &str, now: Timestamp) -> Result<()> {
    let op = target.change(now, |board| settings::rename(board, name))?;
    println(&op.summary)
}

/// `policy dod [1|2 [warn|enforce]]`: sets a stage's policy, or prints the policies.
pub fn policy(target: Target, command: PolicyCommand, now: Timestamp) -> Result<()> {
    let (stage, policy) = match command {
        PolicyCommand::Dod { stage, policy } => (stage, policy),
        PolicyCommand::PointValue { amount, currency } => return point_value(target, amount, currency, now),
        PolicyCommand::ArchiveAfter { after } => return archive_after(target, after.as_deref(), now),
    };
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

/// `policy point-value [AMOUNT CURRENCY | none]`: sets, clears or prints the value of a point.
fn point_value(
    target: Target,
    amount: Option<String>,
    currency: Option<String>,
    now: Timestamp,
) -> Result<()> {
    let Some(amount) = amount else {
        let board = target.open()?;
        return println(
            &board
                .point_value
                .map_or("no value per point is set".to_owned(), |v| format!("a point is worth {}", v.of(1))),
        );
    };
    let value = match amount.trim().eq_ignore_ascii_case("none") {
        true => None,
        false => Some(drag::point_value(&amount, currency.as_deref())?),
    };
    let op = target.change(now, |board| Ok::<_, anyhow::Error>(drag::set_point_value(board, value)))?;
    println(&op.summary)
}

/// `policy archive-after [N|off]`: sets or prints the archive policy applied at each sprint close.
fn archive_after(target: Target, after: Option<&str>, now: Timestamp) -> Result<()> {
    let Some(after) = after.map(str::trim) else {
        let board = target.open()?;
        let now_set = archive::set_policy(&board, board.archive_after);
        return println(&now_set.summary);
    };
    let after = match after {
        "off" | "none" => None,
        n => Some(n.parse::<u32>().map_err(|_| {
            anyhow!("the policy `{n}` is not a number of sprints or `off`: give one such as 2")
        })?),
    };
    let op = target.change(now, |board| Ok::<_, anyhow::Error>(archive::set_policy(board, after)))?;
    println(&op.summary)
}

/// `move ID COLUMN [--force --reason TEXT]`; under a definition of done that only warns, a
/// move into a done column with unticked entries says so on stderr.
pub fn move_item(target: Target, id: ItemId, column: &str, force: &ForceArgs, now: Timestamp) -> Result<()> {
    let reason = force.reason().map_err(|e| anyhow!(e))?;
    // Worked out on the board the move is made on, with the move applied to the item: reading
    // the whole board file again after the save cost as much as the move (a second at 100,000
    // items).
    let mut warning = None;
    let op = target.change(now, |board| {
        let op = match reason {
            Some(reason) => ops::force_to_column(board, id, column, reason, now),
            None => ops::move_to_column(board, id, column, now),
        }?;
        warning = inspect::unticked_after(board, id, &op.edit);
        Ok::<_, OpError>(op)
    })?;
    println(&op.summary)?;
    if let Some(warning) = warning {
        eprintln(&warning);
    }
    Ok(())
}
