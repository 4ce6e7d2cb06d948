//! The quick board keys: labelling a run of items, and the question asked before an item is
//! moved into a done column or accepted with its definition of done unticked (or, where the
//! definition is enforced, the form that asks why it is done anyway).

use crate::app::App;
use crate::app::forms;
use crate::app::forms::form::{Form, Purpose};
use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;
use crate::app::screens::{Overlay, Question};
use crate::app::status::Status;
use crate::domain::change::{Op, OpError, ops};
use crate::domain::two_stage;
use crate::model::{Item, ItemId, Stage};

/// Why an item's definition of done asks before it counts as done, or `None` when all is ticked.
fn unticked_lines(board: &crate::model::Board, item: &Item) -> Option<Vec<String>> {
    let unticked = two_stage::unticked(board, item);
    if unticked.is_empty() {
        return None;
    }
    let mut lines = vec![format!("Its {} definition of done has unticked entries:", item.stage.label())];
    lines.extend(unticked.iter().map(|e| format!("  [ ] {e}")));
    Some(lines)
}

impl App {
    /// Labels the selected item's stage and keeps the selection where it was in the lane, so the
    /// next card (which slides into that place) is the next to label.
    /// The old way of `1`/`2`: the selection stays in place after a label (`true`), for
    /// labelling a run with `2 j 2 j`; by default it goes with the item.
    pub fn label_keeps_place(mut self, keep: bool) -> App {
        self.display.label_keeps_place = keep;
        self
    }

    pub(crate) fn label(&mut self, stage_of: fn(Stage) -> Stage) {
        let before = self.selection;
        let id = self.selection.item(&self.view);
        self.on_selected(|b, id, now| {
            let stage = b.item(id).map_or(Stage::One, |it| stage_of(it.stage));
            ops::set_stage(b, id, stage, now)
        });
        let moved = id.is_some_and(|id| self.board.item(id).is_some_and(|it| it.stage != before.stage));
        // By default the commit's refresh left the selection on the item in its new lane.
        if moved && self.display.label_keeps_place {
            self.selection = before;
            self.selection.clamp(&self.view, self.shown_columns());
            let next = self.view.lane(before.column, before.stage).len() > before.index;
            self.recent.label_gap = next.then_some(self.selection);
        }
    }

    /// Accepting an item whose definition of done is not fully ticked asks first and lists the
    /// unticked entries, like a move into a done column; `op` (from the acceptance form) waits
    /// for the yes.
    pub(crate) fn accept_checked(&mut self, id: ItemId, op: Op) {
        match self.board.item(id).and_then(|item| unticked_lines(&self.board, item)) {
            Some(lines) => self.ask(format!("Accept #{id}?"), lines, "accept it", op),
            None => self.commit_op(op),
        }
    }

    /// H/L: moving into a done column with unticked definition-of-done entries asks first.
    pub(crate) fn move_selected(&mut self, delta: isize) {
        let Some(id) = self.selected_or_say() else { return };
        let result = ops::step_column(&self.board, id, delta, self.now);
        let Some(item) = self.board.item(id) else { return };
        let columns = &self.board.track(item.track).columns;
        let target = columns
            .iter()
            .position(|c| c.id == item.column)
            .and_then(|here| here.checked_add_signed(delta))
            .and_then(|t| columns.get(t));
        match (result, target.filter(|c| c.done), unticked_lines(&self.board, item)) {
            (Err(refused @ OpError::Unticked { .. }), Some(column), _) => {
                let purpose = Purpose::ForceMove { id, column: column.id.clone() };
                self.open_force(purpose, &refused);
            }
            (Ok(op), Some(column), Some(lines)) => {
                let title = format!("Move #{id} to {}?", column.name);
                self.ask(title, lines, "move it", op);
            }
            (result, _, _) => self.commit(result),
        }
    }

    /// The form that forces an item past its enforced definition of done (`purpose` is
    /// [`Purpose::ForceMove`] or [`Purpose::ForceAccept`]), on the board as it is now.
    pub(crate) fn force_form(&self, purpose: Purpose) -> Option<Form> {
        let (Purpose::ForceMove { id, .. } | Purpose::ForceAccept { id, .. }) = &purpose else { return None };
        let item = self.board.item(*id)?;
        let edit = self.keymap.short_keys(Mode::Board, &[Action::Edit]).unwrap_or_default();
        Some(forms::force::form(&self.board, item, purpose, &edit))
    }

    /// Opens the force form after `refused` (which names the unticked entries) said why.
    pub(crate) fn open_force(&mut self, purpose: Purpose, refused: &OpError) {
        if let Some(form) = self.force_form(purpose) {
            self.overlays.push(Overlay::Form(Box::new(form)));
            self.status = Some(Status::warning(refused.to_string()));
        }
    }

    fn ask(&mut self, title: String, lines: Vec<String>, yes: &'static str, op: Op) {
        self.overlays.push(Overlay::Confirm(Box::new(Question { title, lines, yes, op })));
    }
}
