//! The running program's state: the board, the selection, the overlays on top of the board, the
//! status message, undo history and saving. Keys come in through [`App::handle_key`].

mod accepts;
pub mod action;
mod commit;
mod conflicts;
pub mod criteria_prompt;
pub mod dispatch;
mod draft;
mod evidence_flow;
pub mod evidence_forms;
mod follow;
pub mod form;
mod form_purpose;
mod forms;
mod handover;
pub mod initiative_form;
mod initiatives;
pub mod item_form;
pub mod keymap;
pub mod keymap_file;
mod leader;
mod merge_note;
pub mod mouse;
pub mod overlay;
mod paste;
mod planning;
pub mod presence;
mod quick;
pub mod selection;
pub mod settings_form;
pub mod shared_view;
pub mod sprint_form;
mod standup;
pub mod status;
mod undo;
pub mod view;
pub mod workflow_form;

use crossterm::event::KeyEvent;

use crate::domain::change::history::History;
use crate::domain::query::search::Query;
use crate::model::{Board, Item, Timestamp, Track};
use crate::session::{Session, Writer};
use crate::store::Store;
use keymap::{Keymap, Mode};
use overlay::Overlay;
use presence::Presence;
use selection::Selection;
use status::Status;
use view::BoardView;

pub struct App {
    board: Board,
    view: BoardView,
    selection: Selection,
    /// Overlays on top of the board; the last one has the keys.
    overlays: Vec<Overlay>,
    status: Option<Status>,
    /// Only the selected track is shown.
    zoom: bool,
    /// Presenter mode: high contrast, the selected item's details always in view.
    presenting: bool,
    keymap: Keymap,
    history: History,
    saver: Session,
    now: Timestamp,
    quit: bool,
    /// The item the last link jump started from (so the next jump takes the next link).
    came_from: Option<crate::model::ItemId>,
    /// Quitting was refused once because nothing could be saved; the next quit goes anyway.
    quit_armed: bool,
    /// What to tell the user after the terminal is restored.
    exit_note: Option<String>,
    /// Where the selection stood when a label moved its card to the other lane (the next card
    /// slid into that place; the next step down stays on it).
    label_gap: Option<Selection>,
    /// The last click, to tell a double click.
    last_click: Option<(Option<mouse::Target>, std::time::Instant)>,
    /// This session's values not applied in the last conflict, for `R` to apply after all.
    unapplied: Vec<crate::domain::team::merge::Conflict>,
    /// The selected item, just moved by someone else, and when: a move key pressed moments
    /// later was meant for where the user saw it (see `App::stale_move`).
    moved_under: Option<(crate::model::ItemId, std::time::Instant)>,
    /// The other sessions on the board, and following the presenter.
    presence: Presence,
}

impl App {
    pub fn new(board: Board, store: Store, keymap: Keymap, now: Timestamp) -> App {
        let view = BoardView::build(&board, Query::default(), now.date_naive());
        let saver = Session::new(store, Writer::new(crate::store::users::author(None)));
        let mut app = App {
            board,
            view,
            selection: Selection::default(),
            overlays: Vec::new(),
            status: None,
            zoom: false,
            presenting: false,
            keymap,
            history: History::default(),
            saver,
            now,
            quit: false,
            came_from: None,
            quit_armed: false,
            exit_note: None,
            label_gap: None,
            last_click: None,
            unapplied: Vec::new(),
            moved_under: None,
            presence: Presence::new(),
        };
        app.select_first_card();
        app
    }

    /// Starts where the work is picked up: the first card of the delivery track (else of the
    /// board), so the keys have something to act on.
    fn select_first_card(&mut self) {
        let has_cards =
            |col: usize| crate::model::Stage::ALL.iter().any(|s| !self.view.lane(col, *s).is_empty());
        let first = self.view.columns_of(Track::Delivery).find(|&c| has_cards(c));
        if let Some(column) = first.or_else(|| (0..self.view.column_count()).find(|&c| has_cards(c))) {
            self.selection.column = column;
            self.selection.first(&self.view);
        }
    }

    /// Makes this session a viewer: it follows the file and refuses every change, saying why.
    pub fn read_only(mut self, reason: String) -> App {
        self.saver = self.saver.read_only(reason.clone());
        self.status = Some(Status::warning(format!("read-only: {reason}")));
        self
    }

    /// The author name of this session's changes (`--user`, else the login name).
    pub fn author(mut self, name: String) -> App {
        self.saver = self.saver.named(name);
        self
    }

    /// Shows a message in the status bar.
    pub fn set_status(&mut self, status: Status) {
        self.status = Some(status);
    }

    /// Sets the time that new changes are stamped with; a new day recounts the timeboxes.
    pub fn set_now(&mut self, now: Timestamp) {
        let new_day = now.date_naive() != self.now.date_naive();
        self.now = now;
        if new_day {
            self.view = BoardView::build(&self.board, self.view.query.clone(), now.date_naive());
        }
    }

    /// One key press: the overlay on top gets it through its mode's keymap, then as text.
    pub fn handle_key(&mut self, key: KeyEvent) {
        let mode = self.mode();
        match self.keymap.resolve(mode, key) {
            Some(action) => match self.own_key(mode, action) {
                Some(stopped) => self.dispatch_unfollowed(stopped, action),
                None => _ = self.dispatch(action),
            },
            None => self.text_input(key),
        }
    }

    pub fn mode(&self) -> Mode {
        self.overlays.last().map_or(Mode::Board, Overlay::mode)
    }

    pub fn board(&self) -> &Board {
        &self.board
    }

    pub fn view(&self) -> &BoardView {
        &self.view
    }

    pub fn selection(&self) -> Selection {
        self.selection
    }

    pub fn selected_item(&self) -> Option<&Item> {
        self.selection.item(&self.view).and_then(|id| self.board.item(id))
    }

    /// The track of the selected column.
    pub fn selected_track(&self) -> Track {
        self.view.column(self.selection.column).track
    }

    /// The screen columns currently shown (one track when zoomed).
    pub fn shown_columns(&self) -> std::ops::Range<usize> {
        if self.zoom { self.view.columns_of(self.selected_track()) } else { 0..self.view.column_count() }
    }

    pub fn zoomed(&self) -> bool {
        self.zoom
    }

    pub fn presenting(&self) -> bool {
        self.presenting
    }

    /// Starts in presenter mode (`--presenter`).
    pub fn presenter(mut self) -> App {
        self.presenting = true;
        self
    }

    pub fn overlays(&self) -> &[Overlay] {
        &self.overlays
    }

    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }

    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    pub fn saver(&self) -> &Session {
        &self.saver
    }

    pub fn now(&self) -> Timestamp {
        self.now
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn exit_note(&self) -> Option<&str> {
        self.exit_note.as_deref()
    }
}
