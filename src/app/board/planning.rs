//! Sprint planning on the board screen: starting and closing a sprint from the capacity view,
//! blocking and unblocking an item, and showing only the sprint's items (README "Sprints,
//! standups and the rhythm over time").

use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;
use crate::app::screens::Overlay;
use crate::app::status::Status;
use crate::app::{App, forms};
use crate::domain::change::blocking;
use crate::domain::query::search;
use crate::domain::query::search::Query;

impl App {
    pub(crate) fn open_start_sprint_form(&mut self) {
        if let Some(open) = self.board.current_sprint() {
            let close = self.keymap.short_keys(Mode::Capacity, &[Action::CloseSprint]);
            self.status = Some(Status::info(format!(
                "sprint \"{}\" is open; {} closes it and starts the next",
                open.name,
                close.unwrap_or_default()
            )));
            return;
        }
        let commit = self.keymap.short_keys(Mode::Board, &[Action::Commit]);
        let form = forms::sprint::start(&self.board, self.now.date_naive(), &commit.unwrap_or_default());
        self.overlays.push(Overlay::Form(Box::new(form)));
    }

    pub(crate) fn open_close_sprint_form(&mut self) {
        let Some(sprint) = self.board.current_sprint() else {
            let start = self.keymap.short_keys(Mode::Capacity, &[Action::StartSprint]);
            self.status =
                Some(Status::info(format!("no sprint is open; {} starts one", start.unwrap_or_default())));
            return;
        };
        let form = forms::sprint::close(&self.board, sprint);
        self.overlays.push(Overlay::Form(Box::new(form)));
    }

    /// `b`: asks why the selected item is blocked, or unblocks it when it is.
    pub(crate) fn block_or_unblock(&mut self) {
        match self.selected_item() {
            Some(item) if item.blocked.is_some() => self.on_selected(blocking::unblock),
            Some(item) => {
                let key = self.keymap.short_keys(Mode::Board, &[Action::Block]);
                let form = forms::sprint::block(item, &key.unwrap_or_default());
                self.overlays.push(Overlay::Form(Box::new(form)));
            }
            None => self.status = Some(Status::info("no item selected here")),
        }
    }

    /// `M`: the board shows only the open sprint's items (the search `+sprint`), or everything.
    pub(crate) fn toggle_sprint_filter(&mut self) {
        if self.view.query.text().eq_ignore_ascii_case(search::SPRINT) {
            self.refilter(Query::default());
            self.status = Some(Status::info("showing every item"));
            return;
        }
        let Some(sprint) = self.board.current_sprint() else {
            self.status = Some(Status::info("no sprint is open: every item is in the backlog"));
            return;
        };
        let status = format!("showing only sprint \"{}\"'s items", sprint.name);
        self.refilter(Query::new(search::SPRINT));
        self.status = Some(Status::info(status));
    }
}
