//! The force form: where a stage's definition of done is enforced, an item with unticked
//! entries becomes done (enters a done column, or is accepted) only with a reason, which the
//! item, the journal and the review keep. The form names the unticked entries and asks why.

use crate::app::forms::form::{Field, FieldKey, Form, Input, Purpose};
use crate::model::{Board, Item};

/// What the item is forced into: a done column (by its id), or an acceptance on its evidence.
pub fn form(board: &Board, item: &Item, purpose: Purpose, edit_key: &str) -> Form {
    let doing = match &purpose {
        Purpose::ForceMove { column, .. } => {
            let name = board.column(item.track, column).map_or(column.as_str(), |c| c.name.as_str());
            format!("Force #{} into {name}", item.id)
        }
        _ => format!("Force the acceptance of #{}", item.id),
    };
    let unticked = board.definition_of_done.unticked(item);
    let them = if unticked.len() == 1 { "it" } else { "them" };
    let mut form = Form::new(
        purpose,
        doing,
        format!(
            "The {} definition of done is enforced and these are unticked: tick {them} in the item's form ({edit_key}), or say why it is done anyway",
            item.stage.label(),
        ),
        vec![Field::new(FieldKey::Reason, "Why done anyway", Input::line(""))],
    );
    // One note, wrapped: every entry shows even at 80x24, where a form has room for four lines.
    form.notes = vec![unticked.iter().map(|entry| format!("[ ] {entry}")).collect::<Vec<_>>().join("   ")];
    form
}

/// The reason given, or the field to fix: a force without a reason keeps the form open.
pub fn reason(form: &Form) -> Result<String, (usize, String)> {
    form.required(
        FieldKey::Reason,
        "a forced done needs a reason: say why it is done anyway (Esc leaves it as it was)",
    )
}
