//! A form's field of several lines edited in the user's own editor (`Ctrl-o`; `src/editor.rs`
//! runs it): the App only marks the request and takes the text back, the terminal loop hands the
//! terminal over in between (docs/guide/board-and-keys.md, "Forms"). The form's other fields are
//! never touched, and a failed edit leaves the field as it was, with one sentence in the form.

use crate::app::App;
use crate::app::forms::form::{Form, Input};
use crate::app::screens::Overlay;
use crate::editor::EditorError;

impl Form {
    /// The text of the focused field when it takes several lines.
    pub fn editable_text(&self) -> Option<String> {
        match self.fields.get(self.focus).map(|f| &f.input) {
            Some(Input::Text(area)) => Some(area.lines().join("\n")),
            _ => None,
        }
    }

    /// Puts the editor's text into the focused field, or says why it did not come back.
    pub fn take_edited(&mut self, result: Result<String, EditorError>) {
        match (result, self.fields.get_mut(self.focus).map(|f| &mut f.input)) {
            (Ok(text), Some(input @ Input::Text(_))) => {
                *input = Input::text(&text);
                self.edited = true;
                self.error = None;
            }
            (Ok(_), _) => {
                self.error = Some("the field changed while the editor was open; nothing was put in".into())
            }
            (Err(err), _) => self.error = Some(err.to_string()),
        }
    }
}

impl App {
    /// The text to hand to the editor, when a form asked for it since the last call.
    pub fn take_editor_request(&mut self) -> Option<String> {
        if !std::mem::take(&mut self.recent.editor_wanted) {
            return None;
        }
        match self.overlays.last() {
            Some(Overlay::Form(form)) => form.editable_text(),
            _ => None,
        }
    }

    /// What the editor left (or why nothing), for the form on top.
    pub fn editor_finished(&mut self, result: Result<String, EditorError>) {
        if let Some(Overlay::Form(form)) = self.overlays.last_mut() {
            form.take_edited(result);
        }
    }

    /// `Ctrl-o` in a form: the loop hands the terminal to the editor after this key.
    pub(crate) fn want_editor(&mut self) {
        self.recent.editor_wanted = true;
    }
}
