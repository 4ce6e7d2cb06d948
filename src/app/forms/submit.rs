//! Carrying out a submitted form: its values become an op, committed; a refusal points at the
//! field to fix and keeps the form open. (Forms are opened by the keys in `board/open.rs`.)

use crate::app::forms::form::{Purpose, Value};
use crate::app::screens::{Overlay, Question};
use crate::app::status::Status;
use crate::app::{App, forms};
use crate::domain::change::{Op, OpError, blocking, ops, settings};
use crate::domain::dual_track::variants;
use crate::domain::rhythm::planning;
use crate::domain::team::merge::Conflict;
use crate::domain::two_stage::Evidence;
use crate::domain::{dual_track, two_stage};

impl App {
    /// Checks the form on top; on success closes it and commits what it asks for.
    pub(crate) fn submit_form(&mut self) {
        if let Some(Overlay::Form(form)) = self.overlays.last()
            && let Purpose::EditItem(id) = form.purpose
        {
            return self.submit_item_edit(id);
        }
        if self.accept_needs_force() {
            return;
        }
        let conflicts = self.rebase_settings_form();
        let today = self.now.date_naive();
        // A close that rolls work into a sprint for the other stage asks first.
        let mut across = Vec::new();
        let Some(Overlay::Form(form)) = self.overlays.last_mut() else { return };
        let result: Result<Result<Op, String>, (usize, String)> = match &form.purpose {
            Purpose::NewInitiative | Purpose::EditInitiative(_) | Purpose::Decide(_) | Purpose::Label(_) => {
                return self.submit_phased_form();
            }
            Purpose::NewItem { track, column, stage } => forms::item::values(form, today).map(|values| {
                in_words(ops::add(&self.board, values.into_new(*track, column, *stage), self.now))
            }),
            Purpose::NewItems { track, column, stage } => {
                forms::paste::op(form, &self.board, (*track, column, *stage), self.now).map(in_words)
            }
            // Saved field by field, with conflicts of its own (above).
            Purpose::EditItem(_) => return,
            Purpose::Settings => forms::settings::values(form, &self.board)
                .map(|new| in_words(settings::change(&self.board, &new))),
            Purpose::FollowUp(parent) => forms::workflow::follow_up_values(form).map(|v| {
                in_words(two_stage::follow_up(
                    &self.board,
                    *parent,
                    &v.title,
                    v.estimate,
                    v.severity,
                    self.now,
                ))
            }),
            Purpose::DefinitionOfDone => Ok(Ok(forms::workflow::definition_of_done_op(form, &self.board))),
            Purpose::Promote(id) => forms::workflow::promote_values(form).map(|v| {
                in_words(dual_track::promote(&self.board, *id, &v.learned, &v.titles, v.stage, self.now))
            }),
            Purpose::Accept(id) => forms::evidence::accept_values(form)
                .map(|evidence| in_words(two_stage::accept(&self.board, *id, evidence, self.now))),
            Purpose::Variants(id) => forms::evidence::variant_titles(form)
                .map(|titles| in_words(variants::split(&self.board, *id, &titles, self.now))),
            Purpose::Estimate(id) => forms::estimate::op(form, &self.board, *id, self.now).map(in_words),
            Purpose::AnticipatedDebt(id) => {
                forms::anticipated::op(form, &self.board, *id, self.now).map(in_words)
            }
            Purpose::Drop(id) => forms::workflow::drop_reason(form)
                .map(|reason| in_words(dual_track::drop(&self.board, *id, &reason, self.now))),
            Purpose::StartSprint => {
                forms::sprint::start_values(form).map(|new| in_words(planning::start(&self.board, new)))
            }
            Purpose::CloseSprint => forms::sprint::close_op(form, &self.board, self.now).map(|close| {
                across = close.mismatched;
                close.op
            }),
            Purpose::Block(id) => forms::sprint::block_reason(form)
                .map(|reason| in_words(blocking::block(&self.board, *id, &reason, self.now))),
            Purpose::ForceMove { id, column } => forms::force::reason(form)
                .map(|reason| in_words(ops::force_to_column(&self.board, *id, column, &reason, self.now))),
            Purpose::ForceAccept { id, by, note } => forms::force::reason(form).map(|reason| {
                let evidence = Evidence::new(by.as_deref(), note.as_deref());
                in_words(two_stage::accept_forced(&self.board, *id, evidence, &reason, self.now))
            }),
            Purpose::Assign(ids) => Ok(in_words(forms::assign::op(form, &self.board, ids, self.now))),
        };
        // After logging a follow-up the parent stays selected, ready for the next one.
        let keep = match &form.purpose {
            Purpose::FollowUp(parent) => Some(*parent),
            _ => None,
        };
        let accepting = match &form.purpose {
            Purpose::Accept(id) => Some(*id),
            _ => None,
        };
        // Every refusal keeps the form open, so nothing typed is lost and the next keys are not
        // taken as board commands.
        let refusal = match result {
            Ok(Ok(op)) => {
                self.overlays.pop();
                match accepting {
                    Some(id) => self.accept_checked(id, op),
                    None if !across.is_empty() => {
                        let title = "Roll work of the other stage into the next sprint?".to_owned();
                        let question = Question { title, lines: across, yes: "close the sprint", op };
                        self.overlays.push(Overlay::Confirm(Box::new(question)));
                    }
                    None => self.commit_op(op),
                }
                if let Some(parent) = keep {
                    self.selection.select_item(&self.view, parent);
                }
                self.report_settings_conflicts(conflicts);
                return;
            }
            Ok(Err(err)) => (form.focus, err),
            Err(refused) => refused,
        };
        let (field, message) = refusal;
        form.refuse(field, message.clone());
        self.status = Some(Status::warning(message));
    }
}

impl App {
    /// An acceptance form saved on an item whose enforced definition of done has unticked
    /// entries gives way to the force form, which keeps the evidence typed and asks why.
    fn accept_needs_force(&mut self) -> bool {
        let Some(Overlay::Form(form)) = self.overlays.last() else { return false };
        let Purpose::Accept(id) = form.purpose else { return false };
        let Ok(evidence) = forms::evidence::accept_values(form) else { return false };
        let Err(refused) = two_stage::accept(&self.board, id, evidence.clone(), self.now) else {
            return false;
        };
        if !matches!(refused, OpError::Unticked { .. }) {
            return false;
        }
        self.overlays.pop();
        self.open_force(Purpose::ForceAccept { id, by: evidence.by, note: evidence.note }, &refused);
        true
    }

    /// A form over the board's settings is saved on the board as it is now: only the fields
    /// changed in it are written. Returns the fields someone else changed first.
    fn rebase_settings_form(&mut self) -> Vec<Conflict> {
        let Some(Overlay::Form(form)) = self.overlays.last() else { return Vec::new() };
        let (fresh, setting) = match form.purpose {
            Purpose::Settings => (forms::settings::settings(&self.board), "capacity"),
            Purpose::DefinitionOfDone => {
                (forms::workflow::definition_of_done(&self.board), "definition_of_done")
            }
            _ => return Vec::new(),
        };
        let (fresh, clashes) = form.carry_over(fresh);
        if let Some(Overlay::Form(form)) = self.overlays.last_mut() {
            **form = fresh;
        }
        let text = |value: Value| match value {
            Value::Text(text) | Value::Choice(text) => serde_json::Value::String(text),
            Value::Ticked(on) => serde_json::Value::Bool(on),
        };
        clashes
            .into_iter()
            .map(|(label, kept, lost)| Conflict {
                item: None,
                field: format!("{setting}: {label}"),
                kept: text(kept),
                lost: text(lost),
            })
            .collect()
    }

    fn report_settings_conflicts(&mut self, conflicts: Vec<Conflict>) {
        if conflicts.is_empty() {
            return;
        }
        let top = conflicts[0].field.split(':').next().unwrap_or_default().to_owned();
        let who = self.session.who_changed(None, &top).unwrap_or("someone else").to_owned();
        let names: Vec<&str> = conflicts.iter().filter_map(|c| c.field.split(": ").nth(1)).collect();
        let text =
            format!("{}: {who} changed it first; yours not applied (kept in the journal)", names.join(", "));
        self.session.note_conflicts(&conflicts);
        self.save();
        self.status = Some(Status::warning(text));
    }
}

/// A refused request in the words the form shows.
fn in_words<E: std::fmt::Display>(result: Result<Op, E>) -> Result<Op, String> {
    result.map_err(|e| e.to_string())
}
