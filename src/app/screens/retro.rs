//! The retrospective screen: the retrospective document (the last closed sprints, as
//! `twotrack retro` prints it), scrolled; `a` accepts the proposed stage-two target as one
//! undoable decision. The document is worked out when the screen opens and after a change, never
//! per key, so scrolling a large board's retrospective costs nothing.

use super::{Cx, Effect};
use crate::app::input::action::Action;
use crate::app::status::Status;
use crate::domain::rhythm::doc::Doc;
use crate::domain::rhythm::retro::{self, ratio};

#[derive(Debug)]
pub struct Retro {
    pub doc: Doc,
    pub scroll: u16,
}

impl Retro {
    pub fn new(doc: Doc) -> Retro {
        Retro { doc, scroll: 0 }
    }

    pub fn update(&mut self, action: Action, cx: &Cx) -> Effect {
        match action {
            Action::ScrollDown => self.scroll = self.scroll.saturating_add(1),
            Action::ScrollUp => self.scroll = self.scroll.saturating_sub(1),
            Action::AcceptRatio => return accept(cx),
            Action::Charts => return Effect::OpenCharts,
            Action::Undo => return Effect::Many(vec![Effect::Undo, Effect::RefreshRetro]),
            Action::Redo => return Effect::Many(vec![Effect::Redo, Effect::RefreshRetro]),
            _ => return Effect::Unhandled,
        }
        Effect::Done
    }
}

/// The proposal as of now, made the board's stage-two target (or why not).
fn accept(cx: &Cx) -> Effect {
    let proposal = match retro::retro(cx.board, None, retro::LAST, cx.now) {
        Ok(r) => r.proposal,
        Err(err) => return Effect::Say(Status::warning(err.to_string())),
    };
    let Some(proposal) = proposal else {
        return Effect::Say(Status::warning("there is no proposal: nothing was done in these sprints"));
    };
    match ratio::accept(cx.board, &proposal) {
        Some(op) => Effect::Many(vec![Effect::Change(Ok(op)), Effect::RefreshRetro]),
        None => Effect::Say(Status::info(format!(
            "the stage-two target is already {}%, as proposed",
            proposal.proposed
        ))),
    }
}
