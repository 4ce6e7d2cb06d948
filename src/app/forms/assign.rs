//! The one-field assignee prompt of a visual run (`@`): one name for every item of the run,
//! empty for nobody; saved as one undo step.

use crate::app::forms::form::{Field, FieldKey, Form, Input, Purpose};
use crate::domain::change::run;
use crate::domain::change::{ItemChange, Op, OpError, ops};
use crate::model::{Board, ItemId, Timestamp};
use crate::words::id_list;

/// The prompt for `ids`, starting with their assignee when they share one.
pub fn form(board: &Board, ids: &[ItemId]) -> Form {
    let assignees: Vec<Option<&str>> =
        ids.iter().map(|id| board.item(*id).and_then(|it| it.assignee.as_deref())).collect();
    let shared = match assignees.split_first() {
        Some((first, rest)) if rest.iter().all(|a| a == first) => first.unwrap_or(""),
        _ => "",
    };
    Form::new(
        Purpose::Assign(ids.to_vec()),
        format!("Assignee of {} items", ids.len()),
        format!("{}: one name for all, empty for nobody", id_list(ids)),
        vec![Field::new(FieldKey::Assignee, "Assignee", Input::line(shared))],
    )
}

/// The op the prompt asks for: every item of the run gets the name typed.
pub fn op(form: &Form, board: &Board, ids: &[ItemId], now: Timestamp) -> Result<Op, OpError> {
    let name = Some(form.value(FieldKey::Assignee).trim().to_owned()).filter(|a| !a.is_empty());
    let what = match &name {
        Some(name) => format!("assigned to {name}"),
        None => "left to nobody".to_owned(),
    };
    run::each(board, ids, now, &what, |b, id, now| {
        let unchanged = b.item(id).is_some_and(|it| it.assignee == name);
        let change = ItemChange { assignee: (!unchanged).then(|| name.clone()), ..ItemChange::default() };
        ops::update(b, id, change, now)
    })
}
