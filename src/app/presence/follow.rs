//! Following the presenter (docs/guide/teams-and-git.md, "Facilitating over SSH"): a follower keeps its selection,
//! zoom and open view in step with the presenting session it follows, each laid out for its own
//! terminal; a key of the follower's own that looks elsewhere stops following, and the follow
//! key resumes.

use crate::app::App;
use crate::app::board::selection::Selection;
use crate::app::input::action::Action;
use crate::app::input::keymap::Mode;
use crate::app::presence::Follow;
use crate::app::presence::shared_view::{self, FollowerReads};
use crate::app::screens::Overlay;
use crate::app::status::Status;
use crate::domain::query::search::Query;
use crate::domain::rhythm::doc::Doc;
use crate::domain::rhythm::flow::Flow;
use crate::store::presence::{Announcement, Peer, Selected};

/// The session to follow among `peers`: the one followed `last` while it presents, else
/// whoever it handed presenting to (through several hand-overs in a row), else a presenting
/// session of the `wanted` user (of anyone when `None`). Only presenting sessions are chosen,
/// except the one a hand-over names, which presents as soon as it reads it.
pub fn choose<'p>(peers: &'p [Peer], wanted: Option<&str>, last: Option<&str>) -> Option<&'p Peer> {
    let find = |session: &str| peers.iter().find(|p| p.session == session);
    let mut current = last.and_then(find);
    let mut handed = false;
    for _ in 0..=peers.len() {
        match current {
            Some(peer) if peer.said.presenting || handed && peer.said.handed_to.is_none() => {
                return Some(peer);
            }
            Some(peer) => {
                current = peer.said.handed_to.as_deref().and_then(find);
                handed = true;
            }
            None => break,
        }
    }
    peers.iter().find(|p| p.said.presenting && wanted.is_none_or(|w| p.answers_to(w)))
}

impl App {
    /// Starts following (`--follow [NAME]`): the presenter called `wanted`, or whoever presents.
    pub fn following(mut self, wanted: Option<String>) -> App {
        if self.display.presenting {
            self.status = Some(Status::warning("a presenter follows nobody: not following"));
            return self;
        }
        self.presence.follow = Some(Follow { wanted, ..Follow::default() });
        self.keep_in_step();
        self
    }

    /// The follow key: follow the presenter (the one followed last, if still presenting), or
    /// stop following.
    pub(crate) fn toggle_follow(&mut self) {
        if self.presence.follow.is_some() {
            self.status = Some(Status::info(self.stop_following()));
            return;
        }
        if self.display.presenting {
            let key = self.key_for(Action::Presenter);
            self.status = Some(Status::info(format!(
                "you are presenting: the others follow you ({key} stops presenting)"
            )));
            return;
        }
        let follow = self.presence.paused.take().unwrap_or_default();
        self.presence.follow = Some(Follow { active: false, ..follow });
        self.keep_in_step();
        if !self.presence.follow.as_ref().is_some_and(|f| f.active) {
            let key = self.key_for(Action::Follow);
            let text = match self.presence.follow.as_ref().and_then(|f| f.wanted.as_deref()) {
                Some(who) => {
                    format!("{who} is not presenting yet; you will follow as soon as {who} presents")
                }
                None => "nobody is presenting yet; you will follow whoever presents next".to_owned(),
            };
            self.status = Some(Status::info(format!("{text} ({key} stops)")));
        }
    }

    /// Stops following and returns what to tell the user (the follow key resumes).
    pub(crate) fn stop_following(&mut self) -> String {
        let Some(follow) = self.presence.follow.take() else { return String::new() };
        let whom = if follow.active { follow.leader_name.clone() } else { "the presenter".to_owned() };
        self.presence.paused = Some(Follow { active: false, ..follow });
        self.presence.applied = None;
        format!("stopped following {whom}; {} follows again", self.key_for(Action::Follow))
    }

    /// A key of the follower's own that looks elsewhere stops following first; reading help,
    /// quitting and the presence keys do not.
    pub(crate) fn own_key(&mut self, mode: Mode, action: Action) -> Option<String> {
        let keeps = matches!(mode, Mode::Help | Mode::HelpFilter)
            || matches!(action, Action::Help | Action::Quit | Action::Follow | Action::HandOver);
        if self.presence.follow.is_none() || keeps {
            return None;
        }
        Some(self.stop_following())
    }

    /// Carries out the key that stopped following; the message says that first.
    pub(crate) fn dispatch_unfollowed(&mut self, stopped: String, action: Action) {
        self.status = None;
        _ = self.dispatch(action);
        self.status = Some(match self.status.take() {
            Some(then) => Status { text: format!("{stopped}; {}", then.text), level: then.level },
            None => Status::info(stopped),
        });
    }

    /// Keeps a follower in step with its leader, and says when the leader changes or goes.
    pub(crate) fn keep_in_step(&mut self) {
        let Some(follow) = self.presence.follow.clone() else { return };
        // A session under the leader's id whose file another user owns now is not the leader.
        let last = follow.leader.as_deref().filter(|session| {
            let owner = self.presence.peers().iter().find(|p| p.session == *session).and_then(|p| p.uid());
            follow.leader_owner.is_none() || owner.is_none() || owner == follow.leader_owner
        });
        let chosen = choose(self.presence.peers(), follow.wanted.as_deref(), last).cloned();
        let Some(leader) = chosen else {
            if follow.active {
                let gone = !self.presence.peers().iter().any(|p| Some(&p.session) == follow.leader.as_ref());
                let what = if gone { "left the board" } else { "stopped presenting" };
                let key = self.key_for(Action::Follow);
                self.status = Some(Status::info(format!(
                    "{} {what}; waiting for the next presenter ({key} stops following)",
                    follow.leader_name
                )));
            }
            self.presence.follow = Some(Follow { active: false, ..follow });
            self.presence.applied = None;
            return;
        };
        if !follow.active || follow.leader.as_deref() != Some(&leader.session) {
            self.status = Some(Status::info(format!(
                "following {}; your own keys stop it, {} follows again",
                leader.label(),
                self.key_for(Action::Follow)
            )));
        }
        self.presence.follow = Some(Follow {
            wanted: follow.wanted,
            leader: Some(leader.session.clone()),
            leader_owner: leader.uid(),
            leader_name: leader.label(),
            active: true,
        });
        if self.presence.applied.as_ref() != Some(&leader.said) {
            self.take_view(&leader.said);
            self.presence.applied = Some(leader.said);
        }
    }

    /// After the board was read again: the leader's selection may be an item that is only now
    /// on this session's board.
    pub(crate) fn refollow(&mut self) {
        if self.presence.follow.is_some() {
            self.presence.applied = None;
            self.keep_in_step();
        }
    }

    /// Takes the leader's zoom, selection and open view (help, if open here, stays on top).
    fn take_view(&mut self, said: &Announcement) {
        self.display.zoom = said.zoom;
        if let Some(selected) = &said.selected {
            self.take_selection(selected);
        }
        // A standup or retrospective already open here is kept as it is while the presenter
        // scrolls it: the journal is read (and the retrospective worked out) once, when the
        // presenter opens it.
        let mut standup = self.overlays.iter_mut().find_map(|o| match o {
            Overlay::Standup(open) => Some(std::mem::take(&mut open.doc)),
            _ => None,
        });
        let mut retro = self.overlays.iter_mut().find_map(|o| match o {
            Overlay::Retro(open) => Some(std::mem::take(&mut open.doc)),
            _ => None,
        });
        // Likewise the charts' figures: worked out once, when the presenter opens the charts.
        let flow = self.overlays.iter_mut().find_map(|o| match o {
            Overlay::Charts(open) => open.flow.clone(),
            _ => None,
        });
        let own: Vec<Overlay> = self.overlays.drain(..).filter(|o| !shared_view::is_followed(o)).collect();
        let followed = said.view.clone().and_then(|view| {
            let mut reads = Reads { app: self, standup: standup.take(), retro: retro.take(), flow };
            shared_view::for_follower(view, &mut reads)
        });
        self.overlays = followed.into_iter().chain(own).collect();
    }

    fn take_selection(&mut self, selected: &Selected) {
        if let Some(id) = selected.item {
            if self.selection.select_item(&self.view, id) {
                return;
            }
            // Hidden by this session's own filter: the presenter's item matters more.
            if self.board.item(id).is_some() && !self.view.query.is_empty() {
                self.refilter(Query::default());
                if self.selection.select_item(&self.view, id) {
                    return;
                }
            }
        }
        // An empty lane, or an item this session's board does not have yet: its column and lane.
        let columns = &self.board.track(selected.track).columns;
        if let Some(index) = columns.iter().position(|c| c.id == selected.column) {
            let column = self.view.columns_of(selected.track).start + index;
            self.selection = Selection { column, stage: selected.stage, index: 0 };
            self.selection.clamp(&self.view, 0..self.view.column_count());
        }
    }

    /// The first key bound to a board action, for messages.
    pub(crate) fn key_for(&self, action: Action) -> String {
        self.keymap.short_keys(Mode::Board, &[action]).unwrap_or_else(|| format!("{action:?}"))
    }
}

#[cfg(test)]
#[path = "follow_tests.rs"]
mod tests;

/// A follower's own reads, taking what was already open here first.
struct Reads<'a> {
    app: &'a mut App,
    standup: Option<Doc>,
    retro: Option<Doc>,
    flow: Option<Box<Flow>>,
}

impl FollowerReads for Reads<'_> {
    fn standup(&mut self) -> Doc {
        self.standup.take().unwrap_or_else(|| self.app.standup_doc())
    }

    fn retro(&mut self) -> Option<Doc> {
        self.retro.take().or_else(|| self.app.retro_doc())
    }

    fn flow(&mut self) -> Option<Flow> {
        self.flow.take().map(|f| *f).or_else(|| self.app.flow_ready())
    }
}
