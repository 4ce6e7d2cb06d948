//! Undo and redo: stacks of steps, each with the edit that reverts it, the edit it made (so a
//! step is applied only while the board still holds what it set), and the words that describe it.
//! The stacks outlive a session in the user's own state file (`store/user_state.rs`): a step
//! taken back after a restart is checked against the board like any other.

use serde::{Deserialize, Serialize};

use super::edit::Edit;
use crate::model::ItemId;

/// One step that can be undone (or redone).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub summary: String,
    /// The edit that reverts the step.
    pub edit: Edit,
    /// The edit the step made: what must still hold on the board for `edit` to apply.
    pub done: Edit,
}

/// The undo and redo stacks of one session.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl History {
    /// The stacks kept from an earlier session (oldest step first in each).
    pub fn resumed(undo: Vec<Step>, redo: Vec<Step>) -> History {
        History { undo, redo }
    }

    /// The undo and the redo stack, oldest step first, to keep for the next session.
    pub fn stacks(&self) -> (&[Step], &[Step]) {
        (&self.undo, &self.redo)
    }

    /// Records a new change (`done`) by its inverse; a new change makes the redo stack meaningless.
    pub fn record(&mut self, summary: String, done: Edit, inverse: Edit) {
        self.undo.push(Step { summary, edit: inverse, done });
        self.redo.clear();
    }

    /// The step to undo next, taken off the stack.
    pub fn take_undo(&mut self) -> Option<Step> {
        self.undo.pop()
    }

    /// The step to redo next, taken off the stack.
    pub fn take_redo(&mut self) -> Option<Step> {
        self.redo.pop()
    }

    /// After undoing `step` (which produced `inverse`), it can be redone.
    pub fn push_redo(&mut self, step: Step, inverse: Edit) {
        self.redo.push(Step { summary: step.summary, edit: inverse, done: step.edit });
    }

    /// After redoing `step` (which produced `inverse`), it can be undone again (redo stays).
    pub fn push_undo(&mut self, step: Step, inverse: Edit) {
        self.undo.push(Step { summary: step.summary, edit: inverse, done: step.edit });
    }

    /// Puts a step back where it was taken from, when applying it failed.
    pub fn restore_undo(&mut self, step: Step) {
        self.undo.push(step);
    }

    pub fn restore_redo(&mut self, step: Step) {
        self.redo.push(step);
    }

    /// Follows items that got new ids when this session's edits were merged with another
    /// writer's board, so undo acts on the right items.
    pub fn remap(&mut self, ids: &[(ItemId, ItemId)]) {
        for step in self.undo.iter_mut().chain(self.redo.iter_mut()) {
            step.edit.remap(ids);
            step.done.remap(ids);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_change_clears_redo_and_steps_swap_what_they_did() {
        let mut h = History::default();
        let (done, undo) = (Edit::Remove(1), Edit::Remove(2));
        h.record("a".into(), done.clone(), undo.clone());
        let step = h.take_undo().expect("undo a");
        assert_eq!((&step.edit, &step.done), (&undo, &done));
        h.push_redo(step, Edit::Remove(3));
        let redo = h.take_redo().expect("redo a");
        assert_eq!((redo.edit, redo.done), (Edit::Remove(3), undo));
        h.record("b".into(), Edit::Batch(vec![]), Edit::Batch(vec![]));
        assert!(h.take_redo().is_none());
        assert_eq!(h.take_undo().expect("undo b").summary, "b");
        assert!(h.take_undo().is_none());
    }
}
