//! The small forms of the two-stage workflow: a follow-up's title, estimate and severity, and
//! the definitions of done with the discovery entry criteria (one entry per line).

use crate::app::forms::form::{Field, FieldKey, Form, Input, Purpose};
use crate::domain::change::{Edit, Op};
use crate::domain::dual_track::criteria;
use crate::model::{Board, Item, Severity, Stage};

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
    let title = form.required(FieldKey::Title, "a title cannot be empty")?;
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
    let when_empty =
        "write at least one delivery item, one title per line (to conclude without one, drop it)";
    let titles = form.titles(FieldKey::PromoteInto, when_empty)?;
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
    form.required(FieldKey::Reason, "say why it is dropped")
}

pub fn definition_of_done(board: &Board) -> Form {
    let dod = &board.definition_of_done;
    Form::new(
        Purpose::DefinitionOfDone,
        "Definitions of done and entry criteria".into(),
        "One entry per line; items tick their stage's entries, discovery items their criteria".into(),
        vec![
            Field::new(FieldKey::DoneWhen(Stage::One), "Stage one", Input::text(&dod.stage_one.join("\n"))),
            Field::new(FieldKey::DoneWhen(Stage::Two), "Stage two", Input::text(&dod.stage_two.join("\n"))),
            Field::new(
                FieldKey::EntryCriteria,
                "Discovery entry criteria",
                Input::text(&board.entry_criteria().join("\n")),
            ),
        ],
    )
}

/// The edit that makes both definitions and the entry criteria what the form says.
pub fn definition_of_done_op(form: &Form, board: &Board) -> Op {
    let mut edits = Vec::new();
    let mut changed = Vec::new();
    for stage in Stage::ALL {
        let lines = form.lines(FieldKey::DoneWhen(stage));
        if lines != board.definition_of_done.for_stage(stage) {
            changed.push(stage.label());
            edits.push(Edit::SetDefinitionOfDone { stage, lines });
        }
    }
    let mut words = Vec::new();
    if !changed.is_empty() {
        words.push(format!("definition of done changed for {}", changed.join(" and ")));
    }
    if let Some(edit) = criteria::set_list(board, &form.lines(FieldKey::EntryCriteria)) {
        words.push("entry criteria changed".to_owned());
        edits.push(edit);
    }
    let summary = if words.is_empty() {
        "no changes to the definitions of done or the entry criteria".to_owned()
    } else {
        words.join("; ")
    };
    Op { edit: Edit::Batch(edits), summary }
}
