//! Help: every binding of the mode it was opened from (and, on the board, of the modes reached
//! from it) in sections, paged, and filtered as a filter is typed after `/`
//! (docs/guide/board-and-keys.md, "Help").

use std::cell::Cell;

use crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use super::Effect;
use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;

#[derive(Debug)]
pub struct Help {
    /// The mode whose bindings are shown.
    pub mode: Mode,
    /// Lines scrolled past.
    pub scroll: u16,
    /// What help lines must contain to show (any case); empty: every line.
    pub filter: TextArea<'static>,
    /// The filter is being typed: keys go into it (`Mode::HelpFilter`).
    pub filtering: bool,
    /// What the last frame could show: the last scroll position and the rows of a page. Help's
    /// lines wrap to the terminal's width, which only the drawing knows; the page keys read it
    /// so that `G` stops at the end and `PageDown` pages.
    pub drawn: Cell<Drawn>,
}

/// The last scroll position and the rows of a page, as last drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Drawn {
    pub max_scroll: u16,
    pub page: u16,
}

impl Help {
    pub fn new(mode: Mode) -> Help {
        let drawn = Cell::new(Drawn { max_scroll: u16::MAX, page: 10 });
        Help { mode, scroll: 0, filter: TextArea::default(), filtering: false, drawn }
    }

    /// The filter as typed, in lower case.
    pub fn filter_text(&self) -> String {
        self.filter.lines().join(" ").trim().to_lowercase()
    }

    pub fn update(&mut self, action: Action) -> Effect {
        let Drawn { max_scroll, page } = self.drawn.get();
        let page = page.saturating_sub(1).max(1);
        self.scroll = match action {
            Action::ScrollDown => self.scroll.saturating_add(1),
            Action::ScrollUp => self.scroll.saturating_sub(1),
            Action::PageDown => self.scroll.saturating_add(page),
            Action::PageUp => self.scroll.saturating_sub(page),
            Action::SelectFirst => 0,
            Action::SelectLast => max_scroll,
            Action::Search => {
                self.filtering = true;
                return Effect::Done;
            }
            // Enter keeps the filter; Esc while typing it clears it (help stays open).
            Action::Confirm if self.filtering => {
                self.filtering = false;
                return Effect::Done;
            }
            Action::Close if self.filtering => {
                self.filtering = false;
                self.filter = TextArea::default();
                0
            }
            _ => return Effect::Unhandled,
        }
        .min(max_scroll);
        Effect::Done
    }

    /// A key typed into the filter: help shows the lines that match from the top.
    pub fn input(&mut self, key: KeyEvent) {
        if self.filtering {
            self.filter.input(key);
            self.scroll = 0;
        }
    }

    /// The keymap mode while help is on top: its own, or the filter's while one is typed.
    pub fn keys(&self) -> Mode {
        if self.filtering { Mode::HelpFilter } else { Mode::Help }
    }
}
