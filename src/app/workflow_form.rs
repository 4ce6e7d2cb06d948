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

/// Promoting a discovery item: what was learned, and the delivery items to create.
pub fn promote(item: &Item) -> Form {
    Form::new(
        Purpose::Promote(item.id),
        format!("Promote #{} into delivery", item.id),
        format!("\"{}\" moves to its done column; each line below becomes a delivery item", item.title),
        vec![
            // The expected outcome is a suggestion, not text to type in front of.
            Field::new(FieldKey::Learned, "Learned", Input::suggested(item.outcome.as_deref().unwrap_or(""))),
            Field::new(FieldKey::PromoteInto, "New items, one per line", Input::text("")),
            Field::new(FieldKey::Stage, "Stage", Input::choice(vec!["one", "two"], "one")),
        ],
    )
}

/// What the promote form asks for.
pub struct PromoteValues {
    pub learned: String,
    pub titles: Vec<String>,
    pub stage: Stage,
}

pub fn promote_values(form: &Form) -> Result<PromoteValues, (usize, String)> {
    let titles: Vec<String> = form
        .value(FieldKey::PromoteInto)
        .lines()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect();
    if titles.is_empty() {
        let message =
            "write at least one delivery item, one title per line (to conclude without one, drop it)";
        return Err((form.position(FieldKey::PromoteInto), message.into()));
    }
    let stage = if form.value(FieldKey::Stage) == "two" { Stage::Two } else { Stage::One };
    Ok(PromoteValues { learned: form.value_or_suggestion(FieldKey::Learned), titles, stage })
}

/// Dropping a discovery item: why.
pub fn drop(item: &Item) -> Form {
    Form::new(
        Purpose::Drop(item.id),
        format!("Drop #{}", item.id),
        format!("\"{}\" moves to its done column; nothing is created", item.title),
        vec![Field::new(FieldKey::Reason, "Why", Input::line(""))],
    )
}

/// Why the item is dropped, or the field to fix: a drop without a reason keeps the form open.
pub fn drop_reason(form: &Form) -> Result<String, (usize, String)> {
    let reason = form.value(FieldKey::Reason).trim().to_owned();
    if reason.is_empty() {
        return Err((form.position(FieldKey::Reason), "say why it is dropped".into()));
    }
    Ok(reason)
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
