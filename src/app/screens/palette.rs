//! The command palette (`:` or `Ctrl-P` on the board): a few typed letters find a board action by
//! the words help shows for it ([`Action::describe`]), each listed with its keys so that people
//! learn them; Enter runs the chosen one on the selection through the same dispatch a key press
//! takes (docs/guide/board-and-keys.md, "Command palette").

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::Effect;
use crate::app::input::action::Action;
use crate::app::input::fuzzy::{self, Rank};
use crate::app::input::keymap::{Keymap, Mode};

/// One action the palette can run: its keys on the board (empty when unbound) and its words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub action: Action,
    pub keys: String,
    pub text: &'static str,
}

#[derive(Debug)]
pub struct Palette {
    /// What has been typed.
    pub query: String,
    /// Every action of the board, in help order.
    pub entries: Vec<Entry>,
    /// The entries that match the query, best first (indices into `entries`).
    pub shown: Vec<usize>,
    /// The chosen row of `shown`.
    pub chosen: usize,
}

impl Palette {
    /// Every action the board carries out (the palette itself aside), with its keys in `keymap`.
    pub fn new(keymap: &Keymap) -> Palette {
        let entries: Vec<Entry> = Mode::Board
            .actions()
            .iter()
            .filter(|a| **a != Action::Palette)
            .map(|&action| {
                let keys = keymap.keys_for(Mode::Board, action);
                let keys = keys.iter().map(ToString::to_string).collect::<Vec<_>>().join(" ");
                Entry { action, keys, text: action.describe() }
            })
            .collect();
        let shown = (0..entries.len()).collect();
        Palette { query: String::new(), entries, shown, chosen: 0 }
    }

    pub fn update(&mut self, action: Action) -> Effect {
        match action {
            Action::SelectDown if !self.shown.is_empty() => {
                self.chosen = (self.chosen + 1) % self.shown.len()
            }
            Action::SelectUp if !self.shown.is_empty() => {
                self.chosen = (self.chosen + self.shown.len() - 1) % self.shown.len();
            }
            Action::SelectDown | Action::SelectUp => {}
            Action::Confirm => {
                return match self.chosen_action() {
                    Some(action) => Effect::close_then(Effect::Run(action)),
                    None => Effect::Done,
                };
            }
            _ => return Effect::Unhandled,
        }
        Effect::Done
    }

    /// A key no binding claims: a letter of the query, or Backspace.
    pub fn input(&mut self, key: KeyEvent) {
        let typed = !key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        match key.code {
            KeyCode::Char(c) if typed => self.query.push(c),
            KeyCode::Backspace => _ = self.query.pop(),
            _ => return,
        }
        self.refilter();
    }

    /// The action Enter would run.
    pub fn chosen_action(&self) -> Option<Action> {
        self.shown.get(self.chosen).and_then(|&i| self.entries.get(i)).map(|e| e.action)
    }

    /// Ranks every entry against the query: exact prefix, then word starts, then letters in
    /// order; within a rank the earlier match, then help order. The first row is chosen.
    pub fn refilter(&mut self) {
        let query = self.query.trim().to_lowercase();
        let mut ranked: Vec<((Rank, usize), usize)> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, entry)| fuzzy::rank(&query, entry.text).map(|r| (r, i)))
            .collect();
        ranked.sort();
        self.shown = ranked.into_iter().map(|(_, i)| i).collect();
        self.chosen = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> Palette {
        let mut palette = Palette::new(&Keymap::default_keymap());
        for c in text.chars() {
            palette.input(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
        palette
    }

    #[test]
    fn acc_chooses_accept_and_lists_its_key() {
        let palette = typed("acc");
        assert_eq!(palette.chosen_action(), Some(Action::Accept));
        let first = &palette.entries[palette.shown[0]];
        assert_eq!(first.keys, "A");
    }

    #[test]
    fn prefixes_come_before_word_starts_before_letters_in_order() {
        let palette = typed("st");
        let at = |action| palette.shown.iter().position(|&i| palette.entries[i].action == action);
        // "standup: …" starts with it; "label the item stage one" has a word that starts with
        // it; "follow the presenter" only has its letters in order.
        let (prefix, word, letters) = (at(Action::Standup), at(Action::StageOne), at(Action::Follow));
        assert!(prefix < word && word < letters && letters.is_some(), "{prefix:?} {word:?} {letters:?}");
        assert_eq!(prefix, Some(0));
    }

    #[test]
    fn backspace_widens_the_list_again_and_nothing_matching_runs_nothing() {
        let mut palette = typed("zqzq");
        assert!(palette.shown.is_empty());
        assert!(matches!(palette.update(Action::Confirm), Effect::Done));
        for _ in 0..4 {
            palette.input(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE));
        }
        assert_eq!(palette.shown.len(), palette.entries.len());
    }

    #[test]
    fn the_palette_does_not_list_itself() {
        let palette = typed("");
        assert!(palette.entries.iter().all(|e| e.action != Action::Palette));
    }
}
