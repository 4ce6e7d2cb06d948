//! Saving the phased-delivery forms (a new initiative, its edit, a decision at a boundary, an
//! item's initiative and phase): a refusal points at its field and keeps the form open.

use crate::app::forms::form::Purpose;
use crate::app::screens::Overlay;
use crate::app::status::Status;
use crate::app::{App, forms};
use crate::domain::change::Edit;
use crate::domain::change::initiative_edit::InitiativeEdit;
use crate::domain::phases::initiatives;

impl App {
    /// Carries out the phased-delivery form on top; a refusal points at its field and keeps
    /// the form open.
    pub(crate) fn submit_phased_form(&mut self) {
        let Some(Overlay::Form(form)) = self.overlays.last() else { return };
        let result = match &form.purpose {
            Purpose::NewInitiative => {
                initiatives::create(&self.board, forms::initiative::new_initiative_values(form))
            }
            Purpose::EditInitiative(id) => {
                initiatives::edit(&self.board, id, forms::initiative::edit_initiative_values(form))
            }
            Purpose::Decide(id) => {
                let input = forms::initiative::decide_values(form);
                initiatives::decide(&self.board, id, input, self.session.author(), self.now)
            }
            Purpose::Label(item) => {
                let (initiative, phase) = forms::initiative::label_values(form);
                initiatives::label(&self.board, *item, initiative.as_deref(), phase, self.now)
            }
            _ => return,
        };
        // The initiative to keep selected in the list beneath: a decision or an edit may move
        // it (stopped ones go last), a new one is selected.
        let keep = match (&form.purpose, &result) {
            (Purpose::Decide(id) | Purpose::EditInitiative(id), _) => Some(id.clone()),
            (Purpose::NewInitiative, Ok(op)) => match &op.edit {
                Edit::Initiative(InitiativeEdit::Add(it)) => Some(it.id.clone()),
                _ => None,
            },
            _ => None,
        };
        match result {
            Ok(op) => {
                self.overlays.pop();
                self.commit_op(op);
                self.select_initiative(keep.as_deref());
            }
            Err(err) => {
                if let Some(Overlay::Form(form)) = self.overlays.last_mut() {
                    let field = forms::initiative::field_of(form, &err);
                    form.refuse(field, err.to_string());
                }
                self.status = Some(Status::warning(err.to_string()));
            }
        }
    }

    /// Selects the initiative `id` in the list beneath, if there is one.
    fn select_initiative(&mut self, id: Option<&str>) {
        let Some(at) = id.and_then(|id| self.initiative_order().iter().position(|i| i == id)) else { return };
        if let Some(Overlay::Initiatives(list)) = self.overlays.last_mut() {
            list.selected = at;
        }
    }
}
