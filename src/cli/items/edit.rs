//! `edit ID [--title ...]`: change fields of an item from the command line, through the same
//! op as the item form (only what is given changes; one undoable edit).

use anyhow::{Result, bail};

use crate::cli::EditArgs;
use crate::cli::target::Target;
use crate::domain::change::{ItemChange, ops};
use crate::domain::two_stage::anticipated;
use crate::domain::two_stage::drag;
use crate::model::Timestamp;

pub fn edit(target: Target, args: EditArgs, now: Timestamp) -> Result<()> {
    let change_wanted = ItemChange {
        title: args.title,
        kind: args.kind,
        estimate: args.estimate.map(|e| e.0),
        tags: args.tags,
        assignee: args.assignee.map(|a| Some(a.trim().to_owned()).filter(|a| !a.is_empty())),
        description: args.description.map(|d| d.trim_end().to_owned()),
        severity: args.severity.map(Some),
        anticipated_debt: args.anticipated_debt.as_deref().map(anticipated::parse).transpose()?,
        drag: args.drag.as_deref().map(drag::parse).transpose()?,
        ..ItemChange::default()
    };
    if change_wanted == ItemChange::default() {
        bail!(
            "nothing to change: give at least one of --title, --estimate, --tag, --assignee, --description, --kind, --severity, --anticipated-debt, --drag"
        );
    }
    let id = args.id;
    let op = target.change(now, |board| -> Result<_> {
        if let Some(drag) = change_wanted.drag {
            drag::check(board, id, drag)?;
        }
        Ok(ops::update(board, id, change_wanted, now)?)
    })?;
    crate::cli::print::output::println(&op.summary)?;
    Ok(())
}
