//! The question "why is this discovery work?": the board's entry criteria to tick for one item,
//! asked when an item enters the discovery track without any, and on demand.

use crossterm::event::{KeyCode, KeyEvent};

use super::{Cx, Effect};
use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;
use crate::app::status::Status;
use crate::domain::dual_track::criteria;
use crate::model::{Board, Item, ItemId};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CriteriaPrompt {
    pub id: ItemId,
    pub title: String,
    /// The board's criteria, then any the item ticked that are no longer on the list.
    pub entries: Vec<String>,
    pub ticked: Vec<bool>,
    pub selected: usize,
    /// Asked because the item just entered discovery (rather than opened by the user).
    pub asked: bool,
    /// Why the last answer was refused.
    pub error: Option<String>,
}

impl CriteriaPrompt {
    pub fn new(board: &Board, item: &Item, asked: bool) -> CriteriaPrompt {
        let mut entries = board.entry_criteria();
        let mine = item.criteria.clone().unwrap_or_default();
        entries.extend(mine.iter().filter(|c| !entries.contains(c)).cloned().collect::<Vec<_>>());
        let ticked = entries.iter().map(|c| mine.contains(c)).collect();
        CriteriaPrompt {
            id: item.id,
            title: item.title.clone(),
            entries,
            ticked,
            selected: 0,
            asked,
            error: None,
        }
    }

    pub fn down(&mut self) {
        self.selected = (self.selected + 1).min(self.entries.len().saturating_sub(1));
    }

    pub fn up(&mut self) {
        self.selected = self.selected.saturating_sub(1);
    }

    pub fn tick(&mut self) {
        if let Some(t) = self.ticked.get_mut(self.selected) {
            *t = !*t;
        }
    }

    /// Typing an entry's number ticks (or unticks) it.
    pub fn input(&mut self, key: KeyEvent) {
        let KeyCode::Char(c) = key.code else { return };
        let Some(n) = c.to_digit(10).and_then(|n| usize::try_from(n).ok()).and_then(|n| n.checked_sub(1))
        else {
            return;
        };
        if n < self.entries.len() {
            self.selected = n;
            self.tick();
        }
    }

    pub fn update(&mut self, action: Action, cx: &Cx) -> Effect {
        match action {
            Action::SelectDown => self.down(),
            Action::SelectUp => self.up(),
            Action::Tick => self.tick(),
            Action::Save => return self.save(cx),
            Action::NoneApplies => {
                return Effect::close_then(Effect::change(criteria::set(
                    cx.board,
                    self.id,
                    Vec::new(),
                    cx.now,
                )));
            }
            Action::Close => return Effect::close_then(Effect::Say(self.unanswered(cx))),
            _ => return Effect::Unhandled,
        }
        Effect::Done
    }

    /// Records the ticked criteria; with none ticked, says how to answer instead.
    fn save(&mut self, cx: &Cx) -> Effect {
        let chosen = self.chosen();
        if chosen.is_empty() {
            let (tick, none) =
                (cx.keys(Mode::Criteria, Action::Tick), cx.keys(Mode::Criteria, Action::NoneApplies));
            let message = format!("tick at least one ({tick} or its number), or {none}: none applies");
            self.error = Some(message.clone());
            return Effect::Say(Status::warning(message));
        }
        Effect::close_then(Effect::change(criteria::set(cx.board, self.id, chosen, cx.now)))
    }

    /// What closing the question leaves said: the item still does not say why it is discovery
    /// work (and which key asks again), or nothing changed.
    fn unanswered(&self, cx: &Cx) -> Status {
        let id = self.id;
        if cx.board.item(id).is_some_and(|it| criteria::unanswered(cx.board, it)) {
            let later = cx.keymap.short_keys(Mode::Board, &[Action::EntryCriteria]);
            let again = later.map(|k| format!("; {k} asks again")).unwrap_or_default();
            Status::warning(format!("#{id} does not say why it is discovery work{again}"))
        } else {
            Status::info("nothing changed")
        }
    }

    /// The ticked criteria, in the list's order.
    pub fn chosen(&self) -> Vec<String> {
        self.entries.iter().zip(&self.ticked).filter(|(_, t)| **t).map(|(c, _)| c.clone()).collect()
    }
}
