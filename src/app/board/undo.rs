//! Undo and redo, which never revert someone else: a step applies only while the board still
//! holds what it set, else it is refused whole, naming who changed it since.

use crate::app::App;
use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;
use crate::app::status::Status;
use crate::domain::change::history::Step;
use crate::domain::change::holds::Since;
use crate::domain::change::{fields, holds};
use crate::model::ItemId;

impl App {
    /// `d`: deletes the selected item and says how to bring it back: the undo key now, and
    /// the recently deleted list or `twotrack restore ID` after a restart or on another machine
    /// (docs/guide/board-and-keys.md).
    pub(crate) fn delete_selected(&mut self) {
        let selected = self.selected_item().map(|it| it.id);
        self.on_selected(|b, id, _| crate::domain::change::ops::remove(b, id));
        if let Some(id) = selected
            && self.board.item(id).is_none()
            && let Some(status) = self.status.as_mut()
        {
            let keys = |action| self.keymap.short_keys(Mode::Board, &[action]);
            let undo = keys(Action::Undo).unwrap_or_else(|| "undo".into());
            let later = match keys(Action::DeletedItems) {
                Some(list) => format!("{list} or twotrack restore {id}"),
                None => format!("twotrack restore {id}"),
            };
            status.text.push_str(&format!(" · {undo} undoes it; later: {later}"));
        }
    }

    pub(crate) fn undo(&mut self) {
        self.step_history(true);
    }

    pub(crate) fn redo(&mut self) {
        self.step_history(false);
    }

    /// Undoes (or redoes) the last step: applies its stored edit and keeps the inverse on the
    /// other stack. A step whose changes someone changed since is refused and dropped, so the
    /// steps before it stay reachable.
    fn step_history(&mut self, undo: bool) {
        let (verb, past) = if undo { ("undo", "undid") } else { ("redo", "redid") };
        if !self.may_change(&format!("nothing to {verb}")) {
            return;
        }
        let taken = if undo { self.history.take_undo() } else { self.history.take_redo() };
        let Some(step) = taken else {
            self.status = Some(Status::info(format!("nothing to {verb}")));
            return;
        };
        if let Err(since) = holds::check(&self.board, &step.done) {
            self.status = Some(Status::warning(self.refusal(&since, verb)));
            return;
        }
        let subject = step.edit.subject();
        self.session.note(&self.board, &step.edit, &format!("{past}: {}", step.summary));
        match self.board.apply(step.edit.clone()) {
            Ok(inverse) => {
                let message = format!("{past}: {}", step.summary);
                if undo {
                    self.history.push_redo(step, inverse);
                } else {
                    self.history.push_undo(step, inverse);
                }
                self.after_change(subject, Status::info(message));
            }
            Err(err) => {
                self.status = Some(Status::error(format!("cannot {verb} {}: {err}", step.summary)));
                self.restore_step(undo, step);
            }
        }
    }

    fn restore_step(&mut self, undo: bool, step: Step) {
        if undo { self.history.restore_undo(step) } else { self.history.restore_redo(step) }
    }

    /// "#19 was moved to Review by bob since; not undone — u goes on with the step before".
    fn refusal(&self, since: &Since, verb: &str) -> String {
        let by = |item: Option<ItemId>, field: &str| {
            self.session.who_changed(item, field).map_or("someone else".to_owned(), str::to_owned)
        };
        let what = match since {
            Since::Deleted(id) => format!("#{id} was deleted by {}", by(Some(*id), "item")),
            Since::Settings => format!("the settings were changed by {}", by(None, "capacity")),
            Since::Changed(id, names) => self.changed_since(*id, names, &by),
        };
        let action = if verb == "undo" { Action::Undo } else { Action::Redo };
        let next = self.keymap.short_keys(Mode::Board, &[action]).unwrap_or_else(|| verb.to_owned());
        let (done, before) = if verb == "undo" { ("undone", "before") } else { ("redone", "after") };
        format!("{what} since; not {done} — {next} goes on with the step {before}")
    }

    fn changed_since(
        &self,
        id: ItemId,
        names: &[String],
        by: &dyn Fn(Option<ItemId>, &str) -> String,
    ) -> String {
        let item = self.board.item(id);
        if names.iter().any(|n| n == "track" || n == "column") {
            let column = item
                .and_then(|it| self.board.column(it.track, &it.column))
                .map_or_else(String::new, |c| format!(" to {}", c.name));
            return format!("#{id} was moved{column} by {}", by(Some(id), fields::MOVE_NAME));
        }
        if names.iter().any(|n| n == "stage") {
            let stage = item.map_or("", |it| it.stage.label());
            return format!("#{id} was labelled {stage} by {}", by(Some(id), "stage"));
        }
        let first = names.first().map_or("item", String::as_str);
        let verb = if names.len() > 1 { "were" } else { "was" };
        format!("#{id} {} {verb} changed by {}", names.join(", "), by(Some(id), first))
    }
}
