//! Keeping up with other writers: telling the user who changed what and which of their values
//! were not applied after a save or a catch-up merged with the file (`saving.rs`), and not
//! acting on an item that moved under the user's key.

use crate::app::App;
use crate::app::board::view::BoardView;
use crate::app::forms::form::Purpose;
use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;
use crate::app::screens::Overlay;
use crate::app::status::Status;
use crate::domain::change::fields;
use crate::model::Track;
use crate::session::Merged;

impl App {
    /// After the board was replaced by a merge: recompute the view, keep the selection, say what
    /// happened, and warn a form whose item is gone.
    pub(crate) fn merged(&mut self, merged: Merged, selected: Option<crate::model::ItemId>) {
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
                | Purpose::Drop(id)
                | Purpose::Estimate(id)
                | Purpose::AnticipatedDebt(id) = form.purpose
                && self.board.item(id).is_none()
            {
                let by = self.session.who_changed(Some(id), "item").unwrap_or("someone else");
                form.error = Some(format!("#{id} was deleted by {by}; this form can no longer be saved"));
            }
        }
        // A question about why an item is discovery work no longer applies once another writer
        // took it out of the discovery track (or deleted it).
        let board = &self.board;
        self.overlays.retain(|overlay| match overlay {
            Overlay::Criteria(prompt) => board.item(prompt.id).is_some_and(|it| it.track == Track::Discovery),
            _ => true,
        });
        if !merged.conflicts.is_empty() {
            self.unapplied = merged.conflicts.iter().map(|(c, _)| c.clone()).collect();
        }
        // Nothing to tell (the file changed by this session's own hand): the message stays.
        let told = self.describe(&merged);
        if !told.text.is_empty() {
            self.status = Some(told);
        }
    }

    /// One line: our values not applied first (they need the user), then what others did.
    fn describe(&self, merged: &Merged) -> Status {
        let mut parts = Vec::new();
        if !merged.conflicts.is_empty() {
            parts.push(self.conflict_text(merged.conflicts.iter().map(|(c, who)| (c, who.as_str()))));
        }
        parts.extend(merged.stranded.iter().cloned());
        parts.extend(by_author(&merged.theirs));
        if let Some(warning) = &merged.warning {
            parts.push(warning.clone());
        }
        let text = parts.join("; ");
        if merged.conflicts.is_empty() && merged.stranded.is_empty() && merged.warning.is_none() {
            Status::info(text)
        } else {
            Status::warning(text)
        }
    }

    /// "#6 title: bob changed it first; yours not applied, R applies it" (fits at 80 columns).
    pub(crate) fn conflict_text<'c>(
        &self,
        conflicts: impl Iterator<Item = (&'c crate::domain::team::merge::Conflict, &'c str)>,
    ) -> String {
        let lines: Vec<String> = conflicts
            .map(|(conflict, who)| match (conflict.item, conflict.field.as_str()) {
                (Some(id), "item") if conflict.kept.is_null() => format!("#{id}: {who} deleted it first"),
                (Some(id), "item") => format!("#{id}: {who} changed it first; your delete"),
                (Some(id), field) => format!("#{id} {field}: {who} changed it first"),
                (None, field) => format!("{field}: {who} changed it first"),
            })
            .collect();
        let key = self.keymap.short_keys(Mode::Board, &[Action::ApplyMine]);
        let hint = key.map_or_else(String::new, |k| format!(", {k} applies it"));
        format!("{}; yours not applied{hint}", lines.join(", "))
    }
}

/// How long after someone else moved the selected item a key that moves it is taken to have
/// been meant for where the user last saw it: longer than the redraw takes, shorter than a look.
const JUST_MOVED: std::time::Duration = std::time::Duration::from_millis(800);

impl App {
    /// A key that acts on the selected item where it stands, pressed moments after someone else
    /// moved it (possibly into the other track), is refused once instead of acting on a place
    /// the user had not seen yet.
    pub(crate) fn stale_move(&mut self, action: Action) -> bool {
        let Some((id, when)) = self.recent.moved_under.take() else { return false };
        let acts_in_place = matches!(
            action,
            Action::MoveLeft
                | Action::MoveRight
                | Action::MoveUp
                | Action::MoveDown
                | Action::StageOne
                | Action::StageTwo
                | Action::ToggleStage
                | Action::OtherTrack
                | Action::Delete
                | Action::Accept
        );
        if !acts_in_place || when.elapsed() > JUST_MOVED || self.selection.item(&self.view) != Some(id) {
            return false;
        }
        let Some(item) = self.board.item(id) else { return false };
        let column =
            self.board.column(item.track, &item.column).map_or(item.column.as_str(), |c| c.name.as_str());
        let who = self.session.who_changed(Some(id), fields::MOVE_NAME).unwrap_or("someone else");
        let key = self.keymap.short_keys(Mode::Board, &[action]).unwrap_or_default();
        self.status = Some(Status::warning(format!(
            "#{id} was just moved to {column} ({} track) by {who}; nothing done — {key} again acts there",
            item.track
        )));
        true
    }
}

/// "bob: #6 moved to Review, #7 labelled stage two; carol: added #12 …", a few per author.
fn by_author(theirs: &[(String, String)]) -> Vec<String> {
    let mut authors: Vec<(&str, Vec<&str>)> = Vec::new();
    for (who, what) in theirs {
        match authors.iter_mut().find(|(w, _)| w == who) {
            Some((_, list)) => list.push(what),
            None => authors.push((who, vec![what])),
        }
    }
    authors
        .into_iter()
        .map(|(who, list)| match list.as_slice() {
            [one] => format!("{who}: {one}"),
            [first, second] => format!("{who}: {first}, {second}"),
            [first, rest @ ..] => format!("{who}: {first} and {} more changes", rest.len()),
            [] => String::new(),
        })
        .collect()
}
