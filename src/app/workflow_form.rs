//! The small forms of the two-stage workflow: a follow-up's title, estimate and severity, and
//! the definitions of done (one entry per line).

use super::form::{Field, FieldKey, Form, Input, Purpose};
use crate::domain::ops::Op;
use crate::domain::{Board, Edit, Item, Severity, Stage};

pub fn follow_up(parent: &Item) -> Form {
    let severities = std::iter::once("none").chain(Severity::ALL.iter().map(|s| s.name())).collect();
    Form::new(
        Purpose::FollowUp(parent.id),
        format!("Follow-up of #{}", parent.id),
        format!(
            "A stage-two debt item for \"{}\", logged at the bottom of the first delivery column",
            parent.title
        ),
        vec![
            Field::new(FieldKey::Title, "Title", Input::line("")),
            Field::new(FieldKey::Estimate, "Estimate (cost)", Input::line("")),
            Field::new(FieldKey::Severity, "Severity", Input::choice(severities, "medium")),
        ],
    )
}

/// What the follow-up form asks for.
pub struct FollowUpValues {
    pub title: String,
    pub estimate: Option<u32>,
    pub severity: Option<Severity>,
}

/// The follow-up's title, estimate and severity, or the field to fix and why.
pub fn follow_up_values(form: &Form) -> Result<FollowUpValues, (usize, String)> {
    let title = form.value(FieldKey::Title).trim().to_owned();
    if title.is_empty() {
        return Err((form.position(FieldKey::Title), "a title cannot be empty".into()));
    }
    let estimate = form.number(FieldKey::Estimate)?;
    Ok(FollowUpValues { title, estimate, severity: form.value(FieldKey::Severity).parse().ok() })
}

pub fn definition_of_done(board: &Board) -> Form {
    let dod = &board.definition_of_done;
    Form::new(
        Purpose::DefinitionOfDone,
        "Definitions of done".into(),
        "One entry per line; every item ticks its stage's entries in its details".into(),
        vec![
            Field::new(FieldKey::DoneWhen(Stage::One), "Stage one", Input::text(&dod.stage_one.join("\n"))),
            Field::new(FieldKey::DoneWhen(Stage::Two), "Stage two", Input::text(&dod.stage_two.join("\n"))),
        ],
    )
}

/// The edit that makes both definitions what the form says.
pub fn definition_of_done_op(form: &Form, board: &Board) -> Op {
    let mut edits = Vec::new();
    let mut changed = Vec::new();
    for stage in Stage::ALL {
        let lines: Vec<String> = form
            .value(FieldKey::DoneWhen(stage))
            .lines()
            .map(|l| l.trim().to_owned())
            .filter(|l| !l.is_empty())
            .collect();
        if lines != board.definition_of_done.for_stage(stage) {
            changed.push(stage.label());
            edits.push(Edit::SetDefinitionOfDone { stage, lines });
        }
    }
    let summary = if changed.is_empty() {
        "no changes to the definitions of done".to_owned()
    } else {
        format!("definition of done changed for {}", changed.join(" and "))
    };
    Op { edit: Edit::Batch(edits), summary }
}
