//! The board model: the data a board file holds and the plain ways to read it. The floor of the
//! crate: it imports nothing else of it, and everything else builds on it.

pub mod at_close;
pub mod board;
pub mod initiative;
pub mod item;
pub mod labels;
pub mod lanes;
pub mod measure;
pub mod phase;
pub mod settings;
pub mod source;
pub mod sprint;

pub use self::at_close::{AtClose, InitiativeAtClose, ItemAtClose};
pub use self::board::{Board, Column, FORMAT_VERSION, TrackDef};
pub use self::initiative::{Criteria, Decision, Initiative};
pub use self::item::{CheckEntry, Item, ItemId, MAX_ID, Place, Timestamp};
pub use self::labels::{Kind, Severity, Stage, Track};
pub use self::lanes::{LaneKey, Lanes};
pub use self::measure::{Decimal, Measure};
pub use self::phase::{Boundary, OpenItems, Phase, Status, Verdict};
pub use self::settings::{
    CapacityPolicy, DefinitionOfDone, DonePolicy, ENTRY_CRITERIA, InterestWeights, PointValue,
    StandupSettings,
};
pub use self::source::Source;
pub use self::sprint::{Figures, Model, Rollover, Spent, Split, Sprint, SprintKind, Tally, Targets};
