//! The one-field anticipated-debt prompt (`$`): the points of debt a stage-one item is expected
//! to leave, empty for none.

use crate::app::forms::estimate::points_prompt;
use crate::app::forms::form::{FieldKey, Form, Purpose};
use crate::domain::change::{Op, OpError};
use crate::domain::two_stage::anticipated;
use crate::model::{Board, Item, ItemId, Timestamp};

/// The prompt for an item (also rebuilt from a draft).
pub fn form(item: &Item) -> Form {
    let heading = format!("\"{}\": points of debt it will leave, empty for none", item.title);
    let field = (FieldKey::AnticipatedDebt, "Anticipated debt");
    points_prompt(Purpose::AnticipatedDebt(item.id), field, heading, item.anticipated_debt)
}

/// The op the prompt asks for, or the field to fix.
pub fn op(
    form: &Form,
    board: &Board,
    id: ItemId,
    now: Timestamp,
) -> Result<Result<Op, OpError>, (usize, String)> {
    let points = anticipated::parse(&form.value(FieldKey::AnticipatedDebt))
        .map_err(|e| (form.position(FieldKey::AnticipatedDebt), e.to_string()))?;
    Ok(anticipated::set(board, id, points, now))
}
