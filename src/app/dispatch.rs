//! Carrying out actions: each mode's actions, routed here; navigation and overlays change only
//! the view, board changes go through `commit`.

use crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use super::App;
use super::action::Action;
use super::keymap::Mode;
use super::overlay::Overlay;
use super::status::Status;
use super::view::BoardView;
use crate::domain::change::{estimate, ops};
use crate::domain::dual_track;
use crate::domain::dual_track::variants;
use crate::domain::query::search::Query;
use crate::domain::rhythm::planning;
use crate::domain::two_stage::debt;
use crate::domain::two_stage::debt::Sort;
use crate::model::Stage;
use crate::session::SaveState;

/// Whether an action was carried out. `Unhandled` is a bug (the [`Mode::accepts`] table says the
/// mode carries the action out): it is reported on the status line, never swallowed silently.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Done,
    /// The mode does not carry this action out (a user's keymap cannot bind it; see help).
    NotHere,
    Unhandled,
}

impl App {
    /// Carries out `action` in the current mode, if the mode's table accepts it. In a read-only
    /// session an action that would change the board is refused with a message (it counts as
    /// done: the user was answered).
    pub fn dispatch(&mut self, action: Action) -> Outcome {
        let mode = self.mode();
        if !mode.accepts(action) {
            self.status =
                Some(Status::info(format!("{} does nothing in {} mode", action.name(), mode.name())));
            return Outcome::NotHere;
        }
        if action.changes_board() && mode != Mode::Form && !self.may_change("nothing was changed") {
            return Outcome::Done;
        }
        if mode == Mode::Board && self.stale_move(action) {
            return Outcome::Done;
        }
        let done = match mode {
            Mode::Board => self.board_action(action),
            Mode::Help => self.help_action(action),
            Mode::Form => self.form_action(action),
            Mode::Search => self.search_action(action),
            Mode::Capacity => self.capacity_action(action),
            Mode::Debt => self.debt_action(action),
            Mode::Confirm => self.confirm_action(action),
            Mode::Discovery => self.discovery_action(action),
            Mode::Criteria => self.criteria_action(action),
            Mode::Details => self.details_action(action),
            Mode::Initiatives => self.initiatives_action(action),
            Mode::Initiative => self.initiative_details_action(action),
            Mode::HandOver => self.hand_over_action(action),
            Mode::MergeNote => self.merge_note_action(action),
            Mode::Standup => self.standup_action(action),
        };
        if done {
            return Outcome::Done;
        }
        self.status = Some(Status::error(format!(
            "internal error: {} is listed for {} mode but not carried out there",
            action.name(),
            mode.name()
        )));
        Outcome::Unhandled
    }

    fn board_action(&mut self, action: Action) -> bool {
        let columns = self.shown_columns();
        let gap = self.label_gap.take();
        let view = &self.view;
        match action {
            Action::SelectLeft => _ = self.selection.step_column(view, -1, columns),
            Action::SelectRight => _ = self.selection.step_column(view, 1, columns),
            // Right after a label, the next card has slid into the labelled card's place:
            // stepping down lands on it (so `2 j 2 j` labels a run).
            Action::SelectDown if gap == Some(self.selection) => {}
            Action::SelectDown => _ = self.selection.down(view),
            Action::SelectUp => _ = self.selection.up(view),
            Action::OtherLane => self.selection.other_lane(view),
            Action::SelectFirst => self.selection.lane_first(),
            Action::SelectLast => self.selection.lane_last(view),
            Action::MoveLeft => self.move_selected(-1),
            Action::MoveRight => self.move_selected(1),
            Action::MoveDown => self.on_selected(|b, id, now| ops::shift_in_lane(b, id, 1, now)),
            Action::MoveUp => self.on_selected(|b, id, now| ops::shift_in_lane(b, id, -1, now)),
            Action::StageOne => self.label(|_| Stage::One),
            Action::StageTwo => self.label(|_| Stage::Two),
            Action::ToggleStage => self.label(Stage::other),
            Action::OtherTrack => self.on_selected(ops::to_other_track),
            Action::EstimateUp => self.on_selected(|b, id, now| estimate::step(b, id, 1, now)),
            Action::EstimateDown => self.on_selected(|b, id, now| estimate::step(b, id, -1, now)),
            Action::Estimate => self.open_estimate_form(),
            Action::Delete => self.on_selected(|b, id, _| ops::remove(b, id)),
            Action::FollowUp => self.open_follow_up_form(),
            Action::Accept => self.open_accept_form(),
            Action::SplitVariants => self.open_variants_form(),
            Action::PickWinner => self.on_selected(variants::pick),
            Action::EntryCriteria => self.open_criteria_prompt(),
            Action::Promote => self.open_conclude_form(true),
            Action::Drop => self.open_conclude_form(false),
            Action::FollowLink => self.follow_link(),
            Action::DefinitionOfDone => self.open_definition_of_done_form(),
            Action::DebtRegister => self.overlays.push(Overlay::Debt { selected: 0, sort: Sort::Severity }),
            Action::Initiatives => self.overlays.push(Overlay::Initiatives { selected: 0 }),
            Action::LabelInitiative => self.open_label_form(),
            Action::Add => self.open_new_item_form(),
            Action::Edit if self.saver.read_only_reason().is_some() => self.show_details(),
            Action::Edit => self.open_edit_item_form(),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::ApplyMine => self.apply_mine(),
            Action::ReopenDraft => self.reopen_draft(),
            Action::Capacity => self.overlays.push(Overlay::Capacity),
            Action::Commit => self.on_selected(planning::toggle),
            Action::SprintFilter => self.toggle_sprint_filter(),
            Action::Block => self.block_or_unblock(),
            Action::Standup => self.open_standup(),
            Action::Zoom => self.toggle_zoom(),
            Action::Presenter => self.toggle_presenting(),
            Action::Follow => self.toggle_follow(),
            Action::HandOver => self.open_hand_over(),
            Action::Search => self.open_search(),
            Action::Help => self.overlays.push(Overlay::Help { mode: Mode::Board, scroll: 0 }),
            Action::Quit => self.quit(),
            Action::Close => self.clear_filter(),
            _ => return false,
        }
        true
    }

    fn details_action(&mut self, action: Action) -> bool {
        match action {
            Action::Help => self.overlays.push(Overlay::Help { mode: Mode::Details, scroll: 0 }),
            Action::Close => _ = self.overlays.pop(),
            _ => return false,
        }
        true
    }

    fn help_action(&mut self, action: Action) -> bool {
        let Some(Overlay::Help { scroll, .. }) = self.overlays.last_mut() else { return false };
        match action {
            Action::ScrollDown => *scroll = scroll.saturating_add(1),
            Action::ScrollUp => *scroll = scroll.saturating_sub(1),
            Action::Close => _ = self.overlays.pop(),
            _ => return false,
        }
        true
    }

    fn capacity_action(&mut self, action: Action) -> bool {
        match action {
            Action::Edit if !self.may_change("the settings are shown, not edited") => {}
            Action::Edit => self.open_settings_form(),
            Action::NextPage => self.next_page(),
            Action::StartSprint => self.open_start_sprint_form(),
            Action::CloseSprint => self.open_close_sprint_form(),
            Action::Help => self.overlays.push(Overlay::Help { mode: Mode::Capacity, scroll: 0 }),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::Close => _ = self.overlays.pop(),
            _ => return false,
        }
        true
    }

    fn debt_action(&mut self, action: Action) -> bool {
        let Some(Overlay::Debt { sort, .. }) = self.overlays.last() else { return false };
        // The register's open items, in its order: computed once per key.
        let open: Vec<crate::model::ItemId> =
            debt::register(&self.board, self.now).sorted(*sort).open.iter().map(|it| it.id).collect();
        let Some(Overlay::Debt { selected, sort }) = self.overlays.last_mut() else { return false };
        match action {
            Action::ToggleSort => {
                *sort = match sort {
                    Sort::Severity => Sort::Interest,
                    Sort::Interest => Sort::Severity,
                };
                *selected = 0;
            }
            Action::SelectDown => *selected = (*selected + 1).min(open.len().saturating_sub(1)),
            Action::SelectUp => *selected = selected.saturating_sub(1),
            Action::GoTo => {
                let id = open.get(*selected).copied();
                self.overlays.pop();
                if let Some(id) = id {
                    self.go_to(id);
                }
            }
            Action::Help => self.overlays.push(Overlay::Help { mode: Mode::Debt, scroll: 0 }),
            Action::Close => _ = self.overlays.pop(),
            _ => return false,
        }
        true
    }

    fn confirm_action(&mut self, action: Action) -> bool {
        let Some(Overlay::Confirm(_)) = self.overlays.last() else { return false };
        match action {
            Action::Confirm => {
                if let Some(Overlay::Confirm(question)) = self.overlays.pop() {
                    self.commit_op(question.op);
                }
            }
            Action::Close => {
                self.overlays.pop();
                self.status = Some(Status::info("nothing changed"));
            }
            _ => return false,
        }
        true
    }

    /// `o`: goes to the next item linked to the selected one, after the one we came from, so
    /// that pressing it repeatedly walks every link and back.
    fn follow_link(&mut self) {
        let Some(item) = self.selected_item() else {
            self.status = Some(Status::info("no item selected here"));
            return;
        };
        let links = dual_track::linked(&self.board, item);
        let from = item.id;
        let next = match self.came_from.and_then(|c| links.iter().position(|l| *l == c)) {
            Some(i) => links.get((i + 1) % links.len()),
            None => links.first(),
        };
        let Some(&target) = next else {
            self.status = Some(Status::info(format!("#{from} has no linked items")));
            return;
        };
        let position = links.iter().position(|l| *l == target).map_or(0, |i| i + 1);
        self.go_to(target);
        self.came_from = Some(from);
        let of = if links.len() > 1 {
            format!(" (link {position} of {} of #{from})", links.len())
        } else {
            String::new()
        };
        self.status = Some(Status::info(format!("went to #{target}{of}")));
    }

    /// A read-only session's `e`: the selected item's details, to read.
    fn show_details(&mut self) {
        match self.selected_item() {
            Some(_) => self.overlays.push(Overlay::Details),
            None => self.status = Some(Status::info("no item selected here")),
        }
    }

    /// Selects item `id` on the board, clearing a filter or zoom that hides it.
    pub(super) fn go_to(&mut self, id: crate::model::ItemId) {
        if !self.selection.select_item(&self.view, id) {
            self.refilter(Query::default());
            self.selection.select_item(&self.view, id);
        }
        if !self.shown_columns().contains(&self.selection.column) {
            self.zoom = false;
        }
        self.status = Some(Status::info(format!("went to #{id}")));
    }

    fn form_action(&mut self, action: Action) -> bool {
        let Some(Overlay::Form(form)) = self.overlays.last_mut() else { return false };
        match action {
            Action::NextField => form.next(),
            Action::PrevField => form.prev(),
            Action::Confirm => {
                if form.confirm() {
                    self.submit_form();
                }
            }
            Action::Save => self.submit_form(),
            Action::Close => {
                self.overlays.pop();
                self.status = Some(Status::info("cancelled; nothing changed"));
            }
            _ => return false,
        }
        true
    }

    fn search_action(&mut self, action: Action) -> bool {
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
            _ => return false,
        }
        true
    }

    /// Keys no binding claims: text for the form or the search prompt.
    pub(super) fn text_input(&mut self, key: KeyEvent) {
        match self.overlays.last_mut() {
            Some(Overlay::Form(form)) => form.input(key),
            Some(Overlay::Criteria(prompt)) => prompt.input(key),
            Some(Overlay::Search(area)) => {
                area.input(key);
                let query = Query::new(&area.lines().join(" "));
                self.refilter(query);
            }
            _ => {}
        }
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
    pub(super) fn refilter(&mut self, query: Query) {
        let selected = self.selection.item(&self.view);
        self.view = BoardView::build(&self.board, query, self.now.date_naive());
        if !selected.is_some_and(|id| self.selection.select_item(&self.view, id)) {
            self.selection.clamp(&self.view, self.shown_columns());
            if self.selection.item(&self.view).is_none() {
                self.selection.nearest_card(&self.view, self.shown_columns());
            }
        }
    }

    /// Quits at once (the process was asked to stop): a last save, or a recovery copy.
    pub fn stop(&mut self) {
        self.keep_draft();
        self.quit_armed = true;
        self.quit();
        self.quit = true;
    }

    fn quit(&mut self) {
        if let SaveState::Unsaved(_) = self.saver.state()
            && let Err(reason) = self.saver.save(&mut self.board, self.now)
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
