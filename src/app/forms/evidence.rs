//! The small forms of evidence: how a feature was accepted (a named way or the team's words, and
//! a note), and the titles of the variants an item is split into.

use crate::app::forms::form::{Field, FieldKey, Form, Input, Purpose};
use crate::domain::dual_track::variants;
use crate::domain::two_stage::{Evidence, WAYS};
use crate::model::{Board, Item};

/// The choice that takes the team's own words.
const OTHER: &str = "other";

pub fn accept(board: &Board, item: &Item) -> Form {
    let options: Vec<&'static str> = WAYS.iter().copied().chain([OTHER]).collect();
    let by = item.accepted_by.as_deref();
    let named = by.filter(|b| WAYS.contains(b));
    let choice = match (named, by) {
        (Some(way), _) => way,
        (None, Some(_)) => OTHER,
        (None, None) => "sign-off",
    };
    let words = if named.is_none() { by.unwrap_or("") } else { "" };
    let column = board.delivery.columns.first().map_or("the first column", |c| c.name.as_str());
    Form::new(
        Purpose::Accept(item.id),
        format!("Accept #{}", item.id),
        format!("How was \"{}\" accepted? Its open follow-ups then go on top of {column}", item.title),
        vec![
            Field::new(FieldKey::AcceptedBy, "Accepted by", Input::choice(options, choice)),
            Field::new(FieldKey::AcceptedHow, "Other (your words)", Input::line(words)),
            Field::new(
                FieldKey::AcceptanceNote,
                "Note (who, the result)",
                Input::line(item.acceptance_note.as_deref().unwrap_or("")),
            ),
        ],
    )
}

/// The evidence the accept form gives, or the field to fix and why.
pub fn accept_values(form: &Form) -> Result<Evidence, (usize, String)> {
    let note = form.value(FieldKey::AcceptanceNote);
    let by = match form.value(FieldKey::AcceptedBy).as_str() {
        OTHER => {
            let words = form.value(FieldKey::AcceptedHow);
            if words.trim().is_empty() {
                let message =
                    "say in a few words how it was accepted (or pick ab-test, sign-off or evaluation)";
                return Err((form.position(FieldKey::AcceptedHow), message.into()));
            }
            words
        }
        way => way.to_owned(),
    };
    Ok(Evidence::new(Some(&by), Some(&note)))
}

pub fn variants(board: &Board, item: &Item) -> Form {
    let heading = match item.experiment {
        Some(experiment) => {
            let letters: Vec<String> =
                variants::group(board, experiment).iter().filter_map(|v| v.variant.clone()).collect();
            format!(
                "Experiment #{experiment} has variants {}; each line below adds one (at most {} in all)",
                letters.join(", "),
                variants::MAX
            )
        }
        None => format!(
            "\"{}\" becomes variant A of a new experiment; each line below becomes another (at most {} in all)",
            item.title,
            variants::MAX
        ),
    };
    Form::new(
        Purpose::Variants(item.id),
        format!("Split #{} into variants", item.id),
        heading,
        vec![Field::new(FieldKey::VariantTitles, "Other variants, one per line", Input::text(""))],
    )
}

/// The titles of the new variants, or the field to fix and why.
pub fn variant_titles(form: &Form) -> Result<Vec<String>, (usize, String)> {
    let when_empty = "write at least one more variant, one title per line (an experiment has two or more)";
    form.titles(FieldKey::VariantTitles, when_empty)
}
