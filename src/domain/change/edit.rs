//! Every change to a board is an [`Edit`]; [`Board::apply`] performs it and returns its inverse.
//!
//! Edits are exact (they carry the values to set, not intentions), so applying the inverse
//! restores the board, and a list of inverses is an undo history.

use super::initiative_edit::{InitiativeEdit, InitiativeError};
use crate::model::{
    CapacityPolicy, CheckEntry, DonePolicy, InterestWeights, Item, ItemId, Kind, Measure, Phase, Place,
    PointValue, Severity, Source, Sprint, Stage, StandupSettings, Timestamp, Track,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Why an edit could not be applied. The board is unchanged when `apply` returns one.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("item #{0} does not exist")]
    NoSuchItem(ItemId),
    #[error("item #{0} already exists")]
    IdTaken(ItemId),
    #[error("item ids start at 1")]
    ZeroId,
    #[error("item id {0} is too large: the board has run out of ids (they stay below 2^53)")]
    IdTooLarge(ItemId),
    #[error("the {track} track has no column `{column}`")]
    NoSuchColumn { track: String, column: String },
    #[error(transparent)]
    Initiative(#[from] InitiativeError),
    #[error("a sprint put under the name `{0}` must carry that name")]
    SprintName(String),
}

/// New values for some fields of an item; `None` leaves a field as it is. Serialized only into
/// the user's own undo history (`store/user_state.rs`), never into the board.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemChange {
    pub place: Option<Place>,
    pub title: Option<String>,
    pub kind: Option<Kind>,
    pub estimate: Option<Option<u32>>,
    pub tags: Option<Vec<String>>,
    pub assignee: Option<Option<String>>,
    pub description: Option<String>,
    pub checklist: Option<Vec<CheckEntry>>,
    pub links: Option<Vec<ItemId>>,
    pub question: Option<Option<String>>,
    pub timebox: Option<Option<NaiveDate>>,
    pub outcome: Option<Option<String>>,
    pub learned: Option<Option<String>>,
    pub drop_reason: Option<Option<String>>,
    pub promoted_from: Option<Option<ItemId>>,
    pub severity: Option<Option<Severity>>,
    pub follow_up_of: Option<Option<ItemId>>,
    pub accepted: Option<Option<NaiveDate>>,
    pub finished: Option<Option<Timestamp>>,
    pub accepted_by: Option<Option<String>>,
    pub acceptance_note: Option<Option<String>>,
    pub criteria: Option<Option<Vec<String>>>,
    pub experiment: Option<Option<ItemId>>,
    pub variant: Option<Option<String>>,
    pub winner: Option<Option<ItemId>>,
    pub initiative: Option<Option<String>>,
    pub phase: Option<Option<Phase>>,
    pub sprint: Option<Option<String>>,
    pub blocked: Option<Option<String>>,
    pub blocked_since: Option<Option<Timestamp>>,
    pub in_column_since: Option<Option<Timestamp>>,
    pub forced: Option<Option<String>>,
    pub anticipated_debt: Option<Option<u32>>,
    pub measures: Option<Vec<Measure>>,
    pub drag: Option<Option<u32>>,
    pub source: Option<Option<Box<Source>>>,
}

/// One change to a board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Edit {
    /// Insert a new item (its id must be free).
    Add(Box<Item>),
    /// Delete an item.
    Remove(ItemId),
    /// Change fields of an item and stamp it as updated at `at`.
    Change { id: ItemId, change: Box<ItemChange>, at: Timestamp },
    /// Replace the capacity policy (points per sprint and the target shares).
    SetPolicy(CapacityPolicy),
    /// Set or clear the WIP limit of a track's column (by index), or of the whole track (`None`).
    SetWipLimit { track: Track, column: Option<usize>, limit: Option<u32> },
    /// Rename the board.
    SetName(String),
    /// Replace the definition of done of a stage.
    SetDefinitionOfDone { stage: Stage, lines: Vec<String> },
    /// Set whether a stage's definition of done warns or is enforced.
    SetDonePolicy { stage: Stage, policy: DonePolicy },
    /// Replace the entry criteria of discovery work (`None`: the defaults).
    SetEntryCriteria(Option<Vec<String>>),
    /// Replace the severity weights of debt interest (`None`: the defaults).
    SetInterestWeights(Option<InterestWeights>),
    /// Set or clear what a point is worth (`policy point-value`).
    SetPointValue(Option<PointValue>),
    /// Add, change or remove an initiative, or record a decision on it.
    Initiative(InitiativeEdit),
    /// Put the sprint called `name` (it must carry that name), or remove it (`None`).
    SetSprint { name: String, sprint: Option<Box<Sprint>> },
    /// Replace the standup settings (the last standup's mark, the days before an item is stale).
    SetStandup(StandupSettings),
    /// Set or clear the archive policy: archive the done items of sprints closed more than this
    /// many sprints ago, at each sprint close (`policy archive-after`).
    SetArchiveAfter(Option<u32>),
    /// Several edits as one step: all apply, or none does.
    Batch(Vec<Edit>),
}

impl Edit {
    /// An edit that changes nothing (an empty batch), which needs no saving and no undo step.
    pub fn is_noop(&self) -> bool {
        matches!(self, Edit::Batch(edits) if edits.iter().all(Edit::is_noop))
    }

    /// Rewrites item ids (`(old, new)` pairs) wherever the edit names an item.
    pub fn remap(&mut self, ids: &[(ItemId, ItemId)]) {
        let map = |id: &mut ItemId| {
            if let Some((_, new)) = ids.iter().find(|(old, _)| old == id) {
                *id = *new;
            }
        };
        match self {
            Edit::Add(item) => {
                map(&mut item.id);
                item.references_mut().for_each(map);
            }
            Edit::Remove(id) => map(id),
            Edit::Change { id, change, .. } => {
                map(id);
                let links = change.links.iter_mut().flatten();
                for link in links
                    .chain(change.follow_up_of.iter_mut().flatten())
                    .chain(change.promoted_from.iter_mut().flatten())
                    .chain(change.experiment.iter_mut().flatten())
                    .chain(change.winner.iter_mut().flatten())
                {
                    map(link);
                }
            }
            Edit::Batch(edits) => edits.iter_mut().for_each(|e| e.remap(ids)),
            Edit::Initiative(edit) => edit.remap(&map),
            Edit::SetSprint { sprint, .. } => {
                sprint.iter_mut().filter_map(|s| s.figures.as_mut()).flat_map(|f| f.ids_mut()).for_each(map)
            }
            Edit::SetName(_)
            | Edit::SetPolicy(_)
            | Edit::SetWipLimit { .. }
            | Edit::SetDefinitionOfDone { .. }
            | Edit::SetDonePolicy { .. }
            | Edit::SetEntryCriteria(_)
            | Edit::SetInterestWeights(_)
            | Edit::SetPointValue(_)
            | Edit::SetStandup(_)
            | Edit::SetArchiveAfter(_) => {}
        }
    }

    /// Calls `f` on every item this edit adds.
    pub fn for_each_add(&mut self, f: &mut dyn FnMut(&mut Item)) {
        match self {
            Edit::Add(item) => f(item),
            Edit::Batch(edits) => edits.iter_mut().for_each(|e| e.for_each_add(f)),
            _ => {}
        }
    }

    /// Everything this edit changes, in order: item ids, and `None` for the board's settings.
    pub fn touched(&self, out: &mut Vec<Option<ItemId>>) {
        match self {
            Edit::Add(item) => out.push(Some(item.id)),
            Edit::Remove(id) | Edit::Change { id, .. } => out.push(Some(*id)),
            Edit::SetName(_)
            | Edit::SetPolicy(_)
            | Edit::SetWipLimit { .. }
            | Edit::SetDefinitionOfDone { .. }
            | Edit::SetDonePolicy { .. }
            | Edit::SetEntryCriteria(_)
            | Edit::SetInterestWeights(_)
            | Edit::SetPointValue(_)
            | Edit::Initiative(_)
            | Edit::SetSprint { .. }
            | Edit::SetStandup(_)
            | Edit::SetArchiveAfter(_) => out.push(None),
            Edit::Batch(edits) => edits.iter().for_each(|e| e.touched(out)),
        }
    }

    /// The first item this edit touches (for selecting it after an undo).
    pub fn subject(&self) -> Option<ItemId> {
        let mut touched = Vec::new();
        self.touched(&mut touched);
        touched.into_iter().flatten().next()
    }
}

/// Something done with each field of a change and the same field of an item.
pub(crate) trait FieldVisitor {
    /// `name` is the field's name in the file; `slot` the change's value, `value` the item's.
    fn field<T: Clone + PartialEq>(&mut self, name: &'static str, slot: &mut Option<T>, value: &mut T);
}

impl ItemChange {
    /// Visits every field a change can set together with the item's field: the one list of
    /// them (a field added to [`Item`] gets one line here). `place` stands for the item's
    /// track, column, stage and rank.
    pub(crate) fn each_field(&mut self, item: &mut Item, v: &mut impl FieldVisitor) {
        let mut place = item.place();
        v.field("place", &mut self.place, &mut place);
        item.set_place(place);
        v.field("title", &mut self.title, &mut item.title);
        v.field("kind", &mut self.kind, &mut item.kind);
        v.field("estimate", &mut self.estimate, &mut item.estimate);
        v.field("tags", &mut self.tags, &mut item.tags);
        v.field("assignee", &mut self.assignee, &mut item.assignee);
        v.field("description", &mut self.description, &mut item.description);
        v.field("checklist", &mut self.checklist, &mut item.checklist);
        v.field("links", &mut self.links, &mut item.links);
        v.field("question", &mut self.question, &mut item.question);
        v.field("timebox", &mut self.timebox, &mut item.timebox);
        v.field("outcome", &mut self.outcome, &mut item.outcome);
        v.field("learned", &mut self.learned, &mut item.learned);
        v.field("drop_reason", &mut self.drop_reason, &mut item.drop_reason);
        v.field("promoted_from", &mut self.promoted_from, &mut item.promoted_from);
        v.field("severity", &mut self.severity, &mut item.severity);
        v.field("follow_up_of", &mut self.follow_up_of, &mut item.follow_up_of);
        v.field("accepted", &mut self.accepted, &mut item.accepted);
        v.field("finished", &mut self.finished, &mut item.finished);
        v.field("accepted_by", &mut self.accepted_by, &mut item.accepted_by);
        v.field("acceptance_note", &mut self.acceptance_note, &mut item.acceptance_note);
        v.field("criteria", &mut self.criteria, &mut item.criteria);
        v.field("experiment", &mut self.experiment, &mut item.experiment);
        v.field("variant", &mut self.variant, &mut item.variant);
        v.field("winner", &mut self.winner, &mut item.winner);
        v.field("initiative", &mut self.initiative, &mut item.initiative);
        v.field("phase", &mut self.phase, &mut item.phase);
        v.field("sprint", &mut self.sprint, &mut item.sprint);
        v.field("blocked", &mut self.blocked, &mut item.blocked);
        v.field("blocked_since", &mut self.blocked_since, &mut item.blocked_since);
        v.field("in_column_since", &mut self.in_column_since, &mut item.in_column_since);
        v.field("forced", &mut self.forced, &mut item.forced);
        v.field("anticipated_debt", &mut self.anticipated_debt, &mut item.anticipated_debt);
        v.field("measures", &mut self.measures, &mut item.measures);
        v.field("drag", &mut self.drag, &mut item.drag);
        v.field("source", &mut self.source, &mut item.source);
    }

    /// Sets the given fields on `item` and returns a change holding what was there.
    pub fn apply_to(mut self, item: &mut Item) -> ItemChange {
        struct Swap;
        impl FieldVisitor for Swap {
            fn field<T: Clone + PartialEq>(&mut self, _: &'static str, slot: &mut Option<T>, value: &mut T) {
                if let Some(new) = slot.take() {
                    *slot = Some(std::mem::replace(value, new));
                }
            }
        }
        self.each_field(item, &mut Swap);
        self
    }

    /// The change that turns `old` into `new` (the fields that differ; `updated` aside).
    pub fn between(old: &Item, new: &Item) -> ItemChange {
        struct Fill(bool);
        impl FieldVisitor for Fill {
            fn field<T: Clone + PartialEq>(&mut self, _: &'static str, slot: &mut Option<T>, value: &mut T) {
                match self.0 {
                    true => *slot = Some(value.clone()),
                    false if slot.as_ref() == Some(value) => *slot = None,
                    false => {}
                }
            }
        }
        let mut change = ItemChange::default();
        change.each_field(&mut new.clone(), &mut Fill(true));
        change.each_field(&mut old.clone(), &mut Fill(false));
        change
    }

    /// Whether the change sets nothing.
    pub fn is_empty(&self) -> bool {
        self == &ItemChange::default()
    }
}
