//! Changing initiatives: the [`InitiativeEdit`]s that `Board::apply` carries out (each returns
//! its inverse, so they undo like every other edit), and the rule that ties items to them: an
//! item names an initiative that exists, and then always carries a phase.

use crate::model::initiative::valid_id;
use crate::model::{Board, Criteria, Decision, Initiative, ItemId, Status};
use crate::words::count;
use serde::{Deserialize, Serialize};

/// Why an initiative edit cannot be applied (the board is unchanged).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum InitiativeError {
    #[error("there is no initiative `{0}`")]
    NoSuch(String),
    #[error("there is already an initiative `{0}`")]
    Taken(String),
    #[error(
        "`{0}` cannot be an initiative id: use lower-case letters, digits, `-` or `_` (at most 32), \
         like `checkout`"
    )]
    BadId(String),
    #[error("initiative `{id}` still has {}, so it cannot be removed", count(*items, "item"))]
    InUse { id: String, items: usize },
    #[error("an item in an initiative needs a phase, and only an item in an initiative has one")]
    Membership,
    #[error("initiative `{0}` has no such decision to take back")]
    NoSuchDecision(String),
}

/// New values for some fields of an initiative; `None` leaves a field as it is.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InitiativeChange {
    pub name: Option<String>,
    pub description: Option<String>,
    pub criteria: Option<Criteria>,
    pub status: Option<Status>,
}

/// One change to the board's initiatives.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum InitiativeEdit {
    /// Insert a new initiative (its id must be free).
    Add(Box<Initiative>),
    /// Delete an initiative that no item belongs to.
    Remove(String),
    /// Change some fields of an initiative.
    Change { id: String, change: Box<InitiativeChange> },
    /// Append a decision to an initiative's record.
    Record { id: String, decision: Box<Decision> },
    /// Take the latest decision equal to `decision` off an initiative's record.
    Unrecord { id: String, decision: Box<Decision> },
}

impl InitiativeEdit {
    /// Whether `board` still holds what this edit set, so that undoing it reverts nobody else's
    /// change (see `domain::holds`).
    pub fn holds(&self, board: &Board) -> bool {
        match self {
            InitiativeEdit::Add(initiative) => board.initiative(&initiative.id) == Some(initiative),
            InitiativeEdit::Remove(id) => board.initiative(id).is_none(),
            InitiativeEdit::Change { id, change } => board.initiative(id).is_some_and(|it| {
                change.name.as_ref().is_none_or(|v| *v == it.name)
                    && change.description.as_ref().is_none_or(|v| *v == it.description)
                    && change.criteria.as_ref().is_none_or(|v| *v == it.criteria)
                    && change.status.is_none_or(|v| v == it.status)
            }),
            InitiativeEdit::Record { id, decision } => {
                board.initiative(id).is_some_and(|it| it.decisions.last() == Some(&**decision))
            }
            InitiativeEdit::Unrecord { id, decision } => {
                board.initiative(id).is_some_and(|it| it.decisions.last() != Some(&**decision))
            }
        }
    }

    /// Follows items that got new ids (see `Edit::remap`).
    pub fn remap(&mut self, map: &dyn Fn(&mut ItemId)) {
        if let InitiativeEdit::Record { decision, .. } | InitiativeEdit::Unrecord { decision, .. } = self {
            decision.items.iter_mut().for_each(map);
        }
    }
}

impl Board {
    fn initiative_mut(&mut self, id: &str) -> Result<&mut Initiative, InitiativeError> {
        match self.initiative_index(id) {
            Ok(i) => Ok(&mut self.initiatives[i]),
            Err(_) => Err(InitiativeError::NoSuch(id.to_owned())),
        }
    }

    pub(crate) fn apply_initiative(
        &mut self,
        edit: InitiativeEdit,
    ) -> Result<InitiativeEdit, InitiativeError> {
        match edit {
            InitiativeEdit::Add(initiative) => {
                if !valid_id(&initiative.id) {
                    return Err(InitiativeError::BadId(initiative.id));
                }
                let at = self
                    .initiative_index(&initiative.id)
                    .err()
                    .ok_or_else(|| InitiativeError::Taken(initiative.id.clone()))?;
                let id = initiative.id.clone();
                self.initiatives.insert(at, *initiative);
                Ok(InitiativeEdit::Remove(id))
            }
            InitiativeEdit::Remove(id) => {
                let at = self.initiative_index(&id).map_err(|_| InitiativeError::NoSuch(id.clone()))?;
                let items =
                    self.items.iter().filter(|it| it.initiative.as_deref() == Some(id.as_str())).count();
                if items > 0 {
                    return Err(InitiativeError::InUse { id, items });
                }
                Ok(InitiativeEdit::Add(Box::new(self.initiatives.remove(at))))
            }
            InitiativeEdit::Change { id, change } => {
                let it = self.initiative_mut(&id)?;
                let old = InitiativeChange {
                    name: change.name.map(|v| std::mem::replace(&mut it.name, v)),
                    description: change.description.map(|v| std::mem::replace(&mut it.description, v)),
                    criteria: change.criteria.map(|v| std::mem::replace(&mut it.criteria, v)),
                    status: change.status.map(|v| std::mem::replace(&mut it.status, v)),
                };
                Ok(InitiativeEdit::Change { id, change: Box::new(old) })
            }
            InitiativeEdit::Record { id, decision } => {
                self.initiative_mut(&id)?.decisions.push((*decision).clone());
                Ok(InitiativeEdit::Unrecord { id, decision })
            }
            InitiativeEdit::Unrecord { id, decision } => {
                let decisions = &mut self.initiative_mut(&id)?.decisions;
                let at = decisions
                    .iter()
                    .rposition(|d| *d == *decision)
                    .ok_or_else(|| InitiativeError::NoSuchDecision(id.clone()))?;
                decisions.remove(at);
                Ok(InitiativeEdit::Record { id, decision })
            }
        }
    }
}
