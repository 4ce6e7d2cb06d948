//! Keys to actions, per mode. The defaults come from `assets/keymap.ron`; a user's keymap in the
//! same format can be merged over them. Help and the status-bar hints read the reverse map, so
//! they always show the real keys.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

use crate::app::input::action::Action;
use crate::app::input::keymap_file;
use crate::app::input::keymap_file::{Entry, Problem};

/// The default keymap, embedded in the binary.
pub const DEFAULT_KEYMAP: &str = include_str!("../../../assets/keymap.ron");

/// Which set of bindings applies: the board, or the overlay on top of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    Board,
    Help,
    /// Typing a filter into help (`/` there).
    HelpFilter,
    /// The command palette (`:` on the board).
    Palette,
    Form,
    Search,
    Capacity,
    Debt,
    Confirm,
    Discovery,
    Criteria,
    Details,
    Initiatives,
    Initiative,
    HandOver,
    MergeNote,
    Standup,
    /// The retrospective.
    Retro,
    /// The charts.
    Charts,
    /// A list of items off the board: recently deleted, or archived.
    OffBoard,
    /// Typing a filter into that list (`/` there).
    OffBoardFilter,
    /// A visual selection on the board (`v`): a run of cards that keys apply to at once.
    Visual,
}

impl Mode {
    pub const ALL: [Mode; 22] = [
        Mode::Board,
        Mode::Help,
        Mode::HelpFilter,
        Mode::Palette,
        Mode::Form,
        Mode::Search,
        Mode::Capacity,
        Mode::Debt,
        Mode::Confirm,
        Mode::Discovery,
        Mode::Criteria,
        Mode::Details,
        Mode::Initiatives,
        Mode::Initiative,
        Mode::HandOver,
        Mode::MergeNote,
        Mode::Standup,
        Mode::Retro,
        Mode::Charts,
        Mode::OffBoard,
        Mode::OffBoardFilter,
        Mode::Visual,
    ];

    /// The mode's name in keymap files (`board`, `form`).
    pub fn name(self) -> &'static str {
        match self {
            Mode::Board => "board",
            Mode::Help => "help",
            Mode::HelpFilter => "help_filter",
            Mode::Palette => "palette",
            Mode::Form => "form",
            Mode::Search => "search",
            Mode::Capacity => "capacity",
            Mode::Debt => "debt",
            Mode::Confirm => "confirm",
            Mode::Discovery => "discovery",
            Mode::Criteria => "criteria",
            Mode::Details => "details",
            Mode::Initiatives => "initiatives",
            Mode::Initiative => "initiative",
            Mode::HandOver => "hand_over",
            Mode::MergeNote => "merge_note",
            Mode::Standup => "standup",
            Mode::Retro => "retro",
            Mode::Charts => "charts",
            Mode::OffBoard => "off_board",
            Mode::OffBoardFilter => "off_board_filter",
            Mode::Visual => "visual",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Mode::Board => "Board",
            Mode::Help => "Help",
            Mode::HelpFilter => "Help filter",
            Mode::Palette => "Command palette",
            Mode::Form => "Form",
            Mode::Search => "Search",
            Mode::Capacity => "Capacity",
            Mode::Debt => "Debt register",
            Mode::Confirm => "Question",
            Mode::Discovery => "Discovery",
            Mode::Criteria => "Entry criteria",
            Mode::Details => "Details",
            Mode::Initiatives => "Initiatives",
            Mode::Initiative => "Initiative details",
            Mode::HandOver => "Hand over",
            Mode::MergeNote => "Merged by git",
            Mode::Standup => "Standup",
            Mode::Retro => "Retrospective",
            Mode::Charts => "Charts",
            Mode::OffBoard => "Off the board",
            Mode::OffBoardFilter => "Off the board: filter",
            Mode::Visual => "Visual selection",
        }
    }
}

/// A key with its modifiers, as written in keymap files: `h`, `H`, `Left`, `Shift-Tab`, `Ctrl-s`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct KeyBinding {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl KeyBinding {
    /// The binding a key press matches. Shift is part of a character (`H`), so it is dropped there.
    pub fn from_event(event: KeyEvent) -> KeyBinding {
        let mut modifiers =
            event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        if matches!(event.code, KeyCode::Char(_) | KeyCode::BackTab) {
            modifiers.remove(KeyModifiers::SHIFT);
        }
        KeyBinding { code: event.code, modifiers }
    }
}

const NAMED: &[(&str, KeyCode)] = &[
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Tab", KeyCode::Tab),
    ("Shift-Tab", KeyCode::BackTab),
    ("Enter", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Space", KeyCode::Char(' ')),
    ("Backspace", KeyCode::Backspace),
    ("Delete", KeyCode::Delete),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("PageUp", KeyCode::PageUp),
    ("PageDown", KeyCode::PageDown),
];

impl FromStr for KeyBinding {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            if let Some(r) = rest.strip_prefix("Ctrl-") {
                modifiers |= KeyModifiers::CONTROL;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("Alt-") {
                modifiers |= KeyModifiers::ALT;
                rest = r;
            } else {
                break;
            }
        }
        let code = if let Some((_, code)) = NAMED.iter().find(|(name, _)| *name == rest) {
            *code
        } else if let Some(n) = rest.strip_prefix('F').and_then(|n| n.parse::<u8>().ok()) {
            KeyCode::F(n)
        } else {
            let mut chars = rest.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => KeyCode::Char(c),
                _ => {
                    return Err(format!("`{text}` is not a key (try `h`, `H`, `Left`, `Enter` or `Ctrl-s`)"));
                }
            }
        };
        Ok(KeyBinding { code, modifiers })
    }
}

impl fmt::Display for KeyBinding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "F{n}"),
            code => {
                let name = NAMED.iter().find(|(_, c)| *c == code).map_or("?", |(name, _)| name);
                f.write_str(name)
            }
        }
    }
}

/// Bindings per mode, and the reverse map for help and hints.
#[derive(Clone, Debug)]
pub struct Keymap {
    bindings: HashMap<Mode, HashMap<KeyBinding, Action>>,
    /// Keys per action per mode, in the order the keymap file gives them.
    keys: HashMap<(Mode, Action), Vec<KeyBinding>>,
}

impl Keymap {
    /// The built-in keymap.
    pub fn default_keymap() -> Keymap {
        Keymap::parse(DEFAULT_KEYMAP).expect("the embedded keymap is valid (tested)")
    }

    /// Reads a keymap file; every key must parse, every action must exist and mean something in
    /// its mode, and no key may have two actions in one mode.
    pub fn parse(text: &str) -> Result<Keymap, String> {
        let entries = keymap_file::scan(text, 0).map_err(|p| format!("keymap {p}"))?;
        let (keymap, problems) = Keymap::from_entries(&entries);
        match problems.first() {
            Some(problem) => Err(format!("keymap {problem}")),
            None => Ok(keymap),
        }
    }

    /// The keymap of `entries`; an entry that cannot be used (an unknown mode, key or action, an
    /// action its mode does not carry out, a key bound twice) is left out and reported where it
    /// stands.
    pub fn from_entries(entries: &[Entry]) -> (Keymap, Vec<Problem>) {
        let mut keymap = Keymap { bindings: HashMap::new(), keys: HashMap::new() };
        let mut problems = Vec::new();
        for entry in entries {
            if let Err(message) = keymap.bind_entry(entry) {
                problems.push(Problem { line: entry.line, column: entry.column, message });
            }
        }
        (keymap, problems)
    }

    fn bind_entry(&mut self, entry: &Entry) -> Result<(), String> {
        let mode = Mode::ALL.into_iter().find(|m| m.name() == entry.mode).ok_or_else(|| {
            let names: Vec<&str> = Mode::ALL.iter().map(|m| m.name()).collect();
            format!("there is no mode `{}` (the modes are {})", entry.mode, names.join(", "))
        })?;
        let key: KeyBinding = entry.key.parse()?;
        let action: Action = ron::from_str(&entry.action)
            .map_err(|_| format!("there is no action `{}` (help, `?`, lists them)", entry.action))?;
        if !mode.accepts(action) {
            return Err(format!("`{}` does nothing in {} mode", entry.action, mode.name()));
        }
        self.bind(mode, key, action)
    }

    /// Puts the user's bindings over these: a key the user binds loses its default action.
    pub fn merge(&mut self, user: &Keymap) {
        for (mode, bindings) in &user.bindings {
            for (key, action) in bindings {
                if let Some(old) = self.bindings.entry(*mode).or_default().insert(*key, *action)
                    && let Some(keys) = self.keys.get_mut(&(*mode, old))
                {
                    keys.retain(|k| k != key);
                }
                let keys = self.keys.entry((*mode, *action)).or_default();
                if !keys.contains(key) {
                    keys.push(*key);
                }
            }
        }
    }

    fn bind(&mut self, mode: Mode, key: KeyBinding, action: Action) -> Result<(), String> {
        let mode_bindings = self.bindings.entry(mode).or_default();
        if let Some(other) = mode_bindings.insert(key, action) {
            mode_bindings.insert(key, other);
            return Err(format!(
                "key `{key}` is bound twice in {} mode (to `{}` and `{}`)",
                mode.name(),
                other.name(),
                action.name()
            ));
        }
        self.keys.entry((mode, action)).or_default().push(key);
        Ok(())
    }

    /// The action a key press means in `mode`.
    pub fn resolve(&self, mode: Mode, event: KeyEvent) -> Option<Action> {
        self.bindings.get(&mode)?.get(&KeyBinding::from_event(event)).copied()
    }

    /// The keys bound to `action` in `mode`, in keymap order.
    pub fn keys_for(&self, mode: Mode, action: Action) -> &[KeyBinding] {
        self.keys.get(&(mode, action)).map_or(&[], Vec::as_slice)
    }

    /// Every action bound in `mode` with its keys, in the order of the [`Action`] enum.
    pub fn bindings(&self, mode: Mode) -> Vec<(Action, &[KeyBinding])> {
        let mut actions: Vec<Action> = self
            .keys
            .iter()
            .filter(|((m, _), keys)| *m == mode && !keys.is_empty())
            .map(|((_, a), _)| *a)
            .collect();
        actions.sort();
        actions.into_iter().map(|a| (a, self.keys_for(mode, a))).collect()
    }

    /// The first key of each action joined with `/`, for hints ("H/L").
    pub fn short_keys(&self, mode: Mode, actions: &[Action]) -> Option<String> {
        let keys: Vec<String> =
            actions.iter().filter_map(|a| self.keys_for(mode, *a).first()).map(ToString::to_string).collect();
        (!keys.is_empty()).then(|| keys.join("/"))
    }
}

#[cfg(test)]
#[path = "keymap_tests.rs"]
mod tests;
