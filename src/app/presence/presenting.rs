//! Presenting and handing it over (README, "Facilitating over SSH"): presenter mode on and off,
//! the chooser of who presents next, and taking over when someone hands presenting to this
//! session. The sessions following the old presenter follow the new one.

use crate::app::App;
use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;
use crate::app::presence::Follow;
use crate::app::screens::Overlay;
use crate::app::status::Status;

impl App {
    /// The presenter key: presenter mode on or off.
    pub(crate) fn toggle_presenting(&mut self) {
        self.presenting = !self.presenting;
        // Presenting again takes back a hand-over, so it is never read twice.
        self.presence.handed_to = None;
        let text = if self.presenting { "presenter mode on" } else { "presenter mode off" };
        self.status = Some(Status::info(text));
    }

    /// The hand-over key: choose who presents next.
    pub(crate) fn open_hand_over(&mut self) {
        if !self.presenting {
            let key = self.key_for(Action::Presenter);
            self.status =
                Some(Status::info(format!("only the presenter hands presenting over; {key} presents")));
            return;
        }
        let Some(first) = self.presence.peers().first() else {
            self.status = Some(Status::info("nobody else is on the board to hand presenting to"));
            return;
        };
        let selected = first.session.clone();
        self.overlays.push(Overlay::HandOver { selected });
    }

    pub(crate) fn hand_over_action(&mut self, action: Action) -> bool {
        let Some(Overlay::HandOver { selected }) = self.overlays.last_mut() else { return false };
        let peers = self.presence.peers();
        let at = peers.iter().position(|p| p.session == *selected).unwrap_or(0);
        let step = |to: Option<usize>| to.and_then(|i| peers.get(i)).map(|p| p.session.clone());
        match action {
            Action::SelectDown => *selected = step(Some(at + 1)).unwrap_or_else(|| selected.clone()),
            Action::SelectUp => *selected = step(at.checked_sub(1)).unwrap_or_else(|| selected.clone()),
            Action::Confirm => {
                let session = step(Some(at));
                self.overlays.pop();
                if let Some(session) = session {
                    self.hand_over(session);
                }
            }
            Action::Help => self.overlays.push(Overlay::Help { mode: Mode::HandOver, scroll: 0 }),
            Action::Close => _ = self.overlays.pop(),
            _ => return false,
        }
        true
    }

    /// Hands presenting to `session` and follows it from now on, like everyone else.
    fn hand_over(&mut self, session: String) {
        let Some(name) = self.presence.name_of(&session).map(str::to_owned) else { return };
        self.presenting = false;
        self.presence.handed_to = Some(session.clone());
        self.presence.paused = None;
        self.presence.applied = None;
        self.presence.follow =
            Some(Follow { wanted: None, leader: Some(session), leader_name: name.clone(), active: false });
        self.keep_in_step();
        let key = self.key_for(Action::Follow);
        self.status =
            Some(Status::info(format!("{name} presents now; you follow {name} ({key} stops following)")));
    }

    /// Someone handed presenting to this session: it presents, and stops following.
    pub(crate) fn take_presenting(&mut self, from: &str) {
        self.presenting = true;
        self.presence.follow = None;
        self.presence.paused = None;
        self.presence.applied = None;
        self.presence.handed_to = None;
        self.status = Some(Status::info(format!(
            "{from} handed presenting to you: whoever follows sees what you select"
        )));
    }
}
