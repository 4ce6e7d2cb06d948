//! Keeping up with other writers: saving through merges, following the file when someone else
//! saves it, and telling the user who changed what and which of their edits no longer apply.

use super::App;
use super::overlay::Overlay;
use super::saver::Merged;
use super::status::Status;
use super::view::BoardView;
use crate::app::form::Purpose;

impl App {
    /// Saves the board (merging with another writer's save if need be).
    pub(super) fn save(&mut self) {
        let selected = self.selection.item(&self.view);
        match self.saver.save(&mut self.board) {
            Ok(None) => {}
            Ok(Some(merged)) => self.merged(merged, selected),
            Err(reason) => {
                self.status = Some(Status::error(format!(
                    "not saved: {reason}; the change is kept here and saving is retried on the next change"
                )));
            }
        }
    }

    /// The board file may have changed on disk: if so, read it and show what changed, keeping
    /// the selection. Returns whether anything on screen changed.
    pub fn file_changed(&mut self) -> bool {
        let selected = self.selection.item(&self.view);
        match self.saver.follow(&mut self.board) {
            Ok(None) => false,
            Ok(Some(merged)) => {
                self.merged(merged, selected);
                self.refollow();
                true
            }
            Err(reason) => {
                self.status = Some(Status::error(reason));
                true
            }
        }
    }

    /// After the board was replaced by a merge: recompute the view, keep the selection, say what
    /// happened, and warn a form whose item is gone.
    fn merged(&mut self, merged: Merged, selected: Option<crate::domain::ItemId>) {
        self.history.remap(&merged.renumbered);
        let selected = selected
            .map(|id| merged.renumbered.iter().find(|(old, _)| *old == id).map_or(id, |(_, new)| *new));
        self.view = BoardView::build(&self.board, self.view.query.clone(), self.now.date_naive());
        if !selected.is_some_and(|id| self.selection.select_item(&self.view, id)) {
            self.selection.clamp(&self.view, self.shown_columns());
        }
        for overlay in &mut self.overlays {
            if let Overlay::Form(form) = overlay
                && let Purpose::EditItem(id)
                | Purpose::FollowUp(id)
                | Purpose::Promote(id)
                | Purpose::Drop(id) = form.purpose
                && self.board.item(id).is_none()
            {
                form.error =
                    Some(format!("#{id} was deleted by {}; this form can no longer be saved", merged.by));
            }
        }
        self.status = Some(describe(&merged));
    }
}

/// One line: what the other writer did, and what of ours was lost.
fn describe(merged: &Merged) -> Status {
    let mut text = match merged.theirs.as_slice() {
        [] => String::new(),
        [one] => format!("{}: {one}", merged.by),
        [first, second] => format!("{}: {first}, {second}", merged.by),
        [first, rest @ ..] => format!("{}: {first} and {} more changes", merged.by, rest.len()),
    };
    for (summary, err) in &merged.lost {
        if !text.is_empty() {
            text.push_str("; ");
        }
        text.push_str(&format!("your change \"{summary}\" no longer applies ({err}) and was dropped"));
    }
    if merged.lost.is_empty() { Status::info(text) } else { Status::warning(text) }
}
