//! The evidence about one item, as labelled facts for its details and `show`: how it was
//! accepted, why it is discovery work and how that ended, its experiment, and what open debt
//! costs.

use chrono::NaiveDate;

use crate::domain::dual_track::{discovery_success, variants};
use crate::domain::two_stage::interest;
use crate::model::{Board, Item, Kind, Track};

/// `(label, value)` pairs, only for what the item has.
pub fn facts(board: &Board, item: &Item, today: NaiveDate) -> Vec<(&'static str, String)> {
    let mut facts = Vec::new();
    if let Some(date) = item.accepted {
        let by = item.accepted_by.as_ref().map(|by| format!(" by {by}")).unwrap_or_default();
        facts.push(("accepted", format!("{date}{by}")));
    }
    if let Some(note) = &item.acceptance_note {
        facts.push(("evidence", note.clone()));
    }
    if item.track == Track::Discovery {
        let criteria = match &item.criteria {
            None => "not said".to_owned(),
            Some(list) if list.is_empty() => "none applies".to_owned(),
            Some(list) => list.join(", "),
        };
        facts.push(("criteria", criteria));
    }
    if let Some(outcome) = discovery_success::outcome_of(board, item) {
        facts.push(("decision", outcome.words()));
    }
    if let Some(experiment) = variants::describe(board, item) {
        facts.push(("experiment", experiment));
    }
    if item.kind == Kind::Debt && !board.is_done_column(item.track, &item.column) {
        let interest = interest::interest(&board.interest_weights(), item, today);
        let age = interest::age_days(item, today);
        facts.push(("debt", format!("{age} days open, interest {interest}")));
    }
    facts
}
