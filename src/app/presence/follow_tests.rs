//! Choosing whom to follow: the presenter followed so far, through hand-overs, else the wanted
//! user's presenting session, else any presenter; never a session that does not present unless
//! a hand-over names it.

use proptest::prelude::*;

use crate::app::presence::follow::choose;
use crate::store::presence::{Announcement, Peer};

fn peer(session: &str, name: &str, presenting: bool, handed_to: Option<&str>) -> Peer {
    Peer {
        session: session.into(),
        said: Announcement {
            name: name.into(),
            presenting,
            handed_to: handed_to.map(Into::into),
            ..Announcement::default()
        },
        owner: None,
    }
}

fn chosen<'p>(peers: &'p [Peer], wanted: Option<&str>, last: Option<&str>) -> Option<&'p str> {
    choose(peers, wanted, last).map(|p| p.session.as_str())
}

#[test]
fn the_presenter_followed_so_far_stays_chosen() {
    let peers = [peer("a", "alice", true, None), peer("c", "carol", true, None)];
    assert_eq!(chosen(&peers, None, Some("c")), Some("c"));
    assert_eq!(chosen(&peers, None, None), Some("a"), "the first presenter by name");
    assert_eq!(chosen(&peers, Some("carol"), None), Some("c"), "the wanted user");
    assert_eq!(chosen(&peers, Some("dave"), None), None, "the wanted user does not present");
}

#[test]
fn a_hand_over_is_followed_even_before_the_new_presenter_reads_it() {
    let peers = [peer("a", "alice", false, Some("b")), peer("b", "bob", false, None)];
    assert_eq!(chosen(&peers, Some("alice"), Some("a")), Some("b"));
    let later = [peer("a", "alice", false, Some("b")), peer("b", "bob", true, None)];
    assert_eq!(chosen(&later, Some("alice"), Some("a")), Some("b"));
    // Two hand-overs in a row: alice to bob, bob to carol.
    let chain = [
        peer("a", "alice", false, Some("b")),
        peer("b", "bob", false, Some("c")),
        peer("c", "carol", true, None),
    ];
    assert_eq!(chosen(&chain, None, Some("a")), Some("c"));
}

#[test]
fn a_presenter_who_stops_or_leaves_is_not_followed() {
    let stopped = [peer("a", "alice", false, None), peer("b", "bob", false, None)];
    assert_eq!(chosen(&stopped, None, Some("a")), None);
    let other = [peer("b", "bob", true, None)];
    assert_eq!(chosen(&other, None, Some("a")), Some("b"), "the leader left: whoever presents");
    assert_eq!(chosen(&other, Some("alice"), Some("a")), None, "unless a user was asked for");
}

#[test]
fn hand_overs_in_a_circle_end() {
    let circle = [peer("a", "alice", false, Some("b")), peer("b", "bob", false, Some("a"))];
    assert_eq!(chosen(&circle, None, Some("a")), None);
}

fn arb_peers() -> impl Strategy<Value = Vec<Peer>> {
    let sessions = ["a", "b", "c", "d"];
    proptest::collection::vec((0..4usize, 0..3usize, any::<bool>(), proptest::option::of(0..5usize)), 0..5)
        .prop_map(move |rows| {
            let mut peers: Vec<Peer> = Vec::new();
            for (session, name, presenting, handed) in rows {
                if peers.iter().any(|p| p.session == sessions[session]) {
                    continue;
                }
                let handed = handed.and_then(|h| sessions.get(h).copied());
                peers.push(peer(sessions[session], ["alice", "bob", "carol"][name], presenting, handed));
            }
            peers
        })
}

proptest! {
    #[test]
    fn the_choice_presents_or_was_handed_presenting(
        peers in arb_peers(),
        wanted in proptest::option::of(prop_oneof![Just("alice"), Just("bob"), Just("zed")]),
        last in proptest::option::of(prop_oneof![Just("a"), Just("b"), Just("c"), Just("x")]),
    ) {
        let choice = choose(&peers, wanted, last);
        if let Some(leader) = choice {
            let handed = peers.iter().any(|p| p.said.handed_to.as_deref() == Some(leader.session.as_str()));
            prop_assert!(leader.said.presenting || handed);
        }
        // Whoever is followed and still presents stays followed.
        if let Some(l) = last.and_then(|l| peers.iter().find(|p| p.session == l)).filter(|p| p.said.presenting) {
            prop_assert_eq!(choice.map(|c| &c.session), Some(&l.session));
        }
        // Someone presenting who fits is always found.
        if peers.iter().any(|p| p.said.presenting && wanted.is_none_or(|w| p.answers_to(w))) {
            prop_assert!(choice.is_some());
        }
    }
}
