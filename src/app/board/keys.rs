//! The board's own keys: navigation, the keys that change the selected item, and the keys that
//! open a screen on top. Each is one line here; the longer ones live with what they do.

use crate::app::App;
use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;
use crate::app::screens::Overlay;
use crate::app::screens::debt::Debt;
use crate::app::screens::help::Help;
use crate::app::screens::initiatives::Initiatives;
use crate::app::screens::off_board::Shelf;
use crate::app::screens::palette::Palette;
use crate::app::screens::search::Search;
use crate::app::status::Status;
use crate::domain::change::{estimate, ops};
use crate::domain::dual_track;
use crate::domain::dual_track::variants;
use crate::model::Stage;

impl App {
    /// Carries out a board action; false for an action the board does not carry out.
    pub(crate) fn board_action(&mut self, action: Action) -> bool {
        if self.visual.is_some() {
            return self.visual_action(action);
        }
        let columns = self.shown_columns();
        let gap = self.recent.label_gap.take();
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
            Action::AnticipatedDebt => self.open_anticipated_debt_form(),
            Action::Delete => self.delete_selected(),
            Action::FollowUp => self.open_follow_up_form(),
            Action::Accept => self.open_accept_form(),
            Action::SplitVariants => self.open_variants_form(),
            Action::PickWinner => self.on_selected(variants::pick),
            Action::EntryCriteria => self.open_criteria_prompt(),
            Action::Promote => self.open_conclude_form(true),
            Action::Drop => self.open_conclude_form(false),
            Action::NextLink => self.next_link(),
            Action::DefinitionOfDone => self.open_definition_of_done_form(),
            Action::DebtRegister => self.overlays.push(Overlay::Debt(Debt::new())),
            Action::Initiatives => self.overlays.push(Overlay::Initiatives(Initiatives::default())),
            Action::LabelInitiative => self.open_label_form(),
            Action::Add => self.open_new_item_form(),
            Action::Edit if self.session.read_only_reason().is_some() => self.show_details(),
            Action::Edit => self.open_edit_item_form(),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::ApplyMine => self.apply_mine(),
            Action::ReopenDraft => self.reopen_draft(),
            Action::Capacity => self.overlays.push(Overlay::Capacity),
            Action::Commit => self.commit_selected(),
            Action::Uncommit => self.uncommit_selected(),
            Action::VisualSelect => self.start_visual(),
            Action::SprintFilter => self.toggle_sprint_filter(),
            Action::Block => self.block_or_unblock(),
            Action::Standup => self.open_standup(),
            Action::Retro => self.open_retro(),
            Action::Charts => self.open_charts(),
            Action::DeletedItems => self.open_off_board(Shelf::Deleted),
            Action::ArchivedItems => self.open_off_board(Shelf::Archived),
            Action::Zoom => self.toggle_zoom(),
            Action::Presenter => self.toggle_presenting(),
            Action::Follow => self.toggle_follow(),
            Action::HandOver => self.open_hand_over(),
            Action::Search => self.overlays.push(Overlay::Search(Box::new(Search::new(&self.view.query)))),
            Action::Help => self.overlays.push(Overlay::Help(Box::new(Help::new(Mode::Board)))),
            Action::Palette => self.overlays.push(Overlay::Palette(Box::new(Palette::new(&self.keymap)))),
            Action::Quit => self.quit(),
            Action::Close => self.clear_filter(),
            _ => return false,
        }
        true
    }

    /// `o`: goes to the next item linked to the selected one, after the one we came from, so
    /// that pressing it repeatedly walks every link and back.
    fn next_link(&mut self) {
        let Some(item) = self.selected_or_say().and_then(|id| self.board.item(id)) else { return };
        let links = dual_track::linked(&self.board, item);
        let from = item.id;
        let next = match self.recent.came_from.and_then(|c| links.iter().position(|l| *l == c)) {
            Some(i) => links.get((i + 1) % links.len()),
            None => links.first(),
        };
        let Some(&target) = next else {
            self.status = Some(Status::info(format!("#{from} has no linked items")));
            return;
        };
        let position = links.iter().position(|l| *l == target).map_or(0, |i| i + 1);
        self.go_to(target);
        self.recent.came_from = Some(from);
        let of = if links.len() > 1 {
            format!(" (link {position} of {} of #{from})", links.len())
        } else {
            String::new()
        };
        self.status = Some(Status::info(format!("went to #{target}{of}")));
    }

    /// A read-only session's `e`: the selected item's details, to read.
    fn show_details(&mut self) {
        if self.selected_or_say().is_some() {
            self.overlays.push(Overlay::Details);
        }
    }

    fn toggle_zoom(&mut self) {
        self.display.zoom = !self.display.zoom;
        self.status = Some(Status::info(if self.display.zoom {
            format!("showing only the {} track; z shows both", self.selected_track())
        } else {
            "showing both tracks".to_owned()
        }));
    }
}
