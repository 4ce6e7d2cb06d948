//! Presence on screen, on ratatui's TestBackend as insta snapshots: others' initials on the
//! cards they have selected, who is here in the status bar, a follower's view of the
//! presenter's details, the hand-over chooser, and no panic at any size.

use crate::common;

use crate::common::{app_on_starter, press, render};
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use twotrack::app::App;
use twotrack::app::input::keymap::Mode;
use twotrack::model::{Stage, Track};
use twotrack::store::presence::{Announcement, Peer, Selected, SharedView};

fn text(app: &App, width: u16, height: u16) -> String {
    common::screen(app, width, height)
}

fn row_of(buf: &Buffer, needle: &str) -> Option<(u16, String)> {
    (0..buf.area.height).find_map(|y| {
        let line: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol().to_owned()).collect();
        line.contains(needle).then_some((y, line))
    })
}

fn peer(session: &str, name: &str, item: u64, column: &str, presenting: bool) -> Peer {
    let selected =
        Selected { track: Track::Delivery, column: column.into(), stage: Stage::One, item: Some(item) };
    Peer {
        session: session.into(),
        said: Announcement {
            name: name.into(),
            selected: Some(selected),
            presenting,
            ..Announcement::default()
        },
        owner: None,
    }
}

/// A read-only follower of alice, with bob looking at #5 and carol following alice on #6.
fn standup() -> (common::Sandbox, App) {
    let (s, app) = app_on_starter();
    let mut app = app.with_identity("me".into(), "dana".into()).read_only("started with --readonly".into());
    app = app.following(None);
    app.peers_changed(vec![
        peer("a", "alice", 6, "doing", true),
        peer("b", "bob", 5, "ready", false),
        peer("c", "carol", 6, "doing", false),
    ]);
    (s, app)
}

#[test]
fn a_follower_at_80x24() {
    let (_s, app) = standup();
    let terminal = render(&app, 80, 24);
    insta::assert_snapshot!(terminal.backend().to_string());
    let buf = terminal.backend().buffer();
    let (_, line) = row_of(buf, "#6").expect("card #6");
    assert!(line.contains("[AL CA]"), "alice and carol on #6: {line}");
    let (y, line) = row_of(buf, "#5").expect("card #5");
    let x = line.find("[BO]").expect("bob on #5");
    let x = line[..x].chars().count() as u16;
    assert!(buf[(x + 1, y)].modifier.contains(Modifier::BOLD), "initials stand out, in text too");
    let (_, hints) = row_of(buf, "following alice ·").expect("who is here");
    assert!(hints.contains("following alice · bob, carol"), "{hints}");
}

#[test]
fn a_follower_at_160x48_reads_the_presenters_details() {
    let (_s, mut app) = standup();
    let mut alice = peer("a", "alice", 6, "doing", true);
    alice.said.view = Some(SharedView::Details);
    app.peers_changed(vec![alice, peer("b", "bob", 5, "ready", false)]);
    insta::assert_snapshot!(text(&app, 160, 48));
}

#[test]
fn the_hand_over_chooser_at_80x24() {
    let (_s, app) = app_on_starter();
    let mut app = app.with_identity("me".into(), "alice".into()).presenter();
    let mut bob = peer("b", "bob", 5, "ready", false);
    bob.said.follows = Some("me".into());
    app.peers_changed(vec![bob, peer("c", "carol", 1, "ready", false)]);
    press(&mut app, "T j");
    insta::assert_snapshot!(text(&app, 80, 24));
}

#[test]
fn a_session_nobody_can_see_says_so() {
    let (s, app) = app_on_starter();
    let mut app = app.with_identity("me".into(), "dana".into());
    // A file where the presence directory should be: joining fails, the session goes on.
    std::fs::write(s.dir.path().join(".twotrack-presence"), "").expect("write");
    app.join(&twotrack::store::presence::Sidecar::of(&s.board), "dana".into());
    let screen = text(&app, 80, 24);
    assert!(screen.contains("not visible to others on this board"), "{screen}");
    assert!(screen.contains("! not visible to others"), "{screen}");
    press(&mut app, "l");
    assert_eq!(app.selected_item().map(|it| it.id), Some(6), "and works as ever");
}

#[test]
fn never_panics_at_any_size_with_others_on_the_board() {
    let (_s, mut app) = standup();
    for (keys, mode) in [
        ("", Mode::Board),
        ("F", Mode::Board),
        ("T", Mode::Board),
        ("P T", Mode::HandOver),
        ("Esc", Mode::Board),
    ] {
        press(&mut app, keys);
        assert_eq!(app.mode(), mode, "{keys}");
        for (width, height) in [(1, 1), (2, 2), (10, 3), (39, 9), (40, 10), (41, 12), (250, 70)] {
            render(&app, width, height);
        }
        for width in (38..90).step_by(3) {
            for height in 8..14 {
                render(&app, width, height);
            }
        }
    }
}

#[test]
fn the_follow_hint_shows_while_someone_else_presents() {
    let (_s, mut app) = app_on_starter();
    let hints = |app: &App| text(app, 160, 48).lines().last().unwrap_or_default().to_owned();
    assert!(!hints(&app).contains("F follow"), "nobody presents: {}", hints(&app));
    app.peers_changed(vec![peer("a", "alice", 6, "doing", true)]);
    assert!(hints(&app).contains("F follow"), "{}", hints(&app));
    press(&mut app, "F");
    assert!(!hints(&app).contains("F follow"), "already following: {}", hints(&app));
}
