//! A form's keys as a screen: moving between fields, saving, cancelling. The form's fields and
//! typing are `forms::form`; what saving does is `forms::submit`.

use super::Effect;
use crate::app::forms::form::Form;
use crate::app::input::action::Action;
use crate::app::status::Status;

pub fn update(form: &mut Form, action: Action) -> Effect {
    match action {
        Action::NextField => form.next(),
        Action::PrevField => form.prev(),
        // Enter saves, except in a multi-line field where it starts a new line.
        Action::Confirm if form.confirm() => return Effect::Submit,
        Action::Confirm => {}
        Action::Save => return Effect::Submit,
        Action::OpenEditor if form.editable_text().is_some() => return Effect::OpenEditor,
        Action::OpenEditor => {
            return Effect::Say(Status::info("only a field of several lines opens in the editor"));
        }
        // A reopened draft is text someone typed before: the first Esc asks, the second discards.
        Action::Close if form.draft => {
            form.draft = false;
            return Effect::Say(Status::warning(
                "this form is your reopened draft: close it again to discard it, or save it",
            ));
        }
        Action::Close => return Effect::close_then(Effect::Say(Status::info("cancelled; nothing changed"))),
        _ => return Effect::Unhandled,
    }
    Effect::Done
}
