//! Saving an item form field by field, and what happens to values someone else changed first:
//! they are reported (and journaled) and `R` applies them after all.

use serde_json::Value;

use crate::app::screens::Overlay;
use crate::app::status::Status;
use crate::app::{App, forms};
use crate::domain::change::{Edit, Op, OpError, fields, ops};
use crate::domain::team::merge;
use crate::domain::team::merge::Conflict;
use crate::model::ItemId;

impl App {
    /// Saves the item form on top: only the fields changed in the form are written; a field
    /// someone else changed since the form opened keeps their value and is reported.
    pub(crate) fn submit_item_edit(&mut self, id: ItemId) {
        let today = self.now.date_naive();
        let Some(Overlay::Form(form)) = self.overlays.last_mut() else { return };
        let values = match forms::item::values(form, today) {
            Ok(values) => values,
            Err((field, message)) => {
                form.refuse(field, message.clone());
                self.status = Some(Status::warning(message));
                return;
            }
        };
        let Some(current) = self.board.item(id) else {
            let message = OpError::NoSuchItem(id).to_string();
            form.error = Some(message.clone());
            self.status = Some(Status::warning(message));
            return;
        };
        let opened = form.opened.as_deref().unwrap_or(current).clone();
        let mut mine = opened.clone();
        values.change_from(&self.board, &opened).apply_to(&mut mine);
        let (change, conflicts) = merge::rebase(&opened, current, &mine);
        self.overlays.pop();
        if change.is_empty() {
            self.status = Some(Status::info(format!("#{id} unchanged")));
        } else {
            self.commit(ops::update(&self.board, id, change, self.now));
        }
        if !conflicts.is_empty() {
            self.report_conflicts(conflicts);
        }
    }

    /// Tells the user which of their values were not applied, journals them, and keeps them
    /// for `R`.
    fn report_conflicts(&mut self, conflicts: Vec<Conflict>) {
        let with_who: Vec<(Conflict, String)> = conflicts
            .into_iter()
            .map(|c| {
                let who = self.session.who_changed(c.item, &c.field).unwrap_or("someone else").to_owned();
                (c, who)
            })
            .collect();
        let text = self.conflict_text(with_who.iter().map(|(c, w)| (c, w.as_str())));
        self.unapplied = with_who.into_iter().map(|(c, _)| c).collect();
        self.session.note_conflicts(&self.unapplied);
        self.save();
        self.status = Some(Status::warning(text));
    }

    /// `R`: applies this session's values of the last conflicts, as one new undoable change.
    pub(crate) fn apply_mine(&mut self) {
        if self.unapplied.is_empty() {
            self.status = Some(Status::info("no value of yours is waiting: nothing was in conflict"));
            return;
        }
        let conflicts = std::mem::take(&mut self.unapplied);
        let mut edits = Vec::new();
        let mut applied = Vec::new();
        for conflict in &conflicts {
            if let Some(edit) = self.reapply(conflict) {
                edits.push(edit);
                applied.push(format!("#{} {}", conflict.item.unwrap_or_default(), conflict.field));
            }
        }
        if edits.is_empty() {
            self.status = Some(Status::info(
                "nothing to apply: your values are already there, or were settings (see twotrack log)",
            ));
            return;
        }
        let summary = format!("applied yours: {}", applied.join(", "));
        self.commit_op(Op { edit: Edit::Batch(edits), summary });
    }

    /// The edit that puts back this session's value of one conflict, if it can be put back.
    fn reapply(&self, conflict: &Conflict) -> Option<Edit> {
        let id = conflict.item?;
        let current = self.board.item(id);
        match (conflict.field.as_str(), current) {
            ("item", None) => {
                let item = fields::to_item(conflict.lost.as_object()?.clone()).ok()?;
                Some(Edit::Add(Box::new(item)))
            }
            ("item", Some(_)) if conflict.lost.is_null() => Some(Edit::Remove(id)),
            ("item", Some(_)) => None,
            (field, Some(current)) => {
                let mut target = fields::of(current);
                match (field == fields::MOVE_NAME, &conflict.lost) {
                    (true, Value::Object(unit)) => {
                        for name in fields::MOVE {
                            fields::set(&mut target, name, unit.get(name).cloned().unwrap_or(Value::Null));
                        }
                    }
                    _ => fields::set(&mut target, field, conflict.lost.clone()),
                }
                let target = fields::to_item(target).ok()?;
                let change = crate::domain::change::ItemChange::between(current, &target);
                let valid = self.board.column(target.track, &target.column).is_some();
                (valid && !change.is_empty()).then(|| Edit::Change {
                    id,
                    change: Box::new(change),
                    at: self.now,
                })
            }
            (_, None) => None,
        }
    }
}
