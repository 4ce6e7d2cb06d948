//! The standup view: scrolling, setting the mark for the next standup, and the days before an
//! unmoved item is called out. The standup itself is computed by the App when the view opens
//! (the journal is read then, never at start-up) and again when its settings change.

use super::{Cx, Effect};
use crate::app::input::action::Action;
use crate::domain::change::{Edit, Op};
use crate::domain::rhythm::doc::Doc;

#[derive(Debug)]
pub struct Standup {
    pub doc: Doc,
    pub scroll: u16,
}

impl Standup {
    pub fn new(doc: Doc) -> Standup {
        Standup { doc, scroll: 0 }
    }

    pub fn update(&mut self, action: Action, cx: &Cx) -> Effect {
        match action {
            Action::ScrollDown => self.scroll = self.scroll.saturating_add(1),
            Action::ScrollUp => self.scroll = self.scroll.saturating_sub(1),
            Action::SetMark => {
                let mut settings = cx.board.standup.clone();
                settings.mark = Some(cx.now);
                let summary = format!(
                    "standup mark set at {} UTC: the next standup shows what changes from now",
                    cx.now.format("%H:%M")
                );
                return Effect::Change(Ok(Op { edit: Edit::SetStandup(settings), summary }));
            }
            Action::MoreDays | Action::FewerDays => {
                let mut settings = cx.board.standup.clone();
                let days = settings.stale_days();
                let days = if action == Action::MoreDays {
                    days.saturating_add(1)
                } else {
                    days.saturating_sub(1).max(1)
                };
                settings.stale_days = Some(days);
                let summary = format!("items are called out after {days} days without a move");
                let change = Effect::Change(Ok(Op { edit: Edit::SetStandup(settings), summary }));
                return Effect::Many(vec![change, Effect::RefreshStandup]);
            }
            Action::Undo => return Effect::Many(vec![Effect::Undo, Effect::RefreshStandup]),
            Action::Redo => return Effect::Many(vec![Effect::Redo, Effect::RefreshStandup]),
            _ => return Effect::Unhandled,
        }
        Effect::Done
    }
}
