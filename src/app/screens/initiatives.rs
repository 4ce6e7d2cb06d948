//! Phased delivery in the running program: the initiatives view and an initiative's details,
//! their forms, putting the selected item into an initiative, and telling the user at once
//! when a change raises a phased-delivery warning.

use crate::app::forms::form::Purpose;
use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;
use crate::app::screens::Overlay;
use crate::app::status::Status;
use crate::app::{App, forms};
use crate::domain::phases::progress::Snapshot;
use crate::domain::phases::{initiatives, progress};
use crate::domain::query::search::Query;

impl App {
    /// The initiatives in the order the view lists them.
    pub fn initiative_order(&self) -> Vec<String> {
        self.view.initiatives.iter().map(|(id, _)| id.clone()).collect()
    }

    /// The initiative the overlay on top is about: the selected one of the list, or the one
    /// whose details are shown.
    fn current_initiative(&self) -> Option<String> {
        match self.overlays.last()? {
            Overlay::Initiatives { selected } => {
                self.view.initiatives.get(*selected).map(|(id, _)| id.clone())
            }
            Overlay::InitiativeDetails { id, .. } => Some(id.clone()),
            _ => None,
        }
    }

    pub(crate) fn initiatives_action(&mut self, action: Action) -> bool {
        let count = self.board.initiatives().len();
        let Some(Overlay::Initiatives { selected }) = self.overlays.last_mut() else { return false };
        match action {
            Action::SelectDown => *selected = (*selected + 1).min(count.saturating_sub(1)),
            Action::SelectUp => *selected = selected.saturating_sub(1),
            Action::InitiativeDetails => {
                if let Some(id) = self.current_initiative() {
                    self.overlays.push(Overlay::InitiativeDetails { id, scroll: 0 });
                }
            }
            Action::AddInitiative => self.push_form(forms::initiative::new_initiative()),
            Action::Help => self.overlays.push(Overlay::Help { mode: Mode::Initiatives, scroll: 0 }),
            Action::Close => _ = self.overlays.pop(),
            other => return self.on_current_initiative(other),
        }
        true
    }

    pub(crate) fn initiative_details_action(&mut self, action: Action) -> bool {
        let Some(Overlay::InitiativeDetails { scroll, .. }) = self.overlays.last_mut() else { return false };
        match action {
            Action::ScrollDown => *scroll = scroll.saturating_add(1),
            Action::ScrollUp => *scroll = scroll.saturating_sub(1),
            Action::Help => self.overlays.push(Overlay::Help { mode: Mode::Initiative, scroll: 0 }),
            Action::Close => _ = self.overlays.pop(),
            other => return self.on_current_initiative(other),
        }
        true
    }

    /// What both initiative screens do with the initiative they are about; false for an action
    /// they do not carry out.
    fn on_current_initiative(&mut self, action: Action) -> bool {
        if !matches!(
            action,
            Action::Decide | Action::EditInitiative | Action::ShowItems | Action::Undo | Action::Redo
        ) {
            return false;
        }
        let Some(initiative) = self.current_initiative().and_then(|id| self.board.initiative(&id)) else {
            let add = self.keymap.short_keys(Mode::Initiatives, &[Action::AddInitiative]).unwrap_or_default();
            self.status = Some(Status::info(format!("no initiative selected; {add} adds one")));
            return true;
        };
        match action {
            Action::Decide => {
                if initiative.status.is_open() {
                    let form = forms::initiative::decide(&self.board, initiative);
                    self.push_form(form);
                } else {
                    let (id, status) = (initiative.id.clone(), initiative.status);
                    let err = initiatives::PhasedError::Closed { id, status };
                    self.status = Some(Status::warning(err.to_string()));
                }
            }
            Action::EditInitiative => self.push_form(forms::initiative::edit_initiative(initiative)),
            Action::ShowItems => {
                let id = initiative.id.clone();
                self.overlays.retain(|o| {
                    !matches!(o, Overlay::Initiatives { .. } | Overlay::InitiativeDetails { .. })
                });
                self.refilter(Query::new(&format!("%{id}")));
                let clear = self.keymap.short_keys(Mode::Board, &[Action::Close]).unwrap_or_default();
                self.status =
                    Some(Status::info(format!("showing the items of {id} (%{id}); {clear} shows all")));
            }
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            _ => return false,
        }
        true
    }

    fn push_form(&mut self, form: crate::app::forms::form::Form) {
        self.overlays.push(Overlay::Form(Box::new(form)));
    }

    /// `I`: the form that puts the selected item into an initiative and phase.
    pub(crate) fn open_label_form(&mut self) {
        let Some(item) = self.selected_item() else {
            self.status = Some(Status::info("no item selected here"));
            return;
        };
        if self.board.initiatives().iter().all(|it| !it.status.is_open()) && item.initiative.is_none() {
            let keys = |mode, action| self.keymap.short_keys(mode, &[action]).unwrap_or_default();
            self.status = Some(Status::info(format!(
                "no active initiative to put #{} into: {} shows the initiatives, {} there adds one",
                item.id,
                keys(Mode::Board, Action::Initiatives),
                keys(Mode::Initiatives, Action::AddInitiative)
            )));
            return;
        }
        let form = forms::initiative::label(&self.board, item);
        self.push_form(form);
    }

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
                initiatives::decide(&self.board, id, input, self.saver.author(), self.now)
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
                crate::domain::change::Edit::Initiative(
                    crate::domain::change::initiative_edit::InitiativeEdit::Add(it),
                ) => Some(it.id.clone()),
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
        if let Some(Overlay::Initiatives { selected }) = self.overlays.last_mut() {
            *selected = at;
        }
    }

    /// The initiatives' warnings before a change (as the view has them), when there are any.
    pub(crate) fn watch_initiatives(&self) -> Option<Snapshot> {
        let all = &self.view.initiatives;
        (!all.is_empty()).then(|| all.iter().map(|(id, p)| (id.clone(), p.warnings.clone())).collect())
    }

    /// The warnings a change brought, to add to its status line.
    pub(crate) fn initiative_news(&self, before: Option<Snapshot>) -> Vec<String> {
        before.map(|before| progress::news(&before, &self.board)).unwrap_or_default()
    }
}
