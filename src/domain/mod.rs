//! The board and its rules: no terminal, no files.

pub mod activity;
pub mod backlinks;
pub mod base;
pub mod board;
pub mod capacity;
pub mod changes;
pub mod criteria;
pub mod debt;
pub mod discovery_success;
pub mod dual_track;
pub mod edit;
pub mod estimate;
pub mod evidence;
pub mod fields;
pub mod history;
pub mod holds;
pub mod initiative;
pub mod initiative_edit;
pub mod interest;
pub mod item;
pub mod lanes;
pub mod merge;
pub mod ops;
pub mod phase;
pub mod phased;
#[cfg(test)]
pub(crate) mod phased_fixture;
pub mod placement;
pub mod progress;
pub mod references;
pub mod search;
pub mod settings;
pub mod timebox;
pub mod two_stage;
pub mod validate;
pub mod variants;
pub mod wip;

pub use board::{Board, CapacityPolicy, Column, DefinitionOfDone, FORMAT_VERSION, TrackDef};
pub use edit::{Edit, EditError, ItemChange};
pub use initiative::{Boundary, Decision, Initiative, OpenItems, Phase, Status, Verdict};
pub use item::{CheckEntry, Item, ItemId, Kind, Place, Severity, Stage, Timestamp, Track};
