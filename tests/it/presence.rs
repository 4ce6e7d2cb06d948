//! Presence and following the presenter, driven through the real keymap with the other
//! sessions handed in as they would be read from the presence directory: who is here, initials
//! on cards, following selection, zoom and views, stopping and resuming, and handing over.

use crate::common;

use crate::common::{app_on_starter, press};
use twotrack::app::App;
use twotrack::app::input::keymap::Mode;
use twotrack::app::screens::Overlay;
use twotrack::model::{Stage, Track};
use twotrack::store::presence::{Announcement, Peer, Selected, SharedView};

fn on(item: u64, column: &str) -> Option<Selected> {
    Some(Selected { track: Track::Delivery, column: column.into(), stage: Stage::One, item: Some(item) })
}

fn peer(session: &str, name: &str, said: Announcement) -> Peer {
    Peer { session: session.into(), said: Announcement { name: name.into(), ..said }, owner: None }
}

fn alice(said: Announcement) -> Peer {
    peer("a", "alice", Announcement { presenting: true, ..said })
}

fn selected(app: &App) -> Option<u64> {
    app.selected_item().map(|it| it.id)
}

fn status(app: &App) -> String {
    app.status().map(|s| s.text.clone()).unwrap_or_default()
}

/// dana's session on the starter board, following whoever presents.
fn follower() -> (common::Sandbox, App) {
    let (s, app) = app_on_starter();
    (s, app.with_identity("me".into(), "dana".into()).following(None))
}

#[test]
fn a_follower_takes_the_presenters_selection_zoom_and_view() {
    let (_s, mut app) = follower();
    assert_eq!(app.presence().summary(false).as_deref(), Some("waiting for a presenter"));
    assert!(app.peers_changed(vec![alice(Announcement { selected: on(6, "doing"), ..Default::default() })]));
    assert_eq!(selected(&app), Some(6));
    assert!(status(&app).starts_with("following alice"), "{}", status(&app));
    assert_eq!(app.presence().summary(false).as_deref(), Some("following alice"));
    let said = Announcement {
        selected: on(8, "review"),
        zoom: true,
        view: Some(SharedView::Capacity),
        ..Default::default()
    };
    app.peers_changed(vec![alice(said)]);
    assert_eq!(selected(&app), Some(8));
    assert!(app.zoomed());
    assert_eq!(app.mode(), Mode::Capacity);
    let said = Announcement {
        selected: on(8, "review"),
        view: Some(SharedView::Debt { row: 1, by_interest: false }),
        ..Default::default()
    };
    app.peers_changed(vec![alice(said)]);
    assert!(matches!(app.overlays(), [Overlay::Debt(debt)] if debt.selected == 1), "{:?}", app.overlays());
    assert!(!app.zoomed());
    app.peers_changed(vec![alice(Announcement {
        selected: on(1, "ready"),
        view: Some(SharedView::Details),
        ..Default::default()
    })]);
    assert!(matches!(app.overlays(), [Overlay::Details]));
    assert_eq!(selected(&app), Some(1));
    app.peers_changed(vec![alice(Announcement { selected: on(1, "ready"), ..Default::default() })]);
    assert!(app.overlays().is_empty(), "the presenter closed the view");
}

#[test]
fn an_empty_lane_or_an_item_not_here_yet_selects_its_column_and_lane() {
    let (_s, mut app) = follower();
    let lane = Selected { track: Track::Delivery, column: "done".into(), stage: Stage::Two, item: None };
    app.peers_changed(vec![alice(Announcement { selected: Some(lane), ..Default::default() })]);
    assert_eq!((app.view().column(app.selection().column).index, app.selection().stage), (3, Stage::Two));
    let new = Selected { track: Track::Delivery, column: "review".into(), stage: Stage::Two, item: Some(99) };
    app.peers_changed(vec![alice(Announcement { selected: Some(new), ..Default::default() })]);
    assert_eq!(selected(&app), Some(8), "the lane the new item is in, until the board is read again");
}

#[test]
fn the_followers_own_filter_gives_way_to_the_presenters_item() {
    let (_s, mut app) = follower();
    press(&mut app, "/");
    common::type_text(&mut app, "welcome");
    press(&mut app, "Enter F");
    app.peers_changed(vec![alice(Announcement { selected: on(6, "doing"), ..Default::default() })]);
    assert_eq!(selected(&app), Some(6));
    assert!(app.view().query.is_empty());
}

#[test]
fn the_followers_own_key_stops_following_and_the_follow_key_resumes() {
    let (_s, mut app) = follower();
    app.peers_changed(vec![alice(Announcement { selected: on(6, "doing"), ..Default::default() })]);
    press(&mut app, "?");
    assert_eq!(app.mode(), Mode::Help);
    press(&mut app, "j Esc");
    assert!(app.presence().follow().is_some_and(|f| f.active), "reading help keeps following");
    press(&mut app, "h");
    assert_eq!(selected(&app), Some(1), "the key does what it says");
    assert_eq!(status(&app), "stopped following alice; F follows again");
    app.peers_changed(vec![alice(Announcement { selected: on(8, "review"), ..Default::default() })]);
    assert_eq!(selected(&app), Some(1), "no longer in step");
    press(&mut app, "z");
    assert!(status(&app).starts_with("showing only the delivery track"), "{}", status(&app));
    press(&mut app, "F");
    assert_eq!(selected(&app), Some(8), "back in step at once");
    assert!(!app.zoomed());
    press(&mut app, "F");
    assert_eq!(status(&app), "stopped following alice; F follows again");
    assert!(app.presence().follow().is_none());
}

#[test]
fn a_key_in_a_followed_view_stops_following_too() {
    let (_s, mut app) = follower();
    app.peers_changed(vec![alice(Announcement {
        selected: on(6, "doing"),
        view: Some(SharedView::Capacity),
        ..Default::default()
    })]);
    press(&mut app, "Esc");
    assert!(app.overlays().is_empty());
    assert!(app.presence().follow().is_none());
    assert!(status(&app).contains("F follows again"));
}

#[test]
fn when_the_presenter_goes_the_follower_waits_and_keeps_working() {
    let (_s, mut app) = follower();
    let bob = peer("b", "bob", Announcement::default());
    app.peers_changed(vec![
        alice(Announcement { selected: on(6, "doing"), ..Default::default() }),
        bob.clone(),
    ]);
    assert_eq!(app.presence().summary(false).as_deref(), Some("following alice · bob"));
    app.peers_changed(vec![bob.clone()]);
    assert_eq!(status(&app), "alice left the board; waiting for the next presenter (F stops following)");
    assert_eq!(selected(&app), Some(6), "the view stays where it was");
    assert_eq!(app.presence().summary(false).as_deref(), Some("waiting for a presenter · bob"));
    let carol =
        peer("c", "carol", Announcement { presenting: true, selected: on(5, "ready"), ..Default::default() });
    app.peers_changed(vec![bob, carol]);
    assert_eq!(selected(&app), Some(5), "whoever presents next is followed");
}

#[test]
fn following_a_named_presenter_waits_for_that_one() {
    let (_s, app) = app_on_starter();
    let mut app = app.with_identity("me".into(), "dana".into()).following(Some("carol".into()));
    app.peers_changed(vec![alice(Announcement { selected: on(6, "doing"), ..Default::default() })]);
    assert_eq!(selected(&app), Some(1), "alice is not the one asked for");
    assert_eq!(app.presence().summary(false).as_deref(), Some("waiting for carol · ▶alice"));
    let carol =
        peer("c", "carol", Announcement { presenting: true, selected: on(5, "ready"), ..Default::default() });
    app.peers_changed(vec![alice(Announcement::default()), carol]);
    assert_eq!(selected(&app), Some(5));
}

#[test]
fn someone_starting_to_present_is_announced_with_the_follow_key() {
    let (_s, mut app) = app_on_starter();
    app.peers_changed(vec![peer("a", "alice", Announcement::default())]);
    app.peers_changed(vec![alice(Announcement::default())]);
    assert_eq!(status(&app), "alice is presenting; F follows");
    assert!(!app.peers_changed(vec![alice(Announcement::default())]), "nothing changed, nothing to draw");
}

#[test]
fn the_announcement_says_selection_presenting_zoom_and_shared_view() {
    let (_s, app) = app_on_starter();
    let mut app = app.with_identity("me".into(), "erin".into());
    let said = app.announcement();
    assert_eq!((said.name.as_str(), said.selected, said.presenting), ("erin", on(1, "ready"), false));
    press(&mut app, "l P z c");
    let said = app.announcement();
    assert_eq!(said.selected, on(6, "doing"));
    assert!(said.presenting && said.zoom);
    assert_eq!(said.view, Some(SharedView::Capacity));
    press(&mut app, "? Esc c r j");
    assert_eq!(app.announcement().view, Some(SharedView::Debt { row: 1, by_interest: false }));
    press(&mut app, "Esc e");
    assert_eq!(app.announcement().view, Some(SharedView::Details), "editing an item shows its details");
    press(&mut app, "Esc /");
    assert_eq!(app.announcement().view, None, "search is the presenter's own");
}

#[test]
fn others_initials_mark_the_cards_they_have_selected() {
    let (_s, mut app) = app_on_starter();
    app.peers_changed(vec![
        peer("a", "alice", Announcement { selected: on(6, "doing"), ..Default::default() }),
        peer("b", "Bob Stone", Announcement { selected: on(6, "doing"), ..Default::default() }),
        peer("b2", "Bob Stone", Announcement { selected: on(6, "doing"), ..Default::default() }),
        peer("c", "carol", Announcement { selected: on(5, "ready"), ..Default::default() }),
        peer("d", "dan", Announcement { selected: on(5, "ready"), ..Default::default() }),
        peer("e", "erin", Announcement { selected: on(5, "ready"), ..Default::default() }),
    ]);
    assert_eq!(app.presence().visitors(6), Some("[AL BS]"), "one mark per person");
    assert_eq!(app.presence().visitors(5), Some("[CA+2]"));
    assert_eq!(app.presence().visitors(1), None);
    assert_eq!(app.presence().summary(false).as_deref(), Some("alice, Bob Stone +3"));
}

#[test]
fn the_presenter_hands_over_and_follows_the_new_presenter() {
    let (_s, app) = app_on_starter();
    let mut app = app.with_identity("me".into(), "alice".into());
    press(&mut app, "T");
    assert_eq!(status(&app), "only the presenter hands presenting over; P presents");
    press(&mut app, "P T");
    assert_eq!(status(&app), "nobody else is on the board to hand presenting to");
    let bob = peer(
        "b",
        "bob",
        Announcement { follows: Some("me".into()), selected: on(1, "ready"), ..Default::default() },
    );
    let carol = peer("c", "carol", Announcement { selected: on(5, "ready"), ..Default::default() });
    app.peers_changed(vec![bob.clone(), carol.clone()]);
    assert_eq!(app.presence().summary(true).as_deref(), Some("▶ presenting to 1 · bob, carol"));
    press(&mut app, "T");
    assert_eq!(app.mode(), Mode::HandOver);
    press(&mut app, "j j k j Enter");
    assert!(!app.presenting());
    assert_eq!(status(&app), "carol presents now; you follow carol (F stops following)");
    let said = app.announcement();
    assert_eq!((said.presenting, said.handed_to.as_deref()), (false, Some("c")));
    // carol reads it and presents; alice follows her like everyone else.
    let carol = Peer { said: Announcement { presenting: true, ..carol.said }, ..carol };
    app.peers_changed(vec![bob, carol]);
    assert_eq!(selected(&app), Some(5));
    assert_eq!(app.announcement().follows.as_deref(), Some("c"));
    press(&mut app, "P");
    assert_eq!(app.announcement().handed_to, None, "presenting again takes the hand-over back");
}

#[test]
fn a_session_handed_presenting_presents_and_stops_following() {
    let (_s, mut app) = follower();
    let said = Announcement { selected: on(6, "doing"), ..Default::default() };
    app.peers_changed(vec![alice(said.clone())]);
    let handed = peer("a", "alice", Announcement { handed_to: Some("me".into()), ..said });
    app.peers_changed(vec![handed.clone()]);
    assert!(app.presenting());
    assert!(app.presence().follow().is_none());
    assert_eq!(status(&app), "alice handed presenting to you: whoever follows sees what you select");
    press(&mut app, "P");
    app.peers_changed(vec![handed, peer("b", "bob", Announcement::default())]);
    assert!(!app.presenting(), "the same hand-over is taken once");
}

#[test]
fn a_presenter_cannot_follow() {
    let (_s, app) = app_on_starter();
    let mut app = app.presenter();
    app.peers_changed(vec![alice(Announcement::default())]);
    press(&mut app, "F");
    assert_eq!(status(&app), "you are presenting: the others follow you (P stops presenting)");
    assert!(app.presence().follow().is_none());
    let app = app.following(None);
    assert!(app.presence().follow().is_none(), "--presenter with --follow presents");
    assert_eq!(status(&app), "a presenter follows nobody: not following");
}

#[test]
fn an_item_the_presenter_just_added_is_selected_once_the_board_is_read_again() {
    let (s, mut app) = follower();
    app.peers_changed(vec![alice(Announcement { selected: on(11, "ready"), ..Default::default() })]);
    assert_eq!(selected(&app), Some(1), "not on this board yet: the first card of its lane");
    assert_eq!(s.run(&["add", "Plan the demo"]).ok().stdout.trim(), "11");
    assert!(app.file_changed());
    assert_eq!(selected(&app), Some(11));
}
