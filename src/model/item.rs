//! An item on the board and the small value types it is made of (its labels are in
//! `labels.rs`).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::labels::{Kind, Severity, Stage, Track};
use super::measure::Measure;
use super::phase::Phase;
use super::source::Source;

/// Stable identifier of an item: a positive integer, never reused on a board.
pub type ItemId = u64;

/// Item ids stay below 2^53 so that every JSON reader (JavaScript's numbers included) keeps them exact.
pub const MAX_ID: ItemId = 1 << 53;

/// When something happened; stored in the file as RFC 3339 in UTC, to the second.
pub type Timestamp = DateTime<Utc>;

/// One line of a checklist, ticked or not.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckEntry {
    pub text: String,
    pub done: bool,
}

/// Where an item sits: its track, column, lane (stage) and rank within the lane.
///
/// Items in a lane are ordered by `rank`, then by id; ranks leave gaps so that a move usually
/// changes one item's lines in the file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub track: Track,
    pub column: String,
    pub stage: Stage,
    pub rank: i64,
}

/// A card on the board.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: ItemId,
    pub title: String,
    pub track: Track,
    pub column: String,
    pub stage: Stage,
    /// Position within the lane (see [`Place`]).
    pub rank: i64,
    pub kind: Kind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimate: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignee: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checklist: Vec<CheckEntry>,
    /// Other items this one relates to (both directions are shown; it is stored on one side).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<ItemId>,
    /// Discovery: the question to answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// Discovery: the date by which the question must be decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timebox: Option<NaiveDate>,
    /// Discovery: the outcome expected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
    /// Discovery: what was learned, recorded when the item was promoted into delivery.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub learned: Option<String>,
    /// Discovery: why the item was dropped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drop_reason: Option<String>,
    /// A delivery item created when the discovery item `promoted_from` was promoted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promoted_from: Option<ItemId>,
    /// Debt: how much it hurts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    /// A stage-two follow-up logged for this stage-one item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up_of: Option<ItemId>,
    /// The day a stage-one item was accepted (its follow-ups then go next).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted: Option<NaiveDate>,
    /// When the item last entered a done column (cleared when it leaves).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished: Option<Timestamp>,
    /// How the item was accepted: `ab-test`, `sign-off`, `evaluation`, or the team's own words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted_by: Option<String>,
    /// What backs the acceptance: who signed off, the test result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acceptance_note: Option<String>,
    /// Discovery: the board's entry criteria that put the item there; `Some([])` records that
    /// none applies, `None` that nobody said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criteria: Option<Vec<String>>,
    /// A variant of an experiment, named by the id of the item the experiment was split from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub experiment: Option<ItemId>,
    /// The variant's letter within its experiment (`A`, `B`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
    /// The experiment's winning variant once it is picked (recorded on every variant).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub winner: Option<ItemId>,
    /// Phased delivery: the id of the initiative the item belongs to (with a phase).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initiative: Option<String>,
    /// Phased delivery: the item's phase in its initiative.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<Phase>,
    /// The sprint the item is committed to, by name (absent: the backlog).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sprint: Option<String>,
    /// Why the item is blocked (absent: not blocked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocked: Option<String>,
    /// When the item was marked blocked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocked_since: Option<Timestamp>,
    /// When the item entered its column, stamped by every move to another column (absent: it is
    /// still in the column it was created in, so `created` says when).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_column_since: Option<Timestamp>,
    /// Why the item was made done (moved into a done column, or accepted) with entries of its
    /// definition of done unticked: a forced done. Cleared when it leaves the done column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forced: Option<String>,
    /// Stage one: the debt (points) the team expects the item to leave, said when planning it;
    /// its logged follow-ups are weighed against it (`domain/two_stage/anticipated.rs`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anticipated_debt: Option<u32>,
    /// What the work improved, measured before and after it (the review's "Stage two bought").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<Measure>,
    /// Debt: the points per sprint it costs the team while open (its drag), when someone said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drag: Option<u32>,
    /// Imported items: where the item came from and what was read there (`model/source.rs`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Box<Source>>,
    pub created: Timestamp,
    pub updated: Timestamp,
}

impl Item {
    /// Whether the item is stage-one delivery work: the work that ships fast and may be expected
    /// to leave debt (docs/guide/two-stage.md, "Anticipated debt").
    pub fn is_stage_one_delivery(&self) -> bool {
        self.track == Track::Delivery && self.stage == Stage::One
    }

    /// An item with what every item has and every optional field empty, created (and last
    /// updated) at `created`; the one place that lists them all for a new item.
    pub fn new(id: ItemId, title: String, place: Place, kind: Kind, created: Timestamp) -> Item {
        let Place { track, column, stage, rank } = place;
        Item {
            id,
            title,
            track,
            column,
            stage,
            rank,
            kind,
            estimate: None,
            tags: Vec::new(),
            assignee: None,
            description: String::new(),
            checklist: Vec::new(),
            links: Vec::new(),
            question: None,
            timebox: None,
            outcome: None,
            learned: None,
            drop_reason: None,
            promoted_from: None,
            severity: None,
            follow_up_of: None,
            accepted: None,
            finished: None,
            accepted_by: None,
            acceptance_note: None,
            criteria: None,
            experiment: None,
            variant: None,
            winner: None,
            initiative: None,
            phase: None,
            sprint: None,
            blocked: None,
            blocked_since: None,
            in_column_since: None,
            forced: None,
            anticipated_debt: None,
            measures: Vec::new(),
            drag: None,
            source: None,
            created,
            updated: created,
        }
    }

    /// When the item entered the column it is in.
    pub fn entered_column(&self) -> Timestamp {
        self.in_column_since.unwrap_or(self.created)
    }

    pub fn place(&self) -> Place {
        Place { track: self.track, column: self.column.clone(), stage: self.stage, rank: self.rank }
    }

    /// Every field that names another item, so that an item given a new id is renamed
    /// everywhere (a field added that holds item ids belongs here).
    pub fn references_mut(&mut self) -> impl Iterator<Item = &mut ItemId> {
        self.links
            .iter_mut()
            .chain(self.promoted_from.iter_mut())
            .chain(self.follow_up_of.iter_mut())
            .chain(self.experiment.iter_mut())
            .chain(self.winner.iter_mut())
    }

    /// The ids [`Item::references_mut`] gives, to read (the same fields; a test keeps them so).
    pub fn references(&self) -> impl Iterator<Item = ItemId> + '_ {
        self.links
            .iter()
            .chain(self.promoted_from.iter())
            .chain(self.follow_up_of.iter())
            .chain(self.experiment.iter())
            .chain(self.winner.iter())
            .copied()
    }

    pub(crate) fn set_place(&mut self, place: Place) -> Place {
        let old = self.place();
        self.track = place.track;
        self.column = place.column;
        self.stage = place.stage;
        self.rank = place.rank;
        old
    }
}
