//! The board and its rules: no terminal, no files.

pub mod activity;
pub mod age;
pub mod backlinks;
pub mod blocking;
pub mod board;
pub mod capacity;
pub mod changes;
pub mod debt;
pub mod doc;
pub mod dual_track;
pub mod edit;
pub mod fields;
pub mod figures;
pub mod history;
pub mod item;
pub mod lanes;
pub mod merge;
pub mod ops;
pub mod placement;
pub mod planning;
pub mod replay;
pub mod report;
pub mod search;
pub mod settings;
pub mod sprint;
pub mod standup;
mod standup_doc;
pub mod timebox;
pub mod two_stage;
pub mod validate;
pub mod wip;

pub use board::{Board, CapacityPolicy, Column, DefinitionOfDone, FORMAT_VERSION, TrackDef};
pub use edit::{Edit, EditError, ItemChange};
pub use item::{CheckEntry, Item, ItemId, Kind, Place, Severity, Stage, Timestamp, Track};
