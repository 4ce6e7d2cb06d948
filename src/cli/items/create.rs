//! `init` and `add`: the two commands that create the board when there is none (`init` from
//! the starter board only; `add` creates it and adds its item in one change under the lock).

use anyhow::{Result, bail};

use crate::cli::phases::initiative;
use crate::cli::print::output::{eprintln, println};
use crate::cli::target::print_new_id;
use crate::cli::workflow::criteria;
use crate::cli::{AddArgs, target};
use crate::domain::change::{NewItem, Op, settings};
use crate::domain::dual_track::timebox;
use crate::domain::phases::initiatives;
use crate::model::Timestamp;
use crate::session::{Locked, Session, Writer};
use crate::store::location::{BoardPath, Fresh};

/// `init [--name NAME] [--empty]`: creates the board from the starter board (without its demo
/// items when `empty`); an existing board is left alone, and so is everything when the name is
/// empty.
pub fn init(
    location: &BoardPath,
    writer: &Writer,
    name: Option<&str>,
    empty: bool,
    now: Timestamp,
) -> Result<()> {
    let path = &location.path;
    let name = name.map(settings::clean_name).transpose()?;
    if path.exists() {
        bail!("board file {} already exists; nothing was changed", path.display());
    }
    let named = name.is_some();
    let fresh = Fresh { name, empty };
    let locked = Session::lock_or_create_as(location, writer.clone(), now, &fresh)?;
    if !locked.created() {
        bail!("board file {} already exists; nothing was changed", path.display());
    }
    let called = &locked.board().name;
    let line = match (empty, named) {
        (false, false) => format!("created {} from the starter board", path.display()),
        (false, true) => format!("created {} from the starter board, called \"{called}\"", path.display()),
        (true, true) => format!("created {}, an empty board called \"{called}\"", path.display()),
        (true, false) => format!(
            "created {}, an empty board called \"{called}\" (`twotrack rename NAME` names it)",
            path.display()
        ),
    };
    println(&line)
}

/// `add`: adds an item (creating the board if there is none) and prints its new id.
pub fn add(location: &BoardPath, writer: &Writer, args: AddArgs, now: Timestamp) -> Result<()> {
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
        anticipated_debt: args
            .anticipated_debt
            .as_deref()
            .map(crate::domain::two_stage::anticipated::parse)
            .transpose()?
            .flatten(),
        drag: None,
    };
    let locked = Session::lock_or_create(location, writer.clone(), now)?;
    note_created(&locked);
    let mut unanswered = None;
    let op = target::apply(locked, now, |board| -> Result<Op> {
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

fn note_created(locked: &Locked) {
    if locked.created() {
        eprintln(&format!(
            "twotrack: created a new board at {} from the starter board",
            locked.path().display()
        ));
    }
}
