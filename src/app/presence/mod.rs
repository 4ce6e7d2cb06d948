//! Who else is on the board (docs/guide/teams-and-git.md, "Facilitating over SSH"): this session's announcement to
//! the others, what they announce, the initials shown on the cards they have selected, and the
//! line of the status bar that names them.

pub mod follow;
pub mod presenting;
pub mod shared_view;

use std::collections::HashMap;

use super::status::Status;
use crate::app::App;
use crate::app::input::action::Action;
use crate::model::ItemId;
use crate::store::error::sentence;
use crate::store::presence::{Announcement, Peer, Selected, SessionFile, Sidecar};

/// Following a presenter: whose view this session keeps in step with.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Follow {
    /// Only this user's presenting sessions (`--follow NAME`); else whoever presents.
    pub wanted: Option<String>,
    /// The session followed now, or last (kept while waiting, so a hand-over is followed).
    pub leader: Option<String>,
    /// The user who owns that session's file: a file under its id owned by anyone else is not it.
    pub leader_owner: Option<u32>,
    /// That session's user name, for messages after it left.
    pub leader_name: String,
    /// The leader is on the board and presenting: this session is in step with it.
    pub active: bool,
}

/// This session among the others.
#[derive(Debug, Default)]
pub struct Presence {
    /// This session's user name.
    name: String,
    /// This session's id, also when it could not announce itself.
    session: String,
    /// The file the others read; `None` until joined, or when that failed.
    file: Option<SessionFile>,
    /// Why the others cannot see this session.
    hidden: Option<String>,
    /// The other live sessions, by name.
    peers: Vec<Peer>,
    /// What was last written to the file.
    announced: Option<Announcement>,
    /// Following a presenter, if this session does.
    pub(crate) follow: Option<Follow>,
    /// The follow that a key stopped, to resume with the follow key.
    pub(crate) paused: Option<Follow>,
    /// The session presenting was handed to (said until this session presents again).
    pub(crate) handed_to: Option<String>,
    /// The leader's announcement last taken over, so an unchanged one costs nothing.
    pub(crate) applied: Option<Announcement>,
    /// The card mark of the others on each item they have selected, e.g. `[AL]`.
    visitors: HashMap<ItemId, String>,
}

impl Presence {
    /// A session with a fresh id, not announced yet.
    pub fn new() -> Presence {
        Presence { session: crate::store::presence::session_id(), ..Presence::default() }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn session(&self) -> &str {
        &self.session
    }

    pub fn peers(&self) -> &[Peer] {
        &self.peers
    }

    pub fn follow(&self) -> Option<&Follow> {
        self.follow.as_ref()
    }

    /// A session on the board.
    pub fn peer(&self, session: &str) -> Option<&Peer> {
        self.peers.iter().find(|p| p.session == session)
    }

    /// Why the others cannot see this session, if they cannot.
    pub fn hidden(&self) -> Option<&str> {
        self.hidden.as_deref()
    }

    /// The mark for the others who have `item` selected (`[AL]`, `[AL BO]`, `[AL+2]`).
    pub fn visitors(&self, item: ItemId) -> Option<&str> {
        self.visitors.get(&item).map(String::as_str)
    }

    /// The status bar's line about who is here: this session's part (presenting, following),
    /// then the others, presenters first and marked `▶` ("▶alice, bob +2"). `None` when alone
    /// and visible, waiting for nobody.
    pub fn summary(&self, presenting: bool) -> Option<String> {
        if self.peers.is_empty() && self.hidden.is_none() && self.follow.is_none() {
            return None;
        }
        let mut parts = Vec::new();
        if self.hidden.is_some() {
            parts.push("! not visible to others".to_owned());
        }
        if presenting {
            let followers =
                self.peers.iter().filter(|p| p.said.follows.as_deref() == Some(&self.session)).count();
            parts.push(if followers > 0 {
                format!("▶ presenting to {followers}")
            } else {
                "▶ presenting".into()
            });
        } else if let Some(follow) = &self.follow {
            parts.push(match (follow.active, &follow.wanted) {
                (true, _) => format!("following {}", follow.leader_name),
                (false, Some(wanted)) => format!("waiting for {wanted}"),
                _ => "waiting for a presenter".into(),
            });
        }
        // The followed presenter is named once, in this session's part.
        let leader = self.follow.as_ref().filter(|f| f.active).and_then(|f| f.leader.as_deref());
        let others = self.peers.iter().filter(|p| Some(p.session.as_str()) != leader);
        // Each person once (several sessions of one user are one name), presenters first.
        let mut seen: Vec<String> = Vec::new();
        let mut names: Vec<String> = Vec::new();
        for peer in others.clone().filter(|p| p.said.presenting).chain(others) {
            let label = peer.label();
            if !seen.contains(&label) {
                names.push(format!("{}{label}", if peer.said.presenting { "▶" } else { "" }));
                seen.push(label);
            }
        }
        if !names.is_empty() {
            let more = names.len().saturating_sub(2);
            let mut shown = names[..names.len().min(2)].join(", ");
            if more > 0 {
                shown.push_str(&format!(" +{more}"));
            }
            parts.push(shown);
        }
        (!parts.is_empty()).then(|| parts.join(" · "))
    }

    /// Recomputes the card marks from the peers' selections.
    fn count_visitors(&mut self) {
        let mut names: HashMap<ItemId, Vec<String>> = HashMap::new();
        for peer in &self.peers {
            if let Some(id) = peer.said.selected.as_ref().and_then(|s| s.item) {
                let here = names.entry(id).or_default();
                let mark = initials(&peer.said.name);
                if !here.contains(&mark) {
                    here.push(mark);
                }
            }
        }
        self.visitors = names
            .into_iter()
            .map(|(id, marks)| {
                let text = match marks.as_slice() {
                    [one] => format!("[{one}]"),
                    [one, two] => format!("[{one} {two}]"),
                    [first, rest @ ..] => format!("[{first}+{}]", rest.len()),
                    [] => String::new(),
                };
                (id, text)
            })
            .collect();
    }
}

/// Up to two capital letters for a name: the first and last part's initials ("Ada Lovelace",
/// "ada.lovelace" → `AL`), or the first two letters of a single word ("alice" → `AL`).
pub fn initials(name: &str) -> String {
    let parts: Vec<&str> = name.split(|c: char| !c.is_alphanumeric()).filter(|p| !p.is_empty()).collect();
    let letters: String = match parts.as_slice() {
        [] => "?".into(),
        [one] => one.chars().take(2).collect(),
        [first, .., last] => first.chars().take(1).chain(last.chars().take(1)).collect(),
    };
    letters.to_uppercase()
}

impl App {
    pub fn presence(&self) -> &Presence {
        &self.presence
    }

    /// Announces this session to the others on the board as `name`. When that is not possible
    /// (a read-only directory), the session works all the same and says it is not visible.
    pub fn join(&mut self, sidecar: &Sidecar, name: String) {
        self.presence.name = name;
        let said = self.announcement();
        match sidecar.join(&self.presence.session, &said) {
            Ok(mut file) => {
                if let Some(warning) = file.take_warning() {
                    self.status = Some(Status::warning(warning));
                }
                self.presence.file = Some(file);
                self.presence.announced = Some(said);
            }
            Err(err) => self.hide(sentence(&err)),
        }
    }

    /// Removes this session's presence file: it has left the board.
    pub fn leave(&mut self) {
        self.presence.file = None;
    }

    /// This session's presence without a file (tests, and before joining).
    pub fn with_identity(mut self, session: String, name: String) -> App {
        self.presence.session = session;
        self.presence.name = name;
        self
    }

    /// This session cannot be seen by others: says why, after what was already said (such as
    /// why the session is read-only, which often has the same cause).
    fn hide(&mut self, reason: String) {
        self.presence.file = None;
        let text = format!("not visible to others on this board: {reason}; you still see who is here");
        self.status = Some(Status::warning(match self.status.take() {
            Some(before) => format!("{}; {text}", before.text),
            None => text,
        }));
        self.presence.hidden = Some(reason);
    }

    /// What this session tells the others now.
    pub fn announcement(&self) -> Announcement {
        let place = self.view.column(self.selection.column);
        let selected = self.board.track(place.track).columns.get(place.index).map(|column| Selected {
            track: place.track,
            column: column.id.clone(),
            stage: self.selection.stage,
            item: self.selection.item(&self.view),
        });
        let follow = self.presence.follow.as_ref().filter(|f| f.active);
        Announcement {
            name: self.presence.name.clone(),
            selected,
            presenting: self.display.presenting,
            zoom: self.display.zoom,
            view: shared_view::on_top(&self.overlays),
            follows: follow.and_then(|f| f.leader.clone()),
            handed_to: self.presence.handed_to.clone(),
        }
    }

    /// Writes this session's announcement if it changed since the last one. Returns whether
    /// there is something new to say on screen (the session could not announce itself, or its
    /// directory needs a word).
    pub fn announce(&mut self) -> bool {
        let said = self.announcement();
        if self.presence.announced.as_ref() == Some(&said) {
            return false;
        }
        let Some(file) = &mut self.presence.file else { return false };
        match file.update(&said) {
            Ok(()) => {
                let warning = file.take_warning();
                self.presence.announced = Some(said);
                let said_something = warning.is_some();
                if let Some(warning) = warning {
                    self.status = Some(Status::warning(warning));
                }
                said_something
            }
            Err(err) => {
                self.hide(sentence(&err));
                true
            }
        }
    }

    /// The other sessions as they are now. Takes presenting over when it was handed to this
    /// session, keeps a follower in step with its presenter, and says when someone starts
    /// presenting. Returns whether anything on screen may have changed.
    pub fn peers_changed(&mut self, peers: Vec<Peer>) -> bool {
        if peers == self.presence.peers {
            return false;
        }
        let before = std::mem::replace(&mut self.presence.peers, peers);
        self.presence.count_visitors();
        let me = self.presence.session.clone();
        let handed = self.presence.peers.iter().find(|p| {
            p.said.handed_to.as_deref() == Some(&me)
                && !before.iter().any(|b| b.session == p.session && b.said.handed_to == p.said.handed_to)
        });
        if let Some(from) = handed.cloned() {
            self.handed_presenting(&from);
        } else if self.presence.follow.is_some() {
            self.keep_in_step();
        } else if !self.display.presenting {
            let new = self.presence.peers.iter().find(|p| {
                p.said.presenting && !before.iter().any(|b| b.session == p.session && b.said.presenting)
            });
            if let Some(name) = new.map(Peer::label) {
                let key = self.key_for(Action::Follow);
                self.say_beside_draft(format!("{name} is presenting; {key} follows"));
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_take_two_letters() {
        assert_eq!(initials("alice"), "AL");
        assert_eq!(initials("Ada Lovelace"), "AL");
        assert_eq!(initials("grace.b.hopper"), "GH");
        assert_eq!(initials("x"), "X");
        assert_eq!(initials("--"), "?");
        assert_eq!(initials("émile"), "ÉM");
    }
}
