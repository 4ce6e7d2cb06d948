//! The initiatives (progress per phase, warnings, decisions) and one initiative's details: both
//! act on the initiative they show (decide, edit, show its items on the board).

use super::{Cx, Effect, Overlay};
use crate::app::forms;
use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;
use crate::app::status::Status;
use crate::domain::phases::initiatives::PhasedError;
use crate::domain::query::search::Query;

/// The initiatives, with the selected one (in the view's order).
#[derive(Debug, Default)]
pub struct Initiatives {
    pub selected: usize,
}

/// One initiative's details, scrolled by `scroll` lines.
#[derive(Debug)]
pub struct InitiativeDetails {
    pub id: String,
    pub scroll: u16,
}

impl Initiatives {
    pub fn update(&mut self, action: Action, cx: &Cx) -> Effect {
        let count = cx.board.initiatives().len();
        match action {
            Action::SelectDown => self.selected = (self.selected + 1).min(count.saturating_sub(1)),
            Action::SelectUp => self.selected = self.selected.saturating_sub(1),
            Action::InitiativeDetails => {
                if let Some(id) = self.current(cx) {
                    return Effect::Open(Overlay::InitiativeDetails(InitiativeDetails { id, scroll: 0 }));
                }
            }
            Action::AddInitiative => {
                return Effect::Open(Overlay::Form(Box::new(forms::initiative::new_initiative())));
            }
            other => return on_initiative(self.current(cx), other, cx),
        }
        Effect::Done
    }

    /// The selected initiative's id.
    pub fn current(&self, cx: &Cx) -> Option<String> {
        cx.view.initiatives.get(self.selected).map(|(id, _)| id.clone())
    }
}

impl InitiativeDetails {
    pub fn update(&mut self, action: Action, cx: &Cx) -> Effect {
        match action {
            Action::ScrollDown => self.scroll = self.scroll.saturating_add(1),
            Action::ScrollUp => self.scroll = self.scroll.saturating_sub(1),
            other => return on_initiative(Some(self.id.clone()), other, cx),
        }
        Effect::Done
    }
}

/// What both initiative screens do with the initiative they are about.
fn on_initiative(id: Option<String>, action: Action, cx: &Cx) -> Effect {
    if !matches!(
        action,
        Action::Decide | Action::EditInitiative | Action::ShowItems | Action::Undo | Action::Redo
    ) {
        return Effect::Unhandled;
    }
    let Some(initiative) = id.and_then(|id| cx.board.initiative(&id)) else {
        let add = cx.keys(Mode::Initiatives, Action::AddInitiative);
        return Effect::Say(Status::info(format!("no initiative selected; {add} adds one")));
    };
    let open = |form| Effect::Open(Overlay::Form(Box::new(form)));
    match action {
        Action::Decide if initiative.status.is_open() => {
            open(forms::initiative::decide(cx.board, initiative))
        }
        Action::Decide => {
            let err = PhasedError::Closed { id: initiative.id.clone(), status: initiative.status };
            Effect::Say(Status::warning(err.to_string()))
        }
        Action::EditInitiative => open(forms::initiative::edit_initiative(initiative)),
        Action::ShowItems => {
            let id = &initiative.id;
            let clear = cx.keys(Mode::Board, Action::Close);
            Effect::Many(vec![
                Effect::CloseAll(&[Mode::Initiatives, Mode::Initiative]),
                Effect::Filter(Query::new(&format!("%{id}"))),
                Effect::Say(Status::info(format!("showing the items of {id} (%{id}); {clear} shows all"))),
            ])
        }
        Action::Undo => Effect::Undo,
        _ => Effect::Redo,
    }
}
