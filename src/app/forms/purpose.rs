//! What a form is for (its [`Purpose`]: what saving it creates or changes) and the names of
//! the values its fields hold ([`FieldKey`]); drafts keep both, so they are serialisable.

use serde::{Deserialize, Serialize};

use crate::model::{ItemId, Phase, Severity, Stage, Track};

/// What a form creates or changes when it is saved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Purpose {
    NewItem {
        track: Track,
        column: String,
        stage: Stage,
    },
    /// Several items at once, one per line (from a paste on the board).
    NewItems {
        track: Track,
        column: String,
        stage: Stage,
    },
    EditItem(ItemId),
    Settings,
    FollowUp(ItemId),
    DefinitionOfDone,
    Promote(ItemId),
    Drop(ItemId),
    Accept(ItemId),
    Variants(ItemId),
    /// The quick estimate prompt of an item.
    Estimate(ItemId),
    /// The one-field prompt of the debt a stage-one item is expected to leave.
    AnticipatedDebt(ItemId),
    NewInitiative,
    EditInitiative(String),
    /// The boundary decision of an initiative.
    Decide(String),
    /// Putting an item into an initiative and phase.
    Label(ItemId),
    StartSprint,
    CloseSprint,
    Block(ItemId),
    /// Moving an item into a done column (by its id) past its enforced definition of done.
    ForceMove {
        id: ItemId,
        column: String,
    },
    /// Accepting an item on this evidence past its enforced definition of done.
    ForceAccept {
        id: ItemId,
        by: Option<String>,
        note: Option<String>,
    },
    /// One assignee for every item of a visual run.
    Assign(Vec<ItemId>),
}

/// Which value a field holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FieldKey {
    Title,
    Kind,
    Estimate,
    Tags,
    Assignee,
    Severity,
    Question,
    Outcome,
    Timebox,
    Learned,
    PromoteInto,
    /// Titles of new items, one per line.
    Titles,
    Stage,
    Reason,
    Description,
    /// Entry `n` of the item's definition of done.
    Check(usize),
    /// The definition of done of a stage, one entry per line.
    DoneWhen(Stage),
    /// The entry criteria of discovery work, one per line.
    EntryCriteria,
    /// How an item was accepted, and in other words.
    AcceptedBy,
    AcceptedHow,
    AcceptanceNote,
    /// The titles of new variants, one per line.
    VariantTitles,
    InterestWeight(Severity),
    Capacity,
    DiscoveryTarget,
    StageTwoTarget,
    TrackLimit(Track),
    ColumnLimit(Track, usize),
    Name,
    InitiativeId,
    Status,
    /// The success criteria of a phase, one per line.
    Criteria(Phase),
    Boundary,
    Verdict,
    Review,
    Plan,
    Communicated,
    OpenItems,
    Initiative,
    Phase,
    SprintName,
    SprintStart,
    SprintEnd,
    Model,
    /// Where unfinished work went, for all items at once (the close form now asks per item
    /// with `Roll`; kept so drafts written before still read).
    Rollover,
    /// Where an unfinished item goes at a close: the next sprint or the backlog.
    Roll(ItemId),
    /// The cycle's N: delivery sprints before each refinement sprint.
    DeliverySprints,
    /// A sprint's goal.
    Goal,
    /// Stage one: the points of debt an item is expected to leave.
    AnticipatedDebt,
    /// Debt: the points per sprint it costs the team.
    Drag,
    /// What the work improved, one measure per line.
    Measures,
}
