//! What a sprint's review needs about its items and initiatives, recorded when the sprint
//! closes (`Figures::at_close`), so a past sprint's review shows the sprint as it was then:
//! later renames, deletions and moves do not change it (docs/FORMAT.md, "Sprints").

use serde::{Deserialize, Serialize};

use super::item::ItemId;
use super::labels::{Kind, Severity, Stage, Track};
use super::measure::Measure;
use super::phase::Status;

/// The items the review names and the initiatives' state, as they were at the close.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AtClose {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<ItemAtClose>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub initiatives: Vec<InitiativeAtClose>,
}

/// One item the review names: done in the sprint (committed to it, or finished in its window
/// outside the commitment) or left unfinished.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemAtClose {
    pub id: ItemId,
    pub title: String,
    pub kind: Kind,
    pub track: Track,
    pub stage: Stage,
    /// Whether it was committed to the sprint (else it was finished in the sprint's window
    /// without being committed).
    pub committed: bool,
    /// Whether it was done at the close (else it was unfinished and rolled over).
    pub done: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimate: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acceptance_note: Option<String>,
    /// The initiative's name (not its id: the review prints it as it was).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initiative: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<Measure>,
}

/// An initiative at the close: its status and how many of its items were done.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InitiativeAtClose {
    pub id: String,
    pub name: String,
    pub status: Status,
    pub done: u32,
    pub items: u32,
}

impl ItemAtClose {
    /// Shipped: a stage-one feature or bug, done.
    pub fn shipped(&self) -> bool {
        self.done && self.stage == Stage::One && matches!(self.kind, Kind::Feature | Kind::Bug)
    }

    /// Bought by stage two: stage-two work, done.
    pub fn bought(&self) -> bool {
        self.done && self.stage == Stage::Two
    }

    /// `#12 Title`.
    pub fn label(&self) -> String {
        format!("#{} {}", self.id, self.title)
    }
}
