//! The readable-titles rule (docs/guide/board-and-keys.md, "Layouts that fit"): on a board of
//! long titles (ASCII and UTF-8), every visible card of the selected track shows two rows of its
//! title at 80x24, both tracks do at 100x30 in presenter mode, and column names stay whole.
//! Snapshots at 80x24, 100x30 presenter, 120x40 and 250x70.

use twotrack::app::App;
use twotrack::domain::change::{NewItem, ops};
use twotrack::model::{Board, Track};

use crate::common::{self, press, screen};

const ASCII_TITLES: [&str; 3] = [
    "Migrate the billing exports to the new streaming pipeline",
    "Investigate why nightly reconciliation drifts by a few cents",
    "Document the webhook retry policy for partner integrations",
];

const WIDE_TITLES: [&str; 3] = [
    "数据库迁移到新集群的第二阶段工作和回滚计划",
    "Überprüfung der Zahlungsströme für Großkunden",
    "🚀 Launch checklist für das neue Onboarding",
];

/// A board with three long titles in every column of both tracks (but the done ones).
fn long_titles(titles: [&str; 3]) -> (common::Sandbox, App) {
    let sandbox = common::Sandbox::new();
    let mut board = Board::new("Long titles");
    let columns: Vec<(Track, String)> = Track::ALL
        .into_iter()
        .flat_map(|t| board.track(t).columns.iter().filter(|c| !c.done).map(move |c| (t, c.name.clone())))
        .collect();
    for (track, column) in columns {
        for title in titles {
            let new = NewItem {
                title: title.into(),
                track: Some(track),
                column: Some(column.clone()),
                estimate: Some(3),
                ..NewItem::default()
            };
            let op = ops::add(&board, new, common::now()).expect("add");
            board.apply(op.edit).expect("apply");
        }
    }
    let mut store = twotrack::store::Store::open(&sandbox.board, common::now()).expect("create").store;
    store.save(&board).expect("save");
    let app = common::app_at(&sandbox, common::NOW);
    (sandbox, app)
}

/// Words that lie past the first 16 characters of each ASCII title: they show only where cards
/// have two rows of title in columns wide enough for them.
const LATER_WORDS: [&str; 3] = ["billing", "nightl", "webhook"];

fn assert_titles_read(text: &str, what: &str) {
    for word in LATER_WORDS {
        let cards = text.matches(word).count();
        assert!(cards >= 2, "{what}: {word:?} on {cards} cards:\n{text}");
    }
}

#[test]
fn at_80x24_the_selected_track_reads_and_the_other_folds() {
    for (name, titles) in [("ascii", ASCII_TITLES), ("wide", WIDE_TITLES)] {
        let (_s, app) = long_titles(titles);
        let text = screen(&app, 80, 24);
        assert!(text.contains("In progress"), "column names whole:\n{text}");
        if name == "ascii" {
            assert_titles_read(&text, "80x24");
        }
        insta::assert_snapshot!(format!("readable_80x24_{name}"), text);
        let mut app = app;
        press(&mut app, "h h");
        let discovery = screen(&app, 80, 24);
        assert!(discovery.contains("To explore"), "{discovery}");
        insta::assert_snapshot!(format!("readable_80x24_discovery_{name}"), discovery);
    }
}

#[test]
fn every_size_from_presenter_mode_up_shows_both_tracks() {
    for (name, titles) in [("ascii", ASCII_TITLES), ("wide", WIDE_TITLES)] {
        let (_s, mut app) = long_titles(titles);
        for (w, h) in [(120, 40), (250, 70)] {
            let text = screen(&app, w, h);
            assert!(text.contains("To explore") && text.contains("In progress"), "{w}x{h}:\n{text}");
            insta::assert_snapshot!(format!("readable_{w}x{h}_{name}"), text);
        }
        press(&mut app, "P");
        assert!(app.presenting());
        let text = screen(&app, 100, 30);
        assert!(text.contains("To explore") && text.contains("Ready"), "both tracks:\n{text}");
        if name == "ascii" {
            assert_titles_read(&text, "presenter 100x30");
        }
        insta::assert_snapshot!(format!("readable_100x30_presenter_{name}"), text);
    }
}

#[test]
fn in_ascii_mode_the_folded_track_and_two_row_titles_read_the_same() {
    let (_s, app) = long_titles(ASCII_TITLES);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).expect("terminal");
    let mut view = twotrack::ui::Screen::new(twotrack::ui::theme::Theme::standard());
    view.ascii = true;
    terminal.draw(|frame| view.render(&app, frame)).expect("draw");
    let text = terminal.backend().to_string();
    assert!(text.is_ascii(), "{text}");
    assert!(text.contains("In progress") && text.contains("6 items"), "{text}");
    assert_titles_read(&text, "ASCII mode 80x24");
    insta::assert_snapshot!("readable_80x24_ascii_mode", text);
}
