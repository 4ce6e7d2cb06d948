//! Whole screens on ratatui's TestBackend at 80x24 and 160x48, as insta snapshots (text only;
//! the important styles are asserted on the buffer).

use crate::common;

use crate::common::{app_on_starter, press, type_text};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use twotrack::app::App;
use twotrack::app::input::keymap::Mode;
use twotrack::ui::Screen;
use twotrack::ui::theme::Theme;

fn render(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    let mut screen = Screen::new(Theme::standard());
    terminal.draw(|frame| screen.render(app, frame)).expect("draw");
    terminal
}

fn text(terminal: &Terminal<TestBackend>) -> String {
    terminal.backend().to_string()
}

/// Where `needle` starts on screen (first match).
fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    let area = buf.area;
    (area.top()..area.bottom()).find_map(|y| {
        let line: String = (area.left()..area.right()).map(|x| buf[(x, y)].symbol().to_owned()).collect();
        line.find(needle).map(|byte| (line[..byte].chars().count() as u16, y))
    })
}

/// An app on a generated 60-item board (both tracks, both stages, every column).
fn app_on_sixty() -> (common::Sandbox, App) {
    let sandbox = common::Sandbox::new();
    let mut store = twotrack::store::Store::open(&sandbox.board, common::now()).expect("create").store;
    store.save(&twotrack::generate::board(60, 7)).expect("save");
    let opened = twotrack::store::Store::open(&sandbox.board, common::now()).expect("open");
    let keymap = twotrack::app::input::keymap::Keymap::default_keymap();
    let app = App::new(opened.board, opened.store, keymap, common::now());
    (sandbox, app)
}

/// How many columns the board shows: the top-left corners on the row under the track headers.
fn column_tops(screen: &str) -> usize {
    screen.lines().nth(2).map_or(0, |row| row.matches(['┌', '┏']).count())
}

/// The sizes the board must fit, from a laptop terminal to a facilitator's big screen.
const SIZES: [(u16, u16); 4] = [(80, 24), (100, 30), (120, 40), (200, 50)];

#[test]
fn the_starter_board_at_every_size() {
    let (_s, app) = app_on_starter();
    for (width, height) in SIZES {
        insta::assert_snapshot!(format!("starter_{width}x{height}"), text(&render(&app, width, height)));
    }
}

#[test]
fn a_sixty_item_board_at_every_size() {
    let (_s, app) = app_on_sixty();
    for (width, height) in SIZES {
        let screen = text(&render(&app, width, height));
        assert!(
            screen.contains("overdue"),
            "the discovery track's flag shows at {width}x{height}:\n{screen}"
        );
        insta::assert_snapshot!(format!("sixty_{width}x{height}"), screen);
    }
}

#[test]
fn presenter_mode_at_120x40_and_100x30_shows_every_column_with_two_row_cards() {
    let (_s, mut app) = app_on_sixty();
    press(&mut app, "P");
    for (width, height) in [(120, 40), (100, 30)] {
        let screen = text(&render(&app, width, height));
        assert_eq!(column_tops(&screen), 7, "{width}x{height}: every column:\n{screen}");
        assert!(screen.contains(" @"), "two-row cards show assignees:\n{screen}");
        insta::assert_snapshot!(format!("presenter_sixty_{width}x{height}"), screen);
    }
}

#[test]
fn at_80x24_the_selected_track_reads_and_the_other_folds_to_its_counts() {
    let (_s, mut app) = app_on_starter();
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("DISCOVERY") && screen.contains("DELIVERY"), "{screen}");
    assert!(
        screen.contains("Welcome: press ? for every key, q to quit"),
        "the selected title reads:\n{screen}"
    );
    // The discovery track is a strip with its counts; every delivery column is on screen, whole.
    assert!(screen.contains("3 items") && screen.contains("To explo… 1"), "{screen}");
    assert!(screen.contains("In progress 2/3"), "{screen}");
    assert_eq!(column_tops(&screen), 5, "{screen}");
    let header = screen.lines().nth(1).unwrap_or_default();
    assert!(!header.contains('◀') && !header.contains('▶'), "{screen}");
    press(&mut app, "l l l");
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("Done"), "a selected done column opens:\n{screen}");
    // Past the edge of the track, the other one opens and this one folds.
    press(&mut app, "h h h h");
    let screen = text(&render(&app, 80, 24));
    assert!(screen.contains("To explore 1") && screen.contains("7 items"), "{screen}");
}

#[test]
fn starter_board_80x24() {
    let (_s, app) = app_on_starter();
    let terminal = render(&app, 80, 24);
    insta::assert_snapshot!(text(&terminal));
    // The selected card is drawn reversed, which reads without colour.
    let buf = terminal.backend().buffer();
    let (x, y) = find(buf, "#1 ").expect("card #1 on screen");
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
    let (x, y) = find(buf, "#5 ").expect("card #5 on screen");
    assert!(!buf[(x, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn starter_board_160x48() {
    let (_s, app) = app_on_starter();
    insta::assert_snapshot!(text(&render(&app, 160, 48)));
}

#[test]
fn help_80x24() {
    let (_s, mut app) = app_on_starter();
    press(&mut app, "?");
    insta::assert_snapshot!(text(&render(&app, 80, 24)));
}

#[test]
fn help_160x48() {
    let (_s, mut app) = app_on_starter();
    press(&mut app, "?");
    insta::assert_snapshot!(text(&render(&app, 160, 48)));
}

#[test]
fn editor_80x24() {
    let (_s, mut app) = app_on_starter();
    press(&mut app, "e");
    insta::assert_snapshot!(text(&render(&app, 80, 24)));
}

#[test]
fn editor_with_an_error_160x48() {
    let (_s, mut app) = app_on_starter();
    press(&mut app, "a");
    type_text(&mut app, "Needs a number");
    press(&mut app, "Tab Tab");
    type_text(&mut app, "lots");
    press(&mut app, "F2");
    insta::assert_snapshot!(text(&render(&app, 160, 48)));
}

#[test]
fn too_small_note() {
    let (_s, app) = app_on_starter();
    insta::assert_snapshot!(text(&render(&app, 60, 8)));
}

#[test]
fn a_screen_narrower_than_the_columns_scrolls_to_the_selection_and_marks_hidden_columns() {
    let (_s, mut app) = app_on_starter();
    let header = |screen: &str| screen.lines().nth(1).unwrap_or_default().to_owned();
    let screen = text(&render(&app, 50, 20));
    assert!(header(&screen).contains("2▶"), "two delivery columns hidden on the right:\n{screen}");
    press(&mut app, "l l l");
    let screen = text(&render(&app, 50, 20));
    assert!(header(&screen).contains("◀2"), "{screen}");
}

#[test]
fn zoomed_delivery_track() {
    let (_s, mut app) = app_on_starter();
    press(&mut app, "z");
    let screen = text(&render(&app, 120, 30));
    assert!(!screen.contains("DISCOVERY"), "{screen}");
    assert!(screen.contains("Ready") && screen.contains("Done"), "{screen}");
}

#[test]
fn search_prompt_replaces_the_hints() {
    let (_s, mut app) = app_on_starter();
    press(&mut app, "/");
    type_text(&mut app, "export");
    insta::assert_snapshot!(text(&render(&app, 80, 24)));
}

#[test]
fn long_lanes_scroll_with_the_selection() {
    let (s, _) = app_on_starter();
    for n in 0..30 {
        s.run(&["add", &format!("Filler card {n}")]).ok();
    }
    let opened = twotrack::store::Store::open(&s.board, common::now()).expect("open");
    let mut app = App::new(
        opened.board,
        opened.store,
        twotrack::app::input::keymap::Keymap::default_keymap(),
        common::now(),
    );
    let screen = text(&render(&app, 80, 24));
    // The stage-two lane holds one card, so the long stage-one lane takes the rest of the height.
    // Two-row cards (the readable-titles rule): four filler cards, then the mark.
    assert!(screen.contains("↓ 26 more"), "{screen}");
    for _ in 0..31 {
        press(&mut app, "j");
    }
    assert_eq!(app.selected_item().map(|it| it.title.as_str()), Some("Filler card 29"));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let mut view = Screen::new(Theme::standard());
    terminal.draw(|f| view.render(&app, f)).expect("draw");
    let screen = text(&terminal);
    assert!(screen.contains("Filler card 29"), "{screen}");
    assert!(screen.contains("↑ "), "{screen}");
}

#[test]
fn never_panics_at_any_small_size() {
    let (_s, mut app) = app_on_starter();
    press(&mut app, "?");
    assert_eq!(app.mode(), Mode::Help);
    for width in 1..40 {
        for height in 1..14 {
            render(&app, width, height);
        }
    }
    press(&mut app, "Esc a");
    assert_eq!(app.mode(), Mode::Form);
    for (width, height) in [(1, 1), (10, 3), (27, 10), (30, 12), (250, 70)] {
        render(&app, width, height);
    }
    // Every overlay, and presenter mode, just above the smallest usable size.
    for (keys, mode) in [
        ("Esc Esc c", Mode::Capacity),
        ("Esc r", Mode::Debt),
        ("Esc h h h p", Mode::Form),
        ("Esc Esc l l l L L L", Mode::Confirm),
        ("Esc Esc / x", Mode::Search),
        ("Esc Esc P", Mode::Board),
        ("D", Mode::Form),
        ("Esc e", Mode::Form),
    ] {
        press(&mut app, keys);
        assert_eq!(app.mode(), mode, "{keys}");
        for width in 38..64 {
            for height in 8..18 {
                render(&app, width, height);
            }
        }
    }
}

#[test]
fn walking_into_discovery_and_opening_a_form_at_80x24_draws_every_step() {
    let (_s, mut app) = app_on_starter();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let mut screen = Screen::new(Theme::standard());
    // Keys typed faster than frames: several arrive between two draws.
    for keys in ["h", "h h h", "p", "Esc l l l l l l", "h h h h h h", "x", "Esc G", "g"] {
        press(&mut app, keys);
        terminal.draw(|f| screen.render(&app, f)).expect("draw");
    }
}

#[test]
fn the_focused_description_shows_five_rows_at_80x24() {
    let (_s, mut app) = app_on_starter();
    press(&mut app, "e Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab");
    let shown = text(&render(&app, 80, 24));
    let lines: Vec<&str> = shown.lines().collect();
    let at = lines.iter().position(|l| l.contains("▶ Description")).expect("the description has the focus");
    let save = lines.iter().position(|l| l.contains("[ Save ]")).expect("the save button");
    assert!(save - at >= 6, "five rows (and the error row) for the description:\n{shown}");
    assert!(shown.contains("Ctrl-o: editor"), "the form says how to open the editor:\n{shown}");
}
