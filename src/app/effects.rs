//! Carrying out what a screen handed back: the one place where a screen's key becomes a change
//! of the stack of screens, the board, the selection or the status line.

use super::App;
use super::screens::Effect;

impl App {
    pub(super) fn apply(&mut self, effect: Effect) {
        match effect {
            Effect::Done | Effect::Unhandled => {}
            Effect::Close => _ = self.overlays.pop(),
            Effect::CloseAll(modes) => self.overlays.retain(|o| !modes.contains(&o.mode())),
            Effect::Open(overlay) => self.overlays.push(overlay),
            Effect::Replace(overlay) => {
                self.overlays.pop();
                self.overlays.push(overlay);
            }
            Effect::Say(status) => self.status = Some(status),
            Effect::Change(result) => self.commit(result),
            Effect::Undo => self.undo(),
            Effect::Redo => self.redo(),
            Effect::GoTo(id) => self.go_to(id),
            Effect::Filter(query) => self.refilter(query),
            Effect::ClearFilter => self.clear_filter(),
            Effect::Submit => self.submit_form(),
            Effect::HandOver(session) => self.hand_over(session),
            Effect::RefreshStandup => self.refresh_standup(),
            Effect::RefreshRetro => self.refresh_retro(),
            Effect::OpenCharts => self.open_charts(),
            Effect::OpenEditor => self.want_editor(),
            Effect::TakeBack(shelf, id) => self.take_back(shelf, id),
            Effect::Run(action) => _ = self.dispatch(action),
            Effect::Many(effects) => effects.into_iter().for_each(|e| self.apply(e)),
        }
    }
}
