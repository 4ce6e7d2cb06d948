//! The two lists of what is off the board, one screen for both: the recently deleted items
//! (`y`: back with their fields, place and links, from the journal) and the archive (`O`: back
//! where they were). Most recent first, `/` filters as it is typed, `Enter` or `r` takes the
//! chosen item back through the App (docs/guide/board-and-keys.md, "Off the board").

use crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use super::Effect;
use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;
use crate::model::{ItemId, Timestamp};

/// Which list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shelf {
    /// Deleted items the journal can bring back.
    Deleted,
    /// Archived items.
    Archived,
}

impl Shelf {
    pub fn title(self) -> &'static str {
        match self {
            Shelf::Deleted => "Recently deleted",
            Shelf::Archived => "Archive",
        }
    }

    /// What taking an item back is called in this list.
    pub fn verb(self) -> &'static str {
        match self {
            Shelf::Deleted => "restore",
            Shelf::Archived => "unarchive",
        }
    }

    /// What an empty list says.
    pub fn empty(self) -> &'static str {
        match self {
            Shelf::Deleted => "nothing deleted to restore",
            Shelf::Archived => "nothing archived",
        }
    }
}

/// One item off the board, as the list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub id: ItemId,
    pub title: String,
    /// Where it was: its column's name and track.
    pub place: String,
    /// When it left (deleted), or was finished (archived).
    pub when: Timestamp,
    /// Who deleted it, or who worked on it.
    pub who: String,
}

impl Row {
    /// The row's words, in lower case, as the filter reads them.
    fn words(&self) -> String {
        format!("#{} {} {} {} {}", self.id, self.title, self.place, self.who, self.when.format("%Y-%m-%d"))
            .to_lowercase()
    }
}

#[derive(Debug)]
pub struct OffBoard {
    pub shelf: Shelf,
    /// Every row, most recent first.
    pub rows: Vec<Row>,
    /// The rows the filter lets through (indices into `rows`).
    pub shown: Vec<usize>,
    /// The chosen row of `shown`.
    pub chosen: usize,
    /// What rows must contain to show (any case).
    pub filter: TextArea<'static>,
    /// The filter is being typed (`Mode::OffBoardFilter`).
    pub filtering: bool,
}

impl OffBoard {
    /// The list of `rows`, sorted most recent first (then by id, highest first).
    pub fn new(shelf: Shelf, mut rows: Vec<Row>) -> OffBoard {
        rows.sort_by(|a, b| b.when.cmp(&a.when).then(b.id.cmp(&a.id)));
        let shown = (0..rows.len()).collect();
        OffBoard { shelf, rows, shown, chosen: 0, filter: TextArea::default(), filtering: false }
    }

    /// The keymap mode while the list is on top: its own, or the filter's while one is typed.
    pub fn keys(&self) -> Mode {
        if self.filtering { Mode::OffBoardFilter } else { Mode::OffBoard }
    }

    /// The filter as typed, in lower case.
    pub fn filter_text(&self) -> String {
        self.filter.lines().join(" ").trim().to_lowercase()
    }

    /// The row `Enter` takes back.
    pub fn chosen_row(&self) -> Option<&Row> {
        self.shown.get(self.chosen).and_then(|&i| self.rows.get(i))
    }

    pub fn update(&mut self, action: Action) -> Effect {
        let last = self.shown.len().saturating_sub(1);
        match action {
            Action::SelectDown => self.chosen = (self.chosen + 1).min(last),
            Action::SelectUp => self.chosen = self.chosen.saturating_sub(1),
            Action::SelectFirst => self.chosen = 0,
            Action::SelectLast => self.chosen = last,
            Action::Search => self.filtering = true,
            Action::Confirm if self.filtering => self.filtering = false,
            Action::Close if self.filtering => {
                self.filtering = false;
                self.filter = TextArea::default();
                self.refilter();
            }
            Action::TakeBack | Action::Confirm => {
                return match self.chosen_row() {
                    Some(row) => Effect::TakeBack(self.shelf, row.id),
                    None => Effect::Done,
                };
            }
            _ => return Effect::Unhandled,
        }
        Effect::Done
    }

    /// A key typed into the filter: the rows that contain it, the first chosen.
    pub fn input(&mut self, key: KeyEvent) {
        if self.filtering {
            self.filter.input(key);
            self.refilter();
        }
    }

    /// The item `id` is back on the board: its row goes, the choice stays in place.
    pub fn taken_back(&mut self, id: ItemId) {
        self.rows.retain(|row| row.id != id);
        self.refilter();
    }

    fn refilter(&mut self) {
        let filter = self.filter_text();
        self.shown = (0..self.rows.len()).filter(|&i| self.rows[i].words().contains(&filter)).collect();
        self.chosen = self.chosen.min(self.shown.len().saturating_sub(1));
    }
}

#[cfg(test)]
mod tests {
    use crossterm::event::{KeyCode, KeyModifiers};

    use super::*;

    fn row(id: ItemId, title: &str, day: u32) -> Row {
        let when = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 3, day, 9, 0, 0).single();
        Row {
            id,
            title: title.into(),
            place: "Review (delivery)".into(),
            when: when.expect("a date"),
            who: "ana".into(),
        }
    }

    fn list() -> OffBoard {
        OffBoard::new(
            Shelf::Deleted,
            vec![row(3, "Login page", 2), row(7, "Export CSV", 9), row(5, "Logout", 5)],
        )
    }

    fn ids(list: &OffBoard) -> Vec<ItemId> {
        list.shown.iter().map(|&i| list.rows[i].id).collect()
    }

    #[test]
    fn most_recent_first_and_the_filter_narrows_as_typed() {
        let mut list = list();
        assert_eq!(ids(&list), [7, 5, 3]);
        list.update(Action::Search);
        for c in "log".chars() {
            list.input(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
        assert_eq!(ids(&list), [5, 3]);
        list.update(Action::SelectDown);
        list.update(Action::Confirm);
        assert!(!list.filtering, "Enter keeps the filter and leaves it");
        assert!(matches!(list.update(Action::TakeBack), Effect::TakeBack(Shelf::Deleted, 3)));
        list.update(Action::Search);
        list.update(Action::Close);
        assert_eq!(ids(&list), [7, 5, 3], "Esc while typing clears the filter");
    }

    #[test]
    fn a_row_taken_back_goes_and_an_empty_list_takes_nothing_back() {
        let mut list = list();
        list.update(Action::SelectLast);
        list.taken_back(3);
        assert_eq!((ids(&list), list.chosen), (vec![7, 5], 1));
        list.taken_back(7);
        list.taken_back(5);
        assert!(matches!(list.update(Action::TakeBack), Effect::Done));
        assert!(matches!(list.update(Action::SelectDown), Effect::Done));
    }
}
