//! The charts screen through the real keymap on a board with two weeks of history made by the
//! command line at pinned times: snapshots of each chart at 80x24 and in presenter mode at
//! 100x30, in ASCII and in 16 colours (plain markers, no braille); the retrospective's page of
//! charts; a follower sees the presenter's chart.

use crate::common::history::{LOOKED, history};
use crate::common::{Sandbox, app_at, press, run_at};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use twotrack::app::App;
use twotrack::app::input::keymap::Mode;
use twotrack::app::screens::Overlay;
use twotrack::app::screens::charts::Chart;
use twotrack::model::{Stage, Track};
use twotrack::store::presence::{Announcement, Peer, Selected, SharedView};
use twotrack::ui::Screen;
use twotrack::ui::theme::Theme;

/// The screen as text; `ascii` folds it, `basic` is a 16-colour terminal.
fn shot(app: &App, width: u16, height: u16, ascii: bool, basic: bool) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    let mut screen = Screen::new(Theme::standard());
    screen.ascii = ascii;
    screen.basic_colours = basic;
    terminal.draw(|frame| screen.render(app, frame)).expect("draw");
    terminal.backend().to_string()
}

fn on_top(app: &App) -> Option<(Chart, Track)> {
    match app.overlays().last() {
        Some(Overlay::Charts(c)) => Some((c.chart, c.track)),
        _ => None,
    }
}

fn braille(text: &str) -> bool {
    text.chars().any(|c| ('\u{2800}'..='\u{28FF}').contains(&c))
}

#[test]
fn each_chart_at_80x24_with_its_series_named_in_text() {
    let s = history();
    let mut app = app_at(&s, LOOKED);
    press(&mut app, "C");
    assert_eq!(app.mode(), Mode::Charts);
    let words = [
        ("burn_up", "Sprint 2: day 7 of 14, 3 of 13 points done"),
        ("velocity", "Sprint 1: 7 + 2 points, stage two 22% against 30%"),
        ("flow", "Ready 1, In progress 2, Review 0, Done 4"),
        ("cycle_time", "delivery 1.0d / 4.0d (4 items)"),
    ];
    for (name, said) in words {
        let screen = shot(&app, 80, 24, false, false);
        let flat = screen
            .lines()
            .map(|l| l.trim_matches(|c| c == '│' || c == ' ' || c == '"'))
            .collect::<Vec<_>>()
            .join(" ");
        assert!(flat.contains(said), "{name} says {said:?}:\n{screen}");
        insta::assert_snapshot!(format!("charts_{name}_80x24"), screen);
        press(&mut app, "j");
    }
    assert_eq!(on_top(&app), Some((Chart::BurnUp, Track::Delivery)), "j wraps round to the first");
    press(&mut app, "k");
    assert_eq!(on_top(&app).map(|c| c.0), Some(Chart::CycleTime));
    press(&mut app, "t");
    assert_eq!(on_top(&app), Some((Chart::Flow, Track::Discovery)), "t shows the other track's flow");
    let screen = shot(&app, 80, 24, false, false);
    assert!(screen.contains("Concluded 1"), "{screen}");
    press(&mut app, "Esc");
    assert_eq!(app.mode(), Mode::Board);
}

#[test]
fn ascii_and_sixteen_colours_draw_plain_markers() {
    let s = history();
    let mut app = app_at(&s, LOOKED);
    press(&mut app, "C");
    for chart in ["burn_up", "velocity", "flow", "cycle_time"] {
        let ascii = shot(&app, 80, 24, true, false);
        assert!(ascii.is_ascii(), "{chart} in ASCII:\n{ascii}");
        insta::assert_snapshot!(format!("charts_{chart}_ascii_80x24"), ascii);
        let basic = shot(&app, 80, 24, false, true);
        assert!(!braille(&basic), "{chart} in 16 colours has no braille:\n{basic}");
        press(&mut app, "Tab");
    }
    assert!(braille(&shot(&app, 80, 24, false, false)), "a full terminal draws the burn-up in braille");
}

#[test]
fn presenter_mode_at_100x30_in_sixteen_colours() {
    let s = history();
    let mut app = app_at(&s, LOOKED).presenter();
    press(&mut app, "C");
    for chart in ["burn_up", "velocity", "flow", "cycle_time"] {
        let screen = shot(&app, 100, 30, false, true);
        assert!(!braille(&screen));
        insta::assert_snapshot!(format!("charts_{chart}_presenter_100x30"), screen);
        press(&mut app, "j");
    }
}

#[test]
fn the_retrospective_has_a_page_of_charts() {
    let s = history();
    let mut app = app_at(&s, LOOKED);
    press(&mut app, "B");
    assert_eq!(app.mode(), Mode::Retro);
    press(&mut app, "C");
    assert_eq!(on_top(&app), Some((Chart::BurnUp, Track::Delivery)));
    press(&mut app, "Esc");
    assert_eq!(app.mode(), Mode::Retro, "closing the charts goes back to the retrospective");
}

#[test]
fn a_board_without_history_says_what_is_missing_and_never_draws_zeros() {
    let s = Sandbox::new();
    run_at(&s, "2026-11-02T09:00:00Z", &["init", "--empty"]).ok();
    std::fs::remove_file(s.board.with_extension("ron.journal")).ok();
    let mut app = app_at(&s, LOOKED);
    press(&mut app, "C");
    let screen = shot(&app, 80, 24, false, false);
    assert!(screen.contains("No sprint yet"), "{screen}");
    assert!(screen.contains("The journal has no history yet"), "{screen}");
    press(&mut app, "j");
    assert!(shot(&app, 80, 24, false, false).contains("No closed sprint yet"));
    for _ in 0..3 {
        press(&mut app, "j");
        shot(&app, 80, 24, true, false);
        shot(&app, 40, 12, false, false);
    }
}

/// A background replay that stays under way until the returned sender is dropped or sends:
/// what `C` meets when pressed just after the board screen opened on a long journal.
fn pending_replay(app: &mut App) -> std::sync::mpsc::Sender<()> {
    let (release, gate) = std::sync::mpsc::channel::<()>();
    app.replay_in_background(move || _ = gate.recv());
    assert!(!app.replay_ready());
    release
}

/// The replay let go and over: what the terminal's loop does when the replay reports back.
fn finish(app: &mut App, release: std::sync::mpsc::Sender<()>) -> bool {
    drop(release);
    while !app.replay_ready() {
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    app.replay_finished()
}

#[test]
fn charts_opened_during_the_first_replay_say_so_and_keep_the_keys_working() {
    let s = history();
    let mut app = app_at(&s, LOOKED);
    let release = pending_replay(&mut app);
    press(&mut app, "C");
    assert_eq!(app.mode(), Mode::Charts, "the screen opens at once");
    let screen = shot(&app, 80, 24, false, false);
    assert!(screen.contains("working out the charts…"), "{screen}");
    assert!(!screen.contains("Sprint 2: day 7"), "no figures yet:\n{screen}");
    insta::assert_snapshot!("charts_working_80x24", screen);
    press(&mut app, "j");
    press(&mut app, "Tab");
    assert_eq!(on_top(&app), Some((Chart::Flow, Track::Delivery)), "j and Tab step while waiting");
    press(&mut app, "k");
    assert_eq!(on_top(&app), Some((Chart::Velocity, Track::Delivery)));
    assert!(shot(&app, 80, 24, true, false).contains("working out the charts~"), "one ASCII line too");
    assert!(finish(&mut app, release), "the figures arrive on the open screen");
    let screen = shot(&app, 80, 24, false, false);
    assert!(!screen.contains("working out"), "{screen}");
    assert!(screen.contains("Sprint 1: 7 + 2 points"), "the chart on is drawn:\n{screen}");
    press(&mut app, "Esc");
    press(&mut app, "C");
    assert!(shot(&app, 80, 24, false, false).contains("Sprint 2: day 7 of 14"), "then at once");
}

#[test]
fn charts_closed_before_the_replay_is_over_stay_closed() {
    let s = history();
    let mut app = app_at(&s, LOOKED);
    let release = pending_replay(&mut app);
    press(&mut app, "C");
    press(&mut app, "Esc");
    assert_eq!(app.mode(), Mode::Board, "Esc closes the waiting screen");
    assert!(!finish(&mut app, release), "nothing on screen waited for the figures");
    assert_eq!(app.mode(), Mode::Board);
    press(&mut app, "C");
    assert!(shot(&app, 80, 24, false, false).contains("Sprint 2: day 7 of 14"));
}

#[test]
fn a_follower_waits_for_its_own_replay_then_sees_the_presenters_chart() {
    let s = history();
    let mut app = app_at(&s, LOOKED).with_identity("me".into(), "dana".into());
    let release = pending_replay(&mut app);
    let mut app = app.following(None);
    let said = Announcement {
        name: "alice".into(),
        presenting: true,
        view: Some(SharedView::Charts { chart: 1, discovery: false }),
        ..Announcement::default()
    };
    app.peers_changed(vec![Peer { session: "a".into(), said, owner: None }]);
    assert_eq!(on_top(&app), Some((Chart::Velocity, Track::Delivery)));
    let screen = shot(&app, 100, 30, false, true);
    assert!(screen.contains("working out the charts…"), "{screen}");
    assert!(finish(&mut app, release));
    let screen = shot(&app, 100, 30, false, true);
    assert!(screen.contains("Sprint 1: 7 + 2 points"), "{screen}");
}

#[test]
fn a_follower_sees_the_presenters_chart() {
    let s = history();
    let mut app = app_at(&s, LOOKED).with_identity("me".into(), "dana".into()).following(None);
    let selected =
        Selected { track: Track::Delivery, column: "doing".into(), stage: Stage::One, item: Some(7) };
    let said = |view| Announcement {
        name: "alice".into(),
        selected: Some(selected.clone()),
        presenting: true,
        view,
        ..Announcement::default()
    };
    app.peers_changed(vec![Peer {
        session: "a".into(),
        said: said(Some(SharedView::Charts { chart: 2, discovery: true })),
        owner: None,
    }]);
    assert_eq!(on_top(&app), Some((Chart::Flow, Track::Discovery)));
    app.peers_changed(vec![Peer {
        session: "a".into(),
        said: said(Some(SharedView::Charts { chart: 1, discovery: false })),
        owner: None,
    }]);
    assert_eq!(on_top(&app), Some((Chart::Velocity, Track::Delivery)));
    app.peers_changed(vec![Peer { session: "a".into(), said: said(None), owner: None }]);
    assert_eq!(on_top(&app), None, "closed with the presenter's");
}

#[test]
fn the_markdown_review_carries_each_chart_as_a_table_and_a_line_of_blocks() {
    let s = history();
    let out = run_at(&s, LOOKED, &["report", "--sprint", "Sprint 2", "--markdown"]).ok().stdout;
    for line in [
        "## Burn-up: Sprint 2",
        "| 2026-11-14 | 6 | 0 | 0.9 |",
        "| 2026-11-19 | 13 | 3 | 5.6 |",
        "| Sprint 1 | 7 | 2 | 1 | 22% | 30% | off target |",
        "## Cumulative flow: delivery track",
        "| 2026-10-30 | - | - | - | - |",
        "| 2026-11-20 | 1 | 2 | 0 | 4 |",
        "| delivery | 4 | 1.0 | 4.0 |",
        "items done per week, oldest first ·········▃█▃",
    ] {
        assert!(out.contains(line), "{line:?} in:\n{out}");
    }
    let closed = run_at(&s, LOOKED, &["report", "--sprint", "Sprint 1", "--markdown"]).ok().stdout;
    // Its unfinished items went on to Sprint 2 at the close, yet its last day ends on what the
    // close recorded, the review's own "9 of 15 committed points done".
    assert!(closed.contains("9 of 15 committed points done"), "{closed}");
    assert!(closed.contains("| 2026-11-13 | 15 | 9 | 15.0 |"), "Sprint 1 as of its close:\n{closed}");
}

/// The numbers on the y axis of the chart on screen, top to bottom.
fn y_labels(screen: &str) -> Vec<u32> {
    screen
        .lines()
        .filter_map(|l| {
            let inside = l.trim_matches('"').trim_start_matches(['│', '|', ' ']);
            let (label, rest) = inside.split_once(['│', '|'])?;
            let label = label.trim();
            (!label.is_empty() && !rest.is_empty()).then(|| label.parse().ok()).flatten()
        })
        .collect()
}

#[test]
fn a_small_board_has_distinct_whole_numbers_on_each_axis_and_legends_above_the_lines() {
    let s = Sandbox::new();
    run_at(&s, "2026-11-02T09:00:00Z", &["init", "--empty"]).ok();
    run_at(&s, "2026-11-02T09:01:00Z", &["sprint", "start", "S1", "--start", "2026-11-02", "--end", "1w"])
        .ok();
    run_at(&s, "2026-11-02T09:05:00Z", &["add", "One thing", "--estimate", "1"]).ok();
    run_at(&s, "2026-11-02T09:06:00Z", &["commit", "1"]).ok();
    run_at(&s, "2026-11-03T10:00:00Z", &["move", "1", "doing"]).ok();
    let mut app = app_at(&s, "2026-11-04T12:00:00Z");
    press(&mut app, "C");
    for (chart, size, ascii, basic) in [
        ("burn_up", (80, 24), false, false),
        ("flow", (100, 30), true, false),
        ("flow", (80, 24), false, true),
    ] {
        if chart == "flow" && on_top(&app).map(|c| c.0) != Some(Chart::Flow) {
            press(&mut app, "j");
            press(&mut app, "j");
        }
        let screen = shot(&app, size.0, size.1, ascii, basic);
        let labels = y_labels(&screen);
        assert_eq!(labels, vec![2, 1, 0], "{chart}: one label a value, never `1 1`:\n{screen}");
        let rows: Vec<&str> = screen.lines().collect();
        let legend = rows.iter().position(|l| l.contains("scope") || l.contains("top to bottom"));
        let axis = rows.iter().position(|l| l.contains("││2 ") || l.contains("||2 "));
        assert!(legend < axis && legend.is_some(), "{chart}: the legend is above the chart:\n{screen}");
        let name = format!("charts_small_{chart}_{}x{}{}", size.0, size.1, if ascii { "_ascii" } else { "" });
        insta::assert_snapshot!(name, screen);
    }
}
