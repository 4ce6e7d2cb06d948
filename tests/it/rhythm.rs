//! Sprints, blocked items and the standup on the board screen: real keys through the default
//! keymap, the board and the file checked, and snapshots of the standup view and of the
//! capacity view with trends at 80x24 and 100x30.

use crate::common;

use crate::common::{Sandbox, app_on_starter, press, screen, type_text};
use twotrack::app::App;
use twotrack::app::input::keymap::{Keymap, Mode};
use twotrack::model::Timestamp;
use twotrack::store::Store;

fn at(text: &str) -> Timestamp {
    chrono::DateTime::parse_from_rfc3339(text).expect("time").to_utc()
}

/// An app on a copy of a fixture (and its journal, if any) with the clock at `now`.
fn app_at(fixture: &str, now: &str) -> (Sandbox, App) {
    let s = Sandbox::new();
    std::fs::copy(format!("tests/fixtures/{fixture}"), &s.board).expect("fixture");
    let journal = format!("tests/fixtures/{fixture}.journal");
    if std::path::Path::new(&journal).exists() {
        std::fs::copy(&journal, s.dir.path().join("board.ron.journal")).expect("journal");
    }
    let opened = Store::open(&s.board, at(now)).expect("open");
    let app = App::new(opened.board, opened.store, Keymap::default_keymap(), at(now));
    (s, app)
}

fn saved(s: &Sandbox) -> twotrack::model::Board {
    Store::load(&s.board).expect("load").1
}

#[test]
fn a_sprint_is_started_committed_to_and_closed_from_the_board() {
    let (s, mut app) = app_on_starter();
    press(&mut app, "m");
    assert_eq!(app.status().map(|st| st.text.as_str()), Some("no sprint is open; start one first"));
    press(&mut app, "c n");
    assert_eq!(app.mode(), Mode::Form);
    press(&mut app, "F2");
    let sprint = saved(&s).current_sprint().cloned().expect("started and saved");
    assert_eq!((sprint.name.as_str(), sprint.capacity), ("Sprint 1", 40));
    press(&mut app, "Esc");
    assert_eq!(app.selected_item().map(|it| it.id), Some(1));
    press(&mut app, "m");
    assert!(app.status().is_some_and(|st| st.text.starts_with("committed #1 to sprint \"Sprint 1\"")));
    assert_eq!(saved(&s).item(1).and_then(|it| it.sprint.clone()).as_deref(), Some("Sprint 1"));
    press(&mut app, "j m");
    assert_eq!(app.view().capacity.points.total, 6, "#1 (1 pt) and #5 (5 pt) committed");
    let board_screen = screen(&app, 100, 30);
    assert_eq!(
        board_screen.matches('●').count(),
        3,
        "committed cards are marked, and the selected one's line names its sprint:\n{board_screen}"
    );
    assert!(board_screen.contains("· ● Sprint 1"), "{board_screen}");
    let top = board_screen.lines().next().expect("top line").to_owned();
    assert!(top.contains("Sprint 1: 6/40 pt"), "the sprint's name stays at 100 columns: {top}");
    let wide = screen(&app, 160, 48).lines().next().expect("top line").to_owned();
    assert!(wide.contains("Sprint 1: committed 6/40 pt, backlog 17 pt"), "{wide}");
    press(&mut app, "M");
    assert_eq!(app.view().query.text(), "+sprint");
    let shown: usize = (0..app.view().column_count())
        .map(|c| {
            app.view().lane(c, twotrack::model::Stage::One).len()
                + app.view().lane(c, twotrack::model::Stage::Two).len()
        })
        .sum();
    assert_eq!(shown, 2, "only the sprint's items show");
    press(&mut app, "M");
    assert!(app.view().query.is_empty());
    press(&mut app, "m");
    assert_eq!(app.view().capacity.points.total, 6, "m again changes nothing");
    assert!(
        app.status().is_some_and(|st| st.text == "#5 is already in sprint \"Sprint 1\"; X takes it out"),
        "and says so: {:?}",
        app.status()
    );
    press(&mut app, "X");
    assert_eq!(app.view().capacity.points.total, 1, "X takes #5 back to the backlog");
    assert!(
        app.status().is_some_and(|st| st.text.starts_with("took #5 out of sprint \"Sprint 1\"")),
        "{:?}",
        app.status()
    );
    press(&mut app, "u");
    assert_eq!(app.view().capacity.points.total, 6, "and undo commits it again");
    press(&mut app, "c x");
    assert_eq!(app.mode(), Mode::Form);
    let form = screen(&app, 100, 30);
    assert!(
        form.contains("#1 s1 1pt")
            && form.contains("#5 s1 5pt")
            && form.contains("next sprint: Export the board to CSV"),
        "each unfinished item: {form}"
    );
    // The first field is #1's, the second #5's: #5 goes back to the backlog, #1 on.
    press(&mut app, "Tab Right F2");
    let board = saved(&s);
    let closed = board.sprint("Sprint 1").and_then(|sp| sp.figures.clone()).expect("closed");
    assert_eq!((closed.rolled_over.as_slice(), closed.to_backlog.as_slice()), (&[1, 5][..], &[5][..]));
    assert_eq!(board.item(5).expect("item").sprint, None, "rolled back to the backlog as chosen");
    assert_eq!(board.item(1).expect("item").sprint.as_deref(), Some("Sprint 2"), "rolled on as chosen");
    assert_eq!(board.current_sprint().map(|sp| sp.name.as_str()), Some("Sprint 2"));
    press(&mut app, "Esc u");
    assert!(saved(&s).sprint("Sprint 1").is_some_and(|sp| sp.is_open()), "one undo reopens it");
}

#[test]
fn an_item_is_blocked_with_a_reason_and_unblocked_with_the_same_key() {
    let (s, mut app) = app_on_starter();
    press(&mut app, "b");
    assert_eq!(app.mode(), Mode::Form);
    press(&mut app, "F2");
    assert_eq!(app.mode(), Mode::Form, "a reason is needed");
    type_text(&mut app, "waiting for legal");
    press(&mut app, "F2");
    assert_eq!(app.mode(), Mode::Board);
    assert_eq!(saved(&s).item(1).and_then(|it| it.blocked.clone()).as_deref(), Some("waiting for legal"));
    let text = screen(&app, 80, 24);
    assert!(text.contains("Ready 3 ⊘1"), "the header counts it:\n{text}");
    assert!(text.contains("⊘"), "{text}");
    press(&mut app, "b");
    assert_eq!(saved(&s).item(1).and_then(|it| it.blocked.clone()), None);
    assert_eq!(
        app.status().map(|st| st.text.as_str()),
        Some("#1 unblocked (it was blocked: waiting for legal)")
    );
}

#[test]
fn the_standup_view_reads_the_journal_when_opened_and_sets_the_mark() {
    let (s, mut app) = app_at("standup.ron", "2026-11-23T09:30:00Z");
    press(&mut app, "w");
    assert_eq!(app.mode(), Mode::Standup);
    insta::assert_snapshot!("standup_view_100x30", screen(&app, 100, 30));
    insta::assert_snapshot!("standup_view_80x24", screen(&app, 80, 24));
    press(&mut app, "j j j");
    assert!(screen(&app, 100, 30).contains("more"), "scrolled");
    press(&mut app, "m");
    assert_eq!(saved(&s).standup.mark, Some(at("2026-11-23T09:30:00Z")));
    press(&mut app, "+");
    assert_eq!(saved(&s).standup.stale_days, Some(4));
    assert!(screen(&app, 100, 30).contains("Not moved for 4 days or more"));
    press(&mut app, "u");
    assert_eq!(saved(&s).standup.stale_days, None, "undo, in the view");
    press(&mut app, "w");
    assert_eq!(app.mode(), Mode::Board);
    press(&mut app, "w");
    let text = screen(&app, 100, 30);
    assert!(text.contains("(the last standup)") && text.contains("nothing was moved"), "{text}");
}

#[test]
fn the_standup_view_in_presenter_mode_shows_the_split_the_debt_and_the_flag() {
    let (_s, mut app) = app_at("standup.ron", "2026-11-23T09:30:00Z");
    press(&mut app, "P w");
    assert_eq!(app.mode(), Mode::Standup);
    let text = screen(&app, 100, 30);
    insta::assert_snapshot!("standup_view_presenter_100x30", text);
    for line in ["ben · refinement (stage two)", "Debt since then", "More debt than anticipated (1)"] {
        assert!(text.contains(line), "{line}: {text}");
    }
}

#[test]
fn the_capacity_view_shows_the_sprint_and_the_trends_of_the_closed_sprints() {
    let (_s, mut app) = app_at("review.ron", "2026-11-23T09:00:00Z");
    press(&mut app, "m l m");
    assert_eq!(app.view().capacity.points.total, 5, "#9 (unestimated) and #11 (5 pt) committed");
    press(&mut app, "c");
    assert_eq!(app.mode(), Mode::Capacity);
    let small = screen(&app, 80, 24);
    insta::assert_snapshot!("capacity_trends_80x24", small);
    let large = screen(&app, 100, 30);
    insta::assert_snapshot!("capacity_trends_100x30", large);
    for text in [&small, &large] {
        assert!(text.contains("stage two") && text.contains("▁▁▅█"), "{text}");
        assert!(text.contains("Backlog"), "{text}");
    }
}

#[test]
fn every_new_screen_survives_tiny_and_huge_terminals() {
    let (_s, mut app) = app_at("standup.ron", "2026-11-23T09:30:00Z");
    for keys in ["w", "Esc c", "x", "Esc Esc b"] {
        press(&mut app, keys);
        for (w, h) in [(1, 1), (10, 3), (40, 10), (41, 11), (80, 24), (250, 70)] {
            screen(&app, w, h);
        }
    }
}

#[test]
fn a_read_only_session_reads_sprints_and_the_standup_but_changes_nothing() {
    let (s, app) = app_at("standup.ron", "2026-11-23T09:30:00Z");
    let mut app = app.read_only("started with --readonly".into());
    let before = s.read();
    for keys in ["m", "b", "c n", "Esc c x", "Esc w m", "+", "-"] {
        press(&mut app, keys);
        let text = app.status().map(|st| st.text.clone()).unwrap_or_default();
        assert!(text.starts_with("read-only session"), "{keys}: {text}");
        assert_ne!(app.mode(), Mode::Form, "{keys} opens no form");
    }
    assert_eq!(app.mode(), Mode::Standup, "the standup itself can be read");
    assert_eq!(s.read(), before, "nothing was written");
}

#[test]
fn a_follower_sees_the_presenters_retrospective_and_its_scrolling() {
    use twotrack::app::screens::Overlay;
    use twotrack::store::presence::{Announcement, Peer, SharedView};
    let (_s, mut presenter) = app_at("review.ron", "2026-11-23T09:30:00Z");
    press(&mut presenter, "P B j");
    let said = presenter.announcement();
    assert_eq!(said.view, Some(SharedView::Retro { scroll: 1 }));
    let (_f, follower) = app_at("review.ron", "2026-11-23T09:30:00Z");
    let mut follower = follower.read_only("a follower".into()).following(None);
    let alice = |said: Announcement| Peer {
        session: "a".into(),
        said: Announcement { name: "alice".into(), presenting: true, ..said },
        owner: None,
    };
    follower.peers_changed(vec![alice(said)]);
    let retro = |app: &App| match app.overlays() {
        [Overlay::Retro(retro)] => (retro.doc.clone(), retro.scroll),
        other => panic!("not the retrospective: {other:?}"),
    };
    assert_eq!(retro(&follower), retro(&presenter), "the same retrospective, scrolled alike");
    press(&mut presenter, "j j");
    follower.peers_changed(vec![alice(presenter.announcement())]);
    assert_eq!(retro(&follower).1, 3, "it follows the scrolling");
    press(&mut presenter, "Esc");
    follower.peers_changed(vec![alice(presenter.announcement())]);
    assert!(follower.overlays().is_empty(), "the presenter closed it");
}

#[test]
fn a_follower_sees_the_presenters_standup_and_its_scrolling() {
    use twotrack::app::screens::Overlay;
    use twotrack::store::presence::{Announcement, Peer, SharedView};
    let (_s, mut presenter) = app_at("standup.ron", "2026-11-23T09:30:00Z");
    press(&mut presenter, "P w j j");
    let said = presenter.announcement();
    assert_eq!(said.view, Some(SharedView::Standup { scroll: 2 }));
    let (_f, follower) = app_at("standup.ron", "2026-11-23T09:30:00Z");
    let mut follower = follower.read_only("a follower".into()).following(None);
    let alice = |said: Announcement| Peer {
        session: "a".into(),
        said: Announcement { name: "alice".into(), presenting: true, ..said },
        owner: None,
    };
    follower.peers_changed(vec![alice(said.clone())]);
    assert_eq!(follower.mode(), Mode::Standup);
    let standup = |app: &App| match app.overlays() {
        [Overlay::Standup(standup)] => (standup.doc.clone(), standup.scroll),
        other => panic!("not the standup: {other:?}"),
    };
    assert_eq!(standup(&follower), standup(&presenter), "the same standup, scrolled alike");
    let scrolled = |app: &App| standup(app).1;
    assert_eq!(scrolled(&follower), 2);
    press(&mut presenter, "j");
    follower.peers_changed(vec![alice(presenter.announcement())]);
    assert_eq!(scrolled(&follower), 3, "it follows the scrolling");
    press(&mut presenter, "w");
    follower.peers_changed(vec![alice(presenter.announcement())]);
    assert!(follower.overlays().is_empty(), "the presenter closed it");
}

#[test]
fn the_sprint_and_block_forms_are_kept_as_drafts_when_the_session_drops() {
    let s = Sandbox::new().with_starter();
    let mut alice = common::session(&s, "alice");
    press(&mut alice, "b");
    type_text(&mut alice, "waiting for legal");
    alice.stop();
    assert!(alice.exit_note().is_some_and(|n| n.contains("kept as a draft")), "{:?}", alice.exit_note());
    let mut again = common::session(&s, "alice");
    again.offer_draft();
    press(&mut again, "N");
    assert_eq!(again.mode(), Mode::Form);
    press(&mut again, "F2");
    assert_eq!(saved(&s).item(1).and_then(|it| it.blocked.clone()).as_deref(), Some("waiting for legal"));
    let mut bob = common::session(&s, "bob");
    press(&mut bob, "c n");
    type_text(&mut bob, "Sprint 1 (hardening)");
    bob.stop();
    let mut again = common::session(&s, "bob");
    again.offer_draft();
    press(&mut again, "N F2");
    assert_eq!(
        saved(&s).current_sprint().map(|sp| sp.name.clone()).as_deref(),
        Some("Sprint 1 (hardening)"),
        "the typed name came back"
    );
}
