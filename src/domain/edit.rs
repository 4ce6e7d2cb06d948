//! Every change to a board is an [`Edit`]; [`Board::apply`] performs it and returns its inverse.
//!
//! Edits are exact (they carry the values to set, not intentions), so applying the inverse
//! restores the board, and a list of inverses is an undo history.

use super::board::{Board, CapacityPolicy};
use super::item::{CheckEntry, Item, ItemId, Kind, Place, Severity, Stage, Timestamp, Track};
use super::sprint::{Sprint, StandupSettings};
use chrono::NaiveDate;

/// Why an edit could not be applied. The board is unchanged when `apply` returns one.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("item #{0} does not exist")]
    NoSuchItem(ItemId),
    #[error("item #{0} already exists")]
    IdTaken(ItemId),
    #[error("item ids start at 1")]
    ZeroId,
    #[error("the {track} track has no column `{column}`")]
    NoSuchColumn { track: String, column: String },
    #[error("a sprint put under the name `{0}` must carry that name")]
    SprintName(String),
}

/// New values for some fields of an item; `None` leaves a field as it is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
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
    pub sprint: Option<Option<String>>,
    pub blocked: Option<Option<String>>,
    pub blocked_since: Option<Option<Timestamp>>,
    pub in_column_since: Option<Option<Timestamp>>,
}

/// One change to a board.
#[derive(Clone, Debug, PartialEq, Eq)]
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
    /// Replace the definition of done of a stage.
    SetDefinitionOfDone { stage: Stage, lines: Vec<String> },
    /// Put the sprint called `name` (it must carry that name), or remove it (`None`).
    SetSprint { name: String, sprint: Option<Box<Sprint>> },
    /// Replace the standup settings (the last standup's mark, the days before an item is stale).
    SetStandup(StandupSettings),
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
                for link in item
                    .follow_up_of
                    .iter_mut()
                    .chain(item.promoted_from.iter_mut())
                    .chain(item.links.iter_mut())
                {
                    map(link);
                }
            }
            Edit::Remove(id) => map(id),
            Edit::Change { id, change, .. } => {
                map(id);
                for link in
                    change.follow_up_of.iter_mut().flatten().chain(change.promoted_from.iter_mut().flatten())
                {
                    map(link);
                }
            }
            Edit::Batch(edits) => edits.iter_mut().for_each(|e| e.remap(ids)),
            Edit::SetSprint { sprint, .. } => {
                sprint.iter_mut().filter_map(|s| s.figures.as_mut()).flat_map(|f| f.ids_mut()).for_each(map)
            }
            Edit::SetPolicy(_)
            | Edit::SetWipLimit { .. }
            | Edit::SetDefinitionOfDone { .. }
            | Edit::SetStandup(_) => {}
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

    /// The first item this edit touches (for selecting it after an undo).
    pub fn subject(&self) -> Option<ItemId> {
        match self {
            Edit::Add(item) => Some(item.id),
            Edit::Remove(id) | Edit::Change { id, .. } => Some(*id),
            Edit::SetPolicy(_)
            | Edit::SetWipLimit { .. }
            | Edit::SetDefinitionOfDone { .. }
            | Edit::SetSprint { .. }
            | Edit::SetStandup(_) => None,
            Edit::Batch(edits) => edits.iter().find_map(Edit::subject),
        }
    }
}

impl Board {
    /// Applies `edit` and returns the edit that undoes it. On error the board is unchanged.
    pub fn apply(&mut self, edit: Edit) -> Result<Edit, EditError> {
        match edit {
            Edit::Add(item) => self.add_item(*item),
            Edit::Remove(id) => self.remove_item(id),
            Edit::Change { id, change, at } => self.change_item(id, *change, at),
            Edit::SetPolicy(policy) => Ok(Edit::SetPolicy(std::mem::replace(&mut self.capacity, policy))),
            Edit::SetWipLimit { track, column, limit } => self.set_wip_limit(track, column, limit),
            Edit::SetDefinitionOfDone { stage, lines } => {
                let slot = match stage {
                    Stage::One => &mut self.definition_of_done.stage_one,
                    Stage::Two => &mut self.definition_of_done.stage_two,
                };
                Ok(Edit::SetDefinitionOfDone { stage, lines: std::mem::replace(slot, lines) })
            }
            Edit::SetSprint { name, sprint } => {
                if sprint.as_ref().is_some_and(|s| s.name != name) {
                    return Err(EditError::SprintName(name));
                }
                let old = self.put_sprint(&name, sprint.map(|s| *s));
                Ok(Edit::SetSprint { name, sprint: old.map(Box::new) })
            }
            Edit::SetStandup(settings) => {
                Ok(Edit::SetStandup(std::mem::replace(&mut self.standup, settings)))
            }
            Edit::Batch(edits) => self.apply_batch(edits),
        }
    }

    fn set_wip_limit(
        &mut self,
        track: Track,
        column: Option<usize>,
        limit: Option<u32>,
    ) -> Result<Edit, EditError> {
        let def = self.track_mut(track);
        let slot = match column {
            None => &mut def.wip_limit,
            Some(index) => match def.columns.get_mut(index) {
                Some(column) => &mut column.wip_limit,
                None => {
                    return Err(EditError::NoSuchColumn {
                        track: track.to_string(),
                        column: format!("number {}", index + 1),
                    });
                }
            },
        };
        let old = std::mem::replace(slot, limit);
        Ok(Edit::SetWipLimit { track, column, limit: old })
    }

    fn add_item(&mut self, item: Item) -> Result<Edit, EditError> {
        if item.id == 0 {
            return Err(EditError::ZeroId);
        }
        self.check_place(&item.place())?;
        let at = self.index_of(item.id).err().ok_or(EditError::IdTaken(item.id))?;
        let id = item.id;
        // Ids are never reused: the counter only moves forward, even when the add is undone.
        self.next_id = self.next_id.max(id + 1);
        self.items.insert(at, item);
        Ok(Edit::Remove(id))
    }

    fn remove_item(&mut self, id: ItemId) -> Result<Edit, EditError> {
        let at = self.index_of(id).map_err(|_| EditError::NoSuchItem(id))?;
        Ok(Edit::Add(Box::new(self.items.remove(at))))
    }

    fn change_item(&mut self, id: ItemId, change: ItemChange, at: Timestamp) -> Result<Edit, EditError> {
        if let Some(place) = &change.place {
            self.check_place(place)?;
        }
        let item = self.item_mut(id).ok_or(EditError::NoSuchItem(id))?;
        let old = ItemChange {
            place: change.place.map(|p| item.set_place(p)),
            title: swap(&mut item.title, change.title),
            kind: swap(&mut item.kind, change.kind),
            estimate: swap(&mut item.estimate, change.estimate),
            tags: swap(&mut item.tags, change.tags),
            assignee: swap(&mut item.assignee, change.assignee),
            description: swap(&mut item.description, change.description),
            checklist: swap(&mut item.checklist, change.checklist),
            links: swap(&mut item.links, change.links),
            question: swap(&mut item.question, change.question),
            timebox: swap(&mut item.timebox, change.timebox),
            outcome: swap(&mut item.outcome, change.outcome),
            learned: swap(&mut item.learned, change.learned),
            drop_reason: swap(&mut item.drop_reason, change.drop_reason),
            promoted_from: swap(&mut item.promoted_from, change.promoted_from),
            severity: swap(&mut item.severity, change.severity),
            follow_up_of: swap(&mut item.follow_up_of, change.follow_up_of),
            accepted: swap(&mut item.accepted, change.accepted),
            finished: swap(&mut item.finished, change.finished),
            sprint: swap(&mut item.sprint, change.sprint),
            blocked: swap(&mut item.blocked, change.blocked),
            blocked_since: swap(&mut item.blocked_since, change.blocked_since),
            in_column_since: swap(&mut item.in_column_since, change.in_column_since),
        };
        let old_at = std::mem::replace(&mut item.updated, at);
        Ok(Edit::Change { id, change: Box::new(old), at: old_at })
    }

    fn apply_batch(&mut self, edits: Vec<Edit>) -> Result<Edit, EditError> {
        let mut inverses = Vec::with_capacity(edits.len());
        let next_id = self.next_id;
        for edit in edits {
            match self.apply(edit) {
                Ok(inverse) => inverses.push(inverse),
                Err(err) => {
                    // Roll back what already applied so the batch is all-or-nothing.
                    for inverse in inverses.into_iter().rev() {
                        self.apply(inverse).expect("the inverse of an applied edit applies");
                    }
                    self.next_id = next_id;
                    return Err(err);
                }
            }
        }
        inverses.reverse();
        Ok(Edit::Batch(inverses))
    }

    fn check_place(&self, place: &Place) -> Result<(), EditError> {
        match self.column(place.track, &place.column) {
            Some(_) => Ok(()),
            None => {
                Err(EditError::NoSuchColumn { track: place.track.to_string(), column: place.column.clone() })
            }
        }
    }
}

/// Puts `new` into `slot` (when given) and returns what was there.
fn swap<T>(slot: &mut T, new: Option<T>) -> Option<T> {
    new.map(|value| std::mem::replace(slot, value))
}
