//! Opening the forms (add, edit, settings) and carrying out a submitted one.

use super::App;
use super::form::Purpose;
use super::overlay::Overlay;
use super::status::Status;
use super::{item_form, settings_form};
use crate::domain::ops::{self, OpError};
use crate::domain::settings;

impl App {
    pub(super) fn open_new_item_form(&mut self) {
        let column = self.view.column(self.selection.column);
        let def = &self.board.track(column.track).columns[column.index];
        let form = item_form::new_item(column.track, &def.id, &def.name, self.selection.stage);
        self.overlays.push(Overlay::Form(Box::new(form)));
    }

    pub(super) fn open_edit_item_form(&mut self) {
        let Some(item) = self.selected_item() else {
            self.status = Some(Status::info("no item selected here; a adds one"));
            return;
        };
        let column =
            self.board.column(item.track, &item.column).map_or(item.column.as_str(), |c| c.name.as_str());
        let form = item_form::edit_item(item, column);
        self.overlays.push(Overlay::Form(Box::new(form)));
    }

    pub(super) fn open_settings_form(&mut self) {
        self.overlays.push(Overlay::Form(Box::new(settings_form::settings(&self.board))));
    }

    /// Checks the form on top; on success closes it and commits what it asks for.
    pub(super) fn submit_form(&mut self) {
        let Some(Overlay::Form(form)) = self.overlays.last_mut() else { return };
        let result = match &form.purpose {
            Purpose::NewItem { track, column, stage } => item_form::values(form)
                .map(|values| ops::add(&self.board, values.into_new(*track, column, *stage), self.now)),
            Purpose::EditItem(id) => item_form::values(form).map(|values| match self.board.item(*id) {
                Some(item) => ops::update(&self.board, *id, values.change_from(item), self.now),
                None => Err(OpError::NoSuchItem(*id)),
            }),
            Purpose::Settings => {
                settings_form::values(form, &self.board).map(|new| settings::change(&self.board, &new))
            }
        };
        match result {
            Ok(op) => {
                self.overlays.pop();
                self.commit(op);
            }
            Err((field, message)) => {
                form.refuse(field, message.clone());
                self.status = Some(Status::warning(message));
            }
        }
    }
}
