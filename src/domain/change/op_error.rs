//! The everyday edits' refusals, in words the user can act on.

use crate::model::{ItemId, Stage, Track};

/// A request that cannot be carried out, in words the user can act on: the everyday edits' own
/// refusals. Each workflow adds its own (`ConcludeError`, `VariantError`, `PhasedError`,
/// `SprintError` …), each wrapping this one.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OpError {
    #[error("item #{0} does not exist")]
    NoSuchItem(ItemId),
    #[error("there is no column `{column}` (the columns are {known})")]
    NoSuchColumn { column: String, known: String },
    #[error(
        "column `{column}` belongs to the {column_track} track, but item #{id} is in the {item_track} track"
    )]
    OtherTrack { id: ItemId, column: String, column_track: Track, item_track: Track },
    #[error("column `{column}` belongs to the {column_track} track, not the {track} track")]
    ColumnNotInTrack { column: String, column_track: Track, track: Track },
    #[error("#{id} is already in the {which} column of its track")]
    AtEdge { id: ItemId, which: &'static str },
    #[error("#{id} is already at the {which} of its lane")]
    AtLaneEnd { id: ItemId, which: &'static str },
    #[error("a title cannot be empty")]
    EmptyTitle,
    #[error("a target share is a percentage from 0 to 100, not {0}")]
    BadShare(u8),
    #[error("{what} stage-one items, and #{id} is stage two")]
    NotStageOne { id: ItemId, what: &'static str },
    #[error("{what} discovery items, and #{id} is in the delivery track")]
    NotDiscovery { id: ItemId, what: &'static str },
    #[error("entry criteria are for discovery items, and #{0} is in the delivery track")]
    CriteriaNotDiscovery(ItemId),
    /// `what` is `#4`, or `the new item` for one being added.
    #[error("anticipated debt is said of stage-one delivery work, and {what} is {lane}")]
    AnticipatedNotStageOne { what: String, lane: &'static str },
    #[error("blocking #{0} needs a reason")]
    NoBlockReason(ItemId),
    #[error(
        "#{id} cannot {act}: its {} definition of done is enforced and {} unticked: {}; force it with a reason to do it anyway",
        .stage.label(),
        if .entries.len() == 1 { "this entry is" } else { "these entries are" },
        listed(.entries)
    )]
    Unticked { id: ItemId, act: String, stage: Stage, entries: Vec<String> },
    #[error("forcing #{0} past its definition of done needs a reason")]
    NoForceReason(ItemId),
    #[error("a board's name cannot be empty, nor only spaces and control characters")]
    EmptyName,
}

/// The entries as a refusal lists them: quoted, separated by commas.
fn listed(entries: &[String]) -> String {
    entries.iter().map(|e| format!("\"{e}\"")).collect::<Vec<_>>().join(", ")
}
