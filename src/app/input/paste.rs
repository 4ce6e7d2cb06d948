//! Bracketed paste: pasted text is text, never keys. The screen on top takes it if it takes text
//! (a form field, the search prompt); on the board it opens a form that adds one item per pasted
//! line (a facilitator pastes a list of stories from a document).

use crate::app::forms::paste;
use crate::app::screens::Overlay;
use crate::app::status::Status;
use crate::app::{App, forms};

impl App {
    /// A paste from the terminal (bracketed paste).
    pub fn handle_paste(&mut self, text: &str) {
        // Terminals send a pasted line break as CR (xterm, tmux) or CRLF as often as LF.
        let text = &text.replace("\r\n", "\n").replace('\r', "\n");
        match self.overlays.last_mut() {
            Some(top) => {
                let effect = top.paste(text);
                self.apply(effect);
            }
            None => self.open_pasted_items_form(text),
        }
    }

    fn open_pasted_items_form(&mut self, text: &str) {
        let titles = paste::titles(text);
        if titles.is_empty() {
            self.status = Some(Status::info("the paste had no text: nothing to add"));
            return;
        }
        let column = self.view.column(self.selection.column);
        let def = &self.board.track(column.track).columns[column.index];
        let form = forms::paste::form((column.track, def, self.selection.stage), &titles);
        self.overlays.push(Overlay::Form(Box::new(form)));
    }
}
