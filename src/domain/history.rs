//! Undo and redo: stacks of inverse edits, each with the words that describe the step.

use super::edit::Edit;

/// One step that can be undone (or redone): the edit that reverts it and what it did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub summary: String,
    pub edit: Edit,
}

/// The undo and redo stacks of one session.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl History {
    /// Records a new change by its inverse; a new change makes the redo stack meaningless.
    pub fn record(&mut self, summary: String, inverse: Edit) {
        self.undo.push(Step { summary, edit: inverse });
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

    /// After undoing `summary`, `inverse` redoes it.
    pub fn push_redo(&mut self, summary: String, inverse: Edit) {
        self.redo.push(Step { summary, edit: inverse });
    }

    /// After redoing `summary`, `inverse` undoes it again (the redo stack stays).
    pub fn push_undo(&mut self, summary: String, inverse: Edit) {
        self.undo.push(Step { summary, edit: inverse });
    }

    /// Puts a step back where it was taken from, when applying it failed.
    pub fn restore_undo(&mut self, step: Step) {
        self.undo.push(step);
    }

    pub fn restore_redo(&mut self, step: Step) {
        self.redo.push(step);
    }

    /// Follows items that got new ids when this session's edits were replayed on another
    /// writer's board, so undo acts on the right items.
    pub fn remap(&mut self, ids: &[(super::item::ItemId, super::item::ItemId)]) {
        for step in self.undo.iter_mut().chain(self.redo.iter_mut()) {
            step.edit.remap(ids);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_change_clears_redo() {
        let mut h = History::default();
        h.record("a".into(), Edit::Batch(vec![]));
        let step = h.take_undo().expect("undo a");
        h.push_redo(step.summary, Edit::Batch(vec![]));
        h.record("b".into(), Edit::Batch(vec![]));
        assert!(h.take_redo().is_none());
        assert_eq!(h.take_undo().expect("undo b").summary, "b");
        assert!(h.take_undo().is_none());
    }
}
