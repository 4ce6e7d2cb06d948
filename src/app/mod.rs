//! The running board screen. [`App`] keeps the board, what the screen shows of it (`board/`: the
//! view and the selection), the session (`crate::session`, the one write path), the undo history
//! and the stack of screens on top of the board (`screens/`). A key comes in through
//! [`App::handle_key`]: the keymap (`input/`) resolves it to an action, the screen on top or the
//! board's own keys carry it out (`dispatch.rs`), a change goes through `commit.rs`, where the
//! features' checks (`checks/`) look at it.

pub mod board;
mod checks;
mod commit;
pub mod dispatch;
mod effects;
pub mod forms;
pub mod input;
pub mod presence;
mod quit;
mod resume;
pub mod screens;
pub mod status;
mod sync;

use crossterm::event::KeyEvent;

use crate::domain::change::history::History;
use crate::domain::query::search::Query;
use crate::model::{Board, Item, Timestamp, Track};
use crate::session::{Front, Writer};
use crate::store::Store;
use board::selection::Selection;
use board::view::BoardView;
use input::keymap::{Keymap, Mode};
use input::mouse;
use presence::Presence;
use screens::Overlay;
use status::Status;

pub struct App {
    board: Board,
    view: BoardView,
    selection: Selection,
    /// Screens on top of the board; the last one has the keys.
    overlays: Vec<Overlay>,
    status: Option<Status>,
    display: Display,
    keymap: Keymap,
    history: History,
    session: Front,
    now: Timestamp,
    /// This session's values not applied in the last conflict, for `R` to apply after all.
    unapplied: Vec<crate::domain::team::merge::Conflict>,
    /// The other sessions on the board, and following the presenter.
    presence: Presence,
    recent: Recent,
    leaving: Leaving,
    /// The visual selection, while one is made (`board/visual.rs`).
    visual: Option<board::visual::Visual>,
    /// The journal replayed for the charts, kept to read only what is new next time.
    replay: Option<crate::domain::rhythm::flow::Replay>,
    /// How many items the archive holds (`board/off_board.rs`), for the header.
    archived: board::off_board::ArchiveCount,
    /// An archive or unarchive asked for while a save was under way (`board/off_board.rs`).
    deferred: Option<board::off_board::Deferred>,
    /// The first replay, worked out on a thread of its own since the board screen opened
    /// (`board/charts.rs`), so that `C` finds it ready.
    replaying: Option<board::charts::Replaying>,
}

/// How the board is shown.
#[derive(Debug, Default)]
struct Display {
    /// Only the selected track is shown.
    zoom: bool,
    /// Presenter mode: high contrast, the selected item's details always in view.
    presenting: bool,
    /// After a label the selection stays in place (the config's `label_keeps_place`).
    label_keeps_place: bool,
}

/// What the last keys (and the last catch-up with other writers) left for the next key.
#[derive(Debug, Default)]
struct Recent {
    /// The item the last link jump started from (so the next jump takes the next link).
    came_from: Option<crate::model::ItemId>,
    /// Where the selection stood when a label moved its card to the other lane (the next card
    /// slid into that place; the next step down stays on it).
    label_gap: Option<Selection>,
    /// The last click, to tell a double click.
    last_click: Option<(Option<mouse::Target>, std::time::Instant)>,
    /// The selected item, just moved by someone else, and when: a move key pressed moments
    /// later was meant for where the user saw it (see `App::stale_move`).
    moved_under: Option<(crate::model::ItemId, std::time::Instant)>,
    /// The draft notice while a draft waits to be reopened (`forms/draft.rs`): the hints list
    /// its key, and a presenter's notice shares its line instead of replacing it.
    draft_notice: Option<String>,
    /// A form asked for the user's editor (`forms/external.rs`); the terminal loop hands over.
    editor_wanted: bool,
}

/// Leaving the program (`quit.rs`).
#[derive(Debug, Default)]
struct Leaving {
    /// The loop should end.
    requested: bool,
    /// Quitting was refused once because nothing could be saved; the next quit goes anyway.
    armed: bool,
    /// What to tell the user after the terminal is restored.
    note: Option<String>,
    /// Since when quitting waits for the last save.
    since: Option<std::time::Instant>,
    /// The user was told that quitting waits.
    told: bool,
}

impl App {
    pub fn new(board: Board, store: Store, keymap: Keymap, now: Timestamp) -> App {
        let view = BoardView::build(&board, Query::default(), now.date_naive());
        let archived = board::off_board::ArchiveCount::start(store.path());
        let session = Front::new(store, Writer::new(crate::store::users::author(None)), &board);
        let mut app = App {
            board,
            view,
            selection: Selection::default(),
            overlays: Vec::new(),
            status: None,
            display: Display::default(),
            keymap,
            history: History::default(),
            session,
            now,
            unapplied: Vec::new(),
            presence: Presence::new(),
            recent: Recent::default(),
            leaving: Leaving::default(),
            visual: None,
            replay: None,
            archived,
            deferred: None,
            replaying: None,
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

    /// Makes this session a viewer: it keeps up with the file and refuses every change, saying why.
    pub fn read_only(mut self, reason: String) -> App {
        self.session = self.session.read_only(reason.clone());
        self.status = Some(Status::warning(format!("read-only: {reason}")));
        self
    }

    /// The author name of this session's changes (`--user`, else the login name).
    pub fn author(mut self, name: String) -> App {
        self.session = self.session.named(name);
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
        match self.overlays.last() {
            Some(top) => top.mode(),
            None if self.visual.is_some() => Mode::Visual,
            None => Mode::Board,
        }
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
        if self.display.zoom {
            self.view.columns_of(self.selected_track())
        } else {
            0..self.view.column_count()
        }
    }

    pub fn zoomed(&self) -> bool {
        self.display.zoom
    }

    pub fn presenting(&self) -> bool {
        self.display.presenting
    }

    /// Starts in presenter mode (`--presenter`).
    pub fn presenter(mut self) -> App {
        self.display.presenting = true;
        self
    }

    /// The initiatives in the order the view lists them.
    pub fn initiative_order(&self) -> Vec<String> {
        self.view.initiatives.iter().map(|(id, _)| id.clone()).collect()
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

    pub fn session(&self) -> &Front {
        &self.session
    }

    pub fn now(&self) -> Timestamp {
        self.now
    }

    pub fn should_quit(&self) -> bool {
        self.leaving.requested
    }

    pub fn exit_note(&self) -> Option<&str> {
        self.leaving.note.as_deref()
    }
}
