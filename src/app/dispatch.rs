//! Carrying out actions: navigation and overlays change only the view; board changes go through
//! an op, `Board::apply`, the undo history and a save.

use crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use super::App;
use super::action::Action;
use super::form::{FormTarget, ItemForm};
use super::keymap::Mode;
use super::overlay::Overlay;
use super::saver::SaveState;
use super::status::Status;
use super::view::BoardView;
use crate::domain::ops::{self, NewItem, Op, OpError};
use crate::domain::search::Query;
use crate::domain::{ItemId, Stage};

impl App {
    pub fn dispatch(&mut self, action: Action) {
        match self.mode() {
            Mode::Board => self.board_action(action),
            Mode::Help => self.help_action(action),
            Mode::Form => self.form_action(action),
            Mode::Search => self.search_action(action),
        }
    }

    fn board_action(&mut self, action: Action) {
        let columns = self.shown_columns();
        let view = &self.view;
        match action {
            Action::SelectLeft => _ = self.selection.step_column(view, -1, columns),
            Action::SelectRight => _ = self.selection.step_column(view, 1, columns),
            Action::SelectDown => _ = self.selection.down(view),
            Action::SelectUp => _ = self.selection.up(view),
            Action::OtherLane => self.selection.other_lane(view),
            Action::SelectFirst => self.selection.first(view),
            Action::SelectLast => self.selection.last(view),
            Action::MoveLeft => self.on_selected(|b, id, now| ops::step_column(b, id, -1, now)),
            Action::MoveRight => self.on_selected(|b, id, now| ops::step_column(b, id, 1, now)),
            Action::MoveDown => self.on_selected(|b, id, now| ops::shift_in_lane(b, id, 1, now)),
            Action::MoveUp => self.on_selected(|b, id, now| ops::shift_in_lane(b, id, -1, now)),
            Action::StageOne => self.on_selected(|b, id, now| ops::set_stage(b, id, Stage::One, now)),
            Action::StageTwo => self.on_selected(|b, id, now| ops::set_stage(b, id, Stage::Two, now)),
            Action::ToggleStage => self.on_selected(|b, id, now| {
                let stage = b.item(id).map_or(Stage::One, |it| it.stage.other());
                ops::set_stage(b, id, stage, now)
            }),
            Action::OtherTrack => self.on_selected(ops::to_other_track),
            Action::Delete => self.on_selected(|b, id, _| ops::remove(b, id)),
            Action::Add => self.open_new_form(),
            Action::Edit => self.open_edit_form(),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::Zoom => self.toggle_zoom(),
            Action::Search => self.open_search(),
            Action::Help => self.overlays.push(Overlay::Help { mode: Mode::Board, scroll: 0 }),
            Action::Quit => self.quit(),
            Action::Close => self.clear_filter(),
            _ => {}
        }
    }

    fn help_action(&mut self, action: Action) {
        let Some(Overlay::Help { scroll, .. }) = self.overlays.last_mut() else { return };
        match action {
            Action::ScrollDown => *scroll = scroll.saturating_add(1),
            Action::ScrollUp => *scroll = scroll.saturating_sub(1),
            Action::Close => _ = self.overlays.pop(),
            _ => {}
        }
    }

    fn form_action(&mut self, action: Action) {
        let Some(Overlay::Form(form)) = self.overlays.last_mut() else { return };
        match action {
            Action::NextField => form.next(),
            Action::PrevField => form.prev(),
            Action::Confirm if form.confirm() => self.submit_form(),
            Action::Save => self.submit_form(),
            Action::Close => {
                self.overlays.pop();
                self.status = Some(Status::info("cancelled; nothing changed"));
            }
            _ => {}
        }
    }

    fn search_action(&mut self, action: Action) {
        match action {
            Action::Confirm => {
                self.overlays.pop();
                self.status = Some(if self.view.query.is_empty() {
                    Status::info("no filter")
                } else {
                    Status::info("filter kept; Esc clears it")
                });
            }
            Action::Close => {
                self.overlays.pop();
                self.clear_filter();
            }
            _ => {}
        }
    }

    /// Keys no binding claims: text for the form or the search prompt.
    pub(super) fn text_input(&mut self, key: KeyEvent) {
        match self.overlays.last_mut() {
            Some(Overlay::Form(form)) => form.input(key),
            Some(Overlay::Search(area)) => {
                area.input(key);
                let query = Query::new(&area.lines().join(" "));
                self.refilter(query);
            }
            _ => {}
        }
    }

    /// Runs an op on the selected item and commits it.
    fn on_selected(
        &mut self,
        op: impl FnOnce(&crate::domain::Board, ItemId, crate::domain::Timestamp) -> Result<Op, OpError>,
    ) {
        match self.selection.item(&self.view) {
            Some(id) => {
                let result = op(&self.board, id, self.now);
                self.commit(result);
            }
            None => self.status = Some(Status::info("no item selected here")),
        }
    }

    /// Applies an op, records its inverse, follows its item and saves.
    fn commit(&mut self, result: Result<Op, OpError>) {
        let op = match result {
            Ok(op) => op,
            Err(err) => {
                self.status = Some(Status::warning(err.to_string()));
                return;
            }
        };
        if op.edit.is_noop() {
            self.status = Some(Status::info(op.summary));
            return;
        }
        let subject = op.edit.subject();
        match self.board.apply(op.edit) {
            Ok(inverse) => {
                self.history.record(op.summary.clone(), inverse);
                self.after_change(subject, Status::info(op.summary));
            }
            Err(err) => self.status = Some(Status::error(err.to_string())),
        }
    }

    fn undo(&mut self) {
        let Some(step) = self.history.take_undo() else {
            self.status = Some(Status::info("nothing to undo"));
            return;
        };
        let subject = step.edit.subject();
        match self.board.apply(step.edit.clone()) {
            Ok(redo) => {
                let message = format!("undid: {}", step.summary);
                self.history.push_redo(step.summary, redo);
                self.after_change(subject, Status::info(message));
            }
            Err(err) => {
                self.status = Some(Status::error(format!("cannot undo {}: {err}", step.summary)));
                self.history.restore_undo(step);
            }
        }
    }

    fn redo(&mut self) {
        let Some(step) = self.history.take_redo() else {
            self.status = Some(Status::info("nothing to redo"));
            return;
        };
        let subject = step.edit.subject();
        match self.board.apply(step.edit.clone()) {
            Ok(undo) => {
                let message = format!("redid: {}", step.summary);
                self.history.push_undo(step.summary, undo);
                self.after_change(subject, Status::info(message));
            }
            Err(err) => {
                self.status = Some(Status::error(format!("cannot redo {}: {err}", step.summary)));
                self.history.restore_redo(step);
            }
        }
    }

    /// After the board changed: recompute the view, keep the selection on `subject`, save.
    fn after_change(&mut self, subject: Option<ItemId>, status: Status) {
        self.view = BoardView::build(&self.board, self.view.query.clone());
        let followed = subject.is_some_and(|id| self.selection.select_item(&self.view, id));
        if !followed {
            self.selection.clamp(&self.view, 0..self.view.column_count());
        }
        self.status = Some(status);
        if let Err(reason) = self.saver.save(&self.board) {
            self.status = Some(Status::error(format!(
                "not saved: {reason}; the change is kept here and saving is retried on the next change"
            )));
        }
    }

    fn open_new_form(&mut self) {
        let column = self.view.column(self.selection.column);
        let def = &self.board.track(column.track).columns[column.index];
        let form = ItemForm::for_new(column.track, &def.id, &def.name, self.selection.stage);
        self.overlays.push(Overlay::Form(Box::new(form)));
    }

    fn open_edit_form(&mut self) {
        let Some(item) = self.selected_item() else {
            self.status = Some(Status::info("no item selected here; a adds one"));
            return;
        };
        let column =
            self.board.column(item.track, &item.column).map_or(item.column.as_str(), |c| c.name.as_str());
        let form = ItemForm::for_item(item, column);
        self.overlays.push(Overlay::Form(Box::new(form)));
    }

    fn submit_form(&mut self) {
        let Some(Overlay::Form(form)) = self.overlays.last_mut() else { return };
        let values = match form.values() {
            Ok(values) => values,
            Err((field, message)) => {
                form.focus = field;
                form.error = Some(message.clone());
                self.status = Some(Status::warning(message));
                return;
            }
        };
        let target = form.target.clone();
        let result = match &target {
            FormTarget::New { track, column, stage } => ops::add(
                &self.board,
                NewItem {
                    title: values.title,
                    track: Some(*track),
                    column: Some(column.clone()),
                    stage: Some(*stage),
                    kind: Some(values.kind),
                    estimate: values.estimate,
                    tags: values.tags,
                    assignee: values.assignee,
                    description: values.description,
                },
                self.now,
            ),
            FormTarget::Existing(id) => match self.board.item(*id) {
                Some(item) => {
                    let change = values.change_from(item);
                    if change == crate::domain::ItemChange::default() {
                        self.overlays.pop();
                        self.status = Some(Status::info(format!("no changes to #{id}")));
                        return;
                    }
                    ops::update(&self.board, *id, change, self.now)
                }
                None => Err(OpError::NoSuchItem(*id)),
            },
        };
        self.overlays.pop();
        self.commit(result);
    }

    fn toggle_zoom(&mut self) {
        self.zoom = !self.zoom;
        self.status = Some(Status::info(if self.zoom {
            format!("showing only the {} track; z shows both", self.selected_track())
        } else {
            "showing both tracks".to_owned()
        }));
    }

    fn open_search(&mut self) {
        let current = self.view.query.clone();
        let mut area = TextArea::default();
        if !current.is_empty() {
            area.insert_str(current.text());
        }
        self.overlays.push(Overlay::Search(Box::new(area)));
    }

    fn clear_filter(&mut self) {
        if !self.view.query.is_empty() {
            self.refilter(Query::default());
            self.status = Some(Status::info("filter cleared"));
        }
    }

    /// Filters the board, keeping the selected item selected when it still shows.
    fn refilter(&mut self, query: Query) {
        let selected = self.selection.item(&self.view);
        self.view = BoardView::build(&self.board, query);
        if !selected.is_some_and(|id| self.selection.select_item(&self.view, id)) {
            self.selection.clamp(&self.view, self.shown_columns());
            if self.selection.item(&self.view).is_none() {
                self.selection.nearest_card(&self.view, self.shown_columns());
            }
        }
    }

    fn quit(&mut self) {
        if let SaveState::Unsaved(_) = self.saver.state()
            && let Err(reason) = self.saver.save(&self.board)
        {
            let file = self.saver.path().display().to_string();
            match self.saver.rescue(&self.board, self.now) {
                Ok(path) => {
                    self.exit_note = Some(format!(
                        "could not save {file} ({reason}); the board with all your changes was written to {}",
                        path.display()
                    ));
                }
                Err(err) if !self.quit_armed => {
                    self.quit_armed = true;
                    self.status = Some(Status::error(format!(
                        "cannot save ({reason}) nor write a recovery copy ({err:#}); quit again to leave anyway"
                    )));
                    return;
                }
                Err(_) => {}
            }
        }
        self.quit = true;
    }
}
