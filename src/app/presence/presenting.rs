//! Presenting and handing it over (docs/guide/teams-and-git.md, "Facilitating over SSH"): presenter mode on and off,
//! the chooser of who presents next, and taking over when someone hands presenting to this
//! session. The sessions following the old presenter follow the new one.

use crate::app::App;
use crate::app::input::action::Action;
use crate::app::presence::Follow;
use crate::app::status::Status;
use crate::store::presence::Peer;

impl App {
    /// The presenter key: presenter mode on or off.
    pub(crate) fn toggle_presenting(&mut self) {
        self.display.presenting = !self.display.presenting;
        // Presenting again takes back a hand-over, so it is never read twice.
        self.presence.handed_to = None;
        let text = if self.display.presenting { "presenter mode on" } else { "presenter mode off" };
        self.status = Some(Status::info(text));
    }

    /// Hands presenting to `session` and follows it from now on, like everyone else.
    pub(crate) fn hand_over(&mut self, session: String) {
        let Some(peer) = self.presence.peer(&session) else { return };
        let (name, owner) = (peer.label(), peer.uid());
        self.display.presenting = false;
        self.presence.handed_to = Some(session.clone());
        self.presence.paused = None;
        self.presence.applied = None;
        self.presence.follow = Some(Follow {
            wanted: None,
            leader: Some(session),
            leader_owner: owner,
            leader_name: name.clone(),
            active: false,
        });
        self.keep_in_step();
        let key = self.key_for(Action::Follow);
        self.status =
            Some(Status::info(format!("{name} presents now; you follow {name} ({key} stops following)")));
    }

    /// `from` handed presenting to this session: taken only from the session this one follows
    /// (the same session id, its file owned by the same user); anyone else is refused, once.
    pub(crate) fn handed_presenting(&mut self, from: &Peer) {
        let followed = self.presence.follow.as_ref().is_some_and(|f| {
            f.leader.as_deref() == Some(from.session.as_str())
                && (f.leader_owner.is_none() || f.leader_owner == from.uid())
        });
        if followed {
            self.take_presenting(&from.label());
        } else {
            self.status = Some(Status::warning(format!(
                "{} handed presenting to you, but you do not follow them: not taken",
                from.label()
            )));
        }
    }

    /// The session followed handed presenting to this one: it presents, and stops following.
    fn take_presenting(&mut self, from: &str) {
        self.display.presenting = true;
        self.presence.follow = None;
        self.presence.paused = None;
        self.presence.applied = None;
        self.presence.handed_to = None;
        self.status = Some(Status::info(format!(
            "{from} handed presenting to you: whoever follows sees what you select"
        )));
    }
}
