//! The cadence of sprints: under each model, what the next sprint is for (both stages, delivery
//! or refinement), the name it gets unless the team gives one, and whether an item's stage fits
//! a sprint (docs/guide/rhythm.md, "Models and cadence").
//!
//! The cycle is counted over the board's own sprints, so it needs no counter of its own: after
//! N delivery sprints in a row comes a refinement sprint, after anything else a delivery sprint.
//! Changing the model at a close or a start therefore just changes what is counted next.

use std::fmt;

use crate::model::{Board, Item, ItemId, Model, Sprint, SprintKind, Stage};

/// The most delivery sprints a cycle has before its refinement sprint.
pub const MOST_DELIVERY_SPRINTS: u8 = 9;

/// A cycle's N that is not a whole number from 1 to [`MOST_DELIVERY_SPRINTS`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("a cycle has 1 to 9 delivery sprints before each refinement sprint, not `{0}`")]
pub struct CadenceError(pub String);

/// Reads a cycle's N (`3` for three delivery sprints, then one refinement sprint).
pub fn delivery_sprints(text: &str) -> Result<u8, CadenceError> {
    text.trim()
        .parse::<u8>()
        .ok()
        .filter(|n| (1..=MOST_DELIVERY_SPRINTS).contains(n))
        .ok_or_else(|| CadenceError(text.trim().to_owned()))
}

/// Checks a cycle's N given as a number.
pub fn checked_delivery_sprints(n: u8) -> Result<u8, CadenceError> {
    match n {
        1..=MOST_DELIVERY_SPRINTS => Ok(n),
        _ => Err(CadenceError(n.to_string())),
    }
}

/// The stage the next sprint is given to under `model`, after the board's `sprints` (any
/// order): none for a split sprint; for the stage model the `chosen` stage (default stage one);
/// for the cycle the `chosen` stage, else stage two after `delivery_sprints` delivery sprints
/// in a row and stage one after anything else.
pub fn next_stage(
    sprints: &[Sprint],
    model: Model,
    delivery_sprints: u8,
    chosen: Option<Stage>,
) -> Option<Stage> {
    match model {
        Model::Split => None,
        Model::Stage => Some(chosen.unwrap_or(Stage::One)),
        Model::Cycle => Some(chosen.unwrap_or_else(|| {
            if delivery_run(sprints) >= usize::from(delivery_sprints.max(1)) {
                Stage::Two
            } else {
                Stage::One
            }
        })),
    }
}

/// How many delivery sprints in a row end the board's sprints (by start date).
pub fn delivery_run(sprints: &[Sprint]) -> usize {
    let mut ordered: Vec<&Sprint> = sprints.iter().collect();
    ordered.sort_by(|a, b| (a.start, &a.name).cmp(&(b.start, &b.name)));
    ordered.iter().rev().take_while(|s| s.kind() == SprintKind::Delivery).count()
}

/// The name a sprint of `kind` gets unless the team gives one: "Delivery 3" and "Refinement 1"
/// numbered per kind over the board's `sprints`; a split sprint follows the last split sprint's
/// name ("Sprint 14" → "Sprint 15", "W07" → "W08"), "Sprint 1" on a board without one. Never a
/// name the board already has.
pub fn default_name(sprints: &[Sprint], kind: SprintKind) -> String {
    let last_split = sprints
        .iter()
        .filter(|s| s.kind() == SprintKind::Split)
        .max_by(|a, b| (a.start, &a.name).cmp(&(b.start, &b.name)));
    let before = match (kind, last_split) {
        (SprintKind::Split, Some(last)) => last.name.clone(),
        (SprintKind::Split, None) => "Sprint 0".to_owned(),
        (kind, _) => {
            let count = sprints.iter().filter(|s| s.kind() == kind).count();
            let word = if kind == SprintKind::Delivery { "Delivery" } else { "Refinement" };
            format!("{word} {count}")
        }
    };
    next_name(sprints, &before)
}

/// The name after `name`: its trailing number plus one ("Sprint 14" → "Sprint 15"), else
/// `name 2`; never a name one of the board's `sprints` already has.
pub fn next_name(sprints: &[Sprint], name: &str) -> String {
    let digits = name.len() - name.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (stem, number) = name.split_at(name.len() - digits);
    let (stem, mut n) = match number.parse::<u64>() {
        Ok(n) => (stem.to_owned(), n.saturating_add(1)),
        Err(_) => (format!("{name} "), 2),
    };
    loop {
        // Keep leading zeros ("W07" → "W08").
        let candidate = format!("{stem}{n:0digits$}");
        if sprints.iter().all(|s| s.name != candidate) {
            return candidate;
        }
        n = n.saturating_add(1);
    }
}

/// An item whose stage is not the one its sprint is given to: stage-one work in a refinement
/// sprint, or stage-two work in a delivery sprint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mismatch {
    pub id: ItemId,
    pub stage: Stage,
    pub kind: SprintKind,
    pub sprint: String,
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "#{} is {} work in {} sprint \"{}\"",
            self.id,
            self.stage.label(),
            self.kind.name(),
            self.sprint
        )
    }
}

/// Whether `item`, committed to `sprint`, is work of the other stage than the sprint is given
/// to. Split sprints take both stages; discovery work is never a mismatch, as discovery goes on
/// beside delivery in every sprint (docs/guide/rhythm.md). The board screen asks before such a
/// commit and shows such items in the capacity view; a close reports the ones it rolls over.
pub fn mismatch(item: &Item, sprint: &Sprint) -> Option<Mismatch> {
    let kind = sprint.kind();
    (!kind.takes(item.track, item.stage)).then(|| Mismatch {
        id: item.id,
        stage: item.stage,
        kind,
        sprint: sprint.name.clone(),
    })
}

/// The items committed to `sprint` that are work of the other stage, in board order.
pub fn mismatched<'b>(board: &'b Board, sprint: &'b Sprint) -> impl Iterator<Item = Mismatch> + 'b {
    board.items().iter().filter(|it| sprint.holds(it)).filter_map(move |it| mismatch(it, sprint))
}

#[cfg(test)]
#[path = "cadence_tests.rs"]
mod tests;
