//! The capacity view's two pages: the split against its targets (starting and closing sprints
//! from there), and discovery (why work is discovery, how it ended lately).

use super::{Cx, Effect, Overlay};
use crate::app::forms;
use crate::app::forms::form::{FieldKey, Form};
use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;
use crate::app::status::Status;

fn open(form: Form) -> Effect {
    Effect::Open(Overlay::Form(Box::new(form)))
}

/// The capacity page's keys.
pub fn capacity(action: Action, cx: &Cx) -> Effect {
    match action {
        Action::Edit => cx
            .refused("the settings are shown, not edited")
            .unwrap_or_else(|| open(forms::settings::settings(cx.board))),
        Action::NextPage => Effect::Replace(Overlay::Discovery),
        Action::StartSprint => start_sprint(cx),
        Action::CloseSprint => close_sprint(cx),
        _ => Effect::Unhandled,
    }
}

/// The discovery page's keys.
pub fn discovery(action: Action, cx: &Cx) -> Effect {
    match action {
        Action::Edit => {
            let mut form = forms::workflow::definition_of_done(cx.board);
            form.focus = form.position(FieldKey::EntryCriteria);
            open(form)
        }
        Action::NextPage => Effect::Replace(Overlay::Capacity),
        _ => Effect::Unhandled,
    }
}

/// The form that starts a sprint, unless one is open.
fn start_sprint(cx: &Cx) -> Effect {
    if let Some(open) = cx.board.current_sprint() {
        return Effect::Say(Status::info(format!(
            "sprint \"{}\" is open; {} closes it and starts the next",
            open.name,
            cx.keys(Mode::Capacity, Action::CloseSprint)
        )));
    }
    let commit = cx.keys(Mode::Board, Action::Commit);
    open(forms::sprint::start(cx.board, cx.now.date_naive(), &commit))
}

/// The form that closes the open sprint, if there is one.
fn close_sprint(cx: &Cx) -> Effect {
    match cx.board.current_sprint() {
        Some(sprint) => open(forms::sprint::close(cx.board, sprint, cx.now)),
        None => Effect::Say(Status::info(format!(
            "no sprint is open; {} starts one",
            cx.keys(Mode::Capacity, Action::StartSprint)
        ))),
    }
}
