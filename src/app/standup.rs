//! The standup view's keys: opening it (the journal is read then, never at start-up), scrolling,
//! setting the mark for the next standup, and the days before an item is called out.

use super::App;
use super::action::Action;
use super::keymap::Mode;
use super::overlay::Overlay;
use super::status::Status;
use crate::domain::change::{Edit, Op};
use crate::domain::rhythm::doc::Doc;
use crate::domain::rhythm::standup;
use crate::domain::rhythm::standup::Since;
use crate::store::error::sentence;
use crate::store::journal::Journal;

impl App {
    pub(super) fn open_standup(&mut self) {
        let doc = Box::new(self.standup_doc());
        self.overlays.push(Overlay::Standup { doc, scroll: 0 });
    }

    /// The standup as of now: the journal's entries since the mark (or the previous working
    /// day), read from the end of the journal.
    pub(super) fn standup_doc(&mut self) -> Doc {
        let since = Since::default_for(&self.board, self.now);
        let entries = match Journal::of(self.saver.path()).recent(since.time) {
            Ok(entries) => entries,
            Err(err) => {
                self.status = Some(Status::warning(format!("{}; what moved is not shown", sentence(&err))));
                Vec::new()
            }
        };
        standup::build(&self.board, &entries, since, self.now).to_doc()
    }

    pub(super) fn standup_action(&mut self, action: Action) -> bool {
        match action {
            Action::ScrollDown | Action::ScrollUp => {
                if let Some(Overlay::Standup { scroll, .. }) = self.overlays.last_mut() {
                    *scroll = match action {
                        Action::ScrollDown => scroll.saturating_add(1),
                        _ => scroll.saturating_sub(1),
                    };
                }
            }
            Action::SetMark => {
                let mut settings = self.board.standup.clone();
                settings.mark = Some(self.now);
                let summary = format!(
                    "standup mark set at {} UTC: the next standup shows what changes from now",
                    self.now.format("%H:%M")
                );
                self.commit_op(Op { edit: Edit::SetStandup(settings), summary });
            }
            Action::MoreDays | Action::FewerDays => {
                let mut settings = self.board.standup.clone();
                let days = settings.stale_days();
                let days = if action == Action::MoreDays {
                    days.saturating_add(1)
                } else {
                    days.saturating_sub(1).max(1)
                };
                settings.stale_days = Some(days);
                let summary = format!("items are called out after {days} days without a move");
                self.commit_op(Op { edit: Edit::SetStandup(settings), summary });
                self.refresh_standup();
            }
            Action::Undo => {
                self.undo();
                self.refresh_standup();
            }
            Action::Redo => {
                self.redo();
                self.refresh_standup();
            }
            Action::Help => self.overlays.push(Overlay::Help { mode: Mode::Standup, scroll: 0 }),
            Action::Close => _ = self.overlays.pop(),
            _ => return false,
        }
        true
    }

    /// Recomputes the standup on top after a change of its settings, keeping the scroll.
    fn refresh_standup(&mut self) {
        if matches!(self.overlays.last(), Some(Overlay::Standup { .. })) {
            let fresh = self.standup_doc();
            if let Some(Overlay::Standup { doc, .. }) = self.overlays.last_mut() {
                **doc = fresh;
            }
        }
    }
}
