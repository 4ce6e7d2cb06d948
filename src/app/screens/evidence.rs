//! The evidence flows of the board: accepting on evidence, splitting an item into variants,
//! asking why an item is discovery work, the capacity view's discovery page, and the debt
//! register's order.

use crate::app::forms::form::FieldKey;
use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;
use crate::app::screens::Overlay;
use crate::app::screens::criteria::CriteriaPrompt;
use crate::app::status::Status;
use crate::app::{App, forms};
use crate::domain::change::OpError;
use crate::domain::dual_track::criteria;
use crate::model::{Board, Item, ItemId, Stage, Track};

impl App {
    /// Opens the overlay `open` makes for the selected item, or says why it cannot.
    fn open_for_selected(&mut self, open: impl FnOnce(&Board, &Item) -> Result<Overlay, OpError>) {
        let result = self.selected_item().map(|item| open(&self.board, item));
        match result {
            None => self.status = Some(Status::info("no item selected here")),
            Some(Ok(overlay)) => self.overlays.push(overlay),
            Some(Err(err)) => self.status = Some(Status::warning(err.to_string())),
        }
    }

    /// `A`: asks on what evidence the selected stage-one item is accepted.
    pub(crate) fn open_accept_form(&mut self) {
        self.open_for_selected(|board, item| match item.stage {
            Stage::One => Ok(Overlay::Form(Box::new(forms::evidence::accept(board, item)))),
            Stage::Two => Err(OpError::NotStageOne { id: item.id, what: "acceptance is for" }),
        });
    }

    /// `V`: asks for the titles of the variants the selected stage-one item is split into.
    pub(crate) fn open_variants_form(&mut self) {
        self.open_for_selected(|board, item| match item.stage {
            Stage::One => Ok(Overlay::Form(Box::new(forms::evidence::variants(board, item)))),
            Stage::Two => Err(OpError::NotStageOne { id: item.id, what: "variants are made of" }),
        });
    }

    /// `E`: the entry criteria of the selected discovery item, to tick.
    pub(crate) fn open_criteria_prompt(&mut self) {
        self.open_for_selected(|board, item| match item.track {
            Track::Discovery => Ok(Overlay::Criteria(Box::new(CriteriaPrompt::new(board, item, false)))),
            Track::Delivery => Err(OpError::CriteriaNotDiscovery(item.id)),
        });
    }

    /// After this session's change took an item into the discovery track: if it is still there
    /// (another writer's save merged in may have moved it) without saying why, ask why (a
    /// question, not a block: the change is made either way).
    pub(crate) fn ask_why_if_needed(&mut self, id: Option<ItemId>) {
        let Some(item) = id.and_then(|id| self.board.item(id)) else { return };
        if criteria::unanswered(&self.board, item) {
            let prompt = CriteriaPrompt::new(&self.board, item, true);
            self.overlays.push(Overlay::Criteria(Box::new(prompt)));
        }
    }

    pub(crate) fn criteria_action(&mut self, action: Action) -> bool {
        let keys = |app: &App, a: Action| app.keymap.short_keys(Mode::Criteria, &[a]).unwrap_or_default();
        let (tick, none) = (keys(self, Action::Tick), keys(self, Action::NoneApplies));
        let later = self.keymap.short_keys(Mode::Board, &[Action::EntryCriteria]);
        let Some(Overlay::Criteria(prompt)) = self.overlays.last_mut() else { return false };
        let id = prompt.id;
        match action {
            Action::SelectDown => prompt.down(),
            Action::SelectUp => prompt.up(),
            Action::Tick => prompt.tick(),
            Action::Save => {
                let chosen = prompt.chosen();
                if chosen.is_empty() {
                    let message =
                        format!("tick at least one ({tick} or its number), or {none}: none applies");
                    prompt.error = Some(message.clone());
                    self.status = Some(Status::warning(message));
                    return true;
                }
                self.overlays.pop();
                let op = criteria::set(&self.board, id, chosen, self.now);
                self.commit(op);
            }
            Action::NoneApplies => {
                self.overlays.pop();
                let op = criteria::set(&self.board, id, Vec::new(), self.now);
                self.commit(op);
            }
            Action::Close => {
                self.overlays.pop();
                if self.board.item(id).is_some_and(|it| criteria::unanswered(&self.board, it)) {
                    let again = later.map(|k| format!("; {k} asks again")).unwrap_or_default();
                    self.status =
                        Some(Status::warning(format!("#{id} does not say why it is discovery work{again}")));
                } else {
                    self.status = Some(Status::info("nothing changed"));
                }
            }
            Action::Help => self.overlays.push(Overlay::Help { mode: Mode::Criteria, scroll: 0 }),
            _ => return false,
        }
        true
    }

    /// The capacity view's two pages, one after the other.
    pub(crate) fn next_page(&mut self) {
        let next = match self.overlays.last() {
            Some(Overlay::Capacity) => Overlay::Discovery,
            Some(Overlay::Discovery) => Overlay::Capacity,
            _ => return,
        };
        self.overlays.pop();
        self.overlays.push(next);
    }

    pub(crate) fn discovery_action(&mut self, action: Action) -> bool {
        match action {
            Action::Edit => {
                let mut form = forms::workflow::definition_of_done(&self.board);
                form.focus = form.position(FieldKey::EntryCriteria);
                self.overlays.push(Overlay::Form(Box::new(form)));
            }
            Action::NextPage => self.next_page(),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::Help => self.overlays.push(Overlay::Help { mode: Mode::Discovery, scroll: 0 }),
            Action::Close => _ = self.overlays.pop(),
            _ => return false,
        }
        true
    }
}
