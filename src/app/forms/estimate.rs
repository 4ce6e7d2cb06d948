//! The one-field estimate prompt (`=`): an item's points, empty for none.

use crate::app::forms::form::{Field, FieldKey, Form, Input, Purpose};
use crate::domain::change::{Op, OpError};
use crate::model::{Board, Item, ItemId, Timestamp};

/// The one-field estimate prompt of an item (also rebuilt from a draft).
pub fn form(item: &Item) -> Form {
    let current = item.estimate.map(|e| e.to_string()).unwrap_or_default();
    Form::new(
        Purpose::Estimate(item.id),
        format!("Estimate #{}", item.id),
        format!("\"{}\": points, empty for none", item.title),
        vec![Field::new(FieldKey::Estimate, "Estimate", Input::line(&current))],
    )
}

/// The op the estimate prompt asks for, or the field to fix.
pub fn op(
    form: &Form,
    board: &Board,
    id: ItemId,
    now: Timestamp,
) -> Result<Result<Op, OpError>, (usize, String)> {
    let estimate = form.number(FieldKey::Estimate).map_err(|(at, _)| {
        (
            at,
            format!(
                "an estimate is a whole number of points, not `{}`",
                form.value(FieldKey::Estimate).trim()
            ),
        )
    })?;
    Ok(crate::domain::change::estimate::set(board, id, estimate, now))
}
