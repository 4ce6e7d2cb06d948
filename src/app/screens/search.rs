//! The search prompt: the board is filtered as it is typed; `Enter` keeps the filter, `Esc`
//! clears it.

use crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use super::{Cx, Effect};
use crate::app::input::action::Action;
use crate::app::status::Status;
use crate::domain::query::search::Query;

#[derive(Debug)]
pub struct Search {
    pub area: TextArea<'static>,
}

impl Search {
    /// The prompt, holding the filter already applied (if any) to edit.
    pub fn new(current: &Query) -> Search {
        let mut area = TextArea::default();
        if !current.is_empty() {
            area.insert_str(current.text());
        }
        Search { area }
    }

    pub fn update(&mut self, action: Action, cx: &Cx) -> Effect {
        match action {
            Action::Confirm => Effect::close_then(Effect::Say(if cx.view.query.is_empty() {
                Status::info("no filter")
            } else {
                Status::info("filter kept; Esc clears it")
            })),
            Action::Close => Effect::close_then(Effect::ClearFilter),
            _ => Effect::Unhandled,
        }
    }

    /// A key typed into the prompt: the board is filtered by what it says now.
    pub fn input(&mut self, key: KeyEvent) -> Effect {
        self.area.input(key);
        Effect::Filter(self.query())
    }

    /// Pasted text, on one line.
    pub fn paste(&mut self, text: &str) -> Effect {
        self.area.insert_str(text.split_whitespace().collect::<Vec<_>>().join(" "));
        Effect::Filter(self.query())
    }

    fn query(&self) -> Query {
        Query::new(&self.area.lines().join(" "))
    }
}
