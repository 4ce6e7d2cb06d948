//! Rebuilding what the board screen shows after the board or the filter changed, keeping the
//! selection on its item: the one place the view is rebuilt.

use crate::app::App;
use crate::app::board::view::BoardView;
use crate::app::status::Status;
use crate::domain::query::search::{self, Query};
use crate::model::ItemId;

impl App {
    /// Rebuilds the view with `query`, keeping `keep` selected if it shows; else the selection
    /// stays where it was, within the columns shown. Returns whether `keep` is selected.
    pub(crate) fn refresh_view(&mut self, query: Query, keep: Option<ItemId>) -> bool {
        self.view = BoardView::build(&self.board, query, self.now.date_naive());
        let kept = keep.is_some_and(|id| self.selection.select_item(&self.view, id));
        if !kept {
            self.selection.clamp(&self.view, self.shown_columns());
        }
        kept
    }

    /// Filters the board, keeping the selected item selected when it still shows, else the
    /// nearest card.
    pub(crate) fn refilter(&mut self, query: Query) {
        let selected = self.selection.item(&self.view);
        if !self.refresh_view(query, selected) && self.selection.item(&self.view).is_none() {
            self.selection.nearest_card(&self.view, self.shown_columns());
        }
    }

    pub(crate) fn clear_filter(&mut self) {
        if !self.view.query.is_empty() {
            self.refilter(Query::default());
            self.status = Some(Status::info("filter cleared"));
        }
    }

    /// Selects item `id` on the board, clearing a filter or zoom that hides it.
    pub(crate) fn go_to(&mut self, id: ItemId) {
        if !self.selection.select_item(&self.view, id) {
            self.refilter(Query::default());
            self.selection.select_item(&self.view, id);
        }
        if !self.shown_columns().contains(&self.selection.column) {
            self.display.zoom = false;
        }
        self.status = Some(Status::info(format!("went to #{id}")));
    }

    /// The selected item's id, or `None` after saying that no item is selected here: the one
    /// guard of every key that acts on the selected item.
    pub(crate) fn selected_or_say(&mut self) -> Option<ItemId> {
        let selected = self.selected_item().map(|it| it.id);
        if selected.is_none() {
            self.status = Some(Status::info("no item selected here"));
        }
        selected
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
