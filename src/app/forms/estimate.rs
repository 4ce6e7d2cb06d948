//! The one-field estimate prompt (`=`): an item's points, empty for none.

use crate::app::forms::form::{Field, FieldKey, Form, Input, Purpose};
use crate::domain::change::{Op, OpError};
use crate::model::{Board, Item, ItemId, Timestamp};

/// The one-field estimate prompt of an item (also rebuilt from a draft).
pub fn form(item: &Item) -> Form {
    let heading = format!("\"{}\": points, empty for none", item.title);
    points_prompt(Purpose::Estimate(item.id), (FieldKey::Estimate, "Estimate"), heading, item.estimate)
}

/// A one-field prompt of an item's points (its estimate, its anticipated debt): the field's key
/// and label, the line under the title, and the points it holds now.
pub(crate) fn points_prompt(
    purpose: Purpose,
    field: (FieldKey, &str),
    heading: String,
    now: Option<u32>,
) -> Form {
    let (key, label) = field;
    let id = match &purpose {
        Purpose::Estimate(id) | Purpose::AnticipatedDebt(id) => format!(" #{id}"),
        _ => String::new(),
    };
    let current = now.map(|p| p.to_string()).unwrap_or_default();
    Form::new(purpose, format!("{label}{id}"), heading, vec![Field::new(key, label, Input::line(&current))])
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
