//! The debt register: open debt by severity or by interest; `Enter` goes to the selected item.

use super::{Cx, Effect};
use crate::app::input::action::Action;
use crate::domain::two_stage::debt::{self, Sort};
use crate::model::ItemId;

#[derive(Debug)]
pub struct Debt {
    /// The selected row of the register's open items.
    pub selected: usize,
    pub sort: Sort,
}

impl Debt {
    pub fn new() -> Debt {
        Debt { selected: 0, sort: Sort::Severity }
    }

    pub fn update(&mut self, action: Action, cx: &Cx) -> Effect {
        match action {
            Action::ToggleSort => {
                self.sort = match self.sort {
                    Sort::Severity => Sort::Interest,
                    Sort::Interest => Sort::Severity,
                };
                self.selected = 0;
            }
            Action::SelectDown => {
                self.selected = (self.selected + 1).min(self.open(cx).len().saturating_sub(1))
            }
            Action::SelectUp => self.selected = self.selected.saturating_sub(1),
            Action::GoTo => {
                return match self.open(cx).get(self.selected) {
                    Some(id) => Effect::close_then(Effect::GoTo(*id)),
                    None => Effect::Close,
                };
            }
            _ => return Effect::Unhandled,
        }
        Effect::Done
    }

    /// The register's open items, in its order.
    fn open(&self, cx: &Cx) -> Vec<ItemId> {
        debt::register(cx.board, cx.now).sorted(self.sort).open.iter().map(|it| it.id).collect()
    }
}

impl Default for Debt {
    fn default() -> Self {
        Debt::new()
    }
}
